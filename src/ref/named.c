/* named.c - named queries: header, listing, checked parameter binding. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "ref/ref.h"
#include "base/diag.h"
#include "ref/gaz.h"
#include "base/input.h"
#include "ref/named.h"
#include "base/text.h"
#include "ref/vocab.h"

static const char *const type_names[] = {
  "string", "iri", "int", "theme", "territory", "report", "event", "date",
  NULL
};

/* What a bad value should have been, after "(a TYPE" in the message. */
static const char *const type_hints[] = {
  "", "", "", "", "",
  ": a report's slug, file name or IRI",
  ": part of an event's name, its slug or its IRI",
  ": YYYY, YYYY-MM or YYYY-MM-DD",
  NULL
};

static char *
trim_dup(const char *s, size_t n)
{
  while(n && (*s == ' ' || *s == '\t')) {
    s++;
    n--;
  }
  while(n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
    n--;
  return kg_xstrndup(s, n);
}

/* "# param: NAME TYPE required|optional  doc" */
static int
parse_param(struct kg_named *q, const char *line, size_t n, size_t *cap)
{
  char *l = kg_xstrndup(line, n), *save = NULL, *name, *type, *req, *doc;
  struct kg_param *p;
  int t;

  name = strtok_r(l, " \t", &save);
  type = name ? strtok_r(NULL, " \t", &save) : NULL;
  req = type ? strtok_r(NULL, " \t", &save) : NULL;
  doc = req ? save : NULL;
  if(!req) {
    free(l);
    return -1;
  }
  for(t = 0; type_names[t]; t++)
    if(!strcmp(type_names[t], type))
      break;
  if(!type_names[t]) {
    free(l);
    return -1;
  }
  KG_GROW(q->params, *cap, q->nparams + 1);
  p = &q->params[q->nparams++];
  p->name = kg_xstrdup(name);
  p->type = (enum kg_param_type)t;
  p->required = !strcmp(req, "required");
  p->doc = doc ? trim_dup(doc, strlen(doc)) : kg_xstrdup("");
  free(l);
  return 0;
}

struct kg_named *
kg_named_from_file(const char *path)
{
  struct kg_buf text = KG_BUF_INIT;
  struct kg_named *q;
  struct kg_loc loc = { NULL, 0, 0 };
  const char *p;
  size_t cap = 0;
  int line = 0;

  if(kg_input_read_bytes(path, &text))
    return NULL;
  q = kg_xcalloc(1, sizeof(*q));
  q->path = kg_xstrdup(path);
  q->text = kg_buf_detach(&text);
  loc.file = path;
  for(p = q->text; *p == '#'; ) {
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    const char *c = p + 1;

    line++;
    while(*c == ' ')
      c++;
    if(!strncmp(c, "name:", 5)) {
      free(q->name);
      q->name = trim_dup(c + 5, n - (size_t)(c + 5 - p));
    } else if(!strncmp(c, "summary:", 8)) {
      free(q->summary);
      q->summary = trim_dup(c + 8, n - (size_t)(c + 8 - p));
    } else if(!strncmp(c, "param:", 6)) {
      if(parse_param(q, c + 6, n - (size_t)(c + 6 - p), &cap)) {
        loc.line = line;
        kg_error_at(&loc, "bad parameter line (want '# param: NAME TYPE "
                    "required|optional DOC', TYPE one of string, iri, int, "
                    "theme, territory, report, event, date)");
        kg_named_free(q);
        return NULL;
      }
    }
    if(!eol)
      break;
    p = eol + 1;
  }
  if(!q->summary)
    q->summary = kg_xstrdup("");
  return q;
}

void
kg_named_free(struct kg_named *q)
{
  size_t i;

  if(!q)
    return;
  for(i = 0; i < q->nparams; i++) {
    free(q->params[i].name);
    free(q->params[i].doc);
  }
  free(q->params);
  free(q->name);
  free(q->summary);
  free(q->path);
  free(q->text);
  free(q);
}

static int
valid_name(const char *name)
{
  const char *p;

  if(!*name)
    return 0;
  for(p = name; *p; p++)
    if(!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
         *p == '_'))
      return 0;
  return 1;
}

struct kg_named *
kg_named_load(struct kg_ref *ref, const char *name)
{
  struct kg_buf rel = KG_BUF_INIT;
  char *path;
  FILE *fh;
  struct kg_named *q;

  if(!valid_name(name)) {
    kg_error("unknown named query '%s' (see 'mednum-kg queries')", name);
    return NULL;
  }
  kg_buf_addf(&rel, "queries/%s.rq", name);
  path = kg_ref_path(ref, rel.s);
  kg_buf_release(&rel);
  fh = fopen(path, "rb");
  if(!fh) {
    kg_error("unknown named query '%s' (see 'mednum-kg queries')", name);
    free(path);
    return NULL;
  }
  fclose(fh);
  q = kg_named_from_file(path);
  free(path);
  if(q && !q->name)
    q->name = kg_xstrdup(name);
  return q;
}

char **
kg_named_names(struct kg_ref *ref, size_t *n)
{
  char *dir = kg_ref_path(ref, "queries");
  struct kg_input_list l = KG_INPUT_LIST_INIT;
  size_t i;

  *n = 0;
  if(kg_input_dir_names(dir, ".rq", &l)) {
    kg_input_list_release(&l);
    free(dir);
    return NULL;
  }
  free(dir);
  for(i = 0; i < l.n; i++)       /* "name.rq" -> "name" */
    l.v[i][strlen(l.v[i]) - 3] = '\0';
  KG_GROW(l.v, l.cap, l.n + 1);
  l.v[l.n] = NULL;
  *n = l.n;
  return l.v;
}

void
kg_named_names_free(char **names)
{
  size_t i;

  for(i = 0; names && names[i]; i++)
    free(names[i]);
  free(names);
}

const char *
kg_named_type_name(enum kg_param_type t)
{
  return type_names[t];
}

int
kg_named_list(struct kg_ref *ref, FILE *out)
{
  size_t n, i, j;
  char **names = kg_named_names(ref, &n);
  int rc = names ? 0 : -1;

  for(i = 0; i < n; i++) {
    struct kg_named *q = kg_named_load(ref, names[i]);

    if(!q) {
      rc = -1;
      continue;
    }
    fprintf(out, "%-36s %s\n", names[i], q->summary);
    for(j = 0; j < q->nparams; j++)
      fprintf(out, "    --param %s=%-*s %s%s\n", q->params[j].name,
              (int)(22 - strlen(q->params[j].name)),
              type_names[q->params[j].type], q->params[j].required ?
              "" : "(optional) ", q->params[j].doc);
    kg_named_free(q);
  }
  kg_named_names_free(names);
  return rc;
}

/* ------------------------------------------------------------ binding */

static int
iri_ok(const char *v)
{
  const char *p;

  if(!strchr(v, ':'))
    return 0;
  for(p = v; *p; p++)
    if((unsigned char)*p <= ' ' || strchr("<>\"{}|\\^`", *p))
      return 0;
  return 1;
}

static const struct kg_terr *
territory(struct kg_ref *ref, const char *v)
{
  struct kg_gaz *g = kg_ref_gaz(ref);
  const struct kg_terr *t = NULL, *c[8];
  struct kg_buf key = KG_BUF_INIT;
  const char *colon = strchr(v, ':');

  if(!g)
    return NULL;
  if(colon) {
    /* "region:24", "departement:36", "epci:243600343", "commune:45234" */
    static const char *const kinds[] = { "region", "departement", "epci",
                                         "commune", NULL };
    int k;

    for(k = 0; kinds[k]; k++)
      if(strlen(kinds[k]) == (size_t)(colon - v) &&
         !strncmp(v, kinds[k], (size_t)(colon - v)))
        return kg_gaz_get(g, (enum kg_terr_kind)k, colon + 1);
    return NULL;
  }
  if((v[0] >= '0' && v[0] <= '9') || !strcmp(v, "2A") || !strcmp(v, "2B")) {
    size_t n = strlen(v);

    if(n <= 3)
      t = kg_gaz_get(g, KG_TERR_DEPARTEMENT, v);
    else if(n == 5)
      t = kg_gaz_get(g, KG_TERR_COMMUNE, v);
    else if(n == 9)
      t = kg_gaz_get(g, KG_TERR_EPCI, v);
    return t;
  }
  kg_text_key(v, strlen(v), &key);
  if(kg_gaz_lookup(g, key.s, c, 8))
    t = c[0];
  kg_buf_release(&key);
  return t;
}

/* @value as an escaped SPARQL string literal, into @out. */
static void
string_term(const char *value, struct kg_buf *out)
{
  const char *s;

  kg_buf_addc(out, '"');
  for(s = value; *s; s++) {
    switch(*s) {
      case '"': kg_buf_adds(out, "\\\""); break;
      case '\\': kg_buf_adds(out, "\\\\"); break;
      case '\n': kg_buf_adds(out, "\\n"); break;
      case '\r': kg_buf_adds(out, "\\r"); break;
      case '\t': kg_buf_adds(out, "\\t"); break;
      default: kg_buf_addc(out, *s); break;
    }
  }
  kg_buf_addc(out, '"');
}

/* A report named as 'load' was given it: the IRI of the report (or of its
 * graph, read as the report), a path or file name ("data/nec-cvl-2024.md":
 * its slug is made as the extractor makes it, from the base name without
 * its extension) or the slug itself.  The report's IRI, into @out. */
static int
report_term(struct kg_ref *ref, const char *value, struct kg_buf *out)
{
  const char *base = ref->w->base;
  size_t bl = strlen(base);
  struct kg_buf slug = KG_BUF_INIT;
  const char *name;
  const char *dot;

  if(strstr(value, "://") || !strncmp(value, "urn:", 4)) {
    if(!iri_ok(value))
      return -1;
    if(!strncmp(value, base, bl) && !strncmp(value + bl, "graph/", 6) &&
       value[bl + 6])
      kg_buf_addf(out, "<%sreport/%s>", base, value + bl + 6);
    else
      kg_buf_addf(out, "<%s>", value);
    return 0;
  }
  if(kg_text_utf8_check(value, strlen(value), NULL))
    return -1;
  name = strrchr(value, '/');
  name = name ? name + 1 : value;
  dot = strrchr(name, '.');
  kg_text_slug(name, dot && dot > name ? (size_t)(dot - name) : strlen(name),
               80, &slug);
  if(!slug.len) {
    kg_buf_release(&slug);
    return -1;
  }
  kg_buf_addf(out, "<%sreport/%s>", base, slug.s);
  kg_buf_release(&slug);
  return 0;
}

/* Some text to find an event by: valid UTF-8, no control character, not
 * only spaces; its NFC (the form of the graph's text) as a string. */
static int
event_term(const char *value, struct kg_buf *out)
{
  struct kg_buf nfc = KG_BUF_INIT;
  size_t n = strlen(value);
  const char *s;
  int blank = 1;

  if(!n || n > 500 || kg_text_utf8_check(value, n, NULL))
    return -1;
  for(s = value; *s; s++) {
    if((unsigned char)*s < ' ' || *s == 0x7f)
      return -1;
    if(*s != ' ')
      blank = 0;
  }
  if(blank || kg_text_nfc(value, n, &nfc)) {
    kg_buf_release(&nfc);
    return -1;
  }
  string_term(nfc.s, out);
  kg_buf_release(&nfc);
  return 0;
}

static int
digits(const char *s, int n)
{
  int i;
  int v = 0;

  for(i = 0; i < n; i++) {
    if(s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a real day; as the string it is: the
 * queries compare it with the start of the event's date, so that
 * from=2024 is 1 January and to=2024 is 31 December. */
static int
date_term(const char *value, struct kg_buf *out)
{
  static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                               31 };
  size_t n = strlen(value);
  int y;
  int m;
  int d;

  if(n != 4 && n != 7 && n != 10)
    return -1;
  y = digits(value, 4);
  if(y < 1)
    return -1;
  if(n >= 7) {
    m = value[4] == '-' ? digits(value + 5, 2) : -1;
    if(m < 1 || m > 12)
      return -1;
    if(n == 10) {
      d = value[7] == '-' ? digits(value + 8, 2) : -1;
      if(d < 1 || d > mdays[m - 1])
        return -1;
      if(m == 2 && d == 29 &&
         !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return -1;
    }
  }
  kg_buf_addf(out, "\"%s\"", value);
  return 0;
}

/* The SPARQL term for @value of parameter @p, into @out.  0 or -1. */
static int
term_for(struct kg_ref *ref, const struct kg_param *p, const char *value,
         struct kg_buf *out)
{
  const char *s;

  kg_buf_reset(out);
  switch(p->type) {
    case KG_PARAM_INT:
      s = value;
      if(*s == '-')
        s++;
      if(!*s)
        return -1;
      for(; *s; s++)
        if(*s < '0' || *s > '9')
          return -1;
      kg_buf_adds(out, value);
      return 0;
    case KG_PARAM_IRI:
      if(!iri_ok(value))
        return -1;
      kg_buf_addf(out, "<%s>", value);
      return 0;
    case KG_PARAM_THEME: {
      struct kg_vocab *v = kg_ref_vocab(ref);
      const struct kg_concept *c = v ? kg_vocab_theme(v, value) : NULL;

      if(!c)
        return -1;
      kg_buf_addf(out, "<%s>", c->iri);
      return 0;
    }
    case KG_PARAM_TERRITORY: {
      const struct kg_terr *t = territory(ref, value);
      struct kg_buf rel = KG_BUF_INIT;

      if(!t)
        return -1;
      kg_buf_addf(out, "<%s%s>", ref->w->base, kg_gaz_rel_iri(t, &rel));
      kg_buf_release(&rel);
      return 0;
    }
    case KG_PARAM_REPORT:
      return report_term(ref, value, out);
    case KG_PARAM_EVENT:
      return event_term(value, out);
    case KG_PARAM_DATE:
      return date_term(value, out);
    case KG_PARAM_STRING:
    default:
      string_term(value, out);
      return 0;
  }
}

static int
is_name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

/* Replace $name outside strings, IRIs and comments. */
static char *
substitute(const char *text, const struct kg_named *q, struct kg_buf *terms)
{
  struct kg_buf out = KG_BUF_INIT;
  const char *p = text;

  kg_buf_init(&out);
  while(*p) {
    if(*p == '#') {
      const char *eol = strchr(p, '\n');
      size_t n = eol ? (size_t)(eol - p) : strlen(p);

      kg_buf_add(&out, p, n);
      p += n;
    } else if(*p == '"' || *p == '\'') {
      char quote = *p;
      int triple = p[1] == quote && p[2] == quote;
      const char *e = p + (triple ? 3 : 1);

      while(*e) {
        if(*e == '\\' && e[1]) {
          e += 2;
          continue;
        }
        if(*e == quote && (!triple || (e[1] == quote && e[2] == quote))) {
          e += triple ? 3 : 1;
          break;
        }
        e++;
      }
      kg_buf_add(&out, p, (size_t)(e - p));
      p = e;
    } else if(*p == '<' && p[1] && !strchr(" =", p[1])) {
      const char *e = p + 1;

      while(*e && *e != '>' && *e != ' ' && *e != '\n')
        e++;
      if(*e == '>')
        e++;
      kg_buf_add(&out, p, (size_t)(e - p));
      p = e;
    } else if(*p == '$' || *p == '?') {
      const char *e = p + 1;
      size_t i;
      int done = 0;

      while(is_name_char(*e))
        e++;
      if(*p == '$')
        for(i = 0; i < q->nparams; i++)
          if(strlen(q->params[i].name) == (size_t)(e - p - 1) &&
             !strncmp(q->params[i].name, p + 1, (size_t)(e - p - 1)) &&
             terms[i].len) {
            kg_buf_add(&out, terms[i].s, terms[i].len);
            done = 1;
            break;
          }
      if(!done)
        kg_buf_add(&out, p, (size_t)(e - p));
      p = e;
    } else {
      kg_buf_addc(&out, *p);
      p++;
    }
  }
  return kg_buf_detach(&out);
}

char *
kg_named_bind(struct kg_ref *ref, const struct kg_named *q, char **assign,
              size_t nassign)
{
  struct kg_buf *terms = kg_xcalloc(q->nparams ? q->nparams : 1,
                                    sizeof(struct kg_buf));
  char *res = NULL;
  size_t i, j;

  for(i = 0; i < nassign; i++) {
    const char *eq = strchr(assign[i], '=');
    size_t nl = eq ? (size_t)(eq - assign[i]) : 0;

    if(!eq || !nl) {
      kg_error("bad --param '%s' (want NAME=VALUE)", assign[i]);
      goto out;
    }
    for(j = 0; j < q->nparams; j++)
      if(strlen(q->params[j].name) == nl &&
         !strncmp(q->params[j].name, assign[i], nl))
        break;
    if(j == q->nparams) {
      kg_error("unknown parameter '%.*s' for query '%s'", (int)nl, assign[i],
               q->name ? q->name : q->path);
      goto out;
    }
    if(term_for(ref, &q->params[j], eq + 1, &terms[j])) {
      const char *tn = type_names[q->params[j].type];

      kg_error("bad value '%s' for parameter '%s' (%s %s%s)", eq + 1,
               q->params[j].name, strchr("aeiou", tn[0]) ? "an" : "a", tn,
               type_hints[q->params[j].type]);
      goto out;
    }
  }
  for(j = 0; j < q->nparams; j++)
    if(q->params[j].required && !terms[j].len) {
      kg_error("query '%s' needs --param %s=VALUE (%s)",
               q->name ? q->name : q->path, q->params[j].name,
               q->params[j].doc);
      goto out;
    }
  res = substitute(q->text, q, terms);
out:
  for(j = 0; j < q->nparams; j++)
    kg_buf_release(&terms[j]);
  free(terms);
  return res;
}
