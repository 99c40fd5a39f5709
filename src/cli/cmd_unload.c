/* cmd_unload.c - remove reports' graphs from the store. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "remote/client.h"
#include "remote/push.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] unload [--wait SECONDS] [--no-reference]\n"
  "                 (FILE | GRAPH-IRI)...\n"
  "       mednum-kg unload --remote --endpoint URL [--graph-store URL]\n"
  "                 [--user NAME] (GRAPH-IRI | SLUG)...\n"
  "\n"
  "Removes the graph of each report or RDF file from the store: name it by\n"
  "the path given to 'load' or by its graph IRI.  All are removed, or none.\n"
  "The reference graph is rebuilt afterwards.\n"
  "\n"
  "Options:\n"
  "  --wait SECONDS  wait that long for a busy store (default 2, or\n"
  "                  $MEDNUM_KG_WAIT)\n"
  "  --no-reference  do not rebuild mnid:graph/reference\n"
  "  --remote        remove the graphs from the server of --endpoint (Graph\n"
  "                  Store Protocol DELETE; the store is not touched): by\n"
  "                  IRI, or by the last part of one (nec-cvl-2024); the\n"
  "                  options are push's (see 'mednum-kg push --help')\n"
  "  -h, --help      this help\n";

/* unload --remote: DELETE on the server.  An exit status. */
static int
unload_remote(int argc, char **argv, struct kg_ctx *ctx)
{
  const char *endpoint = NULL, *gstore = NULL, *user = NULL;
  struct kg_push_opts o;
  struct kg_remote r;
  char *gs = NULL;
  int i, rc;

  for(i = 2; i < argc && argv[i][0] == '-'; i += 2) {
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(strcmp(argv[i], "--endpoint") && strcmp(argv[i], "--graph-store") &&
       strcmp(argv[i], "--user"))
      return kg_usage_error("unload: unknown option '%s'", argv[i]);
    if(i + 1 >= argc)
      return kg_usage_error("option '%s' needs a value", argv[i]);
    if(argv[i][2] == 'e')
      endpoint = argv[i + 1];
    else if(argv[i][2] == 'g')
      gstore = argv[i + 1];
    else
      user = argv[i + 1];
  }
  if(!endpoint)
    return kg_usage_error("unload: --remote needs --endpoint URL");
  if(i >= argc)
    return kg_usage_error("unload: no graph given");
  kg_remote_init(&r, user);
  memset(&o, 0, sizeof o);
  o.endpoint = endpoint;
  o.graph_store = gstore ? gstore
                : (gs = kg_push_default_graph_store(endpoint, user != NULL));
  o.base = ctx->w.base ? ctx->w.base : KG_DEFAULT_BASE;
  rc = kg_push_remove(&r, &o, argv + i, (size_t)(argc - i));
  free(gs);
  return rc;
}

int
cmd_unload(int argc, char **argv, struct kg_ctx *ctx)
{
  struct kg_store *st;
  int i, code, no_ref = 0, first;
  double wait;

  if(argc > 1 && !strcmp(argv[1], "--remote"))
    return unload_remote(argc, argv, ctx);
  if((code = kg_cmd_write_options(argc, argv, usage_text, &no_ref, &wait,
                                   &first)) >= 0)
    return code;
  if(first >= argc)
    return kg_usage_error("unload: no report or graph given");
  if(!kg_store_exists(ctx->store_dir)) {
    kg_error("no store in '%s' (load reports with 'mednum-kg load' first)",
             ctx->store_dir);
    return KG_EXIT_SYS;
  }
  st = kg_store_open_write(&ctx->w, ctx->store_dir, &ctx->reader, wait,
                           &code);
  if(!st)
    return code;
  for(i = first; i < argc; i++) {
    code = kg_store_unload(st, argv[i]);
    if(code != KG_EXIT_OK) {
      kg_store_close(st);
      return code;
    }
  }
  if(!no_ref && kg_store_refresh_reference(st)) {
    kg_store_close(st);
    return KG_EXIT_SYS;
  }
  return kg_store_commit(st);
}
