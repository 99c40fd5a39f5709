/* ctx.h - struct kg_ctx: what a command borrows from main.
 *
 * The one librdf world (rdf/world.h), the reference data loaded on demand
 * (ref/ref.h) and the global options.  Commands hand its parts down to the
 * modules: &ctx->w to RDF, query, store and publishing code, &ctx->ref to
 * the extractor and the named queries.
 */
#ifndef KG_CTX_H
#define KG_CTX_H

#include "rdf/world.h"
#include "ref/ref.h"
#include "store/store.h"

struct kg_ctx {
  struct kg_world w;
  struct kg_ref ref;
  const char *store_dir;    /* --store, $MEDNUM_KG_STORE, or default */
  int store_explicit;       /* 1 when --store or $MEDNUM_KG_STORE was given */
  struct kg_store_reader reader;  /* reports and reference for the store */
  char *curation;           /* STORE/curation.ttl: the curator's registry */
  char *datadir;            /* ontology/, queries/, data/ (ref/datadir.h) */
  int verbosity;            /* -1: -q, 0, 1: -v */
};

#define KG_DEFAULT_STORE "mednum-kg.store"

/* Opens the world, finds the data directory (ref/datadir.h), reads
 * $MEDNUM_KG_STORE and sets ctx->reader to the extractor.  0 or -1. */
int kg_ctx_init(struct kg_ctx *ctx);
/* Takes the data directory from the --data-dir option @dir. */
void kg_ctx_set_datadir(struct kg_ctx *ctx, const char *dir);
void kg_ctx_release(struct kg_ctx *ctx);
/* Sets the store directory (@explicit: given by the user) and with it the
 * curation file the registry reads, DIR/curation.ttl.  @dir is SHARED. */
void kg_ctx_set_store(struct kg_ctx *ctx, const char *dir, int explicit);

#endif
