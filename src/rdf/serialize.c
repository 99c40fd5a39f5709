/* serialize.c - RDF output, sorted for stable bytes.
 *
 * Statements are collected with their graph, sorted and de-duplicated, then
 * written by our Turtle writer, our JSON-LD writer (the second half of this
 * file) or raptor's serializer with the contract's prefixes.  The whole
 * graph is held in memory there; kg_serialize_stream() writes N-Triples
 * and N-Quads as they come, and kg_serialize() JSON-LD, for graphs of any
 * size.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "base/progress.h"
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/serialize.h"
#include "rdf/turtle.h"

static int
term_cmp(raptor_term *a, raptor_term *b)
{
  if(!a || !b)
    return (a != NULL) - (b != NULL);
  return raptor_term_compare(a, b);
}

static int
stmt_cmp(const void *pa, const void *pb)
{
  raptor_statement *a = *(raptor_statement *const *)pa;
  raptor_statement *b = *(raptor_statement *const *)pb;
  int c;

  if((c = term_cmp(a->graph, b->graph)))
    return c;
  if((c = term_cmp(a->subject, b->subject)))
    return c;
  if((c = term_cmp(a->predicate, b->predicate)))
    return c;
  return term_cmp(a->object, b->object);
}

/* JSON-LD of every statement of @m with its graph, in the model's order
 * (the store's: by graph, then subject), one node in memory at a time. */
/* One more statement written: counted in w->progress, when there is one,
 * whose line is redrawn every 1,024 statements. */
static void
counted(struct kg_world *w)
{
  if(w->progress && !(++w->progress->count & 1023))
    kg_progress_tick(w->progress);
}

static int
stream_jsonld(struct kg_world *w, librdf_model *m, FILE *out)
{
  struct kg_jsonld *j;
  librdf_stream *s = librdf_model_as_stream(m);
  int rc = 0;

  if(!s) {
    kg_error("cannot read the graph");
    return -1;
  }
  j = kg_jsonld_new(w->base, out);
  for(; !librdf_stream_end(s) && !rc; librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    raptor_statement q = *t;                             /* borrows terms */

    q.graph = librdf_stream_get_context2(s);
    rc = kg_jsonld_add(j, &q);
    counted(w);
  }
  librdf_free_stream(s);
  return kg_jsonld_end(j) || rc ? -1 : 0;
}

int
kg_serialize(struct kg_world *w, librdf_model *model, const char *format,
             FILE *out)
{
  struct kg_stmts l = { NULL, 0, 0 };
  int rc;

  const struct kg_format *f = kg_format_find(format, KG_FMT_EXTRACT);

  if(!f) {
    kg_error("unknown RDF format '%s'", format);
    return -1;
  }
  if(!strcmp(format, "jsonld"))
    return stream_jsonld(w, model, out);
  if(kg_rdf_stmts_from_model(&l, model, (f->flags & KG_FMT_QUADS) != 0)) {
    kg_rdf_stmts_release(&l);
    return -1;
  }
  rc = kg_serialize_stmts(w, &l, format, out);
  kg_rdf_stmts_release(&l);
  return rc;
}

int
kg_serialize_stmts(struct kg_world *w, struct kg_stmts *l, const char *format,
                   FILE *out)
{
  raptor_statement **v;
  size_t n, i, k;
  raptor_serializer *ser = NULL;
  const struct kg_format *f = kg_format_find(format, KG_FMT_EXTRACT);
  int rc = -1;

  if(!f) {
    kg_error("unknown RDF format '%s'", format);
    return -1;
  }
  v = l->v;
  n = l->n;
  if(!(f->flags & KG_FMT_QUADS))
    for(i = 0; i < n; i++)
      if(v[i]->graph) {
        raptor_free_term(v[i]->graph);
        v[i]->graph = NULL;
      }
  if(n)
    qsort(v, n, sizeof(*v), stmt_cmp);
  for(i = 0, k = 0; i < n; i++) {
    if(k && !stmt_cmp(&v[k - 1], &v[i])) {
      raptor_free_statement(v[i]);
      continue;
    }
    v[k++] = v[i];
  }
  l->n = n = k;
  if(!strcmp(format, "jsonld"))
    return kg_jsonld_write(v, n, w->base, out);
  if(!strcmp(format, "turtle")) {
    rc = kg_turtle_write(v, n, w->base, out);
    if(rc)
      kg_error("cannot write the graph as %s", format);
    return rc;
  }
  ser = raptor_new_serializer(w->raptor, f->writer);
  if(!ser) {
    kg_error("cannot create a '%s' writer", format);
    goto out;
  }
  /* declare the contract's prefixes that the graph uses (raptor tries every
   * declared namespace on every IRI, so unused ones cost time and lines) */
  for(i = 0; kg_prefixes[i].prefix; i++)
    if(kg_turtle_uses_namespace(v, n, kg_prefixes[i].iri)) {
      raptor_uri *u = raptor_new_uri(w->raptor,
                                     (const unsigned char *)kg_prefixes[i].iri);

      raptor_serializer_set_namespace(ser, u,
                                      (const unsigned char *)kg_prefixes[i].prefix);
      raptor_free_uri(u);
    }
  if(kg_turtle_uses_namespace(v, n, w->base)) {
    raptor_uri *u = raptor_new_uri(w->raptor, (const unsigned char *)w->base);

    raptor_serializer_set_namespace(ser, u, (const unsigned char *)"mnid");
    raptor_free_uri(u);
  }
  if(raptor_serializer_start_to_file_handle(ser, NULL, out))
    goto out;
  for(i = 0; i < n; i++)
    if(raptor_serializer_serialize_statement(ser, v[i]))
      goto out;
  if(raptor_serializer_serialize_end(ser))
    goto out;
  rc = 0;
out:
  if(ser)
    raptor_free_serializer(ser);
  if(rc)
    kg_error("cannot write the graph as %s", format);
  return rc;
}

/* Streams every statement as N-Triples or N-Quads (with its graph). */
int
kg_serialize_stream(struct kg_world *w, librdf_model *m, librdf_node *graph,
                    int quads, FILE *out)
{
  raptor_serializer *ser;
  librdf_stream *s;
  int rc = -1;

  ser = raptor_new_serializer(w->raptor, quads ? "nquads" : "ntriples");
  if(!ser) {
    kg_error("cannot start the %s writer", quads ? "N-Quads" : "N-Triples");
    return -1;
  }
  s = graph ? librdf_model_context_as_stream(m, graph)
            : librdf_model_as_stream(m);
  if(!s || raptor_serializer_start_to_file_handle(ser, NULL, out))
    goto out;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    raptor_statement q = *t;                             /* borrows terms */

    q.graph = quads ? librdf_stream_get_context2(s) : NULL;
    if(raptor_serializer_serialize_statement(ser, &q))
      goto out;
    counted(w);
  }
  if(raptor_serializer_serialize_end(ser))
    goto out;
  rc = 0;
out:
  if(rc)
    kg_error("cannot write the graph");
  if(s)
    librdf_free_stream(s);
  raptor_free_serializer(ser);
  return rc;
}

/* ------------------------------------------------------------ JSON-LD */

/* Properties whose values are IRIs in the contract (DESIGN.md section 4),
 * the reference data and the DCAT description: "@type": "@id" in the
 * context, so their IRI values are plain strings.  A literal value of one
 * of them is still right, written as a value object. */
static const char *const jsonld_iri_props[] = {
  KG_NS_MN "figure", KG_NS_MN "inTerritory", KG_NS_MN "itinerance",
  KG_NS_MN "porteur", KG_NS_MN "presentedAt", KG_NS_MN "sessionType",
  KG_NS_SCHEMA "about", KG_NS_SCHEMA "affiliation", KG_NS_SCHEMA "author",
  KG_NS_SCHEMA "containedInPlace", KG_NS_SCHEMA "location",
  KG_NS_SCHEMA "performer", KG_NS_SCHEMA "recordedIn",
  KG_NS_SCHEMA "subjectOf", KG_NS_SCHEMA "superEvent",
  KG_NS_DCTERMS "audience", KG_NS_DCTERMS "conformsTo",
  KG_NS_DCTERMS "language", KG_NS_DCTERMS "license",
  KG_NS_DCTERMS "publisher", KG_NS_DCTERMS "spatial", KG_NS_DCTERMS "subject",
  KG_NS_DCTERMS "format",
  KG_NS_SKOS "broader", KG_NS_SKOS "narrower", KG_NS_SKOS "related",
  KG_NS_SKOS "relatedMatch", KG_NS_SKOS "exactMatch", KG_NS_SKOS "closeMatch",
  KG_NS_SKOS "inScheme", KG_NS_SKOS "topConceptOf", KG_NS_SKOS "hasTopConcept",
  KG_NS_ORG "memberOf", KG_NS_ORG "subOrganizationOf",
  KG_NS_PROV "wasDerivedFrom",
  KG_NS_IGEO "subdivisionDe", KG_NS_IGEO "subdivisionDirecteDe",
  KG_NS_NIF "referenceContext", KG_NS_ITSRDF "taIdentRef",
  KG_NS_RDF "subject", KG_NS_RDF "predicate",
  KG_NS_RDFS "subClassOf", KG_NS_RDFS "subPropertyOf", KG_NS_RDFS "domain",
  KG_NS_RDFS "range", KG_NS_RDFS "isDefinedBy", KG_NS_RDFS "seeAlso",
  KG_NS_OWL "sameAs",
  KG_NS_DCAT "dataset", KG_NS_DCAT "distribution", KG_NS_DCAT "accessURL",
  KG_NS_DCAT "downloadURL", KG_NS_DCAT "mediaType", KG_NS_DCAT "contactPoint",
  KG_NS_DCAT "landingPage",
  KG_NS_VOID "class", KG_NS_VOID "classPartition", KG_NS_VOID "dataDump",
  KG_NS_VOID "feature", KG_NS_VOID "vocabulary",
  KG_NS_FOAF "homepage", KG_NS_VCARD "hasEmail",
  NULL
};

#define JL_MAX_PREFIXES 32
#define JL_INDENT 2

struct kg_jsonld {
  FILE *out;
  struct { const char *name, *iri; size_t len; } p[JL_MAX_PREFIXES];
  size_t np;
  raptor_term *graph;     /* graph of the open graph object (ours), or NULL */
  raptor_term *subject;   /* subject of @node (ours), or NULL */
  json_t *node;           /* node object being filled (ours), or NULL */
  size_t ntop;            /* objects written in the top "@graph" */
  size_t ningraph;        /* objects written in the open graph object */
  struct kg_buf tmp;
  int failed;             /* 1: failed, not reported yet; 2: reported */
};

/* @iri as a compact IRI with the longest prefix that leaves a non-empty
 * suffix not starting with "//" (which would read as an IRI), into j->tmp;
 * else @iri itself, unless its scheme is a prefix (it would read as a
 * compact IRI): NULL then, reported. */
static const char *
jl_iri(struct kg_jsonld *j, const char *iri)
{
  size_t i, best = JL_MAX_PREFIXES, n = strlen(iri);

  for(i = 0; i < j->np; i++)
    if(n > j->p[i].len && !strncmp(iri, j->p[i].iri, j->p[i].len) &&
       strncmp(iri + j->p[i].len, "//", 2) &&
       (best == JL_MAX_PREFIXES || j->p[i].len > j->p[best].len))
      best = i;
  kg_buf_reset(&j->tmp);
  if(best != JL_MAX_PREFIXES) {
    kg_buf_addf(&j->tmp, "%s:%s", j->p[best].name, iri + j->p[best].len);
    return j->tmp.s;
  }
  for(i = 0; i < j->np; i++) {
    size_t k = strlen(j->p[i].name);

    if(!strncmp(iri, j->p[i].name, k) && iri[k] == ':') {
      kg_error("cannot write <%s> in JSON-LD: it reads as a compact IRI "
               "of prefix '%s'", iri, j->p[i].name);
      j->failed = 2;
      return NULL;
    }
  }
  kg_buf_adds(&j->tmp, iri);
  return j->tmp.s;
}

/* A new JSON string of term @t (an IRI, compacted, or a blank node
 * "_:label"), or NULL (reported). */
static json_t *
jl_ref(struct kg_jsonld *j, const raptor_term *t)
{
  const char *s;

  if(t->type == RAPTOR_TERM_TYPE_BLANK) {
    kg_buf_reset(&j->tmp);
    kg_buf_adds(&j->tmp, "_:");
    kg_buf_add(&j->tmp, (const char *)t->value.blank.string,
               t->value.blank.string_len);
    return json_stringn(j->tmp.s, j->tmp.len);
  }
  if(t->type != RAPTOR_TERM_TYPE_URI)
    return NULL;
  s = jl_iri(j, (const char *)raptor_uri_as_string(t->value.uri));
  return s ? json_string(s) : NULL;
}

static int
jl_is(const raptor_term *t, const char *iri)
{
  return t && t->type == RAPTOR_TERM_TYPE_URI &&
         !strcmp((const char *)raptor_uri_as_string(t->value.uri), iri);
}

static int
jl_coerced(const raptor_term *p)
{
  size_t i;

  for(i = 0; jsonld_iri_props[i]; i++)
    if(jl_is(p, jsonld_iri_props[i]))
      return 1;
  return 0;
}

/* 1 if s[0..n) is an xsd:integer in canonical form that a JSON number
 * keeps exactly (at most 15 digits). */
static int
jl_plain_integer(const char *s, size_t n)
{
  size_t i = (n && s[0] == '-');

  if(i == n || n - i > 15 || (s[i] == '0' && (n - i > 1 || i)))
    return 0;
  for(; i < n; i++)
    if(s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

/* The JSON value of object @o under a property that is @coerced (its
 * strings are IRIs).  New, or NULL (reported). */
static json_t *
jl_value(struct kg_jsonld *j, const raptor_term *o, int coerced)
{
  const char *s, *dt = NULL;
  size_t n;
  json_t *v, *x;

  if(o->type != RAPTOR_TERM_TYPE_LITERAL) {
    x = jl_ref(j, o);
    if(!x || coerced)
      return x;
    v = json_object();
    json_object_set_new(v, "@id", x);
    return v;
  }
  s = (const char *)o->value.literal.string;
  n = o->value.literal.string_len;
  if(o->value.literal.datatype)
    dt = (const char *)raptor_uri_as_string(o->value.literal.datatype);
  if(dt && !strcmp(dt, KG_NS_XSD "integer") && jl_plain_integer(s, n))
    return json_integer(strtoll(s, NULL, 10));
  if(dt && !strcmp(dt, KG_NS_XSD "boolean") &&
     ((n == 4 && !memcmp(s, "true", 4)) || (n == 5 && !memcmp(s, "false", 5))))
    return json_boolean(n == 4);
  x = json_stringn(s, n);
  if(!x) {
    kg_error("cannot write a literal that is not UTF-8 in JSON-LD");
    j->failed = 2;
    return NULL;
  }
  if(!o->value.literal.language && !coerced &&
     (!dt || !strcmp(dt, KG_NS_XSD "string")))
    return x;
  v = json_object();
  json_object_set_new(v, "@value", x);
  if(o->value.literal.language) {
    json_object_set_new(v, "@language",
                        json_string((const char *)o->value.literal.language));
  } else if(dt && strcmp(dt, KG_NS_XSD "string")) {
    const char *c = jl_iri(j, dt);

    if(!c) {
      json_decref(v);
      return NULL;
    }
    json_object_set_new(v, "@type", json_string(c));
  }
  return v;
}

/* Writes @text with every line after the first indented by @indent. */
static void
jl_put(struct kg_jsonld *j, const char *text, int indent)
{
  const char *nl;

  while((nl = strchr(text, '\n')) != NULL) {
    fwrite(text, 1, (size_t)(nl - text) + 1, j->out);
    fprintf(j->out, "%*s", indent, "");
    text = nl + 1;
  }
  fputs(text, j->out);
}

/* Starts the next object of the current "@graph" array: a comma after
 * the one before, a new line, the indentation. */
static int
jl_item(struct kg_jsonld *j)
{
  size_t *count = j->graph ? &j->ningraph : &j->ntop;
  int indent = JL_INDENT * (j->graph ? 4 : 2);

  fprintf(j->out, "%s\n%*s", *count ? "," : "", indent, "");
  (*count)++;
  return indent;
}

/* Writes the node object being filled: "@id", "@type" first, single
 * values out of their arrays. */
static void
jl_flush_node(struct kg_jsonld *j)
{
  json_t *n = j->node, *out, *v;
  const char *k;
  char *text;
  int indent;

  if(!n)
    return;
  out = json_object();
  json_object_set(out, "@id", json_object_get(n, "@id"));
  if((v = json_object_get(n, "@type")) != NULL)
    json_object_set(out, "@type", json_array_size(v) == 1
                    ? json_array_get(v, 0) : v);
  json_object_foreach(n, k, v)
    if(strcmp(k, "@id") && strcmp(k, "@type"))
      json_object_set(out, k, json_array_size(v) == 1
                      ? json_array_get(v, 0) : v);
  text = json_dumps(out, JSON_INDENT(JL_INDENT) | JSON_PRESERVE_ORDER);
  indent = jl_item(j);
  if(text)
    jl_put(j, text, indent);
  else
    j->failed = 1;
  free(text);
  json_decref(out);
  json_decref(n);
  j->node = NULL;
  if(j->subject)
    raptor_free_term(j->subject);
  j->subject = NULL;
}

static void
jl_close_graph(struct kg_jsonld *j)
{
  if(!j->graph)
    return;
  fprintf(j->out, "\n%*s]\n%*s}", JL_INDENT * 3, "", JL_INDENT * 2, "");
  raptor_free_term(j->graph);
  j->graph = NULL;
}

/* Opens the graph object of @g. */
static int
jl_open_graph(struct kg_jsonld *j, const raptor_term *g)
{
  json_t *id = jl_ref(j, g);
  char *text = id ? json_dumps(id, JSON_ENCODE_ANY) : NULL;
  int indent;

  json_decref(id);
  if(!text)
    return -1;
  indent = jl_item(j);
  fprintf(j->out, "{\n%*s\"@id\": %s,\n%*s\"@graph\": [",
          indent + JL_INDENT, "", text, indent + JL_INDENT, "");
  free(text);
  j->graph = raptor_term_copy((raptor_term *)g);
  j->ningraph = 0;
  return 0;
}

/* Writes one "key": value line of the context (@value taken). */
static void
jl_context_entry(struct kg_jsonld *j, const char *key, json_t *value,
                 int *first)
{
  json_t *k = json_string(key);
  char *ks = json_dumps(k, JSON_ENCODE_ANY);
  char *vs = json_dumps(value, JSON_ENCODE_ANY);

  if(ks && vs)
    fprintf(j->out, "%s\n%*s%s: %s", *first ? "" : ",", JL_INDENT * 2, "",
            ks, vs);
  else
    j->failed = 1;
  *first = 0;
  free(ks);
  free(vs);
  json_decref(k);
  json_decref(value);
}

/* The context: the prefixes, then the IRI-valued properties, one a line. */
static void
jl_context(struct kg_jsonld *j)
{
  size_t i;
  int first = 1;

  fputc('{', j->out);
  for(i = 0; i < j->np; i++)
    jl_context_entry(j, j->p[i].name, json_string(j->p[i].iri), &first);
  for(i = 0; jsonld_iri_props[i]; i++) {
    const char *k = jl_iri(j, jsonld_iri_props[i]);

    if(k)
      jl_context_entry(j, k, json_pack("{s:s}", "@type", "@id"), &first);
  }
  fprintf(j->out, "\n%*s}", JL_INDENT, "");
}

static void
jl_prefix(struct kg_jsonld *j, const char *name, const char *iri)
{
  if(j->np == JL_MAX_PREFIXES)
    return;
  j->p[j->np].name = name;
  j->p[j->np].iri = iri;
  j->p[j->np].len = strlen(iri);
  j->np++;
}

struct kg_jsonld *
kg_jsonld_new(const char *base, FILE *out)
{
  struct kg_jsonld *j = kg_xcalloc(1, sizeof(*j));
  size_t i;

  j->out = out;
  kg_buf_init(&j->tmp);
  jl_prefix(j, "rdf", KG_NS_RDF);
  for(i = 0; kg_prefixes[i].prefix; i++)
    jl_prefix(j, kg_prefixes[i].prefix, kg_prefixes[i].iri);
  jl_prefix(j, "mnid", base);
  fprintf(out, "{\n%*s\"@context\": ", JL_INDENT, "");
  jl_context(j);
  fprintf(out, ",\n%*s\"@graph\": [", JL_INDENT, "");
  return j;
}

static int
jl_same(const raptor_term *a, const raptor_term *b)
{
  if(!a || !b)
    return a == b;
  return raptor_term_equals((raptor_term *)a, (raptor_term *)b);
}

/* Appends @v (taken) to the array @key of the node being filled. */
static void
jl_append(struct kg_jsonld *j, const char *key, json_t *v)
{
  json_t *a = json_object_get(j->node, key);

  if(!a) {
    a = json_array();
    json_object_set_new(j->node, key, a);
  }
  json_array_append_new(a, v);
}

int
kg_jsonld_add(struct kg_jsonld *j, const raptor_statement *st)
{
  const raptor_term *p = st->predicate;
  json_t *v;
  const char *key;

  if(j->failed)
    return -1;
  if(!jl_same(st->graph, j->graph)) {
    jl_flush_node(j);
    jl_close_graph(j);
    if(st->graph && jl_open_graph(j, st->graph))
      goto fail;
  }
  if(!jl_same(st->subject, j->subject)) {
    jl_flush_node(j);
    v = jl_ref(j, st->subject);
    if(!v)
      goto fail;
    j->node = json_object();
    json_object_set_new(j->node, "@id", v);
    j->subject = raptor_term_copy(st->subject);
  }
  if(!p || p->type != RAPTOR_TERM_TYPE_URI)
    goto fail;
  if(jl_is(p, KG_NS_RDF "type") && st->object->type == RAPTOR_TERM_TYPE_URI) {
    if(!(v = jl_ref(j, st->object)))
      goto fail;
    jl_append(j, "@type", v);
    return 0;
  }
  if(!(v = jl_value(j, st->object, jl_coerced(p))))
    goto fail;
  key = jl_iri(j, (const char *)raptor_uri_as_string(p->value.uri));
  if(!key) {
    json_decref(v);
    goto fail;
  }
  jl_append(j, key, v);
  return 0;
fail:
  if(!j->failed)
    j->failed = 1;      /* not reported yet: kg_jsonld_end says it */
  return -1;
}

int
kg_jsonld_end(struct kg_jsonld *j)
{
  int rc;

  if(!j)
    return 0;
  if(!j->failed) {
    jl_flush_node(j);
    jl_close_graph(j);
    if(j->ntop)
      fprintf(j->out, "\n%*s", JL_INDENT, "");
    fputs("]\n}\n", j->out);
  }
  rc = j->failed || ferror(j->out) ? -1 : 0;
  if(j->failed != 2 && rc)
    kg_error("cannot write the JSON-LD document");
  json_decref(j->node);
  if(j->subject)
    raptor_free_term(j->subject);
  if(j->graph)
    raptor_free_term(j->graph);
  kg_buf_release(&j->tmp);
  free(j);
  return rc;
}

int
kg_jsonld_write(raptor_statement **v, size_t n, const char *base, FILE *out)
{
  struct kg_jsonld *j = kg_jsonld_new(base, out);
  size_t i;

  for(i = 0; i < n; i++)
    if(kg_jsonld_add(j, v[i]))
      break;
  return kg_jsonld_end(j);
}
