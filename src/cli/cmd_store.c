/* cmd_store.c - the store itself: `store check` verifies the whole store;
 * `store upgrade` converts a store of the first format (mednum-kg 0.x,
 * Berkeley DB) into the LMDB store. */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] store check\n"
  "       mednum-kg [--store DIR] store upgrade\n"
  "\n"
  "check: reads the whole store in DIR, in one read transaction (writers\n"
  "go on meanwhile), and verifies it: every statement in each of the six\n"
  "index orders, every term id in the dictionary both ways, each graph's\n"
  "record (its IRI, its triple count) against the statements it holds, the\n"
  "format.  Prints \"store 'DIR': ok (...)\" and exits 0, or reports each\n"
  "problem (the first 20, then how many) and exits 4.\n"
  "\n"
  "upgrade: converts the store in DIR, written by mednum-kg 0.x (Berkeley\n"
  "DB generations: DIR/CURRENT, DIR/gen-*), into the current LMDB store,\n"
  "with its graphs, their sources and load times.  Other commands refuse\n"
  "such a store until it is converted.  Interrupted, it leaves the old\n"
  "store as it was; run it again.\n"
  "\n"
  "Options:\n"
  "  -h, --help      this help\n";

static int
store_check(struct kg_ctx *ctx)
{
  struct kg_store_counts n;
  int code = kg_store_check(&ctx->w, ctx->store_dir, &n);

  if(code == KG_EXIT_OK)
    printf("store '%s': ok (%ld quad%s in %ld graph%s, %ld term%s)\n",
           ctx->store_dir, n.quads, n.quads == 1 ? "" : "s", n.graphs,
           n.graphs == 1 ? "" : "s", n.terms, n.terms == 1 ? "" : "s");
  return code;
}

static int
store_upgrade(struct kg_ctx *ctx)
{
  int code;

  if(!kg_store_exists(ctx->store_dir)) {
    kg_error("no store in '%s'", ctx->store_dir);
    return KG_EXIT_SYS;
  }
  kg_store_upgrade(&ctx->w, ctx->store_dir, &code);
  if(code == KG_EXIT_OK)
    kg_info("store '%s' converted", ctx->store_dir);
  return code;
}

int
cmd_store(int argc, char **argv, struct kg_ctx *ctx)
{
  if(argc >= 2 && kg_cmd_is_help(argv[argc - 1]))
    return kg_cmd_usage(usage_text, KG_EXIT_OK);
  if(argc < 2)
    return kg_usage_error("store: say what to do (check or upgrade)");
  if(strcmp(argv[1], "check") && strcmp(argv[1], "upgrade"))
    return kg_usage_error("store: unknown action '%s' (check or upgrade)",
                          argv[1]);
  if(argc > 2)
    return kg_usage_error("store %s: unexpected argument '%s'", argv[1],
                          argv[2]);
  return !strcmp(argv[1], "check") ? store_check(ctx) : store_upgrade(ctx);
}
