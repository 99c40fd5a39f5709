/* value.c - SPARQL values: RDF terms classified by datatype (RDF 1.1:
 * "x"^^xsd:string is "x"), their conversions to and from librdf nodes and
 * rasqal literals, equality and order of the operator mapping, the
 * effective boolean value and the XSD casts of SPARQL 1.1 section 17.5. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <math.h>

#include "base/buf.h"
#include "sparql/term.h"
#include "sparql/value.h"

static const char *const integer_types[] = {
  "integer", "long", "int", "short", "byte", "nonNegativeInteger",
  "positiveInteger", "nonPositiveInteger", "negativeInteger",
  "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", NULL
};

void
kg_value_release(struct kg_value *v)
{
  if(v->kind == KG_VALUE_NONE)
    return;
  if(v->kind == KG_VALUE_INTEGER || v->kind == KG_VALUE_DECIMAL)
    mpz_clear(v->z);
  free(v->lex);
  free(v->dt);
  free(v->lang);
  memset(v, 0, sizeof(*v));
}

static char *
dup_n(const char *s, size_t n)
{
  char *d = kg_xmalloc(n + 1);

  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

/* The kind of a literal of XSD type @local (after "xsd:"). */
static enum kg_value_kind
xsd_kind(const char *local)
{
  int i;

  for(i = 0; integer_types[i]; i++)
    if(!strcmp(local, integer_types[i]))
      return KG_VALUE_INTEGER;
  if(!strcmp(local, "decimal"))
    return KG_VALUE_DECIMAL;
  if(!strcmp(local, "float"))
    return KG_VALUE_FLOAT;
  if(!strcmp(local, "double"))
    return KG_VALUE_DOUBLE;
  if(!strcmp(local, "boolean"))
    return KG_VALUE_BOOLEAN;
  if(!strcmp(local, "dateTime"))
    return KG_VALUE_DATETIME;
  if(!strcmp(local, "date"))
    return KG_VALUE_DATE;
  if(!strcmp(local, "string"))
    return KG_VALUE_STRING;
  return KG_VALUE_OTHER;
}

/* Parses v->lex as a value of @kind (OTHER when ill-typed). */
static void
classify(struct kg_value *v, enum kg_value_kind kind)
{
  v->kind = kind;
  switch(kind) {
    case KG_VALUE_BOOLEAN:
      if(!strcmp(v->lex, "true") || !strcmp(v->lex, "1"))
        v->b = 1;
      else if(!strcmp(v->lex, "false") || !strcmp(v->lex, "0"))
        v->b = 0;
      else
        v->kind = KG_VALUE_OTHER;
      break;
    case KG_VALUE_INTEGER:
    case KG_VALUE_DECIMAL:
    case KG_VALUE_FLOAT:
    case KG_VALUE_DOUBLE:
      kg_numeric_parse(v, kind, v->lex);
      break;
    case KG_VALUE_DATETIME:
    case KG_VALUE_DATE:
      if(kg_datetime_parse(&v->t, kind, v->lex))
        v->kind = KG_VALUE_OTHER;
      break;
    default:
      break;
  }
}

void
kg_value_set_literal(struct kg_value *v, const char *s, size_t len,
                     const char *lang, const char *dt)
{
  memset(v, 0, sizeof(*v));
  v->lex = dup_n(s, len);
  v->len = len;
  if(lang && *lang) {
    v->kind = KG_VALUE_LANG;
    v->lang = kg_xstrdup(lang);
    return;
  }
  if(!dt || !strcmp(dt, KG_XSD "string")) {
    v->kind = KG_VALUE_STRING;
    return;
  }
  v->dt = kg_xstrdup(dt);
  if(strncmp(dt, KG_XSD, strlen(KG_XSD)) || strlen(v->lex) != len) {
    v->kind = KG_VALUE_OTHER;
    return;
  }
  classify(v, xsd_kind(dt + strlen(KG_XSD)));
}

void
kg_value_set_iri(struct kg_value *v, const char *iri)
{
  memset(v, 0, sizeof(*v));
  v->kind = KG_VALUE_IRI;
  v->lex = kg_xstrdup(iri);
  v->len = strlen(iri);
}

void
kg_value_set_boolean(struct kg_value *v, int b)
{
  kg_value_set_literal(v, b ? "true" : "false", b ? 4 : 5, NULL,
                       KG_XSD "boolean");
}

void
kg_value_set_string(struct kg_value *v, const char *s, size_t len,
                    const char *lang)
{
  kg_value_set_literal(v, s, len, lang, NULL);
}

void
kg_value_from_node(struct kg_value *v, librdf_node *n)
{
  size_t len;
  const char *s;

  memset(v, 0, sizeof(*v));
  if(!n)
    return;
  if(librdf_node_is_resource(n)) {
    kg_value_set_iri(v, (const char *)
                     librdf_uri_as_string(librdf_node_get_uri(n)));
  } else if(librdf_node_is_literal(n)) {
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

    s = (const char *)librdf_node_get_literal_value_as_counted_string(n,
                                                                      &len);
    kg_value_set_literal(v, s ? s : "", s ? len : 0,
                         librdf_node_get_literal_value_language(n),
                         dt ? (const char *)librdf_uri_as_string(dt) : NULL);
  } else {
    s = (const char *)librdf_node_get_counted_blank_identifier(n, &len);
    v->kind = KG_VALUE_BLANK;
    v->lex = dup_n(s, len);
    v->len = len;
  }
}

/* rasqal 0.9.33 writes the timezone of a dateTime constant wrongly when
 * it has minutes ("-03:30" -> "-03:3\""): the offset is rewritten from
 * the parsed value. */
static int
datetime_constant(struct kg_value *v, const char *s,
                  const rasqal_xsd_datetime *d)
{
  char buf[128];
  const char *t = strchr(s, 'T');
  size_t n = t ? strcspn(t, "+-Z") : 0;
  int tz = d->timezone_minutes;

  if(t && d->have_tz == 'Y' && t[n]) {
    snprintf(buf, sizeof buf, "%.*s%c%02d:%02d", (int)(t - s + n), s,
             tz < 0 ? '-' : '+', abs(tz) / 60, abs(tz) % 60);
    s = buf;
  }
  kg_value_set_literal(v, s, strlen(s), NULL, KG_XSD "dateTime");
  return 0;
}

int
kg_value_from_literal(struct kg_value *v, rasqal_literal *l)
{
  struct kg_buf lex = KG_BUF_INIT;
  const char *s;
  size_t len;
  raptor_uri *dt;

  memset(v, 0, sizeof(*v));
  if(!l || rasqal_literal_as_variable(l))
    return -1;
  if(l->type == RASQAL_LITERAL_URI) {
    kg_value_set_iri(v, (const char *)raptor_uri_as_string(l->value.uri));
    return 0;
  }
  s = kg_term_lexical(l, &lex, &len);  /* in @lex for an xsd:date only */
  if(!s)
    return -1;
  if(l->type == RASQAL_LITERAL_BLANK) {
    v->kind = KG_VALUE_BLANK;
    v->lex = kg_xstrdup(s);
    v->len = strlen(s);
    return 0;
  }
  dt = rasqal_literal_datatype(l);
  if(l->type == RASQAL_LITERAL_DATETIME && l->value.datetime)
    return datetime_constant(v, s, l->value.datetime);
  /* rasqal's parser types an integer beyond 32 bits as xsd:decimal */
  if(l->type == RASQAL_LITERAL_DECIMAL && !strchr(s, '.') &&
     !strpbrk(s, "eE")) {
    kg_value_set_literal(v, s, strlen(s), NULL, KG_XSD "integer");
    return 0;
  }
  kg_value_set_literal(v, s, strlen(s), l->language,
                       dt ? (const char *)raptor_uri_as_string(dt) : NULL);
  kg_buf_release(&lex);
  return 0;
}

librdf_node *
kg_value_literal_node(librdf_world *w, rasqal_literal *l)
{
  struct kg_value v;
  librdf_node *n;

  if(kg_value_from_literal(&v, l))
    return NULL;
  n = kg_value_to_node(w, &v);
  kg_value_release(&v);
  return n;
}

void
kg_value_copy(struct kg_value *dst, const struct kg_value *src)
{
  *dst = *src;
  if(src->kind == KG_VALUE_NONE)
    return;
  dst->lex = src->lex ? dup_n(src->lex, src->len) : NULL;
  dst->dt = src->dt ? kg_xstrdup(src->dt) : NULL;
  dst->lang = src->lang ? kg_xstrdup(src->lang) : NULL;
  if(src->kind == KG_VALUE_INTEGER || src->kind == KG_VALUE_DECIMAL)
    mpz_init_set(dst->z, src->z);
}

librdf_node *
kg_value_to_node(librdf_world *w, const struct kg_value *v)
{
  librdf_uri *dt = NULL;
  librdf_node *n;

  switch(v->kind) {
    case KG_VALUE_NONE:
      return NULL;
    case KG_VALUE_IRI:
      return librdf_new_node_from_uri_string(w, (const unsigned char *)v->lex);
    case KG_VALUE_BLANK:
      return librdf_new_node_from_blank_identifier(w,
               (const unsigned char *)v->lex);
    default:
      if(v->dt)
        dt = librdf_new_uri(w, (const unsigned char *)v->dt);
      n = librdf_new_node_from_typed_counted_literal(w,
            (const unsigned char *)v->lex, v->len, v->lang,
            v->lang ? strlen(v->lang) : 0, dt);
      if(dt)
        librdf_free_uri(dt);
      return n;
  }
}

static unsigned char *
rdup(const char *s, size_t len)
{
  unsigned char *d = rasqal_alloc_memory(len + 1);

  memcpy(d, s, len);
  d[len] = '\0';
  return d;
}

rasqal_literal *
kg_value_to_literal(rasqal_world *rw, const struct kg_value *v)
{
  raptor_world *r = rasqal_world_get_raptor(rw);

  switch(v->kind) {
    case KG_VALUE_NONE:
      return NULL;
    case KG_VALUE_IRI:
      return rasqal_new_uri_literal(rw, raptor_new_uri(r,
               (const unsigned char *)v->lex));
    case KG_VALUE_BLANK:
      return rasqal_new_simple_literal(rw, RASQAL_LITERAL_BLANK,
                                       rdup(v->lex, v->len));
    default:
      return rasqal_new_string_literal(rw, rdup(v->lex, v->len),
               v->lang ? (const char *)rdup(v->lang, strlen(v->lang)) : NULL,
               v->dt ? raptor_new_uri(r, (const unsigned char *)v->dt) : NULL,
               NULL);
  }
}

const char *
kg_value_datatype(const struct kg_value *v)
{
  if(v->kind == KG_VALUE_STRING)
    return KG_XSD "string";
  if(v->kind == KG_VALUE_LANG)
    return KG_RDF_LANGSTRING;
  return v->dt;
}

int
kg_value_is_literal(const struct kg_value *v)
{
  return v->kind >= KG_VALUE_STRING;
}

int
kg_value_ebv(const struct kg_value *v)
{
  switch(v->kind) {
    case KG_VALUE_BOOLEAN:
      return v->b;
    case KG_VALUE_STRING:
    case KG_VALUE_LANG:       /* a "plain literal" of SPARQL 17.2.2 */
      return v->len > 0;
    case KG_VALUE_INTEGER:
    case KG_VALUE_DECIMAL:
    case KG_VALUE_FLOAT:
    case KG_VALUE_DOUBLE:
      return !kg_numeric_is_false(v);
    case KG_VALUE_OTHER:
      /* an ill-typed boolean or number is false (SPARQL 17.2.2) */
      if(v->dt && strncmp(v->dt, KG_XSD, strlen(KG_XSD)) == 0) {
        enum kg_value_kind k = xsd_kind(v->dt + strlen(KG_XSD));

        if(k == KG_VALUE_BOOLEAN || KG_VALUE_IS_NUMERIC(k))
          return 0;
      }
      return -1;
    default:
      return -1;
  }
}

int
kg_value_same_term(const struct kg_value *a, const struct kg_value *b)
{
  int lit_a = kg_value_is_literal(a);

  if(a->kind == KG_VALUE_NONE || b->kind == KG_VALUE_NONE)
    return 0;
  if(lit_a != kg_value_is_literal(b))
    return 0;
  if(!lit_a && a->kind != b->kind)
    return 0;
  if(a->len != b->len || memcmp(a->lex, b->lex, a->len))
    return 0;
  if(!lit_a)
    return 1;
  if(!a->lang != !b->lang || (a->lang && strcasecmp(a->lang, b->lang)))
    return 0;
  return !a->dt == !b->dt && (!a->dt || !strcmp(a->dt, b->dt));
}

static int
bytes_cmp(const struct kg_value *a, const struct kg_value *b)
{
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->lex, b->lex, n);

  if(c)
    return c < 0 ? -1 : 1;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* -1, 0, 1 for two values the operator mapping orders; 2 unordered
 * (NaN, indeterminate dates); 3 when the types do not compare. */
static int
typed_cmp(const struct kg_value *a, const struct kg_value *b)
{
  if(KG_VALUE_IS_NUMERIC(a->kind) && KG_VALUE_IS_NUMERIC(b->kind))
    return kg_numeric_cmp(a, b);
  if(a->kind != b->kind)
    return 3;
  switch(a->kind) {
    case KG_VALUE_STRING:
      return bytes_cmp(a, b);
    case KG_VALUE_BOOLEAN:
      return a->b - b->b;
    case KG_VALUE_DATETIME:
    case KG_VALUE_DATE:
      return kg_datetime_cmp(&a->t, &b->t);
    default:
      return 3;
  }
}

/* RDFterm-equal extended to language-tagged strings: 1, 0 or -1. */
static int
term_equal(const struct kg_value *a, const struct kg_value *b)
{
  if(kg_value_same_term(a, b))
    return 1;
  if(!kg_value_is_literal(a) || !kg_value_is_literal(b))
    return 0;
  if(a->kind == KG_VALUE_OTHER || b->kind == KG_VALUE_OTHER)
    return -1;
  return 0;
}

int
kg_value_compare(const struct kg_value *a, const struct kg_value *b, int op)
{
  int c = typed_cmp(a, b);

  if(op == '=' || op == '!') {
    int eq;

    if(c == 3)
      eq = term_equal(a, b);
    else if(c == 2)
      eq = (KG_VALUE_IS_NUMERIC(a->kind)) ? 0 : -1;
    else
      eq = c == 0;
    if(eq < 0)
      return -1;
    return op == '=' ? eq : !eq;
  }
  if(c == 3 || (c == 2 && !KG_VALUE_IS_NUMERIC(a->kind)))
    return -1;
  if(c == 2)
    return 0;
  switch(op) {
    case '<': return c < 0;
    case '>': return c > 0;
    case 'l': return c <= 0;
    default: return c >= 0;
  }
}

static int
rank(const struct kg_value *v)
{
  switch(v->kind) {
    case KG_VALUE_NONE: return 0;
    case KG_VALUE_BLANK: return 1;
    case KG_VALUE_IRI: return 2;
    default: return 3;
  }
}

static int
str_cmp0(const char *a, const char *b)
{
  int c = strcmp(a ? a : "", b ? b : "");

  return c < 0 ? -1 : c > 0;
}

int
kg_value_order(const struct kg_value *a, const struct kg_value *b)
{
  int ra = rank(a);
  int rb = rank(b);
  int c;

  if(ra != rb)
    return ra < rb ? -1 : 1;
  if(ra == 0)
    return 0;
  if(ra < 3)
    return bytes_cmp(a, b);
  c = typed_cmp(a, b);
  if(c == -1 || c == 1)
    return c;
  /* Equal numbers tie whatever their types (0 and "0"^^xsd:float): "<"
   * does not order them (SPARQL 1.1 15.1), so the next key decides. */
  if(c == 0 && (a->kind == b->kind ||
                (KG_VALUE_IS_NUMERIC(a->kind) && KG_VALUE_IS_NUMERIC(b->kind))))
    return 0;
  /* anything else: lexical form, language, datatype */
  c = bytes_cmp(a, b);
  if(c)
    return c;
  c = str_cmp0(a->lang, b->lang);
  if(c)
    return c;
  return str_cmp0(kg_value_datatype(a), kg_value_datatype(b));
}

/* ----------------------------------------------------------------- casts */

/* XPath F&O 3.1 19.1.2 (casting xs:double or xs:float to xs:string): a
 * value of absolute value in [1e-6, 1e6) is written as the xs:decimal it
 * converts to ("1", "0.1", "-12.5"), zero as "0" or "-0"; other values
 * keep the canonical mantissa-E-exponent form.  @lex is the canonical form
 * ("-1.25E1"); the decimal form, if it applies, goes into @out (room for
 * 64 bytes) and 1 is returned. */
static int
double_string_as_decimal(const char *lex, double d, char *out)
{
  char digits[40];
  size_t nd = 0;
  const char *p = lex;
  long e;
  char *o = out;
  long i;

  if(d != d || d == HUGE_VAL || d == -HUGE_VAL)
    return 0;
  if(d == 0) {
    strcpy(out, signbit(d) ? "-0" : "0");
    return 1;
  }
  if(fabs(d) < 1e-6 || fabs(d) >= 1e6)
    return 0;
  if(*p == '-')
    *o++ = *p++;
  for(; *p && *p != 'E' && *p != 'e'; p++)
    if(*p >= '0' && *p <= '9' && nd < sizeof(digits))
      digits[nd++] = *p;
  if(*p != 'E' && *p != 'e')
    return 0;
  e = strtol(p + 1, NULL, 10);       /* value = d0.d1d2... * 10^e */
  while(nd > 1 && digits[nd - 1] == '0')
    nd--;
  if(e < -7 || e > 6)
    return 0;
  if(e < 0) {
    *o++ = '0';
    *o++ = '.';
    for(i = -1; i > e; i--)
      *o++ = '0';
    memcpy(o, digits, nd);
    o += nd;
  } else {
    for(i = 0; i <= e; i++)
      *o++ = (size_t)i < nd ? digits[i] : '0';
    if((size_t)e + 1 < nd) {
      *o++ = '.';
      memcpy(o, digits + e + 1, nd - (size_t)e - 1);
      o += nd - (size_t)e - 1;
    }
  }
  *o = '\0';
  return 1;
}

static int
cast_to_string(struct kg_value *r, const struct kg_value *a)
{
  if(a->kind == KG_VALUE_BLANK || a->kind == KG_VALUE_LANG)
    return -1;
  if(KG_VALUE_IS_NUMERIC(a->kind)) {
    struct kg_value c;
    char dec[64];

    kg_value_copy(&c, a);
    kg_numeric_canonical(&c);
    if((c.kind == KG_VALUE_DOUBLE || c.kind == KG_VALUE_FLOAT) &&
       c.len < 40 && double_string_as_decimal(c.lex, c.d, dec))
      kg_value_set_string(r, dec, strlen(dec), NULL);
    else
      kg_value_set_string(r, c.lex, c.len, NULL);
    kg_value_release(&c);
    return 0;
  }
  if(a->kind == KG_VALUE_BOOLEAN) {
    kg_value_set_string(r, a->b ? "true" : "false", a->b ? 4 : 5, NULL);
    return 0;
  }
  kg_value_set_string(r, a->lex, a->len, NULL);
  return 0;
}

static int
cast_to_boolean(struct kg_value *r, const struct kg_value *a)
{
  int b;

  if(KG_VALUE_IS_NUMERIC(a->kind)) {
    kg_value_set_boolean(r, !kg_numeric_is_false(a));
    return 0;
  }
  if(a->kind == KG_VALUE_BOOLEAN) {
    kg_value_set_boolean(r, a->b);
    return 0;
  }
  if(a->kind != KG_VALUE_STRING)
    return -1;
  kg_value_set_literal(r, a->lex, a->len, NULL, KG_XSD "boolean");
  if(r->kind != KG_VALUE_BOOLEAN) {
    kg_value_release(r);
    return -1;
  }
  b = r->b;
  kg_value_release(r);
  kg_value_set_boolean(r, b);
  return 0;
}

/* A string cast to a number, date or dateTime: the lexical form must be
 * in the type's space (XSD whitespace collapse not applied). */
static int
cast_from_string(struct kg_value *r, const struct kg_value *a,
                 enum kg_value_kind kind, const char *dt)
{
  kg_value_set_literal(r, a->lex, a->len, NULL, dt);
  if(r->kind != kind) {
    kg_value_release(r);
    return -1;
  }
  if(KG_VALUE_IS_NUMERIC(kind) && kind != KG_VALUE_INTEGER)
    kg_numeric_canonical(r);
  if(kind == KG_VALUE_INTEGER)
    kg_numeric_canonical(r);
  return 0;
}

int
kg_value_cast(struct kg_value *r, const struct kg_value *a, const char *dt)
{
  enum kg_value_kind k;

  memset(r, 0, sizeof(*r));
  if(strncmp(dt, KG_XSD, strlen(KG_XSD)))
    return -1;
  k = xsd_kind(dt + strlen(KG_XSD));
  if(k == KG_VALUE_STRING)
    return cast_to_string(r, a);
  if(k == KG_VALUE_BOOLEAN) {
    if(cast_to_boolean(r, a))
      return -1;
    return 0;
  }
  if(k == KG_VALUE_OTHER || (k == KG_VALUE_INTEGER &&
                             strcmp(dt, KG_XSD "integer")))
    return -1;
  if(a->kind == KG_VALUE_STRING)
    return cast_from_string(r, a, k, dt);
  if(KG_VALUE_IS_NUMERIC(k)) {
    if(a->kind == KG_VALUE_BOOLEAN) {
      struct kg_value one;
      int rc;

      kg_numeric_set_integer(&one, a->b);
      rc = kg_numeric_convert(r, &one, k);
      kg_value_release(&one);
      return rc;
    }
    return kg_numeric_convert(r, a, k);
  }
  /* dateTime, date: from the same type, or dateTime -> date */
  if(a->kind == k) {
    kg_value_copy(r, a);
    return 0;
  }
  if(a->kind == KG_VALUE_DATETIME && k == KG_VALUE_DATE) {
    char buf[64];
    size_t n = strcspn(a->lex, "T");

    snprintf(buf, sizeof buf, "%.*s%s", (int)n, a->lex,
             a->lex + n + strcspn(a->lex + n, "Z+-"));
    kg_value_set_literal(r, buf, strlen(buf), NULL, dt);
    return r->kind == KG_VALUE_DATE ? 0 : (kg_value_release(r), -1);
  }
  return -1;
}
