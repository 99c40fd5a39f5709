/* strset.h - a set of strings (open addressing, FNV-1a), for de-duplication. */
#ifndef KG_STRSET_H
#define KG_STRSET_H

#include <stddef.h>

struct kg_strset {
  char **slots;
  size_t cap;     /* power of two */
  size_t n;
};

void kg_strset_init(struct kg_strset *s);
void kg_strset_release(struct kg_strset *s);
/* Adds a copy of @str; returns 1 if it was new, 0 if already present. */
int kg_strset_add(struct kg_strset *s, const char *str);
int kg_strset_has(const struct kg_strset *s, const char *str);

#endif
