/* registry.h - known entities (data/registry/ files and the curator's file).
 *
 * The registry gives names, aliases, types and identifiers only; it holds
 * no relations.  Every relation is extracted from the text.
 *
 * The curation file (`mednum-kg curate`, by default STORE/curation.ttl)
 * has the same shape and is read after data/registry/: what it accepts is
 * known like the rest; what it marks `mn:rejected true` is never an
 * entity of that kind (its names are kept apart, in the rejected table).
 */
#ifndef KG_REGISTRY_H
#define KG_REGISTRY_H

#include <stddef.h>

#include <raptor2.h>

#include "base/hash.h"

enum kg_entity_kind {
  KG_ENT_ORG = 0,     /* schema:Organization */
  KG_ENT_INITIATIVE,  /* mn:Initiative */
  KG_ENT_PERSON,      /* schema:Person (curation file only) */
  KG_ENT_PLACE        /* schema:Place: a territory's name (curation file only) */
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
  int rejected;       /* mn:rejected true (curation file) */
  int user;           /* described in the curation file */
};

struct kg_regkey {
  char *key;          /* kg_text_key() of a name or alias */
  size_t ent;
};

struct kg_registry {
  struct kg_entity *ents;   /* in the order the files give them */
  size_t nents;
  struct kg_regkey *keys;   /* organisations and initiatives, sorted by key */
  size_t nkeys;
  struct kg_regkey *names;  /* accepted people and places, sorted by key */
  size_t nnames;
  struct kg_regkey *rejkeys; /* names of rejected entities, sorted by key */
  size_t nrejkeys;
  struct kg_hash byrel;     /* rel -> index in ents */
  int maxwords;             /* longest name, in key words */
};

/* Loads every Turtle file in @regdir (NULL: none), then the curation file
 * @userfile (NULL or missing: none), checked strictly: subjects under the
 * instance base, one kind, a name, no relation.  New registry, or NULL
 * after reporting with *code set to KG_EXIT_DATA (a file does not parse, a
 * bad curation file) or KG_EXIT_SYS (unreadable). */
struct kg_registry *kg_registry_new(raptor_world *rw, const char *regdir,
                                    const char *userfile, int *code);
void kg_registry_free(struct kg_registry *r);

/* Known (not rejected) entity whose name or alias has key @key
 * (kg_text_key), of @kind or any kind when @kind < 0.  SHARED or NULL. */
const struct kg_entity *kg_registry_lookup(const struct kg_registry *r,
                                           const char *key, int kind);
/* Rejected entity of @kind (any when < 0) with a name or alias of key
 * @key.  SHARED or NULL. */
const struct kg_entity *kg_registry_rejected(const struct kg_registry *r,
                                             const char *key, int kind);
/* Entity (known or rejected) whose IRI is base + @rel.  SHARED or NULL. */
const struct kg_entity *kg_registry_by_rel(const struct kg_registry *r,
                                           const char *rel);

/* The kind named @name ("person", "organisation", "initiative", "place"):
 * 0 and *kind, or -1.  kg_registry_kind_name() is the reverse. */
int kg_registry_kind_parse(const char *name, enum kg_entity_kind *kind);
const char *kg_registry_kind_name(enum kg_entity_kind kind);
/* The class IRI of @kind (schema:Organization, mn:Initiative, …). */
const char *kg_registry_kind_class(enum kg_entity_kind kind);

#endif
