/* cmd_store.c - the store itself: `store upgrade` converts a store of the
 * first format (mednum-kg 0.x, Berkeley DB) into the LMDB store. */
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] store upgrade\n"
  "\n"
  "Converts the store in DIR, written by mednum-kg 0.x (Berkeley DB\n"
  "generations: DIR/CURRENT, DIR/gen-*), into the current LMDB store, with\n"
  "its graphs, their sources and load times.  Other commands refuse such a\n"
  "store until it is converted.  Interrupted, it leaves the old store as it\n"
  "was; run it again.\n"
  "\n"
  "Options:\n"
  "  -h, --help      this help\n";

int
cmd_store(int argc, char **argv, struct kg_ctx *ctx)
{
  int code;

  if(argc == 2 && kg_cmd_is_help(argv[1]))
    return kg_cmd_usage(usage_text, KG_EXIT_OK);
  if(argc < 2)
    return kg_usage_error("store: say what to do (upgrade)");
  if(strcmp(argv[1], "upgrade"))
    return kg_usage_error("store: unknown action '%s' (upgrade)", argv[1]);
  if(argc > 2)
    return kg_usage_error("store upgrade: unexpected argument '%s'",
                          argv[2]);
  if(!kg_store_exists(ctx->store_dir)) {
    kg_error("no store in '%s'", ctx->store_dir);
    return KG_EXIT_SYS;
  }
  kg_store_upgrade(&ctx->w, ctx->store_dir, &code);
  if(code == KG_EXIT_OK)
    kg_info("store '%s' converted", ctx->store_dir);
  return code;
}
