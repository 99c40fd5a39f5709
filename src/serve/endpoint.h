/* endpoint.h - what the server answers: the SPARQL 1.1 Protocol at
 * /sparql, the named queries at /queries, entity pages at /id/..., the
 * query page at / and its files at /www/... (docs/mednum-kg.1 "serve").
 *
 * Every request reads the store in a read transaction of its own (the
 * worker keeps the store open and renews the transaction), so an answer
 * comes from one committed version: a load or unload while the
 * server runs is seen whole, once committed, and never half-done.
 */
#ifndef KG_ENDPOINT_H
#define KG_ENDPOINT_H

#include <stddef.h>

#include "serve/http.h"

struct kg_world;
struct kg_ref;

struct kg_endpoint {
  struct kg_world *w;
  struct kg_ref *ref;           /* named queries, data directory */
  const char *store_dir;
  const char *base;             /* instance IRIs served at /id/ */
  double timeout;               /* seconds per query */
  size_t max_rows;              /* rows of one table of solutions */
  size_t max_memory;            /* bytes of heap per query */
  size_t max_response;          /* bytes of one answer */
  struct kg_store *store;       /* a worker's open store (kg_endpoint_store) */
};

/* The store for one request, at the version committed last: the worker's
 * store renewed, or opened on its first request (after the fork).  NULL
 * after reporting (*code: the exit status).  kg_endpoint_done() after the
 * request lets the version go and returns @code, or KG_EXIT_SYS when the
 * store met damage on the way. */
struct kg_store *kg_endpoint_store(struct kg_endpoint *ep, int *code);
int kg_endpoint_done(struct kg_endpoint *ep, int code);

/* The handler of every request (a kg_http_handler; @arg: the endpoint). */
void kg_endpoint_handle(void *arg, struct kg_http_req *req);

/* Runs @query for @req and answers it in the negotiated format: 200, or
 * 400 (bad query, with the messages), 406, 500, 503 (a limit, or the
 * store cannot be read).  @source names the query in messages;
 * @empty_404: an empty answer is 404 (an entity the store does not know). */
void kg_endpoint_query(struct kg_endpoint *ep, struct kg_http_req *req,
                       const char *query, const char *source, int empty_404);

/* pages.c: the page of the entity @rest (the IRI is base + @rest): HTML,
 * or RDF by content negotiation; 404 when the store says nothing of it. */
void kg_pages_entity(struct kg_endpoint *ep, struct kg_http_req *req,
                     const char *rest);

/* files.c: the query page and its files, from DATADIR/data/www. */
void kg_files_serve(struct kg_endpoint *ep, struct kg_http_req *req,
                    const char *rel);

#endif
