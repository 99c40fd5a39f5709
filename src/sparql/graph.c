/* graph.c - the dataset and GRAPH.
 *
 * Without FROM, the default graph is the union of all graphs of the model
 * (librdf's behaviour; a triple in several graphs counts once) and the
 * named graphs are the model's contexts, less the context holding the
 * caller's default graph.  FROM / FROM NAMED may only name graphs already
 * loaded: fetching is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/ns.h"
#include "sparql/eval.h"
#include "sparql/sparql.h"

/* The named graphs of the dataset (new array of SHARED-or-copied nodes,
 * free with graphs_free). */
static librdf_node **
named_graphs(struct kg_eval *ev, int *n)
{
  librdf_node **v = NULL;
  librdf_iterator *it;
  int i;

  *n = 0;
  if(ev->has_dataset) {
    v = kg_xcalloc((size_t)ev->nnamed + 1, sizeof(*v));
    for(i = 0; i < ev->nnamed; i++)
      v[(*n)++] = librdf_new_node_from_node(ev->named[i]);
    return v;
  }
  it = librdf_model_get_contexts(ev->model);
  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);

    if(!c || (ev->default_ctx && librdf_node_equals(ev->default_ctx, c)))
      continue;
    v = kg_xrealloc(v, (size_t)(*n + 1) * sizeof(*v));
    v[(*n)++] = librdf_new_node_from_node(c);
  }
  if(it)
    librdf_free_iterator(it);
  return v;
}

static void
graphs_free(librdf_node **v, int n)
{
  int i;

  for(i = 0; i < n; i++)
    librdf_free_node(v[i]);
  free(v);
}

static int
is_named_graph(librdf_node **v, int n, librdf_node *g)
{
  int i;

  for(i = 0; i < n; i++)
    if(librdf_node_equals(v[i], g))
      return 1;
  return 0;
}

int
kg_graph_eval(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
              struct kg_rows *out)
{
  int rc = 0;
  size_t i;
  int ng;
  librdf_node **graphs = named_graphs(ev, &ng);

  if(g->graph.var < 0) {
    /* GRAPH <iri>: a graph that is not in the dataset has no triples */
    if(is_named_graph(graphs, ng, g->graph.node))
      rc = kg_eval_pattern(ev, g->kids[0], in, g->graph.node, 0, out);
    graphs_free(graphs, ng);
    return rc;
  }
  for(i = 0; !rc && i < in->n; i++) {
    librdf_node **l = kg_rows_at(in, i);
    struct kg_rows one;
    int k;

    kg_rows_init(&one, ev->nvars);
    if(l[g->graph.var]) {
      if(is_named_graph(graphs, ng, l[g->graph.var])) {
        kg_rows_add(&one, l);
        rc = kg_eval_pattern(ev, g->kids[0], &one, l[g->graph.var], 0, out);
      }
      kg_rows_release(&one);
      continue;
    }
    for(k = 0; !rc && k < ng; k++) {
      librdf_node *c = graphs[k];
      librdf_node **d;
      struct kg_rows part;
      size_t j;

      kg_rows_init(&part, ev->nvars);
      kg_rows_release(&one);
      kg_rows_init(&one, ev->nvars);
      d = kg_rows_add(&one, l);
      d[g->graph.var] = librdf_new_node_from_node(c);
      rc = kg_eval_pattern(ev, g->kids[0], &one, c, 0, &part);
      for(j = 0; j < part.n; j++) {
        librdf_node **pr = kg_rows_at(&part, j);

        if(!pr[g->graph.var])
          kg_rows_set(pr, g->graph.var, c);
        kg_rows_add(out, pr);
      }
      kg_rows_release(&part);
    }
    kg_rows_release(&one);
  }
  graphs_free(graphs, ng);
  return rc;
}

static int
model_has_context(struct kg_eval *ev, librdf_node *g)
{
  librdf_iterator *it = librdf_model_get_contexts(ev->model);
  int found = 0;

  for(; it && !found && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);

    if(c && librdf_node_equals(c, g) &&
       !(ev->default_ctx && librdf_node_equals(c, ev->default_ctx)))
      found = 1;
  }
  if(it)
    librdf_free_iterator(it);
  return found;
}

/* Adds graph @iri to the dataset (@named: FROM NAMED); a graph the model
 * does not hold is refused, never fetched.  0 or -1 (refused). */
static int
dataset_add(struct kg_eval *ev, const char *iri, int named)
{
  librdf_node *g = librdf_new_node_from_uri_string(ev->world,
                                                   (const unsigned char *)iri);

  ev->has_dataset = 1;
  if(!g || !model_has_context(ev, g)) {
    if(g)
      librdf_free_node(g);
    kg_eval_refuse(ev, "FROM", "%s <%s> is not a graph of the store or of "
                   "--named; mednum-kg never fetches a graph",
                   named ? "FROM NAMED" : "FROM", iri);
    return -1;
  }
  if(named) {
    ev->named = kg_xrealloc(ev->named, (size_t)(ev->nnamed + 1) *
                            sizeof(*ev->named));
    ev->named[ev->nnamed++] = g;
  } else {
    ev->from = kg_xrealloc(ev->from, (size_t)(ev->nfrom + 1) *
                           sizeof(*ev->from));
    ev->from[ev->nfrom++] = g;
  }
  return 0;
}

/* FROM / FROM NAMED: served from the graphs already loaded (--named);
 * anything else would be fetched, which is refused.  A dataset given
 * with the query (the protocol's default-graph-uri and named-graph-uri,
 * @opts) replaces the query's own. */
int
kg_graph_dataset(struct kg_eval *ev, rasqal_query *q,
                 const struct kg_sparql_opts *opts)
{
  int i;
  size_t k;
  rasqal_data_graph *dg;

  if(opts->ndefault_graphs || opts->nnamed_graphs) {
    for(k = 0; k < opts->ndefault_graphs; k++)
      if(dataset_add(ev, opts->default_graphs[k], 0))
        return -1;
    for(k = 0; k < opts->nnamed_graphs; k++)
      if(dataset_add(ev, opts->named_graphs[k], 1))
        return -1;
    return 0;
  }
  for(i = 0; (dg = rasqal_query_get_data_graph(q, i)); i++)
    if(dataset_add(ev, (const char *)raptor_uri_as_string(dg->uri),
                   dg->flags == RASQAL_DATA_GRAPH_NAMED))
      return -1;
  return 0;
}

/* 1 if the model's storage has every index and merges its graphs
 * itself. */
static int
quad_indexes(struct kg_eval *ev)
{
  librdf_uri *f = librdf_new_uri(ev->world,
    (const unsigned char *)KG_FEATURE_QUAD_INDEXES);
  librdf_node *v = f ? librdf_model_get_feature(ev->model, f) : NULL;
  int yes = v && librdf_node_is_literal(v) &&
            !strcmp((const char *)librdf_node_get_literal_value(v), "1");

  if(v)
    librdf_free_node(v);
  if(f)
    librdf_free_uri(f);
  return yes;
}

void
kg_graph_init(struct kg_eval *ev)
{
  librdf_iterator *it;
  int nctx = 0;

  ev->indexed = quad_indexes(ev);
  if(ev->indexed && !ev->default_ctx) {
    ev->dedupe = 0;             /* the storage gives each triple once */
    return;
  }
  it = librdf_model_get_contexts(ev->model);
  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);

    if(c && !(ev->default_ctx && librdf_node_equals(c, ev->default_ctx)))
      nctx++;
  }
  if(it)
    librdf_free_iterator(it);
  ev->dedupe = nctx > 0;
}
