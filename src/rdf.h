/* rdf.h - small helpers to build nodes and add statements to a librdf model. */
#ifndef KG_RDF_H
#define KG_RDF_H

#include <redland.h>

/* The process's one world, used to build statements (set by kg_ctx_init). */
void kg_rdf_set_world(librdf_world *w);

/* New nodes (caller frees, or hands them to kg_rdf_add). NULL on failure. */
librdf_node *kg_rdf_iri(librdf_world *w, const char *ns, const char *local);
librdf_node *kg_rdf_lit(librdf_world *w, const char *text, const char *lang);
librdf_node *kg_rdf_typed(librdf_world *w, const char *text, const char *dt);
librdf_node *kg_rdf_int(librdf_world *w, long v);

/* Adds (s p o) in @context (NULL = default graph).  Takes ownership of s, p
 * and o, also on error.  Returns 0 or -1 (reported). */
int kg_rdf_add(librdf_model *m, librdf_node *context,
               librdf_node *s, librdf_node *p, librdf_node *o);

/* Same, borrowing s, p, o (copies them). */
int kg_rdf_add_copy(librdf_model *m, librdf_node *context,
                    librdf_node *s, librdf_node *p, librdf_node *o);

#endif
