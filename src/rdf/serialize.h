/* serialize.h - deterministic RDF output with the contract's prefixes.
 *
 * Every RDF syntax the program writes goes through here: sorted Turtle
 * (rdf/turtle.c), raptor's writers, streamed N-Triples/N-Quads, and the
 * one JSON-LD writer (compact form, below), which extract, export, query
 * and serve all use.
 */
#ifndef KG_SERIALIZE_H
#define KG_SERIALIZE_H

#include <stdio.h>
#include <redland.h>

struct kg_world;

/* Writes every statement of @model (all graphs; nquads and jsonld keep
 * graph names) as @format (a KG_FMT_EXTRACT row of rdf/format.h), sorted
 * so that the same graph gives the same bytes.  jsonld is streamed in the
 * model's order instead (see kg_jsonld_new): the same store gives the same
 * bytes.  Returns 0 or -1 after reporting. */
int kg_serialize(struct kg_world *w, librdf_model *model, const char *format,
                 FILE *out);

/* Same for a statement list (sorted in place; graph names kept only for
 * nquads and jsonld). */
struct kg_stmts;
int kg_serialize_stmts(struct kg_world *w, struct kg_stmts *l,
                       const char *format, FILE *out);

/* Streams every statement of @model (of its graph @graph only, when not
 * NULL) as N-Triples, or N-Quads with its graph when @quads, in storage
 * order, without holding the graph.  0 or -1 after reporting. */
int kg_serialize_stream(struct kg_world *w, librdf_model *model,
                        librdf_node *graph, int quads, FILE *out);

/* ---------------------------------------------------------------- JSON-LD
 *
 * JSON-LD 1.1 in compact form: one document
 *   { "@context": {...}, "@graph": [ node, ..., { "@id": G, "@graph": [...] } ] }
 * with the context embedded (the same as ontology/context.jsonld, but for
 * mnid:, which is the instance base @base): the contract's prefixes, and
 * "@type": "@id" for the properties whose values are IRIs.  Statements of
 * one subject in a row make one node object ("@id", "@type", then the
 * properties as compact IRIs, a single value bare, several in an array);
 * statements of a named graph in a row go into one graph object.  Values:
 * IRIs as compact IRIs, strings bare, language tags as @language, other
 * datatypes as @type, canonical xsd:integer (up to 15 digits) and
 * xsd:boolean as JSON numbers and booleans; what a coercion would misread
 * is written as a value or @id object, so the document always expands to
 * the statements given.  Statements out of order are still right: a
 * subject or graph met again starts another object with the same @id,
 * which JSON-LD merges.  Memory: one node object at a time. */
struct kg_jsonld;

/* Starts a document on @out (the context is written at once).  @base is
 * the instance base (prefix mnid:), borrowed until kg_jsonld_end.  Returns
 * a new writer (freed by kg_jsonld_end). */
struct kg_jsonld *kg_jsonld_new(const char *base, FILE *out);

/* Adds statement @st (its graph: st->graph, NULL = default graph).
 * Borrows @st.  0, or -1 (the writer is then failed; see kg_jsonld_end). */
int kg_jsonld_add(struct kg_jsonld *j, const raptor_statement *st);

/* Ends the document and frees @j (NULL: does nothing).  0, or -1 after
 * reporting a statement that cannot be written or a write error. */
int kg_jsonld_end(struct kg_jsonld *j);

/* The document of v[0..n) (grouped by graph, then subject: sorted), as the
 * three calls above.  0, or -1 after reporting. */
int kg_jsonld_write(raptor_statement **v, size_t n, const char *base,
                    FILE *out);

#endif
