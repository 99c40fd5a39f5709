/* plan.h - the query plan: rasqal's parsed tree turned into our own
 * algebra (compile.c), with the facts about variable scope the evaluator
 * needs (scope.c).
 *
 * A SELECT (struct kg_plan_sel; also each sub-SELECT, and ASK, CONSTRUCT,
 * DESCRIBE) has a WHERE pattern and its solution modifiers.  A pattern
 * (struct kg_plan_gp) is a tree of operators; FILTER and BIND expressions
 * are rasqal's (SHARED with the parsed query).  Variables are small
 * integers: indexes into the evaluator's names and into every row.
 */
#ifndef KG_SPARQL_PLAN_H
#define KG_SPARQL_PLAN_H

#include <stddef.h>
#include <redland.h>

enum kg_plan_op {
  KG_GP_BGP = 0, KG_GP_GROUP, KG_GP_OPT, KG_GP_UNION, KG_GP_MINUS,
  KG_GP_GRAPH, KG_GP_FILTER, KG_GP_BIND, KG_GP_VALUES, KG_GP_SUB
};

/* A triple pattern position, or a GRAPH name. */
struct kg_plan_term {
  int var;                  /* >= 0: variable index; -1: constant */
  librdf_node *node;        /* constant (owned) */
};

struct kg_plan_tp {
  struct kg_plan_term t[3];
  int path;                 /* -1, or index into ev->rw.paths */
};

struct kg_plan_sel;

struct kg_plan_gp {
  enum kg_plan_op op;
  struct kg_plan_tp *tps;   /* BGP */
  int ntps;
  struct kg_plan_gp **kids;
  int nkids;
  rasqal_expression *expr;  /* FILTER, BIND (SHARED with rasqal) */
  int var;                  /* BIND target */
  struct kg_plan_term graph;/* GRAPH */
  int nvv;                  /* VALUES: variables */
  int *vv;
  size_t nvrows;
  librdf_node **vcells;     /* nvrows * nvv, NULL = UNDEF (owned) */
  struct kg_plan_sel *sel;  /* SUB */
  int safe;                 /* joining by substitution is exact */
};

struct kg_plan_sel {
  rasqal_query *q;
  int nproj;
  int *proj;                /* variable indexes */
  rasqal_expression **pexpr;/* (expr AS ?v), else NULL */
  int wildcard;
  int distinct;
  raptor_sequence *group;
  raptor_sequence *having;
  raptor_sequence *order;
  int limit;
  int offset;
  struct kg_plan_gp *where;
  struct kg_plan_gp *values;/* trailing VALUES (KG_GP_VALUES) or NULL */
};

struct kg_eval;

/* compile.c.  The plans belong to @ev (freed by kg_compile_release). */
/* Numbers the variables of @q (query @qi: 0 main, then EXISTS groups). */
void kg_compile_vars(struct kg_eval *ev, rasqal_query *q, int qi);
/* Compiles the main query and the EXISTS groups, checks scopes, marks
 * what can be joined by substitution.  Returns the top SELECT, or NULL
 * after reporting. */
struct kg_plan_sel *kg_compile_query(struct kg_eval *ev);
void kg_compile_release(struct kg_eval *ev);

/* scope.c.  Variable sets are arrays of ev->nvars flags. */
/* Variables certainly bound by the triple patterns of @g. */
void kg_scope_certain(struct kg_plan_gp *g, unsigned char *set);
/* In-scope variables of @g (for SELECT *). */
void kg_scope_vars(struct kg_plan_gp *g, unsigned char *set);
/* Variables of @e; *has_special set if it calls a function or BOUND. */
void kg_scope_expr_vars(rasqal_expression *e, unsigned char *set,
                        int *has_special);
/* SPARQL scope rules rasqal does not check: 0, or -1 after reporting. */
int kg_scope_check(struct kg_eval *ev);
/* Sets each pattern's @safe flag. */
void kg_scope_mark_safe(struct kg_eval *ev);

#endif
