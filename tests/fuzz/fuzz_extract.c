/* fuzz_extract.c - libFuzzer harness: the input is a report.
 *
 * As `mednum-kg extract REPORT.md`: the bytes go through the same text
 * checks as a file (empty, NUL, UTF-8, NFC), then the extractor with the
 * real reference data (vocabulary, gazetteer, registry, lexicon), then the
 * reference graph.  An extracted report is written as Turtle and must read
 * back (fuzz_common.c).  A refusal (3) is a normal outcome; a crash, a
 * sanitizer report or an abort is a finding.
 */
#include <stdint.h>
#include <stdlib.h>

#include "base/diag.h"
#include "extract/extract.h"
#include "rdf/rdf.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  kg_fuzz_ctx(1);
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct kg_ctx *ctx = kg_fuzz_ctx(1);
  struct kg_stmts l = { NULL, 0, 0 };
  const char *path = kg_fuzz_file(0, data, size);
  int rc;

  rc = kg_extract_report_stmts(&ctx->ref, path, &l, NULL);
  if(rc != KG_EXIT_OK && rc != KG_EXIT_DATA) {
    fprintf(stderr, "fuzz: extract returned %d\n", rc);
    abort();
  }
  if(rc == KG_EXIT_DATA && l.n) {
    fprintf(stderr, "fuzz: a refused report left %zu statements\n", l.n);
    abort();
  }
  if(!rc) {
    if(kg_extract_reference_stmts(&ctx->ref, &l))
      abort();
    kg_fuzz_turtle_roundtrip(ctx, &l);
  }
  kg_rdf_stmts_release(&l);
  return 0;
}
