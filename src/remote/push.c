/* push.c - graphs to another server with the Graph Store HTTP Protocol
 * (see push.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/progress.h"
#include "rdf/serialize.h"
#include "rdf/world.h"
#include "store/store.h"
#include "remote/client.h"
#include "remote/push.h"

/* One graph and what the push does with it. */
struct change {
  const char *iri;
  long triples;                 /* local triples, -1 for a removal */
  int remote;                   /* 1 if the server has it */
};

char *
kg_push_default_graph_store(const char *endpoint, int auth)
{
  struct kg_buf b = KG_BUF_INIT;
  size_t n = strlen(endpoint);

  while(n && endpoint[n - 1] == '/')
    n--;
  kg_buf_add(&b, endpoint, n);
  if(n >= 7 && !strncmp(endpoint + n - 7, "/sparql", 7))
    kg_buf_adds(&b, auth ? "-graph-crud-auth" : "-graph-crud");
  else
    kg_buf_adds(&b, auth ? "/sparql-graph-crud-auth" : "/sparql-graph-crud");
  return kg_buf_detach(&b);
}

/* The server's graphs under @prefix, from its SPARQL endpoint: a new
 * NULL-terminated list, or NULL after reporting. */
static char **
remote_graphs(const struct kg_remote *r, const char *endpoint,
              const char *prefix, size_t *n)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_remote_resp resp;
  json_t *doc = NULL, *rows;
  char **v = NULL;
  size_t i, cap = 0;

  *n = 0;
  kg_buf_adds(&q, "query=");
  {
    /* GROUP BY, not DISTINCT: Virtuoso 7.2 answers DISTINCT over every
     * quad of the server (5-20 s at 100,000 triples), GROUP BY at once */
    char *e = kg_remote_escape("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } "
                               "GROUP BY ?g");
    kg_buf_adds(&q, e);
    free(e);
  }
  if(kg_remote_request(r, "POST", endpoint,
                       "application/x-www-form-urlencoded",
                       "application/sparql-results+json", q.s, q.len, NULL,
                       NULL, &resp) != 0)
    kg_error("push: cannot read the server's list of graphs");
  else if(resp.status / 100 != 2)
    kg_remote_report(r, "push: the list of graphs", endpoint, &resp);
  else if(resp.status / 100 == 2 &&
          !(doc = json_loadb(resp.body.s ? resp.body.s : "", resp.body.len,
                             0, NULL)))
    kg_error("push: %s: the list of graphs is not SPARQL JSON results",
             endpoint);
  rows = doc ? json_object_get(json_object_get(doc, "results"), "bindings")
             : NULL;
  for(i = 0; rows && i < json_array_size(rows); i++) {
    const char *g = json_string_value(json_object_get(json_object_get(
                      json_array_get(rows, i), "g"), "value"));

    if(g && !strncmp(g, prefix, strlen(prefix))) {
      KG_GROW(v, cap, *n + 2);
      v[(*n)++] = kg_xstrdup(g);
      v[*n] = NULL;
    }
  }
  if(doc && !v)
    v = kg_xcalloc(1, sizeof(char *));
  json_decref(doc);
  kg_buf_release(&q);
  kg_buf_release(&resp.body);
  return v;
}

static int
listed(char **list, const char *iri)
{
  size_t i;

  for(i = 0; list && list[i]; i++)
    if(!strcmp(list[i], iri))
      return 1;
  return 0;
}

/* 1 if graph @g is named by @what: its IRI, its source, its slug. */
static int
names(const struct kg_store_graph *g, const char *what)
{
  const char *slash = strrchr(g->iri, '/');

  return !strcmp(g->iri, what) || (g->source && !strcmp(g->source, what)) ||
         (slash && !strcmp(slash + 1, what));
}

/* The URL of graph @iri in the graph store. */
static char *
graph_url(const struct kg_push_opts *o, const char *iri)
{
  struct kg_buf u = KG_BUF_INIT;
  char *e = kg_remote_escape(iri);

  kg_buf_addf(&u, "%s%cgraph=%s", o->graph_store,
              strchr(o->graph_store, '?') ? '&' : '?', e);
  free(e);
  return kg_buf_detach(&u);
}

/* Sends graph @iri of @st whole (PUT).  An exit status. */
static int
put_graph(struct kg_world *w, struct kg_store *st, const struct kg_remote *r,
          const struct kg_push_opts *o, const char *iri)
{
  librdf_node *g = kg_world_iri(w, iri);
  struct kg_remote_resp resp;
  char *url = graph_url(o, iri);
  FILE *fh = tmpfile();
  int rc = KG_EXIT_SYS;

  memset(&resp, 0, sizeof resp);
  if(!fh)
    kg_error("push: cannot make a temporary file");
  else if(kg_serialize_stream(w, kg_store_model(st), g, 0, fh) ||
          fflush(fh))
    kg_error("push: cannot write graph <%s>", iri);
  else if(kg_remote_request(r, "PUT", url, "text/turtle", NULL, NULL, 0, fh,
                            NULL, &resp) == 0) {
    if(resp.status / 100 == 2)
      rc = KG_EXIT_OK;
    else
      kg_remote_report(r, "push", url, &resp);
  }
  if(fh)
    fclose(fh);
  if(g)
    librdf_free_node(g);
  kg_buf_release(&resp.body);
  free(url);
  return rc;
}

static int
delete_graph(const struct kg_remote *r, const struct kg_push_opts *o,
             const char *iri)
{
  struct kg_remote_resp resp;
  char *url = graph_url(o, iri);
  int rc = KG_EXIT_SYS;

  if(kg_remote_request(r, "DELETE", url, NULL, NULL, NULL, 0, NULL, NULL,
                       &resp) == 0) {
    if(resp.status / 100 == 2 || resp.status == 404)
      rc = KG_EXIT_OK;
    else
      kg_remote_report(r, "push", url, &resp);
  }
  kg_buf_release(&resp.body);
  free(url);
  return rc;
}

/* Does (or with --dry-run, prints) one change. */
static int
apply(struct kg_world *w, struct kg_store *st, const struct kg_remote *r,
      const struct kg_push_opts *o, const struct change *c)
{
  int rc = KG_EXIT_OK;

  if(!o->dry_run)
    rc = c->triples < 0 ? delete_graph(r, o, c->iri)
                        : put_graph(w, st, r, o, c->iri);
  if(rc)
    return rc;
  kg_progress_clear(o->progress);       /* stdout may be the terminal */
  if(c->triples < 0)
    printf("%s\t%s\n", o->dry_run ? "would remove" : "removed", c->iri);
  else
    printf("%s\t%s\t%ld triples\n", o->dry_run
           ? (c->remote ? "would replace" : "would add")
           : (c->remote ? "replaced" : "added"), c->iri, c->triples);
  return KG_EXIT_OK;
}

/* Counts change @c, done, in o->progress (when there is one). */
static void
count_done(const struct kg_push_opts *o, const struct change *c)
{
  struct kg_progress *pg = o->progress;

  if(!pg)
    return;
  pg->done++;
  if(c->triples > 0) {
    pg->count += c->triples;
    pg->work_done += (double)c->triples;
  }
  kg_progress_tick(pg);
}

/* Sets the totals of o->progress for the @n changes @ch. */
static void
count_plan(const struct kg_push_opts *o, const struct change *ch, size_t n)
{
  size_t i;

  if(!o->progress)
    return;
  o->progress->total = (long)n;
  for(i = 0; i < n; i++)
    if(ch[i].triples > 0)
      o->progress->work_total += (double)ch[i].triples;
}

/* The changes of a push: the graphs of @st named by @what (all when
 * none), then the server's graphs the store lost (only for a whole push).
 * -1 after reporting a @what that names nothing. */
static int
plan(struct kg_store *st, char **remote, char *const *what, size_t nwhat,
     struct change **out, size_t *n)
{
  size_t i, k, cap = 0, ng = kg_store_graph_count(st);

  *n = 0;
  for(k = 0; k < nwhat; k++) {
    for(i = 0; i < ng && !names(kg_store_graph_at(st, i), what[k]); i++)
      ;
    if(i == ng) {
      kg_error("push: no graph of the store is named by '%s'", what[k]);
      return -1;
    }
  }
  for(i = 0; i < ng; i++) {
    const struct kg_store_graph *g = kg_store_graph_at(st, i);

    for(k = 0; k < nwhat && !names(g, what[k]); k++)
      ;
    if(nwhat && k == nwhat)
      continue;
    KG_GROW(*out, cap, *n + 1);
    (*out)[(*n)++] = (struct change){ g->iri, g->triples,
                                      listed(remote, g->iri) };
  }
  for(i = 0; !nwhat && remote && remote[i]; i++) {
    for(k = 0; k < ng && strcmp(kg_store_graph_at(st, k)->iri, remote[i]);
        k++)
      ;
    if(k == ng) {
      KG_GROW(*out, cap, *n + 1);
      (*out)[(*n)++] = (struct change){ remote[i], -1, 1 };
    }
  }
  return 0;
}

int
kg_push(struct kg_world *w, struct kg_store *st, const struct kg_remote *r,
        const struct kg_push_opts *o, char *const *what, size_t nwhat)
{
  struct kg_buf prefix = KG_BUF_INIT;
  struct change *ch = NULL;
  char **remote;
  size_t n = 0, i;
  int rc = KG_EXIT_SYS;

  kg_buf_addf(&prefix, "%sgraph/", o->base);
  remote = remote_graphs(r, o->endpoint, prefix.s, &n);
  if(remote && plan(st, remote, what, nwhat, &ch, &n) == 0) {
    rc = KG_EXIT_OK;
    count_plan(o, ch, n);
    for(i = 0; i < n && rc == KG_EXIT_OK; i++) {
      kg_progress_tick(o->progress);
      rc = apply(w, st, r, o, &ch[i]);
      count_done(o, &ch[i]);
    }
  } else if(remote) {
    rc = KG_EXIT_DATA;
  }
  for(i = 0; remote && remote[i]; i++)
    free(remote[i]);
  free(remote);
  free(ch);
  kg_buf_release(&prefix);
  return rc;
}

int
kg_push_remove(const struct kg_remote *r, const struct kg_push_opts *o,
               char *const *what, size_t nwhat)
{
  struct kg_buf iri = KG_BUF_INIT;
  size_t i;
  int rc = KG_EXIT_OK;

  for(i = 0; i < nwhat && rc == KG_EXIT_OK; i++) {
    kg_buf_reset(&iri);
    if(strchr(what[i], ':'))
      kg_buf_adds(&iri, what[i]);
    else
      kg_buf_addf(&iri, "%sgraph/%s", o->base, what[i]);
    rc = o->dry_run ? KG_EXIT_OK : delete_graph(r, o, iri.s);
    if(rc == KG_EXIT_OK)
      printf("%s\t%s\n", o->dry_run ? "would remove" : "removed", iri.s);
  }
  kg_buf_release(&iri);
  return rc;
}
