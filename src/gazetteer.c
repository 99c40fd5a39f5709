/* gazetteer.c - placeholder until the gazetteer lands. */
#include "diag.h"
#include "gazetteer.h"

struct kg_gaz *
kg_gaz_open(const char *dir)
{
  kg_error("gazetteer not built in '%s'", dir);
  return NULL;
}

void
kg_gaz_free(struct kg_gaz *g)
{
  (void)g;
}

size_t
kg_gaz_lookup(const struct kg_gaz *g, const char *key,
              const struct kg_terr **out, size_t max)
{
  (void)g; (void)key; (void)out; (void)max;
  return 0;
}

const struct kg_terr *
kg_gaz_get(const struct kg_gaz *g, enum kg_terr_kind kind, const char *code)
{
  (void)g; (void)kind; (void)code;
  return NULL;
}

int
kg_gaz_max_words(const struct kg_gaz *g)
{
  (void)g;
  return 0;
}

size_t
kg_gaz_parents(const struct kg_gaz *g, const struct kg_terr *t,
               const struct kg_terr **out, size_t max)
{
  (void)g; (void)t; (void)out; (void)max;
  return 0;
}

size_t
kg_gaz_ancestors(const struct kg_gaz *g, const struct kg_terr *t,
                 const struct kg_terr **out, size_t max)
{
  (void)g; (void)t; (void)out; (void)max;
  return 0;
}

const char *
kg_gaz_rel_iri(const struct kg_terr *t, struct kg_buf *out)
{
  (void)t;
  kg_buf_reset(out);
  return out->s;
}

const char *
kg_gaz_class(const struct kg_terr *t)
{
  (void)t;
  return "Commune";
}
