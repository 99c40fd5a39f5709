/* rdfload.h - read RDF files (Turtle, N-Triples, N-Quads, RDF/XML) into a
 * statement list, with language tags lower-cased and errors located. */
#ifndef KG_RDFLOAD_H
#define KG_RDFLOAD_H

#include <redland.h>

struct kg_world;
struct kg_stmts;

/* Parses @path as @syntax (a raptor parser name; NULL: from the extension in
 * rdf/format.h, else turtle) into @l,
 * in @graph (NULL = default graph; N-Quads keep their own graphs).  Nothing
 * is appended when the file does not parse.  Returns KG_EXIT_OK, or
 * KG_EXIT_DATA / KG_EXIT_SYS after reporting "FILE:LINE: message". */
int kg_rdfload_file(struct kg_world *w, const char *path, const char *syntax,
                    librdf_node *graph, struct kg_stmts *l);

#endif
