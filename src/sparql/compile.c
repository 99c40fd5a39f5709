/* compile.c - rasqal's parsed query turned into our plan (plan.h).
 *
 * Variables are numbered across the main query and its EXISTS groups;
 * constants become librdf nodes; the property path placeholders of the
 * text pass are recognised; VALUES rows and sub-SELECT modifiers come
 * through the mirror of rasqal's private layout.  Every expression is
 * checked (expr.c) so that what cannot be evaluated exactly is refused
 * before any evaluation.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/eval.h"
#include "sparql/mirror.h"
#include "sparql/term.h"

static int
var_intern(struct kg_eval *ev, const char *name)
{
  int i;

  for(i = 0; i < ev->nvars; i++)
    if(!strcmp(ev->names[i], name))
      return i;
  if(ev->nvars == ev->cap_names) {
    ev->cap_names = ev->cap_names ? ev->cap_names * 2 : 32;
    ev->names = kg_xrealloc(ev->names,
                            (size_t)ev->cap_names * sizeof(char *));
  }
  ev->names[ev->nvars] = kg_xstrdup(name);
  return ev->nvars++;
}

void
kg_compile_vars(struct kg_eval *ev, rasqal_query *q, int qi)
{
  raptor_sequence *seq;
  int i;
  int n;

  seq = rasqal_query_get_all_variable_sequence(q);
  n = seq ? raptor_sequence_size(seq) : 0;
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(seq, i);

    v->user_data = (void *)(intptr_t)(var_intern(ev, (const char *)v->name)
                                      + 1);
  }
  seq = rasqal_query_get_anonymous_variable_sequence(q);
  n = seq ? raptor_sequence_size(seq) : 0;
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(seq, i);
    char name[256];

    snprintf(name, sizeof name, "_:%d:%s", qi, (const char *)v->name);
    v->user_data = (void *)(intptr_t)(var_intern(ev, name) + 1);
  }
}

static struct kg_plan_gp *
gp_new(struct kg_eval *ev, enum kg_plan_op op)
{
  struct kg_plan_gp *g = kg_xcalloc(1, sizeof(*g));

  g->op = op;
  g->var = -1;
  g->graph.var = -1;
  if(ev->ngps == ev->cap_gps) {
    ev->cap_gps = ev->cap_gps ? ev->cap_gps * 2 : 32;
    ev->all_gps = kg_xrealloc(ev->all_gps, (size_t)ev->cap_gps *
                              sizeof(struct kg_plan_gp *));
  }
  ev->all_gps[ev->ngps++] = g;
  return g;
}

static void
gp_free(struct kg_plan_gp *g)
{
  int i;
  size_t j;

  for(i = 0; i < g->ntps; i++) {
    int k;

    for(k = 0; k < 3; k++)
      if(g->tps[i].t[k].node)
        librdf_free_node(g->tps[i].t[k].node);
  }
  free(g->tps);
  free(g->kids);
  if(g->graph.node)
    librdf_free_node(g->graph.node);
  for(j = 0; j < g->nvrows * (size_t)g->nvv; j++)
    if(g->vcells[j])
      librdf_free_node(g->vcells[j]);
  free(g->vcells);
  free(g->vv);
  free(g);
}

static void
gp_add_kid(struct kg_plan_gp *g, struct kg_plan_gp *k)
{
  g->kids = kg_xrealloc(g->kids, (size_t)(g->nkids + 1) * sizeof(*g->kids));
  g->kids[g->nkids++] = k;
}

static int
term_from_literal(struct kg_eval *ev, rasqal_literal *l,
                  struct kg_plan_term *t)
{
  rasqal_variable *v = rasqal_literal_as_variable(l);

  t->var = -1;
  t->node = NULL;
  if(v) {
    t->var = kg_eval_var_index(v);
    return t->var >= 0 ? 0 : -1;
  }
  t->node = kg_value_literal_node(ev->world, l);
  if(!t->node) {
    kg_eval_refuse(ev, NULL, "unsupported term in a triple pattern");
    return -1;
  }
  return 0;
}

static int
path_index(librdf_node *n)
{
  const char *s;

  if(!n || !librdf_node_is_resource(n))
    return -1;
  s = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  if(strncmp(s, KG_REWRITE_PATH_NS, strlen(KG_REWRITE_PATH_NS)))
    return -1;
  return atoi(s + strlen(KG_REWRITE_PATH_NS));
}

static int
rows_from_values(struct kg_eval *ev, struct kg_plan_gp *g,
                 raptor_sequence *vars, raptor_sequence *rowseq)
{
  int i;
  int nr;

  g->nvv = vars ? raptor_sequence_size(vars) : 0;
  g->vv = kg_xcalloc((size_t)(g->nvv ? g->nvv : 1), sizeof(int));
  for(i = 0; i < g->nvv; i++)
    g->vv[i] = kg_eval_var_index(raptor_sequence_get_at(vars, i));
  nr = rowseq ? raptor_sequence_size(rowseq) : 0;
  g->nvrows = (size_t)nr;
  g->vcells = kg_xcalloc((size_t)(nr * g->nvv) + 1, sizeof(librdf_node *));
  for(i = 0; i < nr; i++) {
    rasqal_literal **vals;
    int size = kg_mirror_row(raptor_sequence_get_at(rowseq, i), &vals);
    int j;

    if(size != g->nvv) {
      kg_eval_refuse(ev, "VALUES", "VALUES row %d has %d values for %d "
                     "variables", i + 1, size, g->nvv);
      return -1;
    }
    for(j = 0; j < size; j++)
      g->vcells[(size_t)i * (size_t)g->nvv + (size_t)j] =
        vals[j] ? kg_value_literal_node(ev->world, vals[j]) : NULL;
  }
  return 0;
}

static struct kg_plan_sel *compile_select(struct kg_eval *ev, rasqal_query *q,
                                          rasqal_graph_pattern *where,
                                          struct kg_mirror_subsel *ss);
static struct kg_plan_gp *compile_gp(struct kg_eval *ev, rasqal_query *q,
                                     rasqal_graph_pattern *rg);

static struct kg_plan_gp *
compile_bgp(struct kg_eval *ev, rasqal_graph_pattern *rg)
{
  struct kg_plan_gp *g = gp_new(ev, KG_GP_BGP);
  rasqal_triple *t;
  int i;

  for(i = 0; (t = rasqal_graph_pattern_get_triple(rg, i)); i++) {
    struct kg_plan_tp *p;

    g->tps = kg_xrealloc(g->tps, (size_t)(g->ntps + 1) * sizeof(*g->tps));
    p = &g->tps[g->ntps++];
    memset(p, 0, sizeof(*p));
    p->path = -1;
    if(term_from_literal(ev, t->subject, &p->t[0]) ||
       term_from_literal(ev, t->predicate, &p->t[1]) ||
       term_from_literal(ev, t->object, &p->t[2]))
      return NULL;
    p->path = path_index(p->t[1].node);
    if(p->path >= ev->rwo.npaths)
      p->path = -1;
  }
  return g;
}

/* GROUP, UNION, OPTIONAL, MINUS, GRAPH: an operator over sub-patterns
 * (OPTIONAL, MINUS and GRAPH over one group). */
static struct kg_plan_gp *
compile_nested(struct kg_eval *ev, rasqal_query *q, rasqal_graph_pattern *rg,
               enum kg_plan_op op)
{
  struct kg_plan_gp *g = gp_new(ev, op);
  rasqal_graph_pattern *sub;
  int i;

  if(op == KG_GP_GRAPH &&
     term_from_literal(ev, rasqal_graph_pattern_get_origin(rg), &g->graph))
    return NULL;
  for(i = 0; (sub = rasqal_graph_pattern_get_sub_graph_pattern(rg, i)); i++) {
    struct kg_plan_gp *k = compile_gp(ev, q, sub);

    if(!k)
      return NULL;
    gp_add_kid(g, k);
  }
  if(g->op != KG_GP_GROUP && g->op != KG_GP_UNION && g->nkids != 1) {
    struct kg_plan_gp *grp = gp_new(ev, KG_GP_GROUP);

    grp->kids = g->kids;
    grp->nkids = g->nkids;
    g->kids = NULL;
    g->nkids = 0;
    gp_add_kid(g, grp);
  }
  return g;
}

static struct kg_plan_gp *
compile_gp(struct kg_eval *ev, rasqal_query *q, rasqal_graph_pattern *rg)
{
  rasqal_graph_pattern_operator op = rasqal_graph_pattern_get_operator(rg);
  struct kg_plan_gp *g = NULL;

  switch(op) {
    case RASQAL_GRAPH_PATTERN_OPERATOR_BASIC:
      return compile_bgp(ev, rg);
    case RASQAL_GRAPH_PATTERN_OPERATOR_GROUP:
      return compile_nested(ev, q, rg, KG_GP_GROUP);
    case RASQAL_GRAPH_PATTERN_OPERATOR_UNION:
      return compile_nested(ev, q, rg, KG_GP_UNION);
    case RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL:
      return compile_nested(ev, q, rg, KG_GP_OPT);
    case RASQAL_GRAPH_PATTERN_OPERATOR_MINUS:
      return compile_nested(ev, q, rg, KG_GP_MINUS);
    case RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH:
      return compile_nested(ev, q, rg, KG_GP_GRAPH);
    case RASQAL_GRAPH_PATTERN_OPERATOR_FILTER:
      g = gp_new(ev, KG_GP_FILTER);
      g->expr = rasqal_graph_pattern_get_filter_expression(rg);
      if(kg_expr_check(ev, g->expr))
        return NULL;
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_LET:
      g = gp_new(ev, KG_GP_BIND);
      g->expr = rasqal_graph_pattern_get_filter_expression(rg);
      g->var = kg_eval_var_index(rasqal_graph_pattern_get_variable(rg));
      if(kg_expr_check(ev, g->expr))
        return NULL;
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_VALUES: {
      raptor_sequence *vars = NULL;
      raptor_sequence *rowseq = NULL;

      if(kg_mirror_values(q, rg, &vars, &rowseq)) {
        kg_eval_refuse(ev, "VALUES", "VALUES inside a group is not "
                       "supported with this rasqal version");
        return NULL;
      }
      g = gp_new(ev, KG_GP_VALUES);
      if(rows_from_values(ev, g, vars, rowseq))
        return NULL;
      return g;
    }
    case RASQAL_GRAPH_PATTERN_OPERATOR_SELECT: {
      struct kg_mirror_subsel ss;

      if(kg_mirror_subselect(q, rg, &ss)) {
        kg_eval_refuse(ev, "SELECT", "sub-SELECT is not supported with this "
                       "rasqal version");
        return NULL;
      }
      g = gp_new(ev, KG_GP_SUB);
      g->sel = compile_select(ev, q,
                              rasqal_graph_pattern_get_sub_graph_pattern(rg, 0),
                              &ss);
      if(!g->sel)
        return NULL;
      return g;
    }
    case RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE:
      kg_eval_refuse(ev, "SERVICE", "SERVICE is not supported (remote "
                     "queries are not run)");
      return NULL;
    case RASQAL_GRAPH_PATTERN_OPERATOR_UNKNOWN:
    default:
      kg_eval_refuse(ev, NULL, "unsupported graph pattern '%s'",
                     rasqal_graph_pattern_operator_as_string(op));
      return NULL;
  }
}

/* The (expr AS ?v) of this SELECT: rasqal attaches expressions to the
 * variable objects, which are shared by every SELECT of the query, so the
 * text tells which SELECT defines which variable. NULL = unknown. */
static const char *
next_aliases(struct kg_eval *ev, rasqal_query *q)
{
  int qi;

  for(qi = 0; qi < ev->nq; qi++)
    if(ev->queries[qi] == q)
      break;
  if(qi == ev->nq || !ev->aliases || ev->next_alias[qi] >= ev->naliases[qi])
    return NULL;
  return ev->aliases[qi][ev->next_alias[qi]++];
}

/* (e AS ?x) (e AS ?x): rasqal keeps one, so the text (@alias) tells. */
static int
selected_twice(struct kg_eval *ev, const char *alias)
{
  const char *p = alias + 1;

  while(*p) {
    const char *e = strchr(p, '|');
    char key[300];

    if(!e)
      break;
    snprintf(key, sizeof key, "|%.*s|", (int)(e - p), p);
    if(strstr(e, key)) {
      kg_eval_refuse(ev, "SELECT", "SELECT: variable ?%.*s is selected "
                     "twice", (int)(e - p), p);
      return -1;
    }
    p = e + 1;
  }
  return 0;
}

/* The modifiers of @s: from the mirror of a sub-SELECT (@ss), else from
 * the query.  *pv: the projection.  0 or -1. */
static int
sel_modifiers(struct kg_eval *ev, struct kg_plan_sel *s, rasqal_query *q,
              struct kg_mirror_subsel *ss, raptor_sequence **pv)
{
  if(ss) {
    *pv = ss->vars;
    s->wildcard = ss->wildcard;
    s->distinct = ss->distinct;
    s->group = ss->group;
    s->having = ss->having;
    s->order = ss->order;
    s->limit = ss->limit;
    s->offset = ss->offset;
    if(ss->values_vars) {
      s->values = gp_new(ev, KG_GP_VALUES);
      if(rows_from_values(ev, s->values, ss->values_vars, ss->values_rows))
        return -1;
    }
    return 0;
  }
  *pv = rasqal_query_get_bound_variable_sequence(q);
  s->wildcard = rasqal_query_get_wildcard(q);
  s->distinct = rasqal_query_get_distinct(q);
  s->group = rasqal_query_get_group_conditions_sequence(q);
  s->having = rasqal_query_get_having_conditions_sequence(q);
  s->order = rasqal_query_get_order_conditions_sequence(q);
  s->limit = rasqal_query_get_limit(q);
  s->offset = rasqal_query_get_offset(q);
  if(rasqal_query_get_bindings_variables_sequence(q)) {
    s->values = gp_new(ev, KG_GP_VALUES);
    if(!kg_mirror_ok(q, NULL)) {
      kg_eval_refuse(ev, "VALUES", "trailing VALUES is not supported with "
                     "this rasqal version");
      return -1;
    }
    if(rows_from_values(ev, s->values,
                        rasqal_query_get_bindings_variables_sequence(q),
                        rasqal_query_get_bindings_rows_sequence(q)))
      return -1;
  }
  return 0;
}

/* The projection @pv of @s; @alias: the variables this SELECT defines
 * with (expr AS ?v), or NULL. */
static int
sel_projection(struct kg_eval *ev, struct kg_plan_sel *s, raptor_sequence *pv,
               const char *alias)
{
  int n = pv ? raptor_sequence_size(pv) : 0;
  int i;

  s->proj = kg_xcalloc((size_t)n + 1, sizeof(int));
  s->pexpr = kg_xcalloc((size_t)n + 1, sizeof(rasqal_expression *));
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(pv, i);

    s->proj[s->nproj] = kg_eval_var_index(v);
    s->pexpr[s->nproj] = s->wildcard ? NULL : v->expression;
    if(s->pexpr[s->nproj] && alias) {
      char key[300];

      snprintf(key, sizeof key, "|%s|", (const char *)v->name);
      if(!strstr(alias, key))
        s->pexpr[s->nproj] = NULL;    /* defined by another SELECT */
    }
    if(s->pexpr[s->nproj] && kg_expr_check(ev, s->pexpr[s->nproj]))
      return -1;
    s->nproj++;
  }
  return 0;
}

/* HAVING, ORDER BY and GROUP BY expressions of @s: 0 or -1. */
static int
sel_check(struct kg_eval *ev, struct kg_plan_sel *s)
{
  int i;

  for(i = 0; s->having && i < raptor_sequence_size(s->having); i++)
    if(kg_expr_check(ev, raptor_sequence_get_at(s->having, i)))
      return -1;
  for(i = 0; s->order && i < raptor_sequence_size(s->order); i++)
    if(kg_expr_check(ev, raptor_sequence_get_at(s->order, i)))
      return -1;
  for(i = 0; s->group && i < raptor_sequence_size(s->group); i++) {
    rasqal_expression *e = raptor_sequence_get_at(s->group, i);
    rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->literal) : NULL;

    if(kg_expr_check(ev, v && v->expression ? v->expression : e))
      return -1;
  }
  return 0;
}

static struct kg_plan_sel *
compile_select(struct kg_eval *ev, rasqal_query *q,
               rasqal_graph_pattern *where, struct kg_mirror_subsel *ss)
{
  struct kg_plan_sel *s = kg_xcalloc(1, sizeof(*s));
  raptor_sequence *pv = NULL;
  const char *alias = NULL;

  if(ev->nsels == ev->cap_sels) {
    ev->cap_sels = ev->cap_sels ? ev->cap_sels * 2 : 8;
    ev->all_sels = kg_xrealloc(ev->all_sels, (size_t)ev->cap_sels *
                               sizeof(struct kg_plan_sel *));
  }
  ev->all_sels[ev->nsels++] = s;
  s->q = q;
  if(ss || rasqal_query_get_verb(q) == RASQAL_QUERY_VERB_SELECT)
    alias = next_aliases(ev, q);
  if(alias && selected_twice(ev, alias))
    return NULL;
  if(sel_modifiers(ev, s, q, ss, &pv))
    return NULL;
  if(where) {
    s->where = compile_gp(ev, q, where);
    if(!s->where)
      return NULL;
  }
  if(sel_projection(ev, s, pv, alias) || sel_check(ev, s))
    return NULL;
  return s;
}

/* rasqal folded away the FILTER holding an EXISTS placeholder (e.g. to
 * false): 0, or -1 after reporting. */
static int
check_exists_seen(struct kg_eval *ev)
{
  int i;

  for(i = 0; i < ev->nexists; i++) {
    if(!ev->exists_ok[i]) {
      struct kg_loc loc = { NULL, 0, 0 };

      loc.file = ev->source;
      loc.line = ev->rwo.exists_line[i] + ev->line_offset;
      kg_error_at(&loc, "EXISTS in this position is not supported");
      return -1;
    }
  }
  return 0;
}

struct kg_plan_sel *
kg_compile_query(struct kg_eval *ev)
{
  rasqal_query *q = ev->queries[0];
  rasqal_query_verb verb;
  struct kg_plan_sel *top;
  int i;

  ev->nexists = ev->rwo.nexists;
  ev->exists = kg_xcalloc((size_t)ev->nexists + 1, sizeof(*ev->exists));
  ev->exists_ok = kg_xcalloc((size_t)ev->nexists + 1, 1);
  for(i = 0; i < ev->nexists; i++) {
    rasqal_graph_pattern *w =
      rasqal_query_get_query_graph_pattern(ev->queries[i + 1]);

    ev->exists[i] = w ? compile_gp(ev, ev->queries[i + 1], w)
                      : gp_new(ev, KG_GP_GROUP);
    if(!ev->exists[i])
      return NULL;
  }
  verb = rasqal_query_get_verb(q);
  if(verb != RASQAL_QUERY_VERB_SELECT && verb != RASQAL_QUERY_VERB_ASK &&
     verb != RASQAL_QUERY_VERB_CONSTRUCT &&
     verb != RASQAL_QUERY_VERB_DESCRIBE) {
    kg_eval_refuse(ev, NULL, "only SELECT, ASK, CONSTRUCT and DESCRIBE are "
                   "supported");
    return NULL;
  }
  top = compile_select(ev, q, rasqal_query_get_query_graph_pattern(q), NULL);
  if(!top)
    return NULL;
  if(verb != RASQAL_QUERY_VERB_SELECT) {
    /* ASK/CONSTRUCT/DESCRIBE: every in-scope variable */
    top->wildcard = 1;
  }
  if(check_exists_seen(ev) || kg_scope_check(ev))
    return NULL;
  kg_scope_mark_safe(ev);
  return top;
}

void
kg_compile_release(struct kg_eval *ev)
{
  int i;

  for(i = 0; i < ev->ngps; i++)
    gp_free(ev->all_gps[i]);
  free(ev->all_gps);
  for(i = 0; i < ev->nsels; i++) {
    free(ev->all_sels[i]->proj);
    free(ev->all_sels[i]->pexpr);
    free(ev->all_sels[i]);
  }
  free(ev->all_sels);
  free(ev->exists);
  free(ev->exists_ok);
}
