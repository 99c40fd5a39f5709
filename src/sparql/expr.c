/* expr.c - SPARQL expressions on our own rows, evaluated on the values of
 * value.c.
 *
 * Native: variables and constants, &&, ||, !, IF, COALESCE, IN, NOT IN
 * (errors as SPARQL says), = != < > <= >=, + - * / and unary minus,
 * ABS, ROUND, CEIL, FLOOR, casts, the date/time accessors, STR, LANG,
 * DATATYPE, BOUND, isIRI, isBlank, isLiteral, isNumeric, sameTerm,
 * STRDT, STRLANG, IRI(<iri>), the string functions (strfn.c), REGEX and
 * REPLACE (regex.c), aggregates (values computed by group.c) and EXISTS.
 * Everything else (IRI of a string, BNODE(), UUID, STRUUID, NOW, RAND)
 * goes to rasqal_expression_evaluate2 with the values of its arguments
 * as constants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/strfn.h"
#include "sparql/term.h"

void
kg_expr_release(struct kg_eval *ev)
{
  if(ev->ectx)
    rasqal_free_evaluation_context(ev->ectx);
  ev->ectx = NULL;
  kg_regex_release(&ev->rx);
}

static int
exists_index(rasqal_expression *e)
{
  const char *n;

  if(e->op != RASQAL_EXPR_FUNCTION || !e->name)
    return -1;
  n = (const char *)raptor_uri_as_string(e->name);
  if(strncmp(n, KG_REWRITE_EXISTS_NS, strlen(KG_REWRITE_EXISTS_NS)))
    return -1;
  return atoi(n + strlen(KG_REWRITE_EXISTS_NS));
}

int
kg_expr_check(struct kg_eval *ev, rasqal_expression *e)
{
  int i;

  if(!e)
    return 0;
  switch(e->op) {
    case RASQAL_EXPR_FUNCTION:
      if(exists_index(e) < 0) {
        char kw[512];
        const char *fn = e->name ? (const char *)raptor_uri_as_string(e->name)
                                 : "?";

        snprintf(kw, sizeof kw, "<%s>", fn);
        kg_eval_refuse(ev, kw, "function <%s> is not supported", fn);
        return -1;
      }
      kg_eval_exists_seen(ev, exists_index(e));
      return 0;
    case RASQAL_EXPR_STR_MATCH:
    case RASQAL_EXPR_STR_NMATCH:
    case RASQAL_EXPR_TILDE:
      kg_eval_refuse(ev, NULL, "operator '%s' is not SPARQL",
                     rasqal_expression_op_label(e->op));
      return -1;
    case RASQAL_EXPR_BNODE:
      if(e->arg1) {
        kg_eval_refuse(ev, "BNODE", "BNODE(string) is not supported");
        return -1;
      }
      break;
    case RASQAL_EXPR_REGEX:
    case RASQAL_EXPR_REPLACE: {
      /* constant pattern and flags: check them now, whatever the data */
      rasqal_expression *pe = e->arg2;
      rasqal_expression *fe = e->op == RASQAL_EXPR_REGEX ? e->arg3 : e->arg4;

      if(pe && pe->op == RASQAL_EXPR_LITERAL &&
         kg_term_is_string(pe->literal) && !pe->literal->language &&
         (!fe || (fe->op == RASQAL_EXPR_LITERAL &&
                  kg_term_is_string(fe->literal) &&
                  !fe->literal->language)) &&
         !kg_regex_get(ev, (const char *)pe->literal->string,
                       fe ? (const char *)fe->literal->string : "",
                       e->op == RASQAL_EXPR_REPLACE) && ev->failed)
        return -1;
      break;
    }
    default:
      break;
  }
  if(kg_expr_check(ev, e->arg1) || kg_expr_check(ev, e->arg2) ||
     kg_expr_check(ev, e->arg3) || kg_expr_check(ev, e->arg4))
    return -1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(kg_expr_check(ev, raptor_sequence_get_at(e->args, i)))
        return -1;
  return 0;
}

static int
fail(struct kg_value *out)
{
  memset(out, 0, sizeof(*out));
  return -1;
}

/* Evaluates argument @e into @v; -1 on error (@v NONE). */
#define ARG(e, v) kg_expr_eval(ev, (e), row, (v))

static rasqal_evaluation_context *
eval_context(struct kg_eval *ev)
{
  if(!ev->ectx) {
    ev->ectx = rasqal_new_evaluation_context(ev->rw, NULL,
                                             RASQAL_COMPARE_XQUERY);
    if(ev->ectx && ev->rwo.base) {
      raptor_uri *b = raptor_new_uri(rasqal_world_get_raptor(ev->rw),
                                     (const unsigned char *)ev->rwo.base);

      if(b) {
        rasqal_evaluation_context_set_base_uri(ev->ectx, b);
        raptor_free_uri(b);
      }
    }
  }
  return ev->ectx;
}

/* @e rebuilt with the values of its arguments as constants, then
 * evaluated by rasqal. */
static int
eval_rasqal(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
            struct kg_value *out)
{
  rasqal_world *rw = ev->rw;
  rasqal_expression *src[4];
  rasqal_expression *x[4] = { NULL, NULL, NULL, NULL };
  rasqal_expression *ne = NULL;
  rasqal_literal *r = NULL;
  int error = 0;
  int i;

  memset(out, 0, sizeof(*out));
  src[0] = e->arg1;
  src[1] = e->arg2;
  src[2] = e->arg3;
  src[3] = e->arg4;
  for(i = 0; i < 4; i++) {
    struct kg_value v;
    rasqal_literal *l;

    if(!src[i])
      continue;
    if(ARG(src[i], &v))
      goto done;
    l = kg_value_to_literal(rw, &v);
    kg_value_release(&v);
    if(!l)
      goto done;
    x[i] = rasqal_new_literal_expression(rw, l);
  }
  if(e->args)
    goto done;
  if(src[2])
    ne = rasqal_new_3op_expression(rw, e->op, x[0], x[1], x[2]);
  else if(src[1])
    ne = rasqal_new_2op_expression(rw, e->op, x[0], x[1]);
  else if(src[0])
    ne = rasqal_new_1op_expression(rw, e->op, x[0]);
  else
    ne = rasqal_new_0op_expression(rw, e->op);
  x[0] = x[1] = x[2] = NULL;
  if(!ne || src[3])
    goto done;
  r = rasqal_expression_evaluate2(ne, eval_context(ev), &error);
  if(r && !error && !rasqal_literal_as_variable(r))
    kg_value_from_literal(out, r);
done:
  if(r)
    rasqal_free_literal(r);
  if(ne)
    rasqal_free_expression(ne);
  for(i = 0; i < 4; i++)
    if(x[i])
      rasqal_free_expression(x[i]);
  return out->kind == KG_VALUE_NONE ? -1 : 0;
}

/* The effective boolean value of @e on @row: 1, 0, or -1 for an error. */
static int
eval_ebv(struct kg_eval *ev, rasqal_expression *e, librdf_node **row)
{
  struct kg_value v;
  int x;

  if(ARG(e, &v))
    return -1;
  x = kg_value_ebv(&v);
  kg_value_release(&v);
  return x;
}

/* && and || with SPARQL's errors: an error is absorbed by the value that
 * decides. */
static int
eval_andor(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
           struct kg_value *out)
{
  int is_and = e->op == RASQAL_EXPR_AND;
  int x = eval_ebv(ev, e->arg1, row);
  int y;

  if(x == (is_and ? 0 : 1)) {
    kg_value_set_boolean(out, x);
    return 0;
  }
  y = eval_ebv(ev, e->arg2, row);
  if(y == (is_and ? 0 : 1)) {
    kg_value_set_boolean(out, y);
    return 0;
  }
  if(x < 0 || y < 0)
    return fail(out);
  kg_value_set_boolean(out, is_and ? (x && y) : (x || y));
  return 0;
}

/* IN / NOT IN: true as soon as a member is equal; an error from a member
 * that is not equal makes the result an error (SPARQL 17.4.1.9). */
static int
eval_in(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
        struct kg_value *out)
{
  struct kg_value a;
  int found = 0;
  int erred = 0;
  int i;

  if(ARG(e->arg1, &a))
    return fail(out);
  for(i = 0; !found && e->args && i < raptor_sequence_size(e->args); i++) {
    struct kg_value b;
    int c = -1;

    if(!ARG(raptor_sequence_get_at(e->args, i), &b)) {
      c = kg_value_compare(&a, &b, '=');
      kg_value_release(&b);
    }
    if(c < 0)
      erred = 1;
    else if(c)
      found = 1;
  }
  kg_value_release(&a);
  if(!found && erred)
    return fail(out);
  kg_value_set_boolean(out, e->op == RASQAL_EXPR_IN ? found : !found);
  return 0;
}

static int
compare_op(rasqal_op op)
{
  switch(op) {
    case RASQAL_EXPR_EQ: return '=';
    case RASQAL_EXPR_NEQ: return '!';
    case RASQAL_EXPR_LT: return '<';
    case RASQAL_EXPR_GT: return '>';
    case RASQAL_EXPR_LE: return 'l';
    case RASQAL_EXPR_GE: return 'g';
    case RASQAL_EXPR_PLUS: return '+';
    case RASQAL_EXPR_MINUS: return '-';
    case RASQAL_EXPR_STAR: return '*';
    case RASQAL_EXPR_SLASH: return '/';
    default: return 0;
  }
}

/* Two-argument operators: comparisons, arithmetic, sameTerm. */
static int
eval_binary(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
            struct kg_value *out)
{
  struct kg_value a;
  struct kg_value b;
  int op = compare_op(e->op);
  int rc = -1;
  int c;

  memset(out, 0, sizeof(*out));
  if(ARG(e->arg1, &a))
    return -1;
  if(ARG(e->arg2, &b)) {
    kg_value_release(&a);
    return -1;
  }
  if(e->op == RASQAL_EXPR_SAMETERM) {
    kg_value_set_boolean(out, kg_value_same_term(&a, &b));
    rc = 0;
  } else if(op == '+' || op == '-' || op == '*' || op == '/') {
    rc = kg_numeric_arith(out, &a, &b, op);
  } else {
    c = kg_value_compare(&a, &b, op);
    if(c >= 0) {
      kg_value_set_boolean(out, c);
      rc = 0;
    }
  }
  kg_value_release(&a);
  kg_value_release(&b);
  return rc;
}

static int
unary_code(rasqal_op op)
{
  switch(op) {
    case RASQAL_EXPR_UMINUS: return '-';
    case RASQAL_EXPR_ABS: return 'a';
    case RASQAL_EXPR_ROUND: return 'r';
    case RASQAL_EXPR_CEIL: return 'c';
    case RASQAL_EXPR_FLOOR: return 'f';
    case RASQAL_EXPR_YEAR: return 'Y';
    case RASQAL_EXPR_MONTH: return 'M';
    case RASQAL_EXPR_DAY: return 'D';
    case RASQAL_EXPR_HOURS: return 'h';
    case RASQAL_EXPR_MINUTES: return 'm';
    case RASQAL_EXPR_SECONDS: return 's';
    case RASQAL_EXPR_TIMEZONE: return 'z';
    case RASQAL_EXPR_TZ: return 't';
    default: return 0;
  }
}

/* STR, LANG, DATATYPE and the term tests on value @a. */
static int
term_function(rasqal_op op, const struct kg_value *a, struct kg_value *out)
{
  int lit = kg_value_is_literal(a);

  switch(op) {
    case RASQAL_EXPR_STR:
      if(a->kind == KG_VALUE_BLANK)
        return fail(out);
      kg_value_set_string(out, a->lex, a->len, NULL);
      return 0;
    case RASQAL_EXPR_LANG:
      if(!lit)
        return fail(out);
      kg_value_set_string(out, a->lang ? a->lang : "",
                          a->lang ? strlen(a->lang) : 0, NULL);
      return 0;
    case RASQAL_EXPR_DATATYPE:
      if(!lit)
        return fail(out);
      kg_value_set_iri(out, kg_value_datatype(a));
      return 0;
    case RASQAL_EXPR_ISURI:
      kg_value_set_boolean(out, a->kind == KG_VALUE_IRI);
      return 0;
    case RASQAL_EXPR_ISBLANK:
      kg_value_set_boolean(out, a->kind == KG_VALUE_BLANK);
      return 0;
    case RASQAL_EXPR_ISLITERAL:
      kg_value_set_boolean(out, lit);
      return 0;
    default: /* ISNUMERIC */
      kg_value_set_boolean(out, KG_VALUE_IS_NUMERIC(a->kind));
      return 0;
  }
}

/* One-argument operators: numeric functions, accessors, casts, terms. */
static int
eval_unary(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
           struct kg_value *out)
{
  struct kg_value a;
  int code = unary_code(e->op);
  int rc;

  if(ARG(e->arg1, &a))
    return fail(out);
  if(e->op == RASQAL_EXPR_CAST)
    rc = kg_value_cast(out, &a, (const char *)raptor_uri_as_string(e->name));
  else if(code && strchr("-acrf", code))
    rc = kg_numeric_unary(out, &a, code);
  else if(code)
    rc = kg_datetime_part(out, &a, code);
  else
    rc = term_function(e->op, &a, out);
  kg_value_release(&a);
  return rc;
}

/* BOUND(?v), IRI(<iri>), STRDT, STRLANG. */
static int
eval_term(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
          struct kg_value *out)
{
  struct kg_value a;
  struct kg_value b;
  int rc = -1;

  memset(out, 0, sizeof(*out));
  if(e->op == RASQAL_EXPR_BOUND) {
    rasqal_variable *v = e->arg1 && e->arg1->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->arg1->literal) : NULL;
    int vi = v ? kg_eval_var_index(v) : -1;

    kg_value_set_boolean(out, vi >= 0 && row[vi] != NULL);
    return 0;
  }
  if(ARG(e->arg1, &a))
    return -1;
  if(e->op == RASQAL_EXPR_IRI || e->op == RASQAL_EXPR_URI) {
    if(a.kind == KG_VALUE_IRI) {
      *out = a;
      return 0;
    }
    kg_value_release(&a);
    return eval_rasqal(ev, e, row, out);
  }
  if(!ARG(e->arg2, &b)) {
    if(a.kind == KG_VALUE_STRING && e->op == RASQAL_EXPR_STRDT &&
       b.kind == KG_VALUE_IRI) {
      kg_value_set_literal(out, a.lex, a.len, NULL, b.lex);
      rc = 0;
    } else if(a.kind == KG_VALUE_STRING && e->op == RASQAL_EXPR_STRLANG &&
              b.kind == KG_VALUE_STRING && b.len > 0) {
      kg_value_set_string(out, a.lex, a.len, b.lex);
      rc = 0;
    }
    kg_value_release(&b);
  }
  kg_value_release(&a);
  return rc;
}

/* REGEX, REPLACE: arguments evaluated, then regex.c. */
static int
eval_regex(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
           struct kg_value *out)
{
  struct kg_value a[4];
  rasqal_expression *src[4];
  int ok = 1;
  int rc = -1;
  int i;

  src[0] = e->arg1;
  src[1] = e->arg2;
  src[2] = e->arg3;
  src[3] = e->arg4;
  memset(a, 0, sizeof(a));
  memset(out, 0, sizeof(*out));
  for(i = 0; i < 4; i++)
    if(src[i] && ok && ARG(src[i], &a[i]))
      ok = 0;
  if(ok && e->op == RASQAL_EXPR_REGEX)
    rc = kg_regex_match(ev, &a[0], &a[1], src[2] ? &a[2] : NULL, out);
  else if(ok && src[2])
    rc = kg_regex_replace(ev, &a[0], &a[1], &a[2], src[3] ? &a[3] : NULL,
                          out);
  for(i = 0; i < 4; i++)
    kg_value_release(&a[i]);
  return rc;
}

/* Functions over a list of arguments: CONCAT and the string functions of
 * strfn.c; COALESCE. */
static int
eval_list(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
          struct kg_value *out)
{
  struct kg_value a[3];
  rasqal_expression *src[3];
  int n = 0;
  int rc = -1;
  int i;

  memset(out, 0, sizeof(*out));
  if(e->op == RASQAL_EXPR_COALESCE) {
    for(i = 0; e->args && i < raptor_sequence_size(e->args); i++)
      if(!ARG(raptor_sequence_get_at(e->args, i), out))
        return 0;
    return -1;
  }
  if(e->op == RASQAL_EXPR_CONCAT)
    return kg_strfn_concat(ev, e, row, out);
  src[0] = e->arg1;
  src[1] = e->arg2;
  src[2] = e->arg3;
  memset(a, 0, sizeof(a));
  for(i = 0; i < 3 && src[i]; i++, n++)
    if(ARG(src[i], &a[i]))
      goto done;
  rc = kg_strfn_call(e->op, a, n, out);
done:
  for(i = 0; i < 3; i++)
    kg_value_release(&a[i]);
  return rc;
}

static int
eval_op(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
        struct kg_value *out)
{
  int x;

  switch(e->op) {
    case RASQAL_EXPR_AND:
    case RASQAL_EXPR_OR:
      return eval_andor(ev, e, row, out);
    case RASQAL_EXPR_BANG:
      x = eval_ebv(ev, e->arg1, row);
      if(x < 0)
        return fail(out);
      kg_value_set_boolean(out, !x);
      return 0;
    case RASQAL_EXPR_IF:
      x = eval_ebv(ev, e->arg1, row);
      if(x < 0)
        return fail(out);
      return ARG(x ? e->arg2 : e->arg3, out);
    case RASQAL_EXPR_IN:
    case RASQAL_EXPR_NOT_IN:
      return eval_in(ev, e, row, out);
    case RASQAL_EXPR_FUNCTION:
      x = exists_index(e);
      if(x >= 0)
        x = kg_eval_exists(ev, x, row);
      if(x < 0)
        return fail(out);
      kg_value_set_boolean(out, x);
      return 0;
    case RASQAL_EXPR_REGEX:
    case RASQAL_EXPR_REPLACE:
      return eval_regex(ev, e, row, out);
    case RASQAL_EXPR_BOUND:
    case RASQAL_EXPR_IRI:
    case RASQAL_EXPR_URI:
    case RASQAL_EXPR_STRDT:
    case RASQAL_EXPR_STRLANG:
      return eval_term(ev, e, row, out);
    default:
      break;
  }
  if(compare_op(e->op) || e->op == RASQAL_EXPR_SAMETERM)
    return eval_binary(ev, e, row, out);
  if(unary_code(e->op) || e->op == RASQAL_EXPR_CAST ||
     e->op == RASQAL_EXPR_STR || e->op == RASQAL_EXPR_LANG ||
     e->op == RASQAL_EXPR_DATATYPE || e->op == RASQAL_EXPR_ISURI ||
     e->op == RASQAL_EXPR_ISBLANK || e->op == RASQAL_EXPR_ISLITERAL ||
     e->op == RASQAL_EXPR_ISNUMERIC)
    return eval_unary(ev, e, row, out);
  if(e->op == RASQAL_EXPR_COALESCE || e->op == RASQAL_EXPR_CONCAT ||
     kg_strfn_is_op(e->op))
    return eval_list(ev, e, row, out);
  return eval_rasqal(ev, e, row, out);
}

int
kg_expr_eval(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
             struct kg_value *out)
{
  memset(out, 0, sizeof(*out));
  if(!e)
    return -1;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v) {
      int vi = kg_eval_var_index(v);

      if(vi < 0 || !row[vi])
        return -1;
      kg_value_from_node(out, row[vi]);
      return 0;
    }
    return kg_value_from_literal(out, e->literal);
  }
  if(kg_aggregate_is_op(e->op))
    return kg_aggregate_value(ev, e, out);
  return eval_op(ev, e, row, out);
}

librdf_node *
kg_expr_node(struct kg_eval *ev, rasqal_expression *e, librdf_node **row)
{
  struct kg_value v;
  librdf_node *n;

  if(kg_expr_eval(ev, e, row, &v))
    return NULL;
  n = kg_value_to_node(ev->world, &v);
  kg_value_release(&v);
  return n;
}
