/* cmd_load.c - load reports or RDF files into the store. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] load [--wait SECONDS] [--no-reference]\n"
  "                 FILE...\n"
  "\n"
  "Loads reports (.md, through the extractor) or RDF files (Turtle .ttl,\n"
  "N-Triples .nt) into the store, one named graph per file:\n"
  "mnid:graph/<slug of the file name>.  Loading a file again replaces its\n"
  "graph.  All the files are loaded, or none: a file that does not parse\n"
  "leaves the store as it was.  The reference graph (ontology, territories\n"
  "used) is rebuilt after the load.  The store records when it was first\n"
  "and last loaded (for 'export --dcat'); $SOURCE_DATE_EPOCH, when set,\n"
  "stands for the clock (reproducible builds and tests).\n"
  "\n"
  "Options:\n"
  "  --wait SECONDS  wait that long for a busy store (default 2, or\n"
  "                  $MEDNUM_KG_WAIT)\n"
  "  --no-reference  do not rebuild mnid:graph/reference\n"
  "  -h, --help      this help\n";

/* Parses a --wait value; -1 if it is not a number >= 0. */
static double
parse_wait(const char *s)
{
  char *end;
  double v = strtod(s, &end);

  return (*s && !*end && v >= 0) ? v : -1;
}

int
cmd_load(int argc, char **argv, struct kg_ctx *ctx)
{
  struct kg_store *st;
  int i, code, no_ref = 0, first = 0;

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

      if(!v || parse_wait(v) < 0)
        return kg_usage_error("load: --wait needs a number of seconds");
      kg_store_set_wait(parse_wait(v));
    } else
      return kg_usage_error("load: unknown option '%s'", a);
  }
  first = i;
  if(first >= argc)
    return kg_usage_error("load: no file given");

  st = kg_store_open_write(ctx, &code);
  if(!st)
    return code;
  /* say first which graphs go: a large store is then rebuilt without them
   * rather than deleted from in place */
  for(i = first; i < argc; i++)
    kg_store_plan(st, argv[i]);
  if(!no_ref)
    kg_store_plan_reference(st);
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
