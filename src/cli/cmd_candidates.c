/* cmd_candidates.c - mednum-kg candidates: what a curator should review. */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "curate/candidates.h"
#include "curate/listing.h"
#include "extract/extract.h"
#include "rdf/rdf.h"
#include "store/store.h"

static const char usage[] =
  "usage: mednum-kg [--store DIR] candidates [-f FORMAT] [REPORT.md...]\n"
  "\n"
  "Lists what the extractor is unsure of, best first (by confidence, then\n"
  "by number of passages): the people, organisations and initiatives the\n"
  "registry does not know, and the places only a weak rule found (a one-word\n"
  "commune with no locative such as \"à\" before it).  Each candidate comes\n"
  "with its kind, name, confidence and the passages that name it (report,\n"
  "code-point offsets, the line around the words), for a curator to accept\n"
  "or reject with 'mednum-kg curate'.  Reads the given reports (extracted\n"
  "with the store's curation file) or RDF files, else the store; candidates\n"
  "decided on since the store was loaded are left out.\n"
  "\n"
  "Options:\n"
  "  -f, --format FMT  table (default), tsv, csv, json, xml\n"
  "  -h, --help        this help\n"
  "\n"
  "Exit status: 0 listed (perhaps none), 2 usage, 3 a report or the\n"
  "curation file does not parse, 4 I/O (no store, missing file).\n";

/* The given reports (extracted) and RDF files, in a new model. */
static int
read_files(struct kg_ctx *ctx, char **files, int n, librdf_model **m,
           librdf_storage **st)
{
  struct kg_stmts l = { NULL, 0, 0 };
  int rc, reports = 0;
  size_t k;

  rc = kg_cmd_read_data(ctx, files, (size_t)n, &l, &reports);
  /* the territories' names */
  if(!rc && reports && kg_extract_reference_stmts(&ctx->ref, &l))
    rc = KG_EXIT_SYS;
  /* the graphs do not matter here: a model without contexts fills fast */
  for(k = 0; k < l.n && !rc; k++)
    if(l.v[k]->graph) {
      raptor_free_term(l.v[k]->graph);
      l.v[k]->graph = NULL;
    }
  if(!rc && !(*m = kg_world_new_plain_model(&ctx->w, st)))
    rc = KG_EXIT_SYS;
  if(!rc && kg_rdf_stmts_to_model(&l, *m))
    rc = KG_EXIT_SYS;
  kg_rdf_stmts_release(&l);
  return rc;
}

static int
parse_args(int argc, char **argv, const char **format, int *first)
{
  int i;

  for(i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if(!strcmp(argv[i], "--")) {
      i++;
      break;
    }
    if(strcmp(argv[i], "-f") && strcmp(argv[i], "--format"))
      return kg_usage_error("candidates: unknown option '%s'", argv[i]);
    if(i + 1 >= argc)
      return kg_usage_error("option '%s' needs a value", argv[i]);
    *format = argv[++i];
  }
  if(!kg_listing_candidates_format(*format))
    return kg_usage_error("candidates: unknown format '%s' (table, tsv, csv, "
                          "json, xml)", *format);
  *first = i;
  return KG_EXIT_OK;
}

int
cmd_candidates(int argc, char **argv, struct kg_ctx *ctx)
{
  const char *format = "table";
  struct kg_store *store = NULL;
  librdf_model *model = NULL;
  librdf_storage *storage = NULL;
  struct kg_registry *reg;
  struct kg_cands c;
  int i, first = 1, rc;
  size_t hidden;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  memset(&c, 0, sizeof c);
  rc = parse_args(argc, argv, &format, &first);
  if(rc)
    return rc;
  if(first < argc)
    rc = read_files(ctx, argv + first, argc - first, &model, &storage);
  else if((store = kg_store_open_read(&ctx->w, ctx->store_dir, &rc)))
    model = kg_store_model(store);
  if(rc)
    goto out;
  reg = kg_ref_registry(&ctx->ref);
  if(!reg || kg_candidates_collect(&ctx->w, model, &c)) {
    rc = reg ? KG_EXIT_SYS : ctx->ref.status;
    goto out;
  }
  hidden = kg_candidates_drop_decided(&c, reg, ctx->w.base);
  if(hidden)
    kg_info("%zu candidate%s decided on since the store was loaded: load "
            "the reports again to apply", hidden, hidden == 1 ? "" : "s");
  if(kg_listing_candidates(&c, format, ctx->w.base, stdout))
    rc = KG_EXIT_SYS;
out:
  kg_candidates_release(&c);
  if(store)
    rc = kg_store_end(store, rc);
  else if(model)
    librdf_free_model(model);
  if(storage)
    librdf_free_storage(storage);
  return rc;
}
