/* fuzz_common.h - what the libFuzzer harnesses share: the command line's
 * context, made once, and the input bytes as a file the modules can open.
 *
 * The modules read reports and RDF from a path (base/input.c, rdf/read.c),
 * so each input is written to a memory file (memfd) and handed over as
 * /proc/self/fd/N: the harnesses go through the same checks as a file on
 * disk, with no disk traffic.  Built only by mk/fuzz.mk (clang, Linux).
 */
#ifndef KG_FUZZ_COMMON_H
#define KG_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "cli/ctx.h"

struct kg_stmts;

/* The process's context (world; with @reference, the reference data read
 * at once rather than on the first input), made on first call and kept
 * until exit; aborts if it cannot be made.  Warnings are off unless
 * $KG_FUZZ_VERBOSE is set; errors still go to stderr (libFuzzer's
 * -close_fd_mask=2 hides them). */
struct kg_ctx *kg_fuzz_ctx(int reference);

/* Memory file number @slot (0 or 1) filled with @data: returns its path,
 * SHARED, valid until the next call for the same slot. */
const char *kg_fuzz_file(int slot, const uint8_t *data, size_t size);

/* Writes @l as Turtle with the project's writer, parses that again with
 * the project's reader and aborts unless it parses into as many
 * statements: the writer's output must always read back.  @l is sorted
 * and deduplicated in place (kg_serialize_stmts). */
void kg_fuzz_turtle_roundtrip(struct kg_ctx *ctx, struct kg_stmts *l);

#endif
