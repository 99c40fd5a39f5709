/* endpoint.c - routes, the SPARQL 1.1 Protocol and the named-query API
 * (see endpoint.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "base/buf.h"
#include "base/diag.h"
#include "ref/named.h"
#include "ref/ref.h"
#include "sparql/sparql.h"
#include "store/store.h"
#include "serve/endpoint.h"
#include "serve/negotiate.h"

/* What a SELECT or ASK answer can be sent as; the first is the default. */
static const struct kg_offer result_offers[] = {
  { "application/sparql-results+json", "json" },
  { "application/sparql-results+xml", "xml" },
  { "text/csv", "csv" },
  { "text/tab-separated-values", "tsv" },
  { "application/json", "json" },
  { "application/xml", "xml" },
  { "text/plain", "table" }
};

/* What a CONSTRUCT or DESCRIBE answer can be sent as. */
static const struct kg_offer graph_offers[] = {
  { "text/turtle", "turtle" },
  { "application/n-triples", "ntriples" },
  { "application/ld+json", "jsonld" },
  { "application/rdf+xml", "rdfxml" },
  { "application/x-turtle", "turtle" },
  { "text/plain", "ntriples" },
  { "application/json", "jsonld" }
};

#define NOFFERS(a) (sizeof(a) / sizeof((a)[0]))

/* The Content-Type sent for @media: text types say their charset. */
static void
content_type(const char *media, struct kg_buf *b)
{
  kg_buf_adds(b, media);
  if(!strncmp(media, "text/", 5))
    kg_buf_adds(b, "; charset=utf-8");
}

/* The offer for @req among @offers: format= first, then Accept.  -1 after
 * answering 406. */
static int
choose_format(struct kg_http_req *req, const struct kg_offer *offers,
              size_t n)
{
  const char *f = kg_http_arg(req, "format", NULL);
  struct kg_buf list = KG_BUF_INIT;
  size_t i;
  int k;

  if(!f)
    f = kg_http_arg(req, "output", NULL);
  k = f ? kg_negotiate_named(f, offers, n)
        : kg_negotiate(kg_http_header(req, "Accept"), offers, n);
  if(k >= 0)
    return k;
  for(i = 0; i < n; i++)
    kg_buf_addf(&list, "%s%s (%s)", i ? ", " : "", offers[i].media,
                offers[i].name);
  if(f)
    kg_http_error(req, 406, "format '%s' is not available for this answer; "
                  "available: %s", f, list.s);
  else
    kg_http_error(req, 406, "no acceptable type in Accept: %s; available: "
                  "%s", kg_http_header(req, "Accept"), list.s);
  kg_buf_release(&list);
  return -1;
}

/* The values of the repeatable argument @key (SHARED strings). */
static const char **
arg_values(const struct kg_http_req *req, const char *key, size_t *n)
{
  const char **v = NULL;
  size_t i, cap = 0;

  *n = 0;
  for(i = 0; i < req->nargs; i++)
    if(!strcmp(req->args[i].key, key)) {
      KG_GROW(v, cap, *n + 1);
      v[(*n)++] = req->args[i].val.s ? req->args[i].val.s : "";
    }
  return v;
}

/* Sends the answer @res as the negotiated format. */
static void
send_result(struct kg_endpoint *ep, struct kg_http_req *req,
            struct kg_result *res)
{
  int graph = kg_result_kind(res) == KG_RESULT_GRAPH;
  const struct kg_offer *offers = graph ? graph_offers : result_offers;
  size_t n = graph ? NOFFERS(graph_offers) : NOFFERS(result_offers);
  struct kg_buf out = KG_BUF_INIT, ct = KG_BUF_INIT;
  int k = choose_format(req, offers, n);

  if(k < 0)
    return;
  if(kg_result_write_buf(res, offers[k].name, &out))
    kg_http_error(req, 500, "the answer could not be written");
  else if(ep->max_response && out.len > ep->max_response)
    kg_http_error(req, 503, "the answer is over the limit of %zu bytes "
                  "(serve --max-response); nothing was sent rather than a "
                  "part", ep->max_response);
  else {
    content_type(offers[k].media, &ct);
    kg_http_reply(req, 200, ct.s, out.s ? out.s : "", out.len, NULL, NULL);
  }
  kg_buf_release(&out);
  kg_buf_release(&ct);
}

/* The answer to a query that failed (@rc) with the messages @msg. */
static void
send_failure(struct kg_http_req *req, int rc, int limit, struct kg_buf *msg)
{
  const char *text = msg->len ? msg->s : "the query failed\n";

  if(limit)
    kg_http_error(req, 503, "%s", text);
  else if(rc == KG_EXIT_DATA)
    kg_http_error(req, 400, "%s", text);
  else
    kg_http_error(req, 500, "%s", text);
}

struct kg_store *
kg_endpoint_store(struct kg_endpoint *ep, int *code)
{
  if(ep->store) {
    int r = kg_store_renew(ep->store);

    if(r == 0)
      return ep->store;
    kg_store_close(ep->store);
    ep->store = NULL;
    if(r < 0) {
      *code = KG_EXIT_SYS;
      return NULL;
    }
  }
  ep->store = kg_store_open_read(ep->w, ep->store_dir, code);
  return ep->store;
}

int
kg_endpoint_done(struct kg_endpoint *ep, int code)
{
  code = kg_store_status(ep->store, code);
  if(code == KG_EXIT_SYS) {     /* damage or I/O: open afresh next time */
    kg_store_close(ep->store);
    ep->store = NULL;
  }
  kg_store_pause(ep->store);
  return code;
}

void
kg_endpoint_query(struct kg_endpoint *ep, struct kg_http_req *req,
                  const char *query, const char *source, int empty_404)
{
  struct kg_sparql_opts opts;
  struct kg_result *res = NULL;
  struct kg_store *store;
  struct kg_buf msg = KG_BUF_INIT;
  const char **dg, **ng;
  int rc = KG_EXIT_SYS, limit = 0;

  memset(&opts, 0, sizeof opts);
  opts.source = source;
  opts.timeout = ep->timeout;
  opts.max_rows = ep->max_rows;
  opts.max_memory = ep->max_memory;
  opts.limit_hit = &limit;
  dg = arg_values(req, "default-graph-uri", &opts.ndefault_graphs);
  ng = arg_values(req, "named-graph-uri", &opts.nnamed_graphs);
  opts.default_graphs = dg;
  opts.named_graphs = ng;
  kg_diag_capture(&msg);
  store = kg_endpoint_store(ep, &rc);
  if(store) {
    if(ep->timeout > 0)
      kg_diag_deadline(ep->timeout * 1.05 + 1, KG_EXIT_DATA, "serve: a query "
                       "ran out of time and its worker was stopped");
    rc = kg_sparql_exec(ep->w, kg_store_model(store), query, &opts, &res);
    kg_diag_deadline_cancel();
    rc = kg_endpoint_done(ep, rc);
  }
  kg_diag_capture(NULL);
  if(rc == KG_EXIT_OK && res && empty_404 && !kg_result_count(res))
    kg_http_error(req, 404, "the graph says nothing of this entity");
  else if(rc == KG_EXIT_OK && res)
    send_result(ep, req, res);
  else
    send_failure(req, rc, limit, &msg);
  kg_result_free(res);
  kg_buf_release(&msg);
  free(dg);
  free(ng);
}

/* 1 if the Content-Type @ct is @media (parameters ignored). */
static int
is_media(const char *ct, const char *media)
{
  size_t n = strlen(media);

  return ct && !strncasecmp(ct, media, n) &&
         (!ct[n] || ct[n] == ';' || ct[n] == ' ');
}

/* The query text of a protocol request, or NULL after answering. */
static const char *
protocol_query(struct kg_http_req *req)
{
  const char *ct = kg_http_header(req, "Content-Type");
  const char *q;
  size_t n = 0;

  if(kg_http_arg(req, "update", NULL) ||
     is_media(ct, "application/sparql-update")) {
    kg_http_error(req, 403, "SPARQL Update is refused: this endpoint is "
                  "read-only (change the store with 'mednum-kg load')");
    return NULL;
  }
  if(!strcmp(req->method, "POST") && is_media(ct, "application/sparql-query"))
    return req->body.s ? req->body.s : "";
  if(!strcmp(req->method, "POST") &&
     !is_media(ct, "application/x-www-form-urlencoded")) {
    kg_http_error(req, 415, "a POST to /sparql is application/x-www-form-"
                  "urlencoded or application/sparql-query, not %s",
                  ct ? ct : "without a Content-Type");
    return NULL;
  }
  q = kg_http_arg(req, "query", &n);
  if(n != 1)
    kg_http_error(req, 400, n ? "more than one 'query' parameter" :
                  "no 'query' parameter (see the query page at /)");
  return n == 1 ? q : NULL;
}

/* GET /sparql without a query: a browser that prefers HTML goes to the
 * query page; any other client gets the SPARQL 1.1 Service Description
 * (what federation engines read first). */
static void
describe_service(struct kg_http_req *req)
{
  static const struct kg_offer offers[] = {
    { "text/turtle", "turtle" },
    { "application/sparql-results+json", "json" },
    { "application/n-triples", "turtle" },
    { "application/xml", "turtle" },
    { "application/json", "turtle" },
    { "text/html", "html" }
  };
  static const char sd[] =
    "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
    "@prefix fmt: <http://www.w3.org/ns/formats/> .\n"
    "[] a sd:Service ;\n"
    "  sd:endpoint <> ;\n"
    "  sd:supportedLanguage sd:SPARQL11Query ;\n"
    "  sd:resultFormat fmt:SPARQL_Results_JSON, fmt:SPARQL_Results_XML,\n"
    "    fmt:SPARQL_Results_CSV, fmt:SPARQL_Results_TSV, fmt:Turtle,\n"
    "    fmt:N-Triples, fmt:JSON-LD, fmt:RDF_XML ;\n"
    "  sd:feature sd:UnionDefaultGraph .\n";
  int k = kg_negotiate(kg_http_header(req, "Accept"), offers,
                       NOFFERS(offers));

  if(k >= 0 && !strcmp(offers[k].name, "html"))
    kg_http_reply(req, 303, "text/plain; charset=utf-8", "see /\n", 6,
                  "Location", "/");
  else
    kg_http_reply(req, 200, "text/turtle; charset=utf-8", sd,
                  sizeof sd - 1, NULL, NULL);
}

static void
sparql(struct kg_endpoint *ep, struct kg_http_req *req)
{
  const char *q;

  if(strcmp(req->method, "GET") && strcmp(req->method, "POST") &&
     strcmp(req->method, "HEAD")) {
    kg_http_reply(req, 405, "text/plain; charset=utf-8",
                  "use GET or POST\n", 16, "Allow", "GET, HEAD, POST, OPTIONS");
    return;
  }
  if(!strcmp(req->method, "GET") && !req->nargs) {
    describe_service(req);
    return;
  }
  q = protocol_query(req);
  if(q)
    kg_endpoint_query(ep, req, q, "query", 0);
}

/* GET /queries: the named queries, their parameters and text, as JSON. */
static void
queries_list(struct kg_endpoint *ep, struct kg_http_req *req)
{
  size_t n, i, j;
  char **names = kg_named_names(ep->ref, &n);
  json_t *list = json_array();
  struct kg_buf url = KG_BUF_INIT;
  char *text;

  for(i = 0; i < n; i++) {
    struct kg_named *q = kg_named_load(ep->ref, names[i]);
    json_t *params = json_array();

    if(!q)
      continue;
    for(j = 0; j < q->nparams; j++)
      json_array_append_new(params, json_pack("{s:s,s:s,s:b,s:s}",
        "name", q->params[j].name,
        "type", kg_named_type_name(q->params[j].type),
        "required", q->params[j].required, "doc", q->params[j].doc));
    kg_buf_reset(&url);
    kg_buf_addf(&url, "/queries/%s", names[i]);
    json_array_append_new(list, json_pack("{s:s,s:s,s:o,s:s,s:s}",
      "name", names[i], "summary", q->summary ? q->summary : "",
      "params", params, "url", url.s, "query", q->text));
    kg_named_free(q);
  }
  list = json_pack("{s:o}", "queries", list);
  text = json_dumps(list, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(list);
  kg_http_reply(req, 200, "application/json", text ? text : "{}",
                text ? strlen(text) : 2, NULL, NULL);
  free(text);
  kg_buf_release(&url);
  kg_named_names_free(names);
}

/* GET /queries/NAME?param=value...: a named query with its parameters. */
static void
named_query(struct kg_endpoint *ep, struct kg_http_req *req, const char *name)
{
  struct kg_buf msg = KG_BUF_INIT;
  struct kg_named *q;
  char **assign = kg_xcalloc(req->nargs + 1, sizeof(char *));
  char *text = NULL;
  size_t i, n = 0;
  int bad = 0;

  kg_diag_capture(&msg);
  q = kg_named_load(ep->ref, name);
  for(i = 0; q && i < req->nargs; i++) {
    struct kg_buf a = KG_BUF_INIT;

    size_t times = 0;

    if(!strcmp(req->args[i].key, "format") ||
       !strcmp(req->args[i].key, "output"))
      continue;
    kg_http_arg(req, req->args[i].key, &times);
    if(times > 1) {
      kg_error("parameter '%s' given %zu times", req->args[i].key, times);
      kg_named_free(q);
      q = NULL;
      bad = 1;
      break;
    }
    kg_buf_addf(&a, "%s=%s", req->args[i].key,
                req->args[i].val.s ? req->args[i].val.s : "");
    assign[n++] = kg_buf_detach(&a);
  }
  if(q)
    text = kg_named_bind(ep->ref, q, assign, n);
  kg_diag_capture(NULL);
  if(bad)
    kg_http_error(req, 400, "%s", msg.s ? msg.s : "repeated parameter");
  else if(!q)
    kg_http_error(req, 404, "%s", msg.s ? msg.s : "unknown named query");
  else if(!text)
    kg_http_error(req, 400, "%s", msg.s ? msg.s : "bad parameters");
  else
    kg_endpoint_query(ep, req, text, name, 0);
  for(i = 0; i < n; i++)
    free(assign[i]);
  free(assign);
  free(text);
  kg_named_free(q);
  kg_buf_release(&msg);
}

/* A CORS preflight: any origin may query. */
static void
preflight(struct kg_http_req *req)
{
  kg_http_reply(req, 204, NULL, "", 0, "Access-Control-Allow-Methods",
                "GET, HEAD, POST, OPTIONS");
}

void
kg_endpoint_handle(void *arg, struct kg_http_req *req)
{
  struct kg_endpoint *ep = arg;
  const char *p = req->path;

  if(!strcmp(req->method, "OPTIONS"))
    preflight(req);
  else if(!strcmp(p, "/sparql"))
    sparql(ep, req);
  else if(strcmp(req->method, "GET") && strcmp(req->method, "HEAD"))
    kg_http_reply(req, 405, "text/plain; charset=utf-8",
                  "this page is read with GET\n", 27, "Allow",
                  "GET, HEAD, OPTIONS");
  else if(!strcmp(p, "/queries"))
    queries_list(ep, req);
  else if(!strncmp(p, "/queries/", 9))
    named_query(ep, req, p + 9);
  else if(!strncmp(p, "/id/", 4))
    kg_pages_entity(ep, req, p + 4);
  else if(!strcmp(p, "/"))
    kg_files_serve(ep, req, "index.html");
  else if(!strncmp(p, "/www/", 5))
    kg_files_serve(ep, req, p + 5);
  else
    kg_http_error(req, 404, "no page at %s (the query page is at /, the "
                  "SPARQL endpoint at /sparql)", p);
}
