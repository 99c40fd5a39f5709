/* sessions.c - the sessions found by sections.c, as graph nodes: name,
 * number, type, parent. */
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

#include "extract/sessions.h"

/* The rule that gave a session its type. */
static const char *
type_rule(const struct kg_section *s)
{
  if(s->children)
    return s->number[0] ? "numbering:block" : "heading:block";
  return s->head != s->block ? "time-slot:session-type" : "title:session-type";
}

void
kg_sessions_emit(struct kg_report *x)
{
  struct kg_emit *e = &x->e;
  size_t i;

  x->snodes = kg_xcalloc(x->nsecs ? x->nsecs : 1, sizeof(librdf_node *));
  for(i = 0; i < x->nsecs; i++) {
    const struct kg_section *s = &x->secs[i];
    const struct kg_block *bl = &x->doc.blocks[s->block];
    struct kg_buf id = KG_BUF_INIT;
    size_t ta = kg_report_src(bl, s->title_off);
    size_t tz = kg_report_src_end(bl, s->title_end);
    size_t ha = kg_report_src(&x->doc.blocks[s->head], 0);
    librdf_node *n;
    char *p;

    if(s->number[0]) {
      kg_buf_adds(&id, s->number);
      for(p = id.s; *p; p++)
        if(*p == '.')
          *p = '-';
    } else {
      kg_report_slugify(bl->text + s->title_off, s->title_end - s->title_off, &id);
    }
    n = kg_evidence_id(e, "session/%s/%s", e->slug, id.s);
    kg_buf_release(&id);
    x->snodes[i] = n;
    kg_evidence_po(e, n, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_SCHEMA, "Event"));
    /* numbered titles as written; others as read (no markup: "++", "**") */
    if(s->number[0])
      kg_evidence_po(e, n, KG_NS_SCHEMA, "name",
                     kg_evidence_litn(e, e->text + ta, tz - ta, NULL));
    else {
      /* an item's title may run over lines: "création d'une\n  boite …" */
      struct kg_buf nm = KG_BUF_INIT;
      size_t k;

      for(k = s->title_off; k < s->title_end; k++) {
        char c = bl->text[k];

        if(c == '\n' || c == '\t')
          c = ' ';
        if(c != ' ' || !nm.len || nm.s[nm.len - 1] != ' ')
          kg_buf_addc(&nm, c);
      }
      kg_evidence_po(e, n, KG_NS_SCHEMA, "name",
                     kg_evidence_litn(e, nm.s ? nm.s : "", nm.len, NULL));
      kg_buf_release(&nm);
    }
    kg_evidence_mention(e, n, ta, tz);
    if(s->number[0])
      kg_evidence_po(e, n, KG_NS_MN, "sectionNumber",
                 kg_evidence_lit(e, s->number, NULL));
    kg_evidence_po(e, n, KG_NS_SCHEMA, "position", kg_rdf_int(e->world, (long)i + 1));
    if(s->type >= 0) {
      librdf_node *tn = kg_evidence_iri(e, x->v->types[s->type].iri, NULL);

      kg_evidence_fact(e, n, KG_NS_MN, "sessionType", tn,
                       type_rule(s), s->head != s->block ? ha : ta, tz, 0);
      librdf_free_node(tn);
    }
    kg_evidence_fact(e, n, KG_NS_SCHEMA, "superEvent",
                     s->parent >= 0 ? x->snodes[s->parent] : x->event,
                     s->rule, s->head != s->block ? ha : kg_report_src(bl, 0),
                     tz, 0);
    {
      /* places named in the title: "Tours Nord et Vierzon" */
      struct kg_places pl = { NULL, 0, 0 };
      size_t k;

      kg_places_find(x->gaz, x->v, x->reg, x->region, 1,
                     bl->text + s->title_off,
                     s->title_end - s->title_off, &pl);
      for(k = 0; k < pl.n; k++) {
        size_t a = kg_report_src(bl, s->title_off + pl.v[k].start);
        size_t z = kg_report_src_end(bl, s->title_off + pl.v[k].end);
        librdf_node *tn = kg_report_terr_node(x, pl.v[k].terr);

        kg_report_place(x, n, &pl.v[k], "title:place", a, z);
        kg_evidence_mention(e, tn, a, z);
        librdf_free_node(tn);
      }
      kg_places_release(&pl);
    }
  }
}
