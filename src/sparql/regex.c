/* regex.c - REGEX and REPLACE on POSIX regular expressions: XPath/XSD
 * patterns translated to POSIX ERE (\d \w \s and their negations as
 * classes, '.' not matching a newline unless flag s), flag i as
 * REG_ICASE (Unicode case folding under the C.UTF-8 locale).  What cannot
 * be translated exactly is refused, naming why.  Compiled patterns are
 * cached in the evaluator. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"
#include "sparql/term.h"

/* \d \D \w \W \s \S (@inside brackets: the negated ones cannot be).
 * 0 translated, 1 not a class escape, -1 unsupported. */
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

/* The escape \@d outside brackets: 0, or -1 (unsupported: *why). */
static int
xlate_escape(char d, struct kg_buf *o, const char **why)
{
  int r;

  if(!d) {
    *why = "trailing backslash";
    return -1;
  }
  r = xlate_class(d, o, 0);
  if(r <= 0)
    return r;
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
  return 0;
}

/* The escape \@d inside brackets, added to @items (or noted: *rbr for ],
 * *dash for -): 0, or -1 (unsupported: *why). */
static int
xlate_bracket_escape(char d, struct kg_buf *items, int *rbr, int *dash,
                     const char **why)
{
  int r = xlate_class(d, items, 1);

  if(r < 0) {
    *why = "negated class escape inside brackets";
    return -1;
  }
  if(r == 0)
    return 0;
  if(d == ']')
    *rbr = 1;
  else if(d == '-')
    *dash = 1;
  else if(d == 'n')
    kg_buf_addc(items, '\n');
  else if(d == 't')
    kg_buf_addc(items, '\t');
  else if(d == 'r')
    kg_buf_addc(items, '\r');
  else if(d == '^')
    kg_buf_adds(items, "^");
  else if(strchr(".*+?(){}|$\\[", d))
    kg_buf_addc(items, d);
  else {
    *why = "escape not supported";
    return -1;
  }
  return 0;
}

/* The bracket expression at p[*i] ('['): POSIX wants ']' first and '-'
 * last, and has no escapes inside brackets.  Advances *i past its ']'.
 * 0, or -1 (unsupported: *why). */
static int
xlate_bracket(const char *p, size_t n, size_t *i, struct kg_buf *o,
              const char **why)
{
  struct kg_buf items = KG_BUF_INIT;
  int neg = 0;
  int rbr = 0;
  int dash = 0;
  size_t k = *i + 1;

  if(p[k] == '^') {
    neg = 1;
    k++;
  }
  if(p[k] == ']') {
    rbr = 1;
    k++;
  }
  while(k < n && p[k] != ']') {
    if(p[k] == '[') {
      *why = "nested character class";
      goto fail;
    }
    if(p[k] == '\\') {
      if(xlate_bracket_escape(p[k + 1], &items, &rbr, &dash, why))
        goto fail;
      k += 2;
      continue;
    }
    if(p[k] == '-' && (p[k + 1] == ']' || items.len == 0)) {
      dash = 1;
      k++;
      continue;
    }
    if(p[k] == '-' && p[k + 1] == '[') {
      *why = "class subtraction";
      goto fail;
    }
    kg_buf_addc(&items, p[k]);
    k++;
  }
  if(k >= n) {
    *why = "unterminated character class";
    goto fail;
  }
  *i = k + 1;
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
  return 0;
fail:
  kg_buf_release(&items);
  return -1;
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
      if(xlate_escape(p[i + 1], o, why))
        return -1;
      i += 2;
    } else if(c == '[') {
      if(xlate_bracket(p, n, &i, o, why))
        return -1;
    } else if(c == '.' && !dotall) {
      kg_buf_adds(o, "[^\n]");
      i++;
    } else if(c == '(' && p[i + 1] == '?') {
      *why = "group modifiers";
      return -1;
    } else if((c == '*' || c == '+' || c == '?' || c == '}') &&
              p[i + 1] == '?') {
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

regex_t *
kg_regex_get(struct kg_eval *ev, const char *pat, const char *flags,
             int for_replace)
{
  struct kg_regex_cache *x = &ev->rx;
  struct kg_buf key = KG_BUF_INIT;
  struct kg_buf tr = KG_BUF_INIT;
  int i;
  int icase = 0;
  int dotall = 0;
  const char *why = NULL;
  const char *f;
  struct kg_regex *en;

  kg_buf_addf(&key, "%d%s\x01%s", for_replace, flags ? flags : "", pat);
  for(i = 0; i < x->n; i++)
    if(!strcmp(x->v[i].key, key.s)) {
      kg_buf_release(&key);
      return x->v[i].ok ? &x->v[i].re : NULL;
    }
  for(f = flags ? flags : ""; *f; f++) {
    if(*f == 'i')
      icase = 1;
    else if(*f == 's')
      dotall = 1;
    else {
      kg_eval_refuse(ev, "REGEX", "regex flag '%c' is not supported", *f);
      kg_buf_release(&key);
      return NULL;
    }
  }
  if(xlate_regex(pat, dotall, for_replace, &tr, &why)) {
    kg_eval_refuse(ev, for_replace ? "REPLACE" : "REGEX",
                   "regular expression '%s' is not supported (%s)", pat,
                   why ? why : "class not supported");
    kg_buf_release(&key);
    kg_buf_release(&tr);
    return NULL;
  }
  x->v = kg_xrealloc(x->v, (size_t)(x->n + 1) * sizeof(*x->v));
  en = &x->v[x->n++];
  en->key = kg_buf_detach(&key);
  en->ok = regcomp(&en->re, tr.s ? tr.s : "", REG_EXTENDED |
                   (icase ? REG_ICASE : 0)) == 0;
  kg_buf_release(&tr);
  return en->ok ? &en->re : NULL;
}

void
kg_regex_release(struct kg_regex_cache *c)
{
  int i;

  for(i = 0; i < c->n; i++) {
    if(c->v[i].ok)
      regfree(&c->v[i].re);
    free(c->v[i].key);
  }
  free(c->v);
  c->v = NULL;
  c->n = 0;
}

#define IS_TEXT(v) ((v)->kind == KG_VALUE_STRING || \
                    (v)->kind == KG_VALUE_LANG)

int
kg_regex_match(struct kg_eval *ev, const struct kg_value *t,
               const struct kg_value *p, const struct kg_value *f,
               struct kg_value *r)
{
  regex_t *re;

  memset(r, 0, sizeof(*r));
  if(!IS_TEXT(t) || p->kind != KG_VALUE_STRING ||
     (f && f->kind != KG_VALUE_STRING))
    return -1;
  re = kg_regex_get(ev, p->lex, f ? f->lex : "", 0);
  if(!re)
    return -1;
  kg_value_set_boolean(r, regexec(re, t->lex, 0, NULL, 0) == 0);
  return 0;
}

/* Appends replacement @r for match @m of @s ($0-$9, \$ and \\); -1 on a
 * stray $ or \. */
static int
replacement(struct kg_buf *b, const char *r, const char *s,
            const regmatch_t *m)
{
  const char *q;

  for(q = r; *q; q++) {
    if(*q == '\\' && (q[1] == '\\' || q[1] == '$')) {
      kg_buf_addc(b, q[1]);
      q++;
    } else if(*q == '$' && q[1] >= '0' && q[1] <= '9') {
      int g = q[1] - '0';

      if(m[g].rm_so >= 0)
        kg_buf_add(b, s + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so));
      q++;
    } else if(*q == '$' || *q == '\\') {
      return -1;
    } else {
      kg_buf_addc(b, *q);
    }
  }
  return 0;
}

int
kg_regex_replace(struct kg_eval *ev, const struct kg_value *t,
                 const struct kg_value *p, const struct kg_value *rep,
                 const struct kg_value *f, struct kg_value *r)
{
  regex_t *re;
  regmatch_t m[10];
  const char *s;
  struct kg_buf b = KG_BUF_INIT;
  int eflags = 0;

  memset(r, 0, sizeof(*r));
  if(!IS_TEXT(t) || p->kind != KG_VALUE_STRING ||
     rep->kind != KG_VALUE_STRING || (f && f->kind != KG_VALUE_STRING))
    return -1;
  re = kg_regex_get(ev, p->lex, f ? f->lex : "", 1);
  if(!re)
    return -1;
  if(regexec(re, "", 1, m, 0) == 0)
    return -1;          /* a pattern that matches "" is an error */
  s = t->lex;
  while(*s && regexec(re, s, 10, m, eflags) == 0) {
    kg_buf_add(&b, s, (size_t)m[0].rm_so);
    if(replacement(&b, rep->lex, s, m)) {
      kg_buf_release(&b);
      return -1;
    }
    s += m[0].rm_eo;
    eflags = REG_NOTBOL;
  }
  kg_buf_adds(&b, s);
  kg_value_set_string(r, b.s ? b.s : "", b.len, t->lang);
  kg_buf_release(&b);
  return 0;
}
