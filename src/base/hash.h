/* hash.h - the one hash map of the project: byte-string keys (copied)
 * to size_t values, open addressing with linear probing, FNV-1a.
 *
 * Used as a map (kg_hash_put / kg_hash_get: values are usually indexes
 * into an array the caller owns) and as a set of strings
 * (kg_hash_add / kg_hash_has).  A zeroed struct is an empty table.
 */
#ifndef KG_HASH_H
#define KG_HASH_H

#include <stddef.h>

struct kg_hash {
  char **keys;    /* NUL-terminated copies; NULL = free slot */
  size_t *klen;   /* key lengths (keys may hold NUL bytes) */
  size_t *hv;     /* key hashes: no rehashing on growth, quick mismatch */
  size_t *vals;
  size_t cap;     /* power of two, or 0 */
  size_t n;
};

void kg_hash_init(struct kg_hash *h);
void kg_hash_release(struct kg_hash *h);

/* The FNV-1a hash of @len bytes, for callers that bucket by themselves. */
size_t kg_hash_bytes(const char *s, size_t len);

/* Returns 1 and sets *val to the stored value if @key is present; else
 * inserts a copy of @key with *val and returns 0. */
int kg_hash_put(struct kg_hash *h, const char *key, size_t len, size_t *val);
/* 1 and *val (when @val is not NULL) if @key is present, else 0. */
int kg_hash_get(const struct kg_hash *h, const char *key, size_t len,
                size_t *val);

/* The value slot of C string @key, inserted with value 0 when absent
 * (*created, when not NULL, says which).  The pointer is valid until the
 * next insertion. */
size_t *kg_hash_ref(struct kg_hash *h, const char *key, int *created);
/* The value of C string @key, or 0 when absent. */
size_t kg_hash_value(const struct kg_hash *h, const char *key);

/* Set of C strings: kg_hash_add returns 1 if @str was new, 0 if present. */
int kg_hash_add(struct kg_hash *h, const char *str);
int kg_hash_has(const struct kg_hash *h, const char *str);

#endif
