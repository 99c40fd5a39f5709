/* format_xml.c - bindings and booleans as W3C SPARQL Query Results XML. */
#include <string.h>

#include "base/buf.h"
#include "sparql/result.h"

static const char xml_head[] =
  "<?xml version=\"1.0\"?>\n"
  "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n";

static void
xml_esc(struct kg_buf *b, const char *s, size_t len)
{
  size_t i;

  for(i = 0; i < len; i++) {
    switch(s[i]) {
      case '&': kg_buf_adds(b, "&amp;"); break;
      case '<': kg_buf_adds(b, "&lt;"); break;
      case '>': kg_buf_adds(b, "&gt;"); break;
      case '"': kg_buf_adds(b, "&quot;"); break;
      default: kg_buf_addc(b, s[i]);
    }
  }
}

static void
xml_term(struct kg_writer *w, struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(librdf_node_is_resource(n)) {
    s = kg_format_iri(n);
    kg_buf_adds(b, "<uri>");
    xml_esc(b, s, strlen(s));
    kg_buf_adds(b, "</uri>");
  } else if(librdf_node_is_literal(n)) {
    const char *lang = librdf_node_get_literal_value_language(n);
    const char *dt = kg_format_dt(n);

    s = kg_format_lit(n, &len);
    kg_buf_adds(b, "<literal");
    if(lang && *lang) {
      kg_buf_adds(b, " xml:lang=\"");
      xml_esc(b, lang, strlen(lang));
      kg_buf_addc(b, '"');
    } else if(dt) {
      kg_buf_adds(b, " datatype=\"");
      xml_esc(b, dt, strlen(dt));
      kg_buf_addc(b, '"');
    }
    kg_buf_addc(b, '>');
    xml_esc(b, s, len);
    kg_buf_adds(b, "</literal>");
  } else {
    struct kg_buf t = KG_BUF_INIT;

    kg_format_blank(w, &t, n);
    kg_buf_adds(b, "<bnode>");
    xml_esc(b, t.s ? t.s : "", t.len);
    kg_buf_adds(b, "</bnode>");
    kg_buf_release(&t);
  }
}

void
kg_format_xml_write(struct kg_writer *w, const struct kg_result *r,
                    struct kg_buf *o)
{
  size_t i;
  int k;

  kg_buf_adds(o, xml_head);
  if(r->kind == KG_RESULT_BOOLEAN) {
    kg_buf_addf(o, "  <head/>\n  <boolean>%s</boolean>\n</sparql>\n",
                r->boolean ? "true" : "false");
    return;
  }
  kg_buf_adds(o, "  <head>\n");
  for(k = 0; k < r->nvars; k++) {
    kg_buf_adds(o, "    <variable name=\"");
    xml_esc(o, r->vars[k], strlen(r->vars[k]));
    kg_buf_adds(o, "\"/>\n");
  }
  kg_buf_adds(o, "  </head>\n  <results>\n");
  for(i = 0; i < r->nrows; i++) {
    kg_buf_adds(o, "    <result>\n");
    for(k = 0; k < r->nvars; k++) {
      librdf_node *n = r->cells[i * (size_t)r->nvars + (size_t)k];

      if(!n)
        continue;
      kg_buf_adds(o, "      <binding name=\"");
      xml_esc(o, r->vars[k], strlen(r->vars[k]));
      kg_buf_adds(o, "\">");
      xml_term(w, o, n);
      kg_buf_adds(o, "</binding>\n");
    }
    kg_buf_adds(o, "    </result>\n");
  }
  kg_buf_adds(o, "  </results>\n</sparql>\n");
}
