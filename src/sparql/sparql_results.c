/* sparql_results.c - query results as table, CSV, TSV, JSON, XML (W3C
 * SPARQL 1.1 results formats), and graphs as sorted N-Triples or Turtle. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "sparql/sparql_int.h"

static const char *const formats[] = {
  "table", "csv", "tsv", "json", "xml", "turtle", "ntriples", NULL
};

int
kg_result_format_known(const char *format)
{
  int i;

  for(i = 0; format && formats[i]; i++)
    if(!strcmp(format, formats[i]))
      return 1;
  return 0;
}

static const char *
lit_value(librdf_node *n, size_t *len)
{
  return (const char *)librdf_node_get_literal_value_as_counted_string(n, len);
}

static const char *
dt_of(librdf_node *n)
{
  librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

  return dt ? (const char *)librdf_uri_as_string(dt) : NULL;
}

static const char *
uri_of(librdf_node *n)
{
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

static const char *
blank_of(librdf_node *n, size_t *len)
{
  return (const char *)librdf_node_get_counted_blank_identifier(n, len);
}

/* Blank nodes are written with labels b0, b1, ... in order of first
 * appearance (stable across runs, unlike the store's labels). */
static struct kg_hash *relabel;
static size_t nrelabel;
static int mask_blanks;

static void
blank_label(struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s = blank_of(n, &len);
  size_t v = nrelabel;

  if(mask_blanks)
    return;
  if(!relabel) {
    kg_buf_add(b, s, len);
    return;
  }
  if(!kg_hash_put(relabel, s, len, &v))
    nrelabel++;
  kg_buf_addf(b, "b%zu", v);
}

static void
node_nt(struct kg_buf *b, librdf_node *n)
{
  if(n && librdf_node_is_blank(n)) {
    kg_buf_adds(b, "_:");
    blank_label(b, n);
    return;
  }
  kg_sq_node_nt(b, n);
}

/* ---------------------------------------------------------------- CSV/TSV */

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
csv_term(struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(!n)
    return;
  if(librdf_node_is_resource(n)) {
    s = uri_of(n);
    csv_field(b, s, strlen(s));
  } else if(librdf_node_is_literal(n)) {
    s = lit_value(n, &len);
    csv_field(b, s, len);
  } else {
    struct kg_buf t = KG_BUF_INIT;

    kg_buf_adds(&t, "_:");
    blank_label(&t, n);
    csv_field(b, t.s, t.len);
    kg_buf_release(&t);
  }
}

static int
is_plain_number(const char *s, const char *dt)
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

static void
tsv_term(struct kg_buf *b, librdf_node *n)
{
  if(!n)
    return;
  if(librdf_node_is_literal(n)) {
    size_t len;
    const char *s = lit_value(n, &len);
    const char *dt = dt_of(n);

    if(is_plain_number(s, dt) ||
       (dt && !strcmp(dt, KG_NS_XSD "boolean") &&
        (!strcmp(s, "true") || !strcmp(s, "false")))) {
      kg_buf_add(b, s, len);
      return;
    }
  }
  node_nt(b, n);
}

/* ---------------------------------------------------------------- JSON */

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
json_term(struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(librdf_node_is_resource(n)) {
    s = uri_of(n);
    kg_buf_adds(b, "{ \"type\": \"uri\", \"value\": ");
    json_str(b, s, strlen(s));
  } else if(librdf_node_is_literal(n)) {
    const char *lang = librdf_node_get_literal_value_language(n);
    const char *dt = dt_of(n);

    s = lit_value(n, &len);
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

    blank_label(&t, n);
    kg_buf_adds(b, "{ \"type\": \"bnode\", \"value\": ");
    json_str(b, t.s ? t.s : "", t.len);
    kg_buf_release(&t);
  }
  kg_buf_adds(b, " }");
}

/* ---------------------------------------------------------------- XML */

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
xml_term(struct kg_buf *b, librdf_node *n)
{
  size_t len;
  const char *s;

  if(librdf_node_is_resource(n)) {
    s = uri_of(n);
    kg_buf_adds(b, "<uri>");
    xml_esc(b, s, strlen(s));
    kg_buf_adds(b, "</uri>");
  } else if(librdf_node_is_literal(n)) {
    const char *lang = librdf_node_get_literal_value_language(n);
    const char *dt = dt_of(n);

    s = lit_value(n, &len);
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

    blank_label(&t, n);
    kg_buf_adds(b, "<bnode>");
    xml_esc(b, t.s ? t.s : "", t.len);
    kg_buf_adds(b, "</bnode>");
    kg_buf_release(&t);
  }
}

/* ---------------------------------------------------------------- table */

static size_t
text_width(const char *s, size_t len)
{
  size_t w = 0;
  utf8proc_ssize_t i = 0;

  while((size_t)i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)len - i, &cp);
    int cw;

    if(n <= 0) {
      w++;
      i++;
      continue;
    }
    cw = utf8proc_charwidth(cp);
    w += cw > 0 ? (size_t)cw : 0;
    i += n;
  }
  return w;
}

static void
table_term(struct kg_buf *b, librdf_node *n)
{
  if(n)
    node_nt(b, n);
}

static void
pad(struct kg_buf *b, size_t n)
{
  while(n--)
    kg_buf_addc(b, ' ');
}

static void
write_table(struct kg_result *r, struct kg_buf *o)
{
  size_t *w = kg_xcalloc((size_t)r->nvars + 1, sizeof(size_t));
  char **cells = kg_xcalloc(r->nrows * (size_t)r->nvars + 1, sizeof(char *));
  size_t *cw = kg_xcalloc(r->nrows * (size_t)r->nvars + 1, sizeof(size_t));
  size_t i;
  int k;
  struct kg_buf t = KG_BUF_INIT;

  for(k = 0; k < r->nvars; k++)
    w[k] = text_width(r->vars[k], strlen(r->vars[k])) + 1;
  for(i = 0; i < r->nrows; i++)
    for(k = 0; k < r->nvars; k++) {
      size_t c = i * (size_t)r->nvars + (size_t)k;

      kg_buf_reset(&t);
      table_term(&t, r->cells[c]);
      cells[c] = kg_xstrdup(t.s ? t.s : "");
      cw[c] = text_width(cells[c], strlen(cells[c]));
      if(cw[c] > w[k])
        w[k] = cw[c];
    }
  for(k = 0; k < r->nvars; k++) {
    kg_buf_addc(o, '?');
    kg_buf_adds(o, r->vars[k]);
    if(k + 1 < r->nvars) {
      pad(o, w[k] - text_width(r->vars[k], strlen(r->vars[k])) - 1);
      kg_buf_adds(o, "  ");
    }
  }
  kg_buf_addc(o, '\n');
  for(i = 0; i < r->nrows; i++) {
    for(k = 0; k < r->nvars; k++) {
      size_t c = i * (size_t)r->nvars + (size_t)k;

      kg_buf_adds(o, cells[c]);
      if(k + 1 < r->nvars) {
        pad(o, w[k] - cw[c]);
        kg_buf_adds(o, "  ");
      }
    }
    kg_buf_addc(o, '\n');
  }
  for(i = 0; i < r->nrows * (size_t)r->nvars; i++)
    free(cells[i]);
  free(cells);
  free(cw);
  free(w);
  kg_buf_release(&t);
}

/* ---------------------------------------------------------------- graphs */

struct gline {
  char *key;
  size_t seq;
  librdf_statement *st;
};

static int
gline_cmp(const void *a, const void *b)
{
  const struct gline *x = a;
  const struct gline *y = b;
  int c = strcmp(x->key, y->key);

  if(c)
    return c;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static char *
stmt_key(librdf_statement *s)
{
  struct kg_buf b = KG_BUF_INIT;

  node_nt(&b, librdf_statement_get_subject(s));
  kg_buf_addc(&b, ' ');
  node_nt(&b, librdf_statement_get_predicate(s));
  kg_buf_addc(&b, ' ');
  node_nt(&b, librdf_statement_get_object(s));
  kg_buf_adds(&b, " .");
  return kg_buf_detach(&b);
}

/* Sorts the triples: first with blank nodes masked, labels them in that
 * order, then sorts with the new labels.  Keys are N-Triples lines. */
static struct gline *
sorted_graph(struct kg_result *r)
{
  struct gline *g = kg_xcalloc(r->ntriples + 1, sizeof(*g));
  size_t i;

  mask_blanks = 1;
  for(i = 0; i < r->ntriples; i++) {
    g[i].st = r->triples[i];
    g[i].seq = i;
    g[i].key = stmt_key(r->triples[i]);
  }
  mask_blanks = 0;
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  for(i = 0; i < r->ntriples; i++) {
    free(g[i].key);
    g[i].key = stmt_key(g[i].st);
    g[i].seq = i;
  }
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  return g;
}

static int
local_ok(const char *s)
{
  const char *p;

  if(!*s)
    return 1;
  if(*s == '-' || *s == '.')
    return 0;
  for(p = s; *p; p++)
    if(!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
         (*p == '.' && p[1])))
      return 0;
  return 1;
}

/* prefixes used by the Turtle being written (index; last = mnid:) */
static unsigned char used_prefix[64];

static void
ttl_iri(struct kg_buf *b, const char *iri, const char *base)
{
  int i;

  for(i = 0; kg_prefixes[i].prefix; i++) {
    size_t n = strlen(kg_prefixes[i].iri);

    if(!strncmp(iri, kg_prefixes[i].iri, n) && local_ok(iri + n)) {
      kg_buf_addf(b, "%s:%s", kg_prefixes[i].prefix, iri + n);
      if(i < 63)
        used_prefix[i] = 1;
      return;
    }
  }
  if(base && !strncmp(iri, base, strlen(base)) &&
     local_ok(iri + strlen(base))) {
    kg_buf_addf(b, "mnid:%s", iri + strlen(base));
    used_prefix[63] = 1;
    return;
  }
  kg_buf_addf(b, "<%s>", iri);
}

static void
ttl_term(struct kg_buf *b, librdf_node *n, const char *base, int pred)
{
  if(librdf_node_is_resource(n)) {
    const char *u = uri_of(n);

    if(pred && !strcmp(u, KG_NS_RDF "type")) {
      kg_buf_addc(b, 'a');
      return;
    }
    ttl_iri(b, u, base);
  } else if(librdf_node_is_literal(n)) {
    const char *dt = dt_of(n);
    size_t len;
    const char *s = lit_value(n, &len);
    const char *lang = librdf_node_get_literal_value_language(n);

    if(is_plain_number(s, dt) && !strcmp(dt, KG_NS_XSD "integer")) {
      kg_buf_add(b, s, len);
      return;
    }
    if(dt && !(lang && *lang) && strcmp(dt, KG_NS_XSD "string")) {
      struct kg_buf t = KG_BUF_INIT;
      char *q;

      node_nt(&t, n);
      q = strrchr(t.s, '"');
      kg_buf_add(b, t.s, (size_t)(q - t.s) + 1);
      kg_buf_adds(b, "^^");
      ttl_iri(b, dt, base);
      kg_buf_release(&t);
      return;
    }
    node_nt(b, n);
  } else {
    node_nt(b, n);
  }
}

static void
write_turtle(struct kg_result *r, struct kg_buf *o)
{
  size_t i;
  int k;
  librdf_node *prev_s = NULL;
  librdf_node *prev_p = NULL;
  struct gline *g;
  struct kg_buf body = KG_BUF_INIT;
  struct kg_buf *out = o;

  /* body first, to declare only the prefixes it uses */
  o = &body;
  memset(used_prefix, 0, sizeof used_prefix);
  g = sorted_graph(r);

  for(i = 0; i < r->ntriples; i++) {
    librdf_statement *st = g[i].st;
    librdf_node *s = librdf_statement_get_subject(st);
    librdf_node *p = librdf_statement_get_predicate(st);
    librdf_node *ob = librdf_statement_get_object(st);

    if(prev_s && librdf_node_equals(prev_s, s)) {
      if(librdf_node_equals(prev_p, p)) {
        kg_buf_adds(o, " ,\n        ");
      } else {
        kg_buf_adds(o, " ;\n    ");
        ttl_term(o, p, r->base, 1);
        kg_buf_addc(o, ' ');
      }
    } else {
      if(prev_s)
        kg_buf_adds(o, " .\n");
      kg_buf_addc(o, '\n');
      ttl_term(o, s, r->base, 0);
      kg_buf_adds(o, "\n    ");
      ttl_term(o, p, r->base, 1);
      kg_buf_addc(o, ' ');
    }
    ttl_term(o, ob, r->base, 0);
    prev_s = s;
    prev_p = p;
  }
  if(prev_s)
    kg_buf_adds(o, " .\n");
  for(i = 0; i < r->ntriples; i++)
    free(g[i].key);
  free(g);
  for(k = 0; kg_prefixes[k].prefix; k++)
    if(k < 63 && used_prefix[k])
      kg_buf_addf(out, "@prefix %s: <%s> .\n", kg_prefixes[k].prefix,
                  kg_prefixes[k].iri);
  if(used_prefix[63])
    kg_buf_addf(out, "@prefix mnid: <%s> .\n", r->base ? r->base : "");
  if(body.len) {
    /* the blank line before the first subject only follows prefixes */
    size_t skip = (out->len == 0 && body.s[0] == '\n') ? 1 : 0;

    kg_buf_add(out, body.s + skip, body.len - skip);
  }
  kg_buf_release(&body);
}

/* ---------------------------------------------------------------- entry */

int
kg_result_write(struct kg_world *w, struct kg_result *r, const char *format,
                FILE *out)
{
  struct kg_buf o = KG_BUF_INIT;
  size_t i;
  int k;
  int rc = 0;

  struct kg_hash map;

  (void)w;
  kg_hash_init(&map);
  relabel = &map;
  nrelabel = 0;
  if(!kg_result_format_known(format)) {
    kg_error("unknown output format '%s'", format ? format : "");
    rc = -1;
    goto done;
  }
  if(r->kind == KG_RESULT_GRAPH) {
    if(!strcmp(format, "ntriples") || !strcmp(format, "table")) {
      struct gline *g = sorted_graph(r);

      for(i = 0; i < r->ntriples; i++) {
        kg_buf_adds(&o, g[i].key);
        kg_buf_addc(&o, '\n');
        free(g[i].key);
      }
      free(g);
    } else if(!strcmp(format, "turtle")) {
      write_turtle(r, &o);
    } else {
      kg_error("format '%s' is not available for a graph result (use "
               "turtle or ntriples)", format);
      rc = -1;
      goto done;
    }
  } else if(!strcmp(format, "turtle") || !strcmp(format, "ntriples")) {
    kg_error("format '%s' is only available for CONSTRUCT and DESCRIBE",
             format);
    rc = -1;
    goto done;
  } else if(r->kind == KG_RESULT_BOOLEAN) {
    const char *v = r->boolean ? "true" : "false";

    if(!strcmp(format, "json"))
      kg_buf_addf(&o, "{ \"head\": {}, \"boolean\": %s }\n", v);
    else if(!strcmp(format, "xml"))
      kg_buf_addf(&o, "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head/>\n  <boolean>%s</boolean>\n</sparql>\n", v);
    else
      kg_buf_addf(&o, "%s\n", v);
  } else if(!strcmp(format, "csv")) {
    for(k = 0; k < r->nvars; k++) {
      if(k)
        kg_buf_addc(&o, ',');
      kg_buf_adds(&o, r->vars[k]);
    }
    kg_buf_adds(&o, "\r\n");
    for(i = 0; i < r->nrows; i++) {
      for(k = 0; k < r->nvars; k++) {
        if(k)
          kg_buf_addc(&o, ',');
        csv_term(&o, r->cells[i * (size_t)r->nvars + (size_t)k]);
      }
      kg_buf_adds(&o, "\r\n");
    }
  } else if(!strcmp(format, "tsv")) {
    for(k = 0; k < r->nvars; k++) {
      if(k)
        kg_buf_addc(&o, '\t');
      kg_buf_addc(&o, '?');
      kg_buf_adds(&o, r->vars[k]);
    }
    kg_buf_addc(&o, '\n');
    for(i = 0; i < r->nrows; i++) {
      for(k = 0; k < r->nvars; k++) {
        if(k)
          kg_buf_addc(&o, '\t');
        tsv_term(&o, r->cells[i * (size_t)r->nvars + (size_t)k]);
      }
      kg_buf_addc(&o, '\n');
    }
  } else if(!strcmp(format, "json")) {
    kg_buf_adds(&o, "{\n  \"head\": { \"vars\": [");
    for(k = 0; k < r->nvars; k++) {
      kg_buf_adds(&o, k ? ", " : " ");
      json_str(&o, r->vars[k], strlen(r->vars[k]));
    }
    kg_buf_adds(&o, r->nvars ? " ] },\n" : "] },\n");
    kg_buf_adds(&o, "  \"results\": {\n    \"bindings\": [");
    for(i = 0; i < r->nrows; i++) {
      int first = 1;

      kg_buf_adds(&o, i ? ",\n      {" : "\n      {");
      for(k = 0; k < r->nvars; k++) {
        librdf_node *n = r->cells[i * (size_t)r->nvars + (size_t)k];

        if(!n)
          continue;
        kg_buf_adds(&o, first ? "\n        " : ",\n        ");
        first = 0;
        json_str(&o, r->vars[k], strlen(r->vars[k]));
        kg_buf_adds(&o, ": ");
        json_term(&o, n);
      }
      kg_buf_adds(&o, first ? "}" : "\n      }");
    }
    kg_buf_adds(&o, r->nrows ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
  } else if(!strcmp(format, "xml")) {
    kg_buf_adds(&o, "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n");
    for(k = 0; k < r->nvars; k++) {
      kg_buf_adds(&o, "    <variable name=\"");
      xml_esc(&o, r->vars[k], strlen(r->vars[k]));
      kg_buf_adds(&o, "\"/>\n");
    }
    kg_buf_adds(&o, "  </head>\n  <results>\n");
    for(i = 0; i < r->nrows; i++) {
      kg_buf_adds(&o, "    <result>\n");
      for(k = 0; k < r->nvars; k++) {
        librdf_node *n = r->cells[i * (size_t)r->nvars + (size_t)k];

        if(!n)
          continue;
        kg_buf_adds(&o, "      <binding name=\"");
        xml_esc(&o, r->vars[k], strlen(r->vars[k]));
        kg_buf_adds(&o, "\">");
        xml_term(&o, n);
        kg_buf_adds(&o, "</binding>\n");
      }
      kg_buf_adds(&o, "    </result>\n");
    }
    kg_buf_adds(&o, "  </results>\n</sparql>\n");
  } else {
    write_table(r, &o);
  }
  if(o.len && fwrite(o.s, 1, o.len, out) != o.len) {
    kg_error("cannot write the results");
    rc = -1;
  }
done:
  relabel = NULL;
  kg_hash_release(&map);
  kg_buf_release(&o);
  return rc;
}
