/* sparql_rewrite.c - text pass before rasqal: what rasqal 0.9.33 cannot parse.
 *
 * A small SPARQL tokenizer (strings, IRIs, comments respected) and a parser
 * of just enough of the grammar to find group graph patterns, triple
 * patterns and expressions.  It rewrites in place, keeping every newline so
 * that rasqal's line numbers stay right:
 *   - a property path in a verb position becomes <urn:kg:path:N>; the path
 *     (sequence, inverse, alternative, *, +, ?, negated sets) is kept here
 *     and evaluated by sparql.c;
 *   - EXISTS {…} becomes <urn:kg:exists:N>(?_kgx), NOT EXISTS {…} becomes
 *     (!<urn:kg:exists:N>(?_kgx)); the group is parsed as its own query;
 *   - VALUES ?x { a b } becomes VALUES (?x) { (a) (b) }.
 * Paths with {n,m} are refused.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/sparql_int.h"

enum tk {
  T_END = 0, T_IRI, T_PNAME, T_VAR, T_STR, T_NUM, T_LANG, T_BNODE, T_NAME,
  T_PUNCT
};

struct tok {
  enum tk t;
  size_t s;
  size_t e;
  int line;
};

struct edit {
  size_t s;
  size_t e;
  char *rep;
  int grp;            /* >= 0: rep has a %s for a variable of that group */
};

struct rw {
  const char *text;
  const char *source;
  int line_offset;
  struct tok *toks;
  int ntok;
  int i;
  struct edit *edits;
  int nedits;
  char **pfx;         /* prefix name, iri pairs */
  int npfx;
  char *base;
  struct kg_sq_rw *out;
  int failed;
  int soft;           /* our parser got lost: let rasqal judge the text */
  size_t prologue_end;
  int *exists_s;      /* group token ranges of each EXISTS */
  size_t *exists_gs;
  size_t *exists_ge;
  int cur_group;      /* innermost group being parsed, -1 outside */
  int ngroups;
  int *group_var;     /* per group: a variable token bound by its triples */
  int last_single;    /* enum el of the only element of the last group */
};

/* ---------------------------------------------------------------- tokens */

static int
name_char(unsigned char c)
{
  return isalnum(c) || c == '_' || c == '-' || c >= 0x80;
}

static void
add_tok(struct rw *r, enum tk t, size_t s, size_t e, int line)
{
  r->toks = kg_xrealloc(r->toks, (size_t)(r->ntok + 1) * sizeof(*r->toks));
  r->toks[r->ntok].t = t;
  r->toks[r->ntok].s = s;
  r->toks[r->ntok].e = e;
  r->toks[r->ntok].line = line;
  r->ntok++;
}

/* A construct we refuse: reported now. */
static void
refuse(struct rw *r, int line, const char *fmt, ...)
{
  struct kg_loc loc = { NULL, 0, 0 };
  va_list ap;

  if(r->failed)
    return;
  r->failed = 1;
  loc.file = r->source;
  loc.line = line > 0 ? line + r->line_offset : 0;
  va_start(ap, fmt);
  kg_verror_at(&loc, fmt, ap);
  va_end(ap);
}

/* Our small parser does not understand the text: not reported here, the
 * text goes to rasqal unchanged and rasqal reports what is wrong. */
static void
fail(struct rw *r, int line, const char *fmt, ...)
{
  (void)line;
  (void)fmt;
  r->failed = 1;
  r->soft = 1;
}

static int
tokenize(struct rw *r)
{
  const char *p = r->text;
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
        add_tok(r, T_IRI, s, j + 1, line);
        i = j + 1;
      } else {
        i += (p[i + 1] == '=') ? 2 : 1;
        add_tok(r, T_PUNCT, s, i, line);
      }
    } else if(c == '"' || c == '\'') {
      int tl = 0;
      int sl = line;

      if(i + 2 < n && p[i + 1] == (char)c && p[i + 2] == (char)c)
        tl = 1;
      i += tl ? 3 : 1;
      while(i < n) {
        if(p[i] == '\\') {
          i += 2;
          continue;
        }
        if(p[i] == '\n')
          line++;
        if(p[i] == (char)c) {
          if(!tl) {
            i++;
            break;
          }
          if(i + 2 < n && p[i + 1] == (char)c && p[i + 2] == (char)c) {
            i += 3;
            break;
          }
        }
        i++;
      }
      add_tok(r, T_STR, s, i, sl);
    } else if((c == '?' || c == '$') && i + 1 < n &&
              name_char((unsigned char)p[i + 1]) && p[i + 1] != '-') {
      i++;
      while(i < n && name_char((unsigned char)p[i]) && p[i] != '-')
        i++;
      add_tok(r, T_VAR, s, i, line);
    } else if(c == '@' && i + 1 < n && isalpha((unsigned char)p[i + 1])) {
      i++;
      while(i < n && (isalnum((unsigned char)p[i]) || p[i] == '-'))
        i++;
      /* rasqal lower-cases the tag; the loaders (rdfload.c, store.c) do
       * the same to the data, so "x"@en-GB still matches */
      add_tok(r, T_LANG, s, i, line);
    } else if(isdigit(c) || (c == '.' && i + 1 < n &&
                             isdigit((unsigned char)p[i + 1]))) {
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
      add_tok(r, T_NUM, s, i, line);
    } else if(c == '_' && i + 1 < n && p[i + 1] == ':') {
      i += 2;
      while(i < n && (name_char((unsigned char)p[i]) || p[i] == '.'))
        i++;
      while(i > s + 2 && p[i - 1] == '.')
        i--;
      add_tok(r, T_BNODE, s, i, line);
    } else if(name_char(c) || c == ':') {
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
        add_tok(r, T_PNAME, s, i, line);
      } else {
        add_tok(r, T_NAME, s, i, line);
      }
    } else {
      if((c == '^' && p[i + 1] == '^') || (c == '&' && p[i + 1] == '&') ||
         (c == '|' && p[i + 1] == '|') || (c == '!' && p[i + 1] == '=') ||
         (c == '>' && p[i + 1] == '='))
        i += 2;
      else
        i++;
      add_tok(r, T_PUNCT, s, i, line);
    }
  }
  add_tok(r, T_END, n, n, line);
  return 0;
}

/* ---------------------------------------------------------------- helpers */

static struct tok *
cur(struct rw *r)
{
  return &r->toks[r->i < r->ntok ? r->i : r->ntok - 1];
}

static struct tok *
peek(struct rw *r, int k)
{
  int j = r->i + k;

  return &r->toks[j < r->ntok ? j : r->ntok - 1];
}

static int
is_p(struct tok *t, struct rw *r, const char *s)
{
  return t->t == T_PUNCT && t->e - t->s == strlen(s) &&
    !strncmp(r->text + t->s, s, t->e - t->s);
}

static int
is_kw(struct tok *t, struct rw *r, const char *s)
{
  return t->t == T_NAME && t->e - t->s == strlen(s) &&
    !strncasecmp(r->text + t->s, s, t->e - t->s);
}

static void
add_edit(struct rw *r, size_t s, size_t e, const char *rep)
{
  r->edits = kg_xrealloc(r->edits, (size_t)(r->nedits + 1) *
                         sizeof(*r->edits));
  r->edits[r->nedits].s = s;
  r->edits[r->nedits].e = e;
  r->edits[r->nedits].rep = kg_xstrdup(rep);
  r->edits[r->nedits].grp = -1;
  r->nedits++;
}

static int
edit_cmp(const void *a, const void *b)
{
  const struct edit *x = a;
  const struct edit *y = b;

  if(x->s != y->s)
    return x->s < y->s ? -1 : 1;
  if(x->e != y->e)      /* insertions (s == e) first */
    return x->e < y->e ? -1 : 1;
  return 0;
}

/* Text of [s, e) with the edits inside applied; newlines of replaced text
 * are kept. */
static void
apply(struct rw *r, size_t s, size_t e, struct kg_buf *o)
{
  size_t curs = s;
  int k;

  for(k = 0; k < r->nedits; k++) {
    struct edit *ed = &r->edits[k];
    size_t j;

    if(ed->s < curs || ed->e > e || ed->s < s)
      continue;
    kg_buf_add(o, r->text + curs, ed->s - curs);
    kg_buf_adds(o, ed->rep);
    for(j = ed->s; j < ed->e; j++)
      if(r->text[j] == '\n')
        kg_buf_addc(o, '\n');
    curs = ed->e;
  }
  kg_buf_add(o, r->text + curs, e - curs);
}

static char *
tok_str(struct rw *r, struct tok *t)
{
  return kg_xstrndup(r->text + t->s, t->e - t->s);
}

/* IRI of an IRI / prefixed name / 'a' token (new string), or NULL after
 * reporting. */
static char *
resolve(struct rw *r, struct tok *t)
{
  if(t->t == T_NAME && t->e - t->s == 1 && r->text[t->s] == 'a')
    return kg_xstrdup("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  if(t->t == T_IRI) {
    char *iri = kg_xstrndup(r->text + t->s + 1, t->e - t->s - 2);

    if(!strchr(iri, ':')) {
      if(r->base) {
        struct kg_buf b = KG_BUF_INIT;

        kg_buf_adds(&b, r->base);
        kg_buf_adds(&b, iri);
        free(iri);
        return kg_buf_detach(&b);
      }
      refuse(r, t->line, "relative IRI <%s> in a property path is not "
           "supported", iri);
      free(iri);
      return NULL;
    }
    return iri;
  }
  if(t->t == T_PNAME) {
    const char *colon = memchr(r->text + t->s, ':', t->e - t->s);
    size_t pl = (size_t)(colon - (r->text + t->s));
    int k;

    for(k = 0; k < r->npfx; k++) {
      if(strlen(r->pfx[2 * k]) == pl &&
         !strncmp(r->pfx[2 * k], r->text + t->s, pl)) {
        struct kg_buf b = KG_BUF_INIT;
        const char *q;

        kg_buf_adds(&b, r->pfx[2 * k + 1]);
        for(q = colon + 1; q < r->text + t->e; q++) {
          if(*q == '\\' && q + 1 < r->text + t->e)
            q++;
          kg_buf_addc(&b, *q);
        }
        return kg_buf_detach(&b);
      }
    }
    refuse(r, t->line, "undeclared prefix '%.*s' in a property path",
           (int)pl, r->text + t->s);
    return NULL;
  }
  fail(r, t->line, "expected an IRI in a property path");
  return NULL;
}

/* ---------------------------------------------------------------- paths */

static struct kg_sq_path *
path_new(enum kg_sq_path_kind k)
{
  struct kg_sq_path *p = kg_xcalloc(1, sizeof(*p));

  p->kind = k;
  return p;
}

static void
path_add(struct kg_sq_path *p, struct kg_sq_path *k)
{
  p->kids = kg_xrealloc(p->kids, (size_t)(p->nkids + 1) * sizeof(*p->kids));
  p->kids[p->nkids++] = k;
}

static int
iri_tok(struct tok *t, struct rw *r)
{
  return t->t == T_IRI || t->t == T_PNAME ||
    (t->t == T_NAME && t->e - t->s == 1 && r->text[t->s] == 'a');
}

static struct kg_sq_path *parse_path_alt(struct rw *r);

static struct kg_sq_path *
parse_nps_one(struct rw *r)
{
  struct kg_sq_path *p;
  int inv = 0;

  if(is_p(cur(r), r, "^")) {
    inv = 1;
    r->i++;
  }
  if(!iri_tok(cur(r), r)) {
    fail(r, cur(r)->line, "expected an IRI in a negated property set");
    return NULL;
  }
  p = path_new(KG_PATH_LINK);
  p->iri = resolve(r, cur(r));
  r->i++;
  if(!p->iri) {
    kg_sq_path_free(p);
    return NULL;
  }
  if(inv) {
    struct kg_sq_path *w = path_new(KG_PATH_INV);

    path_add(w, p);
    return w;
  }
  return p;
}

static struct kg_sq_path *
parse_path_primary(struct rw *r)
{
  struct tok *t = cur(r);
  struct kg_sq_path *p;

  if(iri_tok(t, r)) {
    p = path_new(KG_PATH_LINK);
    p->iri = resolve(r, t);
    r->i++;
    if(!p->iri) {
      kg_sq_path_free(p);
      return NULL;
    }
    return p;
  }
  if(is_p(t, r, "!")) {
    r->i++;
    p = path_new(KG_PATH_NPS);
    if(is_p(cur(r), r, "(")) {
      r->i++;
      while(!is_p(cur(r), r, ")")) {
        struct kg_sq_path *k = parse_nps_one(r);

        if(!k) {
          kg_sq_path_free(p);
          return NULL;
        }
        path_add(p, k);
        if(is_p(cur(r), r, "|"))
          r->i++;
        else if(!is_p(cur(r), r, ")")) {
          fail(r, cur(r)->line, "expected '|' or ')' in a negated property "
               "set");
          kg_sq_path_free(p);
          return NULL;
        }
      }
      r->i++;
    } else {
      struct kg_sq_path *k = parse_nps_one(r);

      if(!k) {
        kg_sq_path_free(p);
        return NULL;
      }
      path_add(p, k);
    }
    return p;
  }
  if(is_p(t, r, "(")) {
    r->i++;
    p = parse_path_alt(r);
    if(!p)
      return NULL;
    if(!is_p(cur(r), r, ")")) {
      fail(r, cur(r)->line, "expected ')' in a property path");
      kg_sq_path_free(p);
      return NULL;
    }
    r->i++;
    return p;
  }
  fail(r, t->line, "expected a property path");
  return NULL;
}

static struct kg_sq_path *
parse_path_elt(struct rw *r)
{
  int inv = 0;
  struct kg_sq_path *p;
  struct tok *t;

  if(is_p(cur(r), r, "^")) {
    inv = 1;
    r->i++;
  }
  p = parse_path_primary(r);
  if(!p)
    return NULL;
  t = cur(r);
  if(is_p(t, r, "*") || is_p(t, r, "+") || is_p(t, r, "?")) {
    struct kg_sq_path *m = path_new(is_p(t, r, "*") ? KG_PATH_ZOM :
                                    is_p(t, r, "+") ? KG_PATH_OOM :
                                                      KG_PATH_ZOO);

    path_add(m, p);
    p = m;
    r->i++;
  } else if(is_p(t, r, "{")) {
    size_t e = t->e;
    int k = r->i;

    while(k < r->ntok && !is_p(&r->toks[k], r, "}"))
      k++;
    if(k < r->ntok)
      e = r->toks[k].e;
    refuse(r, t->line, "property path '%.*s' is not supported",
         (int)(e - r->toks[r->i - 1].s), r->text + r->toks[r->i - 1].s);
    kg_sq_path_free(p);
    return NULL;
  }
  if(inv) {
    struct kg_sq_path *w = path_new(KG_PATH_INV);

    path_add(w, p);
    p = w;
  }
  return p;
}

static struct kg_sq_path *
parse_path_seq(struct rw *r)
{
  struct kg_sq_path *p = parse_path_elt(r);
  struct kg_sq_path *s;

  if(!p || !is_p(cur(r), r, "/"))
    return p;
  s = path_new(KG_PATH_SEQ);
  path_add(s, p);
  while(is_p(cur(r), r, "/")) {
    r->i++;
    p = parse_path_elt(r);
    if(!p) {
      kg_sq_path_free(s);
      return NULL;
    }
    path_add(s, p);
  }
  return s;
}

static struct kg_sq_path *
parse_path_alt(struct rw *r)
{
  struct kg_sq_path *p = parse_path_seq(r);
  struct kg_sq_path *a;

  if(!p || !is_p(cur(r), r, "|"))
    return p;
  a = path_new(KG_PATH_ALT);
  path_add(a, p);
  while(is_p(cur(r), r, "|")) {
    r->i++;
    p = parse_path_seq(r);
    if(!p) {
      kg_sq_path_free(a);
      return NULL;
    }
    path_add(a, p);
  }
  return a;
}

/* ---------------------------------------------------------------- groups */

static int parse_group_k(struct rw *r, int kind);
#define parse_group(r) parse_group_k((r), 0)
static int scan_parens(struct rw *r);
static int parse_values(struct rw *r);
static int scan_select(struct rw *r, int in_group);

static int
handle_exists(struct rw *r, int neg_tok)
{
  struct tok *ex = cur(r);
  size_t s = neg_tok >= 0 ? r->toks[neg_tok].s : ex->s;
  int gi;
  int idx;
  char rep[128];
  struct kg_sq_rw *o = r->out;

  r->i++;
  if(!is_p(cur(r), r, "{")) {
    fail(r, ex->line, "expected '{' after EXISTS");
    return -1;
  }
  gi = r->i;
  if(parse_group(r))
    return -1;
  idx = o->nexists++;
  o->exists = kg_xrealloc(o->exists, (size_t)o->nexists * sizeof(char *));
  o->exists_line = kg_xrealloc(o->exists_line, (size_t)o->nexists *
                               sizeof(int));
  r->exists_gs = kg_xrealloc(r->exists_gs, (size_t)o->nexists *
                             sizeof(size_t));
  r->exists_ge = kg_xrealloc(r->exists_ge, (size_t)o->nexists *
                             sizeof(size_t));
  o->exists[idx] = NULL;
  o->exists_line[idx] = r->toks[gi].line;
  r->exists_gs[idx] = r->toks[gi].s;
  r->exists_ge[idx] = r->toks[r->i - 1].e;
  /* The argument is a variable the enclosing group binds: rasqal replaces
   * a FILTER of a nested group that mentions a variable the group does
   * not bind by false (the guard in sparql.c checks it did not). */
  if(neg_tok >= 0)
    snprintf(rep, sizeof rep, "(!<%s%d>(?%%s))", KG_SQ_EXISTS_NS, idx);
  else
    snprintf(rep, sizeof rep, "<%s%d>(?%%s)", KG_SQ_EXISTS_NS, idx);
  add_edit(r, s, r->toks[r->i - 1].e, rep);
  r->edits[r->nedits - 1].grp = r->cur_group >= 0 ? r->cur_group :
                                                     r->ngroups + 100000;
  return 0;
}

/* At '(': skips to the matching ')', handling EXISTS inside. */
static int
scan_parens(struct rw *r)
{
  int depth = 0;

  do {
    struct tok *t = cur(r);

    if(t->t == T_END) {
      fail(r, t->line, "unbalanced parentheses");
      return -1;
    }
    if(is_p(t, r, "("))
      depth++;
    else if(is_p(t, r, ")"))
      depth--;
    if(is_kw(t, r, "NOT") && is_kw(peek(r, 1), r, "EXISTS")) {
      int nt = r->i;

      r->i++;
      if(handle_exists(r, nt))
        return -1;
      continue;
    }
    if(is_kw(t, r, "EXISTS")) {
      if(handle_exists(r, -1))
        return -1;
      continue;
    }
    r->i++;
  } while(depth > 0);
  return 0;
}

static int parse_term(struct rw *r);
static int parse_props(struct rw *r, const char *end);

/* subject/object term, blank node property list or collection */
static int
parse_term(struct rw *r)
{
  struct tok *t = cur(r);

  if(is_p(t, r, "[")) {
    r->i++;
    if(parse_props(r, "]"))
      return -1;
    if(!is_p(cur(r), r, "]")) {
      fail(r, cur(r)->line, "expected ']'");
      return -1;
    }
    r->i++;
    return 0;
  }
  if(is_p(t, r, "(")) {
    r->i++;
    while(!is_p(cur(r), r, ")")) {
      if(cur(r)->t == T_END || parse_term(r))
        return -1;
    }
    r->i++;
    return 0;
  }
  if(is_p(t, r, "+") || is_p(t, r, "-")) {
    r->i++;
    t = cur(r);
  }
  switch(t->t) {
    case T_IRI: case T_PNAME: case T_VAR: case T_NUM: case T_BNODE:
    case T_NAME:
      r->i++;
      return 0;
    case T_STR:
      r->i++;
      if(cur(r)->t == T_LANG) {
        r->i++;
      } else if(is_p(cur(r), r, "^^")) {
        r->i += 2;
      }
      return 0;
    default:
      fail(r, t->line, "unexpected '%.*s' in a triple pattern",
           (int)(t->e - t->s), r->text + t->s);
      return -1;
  }
}

static int
verb_start(struct tok *t, struct rw *r)
{
  return t->t == T_VAR || iri_tok(t, r) || is_p(t, r, "^") ||
    is_p(t, r, "!") || is_p(t, r, "(");
}

/* property list (path) up to @end ("]") or the end of the triples */
static int
parse_props(struct rw *r, const char *end)
{
  for(;;) {
    struct tok *t = cur(r);

    if(!verb_start(t, r))
      return 0;
    if(t->t == T_VAR) {
      r->i++;
    } else if(iri_tok(t, r) && !is_p(peek(r, 1), r, "/") &&
              !is_p(peek(r, 1), r, "|") && !is_p(peek(r, 1), r, "*") &&
              !is_p(peek(r, 1), r, "+") && !is_p(peek(r, 1), r, "?") &&
              !is_p(peek(r, 1), r, "{")) {
      r->i++;             /* a plain predicate: rasqal's business */
    } else {
      int start = r->i;
      struct kg_sq_path *p = parse_path_alt(r);

      if(!p)
        return -1;
      if(p->kind == KG_PATH_LINK && r->i == start + 1) {
        kg_sq_path_free(p);
      } else {
        char rep[64];
        struct kg_sq_rw *o = r->out;

        o->paths = kg_xrealloc(o->paths, (size_t)(o->npaths + 1) *
                               sizeof(*o->paths));
        o->paths[o->npaths] = p;
        snprintf(rep, sizeof rep, "<%s%d>", KG_SQ_PATH_NS, o->npaths);
        o->npaths++;
        add_edit(r, r->toks[start].s, r->toks[r->i - 1].e, rep);
      }
    }
    /* objects */
    for(;;) {
      if(parse_term(r))
        return -1;
      if(!is_p(cur(r), r, ","))
        break;
      r->i++;
    }
    if(!is_p(cur(r), r, ";"))
      return 0;
    while(is_p(cur(r), r, ";"))
      r->i++;
    if(end && is_p(cur(r), r, end))
      return 0;
  }
}

static void
note_group_var(struct rw *r, int from, int to)
{
  int k;

  if(r->cur_group < 0 || r->group_var[r->cur_group] >= 0)
    return;
  for(k = from; k < to; k++)
    if(r->toks[k].t == T_VAR) {
      r->group_var[r->cur_group] = k;
      return;
    }
}

static int
parse_triples(struct rw *r)
{
  int was_bnode_list = is_p(cur(r), r, "[");
  int from = r->i;
  int rc;

  if(parse_term(r))
    return -1;
  if(!verb_start(cur(r), r)) {
    if(was_bnode_list)
      return 0;
    if(is_p(cur(r), r, ".") || is_p(cur(r), r, "}")) {
      refuse(r, cur(r)->line, "SPARQL syntax error: a triple pattern without "
             "a predicate before '%.*s'", (int)(cur(r)->e - cur(r)->s),
             r->text + cur(r)->s);
      return -1;
    }
    fail(r, cur(r)->line, "SPARQL syntax error at '%.*s'",
         (int)(cur(r)->e - cur(r)->s), r->text + cur(r)->s);
    return -1;
  }
  rc = parse_props(r, NULL);
  note_group_var(r, from, r->i);
  return rc;
}

/* At '{' of a group graph pattern; leaves r->i after its '}'.  @kind: 0
 * plain, 1 the group of an OPTIONAL, 2 a group directly inside that one. */
static int parse_group_body(struct rw *r, int kind);

static int
parse_group_k(struct rw *r, int kind)
{
  int saved = r->cur_group;
  int rc;

  r->group_var = kg_xrealloc(r->group_var, (size_t)(r->ngroups + 1) *
                             sizeof(int));
  r->group_var[r->ngroups] = -1;
  r->cur_group = r->ngroups++;
  rc = parse_group_body(r, kind);
  r->cur_group = saved;
  return rc;
}

/* Element kinds of a group, to find the groups rasqal merges away. */
enum el {
  EL_NONE = 0, EL_TRIPLES, EL_GROUP, EL_OPTIONAL, EL_MINUS, EL_GRAPH,
  EL_SERVICE, EL_BIND, EL_VALUES, EL_UNION
};

static int
parse_group_body(struct rw *r, int kind)
{
  int opt_next = 0;
  enum el prev_kw = EL_NONE;   /* keyword owning the next '{' */
  enum el last = EL_NONE;
  int nelems = 0;

  r->i++;
  r->last_single = EL_NONE;
  if(is_kw(cur(r), r, "SELECT")) {
    int saved = r->cur_group;
    int rc;

    r->cur_group = -1;
    rc = scan_select(r, 1);
    r->cur_group = saved;
    r->last_single = EL_NONE;
    return rc;
  }
  for(;;) {
    struct tok *t = cur(r);

    if(r->failed)
      return -1;
    if(t->t == T_END) {
      fail(r, t->line, "missing '}'");
      return -1;
    }
    if(is_p(t, r, "}")) {
      r->i++;
      r->last_single = nelems == 1 ? (int)last : EL_NONE;
      return 0;
    }
    if(is_p(t, r, ".")) {
      r->i++;
    } else if(is_p(t, r, "{")) {
      int line = t->line;
      int plain = prev_kw == EL_NONE;

      if(parse_group_k(r, opt_next ? 1 : kind == 1 ? 2 : 0))
        return -1;
      /* rasqal replaces a group holding one element by that element: for
       * BIND, OPTIONAL and MINUS that changes what they apply to */
      if(plain && !is_kw(cur(r), r, "UNION") &&
         (r->last_single == EL_BIND || r->last_single == EL_OPTIONAL ||
          r->last_single == EL_MINUS)) {
        refuse(r, line, "a group holding only %s is not supported (rasqal "
               "merges it into the enclosing group, which changes its "
               "meaning)", r->last_single == EL_BIND ? "BIND" :
               r->last_single == EL_OPTIONAL ? "OPTIONAL" : "MINUS");
        return -1;
      }
      if(prev_kw == EL_NONE || prev_kw == EL_UNION) {
        if(prev_kw == EL_NONE) {
          nelems++;
          last = EL_GROUP;
        }
      } else {
        nelems++;
        last = prev_kw;
      }
      prev_kw = EL_NONE;
      opt_next = 0;
      continue;
    } else if(is_kw(t, r, "OPTIONAL")) {
      r->i++;
      opt_next = 1;
      prev_kw = EL_OPTIONAL;
      continue;
    } else if(is_kw(t, r, "MINUS")) {
      r->i++;
      prev_kw = EL_MINUS;
    } else if(is_kw(t, r, "UNION")) {
      r->i++;
      prev_kw = EL_UNION;
    } else if(is_kw(t, r, "GRAPH")) {
      r->i += 2;
      prev_kw = EL_GRAPH;
    } else if(is_kw(t, r, "SERVICE")) {
      r->i++;
      if(is_kw(cur(r), r, "SILENT"))
        r->i++;
      r->i++;
      prev_kw = EL_SERVICE;
    } else if(is_kw(t, r, "FILTER")) {
      if(kind == 2) {
        refuse(r, t->line, "FILTER in a group nested inside OPTIONAL is not "
               "supported (rasqal merges the groups, which changes what the "
               "FILTER sees)");
        return -1;
      }
      r->i++;
      if(is_kw(cur(r), r, "NOT") && is_kw(peek(r, 1), r, "EXISTS")) {
        int nt = r->i;

        r->i++;
        if(handle_exists(r, nt))
          return -1;
      } else if(is_kw(cur(r), r, "EXISTS")) {
        if(handle_exists(r, -1))
          return -1;
      } else if(is_p(cur(r), r, "(")) {
        if(scan_parens(r))
          return -1;
      } else {
        r->i++;           /* function or built-in name */
        if(is_p(cur(r), r, "(") && scan_parens(r))
          return -1;
      }
    } else if(is_kw(t, r, "BIND")) {
      r->i++;
      if(scan_parens(r))
        return -1;
      nelems++;
      last = EL_BIND;
    } else if(is_kw(t, r, "VALUES")) {
      if(parse_values(r))
        return -1;
      nelems++;
      last = EL_VALUES;
    } else {
      if(parse_triples(r))
        return -1;
      if(last != EL_TRIPLES) {
        nelems++;
        last = EL_TRIPLES;
      }
    }
  }
}

static int
data_value_end(struct rw *r)
{
  struct tok *t = cur(r);

  if(t->t == T_STR) {
    r->i++;
    if(cur(r)->t == T_LANG)
      r->i++;
    else if(is_p(cur(r), r, "^^"))
      r->i += 2;
    return 0;
  }
  if(is_p(t, r, "+") || is_p(t, r, "-"))
    r->i++;
  r->i++;
  return 0;
}

/* At VALUES: rewrites the one-variable short form. */
static int
parse_values(struct rw *r)
{
  struct tok *v;

  r->i++;
  v = cur(r);
  if(v->t == T_VAR) {
    char *name = tok_str(r, v);
    struct kg_buf b = KG_BUF_INIT;

    kg_buf_addf(&b, "(%s)", name);
    free(name);
    add_edit(r, v->s, v->e, b.s);
    kg_buf_release(&b);
    r->i++;
    if(!is_p(cur(r), r, "{")) {
      fail(r, cur(r)->line, "expected '{' after VALUES %.*s",
           (int)(v->e - v->s), r->text + v->s);
      return -1;
    }
    r->i++;
    while(!is_p(cur(r), r, "}")) {
      size_t s = cur(r)->s;

      if(cur(r)->t == T_END) {
        fail(r, v->line, "missing '}' after VALUES");
        return -1;
      }
      data_value_end(r);
      add_edit(r, s, s, "(");
      add_edit(r, r->toks[r->i - 1].e, r->toks[r->i - 1].e, ")");
    }
    r->i++;
    return 0;
  }
  /* ( ?a ?b ) { ( … ) … } or () {} : skip */
  while(!is_p(cur(r), r, "{")) {
    if(cur(r)->t == T_END)
      return 0;
    r->i++;
  }
  while(!is_p(cur(r), r, "}")) {
    if(cur(r)->t == T_END)
      return 0;
    r->i++;
  }
  r->i++;
  return 0;
}

/* Query body (top level, or a sub-SELECT from its SELECT keyword up to and
 * including the closing '}' of the enclosing group). */
static int
scan_select(struct rw *r, int in_group)
{
  int prev_construct = 0;

  for(;;) {
    struct tok *t = cur(r);

    if(r->failed)
      return -1;
    if(t->t == T_END)
      return in_group ? (fail(r, t->line, "missing '}'"), -1) : 0;
    if(in_group && is_p(t, r, "}")) {
      r->i++;
      return 0;
    }
    if(is_p(t, r, "{")) {
      if(prev_construct) {
        while(!is_p(cur(r), r, "}") && cur(r)->t != T_END)
          r->i++;
        r->i++;
        prev_construct = 0;
        continue;
      }
      if(parse_group(r))
        return -1;
      continue;
    }
    prev_construct = is_kw(t, r, "CONSTRUCT");
    if(is_kw(t, r, "VALUES")) {
      if(parse_values(r))
        return -1;
      continue;
    }
    if(is_p(t, r, "(")) {
      if(scan_parens(r))
        return -1;
      continue;
    }
    if(is_kw(t, r, "NOT") && is_kw(peek(r, 1), r, "EXISTS")) {
      int nt = r->i;

      r->i++;
      if(handle_exists(r, nt))
        return -1;
      continue;
    }
    if(is_kw(t, r, "EXISTS")) {
      if(handle_exists(r, -1))
        return -1;
      continue;
    }
    r->i++;
  }
}

static void
parse_prologue(struct rw *r)
{
  for(;;) {
    struct tok *t = cur(r);

    if(is_kw(t, r, "BASE") && peek(r, 1)->t == T_IRI) {
      free(r->base);
      r->base = kg_xstrndup(r->text + peek(r, 1)->s + 1,
                            peek(r, 1)->e - peek(r, 1)->s - 2);
      r->i += 2;
    } else if(is_kw(t, r, "PREFIX") && peek(r, 1)->t == T_PNAME &&
              peek(r, 2)->t == T_IRI) {
      struct tok *pn = peek(r, 1);
      struct tok *iri = peek(r, 2);

      r->pfx = kg_xrealloc(r->pfx, (size_t)(r->npfx + 1) * 2 *
                           sizeof(char *));
      r->pfx[2 * r->npfx] = kg_xstrndup(r->text + pn->s, pn->e - pn->s - 1);
      r->pfx[2 * r->npfx + 1] = kg_xstrndup(r->text + iri->s + 1,
                                            iri->e - iri->s - 2);
      r->npfx++;
      r->i += 3;
    } else {
      r->prologue_end = t->s;
      return;
    }
  }
}

int
kg_sq_rewrite(const char *text, const char *source, int line_offset,
              struct kg_sq_rw *out)
{
  struct rw r;
  int k;
  int rc = 0;
  struct kg_buf b = KG_BUF_INIT;

  memset(out, 0, sizeof(*out));
  memset(&r, 0, sizeof(r));
  r.text = text;
  r.source = source;
  r.line_offset = line_offset;
  r.out = out;
  r.cur_group = -1;
  tokenize(&r);
  parse_prologue(&r);
  if(scan_select(&r, 0) || r.failed) {
    if(r.soft) {
      /* give rasqal the original text */
      for(k = 0; k < out->npaths; k++)
        kg_sq_path_free(out->paths[k]);
      free(out->paths);
      free(out->exists);
      free(out->exists_line);
      memset(out, 0, sizeof(*out));
      out->text = kg_xstrdup(text);
      goto out;
    }
    rc = -1;
    goto out;
  }
  if(r.nedits)
    for(k = 0; k < r.nedits; k++) {
    struct edit *ed = &r.edits[k];
    char *var;

    if(ed->grp < 0)
      continue;
    if(ed->grp < r.ngroups && r.group_var[ed->grp] >= 0) {
      struct tok *vt = &r.toks[r.group_var[ed->grp]];

      var = kg_xstrndup(text + vt->s + 1, vt->e - vt->s - 1);
    } else {
      var = kg_xstrdup(KG_SQ_PLACEHOLDER_VAR);
    }
    {
      char *hole = strstr(ed->rep, "%s");

      if(hole) {
        kg_buf_reset(&b);
        kg_buf_add(&b, ed->rep, (size_t)(hole - ed->rep));
        kg_buf_adds(&b, var);
        kg_buf_adds(&b, hole + 2);
        free(ed->rep);
        ed->rep = kg_buf_detach(&b);
      }
    }
    free(var);
  }
  if(r.nedits)
    qsort(r.edits, (size_t)r.nedits, sizeof(*r.edits), edit_cmp);
  out->base = r.base ? kg_xstrdup(r.base) : NULL;
  apply(&r, 0, strlen(text), &b);
  out->text = kg_buf_detach(&b);
  for(k = 0; k < out->nexists; k++) {
    int lines = 1;
    size_t j;

    kg_buf_reset(&b);
    apply(&r, 0, r.prologue_end, &b);
    for(j = 0; j < r.prologue_end; j++)
      if(text[j] == '\n')
        lines++;
    while(lines < out->exists_line[k]) {
      kg_buf_addc(&b, '\n');
      lines++;
    }
    kg_buf_adds(&b, " ASK ");
    apply(&r, r.exists_gs[k], r.exists_ge[k], &b);
    out->exists[k] = kg_buf_detach(&b);
  }
out:
  kg_buf_release(&b);
  for(k = 0; k < r.nedits; k++)
    free(r.edits[k].rep);
  free(r.edits);
  for(k = 0; k < 2 * r.npfx; k++)
    free(r.pfx[k]);
  free(r.pfx);
  free(r.base);
  free(r.toks);
  free(r.exists_s);
  free(r.exists_gs);
  free(r.exists_ge);
  free(r.group_var);
  if(rc)
    kg_sq_rw_release(out);
  return rc;
}

void
kg_sq_path_free(struct kg_sq_path *p)
{
  int i;

  if(!p)
    return;
  for(i = 0; i < p->nkids; i++)
    kg_sq_path_free(p->kids[i]);
  free(p->kids);
  free(p->iri);
  free(p);
}

void
kg_sq_rw_release(struct kg_sq_rw *rw)
{
  int i;

  free(rw->text);
  for(i = 0; i < rw->npaths; i++)
    kg_sq_path_free(rw->paths[i]);
  free(rw->paths);
  for(i = 0; i < rw->nexists; i++)
    free(rw->exists[i]);
  free(rw->exists);
  free(rw->exists_line);
  free(rw->base);
  memset(rw, 0, sizeof(*rw));
}

int
kg_sq_select_aliases(const char *text, char ***out)
{
  struct rw r;
  int n = 0;
  int k;

  *out = NULL;
  memset(&r, 0, sizeof(r));
  r.text = text;
  tokenize(&r);
  for(k = 0; k < r.ntok; k++) {
    struct kg_buf b = KG_BUF_INIT;
    int depth = 0;
    int j;

    if(!is_kw(&r.toks[k], &r, "SELECT"))
      continue;
    kg_buf_addc(&b, '|');
    for(j = k + 1; j < r.ntok && r.toks[j].t != T_END; j++) {
      struct tok *t = &r.toks[j];

      if(depth == 0 && (is_kw(t, &r, "WHERE") || is_p(t, &r, "{")))
        break;
      if(is_p(t, &r, "("))
        depth++;
      else if(is_p(t, &r, ")"))
        depth--;
      else if(is_kw(t, &r, "AS") && j + 1 < r.ntok &&
              r.toks[j + 1].t == T_VAR) {
        struct tok *v = &r.toks[j + 1];

        kg_buf_add(&b, text + v->s + 1, v->e - v->s - 1);
        kg_buf_addc(&b, '|');
      }
    }
    *out = kg_xrealloc(*out, (size_t)(n + 1) * sizeof(char *));
    (*out)[n++] = kg_buf_detach(&b);
  }
  free(r.toks);
  return n;
}
