/* batch.c - the statements of one load on their way into the store: each
 * literal in its one form, then added to the graph (the store buffers and
 * sorts them, quads.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/progress.h"
#include "rdf/ns.h"
#include "store/store_int.h"

/* A copy of literal @o in its one form: its language tag in lower case
 * (what rasqal compares with), "x"^^xsd:string as the simple literal "x"
 * (RDF 1.1 Concepts 3.3: one term, so a pattern 'x' matches it); NULL if
 * it needs no change. */
static librdf_node *
canonical_literal(librdf_world *w, librdf_node *o)
{
  char *lang;
  char tmp[64];
  size_t i, n;
  int upper = 0;
  librdf_uri *dt;

  if(!librdf_node_is_literal(o))
    return NULL;
  dt = librdf_node_get_literal_value_datatype_uri(o);
  if(dt && !strcmp((const char *)librdf_uri_as_string(dt),
                   KG_NS_XSD "string")) {
    size_t len;
    const unsigned char *v =
      librdf_node_get_literal_value_as_counted_string(o, &len);

    return librdf_new_node_from_typed_counted_literal(w, v, len, NULL, 0,
                                                      NULL);
  }
  lang = librdf_node_get_literal_value_language(o);
  if(!lang)
    return NULL;
  n = strlen(lang);
  if(n >= sizeof tmp)
    return NULL;
  for(i = 0; i <= n; i++) {
    tmp[i] = (char)tolower((unsigned char)lang[i]);
    if(tmp[i] != lang[i])
      upper = 1;
  }
  if(!upper)
    return NULL;
  return librdf_new_node_from_literal(
    w, librdf_node_get_literal_value(o), tmp, 0);
}

int
kg_batch_transfer(librdf_world *w, librdf_model *model, librdf_stream *s,
                  librdf_node *graph)
{
  return kg_batch_transfer_counted(w, model, s, graph, NULL);
}

int
kg_batch_transfer_counted(librdf_world *w, librdf_model *model,
                          librdf_stream *s, librdf_node *graph,
                          struct kg_progress *pg)
{
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    librdf_node *lo = canonical_literal(w, librdf_statement_get_object(t));
    librdf_statement *c = t;
    int rc;

    if(lo) {
      c = librdf_new_statement_from_nodes(
        w, librdf_new_node_from_node(librdf_statement_get_subject(t)),
        librdf_new_node_from_node(librdf_statement_get_predicate(t)), lo);
      if(!c) {
        kg_error("cannot copy a statement (out of memory)");
        return -1;
      }
    }
    rc = librdf_model_context_add_statement(model, graph, c);
    if(c != t)
      librdf_free_statement(c);
    if(rc) {
      kg_error("cannot add a statement to the store");
      return -1;
    }
    if(pg && !(++pg->count & 1023))
      kg_progress_tick(pg);
  }
  return 0;
}
