/* regex.c - REGEX and REPLACE on PCRE2 (UTF, UCP, JIT), with XPath
 * semantics: \w is [\p{L}\p{M}\p{N}\p{S}] and \s is [ \t\n\r] as XSD
 * says; \d, \p{..} and \P{..} are Unicode's (UCP); '.' matches neither
 * \n nor \r unless flag s; '$' is the end of the text unless flag m;
 * flags i, m, s, x (whitespace outside classes dropped) and q (literal).
 * What PCRE2 would read otherwise is refused, naming why: block names
 * \p{IsX}, \i \c, class subtraction, (?...) groups other than (?:...).
 * A match that exceeds KG_REGEX_MATCH_LIMIT steps refuses the query (a
 * pattern that backtracks exponentially cannot hang it).  Compiled
 * patterns are cached in the evaluator. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/eval.h"

#define KG_REGEX_MATCH_LIMIT 10000000

/* \d \D \w \W \s \S (@inside brackets: \S cannot be).
 * 0 translated, 1 not a class escape, -1 unsupported. */
static int
xlate_class(char c, struct kg_buf *o, int inside)
{
  switch(c) {
    case 'd': kg_buf_adds(o, "\\d"); return 0;
    case 'D': kg_buf_adds(o, "\\D"); return 0;
    case 'w':
      kg_buf_adds(o, inside ? "\\p{L}\\p{M}\\p{N}\\p{S}"
                            : "[\\p{L}\\p{M}\\p{N}\\p{S}]");
      return 0;
    case 'W':
      kg_buf_adds(o, inside ? "\\p{P}\\p{Z}\\p{C}" : "[\\p{P}\\p{Z}\\p{C}]");
      return 0;
    case 's': kg_buf_adds(o, inside ? " \\t\\n\\r" : "[ \\t\\n\\r]"); return 0;
    case 'S': if(inside) return -1; kg_buf_adds(o, "[^ \\t\\n\\r]"); return 0;
    default: return 1;
  }
}

/* The escape at p (a backslash): appended; returns its length, or 0
 * (unsupported: *why). */
static size_t
xlate_escape(const char *p, struct kg_buf *o, int inside, const char **why)
{
  char d = p[1];
  int r;

  if(!d) {
    *why = "trailing backslash";
    return 0;
  }
  r = xlate_class(d, o, inside);
  if(r < 0) {
    *why = "\\S inside brackets";
    return 0;
  }
  if(r == 0)
    return 2;
  if(d == 'p' || d == 'P') {
    const char *e = strchr(p, '}');

    if(p[2] != '{' || !e || !strncmp(p + 3, "Is", 2)) {
      *why = "Unicode block names";
      return 0;
    }
    kg_buf_add(o, p, (size_t)(e - p + 1));
    return (size_t)(e - p + 1);
  }
  if(strchr("nrt\\|.-^?*+{}()[]$", d) || (d >= '1' && d <= '9')) {
    kg_buf_add(o, p, 2);
    return 2;
  }
  *why = "escape not supported";
  return 0;
}

/* The bracket expression at p[*i] ('['); advances *i past its ']'.  0, or
 * -1 (unsupported: *why). */
static int
xlate_bracket(const char *p, size_t *i, struct kg_buf *o, const char **why)
{
  size_t k = *i + 1;

  kg_buf_addc(o, '[');
  if(p[k] == '^')
    kg_buf_addc(o, p[k++]);
  if(p[k] == ']') {
    kg_buf_adds(o, "\\]");
    k++;
  }
  while(p[k] && p[k] != ']') {
    if(p[k] == '[') {
      *why = p[k - 1] == '-' ? "class subtraction" : "nested character class";
      return -1;
    }
    if(p[k] == '\\') {
      size_t n = xlate_escape(p + k, o, 1, why);

      if(!n)
        return -1;
      k += n;
      continue;
    }
    kg_buf_addc(o, p[k++]);
  }
  if(!p[k]) {
    *why = "unterminated character class";
    return -1;
  }
  kg_buf_addc(o, ']');
  *i = k + 1;
  return 0;
}

/* XPath/XSD regex -> PCRE2.  @ext: flag x.  0, or -1 (*why). */
static int
xlate_regex(const char *p, int ext, struct kg_buf *o, const char **why)
{
  size_t i = 0;

  while(p[i]) {
    char c = p[i];

    if(ext && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      i++;
    } else if(c == '\\') {
      size_t n = xlate_escape(p + i, o, 0, why);

      if(!n)
        return -1;
      i += n;
    } else if(c == '[') {
      if(xlate_bracket(p, &i, o, why))
        return -1;
    } else if(c == '(' && p[i + 1] == '?' && p[i + 2] != ':') {
      *why = "group modifiers";
      return -1;
    } else {
      kg_buf_addc(o, c);
      i++;
    }
  }
  return 0;
}

/* PCRE2 options for XPath @flags; -1 for an unknown flag (*bad). */
static int
flag_options(const char *flags, uint32_t *opt, int *ext, char *bad)
{
  const char *f;

  *opt = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY;
  *ext = 0;
  for(f = flags ? flags : ""; *f; f++) {
    switch(*f) {
      case 'i': *opt |= PCRE2_CASELESS; break;
      case 's': *opt |= PCRE2_DOTALL; break;
      case 'm': *opt = (*opt | PCRE2_MULTILINE) & ~PCRE2_DOLLAR_ENDONLY; break;
      case 'q': *opt |= PCRE2_LITERAL; break;
      case 'x': *ext = 1; break;
      default: *bad = *f; return -1;
    }
  }
  return 0;
}

static pcre2_code *
compile(const char *pat, size_t len, uint32_t opt)
{
  pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
  pcre2_code *re;
  int err;
  PCRE2_SIZE off;

  pcre2_set_newline(cc, PCRE2_NEWLINE_ANYCRLF);
  re = pcre2_compile((PCRE2_SPTR)pat, len, opt, &err, &off, cc);
  pcre2_compile_context_free(cc);
  if(re)
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);  /* else interpreted */
  return re;
}

pcre2_code *
kg_regex_get(struct kg_eval *ev, const char *pat, const char *flags,
             int for_replace)
{
  struct kg_regex_cache *x = &ev->rx;
  struct kg_buf key = KG_BUF_INIT;
  struct kg_buf tr = KG_BUF_INIT;
  const char *why = NULL;
  struct kg_regex *en;
  uint32_t opt;
  int ext;
  char bad = 0;
  int i;

  kg_buf_addf(&key, "%d%s\x01%s", for_replace, flags ? flags : "", pat);
  for(i = 0; i < x->n; i++)
    if(!strcmp(x->v[i].key, key.s)) {
      kg_buf_release(&key);
      return x->v[i].re;
    }
  if(flag_options(flags, &opt, &ext, &bad)) {
    kg_eval_refuse(ev, "REGEX", "regex flag '%c' is not supported", bad);
    kg_buf_release(&key);
    return NULL;
  }
  if(opt & PCRE2_LITERAL) {
    /* PCRE2 takes few options with LITERAL: not UCP, not DOLLAR_ENDONLY */
    opt &= PCRE2_LITERAL | PCRE2_UTF | PCRE2_CASELESS;
    kg_buf_adds(&tr, pat);
  }
  else if(xlate_regex(pat, ext, &tr, &why)) {
    kg_eval_refuse(ev, for_replace ? "REPLACE" : "REGEX",
                   "regular expression '%s' is not supported (%s)", pat, why);
    kg_buf_release(&key);
    kg_buf_release(&tr);
    return NULL;
  }
  x->v = kg_xrealloc(x->v, (size_t)(x->n + 1) * sizeof(*x->v));
  en = &x->v[x->n++];
  en->key = kg_buf_detach(&key);
  en->re = compile(tr.s ? tr.s : "", tr.len, opt);
  kg_buf_release(&tr);
  return en->re;
}

void
kg_regex_release(struct kg_regex_cache *c)
{
  int i;

  for(i = 0; i < c->n; i++) {
    pcre2_code_free(c->v[i].re);
    free(c->v[i].key);
  }
  free(c->v);
  pcre2_match_data_free(c->md);
  pcre2_match_context_free(c->mc);
  memset(c, 0, sizeof(*c));
}

/* One match of @re in @s (@len bytes) from @start: 1, 0 (none), -1
 * (error: invalid UTF-8), -2 (refused: the match limit). */
static int
run(struct kg_eval *ev, pcre2_code *re, const char *s, size_t len,
    size_t start)
{
  struct kg_regex_cache *x = &ev->rx;
  int rc;

  if(!x->md) {
    x->md = pcre2_match_data_create(10, NULL);
    x->mc = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(x->mc, KG_REGEX_MATCH_LIMIT);
  }
  rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, 0, x->md, x->mc);
  x->nset = rc == 0 ? 10 : rc;   /* 0: more groups than pairs */
  if(rc >= 0)
    return 1;
  if(rc == PCRE2_ERROR_NOMATCH)
    return 0;
  if(rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
     rc == PCRE2_ERROR_HEAPLIMIT) {
    kg_eval_refuse(ev, "REGEX", "regular expression too costly on a value "
                   "(more than %d steps)", KG_REGEX_MATCH_LIMIT);
    return -2;
  }
  return -1;
}

#define IS_TEXT(v) ((v)->kind == KG_VALUE_STRING || \
                    (v)->kind == KG_VALUE_LANG)

int
kg_regex_match(struct kg_eval *ev, const struct kg_value *t,
               const struct kg_value *p, const struct kg_value *f,
               struct kg_value *r)
{
  pcre2_code *re;
  int m;

  memset(r, 0, sizeof(*r));
  if(!IS_TEXT(t) || p->kind != KG_VALUE_STRING ||
     (f && f->kind != KG_VALUE_STRING))
    return -1;
  re = kg_regex_get(ev, p->lex, f ? f->lex : "", 0);
  if(!re)
    return -1;
  m = run(ev, re, t->lex, t->len, 0);
  if(m < 0)
    return -1;
  kg_value_set_boolean(r, m);
  return 0;
}

/* Appends replacement @r for the match in @ov of @s ($0-$9, \$ and \\);
 * -1 on a stray $ or \. */
static int
replacement(struct kg_buf *b, const char *r, const char *s,
            const PCRE2_SIZE *ov, int ngroups)
{
  const char *q;

  for(q = r; *q; q++) {
    if(*q == '\\' && (q[1] == '\\' || q[1] == '$')) {
      kg_buf_addc(b, q[1]);
      q++;
    } else if(*q == '$' && q[1] >= '0' && q[1] <= '9') {
      int g = q[1] - '0';

      if(g < ngroups && ov[2 * g] != PCRE2_UNSET)
        kg_buf_add(b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
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
  pcre2_code *re;
  struct kg_buf b = KG_BUF_INIT;
  size_t at = 0;
  size_t done = 0;
  int m = 0;

  memset(r, 0, sizeof(*r));
  if(!IS_TEXT(t) || p->kind != KG_VALUE_STRING ||
     rep->kind != KG_VALUE_STRING || (f && f->kind != KG_VALUE_STRING))
    return -1;
  re = kg_regex_get(ev, p->lex, f ? f->lex : "", 1);
  if(!re || run(ev, re, "", 0, 0) != 0)
    return -1;          /* a pattern that matches "" is an error */
  while(at <= t->len && (m = run(ev, re, t->lex, t->len, at)) == 1) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ev->rx.md);
    int ng = ev->rx.nset;   /* groups past it did not take part */

    kg_buf_add(&b, t->lex + done, ov[0] - done);
    if(replacement(&b, rep->lex, t->lex, ov, ng)) {
      kg_buf_release(&b);
      return -1;
    }
    done = ov[1];
    at = ov[1];
    if(ov[1] == ov[0]) {
      /* an empty match: go on from the next code point */
      at++;
      while(at < t->len && ((unsigned char)t->lex[at] & 0xC0) == 0x80)
        at++;
    }
  }
  if(m < 0) {
    kg_buf_release(&b);
    return -1;
  }
  kg_buf_add(&b, t->lex + done, t->len - done);
  kg_value_set_string(r, b.s ? b.s : "", b.len, t->lang);
  kg_buf_release(&b);
  return 0;
}
