/* group.c - GROUP BY and HAVING: rows grouped by the values of the
 * GROUP BY expressions (GROUP BY (e AS ?k) binds ?k), the aggregates
 * computed for each group, HAVING, then the projection expressions on the
 * group's row.  Aggregates without GROUP BY make one group, even of no
 * rows.  A variable used outside an aggregate must be grouped. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/term.h"

/* The groups: members[g] lists the rows of group g. */
struct groups {
  size_t **members;
  size_t *nmem;
  size_t *mcap;                 /* room of each members[] */
  size_t n;
  size_t cap;                   /* room of members, nmem, mcap */
};

static int
var_in_group(struct kg_plan_sel *s, int vi)
{
  int i;

  for(i = 0; s->group && i < raptor_sequence_size(s->group); i++) {
    rasqal_expression *e = raptor_sequence_get_at(s->group, i);
    rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->literal) : NULL;

    if(v && kg_eval_var_index(v) == vi)
      return 1;
  }
  return 0;
}

/* Checks that variables used outside aggregates are grouped. */
static int
check_grouped(struct kg_eval *ev, struct kg_plan_sel *s, rasqal_expression *e)
{
  int i;

  if(!e || kg_aggregate_is_op(e->op))
    return 0;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v && !var_in_group(s, kg_eval_var_index(v))) {
      int j;

      for(j = 0; j < s->nproj; j++)
        if(s->proj[j] == kg_eval_var_index(v) && s->pexpr[j])
          return 0;     /* an earlier (expr AS ?v) */
      kg_eval_refuse(ev, "GROUP", "variable ?%s is used outside an aggregate "
                     "but is not in GROUP BY", (const char *)v->name);
      return -1;
    }
    return 0;
  }
  if(check_grouped(ev, s, e->arg1) || check_grouped(ev, s, e->arg2) ||
     check_grouped(ev, s, e->arg3) || check_grouped(ev, s, e->arg4))
    return -1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(check_grouped(ev, s, raptor_sequence_get_at(e->args, i)))
        return -1;
  return 0;
}

/* Checks that every projected variable is grouped, or an aggregate. */
static int
check_projection(struct kg_eval *ev, struct kg_plan_sel *s)
{
  int i;

  for(i = 0; i < s->nproj; i++) {
    if(s->pexpr[i]) {
      if(check_grouped(ev, s, s->pexpr[i]))
        return -1;
    } else if(!var_in_group(s, s->proj[i])) {
      kg_eval_refuse(ev, "SELECT", "variable ?%s is selected but is not "
                     "in GROUP BY", ev->names[s->proj[i]]);
      return -1;
    }
  }
  return 0;
}

/* Sets @kb to the group key of @row; GROUP BY (e AS ?k) binds ?k in
 * @row. */
static void
group_key(struct kg_eval *ev, struct kg_plan_sel *s, librdf_node **row,
          struct kg_buf *kb)
{
  int ngc = s->group ? raptor_sequence_size(s->group) : 0;
  int i;

  kg_buf_reset(kb);
  for(i = 0; i < ngc; i++) {
    rasqal_expression *e = raptor_sequence_get_at(s->group, i);
    rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->literal) : NULL;
    librdf_node *kn = NULL;

    if(v && !v->expression) {
      kn = row[kg_eval_var_index(v)] ?
        librdf_new_node_from_node(row[kg_eval_var_index(v)]) : NULL;
    } else {
      kn = kg_expr_node(ev, v ? v->expression : e, row);
      if(v)
        kg_rows_set(row, kg_eval_var_index(v), kn);
    }
    if(kn) {
      kg_term_nt(kb, kn);
      librdf_free_node(kn);
    }
    kg_buf_addc(kb, '\x01');
  }
}

/* Splits @rows into groups, in order of first appearance. */
static void
make_groups(struct kg_eval *ev, struct kg_plan_sel *s, struct kg_rows *rows,
            struct groups *gs)
{
  struct kg_hash gmap;
  struct kg_buf kb = KG_BUF_INIT;
  size_t j;

  memset(gs, 0, sizeof(*gs));
  kg_hash_init(&gmap);
  for(j = 0; j < rows->n; j++) {
    size_t gi = gs->n;

    group_key(ev, s, kg_rows_at(rows, j), &kb);
    if(!kg_hash_put(&gmap, kb.s ? kb.s : "", kb.len, &gi)) {
      size_t cap = gs->cap;

      KG_GROW(gs->members, cap, gs->n + 1);
      cap = gs->cap;
      KG_GROW(gs->nmem, cap, gs->n + 1);
      KG_GROW(gs->mcap, gs->cap, gs->n + 1);
      gs->members[gs->n] = NULL;
      gs->nmem[gs->n] = 0;
      gs->mcap[gs->n] = 0;
      gs->n++;
    }
    KG_GROW(gs->members[gi], gs->mcap[gi], gs->nmem[gi] + 1);
    gs->members[gi][gs->nmem[gi]++] = j;
  }
  kg_hash_release(&gmap);
  kg_buf_release(&kb);
  if(gs->n == 0 && (!s->group || raptor_sequence_size(s->group) == 0)) {
    /* aggregates over no rows: one group */
    gs->members = kg_xcalloc(1, sizeof(*gs->members));
    gs->nmem = kg_xcalloc(1, sizeof(*gs->nmem));
    gs->n = 1;
  }
}

/* Adds the row of group @j to @out (its grouped variables, then HAVING
 * and the projection expressions on it); its order keys go to @order.
 * @tmp: room for a row. */
static void
group_row(struct kg_eval *ev, struct kg_plan_sel *s, struct kg_rows *rows,
          struct groups *gs, size_t j, librdf_node **tmp,
          struct kg_rows *out, struct kg_order *order)
{
  int ngc = s->group ? raptor_sequence_size(s->group) : 0;
  librdf_node **d;
  int ok = 1;
  int i;

  for(i = 0; i < ev->aggs->n; i++) {
    kg_value_release(&ev->aggs->v[i]);
    kg_aggregate_compute(ev, ev->aggs->e[i], rows, gs->members[j],
                         gs->nmem[j], &ev->aggs->v[i]);
  }
  memset(tmp, 0, (size_t)ev->nvars * sizeof(*tmp));
  if(gs->nmem[j]) {
    librdf_node **first = kg_rows_at(rows, gs->members[j][0]);

    for(i = 0; i < ngc; i++) {
      rasqal_expression *e = raptor_sequence_get_at(s->group, i);
      rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
        rasqal_literal_as_variable(e->literal) : NULL;

      if(v)
        tmp[kg_eval_var_index(v)] = first[kg_eval_var_index(v)];
    }
  }
  d = kg_rows_add(out, tmp);
  for(i = 0; ok && s->having && i < raptor_sequence_size(s->having); i++)
    ok = kg_filter_ok(ev, raptor_sequence_get_at(s->having, i), d);
  for(i = 0; ok && i < s->nproj; i++)
    if(s->pexpr[i])
      kg_project_assign(ev, s->pexpr[i], d, s->proj[i]);
  if(ok && order->n)
    kg_order_add(ev, order, d, out->n - 1);
  if(!ok) {
    /* drop the row just added */
    for(i = 0; i < ev->nvars; i++)
      if(d[i])
        librdf_free_node(d[i]);
    out->n--;
  }
}

int
kg_group_eval(struct kg_eval *ev, struct kg_plan_sel *s, struct kg_rows *rows,
              struct kg_order *order)
{
  struct kg_rows grouped;
  struct groups gs;
  librdf_node **tmp;
  size_t j;

  if(check_projection(ev, s))
    return -1;
  make_groups(ev, s, rows, &gs);
  kg_rows_init(&grouped, ev->nvars);
  tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));
  for(j = 0; j < gs.n && !ev->failed; j++)
    group_row(ev, s, rows, &gs, j, tmp, &grouped, order);
  free(tmp);
  for(j = 0; j < gs.n; j++)
    free(gs.members[j]);
  free(gs.members);
  free(gs.nmem);
  free(gs.mcap);
  kg_rows_move(rows, &grouped);
  return 0;
}
