/* lexicon.h - French words and names with their classes (first name,
 * surname, proper noun, common word), from Debian's hunspell-fr.
 *
 * Built by `make lexicon` (mk/lexicon.mk, tool_lexbuild.c) from the fr.dic
 * and fr.aff of the package hunspell-fr-classical 1:7.0-1 into
 * data/lexicon/lexicon.idx: every word of fr.dic and every form its suffix
 * rules make ("usine" -> "usines", "chef" -> "cheffe"), folded (case and
 * accents), sorted.  Opening maps the file; a lookup is a binary search.
 * It tells what a word can be, never what it is in a given sentence.
 */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include <stddef.h>
#include "base/buf.h"

enum kg_lexicon_class {
  KG_LEX_FIRST_NAME = 1,  /* po:prn: "Anne", "Jean-Marc" */
  KG_LEX_SURNAME = 2,     /* po:patr: "Adams" */
  KG_LEX_PROPER = 4,      /* po:npr, or another capitalised entry: "France" */
  KG_LEX_COMMON = 8       /* a lower-case entry or one of its forms:
                             "réunion", "plénières", "cheffe" */
};

struct kg_lexicon;

/* Opens the index in @dir (data/lexicon).  NULL after reporting. */
struct kg_lexicon *kg_lexicon_open(const char *dir);
/* Same, given the index file's path. */
struct kg_lexicon *kg_lexicon_open_file(const char *path);
void kg_lexicon_free(struct kg_lexicon *lx);

/* The classes (KG_LEX_* bits) of the word w[0..len), whatever its case and
 * accents; 0 when the dictionary does not know it.  @lx may be NULL (0). */
unsigned kg_lexicon_classes(const struct kg_lexicon *lx, const char *w,
                            size_t len);

/* Number of words in the index. */
size_t kg_lexicon_count(const struct kg_lexicon *lx);

/* The folded form the index is keyed on: NFC, case folded, accents
 * stripped, typographic apostrophe as "'".  Writes into @out (reset
 * first); returns out->s.  The builder folds with this same function. */
const char *kg_lexicon_fold(const char *w, size_t len, struct kg_buf *out);

/* Index format (lexicon.idx), written by tool_lexbuild, read by mmap.
 * Native byte order, 32-bit unsigned words.
 *   header, 32 bytes: magic[8] version byte_order n_words off_recs
 *     off_pool file_size
 *   records, n_words words: pool offset of each entry, sorted by the
 *     entry's key with strcmp
 *   pool: entries, each one byte of KG_LEX_* bits then the folded key,
 *     NUL-terminated; the last byte of the file is NUL. */
#define KG_LEX_INDEX_FILE "lexicon.idx"
#define KG_LEX_MAGIC "KGLEX\r\n\032"
#define KG_LEX_VERSION 1u
#define KG_LEX_BYTE_ORDER 0x01020304u
#define KG_LEX_HEADER_SIZE 32u

#endif
