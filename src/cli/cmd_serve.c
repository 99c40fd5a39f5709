/* cmd_serve.c - mednum-kg serve: the SPARQL endpoint, query page and
 * entity pages over HTTP. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "serve/endpoint.h"
#include "serve/server.h"
#include "store/store.h"

static const char usage[] =
  "usage: mednum-kg serve [--listen ADDR:PORT] [--workers N]\n"
  "                       [--timeout SECONDS] [--max-rows N] [--max-memory MB]\n"
  "                       [--max-response MB] [--max-body KB]\n"
  "\n"
  "Answers SPARQL 1.1 Protocol queries at /sparql, the named queries at\n"
  "/queries/NAME, a page for every entity at /id/..., and a query page at /,\n"
  "from the store (--store), read-only.  A load or unload while it runs is\n"
  "seen once committed, never half-done.  Stop it with Ctrl-C or SIGTERM.\n"
  "\n"
  "  --listen ADDR:PORT  where to listen (default 127.0.0.1:7878; [::1]:PORT\n"
  "                      for IPv6; port 0 picks a free one, printed on start)\n"
  "  --workers N         worker processes, each answering one request at a\n"
  "                      time (default 2, at most 64)\n"
  "  --timeout SECONDS   stop a query that runs longer: 503 (default 30)\n"
  "  --max-rows N        stop a query that holds more than N solutions in one\n"
  "                      table: 503 (default 1000000)\n"
  "  --max-memory MB     stop a query that grows a worker's heap by more than\n"
  "                      MB megabytes: 503 (default 1024)\n"
  "  --max-response MB   refuse an answer larger than this: 503 (default 64)\n"
  "  --max-body KB       refuse a request body larger than this: 413\n"
  "                      (default 1024)\n"
  "\n"
  "Exit status: 0 stopped by a signal, 2 usage, 4 no store, address in use,\n"
  "or workers that keep dying.\n";

/* Defaults of the server's limits (docs/mednum-kg.1 "serve"). */
#define KG_SERVE_LISTEN "127.0.0.1:7878"
#define KG_SERVE_WORKERS 2
#define KG_SERVE_MAX_WORKERS 64
#define KG_SERVE_TIMEOUT 30.0
#define KG_SERVE_MAX_ROWS 1000000.0
#define KG_SERVE_MAX_MEMORY_MB 1024.0
#define KG_SERVE_MAX_RESPONSE_MB 64.0
#define KG_SERVE_MAX_BODY_KB 1024.0
#define KG_SERVE_MAX_URL 65536
#define KG_SERVE_CLIENT_TIMEOUT 30
#define KG_SERVE_MAX_CONNS 512
#define KG_SERVE_BUSY_CONNS 384

struct serve_args {
  const char *listen;
  double workers, timeout, max_rows, max_memory, max_response, max_body;
};

/* One option with a value: sets it in @a.  KG_EXIT_OK, a usage error,
 * or -1 when @o is not one of serve's. */
static int
set_option(struct serve_args *a, const char *o, const char *val)
{
  static const struct {
    const char *name;
    int whole;
    size_t off;
  } opts[] = {
    { "--workers", 1, offsetof(struct serve_args, workers) },
    { "--timeout", 0, offsetof(struct serve_args, timeout) },
    { "--max-rows", 1, offsetof(struct serve_args, max_rows) },
    { "--max-memory", 1, offsetof(struct serve_args, max_memory) },
    { "--max-response", 1, offsetof(struct serve_args, max_response) },
    { "--max-body", 1, offsetof(struct serve_args, max_body) }
  };
  size_t i;

  if(!strcmp(o, "--listen")) {
    a->listen = val;
    return KG_EXIT_OK;
  }
  for(i = 0; i < sizeof opts / sizeof opts[0]; i++)
    if(!strcmp(o, opts[i].name))
      return kg_cmd_limit(o, val, opts[i].whole,
                          (double *)(void *)((char *)a + opts[i].off));
  return -1;
}

static int
parse_args(int argc, char **argv, struct serve_args *a)
{
  int i, rc;

  a->listen = KG_SERVE_LISTEN;
  a->workers = KG_SERVE_WORKERS;
  a->timeout = KG_SERVE_TIMEOUT;
  a->max_rows = KG_SERVE_MAX_ROWS;
  a->max_memory = KG_SERVE_MAX_MEMORY_MB;
  a->max_response = KG_SERVE_MAX_RESPONSE_MB;
  a->max_body = KG_SERVE_MAX_BODY_KB;
  for(i = 1; i < argc; i++) {
    if(i + 1 >= argc)
      return argv[i][0] == '-' ? kg_usage_error("option '%s' needs a value",
                                                argv[i])
             : kg_usage_error("serve: unexpected argument '%s'", argv[i]);
    rc = set_option(a, argv[i], argv[i + 1]);
    if(rc < 0)
      return argv[i][0] == '-' ? kg_usage_error("serve: unknown option '%s'",
                                                argv[i])
             : kg_usage_error("serve: unexpected argument '%s'", argv[i]);
    if(rc)
      return rc;
    i++;
  }
  if(!kg_server_listen_ok(a->listen))
    return kg_usage_error("serve: --listen wants ADDR:PORT, not '%s'",
                          a->listen);
  if(a->workers < 1 || a->workers > KG_SERVE_MAX_WORKERS)
    return kg_usage_error("serve: --workers wants 1 to %d",
                          KG_SERVE_MAX_WORKERS);
  return KG_EXIT_OK;
}

int
cmd_serve(int argc, char **argv, struct kg_ctx *ctx)
{
  struct serve_args a;
  struct kg_endpoint ep;
  struct kg_server_opts so;
  struct kg_store *st;
  int i, rc;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  if((rc = parse_args(argc, argv, &a)))
    return rc;
  /* the store must be there; each request opens it again */
  st = kg_store_open_read(&ctx->w, ctx->store_dir, &rc);
  if(!st)
    return rc;
  kg_store_close(st);
  memset(&ep, 0, sizeof ep);
  ep.w = &ctx->w;
  ep.ref = &ctx->ref;
  ep.store_dir = ctx->store_dir;
  ep.base = ctx->w.base ? ctx->w.base : KG_DEFAULT_BASE;
  ep.timeout = a.timeout;
  ep.max_rows = (size_t)a.max_rows;
  ep.max_memory = (size_t)a.max_memory << 20;
  ep.max_response = (size_t)a.max_response << 20;
  memset(&so, 0, sizeof so);
  so.listen = a.listen;
  so.workers = (int)a.workers;
  so.limits.max_body = (size_t)a.max_body << 10;
  so.limits.max_url = KG_SERVE_MAX_URL;
  so.limits.timeout = KG_SERVE_CLIENT_TIMEOUT;
  so.limits.max_conns = KG_SERVE_MAX_CONNS;
  so.limits.busy_conns = KG_SERVE_BUSY_CONNS;
  so.drain = a.timeout > 0 ? a.timeout * 1.05 + 2 : 60;
  so.handler = kg_endpoint_handle;
  so.arg = &ep;
  return kg_server_run(&so);
}
