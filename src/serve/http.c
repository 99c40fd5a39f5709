/* http.c - one worker's HTTP server on libmicrohttpd (see http.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "base/clock.h"
#include "base/buf.h"
#include "base/diag.h"
#include "serve/http.h"

/* Seconds a worker waits for a new connection's first request before it
 * takes another connection anyway. */
#define KG_HTTP_FRESH_WAIT 0.2

struct kg_http {
  struct MHD_Daemon *d;
  struct kg_http_limits lim;
  kg_http_handler handler;
  void *arg;
  /* requests begun and not yet done; written by the HTTP thread, read by
   * the worker's main thread (kg_http_idle, kg_http_drain) */
  volatile int in_flight;
  volatile int fresh;           /* connections with no request seen yet */
  double last_add;              /* when the last connection came */
};

static void
arg_add(struct kg_http_req *req, const char *key, const char *val,
        size_t len, int in_body)
{
  struct kg_http_arg *a;

  KG_GROW(req->args, req->cargs, req->nargs + 1);
  a = &req->args[req->nargs++];
  a->key = kg_xstrdup(key);
  kg_buf_init(&a->val);
  kg_buf_add(&a->val, val ? val : "", val ? len : 0);
  a->in_body = in_body;
}

static enum MHD_Result
url_arg(void *cls, enum MHD_ValueKind kind, const char *key,
        const char *value)
{
  (void)kind;
  arg_add(cls, key, value, value ? strlen(value) : 0, 0);
  return MHD_YES;
}

/* A value of a form body, maybe in pieces (@off: where this one goes). */
static enum MHD_Result
body_arg(void *cls, enum MHD_ValueKind kind, const char *key,
         const char *filename, const char *ctype, const char *encoding,
         const char *data, uint64_t off, size_t size)
{
  struct kg_http_req *req = cls;

  (void)kind; (void)filename; (void)ctype; (void)encoding;
  if(off > 0 && req->nargs && req->args[req->nargs - 1].in_body &&
     !strcmp(req->args[req->nargs - 1].key, key))
    kg_buf_add(&req->args[req->nargs - 1].val, data, size);
  else
    arg_add(req, key, data, size, 1);
  return MHD_YES;
}

const char *
kg_http_arg(const struct kg_http_req *req, const char *key, size_t *count)
{
  const char *v = NULL;
  size_t i, n = 0;

  for(i = 0; i < req->nargs; i++)
    if(!strcmp(req->args[i].key, key)) {
      if(!n++)
        v = req->args[i].val.s ? req->args[i].val.s : "";
    }
  if(count)
    *count = n;
  return v;
}

const char *
kg_http_header(const struct kg_http_req *req, const char *name)
{
  return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

int
kg_http_reply(struct kg_http_req *req, unsigned status, const char *ctype,
              const char *data, size_t len, const char *hname,
              const char *hval)
{
  struct MHD_Response *r;
  enum MHD_Result ok;

  r = MHD_create_response_from_buffer(len, (void *)(uintptr_t)data,
                                      MHD_RESPMEM_MUST_COPY);
  if(!r)
    return -1;
  if(ctype)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
  MHD_add_response_header(r, "Access-Control-Allow-Origin", "*");
  MHD_add_response_header(r, "Vary", "Accept");
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  if(req->method && !strcmp(req->method, "OPTIONS")) {   /* preflight */
    MHD_add_response_header(r, "Access-Control-Allow-Headers",
                            "Accept, Content-Type");
    MHD_add_response_header(r, "Access-Control-Max-Age", "86400");
  }
  if(hname)
    MHD_add_response_header(r, hname, hval);
  ok = MHD_queue_response(req->conn, status, r);
  MHD_destroy_response(r);
  req->status = status;
  req->bytes = len;
  return ok == MHD_YES ? 0 : -1;
}

int
kg_http_error(struct kg_http_req *req, unsigned status, const char *fmt, ...)
{
  struct kg_buf b = KG_BUF_INIT;
  va_list ap;
  int rc;

  va_start(ap, fmt);
  kg_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  if(!b.len || b.s[b.len - 1] != '\n')
    kg_buf_addc(&b, '\n');
  rc = kg_http_reply(req, status, "text/plain; charset=utf-8", b.s, b.len,
                     status == 503 ? "Retry-After" : NULL, "1");
  kg_buf_release(&b);
  return rc;
}

static void
req_free(struct kg_http_req *req)
{
  size_t i;

  for(i = 0; i < req->nargs; i++) {
    free(req->args[i].key);
    kg_buf_release(&req->args[i].val);
  }
  free(req->args);
  free(req->method);
  free(req->path);
  kg_buf_release(&req->body);
  free(req);
}

/* First call for a request: its state, and refusals that need no body. */
static void
req_begin(struct kg_http *h, struct kg_http_req *req,
          struct MHD_Connection *c, const char *url, const char *method)
{
  const union MHD_DaemonInfo *di;
  const char *cl;

  const union MHD_ConnectionInfo *ci =
    MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

  if(ci && ci->socket_context && *(int *)ci->socket_context) {
    /* the connection's first request */
    *(int *)ci->socket_context = 0;
    __sync_fetch_and_sub(&h->fresh, 1);
  }
  __sync_fetch_and_add(&h->in_flight, 1);
  req->counted = 1;
  req->conn = c;
  req->method = kg_xstrdup(method);
  req->path = kg_xstrdup(url);
  MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, url_arg, req);
  cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                   MHD_HTTP_HEADER_CONTENT_LENGTH);
  if(cl && strtoull(cl, NULL, 10) > h->lim.max_body)
    req->body_too_big = 1;
  di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
  if(di && h->lim.busy_conns && di->num_connections > h->lim.busy_conns)
    req->busy = 1;
}

/* The whole request is in: form arguments, limits, then the handler. */
static enum MHD_Result
req_answer(struct kg_http *h, struct kg_http_req *req)
{
  const char *ct = kg_http_header(req, MHD_HTTP_HEADER_CONTENT_TYPE);

  if(req->url_len > h->lim.max_url)
    kg_http_error(req, 414, "the URL is over the limit of %zu bytes (send a "
                  "long query with POST)", h->lim.max_url);
  else if(req->body_too_big)
    kg_http_error(req, 413, "the request body is over the limit of %zu "
                  "bytes (serve --max-body)", h->lim.max_body);
  else if(req->busy)
    kg_http_error(req, 503, "the server is busy; try again");
  else {
    if(ct && !strncasecmp(ct, MHD_HTTP_POST_ENCODING_FORM_URLENCODED,
                          strlen(MHD_HTTP_POST_ENCODING_FORM_URLENCODED)) &&
       req->body.len) {
      struct MHD_PostProcessor *pp =
        MHD_create_post_processor(req->conn, 64 * 1024, body_arg, req);

      if(pp) {
        MHD_post_process(pp, req->body.s, req->body.len);
        MHD_destroy_post_processor(pp);
      }
    }
    h->handler(h->arg, req);
  }
  if(!req->status)
    kg_http_error(req, 500, "no answer");
  return MHD_YES;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
           const char *method, const char *version, const char *upload,
           size_t *upload_size, void **state)
{
  struct kg_http *h = cls;
  struct kg_http_req *req = *state;

  (void)version;
  if(!req->conn) {
    req_begin(h, req, c, url, method);
    return MHD_YES;
  }
  if(*upload_size) {
    if(req->body.len + *upload_size > h->lim.max_body)
      req->body_too_big = 1;
    else
      kg_buf_add(&req->body, upload, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  if(req->status)
    return MHD_YES;
  return req_answer(h, req);
}

/* The access log: one line per request, on stderr. */
static void
on_done(void *cls, struct MHD_Connection *c, void **state,
        enum MHD_RequestTerminationCode why)
{
  struct kg_http *h = cls;
  struct kg_http_req *req = *state;

  (void)c;
  if(!req)
    return;
  if(req->counted)
    __sync_fetch_and_sub(&h->in_flight, 1);
  kg_log_line("%s %s %u %zu %.1f ms%s",
          req->method ? req->method : "-", req->path ? req->path : "-",
          req->status, req->bytes, (kg_clock_now() - req->start) * 1e3,
          why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cut)");
  req_free(req);
  *state = NULL;
}

/* The first sight of a request: its whole URL, query string included;
 * the state made here is the one on_request() meets first. */
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
  struct kg_http_req *req = kg_xcalloc(1, sizeof(*req));

  (void)cls; (void)c;
  req->url_len = strlen(uri);
  req->start = kg_clock_now();
  kg_buf_init(&req->body);
  return req;
}

/* A connection opens (fresh until its first request) or closes. */
static void
on_connection(void *cls, struct MHD_Connection *c, void **ctx,
              enum MHD_ConnectionNotificationCode what)
{
  struct kg_http *h = cls;
  int *fresh = *ctx;

  (void)c;
  if(what == MHD_CONNECTION_NOTIFY_STARTED) {
    fresh = kg_xcalloc(1, sizeof(int));
    *fresh = 1;
    *ctx = fresh;
    return;
  }
  if(fresh && *fresh)
    __sync_fetch_and_sub(&h->fresh, 1);
  free(fresh);
  *ctx = NULL;
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
  struct kg_buf b = KG_BUF_INIT;

  (void)cls;
  kg_buf_vaddf(&b, fmt, ap);
  while(b.len && b.s[b.len - 1] == '\n')
    b.s[--b.len] = '\0';
  kg_info("serve: %s", b.s);
  kg_buf_release(&b);
}

struct kg_http *
kg_http_start(const struct kg_http_limits *lim, kg_http_handler handler,
              void *arg)
{
  struct kg_http *h = kg_xcalloc(1, sizeof(*h));

  h->lim = *lim;
  h->handler = handler;
  h->arg = arg;
  h->d = MHD_start_daemon(MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_ITC |
                          MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ERROR_LOG,
                          0, NULL, NULL, on_request, h,
                          MHD_OPTION_CONNECTION_TIMEOUT, lim->timeout,
                          MHD_OPTION_CONNECTION_LIMIT, lim->max_conns,
                          MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                          (size_t)(lim->max_url + 32 * 1024),
                          MHD_OPTION_NOTIFY_COMPLETED, on_done, h,
                          MHD_OPTION_NOTIFY_CONNECTION, on_connection, h,
                          MHD_OPTION_URI_LOG_CALLBACK, on_uri, h,
                          MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, h,
                          MHD_OPTION_END);
  if(!h->d) {
    kg_error("serve: cannot start the HTTP server");
    free(h);
    return NULL;
  }
  return h;
}

int
kg_http_idle(const struct kg_http *h)
{
  /* a silent client holds the worker's turn for KG_HTTP_FRESH_WAIT at most */
  return h->in_flight == 0 &&
         (h->fresh <= 0 || kg_clock_now() - h->last_add > KG_HTTP_FRESH_WAIT);
}

int
kg_http_add(struct kg_http *h, int fd, const struct sockaddr *addr,
            unsigned len)
{
  h->last_add = kg_clock_now();
  __sync_fetch_and_add(&h->fresh, 1);
  if(MHD_add_connection(h->d, fd, addr, (socklen_t)len) == MHD_YES)
    return 0;
  __sync_fetch_and_sub(&h->fresh, 1);
  return -1;
}

void
kg_http_stop(struct kg_http *h, double wait)
{
  struct timespec nap = { 0, 5 * 1000 * 1000 };
  double end = kg_clock_now() + wait;

  if(!h)
    return;
  while(h->in_flight > 0 && kg_clock_now() < end)
    nanosleep(&nap, NULL);
  MHD_stop_daemon(h->d);
  free(h);
}

