/* aggregate.c - COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT computed
 * in C over the rows of a group (rasqal's own COUNT(DISTINCT) over-counts
 * and its GROUP_CONCAT ignores the separator).  Over no rows: COUNT, SUM
 * and AVG give 0, the others nothing.  Arithmetic is rasqal's, so numeric
 * types promote as SPARQL says. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/term.h"

/* One aggregate being computed. */
struct agg {
  rasqal_expression *e;
  rasqal_literal *acc;      /* SUM, AVG, MIN, MAX, SAMPLE */
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

rasqal_literal *
kg_aggregate_value(struct kg_eval *ev, rasqal_expression *e, int *found)
{
  struct kg_aggs *a = ev->aggs;
  int i;

  *found = 0;
  for(i = 0; a && i < a->n; i++) {
    if(a->e[i] == e) {
      *found = 1;
      return a->v[i] ? rasqal_new_literal_from_literal(a->v[i]) : NULL;
    }
  }
  return NULL;
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
    a->v[a->n] = NULL;
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
    if(a->v[i])
      rasqal_free_literal(a->v[i]);
  free(a->e);
  free(a->v);
  memset(a, 0, sizeof(*a));
}

/* @a @op @b by rasqal (numeric promotion); NULL on error. */
static rasqal_literal *
num_op(struct kg_eval *ev, rasqal_op op, rasqal_literal *a, rasqal_literal *b)
{
  rasqal_expression *x;
  rasqal_literal *r;
  int err = 0;
  rasqal_evaluation_context *ec;

  x = rasqal_new_2op_expression(ev->rw, op,
        rasqal_new_literal_expression(ev->rw,
                                      rasqal_new_literal_from_literal(a)),
        rasqal_new_literal_expression(ev->rw,
                                      rasqal_new_literal_from_literal(b)));
  if(!x)
    return NULL;
  ec = rasqal_new_evaluation_context(ev->rw, NULL, RASQAL_COMPARE_XQUERY);
  r = rasqal_expression_evaluate2(x, ec, &err);
  rasqal_free_evaluation_context(ec);
  rasqal_free_expression(x);
  if(err && r) {
    rasqal_free_literal(r);
    r = NULL;
  }
  return r;
}

/* COUNT(*) and COUNT(DISTINCT *) over rows @idx of @rows. */
static rasqal_literal *
count_rows(struct kg_eval *ev, int distinct, struct kg_rows *rows,
           size_t *idx, size_t n)
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
    return NULL;
  return rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER,
                                    (int)count);
}

/* Adds value @v (borrowed) to @g. */
static void
accumulate(struct kg_eval *ev, struct agg *g, rasqal_literal *v)
{
  rasqal_expression *e = g->e;

  g->count++;
  switch(e->op) {
    case RASQAL_EXPR_COUNT:
      break;
    case RASQAL_EXPR_SUM:
    case RASQAL_EXPR_AVG:
      if(!kg_term_is_numeric(v)) {
        g->error = 1;
      } else {
        rasqal_literal *s = num_op(ev, RASQAL_EXPR_PLUS, g->acc, v);

        rasqal_free_literal(g->acc);
        g->acc = s;
        if(!g->acc)
          g->error = 1;
      }
      break;
    case RASQAL_EXPR_MIN:
    case RASQAL_EXPR_MAX:
      if(!g->acc) {
        g->acc = rasqal_new_literal_from_literal(v);
      } else {
        int c = kg_order_compare(v, g->acc);

        if((e->op == RASQAL_EXPR_MIN && c < 0) ||
           (e->op == RASQAL_EXPR_MAX && c > 0)) {
          rasqal_free_literal(g->acc);
          g->acc = rasqal_new_literal_from_literal(v);
        }
      }
      break;
    case RASQAL_EXPR_SAMPLE:
      if(!g->acc)
        g->acc = rasqal_new_literal_from_literal(v);
      break;
    case RASQAL_EXPR_GROUP_CONCAT: {
      const char *sep = " ";

      if(e->literal && e->literal->string)
        sep = (const char *)e->literal->string;
      if(v->type == RASQAL_LITERAL_URI || v->type == RASQAL_LITERAL_BLANK) {
        g->error = 1;
        break;
      }
      if(!g->first)
        kg_buf_adds(&g->out, sep);
      g->first = 0;
      kg_buf_add(&g->out, v->string, v->string_len);
      break;
    }
    default:
      g->error = 1;
  }
}

/* The value of @g once every row is in (takes its accumulator). */
static rasqal_literal *
finish(struct kg_eval *ev, struct agg *g)
{
  rasqal_literal *c;
  rasqal_literal *r;

  switch(g->e->op) {
    case RASQAL_EXPR_COUNT:
      return rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER,
                                        (int)g->count);
    case RASQAL_EXPR_AVG:
      if(g->count == 0) {
        rasqal_free_literal(g->acc);
        return rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER, 0);
      }
      c = rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER,
                                     (int)g->count);
      r = num_op(ev, RASQAL_EXPR_SLASH, g->acc, c);
      rasqal_free_literal(c);
      rasqal_free_literal(g->acc);
      return r;
    case RASQAL_EXPR_GROUP_CONCAT:
      return rasqal_new_string_literal(ev->rw,
               kg_term_dup(g->out.s ? g->out.s : "", g->out.len), NULL, NULL,
               NULL);
    default:
      return g->acc;
  }
}

/* 1 if @v (borrowed) was seen before in @seen (DISTINCT). */
static int
seen_value(struct kg_eval *ev, struct kg_hash *seen, struct kg_buf *b,
           rasqal_literal *v)
{
  librdf_node *nd = kg_term_from_literal(ev->world, v);
  size_t vv = 0;

  kg_buf_reset(b);
  kg_term_nt(b, nd);
  if(nd)
    librdf_free_node(nd);
  return kg_hash_put(seen, b->s, b->len, &vv);
}

rasqal_literal *
kg_aggregate_compute(struct kg_eval *ev, rasqal_expression *e,
                     struct kg_rows *rows, size_t *idx, size_t n)
{
  int distinct = (e->flags & RASQAL_EXPR_FLAG_DISTINCT) != 0;
  rasqal_expression *arg = e->arg1;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;
  rasqal_literal *r = NULL;
  struct agg g;
  size_t i;

  if(e->op == RASQAL_EXPR_GROUP_CONCAT && !arg && e->args &&
     raptor_sequence_size(e->args) > 0)
    arg = raptor_sequence_get_at(e->args, 0);
  if(e->op == RASQAL_EXPR_COUNT && (!arg || arg->op == RASQAL_EXPR_VARSTAR))
    return count_rows(ev, distinct, rows, idx, n);
  memset(&g, 0, sizeof(g));
  g.e = e;
  g.first = 1;
  kg_hash_init(&seen);
  if(e->op == RASQAL_EXPR_SUM || e->op == RASQAL_EXPR_AVG)
    g.acc = rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER, 0);
  for(i = 0; i < n && !g.error; i++) {
    int err = 0;
    rasqal_literal *v = kg_expr_eval(ev, arg, kg_rows_at(rows, idx[i]),
                                     &err);

    if(ev->failed)
      break;
    if(!v) {
      /* an error: skipped by COUNT, SAMPLE, MIN and MAX */
      if(e->op == RASQAL_EXPR_COUNT || e->op == RASQAL_EXPR_SAMPLE ||
         e->op == RASQAL_EXPR_MIN || e->op == RASQAL_EXPR_MAX)
        continue;
      g.error = 1;
      break;
    }
    if(!distinct || !seen_value(ev, &seen, &b, v))
      accumulate(ev, &g, v);
    rasqal_free_literal(v);
  }
  kg_hash_release(&seen);
  kg_buf_release(&b);
  if(g.error || ev->failed) {
    if(g.acc)
      rasqal_free_literal(g.acc);
  } else {
    r = finish(ev, &g);
  }
  kg_buf_release(&g.out);
  return r;
}
