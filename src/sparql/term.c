/* term.c - RDF terms in the query layer: node <-> literal, N-Triples form. */
#include <string.h>

#include "base/buf.h"
#include "rdf/ns.h"
#include "sparql/term.h"

static void
buf_esc(struct kg_buf *b, const unsigned char *s, size_t len)
{
  size_t i;

  for(i = 0; i < len; i++) {
    unsigned char c = s[i];

    switch(c) {
      case '"': kg_buf_adds(b, "\\\""); break;
      case '\\': kg_buf_adds(b, "\\\\"); break;
      case '\n': kg_buf_adds(b, "\\n"); break;
      case '\r': kg_buf_adds(b, "\\r"); break;
      case '\t': kg_buf_adds(b, "\\t"); break;
      default:
        if(c < 0x20 || c == 0x7f)
          kg_buf_addf(b, "\\u%04X", c);
        else
          kg_buf_addc(b, c);
    }
  }
}

void
kg_term_nt(struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const unsigned char *s;

  if(!n)
    return;
  if(librdf_node_is_resource(n)) {
    kg_buf_addc(b, '<');
    kg_buf_adds(b, (const char *)librdf_uri_as_string(librdf_node_get_uri(n)));
    kg_buf_addc(b, '>');
  } else if(librdf_node_is_literal(n)) {
    const char *lang = librdf_node_get_literal_value_language(n);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

    s = librdf_node_get_literal_value_as_counted_string(n, &len);
    kg_buf_addc(b, '"');
    buf_esc(b, s, len);
    kg_buf_addc(b, '"');
    if(lang && *lang) {
      kg_buf_addc(b, '@');
      kg_buf_adds(b, lang);
    } else if(dt && strcmp((const char *)librdf_uri_as_string(dt),
                           "http://www.w3.org/2001/XMLSchema#string")) {
      kg_buf_adds(b, "^^<");
      kg_buf_adds(b, (const char *)librdf_uri_as_string(dt));
      kg_buf_addc(b, '>');
    }
  } else {
    s = librdf_node_get_counted_blank_identifier(n, &len);
    kg_buf_adds(b, "_:");
    kg_buf_add(b, s, len);
  }
}

unsigned char *
kg_term_dup(const char *s, size_t len)
{
  unsigned char *d = rasqal_alloc_memory(len + 1);

  if(d) {
    memcpy(d, s, len);
    d[len] = '\0';
  }
  return d;
}

rasqal_literal *
kg_term_to_literal(rasqal_world *rw, librdf_node *n)
{
  size_t len;

  if(!n)
    return NULL;
  if(librdf_node_is_resource(n))
    return rasqal_new_uri_literal(rw, raptor_uri_copy(
                                    (raptor_uri *)librdf_node_get_uri(n)));
  if(librdf_node_is_literal(n)) {
    const char *s = (const char *)
      librdf_node_get_literal_value_as_counted_string(n, &len);
    const char *lang = librdf_node_get_literal_value_language(n);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

    return rasqal_new_string_literal(rw, kg_term_dup(s, len),
             lang ? (const char *)kg_term_dup(lang, strlen(lang)) : NULL,
             dt ? raptor_uri_copy((raptor_uri *)dt) : NULL, NULL);
  } else {
    const char *id = (const char *)
      librdf_node_get_counted_blank_identifier(n, &len);

    return rasqal_new_simple_literal(rw, RASQAL_LITERAL_BLANK,
                                     kg_term_dup(id, len));
  }
}

const char *
kg_term_lexical(rasqal_literal *l, struct kg_buf *b, size_t *len)
{
  const char *s = (const char *)(l->string ? l->string
                                           : rasqal_literal_as_string(l));
  size_t neg, digits;

  if(!s)
    return NULL;
  *len = l->string ? l->string_len : strlen(s);
  if(l->type != RASQAL_LITERAL_DATE)
    return s;
  neg = s[0] == '-';
  digits = strspn(s + neg, "0123456789");
  if(digits >= 4 || s[neg + digits] != '-')
    return s;
  kg_buf_reset(b);
  kg_buf_add(b, s, neg);
  for(; digits < 4; digits++)
    kg_buf_addc(b, '0');
  kg_buf_adds(b, s + neg);
  *len = b->len;
  return b->s;
}

librdf_node *
kg_term_from_literal(librdf_world *w, rasqal_literal *l)
{
  rasqal_variable *v;
  raptor_uri *dt;

  if(!l)
    return NULL;
  v = rasqal_literal_as_variable(l);
  if(v)
    return v->value ? kg_term_from_literal(w, v->value) : NULL;
  switch(l->type) {
    case RASQAL_LITERAL_URI:
      return librdf_new_node_from_uri(w, (librdf_uri *)l->value.uri);
    case RASQAL_LITERAL_BLANK:
      return librdf_new_node_from_blank_identifier(w, l->string);
    case RASQAL_LITERAL_STRING:
    case RASQAL_LITERAL_XSD_STRING:
    case RASQAL_LITERAL_BOOLEAN:
    case RASQAL_LITERAL_INTEGER:
    case RASQAL_LITERAL_FLOAT:
    case RASQAL_LITERAL_DOUBLE:
    case RASQAL_LITERAL_DECIMAL:
    case RASQAL_LITERAL_DATETIME:
    case RASQAL_LITERAL_DATE:
    case RASQAL_LITERAL_UDT:
    case RASQAL_LITERAL_INTEGER_SUBTYPE: {
      struct kg_buf lex = KG_BUF_INIT;
      size_t len = 0;
      const unsigned char *s =
        (const unsigned char *)kg_term_lexical(l, &lex, &len);
      librdf_node *n;

      if(!s) {
        kg_buf_release(&lex);
        return NULL;
      }
      dt = rasqal_literal_datatype(l);
      /* RDF 1.1: "x"^^xsd:string is the simple literal "x", one node */
      if(l->type == RASQAL_LITERAL_XSD_STRING ||
         (dt && !strcmp((const char *)raptor_uri_as_string(dt),
                        KG_NS_XSD "string")))
        dt = NULL;
      n = librdf_new_node_from_typed_counted_literal(w, s, len,
            l->language, l->language ? strlen(l->language) : 0,
            (l->language || !dt) ? NULL : (librdf_uri *)dt);
      kg_buf_release(&lex);
      return n;
    }
    default:
      return NULL;
  }
}

int
kg_term_is_string(rasqal_literal *l)
{
  return l && ((l->type == RASQAL_LITERAL_STRING && !l->datatype) ||
               l->type == RASQAL_LITERAL_XSD_STRING);
}

int
kg_term_is_simple(rasqal_literal *l)
{
  return l && l->type == RASQAL_LITERAL_STRING && !l->datatype &&
    !l->language;
}

int
kg_term_is_numeric(rasqal_literal *l)
{
  return l && (l->type == RASQAL_LITERAL_INTEGER ||
               l->type == RASQAL_LITERAL_INTEGER_SUBTYPE ||
               l->type == RASQAL_LITERAL_DECIMAL ||
               l->type == RASQAL_LITERAL_DOUBLE ||
               l->type == RASQAL_LITERAL_FLOAT) && l->valid;
}

rasqal_literal *
kg_term_string_like(rasqal_world *rw, rasqal_literal *l, const char *s,
                    size_t len)
{
  raptor_uri *dt = NULL;

  if(l->type == RASQAL_LITERAL_XSD_STRING)
    dt = raptor_uri_copy(rasqal_literal_datatype(l));
  return rasqal_new_string_literal(rw, kg_term_dup(s, len),
           l->language ? (const char *)kg_term_dup(l->language,
                                                   strlen(l->language))
                       : NULL, dt, NULL);
}
