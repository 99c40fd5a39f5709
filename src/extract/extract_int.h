/* extract_int.h - state shared by the extractor's files (extract.c,
 * cues.c, initiatives.c).  Not a public interface. */
#ifndef KG_EXTRACT_INT_H
#define KG_EXTRACT_INT_H

#include <stddef.h>
#include <redland.h>

#include "extract/doc.h"
#include "extract/evidence.h"
#include "base/hash.h"

struct kg_ref;
struct kg_vocab;
struct kg_gaz;
struct kg_registry;
struct kg_section;
struct kg_terr;

struct kg_spatial_ref {
  librdf_node *s;
  const struct kg_terr *t;
};

/* An organisation or person of a session, with its matching key. */
struct kg_named_node {
  librdf_node *node;
  char *key;
};

struct kg_node_list {
  struct kg_named_node *v;
  size_t n, cap;
};

void kg_extract_node_list_add(struct kg_node_list *l, librdf_node *n, const char *text,
                      size_t len);
void kg_extract_node_list_release(struct kg_node_list *l);

struct kg_x {
  struct kg_ref *ref;
  struct kg_vocab *v;
  struct kg_gaz *gaz;             /* may be NULL: no places then */
  struct kg_registry *reg;        /* may be NULL */
  struct kg_doc doc;
  struct kg_emit e;
  struct kg_section *secs;
  size_t nsecs;
  librdf_node **snodes;           /* one per section */
  librdf_node *event;
  const char *region;             /* report's région code, or NULL */
  struct kg_hash described;     /* entities typed and named already */
  struct kg_spatial_ref *spatial; /* for mn:inTerritory */
  size_t nspatial, capspatial;
  struct kg_hash roles;         /* (session, person) already linked */
  struct kg_node_list *secorgs;   /* per section: facilitators' orgs */
  struct kg_node_list *secpeople; /* per section: facilitators */
  struct kg_node_list people;     /* every person of the report */
  struct kg_node_list orgs;       /* every organisation of the report */
};

size_t kg_extract_src(const struct kg_block *b, size_t off);
size_t kg_extract_src_end(const struct kg_block *b, size_t end);
int kg_extract_first(struct kg_x *x, librdf_node *n);
librdf_node *kg_extract_terr_node(struct kg_x *x, const struct kg_terr *t);
void kg_extract_spatial(struct kg_x *x, librdf_node *s, const struct kg_terr *t,
                  const char *rule, size_t a, size_t b, int inferred);
/* New person / organisation nodes (caller frees), with their mention. */
librdf_node *kg_extract_person(struct kg_x *x, const char *name, size_t len,
                         size_t a, size_t b);
librdf_node *kg_extract_org(struct kg_x *x, size_t a, size_t b, size_t alias_a,
                      size_t alias_b);
void kg_extract_venue(struct kg_x *x, const struct kg_terr *commune, size_t va,
                size_t vz, size_t ca, size_t cz, const char *rule);

/* cues.c: facilitators, note-takers, slides, resources of every session. */
void kg_cues_find(struct kg_x *x);
/* tables.c: programme tables whose rows are sessions. */
void kg_tables_find(struct kg_x *x);
/* initiatives.c: initiatives, themes, territories, audiences, figures. */
void kg_initiatives_find(struct kg_x *x);

#endif
