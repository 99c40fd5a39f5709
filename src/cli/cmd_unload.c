/* cmd_unload.c - remove reports' graphs from the store. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] unload [--wait SECONDS] [--no-reference]\n"
  "                 (FILE | GRAPH-IRI)...\n"
  "\n"
  "Removes the graph of each report or RDF file from the store: name it by\n"
  "the path given to 'load' or by its graph IRI.  All are removed, or none.\n"
  "The reference graph is rebuilt afterwards.\n"
  "\n"
  "Options:\n"
  "  --wait SECONDS  wait that long for a busy store (default 2, or\n"
  "                  $MEDNUM_KG_WAIT)\n"
  "  --no-reference  do not rebuild mnid:graph/reference\n"
  "  -h, --help      this help\n";

int
cmd_unload(int argc, char **argv, struct kg_ctx *ctx)
{
  struct kg_store *st;
  int i, code, no_ref = 0, first;
  double wait;

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
