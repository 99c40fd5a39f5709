/* quads.h - the store's quads: six sorted index orders over term ids.
 *
 * A quad is (s, p, o, g) as term ids; g = 0 is the default graph (a
 * statement added without a graph).  Each order keeps its first id as the
 * key and the three others as a 12-byte big-endian duplicate, so a triple
 * pattern with any of s, p, o, g bound is one range: SPOG, POSG and OSPG
 * serve patterns without a graph (the union of the graphs: a triple in
 * several graphs is given once), GSPO, GPOS and GOSP those in one graph.
 * Adds are buffered and written sorted, by order (KG_QUADS_BATCH at most);
 * every read or removal writes the buffer first.
 */
#ifndef KG_QUADS_H
#define KG_QUADS_H

#include <stddef.h>
#include <stdint.h>

#include "store/kv.h"

#define KG_QUADS_BATCH 1000000

/* Positions in a quad. */
enum { KG_S, KG_P, KG_O, KG_G };

struct kg_quad {
  uint32_t t[4];                  /* s, p, o, g */
};

struct kg_quads {
  struct kg_kv *kv;               /* borrowed */
  struct kg_quad *pend;           /* adds not yet written */
  size_t npend;
  size_t cap;
  MDB_cursor *spare[KG_NORDERS];  /* a closed scan's cursor, for the next */
};

void kg_quads_init(struct kg_quads *q, struct kg_kv *kv);
void kg_quads_release(struct kg_quads *q);
/* Drops the buffered adds and the spare cursors: before the transaction
 * ends (commit or abort). */
void kg_quads_forget(struct kg_quads *q);

/* Adds a quad (write transaction); a quad already there stays one.
 * 0, or -1 reported. */
int kg_quads_add(struct kg_quads *q, const struct kg_quad *x);
/* Writes the buffered adds.  0, or -1 reported. */
int kg_quads_flush(struct kg_quads *q);
/* Removes one quad if present.  0, or -1 reported. */
int kg_quads_remove(struct kg_quads *q, const struct kg_quad *x);
/* Removes every quad of graph @g; *n (may be NULL) receives how many.
 * 0, or -1 reported. */
int kg_quads_drop_graph(struct kg_quads *q, uint32_t g, long *n);
/* Quads in graph @g (0 if none), or -1 reported. */
long kg_quads_graph_size(struct kg_quads *q, uint32_t g);
/* Every quad of the store, or -1 reported. */
long kg_quads_size(struct kg_quads *q);
/* Entries of order @o (enum kg_kv_order; LMDB's count, not a scan), or
 * -1 reported. */
long kg_quads_count(struct kg_quads *q, int o);
/* 1 if order @o holds quad @x, 0 if not, -1 reported. */
int kg_quads_has(struct kg_quads *q, int o, const struct kg_quad *x);

/* A range scan over the quads matching a pattern. */
struct kg_scan {
  struct kg_quads *q;
  MDB_cursor *cur;
  int order;                      /* enum kg_kv_order */
  struct kg_quad pat;             /* 0 = any */
  int any_graph;                  /* the union of the graphs */
  int distinct_graphs;            /* graphs only (get_contexts) */
  unsigned char prefix[12];       /* bound ids after the key */
  size_t nprefix;                 /* bytes of prefix */
  uint32_t key;                   /* the bound key, as LMDB may point at it */
  unsigned char probe[12];        /* the prefix, padded (the same) */
  int started;
  int done;
  struct kg_quad cur_quad;        /* the current match */
};

/* Opens a scan: @pat's 0 ids are unbound; @any_graph: the graph is not
 * part of the pattern (pat->t[KG_G] ignored) and repeated triples are
 * given once.  0, or -1 reported. */
int kg_scan_open(struct kg_scan *sc, struct kg_quads *q,
                 const struct kg_quad *pat, int any_graph);
/* Opens a scan over the graph ids of the store (in cur_quad.t[KG_G]),
 * without 0.  0, or -1 reported. */
int kg_scan_graphs(struct kg_scan *sc, struct kg_quads *q);
/* Opens a scan over every entry of order @order (enum kg_kv_order), in
 * its order, repeats included.  0, or -1 reported. */
int kg_scan_order(struct kg_scan *sc, struct kg_quads *q, int order);
/* Moves to the next match: 1 (sc->cur_quad), 0 at the end, -1 reported. */
int kg_scan_next(struct kg_scan *sc);
void kg_scan_close(struct kg_scan *sc);

#endif
