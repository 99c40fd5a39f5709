/* registry.h - known organisations and initiatives (data/registry/ files).
 *
 * The registry gives names, aliases, types and identifiers only; it holds
 * no relations.  Every relation is extracted from the text.
 */
#ifndef KG_REGISTRY_H
#define KG_REGISTRY_H

#include <stddef.h>

#include <raptor2.h>

enum kg_entity_kind {
  KG_ENT_ORG = 0,
  KG_ENT_INITIATIVE
};

struct kg_entity {
  enum kg_entity_kind kind;
  char *rel;          /* IRI path under the instance base: "org/cnil" */
  char *name;         /* schema:name */
  char **aliases;     /* schema:alternateName, NFC */
  size_t naliases;
  char *identifier;   /* org:identifier (SIREN) or NULL */
  char **types;       /* extra rdf:type IRIs */
  size_t ntypes;
};

struct kg_regkey {
  char *key;          /* kg_text_key() of a name or alias */
  size_t ent;
};

struct kg_registry {
  struct kg_entity *ents;
  size_t nents;
  struct kg_regkey *keys;   /* sorted by key */
  size_t nkeys;
  int maxwords;             /* longest name, in key words */
};

/* Loads every Turtle file in data/registry/. New registry or NULL after reporting. */
struct kg_registry *kg_registry_new(raptor_world *rw, const char *regdir);
void kg_registry_free(struct kg_registry *r);

/* Entity whose name or alias has key @key (kg_text_key), of @kind or any
 * kind when @kind < 0.  SHARED or NULL. */
const struct kg_entity *kg_registry_lookup(const struct kg_registry *r,
                                           const char *key, int kind);

#endif
