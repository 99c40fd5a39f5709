/* cmd_unload.c - remove reports' graphs from the store. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "store.h"

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

  for(i = 1; i < argc; i++) {
    const char *a = argv[i];

    if(!strcmp(a, "--")) {
      i++;
      break;
    }
    if(a[0] != '-' || !a[1])
      break;
    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(!strcmp(a, "--no-reference"))
      no_ref = 1;
    else if(!strcmp(a, "--wait") || !strncmp(a, "--wait=", 7)) {
      const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
      char *end = NULL;
      double w = v ? strtod(v, &end) : -1;

      if(!v || !*v || *end || w < 0)
        return kg_usage_error("unload: --wait needs a number of seconds");
      kg_store_set_wait(w);
    } else
      return kg_usage_error("unload: unknown option '%s'", a);
  }
  first = i;
  if(first >= argc)
    return kg_usage_error("unload: no report or graph given");
  if(!kg_store_exists(ctx)) {
    kg_error("no store in '%s' (load reports with 'mednum-kg load' first)",
             ctx->store_dir);
    return KG_EXIT_SYS;
  }
  st = kg_store_open_write(ctx, &code);
  if(!st)
    return code;
  if(!no_ref)
    kg_store_plan_reference(st);
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
