/* filter.c - FILTER.  A group's FILTERs apply to the whole group; each is
 * checked after the last member that can bind one of its variables (the
 * members after it cannot change its value: the rows it removes would be
 * removed at the end), and those whose variables the group's triple
 * patterns certainly bind are also pushed into the BGPs, where match.c
 * checks them as soon as their variables are bound.  A FILTER whose value
 * is an error removes the row. */
#include <stdlib.h>
#include <string.h>

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

/* 1 if @e calls a function (EXISTS is one, after the rewrite): its
 * value may depend on more than the variables it names. */
static int
has_call(rasqal_expression *e)
{
  int i;

  if(!e)
    return 0;
  if(e->op == RASQAL_EXPR_FUNCTION)
    return 1;
  if(has_call(e->arg1) || has_call(e->arg2) || has_call(e->arg3) ||
     has_call(e->arg4))
    return 1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(has_call(raptor_sequence_get_at(e->args, i)))
        return 1;
  return 0;
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

/* The last member of @g, before FILTER @f, that can bind one of @used. */
static int
last_binder(struct kg_eval *ev, struct kg_plan_gp *g, const unsigned char *used)
{
  unsigned char *scope = kg_xcalloc((size_t)ev->nvars + 1, 1);
  int last = -1;
  int i;
  int v;

  for(i = 0; i < g->nkids; i++) {
    if(g->kids[i]->op == KG_GP_FILTER || g->kids[i]->op == KG_GP_MINUS)
      continue;
    memset(scope, 0, (size_t)ev->nvars + 1);
    kg_scope_vars(g->kids[i], scope);
    for(v = 0; v < ev->nvars; v++)
      if(used[v] && scope[v])
        last = i;
  }
  free(scope);
  return last;
}

void
kg_filter_place(struct kg_eval *ev, struct kg_plan_gp *g, int *at)
{
  int f;

  for(f = 0; f < g->nkids; f++) {
    unsigned char *used;
    int special = 0;

    at[f] = g->nkids - 1;
    if(g->kids[f]->op != KG_GP_FILTER)
      continue;
    used = kg_xcalloc((size_t)ev->nvars + 1, 1);
    kg_scope_expr_vars(g->kids[f]->expr, used, &special);
    if(!has_call(g->kids[f]->expr))
      at[f] = last_binder(ev, g, used);
    free(used);
  }
}

int
kg_filter_after(struct kg_eval *ev, struct kg_plan_gp *g, const int *at,
                int i, struct kg_rows *cur)
{
  int f;
  size_t j;

  for(f = 0; f < g->nkids; f++) {
    struct kg_plan_gp *k = g->kids[f];
    struct kg_rows res;

    if(k->op != KG_GP_FILTER || at[f] != i)
      continue;
    kg_rows_init(&res, ev->nvars);
    for(j = 0; j < cur->n && !kg_limit_tick(ev, res.n); j++)
      if(kg_filter_ok(ev, k->expr, kg_rows_at(cur, j)))
        kg_rows_add(&res, kg_rows_at(cur, j));
    kg_rows_move(cur, &res);
    if(ev->failed)
      return -1;
  }
  return 0;
}
