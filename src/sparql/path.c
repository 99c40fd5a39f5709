/* path.c - SPARQL property paths over the store.
 *
 * A path is evaluated to the pairs (x, y) it links, from the bound end
 * when there is one: sequences step by step, alternatives as a union
 * (duplicates kept, as the algebra's union does), inverses by swapping
 * the ends, p* / p+ as closures (distinct end points, breadth first),
 * p? as one step or none, negated property sets by scanning the
 * predicates.  A zero-length path links a term of the graph, or a
 * constant written in the query, to itself.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/nodeset.h"
#include "sparql/path.h"
#include "sparql/term.h"

/* One path pattern being matched: the graph (NULL: the default graph) and
 * its ends written as constants in the query (or NULL). */
struct path_run {
  struct kg_eval *ev;
  librdf_node *ctx;
  librdf_node *cs;
  librdf_node *co;
};

static int pairs(const struct path_run *pr, struct kg_path *p,
                 librdf_node *s, librdf_node *o, struct kg_matches *out);

void
kg_path_free(struct kg_path *p)
{
  int i;

  if(!p)
    return;
  for(i = 0; i < p->nkids; i++)
    kg_path_free(p->kids[i]);
  free(p->kids);
  free(p->iri);
  free(p);
}

/* Every subject and object of the graph. */
static int
all_nodes(const struct path_run *pr, struct kg_nodeset *set)
{
  struct kg_eval *ev = pr->ev;
  struct kg_matches ms;
  size_t i;

  memset(&ms, 0, sizeof(ms));
  if(pr->ctx || ev->has_dataset) {
    if(kg_match_find(ev, NULL, NULL, NULL, pr->ctx, &ms))
      return -1;
  } else {
    librdf_stream *st = librdf_model_as_stream(ev->model);

    for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
      librdf_statement *x = librdf_stream_get_object(st);

      kg_match_add(&ms, librdf_statement_get_subject(x), NULL,
                   librdf_statement_get_object(x));
    }
    if(st)
      librdf_free_stream(st);
  }
  for(i = 0; i < ms.n; i++) {
    kg_nodeset_add(set, ms.m[i].n[0]);
    kg_nodeset_add(set, ms.m[i].n[2]);
  }
  kg_match_release(&ms);
  return 0;
}

/* 1 if @n is a subject or object of the active graph (a zero-length path
 * only matches terms of the graph). */
static int
in_graph(const struct path_run *pr, librdf_node *n)
{
  struct kg_matches ms;
  int found = 0;

  /* a constant written in the query matches itself (W3C tests
   * zero_or_more_set_start/end); a value from a binding must be a term of
   * the graph (values_and_path) */
  if((pr->cs && librdf_node_equals(n, pr->cs)) ||
     (pr->co && librdf_node_equals(n, pr->co)))
    return 1;
  memset(&ms, 0, sizeof(ms));
  if(!librdf_node_is_literal(n)) {
    kg_match_find(pr->ev, n, NULL, NULL, pr->ctx, &ms);
    found = ms.n > 0;
    kg_match_release(&ms);
  }
  if(!found) {
    kg_match_find(pr->ev, NULL, NULL, n, pr->ctx, &ms);
    found = ms.n > 0;
    kg_match_release(&ms);
  }
  return found;
}

/* Closure from @start (forward, or backward when @back), including @start
 * when @zero.  Adds pairs (start, x) or (x, start) to @out. */
static int
closure(const struct path_run *pr, struct kg_path *p, librdf_node *start,
        int back, int zero, struct kg_matches *out)
{
  struct kg_nodeset seen;
  size_t head = 0;
  int rc = 0;
  struct kg_nodeset res;
  size_t i;

  kg_nodeset_init(&seen);
  kg_nodeset_init(&res);
  kg_nodeset_add(&seen, start);
  if(zero)
    kg_nodeset_add(&res, start);
  while(head < seen.n && !rc) {
    struct kg_matches ms;
    librdf_node *cur = seen.v[head++];

    memset(&ms, 0, sizeof(ms));
    /* one step of @p from @cur */
    rc = back ? pairs(pr, p, NULL, cur, &ms) : pairs(pr, p, cur, NULL, &ms);
    for(i = 0; !rc && i < ms.n; i++) {
      librdf_node *nx = back ? ms.m[i].n[0] : ms.m[i].n[2];

      kg_nodeset_add(&res, nx);
      kg_nodeset_add(&seen, nx);
      rc = kg_limit_tick(pr->ev, seen.n);
    }
    kg_match_release(&ms);
  }
  /* seen.n > 1: @start has neighbours, so it is in the graph */
  if(zero && seen.n == 1 && res.n == 1 && !in_graph(pr, start)) {
    kg_nodeset_release(&seen);
    kg_nodeset_release(&res);
    return 0;
  }
  for(i = 0; !rc && i < res.n; i++) {
    if(back)
      kg_match_add(out, res.v[i], NULL, start);
    else
      kg_match_add(out, start, NULL, res.v[i]);
  }
  kg_nodeset_release(&seen);
  kg_nodeset_release(&res);
  return rc;
}

/* a/b/...: from the bound end, one step at a time. */
static int
seq_pairs(const struct path_run *pr, struct kg_path *p, librdf_node *s,
          librdf_node *o, struct kg_matches *out)
{
  struct kg_matches tmp;
  struct kg_path rest;
  size_t i;
  size_t j;
  int rc;

  if(p->nkids == 1)
    return pairs(pr, p->kids[0], s, o, out);
  memset(&tmp, 0, sizeof(tmp));
  rest = *p;
  if(!s && o) {
    /* evaluate from the bound end: last step first */
    rest.nkids = p->nkids - 1;
    rc = pairs(pr, p->kids[p->nkids - 1], NULL, o, &tmp);
    for(i = 0; !rc && i < tmp.n; i++) {
      struct kg_matches t2;

      memset(&t2, 0, sizeof(t2));
      rc = pairs(pr, &rest, NULL, tmp.m[i].n[0], &t2);
      for(j = 0; !rc && j < t2.n; j++) {
        kg_match_add(out, t2.m[j].n[0], NULL, tmp.m[i].n[2]);
        rc = kg_limit_tick(pr->ev, out->n);
      }
      kg_match_release(&t2);
    }
  } else {
    rest.kids = p->kids + 1;
    rest.nkids = p->nkids - 1;
    rc = pairs(pr, p->kids[0], s, NULL, &tmp);
    for(i = 0; !rc && i < tmp.n; i++) {
      struct kg_matches t2;

      memset(&t2, 0, sizeof(t2));
      rc = pairs(pr, &rest, tmp.m[i].n[2], o, &t2);
      for(j = 0; !rc && j < t2.n; j++) {
        kg_match_add(out, tmp.m[i].n[0], NULL, t2.m[j].n[2]);
        rc = kg_limit_tick(pr->ev, out->n);
      }
      kg_match_release(&t2);
    }
  }
  kg_match_release(&tmp);
  return rc;
}

/* p? with both ends free: every node to itself, and each distinct pair
 * one step apart. */
static int
zoo_all(const struct path_run *pr, struct kg_path *p, struct kg_matches *out)
{
  struct kg_nodeset starts;
  struct kg_matches tmp;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;
  size_t i;
  int rc;

  kg_nodeset_init(&starts);
  memset(&tmp, 0, sizeof(tmp));
  kg_hash_init(&seen);
  rc = all_nodes(pr, &starts);
  for(i = 0; i < starts.n; i++)
    kg_match_add(out, starts.v[i], NULL, starts.v[i]);
  if(!rc)
    rc = pairs(pr, p->kids[0], NULL, NULL, &tmp);
  for(i = 0; !rc && i < tmp.n; i++) {
    size_t v = 0;

    if(librdf_node_equals(tmp.m[i].n[0], tmp.m[i].n[2]))
      continue;
    kg_buf_reset(&b);
    kg_term_nt(&b, tmp.m[i].n[0]);
    kg_buf_addc(&b, ' ');
    kg_term_nt(&b, tmp.m[i].n[2]);
    if(!kg_hash_put(&seen, b.s, b.len, &v))
      kg_match_add(out, tmp.m[i].n[0], NULL, tmp.m[i].n[2]);
  }
  kg_buf_release(&b);
  kg_hash_release(&seen);
  kg_nodeset_release(&starts);
  kg_match_release(&tmp);
  return rc;
}

/* p?: zero or one step. */
static int
zoo_pairs(const struct path_run *pr, struct kg_path *p, librdf_node *s,
          librdf_node *o, struct kg_matches *out)
{
  struct kg_matches tmp;
  struct kg_nodeset res;
  size_t i;
  int rc;

  if(!s && !o)
    return zoo_all(pr, p, out);
  memset(&tmp, 0, sizeof(tmp));
  kg_nodeset_init(&res);
  rc = pairs(pr, p->kids[0], s, o, &tmp);
  if(s && o) {
    if(tmp.n || (librdf_node_equals(s, o) && in_graph(pr, s)))
      kg_match_add(out, s, NULL, o);
  } else {
    if(tmp.n || in_graph(pr, s ? s : o))
      kg_nodeset_add(&res, s ? s : o);
    for(i = 0; i < tmp.n; i++)
      kg_nodeset_add(&res, s ? tmp.m[i].n[2] : tmp.m[i].n[0]);
    for(i = 0; i < res.n; i++)
      kg_match_add(out, s ? s : res.v[i], NULL, s ? res.v[i] : o);
  }
  kg_nodeset_release(&res);
  kg_match_release(&tmp);
  return rc;
}

/* p* (@zero) and p+: closures from the bound end, else from every start. */
static int
star_pairs(const struct path_run *pr, struct kg_path *p, librdf_node *s,
           librdf_node *o, int zero, struct kg_matches *out)
{
  struct kg_matches tmp;
  struct kg_nodeset starts;
  size_t i;
  int rc;

  memset(&tmp, 0, sizeof(tmp));
  if(s) {
    rc = closure(pr, p->kids[0], s, 0, zero, &tmp);
    for(i = 0; i < tmp.n; i++)
      if(!o || librdf_node_equals(o, tmp.m[i].n[2]))
        kg_match_add(out, s, NULL, tmp.m[i].n[2]);
    kg_match_release(&tmp);
    return rc;
  }
  if(o)
    return closure(pr, p->kids[0], o, 1, zero, out);
  kg_nodeset_init(&starts);
  if(zero) {
    rc = all_nodes(pr, &starts);
  } else {
    rc = pairs(pr, p->kids[0], NULL, NULL, &tmp);
    for(i = 0; i < tmp.n; i++)
      kg_nodeset_add(&starts, tmp.m[i].n[0]);
    kg_match_release(&tmp);
  }
  for(i = 0; !rc && i < starts.n; i++)
    rc = closure(pr, p->kids[0], starts.v[i], 0, zero, out);
  kg_nodeset_release(&starts);
  return rc;
}

/* One direction of a negated property set: (s ?p o) with p not a forward
 * member, or (when @inv) (o ?p s) with p not an inverse member. */
static int
nps_side(const struct path_run *pr, struct kg_path *p, librdf_node *s,
         librdf_node *o, int inv, struct kg_matches *out)
{
  struct kg_matches tmp;
  size_t i;
  int k;
  int rc;

  memset(&tmp, 0, sizeof(tmp));
  rc = kg_match_find(pr->ev, inv ? o : s, NULL, inv ? s : o, pr->ctx, &tmp);
  for(i = 0; !rc && i < tmp.n; i++) {
    const char *pu = (const char *)librdf_uri_as_string(
                       librdf_node_get_uri(tmp.m[i].n[1]));
    int excluded = 0;

    for(k = 0; k < p->nkids; k++) {
      struct kg_path *m = p->kids[k];

      if(inv ? m->kind == KG_PATH_INV && !strcmp(m->kids[0]->iri, pu)
             : m->kind == KG_PATH_LINK && !strcmp(m->iri, pu))
        excluded = 1;
    }
    if(!excluded)
      kg_match_add(out, tmp.m[i].n[inv ? 2 : 0], NULL,
                   tmp.m[i].n[inv ? 0 : 2]);
  }
  kg_match_release(&tmp);
  return rc;
}

static int
nps_pairs(const struct path_run *pr, struct kg_path *p, librdf_node *s,
          librdf_node *o, struct kg_matches *out)
{
  int nfw = 0;
  int nbw = 0;
  int rc = 0;
  int k;

  for(k = 0; k < p->nkids; k++) {
    if(p->kids[k]->kind == KG_PATH_INV)
      nbw++;
    else
      nfw++;
  }
  if(nfw || !nbw)
    rc = nps_side(pr, p, s, o, 0, out);
  if(nbw && !rc)
    rc = nps_side(pr, p, s, o, 1, out);
  return rc;
}

/* The pairs linked by @p, with the given ends (NULL: free). */
static int
pairs(const struct path_run *pr, struct kg_path *p, librdf_node *s,
      librdf_node *o, struct kg_matches *out)
{
  struct kg_matches tmp;
  size_t i;
  int k;
  int rc = 0;

  switch(p->kind) {
    case KG_PATH_LINK: {
      librdf_node *pn = librdf_new_node_from_uri_string(pr->ev->world,
                          (const unsigned char *)p->iri);

      rc = kg_match_find(pr->ev, s, pn, o, pr->ctx, out);
      librdf_free_node(pn);
      return rc;
    }
    case KG_PATH_INV:
      memset(&tmp, 0, sizeof(tmp));
      rc = pairs(pr, p->kids[0], o, s, &tmp);
      for(i = 0; i < tmp.n; i++)
        kg_match_add(out, tmp.m[i].n[2], NULL, tmp.m[i].n[0]);
      kg_match_release(&tmp);
      return rc;
    case KG_PATH_ALT:
      for(k = 0; !rc && k < p->nkids; k++)
        rc = pairs(pr, p->kids[k], s, o, out);
      return rc;
    case KG_PATH_SEQ:
      return seq_pairs(pr, p, s, o, out);
    case KG_PATH_ZOO:
      return zoo_pairs(pr, p, s, o, out);
    case KG_PATH_ZOM:
    case KG_PATH_OOM:
      return star_pairs(pr, p, s, o, p->kind == KG_PATH_ZOM, out);
    case KG_PATH_NPS:
      return nps_pairs(pr, p, s, o, out);
  }
  return 0;
}

int
kg_path_match(struct kg_eval *ev, struct kg_path *p, librdf_node *s,
              librdf_node *o, librdf_node *ctx, librdf_node *cs,
              librdf_node *co, struct kg_matches *out)
{
  struct path_run pr;

  pr.ev = ev;
  pr.ctx = ctx;
  pr.cs = cs;
  pr.co = co;
  return pairs(&pr, p, s, o, out);
}
