/* push.h - the store's graphs to another server, with the SPARQL 1.1
 * Graph Store HTTP Protocol.
 *
 * Each graph goes whole in one PUT (the server replaces the graph: a push
 * again never duplicates, and a graph is never half-sent by us; whether
 * the server replaces it atomically is the server's part: Virtuoso 7.2
 * deletes, then loads in several commits, so a server killed during a
 * PUT may keep part of the graph until the next push), written
 * as N-Triples to a temporary file first so that it is streamed from disk
 * and can be sent again (a retry, digest authentication).  A push of
 * every graph also DELETEs the server's graphs under the instance base's
 * graph/ that the store no longer holds (reports unloaded since).
 */
#ifndef KG_PUSH_H
#define KG_PUSH_H

#include <stddef.h>

struct kg_world;
struct kg_store;
struct kg_remote;
struct kg_progress;

struct kg_push_opts {
  const char *endpoint;         /* SPARQL endpoint: the server's graph list */
  const char *graph_store;      /* Graph Store Protocol URL */
  const char *base;             /* instance base: our graphs are base graph/ */
  int dry_run;                  /* 1: print what would change, send nothing */
  struct kg_progress *progress; /* borrowed, may be NULL: kg_push sets its
                                   total (graphs) and counts the graphs
                                   and triples sent */
};

/* Pushes the graphs of @st named by @what (paths given to load, graph
 * IRIs or slugs; none: every graph), printing one line per graph on
 * stdout.  Returns an exit status (reported). */
int kg_push(struct kg_world *w, struct kg_store *st,
            const struct kg_remote *r, const struct kg_push_opts *o,
            char *const *what, size_t nwhat);

/* Removes the graphs @what (IRIs, or slugs under the base's graph/) from
 * the server with DELETE (`unload --remote`); one line each on stdout.
 * An exit status (reported). */
int kg_push_remove(const struct kg_remote *r, const struct kg_push_opts *o,
                   char *const *what, size_t nwhat);

/* The default Graph Store URL for @endpoint: Virtuoso's layout, the
 * endpoint's ".../sparql" made ".../sparql-graph-crud-auth" (with a user)
 * or ".../sparql-graph-crud".  New string. */
char *kg_push_default_graph_store(const char *endpoint, int auth);

#endif
