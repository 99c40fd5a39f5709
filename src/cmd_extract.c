/* cmd_extract.c - placeholder until the owner of this command lands it. */
#include "cmd.h"
#include "diag.h"

int
cmd_extract(int argc, char **argv, struct kg_ctx *ctx)
{
  (void)argc;
  (void)argv;
  (void)ctx;
  kg_error("'extract' is not implemented yet");
  return KG_EXIT_SYS;
}
