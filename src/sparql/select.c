/* select.c - a SELECT (also a sub-SELECT, and the WHERE of ASK,
 * CONSTRUCT, DESCRIBE): its WHERE pattern and trailing VALUES, then its
 * modifiers in the order of the SPARQL algebra: GROUP BY, aggregates and
 * HAVING (group.c) or the projection expressions (project.c); ORDER BY
 * (order.c); projection; DISTINCT, OFFSET, LIMIT (slice.c). */
#include <stdlib.h>

#include "sparql/eval.h"

/* The solutions of the WHERE of @s joined with its trailing VALUES. */
static int
where(struct kg_eval *ev, struct kg_plan_sel *s, librdf_node *ctx,
      struct kg_rows *rows)
{
  struct kg_rows in1;
  int rc = 0;

  kg_rows_one(&in1, ev->nvars);
  if(s->where)
    rc = kg_eval_pattern(ev, s->where, &in1, ctx, 0, rows);
  else
    kg_rows_add(rows, NULL);
  kg_rows_release(&in1);
  if(!rc && s->values)
    rc = kg_join_values(ev, rows, s->values);
  return rc;
}

/* The aggregates of @s: in its projection, HAVING and ORDER BY. */
static void
collect_aggregates(struct kg_plan_sel *s, struct kg_aggs *aggs)
{
  int i;

  for(i = 0; i < s->nproj; i++)
    kg_aggregate_collect(aggs, s->pexpr[i]);
  for(i = 0; s->having && i < raptor_sequence_size(s->having); i++)
    kg_aggregate_collect(aggs, raptor_sequence_get_at(s->having, i));
  for(i = 0; s->order && i < raptor_sequence_size(s->order); i++)
    kg_aggregate_collect(aggs, raptor_sequence_get_at(s->order, i));
}

int
kg_select_eval(struct kg_eval *ev, struct kg_plan_sel *s, librdf_node *ctx,
               struct kg_rows *out)
{
  struct kg_aggs *saved = ev->aggs;
  struct kg_aggs aggs = { NULL, NULL, 0 };
  struct kg_order order;
  struct kg_rows rows;
  size_t j;
  int rc;

  kg_rows_init(&rows, ev->nvars);
  kg_order_init(&order, s->order);
  rc = where(ev, s, ctx, &rows);
  if(!rc) {
    /* the aggregates of this SELECT, valued group by group */
    ev->aggs = &aggs;
    collect_aggregates(s, &aggs);
    if(aggs.n > 0 || (s->group && raptor_sequence_size(s->group) > 0)) {
      rc = kg_group_eval(ev, s, &rows, &order);
    } else {
      kg_project_exprs(ev, s, &rows);
      for(j = 0; order.n && j < rows.n; j++)
        kg_order_add(ev, &order, kg_rows_at(&rows, j), j);
    }
  }
  if(!rc && !ev->failed) {
    int ncols;
    int *cols;

    kg_order_sort(&order, &rows);
    cols = kg_project_vars(ev, s, &rows, &ncols);
    kg_slice_apply(s, &rows, cols, ncols, out);
    free(cols);
  }
  kg_order_release(&order);
  kg_rows_release(&rows);
  kg_aggregate_release(&aggs);
  ev->aggs = saved;
  return rc || ev->failed ? -1 : 0;
}
