/* result.c - the result of a query (bindings, boolean or graph): its
 * accessors, and kg_result_write(), which picks the writer for a format. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/diag.h"
#include "rdf/world.h"
#include "rdf/format.h"
#include "sparql/result.h"
#include "sparql/term.h"

int
kg_result_format_known(const char *format)
{
  return kg_format_find(format, KG_FMT_RESULTS) != NULL ||
         kg_format_find(format, KG_FMT_GRAPH) != NULL;
}

struct kg_result *
kg_result_new(enum kg_result_kind kind)
{
  struct kg_result *r = kg_xcalloc(1, sizeof(*r));

  r->kind = kind;
  return r;
}

void
kg_result_add_triple(struct kg_result *r, librdf_world *world,
                     struct kg_hash *seen, librdf_node *s, librdf_node *p,
                     librdf_node *o)
{
  struct kg_buf b = KG_BUF_INIT;
  size_t v = r->ntriples;
  librdf_statement *st;

  kg_term_nt(&b, s);
  kg_buf_addc(&b, ' ');
  kg_term_nt(&b, p);
  kg_buf_addc(&b, ' ');
  kg_term_nt(&b, o);
  if(kg_hash_put(seen, b.s, b.len, &v)) {
    kg_buf_release(&b);
    return;
  }
  kg_buf_release(&b);
  st = librdf_new_statement_from_nodes(world, librdf_new_node_from_node(s),
                                       librdf_new_node_from_node(p),
                                       librdf_new_node_from_node(o));
  if(!st)
    return;
  if(r->ntriples == r->tcap) {
    r->tcap = r->tcap ? r->tcap * 2 : 64;
    r->triples = kg_xrealloc(r->triples, r->tcap * sizeof(*r->triples));
  }
  r->triples[r->ntriples++] = st;
}

/* Appends @r as @format to @o.  0, or -1 after reporting. */
static int
write_format(struct kg_writer *w, struct kg_result *r, const char *format,
             struct kg_buf *o)
{
  int rdf = kg_format_find(format, KG_FMT_GRAPH) && strcmp(format, "table");

  if(r->kind == KG_RESULT_GRAPH) {
    if(!rdf && strcmp(format, "table")) {
      kg_error("format '%s' is not available for a graph result (use "
               "turtle, ntriples, rdfxml or jsonld)", format);
      return -1;
    }
    if(kg_format_rdf_write(w, r, o, rdf ? format : "ntriples")) {
      kg_error("cannot write the graph as %s", format);
      return -1;
    }
  } else if(rdf) {
    kg_error("format '%s' is only available for CONSTRUCT and DESCRIBE",
             format);
    return -1;
  } else if(!strcmp(format, "json")) {
    kg_format_json_write(w, r, o);
  } else if(!strcmp(format, "xml")) {
    kg_format_xml_write(w, r, o);
  } else if(r->kind == KG_RESULT_BOOLEAN) {
    kg_buf_addf(o, "%s\n", r->boolean ? "true" : "false");
  } else if(!strcmp(format, "csv") || !strcmp(format, "tsv")) {
    kg_format_csv_write(w, r, o, format[0] == 'c' ? ',' : '\t');
  } else {
    kg_format_table_write(w, r, o);
  }
  return 0;
}

int
kg_result_write_buf(struct kg_result *r, const char *format,
                    struct kg_buf *o)
{
  struct kg_writer fw;
  int rc = 0;

  kg_format_init(&fw);
  if(!kg_result_format_known(format)) {
    kg_error("unknown output format '%s'", format ? format : "");
    rc = -1;
  } else {
    rc = write_format(&fw, r, format, o);
  }
  kg_format_release(&fw);
  return rc;
}

int
kg_result_write(struct kg_world *w, struct kg_result *r, const char *format,
                FILE *out)
{
  struct kg_buf o = KG_BUF_INIT;
  int rc;

  (void)w;
  rc = kg_result_write_buf(r, format, &o);
  if(!rc && o.len && fwrite(o.s, 1, o.len, out) != o.len) {
    kg_error("cannot write the results");
    rc = -1;
  }
  kg_buf_release(&o);
  return rc;
}

enum kg_result_kind
kg_result_kind(const struct kg_result *r)
{
  return r->kind;
}

int
kg_result_boolean(const struct kg_result *r)
{
  return r->boolean;
}

size_t
kg_result_count(const struct kg_result *r)
{
  return r->kind == KG_RESULT_GRAPH ? r->ntriples : r->nrows;
}

int
kg_result_nvars(const struct kg_result *r)
{
  return r->kind == KG_RESULT_BINDINGS ? r->nvars : 0;
}

const char *
kg_result_var(const struct kg_result *r, int i)
{
  return i >= 0 && i < r->nvars ? r->vars[i] : NULL;
}

librdf_node *
kg_result_cell(const struct kg_result *r, size_t row, int col)
{
  if(r->kind != KG_RESULT_BINDINGS || row >= r->nrows || col < 0 ||
     col >= r->nvars)
    return NULL;
  return r->cells[row * (size_t)r->nvars + (size_t)col];
}

librdf_statement *
kg_result_triple(const struct kg_result *r, size_t i)
{
  return r->kind == KG_RESULT_GRAPH && i < r->ntriples ? r->triples[i] : NULL;
}

void
kg_result_free(struct kg_result *r)
{
  size_t i;
  int k;

  if(!r)
    return;
  for(i = 0; i < r->nrows * (size_t)r->nvars; i++)
    if(r->cells[i])
      librdf_free_node(r->cells[i]);
  free(r->cells);
  for(k = 0; k < r->nvars; k++)
    free(r->vars[k]);
  free(r->vars);
  for(i = 0; i < r->ntriples; i++)
    librdf_free_statement(r->triples[i]);
  free(r->triples);
  free(r->base);
  free(r);
}
