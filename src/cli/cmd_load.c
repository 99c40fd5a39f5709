/* cmd_load.c - load reports or RDF files into the store. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] load [--wait SECONDS] [--no-reference]\n"
  "                 FILE...\n"
  "\n"
  "Loads reports (.md, through the extractor) or RDF files (Turtle .ttl,\n"
  "N-Triples .nt) into the store, one named graph per file:\n"
  "mnid:graph/<slug of the file name>.  Loading a file again replaces its\n"
  "graph.  All the files are loaded, or none: a file that does not parse\n"
  "leaves the store as it was.  The reference graph (ontology, territories\n"
  "used) is rebuilt after the load.  The curator's decisions in\n"
  "STORE/curation.ttl apply to reports (see 'mednum-kg curate').  The\n"
  "store records when it was first and last loaded (for 'export --dcat');\n"
  "$SOURCE_DATE_EPOCH, when set, stands for the clock (reproducible builds\n"
  "and tests).  FILE '-' is a report on standard input (graph\n"
  "mnid:graph/stdin).  Only regular files are read: a report up to 8 MB,\n"
  "an RDF file up to 4096 MB ($MEDNUM_KG_MAX_REPORT, $MEDNUM_KG_MAX_RDF, in\n"
  "MB, raise the limits).\n"
  "\n"
  "Options:\n"
  "  --wait SECONDS  wait that long for a busy store (default 2, or\n"
  "                  $MEDNUM_KG_WAIT)\n"
  "  --no-reference  do not rebuild mnid:graph/reference\n"
  "  -h, --help      this help\n";

int
cmd_load(int argc, char **argv, struct kg_ctx *ctx)
{
  struct kg_store *st;
  int i, code, no_ref = 0, first = 0;
  double wait;

  if((code = kg_cmd_write_options(argc, argv, usage_text, &no_ref, &wait,
                                   &first)) >= 0)
    return code;
  if(first >= argc)
    return kg_usage_error("load: no file given");

  st = kg_store_open_write(&ctx->w, ctx->store_dir, &ctx->reader, wait,
                           &code);
  if(!st)
    return code;
  for(i = first; i < argc; i++) {
    code = kg_store_load(st, argv[i], NULL);
    if(code != KG_EXIT_OK) {
      kg_store_close(st);         /* nothing changes */
      return code;
    }
  }
  if(!no_ref && kg_store_refresh_reference(st)) {
    kg_store_close(st);
    return KG_EXIT_SYS;
  }
  return kg_store_commit(st);
}
