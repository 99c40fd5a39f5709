/* passage.c - what a passage of the notes says of an initiative or a
 * session: the phrase dictionary (themes, audiences, itinérance, registry
 * names) scanned once per block, text helpers for heads and names, themes,
 * places and figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "extract/doc.h"
#include "extract/initiative.h"
#include "extract/report.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

/* ------------------------------------------------------------ dictionary */

static void
dict_concepts(struct kg_dict *d, const struct kg_concept *c, size_t n,
              enum kg_dict_kind kind)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i, j;

  for(i = 0; i < n; i++)
    for(j = 0; j < c[i].nwords; j++) {
      kg_text_key(c[i].words[j].text, strlen(c[i].words[j].text), &k);
      kg_dict_add(d, k.s, kind, i);
    }
  kg_buf_release(&k);
}

struct kg_dict *
kg_passage_build_dict(struct kg_report *x)
{
  struct kg_dict *d = kg_dict_new();
  size_t i;

  for(i = 0; x->reg && i < x->reg->nkeys; i++) {
    const struct kg_entity *e = &x->reg->ents[x->reg->keys[i].ent];

    kg_dict_add(d, x->reg->keys[i].key,
                e->kind == KG_ENT_INITIATIVE ? KG_DICT_INITIATIVE : KG_DICT_ORG,
                x->reg->keys[i].ent);
  }
  dict_concepts(d, x->v->themes, x->v->nthemes, KG_DICT_THEME);
  dict_concepts(d, x->v->publics, x->v->npublics, KG_DICT_PUBLIC);
  dict_concepts(d, x->v->itinerance, x->v->nitinerance, KG_DICT_ITINERANCE);
  return d;
}

const struct kg_dict_entry *
kg_passage_hit_kind(const struct kg_dict_hit *h, enum kg_dict_kind kind)
{
  size_t i;

  for(i = 0; i < h->ne; i++)
    if(h->e[i].kind == kind)
      return &h->e[i];
  return NULL;
}

/* Dictionary hits of block @b, computed once.  SHARED. */
const struct kg_dict_hits *
kg_passage_block_hits(struct istate *st, size_t b)
{
  if(!st->bdone[b]) {
    const struct kg_block *bl = &st->x->doc.blocks[b];

    kg_dict_scan(st->dict, bl->text, bl->len, &st->bhits[b]);
    kg_report_registry_hits_check(st->x, bl->text, &st->bhits[b]);
    st->bdone[b] = 1;
  }
  return &st->bhits[b];
}

/* ------------------------------------------------------------ text helpers */

int
kg_passage_skip_marks(const char *t, size_t len, size_t i)
{
  /* list arrows and dashes that open items: "⇒ ", "↳ ", "- " */
  while(i < len) {
    int cp, k = kg_text_utf8_decode(t + i, len - i, &cp);

    if(cp == ' ' || cp == 0x21D2 || cp == 0x21B3 || cp == 0x2192 ||
       cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '>' || cp == '*' ||
       cp == 0x2022)
      i += (size_t)k;
    else
      break;
  }
  return (int)i;
}

int
kg_passage_first_upper(const char *t, size_t len)
{
  return kg_text_upper_at(t, len) ||
         (len && (t[0] == '#' || (t[0] >= '0' && t[0] <= '9')));
}

/* Typographic marks of a name: @ ' . inside a word, inner capitals, #. */
int
kg_passage_distinctive(const char *t, size_t len)
{
  size_t i;
  int prev_lower = 0;

  for(i = 0; i < len;) {
    int cp, k = kg_text_utf8_decode(t + i, len - i, &cp);

    if(cp == '@' || cp == '#')
      return 1;
    if((cp == '\'' || cp == 0x2019 || cp == '.') && i > 1 && i + 1 < len &&
       t[i + 1] != ' ' && t[i - 1] != ' ' && !(i == 1))
      return i > 2;  /* "Rural'num", "LaCollecte.tech"; not "l'" */
    if(utf8proc_isupper(cp) && prev_lower)
      return 1;
    prev_lower = utf8proc_islower(cp);
    if(cp == ' ')
      prev_lower = 0;
    i += (size_t)k;
  }
  return 0;
}

/* Words of t[0..len) (key per word) contain one of @role's phrases? */
int
kg_passage_has_cue_word(const struct kg_vocab *v, enum kg_cue_role role, const char *t,
             size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t p;
  int hit = 0;

  kg_text_key_keep_article(t, len, &key);
  for(p = 0; p < v->ncues[role] && !hit; p++)
    if(kg_text_key_contains(key.s, v->cues[role][p].key))
      hit = 1;
  kg_buf_release(&key);
  return hit;
}

/* Last block of an item's subtree (exclusive). */
size_t
kg_passage_subtree_end(const struct kg_doc *d, size_t b, size_t limit)
{
  size_t j = b + 1;

  while(j < limit && j < d->nblocks) {
    long p = d->blocks[j].parent;

    while(p >= 0 && (size_t)p != b)
      p = d->blocks[p].parent;
    if(p < 0)
      break;
    j++;
  }
  return j;
}

int
kg_passage_block_head(const struct kg_block *bl, size_t *ha, size_t *hz, size_t *desc)
{
  size_t a = (size_t)kg_passage_skip_marks(bl->text, bl->len, 0), z, i;

  /* bold run-in head */
  for(i = 0; i < bl->nspans; i++)
    if(bl->spans[i].strong && bl->spans[i].start <= a + 1 &&
       bl->spans[i].end < bl->len && bl->spans[i].end > bl->spans[i].start) {
      *ha = bl->spans[i].start;
      *hz = bl->spans[i].end;
      while(*hz > *ha && (bl->text[*hz - 1] == ' ' || bl->text[*hz - 1] == ':'))
        (*hz)--;
      *desc = bl->spans[i].end;
      while(*desc < bl->len && (bl->text[*desc] == ' ' || bl->text[*desc] == ':'))
        (*desc)++;
      return *hz > *ha;
    }
  for(z = a; z < bl->len && z - a < 80; z++) {
    if(bl->text[z] == '\n' || bl->text[z] == '.' || bl->text[z] == '(' ||
       bl->text[z] == ',')
      return 0;
    if(bl->text[z] == ':' && (z + 1 >= bl->len || bl->text[z + 1] == ' ' ||
                              bl->text[z + 1] == '\n')) {
      *ha = a;
      *hz = z;
      while(*hz > *ha && bl->text[*hz - 1] == ' ')
        (*hz)--;
      *desc = z + 1;
      while(*desc < bl->len && bl->text[*desc] == ' ')
        (*desc)++;
      return *hz > *ha;
    }
  }
  return 0;
}

size_t
kg_passage_word_count(const char *t, size_t len)
{
  size_t i, n = 0;
  int in = 0;

  for(i = 0; i < len; i++) {
    if(t[i] == ' ')
      in = 0;
    else if(!in) {
      in = 1;
      n++;
    }
  }
  return n;
}

/* ------------------------------------------------------------ themes, places */

static void
found_add(struct found **v, size_t *n, size_t *cap, size_t idx, size_t a,
          size_t z)
{
  size_t i;

  for(i = 0; i < *n; i++)
    if((*v)[i].idx == idx)
      return;
  KG_GROW(*v, *cap, *n + 1);
  (*v)[*n].idx = idx;
  (*v)[*n].a = a;
  (*v)[*n].z = z;
  (*n)++;
}

static long
theme_index(const struct kg_vocab *v, const char *iri)
{
  size_t i;

  for(i = 0; i < v->nthemes; i++)
    if(!strcmp(v->themes[i].iri, iri))
      return (long)i;
  return -1;
}

/* dcterms:subject for @themes, closed upward over skos:broader. */
void
kg_passage_emit_themes(struct kg_report *x, librdf_node *s, const struct found *th, size_t n,
            const char *rule, int inferred)
{
  size_t i, j;

  for(i = 0; i < n; i++) {
    const struct kg_concept *c = &x->v->themes[th[i].idx];
    librdf_node *tn = kg_evidence_iri(&x->e, c->iri, NULL);
    long cur = (long)th[i].idx;
    int guard = 0;

    kg_evidence_fact(&x->e, s, KG_NS_DCTERMS, "subject", tn, rule, th[i].a, th[i].z,
                 inferred);
    librdf_free_node(tn);
    while(cur >= 0 && guard++ < 16) {
      const struct kg_concept *cc = &x->v->themes[cur];
      long next = -1;

      for(j = 0; j < cc->nbroader; j++) {
        librdf_node *bn = kg_evidence_iri(&x->e, cc->broader[j], NULL);

        kg_evidence_fact(&x->e, s, KG_NS_DCTERMS, "subject", bn, "skos:broader",
                     th[i].a, th[i].z, 1);
        librdf_free_node(bn);
        next = theme_index(x->v, cc->broader[j]);
      }
      cur = next;
    }
  }
}

/* Themes, audiences and itinérance words in blocks [b0, b1). */
void
kg_passage_scan(struct istate *st, size_t b0, size_t b1, struct found **th,
             size_t *nth, size_t *capth, struct found **pub, size_t *npub,
             size_t *cappub, struct found **iti, size_t *niti, size_t *capiti,
             int *counts)
{
  struct kg_report *x = st->x;
  size_t b, i;

  for(b = b0; b < b1 && b < x->doc.nblocks; b++) {
    const struct kg_block *bl = &x->doc.blocks[b];
    const struct kg_dict_hits *hits;

    if(bl->kind == KG_BLK_CODE)
      continue;
    hits = kg_passage_block_hits(st, b);
    for(i = 0; i < hits->n; i++) {
      const struct kg_dict_hit *h = &hits->v[i];
      const struct kg_dict_entry *de;
      size_t a = kg_report_src(bl, h->start), z = kg_report_src_end(bl, h->end);

      if(kg_passage_hit_kind(h, KG_DICT_ORG) || kg_passage_hit_kind(h, KG_DICT_INITIATIVE))
        continue;  /* "Familles Rurales": a name, not an audience */
      if((de = kg_passage_hit_kind(h, KG_DICT_THEME)) && th) {
        found_add(th, nth, capth, de->index, a, z);
        if(counts)
          counts[de->index]++;
      }
      if((de = kg_passage_hit_kind(h, KG_DICT_PUBLIC)) && pub)
        found_add(pub, npub, cappub, de->index, a, z);
      if((de = kg_passage_hit_kind(h, KG_DICT_ITINERANCE)) && iti)
        found_add(iti, niti, capiti, de->index, a, z);
    }
  }
}

/* Themes whose words the title of session @sec uses (not inside a name). */
void
kg_passage_title_themes(struct istate *st, size_t sec, struct found **th, size_t *n,
             size_t *cap)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  const struct kg_block *bl = &x->doc.blocks[s->block];
  struct kg_dict_hits hits = { NULL, 0, 0 };
  size_t i;

  kg_dict_scan(st->dict, bl->text + s->title_off, s->title_end - s->title_off,
               &hits);
  for(i = 0; i < hits.n; i++) {
    const struct kg_dict_entry *de = kg_passage_hit_kind(&hits.v[i], KG_DICT_THEME);

    if(de && !kg_passage_hit_kind(&hits.v[i], KG_DICT_ORG))
      found_add(th, n, cap, de->index,
                kg_report_src(bl, s->title_off + hits.v[i].start),
                kg_report_src_end(bl, s->title_off + hits.v[i].end));
  }
  kg_dict_hits_release(&hits);
}

void
kg_passage_session_themes(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  struct found *th = NULL, *bth = NULL, *keep = NULL;
  size_t nth = 0, capth = 0, nb = 0, capb = 0, nk = 0, capk = 0, i;
  int *counts = kg_xcalloc(x->v->nthemes + 1, sizeof(int));

  kg_passage_title_themes(st, sec, &th, &nth, &capth);
  kg_passage_emit_themes(x, x->snodes[sec], th, nth, "title:theme-word", 0);
  /* the body: a theme counts when its words come back at least 3 times */
  if(!s->children) {
    kg_passage_scan(st, s->block + 1, s->body_end, &bth, &nb, &capb, NULL, NULL,
                 NULL, NULL, NULL, NULL, counts);
    for(i = 0; i < nb; i++)
      if(counts[bth[i].idx] >= 3)
        found_add(&keep, &nk, &capk, bth[i].idx, bth[i].a, bth[i].z);
    kg_passage_emit_themes(x, x->snodes[sec], keep, nk, "body:theme-words", 0);
  }
  free(th);
  free(bth);
  free(keep);
  free(counts);
}

/* ------------------------------------------------------------ figures */

/* "Chiffres 2023 : 1230 bénéficiaires / 2105 démarches réalisées",
 * "5 922 actes faits en 2023". */
void
kg_passage_figures(struct istate *st, struct init *in, const struct kg_block *bl)
{
  struct kg_report *x = st->x;
  const char *t = bl->text;
  size_t len = bl->len, i, ys = 0;
  int year = 0, nfig = 0;

  for(i = 0; i + 4 <= len; i++)
    if((i == 0 || t[i - 1] == ' ') && t[i] == '2' && t[i + 1] == '0' &&
       t[i + 2] >= '0' && t[i + 2] <= '9' && t[i + 3] >= '0' &&
       t[i + 3] <= '9' && (i + 4 == len || t[i + 4] == ' ' || t[i + 4] == ':' ||
                           t[i + 4] == '.' || t[i + 4] == ')' ||
                           t[i + 4] == ',')) {
      year = atoi(t + i);
      ys = i;
      break;
    }
  if(!year)
    return;
  for(i = 0; i < len; i++) {
    size_t a = i, z, ua, uz;
    long val = 0;
    int digits = 0;

    if((i && t[i - 1] != ' ' && t[i - 1] != '/' && t[i - 1] != ':' &&
        t[i - 1] != '(') || t[i] < '0' || t[i] > '9' || i == ys)
      continue;
    z = i;
    while(z < len && ((t[z] >= '0' && t[z] <= '9') ||
                      (t[z] == ' ' && z + 3 < len && t[z + 1] >= '0' &&
                       t[z + 1] <= '9' && t[z + 2] >= '0' && t[z + 2] <= '9' &&
                       t[z + 3] >= '0' && t[z + 3] <= '9' &&
                       (z + 4 == len || t[z + 4] < '0' || t[z + 4] > '9')))) {
      if(t[z] != ' ') {
        val = val * 10 + (t[z] - '0');
        digits++;
      }
      z++;
    }
    if(z == ys || (z - a == 4 && val == year) || digits > 9) {
      i = z;
      continue;
    }
    /* the unit: the words after the number, up to / , ; . ( */
    ua = z;
    while(ua < len && t[ua] == ' ')
      ua++;
    uz = ua;
    while(uz < len && t[uz] != '/' && t[uz] != ',' && t[uz] != ';' &&
          t[uz] != '.' && t[uz] != '(' && t[uz] != '\n' && t[uz] != ':')
      uz++;
    while(uz > ua && t[uz - 1] == ' ')
      uz--;
    if(uz > ua && ua > z && !kg_passage_first_upper(t + ua, uz - ua) &&
       !(t[ua] >= '0' && t[ua] <= '9') && kg_passage_word_count(t + ua, uz - ua) <= 4) {
      struct kg_emit *e = &x->e;
      size_t sa = kg_report_src(bl, a), sz = kg_report_src_end(bl, uz);
      librdf_node *f = kg_evidence_id(e, "figure/%s/%zu",
                                  e->slug, kg_text_cpindex_cp(e->cp, sa));
      char yb[8];

      snprintf(yb, sizeof yb, "%d", year);
      kg_evidence_po(e, f, KG_NS_RDF, "type",
                 kg_evidence_iri(e, KG_NS_SCHEMA, "QuantitativeValue"));
      kg_evidence_po(e, f, KG_NS_SCHEMA, "value", kg_rdf_int(e->world, val));
      kg_evidence_po(e, f, KG_NS_SCHEMA, "unitText",
                 kg_evidence_litn(e, t + ua, uz - ua, NULL));
      kg_evidence_po(e, f, KG_NS_MN, "year",
                 kg_rdf_typed(e->world, yb, KG_NS_XSD "gYear"));
      kg_evidence_mention(e, f, sa, sz);
      kg_evidence_fact(e, in->node, KG_NS_MN, "figure", f, "passage:figure",
                   kg_report_src(bl, 0), kg_report_src_end(bl, bl->len), 0);
      librdf_free_node(f);
      nfig++;
    }
    i = uz > z ? uz : z;
  }
}

