/* text.h - UTF-8 checks, NFC, code-point offsets and matching keys.
 *
 * Plain C over utf8proc; no Redland.  Offsets in the graph are counted in
 * code points of the NFC text, so every position the extractor keeps is a
 * byte offset into that text, converted with kg_text_cp_index().
 */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stddef.h>
#include "base/buf.h"

/* 0 if s[0..len) is valid UTF-8; else -1 and *bad = offset of the first
 * invalid byte. */
int kg_text_utf8_check(const char *s, size_t len, size_t *bad);

/* 1 if the bytes look like Latin-1 / Windows-1252 text (invalid UTF-8 with
 * high bytes and no valid multi-byte sequence). */
int kg_text_looks_latin1(const char *s, size_t len);

/* 1 if the bytes look like UTF-16: a UTF-16 byte order mark (FF FE or
 * FE FF), or, in the first 512 bytes, NUL in most bytes of one parity and
 * in none of the other (ASCII text, NUL-interleaved). */
int kg_text_looks_utf16(const char *s, size_t len);

/* NFC of valid UTF-8 s[0..len) into @out (reset first). Returns 0 or -1. */
int kg_text_nfc(const char *s, size_t len, struct kg_buf *out);

/* Number of code points in valid UTF-8 s[0..len). */
size_t kg_text_cp_count(const char *s, size_t len);

/* Byte offset -> code point offset, with an index built once per text. */
struct kg_cpindex;
struct kg_cpindex *kg_text_cpindex_new(const char *s, size_t len);
void kg_text_cpindex_free(struct kg_cpindex *ix);
size_t kg_text_cpindex_cp(const struct kg_cpindex *ix, size_t byte_off);

/* Matching key: accents stripped, case folded, oe/ae ligatures split, every
 * run of non-alphanumerics (hyphens, apostrophes, spaces) one space, "st" /
 * "ste" read as "saint" / "sainte", one leading article (le, la, les, l)
 * dropped.  "Saint-Étienne", "St Etienne" and "ST-ETIENNE" share a key.
 * Writes into @out (reset first); returns out->s. */
const char *kg_text_key(const char *s, size_t len, struct kg_buf *out);

/* Same as kg_text_key() but keeps a leading article. */
const char *kg_text_key_keep_article(const char *s, size_t len,
                                     struct kg_buf *out);

/* If the words of s[0..len) begin with the words of @key (a matching key,
 * at most KG_WORDKEYS_MAX words), returns the byte offset just after the last
 * matched word; else 0.  Words are compared by key, so case, accents and
 * punctuation do not matter. */
size_t kg_text_key_prefix(const char *s, size_t len, const char *key);

/* Every word of a text (as kg_text_key_prefix() cuts it) with its key,
 * computed once, when first needed, so that many phrases can be tried at
 * many places of the text (dates.c). */
struct kg_text_word {
  size_t a, z;                   /* byte offsets of the word */
  char *key;                     /* kg_text_key_keep_article() of it, or
                                    NULL until a phrase needs it */
  char first;                    /* the first byte of the key, always set */
};
struct kg_text_words {
  const char *s;                 /* SHARED: the text */
  struct kg_text_word *v;
  size_t n, cap;
};
void kg_text_words_init(struct kg_text_words *w, const char *s, size_t len);
void kg_text_words_release(struct kg_text_words *w);
/* The first word kg_text_key_prefix(s + at, ...) would read: its index
 * (w->n when none is left), or (size_t)-1 when @at is inside a word. */
size_t kg_text_words_at(const struct kg_text_words *w, size_t at);
/* kg_text_key_prefix() from word @i (from kg_text_words_at()): the byte
 * offset in the text just after the last word matched by @key, or 0.
 * Folds the words it has to compare, once. */
size_t kg_text_words_prefix(struct kg_text_words *w, size_t i,
                            const char *key);

/* The first words of a line with their keys, computed once so that many
 * phrases can be tried against it (cue detection). */
#define KG_WORDKEYS_MAX 12
struct kg_wordkeys {
  size_t n;
  size_t end[KG_WORDKEYS_MAX];   /* byte offset just after word i */
  struct kg_buf all;             /* "key1 key2 ..." */
  size_t kend[KG_WORDKEYS_MAX];  /* offset in all just after key i */
};
void kg_text_wordkeys_init(struct kg_wordkeys *w, const char *s, size_t len);
/* Same result as kg_text_key_prefix() on the text @w was built from. */
size_t kg_text_wordkeys_prefix(const struct kg_wordkeys *w, const char *key);
void kg_text_wordkeys_release(struct kg_wordkeys *w);

/* 1 if @word is a whole-word sequence inside @key (both matching keys). */
int kg_text_key_contains(const char *key, const char *word);

/* Decode one code point at s (valid UTF-8); returns its byte length. */
int kg_text_utf8_decode(const char *s, size_t len, int *cp);
/* 1 if s[0..len) opens with an upper-case letter ("É" as well as "E"). */
int kg_text_upper_at(const char *s, size_t len);
/* 1 if s[0..len) holds two upper-case letters or more and no lower-case
 * one ("CLAVEL", "HAG", "REDON-SARRAZY"). */
int kg_text_all_upper(const char *s, size_t len);

/* Slug for IRIs: ASCII lower-case letters, digits and '-', at most @max
 * bytes, no leading/trailing '-'.  Writes into @out (reset first). */
const char *kg_text_slug(const char *s, size_t len, size_t max,
                         struct kg_buf *out);


#endif
