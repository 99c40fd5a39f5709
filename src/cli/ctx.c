/* ctx.c - what a command borrows: world, reference data, options. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "extract/extract.h"
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
  const char *env, *datadir;

  memset(ctx, 0, sizeof(*ctx));
  if(kg_world_init(&ctx->w))
    return -1;
  env = getenv("MEDNUM_KG_STORE");
  if(env && *env) {
    ctx->store_dir = env;
    ctx->store_explicit = 1;
  } else {
    ctx->store_dir = KG_DEFAULT_STORE;
  }
  env = getenv("MEDNUM_KG_DATA");
  datadir = (env && *env) ? env : KG_DATADIR;
  kg_ref_init(&ctx->ref, &ctx->w, datadir);
  ctx->reader.report = read_report;
  ctx->reader.reference = describe_reference;
  ctx->reader.arg = &ctx->ref;
  return 0;
}

void
kg_ctx_release(struct kg_ctx *ctx)
{
  kg_ref_release(&ctx->ref);
  kg_world_release(&ctx->w);
  memset(ctx, 0, sizeof(*ctx));
}
