/* aggregate.c - COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT computed
 * in C over the rows of a group (rasqal's own COUNT(DISTINCT) over-counts
 * and its GROUP_CONCAT ignores the separator).  Over no rows: COUNT, SUM
 * and AVG give 0, the others nothing.  Arithmetic and order are those of
 * value.c (exact integers and decimals, numeric promotion). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/term.h"
#include "sparql/value.h"

/* One aggregate being computed. */
struct agg {
  rasqal_expression *e;
  struct kg_value acc;      /* SUM, AVG, MIN, MAX, SAMPLE */
  long count;
  struct kg_buf out;        /* GROUP_CONCAT */
  int first;
  int error;
};

int
kg_aggregate_is_op(rasqal_op op)
{
  return op == RASQAL_EXPR_COUNT || op == RASQAL_EXPR_SUM ||
    op == RASQAL_EXPR_AVG || op == RASQAL_EXPR_MIN || op == RASQAL_EXPR_MAX ||
    op == RASQAL_EXPR_SAMPLE || op == RASQAL_EXPR_GROUP_CONCAT;
}

int
kg_aggregate_value(struct kg_eval *ev, rasqal_expression *e,
                   struct kg_value *out)
{
  struct kg_aggs *a = ev->aggs;
  int i;

  memset(out, 0, sizeof(*out));
  for(i = 0; a && i < a->n; i++) {
    if(a->e[i] == e) {
      kg_value_copy(out, &a->v[i]);
      return out->kind == KG_VALUE_NONE ? -1 : 0;
    }
  }
  return -1;
}

void
kg_aggregate_collect(struct kg_aggs *a, rasqal_expression *e)
{
  int i;

  if(!e)
    return;
  if(kg_aggregate_is_op(e->op)) {
    for(i = 0; i < a->n; i++)
      if(a->e[i] == e)
        return;
    a->e = kg_xrealloc(a->e, (size_t)(a->n + 1) * sizeof(*a->e));
    a->v = kg_xrealloc(a->v, (size_t)(a->n + 1) * sizeof(*a->v));
    a->e[a->n] = e;
    memset(&a->v[a->n], 0, sizeof(a->v[a->n]));
    a->n++;
    return;
  }
  kg_aggregate_collect(a, e->arg1);
  kg_aggregate_collect(a, e->arg2);
  kg_aggregate_collect(a, e->arg3);
  kg_aggregate_collect(a, e->arg4);
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      kg_aggregate_collect(a, raptor_sequence_get_at(e->args, i));
}

void
kg_aggregate_release(struct kg_aggs *a)
{
  int i;

  for(i = 0; i < a->n; i++)
    kg_value_release(&a->v[i]);
  free(a->e);
  free(a->v);
  memset(a, 0, sizeof(*a));
}

/* COUNT(*) and COUNT(DISTINCT *) over rows @idx of @rows. */
static int
count_rows(struct kg_eval *ev, int distinct, struct kg_rows *rows,
           size_t *idx, size_t n, struct kg_value *out)
{
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;
  int *cols = kg_xcalloc((size_t)ev->nvars + 1, sizeof(int));
  long count = 0;
  size_t i;
  int k;

  for(k = 0; k < ev->nvars; k++)
    cols[k] = k;
  kg_hash_init(&seen);
  for(i = 0; i < n; i++) {
    size_t vv = 0;

    if(distinct) {
      kg_rows_key(&b, kg_rows_at(rows, idx[i]), cols, ev->nvars);
      if(kg_hash_put(&seen, b.s, b.len, &vv))
        continue;
    }
    count++;
  }
  kg_hash_release(&seen);
  kg_buf_release(&b);
  free(cols);
  if(ev->failed)
    return -1;
  kg_numeric_set_integer(out, count);
  return 0;
}

/* Adds value @v (borrowed) to @g. */
static void
accumulate(struct agg *g, const struct kg_value *v)
{
  rasqal_expression *e = g->e;
  struct kg_value s;

  g->count++;
  switch(e->op) {
    case RASQAL_EXPR_COUNT:
      break;
    case RASQAL_EXPR_SUM:
    case RASQAL_EXPR_AVG:
      if(kg_numeric_arith(&s, &g->acc, v, '+')) {
        g->error = 1;
      } else {
        kg_value_release(&g->acc);
        g->acc = s;
      }
      break;
    case RASQAL_EXPR_MIN:
    case RASQAL_EXPR_MAX:
      if(g->acc.kind == KG_VALUE_NONE) {
        kg_value_copy(&g->acc, v);
      } else {
        int c = kg_value_order(v, &g->acc);

        if((e->op == RASQAL_EXPR_MIN && c < 0) ||
           (e->op == RASQAL_EXPR_MAX && c > 0)) {
          kg_value_release(&g->acc);
          kg_value_copy(&g->acc, v);
        }
      }
      break;
    case RASQAL_EXPR_SAMPLE:
      if(g->acc.kind == KG_VALUE_NONE)
        kg_value_copy(&g->acc, v);
      break;
    case RASQAL_EXPR_GROUP_CONCAT: {
      const char *sep = " ";

      if(e->literal && e->literal->string)
        sep = (const char *)e->literal->string;
      /* §18.5.1.7 joins with CONCAT, which takes string literals only:
       * a number or a date makes the aggregate an error (STR() it) */
      if(v->kind != KG_VALUE_STRING && v->kind != KG_VALUE_LANG) {
        g->error = 1;
        break;
      }
      if(!g->first)
        kg_buf_adds(&g->out, sep);
      g->first = 0;
      kg_buf_add(&g->out, v->lex, v->len);
      break;
    }
    default:
      g->error = 1;
  }
}

/* The value of @g once every row is in, into @out (takes the
 * accumulator). */
static int
finish(struct agg *g, struct kg_value *out)
{
  struct kg_value c;
  int rc;

  switch(g->e->op) {
    case RASQAL_EXPR_COUNT:
      kg_numeric_set_integer(out, g->count);
      return 0;
    case RASQAL_EXPR_AVG:
      if(g->count == 0) {
        kg_value_release(&g->acc);
        kg_numeric_set_integer(out, 0);
        return 0;
      }
      kg_numeric_set_integer(&c, g->count);
      rc = kg_numeric_arith(out, &g->acc, &c, '/');
      kg_value_release(&c);
      kg_value_release(&g->acc);
      return rc;
    case RASQAL_EXPR_GROUP_CONCAT:
      kg_value_set_string(out, g->out.s ? g->out.s : "", g->out.len, NULL);
      return 0;
    default:
      *out = g->acc;
      memset(&g->acc, 0, sizeof(g->acc));
      return out->kind == KG_VALUE_NONE ? -1 : 0;
  }
}

/* 1 if @v (borrowed) was seen before in @seen (DISTINCT). */
static int
seen_value(struct kg_eval *ev, struct kg_hash *seen, struct kg_buf *b,
           const struct kg_value *v)
{
  librdf_node *nd = kg_value_to_node(ev->world, v);
  size_t vv = 0;

  kg_buf_reset(b);
  kg_term_nt(b, nd);
  if(nd)
    librdf_free_node(nd);
  return kg_hash_put(seen, b->s, b->len, &vv);
}

int
kg_aggregate_compute(struct kg_eval *ev, rasqal_expression *e,
                     struct kg_rows *rows, size_t *idx, size_t n,
                     struct kg_value *out)
{
  int distinct = (e->flags & RASQAL_EXPR_FLAG_DISTINCT) != 0;
  rasqal_expression *arg = e->arg1;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;
  struct agg g;
  size_t i;
  int rc = -1;

  memset(out, 0, sizeof(*out));
  if(e->op == RASQAL_EXPR_GROUP_CONCAT && !arg && e->args &&
     raptor_sequence_size(e->args) > 0)
    arg = raptor_sequence_get_at(e->args, 0);
  if(e->op == RASQAL_EXPR_COUNT && (!arg || arg->op == RASQAL_EXPR_VARSTAR))
    return count_rows(ev, distinct, rows, idx, n, out);
  memset(&g, 0, sizeof(g));
  g.e = e;
  g.first = 1;
  kg_hash_init(&seen);
  if(e->op == RASQAL_EXPR_SUM || e->op == RASQAL_EXPR_AVG)
    kg_numeric_set_integer(&g.acc, 0);
  for(i = 0; i < n && !g.error; i++) {
    struct kg_value v;

    if(kg_expr_eval(ev, arg, kg_rows_at(rows, idx[i]), &v)) {
      if(ev->failed)
        break;
      /* an error: skipped by COUNT, SAMPLE, MIN and MAX */
      if(e->op == RASQAL_EXPR_COUNT || e->op == RASQAL_EXPR_SAMPLE ||
         e->op == RASQAL_EXPR_MIN || e->op == RASQAL_EXPR_MAX)
        continue;
      g.error = 1;
      break;
    }
    if(!distinct || !seen_value(ev, &seen, &b, &v))
      accumulate(&g, &v);
    kg_value_release(&v);
  }
  kg_hash_release(&seen);
  kg_buf_release(&b);
  if(!g.error && !ev->failed)
    rc = finish(&g, out);
  kg_value_release(&g.acc);
  kg_buf_release(&g.out);
  return rc;
}
