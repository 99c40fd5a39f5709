/* stats.c - `stats --endpoint`: the statistics of publish/stats.h counted
 * by another server, with SPARQL aggregates over the graphs under the
 * instance base's graph/ (the graphs `push` sends; a shared server holds
 * others too). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/world.h"
#include "sparql/sparql.h"
#include "publish/stats.h"
#include "remote/client.h"
#include "remote/query.h"
#include "remote/stats.h"

/* The string of a cell, or "". */
static const char *
text(struct kg_result *r, size_t row, int col)
{
  librdf_node *n = kg_result_cell(r, row, col);

  if(!n)
    return "";
  if(librdf_node_is_resource(n))
    return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  return (const char *)librdf_node_get_literal_value(n);
}

/* Runs @head, a filter keeping ?g to the graphs under @prefix, then
 * @tail, on the server. */
static struct kg_result *
ask(struct kg_world *w, const struct kg_remote *r, const char *endpoint,
    const char *prefix, const char *head, const char *tail)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *res = NULL;

  kg_buf_addf(&q, "%s FILTER(STRSTARTS(STR(?g), \"%s\")) %s", head, prefix,
              tail);
  if(kg_remote_select(w, r, endpoint, q.s, &res))
    res = NULL;
  kg_buf_release(&q);
  return res;
}

static int
graphs(struct kg_world *w, const struct kg_remote *r, const char *ep,
       const char *prefix, struct kg_gstats *gs)
{
  struct kg_result *res = ask(w, r, ep, prefix, "SELECT ?g (COUNT(*) AS ?n) "
    "WHERE { GRAPH ?g { ?s ?p ?o }", "} GROUP BY ?g ORDER BY ?g");
  size_t i;

  if(!res)
    return -1;
  gs->ngraphs = kg_result_count(res);
  gs->graphs = kg_xcalloc(gs->ngraphs + 1, sizeof(*gs->graphs));
  for(i = 0; i < gs->ngraphs; i++) {
    gs->graphs[i].iri = kg_xstrdup(text(res, i, 0));
    gs->graphs[i].label = kg_xstrdup("");
    gs->graphs[i].n = atol(text(res, i, 1));
    gs->triples += gs->graphs[i].n;
  }
  kg_result_free(res);
  return 0;
}

static int
classes(struct kg_world *w, const struct kg_remote *r, const char *ep,
        const char *prefix, struct kg_gstats *gs)
{
  struct kg_result *res = ask(w, r, ep, prefix, "SELECT ?c (COUNT(DISTINCT "
    "?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c }", "FILTER(isIRI(?s)) } "
    "GROUP BY ?c ORDER BY ?c");
  struct kg_result *all = ask(w, r, ep, prefix, "SELECT (COUNT(DISTINCT ?s)"
    " AS ?n) WHERE { GRAPH ?g { ?s a ?c }", "FILTER(isIRI(?s)) }");
  char label[512];
  size_t i;
  int rc = res && all ? 0 : -1;

  gs->nclasses = res ? kg_result_count(res) : 0;
  gs->classes = kg_xcalloc(gs->nclasses + 1, sizeof(*gs->classes));
  for(i = 0; i < gs->nclasses; i++) {
    gs->classes[i].iri = kg_xstrdup(text(res, i, 0));
    gs->classes[i].label = kg_xstrdup(kg_stats_curie(gs->classes[i].iri,
                                                     label, sizeof label));
    gs->classes[i].n = atol(text(res, i, 1));
  }
  if(all && kg_result_count(all))
    gs->entities = atol(text(all, 0, 0));
  kg_result_free(res);
  kg_result_free(all);
  return rc;
}

/* Initiatives, organisations and events per département. */
static int
departements(struct kg_world *w, const struct kg_remote *r, const char *ep,
             const char *prefix, struct kg_gstats *gs)
{
  struct kg_result *res = ask(w, r, ep, prefix, "PREFIX mn: <" KG_NS_MN "> "
    "PREFIX igeo: <" KG_NS_IGEO "> SELECT ?code (SAMPLE(?nom) AS ?name) "
    "?k (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a ?c ; "
    "mn:inTerritory ?d }", "?d a igeo:Departement ; igeo:codeINSEE "
    "?code ; igeo:nom ?nom . VALUES (?c ?k) { (mn:Initiative 0) (<"
    KG_NS_SCHEMA "Organization> 1) (<" KG_NS_ORG "Organization> 1) (<"
    KG_NS_SCHEMA "Event> 2) } } GROUP BY ?code ?k ORDER BY ?code ?k");
  size_t i, n = res ? kg_result_count(res) : 0;

  for(i = 0; i < n; i++) {
    const char *code = text(res, i, 0);
    int k = atoi(text(res, i, 2));

    if(!gs->ndeps || strcmp(gs->deps[gs->ndeps - 1].code, code)) {
      gs->deps = kg_xrealloc(gs->deps, (gs->ndeps + 1) * sizeof(*gs->deps));
      memset(&gs->deps[gs->ndeps], 0, sizeof(*gs->deps));
      gs->deps[gs->ndeps].code = kg_xstrdup(code);
      gs->deps[gs->ndeps].label = kg_xstrdup(text(res, i, 1));
      gs->deps[gs->ndeps].iri = kg_xstrdup("");
      gs->ndeps++;
    }
    if(k >= 0 && k < 3)
      gs->deps[gs->ndeps - 1].by_class[k] = atol(text(res, i, 3));
  }
  kg_result_free(res);
  return res ? 0 : -1;
}

int
kg_stats_remote(struct kg_world *w, const struct kg_remote *r,
                const char *endpoint, struct kg_gstats *gs)
{
  struct kg_buf prefix = KG_BUF_INIT;
  int rc;

  memset(gs, 0, sizeof(*gs));
  kg_buf_addf(&prefix, "%sgraph/", w->base ? w->base : KG_DEFAULT_BASE);
  rc = graphs(w, r, endpoint, prefix.s, gs) ||
       classes(w, r, endpoint, prefix.s, gs) ||
       departements(w, r, endpoint, prefix.s, gs) ? KG_EXIT_SYS : KG_EXIT_OK;
  kg_buf_release(&prefix);
  return rc;
}
