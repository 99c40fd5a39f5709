/* quads.c - the six index orders of the store (see quads.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "store/quads.h"

/* For each order, the quad positions in key order. */
static const int perm[KG_NORDERS][4] = {
  { KG_S, KG_P, KG_O, KG_G },     /* spog */
  { KG_P, KG_O, KG_S, KG_G },     /* posg */
  { KG_O, KG_S, KG_P, KG_G },     /* ospg */
  { KG_G, KG_S, KG_P, KG_O },     /* gspo */
  { KG_G, KG_P, KG_O, KG_S },     /* gpos */
  { KG_G, KG_O, KG_S, KG_P }      /* gosp */
};

void
kg_quads_init(struct kg_quads *q, struct kg_kv *kv)
{
  memset(q, 0, sizeof(*q));
  q->kv = kv;
}

void
kg_quads_forget(struct kg_quads *q)
{
  int o;

  q->npend = 0;
  for(o = 0; o < KG_NORDERS; o++) {
    if(q->spare[o])
      mdb_cursor_close(q->spare[o]);
    q->spare[o] = NULL;
  }
}

void
kg_quads_release(struct kg_quads *q)
{
  kg_quads_forget(q);
  free(q->pend);
  memset(q, 0, sizeof(*q));
}

static void
put_u32(unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

static uint32_t
get_u32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

/* The key and duplicate of @x in order @o. */
static void
key_of(int o, const struct kg_quad *x, uint32_t *key, unsigned char *dup)
{
  *key = x->t[perm[o][0]];
  put_u32(dup, x->t[perm[o][1]]);
  put_u32(dup + 4, x->t[perm[o][2]]);
  put_u32(dup + 8, x->t[perm[o][3]]);
}

/* The quad of key @key and duplicate @dup in order @o. */
static void
quad_of(int o, uint32_t key, const unsigned char *dup, struct kg_quad *x)
{
  x->t[perm[o][0]] = key;
  x->t[perm[o][1]] = get_u32(dup);
  x->t[perm[o][2]] = get_u32(dup + 4);
  x->t[perm[o][3]] = get_u32(dup + 8);
}

int
kg_quads_add(struct kg_quads *q, const struct kg_quad *x)
{
  if(q->npend == KG_QUADS_BATCH && kg_quads_flush(q))
    return -1;
  KG_GROW(q->pend, q->cap, q->npend + 1);
  q->pend[q->npend++] = *x;
  return 0;
}

/* The order qsort sorts the buffer in (set before each sort: qsort has no
 * argument for it; the store is single-threaded per process). */
struct sort_key {
  uint32_t k[4];
};

static int
sort_cmp(const void *a, const void *b)
{
  const struct sort_key *x = a, *y = b;
  int i;

  for(i = 0; i < 4; i++)
    if(x->k[i] != y->k[i])
      return x->k[i] < y->k[i] ? -1 : 1;
  return 0;
}

/* The last entry of the order under cursor @c, as a sort key (all 0
 * when the order is empty). */
static void
last_entry(MDB_cursor *c, struct sort_key *last)
{
  MDB_val k, v;

  memset(last, 0, sizeof(*last));
  if(mdb_cursor_get(c, &k, &v, MDB_LAST))
    return;
  memcpy(&last->k[0], k.mv_data, sizeof(uint32_t));
  last->k[1] = get_u32(v.mv_data);
  last->k[2] = get_u32((const unsigned char *)v.mv_data + 4);
  last->k[3] = get_u32((const unsigned char *)v.mv_data + 8);
}

/* Writes the buffer into order @o, sorted in that order (@tmp: npend
 * scratch keys).  What sorts after the order's last entry is appended
 * (LMDB then fills its pages instead of splitting them in half): a new
 * graph in the g-first orders, new subjects and objects in the others.
 * 0, or -1 reported. */
static int
flush_order(struct kg_quads *q, int o, struct sort_key *tmp)
{
  MDB_cursor *c = NULL;
  struct sort_key last;
  size_t i, j;
  int rc;

  for(i = 0; i < q->npend; i++)
    for(j = 0; j < 4; j++)
      tmp[i].k[j] = q->pend[i].t[perm[o][j]];
  qsort(tmp, q->npend, sizeof(*tmp), sort_cmp);
  rc = mdb_cursor_open(q->kv->txn, q->kv->idx[o], &c);
  if(!rc)
    last_entry(c, &last);
  for(i = 0; !rc && i < q->npend; i++) {
    unsigned char dup[12];
    unsigned flags = MDB_NODUPDATA;
    MDB_val k, v;

    if(i && !sort_cmp(&tmp[i], &tmp[i - 1]))
      continue;
    if(sort_cmp(&tmp[i], &last) > 0)
      flags = tmp[i].k[0] == last.k[0] ? MDB_APPENDDUP : MDB_APPEND;
    put_u32(dup, tmp[i].k[1]);
    put_u32(dup + 4, tmp[i].k[2]);
    put_u32(dup + 8, tmp[i].k[3]);
    k.mv_data = &tmp[i].k[0];
    k.mv_size = sizeof(uint32_t);
    v.mv_data = dup;
    v.mv_size = sizeof dup;
    rc = mdb_cursor_put(c, &k, &v, flags);
    if(rc == MDB_KEYEXIST)
      rc = 0;
    else if(!rc && flags != MDB_NODUPDATA)
      last = tmp[i];
  }
  if(c)
    mdb_cursor_close(c);
  return rc ? kg_kv_fail(q->kv, rc, "add statements") : 0;
}

int
kg_quads_flush(struct kg_quads *q)
{
  struct sort_key *tmp;
  int o;
  int rc = 0;

  if(!q->npend)
    return 0;
  tmp = kg_xmalloc(q->npend * sizeof(*tmp));
  for(o = 0; o < KG_NORDERS && !rc; o++)
    rc = flush_order(q, o, tmp);
  free(tmp);
  q->npend = 0;
  return rc;
}

/* Deletes (key, dup) of @x from order @o; absent is fine.  0 or an LMDB
 * error. */
static int
del_one(struct kg_quads *q, int o, const struct kg_quad *x)
{
  unsigned char dup[12];
  uint32_t key;
  MDB_val k, v;
  int rc;

  key_of(o, x, &key, dup);
  k.mv_data = &key;
  k.mv_size = sizeof(key);
  v.mv_data = dup;
  v.mv_size = sizeof dup;
  rc = mdb_del(q->kv->txn, q->kv->idx[o], &k, &v);
  return rc == MDB_NOTFOUND ? 0 : rc;
}

int
kg_quads_remove(struct kg_quads *q, const struct kg_quad *x)
{
  int o;
  int rc = 0;

  if(kg_quads_flush(q))
    return -1;
  for(o = 0; o < KG_NORDERS && !rc; o++)
    rc = del_one(q, o, x);
  return rc ? kg_kv_fail(q->kv, rc, "remove a statement") : 0;
}

int
kg_quads_drop_graph(struct kg_quads *q, uint32_t g, long *n)
{
  MDB_cursor *c;
  MDB_val k, v;
  long count = 0;
  int o, rc;

  if(n)
    *n = 0;
  if(kg_quads_flush(q))
    return -1;
  rc = mdb_cursor_open(q->kv->txn, q->kv->idx[KG_GSPO], &c);
  if(rc)
    return kg_kv_fail(q->kv, rc, "remove a graph");
  k.mv_data = &g;
  k.mv_size = sizeof(g);
  rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
  while(!rc) {
    struct kg_quad x;

    quad_of(KG_GSPO, g, v.mv_data, &x);
    for(o = KG_SPOG; o <= KG_OSPG && !rc; o++)
      rc = del_one(q, o, &x);
    count++;
    if(!rc)
      rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP);
  }
  mdb_cursor_close(c);
  if(rc && rc != MDB_NOTFOUND)
    return kg_kv_fail(q->kv, rc, "remove a graph");
  for(o = KG_GSPO; o <= KG_GOSP; o++) {
    k.mv_data = &g;
    k.mv_size = sizeof(g);
    rc = mdb_del(q->kv->txn, q->kv->idx[o], &k, NULL);
    if(rc && rc != MDB_NOTFOUND)
      return kg_kv_fail(q->kv, rc, "remove a graph");
  }
  if(n)
    *n = count;
  return 0;
}

long
kg_quads_graph_size(struct kg_quads *q, uint32_t g)
{
  MDB_cursor *c;
  MDB_val k, v;
  size_t count = 0;
  int rc;

  if(kg_quads_flush(q))
    return -1;
  rc = mdb_cursor_open(q->kv->txn, q->kv->idx[KG_GSPO], &c);
  if(rc)
    return kg_kv_fail(q->kv, rc, "count a graph");
  k.mv_data = &g;
  k.mv_size = sizeof(g);
  rc = mdb_cursor_get(c, &k, &v, MDB_SET);
  if(!rc)
    rc = mdb_cursor_count(c, &count);
  mdb_cursor_close(c);
  if(rc == MDB_NOTFOUND)
    return 0;
  return rc ? kg_kv_fail(q->kv, rc, "count a graph") : (long)count;
}

long
kg_quads_count(struct kg_quads *q, int o)
{
  if(kg_quads_flush(q))
    return -1;
  return kg_kv_entries(q->kv, q->kv->idx[o], "count the statements");
}

long
kg_quads_size(struct kg_quads *q)
{
  return kg_quads_count(q, KG_GSPO);
}

/* A cursor on order @o: the spare one, or a new one.  0 or an LMDB
 * error. */
static int
take_cursor(struct kg_quads *q, int o, MDB_cursor **c)
{
  int rc;

  *c = q->spare[o];
  q->spare[o] = NULL;
  if(*c)
    return 0;
  rc = mdb_cursor_open(q->kv->txn, q->kv->idx[o], c);
  if(rc)
    *c = NULL;
  return rc;
}

/* Keeps cursor @c of order @o as the spare one, or closes it. */
static void
give_cursor(struct kg_quads *q, int o, MDB_cursor *c)
{
  if(c && !q->spare[o])
    q->spare[o] = c;
  else if(c)
    mdb_cursor_close(c);
}

int
kg_quads_has(struct kg_quads *q, int o, const struct kg_quad *x)
{
  unsigned char dup[12];
  uint32_t key;
  MDB_cursor *c;
  MDB_val k, v;
  int rc;

  if(kg_quads_flush(q))
    return -1;
  key_of(o, x, &key, dup);
  k.mv_data = &key;
  k.mv_size = sizeof(key);
  v.mv_data = dup;
  v.mv_size = sizeof dup;
  rc = take_cursor(q, o, &c);
  if(!rc)
    rc = mdb_cursor_get(c, &k, &v, MDB_GET_BOTH);
  give_cursor(q, o, c);
  if(rc == MDB_NOTFOUND)
    return 0;
  return rc ? kg_kv_fail(q->kv, rc, "read the statements") : 1;
}

/* ------------------------------------------------------------ scans */

/* Bound positions of @pat among the first @n of order @o's. */
static int
bound_prefix(int o, const struct kg_quad *pat, int any_graph)
{
  int n = 0;

  while(n < 4 && pat->t[perm[o][n]] && !(any_graph && perm[o][n] == KG_G))
    n++;
  return n;
}

/* The order whose leading ids are exactly the bound ones. */
static int
choose_order(const struct kg_quad *pat, int any_graph)
{
  int nb = 0, i, o, best = any_graph ? KG_SPOG : KG_GSPO, best_n = -1;
  int from = any_graph ? KG_SPOG : KG_GSPO;

  for(i = 0; i < 4; i++)
    nb += pat->t[i] && !(any_graph && i == KG_G);
  for(o = from; o < from + 3; o++) {
    int n = bound_prefix(o, pat, any_graph);

    if(n == nb)
      return o;
    if(n > best_n) {
      best_n = n;
      best = o;
    }
  }
  return best;
}

int
kg_scan_open(struct kg_scan *sc, struct kg_quads *q, const struct kg_quad *pat,
             int any_graph)
{
  int n, i, rc;

  memset(sc, 0, sizeof(*sc));
  sc->q = q;
  sc->pat = *pat;
  sc->any_graph = any_graph;
  if(any_graph)
    sc->pat.t[KG_G] = 0;
  if(kg_quads_flush(q))
    return -1;
  sc->order = choose_order(&sc->pat, any_graph);
  n = bound_prefix(sc->order, &sc->pat, any_graph);
  for(i = 1; i < n; i++)
    put_u32(sc->prefix + 4 * (i - 1), sc->pat.t[perm[sc->order][i]]);
  sc->nprefix = n > 1 ? 4 * (size_t)(n - 1) : 0;
  if(!n)
    sc->prefix[0] = 0;
  rc = take_cursor(q, sc->order, &sc->cur);
  return rc ? kg_kv_fail(q->kv, rc, "read the statements") : 0;
}

int
kg_scan_order(struct kg_scan *sc, struct kg_quads *q, int order)
{
  int rc;

  memset(sc, 0, sizeof(*sc));
  sc->q = q;
  sc->order = order;
  if(kg_quads_flush(q))
    return -1;
  rc = take_cursor(q, order, &sc->cur);
  return rc ? kg_kv_fail(q->kv, rc, "read the statements") : 0;
}

int
kg_scan_graphs(struct kg_scan *sc, struct kg_quads *q)
{
  struct kg_quad none;
  int rc;

  memset(&none, 0, sizeof(none));
  rc = kg_scan_open(sc, q, &none, 0);
  sc->distinct_graphs = 1;
  return rc;
}

/* Positions the cursor on the first candidate.  0 or an LMDB error. */
static int
first(struct kg_scan *sc, MDB_val *k, MDB_val *v)
{
  sc->key = sc->pat.t[perm[sc->order][0]];
  if(!sc->key || (sc->any_graph && perm[sc->order][0] == KG_G))
    return mdb_cursor_get(sc->cur, k, v, MDB_FIRST);
  k->mv_data = &sc->key;
  k->mv_size = sizeof(sc->key);
  if(!sc->nprefix)
    return mdb_cursor_get(sc->cur, k, v, MDB_SET_KEY);
  memset(sc->probe, 0, sizeof sc->probe);
  memcpy(sc->probe, sc->prefix, sc->nprefix);
  v->mv_data = sc->probe;
  v->mv_size = sizeof sc->probe;
  return mdb_cursor_get(sc->cur, k, v, MDB_GET_BOTH_RANGE);
}

/* 1 if the entry (k, v) is in the scan's range (so may match), 0 past
 * it. */
static int
in_range(struct kg_scan *sc, const MDB_val *k, const MDB_val *v)
{
  uint32_t key;

  if(!sc->pat.t[perm[sc->order][0]])
    return 1;
  memcpy(&key, k->mv_data, sizeof(key));
  if(key != sc->pat.t[perm[sc->order][0]])
    return 0;
  return !sc->nprefix || !memcmp(v->mv_data, sc->prefix, sc->nprefix);
}

/* 1 if @x matches the pattern and is not a repeat of the previous
 * match. */
static int
wanted(struct kg_scan *sc, const struct kg_quad *x)
{
  int i;

  for(i = 0; i < 4; i++)
    if(sc->pat.t[i] && x->t[i] != sc->pat.t[i])
      return 0;
  if(sc->started && sc->any_graph && x->t[KG_S] == sc->cur_quad.t[KG_S] &&
     x->t[KG_P] == sc->cur_quad.t[KG_P] && x->t[KG_O] == sc->cur_quad.t[KG_O])
    return 0;
  return 1;
}

int
kg_scan_next(struct kg_scan *sc)
{
  MDB_val k, v;
  int bounded = sc->pat.t[perm[sc->order][0]] != 0;
  int rc;

  if(sc->done)
    return 0;
  rc = !sc->started ? first(sc, &k, &v)
     : sc->distinct_graphs ? mdb_cursor_get(sc->cur, &k, &v, MDB_NEXT_NODUP)
     : mdb_cursor_get(sc->cur, &k, &v, bounded ? MDB_NEXT_DUP : MDB_NEXT);
  for(;;) {
    struct kg_quad x;
    uint32_t key;

    if(rc == MDB_NOTFOUND || (!rc && !in_range(sc, &k, &v))) {
      sc->done = 1;
      return 0;
    }
    if(!rc && (k.mv_size != sizeof(key) || v.mv_size != 12))
      rc = MDB_CORRUPTED;       /* not an entry quads.c wrote */
    if(rc)
      return kg_kv_fail(sc->q->kv, rc, "read the statements");
    memcpy(&key, k.mv_data, sizeof(key));
    quad_of(sc->order, key, v.mv_data, &x);
    if(sc->distinct_graphs ? key != 0 : wanted(sc, &x)) {
      sc->cur_quad = x;
      sc->started = 1;
      return 1;
    }
    sc->started = 1;
    rc = sc->distinct_graphs ? mdb_cursor_get(sc->cur, &k, &v, MDB_NEXT_NODUP)
       : mdb_cursor_get(sc->cur, &k, &v, bounded ? MDB_NEXT_DUP : MDB_NEXT);
  }
}

void
kg_scan_close(struct kg_scan *sc)
{
  give_cursor(sc->q, sc->order, sc->cur);    /* kept for the next scan */
  sc->cur = NULL;
}
