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
#include "sparql/lex.h"
#include "sparql/mirror.h"
#include "sparql/rewrite.h"
#include "sparql/term.h"

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
