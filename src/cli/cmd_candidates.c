/* cmd_candidates.c - mednum-kg candidates: new entities for the registry. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cmd.h"
#include "base/diag.h"

static const char usage[] =
  "usage: mednum-kg candidates [-f FORMAT] [REPORT.md...]\n"
  "\n"
  "Lists the initiatives and organisations that reports name but the\n"
  "registry (data/registry/) does not know, each with the passages that name\n"
  "it, so that a curator can add them.  Reads the given reports, or the store.\n"
  "\n"
  "  -f, --format FMT  table (default), csv, tsv, json, xml\n";

int
cmd_candidates(int argc, char **argv, struct kg_ctx *ctx)
{
  char **qargv;
  int i, n = 0, rc;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  /* the named query 'candidates' over the reports (or the store) */
  qargv = kg_xcalloc((size_t)argc * 2 + 4, sizeof(char *));
  qargv[n++] = "query";
  qargv[n++] = "candidates";
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-f") || !strcmp(argv[i], "--format")) {
      if(i + 1 >= argc) {
        free(qargv);
        return kg_usage_error("option '%s' needs a value", argv[i]);
      }
      qargv[n++] = argv[i++];
      qargv[n++] = argv[i];
    } else if(argv[i][0] == '-' && argv[i][1]) {
      free(qargv);
      return kg_usage_error("candidates: unknown option '%s'", argv[i]);
    } else {
      qargv[n++] = "--data";
      qargv[n++] = argv[i];
    }
  }
  rc = cmd_query(n, qargv, ctx);
  free(qargv);
  return rc;
}
