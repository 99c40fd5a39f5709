/* sparql.c - placeholder until the query layer lands. */
#include "diag.h"
#include "sparql.h"

int
kg_sparql_exec(struct kg_ctx *ctx, librdf_model *model, const char *query,
               const struct kg_sparql_opts *opts, struct kg_result **out)
{
  (void)ctx; (void)model; (void)query; (void)opts;
  *out = NULL;
  kg_error("queries are not implemented yet");
  return KG_EXIT_SYS;
}

enum kg_result_kind
kg_result_kind(const struct kg_result *r)
{
  (void)r;
  return KG_RESULT_BINDINGS;
}

int
kg_result_boolean(const struct kg_result *r)
{
  (void)r;
  return 0;
}

size_t
kg_result_count(const struct kg_result *r)
{
  (void)r;
  return 0;
}

int
kg_result_write(struct kg_ctx *ctx, struct kg_result *r, const char *format,
                FILE *out)
{
  (void)ctx; (void)r; (void)format; (void)out;
  return -1;
}

int
kg_result_format_known(const char *format)
{
  (void)format;
  return 0;
}

void
kg_result_free(struct kg_result *r)
{
  (void)r;
}
