/* dcat.h - the DCAT / VoID description of the stored graph.
 *
 * kg_dcat_write() turns the statistics of publish/stats.h and the store's
 * times into a DCAT catalogue (Turtle) that open-data portals
 * (data.gouv.fr, DCAT-AP harvesters) accept.
 */
#ifndef KG_DCAT_H
#define KG_DCAT_H

#include <stdio.h>
#include <redland.h>

#include "publish/stats.h"

struct kg_world;
struct kg_store;

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
