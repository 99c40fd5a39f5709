/* input.h - open and read input files: reports, RDF files, queries.
 *
 * Only regular files are read (and standard input for a report named "-"),
 * each kind within a size limit, so that a symbolic link to /dev/zero or a
 * FIFO is refused at once.  Every rejection is one diagnostic line naming
 * the file (and the line, column and byte offset when there is one), with
 * the exit status to use.
 */
#ifndef KG_INPUT_H
#define KG_INPUT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "base/buf.h"

/* What is read, which sets the size limit.  A report is held whole in
 * memory; an RDF file is streamed to raptor. */
enum kg_input_kind {
  KG_INPUT_REPORT,      /* $MEDNUM_KG_MAX_REPORT MB, default below; "-" =
                           standard input */
  KG_INPUT_RDF          /* $MEDNUM_KG_MAX_RDF MB, default below */
};
#define KG_INPUT_REPORT_MB 8UL
#define KG_INPUT_RDF_MB 4096UL

/* 1 if @path names standard input ("-"). */
int kg_input_is_stdin(const char *path);
/* The name of @path in messages: "<stdin>" for "-", else @path.  SHARED. */
const char *kg_input_name(const char *path);
/* The largest file of @kind, in bytes (its variable, else the default). */
unsigned long long kg_input_limit(enum kg_input_kind kind);
/* "a FIFO", "a character device"... for a file that is not regular and
 * not a directory.  SHARED (static text). */
const char *kg_input_file_kind(unsigned mode);

/* Opens @path to read: only a regular file (a symbolic link to one is
 * followed) no larger than the limit of @kind, or standard input for "-"
 * when @kind is KG_INPUT_REPORT.  Never blocks on a FIFO.  Returns the
 * stream (close it with kg_input_close), or NULL with *code set to
 * KG_EXIT_SYS (missing, directory, FIFO, device, socket, unreadable) or
 * KG_EXIT_DATA (too large) after reporting. */
FILE *kg_input_open(const char *path, enum kg_input_kind kind, int *code);
/* Closes what kg_input_open returned (standard input stays open). */
void kg_input_close(FILE *fh);
/* Reports that @path is larger than the limit of @kind and how to raise
 * it.  Returns KG_EXIT_DATA. */
int kg_input_too_big(const char *path, enum kg_input_kind kind);

/* Reads @path ("-" = standard input) into @out as NFC text (BOM dropped).
 * Returns KG_EXIT_OK, or KG_EXIT_DATA (empty, binary, UTF-16, invalid
 * UTF-8, Latin-1, larger than the report limit) / KG_EXIT_SYS (missing,
 * not a regular file, unreadable) after reporting. */
int kg_input_read_text(const char *path, struct kg_buf *out);

/* Reads @path's bytes as they are ("-" = standard input), within the
 * report limit.  KG_EXIT_OK, or KG_EXIT_SYS / KG_EXIT_DATA (reported, as
 * kg_input_open). */
int kg_input_read_bytes(const char *path, struct kg_buf *out);

/* Reads at most @cap bytes from the start of @path into @buf (*len: how
 * many), with the checks of kg_input_open (@kind sets the size limit):
 * enough to tell a report from RDF by its content.  KG_EXIT_OK, or the
 * exit status after reporting. */
int kg_input_peek(const char *path, enum kg_input_kind kind, char *buf,
                  size_t cap, size_t *len);

/* 1 if @path names a directory (a symbolic link to one is followed). */
int kg_input_is_dir(const char *path);

/* Paths of files, each a new string. */
struct kg_input_list {
  char **v;
  size_t n;
  size_t cap;
};
#define KG_INPUT_LIST_INIT { NULL, 0, 0 }

/* Appends to @l "DIR/NAME" for each regular file of directory @dir (a
 * symbolic link to one counts), sorted by name in byte order; not
 * recursive.  Hidden files (".name"), subdirectories and other kinds are
 * left out, each said with kg_info (-v).  KG_EXIT_OK, or KG_EXIT_SYS after
 * reporting a directory that cannot be read. */
int kg_input_list_dir(const char *dir, struct kg_input_list *l);

/* Appends to @names the entries of directory @dir (names, not paths),
 * sorted in byte order, "." and ".." left out.  With @suffix (".rq"),
 * only the names that end with it and do not start with '.'.  KG_EXIT_OK,
 * or KG_EXIT_SYS after reporting a directory that cannot be read. */
int kg_input_dir_names(const char *dir, const char *suffix,
                       struct kg_input_list *names);
void kg_input_list_release(struct kg_input_list *l);

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
