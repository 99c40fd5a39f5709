/* serialize.c - RDF output through raptor, sorted for stable bytes.
 *
 * Statements are collected with their graph, sorted and de-duplicated, then
 * written by our Turtle writer or raptor's serializer with the contract's
 * prefixes.  The whole graph is held in memory there; kg_serialize_stream()
 * writes N-Triples and N-Quads as they come, for graphs of any size.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/serialize.h"
#include "rdf/turtle.h"

static int
term_cmp(raptor_term *a, raptor_term *b)
{
  if(!a || !b)
    return (a != NULL) - (b != NULL);
  return raptor_term_compare(a, b);
}

static int
stmt_cmp(const void *pa, const void *pb)
{
  raptor_statement *a = *(raptor_statement *const *)pa;
  raptor_statement *b = *(raptor_statement *const *)pb;
  int c;

  if((c = term_cmp(a->graph, b->graph)))
    return c;
  if((c = term_cmp(a->subject, b->subject)))
    return c;
  if((c = term_cmp(a->predicate, b->predicate)))
    return c;
  return term_cmp(a->object, b->object);
}

int
kg_serialize(struct kg_world *w, librdf_model *model, const char *format,
             FILE *out)
{
  struct kg_stmts l = { NULL, 0, 0 };
  int rc;

  if(!kg_format_find(format, KG_FMT_EXTRACT)) {
    kg_error("unknown RDF format '%s'", format);
    return -1;
  }
  if(kg_rdf_stmts_from_model(&l, model, !strcmp(format, "nquads"))) {
    kg_rdf_stmts_release(&l);
    return -1;
  }
  rc = kg_serialize_stmts(w, &l, format, out);
  kg_rdf_stmts_release(&l);
  return rc;
}

int
kg_serialize_stmts(struct kg_world *w, struct kg_stmts *l, const char *format,
                   FILE *out)
{
  raptor_statement **v;
  size_t n, i, k;
  raptor_serializer *ser = NULL;
  const struct kg_format *f = kg_format_find(format, KG_FMT_EXTRACT);
  int rc = -1;

  if(!f) {
    kg_error("unknown RDF format '%s'", format);
    return -1;
  }
  v = l->v;
  n = l->n;
  if(!(f->flags & KG_FMT_QUADS))
    for(i = 0; i < n; i++)
      if(v[i]->graph) {
        raptor_free_term(v[i]->graph);
        v[i]->graph = NULL;
      }
  if(n)
    qsort(v, n, sizeof(*v), stmt_cmp);
  for(i = 0, k = 0; i < n; i++) {
    if(k && !stmt_cmp(&v[k - 1], &v[i])) {
      raptor_free_statement(v[i]);
      continue;
    }
    v[k++] = v[i];
  }
  l->n = n = k;
  if(!strcmp(format, "turtle")) {
    rc = kg_turtle_write(v, n, w->base, out);
    if(rc)
      kg_error("cannot write the graph as %s", format);
    return rc;
  }
  ser = raptor_new_serializer(w->raptor, f->writer);
  if(!ser) {
    kg_error("cannot create a '%s' writer", format);
    goto out;
  }
  /* declare the contract's prefixes that the graph uses (raptor tries every
   * declared namespace on every IRI, so unused ones cost time and lines) */
  for(i = 0; kg_prefixes[i].prefix; i++)
    if(kg_turtle_uses_namespace(v, n, kg_prefixes[i].iri)) {
      raptor_uri *u = raptor_new_uri(w->raptor,
                                     (const unsigned char *)kg_prefixes[i].iri);

      raptor_serializer_set_namespace(ser, u,
                                      (const unsigned char *)kg_prefixes[i].prefix);
      raptor_free_uri(u);
    }
  if(kg_turtle_uses_namespace(v, n, w->base)) {
    raptor_uri *u = raptor_new_uri(w->raptor, (const unsigned char *)w->base);

    raptor_serializer_set_namespace(ser, u, (const unsigned char *)"mnid");
    raptor_free_uri(u);
  }
  if(raptor_serializer_start_to_file_handle(ser, NULL, out))
    goto out;
  for(i = 0; i < n; i++)
    if(raptor_serializer_serialize_statement(ser, v[i]))
      goto out;
  if(raptor_serializer_serialize_end(ser))
    goto out;
  rc = 0;
out:
  if(ser)
    raptor_free_serializer(ser);
  if(rc)
    kg_error("cannot write the graph as %s", format);
  return rc;
}

/* Streams every statement as N-Triples or N-Quads (with its graph). */
int
kg_serialize_stream(struct kg_world *w, librdf_model *m, librdf_node *graph,
                    int quads, FILE *out)
{
  raptor_serializer *ser;
  librdf_stream *s;
  int rc = -1;

  ser = raptor_new_serializer(w->raptor, quads ? "nquads" : "ntriples");
  if(!ser) {
    kg_error("cannot start the %s writer", quads ? "N-Quads" : "N-Triples");
    return -1;
  }
  s = graph ? librdf_model_context_as_stream(m, graph)
            : librdf_model_as_stream(m);
  if(!s || raptor_serializer_start_to_file_handle(ser, NULL, out))
    goto out;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    raptor_statement q = *t;                             /* borrows terms */

    q.graph = quads ? librdf_stream_get_context2(s) : NULL;
    if(raptor_serializer_serialize_statement(ser, &q))
      goto out;
  }
  if(raptor_serializer_serialize_end(ser))
    goto out;
  rc = 0;
out:
  if(rc)
    kg_error("cannot write the graph");
  if(s)
    librdf_free_stream(s);
  raptor_free_serializer(ser);
  return rc;
}
