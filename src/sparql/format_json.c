/* format_json.c - bindings and booleans as W3C SPARQL 1.1 JSON results. */
#include <string.h>

#include "base/buf.h"
#include "sparql/result.h"

static void
json_str(struct kg_buf *b, const char *s, size_t len)
{
  size_t i;

  kg_buf_addc(b, '"');
  for(i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];

    if(c == '"')
      kg_buf_adds(b, "\\\"");
    else if(c == '\\')
      kg_buf_adds(b, "\\\\");
    else if(c == '\n')
      kg_buf_adds(b, "\\n");
    else if(c == '\r')
      kg_buf_adds(b, "\\r");
    else if(c == '\t')
      kg_buf_adds(b, "\\t");
    else if(c < 0x20)
      kg_buf_addf(b, "\\u%04x", c);
    else
      kg_buf_addc(b, (char)c);
  }
  kg_buf_addc(b, '"');
}

static void
json_term(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(librdf_node_is_resource(n)) {
    s = kg_format_iri(n);
    kg_buf_adds(b, "{ \"type\": \"uri\", \"value\": ");
    json_str(b, s, strlen(s));
  } else if(librdf_node_is_literal(n)) {
    const char *lang = librdf_node_get_literal_value_language(n);
    const char *dt = kg_format_dt(n);

    s = kg_format_lit(n, &len);
    kg_buf_adds(b, "{ \"type\": \"literal\", \"value\": ");
    json_str(b, s, len);
    if(lang && *lang) {
      kg_buf_adds(b, ", \"xml:lang\": ");
      json_str(b, lang, strlen(lang));
    } else if(dt) {
      kg_buf_adds(b, ", \"datatype\": ");
      json_str(b, dt, strlen(dt));
    }
  } else {
    struct kg_buf t = KG_BUF_INIT;

    kg_format_blank(w, &t, n);
    kg_buf_adds(b, "{ \"type\": \"bnode\", \"value\": ");
    json_str(b, t.s ? t.s : "", t.len);
    kg_buf_release(&t);
  }
  kg_buf_adds(b, " }");
}

void
kg_format_json_write(struct kg_writer *w, const struct kg_result *r,
                     struct kg_buf *o)
{
  size_t i;
  int k;

  if(r->kind == KG_RESULT_BOOLEAN) {
    kg_buf_addf(o, "{ \"head\": {}, \"boolean\": %s }\n",
                r->boolean ? "true" : "false");
    return;
  }
  kg_buf_adds(o, "{\n  \"head\": { \"vars\": [");
  for(k = 0; k < r->nvars; k++) {
    kg_buf_adds(o, k ? ", " : " ");
    json_str(o, r->vars[k], strlen(r->vars[k]));
  }
  kg_buf_adds(o, r->nvars ? " ] },\n" : "] },\n");
  kg_buf_adds(o, "  \"results\": {\n    \"bindings\": [");
  for(i = 0; i < r->nrows; i++) {
    int first = 1;

    kg_buf_adds(o, i ? ",\n      {" : "\n      {");
    for(k = 0; k < r->nvars; k++) {
      librdf_node *n = r->cells[i * (size_t)r->nvars + (size_t)k];

      if(!n)
        continue;
      kg_buf_adds(o, first ? "\n        " : ",\n        ");
      first = 0;
      json_str(o, r->vars[k], strlen(r->vars[k]));
      kg_buf_adds(o, ": ");
      json_term(w, o, n);
    }
    kg_buf_adds(o, first ? "}" : "\n      }");
  }
  kg_buf_adds(o, r->nrows ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
}
