/* candidates.h - the candidates of a graph, grouped for a curator.
 *
 * A candidate is an entity the extractor is unsure of: a person,
 * organisation or initiative marked mn:candidate true, or a territory
 * that only weak rules place anywhere (every rdf:Statement that gives it
 * as a dcterms:spatial carries an mn:confidence).  Each comes with its
 * kind, name, confidence (the highest given) and the passages that name
 * it: report, code-point offsets, the words and the line around them.
 * Read from any librdf model: the store, or reports just extracted.
 */
#ifndef KG_CANDIDATES_H
#define KG_CANDIDATES_H

#include <stddef.h>
#include <redland.h>

#include "base/hash.h"
#include "ref/registry.h"

struct kg_world;

struct kg_passage {
  char *report;       /* report IRI */
  long begin, end;    /* code points of the report's NFC text */
  char *text;         /* nif:anchorOf */
  char *context;      /* the line around it (new), or NULL */
};

struct kg_cand {
  enum kg_entity_kind kind;
  char *iri;
  char *name;
  char *key;          /* kg_text_key of the name */
  int confidence;     /* hundredths */
  struct kg_passage *pass;
  size_t npass, cappass;
};

struct kg_cands {
  struct kg_cand *v;
  size_t n, cap;
  struct kg_hash idx;   /* IRI -> index */
};

/* Collects the candidates of @model into @c (zeroed first), sorted best
 * first: confidence, then number of passages, then name.  0, or -1 after
 * reporting. */
int kg_candidates_collect(struct kg_world *w, librdf_model *model,
                          struct kg_cands *c);

/* Drops the candidates @reg has a decision on (a known or rejected IRI, or
 * a name known or rejected for that kind): those a curator decided on
 * since the graph was loaded.  Returns how many went.  @base: the graph's
 * instance base. */
size_t kg_candidates_drop_decided(struct kg_cands *c,
                                  const struct kg_registry *reg,
                                  const char *base);

/* Candidates of @kind (any when < 0) that @what names: its IRI, or a name
 * or words with the same matching key.  Fills @out (up to @max, SHARED)
 * and returns how many match. */
size_t kg_candidates_find(const struct kg_cands *c, const char *what,
                          int kind, const struct kg_cand **out, size_t max);

void kg_candidates_release(struct kg_cands *c);

#endif
