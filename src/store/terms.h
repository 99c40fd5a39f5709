/* terms.h - the store's term dictionary: RDF terms <-> 32-bit ids.
 *
 * A term is written once, as its encoding (kind byte, then: 'U' the IRI;
 * 'B' the blank node label; 'L' a literal: '-' plain, '@' tagged or '^'
 * typed, the value's length on 4 bytes big-endian, the value, then the
 * tag or the datatype IRI).  t2i maps the encoding (or, above
 * KG_TERMS_INLINE bytes, '#' and the first 16 bytes of its SHA-256) to
 * the id; i2t maps the id back.  Ids start at 1 and are never reused.
 * Blank nodes added to a graph are renamed "g<graph id>_<label>", so
 * that two files' "_:b0" stay two nodes.
 *
 * Caches make repeated terms cheap: an encoding -> id map (bounded:
 * emptied past KG_TERMS_CACHE entries), a direct-mapped id -> node table,
 * and the same nodes by address, so that a node a query got from the
 * store is looked up again without being encoded.
 */
#ifndef KG_TERMS_H
#define KG_TERMS_H

#include <stdint.h>
#include <redland.h>

#include "base/buf.h"
#include "base/hash.h"
#include "store/kv.h"

#define KG_TERMS_INLINE 400
#define KG_TERMS_CACHE 262144
#define KG_TERMS_NODES_MIN 65536      /* slots of the id -> node table */
#define KG_TERMS_NODES_MAX 1048576    /* a query over 10,000 reports reads
                                       * about a million terms (programme:
                                       * 6.1 s with 65,536 slots, 4.1 s) */

struct kg_terms_slot {
  uint32_t id;
  librdf_node *node;                  /* owned */
};

struct kg_terms {
  struct kg_kv *kv;                   /* borrowed */
  librdf_world *world;                /* borrowed */
  uint32_t next;                      /* writer: the next new id (0: unknown) */
  struct kg_hash cache;               /* writer: encoding -> id */
  struct kg_buf enc;                  /* scratch */
  struct kg_terms_slot *slots;        /* nslots of them (a power of 2) */
  size_t nslots;
  size_t evicted;                     /* nodes dropped for another id */
  struct kg_terms_slot *back;         /* the same nodes by address: a node
                                       * the store gave is found without
                                       * encoding it (node SHARED) */
  uint32_t *filled;                   /* slots ever filled, for clearing */
  size_t nfilled, filled_cap;
};

void kg_terms_init(struct kg_terms *t, struct kg_kv *kv, librdf_world *w);
void kg_terms_release(struct kg_terms *t);
/* Forgets the writer's cache (after an abort: its ids may not exist). */
void kg_terms_forget(struct kg_terms *t);
/* For a reader's next version of the same store (kg_store_renew): forgets
 * what a writer would have cached, keeps the nodes read by id.  An id the
 * store has committed names the same term for as long as the store file
 * lives (ids are never deleted nor reused; a replaced file is opened
 * afresh), so they stay right, and a server's next request reads no term
 * twice. */
void kg_terms_renew(struct kg_terms *t);

/* The id of @node (@graph: the id of the graph a blank node belongs to,
 * 0 for none).  1 and *id when known, 0 when the store has no such term,
 * -1 reported. */
int kg_terms_find(struct kg_terms *t, librdf_node *node, uint32_t graph,
                  uint32_t *id);
/* The id of @node, added when new (write transaction).  0, or -1
 * reported. */
int kg_terms_intern(struct kg_terms *t, librdf_node *node, uint32_t graph,
                    uint32_t *id);
/* A new node for @id, or NULL reported (an id the store does not hold:
 * damage). */
librdf_node *kg_terms_node(struct kg_terms *t, uint32_t id);

/* Checks the dictionary entry of term @id, whose i2t encoding is @enc
 * (@n bytes): 0 when it reads as a term and t2i gives @id back for it,
 * KG_TERMS_UNREADABLE, KG_TERMS_UNMAPPED, or -1 reported (LMDB). */
#define KG_TERMS_UNREADABLE 1
#define KG_TERMS_UNMAPPED 2
int kg_terms_verify(struct kg_terms *t, uint32_t id, const void *enc,
                    size_t n);

#endif
