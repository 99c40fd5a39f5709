/* sparql_int.h - internals shared by the sparql_*.c files (not a public API).
 *
 * The query layer: sparql_rewrite.c pre-parses the text (property paths,
 * EXISTS, short VALUES), rasqal parses the rewritten text, sparql.c walks
 * rasqal's tree and evaluates it over librdf, sparql_expr.c evaluates
 * expressions (rasqal for most operators, our own code where rasqal is
 * wrong), sparql_mirror.c reads what rasqal 0.9.33 keeps private,
 * sparql_results.c formats the answer.
 */
#ifndef KG_SPARQL_INT_H
#define KG_SPARQL_INT_H

#include <regex.h>
#include <stddef.h>
#include <stdio.h>
#include <redland.h>

#include "base/hash.h"
#include "sparql/sparql.h"
#include "sparql/term.h"

/* ---------------------------------------------------------------- paths */

enum kg_sq_path_kind {
  KG_PATH_LINK = 0,     /* iri */
  KG_PATH_INV,          /* ^p */
  KG_PATH_SEQ,          /* a/b/... */
  KG_PATH_ALT,          /* a|b|... */
  KG_PATH_ZOM,          /* p* */
  KG_PATH_OOM,          /* p+ */
  KG_PATH_ZOO,          /* p? */
  KG_PATH_NPS           /* !(p|^q...) */
};

struct kg_sq_path {
  enum kg_sq_path_kind kind;
  char *iri;                    /* LINK; NPS members use kids (LINK/INV) */
  struct kg_sq_path **kids;
  int nkids;
};

/* Output of the text pass. */
struct kg_sq_rw {
  char *text;                   /* rewritten query (same line numbers) */
  struct kg_sq_path **paths;    /* <urn:kg:path:N> */
  int npaths;
  char **exists;                /* <urn:kg:exists:N>: "SELECT * WHERE {…}" */
  int *exists_line;             /* first line of each group, for messages */
  int nexists;
  char *base;                   /* BASE of the prologue, or NULL */
};

#define KG_SQ_PATH_NS "urn:kg:path:"
#define KG_SQ_EXISTS_NS "urn:kg:exists:"
#define KG_SQ_PLACEHOLDER_VAR "_kgx"

/* Rewrites @text.  Returns 0, or -1 after reporting (source:line). */
int kg_sq_rewrite(const char *text, const char *source, int line_offset,
                  struct kg_sq_rw *out);
void kg_sq_rw_release(struct kg_sq_rw *rw);
/* For each SELECT keyword of @text, in order: "|a|b|", the variables it
 * defines with (expr AS ?v).  Returns how many; *out is new (free each). */
int kg_sq_select_aliases(const char *text, char ***out);
void kg_sq_path_free(struct kg_sq_path *p);

/* ---------------------------------------------------------------- mirror */

struct kg_sq_subsel {
  raptor_sequence *vars;        /* projection (rasqal_variable*) */
  int wildcard;
  int distinct;                 /* 0, 1 DISTINCT, 2 REDUCED */
  raptor_sequence *order;       /* may be NULL */
  raptor_sequence *group;
  raptor_sequence *having;
  int limit;
  int offset;
  raptor_sequence *values_vars; /* inner VALUES of the sub-SELECT, or NULL */
  raptor_sequence *values_rows;
};

/* 1 if the private-layout mirror can be used with this rasqal. */
int kg_sq_mirror_ok(rasqal_query *q, rasqal_graph_pattern *gp);
/* Sub-SELECT modifiers of @gp (operator SELECT). 0 or -1. */
int kg_sq_mirror_subselect(rasqal_query *q, rasqal_graph_pattern *gp,
                           struct kg_sq_subsel *out);
/* VALUES block of @gp (operator VALUES): variables and rows. 0 or -1. */
int kg_sq_mirror_values(rasqal_query *q, rasqal_graph_pattern *gp,
                        raptor_sequence **vars, raptor_sequence **rows);
/* A row's size and values (SHARED). */
int kg_sq_mirror_row(rasqal_row *row, rasqal_literal ***values);

#endif

/* ---------------------------------------------------------------- helpers */

/* ---------------------------------------------------------------- evaluator */

struct kg_sq_ev;

/* Expression evaluator state kept in the evaluator (sparql_expr.c): the
 * rasqal evaluation context (made on first use) and compiled regexes. */
struct kg_sq_regex {
  char *key;                    /* for_replace, flags, pattern */
  regex_t re;
  int ok;                       /* regcomp succeeded */
};

struct kg_sq_expr_state {
  rasqal_evaluation_context *ectx;
  struct kg_sq_regex *rx;
  int nrx;
};

struct kg_sq_expr_state *kg_sq_expr_state(struct kg_sq_ev *ev);

/* Expression evaluation on a row of nodes (sparql_expr.c).  Returns a new
 * literal, or NULL with *err set (SPARQL error: unbound, type error). */
rasqal_literal *kg_sq_eval(struct kg_sq_ev *ev, rasqal_expression *e,
                           librdf_node **row, int *err);
/* Effective boolean value: 1, 0, or -1 (type error). */
int kg_sq_ebv(rasqal_literal *l);
/* Checks before evaluation: 0, or -1 after reporting (unsupported). */
int kg_sq_expr_check(struct kg_sq_ev *ev, rasqal_expression *e);
/* SPARQL ORDER BY comparison of two values (NULL = unbound). */
int kg_sq_order_cmp(rasqal_literal *a, rasqal_literal *b);
void kg_sq_expr_release(struct kg_sq_ev *ev);

/* Callbacks into the evaluator (sparql.c). */
int kg_sq_exists(struct kg_sq_ev *ev, int idx, librdf_node **row);
/* Notes that the EXISTS placeholder @idx reached the parsed tree. */
void kg_sq_exists_seen(struct kg_sq_ev *ev, int idx);
rasqal_literal *kg_sq_agg_value(struct kg_sq_ev *ev, rasqal_expression *e,
                                int *found);
int kg_sq_var_index(rasqal_variable *v);
void kg_sq_refuse(struct kg_sq_ev *ev, const char *keyword,
                  const char *fmt, ...) __attribute__((format(printf, 3, 4)));
rasqal_world *kg_sq_rasqal(struct kg_sq_ev *ev);
/* 1 once a refusal or error was reported. */
int kg_sq_failed(struct kg_sq_ev *ev);
/* BASE IRI of the query, or NULL. */
const char *kg_sq_base(struct kg_sq_ev *ev);
librdf_world *kg_sq_world(struct kg_sq_ev *ev);
