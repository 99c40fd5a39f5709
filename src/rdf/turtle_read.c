/* turtle_read.c - small Turtle files into plain C triples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/turtle_read.h"

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

static void
on_statement(void *user_data, raptor_statement *st)
{
  struct kg_triples *out = user_data;
  struct kg_triple *t;

  KG_GROW(out->v, out->cap, out->n + 1);
  t = &out->v[out->n++];
  t->s = term_str(st->subject);
  t->p = term_str(st->predicate);
  t->o = term_str(st->object);
  t->o_is_lit = st->object->type == RAPTOR_TERM_TYPE_LITERAL;
  t->lang = (t->o_is_lit && st->object->value.literal.language)
    ? kg_xstrdup((const char *)st->object->value.literal.language) : NULL;
}

int
kg_turtle_read(raptor_world *rw, const char *path, struct kg_triples *out)
{
  raptor_parser *p;
  raptor_uri *uri;
  unsigned char *us;
  int rc = -1, before = kg_diag_error_count();
  FILE *fh = fopen(path, "rb");

  if(!fh) {
    kg_error("cannot open '%s': %s", path, "No such file or directory");
    return -1;
  }
  p = raptor_new_parser(rw, "turtle");
  us = raptor_uri_filename_to_uri_string(path);
  uri = us ? raptor_new_uri(rw, us) : NULL;
  if(!p || !uri) {
    kg_error("cannot set up a Turtle parser for '%s'", path);
    goto out;
  }
  raptor_parser_set_statement_handler(p, out, on_statement);
  kg_diag_source(path);
  rc = raptor_parser_parse_file_stream(p, fh, (const char *)us, uri) ? -1 : 0;
  kg_diag_source(NULL);
  if(kg_diag_error_count() != before)
    rc = -1;
out:
  fclose(fh);
  if(us)
    raptor_free_memory(us);
  if(uri)
    raptor_free_uri(uri);
  if(p)
    raptor_free_parser(p);
  return rc;
}

void
kg_triples_release(struct kg_triples *t)
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
