/* sparql_expr.c - SPARQL expressions on our own bindings.
 *
 * Most operators go to rasqal_expression_evaluate2 after the variables are
 * set from the row.  We do ourselves what rasqal 0.9.33 gets wrong: &&, ||
 * and ! (errors), the effective boolean value, IF/COALESCE, LCASE/UCASE
 * (Unicode, utf8proc), CONCAT (language tags), REGEX and REPLACE (XPath
 * classes \d \w \s translated to POSIX, Unicode case folding under the
 * C.UTF-8 locale), aggregates (values computed by the caller) and EXISTS.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/sparql_int.h"

static int is_simple_lit(rasqal_literal *l);
static regex_t *get_regex(struct kg_sq_ev *ev, const char *pat,
                          const char *flags, int for_replace);

void
kg_sq_expr_release(struct kg_sq_ev *ev)
{
  struct kg_sq_expr_state *x = kg_sq_expr_state(ev);
  int i;

  if(x->ectx)
    rasqal_free_evaluation_context(x->ectx);
  x->ectx = NULL;
  for(i = 0; i < x->nrx; i++) {
    if(x->rx[i].ok)
      regfree(&x->rx[i].re);
    free(x->rx[i].key);
  }
  free(x->rx);
  x->rx = NULL;
  x->nrx = 0;
}

/* ---------------------------------------------------------------- terms */

/* ---------------------------------------------------------------- EBV */

int
kg_sq_ebv(rasqal_literal *l)
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

static rasqal_literal *
bool_lit(rasqal_world *rw, int b)
{
  return rasqal_new_boolean_literal(rw, b);
}

/* ---------------------------------------------------------------- checks */

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
is_agg(rasqal_op op)
{
  return op == RASQAL_EXPR_COUNT || op == RASQAL_EXPR_SUM ||
    op == RASQAL_EXPR_AVG || op == RASQAL_EXPR_MIN || op == RASQAL_EXPR_MAX ||
    op == RASQAL_EXPR_SAMPLE || op == RASQAL_EXPR_GROUP_CONCAT;
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
      return is_agg(op);
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
kg_sq_expr_check(struct kg_sq_ev *ev, rasqal_expression *e)
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
        kg_sq_refuse(ev, kw, "function <%s> is not supported", fn);
        return -1;
      }
      kg_sq_exists_seen(ev, exists_index(e));
      return 0;
    case RASQAL_EXPR_STR_MATCH:
    case RASQAL_EXPR_STR_NMATCH:
    case RASQAL_EXPR_TILDE:
      kg_sq_refuse(ev, NULL, "operator '%s' is not SPARQL",
                   rasqal_expression_op_label(e->op));
      return -1;
    case RASQAL_EXPR_BNODE:
      if(e->arg1) {
        kg_sq_refuse(ev, "BNODE", "BNODE(string) is not supported");
        return -1;
      }
      break;
    case RASQAL_EXPR_REGEX:
    case RASQAL_EXPR_REPLACE: {
      /* constant pattern and flags: check them now, whatever the data */
      rasqal_expression *pe = e->arg2;
      rasqal_expression *fe = e->op == RASQAL_EXPR_REGEX ? e->arg3 : e->arg4;

      if(pe && pe->op == RASQAL_EXPR_LITERAL && is_simple_lit(pe->literal) &&
         (!fe || (fe->op == RASQAL_EXPR_LITERAL &&
                  is_simple_lit(fe->literal))) &&
         !get_regex(ev, (const char *)pe->literal->string,
                    fe ? (const char *)fe->literal->string : "",
                    e->op == RASQAL_EXPR_REPLACE) && kg_sq_failed(ev))
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
        kg_sq_refuse(ev, NULL, "expression '%s' over a nested '%s' is not "
                     "supported", rasqal_expression_op_label(e->op),
                     "function");
        return -1;
      }
  }
  if(kg_sq_expr_check(ev, e->arg1) || kg_sq_expr_check(ev, e->arg2) ||
     kg_sq_expr_check(ev, e->arg3) || kg_sq_expr_check(ev, e->arg4))
    return -1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(kg_sq_expr_check(ev, raptor_sequence_get_at(e->args, i)))
        return -1;
  return 0;
}

/* ---------------------------------------------------------------- vars */

static void
set_vars(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row, int on)
{
  int i;

  if(!e)
    return;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);
    int vi = kg_sq_var_index(v);

    if(v && vi >= 0) {
      if(on && row[vi])
        rasqal_variable_set_value(v, kg_term_to_literal(kg_sq_rasqal(ev),
                                                           row[vi]));
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
rasqal_eval(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row,
            int *err)
{
  struct kg_sq_expr_state *x = kg_sq_expr_state(ev);
  rasqal_literal *r;
  int error = 0;

  if(!x->ectx) {
    x->ectx = rasqal_new_evaluation_context(kg_sq_rasqal(ev), NULL,
                                            RASQAL_COMPARE_XQUERY);
    if(x->ectx && kg_sq_base(ev)) {
      raptor_uri *b = raptor_new_uri(rasqal_world_get_raptor(
                                       kg_sq_rasqal(ev)),
                                     (const unsigned char *)kg_sq_base(ev));

      if(b) {
        rasqal_evaluation_context_set_base_uri(x->ectx, b);
        raptor_free_uri(b);
      }
    }
  }
  set_vars(ev, e, row, 1);
  r = rasqal_expression_evaluate2(e, x->ectx, &error);
  set_vars(ev, e, row, 0);
  if(error || !r) {
    if(r)
      rasqal_free_literal(r);
    *err = 1;
    return NULL;
  }
  /* a variable result is a reference to the variable: take its value */
  if(rasqal_literal_as_variable(r)) {
    rasqal_literal *v = rasqal_literal_as_variable(r)->value;

    rasqal_free_literal(r);
    *err = 1;
    (void)v;
    return NULL;
  }
  return r;
}

/* ---------------------------------------------------------------- strings */

static int
is_string_lit(rasqal_literal *l)
{
  return l && ((l->type == RASQAL_LITERAL_STRING && !l->datatype) ||
               l->type == RASQAL_LITERAL_XSD_STRING);
}

static int
is_simple_lit(rasqal_literal *l)
{
  return l && l->type == RASQAL_LITERAL_STRING && !l->datatype &&
    !l->language;
}

/* New string literal with @l's language or datatype. */
static rasqal_literal *
string_like(rasqal_world *rw, rasqal_literal *l, const char *s, size_t len)
{
  raptor_uri *dt = NULL;

  if(l->type == RASQAL_LITERAL_XSD_STRING)
    dt = raptor_uri_copy(rasqal_literal_datatype(l));
  return rasqal_new_string_literal(rw, kg_term_dup(s, len),
           l->language ? (const char *)kg_term_dup(l->language, strlen(l->language))
                       : NULL, dt, NULL);
}

static rasqal_literal *
case_map(struct kg_sq_ev *ev, rasqal_literal *l, int upper)
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
  r = string_like(kg_sq_rasqal(ev), l, b.s ? b.s : "", b.len);
  kg_buf_release(&b);
  return r;
}

/* ---------------------------------------------------------------- regex */

static int
xlate_class(char c, struct kg_buf *o, int inside)
{
  switch(c) {
    case 'd': kg_buf_adds(o, inside ? "0-9" : "[0-9]"); return 0;
    case 'D': if(inside) return -1; kg_buf_adds(o, "[^0-9]"); return 0;
    case 'w': kg_buf_adds(o, inside ? "[:alnum:]_" : "[[:alnum:]_]"); return 0;
    case 'W': if(inside) return -1; kg_buf_adds(o, "[^[:alnum:]_]"); return 0;
    case 's': kg_buf_adds(o, inside ? " \t\n\r" : "[ \t\n\r]"); return 0;
    case 'S': if(inside) return -1; kg_buf_adds(o, "[^ \t\n\r]"); return 0;
    default: return 1;
  }
}

/* XPath/XSD regex -> POSIX ERE.  Returns 0, or -1 (unsupported: *why). */
static int
xlate_regex(const char *p, int dotall, int for_replace, struct kg_buf *o,
            const char **why)
{
  size_t i = 0;
  size_t n = strlen(p);

  while(i < n) {
    char c = p[i];

    if(c == '\\') {
      char d = p[i + 1];
      int r;

      if(!d) {
        *why = "trailing backslash";
        return -1;
      }
      r = xlate_class(d, o, 0);
      if(r < 0)
        return -1;
      if(r == 0) {
        i += 2;
        continue;
      }
      if(d == 'n')
        kg_buf_addc(o, '\n');
      else if(d == 't')
        kg_buf_addc(o, '\t');
      else if(d == 'r')
        kg_buf_addc(o, '\r');
      else if(strchr(".*+?()[]{}|^$\\", d)) {
        kg_buf_addc(o, '\\');
        kg_buf_addc(o, d);
      } else if(d == '-') {
        kg_buf_addc(o, '-');
      } else {
        *why = "escape not supported";
        return -1;
      }
      i += 2;
    } else if(c == '[') {
      struct kg_buf items = KG_BUF_INIT;
      int neg = 0;
      int rbr = 0;
      int dash = 0;

      i++;
      if(p[i] == '^') {
        neg = 1;
        i++;
      }
      if(p[i] == ']') {
        rbr = 1;
        i++;
      }
      while(i < n && p[i] != ']') {
        if(p[i] == '[') {
          kg_buf_release(&items);
          *why = "nested character class";
          return -1;
        }
        if(p[i] == '\\') {
          char d = p[i + 1];
          int r = xlate_class(d, &items, 1);

          if(r < 0) {
            kg_buf_release(&items);
            *why = "negated class escape inside brackets";
            return -1;
          }
          if(r == 1) {
            if(d == ']')
              rbr = 1;
            else if(d == '-')
              dash = 1;
            else if(d == 'n')
              kg_buf_addc(&items, '\n');
            else if(d == 't')
              kg_buf_addc(&items, '\t');
            else if(d == 'r')
              kg_buf_addc(&items, '\r');
            else if(d == '^')
              kg_buf_adds(&items, "^");
            else if(strchr(".*+?(){}|$\\[", d))
              kg_buf_addc(&items, d);
            else {
              kg_buf_release(&items);
              *why = "escape not supported";
              return -1;
            }
          }
          i += 2;
          continue;
        }
        if(p[i] == '-' && (p[i + 1] == ']' || items.len == 0)) {
          dash = 1;
          i++;
          continue;
        }
        if(p[i] == '-' && p[i + 1] == '[') {
          kg_buf_release(&items);
          *why = "class subtraction";
          return -1;
        }
        kg_buf_addc(&items, p[i]);
        i++;
      }
      if(i >= n) {
        kg_buf_release(&items);
        *why = "unterminated character class";
        return -1;
      }
      i++;
      kg_buf_addc(o, '[');
      if(neg)
        kg_buf_addc(o, '^');
      if(rbr)
        kg_buf_addc(o, ']');
      if(items.len && items.s[0] == '^' && !neg && !rbr) {
        /* a literal ^ must not come first */
        kg_buf_add(o, items.s + 1, items.len - 1);
        kg_buf_addc(o, '^');
      } else if(items.len) {
        kg_buf_add(o, items.s, items.len);
      }
      if(dash)
        kg_buf_addc(o, '-');
      kg_buf_addc(o, ']');
      kg_buf_release(&items);
    } else if(c == '.' && !dotall) {
      kg_buf_adds(o, "[^\n]");
      i++;
    } else if(c == '(' && p[i + 1] == '?') {
      *why = "group modifiers";
      return -1;
    } else if((c == '*' || c == '+' || c == '?' || c == '}') && p[i + 1] == '?') {
      if(for_replace) {
        *why = "reluctant quantifier";
        return -1;
      }
      kg_buf_addc(o, c);
      i += 2;
    } else {
      kg_buf_addc(o, c);
      i++;
    }
  }
  return 0;
}

static regex_t *
get_regex(struct kg_sq_ev *ev, const char *pat, const char *flags,
          int for_replace)
{
  struct kg_buf key = KG_BUF_INIT;
  struct kg_buf tr = KG_BUF_INIT;
  int i;
  int icase = 0;
  int dotall = 0;
  const char *why = NULL;
  const char *f;
  struct kg_sq_expr_state *x = kg_sq_expr_state(ev);
  struct kg_sq_regex *en;

  kg_buf_addf(&key, "%d%s\x01%s", for_replace, flags ? flags : "", pat);
  for(i = 0; i < x->nrx; i++)
    if(!strcmp(x->rx[i].key, key.s)) {
      kg_buf_release(&key);
      return x->rx[i].ok ? &x->rx[i].re : NULL;
    }
  for(f = flags ? flags : ""; *f; f++) {
    if(*f == 'i')
      icase = 1;
    else if(*f == 's')
      dotall = 1;
    else {
      kg_sq_refuse(ev, "REGEX", "regex flag '%c' is not supported", *f);
      kg_buf_release(&key);
      return NULL;
    }
  }
  if(xlate_regex(pat, dotall, for_replace, &tr, &why)) {
    kg_sq_refuse(ev, for_replace ? "REPLACE" : "REGEX", "regular expression '%s' is not supported (%s)",
                 pat, why ? why : "class not supported");
    kg_buf_release(&key);
    kg_buf_release(&tr);
    return NULL;
  }
  x->rx = kg_xrealloc(x->rx, (size_t)(x->nrx + 1) * sizeof(*x->rx));
  en = &x->rx[x->nrx++];
  en->key = kg_buf_detach(&key);
  en->ok = regcomp(&en->re, tr.s ? tr.s : "", REG_EXTENDED |
                   (icase ? REG_ICASE : 0)) == 0;
  kg_buf_release(&tr);
  return en->ok ? &en->re : NULL;
}

static rasqal_literal *
do_regex(struct kg_sq_ev *ev, rasqal_literal *t, rasqal_literal *p,
         rasqal_literal *f)
{
  regex_t *re;

  if(!is_string_lit(t) || !is_simple_lit(p) || (f && !is_simple_lit(f)))
    return NULL;
  re = get_regex(ev, (const char *)p->string,
                 f ? (const char *)f->string : "", 0);
  if(!re)
    return NULL;
  return bool_lit(kg_sq_rasqal(ev),
                  regexec(re, (const char *)t->string, 0, NULL, 0) == 0);
}

static rasqal_literal *
do_replace(struct kg_sq_ev *ev, rasqal_literal *t, rasqal_literal *p,
           rasqal_literal *rep, rasqal_literal *f)
{
  regex_t *re;
  regmatch_t m[10];
  const char *s;
  const char *r;
  struct kg_buf b = KG_BUF_INIT;
  int eflags = 0;
  rasqal_literal *res;

  if(!is_string_lit(t) || !is_simple_lit(p) || !is_simple_lit(rep) ||
     (f && !is_simple_lit(f)))
    return NULL;
  re = get_regex(ev, (const char *)p->string,
                 f ? (const char *)f->string : "", 1);
  if(!re)
    return NULL;
  if(regexec(re, "", 1, m, 0) == 0)
    return NULL;        /* a pattern that matches "" is an error */
  s = (const char *)t->string;
  r = (const char *)rep->string;
  while(*s && regexec(re, s, 10, m, eflags) == 0) {
    const char *q;

    kg_buf_add(&b, s, (size_t)m[0].rm_so);
    for(q = r; *q; q++) {
      if(*q == '\\' && (q[1] == '\\' || q[1] == '$')) {
        kg_buf_addc(&b, q[1]);
        q++;
      } else if(*q == '$' && q[1] >= '0' && q[1] <= '9') {
        int g = q[1] - '0';

        if(m[g].rm_so >= 0)
          kg_buf_add(&b, s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
        q++;
      } else if(*q == '$' || *q == '\\') {
        kg_buf_release(&b);
        return NULL;
      } else {
        kg_buf_addc(&b, *q);
      }
    }
    s += m[0].rm_eo;
    eflags = REG_NOTBOL;
  }
  kg_buf_adds(&b, s);
  res = string_like(kg_sq_rasqal(ev), t, b.s ? b.s : "", b.len);
  kg_buf_release(&b);
  return res;
}

/* ---------------------------------------------------------------- eval */

static rasqal_literal *
rebuild_eval(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row,
             int *err)
{
  rasqal_world *rw = kg_sq_rasqal(ev);
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
    a[i] = kg_sq_eval(ev, src[i], row, err);
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
eval_ebv(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row,
         int *err)
{
  rasqal_literal *l = kg_sq_eval(ev, e, row, err);
  int x = l ? kg_sq_ebv(l) : -1;

  if(l)
    rasqal_free_literal(l);
  return x;
}

rasqal_literal *
kg_sq_eval(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row,
           int *err)
{
  rasqal_world *rw = kg_sq_rasqal(ev);
  rasqal_literal *a = NULL;
  rasqal_literal *b = NULL;
  rasqal_literal *c = NULL;
  rasqal_literal *d = NULL;
  rasqal_literal *r = NULL;
  int i;
  int x;
  int y;

  *err = 0;
  if(!e) {
    *err = 1;
    return NULL;
  }
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v) {
      int vi = kg_sq_var_index(v);

      if(vi < 0 || !row[vi]) {
        *err = 1;
        return NULL;
      }
      return kg_term_to_literal(rw, row[vi]);
    }
    return rasqal_new_literal_from_literal(e->literal);
  }
  if(is_agg(e->op)) {
    int found;

    r = kg_sq_agg_value(ev, e, &found);
    if(!r)
      *err = 1;
    return r;
  }
  if(e->op == RASQAL_EXPR_CAST && e->name &&
     !strcmp((const char *)raptor_uri_as_string(e->name),
             "http://www.w3.org/2001/XMLSchema#integer")) {
    /* rasqal fails on decimals and doubles: truncate them ourselves */
    a = kg_sq_eval(ev, e->arg1, row, err);
    if(a && a->valid && (a->type == RASQAL_LITERAL_DECIMAL ||
                         a->type == RASQAL_LITERAL_DOUBLE ||
                         a->type == RASQAL_LITERAL_FLOAT)) {
      double dv = strtod((const char *)a->string, NULL);
      char num[64];

      rasqal_free_literal(a);
      if(!(dv == dv) || dv > 9.2e18 || dv < -9.2e18) {
        *err = 1;
        return NULL;
      }
      snprintf(num, sizeof num, "%lld", (long long)dv);
      return rasqal_new_string_literal(rw, kg_term_dup(num, strlen(num)), NULL,
               raptor_uri_copy(e->name), NULL);
    }
    if(a)
      rasqal_free_literal(a);
  }
  if(e->op == RASQAL_EXPR_LANG && e->arg1 &&
     e->arg1->op == RASQAL_EXPR_LITERAL &&
     rasqal_literal_as_variable(e->arg1->literal)) {
    /* from the node: rasqal would give the tag lower-cased */
    int vi = kg_sq_var_index(rasqal_literal_as_variable(e->arg1->literal));
    librdf_node *n = vi >= 0 ? row[vi] : NULL;
    const char *lang;

    if(!n || !librdf_node_is_literal(n)) {
      *err = 1;
      return NULL;
    }
    lang = librdf_node_get_literal_value_language(n);
    return rasqal_new_string_literal(rw, kg_term_dup(lang ? lang : "",
                                              lang ? strlen(lang) : 0),
                                     NULL, NULL, NULL);
  }
  if((e->op == RASQAL_EXPR_IRI || e->op == RASQAL_EXPR_URI) && e->arg1) {
    /* rasqal gives an error for an IRI argument */
    a = kg_sq_eval(ev, e->arg1, row, err);
    if(a && a->type == RASQAL_LITERAL_URI)
      return a;
    if(a)
      rasqal_free_literal(a);
  }
  if(!has_special(e))
    return rasqal_eval(ev, e, row, err);
  switch(e->op) {
    case RASQAL_EXPR_AND:
    case RASQAL_EXPR_OR: {
      int is_and = e->op == RASQAL_EXPR_AND;

      x = eval_ebv(ev, e->arg1, row, err);
      if(x == (is_and ? 0 : 1))
        return bool_lit(rw, x);
      y = eval_ebv(ev, e->arg2, row, err);
      *err = 0;
      if(y == (is_and ? 0 : 1))
        return bool_lit(rw, y);
      if(x < 0 || y < 0) {
        *err = 1;
        return NULL;
      }
      return bool_lit(rw, is_and ? (x && y) : (x || y));
    }
    case RASQAL_EXPR_BANG:
      x = eval_ebv(ev, e->arg1, row, err);
      if(x < 0) {
        *err = 1;
        return NULL;
      }
      return bool_lit(rw, !x);
    case RASQAL_EXPR_IF:
      x = eval_ebv(ev, e->arg1, row, err);
      if(x < 0) {
        *err = 1;
        return NULL;
      }
      return kg_sq_eval(ev, x ? e->arg2 : e->arg3, row, err);
    case RASQAL_EXPR_COALESCE:
      for(i = 0; e->args && i < raptor_sequence_size(e->args); i++) {
        r = kg_sq_eval(ev, raptor_sequence_get_at(e->args, i), row, err);
        if(r) {
          *err = 0;
          return r;
        }
      }
      *err = 1;
      return NULL;
    case RASQAL_EXPR_LCASE:
    case RASQAL_EXPR_UCASE:
      a = kg_sq_eval(ev, e->arg1, row, err);
      if(a && is_string_lit(a))
        r = case_map(ev, a, e->op == RASQAL_EXPR_UCASE);
      break;
    case RASQAL_EXPR_CONCAT: {
      struct kg_buf buf = KG_BUF_INIT;
      char *lang = NULL;
      int same_lang = 1;
      int all_xsd = 1;
      int ok = 1;

      for(i = 0; ok && e->args && i < raptor_sequence_size(e->args); i++) {
        rasqal_literal *l = kg_sq_eval(ev, raptor_sequence_get_at(e->args, i),
                                       row, err);

        if(!l || !is_string_lit(l)) {
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
        r = rasqal_new_string_literal(rw, kg_term_dup(buf.s ? buf.s : "", buf.len),
                                      lg ? (const char *)kg_term_dup(lg, strlen(lg))
                                         : NULL, dt, NULL);
      }
      free(lang);
      kg_buf_release(&buf);
      *err = r == NULL;
      return r;
    }
    case RASQAL_EXPR_REGEX:
      a = kg_sq_eval(ev, e->arg1, row, err);
      b = kg_sq_eval(ev, e->arg2, row, err);
      if(e->arg3)
        c = kg_sq_eval(ev, e->arg3, row, err);
      if(a && b && (!e->arg3 || c))
        r = do_regex(ev, a, b, c);
      break;
    case RASQAL_EXPR_REPLACE:
      a = kg_sq_eval(ev, e->arg1, row, err);
      b = kg_sq_eval(ev, e->arg2, row, err);
      c = kg_sq_eval(ev, e->arg3, row, err);
      if(e->arg4)
        d = kg_sq_eval(ev, e->arg4, row, err);
      if(a && b && c && (!e->arg4 || d))
        r = do_replace(ev, a, b, c, d);
      break;
    case RASQAL_EXPR_FUNCTION: {
      int idx = exists_index(e);
      int found;

      if(idx < 0) {
        *err = 1;
        return NULL;
      }
      found = kg_sq_exists(ev, idx, row);
      if(found < 0) {
        *err = 1;
        return NULL;
      }
      return bool_lit(rw, found);
    }
    default:
      return rebuild_eval(ev, e, row, err);
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

/* ---------------------------------------------------------------- order */

static int
term_rank(rasqal_literal *l)
{
  if(!l)
    return 0;
  if(l->type == RASQAL_LITERAL_BLANK)
    return 1;
  if(l->type == RASQAL_LITERAL_URI)
    return 2;
  return 3;
}

static int
lit_numeric(rasqal_literal *l)
{
  return (l->type == RASQAL_LITERAL_INTEGER ||
          l->type == RASQAL_LITERAL_INTEGER_SUBTYPE ||
          l->type == RASQAL_LITERAL_DECIMAL ||
          l->type == RASQAL_LITERAL_DOUBLE ||
          l->type == RASQAL_LITERAL_FLOAT) && l->valid;
}

int
kg_sq_order_cmp(rasqal_literal *a, rasqal_literal *b)
{
  int ra = term_rank(a);
  int rb = term_rank(b);
  int c;
  int err = 0;
  raptor_uri *da;
  raptor_uri *db;

  if(ra != rb)
    return ra < rb ? -1 : 1;
  if(ra == 0)
    return 0;
  if(ra == 1)
    return strcmp((const char *)a->string, (const char *)b->string);
  if(ra == 2)
    return strcmp((const char *)raptor_uri_as_string(a->value.uri),
                  (const char *)raptor_uri_as_string(b->value.uri));
  if((lit_numeric(a) && lit_numeric(b)) ||
     (a->type == b->type && (a->type == RASQAL_LITERAL_DATETIME ||
                             a->type == RASQAL_LITERAL_DATE ||
                             a->type == RASQAL_LITERAL_BOOLEAN))) {
    c = rasqal_literal_compare(a, b, RASQAL_COMPARE_XQUERY, &err);
    if(!err && c)
      return c < 0 ? -1 : 1;
    if(!err)
      return 0;
  }
  /* strings, then anything else: lexical form, language, datatype */
  c = strcmp(a->string ? (const char *)a->string : "",
             b->string ? (const char *)b->string : "");
  if(c)
    return c < 0 ? -1 : 1;
  c = strcmp(a->language ? a->language : "", b->language ? b->language : "");
  if(c)
    return c < 0 ? -1 : 1;
  da = rasqal_literal_datatype(a);
  db = rasqal_literal_datatype(b);
  return strcmp(da ? (const char *)raptor_uri_as_string(da) : "",
                db ? (const char *)raptor_uri_as_string(db) : "");
}
