/* fuzz_sparql.c - libFuzzer harness: the input is a SPARQL query.
 *
 * As `mednum-kg query --data tests/fuzz/dataset.ttl
 * --named G=tests/fuzz/dataset.nq -e TEXT`: the query layer (sparql/:
 * check, rewrite, evaluate) over a small fixed dataset, made once the way
 * cmd_query.c's load_files() makes it: the default graph (dataset.ttl: the
 * shapes `extract` writes, and terms of every kind the functions take),
 * kept in a context of its own given as default_context, and two named
 * graphs (dataset.nq), in an in-memory model with contexts, with the list
 * of predicates.  An answer is written in one of the result formats,
 * chosen by the input's length.  A refusal or syntax error (3) is a normal
 * outcome.
 *
 * The dataset is small (76 statements) so that joins of a few patterns
 * stay fast; a query that is slow on it would be slow for the tool too,
 * and libFuzzer's -timeout reports it.  tests/integration/t-fuzz-regress.sh
 * replays the saved inputs through `mednum-kg query` on the same files.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/hash.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "sparql/sparql.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static librdf_model *model;
static librdf_node *default_context;
static librdf_node **preds;
static int npreds;
static FILE *devnull;

/* Reads tests/fuzz/@name (under the data directory) into @l. */
static void
read_part(struct kg_ctx *ctx, const char *name, struct kg_stmts *l)
{
  char *path = kg_ref_path(&ctx->ref, name);

  if(kg_read_file(ctx->w.raptor, path, NULL, NULL, l)) {
    fprintf(stderr, "fuzz: cannot read the fixed dataset '%s'\n", path);
    abort();
  }
  free(path);
}

static void
make_dataset(struct kg_ctx *ctx)
{
  struct kg_stmts l = { NULL, 0, 0 };
  struct kg_hash seen;
  librdf_storage *st = NULL;
  size_t i, cap = 0;

  read_part(ctx, "tests/fuzz/dataset.ttl", &l);
  /* cmd_query.c: with named graphs too, the default graph goes to a
   * context of its own that the engine treats as the default graph */
  default_context = librdf_new_node_from_uri_string(ctx->w.world,
    (const unsigned char *)"urn:x-mednum-kg:default-graph");
  for(i = 0; i < l.n; i++)
    l.v[i]->graph = raptor_term_copy(default_context);
  read_part(ctx, "tests/fuzz/dataset.nq", &l);
  kg_hash_init(&seen);
  for(i = 0; i < l.n; i++) {
    raptor_term *p = l.v[i]->predicate;

    if(!kg_hash_add(&seen, (const char *)raptor_uri_as_string(p->value.uri)))
      continue;
    KG_GROW(preds, cap, (size_t)npreds + 1);
    preds[npreds++] = librdf_new_node_from_node(p);
  }
  kg_hash_release(&seen);
  model = kg_world_new_memory_model(&ctx->w, &st);
  if(!model || kg_rdf_stmts_to_model(&l, model))
    abort();
  kg_rdf_stmts_release(&l);
  devnull = fopen("/dev/null", "w");
  if(!devnull)
    abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  make_dataset(kg_fuzz_ctx(0));
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char *const bindings[] = { "table", "csv", "tsv", "json",
                                          "xml" };
  static const char *const graphs[] = { "turtle", "ntriples", "table" };
  struct kg_ctx *ctx = kg_fuzz_ctx(0);
  struct kg_sparql_opts opts;
  struct kg_result *res = NULL;
  const char *format;
  char *text = kg_xstrndup((const char *)data, size);
  int rc;

  memset(&opts, 0, sizeof opts);
  opts.source = "-e";
  opts.default_context = default_context;
  opts.predicates = preds;
  opts.npredicates = npreds;
  rc = kg_sparql_exec(&ctx->w, model, text, &opts, &res);
  if(rc != KG_EXIT_OK && rc != KG_EXIT_DATA) {
    fprintf(stderr, "fuzz: the query returned %d\n", rc);
    abort();
  }
  if(!rc) {
    format = kg_result_kind(res) == KG_RESULT_GRAPH ? graphs[size % 3]
                                                    : bindings[size % 5];
    if(kg_result_write(&ctx->w, res, format, devnull)) {
      fprintf(stderr, "fuzz: cannot write the answer as %s\n", format);
      abort();
    }
  }
  kg_result_free(res);
  free(text);
  return 0;
}
