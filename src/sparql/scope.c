/* scope.c - what the evaluator needs to know about variable scope: the
 * variables a pattern certainly binds or has in scope, the variables of
 * an expression, the scope rules rasqal does not check, and which
 * patterns can be joined by substituting the bindings of the rows so far
 * (exact only when no FILTER inside sees a variable it does not bind
 * itself). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/lex.h"

/* Variables mentioned by a triple pattern block / group that are certainly
 * bound by it (used to decide whether substitution is exact). */
void
kg_scope_certain(struct kg_plan_gp *g, unsigned char *set)
{
  int i;
  int k;

  switch(g->op) {
    case KG_GP_BGP:
      for(i = 0; i < g->ntps; i++)
        for(k = 0; k < 3; k++)
          if(g->tps[i].t[k].var >= 0)
            set[g->tps[i].t[k].var] = 1;
      break;
    case KG_GP_GROUP:
      for(i = 0; i < g->nkids; i++)
        if(g->kids[i]->op == KG_GP_BGP || g->kids[i]->op == KG_GP_GRAPH ||
           g->kids[i]->op == KG_GP_GROUP)
          kg_scope_certain(g->kids[i], set);
      break;
    case KG_GP_GRAPH:
      if(g->graph.var >= 0)
        set[g->graph.var] = 1;
      kg_scope_certain(g->kids[0], set);
      break;
    default:
      break;
  }
}

void
kg_scope_expr_vars(rasqal_expression *e, unsigned char *set, int *has_special)
{
  int i;

  if(!e)
    return;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v && kg_eval_var_index(v) >= 0)
      set[kg_eval_var_index(v)] = 1;
    return;
  }
  if(e->op == RASQAL_EXPR_FUNCTION || e->op == RASQAL_EXPR_BOUND)
    *has_special = 1;
  kg_scope_expr_vars(e->arg1, set, has_special);
  kg_scope_expr_vars(e->arg2, set, has_special);
  kg_scope_expr_vars(e->arg3, set, has_special);
  kg_scope_expr_vars(e->arg4, set, has_special);
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      kg_scope_expr_vars(raptor_sequence_get_at(e->args, i), set, has_special);
}

/* 1 if joining @g with input rows by substituting their bindings gives
 * exactly the SPARQL join; @skip_filters: the group's own FILTERs are the
 * caller's (OPTIONAL condition). */
static int
compute_safe(struct kg_eval *ev, struct kg_plan_gp *g, int skip_filters)
{
  unsigned char *cert;
  unsigned char *before;
  unsigned char *used;
  int i;
  int ok = 1;

  switch(g->op) {
    case KG_GP_BGP:
      return 1;
    case KG_GP_UNION:
      for(i = 0; i < g->nkids; i++)
        if(!compute_safe(ev, g->kids[i], 0))
          return 0;
      return 1;
    case KG_GP_GRAPH:
      return compute_safe(ev, g->kids[0], 0);
    case KG_GP_GROUP:
      cert = kg_xcalloc((size_t)ev->nvars + 1, 1);
      before = kg_xcalloc((size_t)ev->nvars + 1, 1);
      used = kg_xcalloc((size_t)ev->nvars + 1, 1);
      kg_scope_certain(g, cert);
      for(i = 0; ok && i < g->nkids; i++) {
        struct kg_plan_gp *k = g->kids[i];
        int special = 0;
        int j;

        if(k->op == KG_GP_BIND) {
          /* exact when its expression sees only what the members before
           * it certainly bind (a row's binding of its variable is then
           * kept only if equal: kg_project_bind) */
          memset(used, 0, (size_t)ev->nvars + 1);
          kg_scope_expr_vars(k->expr, used, &special);
          if(special)
            ok = 0;
          for(j = 0; ok && j < ev->nvars; j++)
            if(used[j] && !before[j])
              ok = 0;
        } else if(k->op == KG_GP_FILTER) {
          if(skip_filters)
            continue;
          memset(used, 0, (size_t)ev->nvars + 1);
          kg_scope_expr_vars(k->expr, used, &special);
          if(special)
            ok = 0;
          for(j = 0; ok && j < ev->nvars; j++)
            if(used[j] && !cert[j])
              ok = 0;
        } else if(k->op == KG_GP_BGP || k->op == KG_GP_UNION ||
                  k->op == KG_GP_GRAPH || k->op == KG_GP_GROUP) {
          ok = compute_safe(ev, k, 0);
          if(k->op != KG_GP_UNION)
            kg_scope_certain(k, before);
        } else {
          ok = 0;
        }
      }
      free(cert);
      free(before);
      free(used);
      return ok;
    default:
      return 0;
  }
}

void
kg_scope_mark_safe(struct kg_eval *ev)
{
  int i;

  for(i = 0; i < ev->ngps; i++) {
    struct kg_plan_gp *g = ev->all_gps[i];

    if(g->op == KG_GP_OPT)
      g->kids[0]->safe = compute_safe(ev, g->kids[0], 1);
    else
      g->safe = compute_safe(ev, g, 0);
  }
  /* the right side of OPTIONAL was computed with its filters skipped;
   * recompute the others which may have overwritten it */
  for(i = 0; i < ev->ngps; i++) {
    struct kg_plan_gp *g = ev->all_gps[i];

    if(g->op == KG_GP_OPT)
      g->kids[0]->safe = compute_safe(ev, g->kids[0], 1);
  }
}

/* In-scope variables of a pattern (for SELECT *). */
void
kg_scope_vars(struct kg_plan_gp *g, unsigned char *set)
{
  int i;

  switch(g->op) {
    case KG_GP_BGP:
      kg_scope_certain(g, set);
      break;
    case KG_GP_GROUP:
    case KG_GP_UNION:
    case KG_GP_OPT:
      for(i = 0; i < g->nkids; i++)
        kg_scope_vars(g->kids[i], set);
      break;
    case KG_GP_GRAPH:
      if(g->graph.var >= 0)
        set[g->graph.var] = 1;
      kg_scope_vars(g->kids[0], set);
      break;
    case KG_GP_BIND:
      if(g->var >= 0)
        set[g->var] = 1;
      break;
    case KG_GP_VALUES:
      for(i = 0; i < g->nvv; i++)
        set[g->vv[i]] = 1;
      break;
    case KG_GP_SUB:
      if(g->sel->wildcard && g->sel->where) {
        kg_scope_vars(g->sel->where, set);
        if(g->sel->values)
          kg_scope_vars(g->sel->values, set);
      } else {
        for(i = 0; i < g->sel->nproj; i++)
          set[g->sel->proj[i]] = 1;
      }
      break;
    default:
      break;
  }
}

/* 1 if @e is the constant false. */
static int
is_false(const rasqal_expression *e)
{
  return e && e->op == RASQAL_EXPR_LITERAL && e->literal &&
         e->literal->type == RASQAL_LITERAL_BOOLEAN && !e->literal->value.integer;
}

/* 1 if token @t can make a condition true with a variable unbound:
 * BOUND, COALESCE, IF, || (an error || true is true). */
static int
true_when_unbound(const struct kg_lex *l, const struct kg_lex_tok *t)
{
  return kg_lex_is_kw(l, t, "BOUND") || kg_lex_is_kw(l, t, "COALESCE") ||
         kg_lex_is_kw(l, t, "IF") || kg_lex_is(l, t, "||");
}

/* The FILTERs of @text whose condition names no variable (FILTER(false),
 * FILTER(1 > 2)): those rasqal may fold to false itself.  *@risky counts
 * those that name variables and can be true with one of them unbound. */
static int
constant_filters(const char *text, int *risky)
{
  struct kg_lex l;
  int n = 0;

  kg_lex_init(&l, text, "", 0);
  for(l.i = 0; l.i < l.ntok; l.i++) {
    int depth = 0, vars = 0, maybe = 0, j = l.i + 1;

    if(!kg_lex_is_kw(&l, &l.toks[l.i], "FILTER"))
      continue;
    if(l.toks[j].t == KG_TOK_IRI || l.toks[j].t == KG_TOK_PNAME ||
       l.toks[j].t == KG_TOK_NAME)
      j++;                                  /* FILTER regex(...) */
    for(; j < l.ntok && l.toks[j].t != KG_TOK_END; j++) {
      if(kg_lex_is(&l, &l.toks[j], "("))
        depth++;
      else if(kg_lex_is(&l, &l.toks[j], ")") && --depth <= 0)
        break;
      else if(l.toks[j].t == KG_TOK_VAR)
        vars++;
      else if(true_when_unbound(&l, &l.toks[j]))
        maybe = 1;
    }
    n += !vars;
    *risky += vars && maybe;
  }
  kg_lex_release(&l);
  return n;
}

/* rasqal replaces a FILTER of a nested group that names a variable the
 * group does not bind by false (RASQAL-ALGEBRA trap: "out-of-scope
 * FILTERs"), where SPARQL evaluates it with that variable unbound.  Most
 * conditions are then an error, hence false as well (W3C bind10); but
 * !BOUND(?v), COALESCE, IF or || can be true.  More false FILTERs in the
 * tree than the text has constant ones means one was replaced; if the
 * text has a condition of that kind, the answer could be wrong.  0, or -1
 * after refusing. */
static int
check_false_filters(struct kg_eval *ev)
{
  int i, n = 0, risky = 0;

  for(i = 0; i < ev->ngps; i++)
    if(ev->all_gps[i]->op == KG_GP_FILTER && is_false(ev->all_gps[i]->expr))
      n++;
  if(!n || n <= constant_filters(ev->text, &risky) || !risky)
    return 0;
  kg_eval_refuse(ev, "FILTER", "a FILTER inside a nested group names a "
                 "variable that group does not bind: rasqal 0.9.33 would "
                 "read it as false; bind the variable in that group, or "
                 "move the FILTER out of it");
  return -1;
}

/* SPARQL syntax rules rasqal does not check: BIND to a variable already
 * in scope; (expr AS ?v) with ?v in scope or repeated.  Also refuses a
 * FILTER rasqal replaced by false (check_false_filters). */
int
kg_scope_check(struct kg_eval *ev)
{
  int i;
  int k;
  int j;

  if(check_false_filters(ev))
    return -1;

  for(i = 0; i < ev->ngps; i++) {
    struct kg_plan_gp *g = ev->all_gps[i];
    unsigned char *set;

    if(g->op != KG_GP_GROUP)
      continue;
    set = kg_xcalloc((size_t)ev->nvars + 1, 1);
    for(k = 0; k < g->nkids; k++) {
      struct kg_plan_gp *c = g->kids[k];

      if(c->op == KG_GP_BIND && c->var >= 0 && set[c->var]) {
        kg_eval_refuse(ev, "BIND", "BIND: variable ?%s is already in scope",
                       ev->names[c->var]);
        free(set);
        return -1;
      }
      if(c->op != KG_GP_FILTER && c->op != KG_GP_MINUS)
        kg_scope_vars(c, set);
    }
    free(set);
  }
  for(i = 0; i < ev->nsels; i++) {
    struct kg_plan_sel *s = ev->all_sels[i];
    unsigned char *set;

    if(s->wildcard)
      continue;
    set = kg_xcalloc((size_t)ev->nvars + 1, 1);
    if(s->where)
      kg_scope_vars(s->where, set);
    for(k = 0; k < s->nproj; k++) {
      int dup = 0;

      for(j = 0; j < k; j++)
        if(s->proj[j] == s->proj[k])
          dup = 1;
      if(s->pexpr[k] && (set[s->proj[k]] || dup)) {
        kg_eval_refuse(ev, "SELECT", "SELECT: variable ?%s is already %s",
                       ev->names[s->proj[k]], dup ? "selected" : "in scope");
        free(set);
        return -1;
      }
    }
    free(set);
  }
  return 0;
}
