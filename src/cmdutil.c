/* cmdutil.c - small helpers shared by the cmd_*.c files. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"

int
kg_cmd_is_help(const char *arg)
{
  return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

int
kg_cmd_usage(const char *text, int code)
{
  if(code == KG_EXIT_OK) {
    fputs(text, stdout);
    return KG_EXIT_OK;
  }
  fputs("mednum-kg: try 'mednum-kg --help' for more information\n", stderr);
  return code;
}
