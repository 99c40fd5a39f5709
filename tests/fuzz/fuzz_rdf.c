/* fuzz_rdf.c - libFuzzer harness: the input is a Turtle file.
 *
 * As `mednum-kg query --data FILE.ttl` and `load` read RDF: the project's
 * reader (rdf/read.c: raptor's Turtle parser, language tags lower-cased,
 * xsd:string folded) into a statement list.  What parses is written again
 * with the project's Turtle writer (rdf/turtle.c) and must read back with
 * as many statements.  A parse error (3) is a normal outcome.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/diag.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  kg_fuzz_ctx(0);
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct kg_ctx *ctx = kg_fuzz_ctx(0);
  struct kg_stmts l = { NULL, 0, 0 };
  int rc;

  rc = kg_read_file(ctx->w.raptor, kg_fuzz_file(0, data, size), "turtle",
                    NULL, &l);
  if(rc != KG_EXIT_OK && rc != KG_EXIT_DATA) {
    fprintf(stderr, "fuzz: the reader returned %d\n", rc);
    abort();
  }
  if(!rc)
    kg_fuzz_turtle_roundtrip(ctx, &l);
  kg_rdf_stmts_release(&l);
  return 0;
}
