/* rows.c - the row store of the evaluator (see rows.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/rows.h"
#include "sparql/term.h"

void
kg_rows_init(struct kg_rows *r, int w)
{
  memset(r, 0, sizeof(*r));
  r->w = w;
}

void
kg_rows_one(struct kg_rows *r, int w)
{
  kg_rows_init(r, w);
  kg_rows_add(r, NULL);
}

void
kg_rows_release(struct kg_rows *r)
{
  size_t i;

  for(i = 0; i < r->n * (size_t)r->w; i++)
    if(r->c[i])
      librdf_free_node(r->c[i]);
  free(r->c);
  r->c = NULL;
  r->n = r->cap = 0;
}

librdf_node **
kg_rows_add(struct kg_rows *r, librdf_node **row)
{
  librdf_node **d;
  int i;

  if(r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    r->c = kg_xrealloc(r->c, r->cap * (size_t)(r->w ? r->w : 1) *
                       sizeof(librdf_node *));
  }
  d = r->c + r->n * (size_t)r->w;
  for(i = 0; i < r->w; i++)
    d[i] = (row && row[i]) ? librdf_new_node_from_node(row[i]) : NULL;
  r->n++;
  return d;
}

void
kg_rows_append(struct kg_rows *dst, struct kg_rows *src)
{
  size_t j;

  for(j = 0; j < src->n; j++)
    kg_rows_add(dst, kg_rows_at(src, j));
}

void
kg_rows_move(struct kg_rows *dst, struct kg_rows *src)
{
  kg_rows_release(dst);
  *dst = *src;
  memset(src, 0, sizeof(*src));
  src->w = dst->w;
}

void
kg_rows_set(librdf_node **row, int i, librdf_node *n)
{
  if(row[i])
    librdf_free_node(row[i]);
  row[i] = n ? librdf_new_node_from_node(n) : NULL;
}

int
kg_rows_compatible(librdf_node **a, librdf_node **b, int w, int *shared)
{
  int i;

  if(shared)
    *shared = 0;
  for(i = 0; i < w; i++) {
    if(a[i] && b[i]) {
      if(!librdf_node_equals(a[i], b[i]))
        return 0;
      if(shared)
        *shared = 1;
    }
  }
  return 1;
}

void
kg_rows_key(struct kg_buf *b, librdf_node **row, const int *cols, int ncols)
{
  int i;

  kg_buf_reset(b);
  for(i = 0; i < ncols; i++) {
    if(row[cols[i]])
      kg_term_nt(b, row[cols[i]]);
    kg_buf_addc(b, '\x01');
  }
}
