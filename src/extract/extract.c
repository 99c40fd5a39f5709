/* extract.c - a report into its graph: event, sessions, roles, evidence.
 *
 * The pipeline: bytes -> NFC text -> document blocks (doc.c) -> sessions
 * (sections.c) -> cue lines (people.c) and places (places.c) -> statements
 * with their passages (evidence.c); programme tables by tables.c;
 * initiatives, themes and their territories by initiatives.c.  Statements go
 * to a list first (librdf adds are slow and cannot be undone cheaply), so a
 * rejected report adds nothing to the caller's model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "ref/ref.h"
#include "base/diag.h"
#include "extract/doc.h"
#include "extract/evidence.h"
#include "extract/extract.h"
#include "extract/extract_int.h"
#include "ref/gaz.h"
#include "base/input.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "base/hash.h"
#include "extract/sections.h"
#include "ref/territory.h"
#include "base/text.h"
#include "ref/vocab.h"

/* ------------------------------------------------------------ helpers */

size_t
kg_extract_src(const struct kg_block *b, size_t off)
{
  return kg_doc_src(b, off);
}

size_t
kg_extract_src_end(const struct kg_block *b, size_t end)
{
  return kg_doc_src_end(b, end);
}

librdf_node *
kg_extract_terr_node(struct kg_x *x, const struct kg_terr *t)
{
  struct kg_buf rel = KG_BUF_INIT;
  librdf_node *n;

  kg_gaz_rel_iri(t, &rel);
  n = kg_evidence_id(&x->e, "%s", rel.s);
  kg_buf_release(&rel);
  return n;
}

void
kg_extract_spatial(struct kg_x *x, librdf_node *s, const struct kg_terr *t,
             const char *rule, size_t a, size_t b, int inferred)
{
  librdf_node *tn = kg_extract_terr_node(x, t);

  kg_evidence_fact(&x->e, s, KG_NS_DCTERMS, "spatial", tn, rule, a, b, inferred);
  KG_GROW(x->spatial, x->capspatial, x->nspatial + 1);
  x->spatial[x->nspatial].s = librdf_new_node_from_node(s);
  x->spatial[x->nspatial].t = t;
  x->nspatial++;
  librdf_free_node(tn);
}

void
kg_extract_node_list_add(struct kg_node_list *l, librdf_node *n, const char *text,
                 size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i;

  kg_text_key(text, len, &k);
  for(i = 0; i < l->n; i++)
    if(librdf_node_equals(l->v[i].node, n)) {
      kg_buf_release(&k);
      return;
    }
  KG_GROW(l->v, l->cap, l->n + 1);
  l->v[l->n].node = librdf_new_node_from_node(n);
  l->v[l->n].key = kg_buf_detach(&k);
  l->n++;
}

void
kg_extract_node_list_release(struct kg_node_list *l)
{
  size_t i;

  for(i = 0; i < l->n; i++) {
    librdf_free_node(l->v[i].node);
    free(l->v[i].key);
  }
  free(l->v);
  memset(l, 0, sizeof(*l));
}

/* Describe an entity once per report: types and name. */
int
kg_extract_first(struct kg_x *x, librdf_node *n)
{
  unsigned char *s = librdf_uri_as_string(librdf_node_get_uri(n));

  return kg_hash_add(&x->described, (const char *)s);
}

static void
slugify(const char *s, size_t len, struct kg_buf *out)
{
  kg_text_slug(s, len, 80, out);
  if(!out->len)
    kg_buf_adds(out, "x");
}

librdf_node *
kg_extract_person(struct kg_x *x, const char *name, size_t len, size_t a, size_t b)
{
  struct kg_buf slug = KG_BUF_INIT;
  librdf_node *n;

  slugify(name, len, &slug);
  n = kg_evidence_id(&x->e, "person/%s", slug.s);
  kg_buf_release(&slug);
  if(kg_extract_first(x, n)) {
    kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
               kg_evidence_iri(&x->e, KG_NS_SCHEMA, "Person"));
    kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
               kg_evidence_litn(&x->e, name, len, NULL));
    kg_extract_node_list_add(&x->people, n, name, len);
  }
  kg_evidence_mention(&x->e, n, a, b);
  return n;
}

/* Organisation named text[a..b) in the report (source offsets). */
librdf_node *
kg_extract_org(struct kg_x *x, size_t a, size_t b, size_t alias_a, size_t alias_b)
{
  struct kg_buf key = KG_BUF_INIT, slug = KG_BUF_INIT;
  const struct kg_entity *ent = NULL;
  const char *name = x->e.text + a;
  size_t len = b - a;
  librdf_node *n;

  kg_text_key(name, len, &key);
  if(x->reg)
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  if(!ent && x->reg && alias_b > alias_a) {
    kg_text_key(x->e.text + alias_a, alias_b - alias_a, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  }
  if(ent) {
    n = kg_evidence_id(&x->e, "%s", ent->rel);
  } else {
    slugify(name, len, &slug);
    n = kg_evidence_id(&x->e, "org/%s", slug.s);
  }
  if(kg_extract_first(x, n)) {
    struct kg_places pl = { NULL, 0, 0 };
    size_t i;

    kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
               kg_evidence_iri(&x->e, KG_NS_SCHEMA, "Organization"));
    kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
               kg_evidence_iri(&x->e, KG_NS_ORG, "Organization"));
    if(ent) {
      kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
                 kg_evidence_lit(&x->e, ent->name, NULL));
      if(ent->identifier)
        kg_evidence_po(&x->e, n, KG_NS_ORG, "identifier",
                   kg_evidence_lit(&x->e, ent->identifier, NULL));
      for(i = 0; i < ent->ntypes; i++)
        kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
                   kg_evidence_iri(&x->e, ent->types[i], NULL));
    } else {
      kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
                 kg_evidence_litn(&x->e, name, len, NULL));
      if(alias_b > alias_a)
        kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "alternateName",
                   kg_evidence_litn(&x->e, x->e.text + alias_a, alias_b - alias_a,
                                NULL));
      kg_evidence_po(&x->e, n, KG_NS_MN, "candidate",
                 kg_rdf_typed(x->e.world, "true", KG_NS_XSD "boolean"));
    }
    /* a territory in the name: "APF Loiret", "Familles Rurales de l'Indre" */
    kg_places_find(x->gaz, x->v, x->reg, x->region, 0, name, len, &pl);
    for(i = 0; i < pl.n; i++)
      kg_extract_spatial(x, n, pl.v[i].terr, "org-name:place", a + pl.v[i].start,
                   a + pl.v[i].end, 0);
    kg_places_release(&pl);
  }
  kg_evidence_mention(&x->e, n, a, b);
  kg_extract_node_list_add(&x->orgs, n, name, len);
  kg_buf_release(&key);
  kg_buf_release(&slug);
  return n;
}

/* ------------------------------------------------------------ event */

static int
word_at(const char *s, size_t len, size_t i, size_t *ws, size_t *we)
{
  while(i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' ||
                    s[i] == '(' || s[i] == ')'))
    i++;
  if(i >= len)
    return 0;
  *ws = i;
  while(i < len && s[i] != ' ' && s[i] != ',' && s[i] != '\n' &&
        s[i] != '(' && s[i] != ')' && s[i] != '.')
    i++;
  *we = i;
  return *we > *ws;
}

static int
phrase_is(const struct kg_phrase *ph, size_t n, const char *s, size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i;
  int hit = 0;

  kg_text_key_keep_article(s, len, &k);
  for(i = 0; i < n && !hit; i++)
    if(ph[i].key[0] && !strcmp(ph[i].key, k.s))
      hit = 1;
  kg_buf_release(&k);
  return hit;
}

/* "9 avril 2024" in @b: ISO date into @iso, plain span into *a, *z. */
static int
find_date(const struct kg_vocab *v, const struct kg_block *b, char *iso,
          size_t *a, size_t *z)
{
  size_t i = 0, ws, we;

  while(word_at(b->text, b->len, i, &ws, &we)) {
    size_t ms, me, ys, ye;
    int day, m;

    i = we;
    if(!(b->text[ws] >= '0' && b->text[ws] <= '9'))
      continue;
    day = atoi(b->text + ws);
    if(day < 1 || day > 31)
      continue;
    if(!word_at(b->text, b->len, we, &ms, &me))
      continue;
    for(m = 0; m < 12; m++)
      if(phrase_is(v->months[m], v->nmonths[m], b->text + ms, me - ms))
        break;
    if(m == 12 || !word_at(b->text, b->len, me, &ys, &ye) || ye - ys != 4)
      continue;
    if(b->text[ys] < '1' || b->text[ys] > '2')
      continue;
    snprintf(iso, 11, "%.4s-%02d-%02d", b->text + ys, m + 1, day);
    *a = ws;
    *z = ye;
    return 1;
  }
  return 0;
}

/* "La troisième édition": edition number, span. */
static int
find_edition(const struct kg_vocab *v, const struct kg_block *b, size_t *a,
             size_t *z)
{
  size_t i = 0, ws, we;

  while(word_at(b->text, b->len, i, &ws, &we)) {
    size_t es, ee;
    int k;

    i = we;
    for(k = 0; k < KG_VOCAB_ORDINALS; k++)
      if(phrase_is(v->ordinals[k], v->nordinals[k], b->text + ws, we - ws))
        break;
    if(k == KG_VOCAB_ORDINALS || !word_at(b->text, b->len, we, &es, &ee))
      continue;
    if(phrase_is(v->cues[KG_CUE_EDITION], v->ncues[KG_CUE_EDITION],
                 b->text + es, ee - es)) {
      *a = ws;
      *z = ee;
      return k + 1;
    }
  }
  return 0;
}

/* Venue: "au Centre de Conférence d'Orléans" before the commune mention
 * [ms, me) of block text @t.  Returns the plain start of the venue name. */
static size_t
venue_start(const struct kg_vocab *v, const char *t, size_t ms)
{
  size_t i = ms, best = ms;

  /* walk back word by word, not past a sentence or clause end */
  while(i > 0) {
    size_t j = i;
    size_t p;

    while(j > 0 && t[j - 1] == ' ')
      j--;
    if(j == 0 || t[j - 1] == ',' || t[j - 1] == '.' || t[j - 1] == '\n' ||
       t[j - 1] == ':')
      break;
    i = j;
    while(i > 0 && t[i - 1] != ' ' && t[i - 1] != ',' && t[i - 1] != '.' &&
          t[i - 1] != '\n')
      i--;
    /* is the word(s) at i..j a venue cue, directly or with the next word? */
    for(p = 0; p < v->ncues[KG_CUE_VENUE]; p++) {
      size_t n = kg_text_key_prefix(t + i, ms - i, v->cues[KG_CUE_VENUE][p].key);

      if(n && (i == 0 || t[i - 1] == ' ' || t[i - 1] == ',')) {
        size_t e = i + n;

        while(t[e] == ' ')
          e++;
        if(e <= ms)
          best = e;
        return best;
      }
    }
  }
  return ms;
}

static void
emit_event(struct kg_x *x)
{
  struct kg_emit *e = &x->e;
  const struct kg_doc *d = &x->doc;
  size_t first_sec = x->nsecs ? x->secs[0].block : d->nblocks;
  size_t b, ta = 0, tz = 0;
  const struct kg_meta *mt = kg_doc_meta(d, "title");
  const struct kg_meta *md = kg_doc_meta(d, "date");
  const struct kg_meta *ml = kg_doc_meta(d, "lieu");
  int have_date = 0, have_venue = 0, have_edition = 0;
  long title_block = -1;

  x->event = kg_evidence_id(e, "event/%s", e->slug);
  kg_evidence_po(e, x->event, KG_NS_RDF, "type",
             kg_evidence_iri(e, KG_NS_SCHEMA, "Event"));
  kg_evidence_po(e, e->report, KG_NS_SCHEMA, "about",
             librdf_new_node_from_node(x->event));
  /* title: front matter, else the first heading */
  if(mt) {
    ta = mt->src;
    tz = mt->src + strlen(mt->value);
    if(tz > e->len || memcmp(e->text + ta, mt->value, tz - ta))
      tz = ta;
  } else {
    for(b = 0; b < d->nblocks; b++)
      if(d->blocks[b].kind == KG_BLK_HEADING) {
        title_block = (long)b;
        ta = kg_extract_src(&d->blocks[b], 0);
        tz = kg_extract_src_end(&d->blocks[b], d->blocks[b].len);
        break;
      }
  }
  if(tz > ta) {
    kg_evidence_po(e, x->event, KG_NS_SCHEMA, "name",
               kg_evidence_litn(e, e->text + ta, tz - ta, NULL));
    kg_evidence_po(e, e->report, KG_NS_DCTERMS, "title",
               kg_evidence_litn(e, e->text + ta, tz - ta, NULL));
    kg_evidence_mention(e, x->event, ta, tz);
  }
  if(md && strlen(md->value) >= 10 && md->value[4] == '-' &&
     md->value[7] == '-') {
    char iso[11];

    librdf_node *dn;

    memcpy(iso, md->value, 10);
    iso[10] = '\0';
    dn = kg_rdf_typed(e->world, iso, KG_NS_XSD "date");
    kg_evidence_fact(e, x->event, KG_NS_SCHEMA, "startDate", dn,
                 "front-matter:date", md->src, md->src + 10, 0);
    librdf_free_node(dn);
    have_date = 1;
  }
  if(ml) {
    struct kg_places pl = { NULL, 0, 0 };
    size_t i;

    kg_places_find(x->gaz, x->v, x->reg, NULL, 0, ml->value, strlen(ml->value), &pl);
    for(i = 0; i < pl.n && !have_venue; i++)
      if(pl.v[i].terr->kind == KG_TERR_COMMUNE) {
        kg_extract_venue(x, pl.v[i].terr, ml->src, ml->src + strlen(ml->value),
                   ml->src + pl.v[i].start, ml->src + pl.v[i].end,
                   "front-matter:lieu");
        have_venue = 1;
      }
    kg_places_release(&pl);
  }
  for(b = 0; b < first_sec && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    char iso[11];
    size_t a, z;
    int ed;

    if((long)b == title_block)
      continue;
    if(!have_date && find_date(x->v, bl, iso, &a, &z)) {
      librdf_node *dn = kg_rdf_typed(e->world, iso, KG_NS_XSD "date");

      kg_evidence_fact(e, x->event, KG_NS_SCHEMA, "startDate", dn, "text:date",
                   kg_extract_src(bl, a), kg_extract_src_end(bl, z), 0);
      librdf_free_node(dn);
      have_date = 1;
    }
    if(!have_edition && (ed = find_edition(x->v, bl, &a, &z)) > 0) {
      librdf_node *en = kg_rdf_int(e->world, ed);

      kg_evidence_fact(e, x->event, KG_NS_MN, "edition", en, "text:edition",
                   kg_extract_src(bl, a), kg_extract_src_end(bl, z), 0);
      librdf_free_node(en);
      have_edition = 1;
    }
    if(!have_venue && bl->kind == KG_BLK_PARA) {
      struct kg_places pl = { NULL, 0, 0 };
      size_t i;

      kg_places_find(x->gaz, x->v, x->reg, NULL, 0, bl->text, bl->len, &pl);
      for(i = 0; i < pl.n && !have_venue; i++)
        if(pl.v[i].terr->kind == KG_TERR_COMMUNE) {
          size_t vs = venue_start(x->v, bl->text, pl.v[i].start);

          kg_extract_venue(x, pl.v[i].terr, kg_extract_src(bl, vs),
                     kg_extract_src_end(bl, pl.v[i].end), kg_extract_src(bl, pl.v[i].start),
                     kg_extract_src_end(bl, pl.v[i].end), "text:venue");
          have_venue = 1;
        }
      kg_places_release(&pl);
    }
  }
}

/* The event's place: venue name [va, vz), its commune mention [ca, cz). */
void
kg_extract_venue(struct kg_x *x, const struct kg_terr *commune, size_t va,
           size_t vz, size_t ca, size_t cz, const char *rule)
{
  struct kg_emit *e = &x->e;
  struct kg_buf slug = KG_BUF_INIT;
  librdf_node *place, *cn;

  x->region = commune->region;
  slugify(e->text + va, vz - va, &slug);
  place = kg_evidence_id(e, "place/%s", slug.s);
  kg_buf_release(&slug);
  cn = kg_extract_terr_node(x, commune);
  kg_evidence_po(e, place, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_SCHEMA, "Place"));
  kg_evidence_po(e, place, KG_NS_SCHEMA, "name",
             kg_evidence_litn(e, e->text + va, vz - va, NULL));
  kg_evidence_mention(e, place, va, vz);
  kg_evidence_fact(e, place, KG_NS_SCHEMA, "containedInPlace", cn, rule, va, vz, 0);
  kg_evidence_fact(e, x->event, KG_NS_SCHEMA, "location", place, rule, va, vz, 0);
  kg_extract_spatial(x, x->event, commune, rule, ca, cz, 0);
  kg_evidence_mention(e, cn, ca, cz);
  librdf_free_node(cn);
  librdf_free_node(place);
}

/* ------------------------------------------------------------ sessions */

static void
emit_sessions(struct kg_x *x)
{
  struct kg_emit *e = &x->e;
  size_t i;

  x->snodes = kg_xcalloc(x->nsecs ? x->nsecs : 1, sizeof(librdf_node *));
  for(i = 0; i < x->nsecs; i++) {
    const struct kg_section *s = &x->secs[i];
    const struct kg_block *bl = &x->doc.blocks[s->block];
    struct kg_buf id = KG_BUF_INIT;
    size_t ta = kg_extract_src(bl, s->title_off);
    size_t tz = kg_extract_src_end(bl, s->title_end);
    librdf_node *n;
    char *p;

    if(s->number[0]) {
      kg_buf_adds(&id, s->number);
      for(p = id.s; *p; p++)
        if(*p == '.')
          *p = '-';
    } else {
      slugify(bl->text + s->title_off, s->title_end - s->title_off, &id);
    }
    n = kg_evidence_id(e, "session/%s/%s", e->slug, id.s);
    kg_buf_release(&id);
    x->snodes[i] = n;
    kg_evidence_po(e, n, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_SCHEMA, "Event"));
    kg_evidence_po(e, n, KG_NS_SCHEMA, "name",
               kg_evidence_litn(e, e->text + ta, tz - ta, NULL));
    kg_evidence_mention(e, n, ta, tz);
    if(s->number[0])
      kg_evidence_po(e, n, KG_NS_MN, "sectionNumber",
                 kg_evidence_lit(e, s->number, NULL));
    kg_evidence_po(e, n, KG_NS_SCHEMA, "position", kg_rdf_int(e->world, (long)i + 1));
    if(s->type >= 0) {
      librdf_node *tn = kg_evidence_iri(e, x->v->types[s->type].iri, NULL);

      kg_evidence_fact(e, n, KG_NS_MN, "sessionType", tn,
                   s->children ? "numbering:block" : "title:session-type",
                   ta, tz, 0);
      librdf_free_node(tn);
    }
    if(s->parent >= 0)
      kg_evidence_fact(e, n, KG_NS_SCHEMA, "superEvent", x->snodes[s->parent],
                   "numbering", kg_extract_src(bl, 0), tz, 0);
    else
      kg_evidence_fact(e, n, KG_NS_SCHEMA, "superEvent", x->event,
                   "numbering", kg_extract_src(bl, 0), tz, 0);
    {
      /* places named in the title: "Tours Nord et Vierzon" */
      struct kg_places pl = { NULL, 0, 0 };
      size_t k;

      kg_places_find(x->gaz, x->v, x->reg, x->region, 1,
                     bl->text + s->title_off,
                     s->title_end - s->title_off, &pl);
      for(k = 0; k < pl.n; k++) {
        size_t a = kg_extract_src(bl, s->title_off + pl.v[k].start);
        size_t z = kg_extract_src_end(bl, s->title_off + pl.v[k].end);
        librdf_node *tn = kg_extract_terr_node(x, pl.v[k].terr);

        kg_extract_spatial(x, n, pl.v[k].terr, "title:place", a, z, 0);
        kg_evidence_mention(e, tn, a, z);
        librdf_free_node(tn);
      }
      kg_places_release(&pl);
    }
  }
}

/* ------------------------------------------------------------ territories */

/* mn:inTerritory from every dcterms:spatial to the territory and its
 * ancestors: "in the Indre" becomes one triple pattern. */
static void
emit_in_territory(struct kg_x *x)
{
  const struct kg_terr *anc[16];
  size_t i, k, na;

  for(i = 0; i < x->nspatial; i++) {
    const struct kg_spatial_ref *r = &x->spatial[i];
    librdf_node *tn = kg_extract_terr_node(x, r->t);

    kg_evidence_po(&x->e, r->s, KG_NS_MN, "inTerritory", tn);
    na = x->gaz ? kg_gaz_ancestors(x->gaz, r->t, anc, 16) : 0;
    for(k = 0; k < na && k < 16; k++)
      kg_evidence_po(&x->e, r->s, KG_NS_MN, "inTerritory",
                 kg_extract_terr_node(x, anc[k]));
  }
}

/* ------------------------------------------------------------ report */

static void
report_slug(const char *path, struct kg_buf *out)
{
  const char *base = strrchr(path, '/');
  const char *dot;

  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  kg_text_slug(base, dot && dot > base ? (size_t)(dot - base) : strlen(base),
               80, out);
  if(!out->len)
    kg_buf_adds(out, "report");
}

static void
x_release(struct kg_x *x)
{
  size_t i;

  for(i = 0; i < x->nsecs; i++) {
    if(x->snodes && x->snodes[i])
      librdf_free_node(x->snodes[i]);
    if(x->secorgs)
      kg_extract_node_list_release(&x->secorgs[i]);
    if(x->secpeople)
      kg_extract_node_list_release(&x->secpeople[i]);
  }
  free(x->secorgs);
  free(x->secpeople);
  kg_extract_node_list_release(&x->people);
  kg_extract_node_list_release(&x->orgs);
  free(x->snodes);
  free(x->secs);
  for(i = 0; i < x->nspatial; i++)
    librdf_free_node(x->spatial[i].s);
  free(x->spatial);
  if(x->event)
    librdf_free_node(x->event);
  kg_hash_release(&x->described);
  kg_hash_release(&x->roles);
  kg_hash_release(&x->e.seen);
  kg_buf_release(&x->e.keybuf);
  kg_text_cpindex_free(x->e.cp);
  if(x->e.report)
    librdf_free_node(x->e.report);
  if(x->e.graph)
    librdf_free_node(x->e.graph);
  kg_doc_release(&x->doc);
}

int
kg_extract_report_stmts(struct kg_ref *ref, const char *path,
                        struct kg_stmts *out, struct kg_report_info *info)
{
  struct kg_buf text = KG_BUF_INIT, slug = KG_BUF_INIT;
  struct kg_x x;
  struct kg_loc loc = { NULL, 0, 0 };
  size_t first = out->n;
  int rc;

  memset(&x, 0, sizeof(x));
  if(info)
    memset(info, 0, sizeof(*info));
  loc.file = path;
  rc = kg_input_read_text(path, &text);
  if(rc)
    goto out;
  rc = KG_EXIT_SYS;
  x.ref = ref;
  x.v = kg_ref_vocab(ref);
  if(!x.v)
    goto out;
  x.gaz = kg_ref_gaz(ref);
  if(!x.gaz)
    goto out;
  x.reg = kg_ref_registry(ref);
  if(!x.reg)
    goto out;
  if(kg_doc_parse(&x.doc, text.s, text.len)) {
    kg_error_at(&loc, "cannot parse the Markdown");
    rc = KG_EXIT_DATA;
    goto out;
  }
  x.nsecs = kg_sections_find(&x.doc, x.v, &x.secs);
  x.secorgs = kg_xcalloc(x.nsecs + 1, sizeof(struct kg_node_list));
  x.secpeople = kg_xcalloc(x.nsecs + 1, sizeof(struct kg_node_list));
  report_slug(path, &slug);
  x.e.ref = ref;
  x.e.world = ref->w->world;
  x.e.out = out;
  x.e.slug = slug.s;
  x.e.text = text.s;
  x.e.len = text.len;
  x.e.cp = kg_text_cpindex_new(text.s, text.len);
  x.e.graph = kg_evidence_id(&x.e, "graph/%s", slug.s);
  x.e.report = kg_evidence_id(&x.e, "report/%s", slug.s);
  kg_hash_init(&x.e.seen);
  kg_hash_init(&x.described);
  kg_hash_init(&x.roles);
  kg_evidence_po(&x.e, x.e.report, KG_NS_RDF, "type",
             kg_evidence_iri(&x.e, KG_NS_SCHEMA, "Report"));
  kg_evidence_po(&x.e, x.e.report, KG_NS_RDF, "type",
             kg_evidence_iri(&x.e, KG_NS_NIF, "Context"));
  kg_evidence_po(&x.e, x.e.report, KG_NS_NIF, "isString",
             kg_evidence_litn(&x.e, text.s, text.len, NULL));
  emit_event(&x);
  emit_sessions(&x);
  kg_cues_find(&x);
  kg_tables_find(&x);
  kg_initiatives_find(&x);
  emit_in_territory(&x);
  if(x.e.failed)
    goto out;
  if(info) {
    unsigned char *g = librdf_uri_as_string(librdf_node_get_uri(x.e.graph));

    info->slug = kg_xstrdup(slug.s);
    info->graph = kg_xstrdup((const char *)g);
    info->triples = x.e.added;
    info->bytes = text.len;
  }
  kg_info("%s: %zu statements in <%s>", path, x.e.added, slug.s);
  rc = KG_EXIT_OK;
out:
  if(rc) {
    /* nothing of a rejected report stays */
    size_t i;

    for(i = first; i < out->n; i++)
      raptor_free_statement(out->v[i]);
    out->n = first;
  }
  x_release(&x);
  kg_buf_release(&text);
  kg_buf_release(&slug);
  return rc;
}

int
kg_extract_report(struct kg_ref *ref, const char *path, librdf_model *model,
                  struct kg_report_info *info)
{
  struct kg_stmts l = { NULL, 0, 0 };
  int rc = kg_extract_report_stmts(ref, path, &l, info);

  if(!rc && kg_rdf_stmts_to_model(&l, model))
    rc = KG_EXIT_SYS;
  kg_rdf_stmts_release(&l);
  return rc;
}

void
kg_extract_info_release(struct kg_report_info *info)
{
  if(!info)
    return;
  free(info->slug);
  free(info->graph);
  memset(info, 0, sizeof(*info));
}

/* ------------------------------------------------------------ reference */

/* Copies the description of concept @iri (its triples in the ontology
 * files: labels, notation, scheme, broader) into @l, in @graph. */
static int
add_concept(struct kg_ref *ref, const struct kg_vocab *v, const char *iri,
            struct kg_stmts *l, librdf_node *graph)
{
  size_t i;

  for(i = 0; i < v->triples.n; i++) {
    const struct kg_triple *t = &v->triples.v[i];
    librdf_node *o;

    if(strcmp(t->s, iri))
      continue;
    o = t->o_is_lit ? kg_rdf_lit(ref->w->world, t->o, t->lang)
                    : kg_rdf_iri(ref->w->world, t->o, NULL);
    if(kg_rdf_stmts_add(l, kg_rdf_iri(ref->w->world, t->s, NULL),
                    kg_rdf_iri(ref->w->world, t->p, NULL), o, graph))
      return -1;
  }
  return 0;
}

static int
terr_from_iri(struct kg_gaz *gaz, const char *u, size_t prelen,
              const struct kg_terr **t)
{
  const char *kind = u + prelen, *code = strchr(kind, '/');
  enum kg_terr_kind k;

  if(!code)
    return 0;
  if(!strncmp(kind, "region/", 7))
    k = KG_TERR_REGION;
  else if(!strncmp(kind, "departement/", 12))
    k = KG_TERR_DEPARTEMENT;
  else if(!strncmp(kind, "epci/", 5))
    k = KG_TERR_EPCI;
  else if(!strncmp(kind, "commune/", 8))
    k = KG_TERR_COMMUNE;
  else
    return 0;
  *t = kg_gaz_get(gaz, k, code + 1);
  return *t != NULL;
}

int
kg_extract_reference_stmts(struct kg_ref *ref, struct kg_stmts *l)
{
  struct kg_gaz *gaz = kg_ref_gaz(ref);
  struct kg_vocab *voc = kg_ref_vocab(ref);
  librdf_node *graph;
  struct kg_hash seen, done;
  struct kg_buf prefix = KG_BUF_INIT;
  size_t i, n0;
  int rc = 0;

  if(!gaz || !voc)
    return -1;
  graph = kg_rdf_iri(ref->w->world, ref->w->base, "graph/reference");
  kg_buf_addf(&prefix, "%sterritoire/", ref->w->base);
  kg_hash_init(&seen);
  kg_hash_init(&done);
  n0 = l->n;
  for(i = 0; i < n0 && !rc; i++) {
    raptor_term *o = l->v[i]->object;
    const char *u;
    const struct kg_terr *t;

    if(o->type != RAPTOR_TERM_TYPE_URI)
      continue;
    u = (const char *)raptor_uri_as_string(o->value.uri);
    if(!strncmp(u, KG_NS_MNC, strlen(KG_NS_MNC))) {
      if(kg_hash_add(&seen, u) && add_concept(ref, voc, u, l, graph))
        rc = -1;
      continue;
    }
    if(strncmp(u, prefix.s, prefix.len) || !kg_hash_add(&seen, u))
      continue;
    if(terr_from_iri(gaz, u, prefix.len, &t) &&
       kg_territory_emit_stmts(ref->w, gaz, t, l, graph, &done))
      rc = -1;
  }
  kg_hash_release(&seen);
  kg_hash_release(&done);
  kg_buf_release(&prefix);
  librdf_free_node(graph);
  return rc;
}

int
kg_extract_reference(struct kg_ref *ref, librdf_model *model)
{
  struct kg_stmts l = { NULL, 0, 0 };
  int rc;

  if(kg_rdf_stmts_from_model(&l, model, 0))
    return -1;
  rc = kg_extract_reference_stmts(ref, &l);
  if(!rc) {
    /* only the reference statements, appended after the model's own */
    struct kg_stmts tail;
    size_t n0 = 0, i;

    for(i = 0; i < l.n; i++)
      if(l.v[i]->graph) {
        n0 = i;
        break;
      }
    tail.v = l.v + n0;
    tail.n = l.n - n0;
    tail.cap = tail.n;
    rc = kg_rdf_stmts_to_model(&tail, model);
  }
  kg_rdf_stmts_release(&l);
  return rc;
}
