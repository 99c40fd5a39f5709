/* server.h - the server's processes: one listening socket, N workers.
 *
 * librdf and rasqal are not thread-safe, so the server's concurrency is
 * processes: the parent binds the socket, forks the workers and watches
 * them; each worker runs one HTTP server (http.h), takes a connection
 * from the shared socket only while it answers no request, and answers
 * one request at a time, so a slow query holds one worker only.  A worker that dies is replaced (its request is lost, no other);
 * SIGTERM or SIGINT stops the workers, which finish the request they are
 * answering, and the parent returns.
 */
#ifndef KG_SERVER_H
#define KG_SERVER_H

#include "serve/http.h"

struct kg_server_opts {
  const char *listen;               /* "ADDR:PORT", "[ADDR]:PORT" */
  int workers;
  struct kg_http_limits limits;
  double drain;                     /* seconds a stopping worker waits for
                                       the request it answers */
  kg_http_handler handler;          /* runs in the workers */
  void *arg;
};

/* 1 if @listen_at has the form ADDR:PORT or [ADDR]:PORT. */
int kg_server_listen_ok(const char *listen_at);

/* Binds @o->listen (a usage error when it does not parse, 4 when it
 * cannot be bound), announces the address on stderr, and serves until a
 * signal stops it.  Returns an exit status. */
int kg_server_run(const struct kg_server_opts *o);

#endif
