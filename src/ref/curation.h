/* curation.h - the curator's decisions: the registry file that
 * `mednum-kg curate` writes, by default STORE/curation.ttl.
 *
 * The file has the registry's own shape (ref/registry.h reads it after
 * data/registry/): one subject per decision, under the instance base, with
 * its kind (rdf:type), schema:name, schema:alternateName and, for a
 * rejection, mn:rejected true.  Decisions are kept in the order they were
 * made, oldest first, so that `curate undo` takes back the last one.
 * Writing is atomic (base/outfile.c) and under an flock on the file's
 * directory, so two curators never lose each other's decision.
 */
#ifndef KG_CURATION_H
#define KG_CURATION_H

#include <stddef.h>
#include <raptor2.h>

#include "ref/registry.h"

struct kg_world;

struct kg_decision {
  enum kg_entity_kind kind;
  int rejected;       /* 1: reject; 0: accept */
  char *rel;          /* IRI path under the instance base: "org/x" */
  char *name;         /* schema:name */
  char **aliases;     /* schema:alternateName */
  size_t naliases;
};

struct kg_curation {
  char *path;
  struct kg_decision *v;  /* oldest first */
  size_t n, cap;
  int lock_fd;            /* the directory's flock, or -1 */
};

/* Longest name a decision takes, in bytes. */
#define KG_CURATION_NAME_MAX 300

/* Reads the curation file @path (missing: no decision) into @c.  With
 * @lock, first takes the exclusive lock that kg_curation_release() drops.
 * Returns KG_EXIT_OK, or KG_EXIT_DATA (the file does not parse or is not
 * a curation file) / KG_EXIT_SYS (unreadable, busy) after reporting; @c is
 * then empty and unlocked. */
int kg_curation_read(struct kg_curation *c, raptor_world *rw,
                     const char *path, int lock);

/* Appends @d (takes ownership of its strings) as the newest decision; it
 * replaces the earlier decisions on the same IRI, and those of the same
 * kind that share a name or alias with it. */
void kg_curation_put(struct kg_curation *c, struct kg_decision *d);

/* Removes the newest decision into *out (caller releases it with
 * kg_curation_decision_release).  0, or -1 when there is none. */
int kg_curation_undo(struct kg_curation *c, struct kg_decision *out);

/* Writes the decisions to c->path atomically.  KG_EXIT_OK, or KG_EXIT_SYS
 * after reporting (the file is then as it was). */
int kg_curation_write(const struct kg_curation *c, struct kg_world *w);

void kg_curation_decision_release(struct kg_decision *d);
/* Frees the decisions and drops the lock. */
void kg_curation_release(struct kg_curation *c);

#endif
