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
#include "base/buf.h"

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
/* Same, given the index file's path. */
struct kg_gaz *kg_gaz_open_file(const char *path);
void kg_gaz_free(struct kg_gaz *g);

/* Every territory, in index order (régions, départements, EPCI, communes,
 * each by code): kg_gaz_at(g, 0 .. kg_gaz_count(g) - 1).  SHARED. */
size_t kg_gaz_count(const struct kg_gaz *g);
const struct kg_terr *kg_gaz_at(const struct kg_gaz *g, size_t i);

/* Territories whose name (or a variant: "CC X" / "Communauté de communes X")
 * has matching key @key.  Fills @out (SHARED, valid until kg_gaz_free) with up
 * to @max entries; returns the number of matches stored (never more than
 * @max).  With @max 0, @out is not used and the total number is returned.
 * Order: régions, départements, EPCI, communes; within a kind, larger
 * population first ("Indre": the département 36, then the commune 44074). */
size_t kg_gaz_lookup(const struct kg_gaz *g, const char *key,
                     const struct kg_terr **out, size_t max);

/* 1 if some key is @prefix or starts with @prefix + " " (whole words): an
 * n-gram scan can stop growing a candidate as soon as this says 0. */
int kg_gaz_has_prefix(const struct kg_gaz *g, const char *prefix);

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


/* Index format (territoires.idx), written by tool_gazbuild, read by mmap.
 * Native byte order, 32-bit unsigned words, sections aligned on 8 bytes.
 *   header, 64 bytes: magic[8] version byte_order n_terr kind_start[4]
 *     n_keys max_words off_recs off_keys off_pool pool_size file_size
 *   records, n_terr * 8 words, sorted by (kind, code) with strcmp:
 *     code name departement region epci population kind spare
 *     (code, name: pool offsets; departement, region, epci: record index
 *     or KG_GAZ_NONE)
 *   keys, n_keys * 2 words (key: pool offset, record index), sorted by key
 *     with strcmp, then in kg_gaz_lookup order
 *   pool: NUL-terminated UTF-8 strings, last byte NUL. */
#define KG_GAZ_INDEX_FILE "territoires.idx"
#define KG_GAZ_NT_FILE "territoires.nt"
#define KG_GAZ_MAGIC "KGGAZ\r\n\032"
#define KG_GAZ_VERSION 1u
#define KG_GAZ_BYTE_ORDER 0x01020304u
#define KG_GAZ_HEADER_SIZE 64u
#define KG_GAZ_NONE 0xFFFFFFFFu
#define KG_GAZ_MAX_ANCESTORS 8
enum {
  KG_GAZ_R_CODE = 0,
  KG_GAZ_R_NAME,
  KG_GAZ_R_DEP,
  KG_GAZ_R_REG,
  KG_GAZ_R_EPCI,
  KG_GAZ_R_POP,
  KG_GAZ_R_KIND,
  KG_GAZ_R_SPARE,
  KG_GAZ_REC_WORDS
};

#endif
