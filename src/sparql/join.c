/* join.c - the joins of a group: a member joined with the rows so far
 * (by substitution when that is exact, else evaluated alone and joined),
 * OPTIONAL (left join, the OPTIONAL group's FILTERs as its condition),
 * MINUS, and VALUES. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/term.h"

/* Evaluates @g on its own (from one empty row) into @out. */
static int
eval_alone(struct kg_eval *ev, struct kg_plan_gp *g, librdf_node *ctx,
           int skip_filters, struct kg_rows *out)
{
  struct kg_rows in1;
  int rc;

  kg_rows_one(&in1, ev->nvars);
  rc = kg_eval_pattern(ev, g, &in1, ctx, skip_filters, out);
  kg_rows_release(&in1);
  return rc;
}

/* @a and @b merged into @tmp (borrowed cells); 0 if they disagree. */
static int
merge(struct kg_eval *ev, librdf_node **a, librdf_node **b,
      librdf_node **tmp)
{
  int k;

  if(!kg_rows_compatible(a, b, ev->nvars, NULL))
    return 0;
  for(k = 0; k < ev->nvars; k++)
    tmp[k] = a[k] ? a[k] : b[k];
  return 1;
}

/* A variable bound in every row of @r (-1 if none) among @cand. */
static int
always_bound(struct kg_rows *r, const unsigned char *cand, int w, int from)
{
  int v;
  size_t i;

  for(v = from; v < w; v++) {
    int ok = cand[v];

    for(i = 0; ok && i < r->n; i++)
      if(!kg_rows_at(r, i)[v])
        ok = 0;
    if(ok)
      return v;
  }
  return -1;
}

/* A variable bound in every row of @a and of @b, to hash on; -1 if none
 * (or too few rows to be worth it). */
static int
join_var(struct kg_eval *ev, struct kg_rows *a, struct kg_rows *b)
{
  unsigned char *cand;
  int v = -1;
  int k;

  if(a->n <= 8 || b->n <= 8)
    return -1;
  cand = kg_xcalloc((size_t)ev->nvars + 1, 1);
  memset(cand, 1, (size_t)ev->nvars);
  for(k = 0; k < ev->nvars; k++) {
    v = always_bound(a, cand, ev->nvars, k);
    if(v < 0)
      break;
    cand[v] = 2;
    k = v;
  }
  for(k = 0; k < ev->nvars; k++)
    cand[k] = cand[k] == 2;
  v = always_bound(b, cand, ev->nvars, 0);
  free(cand);
  return v;
}

/* Hash join of @a and @b on variable @v, bound in all their rows. */
static int
hash_join(struct kg_eval *ev, struct kg_rows *a, struct kg_rows *b, int v,
          librdf_node **tmp, struct kg_rows *out)
{
  struct kg_hash map;
  size_t *next = kg_xcalloc(b->n + 1, sizeof(size_t));
  size_t *head = kg_xcalloc(b->n + 1, sizeof(size_t));
  size_t nkeys = 0;
  struct kg_buf kb = KG_BUF_INIT;
  size_t i;
  size_t j;
  int rc = 0;

  /* chains of b rows per key (index + 1; 0 ends) */
  kg_hash_init(&map);
  for(j = 0; j < b->n; j++) {
    size_t slot = nkeys;

    kg_buf_reset(&kb);
    kg_term_nt(&kb, kg_rows_at(b, j)[v]);
    if(!kg_hash_put(&map, kb.s, kb.len, &slot))
      nkeys++;
    next[j] = head[slot];
    head[slot] = j + 1;
  }
  for(i = 0; !rc && i < a->n; i++) {
    librdf_node **ra = kg_rows_at(a, i);
    size_t slot;
    size_t c;

    kg_buf_reset(&kb);
    kg_term_nt(&kb, ra[v]);
    if(!kg_hash_get(&map, kb.s, kb.len, &slot))
      continue;     /* no b row with this key */
    for(c = head[slot]; c && !rc; c = next[c - 1]) {
      if(merge(ev, ra, kg_rows_at(b, c - 1), tmp))
        kg_rows_add(out, tmp);
      rc = kg_limit_tick(ev, out->n);
    }
  }
  kg_buf_release(&kb);
  kg_hash_release(&map);
  free(next);
  free(head);
  return rc;
}

int
kg_join_rows(struct kg_eval *ev, struct kg_rows *a, struct kg_rows *b,
             struct kg_rows *out)
{
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));
  int v = join_var(ev, a, b);
  size_t i;
  size_t j;
  int rc = 0;

  if(v >= 0) {
    rc = hash_join(ev, a, b, v, tmp, out);
  } else {
    for(i = 0; !rc && i < a->n; i++)
      for(j = 0; !rc && j < b->n; j++) {
        if(merge(ev, kg_rows_at(a, i), kg_rows_at(b, j), tmp))
          kg_rows_add(out, tmp);
        rc = kg_limit_tick(ev, out->n);
      }
  }
  free(tmp);
  return rc;
}

int
kg_join_pattern(struct kg_eval *ev, struct kg_rows *cur, struct kg_plan_gp *k,
                librdf_node *ctx, const struct kg_filter_push *push)
{
  struct kg_rows res;
  int rc;

  kg_rows_init(&res, ev->nvars);
  if(k->op == KG_GP_BGP) {
    rc = kg_match_bgp(ev, k, cur, ctx, push, &res);
  } else if(k->safe) {
    rc = kg_eval_pattern(ev, k, cur, ctx, 0, &res);
  } else {
    struct kg_rows right;

    kg_rows_init(&right, ev->nvars);
    rc = eval_alone(ev, k, ctx, 0, &right);
    if(!rc)
      rc = kg_join_rows(ev, cur, &right, &res);
    kg_rows_release(&right);
  }
  kg_rows_move(cur, &res);
  return rc;
}

int
kg_join_optional(struct kg_eval *ev, struct kg_rows *cur,
                 struct kg_plan_gp *opt, librdf_node *ctx)
{
  struct kg_plan_gp *r = opt->kids[0];
  rasqal_expression **fs;
  int nf;
  struct kg_rows res;
  struct kg_rows right;
  size_t i;
  size_t j;
  int rc = 0;
  int k;
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));

  kg_filter_collect(r, &fs, &nf);
  kg_rows_init(&res, ev->nvars);
  kg_rows_init(&right, ev->nvars);
  if(!r->safe)
    rc = eval_alone(ev, r, ctx, 1, &right);
  for(i = 0; !rc && i < cur->n; i++) {
    librdf_node **l = kg_rows_at(cur, i);
    int any = 0;
    struct kg_rows sub;
    struct kg_rows *cand = &right;

    kg_rows_init(&sub, ev->nvars);
    if(r->safe) {
      struct kg_rows one;

      kg_rows_init(&one, ev->nvars);
      kg_rows_add(&one, l);
      rc = kg_eval_pattern(ev, r, &one, ctx, 1, &sub);
      kg_rows_release(&one);
      cand = &sub;
    }
    for(j = 0; !rc && j < cand->n; j++) {
      int ok = 1;

      if((rc = kg_limit_tick(ev, res.n)) ||
         !merge(ev, l, kg_rows_at(cand, j), tmp))
        continue;
      for(k = 0; ok && k < nf; k++)
        ok = kg_filter_ok(ev, fs[k], tmp);
      if(ok) {
        kg_rows_add(&res, tmp);
        any = 1;
      }
    }
    kg_rows_release(&sub);
    if(!any)
      kg_rows_add(&res, l);
  }
  free(fs);
  free(tmp);
  kg_rows_release(&right);
  kg_rows_move(cur, &res);
  return rc;
}

int
kg_join_minus(struct kg_eval *ev, struct kg_rows *cur, struct kg_plan_gp *mg,
              librdf_node *ctx)
{
  struct kg_rows right;
  struct kg_rows res;
  size_t i;
  size_t j;
  int rc;

  kg_rows_init(&right, ev->nvars);
  kg_rows_init(&res, ev->nvars);
  rc = eval_alone(ev, mg->kids[0], ctx, 0, &right);
  for(i = 0; !rc && i < cur->n; i++) {
    librdf_node **l = kg_rows_at(cur, i);
    int drop = 0;

    for(j = 0; !drop && !rc && j < right.n; j++) {
      int shared;

      rc = kg_limit_tick(ev, res.n);
      if(kg_rows_compatible(l, kg_rows_at(&right, j), ev->nvars, &shared) &&
         shared)
        drop = 1;
    }
    if(!drop)
      kg_rows_add(&res, l);
  }
  kg_rows_release(&right);
  kg_rows_move(cur, &res);
  return rc;
}

int
kg_join_values(struct kg_eval *ev, struct kg_rows *cur, struct kg_plan_gp *vg)
{
  struct kg_rows res;
  size_t i;
  size_t j;
  int k;
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));
  int rc = 0;

  kg_rows_init(&res, ev->nvars);
  for(i = 0; !rc && i < cur->n; i++) {
    librdf_node **l = kg_rows_at(cur, i);

    for(j = 0; !rc && j < vg->nvrows; j++) {
      librdf_node **vr = vg->vcells + j * (size_t)vg->nvv;
      int ok = 1;

      rc = kg_limit_tick(ev, res.n);
      memcpy(tmp, l, (size_t)ev->nvars * sizeof(*tmp));
      for(k = 0; ok && k < vg->nvv; k++) {
        if(!vr[k])
          continue;
        if(tmp[vg->vv[k]]) {
          if(!librdf_node_equals(tmp[vg->vv[k]], vr[k]))
            ok = 0;
        } else {
          tmp[vg->vv[k]] = vr[k];
        }
      }
      if(ok)
        kg_rows_add(&res, tmp);
    }
  }
  free(tmp);
  kg_rows_move(cur, &res);
  return rc;
}
