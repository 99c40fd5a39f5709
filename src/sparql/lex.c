/* lex.c - tokens of the text pass: tokenizer, cursor, prologue, messages. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <raptor2.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/lex.h"

/* ---------------------------------------------------------------- tokens */

static int
name_char(unsigned char c)
{
  return isalnum(c) || c == '_' || c == '-' || c >= 0x80;
}

static void
add_tok(struct kg_lex *l, enum kg_lex_kind t, size_t s, size_t e, int line)
{
  KG_GROW(l->toks, l->ctok, (size_t)l->ntok + 1);
  l->toks[l->ntok].t = t;
  l->toks[l->ntok].s = s;
  l->toks[l->ntok].e = e;
  l->toks[l->ntok].line = line;
  l->ntok++;
}

/* A string at @i (quote @c, maybe tripled): returns its end; counts the
 * newlines inside in *line. */
static size_t
lex_string(const char *p, size_t n, size_t i, int *line)
{
  char c = p[i];
  int tl = 0;

  if(i + 2 < n && p[i + 1] == c && p[i + 2] == c)
    tl = 1;
  i += tl ? 3 : 1;
  while(i < n) {
    if(p[i] == '\\') {
      i += 2;
      continue;
    }
    if(p[i] == '\n')
      (*line)++;
    if(p[i] == c) {
      if(!tl)
        return i + 1;
      if(i + 2 < n && p[i + 1] == c && p[i + 2] == c)
        return i + 3;
    }
    i++;
  }
  return i;
}

/* A number at @i: returns its end. */
static size_t
lex_number(const char *p, size_t n, size_t i)
{
  while(i < n && (isdigit((unsigned char)p[i]) ||
                  (p[i] == '.' && i + 1 < n &&
                   isdigit((unsigned char)p[i + 1]))))
    i++;
  if(i < n && (p[i] == 'e' || p[i] == 'E')) {
    i++;
    if(i < n && (p[i] == '+' || p[i] == '-'))
      i++;
    while(i < n && isdigit((unsigned char)p[i]))
      i++;
  }
  return i;
}

/* A keyword, name or prefixed name at @s (@n: length of the text): adds
 * its token, returns its end. */
static size_t
lex_name(struct kg_lex *l, size_t s, size_t n, int line)
{
  const char *p = l->text;
  size_t i = s;

  while(i < n && (name_char((unsigned char)p[i]) || p[i] == '.'))
    i++;
  while(i > s && p[i - 1] == '.')
    i--;
  if(i < n && p[i] == ':') {
    i++;
    while(i < n && (name_char((unsigned char)p[i]) || p[i] == '.' ||
                    p[i] == ':' || p[i] == '%' ||
                    (p[i] == '\\' && i + 1 < n))) {
      if(p[i] == '\\')
        i++;
      i++;
    }
    while(p[i - 1] == '.' && i > s + 1)
      i--;
    add_tok(l, KG_TOK_PNAME, s, i, line);
  } else {
    add_tok(l, KG_TOK_NAME, s, i, line);
  }
  return i;
}

static void
tokenize(struct kg_lex *l)
{
  const char *p = l->text;
  size_t n = strlen(p);
  size_t i = 0;
  int line = 1;

  while(i < n) {
    unsigned char c = (unsigned char)p[i];
    size_t s = i;

    if(c == '\n') {
      line++;
      i++;
    } else if(isspace(c)) {
      i++;
    } else if(c == '#') {
      while(i < n && p[i] != '\n')
        i++;
    } else if(c == '<') {
      size_t j = i + 1;

      while(j < n && !strchr("<>\"{}|^`\\", p[j]) &&
            (unsigned char)p[j] > 0x20)
        j++;
      if(j < n && p[j] == '>') {
        add_tok(l, KG_TOK_IRI, s, j + 1, line);
        i = j + 1;
      } else {
        i += (p[i + 1] == '=') ? 2 : 1;
        add_tok(l, KG_TOK_PUNCT, s, i, line);
      }
    } else if(c == '"' || c == '\'') {
      int sl = line;

      i = lex_string(p, n, i, &line);
      add_tok(l, KG_TOK_STR, s, i, sl);
    } else if((c == '?' || c == '$') && i + 1 < n &&
              name_char((unsigned char)p[i + 1]) && p[i + 1] != '-') {
      i++;
      while(i < n && name_char((unsigned char)p[i]) && p[i] != '-')
        i++;
      add_tok(l, KG_TOK_VAR, s, i, line);
    } else if(c == '@' && i + 1 < n && isalpha((unsigned char)p[i + 1])) {
      i++;
      while(i < n && (isalnum((unsigned char)p[i]) || p[i] == '-'))
        i++;
      /* rasqal lower-cases the tag; the loaders (rdfload.c, store.c) do
       * the same to the data, so "x"@en-GB still matches */
      add_tok(l, KG_TOK_LANG, s, i, line);
    } else if(isdigit(c) || (c == '.' && i + 1 < n &&
                             isdigit((unsigned char)p[i + 1]))) {
      i = lex_number(p, n, i);
      add_tok(l, KG_TOK_NUM, s, i, line);
    } else if(c == '_' && i + 1 < n && p[i + 1] == ':') {
      i += 2;
      while(i < n && (name_char((unsigned char)p[i]) || p[i] == '.'))
        i++;
      while(i > s + 2 && p[i - 1] == '.')
        i--;
      add_tok(l, KG_TOK_BNODE, s, i, line);
    } else if((name_char(c) && c != '-') || c == ':') {
      i = lex_name(l, s, n, line);
    } else {
      if((c == '^' && p[i + 1] == '^') || (c == '&' && p[i + 1] == '&') ||
         (c == '|' && p[i + 1] == '|') || (c == '!' && p[i + 1] == '=') ||
         (c == '>' && p[i + 1] == '='))
        i += 2;
      else
        i++;
      add_tok(l, KG_TOK_PUNCT, s, i, line);
    }
  }
  add_tok(l, KG_TOK_END, n, n, line);
}

void
kg_lex_init(struct kg_lex *l, const char *text, const char *source,
            int line_offset)
{
  memset(l, 0, sizeof(*l));
  l->text = text;
  l->source = source;
  l->line_offset = line_offset;
  tokenize(l);
}

void
kg_lex_release(struct kg_lex *l)
{
  int k;

  for(k = 0; k < 2 * l->npfx; k++)
    free(l->pfx[k]);
  free(l->pfx);
  free(l->base);
  free(l->toks);
  memset(l, 0, sizeof(*l));
}

/* ---------------------------------------------------------------- cursor */

struct kg_lex_tok *
kg_lex_cur(struct kg_lex *l)
{
  return &l->toks[l->i < l->ntok ? l->i : l->ntok - 1];
}

struct kg_lex_tok *
kg_lex_peek(struct kg_lex *l, int k)
{
  int j = l->i + k;

  return &l->toks[j < l->ntok ? j : l->ntok - 1];
}

int
kg_lex_is(const struct kg_lex *l, const struct kg_lex_tok *t, const char *s)
{
  return t->t == KG_TOK_PUNCT && t->e - t->s == strlen(s) &&
    !strncmp(l->text + t->s, s, t->e - t->s);
}

int
kg_lex_is_kw(const struct kg_lex *l, const struct kg_lex_tok *t,
             const char *s)
{
  return t->t == KG_TOK_NAME && t->e - t->s == strlen(s) &&
    !strncasecmp(l->text + t->s, s, t->e - t->s);
}

int
kg_lex_at(struct kg_lex *l, const char *s)
{
  return kg_lex_is(l, kg_lex_cur(l), s);
}

int
kg_lex_at_kw(struct kg_lex *l, const char *s)
{
  return kg_lex_is_kw(l, kg_lex_cur(l), s);
}

int
kg_lex_iri_tok(const struct kg_lex *l, const struct kg_lex_tok *t)
{
  return t->t == KG_TOK_IRI || t->t == KG_TOK_PNAME ||
    (t->t == KG_TOK_NAME && t->e - t->s == 1 && l->text[t->s] == 'a');
}

/* ---------------------------------------------------------------- messages */

void
kg_lex_refuse(struct kg_lex *l, int line, const char *fmt, ...)
{
  struct kg_loc loc = { NULL, 0, 0 };
  va_list ap;

  if(l->failed)
    return;
  l->failed = 1;
  loc.file = l->source;
  loc.line = line > 0 ? line + l->line_offset : 0;
  va_start(ap, fmt);
  kg_verror_at(&loc, fmt, ap);
  va_end(ap);
}

void
kg_lex_fail(struct kg_lex *l, int line, const char *fmt, ...)
{
  (void)line;
  (void)fmt;
  l->failed = 1;
  l->soft = 1;
}

/* ---------------------------------------------------------------- prologue */

void
kg_lex_prologue(struct kg_lex *l)
{
  for(;;) {
    struct kg_lex_tok *t = kg_lex_cur(l);

    if(kg_lex_is_kw(l, t, "BASE") && kg_lex_peek(l, 1)->t == KG_TOK_IRI) {
      struct kg_lex_tok *iri = kg_lex_peek(l, 1);

      free(l->base);
      l->base = kg_xstrndup(l->text + iri->s + 1, iri->e - iri->s - 2);
      l->i += 2;
    } else if(kg_lex_is_kw(l, t, "PREFIX") &&
              kg_lex_peek(l, 1)->t == KG_TOK_PNAME &&
              kg_lex_peek(l, 2)->t == KG_TOK_IRI) {
      struct kg_lex_tok *pn = kg_lex_peek(l, 1);
      struct kg_lex_tok *iri = kg_lex_peek(l, 2);

      l->pfx = kg_xrealloc(l->pfx, (size_t)(l->npfx + 1) * 2 *
                           sizeof(char *));
      l->pfx[2 * l->npfx] = kg_xstrndup(l->text + pn->s, pn->e - pn->s - 1);
      l->pfx[2 * l->npfx + 1] = kg_xstrndup(l->text + iri->s + 1,
                                            iri->e - iri->s - 2);
      l->npfx++;
      l->i += 3;
    } else {
      l->prologue_end = t->s;
      return;
    }
  }
}

char *
kg_lex_iri(struct kg_lex *l, const struct kg_lex_tok *t)
{
  if(t->t == KG_TOK_NAME && t->e - t->s == 1 && l->text[t->s] == 'a')
    return kg_xstrdup("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  if(t->t == KG_TOK_IRI) {
    char *iri = kg_xstrndup(l->text + t->s + 1, t->e - t->s - 2);

    if(!strchr(iri, ':')) {
      if(l->base) {
        /* RFC 3986 section 5.2, as raptor resolves every other IRI */
        size_t n = strlen(l->base) + strlen(iri) + 2;
        unsigned char *out = kg_xmalloc(n);

        if(!raptor_uri_resolve_uri_reference((const unsigned char *)l->base,
                                             (const unsigned char *)iri,
                                             out, n)) {
          kg_lex_refuse(l, t->line, "relative IRI <%s> in a property path "
                        "does not resolve against the base <%s>", iri,
                        l->base);
          free(out);
          free(iri);
          return NULL;
        }
        free(iri);
        return (char *)out;
      }
      kg_lex_refuse(l, t->line, "relative IRI <%s> in a property path is "
                    "not supported", iri);
      free(iri);
      return NULL;
    }
    return iri;
  }
  if(t->t == KG_TOK_PNAME) {
    const char *colon = memchr(l->text + t->s, ':', t->e - t->s);
    size_t pl = (size_t)(colon - (l->text + t->s));
    int k;

    for(k = 0; k < l->npfx; k++) {
      if(strlen(l->pfx[2 * k]) == pl &&
         !strncmp(l->pfx[2 * k], l->text + t->s, pl)) {
        struct kg_buf b = KG_BUF_INIT;
        const char *q;

        kg_buf_adds(&b, l->pfx[2 * k + 1]);
        for(q = colon + 1; q < l->text + t->e; q++) {
          if(*q == '\\' && q + 1 < l->text + t->e)
            q++;
          kg_buf_addc(&b, *q);
        }
        return kg_buf_detach(&b);
      }
    }
    kg_lex_refuse(l, t->line, "undeclared prefix '%.*s' in a property path",
                  (int)pl, l->text + t->s);
    return NULL;
  }
  kg_lex_fail(l, t->line, "expected an IRI in a property path");
  return NULL;
}

/* ---------------------------------------------------------------- aliases */

int
kg_lex_select_aliases(const char *text, char ***out)
{
  struct kg_lex l;
  int n = 0;
  int k;

  *out = NULL;
  kg_lex_init(&l, text, NULL, 0);
  for(k = 0; k < l.ntok; k++) {
    struct kg_buf b = KG_BUF_INIT;
    int depth = 0;
    int j;

    if(!kg_lex_is_kw(&l, &l.toks[k], "SELECT"))
      continue;
    kg_buf_addc(&b, '|');
    for(j = k + 1; j < l.ntok && l.toks[j].t != KG_TOK_END; j++) {
      struct kg_lex_tok *t = &l.toks[j];

      if(depth == 0 && (kg_lex_is_kw(&l, t, "WHERE") ||
                        kg_lex_is(&l, t, "{")))
        break;
      if(kg_lex_is(&l, t, "("))
        depth++;
      else if(kg_lex_is(&l, t, ")"))
        depth--;
      else if(kg_lex_is_kw(&l, t, "AS") && j + 1 < l.ntok &&
              l.toks[j + 1].t == KG_TOK_VAR) {
        struct kg_lex_tok *v = &l.toks[j + 1];

        kg_buf_add(&b, text + v->s + 1, v->e - v->s - 1);
        kg_buf_addc(&b, '|');
      }
    }
    *out = kg_xrealloc(*out, (size_t)(n + 1) * sizeof(char *));
    (*out)[n++] = kg_buf_detach(&b);
  }
  kg_lex_release(&l);
  return n;
}
