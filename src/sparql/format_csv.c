/* format_csv.c - bindings as W3C SPARQL 1.1 CSV (plain values, CRLF) or
 * TSV (N-Triples terms, bare numbers and booleans). */
#include <string.h>

#include "base/buf.h"
#include "rdf/ns.h"
#include "sparql/result.h"

static void
csv_field(struct kg_buf *b, const char *s, size_t len)
{
  size_t i;
  int quote = 0;

  for(i = 0; i < len; i++)
    if(s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r')
      quote = 1;
  if(!quote) {
    kg_buf_add(b, s, len);
    return;
  }
  kg_buf_addc(b, '"');
  for(i = 0; i < len; i++) {
    if(s[i] == '"')
      kg_buf_addc(b, '"');
    kg_buf_addc(b, s[i]);
  }
  kg_buf_addc(b, '"');
}

static void
csv_term(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(!n)
    return;
  if(librdf_node_is_resource(n)) {
    s = kg_format_iri(n);
    csv_field(b, s, strlen(s));
  } else if(librdf_node_is_literal(n)) {
    s = kg_format_lit(n, &len);
    csv_field(b, s, len);
  } else {
    struct kg_buf t = KG_BUF_INIT;

    kg_buf_adds(&t, "_:");
    kg_format_blank(w, &t, n);
    csv_field(b, t.s, t.len);
    kg_buf_release(&t);
  }
}

static void
tsv_term(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  if(!n)
    return;
  if(librdf_node_is_literal(n)) {
    size_t len;
    const char *s = kg_format_lit(n, &len);
    const char *dt = kg_format_dt(n);

    if(kg_format_plain_number(s, dt) ||
       (dt && !strcmp(dt, KG_NS_XSD "boolean") &&
        (!strcmp(s, "true") || !strcmp(s, "false")))) {
      kg_buf_add(b, s, len);
      return;
    }
  }
  kg_format_nt(w, b, n);
}

void
kg_format_csv_write(struct kg_writer *w, const struct kg_result *r,
                    struct kg_buf *o, char sep)
{
  const char *eol = sep == ',' ? "\r\n" : "\n";
  size_t i;
  int k;

  for(k = 0; k < r->nvars; k++) {
    if(k)
      kg_buf_addc(o, sep);
    if(sep != ',')
      kg_buf_addc(o, '?');
    kg_buf_adds(o, r->vars[k]);
  }
  kg_buf_adds(o, eol);
  for(i = 0; i < r->nrows; i++) {
    for(k = 0; k < r->nvars; k++) {
      librdf_node *n = r->cells[i * (size_t)r->nvars + (size_t)k];

      if(k)
        kg_buf_addc(o, sep);
      if(sep == ',')
        csv_term(w, o, n);
      else
        tsv_term(w, o, n);
    }
    kg_buf_adds(o, eol);
  }
}
