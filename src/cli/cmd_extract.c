/* cmd_extract.c - mednum-kg extract: reports to RDF on stdout or a file. */
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "extract/extract.h"
#include "base/outfile.h"
#include "rdf/rdf.h"
#include "rdf/format.h"
#include "rdf/serialize.h"

static const char usage[] =
  "usage: mednum-kg extract [-f FORMAT] [-o FILE [--force]] [--no-reference]\n"
  "                         REPORT.md...\n"
  "\n"
  "Extracts each report (Markdown) into its own graph and writes the RDF.\n"
  "The curator's decisions in STORE/curation.ttl apply when it exists (see\n"
  "'mednum-kg curate').  REPORT '-' is standard input (graph\n"
  "mnid:graph/stdin).  A report larger than 8 MB is refused\n"
  "($MEDNUM_KG_MAX_REPORT, in MB, raises the limit).\n"
  "\n"
  "  -f, --format FORMAT  turtle (default), ntriples, nquads, rdfxml, json\n"
  "                       (RDF/JSON), jsonld (JSON-LD, compact, context\n"
  "                       embedded; keeps graph names as nquads does)\n"
  "  -o, --output FILE    write to FILE (atomically) instead of stdout;\n"
  "                       FILE must be a regular file or nothing\n"
  "  --force              FILE may be a symbolic link: write to its target\n"
  "  --no-reference       leave out the reference graph (ontology, schemes,\n"
  "                       territories the reports name)\n";

int
cmd_extract(int argc, char **argv, struct kg_ctx *ctx)
{
  const char *format = "turtle", *output = NULL;
  int reference = 1, flags = 0, i, rc = KG_EXIT_OK, nfiles = 0;
  struct kg_stmts l = { NULL, 0, 0 };
  struct kg_outfile out;

  for(i = 1; i < argc; i++) {
    const char *a = argv[i];

    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage, KG_EXIT_OK);
    if(!strcmp(a, "-f") || !strcmp(a, "--format") || !strcmp(a, "-o") ||
       !strcmp(a, "--output")) {
      if(i + 1 >= argc)
        return kg_usage_error("option '%s' needs a value", a);
      if(a[1] == 'f' || a[2] == 'f')
        format = argv[++i];
      else
        output = argv[++i];
    } else if(!strcmp(a, "--no-reference")) {
      reference = 0;
    } else if(!strcmp(a, "--force")) {
      flags = KG_OUTFILE_FOLLOW;
    } else if(!strcmp(a, "--")) {
      i++;
      break;
    } else if(a[0] == '-' && a[1]) {
      return kg_usage_error("extract: unknown option '%s'", a);
    } else {
      break;
    }
  }
  if(i >= argc)
    return kg_usage_error("extract: no report given");
  if((rc = kg_cmd_no_late_option(argc, argv, i)) >= 0)
    return rc;
  rc = KG_EXIT_OK;
  if(flags && !output)
    return kg_usage_error("extract: --force goes with -o FILE");
  if(!kg_format_find(format, KG_FMT_EXTRACT))
    return kg_usage_error("extract: unknown format '%s' (turtle, ntriples, "
                          "nquads, rdfxml, json, jsonld)", format);
  for(; i < argc; i++) {
    int r = kg_extract_report_stmts(&ctx->ref, argv[i], &l, NULL);

    if(r) {
      rc = r;
      goto out;
    }
    nfiles++;
  }
  if(reference && kg_extract_reference_stmts(&ctx->ref, &l)) {
    rc = KG_EXIT_SYS;
    goto out;
  }
  if(kg_outfile_open(&out, output, flags)) {
    rc = KG_EXIT_SYS;
    goto out;
  }
  if(kg_serialize_stmts(&ctx->w, &l, format, out.fh)) {
    kg_outfile_close(&out, 0);
    rc = KG_EXIT_SYS;
    goto out;
  }
  if(kg_outfile_close(&out, 1))
    rc = KG_EXIT_SYS;
out:
  kg_rdf_stmts_release(&l);
  return rc;
}
