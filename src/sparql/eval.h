/* eval.h - the evaluator: its state and the entry points of its operators.
 *
 * The query layer runs in four steps: the text pass (rewrite.c), rasqal's
 * parser, compile.c (rasqal's tree -> struct kg_plan_*), and evaluation
 * over the librdf model, one file per operator as rasqal's rowsource_*.c:
 *   eval.c       the pattern walk: groups, UNION, sub-SELECT, EXISTS
 *   match.c      triple patterns and BGPs: access paths over the store
 *   path.c       property paths
 *   join.c       join, OPTIONAL, MINUS, VALUES
 *   graph.c      GRAPH and the dataset (FROM, FROM NAMED)
 *   filter.c     FILTER, pushed into the BGPs when that is exact
 *   select.c     a SELECT: its WHERE, then its modifiers in order
 *   group.c      GROUP BY, HAVING
 *   aggregate.c  COUNT, SUM, AVG, MIN, MAX, SAMPLE, GROUP_CONCAT
 *   project.c    BIND, (expr AS ?v), projection, result columns
 *   order.c      ORDER BY
 *   slice.c      DISTINCT, REDUCED, OFFSET, LIMIT
 *   construct.c  CONSTRUCT, DESCRIBE
 *   expr.c       expressions (regex.c: REGEX, REPLACE)
 *   limit.c      the query's time, row and memory limits
 * Operators take rows in (struct kg_rows) and add rows out.  They return
 * 0, or -1 once a refusal or error is reported (ev->failed is then set);
 * what cannot be answered exactly is refused, naming the construct and
 * its line (kg_eval_refuse).
 */
#ifndef KG_SPARQL_EVAL_H
#define KG_SPARQL_EVAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <redland.h>

#include "sparql/plan.h"
#include "sparql/rewrite.h"
#include "sparql/rows.h"
#include "sparql/value.h"

struct kg_sparql_opts;

/* The aggregates of one SELECT; while one group is evaluated, their
 * values on it (expr.c looks them up by expression). */
struct kg_aggs {
  rasqal_expression **e;
  struct kg_value *v;           /* owned; KG_VALUE_NONE = error */
  int n;
};

/* Compiled REGEX / REPLACE patterns (regex.c). */
struct kg_regex {
  char *key;                    /* for_replace, flags, pattern */
  pcre2_code *re;               /* NULL: not compilable */
};

struct kg_regex_cache {
  struct kg_regex *v;
  int n;
  pcre2_match_data *md;         /* made on first use */
  pcre2_match_context *mc;      /* the match limits */
  int nset;                     /* pairs set by the last match */
};

/* The limits of one query (limit.c); zero: no limit. */
enum kg_limit_hit {
  KG_LIMIT_NONE = 0,
  KG_LIMIT_TIME,
  KG_LIMIT_ROWS,
  KG_LIMIT_MEMORY
};

struct kg_limit {
  double timeout;           /* seconds */
  size_t max_rows;          /* rows of one table */
  size_t max_memory;        /* bytes of heap grown since the start */
  double start;             /* monotonic clock at the start */
  size_t heap_base;         /* heap in use at the start */
  unsigned long ticks;
  enum kg_limit_hit hit;    /* the first limit reached */
};

struct kg_eval {
  librdf_world *world;
  rasqal_world *rw;
  librdf_model *model;
  const char *source;       /* for messages */
  int line_offset;
  const char *text;         /* rewritten text, for keyword lines */
  struct kg_rewrite rwo;
  /* variables: index -> name (anonymous ones "_:qi:name") */
  int nvars;
  char **names;
  int cap_names;
  /* parsed queries */
  rasqal_query **queries;   /* [0] main, then EXISTS groups */
  int nq;
  char ***aliases;          /* per query: kg_lex_select_aliases() */
  int *naliases;
  int *next_alias;
  /* plans (compile.c) */
  struct kg_plan_gp **exists;   /* plan of each EXISTS group */
  int nexists;
  unsigned char *exists_ok; /* placeholder seen in the parsed tree */
  struct kg_plan_gp **all_gps;  /* for freeing */
  int ngps;
  int cap_gps;
  struct kg_plan_sel **all_sels;
  int nsels;
  int cap_sels;
  /* the store (match.c, graph.c) */
  librdf_node **preds;      /* all predicates, on first need */
  int npreds;
  int preds_done;
  int preds_given;          /* preds borrowed from opts */
  librdf_node *default_ctx; /* opts->default_context (SHARED) */
  int nscans;               /* unindexed scans done before loading preds */
  int indexed;              /* the storage has KG_FEATURE_QUAD_INDEXES */
  int has_dataset;          /* FROM / FROM NAMED given */
  librdf_node **from;       /* FROM graphs: the default graph is their merge */
  int nfrom;
  librdf_node **named;      /* FROM NAMED graphs: the only named graphs */
  int nnamed;
  int dedupe;               /* the model has graphs: the default graph
                               (their union) may return a triple twice */
  librdf_node *rdf_type;
  /* evaluation */
  librdf_node *active_ctx;  /* graph of the pattern being evaluated */
  struct kg_aggs *aggs;     /* the SELECT being evaluated; NULL outside */
  rasqal_evaluation_context *ectx;  /* expr.c, made on first use */
  struct kg_regex_cache rx;
  struct kg_limit limit;
  int failed;               /* refusal or system error reported */
  int sys;                  /* system error */
};

/* ----------------------------------------------------------------- eval.c */

/* Sets up @ev for @model (opts may be NULL).  Release with
 * kg_eval_release, also on error. */
void kg_eval_init(struct kg_eval *ev, librdf_world *world,
                  librdf_model *model, const struct kg_sparql_opts *opts);
void kg_eval_release(struct kg_eval *ev);
/* Reports a refusal at the line of @keyword (a word, or "<iri>"; NULL: no
 * line) once per query, and marks @ev failed. */
void kg_eval_refuse(struct kg_eval *ev, const char *keyword,
                    const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* The index of @v, or -1. */
int kg_eval_var_index(rasqal_variable *v);
/* 1 for variables never shown: blank nodes, the EXISTS placeholder. */
int kg_eval_var_hidden(const char *name);
/* Evaluates @g joined with each row of @in (rows of @out extend them).
 * @ctx is the active graph (NULL: the default graph); EXISTS inside sees
 * it too.  @skip_filters: the group's FILTERs are the caller's (OPTIONAL
 * condition). */
int kg_eval_pattern(struct kg_eval *ev, struct kg_plan_gp *g,
                    struct kg_rows *in, librdf_node *ctx, int skip_filters,
                    struct kg_rows *out);
/* EXISTS group @idx on @row: 1, 0, or -1. */
int kg_eval_exists(struct kg_eval *ev, int idx, librdf_node **row);
/* Notes that the EXISTS placeholder @idx reached the parsed tree. */
void kg_eval_exists_seen(struct kg_eval *ev, int idx);

/* ---------------------------------------------------------------- limit.c */

/* Starts the clock of @l with the limits of @opts (NULL: none). */
void kg_limit_start(struct kg_limit *l, const struct kg_sparql_opts *opts);
/* The limit @l is over with a table of @rows rows, or KG_LIMIT_NONE (the
 * clock and the heap are read every few thousand calls). */
enum kg_limit_hit kg_limit_check(struct kg_limit *l, size_t rows);
/* Called by the operators once per row read or added, with the size of
 * the table they are filling: 0, or -1 once a limit is reached (reported
 * once, naming the limit and its option; @ev is then failed). */
int kg_limit_tick(struct kg_eval *ev, size_t rows);

/* ---------------------------------------------------------------- match.c */

struct kg_match {
  librdf_node *n[3];        /* owned */
};

struct kg_matches {
  struct kg_match *m;
  size_t n;
  size_t cap;
};

struct kg_filter_push;

void kg_match_add(struct kg_matches *ms, librdf_node *s, librdf_node *p,
                  librdf_node *o);
void kg_match_release(struct kg_matches *ms);
/* Adds the triples matching (@s @p @o) (NULL = any) in graph @ctx (NULL:
 * the default graph) to @out, by an indexed access path when there is
 * one. */
int kg_match_find(struct kg_eval *ev, librdf_node *s, librdf_node *p,
                  librdf_node *o, librdf_node *ctx, struct kg_matches *out);
/* The BGP @g joined with each row of @in; @push: the enclosing group's
 * filters checked as soon as their variables are bound (or NULL). */
int kg_match_bgp(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
                 librdf_node *ctx, const struct kg_filter_push *push,
                 struct kg_rows *out);

/* ----------------------------------------------------------------- path.c */

/* Adds the pairs (x, y) linked by @p with x = @s and y = @o when they are
 * given, as matches (x, NULL, y).  @cs, @co: the ends written as
 * constants in the query (they match themselves through a zero-length
 * path even when not in the graph), or NULL. */
int kg_path_match(struct kg_eval *ev, struct kg_path *p, librdf_node *s,
                  librdf_node *o, librdf_node *ctx, librdf_node *cs,
                  librdf_node *co, struct kg_matches *out);

/* ----------------------------------------------------------------- join.c */

/* @a joined with @b, evaluated independently, added to @out: 0, or -1
 * at a limit. */
int kg_join_rows(struct kg_eval *ev, struct kg_rows *a, struct kg_rows *b,
                  struct kg_rows *out);
/* Joins @cur with group member @k; the result replaces @cur.  @push: the
 * group's filters for @k when it is a BGP (or NULL). */
int kg_join_pattern(struct kg_eval *ev, struct kg_rows *cur,
                    struct kg_plan_gp *k, librdf_node *ctx,
                    const struct kg_filter_push *push);
/* @cur OPTIONAL / MINUS @g (the group member); the result replaces @cur. */
int kg_join_optional(struct kg_eval *ev, struct kg_rows *cur,
                     struct kg_plan_gp *g, librdf_node *ctx);
int kg_join_minus(struct kg_eval *ev, struct kg_rows *cur,
                  struct kg_plan_gp *g, librdf_node *ctx);
/* @cur joined with the rows of VALUES @g; the result replaces @cur. */
int kg_join_values(struct kg_eval *ev, struct kg_rows *cur,
                   struct kg_plan_gp *g);

/* ---------------------------------------------------------------- graph.c */

/* Notes whether the model has named graphs (ev->dedupe). */
void kg_graph_init(struct kg_eval *ev);
/* FROM / FROM NAMED of @q: 0, or -1 after refusing. */
int kg_graph_dataset(struct kg_eval *ev, rasqal_query *q,
                     const struct kg_sparql_opts *opts);
/* GRAPH @g for each row of @in. */
int kg_graph_eval(struct kg_eval *ev, struct kg_plan_gp *g,
                  struct kg_rows *in, struct kg_rows *out);

/* --------------------------------------------------------------- filter.c */

/* A group FILTER whose variables are all certainly bound by the group's
 * triple patterns: checked as soon as they are bound (its value cannot
 * change later), and again at the end of the group. */
struct kg_filter_pushed {
  rasqal_expression *e;
  unsigned char *vars;      /* nvars flags; owned */
};

struct kg_filter_push {
  struct kg_filter_pushed *v;
  int n;
};

/* 1 if @e is true on @row (errors are false). */
int kg_filter_ok(struct kg_eval *ev, rasqal_expression *e, librdf_node **row);
/* The FILTERs of group @g (a new array, maybe NULL; *nf of them). */
void kg_filter_collect(struct kg_plan_gp *g, rasqal_expression ***fs,
                       int *nf);
/* The FILTERs of group @g that can be pushed into its BGPs. */
void kg_filter_push_init(struct kg_eval *ev, struct kg_plan_gp *g,
                         struct kg_filter_push *push);
void kg_filter_push_release(struct kg_filter_push *push);
/* Where each FILTER of group @g is checked: at[f] = the member after
 * which FILTER g->kids[f] applies (-1: on the group's input rows). */
void kg_filter_place(struct kg_eval *ev, struct kg_plan_gp *g, int *at);
/* Keeps the rows of @cur that pass the FILTERs placed after member @i. */
int kg_filter_after(struct kg_eval *ev, struct kg_plan_gp *g, const int *at,
                    int i, struct kg_rows *cur);

/* --------------------------------------------------------------- select.c */

/* The solutions of SELECT @s (in graph @ctx), its modifiers applied. */
int kg_select_eval(struct kg_eval *ev, struct kg_plan_sel *s,
                   librdf_node *ctx, struct kg_rows *out);

/* ---------------------------------------------------------------- order.c */

struct kg_order;

/* One row to sort: its keys, its position; the order, for qsort's
 * comparator (which has no context argument). */
struct kg_order_item {
  const struct kg_order *o;
  struct kg_value *keys;    /* owned */
  size_t seq;
};

struct kg_order {
  raptor_sequence *conds;   /* ORDER BY conditions (SHARED), or NULL */
  int n;
  int *desc;                /* per condition */
  struct kg_order_item *items;
  size_t nitems;
  size_t cap;
};

void kg_order_init(struct kg_order *o, raptor_sequence *conds);
void kg_order_release(struct kg_order *o);
/* Evaluates the keys of @row, the @seq-th row of the rows to sort. */
void kg_order_add(struct kg_eval *ev, struct kg_order *o, librdf_node **row,
                  size_t seq);
/* Sorts @rows by the keys added (all of them, or none). */
void kg_order_sort(struct kg_order *o, struct kg_rows *rows);

/* ---------------------------------------------------------------- group.c */

/* GROUP BY (or one group) over @rows, aggregates, HAVING and the
 * projection expressions: @rows becomes one row per group, whose order
 * keys go to @order.  0, or -1 after reporting. */
int kg_group_eval(struct kg_eval *ev, struct kg_plan_sel *s,
                  struct kg_rows *rows, struct kg_order *order);

/* ------------------------------------------------------------ aggregate.c */

int kg_aggregate_is_op(rasqal_op op);
/* Adds the aggregates of @e to @a (once each). */
void kg_aggregate_collect(struct kg_aggs *a, rasqal_expression *e);
void kg_aggregate_release(struct kg_aggs *a);
/* Aggregate @e over rows @idx (@n of them) of @rows into @out
 * (uninitialised): 0, or -1 (error; @out NONE). */
int kg_aggregate_compute(struct kg_eval *ev, rasqal_expression *e,
                         struct kg_rows *rows, size_t *idx, size_t n,
                         struct kg_value *out);
/* The value of aggregate @e on the current group, copied into @out: 0, or
 * -1 (error, or @e not an aggregate of the current SELECT). */
int kg_aggregate_value(struct kg_eval *ev, rasqal_expression *e,
                       struct kg_value *out);

/* -------------------------------------------------------------- project.c */

/* Sets variable @var of @row to the value of @e (unbound on error). */
void kg_project_assign(struct kg_eval *ev, rasqal_expression *e,
                       librdf_node **row, int var);
/* The (expr AS ?v) of @s on every row of @rows. */
void kg_project_exprs(struct kg_eval *ev, struct kg_plan_sel *s,
                      struct kg_rows *rows);
/* Unbinds what @s does not project; returns the projected variables (new
 * array, *ncols of them). */
int *kg_project_vars(struct kg_eval *ev, struct kg_plan_sel *s,
                     struct kg_rows *rows, int *ncols);
/* The result columns of the top SELECT @s of @q (new array, *ncols). */
int *kg_project_columns(struct kg_eval *ev, struct kg_plan_sel *s,
                        rasqal_query *q, int *ncols);
/* BIND @g on @cur; the result replaces @cur. */
int kg_project_bind(struct kg_eval *ev, struct kg_rows *cur,
                    struct kg_plan_gp *g);

/* ---------------------------------------------------------------- slice.c */

/* DISTINCT / REDUCED (as DISTINCT) on the @cols, OFFSET and LIMIT of @s:
 * the rows of @rows kept are added to @out. */
void kg_slice_apply(struct kg_plan_sel *s, struct kg_rows *rows,
                    const int *cols, int ncols, struct kg_rows *out);

/* ------------------------------------------------------------ construct.c */

struct kg_result;

/* The CONSTRUCT template of @q instantiated by each row of @rows. */
void kg_construct_graph(struct kg_eval *ev, rasqal_query *q,
                        struct kg_rows *rows, struct kg_result *r);
/* DESCRIBE of @q: the triples about each resource named or bound. */
int kg_construct_describe(struct kg_eval *ev, rasqal_query *q,
                          struct kg_rows *rows, struct kg_result *r);

/* ----------------------------------------------------------------- expr.c */

/* Evaluates @e on @row into @out (uninitialised; release with
 * kg_value_release): 0, or -1 with @out NONE (SPARQL error: unbound,
 * type error; a refusal also sets ev->failed). */
int kg_expr_eval(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
                 struct kg_value *out);
/* The value of @e on @row as a new node, or NULL (error). */
librdf_node *kg_expr_node(struct kg_eval *ev, rasqal_expression *e,
                          librdf_node **row);
/* Checks before evaluation: 0, or -1 after refusing (unsupported). */
int kg_expr_check(struct kg_eval *ev, rasqal_expression *e);
void kg_expr_release(struct kg_eval *ev);

/* ---------------------------------------------------------------- regex.c */

/* The compiled form of XPath pattern @pat with @flags (cached), or NULL:
 * refused (reported, ev->failed) or not compilable. */
pcre2_code *kg_regex_get(struct kg_eval *ev, const char *pat,
                         const char *flags,
                      int for_replace);
/* REGEX(@t, @p, @f) and REPLACE(@t, @p, @rep, @f) (@f may be NULL) into
 * @r: 0, or -1 (error). */
int kg_regex_match(struct kg_eval *ev, const struct kg_value *t,
                   const struct kg_value *p, const struct kg_value *f,
                   struct kg_value *r);
int kg_regex_replace(struct kg_eval *ev, const struct kg_value *t,
                     const struct kg_value *p, const struct kg_value *rep,
                     const struct kg_value *f, struct kg_value *r);
void kg_regex_release(struct kg_regex_cache *c);

#endif
