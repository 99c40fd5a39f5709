/* hash.c - the one hash map (see hash.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"

void
kg_hash_init(struct kg_hash *h)
{
  memset(h, 0, sizeof(*h));
}

void
kg_hash_release(struct kg_hash *h)
{
  size_t i;

  for(i = 0; i < h->cap; i++)
    free(h->keys[i]);
  free(h->keys);
  free(h->klen);
  free(h->hv);
  free(h->vals);
  memset(h, 0, sizeof(*h));
}

size_t
kg_hash_bytes(const char *s, size_t len)
{
  unsigned long long x = 1469598103934665603ULL;
  size_t i;

  for(i = 0; i < len; i++) {
    x ^= (unsigned char)s[i];
    x *= 1099511628211ULL;
  }
  return (size_t)x;
}

/* The slot holding @key (hash @hv), or the free slot where it would go. */
static size_t
slot(const struct kg_hash *h, const char *key, size_t len, size_t hv)
{
  size_t i = hv & (h->cap - 1);

  while(h->keys[i] &&
        !(h->hv[i] == hv && h->klen[i] == len &&
          !memcmp(h->keys[i], key, len)))
    i = (i + 1) & (h->cap - 1);
  return i;
}

static void
grow(struct kg_hash *h)
{
  struct kg_hash nh;
  size_t j, i;

  nh.cap = h->cap ? h->cap * 2 : 64;
  nh.n = h->n;
  nh.keys = kg_xcalloc(nh.cap, sizeof(char *));
  nh.klen = kg_xcalloc(nh.cap, sizeof(size_t));
  nh.hv = kg_xcalloc(nh.cap, sizeof(size_t));
  nh.vals = kg_xcalloc(nh.cap, sizeof(size_t));
  for(j = 0; j < h->cap; j++) {
    if(!h->keys[j])
      continue;
    for(i = h->hv[j] & (nh.cap - 1); nh.keys[i]; i = (i + 1) & (nh.cap - 1))
      ;
    nh.keys[i] = h->keys[j];
    nh.klen[i] = h->klen[j];
    nh.hv[i] = h->hv[j];
    nh.vals[i] = h->vals[j];
  }
  free(h->keys);
  free(h->klen);
  free(h->hv);
  free(h->vals);
  *h = nh;
}

int
kg_hash_get(const struct kg_hash *h, const char *key, size_t len,
            size_t *val)
{
  size_t i;

  if(!h->cap)
    return 0;
  i = slot(h, key, len, kg_hash_bytes(key, len));
  if(!h->keys[i])
    return 0;
  if(val)
    *val = h->vals[i];
  return 1;
}

/* The slot of @key, inserted with *val when absent (*had says which). */
static size_t
put_at(struct kg_hash *h, const char *key, size_t len, size_t val, int *had)
{
  size_t i, hv = kg_hash_bytes(key, len);

  if((h->n + 1) * 2 > h->cap)
    grow(h);
  i = slot(h, key, len, hv);
  *had = h->keys[i] != NULL;
  if(*had)
    return i;
  h->keys[i] = kg_xstrndup(key, len);
  h->klen[i] = len;
  h->hv[i] = hv;
  h->vals[i] = val;
  h->n++;
  return i;
}

int
kg_hash_put(struct kg_hash *h, const char *key, size_t len, size_t *val)
{
  int had;
  size_t i = put_at(h, key, len, *val, &had);

  if(had)
    *val = h->vals[i];
  return had;
}

int
kg_hash_add(struct kg_hash *h, const char *str)
{
  size_t v = 0;

  return !kg_hash_put(h, str, strlen(str), &v);
}

int
kg_hash_has(const struct kg_hash *h, const char *str)
{
  return kg_hash_get(h, str, strlen(str), NULL);
}

size_t *
kg_hash_ref(struct kg_hash *h, const char *key, int *created)
{
  int had;
  size_t i = put_at(h, key, strlen(key), 0, &had);

  if(created)
    *created = !had;
  return &h->vals[i];
}

size_t
kg_hash_value(const struct kg_hash *h, const char *key)
{
  size_t v = 0;

  kg_hash_get(h, key, strlen(key), &v);
  return v;
}
