/* pages.c - a page for every entity under the instance base (/id/...):
 * HTML for a person, Turtle, N-Triples, JSON-LD or RDF/XML by content
 * negotiation (format= overrides), the way Linked Data publishers do.
 *
 * The HTML page shows the entity's name and types, every fact with its
 * value linked, and beside each fact the passages of the notes that
 * support it, the quoted words marked, with the rule that produced it;
 * then the passages that mention the entity, what links to it, and for a
 * report its sessions in order.  Every text from the store is escaped:
 * report text is untrusted input. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/text.h"
#include "rdf/ns.h"
#include "sparql/sparql.h"
#include "store/store.h"
#include "serve/endpoint.h"
#include "serve/negotiate.h"

/* Code points of context shown on each side of a quoted passage. */
#define KG_PAGE_CONTEXT 160
/* Rows of one section of a page (facts, links, sessions). */
#define KG_PAGE_ROWS 2000

static const struct kg_offer page_offers[] = {
  { "text/turtle", "turtle" },
  { "text/html", "html" },
  { "application/xhtml+xml", "html" },
  { "application/n-triples", "ntriples" },
  { "application/ld+json", "jsonld" },
  { "application/rdf+xml", "rdfxml" }
};

#define PREFIXES \
  "PREFIX rdf: <" KG_NS_RDF ">\nPREFIX schema: <" KG_NS_SCHEMA ">\n" \
  "PREFIX prov: <" KG_NS_PROV ">\nPREFIX nif: <" KG_NS_NIF ">\n" \
  "PREFIX mn: <" KG_NS_MN ">\nPREFIX skos: <" KG_NS_SKOS ">\n" \
  "PREFIX igeo: <" KG_NS_IGEO ">\nPREFIX dcterms: <" KG_NS_DCTERMS ">\n"

/* What one page needs while it is written. */
struct page {
  struct kg_endpoint *ep;
  librdf_model *model;
  const char *iri;
  struct kg_buf html;
  char *report;                 /* IRI of the report whose text is held */
  char *text;                   /* that report's text */
};

static void
esc(struct kg_buf *b, const char *s, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    switch(s[i]) {
      case '&': kg_buf_adds(b, "&amp;"); break;
      case '<': kg_buf_adds(b, "&lt;"); break;
      case '>': kg_buf_adds(b, "&gt;"); break;
      case '"': kg_buf_adds(b, "&quot;"); break;
      case '\'': kg_buf_adds(b, "&#39;"); break;
      default: kg_buf_addc(b, s[i]);
    }
  }
}

static void
escs(struct kg_buf *b, const char *s)
{
  esc(b, s, strlen(s));
}

/* Runs the SELECT @q (its text SHARED) on the page's model; NULL on a
 * failure, which is logged (our queries: a failure is a bug). */
static struct kg_result *
run(struct page *pg, const char *q)
{
  struct kg_sparql_opts opts;
  struct kg_result *r = NULL;

  memset(&opts, 0, sizeof opts);
  opts.source = "page";
  opts.timeout = pg->ep->timeout;
  opts.max_rows = pg->ep->max_rows;
  opts.max_memory = pg->ep->max_memory;
  if(kg_sparql_exec(pg->ep->w, pg->model, q, &opts, &r))
    return NULL;
  return r;
}

/* The string of cell (@row, @col): IRI, literal or blank label. */
static const char *
cell(struct kg_result *r, size_t row, int col)
{
  librdf_node *n = kg_result_cell(r, row, col);

  if(!n)
    return NULL;
  if(librdf_node_is_resource(n))
    return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  if(librdf_node_is_literal(n))
    return (const char *)librdf_node_get_literal_value(n);
  return (const char *)librdf_node_get_blank_identifier(n);
}

/* @iri as a prefixed name when a known prefix fits, else whole. */
static void
short_iri(struct kg_buf *b, const char *base, const char *iri)
{
  size_t i, n;

  if(!strcmp(iri, KG_NS_RDF "type")) {
    kg_buf_adds(b, "rdf:type");
    return;
  }
  if(!strncmp(iri, base, (n = strlen(base)))) {
    kg_buf_adds(b, "mnid:");
    escs(b, iri + n);
    return;
  }
  for(i = 0; kg_prefixes[i].prefix; i++)
    if(!strncmp(iri, kg_prefixes[i].iri, (n = strlen(kg_prefixes[i].iri)))) {
      kg_buf_addf(b, "%s:", kg_prefixes[i].prefix);
      escs(b, iri + n);
      return;
    }
  escs(b, iri);
}

/* A link to @iri: its page when under the base, else the IRI itself when
 * it is http(s); shown as @label or the short IRI. */
static void
link(struct page *pg, const char *iri, const char *label)
{
  struct kg_buf *b = &pg->html;
  const char *base = pg->ep->base;
  size_t n = strlen(base);

  if(!strncmp(iri, base, n)) {
    kg_buf_adds(b, "<a href=\"/id/");
    escs(b, iri + n);
    kg_buf_adds(b, "\">");
  } else if(!strncmp(iri, "http://", 7) || !strncmp(iri, "https://", 8)) {
    kg_buf_adds(b, "<a rel=\"nofollow\" href=\"");
    escs(b, iri);
    kg_buf_adds(b, "\">");
  } else {
    kg_buf_adds(b, "<a>");
  }
  if(label)
    escs(b, label);
  else
    short_iri(b, base, iri);
  kg_buf_adds(b, "</a>");
}

/* The text of @report (kept for the next passage of the same report). */
static const char *
report_text(struct page *pg, const char *report)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r;

  if(pg->report && !strcmp(pg->report, report))
    return pg->text;
  free(pg->report);
  free(pg->text);
  pg->report = kg_xstrdup(report);
  pg->text = NULL;
  kg_buf_addf(&q, PREFIXES "SELECT ?t WHERE { <%s> nif:isString ?t }",
              report);
  r = run(pg, q.s);
  if(r && kg_result_count(r) && cell(r, 0, 0))
    pg->text = kg_xstrdup(cell(r, 0, 0));
  kg_result_free(r);
  kg_buf_release(&q);
  return pg->text;
}

/* Byte offset of code point @cp in @s (or its end). */
static size_t
cp_offset(const char *s, size_t cp)
{
  size_t i = 0;

  for(; s[i] && cp; cp--)
    for(i++; ((unsigned char)s[i] & 0xC0) == 0x80; i++)
      ;
  return i;
}

/* The passage [@begin, @end) (code points) of @report: the context
 * around it escaped, the passage itself marked. */
static void
passage(struct page *pg, const char *report, long begin, long end)
{
  const char *t = report_text(pg, report);
  struct kg_buf *b = &pg->html;
  size_t from, a, z, to;

  if(!t || begin < 0 || end < begin)
    return;
  from = cp_offset(t, begin > KG_PAGE_CONTEXT ? (size_t)begin -
                   KG_PAGE_CONTEXT : 0);
  a = cp_offset(t, (size_t)begin);
  z = cp_offset(t, (size_t)end);
  to = cp_offset(t, (size_t)end + KG_PAGE_CONTEXT);
  /* whole lines of context, cut at the window */
  while(from < a && memchr(t + from, '\n', a - from))
    from += (size_t)((const char *)memchr(t + from, '\n', a - from) - (t + from)) + 1;
  if(memchr(t + z, '\n', to - z))
    to = (size_t)((const char *)memchr(t + z, '\n', to - z) - t);
  kg_buf_adds(b, "<blockquote class=\"passage\">");
  if(from > 0)
    kg_buf_adds(b, "… ");
  esc(b, t + from, a - from);
  kg_buf_adds(b, "<mark>");
  esc(b, t + a, z - a);
  kg_buf_adds(b, "</mark>");
  esc(b, t + z, to - z);
  if(t[to] && t[to] != '\n')
    kg_buf_adds(b, " …");
  kg_buf_adds(b, "</blockquote>");
}

/* The evidence of fact (@p, @o) among the rows of @ev (p, o, rule,
 * inferred, begin, end, report). */
static void
evidence(struct page *pg, struct kg_result *ev, const char *p, const char *o)
{
  size_t i, n = kg_result_count(ev);

  for(i = 0; i < n; i++) {
    const char *rule = cell(ev, i, 2), *inf = cell(ev, i, 3);

    if(strcmp(cell(ev, i, 0), p) || strcmp(cell(ev, i, 1), o))
      continue;
    passage(pg, cell(ev, i, 6), atol(cell(ev, i, 4)), atol(cell(ev, i, 5)));
    kg_buf_adds(&pg->html, "<div class=\"rule\">rule <code>");
    escs(&pg->html, rule ? rule : "?");
    kg_buf_adds(&pg->html, "</code>");
    if(inf && !strcmp(inf, "true"))
      kg_buf_adds(&pg->html, " · inferred");
    kg_buf_adds(&pg->html, " · in ");
    link(pg, cell(ev, i, 6), NULL);
    kg_buf_adds(&pg->html, "</div>");
  }
}

/* The value of a fact: a link, or the literal escaped. */
static void
value(struct page *pg, struct kg_result *r, size_t row)
{
  librdf_node *o = kg_result_cell(r, row, 1);
  const char *label = cell(r, row, 2);

  if(librdf_node_is_resource(o))
    link(pg, cell(r, row, 1), label);
  else if(librdf_node_is_literal(o)) {
    const char *lang = librdf_node_get_literal_value_language(o);

    kg_buf_adds(&pg->html, "<span class=\"lit\">");
    escs(&pg->html, cell(r, row, 1));
    kg_buf_adds(&pg->html, "</span>");
    if(lang) {
      kg_buf_adds(&pg->html, " <small>@");
      escs(&pg->html, lang);
      kg_buf_adds(&pg->html, "</small>");
    }
  } else {
    kg_buf_adds(&pg->html, "<span class=\"blank\">(blank node)</span>");
  }
}

/* The facts of the entity with their evidence: one row per value. */
static void
facts(struct page *pg)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r, *ev;
  size_t i, n;

  kg_buf_addf(&q, PREFIXES "SELECT ?p ?o (SAMPLE(?l) AS ?label) WHERE { "
              "<%s> ?p ?o FILTER(?p != prov:wasDerivedFrom && ?p != "
              "nif:isString) OPTIONAL { ?o schema:name|skos:prefLabel|"
              "igeo:nom|dcterms:title ?l } } GROUP BY ?p ?o ORDER BY ?p ?o "
              "LIMIT %d", pg->iri, KG_PAGE_ROWS);
  r = run(pg, q.s);
  kg_buf_reset(&q);
  kg_buf_addf(&q, PREFIXES "SELECT ?p ?o ?rule ?inf ?b ?e ?report WHERE { "
              "?st rdf:subject <%s> ; rdf:predicate ?p ; rdf:object ?o ; "
              "prov:wasDerivedFrom ?m . ?m nif:beginIndex ?b ; nif:endIndex "
              "?e ; nif:referenceContext ?report . OPTIONAL { ?st mn:rule "
              "?rule } OPTIONAL { ?st mn:inferred ?inf } } ORDER BY ?b LIMIT "
              "%d", pg->iri, KG_PAGE_ROWS);
  ev = run(pg, q.s);
  n = r ? kg_result_count(r) : 0;
  kg_buf_adds(&pg->html, "<table class=\"facts\"><thead><tr><th>property"
              "</th><th>value</th><th>from the notes</th></tr></thead>"
              "<tbody>\n");
  for(i = 0; i < n; i++) {
    kg_buf_adds(&pg->html, "<tr><td>");
    link(pg, cell(r, i, 0), NULL);
    kg_buf_adds(&pg->html, "</td><td>");
    value(pg, r, i);
    kg_buf_adds(&pg->html, "</td><td>");
    if(ev)
      evidence(pg, ev, cell(r, i, 0), cell(r, i, 1));
    kg_buf_adds(&pg->html, "</td></tr>\n");
  }
  kg_buf_adds(&pg->html, "</tbody></table>\n");
  kg_result_free(r);
  kg_result_free(ev);
  kg_buf_release(&q);
}

/* The passages that mention the entity. */
static void
mentions(struct page *pg)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r;
  size_t i, n;

  kg_buf_addf(&q, PREFIXES "SELECT ?b ?e ?report WHERE { <%s> "
              "prov:wasDerivedFrom ?m . ?m nif:beginIndex ?b ; nif:endIndex "
              "?e ; nif:referenceContext ?report } ORDER BY ?report ?b LIMIT "
              "%d", pg->iri, KG_PAGE_ROWS);
  r = run(pg, q.s);
  n = r ? kg_result_count(r) : 0;
  if(n)
    kg_buf_adds(&pg->html, "<h2>Mentioned in the notes</h2>\n");
  for(i = 0; i < n; i++)
    passage(pg, cell(r, i, 2), atol(cell(r, i, 0)), atol(cell(r, i, 1)));
  kg_result_free(r);
  kg_buf_release(&q);
}

/* What links to the entity (statements about it and mentions left out). */
static void
backlinks(struct page *pg)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r;
  size_t i, n;

  kg_buf_addf(&q, PREFIXES "SELECT ?s ?p (SAMPLE(?l) AS ?label) WHERE { ?s ?p "
              "<%s> FILTER(?p != rdf:object && ?p != rdf:subject && ?p != "
              "nif:referenceContext && ?p != <" KG_NS_ITSRDF "taIdentRef>) "
              "OPTIONAL { ?s schema:name|skos:prefLabel|igeo:nom ?l } } "
              "GROUP BY ?s ?p ORDER BY ?p ?label ?s LIMIT %d", pg->iri,
              KG_PAGE_ROWS);
  r = run(pg, q.s);
  n = r ? kg_result_count(r) : 0;
  if(n)
    kg_buf_adds(&pg->html, "<h2>Linked from</h2>\n<ul class=\"links\">\n");
  for(i = 0; i < n; i++) {
    kg_buf_adds(&pg->html, "<li>");
    link(pg, cell(r, i, 0), cell(r, i, 2));
    kg_buf_adds(&pg->html, " <small>");
    short_iri(&pg->html, pg->ep->base, cell(r, i, 1));
    kg_buf_adds(&pg->html, "</small></li>\n");
  }
  if(n)
    kg_buf_adds(&pg->html, "</ul>\n");
  kg_result_free(r);
  kg_buf_release(&q);
}

/* For a report: its sessions in the order of the notes. */
static void
sessions(struct page *pg)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r;
  size_t i, n;

  kg_buf_addf(&q, PREFIXES "SELECT ?s ?name (SAMPLE(?num) AS ?n) (MIN(?b) "
              "AS ?at) WHERE { <%s> a schema:Report ; schema:about ?ev . ?s "
              "schema:superEvent+ ?ev ; schema:name ?name . OPTIONAL { ?s "
              "mn:sectionNumber ?num } OPTIONAL { ?s prov:wasDerivedFrom ?m "
              ". ?m nif:beginIndex ?b } } GROUP BY ?s ?name ORDER BY ?at "
              "LIMIT %d", pg->iri, KG_PAGE_ROWS);
  r = run(pg, q.s);
  n = r ? kg_result_count(r) : 0;
  if(n)
    kg_buf_adds(&pg->html, "<h2>Sessions, in the order of the notes</h2>\n"
                "<ol class=\"sessions\">\n");
  for(i = 0; i < n; i++) {
    kg_buf_adds(&pg->html, "<li>");
    if(cell(r, i, 2)) {
      escs(&pg->html, cell(r, i, 2));
      kg_buf_adds(&pg->html, " ");
    }
    link(pg, cell(r, i, 0), cell(r, i, 1));
    kg_buf_adds(&pg->html, "</li>\n");
  }
  if(n)
    kg_buf_adds(&pg->html, "</ol>\n");
  kg_result_free(r);
  kg_buf_release(&q);
}

/* The page's head: name, types, the other formats.  0, or -1 when the
 * store knows nothing of the entity. */
static int
head(struct page *pg)
{
  struct kg_buf q = KG_BUF_INIT;
  struct kg_result *r;
  const char *name = NULL;
  size_t i, n;

  kg_buf_addf(&q, PREFIXES "SELECT ?t ?name WHERE { { <%s> a ?t } UNION { "
              "<%s> schema:name|skos:prefLabel|igeo:nom|dcterms:title ?name "
              "} UNION { ?x ?y <%s> } } LIMIT 50", pg->iri, pg->iri, pg->iri);
  r = run(pg, q.s);
  n = r ? kg_result_count(r) : 0;
  for(i = 0; i < n && !name; i++)
    name = cell(r, i, 1);
  if(n) {
    kg_buf_adds(&pg->html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                "charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                "<title>");
    escs(&pg->html, name ? name : pg->iri);
    kg_buf_adds(&pg->html, " — mednum-kg</title><meta name=\"viewport\" "
                "content=\"width=device-width\"><link rel=\"stylesheet\" "
                "href=\"/www/style.css\"><link rel=\"alternate\" type=\""
                "text/turtle\" href=\"?format=turtle\"></head>\n<body class="
                "\"entity\"><header><a href=\"/\">mednum-kg</a> · entity "
                "page</header><main>\n<h1>");
    escs(&pg->html, name ? name : pg->iri);
    kg_buf_adds(&pg->html, "</h1>\n<p class=\"iri\"><code>");
    escs(&pg->html, pg->iri);
    kg_buf_adds(&pg->html, "</code>");
    for(i = 0; i < n; i++)
      if(cell(r, i, 0)) {
        kg_buf_adds(&pg->html, " · ");
        link(pg, cell(r, i, 0), NULL);
      }
    kg_buf_adds(&pg->html, "</p>\n<p class=\"formats\">as data: <a href=\""
                "?format=turtle\">Turtle</a> · <a href=\"?format=ntriples\">"
                "N-Triples</a> · <a href=\"?format=jsonld\">JSON-LD</a> · "
                "<a href=\"?format=rdfxml\">RDF/XML</a></p>\n");
  }
  kg_result_free(r);
  kg_buf_release(&q);
  return n ? 0 : -1;
}

/* 1 if @rest can follow the base in an IRI written between < and >. */
static int
iri_safe(const char *rest)
{
  const unsigned char *p;

  if(!*rest)
    return 0;
  for(p = (const unsigned char *)rest; *p; p++)
    if(*p <= ' ' || strchr("<>\"{}|\\^`", *p))
      return 0;
  return 1;
}

static void
html_page(struct kg_endpoint *ep, struct kg_http_req *req, const char *iri)
{
  struct page pg;
  struct kg_store *store;
  int rc = KG_EXIT_SYS;

  memset(&pg, 0, sizeof pg);
  pg.ep = ep;
  pg.iri = iri;
  store = kg_endpoint_store(ep, &rc);
  if(!store) {
    kg_http_error(req, 503, "the store cannot be read");
    return;
  }
  pg.model = kg_store_model(store);
  if(head(&pg)) {
    kg_http_error(req, 404, "the graph says nothing of <%s>", iri);
  } else {
    facts(&pg);
    sessions(&pg);
    mentions(&pg);
    backlinks(&pg);
    kg_buf_adds(&pg.html, "</main></body></html>\n");
    kg_http_reply(req, 200, "text/html; charset=utf-8", pg.html.s,
                  pg.html.len, NULL, NULL);
  }
  kg_endpoint_done(ep, KG_EXIT_OK);
  kg_buf_release(&pg.html);
  free(pg.report);
  free(pg.text);
}

void
kg_pages_entity(struct kg_endpoint *ep, struct kg_http_req *req,
                const char *rest)
{
  struct kg_buf iri = KG_BUF_INIT, q = KG_BUF_INIT;
  const char *f = kg_http_arg(req, "format", NULL);
  size_t n = sizeof(page_offers) / sizeof(page_offers[0]);
  int k;

  if(!iri_safe(rest)) {
    kg_http_error(req, 404, "no entity at %s", req->path);
    return;
  }
  kg_buf_addf(&iri, "%s%s", ep->base, rest);
  k = f ? kg_negotiate_named(f, page_offers, n)
        : kg_negotiate(kg_http_header(req, "Accept"), page_offers, n);
  if(k >= 0 && !strcmp(page_offers[k].name, "html")) {
    html_page(ep, req, iri.s);
  } else {
    /* RDF: the entity's triples, negotiated again among graph formats */
    kg_buf_addf(&q, "CONSTRUCT { <%s> ?p ?o } WHERE { <%s> ?p ?o }",
                iri.s, iri.s);
    kg_endpoint_query(ep, req, q.s, "page", 1);
  }
  kg_buf_release(&iri);
  kg_buf_release(&q);
}
