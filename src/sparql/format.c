/* format.c - what the result writers share: blank node labels, the
 * N-Triples form with those labels, a node's strings. */
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "rdf/ns.h"
#include "sparql/result.h"
#include "sparql/term.h"

void
kg_format_init(struct kg_writer *w)
{
  memset(w, 0, sizeof(*w));
  kg_hash_init(&w->labels);
}

void
kg_format_release(struct kg_writer *w)
{
  kg_hash_release(&w->labels);
}

const char *
kg_format_lit(librdf_node *n, size_t *len)
{
  return (const char *)librdf_node_get_literal_value_as_counted_string(n, len);
}

const char *
kg_format_dt(librdf_node *n)
{
  librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

  return dt ? (const char *)librdf_uri_as_string(dt) : NULL;
}

const char *
kg_format_iri(librdf_node *n)
{
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

/* Blank nodes are written with labels b0, b1, ... in order of first
 * appearance (stable across runs, unlike the store's labels). */
void
kg_format_blank(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;
  size_t v = w->nlabels;

  if(w->mask_blanks)
    return;
  s = (const char *)librdf_node_get_counted_blank_identifier(n, &len);
  if(!kg_hash_put(&w->labels, s, len, &v))
    w->nlabels++;
  kg_buf_addf(b, "b%zu", v);
}

void
kg_format_nt(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  if(n && librdf_node_is_blank(n)) {
    kg_buf_adds(b, "_:");
    kg_format_blank(w, b, n);
    return;
  }
  kg_term_nt(b, n);
}

int
kg_format_plain_number(const char *s, const char *dt)
{
  const char *p = s;
  int digits = 0;

  if(!dt)
    return 0;
  if(!strcmp(dt, KG_NS_XSD "integer")) {
    if(*p == '-' || *p == '+')
      p++;
    for(; *p >= '0' && *p <= '9'; p++)
      digits++;
    return digits > 0 && !*p;
  }
  if(!strcmp(dt, KG_NS_XSD "decimal")) {
    int dot = 0;

    if(*p == '-' || *p == '+')
      p++;
    for(; *p; p++) {
      if(*p == '.' && !dot)
        dot = 1;
      else if(*p >= '0' && *p <= '9')
        digits++;
      else
        return 0;
    }
    return dot && digits > 0 && p[-1] != '.';
  }
  return 0;
}
