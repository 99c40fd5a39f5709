/* expr.c - SPARQL expressions on our own rows.
 *
 * Most operators go to rasqal_expression_evaluate2 after the variables are
 * set from the row.  We do ourselves what rasqal 0.9.33 gets wrong: &&, ||
 * and ! (errors), the effective boolean value, IF/COALESCE, LCASE/UCASE
 * (Unicode, utf8proc), CONCAT (language tags), REGEX and REPLACE
 * (regex.c), xsd:integer() of decimals, LANG, IRI(<iri>), aggregates
 * (values computed by group.c) and EXISTS.  An operator over a nested
 * function of ours is rebuilt with the values of its arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/term.h"

void
kg_expr_release(struct kg_eval *ev)
{
  if(ev->ectx)
    rasqal_free_evaluation_context(ev->ectx);
  ev->ectx = NULL;
  kg_regex_release(&ev->rx);
}

int
kg_expr_ebv(rasqal_literal *l)
{
  if(!l)
    return -1;
  if(l->valid == 0)
    return 0;
  switch(l->type) {
    case RASQAL_LITERAL_BOOLEAN:
    case RASQAL_LITERAL_INTEGER:
    case RASQAL_LITERAL_INTEGER_SUBTYPE:
      return l->value.integer != 0;
    case RASQAL_LITERAL_DOUBLE:
    case RASQAL_LITERAL_FLOAT:
      return !(l->value.floating != l->value.floating) &&
        l->value.floating != 0.0;
    case RASQAL_LITERAL_DECIMAL:
      return !rasqal_xsd_decimal_is_zero(l->value.decimal);
    case RASQAL_LITERAL_STRING:
      if(l->datatype)
        return -1;
      return l->string_len > 0;
    case RASQAL_LITERAL_XSD_STRING:
      return l->string_len > 0;
    default:
      return -1;
  }
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

static int
is_special(rasqal_op op)
{
  switch(op) {
    case RASQAL_EXPR_AND:
    case RASQAL_EXPR_OR:
    case RASQAL_EXPR_BANG:
    case RASQAL_EXPR_IF:
    case RASQAL_EXPR_COALESCE:
    case RASQAL_EXPR_LCASE:
    case RASQAL_EXPR_UCASE:
    case RASQAL_EXPR_REGEX:
    case RASQAL_EXPR_REPLACE:
    case RASQAL_EXPR_CONCAT:
    case RASQAL_EXPR_FUNCTION:
    case RASQAL_EXPR_LANG:
      return 1;
    default:
      return kg_aggregate_is_op(op);
  }
}

static int
has_special(rasqal_expression *e)
{
  int i;

  if(!e)
    return 0;
  if(is_special(e->op))
    return 1;
  if(has_special(e->arg1) || has_special(e->arg2) || has_special(e->arg3) ||
     has_special(e->arg4))
    return 1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(has_special(raptor_sequence_get_at(e->args, i)))
        return 1;
  return 0;
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
         kg_term_is_simple(pe->literal) &&
         (!fe || (fe->op == RASQAL_EXPR_LITERAL &&
                  kg_term_is_simple(fe->literal))) &&
         !kg_regex_get(ev, (const char *)pe->literal->string,
                       fe ? (const char *)fe->literal->string : "",
                       e->op == RASQAL_EXPR_REPLACE) && ev->failed)
        return -1;
      break;
    }
    default:
      break;
  }
  if(e->args && !is_special(e->op) && e->op != RASQAL_EXPR_IN &&
     e->op != RASQAL_EXPR_NOT_IN) {
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(has_special(raptor_sequence_get_at(e->args, i))) {
        kg_eval_refuse(ev, NULL, "expression '%s' over a nested '%s' is not "
                       "supported", rasqal_expression_op_label(e->op),
                       "function");
        return -1;
      }
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

static void
set_vars(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
         int on)
{
  int i;

  if(!e)
    return;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);
    int vi = kg_eval_var_index(v);

    if(v && vi >= 0) {
      if(on && row[vi])
        rasqal_variable_set_value(v, kg_term_to_literal(ev->rw, row[vi]));
      else if(v->value)
        rasqal_variable_set_value(v, NULL);
    }
    return;
  }
  set_vars(ev, e->arg1, row, on);
  set_vars(ev, e->arg2, row, on);
  set_vars(ev, e->arg3, row, on);
  set_vars(ev, e->arg4, row, on);
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      set_vars(ev, raptor_sequence_get_at(e->args, i), row, on);
}

static rasqal_literal *
rasqal_eval(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
            int *err)
{
  rasqal_literal *r;
  int error = 0;

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
  set_vars(ev, e, row, 1);
  r = rasqal_expression_evaluate2(e, ev->ectx, &error);
  set_vars(ev, e, row, 0);
  if(error || !r) {
    if(r)
      rasqal_free_literal(r);
    *err = 1;
    return NULL;
  }
  /* a variable result is a reference to a variable, not a value */
  if(rasqal_literal_as_variable(r)) {
    rasqal_free_literal(r);
    *err = 1;
    return NULL;
  }
  return r;
}

static rasqal_literal *
case_map(struct kg_eval *ev, rasqal_literal *l, int upper)
{
  struct kg_buf b = KG_BUF_INIT;
  const utf8proc_uint8_t *s = l->string;
  utf8proc_ssize_t len = (utf8proc_ssize_t)l->string_len;
  utf8proc_ssize_t i = 0;
  rasqal_literal *r;

  while(i < len) {
    utf8proc_int32_t cp;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_iterate(s + i, len - i, &cp);
    utf8proc_ssize_t m;

    if(n <= 0) {
      kg_buf_release(&b);
      return NULL;
    }
    cp = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
    m = utf8proc_encode_char(cp, enc);
    kg_buf_add(&b, enc, (size_t)m);
    i += n;
  }
  r = kg_term_string_like(ev->rw, l, b.s ? b.s : "", b.len);
  kg_buf_release(&b);
  return r;
}

static rasqal_literal *
rebuild_eval(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
             int *err)
{
  rasqal_world *rw = ev->rw;
  rasqal_literal *a[4] = { NULL, NULL, NULL, NULL };
  rasqal_expression *src[4];
  rasqal_expression *x[4] = { NULL, NULL, NULL, NULL };
  rasqal_expression *ne = NULL;
  rasqal_literal *r = NULL;
  int i;

  src[0] = e->arg1;
  src[1] = e->arg2;
  src[2] = e->arg3;
  src[3] = e->arg4;
  for(i = 0; i < 4; i++) {
    if(!src[i])
      continue;
    a[i] = kg_expr_eval(ev, src[i], row, err);
    if(!a[i])
      goto fail;
    x[i] = rasqal_new_literal_expression(rw, a[i]);
    a[i] = NULL;
  }
  if(e->args) {
    raptor_sequence *seq;

    if(e->op != RASQAL_EXPR_IN && e->op != RASQAL_EXPR_NOT_IN)
      goto fail;
    seq = raptor_new_sequence((raptor_data_free_handler)rasqal_free_expression,
                              NULL);
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      raptor_sequence_push(seq, rasqal_new_expression_from_expression(
                                  raptor_sequence_get_at(e->args, i)));
    ne = rasqal_new_set_expression(rw, e->op, x[0], seq);
    x[0] = NULL;
  } else if(e->op == RASQAL_EXPR_CAST) {
    ne = rasqal_new_cast_expression(rw, raptor_uri_copy(e->name), x[0]);
    x[0] = NULL;
  } else if(src[3]) {
    ne = rasqal_new_4op_expression(rw, e->op, x[0], x[1], x[2], x[3]);
    x[0] = x[1] = x[2] = x[3] = NULL;
  } else if(src[2]) {
    ne = rasqal_new_3op_expression(rw, e->op, x[0], x[1], x[2]);
    x[0] = x[1] = x[2] = NULL;
  } else if(src[1]) {
    ne = rasqal_new_2op_expression(rw, e->op, x[0], x[1]);
    x[0] = x[1] = NULL;
  } else if(src[0]) {
    ne = rasqal_new_1op_expression(rw, e->op, x[0]);
    x[0] = NULL;
  }
  if(!ne)
    goto fail;
  r = rasqal_eval(ev, ne, row, err);
  rasqal_free_expression(ne);
  return r;
fail:
  for(i = 0; i < 4; i++)
    if(x[i])
      rasqal_free_expression(x[i]);
  *err = 1;
  return NULL;
}

/* The effective boolean value of @e on @row: 1, 0, or -1 for an error. */
static int
eval_ebv(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
         int *err)
{
  rasqal_literal *l = kg_expr_eval(ev, e, row, err);
  int x = l ? kg_expr_ebv(l) : -1;

  if(l)
    rasqal_free_literal(l);
  return x;
}

/* xsd:integer() of a decimal or double (rasqal fails: we truncate),
 * LANG(?v) (rasqal would give the tag lower-cased), IRI(<iri>) (rasqal
 * gives an error): 1 and the value in *out, or 0 to go on. */
static int
eval_fixed(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
           int *err, rasqal_literal **out)
{
  rasqal_world *rw = ev->rw;
  rasqal_literal *a;

  *out = NULL;
  if(e->op == RASQAL_EXPR_CAST && e->name &&
     !strcmp((const char *)raptor_uri_as_string(e->name),
             "http://www.w3.org/2001/XMLSchema#integer")) {
    a = kg_expr_eval(ev, e->arg1, row, err);
    if(a && a->valid && (a->type == RASQAL_LITERAL_DECIMAL ||
                         a->type == RASQAL_LITERAL_DOUBLE ||
                         a->type == RASQAL_LITERAL_FLOAT)) {
      double dv = strtod((const char *)a->string, NULL);
      char num[64];

      rasqal_free_literal(a);
      if(!(dv == dv) || dv > 9.2e18 || dv < -9.2e18) {
        *err = 1;
        return 1;
      }
      snprintf(num, sizeof num, "%lld", (long long)dv);
      *out = rasqal_new_string_literal(rw, kg_term_dup(num, strlen(num)),
                                       NULL, raptor_uri_copy(e->name), NULL);
      return 1;
    }
    if(a)
      rasqal_free_literal(a);
  }
  if(e->op == RASQAL_EXPR_LANG && e->arg1 &&
     e->arg1->op == RASQAL_EXPR_LITERAL &&
     rasqal_literal_as_variable(e->arg1->literal)) {
    int vi = kg_eval_var_index(rasqal_literal_as_variable(e->arg1->literal));
    librdf_node *n = vi >= 0 ? row[vi] : NULL;
    const char *lang;

    if(!n || !librdf_node_is_literal(n)) {
      *err = 1;
      return 1;
    }
    lang = librdf_node_get_literal_value_language(n);
    *out = rasqal_new_string_literal(rw, kg_term_dup(lang ? lang : "",
                                                     lang ? strlen(lang) : 0),
                                     NULL, NULL, NULL);
    return 1;
  }
  if((e->op == RASQAL_EXPR_IRI || e->op == RASQAL_EXPR_URI) && e->arg1) {
    a = kg_expr_eval(ev, e->arg1, row, err);
    if(a && a->type == RASQAL_LITERAL_URI) {
      *out = a;
      return 1;
    }
    if(a)
      rasqal_free_literal(a);
  }
  return 0;
}

/* && and || with SPARQL's errors: an error is absorbed by the value that
 * decides. */
static rasqal_literal *
eval_andor(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
           int *err)
{
  int is_and = e->op == RASQAL_EXPR_AND;
  int x = eval_ebv(ev, e->arg1, row, err);
  int y;

  if(x == (is_and ? 0 : 1))
    return rasqal_new_boolean_literal(ev->rw, x);
  y = eval_ebv(ev, e->arg2, row, err);
  *err = 0;
  if(y == (is_and ? 0 : 1))
    return rasqal_new_boolean_literal(ev->rw, y);
  if(x < 0 || y < 0) {
    *err = 1;
    return NULL;
  }
  return rasqal_new_boolean_literal(ev->rw, is_and ? (x && y) : (x || y));
}

/* CONCAT: the common language tag is kept, xsd:string if all are. */
static rasqal_literal *
eval_concat(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
            int *err)
{
  rasqal_world *rw = ev->rw;
  struct kg_buf buf = KG_BUF_INIT;
  rasqal_literal *r = NULL;
  char *lang = NULL;
  int same_lang = 1;
  int all_xsd = 1;
  int ok = 1;
  int i;

  for(i = 0; ok && e->args && i < raptor_sequence_size(e->args); i++) {
    rasqal_literal *l = kg_expr_eval(ev, raptor_sequence_get_at(e->args, i),
                                     row, err);

    if(!l || !kg_term_is_string(l)) {
      ok = 0;
    } else {
      if(l->type != RASQAL_LITERAL_XSD_STRING)
        all_xsd = 0;
      if(i == 0)
        lang = l->language ? kg_xstrdup(l->language) : NULL;
      else if(!lang || !l->language || strcmp(lang, l->language))
        same_lang = 0;
      if(i > 0 && !lang && l->language)
        same_lang = 0;
      kg_buf_add(&buf, l->string, l->string_len);
    }
    if(l)
      rasqal_free_literal(l);
  }
  if(ok) {
    int n = e->args ? raptor_sequence_size(e->args) : 0;
    raptor_uri *dt = NULL;
    const char *lg = (same_lang && lang && n > 0) ? lang : NULL;

    if(all_xsd && n > 0)
      dt = raptor_new_uri(rasqal_world_get_raptor(rw),
             (const unsigned char *)"http://www.w3.org/2001/XMLSchema#string");
    r = rasqal_new_string_literal(rw,
          kg_term_dup(buf.s ? buf.s : "", buf.len),
          lg ? (const char *)kg_term_dup(lg, strlen(lg)) : NULL, dt, NULL);
  }
  free(lang);
  kg_buf_release(&buf);
  *err = r == NULL;
  return r;
}

/* LCASE, UCASE, REGEX, REPLACE: arguments evaluated, then our own code. */
static rasqal_literal *
eval_text(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
          int *err)
{
  rasqal_literal *a = NULL;
  rasqal_literal *b = NULL;
  rasqal_literal *c = NULL;
  rasqal_literal *d = NULL;
  rasqal_literal *r = NULL;

  switch(e->op) {
    case RASQAL_EXPR_LCASE:
    case RASQAL_EXPR_UCASE:
      a = kg_expr_eval(ev, e->arg1, row, err);
      if(a && kg_term_is_string(a))
        r = case_map(ev, a, e->op == RASQAL_EXPR_UCASE);
      break;
    case RASQAL_EXPR_REGEX:
      a = kg_expr_eval(ev, e->arg1, row, err);
      b = kg_expr_eval(ev, e->arg2, row, err);
      if(e->arg3)
        c = kg_expr_eval(ev, e->arg3, row, err);
      if(a && b && (!e->arg3 || c))
        r = kg_regex_match(ev, a, b, c);
      break;
    case RASQAL_EXPR_REPLACE:
      a = kg_expr_eval(ev, e->arg1, row, err);
      b = kg_expr_eval(ev, e->arg2, row, err);
      c = kg_expr_eval(ev, e->arg3, row, err);
      if(e->arg4)
        d = kg_expr_eval(ev, e->arg4, row, err);
      if(a && b && c && (!e->arg4 || d))
        r = kg_regex_replace(ev, a, b, c, d);
      break;
    default:
      break;
  }
  if(a)
    rasqal_free_literal(a);
  if(b)
    rasqal_free_literal(b);
  if(c)
    rasqal_free_literal(c);
  if(d)
    rasqal_free_literal(d);
  *err = r == NULL;
  return r;
}

/* The operators that are ours (has_special). */
static rasqal_literal *
eval_special(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
             int *err)
{
  rasqal_literal *r;
  int x;
  int i;

  switch(e->op) {
    case RASQAL_EXPR_AND:
    case RASQAL_EXPR_OR:
      return eval_andor(ev, e, row, err);
    case RASQAL_EXPR_BANG:
      x = eval_ebv(ev, e->arg1, row, err);
      if(x < 0) {
        *err = 1;
        return NULL;
      }
      return rasqal_new_boolean_literal(ev->rw, !x);
    case RASQAL_EXPR_IF:
      x = eval_ebv(ev, e->arg1, row, err);
      if(x < 0) {
        *err = 1;
        return NULL;
      }
      return kg_expr_eval(ev, x ? e->arg2 : e->arg3, row, err);
    case RASQAL_EXPR_COALESCE:
      for(i = 0; e->args && i < raptor_sequence_size(e->args); i++) {
        r = kg_expr_eval(ev, raptor_sequence_get_at(e->args, i), row, err);
        if(r) {
          *err = 0;
          return r;
        }
      }
      *err = 1;
      return NULL;
    case RASQAL_EXPR_CONCAT:
      return eval_concat(ev, e, row, err);
    case RASQAL_EXPR_LCASE:
    case RASQAL_EXPR_UCASE:
    case RASQAL_EXPR_REGEX:
    case RASQAL_EXPR_REPLACE:
      return eval_text(ev, e, row, err);
    case RASQAL_EXPR_FUNCTION:
      x = exists_index(e);
      if(x >= 0)
        x = kg_eval_exists(ev, x, row);
      if(x < 0) {
        *err = 1;
        return NULL;
      }
      return rasqal_new_boolean_literal(ev->rw, x);
    default:
      return rebuild_eval(ev, e, row, err);
  }
}

rasqal_literal *
kg_expr_eval(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
             int *err)
{
  rasqal_literal *r;

  *err = 0;
  if(!e) {
    *err = 1;
    return NULL;
  }
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v) {
      int vi = kg_eval_var_index(v);

      if(vi < 0 || !row[vi]) {
        *err = 1;
        return NULL;
      }
      return kg_term_to_literal(ev->rw, row[vi]);
    }
    return rasqal_new_literal_from_literal(e->literal);
  }
  if(kg_aggregate_is_op(e->op)) {
    int found;

    r = kg_aggregate_value(ev, e, &found);
    if(!r)
      *err = 1;
    return r;
  }
  if(eval_fixed(ev, e, row, err, &r))
    return r;
  if(!has_special(e))
    return rasqal_eval(ev, e, row, err);
  return eval_special(ev, e, row, err);
}
