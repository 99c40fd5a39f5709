/* cmdutil.c - small helpers shared by the cmd_*.c files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "extract/extract.h"
#include "rdf/format.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "store/store.h"

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

/* Parses a --wait value; -1 if it is not a number >= 0. */
static double
parse_wait(const char *s)
{
  char *end;
  double v = strtod(s, &end);

  return (*s && !*end && v >= 0) ? v : -1;
}

int
kg_cmd_write_options(int argc, char **argv, const char *usage, int *no_ref,
                     double *wait, int *first)
{
  const char *verb = argv[0];
  int i;

  *no_ref = 0;
  *wait = -1;
  for(i = 1; i < argc; i++) {
    const char *a = argv[i];

    if(!strcmp(a, "--")) {
      i++;
      break;
    }
    if(a[0] != '-' || !a[1])
      break;
    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage, KG_EXIT_OK);
    if(!strcmp(a, "--no-reference"))
      *no_ref = 1;
    else if(!strcmp(a, "--wait") || !strncmp(a, "--wait=", 7)) {
      const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);

      if(!v || parse_wait(v) < 0)
        return kg_usage_error("%s: --wait needs a number of seconds", verb);
      *wait = parse_wait(v);
    } else
      return kg_usage_error("%s: unknown option '%s'", verb, a);
  }
  *first = i;
  return kg_cmd_no_late_option(argc, argv, i);
}

int
kg_cmd_no_late_option(int argc, char **argv, int first)
{
  int k;

  if(first > 1 && !strcmp(argv[first - 1], "--"))
    return -1;
  for(k = first; k < argc; k++)
    if(argv[k][0] == '-' && argv[k][1])
      return kg_usage_error("%s: option '%s' after a file: options come "
                            "first ('--' before a file whose name begins "
                            "with '-')", argv[0], argv[k]);
  return -1;
}

int
kg_cmd_read_data(struct kg_ctx *ctx, char *const *paths, size_t n,
                 struct kg_stmts *l, int *reports)
{
  size_t i, k;
  int rc = KG_EXIT_OK;

  for(i = 0; i < n && !rc; i++) {
    struct kg_store_inputs in = KG_STORE_INPUTS_INIT;

    if(kg_format_of_path(paths[i], KG_FMT_REPORT)) {
      rc = kg_extract_report_stmts(&ctx->ref, paths[i], l, NULL);
      (*reports)++;
      continue;
    }
    if(kg_format_of_path(paths[i], KG_FMT_RDF_IN)) {
      rc = kg_read_file(ctx->w.raptor, paths[i], NULL, NULL, l);
      continue;
    }
    /* no extension, or one no format has, or a directory: as load reads it */
    rc = kg_store_inputs_add(&in, paths[i], NULL);
    for(k = 0; k < in.n && !rc; k++) {
      if(in.v[k].fmt->flags & KG_FMT_REPORT) {
        rc = kg_extract_report_stmts(&ctx->ref, in.v[k].path, l, NULL);
        (*reports)++;
      } else {
        rc = kg_read_file(ctx->w.raptor, in.v[k].path, in.v[k].fmt->parser,
                          NULL, l);
      }
    }
    kg_store_inputs_release(&in);
  }
  return rc;
}

int
kg_cmd_limit(const char *o, const char *val, int whole, double *v)
{
  char *end;
  double x = strtod(val, &end);

  if(!*val || *end || !(x >= 0) || x > 1e12 ||
     (whole && x != (double)(long long)x))
    return kg_usage_error("option '%s' wants %s 0 or more, not '%s'", o,
                          whole ? "a whole number" : "a number", val);
  *v = x;
  return KG_EXIT_OK;
}
