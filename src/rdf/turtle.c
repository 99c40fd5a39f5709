/* turtle.c - pretty Turtle for sorted statements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/ns.h"
#include "rdf/turtle.h"

#define RDF_TYPE KG_NS_RDF "type"
#define MAX_PREFIXES 32

struct prefix {
  const char *name;
  const char *iri;
  size_t len;
};

#define SEEN_IRIS 256   /* a power of two */

struct writer {
  FILE *out;
  struct prefix p[MAX_PREFIXES];
  size_t np;
  /* the prefix chosen for an IRI seen lately (raptor keeps one raptor_uri
   * per IRI string), by its address: predicates and classes recur */
  raptor_uri *seen[SEEN_IRIS];
  size_t seen_best[SEEN_IRIS];
};

static int
local_ok(const unsigned char *s, size_t n)
{
  size_t i;

  if(!n || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') ||
             s[0] == '_'))
    return 0;
  for(i = 1; i < n; i++)
    if(!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
         (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
      return 0;
  return 1;
}

static int
iri_escaped(unsigned char c)
{
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
         c == '}' || c == '|' || c == '^' || c == '`' || c == '\\';
}

/* The longest prefix of IRI s[0..len) whose rest is a local name, the
 * first declared among equals; MAX_PREFIXES if none. */
static size_t
best_prefix(const struct writer *w, const unsigned char *s, size_t len)
{
  size_t i, best = MAX_PREFIXES;

  for(i = 0; i < w->np; i++)
    if(len > w->p[i].len && !memcmp(s, w->p[i].iri, w->p[i].len) &&
       local_ok(s + w->p[i].len, len - w->p[i].len) &&
       (best == MAX_PREFIXES || w->p[i].len > w->p[best].len))
      best = i;
  return best;
}

static void
write_iri(struct writer *w, raptor_uri *u)
{
  size_t len, i, best;
  const unsigned char *s = raptor_uri_as_counted_string(u, &len);
  size_t h = ((size_t)u >> 4) & (SEEN_IRIS - 1);

  if(w->seen[h] != u) {
    w->seen[h] = u;
    w->seen_best[h] = best_prefix(w, s, len);
  }
  best = w->seen_best[h];
  if(best != MAX_PREFIXES) {
    fputs(w->p[best].name, w->out);
    fputc(':', w->out);
    fwrite(s + w->p[best].len, 1, len - w->p[best].len, w->out);
    return;
  }
  fputc('<', w->out);
  for(i = 0; i < len;) {
    size_t run = i;

    /* the characters that need no escape, in one write */
    while(run < len && !iri_escaped(s[run]))
      run++;
    fwrite(s + i, 1, run - i, w->out);
    if(run < len)
      fprintf(w->out, "\\u%04X", s[run++]);
    i = run;
  }
  fputc('>', w->out);
}

/* A character of a string literal written as it is. */
static int
string_plain(unsigned char c)
{
  return c >= 0x20 && c != 0x7F && c != '"' && c != '\\';
}

static void
write_string(FILE *out, const unsigned char *s, size_t len)
{
  size_t i;

  fputc('"', out);
  for(i = 0; i < len; i++) {
    size_t run = i;

    while(run < len && string_plain(s[run]))
      run++;
    fwrite(s + i, 1, run - i, out);   /* the plain ones in one write */
    if(run == len)
      break;
    i = run;
    switch(s[i]) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      case '\t': fputs("\\t", out); break;
      default: fprintf(out, "\\u%04X", s[i]); break;
    }
  }
  fputc('"', out);
}

static int
bare_integer(const unsigned char *s, size_t n)
{
  size_t i = 0;

  if(n && (s[0] == '-' || s[0] == '+'))
    i++;
  if(i == n || (s[i] == '0' && n - i > 1))
    return 0;
  for(; i < n; i++)
    if(s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

static void
write_term(struct writer *w, raptor_term *t)
{
  switch(t->type) {
    case RAPTOR_TERM_TYPE_URI:
      write_iri(w, t->value.uri);
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      fputs("_:", w->out);
      fwrite(t->value.blank.string, 1, t->value.blank.string_len, w->out);
      break;
    case RAPTOR_TERM_TYPE_LITERAL: {
      const unsigned char *s = t->value.literal.string;
      size_t n = t->value.literal.string_len;
      const char *dt = t->value.literal.datatype
        ? (const char *)raptor_uri_as_string(t->value.literal.datatype) : NULL;

      if(dt && !strcmp(dt, KG_NS_XSD "integer") && bare_integer(s, n)) {
        fwrite(s, 1, n, w->out);
        break;
      }
      if(dt && !strcmp(dt, KG_NS_XSD "boolean") &&
         ((n == 4 && !memcmp(s, "true", 4)) ||
          (n == 5 && !memcmp(s, "false", 5)))) {
        fwrite(s, 1, n, w->out);
        break;
      }
      write_string(w->out, s, n);
      if(t->value.literal.language) {
        fputc('@', w->out);
        fputs((const char *)t->value.literal.language, w->out);
      } else if(dt) {
        fputs("^^", w->out);
        write_iri(w, t->value.literal.datatype);
      }
      break;
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      break;
  }
}

static int
term_in(raptor_term *t, const char *ns, size_t nl)
{
  const unsigned char *u;
  size_t ul;

  if(!t)
    return 0;
  if(t->type == RAPTOR_TERM_TYPE_LITERAL) {
    if(!t->value.literal.datatype)
      return 0;
    u = raptor_uri_as_counted_string(t->value.literal.datatype, &ul);
  } else if(t->type == RAPTOR_TERM_TYPE_URI) {
    u = raptor_uri_as_counted_string(t->value.uri, &ul);
  } else {
    return 0;
  }
  return ul > nl && !memcmp(u, ns, nl);
}

int
kg_turtle_uses_namespace(raptor_statement **v, size_t n, const char *ns)
{
  size_t i, nl = strlen(ns);

  for(i = 0; i < n; i++)
    if(term_in(v[i]->subject, ns, nl) || term_in(v[i]->predicate, ns, nl) ||
       term_in(v[i]->object, ns, nl))
      return 1;
  return 0;
}

/* Marks in @used the namespaces of @c that term @t is in; an IRI marked
 * lately (@seen, by address) has nothing more to mark. */
static void
mark_used(raptor_term *t, const struct prefix *c, size_t nc, char *used,
          raptor_uri **seen)
{
  const unsigned char *s;
  raptor_uri *u;
  size_t ul, k, h;

  if(!t)
    return;
  if(t->type == RAPTOR_TERM_TYPE_LITERAL && t->value.literal.datatype)
    u = t->value.literal.datatype;
  else if(t->type == RAPTOR_TERM_TYPE_URI)
    u = t->value.uri;
  else
    return;
  h = ((size_t)u >> 4) & (SEEN_IRIS - 1);
  if(seen[h] == u)
    return;
  seen[h] = u;
  s = raptor_uri_as_counted_string(u, &ul);
  for(k = 0; k < nc; k++)
    if(!used[k] && ul > c[k].len && !memcmp(s, c[k].iri, c[k].len))
      used[k] = 1;
}

static int
is_rdf_type(raptor_term *t)
{
  return t->type == RAPTOR_TERM_TYPE_URI &&
         !strcmp((const char *)raptor_uri_as_string(t->value.uri), RDF_TYPE);
}

/* Declares, in the order of @c, the prefixes the statements use: in an
 * IRI subject or object, a datatype, or a predicate other than rdf:type
 * (written 'a').  One pass over the statements; an IRI met lately is not
 * looked at again. */
static void
declare_prefixes(struct writer *w, raptor_statement **v, size_t n,
                 const struct prefix *c, size_t nc)
{
  char *used = kg_xcalloc(nc + 1, 1);
  raptor_uri **seen = kg_xcalloc(SEEN_IRIS, sizeof(*seen));
  size_t i, k;

  for(i = 0; i < n; i++) {
    mark_used(v[i]->subject, c, nc, used, seen);
    if(!is_rdf_type(v[i]->predicate))
      mark_used(v[i]->predicate, c, nc, used, seen);
    mark_used(v[i]->object, c, nc, used, seen);
  }
  for(k = 0; k < nc; k++)
    if(used[k] && w->np < MAX_PREFIXES) {
      w->p[w->np++] = c[k];
      fprintf(w->out, "@prefix %s: <%s> .\n", c[k].name, c[k].iri);
    }
  free(used);
  free(seen);
}

static void
prefix_set(struct prefix *p, const char *name, const char *iri)
{
  p->name = name;
  p->iri = iri;
  p->len = strlen(iri);
}

int
kg_turtle_write(raptor_statement **v, size_t n, const char *base, FILE *out)
{
  struct writer w;
  struct prefix *c;  /* the candidate prefixes, in the order declared */
  size_t i, nc;

  memset(&w, 0, sizeof w);
  w.out = out;
  for(nc = 0; kg_prefixes[nc].prefix; nc++)
    ;
  c = kg_xcalloc(nc + 2, sizeof(*c));
  prefix_set(&c[0], "rdf", KG_NS_RDF);
  for(i = 0; i < nc; i++)
    prefix_set(&c[i + 1], kg_prefixes[i].prefix, kg_prefixes[i].iri);
  prefix_set(&c[nc + 1], "mnid", base);
  declare_prefixes(&w, v, n, c, nc + 2);
  for(i = 0; i < n; i++) {
    raptor_statement *s = v[i];
    int same_s = i && raptor_term_equals(v[i - 1]->subject, s->subject);
    int same_p = same_s && raptor_term_equals(v[i - 1]->predicate,
                                              s->predicate);

    if(same_p) {
      fputs(", ", out);
    } else {
      if(same_s) {
        fputs(" ;\n    ", out);
      } else {
        if(i)
          fputs(" .\n", out);
        fputc('\n', out);
        write_term(&w, s->subject);
        fputs("\n    ", out);
      }
      if(s->predicate->type == RAPTOR_TERM_TYPE_URI &&
         !strcmp((const char *)raptor_uri_as_string(s->predicate->value.uri),
                 RDF_TYPE))
        fputc('a', out);
      else
        write_term(&w, s->predicate);
      fputc(' ', out);
    }
    write_term(&w, s->object);
  }
  if(n)
    fputs(" .\n", out);
  free(c);
  return ferror(out) ? -1 : 0;
}
