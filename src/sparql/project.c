/* project.c - what a SELECT shows: BIND and (expr AS ?v) evaluated on
 * each row, the variables it does not project unbound, and the columns
 * of the result (SELECT *: rasqal's textual order of the in-scope
 * variables, blank nodes and placeholders hidden). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/term.h"

void
kg_project_assign(struct kg_eval *ev, rasqal_expression *e,
                  librdf_node **row, int var)
{
  librdf_node *n = kg_expr_node(ev, e, row);

  kg_rows_set(row, var, NULL);
  row[var] = n;
}

void
kg_project_exprs(struct kg_eval *ev, struct kg_plan_sel *s,
                 struct kg_rows *rows)
{
  size_t j;
  int i;

  for(i = 0; i < s->nproj && !ev->failed; i++) {
    if(!s->pexpr[i])
      continue;
    for(j = 0; j < rows->n; j++)
      kg_project_assign(ev, s->pexpr[i], kg_rows_at(rows, j), s->proj[i]);
  }
}

/* The variables @s keeps: its projection, or (SELECT *) those in scope
 * in its WHERE and trailing VALUES. */
static unsigned char *
kept_vars(struct kg_eval *ev, struct kg_plan_sel *s)
{
  unsigned char *keep = kg_xcalloc((size_t)ev->nvars + 1, 1);
  int i;

  if(s->wildcard && s->where) {
    kg_scope_vars(s->where, keep);
    if(s->values)
      kg_scope_vars(s->values, keep);
  } else {
    for(i = 0; i < s->nproj; i++)
      keep[s->proj[i]] = 1;
  }
  return keep;
}

int *
kg_project_vars(struct kg_eval *ev, struct kg_plan_sel *s,
                struct kg_rows *rows, int *ncols)
{
  int *cols = kg_xcalloc((size_t)ev->nvars + 1, sizeof(int));
  unsigned char *keep = kept_vars(ev, s);
  size_t j;
  int i;

  *ncols = 0;
  for(i = 0; i < ev->nvars; i++)
    if(keep[i])
      cols[(*ncols)++] = i;
  for(j = 0; j < rows->n; j++) {
    librdf_node **d = kg_rows_at(rows, j);

    for(i = 0; i < ev->nvars; i++)
      if(!keep[i] && d[i]) {
        librdf_free_node(d[i]);
        d[i] = NULL;
      }
  }
  free(keep);
  return cols;
}

int *
kg_project_columns(struct kg_eval *ev, struct kg_plan_sel *s, rasqal_query *q,
                   int *ncols)
{
  int *cols = kg_xcalloc((size_t)ev->nvars + 1, sizeof(int));
  unsigned char *keep;
  raptor_sequence *pv;
  int nc = 0;
  int i;

  if(!s->wildcard) {
    for(i = 0; i < s->nproj; i++)
      cols[nc++] = s->proj[i];
    *ncols = nc;
    return cols;
  }
  keep = kg_xcalloc((size_t)ev->nvars + 1, 1);
  pv = rasqal_query_get_bound_variable_sequence(q);
  if(s->where)
    kg_scope_vars(s->where, keep);
  if(s->values)
    kg_scope_vars(s->values, keep);
  /* rasqal's expanded order (textual), then anything else */
  for(i = 0; pv && i < raptor_sequence_size(pv); i++) {
    int vi = kg_eval_var_index(raptor_sequence_get_at(pv, i));

    if(vi >= 0 && keep[vi] && !kg_eval_var_hidden(ev->names[vi])) {
      cols[nc++] = vi;
      keep[vi] = 0;
    }
  }
  for(i = 0; i < ev->nvars; i++)
    if(keep[i] && !kg_eval_var_hidden(ev->names[i]))
      cols[nc++] = i;
  free(keep);
  *ncols = nc;
  return cols;
}

int
kg_project_bind(struct kg_eval *ev, struct kg_rows *cur, struct kg_plan_gp *bg)
{
  size_t i;
  struct kg_rows res;

  kg_rows_init(&res, ev->nvars);
  for(i = 0; i < cur->n; i++) {
    librdf_node **l = kg_rows_at(cur, i);
    librdf_node *n = NULL;
    rasqal_expression *e = bg->expr;

    if(kg_limit_tick(ev, res.n)) {
      kg_rows_release(&res);
      return -1;
    }
    if(e->op == RASQAL_EXPR_LITERAL &&
       rasqal_literal_as_variable(e->literal)) {
      int vi = kg_eval_var_index(rasqal_literal_as_variable(e->literal));

      n = vi >= 0 && l[vi] ? librdf_new_node_from_node(l[vi]) : NULL;
    } else {
      n = kg_expr_node(ev, e, l);
      if(ev->failed) {
        if(n)
          librdf_free_node(n);
        kg_rows_release(&res);
        return -1;
      }
    }
    if(l[bg->var]) {
      int keep = !n || librdf_node_equals(n, l[bg->var]);

      if(keep)
        kg_rows_add(&res, l);
    } else {
      librdf_node **d = kg_rows_add(&res, l);

      d[bg->var] = n ? librdf_new_node_from_node(n) : NULL;
    }
    if(n)
      librdf_free_node(n);
  }
  kg_rows_move(cur, &res);
  return 0;
}
