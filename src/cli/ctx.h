/* ctx.h - struct kg_ctx: the process-wide state every command borrows.
 *
 * Owns the one librdf world (librdf is not thread-safe: one world per
 * process), the global options, and the reference data loaded on demand
 * (vocabulary, gazetteer, registry).  Commands receive a ready ctx.
 */
#ifndef KG_CTX_H
#define KG_CTX_H

#include <redland.h>

struct kg_vocab;
struct kg_gaz;
struct kg_registry;

struct kg_ctx {
  librdf_world *world;      /* owned */
  raptor_world *raptor;     /* SHARED, from world */
  const char *store_dir;    /* --store, $MEDNUM_KG_STORE, or default */
  int store_explicit;       /* 1 when --store or $MEDNUM_KG_STORE was given */
  const char *base;         /* instance base IRI, ends with '/' */
  const char *datadir;      /* where ontology/, data/, queries/ live */
  struct kg_vocab *vocab;   /* owned, lazily loaded: kg_ctx_vocab() */
  struct kg_gaz *gaz;       /* owned, lazily loaded: kg_ctx_gaz() */
  struct kg_registry *reg;  /* owned, lazily loaded: kg_ctx_registry() */
};

#define KG_DEFAULT_BASE "https://w3id.org/mednum-kg/id/"
#define KG_DEFAULT_STORE "mednum-kg.store"

/* Opens the world, installs the log bridge, sets the locale. 0 or -1. */
int kg_ctx_init(struct kg_ctx *ctx);
void kg_ctx_release(struct kg_ctx *ctx);

/* Returns SHARED loaded resources (loading on first call), or NULL after
 * reporting an error. */
struct kg_vocab *kg_ctx_vocab(struct kg_ctx *ctx);
struct kg_gaz *kg_ctx_gaz(struct kg_ctx *ctx);
struct kg_registry *kg_ctx_registry(struct kg_ctx *ctx);

/* Path of a file under the data directory, e.g. "ontology/cues.ttl".
 * Returns new string (caller frees). */
char *kg_ctx_path(const struct kg_ctx *ctx, const char *rel);

/* A new in-memory model (hashes, contexts, predicate index).  *storage
 * receives the storage to free after the model. NULL after reporting. */
librdf_model *kg_ctx_new_memory_model(struct kg_ctx *ctx,
                                      librdf_storage **storage);
/* Same without named graphs: much faster to fill (librdf's hashes store
 * with contexts checks every default-graph statement against the store,
 * which makes loading quadratic). */
librdf_model *kg_ctx_new_plain_model(struct kg_ctx *ctx,
                                     librdf_storage **storage);

/* Node helpers. Return new nodes (caller frees with librdf_free_node). */
librdf_node *kg_ctx_iri(struct kg_ctx *ctx, const char *iri);
librdf_node *kg_ctx_iri2(struct kg_ctx *ctx, const char *ns, const char *local);
/* Instance IRI: base + rel ("event/nec-cvl-2024"). */
librdf_node *kg_ctx_id(struct kg_ctx *ctx, const char *rel);

#endif
