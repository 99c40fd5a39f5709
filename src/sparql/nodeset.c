/* nodeset.c - a set of RDF nodes in insertion order (see nodeset.h). */
#include <stdlib.h>
#include <string.h>

#include "sparql/nodeset.h"
#include "sparql/term.h"

void
kg_nodeset_init(struct kg_nodeset *s)
{
  memset(s, 0, sizeof(*s));
  kg_hash_init(&s->map);
}

void
kg_nodeset_release(struct kg_nodeset *s)
{
  size_t i;

  for(i = 0; i < s->n; i++)
    librdf_free_node(s->v[i]);
  free(s->v);
  kg_hash_release(&s->map);
  kg_buf_release(&s->b);
}

int
kg_nodeset_add(struct kg_nodeset *s, librdf_node *n)
{
  size_t v = s->n;

  kg_buf_reset(&s->b);
  kg_term_nt(&s->b, n);
  if(kg_hash_put(&s->map, s->b.s, s->b.len, &v))
    return 0;
  if(s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    s->v = kg_xrealloc(s->v, s->cap * sizeof(*s->v));
  }
  s->v[s->n++] = librdf_new_node_from_node(n);
  return 1;
}
