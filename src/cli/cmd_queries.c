/* cmd_queries.c - mednum-kg queries: list the named queries. */
#include "cli/cmd.h"
#include "base/diag.h"
#include "ref/named.h"

static const char usage[] =
  "usage: mednum-kg queries\n"
  "\n"
  "Lists the named queries of queries/ with their parameters; run one with\n"
  "'mednum-kg query NAME --param NAME=VALUE...'.\n";

int
cmd_queries(int argc, char **argv, struct kg_ctx *ctx)
{
  if(argc > 1 && kg_cmd_is_help(argv[1]))
    return kg_cmd_usage(usage, KG_EXIT_OK);
  if(argc > 1)
    return kg_usage_error("queries: unexpected argument '%s'", argv[1]);
  return kg_named_list(&ctx->ref, stdout) ? KG_EXIT_SYS : KG_EXIT_OK;
}
