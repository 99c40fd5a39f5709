/* nodeset.h - a set of RDF nodes in insertion order (property path
 * closures, DESCRIBE targets), keyed by their N-Triples form. */
#ifndef KG_SPARQL_NODESET_H
#define KG_SPARQL_NODESET_H

#include <stddef.h>
#include <redland.h>

#include "base/buf.h"
#include "base/hash.h"

struct kg_nodeset {
  struct kg_hash map;
  librdf_node **v;              /* the nodes, in order; owned */
  size_t n;
  size_t cap;
  struct kg_buf b;              /* scratch key */
};

void kg_nodeset_init(struct kg_nodeset *s);
void kg_nodeset_release(struct kg_nodeset *s);
/* Adds a copy of @n: 1 if added, 0 if already there. */
int kg_nodeset_add(struct kg_nodeset *s, librdf_node *n);

#endif
