/* term.h - RDF terms in the query layer: librdf nodes (our rows), rasqal
 * literals (rasqal's expressions), and the N-Triples form of a node, which
 * is the key of every hash lookup (joins, DISTINCT, groups, node sets). */
#ifndef KG_SPARQL_TERM_H
#define KG_SPARQL_TERM_H

#include <stddef.h>
#include <redland.h>

struct kg_buf;

/* Appends the N-Triples form of @n to @b (nothing for NULL). */
void kg_term_nt(struct kg_buf *b, librdf_node *n);
/* Returns a new rasqal literal for @n (NULL for NULL). */
rasqal_literal *kg_term_to_literal(rasqal_world *rw, librdf_node *n);
/* Returns a new node for @l (a variable: its value), or NULL when @l has
 * no RDF term (unbound variable, unsupported literal type). */
librdf_node *kg_term_from_literal(librdf_world *w, rasqal_literal *l);
/* Returns a new NUL-terminated copy of @len bytes of @s in rasqal's
 * allocator (what rasqal's literal constructors take ownership of). */
unsigned char *kg_term_dup(const char *s, size_t len);

/* The lexical form of @l as the query wrote it, its length in *len:
 * rasqal prints an xsd:date constant's year with fewer than four digits
 * ("999-01-01" for '0999-01-01'^^xsd:date), which is no xsd:date; such a
 * year is padded back to four in @b.  Other literals: their own string
 * (SHARED with @l).  NULL when @l has no string. */
const char *kg_term_lexical(rasqal_literal *l, struct kg_buf *b, size_t *len);

/* 1 if @l is a string: simple, language-tagged or xsd:string. */
int kg_term_is_string(rasqal_literal *l);
/* 1 if @l is a simple literal (no language, no datatype). */
int kg_term_is_simple(rasqal_literal *l);
/* 1 if @l is a valid number (integer, decimal, float, double). */
int kg_term_is_numeric(rasqal_literal *l);
/* A new string literal with the language or datatype of @l. */
rasqal_literal *kg_term_string_like(rasqal_world *rw, rasqal_literal *l,
                                    const char *s, size_t len);

#endif
