/* strset.c - a set of strings. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/strset.h"

static size_t
hash(const char *s)
{
  unsigned long long h = 1469598103934665603ULL;

  for(; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return (size_t)h;
}

void
kg_strset_init(struct kg_strset *s)
{
  s->cap = 256;
  s->n = 0;
  s->slots = kg_xcalloc(s->cap, sizeof(char *));
}

void
kg_strset_release(struct kg_strset *s)
{
  size_t i;

  for(i = 0; i < s->cap; i++)
    free(s->slots[i]);
  free(s->slots);
  memset(s, 0, sizeof(*s));
}

static void
grow(struct kg_strset *s)
{
  char **old = s->slots;
  size_t oldcap = s->cap, i;

  s->cap *= 2;
  s->slots = kg_xcalloc(s->cap, sizeof(char *));
  for(i = 0; i < oldcap; i++)
    if(old[i]) {
      size_t j = hash(old[i]) & (s->cap - 1);

      while(s->slots[j])
        j = (j + 1) & (s->cap - 1);
      s->slots[j] = old[i];
    }
  free(old);
}

int
kg_strset_add(struct kg_strset *s, const char *str)
{
  size_t j;

  if(!s->slots)
    kg_strset_init(s);
  if((s->n + 1) * 2 > s->cap)
    grow(s);
  j = hash(str) & (s->cap - 1);
  while(s->slots[j]) {
    if(!strcmp(s->slots[j], str))
      return 0;
    j = (j + 1) & (s->cap - 1);
  }
  s->slots[j] = kg_xstrdup(str);
  s->n++;
  return 1;
}

int
kg_strset_has(const struct kg_strset *s, const char *str)
{
  size_t j;

  if(!s->slots)
    return 0;
  j = hash(str) & (s->cap - 1);
  while(s->slots[j]) {
    if(!strcmp(s->slots[j], str))
      return 1;
    j = (j + 1) & (s->cap - 1);
  }
  return 0;
}
