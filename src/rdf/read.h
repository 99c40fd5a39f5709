/* read.h - the one RDF reader: RDF files (Turtle, N-Triples, N-Quads,
 * RDF/XML) into a statement list, with language tags lower-cased and errors
 * located; and small reference files (ontology, registry) into plain C
 * triples, every term kept as a string. */
#ifndef KG_READ_H
#define KG_READ_H

#include <redland.h>

struct kg_stmts;

/* Parses @path as @syntax (a raptor parser name; NULL: from the extension in
 * rdf/format.h, else turtle) into @l,
 * in @graph (NULL = default graph; N-Quads keep their own graphs).  Nothing
 * is appended when the file does not parse.  Returns KG_EXIT_OK, or
 * KG_EXIT_DATA / KG_EXIT_SYS after reporting "FILE:LINE: message". */
int kg_read_file(raptor_world *rw, const char *path, const char *syntax,
                 librdf_node *graph, struct kg_stmts *l);

struct kg_triple {
  char *s;        /* IRI or "_:id" */
  char *p;        /* IRI */
  char *o;        /* IRI, "_:id" or literal lexical form */
  char *lang;     /* literal language tag or NULL */
  int o_is_lit;   /* 1 when o is a literal */
};

struct kg_triples {
  struct kg_triple *v;
  size_t n;
  size_t cap;
};

/* Appends the triples of the Turtle file @path to @out.  Returns 0
 * (KG_EXIT_OK), or KG_EXIT_DATA / KG_EXIT_SYS after reporting. */
int kg_read_triples(raptor_world *rw, const char *path, struct kg_triples *out);
void kg_read_triples_release(struct kg_triples *t);


#endif
