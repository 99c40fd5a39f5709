/* gazetteer.h - French territories (régions, départements, EPCI, communes).
 *
 * Built by `make gazetteer` from the npm package
 * @etalab/decoupage-administratif 6.0.0 into data/gazetteer/ (a compact
 * index read at start, and N-Triples of every territory).  Lookups are by
 * matching key (kg_text_key()) or by code.
 */
#ifndef KG_GAZETTEER_H
#define KG_GAZETTEER_H

#include <stddef.h>
#include <redland.h>
#include "buf.h"

enum kg_terr_kind {
  KG_TERR_REGION = 0,
  KG_TERR_DEPARTEMENT,
  KG_TERR_EPCI,
  KG_TERR_COMMUNE
};

struct kg_terr {
  enum kg_terr_kind kind;
  const char *code;         /* INSEE code; SIREN for an EPCI */
  const char *name;         /* official name, NFC */
  const char *departement;  /* code of its département, NULL if none/several */
  const char *region;       /* code of its région, NULL if none/several */
  const char *epci;         /* commune: SIREN of its EPCI, or NULL */
  long population;          /* 0 when unknown */
};

struct kg_gaz;

/* Opens the index in @dir (data/gazetteer). NULL after reporting. */
struct kg_gaz *kg_gaz_open(const char *dir);
void kg_gaz_free(struct kg_gaz *g);

/* Territories whose name (or a variant: "CC X" / "Communauté de communes X")
 * has matching key @key.  Fills @out (SHARED, valid until kg_gaz_free) with up
 * to @max entries; returns the number of matches. */
size_t kg_gaz_lookup(const struct kg_gaz *g, const char *key,
                     const struct kg_terr **out, size_t max);

/* By kind and code ("36", "45234", "24", SIREN). SHARED or NULL. */
const struct kg_terr *kg_gaz_get(const struct kg_gaz *g,
                                 enum kg_terr_kind kind, const char *code);

/* Longest name, in key words (bounds n-gram lookups). */
int kg_gaz_max_words(const struct kg_gaz *g);

/* Direct parents (commune: its EPCI and département; EPCI: its département
 * when all its communes lie in one; département: its région). */
size_t kg_gaz_parents(const struct kg_gaz *g, const struct kg_terr *t,
                      const struct kg_terr **out, size_t max);
/* Every ancestor (the closure of kg_gaz_parents). */
size_t kg_gaz_ancestors(const struct kg_gaz *g, const struct kg_terr *t,
                        const struct kg_terr **out, size_t max);

/* Relative IRI path, e.g. "territoire/commune/45234". Returns out->s. */
const char *kg_gaz_rel_iri(const struct kg_terr *t, struct kg_buf *out);

/* igeo class local name: "Region", "Departement", "Intercommunalite",
 * "Commune". */
const char *kg_gaz_class(const struct kg_terr *t);

#endif
