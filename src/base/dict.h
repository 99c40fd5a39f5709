/* dict.h - a phrase dictionary: matching key -> entries (kind, index).
 *
 * Every name of interest (registry names and aliases, theme trigger words,
 * audience and itinérance words) goes into one table; a text is then read
 * once, word by word, trying the n-grams that start at each word (a prefix
 * table stops the growth early).  One pass, not one scan per name.
 */
#ifndef KG_DICT_H
#define KG_DICT_H

#include <stddef.h>

enum kg_dict_kind {
  KG_DICT_INITIATIVE = 0,  /* registry initiative */
  KG_DICT_ORG,             /* registry organisation */
  KG_DICT_THEME,
  KG_DICT_PUBLIC,
  KG_DICT_ITINERANCE,
  KG_DICT_KINDS
};

struct kg_dict_entry {
  enum kg_dict_kind kind;
  size_t index;
};

struct kg_dict;

struct kg_dict *kg_dict_new(void);
void kg_dict_free(struct kg_dict *d);
/* Adds @key (a matching key) -> (kind, index); also registers its word
 * prefixes. */
void kg_dict_add(struct kg_dict *d, const char *key, enum kg_dict_kind kind,
                 size_t index);
/* Entries for @key; *n receives their number.  SHARED or NULL. */
const struct kg_dict_entry *kg_dict_get(const struct kg_dict *d,
                                        const char *key, size_t *n);

/* A match in a text: words [w0, w1) cover bytes [start, end). */
struct kg_dict_hit {
  size_t start, end;
  const struct kg_dict_entry *e;
  size_t ne;
};

struct kg_dict_hits {
  struct kg_dict_hit *v;
  size_t n, cap;
};

/* Longest matches of dictionary phrases in text[0..len), left to right,
 * non-overlapping.  Appends to @out. */
void kg_dict_scan(const struct kg_dict *d, const char *text, size_t len,
                  struct kg_dict_hits *out);
void kg_dict_hits_release(struct kg_dict_hits *h);

#endif
