/* initiatives.c - initiatives and what the notes say of them: the session
 * that presents them, their carrier, themes, territories, audiences,
 * itinérance and figures; plus the themes of every session.
 *
 * An initiative is found where the notes introduce one: a session title
 * ("découverte d'Albert", "LaCollecte.tech par Emmaüs Connect"), the head of
 * a list item or a bold run-in head ("La Rur@linette : accueil numérique
 * itinérant…"), or a known name from the registry at the start of an item.
 * Names the registry does not know are emitted with mn:candidate true.  Its
 * passage (the item and its sub-items, or the session's text) is then read
 * for themes, places, audiences and figures.  Every relation carries the
 * rule that produced it and the passage that supports it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "extract/doc.h"
#include "extract/report.h"
#include "extract/initiatives.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

struct passage {
  size_t b0, b1;          /* blocks [b0, b1) */
};

struct init {
  librdf_node *node;
  char *key;              /* identity: registry IRI or name key */
  char *namekey;          /* matching key of the name as written */
  long sec;               /* first session that presents it */
  long secs[16];          /* every session that presents it */
  size_t nsecs;
  long title_sec;         /* session whose title names it, -1 */
  struct passage *pass;
  size_t npass, cappass;
  size_t name_a, name_z;  /* defining mention (source bytes) */
  const char *rule;       /* how it was found */
  librdf_node *porteur;
  const char *por_rule;
  size_t por_a, por_z;
  int por_inferred;
  long head_block;        /* list item whose head names it, -1 */
};

struct istate {
  struct kg_report *x;
  struct kg_dict *dict;
  struct kg_dict_hits *bhits;   /* per block, scanned once (lazily) */
  char *bdone;
  struct init *v;
  size_t n, cap;
};

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

static struct kg_dict *
build_dict(struct kg_report *x)
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

static const struct kg_dict_entry *
hit_kind(const struct kg_dict_hit *h, enum kg_dict_kind kind)
{
  size_t i;

  for(i = 0; i < h->ne; i++)
    if(h->e[i].kind == kind)
      return &h->e[i];
  return NULL;
}

/* Dictionary hits of block @b, computed once.  SHARED. */
static const struct kg_dict_hits *
block_hits(struct istate *st, size_t b)
{
  if(!st->bdone[b]) {
    const struct kg_block *bl = &st->x->doc.blocks[b];

    kg_dict_scan(st->dict, bl->text, bl->len, &st->bhits[b]);
    st->bdone[b] = 1;
  }
  return &st->bhits[b];
}

/* ------------------------------------------------------------ text helpers */

static int
skip_marks(const char *t, size_t len, size_t i)
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

static int
first_upper(const char *t, size_t len)
{
  int cp;

  if(!len)
    return 0;
  kg_text_utf8_decode(t, len, &cp);
  return utf8proc_isupper(cp) || cp == '#' || (cp >= '0' && cp <= '9');
}

/* Typographic marks of a name: @ ' . inside a word, inner capitals, #. */
static int
distinctive(const char *t, size_t len)
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
static int
has_cue_word(const struct kg_vocab *v, enum kg_cue_role role, const char *t,
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
static size_t
subtree_end(const struct kg_doc *d, size_t b, size_t limit)
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

/* ------------------------------------------------------------ initiatives */

static struct init *
find_init(struct istate *st, const char *key)
{
  size_t i;

  for(i = 0; i < st->n; i++)
    if(!strcmp(st->v[i].key, key))
      return &st->v[i];
  return NULL;
}

static void
add_passage(struct init *in, size_t b0, size_t b1)
{
  size_t i;

  for(i = 0; i < in->npass; i++)
    if(in->pass[i].b0 == b0 && in->pass[i].b1 == b1)
      return;
  KG_GROW(in->pass, in->cappass, in->npass + 1);
  in->pass[in->npass].b0 = b0;
  in->pass[in->npass].b1 = b1;
  in->npass++;
}

/* An initiative named text[a, z) (source bytes). */
static struct init *
initiative(struct istate *st, long sec, size_t a, size_t z,
           const struct kg_entity *ent, const char *rule, size_t b0, size_t b1,
           long head_block)
{
  struct kg_report *x = st->x;
  struct kg_emit *e = &x->e;
  struct kg_buf key = KG_BUF_INIT, slug = KG_BUF_INIT;
  struct init *in;
  const char *name = e->text + a;
  size_t len = z - a;

  if(!ent && x->reg) {
    kg_text_key(name, len, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_INITIATIVE);
  }
  kg_buf_reset(&key);
  if(ent)
    kg_buf_addf(&key, "reg:%s", ent->rel);
  else
    kg_text_key(name, len, &key);
  if(!key.len || !strcmp(key.s, "reg:")) {
    kg_buf_release(&key);
    return NULL;
  }
  in = find_init(st, key.s);
  if(in) {
    size_t k;

    for(k = 0; k < in->nsecs; k++)
      if(in->secs[k] == sec)
        break;
    if(k == in->nsecs && in->nsecs < 16)
      in->secs[in->nsecs++] = sec;
  }
  if(!in) {
    KG_GROW(st->v, st->cap, st->n + 1);
    in = &st->v[st->n++];
    memset(in, 0, sizeof(*in));
    in->key = kg_xstrdup(key.s);
    in->sec = sec;
    in->secs[0] = sec;
    in->nsecs = 1;
    in->title_sec = -1;
    kg_text_key(name, len, &slug);
    in->namekey = kg_xstrdup(slug.s);
    kg_buf_reset(&slug);
    in->name_a = a;
    in->name_z = z;
    in->rule = rule;
    in->head_block = head_block;
    if(ent) {
      in->node = kg_evidence_id(e, "%s", ent->rel);
    } else {
      kg_text_slug(name, len, 80, &slug);
      in->node = kg_evidence_id(e, "initiative/%s", slug.len ? slug.s : "x");
    }
    if(kg_report_first(x, in->node)) {
      kg_evidence_po(e, in->node, KG_NS_RDF, "type",
                 kg_evidence_iri(e, KG_NS_MN, "Initiative"));
      kg_evidence_po(e, in->node, KG_NS_SCHEMA, "name",
                 ent ? kg_evidence_lit(e, ent->name, NULL)
                     : kg_evidence_litn(e, name, len, NULL));
      if(!ent)
        kg_evidence_po(e, in->node, KG_NS_MN, "candidate",
                   kg_rdf_typed(e->world, "true", KG_NS_XSD "boolean"));
    }
  }
  if(!strncmp(rule, "title:", 6) && in->title_sec < 0)
    in->title_sec = sec;
  kg_evidence_mention(e, in->node, a, z);
  if(b1 > b0)
    add_passage(in, b0, b1);
  kg_buf_release(&key);
  kg_buf_release(&slug);
  return in;
}

/* "Comment repérer … : présentation de Cyber Repère", "LaCollecte.tech par
 * Emmaüs Connect : …", or a registry initiative in the title. */
static void
title_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  const struct kg_block *bl = &x->doc.blocks[s->block];
  const char *t = bl->text + s->title_off;
  size_t len = s->title_end - s->title_off, i, p;
  struct kg_dict_hits hits = { NULL, 0, 0 };
  size_t b0 = s->block + 1, b1 = s->body_end;
  int found = 0;

  if(s->children)
    return;
  /* presentation cue followed by a capitalised name */
  for(i = 0; i < len && !found; i++) {
    if(i && t[i - 1] != ' ')
      continue;
    for(p = 0; p < x->v->ncues[KG_CUE_PRESENTATION]; p++) {
      size_t n = kg_text_key_prefix(t + i, len - i,
                                    x->v->cues[KG_CUE_PRESENTATION][p].key);
      size_t a, z;

      if(!n)
        continue;
      a = i + n;
      if(a < len && (t[a] == '\'' || (unsigned char)t[a] == 0xE2))
        a += t[a] == '\'' ? 1 : 3;   /* "d'Albert", "d’Albert" */
      while(a < len && t[a] == ' ')
        a++;
      if(!first_upper(t + a, len - a))
        continue;
      z = a;
      while(z < len && t[z] != ',' && t[z] != ':' && t[z] != '(' &&
            t[z] != '.')
        z++;
      while(z > a && t[z - 1] == ' ')
        z--;
      if(z > a) {
        initiative(st, (long)sec, kg_report_src(bl, s->title_off + a),
                   kg_report_src_end(bl, s->title_off + z), NULL,
                   "title:presentation", b0, b1, -1);
        found = 1;
      }
      break;
    }
  }
  /* "X par ORG : …" */
  if(!found) {
    const char *colon = memchr(t, ':', len);
    size_t head = colon ? (size_t)(colon - t) : len;

    for(i = 1; i < head && !found; i++) {
      if(t[i - 1] != ' ')
        continue;
      for(p = 0; p < x->v->ncues[KG_CUE_CARRIER]; p++) {
        size_t n = kg_text_key_prefix(t + i, head - i,
                                      x->v->cues[KG_CUE_CARRIER][p].key);
        size_t oz = head;
        struct init *in;

        if(!n || !first_upper(t, i) || i - 1 > 60)
          continue;
        while(oz > i + n && t[oz - 1] == ' ')
          oz--;
        in = initiative(st, (long)sec, kg_report_src(bl, s->title_off),
                        kg_report_src_end(bl, s->title_off + i - 1), NULL,
                        "title:carrier", b0, b1, -1);
        if(in && !in->porteur && oz > i + n + 1) {
          size_t oa = i + n;

          while(t[oa] == ' ')
            oa++;
          in->porteur = kg_report_org(x, kg_report_src(bl, s->title_off + oa),
                                 kg_report_src_end(bl, s->title_off + oz), 0, 0);
          in->por_rule = "title:carrier";
          in->por_a = kg_report_src(bl, s->title_off);
          in->por_z = kg_report_src_end(bl, s->title_off + oz);
        }
        found = 1;
        break;
      }
    }
  }
  /* known initiatives named in the title */
  kg_dict_scan(st->dict, t, len, &hits);
  for(i = 0; i < hits.n; i++) {
    const struct kg_dict_entry *de = hit_kind(&hits.v[i], KG_DICT_INITIATIVE);

    if(de)
      initiative(st, (long)sec, kg_report_src(bl, s->title_off + hits.v[i].start),
                 kg_report_src_end(bl, s->title_off + hits.v[i].end),
                 &x->reg->ents[de->index], "title:registry", b0, b1, -1);
  }
  kg_dict_hits_release(&hits);
}

/* Head of a block: "Name : description" or a bold run-in head.  Returns 1
 * and the plain span of the name. */
static int
block_head(const struct kg_block *bl, size_t *ha, size_t *hz, size_t *desc)
{
  size_t a = (size_t)skip_marks(bl->text, bl->len, 0), z, i;

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

static size_t
word_count(const char *t, size_t len)
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

/* Bytes of the first @n words of t[0..len). */
static size_t
first_words(const char *t, size_t len, int n)
{
  size_t i = 0;
  int w = 0, in = 0;

  for(; i < len; i++) {
    if(t[i] == ' ' || t[i] == '\n' || t[i] == ',') {
      if(in && ++w == n)
        return i;
      in = 0;
    } else {
      in = 1;
    }
  }
  return len;
}

/* A name, not a phrase: starts with a capital letter, and every word of four
 * letters or more is capitalised (or carries a distinctive mark). */
static int
title_like(const char *t, size_t len)
{
  size_t i = 0;
  int cp;

  kg_text_utf8_decode(t, len, &cp);
  if(!utf8proc_isupper(cp) && cp != '#')
    return 0;
  while(i < len) {
    size_t a, z;

    while(i < len && t[i] == ' ')
      i++;
    a = i;
    while(i < len && t[i] != ' ')
      i++;
    z = i;
    if(kg_text_cp_count(t + a, z - a) >= 4) {
      const char *w = t + a;
      size_t wl = z - a;

      /* skip an elided article: "d'Albert", "l'Indre" */
      if(wl > 2 && (w[1] == '\'' || (wl > 4 && (unsigned char)w[1] == 0xE2)))
        w += w[1] == '\'' ? 2 : 4, wl -= w == t + a + 2 ? 2 : 4;
      kg_text_utf8_decode(w, wl, &cp);
      if(!utf8proc_isupper(cp) && !distinctive(w, wl) &&
         !(cp >= '0' && cp <= '9'))
        return 0;
    }
  }
  return 1;
}

/* "Présentation de "Bird of Prey", …": a quoted name after a presentation
 * cue, anywhere in the session's text.  Quotes are rare: find them first,
 * then look for a cue just before. */
static void
quoted_presentations(struct istate *st, size_t sec, size_t b)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  const char *t = bl->text;
  size_t len = bl->len, q = 0;

  while(q < len) {
    int open, close, k = kg_text_utf8_decode(t + q, len - q, &open);
    size_t a, z, e, start, p, w;

    close = open == 0xAB ? 0xBB : open == 0x201C ? 0x201D :
            open == '"' ? '"' : 0;
    if(!close) {
      q += (size_t)k;
      continue;
    }
    /* the name: up to the closing quote, on the same line */
    a = q + (size_t)k;
    while(a < len && t[a] == ' ')
      a++;
    for(z = a; z < len; ) {
      int cp, n = kg_text_utf8_decode(t + z, len - z, &cp);

      if(cp == close || cp == '\n')
        break;
      z += (size_t)n;
    }
    if(z >= len || t[z] == '\n') {
      q += (size_t)k;
      continue;
    }
    /* a presentation cue of up to three words right before the quote */
    e = q;
    while(e > 0 && t[e - 1] == ' ')
      e--;
    start = e;
    for(w = 0; w < 3 && start > 0; w++) {
      size_t found = 0;

      while(start > 0 && t[start - 1] == ' ')
        start--;
      while(start > 0 && t[start - 1] != ' ' && t[start - 1] != '\n')
        start--;
      for(p = 0; p < x->v->ncues[KG_CUE_PRESENTATION] && !found; p++)
        if(kg_text_key_prefix(t + start, e - start,
                              x->v->cues[KG_CUE_PRESENTATION][p].key) ==
           e - start)
          found = 1;
      if(found) {
        size_t ze = z;

        while(ze > a && t[ze - 1] == ' ')
          ze--;
        if(ze > a && word_count(t + a, ze - a) <= 6 &&
           first_upper(t + a, ze - a))
          initiative(st, (long)sec, kg_report_src(bl, a), kg_report_src_end(bl, ze),
                     NULL, "text:presentation", b, b + 1, -1);
        break;
      }
    }
    q = z + 1;
  }
}

/* "**Le Bus numérique Penn-ar-Bed**, porté par l'association Liamm
 * Niverel, est…": a head followed by a carrier phrase is an initiative, and
 * the capitalised name after the phrase its carrier.  1 when it was one. */
static int
carried_head(struct istate *st, size_t sec, size_t b, size_t ha, size_t hz,
             size_t desc)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  const char *t = bl->text;
  size_t len = bl->len, d = desc, p, n = 0, oa, oz;
  struct init *in;

  while(d > hz && (t[d - 1] == ' ' || t[d - 1] == ','))
    d--;
  while(d < len && (t[d] == ' ' || t[d] == ','))
    d++;
  for(p = 0; p < x->v->ncues[KG_CUE_CARRIER] && !n; p++)
    n = kg_text_key_prefix(t + d, len - d, x->v->cues[KG_CUE_CARRIER][p].key);
  if(!n || !first_upper(t + ha, hz - ha))
    return 0;
  /* the carrier: the first capitalised word after the cue, to the clause end */
  oa = d + n;
  while(oa < len && t[oa] != ',' && t[oa] != '.' && !first_upper(t + oa, len - oa))
    oa++;
  oz = oa;
  while(oz < len && t[oz] != ',' && t[oz] != '.' && t[oz] != ';' &&
        t[oz] != '(' && t[oz] != '\n')
    oz++;
  while(oz > oa && t[oz - 1] == ' ')
    oz--;
  in = initiative(st, (long)sec, kg_report_src(bl, ha), kg_report_src_end(bl, hz), NULL,
                  "text:carrier", b, b + 1, -1);
  if(in && !in->porteur && oz > oa) {
    in->porteur = kg_report_org(x, kg_report_src(bl, oa), kg_report_src_end(bl, oz), 0, 0);
    in->por_rule = "text:carrier";
    in->por_a = kg_report_src(bl, ha);
    in->por_z = kg_report_src_end(bl, oz);
  }
  return 1;
}

static void
body_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  const struct kg_doc *d = &x->doc;
  size_t b;

  for(b = s->block + 1; b < s->body_end && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    size_t ha, hz, desc, end;
    const struct kg_dict_hits *hits;
    const struct kg_dict_entry *ie = NULL, *oe = NULL;
    size_t a0 = (size_t)skip_marks(bl->text, bl->len, 0);

    if(bl->kind != KG_BLK_ITEM && bl->kind != KG_BLK_PARA)
      continue;
    quoted_presentations(st, sec, b);
    end = bl->kind == KG_BLK_ITEM ? subtree_end(d, b, s->body_end) : b + 1;
    /* a known initiative opening the item: "⇒ Fabtruck (fablab itinérant)" */
    hits = block_hits(st, b);
    if(hits->n && hits->v[0].start >= a0 && hits->v[0].start <= a0 + 4) {
      ie = hit_kind(&hits->v[0], KG_DICT_INITIATIVE);
      oe = hit_kind(&hits->v[0], KG_DICT_ORG);
    }
    if(ie && !oe) {
      initiative(st, (long)sec, kg_report_src(bl, hits->v[0].start),
                 kg_report_src_end(bl, hits->v[0].end),
                 &x->reg->ents[ie->index], "list-head:registry", b, end,
                 (long)b);
      continue;
    }
    if(!block_head(bl, &ha, &hz, &desc))
      continue;
    {
      const char *h = bl->text + ha;
      size_t hl = hz - ha;
      struct kg_buf key = KG_BUF_INIT;
      int is_org = 0, is_place = 0, words = (int)word_count(h, hl);
      size_t k;

      if(words < 1 || words > 6)
        continue;
      if(bl->nspans && carried_head(st, sec, b, ha, hz, desc))
        continue;  /* a bold head with its carrier: a name, whatever case */
      if(!title_like(h, hl))
        continue;
      kg_text_key(h, hl, &key);
      if(x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG))
        is_org = 1;
      for(k = 0; k < x->people.n && !is_org; k++)
        if(!strcmp(x->people.v[k].key, key.s))
          is_org = 1;  /* "Hélène Fabre : le collectif publiera…" */
      for(k = 0; k < x->secorgs[sec].n && !is_org; k++)
        if(!strcmp(x->secorgs[sec].v[k].key, key.s))
          is_org = 1;
      if(x->gaz) {
        const struct kg_terr *tt[1];

        is_place = kg_gaz_lookup(x->gaz, key.s, tt, 1) > 0;
      }
      kg_buf_release(&key);
      if(is_org || is_place)
        continue;
      if(carried_head(st, sec, b, ha, hz, desc))
        continue;
      if(distinctive(h, hl) ||
         (words > 1 &&
          has_cue_word(x->v, KG_CUE_INITIATIVE_NOUN, bl->text + desc,
                       first_words(bl->text + desc, bl->len - desc, 4))))
        initiative(st, (long)sec, kg_report_src(bl, ha), kg_report_src_end(bl, hz), NULL,
                   distinctive(h, hl) ? "list-head:typography"
                                      : "list-head:description",
                   b, end, bl->kind == KG_BLK_ITEM ? (long)b : -1);
    }
  }
}

/* ------------------------------------------------------------ carrier */

/* Organisation named at the head of block @b, among the session's or the
 * registry's. NULL or new node. */
static librdf_node *
head_org(struct istate *st, size_t sec, size_t b, size_t *a, size_t *z)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  size_t ha, hz, desc, k;
  struct kg_buf key = KG_BUF_INIT;
  librdf_node *n = NULL;

  if(!block_head(bl, &ha, &hz, &desc))
    return NULL;
  kg_text_key(bl->text + ha, hz - ha, &key);
  for(k = 0; k < x->secorgs[sec].n; k++)
    if(!strcmp(x->secorgs[sec].v[k].key, key.s))
      n = librdf_new_node_from_node(x->secorgs[sec].v[k].node);
  if(!n && x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG))
    n = kg_report_org(x, kg_report_src(bl, ha), kg_report_src_end(bl, hz), 0, 0);
  kg_buf_release(&key);
  if(n) {
    *a = kg_report_src(bl, 0);
    *z = kg_report_src_end(bl, bl->len);
  }
  return n;
}

/* Does a distinctive word of the initiative's name occur in an org's name
 * ("Brenne Box" / "Communauté de communes Cœur de Brenne")? */
static int
name_overlap(const char *ikey, const char *okey)
{
  char *copy = kg_xstrdup(ikey), *save = NULL, *w;
  int hit = 0;

  for(w = strtok_r(copy, " ", &save); w && !hit; w = strtok_r(NULL, " ", &save))
    if(strlen(w) >= 5 && kg_text_key_contains(okey, w))
      hit = 1;
  free(copy);
  return hit;
}

static int
carrier_in(struct istate *st, struct init *in, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_doc *d = &x->doc;
  const struct kg_node_list *orgs = &x->secorgs[sec];
  size_t k;

  /* a word of its name in one of the session's organisations */
  for(k = 0; k < orgs->n; k++)
    if(name_overlap(in->namekey, orgs->v[k].key)) {
      in->porteur = librdf_new_node_from_node(orgs->v[k].node);
      in->por_rule = "name-overlap:session-organisation";
      in->por_a = in->name_a;
      in->por_z = in->name_z;
      in->por_inferred = 1;
      return 1;
    }
  /* the organisation heading the list: parent items, then earlier items */
  if(in->head_block >= 0 && (long)sec == in->sec) {
    long p = d->blocks[in->head_block].parent;
    long b;

    for(; p >= 0; p = d->blocks[p].parent) {
      size_t j;

      in->porteur = head_org(st, sec, (size_t)p, &in->por_a, &in->por_z);
      if(in->porteur) {
        in->por_rule = "list-header";
        return 1;
      }
      /* a sub-item of another initiative: that one's carrier */
      for(j = 0; j < st->n; j++)
        if(st->v[j].head_block == p && st->v[j].porteur) {
          const struct kg_block *pb = &d->blocks[p];

          in->porteur = librdf_new_node_from_node(st->v[j].porteur);
          in->por_rule = "parent-initiative:porteur";
          in->por_a = kg_report_src(pb, 0);
          in->por_z = kg_report_src_end(pb, pb->len);
          in->por_inferred = 1;
          return 1;
        }
    }
    for(b = in->head_block - 1; b > (long)x->secs[sec].block; b--) {
      const struct kg_block *bl = &d->blocks[b];
      size_t j;

      if(bl->kind != KG_BLK_ITEM ||
         bl->level > d->blocks[in->head_block].level)
        continue;
      if(bl->level < d->blocks[in->head_block].level)
        break;
      in->porteur = head_org(st, sec, (size_t)b, &in->por_a, &in->por_z);
      if(in->porteur) {
        in->por_rule = "list-header";
        return 1;
      }
      for(j = 0; j < st->n; j++)
        if(st->v[j].head_block == b)
          break;
      if(j < st->n)
        break;  /* an earlier initiative: its header is not ours */
    }
  }
  /* the only organisation among the session's speakers */
  if(orgs->n == 1) {
    const struct kg_block *hb = &d->blocks[x->secs[sec].block];

    in->porteur = librdf_new_node_from_node(orgs->v[0].node);
    in->por_rule = "speaker-organisation";
    in->por_a = kg_report_src(hb, 0);
    in->por_z = kg_report_src_end(hb, hb->len);
    in->por_inferred = 1;
    return 1;
  }
  return 0;
}

static void
carrier(struct istate *st, struct init *in)
{
  long sec = in->title_sec >= 0 ? in->title_sec : in->sec;

  if(!strncmp(in->rule, "prose:", 6))
    return;  /* named in passing: nothing says who carries it */
  /* only the session that presents it: its title's, else the first */
  if(!in->porteur && sec >= 0)
    carrier_in(st, in, (size_t)sec);
}

/* ------------------------------------------------------------ themes, places */

struct found {
  size_t idx;
  size_t a, z;    /* first evidence */
};

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
static void
emit_themes(struct kg_report *x, librdf_node *s, const struct found *th, size_t n,
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
static void
scan_passage(struct istate *st, size_t b0, size_t b1, struct found **th,
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
    hits = block_hits(st, b);
    for(i = 0; i < hits->n; i++) {
      const struct kg_dict_hit *h = &hits->v[i];
      const struct kg_dict_entry *de;
      size_t a = kg_report_src(bl, h->start), z = kg_report_src_end(bl, h->end);

      if(hit_kind(h, KG_DICT_ORG) || hit_kind(h, KG_DICT_INITIATIVE))
        continue;  /* "Familles Rurales": a name, not an audience */
      if((de = hit_kind(h, KG_DICT_THEME)) && th) {
        found_add(th, nth, capth, de->index, a, z);
        if(counts)
          counts[de->index]++;
      }
      if((de = hit_kind(h, KG_DICT_PUBLIC)) && pub)
        found_add(pub, npub, cappub, de->index, a, z);
      if((de = hit_kind(h, KG_DICT_ITINERANCE)) && iti)
        found_add(iti, niti, capiti, de->index, a, z);
    }
  }
}

/* Themes whose words the title of session @sec uses (not inside a name). */
static void
title_themes(struct istate *st, size_t sec, struct found **th, size_t *n,
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
    const struct kg_dict_entry *de = hit_kind(&hits.v[i], KG_DICT_THEME);

    if(de && !hit_kind(&hits.v[i], KG_DICT_ORG))
      found_add(th, n, cap, de->index,
                kg_report_src(bl, s->title_off + hits.v[i].start),
                kg_report_src_end(bl, s->title_off + hits.v[i].end));
  }
  kg_dict_hits_release(&hits);
}

static void
session_themes(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  struct found *th = NULL, *bth = NULL, *keep = NULL;
  size_t nth = 0, capth = 0, nb = 0, capb = 0, nk = 0, capk = 0, i;
  int *counts = kg_xcalloc(x->v->nthemes + 1, sizeof(int));

  title_themes(st, sec, &th, &nth, &capth);
  emit_themes(x, x->snodes[sec], th, nth, "title:theme-word", 0);
  /* the body: a theme counts when its words come back at least 3 times */
  if(!s->children) {
    scan_passage(st, s->block + 1, s->body_end, &bth, &nb, &capb, NULL, NULL,
                 NULL, NULL, NULL, NULL, counts);
    for(i = 0; i < nb; i++)
      if(counts[bth[i].idx] >= 3)
        found_add(&keep, &nk, &capk, bth[i].idx, bth[i].a, bth[i].z);
    emit_themes(x, x->snodes[sec], keep, nk, "body:theme-words", 0);
  }
  free(th);
  free(bth);
  free(keep);
  free(counts);
}

/* ------------------------------------------------------------ figures */

/* "Chiffres 2023 : 1230 bénéficiaires / 2105 démarches réalisées",
 * "5 922 actes faits en 2023". */
static void
figures(struct istate *st, struct init *in, const struct kg_block *bl)
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
    if(uz > ua && ua > z && !first_upper(t + ua, uz - ua) &&
       !(t[ua] >= '0' && t[ua] <= '9') && word_count(t + ua, uz - ua) <= 4) {
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

/* ------------------------------------------------------------ relations */

static void
relations(struct istate *st, struct init *in)
{
  struct kg_report *x = st->x;
  struct kg_emit *e = &x->e;
  struct found *th = NULL, *pub = NULL, *iti = NULL;
  size_t nth = 0, capth = 0, npub = 0, cappub = 0, niti = 0, capiti = 0;
  size_t i, k, b;
  int spatial = 0;
  librdf_node *sess = in->sec >= 0 ? x->snodes[in->sec] : NULL;

  for(k = 0; sess && k < in->nsecs; k++) {
    const char *rule = in->rule;
    librdf_node *sn = x->snodes[in->secs[k]];

    int inferred = !strncmp(rule, "prose:", 6);

    kg_evidence_fact(e, in->node, KG_NS_MN, "presentedAt", sn, rule, in->name_a,
                 in->name_z, inferred);
    kg_evidence_fact(e, sn, KG_NS_SCHEMA, "about", in->node, rule, in->name_a,
                 in->name_z, inferred);
  }
  carrier(st, in);
  if(in->porteur)
    kg_evidence_fact(e, in->node, KG_NS_MN, "porteur", in->porteur, in->por_rule,
                 in->por_a, in->por_z, in->por_inferred);
  for(k = 0; k < in->npass; k++)
    scan_passage(st, in->pass[k].b0, in->pass[k].b1, &th, &nth, &capth, &pub,
                 &npub, &cappub, &iti, &niti, &capiti, NULL);
  emit_themes(x, in->node, th, nth, "passage:theme-word", 0);
  if(in->sec >= 0) {
    /* the session's own themes */
    struct found *sth = NULL;
    size_t ns = 0, caps = 0;

    title_themes(st, (size_t)in->sec, &sth, &ns, &caps);
    emit_themes(x, in->node, sth, ns, "session:theme", 1);
    free(sth);
  }
  for(i = 0; i < npub; i++) {
    librdf_node *pn = kg_evidence_iri(e, x->v->publics[pub[i].idx].iri, NULL);

    kg_evidence_fact(e, in->node, KG_NS_DCTERMS, "audience", pn, "passage:public",
                 pub[i].a, pub[i].z, 0);
    librdf_free_node(pn);
  }
  if(niti) {
    /* itinerant wins: "schéma d'itinérance fixe" is still a tour */
    size_t best = 0;

    for(i = 0; i < niti; i++)
      if(!strcmp(x->v->itinerance[iti[i].idx].slug, "itinerant"))
        best = i;
    {
      librdf_node *in2 = kg_evidence_iri(e, x->v->itinerance[iti[best].idx].iri,
                                     NULL);

      kg_evidence_fact(e, in->node, KG_NS_MN, "itinerance", in2,
                   "passage:itinerance", iti[best].a, iti[best].z, 0);
      librdf_free_node(in2);
    }
  }
  /* territories stated in the passage; else the carrier's */
  for(k = 0; k < in->npass; k++)
    for(b = in->pass[k].b0; b < in->pass[k].b1 && b < x->doc.nblocks; b++) {
      const struct kg_block *bl = &x->doc.blocks[b];
      struct kg_places pl = { NULL, 0, 0 };

      kg_places_find(x->gaz, x->v, x->reg, x->region, 1, bl->text, bl->len,
                     &pl);
      for(i = 0; i < pl.n; i++) {
        size_t a = kg_report_src(bl, pl.v[i].start);
        size_t z = kg_report_src_end(bl, pl.v[i].end);
        librdf_node *tn = kg_report_terr_node(x, pl.v[i].terr);

        kg_report_spatial(x, in->node, pl.v[i].terr, "passage:place", a, z, 0);
        kg_evidence_mention(e, tn, a, z);
        librdf_free_node(tn);
        spatial++;
      }
      kg_places_release(&pl);
      figures(st, in, bl);
    }
  if(!spatial && in->porteur) {
    size_t n0 = x->nspatial;

    for(i = 0; i < n0; i++)
      if(librdf_node_equals(x->spatial[i].s, in->porteur))
        kg_report_spatial(x, in->node, x->spatial[i].t, "porteur:spatial",
                     in->por_a, in->por_z, 1);
  }
  free(th);
  free(pub);
  free(iti);
}

/* ------------------------------------------------------------ prose people */

/* A session without a facilitator line whose text names a known person
 * ("Ulrich Tan a procédé à une démonstration d'Albert"). */
static void
prose_people(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  size_t b, k;

  if(x->secpeople[sec].n || s->children)
    return;
  for(b = s->block + 1; b < s->body_end && b < x->doc.nblocks; b++) {
    const struct kg_block *bl = &x->doc.blocks[b];
    struct kg_buf key = KG_BUF_INIT;

    if(bl->kind == KG_BLK_CELL)
      continue;  /* a programme table names other sessions' people */
    kg_text_key_keep_article(bl->text, bl->len, &key);
    for(k = 0; k < x->people.n; k++) {
      const char *pk = x->people.v[k].key;
      size_t j;

      if(!strchr(pk, ' ') || !kg_text_key_contains(key.s, pk))
        continue;
      kg_evidence_fact(&x->e, x->snodes[sec], KG_NS_SCHEMA, "performer",
                   x->people.v[k].node, "prose:known-person",
                   kg_report_src(bl, 0), kg_report_src_end(bl, bl->len), 1);
      kg_report_node_list_add(&x->secpeople[sec], x->people.v[k].node, pk,
                       strlen(pk));
      /* and the person's organisation, as stated elsewhere in the report */
      for(j = 0; j < x->e.out->n; j++) {
        raptor_statement *t = x->e.out->v[j];

        if(raptor_term_equals(t->subject, x->people.v[k].node) &&
           t->predicate->type == RAPTOR_TERM_TYPE_URI &&
           !strcmp((const char *)raptor_uri_as_string(t->predicate->value.uri),
                   KG_NS_SCHEMA "affiliation")) {
          size_t o;

          for(o = 0; o < x->orgs.n; o++)
            if(librdf_node_equals(x->orgs.v[o].node, t->object))
              kg_report_node_list_add(&x->secorgs[sec], x->orgs.v[o].node,
                               x->orgs.v[o].key, strlen(x->orgs.v[o].key));
        }
      }
    }
    kg_buf_release(&key);
  }
}

/* Known initiatives that a session only names in passing ("participation à
 * Place du numérique 28"): the initiative exists, its passage is the
 * paragraph, and its link to the session is marked inferred. */
static void
prose_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  size_t b, i;

  if(s->children)
    return;
  for(b = s->block + 1; b < s->body_end && b < x->doc.nblocks; b++) {
    const struct kg_block *bl = &x->doc.blocks[b];
    const struct kg_dict_hits *hits;

    if(bl->kind == KG_BLK_CODE)
      continue;
    hits = block_hits(st, b);
    for(i = 0; i < hits->n; i++) {
      const struct kg_dict_entry *de = hit_kind(&hits->v[i],
                                                KG_DICT_INITIATIVE);
      struct kg_buf key = KG_BUF_INIT;
      struct init *known;

      if(!de || hit_kind(&hits->v[i], KG_DICT_ORG))
        continue;
      kg_buf_addf(&key, "reg:%s", x->reg->ents[de->index].rel);
      known = find_init(st, key.s);
      kg_buf_release(&key);
      if(known && strcmp(known->rule, "prose:registry")) {
        /* presented elsewhere: this mention is evidence only */
        kg_evidence_mention(&x->e, known->node, kg_report_src(bl, hits->v[i].start),
                        kg_report_src_end(bl, hits->v[i].end));
        continue;
      }
      initiative(st, (long)sec, kg_report_src(bl, hits->v[i].start),
                 kg_report_src_end(bl, hits->v[i].end), &x->reg->ents[de->index],
                 "prose:registry", b, b + 1, -1);
    }
  }
}

void
kg_initiatives_find(struct kg_report *x)
{
  struct istate st;
  size_t i;

  memset(&st, 0, sizeof st);
  st.x = x;
  st.dict = build_dict(x);
  st.bhits = kg_xcalloc(x->doc.nblocks + 1, sizeof(struct kg_dict_hits));
  st.bdone = kg_xcalloc(x->doc.nblocks + 1, 1);
  for(i = 0; i < x->nsecs; i++) {
    prose_people(&st, i);
    session_themes(&st, i);
    title_initiatives(&st, i);
    body_initiatives(&st, i);
  }
  for(i = 0; i < x->nsecs; i++)
    prose_initiatives(&st, i);
  for(i = 0; i < st.n; i++)
    relations(&st, &st.v[i]);
  for(i = 0; i < st.n; i++) {
    librdf_free_node(st.v[i].node);
    if(st.v[i].porteur)
      librdf_free_node(st.v[i].porteur);
    free(st.v[i].key);
    free(st.v[i].namekey);
    free(st.v[i].pass);
  }
  free(st.v);
  for(i = 0; i < x->doc.nblocks; i++)
    kg_dict_hits_release(&st.bhits[i]);
  free(st.bhits);
  free(st.bdone);
  kg_dict_free(st.dict);
}
