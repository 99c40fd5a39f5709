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
#include "extract/cues.h"
#include "extract/event.h"
#include "extract/initiatives.h"
#include "extract/orgs.h"
#include "extract/report.h"
#include "extract/sessions.h"
#include "extract/tables.h"
#include "ref/gaz.h"
#include "base/input.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/persons.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "base/hash.h"
#include "extract/sections.h"
#include "ref/territory.h"
#include "base/text.h"
#include "ref/vocab.h"

/* ------------------------------------------------------------ territories */

/* mn:inTerritory from every dcterms:spatial to the territory and its
 * ancestors: "in the Indre" becomes one triple pattern. */
static void
emit_in_territory(struct kg_report *x)
{
  const struct kg_terr *anc[16];
  size_t i, k, na;

  for(i = 0; i < x->nspatial; i++) {
    const struct kg_spatial_ref *r = &x->spatial[i];
    librdf_node *tn = kg_report_terr_node(x, r->t);

    kg_evidence_po(&x->e, r->s, KG_NS_MN, "inTerritory", tn);
    na = x->gaz ? kg_gaz_ancestors(x->gaz, r->t, anc, 16) : 0;
    for(k = 0; k < na && k < 16; k++)
      kg_evidence_po(&x->e, r->s, KG_NS_MN, "inTerritory",
                 kg_report_terr_node(x, anc[k]));
  }
}

/* ------------------------------------------------------------ report */

static void
report_slug(const char *path, struct kg_buf *out)
{
  const char *base = strrchr(path, '/');
  const char *dot;

  if(kg_input_is_stdin(path)) {
    kg_buf_adds(out, "stdin");  /* "-": the graph is mnid:graph/stdin */
    return;
  }
  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  kg_text_slug(base, dot && dot > base ? (size_t)(dot - base) : strlen(base),
               80, out);
  if(!out->len)
    kg_buf_adds(out, "report");
}

int
kg_extract_report_stmts(struct kg_ref *ref, const char *path,
                        struct kg_stmts *out, struct kg_report_info *info)
{
  struct kg_buf text = KG_BUF_INIT, slug = KG_BUF_INIT;
  struct kg_report x;
  struct kg_loc loc = { NULL, 0, 0 };
  size_t first = out->n;
  int rc;

  memset(&x, 0, sizeof(x));
  if(info)
    memset(info, 0, sizeof(*info));
  loc.file = kg_input_name(path);
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
  if(!x.reg) {
    rc = ref->status;   /* 3: a bad registry or curation file */
    goto out;
  }
  x.lex = kg_ref_lexicon(ref);
  if(!x.lex)
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
  kg_event_find(&x);
  kg_sessions_emit(&x);
  kg_orgs_acronyms(&x);
  kg_cues_find(&x);
  kg_tables_find(&x);
  kg_persons_find(&x);
  kg_orgs_find(&x);
  kg_initiatives_find(&x);
  emit_in_territory(&x);
  kg_report_candidates_emit(&x);
  kg_orgs_merge(&x);
  if(x.e.failed)
    goto out;
  if(info) {
    unsigned char *g = librdf_uri_as_string(librdf_node_get_uri(x.e.graph));

    info->slug = kg_xstrdup(slug.s);
    info->graph = kg_xstrdup((const char *)g);
    info->triples = x.e.added;
    info->bytes = text.len;
  }
  kg_info("%s: %zu statements in <%s>", kg_input_name(path), x.e.added, slug.s);
  rc = KG_EXIT_OK;
out:
  if(rc) {
    /* nothing of a rejected report stays */
    size_t i;

    for(i = first; i < out->n; i++)
      raptor_free_statement(out->v[i]);
    out->n = first;
  }
  kg_report_release(&x);
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

  for(i = kg_vocab_about(v, iri); i != (size_t)-1;
      i = kg_vocab_about_next(v, i)) {
    const struct kg_triple *t = &v->triples.v[i];
    librdf_node *o;

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
