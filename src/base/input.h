/* input.h - read a report file and reject what is not UTF-8 text.
 *
 * Every rejection is one diagnostic line naming the file (and the line,
 * column and byte offset when there is one), with the exit status to use.
 */
#ifndef KG_INPUT_H
#define KG_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include "base/buf.h"

/* Reads @path into @out as NFC text (BOM dropped).  Returns KG_EXIT_OK, or
 * KG_EXIT_DATA (empty, binary, invalid UTF-8, Latin-1) / KG_EXIT_SYS
 * (missing, directory, unreadable) after reporting. */
int kg_input_read_text(const char *path, struct kg_buf *out);

/* Reads @path's bytes as they are. KG_EXIT_OK or KG_EXIT_SYS (reported). */
int kg_input_read_bytes(const char *path, struct kg_buf *out);

/* Maps @path read-only, whole: an index built by `make` (gazetteer,
 * lexicon).  @what names it in messages ("gazetteer index"), @fix says how
 * to rebuild it ("run 'make gazetteer'").  Returns the mapping (release
 * with kg_input_unmap) and sets *size, or NULL after reporting. */
const void *kg_input_map(const char *path, const char *what, const char *fix,
                         size_t *size);
void kg_input_unmap(const void *map, size_t size);
/* The 32-bit word at @p of a mapped index, in the machine's order (the
 * index files are built on the machine that reads them). */
uint32_t kg_input_u32(const unsigned char *p);

#endif
