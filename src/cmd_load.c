/* cmd_load.c - placeholder until the owner of this command lands it. */
#include "cmd.h"
#include "diag.h"

int
cmd_load(int argc, char **argv, struct kg_ctx *ctx)
{
  (void)argc;
  (void)argv;
  (void)ctx;
  kg_error("'load' is not implemented yet");
  return KG_EXIT_SYS;
}
