/* http.h - one HTTP server of a worker process, on libmicrohttpd.
 *
 * The worker's requests are served one at a time on libmicrohttpd's
 * polling thread (librdf and rasqal are not thread-safe; the server's
 * concurrency is its worker processes, server.c).  This layer gathers a
 * request (method, path, arguments of the URL and of a form body, the
 * body itself up to a limit), hands it to one handler, and sends what the
 * handler replies with the headers every answer carries (CORS, Vary), then
 * writes the access-log line.
 */
#ifndef KG_HTTP_H
#define KG_HTTP_H

#include <stddef.h>

#include "base/buf.h"

/* Limits of one request (docs/mednum-kg.1 "serve"). */
struct kg_http_limits {
  size_t max_body;        /* bytes of a request body (413 beyond) */
  size_t max_url;         /* bytes of the URL with its query string (414) */
  unsigned timeout;       /* seconds a client may stay silent */
  unsigned max_conns;     /* open connections of one worker */
  unsigned busy_conns;    /* a request meeting more open ones: 503 */
};

struct kg_http_arg {
  char *key;
  struct kg_buf val;
  int in_body;            /* 1: from an x-www-form-urlencoded body */
};

struct kg_http_req {
  void *conn;             /* struct MHD_Connection */
  char *method;           /* "GET", ... */
  char *path;             /* the URL's path, percent-decoded */
  struct kg_buf body;
  int body_too_big;
  struct kg_http_arg *args;
  size_t nargs, cargs;
  size_t url_len;         /* the URL's length, query string included */
  double start;           /* monotonic seconds at the first byte seen */
  unsigned status;        /* sent status (the log's) */
  size_t bytes;           /* sent body bytes (the log's) */
  int busy;               /* the worker had too many open connections */
  int counted;            /* counted in the server's requests in flight */
};

/* The one handler of a server: answers @req with kg_http_reply(). */
typedef void (*kg_http_handler)(void *arg, struct kg_http_req *req);

struct kg_http;
struct sockaddr;

/* Starts an HTTP server with no socket of its own: the worker accepts
 * connections and hands them over with kg_http_add().  NULL after
 * reporting. */
struct kg_http *kg_http_start(const struct kg_http_limits *lim,
                              kg_http_handler handler, void *arg);
/* 1 when no request is being answered and every connection taken has
 * sent its first request (or 0.2 s went by): the worker may take another
 * connection.  A busy worker leaves
 * new connections to the others, so a slow query holds up no one else. */
int kg_http_idle(const struct kg_http *h);
/* Serves the accepted connection @fd (closed by the server).  0 or -1. */
int kg_http_add(struct kg_http *h, int fd, const struct sockaddr *addr,
                unsigned len);
/* Waits up to @wait seconds for the requests in flight to be answered,
 * then stops (open connections are closed) and frees. */
void kg_http_stop(struct kg_http *h, double wait);

/* The value of argument @key (the URL's, then the form body's), or NULL;
 * *count (may be NULL) receives how many times it was given. */
const char *kg_http_arg(const struct kg_http_req *req, const char *key,
                        size_t *count);
/* The request header @name, or NULL. */
const char *kg_http_header(const struct kg_http_req *req, const char *name);

/* Sends @len bytes of @data with @status and @ctype (NULL: none), and the
 * header @hname: @hval when @hname is not NULL.  0, or -1 when the
 * connection is gone. */
int kg_http_reply(struct kg_http_req *req, unsigned status,
                  const char *ctype, const char *data, size_t len,
                  const char *hname, const char *hval);
/* A plain-text answer: @status and one message line. */
int kg_http_error(struct kg_http_req *req, unsigned status,
                  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
