/* ctx.c - process-wide state: the librdf world, options, reference data. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "base/diag.h"
#include "ref/gazetteer.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "ref/vocab.h"

int
kg_ctx_init(struct kg_ctx *ctx)
{
  const char *env;

  memset(ctx, 0, sizeof(*ctx));
  /* rasqal's POSIX regex works on characters only in a UTF-8 locale */
  if(!setlocale(LC_ALL, "C.UTF-8"))
    setlocale(LC_CTYPE, "C.UTF-8");
  ctx->world = librdf_new_world();
  if(!ctx->world) {
    kg_error("cannot start the RDF library");
    return -1;
  }
  kg_diag_install_redland(ctx->world);
  librdf_world_open(ctx->world);
  kg_diag_install_redland(ctx->world);
  ctx->raptor = librdf_world_get_raptor(ctx->world);
  kg_rdf_set_world(ctx->world);
  env = getenv("MEDNUM_KG_STORE");
  if(env && *env) {
    ctx->store_dir = env;
    ctx->store_explicit = 1;
  } else {
    ctx->store_dir = KG_DEFAULT_STORE;
  }
  env = getenv("MEDNUM_KG_DATA");
  ctx->datadir = (env && *env) ? env : KG_DATADIR;
  ctx->base = KG_DEFAULT_BASE;
  return 0;
}

void
kg_ctx_release(struct kg_ctx *ctx)
{
  kg_vocab_free(ctx->vocab);
  kg_gaz_free(ctx->gaz);
  kg_registry_free(ctx->reg);
  if(ctx->world)
    librdf_free_world(ctx->world);
  memset(ctx, 0, sizeof(*ctx));
}

char *
kg_ctx_path(const struct kg_ctx *ctx, const char *rel)
{
  struct kg_buf b = KG_BUF_INIT;

  kg_buf_addf(&b, "%s/%s", ctx->datadir, rel);
  return kg_buf_detach(&b);
}

struct kg_vocab *
kg_ctx_vocab(struct kg_ctx *ctx)
{
  if(!ctx->vocab)
    ctx->vocab = kg_vocab_new(ctx);
  return ctx->vocab;
}

struct kg_gaz *
kg_ctx_gaz(struct kg_ctx *ctx)
{
  if(!ctx->gaz) {
    char *dir = kg_ctx_path(ctx, "data/gazetteer");

    ctx->gaz = kg_gaz_open(dir);
    free(dir);
  }
  return ctx->gaz;
}

struct kg_registry *
kg_ctx_registry(struct kg_ctx *ctx)
{
  if(!ctx->reg)
    ctx->reg = kg_registry_new(ctx);
  return ctx->reg;
}

static librdf_model *
memory_model(struct kg_ctx *ctx, librdf_storage **storage, const char *opts)
{
  librdf_model *m;

  *storage = librdf_new_storage(ctx->world, "hashes", NULL, opts);
  if(!*storage) {
    kg_error("cannot create an in-memory graph");
    return NULL;
  }
  m = librdf_new_model(ctx->world, *storage, NULL);
  if(!m) {
    librdf_free_storage(*storage);
    *storage = NULL;
    kg_error("cannot create an in-memory graph");
  }
  return m;
}

librdf_model *
kg_ctx_new_memory_model(struct kg_ctx *ctx, librdf_storage **storage)
{
  return memory_model(ctx, storage, "hash-type='memory',contexts='yes',"
                                    "index-predicates='yes'");
}

librdf_model *
kg_ctx_new_plain_model(struct kg_ctx *ctx, librdf_storage **storage)
{
  return memory_model(ctx, storage, "hash-type='memory',contexts='no',"
                                    "index-predicates='yes'");
}

librdf_node *
kg_ctx_iri(struct kg_ctx *ctx, const char *iri)
{
  return librdf_new_node_from_uri_string(ctx->world,
                                         (const unsigned char *)iri);
}

librdf_node *
kg_ctx_iri2(struct kg_ctx *ctx, const char *ns, const char *local)
{
  return kg_rdf_iri(ctx->world, ns, local);
}

librdf_node *
kg_ctx_id(struct kg_ctx *ctx, const char *rel)
{
  return kg_rdf_iri(ctx->world, ctx->base, rel);
}
