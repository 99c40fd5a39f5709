/* result.h - the result object inside the query layer (sparql.h has the
 * public, read-only view) and the writers' shared state.
 *
 * A result is a table of bindings (nvars names, nrows rows of cells), a
 * boolean (ASK) or a list of distinct triples (CONSTRUCT, DESCRIBE).  The
 * writers (one file per format: format_table.c, format_csv.c for CSV and
 * TSV, format_json.c, format_xml.c, format_rdf.c for Turtle and N-Triples)
 * print blank nodes as b0, b1, ... in order of first appearance, stable
 * across runs unlike the store's labels.
 */
#ifndef KG_SPARQL_RESULT_H
#define KG_SPARQL_RESULT_H

#include <stddef.h>
#include <redland.h>

#include "base/hash.h"
#include "sparql/sparql.h"

struct kg_buf;

struct kg_result {
  enum kg_result_kind kind;
  int boolean;
  int nvars;
  char **vars;                  /* owned names, without '?' */
  size_t nrows;
  size_t cap;
  librdf_node **cells;          /* nrows * nvars, NULL = unbound; owned */
  librdf_statement **triples;   /* graph results; owned */
  size_t ntriples;
  size_t tcap;
  char *base;                   /* instance base for the mnid: prefix */
};

/* Returns a new empty result (free with kg_result_free). */
struct kg_result *kg_result_new(enum kg_result_kind kind);
/* Adds the triple (@s @p @o) (copies of the nodes) unless @seen (the
 * N-Triples keys of the triples already added) has it. */
void kg_result_add_triple(struct kg_result *r, librdf_world *world,
                          struct kg_hash *seen, librdf_node *s,
                          librdf_node *p, librdf_node *o);

/* ---------------------------------------------------------------- writers */

/* State of one kg_result_write() call. */
struct kg_writer {
  struct kg_hash labels;        /* store blank label -> our number */
  size_t nlabels;
  int mask_blanks;              /* 1: blank nodes print as "_:" (sort keys) */
};

/* format.c: what the writers share. */
void kg_format_init(struct kg_writer *w);
void kg_format_release(struct kg_writer *w);
/* Appends the label of blank node @n (without "_:"). */
void kg_format_blank(struct kg_writer *w, struct kg_buf *b, librdf_node *n);
/* Appends the N-Triples form of @n, blank nodes relabelled. */
void kg_format_nt(struct kg_writer *w, struct kg_buf *b, librdf_node *n);
/* SHARED strings of a node: literal value, datatype IRI (or NULL), IRI. */
const char *kg_format_lit(librdf_node *n, size_t *len);
const char *kg_format_dt(librdf_node *n);
const char *kg_format_iri(librdf_node *n);
/* 1 if @s is the canonical-looking lexical form of an xsd:integer or
 * xsd:decimal (@dt), which CSV/TSV and Turtle write bare. */
int kg_format_plain_number(const char *s, const char *dt);

/* One writer per format; each appends to @o. */
void kg_format_table_write(struct kg_writer *w, const struct kg_result *r,
                           struct kg_buf *o);
/* @sep ',': CSV; '\t': TSV (W3C SPARQL 1.1 CSV and TSV results). */
void kg_format_csv_write(struct kg_writer *w, const struct kg_result *r,
                         struct kg_buf *o, char sep);
void kg_format_json_write(struct kg_writer *w, const struct kg_result *r,
                          struct kg_buf *o);
void kg_format_xml_write(struct kg_writer *w, const struct kg_result *r,
                         struct kg_buf *o);
/* Graph results, sorted, as @format: "ntriples", "turtle", "rdfxml" or
 * "jsonld".  0, or -1 when the serializer failed. */
int kg_format_rdf_write(struct kg_writer *w, const struct kg_result *r,
                        struct kg_buf *o, const char *format);

#endif
