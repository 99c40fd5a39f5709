/* storage.h - the store as a librdf storage module ("mednum-lmdb").
 *
 * Registered with librdf_storage_register_factory(), so that every librdf
 * path (models, streams, contexts, serializers) reads and writes the LMDB
 * store: find_statements is a range scan of one index order (quads.h),
 * contexts are the graphs.  Options: dir='DIR' (the store directory),
 * write='yes' to write (one write transaction, committed by
 * librdf_model_sync(), librdf_model_transaction_commit() or when the
 * storage is freed; librdf_model_transaction_rollback() throws it away).
 * The store layer (store.c) opens the environment itself and hands it
 * over with kg_storage_new().
 */
#ifndef KG_STORAGE_H
#define KG_STORAGE_H

#include <redland.h>

#include "store/kv.h"
#include "store/quads.h"
#include "store/terms.h"

#define KG_STORAGE_NAME "mednum-lmdb"

/* The instance behind a "mednum-lmdb" librdf_storage. */
struct kg_storage {
  librdf_world *world;          /* borrowed */
  struct kg_kv *kv;             /* owned */
  struct kg_terms terms;
  struct kg_quads quads;
};

/* Registers the factory with @world (again: nothing happens).  0 or -1. */
int kg_storage_register(librdf_world *world);

/* A storage over the open environment @kv, which it takes over (also on
 * failure).  NULL reported. */
librdf_storage *kg_storage_new(librdf_world *world, struct kg_kv *kv);

/* The instance of @storage (a "mednum-lmdb" storage), SHARED. */
struct kg_storage *kg_storage_of(librdf_storage *storage);

/* Writes what is buffered, then commits (0) or aborts the transaction.
 * 0, or -1 reported. */
int kg_storage_commit(struct kg_storage *s);
void kg_storage_abort(struct kg_storage *s);

/* The id of graph @node, added when new (@create, write transaction).
 * 1 and *id, 0 when absent, -1 reported. */
int kg_storage_graph_id(struct kg_storage *s, librdf_node *node, int create,
                        uint32_t *id);

#endif
