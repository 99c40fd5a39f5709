/* cmd_validate.c - placeholder until the owner of this command lands it. */
#include "cmd.h"
#include "diag.h"

int
cmd_validate(int argc, char **argv, struct kg_ctx *ctx)
{
  (void)argc;
  (void)argv;
  (void)ctx;
  kg_error("'validate' is not implemented yet");
  return KG_EXIT_SYS;
}
