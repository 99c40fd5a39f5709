/* format_rdf.c - graph results (CONSTRUCT, DESCRIBE) as sorted N-Triples,
 * as Turtle through the project's one Turtle writer (rdf/turtle.c), as
 * RDF/XML through raptor's serializer, or as JSON-LD through the project's
 * one JSON-LD writer (rdf/serialize.c: compact form, context embedded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/rdf.h"
#include "rdf/serialize.h"
#include "rdf/turtle.h"
#include "sparql/result.h"

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
stmt_key(struct kg_writer *w, librdf_statement *s)
{
  struct kg_buf b = KG_BUF_INIT;

  kg_format_nt(w, &b, librdf_statement_get_subject(s));
  kg_buf_addc(&b, ' ');
  kg_format_nt(w, &b, librdf_statement_get_predicate(s));
  kg_buf_addc(&b, ' ');
  kg_format_nt(w, &b, librdf_statement_get_object(s));
  kg_buf_adds(&b, " .");
  return kg_buf_detach(&b);
}

/* Sorts the triples: first with blank nodes masked, labels them in that
 * order, then sorts with the new labels.  Keys are N-Triples lines. */
static struct gline *
sorted_graph(struct kg_writer *w, const struct kg_result *r)
{
  struct gline *g = kg_xcalloc(r->ntriples + 1, sizeof(*g));
  size_t i;

  w->mask_blanks = 1;
  for(i = 0; i < r->ntriples; i++) {
    g[i].st = r->triples[i];
    g[i].seq = i;
    g[i].key = stmt_key(w, r->triples[i]);
  }
  w->mask_blanks = 0;
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  for(i = 0; i < r->ntriples; i++) {
    free(g[i].key);
    g[i].key = stmt_key(w, g[i].st);
    g[i].seq = i;
  }
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  return g;
}

static void
free_graph(struct gline *g, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    free(g[i].key);
  free(g);
}

/* A copy of @t with a blank node's label replaced by the writer's own
 * ("b0", "b1", … in sorted order), so that the output does not depend on
 * the store's labels. */
static raptor_term *
relabelled(struct kg_writer *w, raptor_term *t)
{
  struct kg_buf b = KG_BUF_INIT;
  raptor_term *c;

  if(!t || t->type != RAPTOR_TERM_TYPE_BLANK)
    return raptor_term_copy(t);
  kg_format_blank(w, &b, t);
  c = raptor_new_term_from_counted_blank(t->world,
                                         (const unsigned char *)b.s, b.len);
  kg_buf_release(&b);
  return c;
}

/* Fills @l with the triples sorted in N-Triples order, blank nodes
 * relabelled (release with kg_rdf_stmts_release). */
static void
sorted_statements(struct kg_writer *w, const struct kg_result *r,
                  struct kg_stmts *l)
{
  struct gline *g = sorted_graph(w, r);
  raptor_statement **v = kg_xcalloc(r->ntriples + 1, sizeof(*v));
  size_t i;

  for(i = 0; i < r->ntriples; i++) {
    raptor_statement *st = g[i].st;

    v[i] = raptor_new_statement_from_nodes(st->subject->world,
                                           relabelled(w, st->subject),
                                           raptor_term_copy(st->predicate),
                                           relabelled(w, st->object), NULL);
  }
  free_graph(g, r->ntriples);
  l->v = v;
  l->n = l->cap = r->ntriples;
}

/* Turtle through the project's one Turtle writer (rdf/turtle.c), JSON-LD
 * through its one JSON-LD writer (rdf/serialize.c): the triples in
 * N-Triples order, blank nodes relabelled, the contract's prefixes and
 * mnid: for the instance base. */
static int
write_sorted(struct kg_writer *w, const struct kg_result *r,
             struct kg_buf *out, int jsonld)
{
  struct kg_stmts l;
  const char *base = r->base ? r->base : "";
  char *mem = NULL;
  size_t memlen = 0;
  FILE *fh;
  int rc = -1;

  sorted_statements(w, r, &l);
  fh = open_memstream(&mem, &memlen);
  if(fh) {
    rc = jsonld ? kg_jsonld_write(l.v, l.n, base, fh)
                : kg_turtle_write(l.v, l.n, base, fh);
    if(fclose(fh))
      rc = -1;
    if(!rc)
      kg_buf_add(out, mem, memlen);
    free(mem);
  }
  kg_rdf_stmts_release(&l);
  return rc;
}

/* RDF/XML through raptor's "rdfxml-abbrev" serializer, triples sorted. */
static int
write_rdfxml(struct kg_writer *w, const struct kg_result *r,
             struct kg_buf *out)
{
  struct gline *g = sorted_graph(w, r);
  raptor_world *rw = r->ntriples ? r->triples[0]->world : NULL;
  raptor_serializer *ser;
  raptor_iostream *io;
  void *mem = NULL;
  size_t memlen = 0, i;
  int rc = -1;

  if(!rw) {
    free_graph(g, r->ntriples);
    kg_buf_adds(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
                "syntax-ns#\"/>\n");
    return 0;
  }
  ser = raptor_new_serializer(rw, "rdfxml-abbrev");
  io = raptor_new_iostream_to_string(rw, &mem, &memlen, malloc);
  if(ser && io && !raptor_serializer_start_to_iostream(ser, NULL, io)) {
    rc = 0;
    for(i = 0; i < r->ntriples && !rc; i++)
      rc = raptor_serializer_serialize_statement(ser, g[i].st);
    if(raptor_serializer_serialize_end(ser))
      rc = -1;
  }
  if(ser)
    raptor_free_serializer(ser);
  if(io)
    raptor_free_iostream(io);   /* finishes @mem */
  if(!rc && mem)
    kg_buf_add(out, mem, memlen);
  free(mem);
  free_graph(g, r->ntriples);
  return rc;
}

int
kg_format_rdf_write(struct kg_writer *w, const struct kg_result *r,
                    struct kg_buf *o, const char *format)
{
  struct gline *g;
  size_t i;

  if(!strcmp(format, "turtle") || !strcmp(format, "jsonld"))
    return write_sorted(w, r, o, format[0] == 'j');
  if(!strcmp(format, "rdfxml"))
    return write_rdfxml(w, r, o);
  g = sorted_graph(w, r);
  for(i = 0; i < r->ntriples; i++) {
    kg_buf_adds(o, g[i].key);
    kg_buf_addc(o, '\n');
  }
  free_graph(g, r->ntriples);
  return 0;
}
