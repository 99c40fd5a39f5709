/* serialize.h - deterministic RDF output with the contract's prefixes. */
#ifndef KG_SERIALIZE_H
#define KG_SERIALIZE_H

#include <stdio.h>
#include <redland.h>

struct kg_world;

/* Writes every statement of @model (all graphs; nquads keeps graph names)
 * as @format (a KG_FMT_EXTRACT row of rdf/format.h), sorted so that the same graph gives the same bytes.
 * Returns 0 or -1 after reporting. */
int kg_serialize(struct kg_world *w, librdf_model *model, const char *format,
                 FILE *out);

/* Same for a statement list (sorted in place; graph names kept only for
 * nquads). */
struct kg_stmts;
int kg_serialize_stmts(struct kg_world *w, struct kg_stmts *l,
                       const char *format, FILE *out);

/* Streams every statement of @model (of its graph @graph only, when not
 * NULL) as N-Triples, or N-Quads with its graph when @quads, in storage
 * order, without holding the graph.  0 or -1 after reporting. */
int kg_serialize_stream(struct kg_world *w, librdf_model *model,
                        librdf_node *graph, int quads, FILE *out);

#endif
