/* registry.c - placeholder: empty registry until the loader lands. */
#include <stdlib.h>
#include "buf.h"
#include "registry.h"

struct kg_registry *
kg_registry_new(struct kg_ctx *ctx)
{
  (void)ctx;
  return kg_xcalloc(1, sizeof(struct kg_registry));
}

void
kg_registry_free(struct kg_registry *r)
{
  free(r);
}
