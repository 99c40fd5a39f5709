/* sparql.h - run a SPARQL query over a librdf model: correct or refused.
 *
 * The layer between the user and rasqal: it checks the query (refusing what
 * it cannot answer exactly, with the construct and its line), rewrites what
 * can be rewritten exactly, evaluates, and formats the answer.
 */
#ifndef KG_SPARQL_H
#define KG_SPARQL_H

#include <stdio.h>
#include <redland.h>

struct kg_world;

struct kg_sparql_opts {
  const char *source;     /* name for messages: query file, "-e" or a named query */
  int line_offset;        /* lines before the query text in @source (header) */
  /* Optional (zero = absent).  The context holding the default graph when
   * the caller loads "default graph" data into a named context (adding
   * triples with no context to a contexts='yes' hashes store is quadratic):
   * GRAPH ?g then skips it and GRAPH <it> matches nothing. */
  librdf_node *default_context;
  /* Optional: every predicate of the model (SHARED).  Lets (s ? ?) and
   * (? ? o) patterns (DESCRIBE, ?s ?p ?o with s bound) use one indexed
   * lookup per predicate instead of scanning the store. */
  librdf_node *const *predicates;
  int npredicates;
  /* Limits (zero: none): the query stops, reported, with KG_EXIT_DATA
   * when it runs longer than @timeout seconds, fills one table of
   * solutions with more than @max_rows rows, or grows the heap by more
   * than @max_memory bytes. */
  double timeout;
  size_t max_rows;
  size_t max_memory;
  /* Optional: the dataset given beside the query (SPARQL Protocol
   * default-graph-uri / named-graph-uri), which replaces the query's
   * FROM and FROM NAMED; graphs of the model only. */
  const char *const *default_graphs;
  size_t ndefault_graphs;
  const char *const *named_graphs;
  size_t nnamed_graphs;
  /* Optional out: set to 1 when a limit stopped the query (the endpoint
   * answers 503 then, 400 for a query refused). */
  int *limit_hit;
};

/* Limits of the query text, checked before rasqal reads it: brackets
 * ( { [ nested deeper than this are refused (rasqal's parser stops at
 * about 10,000 with "memory exhausted"), and OPTIONAL groups inside
 * OPTIONAL groups deeper than this too (rasqal's preparation of a query
 * takes time exponential in that depth: 12 levels, 2 s; 14, 36 s). */
#define KG_SPARQL_MAX_NESTING 64
#define KG_SPARQL_MAX_OPTIONAL_NESTING 6

enum kg_result_kind {
  KG_RESULT_BINDINGS = 0,
  KG_RESULT_BOOLEAN,
  KG_RESULT_GRAPH
};

struct kg_result;

/* Runs @query over @model (whose default graph is the union of its graphs).
 * On success returns 0 and a new result in *out (free with kg_result_free).
 * A query that does not parse or is refused is reported (with its line) and
 * gives KG_EXIT_DATA; a system failure KG_EXIT_SYS. */
int kg_sparql_exec(struct kg_world *w, librdf_model *model, const char *query,
                   const struct kg_sparql_opts *opts, struct kg_result **out);

enum kg_result_kind kg_result_kind(const struct kg_result *r);
/* ASK answer (KG_RESULT_BOOLEAN only). */
int kg_result_boolean(const struct kg_result *r);
/* Number of rows (bindings) or triples (graph). */
size_t kg_result_count(const struct kg_result *r);
/* Bindings: number of variables, the name of variable @i (SHARED, without
 * '?'), and the value of variable @col in row @row (SHARED, NULL when
 * unbound or out of range).  Graphs: triple @i (SHARED). */
int kg_result_nvars(const struct kg_result *r);
const char *kg_result_var(const struct kg_result *r, int i);
librdf_node *kg_result_cell(const struct kg_result *r, size_t row, int col);
librdf_statement *kg_result_triple(const struct kg_result *r, size_t i);

/* Writes @r as @format: "table", "csv", "tsv", "json", "xml" for bindings and
 * booleans; "turtle", "ntriples", "rdfxml", "jsonld" (and "table") for
 * graphs.  Returns 0, or -1 after reporting (unknown format for this kind
 * of result: 2 is the caller's). */
int kg_result_write(struct kg_world *w, struct kg_result *r,
                    const char *format, FILE *out);
/* The same, appended to @o. */
struct kg_buf;
int kg_result_write_buf(struct kg_result *r, const char *format,
                        struct kg_buf *o);
/* 1 if @format is a known output format name. */
int kg_result_format_known(const char *format);

void kg_result_free(struct kg_result *r);

/* Reads SPARQL 1.1 Query Results JSON (@len bytes of @text) into a new
 * result in *out.  0, or -1 after reporting. */
int kg_result_read_json(librdf_world *world, const char *text, size_t len,
                        struct kg_result **out);

/* Writes the table of SPARQL features (native / rewritten / refused) as
 * Markdown: the source of docs/SPARQL.md. */
void kg_sparql_features_markdown(FILE *out);

#endif
