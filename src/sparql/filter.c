/* filter.c - FILTER.  A group's FILTERs apply to the whole group, at its
 * end; those whose variables the group's triple patterns certainly bind
 * are also pushed into the BGPs, where match.c checks them as soon as
 * their variables are bound (their value cannot change later).  A FILTER
 * whose value is an error removes the row. */
#include <stdlib.h>

#include "base/buf.h"
#include "sparql/eval.h"

int
kg_filter_ok(struct kg_eval *ev, rasqal_expression *e, librdf_node **row)
{
  struct kg_value v;
  int b;

  if(kg_expr_eval(ev, e, row, &v))
    return 0;
  b = kg_value_ebv(&v);
  kg_value_release(&v);
  return b == 1;
}

void
kg_filter_collect(struct kg_plan_gp *g, rasqal_expression ***fs, int *nf)
{
  int i;

  *nf = 0;
  *fs = NULL;
  if(g->op != KG_GP_GROUP)
    return;
  for(i = 0; i < g->nkids; i++) {
    if(g->kids[i]->op == KG_GP_FILTER) {
      *fs = kg_xrealloc(*fs, (size_t)(*nf + 1) * sizeof(**fs));
      (*fs)[(*nf)++] = g->kids[i]->expr;
    }
  }
}

void
kg_filter_push_init(struct kg_eval *ev, struct kg_plan_gp *g,
                    struct kg_filter_push *push)
{
  unsigned char *cert = kg_xcalloc((size_t)ev->nvars + 1, 1);
  int f;

  push->v = kg_xcalloc((size_t)g->nkids + 1, sizeof(*push->v));
  push->n = 0;
  for(f = 0; f < g->nkids; f++)
    if(g->kids[f]->op == KG_GP_BGP)
      kg_scope_certain(g->kids[f], cert);
  for(f = 0; f < g->nkids; f++) {
    unsigned char *used;
    int special = 0;
    int v;
    int ok = 1;

    if(g->kids[f]->op != KG_GP_FILTER)
      continue;
    used = kg_xcalloc((size_t)ev->nvars + 1, 1);
    kg_scope_expr_vars(g->kids[f]->expr, used, &special);
    for(v = 0; v < ev->nvars; v++)
      if(used[v] && !cert[v])
        ok = 0;
    if(ok && !special) {
      push->v[push->n].e = g->kids[f]->expr;
      push->v[push->n].vars = used;
      push->n++;
    } else {
      free(used);
    }
  }
  free(cert);
}

void
kg_filter_push_release(struct kg_filter_push *push)
{
  int i;

  for(i = 0; i < push->n; i++)
    free(push->v[i].vars);
  free(push->v);
  push->v = NULL;
  push->n = 0;
}

int
kg_filter_group(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *cur)
{
  int rc = 0;
  int i;
  size_t j;

  for(i = 0; i < g->nkids; i++) {
    struct kg_plan_gp *k = g->kids[i];
    struct kg_rows res;

    if(k->op != KG_GP_FILTER)
      continue;
    kg_rows_init(&res, ev->nvars);
    for(j = 0; j < cur->n; j++)
      if(kg_filter_ok(ev, k->expr, kg_rows_at(cur, j)))
        kg_rows_add(&res, kg_rows_at(cur, j));
    kg_rows_move(cur, &res);
    if(ev->failed)
      rc = -1;
  }
  return rc;
}
