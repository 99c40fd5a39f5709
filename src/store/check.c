/* check.c - `store check`: the whole store verified in one read
 * transaction, as SQLite's integrity_check does.
 *
 * Checked: the format and the times in info; every term of i2t reads as
 * a term and t2i gives its id back, and the two tables have as many
 * entries (so t2i holds nothing else); the six index orders have as many
 * entries and each quad of spog is in the five others (so the six hold
 * the same quads), with ids the dictionary holds; each graph record
 * reads, is keyed by the id of its IRI and counts the quads of its
 * graph, and each graph with quads has a record; uses and usedby are
 * each other's inverse, between recorded graphs and objects of their
 * quads.  Opening the store has checked the file (its length, LMDB's
 * meta pages); LMDB checks each page as it is read.
 *
 * The first KG_CHECK_LIST problems are reported as they are found, then
 * how many there were.  The read transaction is a reader like any other:
 * a writer goes on meanwhile.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/world.h"
#include "store/store_int.h"

#define KG_CHECK_LIST 20

struct check {
  struct kg_kv *kv;             /* owned */
  struct kg_terms terms;
  struct kg_quads quads;
  unsigned char *have;          /* a bit per id i2t holds */
  uint32_t last;                /* the largest id of i2t */
  long problems;
};

static void problem(struct check *c, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

/* Counts a problem; reports it while fewer than KG_CHECK_LIST were. */
static void
problem(struct check *c, const char *fmt, ...)
{
  struct kg_buf b = KG_BUF_INIT;
  va_list ap;

  if(++c->problems > KG_CHECK_LIST)
    return;
  va_start(ap, fmt);
  kg_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  kg_error("store '%s' is damaged: %s", c->kv->dir, b.s);
  kg_buf_release(&b);
}

/* An LMDB error @rc while reading @what: a problem.  Returns -1. */
static int
lmdb_problem(struct check *c, int rc, const char *what)
{
  problem(c, "cannot read %s: %s", what, mdb_strerror(rc));
  return -1;
}

/* Errors kg_kv_fail() reported (quads.c, terms.c) count as problems. */
static int
reported(struct check *c)
{
  c->problems++;
  return -1;
}

/* 1 if i2t holds term @id. */
static int
known(const struct check *c, uint32_t id)
{
  return id && id <= c->last && (c->have[id >> 3] >> (id & 7) & 1);
}

/* Entries of table @dbi, or -1 (a problem). */
static long
entries(struct check *c, MDB_dbi dbi, const char *name)
{
  MDB_stat ms;
  int rc = mdb_stat(c->kv->txn, dbi, &ms);

  return rc ? lmdb_problem(c, rc, name) : (long)ms.ms_entries;
}

/* ------------------------------------------------------------ info */

static void
check_time(struct check *c, const char *key)
{
  char v[32];
  char *end;
  int rc = kg_kv_get_info(c->kv, key, v, sizeof v);

  if(rc < 0)
    reported(c);
  else if(!rc && (strtoll(v, &end, 10) < 0 || *end || !*v))
    problem(c, "info '%s' is not a time: '%s'", key, v);
}

static void
check_info(struct check *c)
{
  char fmt[64];
  int rc = kg_kv_get_info(c->kv, "format", fmt, sizeof fmt);

  if(rc < 0)
    reported(c);
  else if(rc || strcmp(fmt, KG_KV_FORMAT))
    problem(c, "info 'format' is not '%s'", KG_KV_FORMAT);
  check_time(c, "issued");
  check_time(c, "modified");
}

/* ------------------------------------------------------------ terms */

/* Checks the i2t entry (@k, @v) and notes its id. */
static void
check_term(struct check *c, const MDB_val *k, const MDB_val *v)
{
  uint32_t id;
  int rc;

  if(k->mv_size != sizeof(id)) {
    problem(c, "i2t has a key of %lu bytes", (unsigned long)k->mv_size);
    return;
  }
  memcpy(&id, k->mv_data, sizeof(id));
  if(!id || id > c->last) {
    problem(c, "i2t has term id %lu", (unsigned long)id);
    return;
  }
  c->have[id >> 3] |= (unsigned char)(1u << (id & 7));
  rc = kg_terms_verify(&c->terms, id, v->mv_data, v->mv_size);
  if(rc < 0)
    reported(c);
  else if(rc == KG_TERMS_UNREADABLE)
    problem(c, "term %lu (i2t) cannot be read", (unsigned long)id);
  else if(rc == KG_TERMS_UNMAPPED)
    problem(c, "term %lu (i2t) is not found again through t2i",
            (unsigned long)id);
}

/* i2t entry by entry, then the sizes of i2t and t2i.  Returns the
 * number of terms. */
static long
check_terms(struct check *c)
{
  MDB_cursor *cur;
  MDB_val k, v;
  long ni, nt;
  int rc;

  c->last = kg_kv_last_id(c->kv, c->kv->i2t);
  c->have = kg_xcalloc((size_t)c->last / 8 + 1, 1);
  rc = mdb_cursor_open(c->kv->txn, c->kv->i2t, &cur);
  if(rc)
    return lmdb_problem(c, rc, "the terms (i2t)");
  for(rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); !rc;
      rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT))
    check_term(c, &k, &v);
  mdb_cursor_close(cur);
  if(rc != MDB_NOTFOUND)
    lmdb_problem(c, rc, "the terms (i2t)");
  ni = entries(c, c->kv->i2t, "i2t");
  nt = entries(c, c->kv->t2i, "t2i");
  if(ni >= 0 && nt >= 0 && ni != nt)
    problem(c, "the term tables disagree: i2t has %ld entries, t2i %ld",
            ni, nt);
  return ni;
}

/* ------------------------------------------------------------ quads */

/* Checks that quad @x of order @from uses known ids and is in the other
 * orders (all of them, or only spog when !@all). */
static void
check_quad(struct check *c, const struct kg_quad *x, int from, int all)
{
  int i, o;

  for(i = 0; from == KG_SPOG && i < 4; i++)
    if((i != KG_G || x->t[i]) && !known(c, x->t[i]))
      problem(c, "quad (%lu %lu %lu %lu) uses term %lu, which the "
              "dictionary (i2t) lacks", (unsigned long)x->t[0],
              (unsigned long)x->t[1], (unsigned long)x->t[2],
              (unsigned long)x->t[3], (unsigned long)x->t[i]);
  for(o = 0; o < KG_NORDERS; o++) {
    int rc;

    if(o == from || (!all && o != KG_SPOG))
      continue;
    rc = kg_quads_has(&c->quads, o, x);
    if(rc < 0)
      reported(c);
    else if(!rc)
      problem(c, "index %s lacks the quad (%lu %lu %lu %lu) of index %s",
              kg_kv_order_name(o), (unsigned long)x->t[0], (unsigned long)x->t[1],
              (unsigned long)x->t[2], (unsigned long)x->t[3],
              kg_kv_order_name(from));
  }
}

/* Every quad of order @o checked against the others (@all) or spog. */
static void
scan_order(struct check *c, int o, int all)
{
  struct kg_scan sc;
  int rc;

  if(kg_scan_order(&sc, &c->quads, o)) {
    reported(c);
    return;
  }
  while((rc = kg_scan_next(&sc)) > 0)
    check_quad(c, &sc.cur_quad, o, all);
  if(rc < 0)
    reported(c);
  kg_scan_close(&sc);
}

/* The sizes of the orders, spog against the others and, when a size
 * differs, the others against spog.  Returns the number of quads. */
static long
check_quads(struct check *c)
{
  long n[KG_NORDERS];
  int o, differ = 0;

  for(o = 0; o < KG_NORDERS; o++)
    if((n[o] = kg_quads_count(&c->quads, o)) < 0)
      return reported(c);
  for(o = 1; o < KG_NORDERS; o++)
    if(n[o] != n[KG_SPOG]) {
      problem(c, "index %s has %ld entries, index spog %ld",
              kg_kv_order_name(o), n[o], n[KG_SPOG]);
      differ = 1;
    }
  scan_order(c, KG_SPOG, 1);
  for(o = 1; differ && o < KG_NORDERS; o++)
    if(n[o] != n[KG_SPOG])
      scan_order(c, o, 0);
  return n[KG_GSPO];
}

/* ------------------------------------------------------------ graphs */

/* 1 if term @id is the IRI @iri. */
static int
names(struct check *c, uint32_t id, const char *iri)
{
  size_t len = strlen(iri);
  MDB_val k, v;

  k.mv_data = &id;
  k.mv_size = sizeof(id);
  return !mdb_get(c->kv->txn, c->kv->i2t, &k, &v) &&
         v.mv_size == len + 1 && ((const char *)v.mv_data)[0] == 'U' &&
         !memcmp((const char *)v.mv_data + 1, iri, len);
}

/* Checks the record @v of graph @id against the quads of that graph. */
static void
check_record(struct check *c, uint32_t id, const MDB_val *v)
{
  struct kg_store_graph g;
  long n;

  if(kg_meta_parse(v->mv_data, v->mv_size, &g)) {
    problem(c, "the record of graph %lu cannot be read", (unsigned long)id);
    return;
  }
  if(!names(c, id, g.iri))
    problem(c, "the record of graph <%s> is under id %lu, which is not "
            "that IRI", g.iri, (unsigned long)id);
  n = kg_quads_graph_size(&c->quads, id);
  if(n < 0)
    reported(c);
  else if(n != g.triples)
    problem(c, "graph <%s> is recorded with %ld triples but holds %ld",
            g.iri, g.triples, n);
  free(g.iri);
  free(g.source);
}

/* Every record of the graphs table.  Returns how many. */
static long
check_records(struct check *c)
{
  MDB_cursor *cur;
  MDB_val k, v;
  long n = 0;
  int rc;

  rc = mdb_cursor_open(c->kv->txn, c->kv->graphs, &cur);
  if(rc)
    return lmdb_problem(c, rc, "the graphs");
  for(rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); !rc;
      rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT), n++) {
    uint32_t id;

    if(k.mv_size != sizeof(id)) {
      problem(c, "the graphs table has a key of %lu bytes",
              (unsigned long)k.mv_size);
      continue;
    }
    memcpy(&id, k.mv_data, sizeof(id));
    check_record(c, id, &v);
  }
  mdb_cursor_close(cur);
  if(rc != MDB_NOTFOUND)
    lmdb_problem(c, rc, "the graphs");
  return n;
}

/* 1 if graph @g has a record. */
static int
recorded(struct check *c, uint32_t g)
{
  MDB_val k, v;

  k.mv_data = &g;
  k.mv_size = sizeof(g);
  return !mdb_get(c->kv->txn, c->kv->graphs, &k, &v);
}

/* Each graph with quads has a record. */
static void
check_unrecorded(struct check *c)
{
  struct kg_scan sc;
  int rc;

  if(kg_scan_graphs(&sc, &c->quads)) {
    reported(c);
    return;
  }
  while((rc = kg_scan_next(&sc)) > 0)
    if(!recorded(c, sc.cur_quad.t[KG_G]))
      problem(c, "graph %lu has quads but no record",
              (unsigned long)sc.cur_quad.t[KG_G]);
  if(rc < 0)
    reported(c);
  kg_scan_close(&sc);
}

/* ------------------------------------------------------------ uses */

/* 1 if graph @g has a quad whose object is @o, 0 if not, -1 reported. */
static int
has_object(struct check *c, uint32_t g, uint32_t o)
{
  struct kg_scan sc;
  struct kg_quad pat;
  int rc;

  memset(&pat, 0, sizeof(pat));
  pat.t[KG_G] = g;
  pat.t[KG_O] = o;
  if(kg_scan_open(&sc, &c->quads, &pat, 0))
    return -1;
  rc = kg_scan_next(&sc);
  kg_scan_close(&sc);
  return rc;
}

/* 1 if table @dbi (sorted duplicates) holds (@a, @b), 0 if not, -1 (a
 * problem). */
static int
has_pair(struct check *c, MDB_dbi dbi, uint32_t a, uint32_t b)
{
  MDB_cursor *cur;
  MDB_val k, v;
  int rc;

  k.mv_data = &a;
  k.mv_size = sizeof(a);
  v.mv_data = &b;
  v.mv_size = sizeof(b);
  rc = mdb_cursor_open(c->kv->txn, dbi, &cur);
  if(!rc) {
    rc = mdb_cursor_get(cur, &k, &v, MDB_GET_BOTH);
    mdb_cursor_close(cur);
  }
  if(rc == MDB_NOTFOUND)
    return 0;
  return rc ? lmdb_problem(c, rc, "the usedby table") : 1;
}

/* Checks the uses entry (@g, @o). */
static void
check_use(struct check *c, uint32_t g, uint32_t o)
{
  int rc;

  if(!has_pair(c, c->kv->usedby, o, g))
    problem(c, "uses says graph %lu names term %lu; usedby does not",
            (unsigned long)g, (unsigned long)o);
  if(!recorded(c, g))
    problem(c, "uses names graph %lu, which has no record",
            (unsigned long)g);
  rc = has_object(c, g, o);
  if(rc < 0)
    reported(c);
  else if(!rc)
    problem(c, "uses says graph %lu names term %lu; no quad of it does",
            (unsigned long)g, (unsigned long)o);
}

static void
check_uses(struct check *c)
{
  MDB_cursor *cur;
  MDB_val k, v;
  long nu, nb;
  int rc;

  rc = mdb_cursor_open(c->kv->txn, c->kv->uses, &cur);
  if(rc) {
    lmdb_problem(c, rc, "the uses table");
    return;
  }
  for(rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); !rc;
      rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
    uint32_t g, o;

    if(k.mv_size != sizeof(g) || v.mv_size != sizeof(o)) {
      problem(c, "the uses table has an entry of %lu and %lu bytes",
              (unsigned long)k.mv_size, (unsigned long)v.mv_size);
      continue;
    }
    memcpy(&g, k.mv_data, sizeof(g));
    memcpy(&o, v.mv_data, sizeof(o));
    check_use(c, g, o);
  }
  mdb_cursor_close(cur);
  if(rc != MDB_NOTFOUND)
    lmdb_problem(c, rc, "the uses table");
  nu = entries(c, c->kv->uses, "uses");
  nb = entries(c, c->kv->usedby, "usedby");
  if(nu >= 0 && nb >= 0 && nu != nb)
    problem(c, "uses has %ld entries, usedby %ld", nu, nb);
}

/* ------------------------------------------------------------ entry */

static void
run(struct check *c, struct kg_store_counts *n)
{
  check_info(c);
  n->terms = check_terms(c);
  n->quads = check_quads(c);
  n->graphs = check_records(c);
  check_unrecorded(c);
  check_uses(c);
}

int
kg_store_check(struct kg_world *w, const char *dir,
               struct kg_store_counts *n)
{
  struct check c;
  int code;

  memset(&c, 0, sizeof(c));
  memset(n, 0, sizeof(*n));
  if(!kg_store_found(dir, &code))
    return code;
  c.kv = kg_kv_open(dir, 0, &code);
  if(!c.kv)
    return code;
  kg_terms_init(&c.terms, c.kv, w->world);
  kg_quads_init(&c.quads, c.kv);
  run(&c, n);
  if(c.problems > KG_CHECK_LIST)
    kg_error("store '%s' is damaged: %ld problems (the first %d listed)",
             dir, c.problems, KG_CHECK_LIST);
  else if(c.problems)
    kg_error("store '%s' is damaged: %ld problem%s", dir, c.problems,
             c.problems > 1 ? "s" : "");
  kg_quads_release(&c.quads);
  kg_terms_release(&c.terms);
  kg_kv_free(c.kv);
  free(c.have);
  return c.problems ? KG_EXIT_SYS : KG_EXIT_OK;
}
