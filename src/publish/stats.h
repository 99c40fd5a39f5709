/* stats.h - statistics of the stored graph.
 *
 * kg_stats_compute() walks the store once (plus a few index lookups) and
 * counts what `stats` prints and what VoID needs: triples per graph,
 * entities per class, entities per département (through mn:inTerritory),
 * the territories and themes the graph covers.
 */
#ifndef KG_STATS_H
#define KG_STATS_H

#include <stddef.h>

struct kg_world;
struct kg_store;

struct kg_gcount {
  char *iri;          /* graph, class or territory IRI */
  char *label;        /* source path, prefixed name, or territory name */
  char *code;         /* territory: INSEE code; else NULL */
  long n;             /* triples (graph) or entities (class) */
  long by_class[3];   /* territory: initiatives, organisations, events */
};

struct kg_gstats {
  long triples;                 /* statements over all graphs */
  long entities;                /* distinct IRI subjects with a rdf:type */
  struct kg_gcount *graphs;     /* sorted by IRI */
  size_t ngraphs;
  struct kg_gcount *classes;    /* sorted by IRI */
  size_t nclasses;
  struct kg_gcount *deps;       /* départements, sorted by code */
  size_t ndeps;
  struct kg_gcount *regions;    /* régions covered, sorted by code */
  size_t nregions;
  char **themes;                /* labels of the themes used, sorted */
  size_t nthemes;
};

/* Columns of kg_gcount.by_class. */
#define KG_GSTATS_INITIATIVES 0
#define KG_GSTATS_ORGS 1
#define KG_GSTATS_EVENTS 2

/* Fills @gs from the open store @st.  0, or -1 after reporting.  Release
 * with kg_stats_release() in both cases. */
int kg_stats_compute(struct kg_world *w, struct kg_store *st,
                     struct kg_gstats *gs);
void kg_stats_release(struct kg_gstats *gs);

/* Prefixed name of @iri with the contract's prefixes ("schema:Event"), or
 * @iri itself.  Writes into @out (at least 256 bytes). */
const char *kg_stats_curie(const char *iri, char *out, size_t size);

#endif
