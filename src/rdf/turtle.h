/* turtle.h - the one Turtle writer: pretty Turtle for sorted statements.
 *
 * raptor 2.0.15's Turtle writer spends most of an extraction building
 * QNames (measured: 40% of `extract` on the seed, docs/BENCHMARKS.md), so
 * Turtle is written here: subjects grouped with ';' and ',', the contract's
 * prefixes (only those used), rdf:type as 'a', integers and booleans bare.
 * raptor still parses everything and writes the other syntaxes.
 */
#ifndef KG_TURTLE_H
#define KG_TURTLE_H

#include <stdio.h>
#include <raptor2.h>

/* Writes v[0..n) (sorted by subject, predicate, object; no duplicates;
 * graphs ignored) to @out.  Only grouping needs the order: statements in
 * any order of subjects are written in that order, as long as those of
 * one subject, and of one predicate, are together (ref/curation.c keeps
 * its decisions in the order they were made).  @base is the instance base (prefix mnid:).
 * Returns 0, or -1 on a write error (not reported). */
int kg_turtle_write(raptor_statement **v, size_t n, const char *base,
                    FILE *out);

/* 1 if some IRI (or datatype) of v[0..n) lies in namespace @ns. */
int kg_turtle_uses_namespace(raptor_statement **v, size_t n, const char *ns);

#endif
