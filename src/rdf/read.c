/* read.c - the one RDF reader: files into statement lists through raptor,
 * and small reference files into plain C triples on top of that. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "rdf/rdf.h"
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/read.h"

struct load_state {
  struct kg_stmts *l;
  librdf_node *graph;
  int failed;
};

static void
on_statement(void *user_data, raptor_statement *st)
{
  struct load_state *ls = user_data;
  raptor_term *o;
  librdf_node *g;

  if(ls->failed)
    return;
  o = raptor_term_copy(st->object);
  if(o && o->type == RAPTOR_TERM_TYPE_LITERAL && o->value.literal.language) {
    unsigned char *p;

    /* rasqal lower-cases query tags: store them lower-case too */
    for(p = o->value.literal.language; *p; p++)
      *p = (unsigned char)tolower(*p);
  }
  if(o && o->type == RAPTOR_TERM_TYPE_LITERAL && o->value.literal.datatype &&
     !strcmp((const char *)raptor_uri_as_string(o->value.literal.datatype),
             KG_NS_XSD "string")) {
    /* RDF 1.1 Concepts 3.3: "x"^^xsd:string is the simple literal "x";
     * one form in the store, so a pattern 'x' matches it */
    raptor_free_uri(o->value.literal.datatype);
    o->value.literal.datatype = NULL;
  }
  g = st->graph ? st->graph : ls->graph;
  if(kg_rdf_stmts_add(ls->l, raptor_term_copy(st->subject),
                  raptor_term_copy(st->predicate), o, g))
    ls->failed = 1;
}

/* Parses @path as @syntax, giving each statement to @handler(@ud).
 * Returns KG_EXIT_OK, or KG_EXIT_DATA / KG_EXIT_SYS after reporting
 * (*failed, set by the handler, says it could not keep a statement). */
static int
parse_with(raptor_world *rw, const char *path, const char *syntax,
           raptor_statement_handler handler, void *ud, const int *failed)
{
  raptor_parser *p = NULL;
  raptor_uri *uri = NULL;
  unsigned char *us = NULL;
  FILE *fh;
  int rc = KG_EXIT_SYS, before = kg_diag_error_count();

  /* a regular file within the RDF limit: never /dev/zero or a FIFO */
  fh = kg_input_open(path, KG_INPUT_RDF, &rc);
  if(!fh)
    return rc;
  rc = KG_EXIT_SYS;
  if(!syntax) {
    const struct kg_format *f = kg_format_of_path(path, KG_FMT_RDF_IN);

    syntax = f ? f->parser : "turtle";
  }
  p = raptor_new_parser(rw, syntax);
  us = raptor_uri_filename_to_uri_string(path);
  uri = us ? raptor_new_uri(rw, us) : NULL;
  if(!p || !uri) {
    kg_error("cannot set up a %s parser for '%s'", syntax, path);
    goto out;
  }
  raptor_parser_set_statement_handler(p, ud, handler);
  kg_diag_source(path);
  if(raptor_parser_parse_file_stream(p, fh, (const char *)us, uri) ||
     kg_diag_error_count() != before) {
    if(kg_diag_error_count() == before)
      kg_error("%s: not valid %s", path, syntax);
    rc = KG_EXIT_DATA;
  } else if(*failed) {
    rc = KG_EXIT_SYS;
  } else {
    rc = KG_EXIT_OK;
  }
  kg_diag_source(NULL);
out:
  kg_input_close(fh);
  if(us)
    raptor_free_memory(us);
  if(uri)
    raptor_free_uri(uri);
  if(p)
    raptor_free_parser(p);
  return rc;
}

int
kg_read_file(raptor_world *rw, const char *path, const char *syntax,
                librdf_node *graph, struct kg_stmts *l)
{
  struct load_state ls;
  size_t first = l->n, i;
  int rc;

  memset(&ls, 0, sizeof ls);
  ls.l = l;
  ls.graph = graph;
  rc = parse_with(rw, path, syntax, on_statement, &ls, &ls.failed);
  if(rc != KG_EXIT_OK) {
    for(i = first; i < l->n; i++)
      raptor_free_statement(l->v[i]);
    l->n = first;
  }
  return rc;
}

/* ---------------------------------------------------------------- triples */

static char *
term_str(raptor_term *t)
{
  switch(t->type) {
    case RAPTOR_TERM_TYPE_URI:
      return kg_xstrdup((const char *)raptor_uri_as_string(t->value.uri));
    case RAPTOR_TERM_TYPE_BLANK: {
      struct kg_buf b = KG_BUF_INIT;

      kg_buf_addf(&b, "_:%s", (const char *)t->value.blank.string);
      return kg_buf_detach(&b);
    }
    case RAPTOR_TERM_TYPE_LITERAL:
      return kg_xstrndup((const char *)t->value.literal.string,
                         t->value.literal.string_len);
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      return kg_xstrdup("");
  }
}

struct triples_state {
  struct kg_triples *out;
  int failed;             /* never set: allocation failure exits */
};

/* A statement straight into strings, with no copy of its terms. */
static void
on_triple(void *user_data, raptor_statement *st)
{
  struct triples_state *ts = user_data;
  struct kg_triple *t;

  KG_GROW(ts->out->v, ts->out->cap, ts->out->n + 1);
  t = &ts->out->v[ts->out->n++];
  t->s = term_str(st->subject);
  t->p = term_str(st->predicate);
  t->o = term_str(st->object);
  t->o_is_lit = st->object->type == RAPTOR_TERM_TYPE_LITERAL;
  t->lang = NULL;
  if(t->o_is_lit && st->object->value.literal.language) {
    char *c;

    /* lower-cased, as kg_read_file() keeps language tags */
    t->lang = kg_xstrdup((const char *)st->object->value.literal.language);
    for(c = t->lang; *c; c++)
      *c = (char)tolower((unsigned char)*c);
  }
}

int
kg_read_triples(raptor_world *rw, const char *path, struct kg_triples *out)
{
  struct triples_state ts;
  size_t first = out->n, i;
  int rc;

  ts.out = out;
  ts.failed = 0;
  rc = parse_with(rw, path, "turtle", on_triple, &ts, &ts.failed);
  if(rc != KG_EXIT_OK) {
    /* nothing of a file that does not parse */
    for(i = first; i < out->n; i++) {
      free(out->v[i].s);
      free(out->v[i].p);
      free(out->v[i].o);
      free(out->v[i].lang);
    }
    out->n = first;
  }
  return rc;
}

void
kg_read_triples_release(struct kg_triples *t)
{
  size_t i;

  for(i = 0; i < t->n; i++) {
    free(t->v[i].s);
    free(t->v[i].p);
    free(t->v[i].o);
    free(t->v[i].lang);
  }
  free(t->v);
  memset(t, 0, sizeof(*t));
}
