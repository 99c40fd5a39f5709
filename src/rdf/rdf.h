/* rdf.h - small helpers to build nodes and add statements to a librdf model. */
#ifndef KG_RDF_H
#define KG_RDF_H

#include <redland.h>

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

/* A list of statements with their graph (raptor statements: a librdf_node
 * is a raptor_term in librdf 1.0.17). */
struct kg_stmts {
  raptor_statement **v;
  size_t n, cap;
};

/* Appends (s p o) in graph @g (may be NULL).  Takes ownership of s, p, o;
 * copies g.  Returns 0 or -1 (reported). */
int kg_rdf_stmts_add(struct kg_stmts *l, librdf_node *s, librdf_node *p,
                 librdf_node *o, librdf_node *g);
/* Adds every statement to @m in its graph.  0 or -1 (reported). */
int kg_rdf_stmts_to_model(const struct kg_stmts *l, librdf_model *m);
/* Appends every statement of @m (with its graph when @with_graph). */
int kg_rdf_stmts_from_model(struct kg_stmts *l, librdf_model *m, int with_graph);
void kg_rdf_stmts_release(struct kg_stmts *l);

#endif
