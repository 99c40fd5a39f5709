/* dcat.h - statistics of the stored graph and its DCAT / VoID description.
 *
 * kg_dcat_stats() walks the store once (plus a few index lookups) and
 * counts what `stats` prints and what VoID needs: triples per graph,
 * entities per class, entities per département (through mn:inTerritory),
 * the territories and themes the graph covers.  kg_dcat_write() turns those
 * counts and the store's times into a DCAT catalogue (Turtle) that
 * open-data portals (data.gouv.fr, DCAT-AP harvesters) accept.
 */
#ifndef KG_DCAT_H
#define KG_DCAT_H

#include <stdio.h>
#include <redland.h>

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
 * with kg_dcat_stats_release() in both cases. */
int kg_dcat_stats(struct kg_world *w, struct kg_store *st,
                      struct kg_gstats *gs);
void kg_dcat_stats_release(struct kg_gstats *gs);

/* Prefixed name of @iri with the contract's prefixes ("schema:Event"), or
 * @iri itself.  Writes into @out (at least 256 bytes). */
const char *kg_dcat_curie(const char *iri, char *out, size_t size);

struct kg_dcat_opts {
  const char *title;          /* dataset title (default provided) */
  const char *description;    /* dataset description */
  const char *publisher;      /* publisher name */
  const char *publisher_iri;  /* publisher IRI (optional) */
  const char *contact;        /* contact e-mail */
  const char *contact_name;   /* contact name (optional) */
  const char *download_base;  /* URL the exported files are published under */
  const char *landing_page;   /* dataset landing page (optional) */
  char *owned[8];             /* values read from a config file */
};

/* Reads `key = value` lines ('#' comments) of @path into the fields of
 * @opts that are still NULL (command-line options win).  Keys: title,
 * description, publisher, publisher_iri, contact, contact_name,
 * download_base, landing_page.  0, or -1 after reporting (unreadable file,
 * unknown key: KG_EXIT_DATA is the caller's).  Free the values with
 * kg_dcat_opts_release(). */
int kg_dcat_config_read(const char *path, struct kg_dcat_opts *opts);
void kg_dcat_opts_release(struct kg_dcat_opts *opts);

/* Writes the DCAT catalogue, dataset, one distribution per format and the
 * VoID statistics of @gs (class partitions as blank nodes) as sorted
 * Turtle on @out, through kg_serialize_stmts().  Borrows everything.  0,
 * or -1 after reporting. */
int kg_dcat_write(struct kg_world *w, struct kg_store *st,
                  const struct kg_gstats *gs,
                  const struct kg_dcat_opts *opts, FILE *out);

#endif
