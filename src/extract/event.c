/* event.c - the event of a report: name, date, edition, venue. */
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
#include "extract/report.h"
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

#include "extract/event.h"

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

void
kg_event_find(struct kg_report *x)
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
        ta = kg_report_src(&d->blocks[b], 0);
        tz = kg_report_src_end(&d->blocks[b], d->blocks[b].len);
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
        kg_report_venue(x, pl.v[i].terr, ml->src, ml->src + strlen(ml->value),
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
                   kg_report_src(bl, a), kg_report_src_end(bl, z), 0);
      librdf_free_node(dn);
      have_date = 1;
    }
    if(!have_edition && (ed = find_edition(x->v, bl, &a, &z)) > 0) {
      librdf_node *en = kg_rdf_int(e->world, ed);

      kg_evidence_fact(e, x->event, KG_NS_MN, "edition", en, "text:edition",
                   kg_report_src(bl, a), kg_report_src_end(bl, z), 0);
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

          kg_report_venue(x, pl.v[i].terr, kg_report_src(bl, vs),
                     kg_report_src_end(bl, pl.v[i].end), kg_report_src(bl, pl.v[i].start),
                     kg_report_src_end(bl, pl.v[i].end), "text:venue");
          have_venue = 1;
        }
      kg_places_release(&pl);
    }
  }
}

/* The event's place: venue name [va, vz), its commune mention [ca, cz). */
