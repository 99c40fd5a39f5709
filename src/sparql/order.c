/* order.c - ORDER BY: the SPARQL order of values (unbound < blank node <
 * IRI < literal; numbers, dates and booleans by value, other literals by
 * lexical form, language, datatype) and a stable sort of rows by their
 * keys, ascending or descending per key. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/term.h"

void
kg_order_init(struct kg_order *o, raptor_sequence *conds)
{
  int i;

  memset(o, 0, sizeof(*o));
  o->conds = conds;
  o->n = conds ? raptor_sequence_size(conds) : 0;
  o->desc = kg_xcalloc((size_t)o->n + 1, sizeof(int));
  for(i = 0; i < o->n; i++)
    o->desc[i] = ((rasqal_expression *)raptor_sequence_get_at(conds, i))->op
                 == RASQAL_EXPR_ORDER_COND_DESC;
}

void
kg_order_release(struct kg_order *o)
{
  size_t j;
  int i;

  for(j = 0; j < o->nitems; j++) {
    for(i = 0; i < o->n; i++)
      kg_value_release(&o->items[j].keys[i]);
    free(o->items[j].keys);
  }
  free(o->items);
  free(o->desc);
  memset(o, 0, sizeof(*o));
}

void
kg_order_add(struct kg_eval *ev, struct kg_order *o, librdf_node **row,
             size_t seq)
{
  struct kg_order_item *it;
  int i;

  if(o->nitems == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 16;
    o->items = kg_xrealloc(o->items, o->cap * sizeof(*o->items));
  }
  it = &o->items[o->nitems++];
  it->o = o;
  it->seq = seq;
  it->keys = kg_xcalloc((size_t)o->n + 1, sizeof(struct kg_value));
  for(i = 0; i < o->n; i++) {
    rasqal_expression *oe = raptor_sequence_get_at(o->conds, i);

    kg_expr_eval(ev, oe->arg1, row, &it->keys[i]);
  }
}

/* Keys in order, each ascending or descending; ties keep the rows'
 * order. */
static int
item_cmp(const void *a, const void *b)
{
  const struct kg_order_item *x = a;
  const struct kg_order_item *y = b;
  int i;

  for(i = 0; i < x->o->n; i++) {
    int c = kg_value_order(&x->keys[i], &y->keys[i]);

    if(c)
      return x->o->desc[i] ? -c : c;
  }
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
kg_order_sort(struct kg_order *o, struct kg_rows *rows)
{
  struct kg_rows sorted;
  size_t j;

  if(!o->n || !o->nitems)
    return;
  qsort(o->items, o->nitems, sizeof(*o->items), item_cmp);
  kg_rows_init(&sorted, rows->w);
  for(j = 0; j < o->nitems; j++)
    kg_rows_add(&sorted, kg_rows_at(rows, o->items[j].seq));
  kg_rows_move(rows, &sorted);
}
