/* match.c - triple patterns and basic graph patterns over the store.
 *
 * kg_match_find picks an access path for one pattern.  On the store
 * (KG_FEATURE_QUAD_INDEXES) every pattern is one index range and the
 * storage merges the graphs itself.  On librdf's memory hashes (query
 * --data): its indexes for (s p ?), (? p o), (s ? o)...; (s ? ?) and
 * (? ? o) by one lookup per predicate of the model after the first scans;
 * duplicates across graphs removed here.  The default graph is merged
 * from the FROM graphs either way.  kg_match_bgp
 * joins the patterns of a BGP by nested loops, choosing at each step the
 * most selective pattern given what is bound (bindings pushed into the
 * lookups), and checks the group's pushed FILTERs as soon as it can.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/diag.h"
#include "sparql/eval.h"
#include "sparql/term.h"

void
kg_match_add(struct kg_matches *ms, librdf_node *s, librdf_node *p,
             librdf_node *o)
{
  if(ms->n == ms->cap) {
    ms->cap = ms->cap ? ms->cap * 2 : 16;
    ms->m = kg_xrealloc(ms->m, ms->cap * sizeof(*ms->m));
  }
  ms->m[ms->n].n[0] = s ? librdf_new_node_from_node(s) : NULL;
  ms->m[ms->n].n[1] = p ? librdf_new_node_from_node(p) : NULL;
  ms->m[ms->n].n[2] = o ? librdf_new_node_from_node(o) : NULL;
  ms->n++;
}

void
kg_match_release(struct kg_matches *ms)
{
  size_t i;
  int k;

  for(i = 0; i < ms->n; i++)
    for(k = 0; k < 3; k++)
      if(ms->m[i].n[k])
        librdf_free_node(ms->m[i].n[k]);
  free(ms->m);
  memset(ms, 0, sizeof(*ms));
}

static int
load_predicates(struct kg_eval *ev)
{
  librdf_stream *st;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;

  if(ev->preds_done)
    return 0;
  ev->preds_done = 1;
  kg_hash_init(&seen);
  st = librdf_model_as_stream(ev->model);
  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *s = librdf_stream_get_object(st);
    librdf_node *p = librdf_statement_get_predicate(s);
    size_t v = (size_t)ev->npreds;

    if(ev->npreds && librdf_node_equals(p, ev->preds[ev->npreds - 1]))
      continue;
    kg_buf_reset(&b);
    kg_term_nt(&b, p);
    if(!kg_hash_put(&seen, b.s, b.len, &v)) {
      ev->preds = kg_xrealloc(ev->preds, (size_t)(ev->npreds + 1) *
                              sizeof(librdf_node *));
      ev->preds[ev->npreds++] = librdf_new_node_from_node(p);
    }
  }
  if(st)
    librdf_free_stream(st);
  kg_buf_release(&b);
  kg_hash_release(&seen);
  return 0;
}

/* Removes repeated triples from out->m[first..] (the same triple in
 * several graphs is one triple of the default graph). */
static void
dedupe_matches(struct kg_matches *out, size_t first)
{
  size_t i;
  size_t w = first;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;

  kg_hash_init(&seen);
  for(i = first; i < out->n; i++) {
    size_t v = i;
    int k;

    kg_buf_reset(&b);
    for(k = 0; k < 3; k++) {
      kg_term_nt(&b, out->m[i].n[k]);
      kg_buf_addc(&b, ' ');
    }
    if(kg_hash_put(&seen, b.s, b.len, &v)) {
      for(k = 0; k < 3; k++)
        if(out->m[i].n[k])
          librdf_free_node(out->m[i].n[k]);
      continue;
    }
    out->m[w++] = out->m[i];
  }
  out->n = w;
  kg_buf_release(&b);
  kg_hash_release(&seen);
}

/* librdf 1.0.17's indexed streams keep a reference to the pattern's node
 * for each result but the first (e.g. (? p ?): usage grows by n - 1) and
 * never drop it: give back what is neither ours before (@usage) nor held
 * by the matches out->m[first..] we copied. */
static void
drop_stream_refs(librdf_node *const *q, const int *usage,
                 struct kg_matches *out, size_t first)
{
  int i;

  for(i = 0; i < 3; i++) {
    librdf_node *n = q[i];
    int held = 0;
    size_t m;

    if(!n)
      continue;
    for(m = first; m < out->n; m++)
      if(out->m[m].n[0] == n || out->m[m].n[1] == n || out->m[m].n[2] == n)
        held += (out->m[m].n[0] == n) + (out->m[m].n[1] == n) +
                (out->m[m].n[2] == n);
    while(((raptor_term *)n)->usage > usage[i] + held &&
          ((raptor_term *)n)->usage > 1)
      librdf_free_node(n);
  }
}

/* Picks an indexed access path (see the top of the file). */
int
kg_match_find(struct kg_eval *ev, librdf_node *s, librdf_node *p,
              librdf_node *o, librdf_node *ctx, struct kg_matches *out)
{
  librdf_statement *pat;
  librdf_stream *st;
  librdf_node *q[3];
  int i;
  size_t first;
  int usage[3];

  if(!ctx && ev->has_dataset) {
    /* FROM: the default graph is the merge of the FROM graphs (none: an
     * empty default graph) */
    size_t f0 = out->n;

    for(i = 0; i < ev->nfrom; i++)
      if(kg_match_find(ev, s, p, o, ev->from[i], out))
        return -1;
    if(ev->nfrom > 1 && out->n - f0 > 1)
      dedupe_matches(out, f0);
    return 0;
  }
  if(!ctx && !p && (s || o) && !ev->indexed) {
    /* (s ? ?), (? ? o) have no index: the first two are one scan each,
     * then one indexed lookup per predicate of the model */
    if(s && o)
      goto direct;
    if(!ev->preds_done && ev->nscans < 2) {
      ev->nscans++;
      goto direct;
    }
    load_predicates(ev);
    for(i = 0; i < ev->npreds; i++)
      if(kg_match_find(ev, s, ev->preds[i], o, NULL, out))
        return -1;
    return 0;
  }
direct:
  q[0] = s;
  q[1] = p;
  q[2] = o;
  if(!ctx && s && p && o && !ev->indexed)
    q[2] = NULL;    /* (s p o) is a scan: use (s p ?) and compare */
  pat = librdf_new_statement_from_nodes(ev->world,
          q[0] ? librdf_new_node_from_node(q[0]) : NULL,
          q[1] ? librdf_new_node_from_node(q[1]) : NULL,
          q[2] ? librdf_new_node_from_node(q[2]) : NULL);
  /* nodes now owned by pat */
  if(!pat) {
    ev->sys = ev->failed = 1;
    kg_error("out of memory");
    return -1;
  }
  first = out->n;
  for(i = 0; i < 3; i++)   /* - 1: pat's copy */
    usage[i] = q[i] ? ((raptor_term *)q[i])->usage - 1 : 0;
  st = ctx ? librdf_model_find_statements_in_context(ev->model, pat, ctx)
           : librdf_model_find_statements(ev->model, pat);
  librdf_free_statement(pat);
  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *x = librdf_stream_get_object(st);
    librdf_node *xo = librdf_statement_get_object(x);

    if(o && !q[2] && !librdf_node_equals(o, xo))
      continue;
    kg_match_add(out, librdf_statement_get_subject(x),
                 librdf_statement_get_predicate(x), xo);
  }
  if(st)
    librdf_free_stream(st);
  drop_stream_refs(q, usage, out, first);
  if(!ctx && ev->dedupe && out->n - first > 1)
    dedupe_matches(out, first);
  return 0;
}

static librdf_node *
term_value(struct kg_plan_term *t, librdf_node **row)
{
  return t->var >= 0 ? row[t->var] : t->node;
}

/* 0 if a pushed filter over one of the @nn variables @newly just bound
 * (with all its variables bound in @row) is not true, else 1. */
static int
pushed_ok(struct kg_eval *ev, const struct kg_filter_push *push,
          librdf_node **row, const int *newly, int nn)
{
  const struct kg_filter_pushed *v = push->v;
  int f;
  int k;

  for(f = 0; f < push->n; f++) {
    int hit = 0;
    int all = 1;

    for(k = 0; k < nn; k++)
      if(v[f].vars[newly[k]])
        hit = 1;
    if(!hit)
      continue;
    for(k = 0; all && k < ev->nvars; k++)
      if(v[f].vars[k] && !row[k])
        all = 0;
    if(all && !kg_filter_ok(ev, v[f].e, row))
      return 0;
  }
  return 1;
}

/* A BGP being matched: its patterns, those already matched (done). */
struct bgp_run {
  struct kg_eval *ev;
  struct kg_plan_tp *tps;
  int n;
  char *done;
  librdf_node *ctx;
  struct kg_rows *out;
  const struct kg_filter_push *push;
};

/* Selectivity estimate of a triple pattern given the bound variables:
 * higher runs first. */
static int
tp_score(struct kg_eval *ev, struct kg_plan_tp *p, librdf_node **row)
{
  int sb = term_value(&p->t[0], row) != NULL;
  int pb = term_value(&p->t[1], row) != NULL;
  int ob = term_value(&p->t[2], row) != NULL;
  int sc;

  if(p->path >= 0) {
    if(sb || ob)
      return sb && ob ? 9 : 5;
    return 0;
  }
  sc = sb * 8 + ob * 5 + pb * 2;
  if(pb && ob && !sb &&
     librdf_node_equals(term_value(&p->t[1], row), ev->rdf_type))
    sc = 4;         /* (? rdf:type C): usually many */
  if(!pb && !sb && !ob)
    sc = -1;
  return sc;
}


static int
bgp_rec(struct bgp_run *r, librdf_node **row, int depth)
{
  struct kg_eval *ev = r->ev;
  int best = -1;
  int best_sc = -2;
  int i;
  struct kg_plan_tp *p;
  struct kg_matches ms;
  size_t m;
  int rc = 0;
  librdf_node *q[3];

  if(depth == r->n) {
    kg_rows_add(r->out, row);
    return kg_limit_tick(ev, r->out->n);
  }
  for(i = 0; i < r->n; i++) {
    int sc;

    if(r->done[i])
      continue;
    sc = tp_score(ev, &r->tps[i], row);
    if(sc > best_sc) {
      best_sc = sc;
      best = i;
    }
  }
  p = &r->tps[best];
  r->done[best] = 1;
  for(i = 0; i < 3; i++)
    q[i] = term_value(&p->t[i], row);
  memset(&ms, 0, sizeof(ms));
  if(p->path >= 0)
    rc = kg_path_match(ev, ev->rwo.paths[p->path], q[0], q[2], r->ctx,
                       p->t[0].var < 0 ? p->t[0].node : NULL,
                       p->t[2].var < 0 ? p->t[2].node : NULL, &ms);
  else
    rc = kg_match_find(ev, q[0], q[1], q[2], r->ctx, &ms);
  for(m = 0; !rc && m < ms.n; m++) {
    int setv[3];
    int ok = 1;

    if((rc = kg_limit_tick(ev, r->out->n)))
      break;
    for(i = 0; i < 3; i++) {
      setv[i] = 0;
      if(p->path >= 0 && i == 1)
        continue;
      if(p->t[i].var >= 0) {
        librdf_node *cur = row[p->t[i].var];

        if(cur) {
          if(!librdf_node_equals(cur, ms.m[m].n[i]))
            ok = 0;
        } else {
          row[p->t[i].var] = ms.m[m].n[i];
          setv[i] = 1;
        }
      }
    }
    if(ok && r->push && r->push->n) {
      int newly[3];
      int nn = 0;

      for(i = 0; i < 3; i++)
        if(setv[i])
          newly[nn++] = p->t[i].var;
      ok = pushed_ok(ev, r->push, row, newly, nn);
    }
    if(ok)
      rc = bgp_rec(r, row, depth + 1);
    for(i = 0; i < 3; i++)
      if(setv[i])
        row[p->t[i].var] = NULL;
  }
  kg_match_release(&ms);
  r->done[best] = 0;
  return rc;
}

int
kg_match_bgp(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
             librdf_node *ctx, const struct kg_filter_push *push,
             struct kg_rows *out)
{
  struct bgp_run r;
  size_t i;
  int rc = 0;
  librdf_node **row = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*row));

  r.ev = ev;
  r.tps = g->tps;
  r.n = g->ntps;
  r.done = kg_xcalloc((size_t)g->ntps + 1, 1);
  r.ctx = ctx;
  r.out = out;
  /* the group's pushed filters apply to this BGP only, not to patterns
   * evaluated while checking them (EXISTS) */
  r.push = push;
  for(i = 0; !rc && i < in->n; i++) {
    /* borrowed pointers: bgp_rec only stores into @out by copying */
    memcpy(row, kg_rows_at(in, i), (size_t)ev->nvars * sizeof(*row));
    rc = bgp_rec(&r, row, 0);
  }
  free(r.done);
  free(row);
  return rc;
}
