/* turtle_read.h - read a small Turtle file into plain C triples.
 *
 * For reference data (ontology, registry): parsed with raptor, every term
 * kept as a string.  Errors are reported with the file and line.
 */
#ifndef KG_TURTLE_READ_H
#define KG_TURTLE_READ_H

#include <stddef.h>
#include <raptor2.h>

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

/* Appends the triples of @path to @out.  Returns 0, or -1 after reporting. */
int kg_turtle_read(raptor_world *rw, const char *path, struct kg_triples *out);
void kg_triples_release(struct kg_triples *t);

#endif
