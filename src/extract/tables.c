/* tables.c - programme tables: a table whose first header names a session
 * type ("Atelier", "Conférence") lists sessions, one per row, with columns
 * for facilitators ("Animé par"), organisations ("Structure") and places
 * ("Territoire").  The header words are cue phrases of the vocabulary.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "extract/doc.h"
#include "extract/report.h"
#include "extract/tables.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/places.h"
#include "extract/programme.h"
#include "rdf/rdf.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

enum col_kind { COL_OTHER = 0, COL_PEOPLE, COL_ORG, COL_PLACE };

static int
matches(const struct kg_phrase *ph, size_t n, const char *t, size_t len)
{
  struct kg_wordkeys w;
  size_t p;
  int hit = 0;

  kg_text_wordkeys_init(&w, t, len);
  for(p = 0; p < n && !hit; p++)
    if(ph[p].key[0] && kg_text_wordkeys_prefix(&w, ph[p].key))
      hit = 1;
  kg_text_wordkeys_release(&w);
  return hit;
}

static long
type_of_header(const struct kg_vocab *v, const char *t, size_t len)
{
  size_t i;

  for(i = 0; i < v->ntypes; i++)
    if(matches(v->types[i].words, v->types[i].nwords, t, len))
      return (long)i;
  return -1;
}

/* The session whose text holds block @b, or -1. */
static long
section_of(const struct kg_report *x, size_t b)
{
  long s = -1;
  size_t i;

  for(i = 0; i < x->nsecs; i++)
    if(x->secs[i].block < b)
      s = (long)i;
  return s;
}

static void
row(struct kg_report *x, const struct kg_block *cells, size_t ncells,
    const enum col_kind *cols, long type, librdf_node *parent, int table,
    int rown, size_t tc)
{
  struct kg_emit *e = &x->e;
  const struct kg_block *name = &cells[tc];
  size_t na = kg_report_src(name, 0), nz = kg_report_src_end(name, name->len), c, i;
  size_t ra = na, rz = kg_report_src_end(&cells[ncells - 1],
                                    cells[ncells - 1].len);
  librdf_node *s, *org = NULL;

  if(!name->len || kg_programme_is_break(x->v, name->text, name->len))
    return;
  if(type < 0)  /* a programme by times: each title names its type */
    type = kg_sections_type(x->v, name->text, name->len);
  s = kg_evidence_id(e, "session/%s/t%d-%d", e->slug, table + 1, rown);
  kg_evidence_po(e, s, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_SCHEMA, "Event"));
  kg_evidence_po(e, s, KG_NS_SCHEMA, "name", kg_evidence_litn(e, e->text + na, nz - na,
                                                      NULL));
  kg_evidence_mention(e, s, na, nz);
  if(type >= 0) {
    librdf_node *tn = kg_evidence_iri(e, x->v->types[type].iri, NULL);

    kg_evidence_fact(e, s, KG_NS_MN, "sessionType", tn, "table:header", ra, rz, 0);
    librdf_free_node(tn);
  }
  kg_evidence_fact(e, s, KG_NS_SCHEMA, "superEvent", parent,
                   tc ? "table:time-row" : "table:row", ra, rz, 0);
  for(c = 0; c < ncells; c++)
    if(cols[c] == COL_ORG && cells[c].len)
      org = kg_report_org(x, kg_report_src(&cells[c], 0),
                     kg_report_src_end(&cells[c], cells[c].len), 0, 0);
  for(c = 0; c < ncells; c++) {
    const struct kg_block *cb = &cells[c];

    if(cols[c] == COL_PEOPLE && cb->len) {
      struct kg_people p;

      kg_people_parse_lex(x->v, x->lex, cb->text, cb->len, &p);
      for(i = 0; i < p.npersons; i++) {
        size_t a = kg_report_src(cb, p.persons[i].name.start);
        size_t z = kg_report_src_end(cb, p.persons[i].name.end);
        librdf_node *pn = kg_report_person(x, e->text + a, z - a, a, z);
        librdf_node *po = NULL;

        kg_report_candidate(x, pn, 90);   /* a "Animé par" column: a cue */

        if(p.persons[i].org >= 0) {
          const struct kg_org_ref *o = &p.orgs[p.persons[i].org];

          po = kg_report_org(x, kg_report_src(cb, o->name.start),
                        kg_report_src_end(cb, o->name.end), 0, 0);
        }
        kg_evidence_fact(e, s, KG_NS_SCHEMA, "performer", pn, "table:facilitator",
                     ra, rz, 0);
        if(po || org)
          kg_evidence_fact(e, pn, KG_NS_SCHEMA, "affiliation", po ? po : org,
                       po ? "cue:affiliation" : "table:structure", ra, rz, 0);
        if(po)
          librdf_free_node(po);
        librdf_free_node(pn);
      }
      kg_people_release(&p);
    } else if(cols[c] == COL_PLACE && cb->len) {
      struct kg_places pl = { NULL, 0, 0 };

      kg_places_find(x->gaz, x->v, x->reg, x->region, 0, cb->text, cb->len,
                     &pl);
      for(i = 0; i < pl.n; i++)
        kg_report_place(x, s, &pl.v[i], "table:place",
                        kg_report_src(cb, pl.v[i].start),
                        kg_report_src_end(cb, pl.v[i].end));
      kg_places_release(&pl);
    }
  }
  if(org)
    librdf_free_node(org);
  librdf_free_node(s);
}

/* Is the first column of the table whose header row starts at block @b
 * a column of times?  Every body cell of it opens with a time slot. */
static int
time_column(const struct kg_report *x, size_t b, size_t ncols, size_t e)
{
  const struct kg_doc *d = &x->doc;
  size_t r, rows = 0;

  for(r = b + ncols; r + ncols <= e; r += ncols) {
    const struct kg_block *cell = &d->blocks[r];

    if(!kg_programme_slot(x->v, cell->text, cell->len))
      return 0;
    rows++;
  }
  return rows >= 2;
}

void
kg_tables_find(struct kg_report *x)
{
  const struct kg_doc *d = &x->doc;
  size_t b = 0;

  while(b < d->nblocks) {
    const struct kg_block *h = &d->blocks[b];
    size_t e, ncols = 0, c, r, tc;
    enum col_kind cols[16];
    long type, sec;
    librdf_node *parent;

    if(h->kind != KG_BLK_CELL || h->row != 0 || h->col != 0) {
      b++;
      continue;
    }
    for(e = b; e < d->nblocks && d->blocks[e].kind == KG_BLK_CELL &&
        d->blocks[e].table == h->table; e++)
      if(d->blocks[e].row == 0)
        ncols++;
    type = type_of_header(x->v, h->text, h->len);
    tc = 0;
    if(ncols < 2 || ncols > 16 ||
       (type < 0 && !time_column(x, b, ncols, e))) {
      b = e;
      continue;
    }
    memset(cols, 0, sizeof cols);
    for(c = 1; c < ncols; c++) {
      const struct kg_block *hc = &d->blocks[b + c];

      if(matches(x->v->cues[KG_CUE_FACILITATOR], x->v->ncues[KG_CUE_FACILITATOR],
                 hc->text, hc->len))
        cols[c] = COL_PEOPLE;
      else if(matches(x->v->cues[KG_CUE_ORG_COLUMN],
                      x->v->ncues[KG_CUE_ORG_COLUMN], hc->text, hc->len))
        cols[c] = COL_ORG;
      else if(matches(x->v->cues[KG_CUE_PLACE_COLUMN],
                      x->v->ncues[KG_CUE_PLACE_COLUMN], hc->text, hc->len))
        cols[c] = COL_PLACE;
    }
    /* a programme by times: the title is the first column of no kind */
    for(c = 1; type < 0 && !tc && c < ncols; c++)
      if(cols[c] == COL_OTHER)
        tc = c;
    if(type < 0 && !tc) {
      b = e;
      continue;
    }
    sec = section_of(x, b);
    parent = sec >= 0 ? x->snodes[sec] : x->event;
    for(r = b + ncols; r + ncols <= e; r += ncols)
      row(x, &d->blocks[r], ncols, cols, type, parent, h->table,
          d->blocks[r].row, tc);
    b = e;
  }
}
