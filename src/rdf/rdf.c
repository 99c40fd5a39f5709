/* rdf.c - node constructors and statement insertion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"

const struct kg_prefix kg_prefixes[] = {
  { "mn", KG_NS_MN },
  { "mnc", KG_NS_MNC },
  { "schema", KG_NS_SCHEMA },
  { "dcterms", KG_NS_DCTERMS },
  { "skos", KG_NS_SKOS },
  { "org", KG_NS_ORG },
  { "prov", KG_NS_PROV },
  { "dcat", KG_NS_DCAT },
  { "void", KG_NS_VOID },
  { "foaf", KG_NS_FOAF },
  { "vcard", KG_NS_VCARD },
  { "igeo", KG_NS_IGEO },
  { "nif", KG_NS_NIF },
  { "itsrdf", KG_NS_ITSRDF },
  { "rdfs", KG_NS_RDFS },
  { "xsd", KG_NS_XSD },
  { "owl", KG_NS_OWL },
  { NULL, NULL }
};

librdf_node *
kg_rdf_iri(librdf_world *w, const char *ns, const char *local)
{
  char small[512];
  size_t a = strlen(ns), b = local ? strlen(local) : 0;

  if(a + b < sizeof small) {
    memcpy(small, ns, a);
    if(b)
      memcpy(small + a, local, b);
    small[a + b] = '\0';
    return librdf_new_node_from_uri_string(w, (const unsigned char *)small);
  } else {
    librdf_node *n;
    char *big = malloc(a + b + 1);

    if(!big)
      return NULL;
    memcpy(big, ns, a);
    memcpy(big + a, local, b);
    big[a + b] = '\0';
    n = librdf_new_node_from_uri_string(w, (const unsigned char *)big);
    free(big);
    return n;
  }
}

librdf_node *
kg_rdf_lit(librdf_world *w, const char *text, const char *lang)
{
  return librdf_new_node_from_literal(w, (const unsigned char *)text, lang, 0);
}

librdf_node *
kg_rdf_typed(librdf_world *w, const char *text, const char *dt)
{
  librdf_uri *u = librdf_new_uri(w, (const unsigned char *)dt);
  librdf_node *n;

  if(!u)
    return NULL;
  n = librdf_new_node_from_typed_literal(w, (const unsigned char *)text,
                                         NULL, u);
  librdf_free_uri(u);
  return n;
}

librdf_node *
kg_rdf_int(librdf_world *w, long v)
{
  char tmp[32];

  snprintf(tmp, sizeof tmp, "%ld", v);
  return kg_rdf_typed(w, tmp, KG_NS_XSD "integer");
}

/* Frees whichever of s, p, o exist when one is missing (a failed
 * constructor); returns 1 then, after reporting. */
static int
missing_node(librdf_node *s, librdf_node *p, librdf_node *o)
{
  if(s && p && o)
    return 0;
  if(s)
    librdf_free_node(s);
  if(p)
    librdf_free_node(p);
  if(o)
    librdf_free_node(o);
  kg_error("cannot build a statement (out of memory or bad IRI)");
  return 1;
}

int
kg_rdf_add(librdf_model *m, librdf_node *context,
           librdf_node *s, librdf_node *p, librdf_node *o)
{
  librdf_statement *st;
  int rc;

  if(missing_node(s, p, o))
    return -1;
  /* a librdf_node is a raptor_term, which knows its world: no global */
  st = raptor_new_statement_from_nodes(s->world, s, p, o, NULL);
  /* nodes now owned by st, even on failure */
  if(!st) {
    kg_error("cannot build a statement");
    return -1;
  }
  rc = context ? librdf_model_context_add_statement(m, context, st)
               : librdf_model_add_statement(m, st);
  librdf_free_statement(st);
  if(rc) {
    kg_error("cannot add a statement to the graph");
    return -1;
  }
  return 0;
}

int
kg_rdf_add_copy(librdf_model *m, librdf_node *context,
                librdf_node *s, librdf_node *p, librdf_node *o)
{
  return kg_rdf_add(m, context, librdf_new_node_from_node(s),
                    librdf_new_node_from_node(p), librdf_new_node_from_node(o));
}

int
kg_rdf_stmts_add(struct kg_stmts *l, librdf_node *s, librdf_node *p,
             librdf_node *o, librdf_node *g)
{
  raptor_statement *st;

  if(missing_node(s, p, o))
    return -1;
  st = raptor_new_statement_from_nodes(s->world, s, p, o,
                                       g ? librdf_new_node_from_node(g) : NULL);
  /* nodes now owned by st, even on failure */
  if(!st) {
    kg_error("cannot build a statement");
    return -1;
  }
  if(l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 1024;
    raptor_statement **v = realloc(l->v, cap * sizeof(*v));

    if(!v) {
      raptor_free_statement(st);
      kg_error("out of memory");
      return -1;
    }
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = st;
  return 0;
}

int
kg_rdf_stmts_to_model(const struct kg_stmts *l, librdf_model *m)
{
  size_t i;

  for(i = 0; i < l->n; i++) {
    raptor_statement *st = l->v[i];
    int rc;

    if(st->graph) {
      raptor_term *g = st->graph;

      st->graph = NULL;
      rc = librdf_model_context_add_statement(m, g, st);
      st->graph = g;
    } else {
      rc = librdf_model_add_statement(m, st);
    }
    if(rc) {
      kg_error("cannot add a statement to the graph");
      return -1;
    }
  }
  return 0;
}

int
kg_rdf_stmts_from_model(struct kg_stmts *l, librdf_model *m, int with_graph)
{
  librdf_stream *st = librdf_model_as_stream(m);
  int rc = 0;

  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *s = librdf_stream_get_object(st);   /* SHARED */
    librdf_node *g = with_graph ? librdf_stream_get_context2(st) : NULL;

    if(kg_rdf_stmts_add(l, librdf_new_node_from_node(s->subject),
                    librdf_new_node_from_node(s->predicate),
                    librdf_new_node_from_node(s->object), g)) {
      rc = -1;
      break;
    }
  }
  if(st)
    librdf_free_stream(st);
  return rc;
}

void
kg_rdf_stmts_release(struct kg_stmts *l)
{
  size_t i;

  for(i = 0; i < l->n; i++)
    raptor_free_statement(l->v[i]);
  free(l->v);
  memset(l, 0, sizeof(*l));
}
