/* ctx.c - what a command borrows: world, reference data, options. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "extract/extract.h"
#include "ref/datadir.h"
#include "store/store.h"

static int
read_report(void *arg, const char *path, librdf_model *model, char **graph)
{
  struct kg_report_info info;
  int code;

  memset(&info, 0, sizeof(info));
  *graph = NULL;
  code = kg_extract_report(arg, path, model, &info);
  if(info.graph)
    *graph = kg_xstrdup(info.graph);
  kg_extract_info_release(&info);
  return code;
}

static int
describe_reference(void *arg, librdf_model *model)
{
  return kg_extract_reference(arg, model);
}

int
kg_ctx_init(struct kg_ctx *ctx)
{
  const char *env;

  memset(ctx, 0, sizeof(*ctx));
  if(kg_world_init(&ctx->w))
    return -1;
  ctx->datadir = kg_datadir_find(NULL);
  kg_ref_init(&ctx->ref, &ctx->w, ctx->datadir);
  env = getenv("MEDNUM_KG_STORE");
  if(env && *env)
    kg_ctx_set_store(ctx, env, 1);
  else
    kg_ctx_set_store(ctx, KG_DEFAULT_STORE, 0);
  ctx->reader.report = read_report;
  ctx->reader.reference = describe_reference;
  ctx->reader.arg = &ctx->ref;
  return 0;
}

void
kg_ctx_set_store(struct kg_ctx *ctx, const char *dir, int explicit)
{
  struct kg_buf b = KG_BUF_INIT;

  ctx->store_dir = dir;
  ctx->store_explicit = explicit;
  kg_buf_addf(&b, "%s/curation.ttl", dir);
  free(ctx->curation);
  ctx->curation = kg_buf_detach(&b);
  kg_ref_set_curation(&ctx->ref, ctx->curation);
}

void
kg_ctx_set_datadir(struct kg_ctx *ctx, const char *dir)
{
  const char *curation = ctx->ref.curation;

  kg_ref_release(&ctx->ref);
  free(ctx->datadir);
  ctx->datadir = kg_datadir_find(dir);
  kg_ref_init(&ctx->ref, &ctx->w, ctx->datadir);
  kg_ref_set_curation(&ctx->ref, curation);
}

void
kg_ctx_release(struct kg_ctx *ctx)
{
  kg_ref_release(&ctx->ref);
  free(ctx->datadir);
  free(ctx->curation);
  kg_world_release(&ctx->w);
  memset(ctx, 0, sizeof(*ctx));
}
