/* cmd_load.c - load reports or RDF files into the store. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/progress.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] load [--wait SECONDS] [--no-reference]\n"
  "                 [--as report|turtle|ntriples] FILE|DIR...\n"
  "\n"
  "Loads reports (Markdown or plain text, through the extractor) or RDF\n"
  "files (Turtle, N-Triples) into the store, one named graph per file:\n"
  "mnid:graph/<slug of the file name>.  The extension says which (.md,\n"
  ".markdown, .txt: a report; .ttl: Turtle; .nt: N-Triples); a file with\n"
  "no extension, or one no format has, is read by its content (Turtle or\n"
  "N-Triples when it starts like them, else a report).  A directory loads\n"
  "every file in it, by name, not its subdirectories; hidden and binary\n"
  "files are skipped (-v says which).  Loading a file again replaces its\n"
  "graph.  All the files are loaded, or none: a file that does not parse\n"
  "leaves the store as it was.  The reference graph (ontology, territories\n"
  "used) is rebuilt after the load.  The curator's decisions in\n"
  "STORE/curation.ttl apply to reports (see 'mednum-kg curate').  The\n"
  "store records when it was first and last loaded (for 'export --dcat');\n"
  "$SOURCE_DATE_EPOCH, when set, stands for the clock (reproducible builds\n"
  "and tests).  FILE '-' is a report on standard input (graph\n"
  "mnid:graph/stdin).  Only regular files are read: a report up to 8 MB,\n"
  "an RDF file up to 4096 MB ($MEDNUM_KG_MAX_REPORT, $MEDNUM_KG_MAX_RDF, in\n"
  "MB, raise the limits).  On a terminal, a progress line on stderr counts\n"
  "the files and triples (not with -q).\n"
  "\n"
  "Options:\n"
  "  --as TYPE       read every FILE as TYPE: report, turtle or ntriples\n"
  "  --wait SECONDS  wait that long for a busy store (default 2, or\n"
  "                  $MEDNUM_KG_WAIT)\n"
  "  --no-reference  do not rebuild mnid:graph/reference\n"
  "  -h, --help      this help\n";

/* Takes "--as TYPE" / "--as=TYPE" out of the options of @argv into *as,
 * leaving the others in @out (new array, same strings) for
 * kg_cmd_write_options().  Returns -1, or the exit status of a usage
 * error. */
static int
take_as(int argc, char **argv, char **out, int *outc, const char **as)
{
  int i, n = 0, ops = 0;

  for(i = 0; i < argc; i++) {
    const char *a = argv[i];

    if(i && !ops && !strcmp(a, "--as")) {
      if(i + 1 >= argc)
        return kg_usage_error("load: option '--as' needs a value");
      *as = argv[++i];
      continue;
    }
    if(i && !ops && !strncmp(a, "--as=", 5)) {
      *as = a + 5;
      continue;
    }
    out[n++] = argv[i];
    if(i && !ops && !strcmp(a, "--wait") && i + 1 < argc)
      out[n++] = argv[++i];
    else if(i && (!strcmp(a, "--") || a[0] != '-' || !a[1]))
      ops = 1;                  /* the files begin */
  }
  out[n] = NULL;
  *outc = n;
  return -1;
}

/* Loads every input of @in into @st under one progress line (none when
 * @quiet).  An exit
 * status (reported); the store is left open. */
static int
load_all(struct kg_store *st, const struct kg_store_inputs *in, int quiet)
{
  struct kg_progress pg;
  size_t i;
  int code = KG_EXIT_OK;

  kg_progress_init(&pg, quiet, "load", "files",
                   (long)in->n, "triples");
  pg.work_total = (double)in->bytes;
  for(i = 0; i < in->n && code == KG_EXIT_OK; i++) {
    code = kg_store_load_input(st, &in->v[i], &pg, NULL);
    pg.done++;
    pg.work_done += (double)in->v[i].size;
    kg_progress_tick(&pg);
  }
  kg_progress_end(&pg);
  return code;
}

/* The files the operands @files name, read as @as (NULL: by each file).
 * An exit status (reported). */
static int
plan(char **files, int n, const char *as, struct kg_store_inputs *in)
{
  const struct kg_format *f = NULL;
  int i, code = KG_EXIT_OK;

  if(as && !(f = kg_store_load_as(as)))
    return kg_usage_error("load: --as wants report, turtle or ntriples, "
                          "not '%s'", as);
  for(i = 0; i < n && code == KG_EXIT_OK; i++)
    code = kg_store_inputs_add(in, files[i], f);
  return code;
}

int
cmd_load(int argc, char **argv, struct kg_ctx *ctx)
{
  struct kg_store_inputs in = KG_STORE_INPUTS_INIT;
  struct kg_store *st = NULL;
  char **args = kg_xcalloc((size_t)argc + 1, sizeof *args);
  const char *as = NULL;
  int n = 0, code, no_ref = 0, first = 0;
  double wait;

  if((code = take_as(argc, argv, args, &n, &as)) >= 0 ||
     (code = kg_cmd_write_options(n, args, usage_text, &no_ref, &wait,
                                  &first)) >= 0)
    goto out;
  if(first >= n) {
    code = kg_usage_error("load: no file given");
    goto out;
  }
  code = plan(args + first, n - first, as, &in);
  if(code == KG_EXIT_OK)
    st = kg_store_open_write(&ctx->w, ctx->store_dir, &ctx->reader, wait,
                             &code);
  if(st && (code = load_all(st, &in, ctx->verbosity < 0)) == KG_EXIT_OK &&
     !no_ref && kg_store_refresh_reference(st))
    code = KG_EXIT_SYS;
  if(st && code == KG_EXIT_OK)
    code = kg_store_commit(st);         /* closes it */
  else
    kg_store_close(st);                 /* nothing changes */
out:
  kg_store_inputs_release(&in);
  free(args);
  return code;
}
