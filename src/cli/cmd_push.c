/* cmd_push.c - mednum-kg push: the store's graphs to a shared server. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "base/progress.h"
#include "remote/client.h"
#include "remote/push.h"
#include "store/store.h"

static const char usage[] =
  "usage: mednum-kg push --endpoint URL [--graph-store URL] [--user NAME]\n"
  "                      [--dry-run] [REPORT|GRAPH]...\n"
  "\n"
  "Sends the store's graphs to a SPARQL server (Virtuoso, or any store with\n"
  "the SPARQL 1.1 Graph Store HTTP Protocol): each graph whole, with PUT,\n"
  "which replaces it there.  Without REPORT, every graph goes, and the\n"
  "server's graphs under the instance base's graph/ that the store no longer\n"
  "holds are deleted.  One line per graph on stdout; on a terminal, a\n"
  "progress line on stderr counts the graphs and triples sent (not with\n"
  "-q).\n"
  "\n"
  "  --endpoint URL      the server's SPARQL endpoint (its graph list)\n"
  "  --graph-store URL   its Graph Store Protocol URL (default: Virtuoso's,\n"
  "                      URL-graph-crud-auth with --user, else\n"
  "                      URL-graph-crud, for an endpoint URL ending /sparql)\n"
  "  --user NAME         user name; the password comes from\n"
  "                      $MEDNUM_KG_PASSWORD or ~/.netrc, never the command\n"
  "                      line (HTTP digest or basic authentication)\n"
  "  --dry-run           print what would be added, replaced or removed\n"
  "\n"
  "A connection error or a 5xx answer is tried again 4 times (0.5 to 4 s\n"
  "apart).  Exit status: 0 pushed, 2 usage, 3 a REPORT names no graph,\n"
  "4 the server failed or refused (the message says which).\n";

struct push_args {
  const char *endpoint, *graph_store, *user;
  int dry_run;
  int first;                    /* first REPORT in argv */
};

static int
parse_args(int argc, char **argv, struct push_args *a)
{
  int i;

  for(i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *o = argv[i];

    if(!strcmp(o, "--")) {
      i++;
      break;
    }
    if(!strcmp(o, "--dry-run")) {
      a->dry_run = 1;
      continue;
    }
    if(strcmp(o, "--endpoint") && strcmp(o, "--graph-store") &&
       strcmp(o, "--user"))
      return kg_usage_error("push: unknown option '%s'", o);
    if(i + 1 >= argc)
      return kg_usage_error("option '%s' needs a value", o);
    if(!strcmp(o, "--endpoint"))
      a->endpoint = argv[++i];
    else if(!strcmp(o, "--graph-store"))
      a->graph_store = argv[++i];
    else
      a->user = argv[++i];
  }
  a->first = i;
  if(!a->endpoint)
    return kg_usage_error("push: --endpoint URL is needed");
  if(strncmp(a->endpoint, "http://", 7) && strncmp(a->endpoint, "https://", 8))
    return kg_usage_error("push: --endpoint wants an http(s) URL, not '%s'",
                          a->endpoint);
  return kg_cmd_no_late_option(argc, argv, i);
}

int
cmd_push(int argc, char **argv, struct kg_ctx *ctx)
{
  struct push_args a;
  struct kg_push_opts o;
  struct kg_remote r;
  struct kg_progress pg;
  struct kg_store *st;
  char *gs = NULL;
  int i, rc;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  memset(&a, 0, sizeof a);
  if((rc = parse_args(argc, argv, &a)) >= 0)
    return rc;
  st = kg_store_open_read(&ctx->w, ctx->store_dir, &rc);
  if(!st)
    return rc;
  kg_remote_init(&r, a.user);
  memset(&o, 0, sizeof o);
  o.endpoint = a.endpoint;
  o.graph_store = a.graph_store ? a.graph_store
                : (gs = kg_push_default_graph_store(a.endpoint, a.user != NULL));
  o.base = ctx->w.base ? ctx->w.base : KG_DEFAULT_BASE;
  o.dry_run = a.dry_run;
  kg_progress_init(&pg, a.dry_run || ctx->verbosity < 0, "push",
                   "graphs", 0, "triples");
  o.progress = &pg;
  rc = kg_push(&ctx->w, st, &r, &o, argv + a.first, (size_t)(argc - a.first));
  kg_progress_end(&pg);
  free(gs);
  return kg_store_end(st, rc);
}
