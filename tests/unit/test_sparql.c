/* test_sparql.c - unit tests of the query layer (src/sparql/).
 *
 *   test_sparql                      run the built-in cases
 *   test_sparql DATA.ttl QUERY.rq [FORMAT [REPEAT]]
 *                                    run one query (a driver for benchmarks;
 *                                    prints the query time on stderr)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "base/diag.h"
#include "sparql/sparql.h"
#include "sparql/rewrite.h"

static int failures;
static int count;

/* predicates seen while loading (for the opts->predicates hint) */
static librdf_node **preds;
static int npreds;

static void
note_pred(librdf_node *p)
{
  int i;

  for(i = 0; i < npreds; i++)
    if(librdf_node_equals(preds[i], p))
      return;
  preds = realloc(preds, (size_t)(npreds + 1) * sizeof(*preds));
  preds[npreds++] = librdf_new_node_from_node(p);
}

static librdf_model *
load(struct kg_ctx *ctx, librdf_storage **st, const char *ttl, int is_file)
{
  librdf_model *m = kg_world_new_memory_model(&ctx->w, st);
  librdf_parser *p = librdf_new_parser(ctx->w.world, "turtle", NULL, NULL);
  librdf_uri *base = librdf_new_uri(ctx->w.world,
                                    (const unsigned char *)"http://e/");
  int rc;

  if(is_file) {
    /* stream + add: parse_into_model checks duplicates by scanning */
    librdf_uri *u = librdf_new_uri_from_filename(ctx->w.world, ttl);
    librdf_stream *s = librdf_parser_parse_as_stream(p, u, base);

    rc = s ? 0 : 1;
    {
    /* into a named graph: adding to no context in a contexts='yes' hashes
     * store is quadratic (72 s for 10k triples), a named one is not */
    librdf_node *g = librdf_new_node_from_uri_string(ctx->w.world,
                       (const unsigned char *)"urn:kg:test:data");

    for(; s && !librdf_stream_end(s); librdf_stream_next(s)) {
      librdf_statement *x = librdf_stream_get_object(s);

      if(getenv("KG_PREDS"))
        note_pred(librdf_statement_get_predicate(x));
      librdf_model_context_add_statement(m, g, x);
    }
    librdf_free_node(g);
    if(s)
      librdf_free_stream(s);
    }
    librdf_free_uri(u);
  } else {
    rc = librdf_parser_parse_string_into_model(p, (const unsigned char *)ttl,
                                               base, m);
  }
  if(rc)
    fprintf(stderr, "load failed\n");
  librdf_free_uri(base);
  librdf_free_parser(p);
  return m;
}

static char *
run(struct kg_ctx *ctx, librdf_model *m, const char *q, const char *fmt,
    int *status)
{
  struct kg_sparql_opts o;
  struct kg_result *r = NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);

  memset(&o, 0, sizeof o);
  o.source = "q.rq";
  *status = kg_sparql_exec(&ctx->w, m, q, &o, &r);
  if(r) {
    kg_result_write(&ctx->w, r, fmt, f);
    kg_result_free(r);
  }
  fclose(f);
  return buf;
}

static void
check(struct kg_ctx *ctx, librdf_model *m, const char *name, const char *q,
      const char *fmt, int want_status, const char *want)
{
  int st;
  char *got = run(ctx, m, q, fmt, &st);

  count++;
  if(st != want_status || (want && strcmp(got, want))) {
    failures++;
    printf("not ok %d - %s\n#   status %d (want %d)\n#   got:\n%s\n#   want:\n%s\n",
           count, name, st, want_status, got, want ? want : "(any)");
  } else {
    printf("ok %d - %s\n", count, name);
  }
  free(got);
}

static int
lines(const char *s)
{
  int n = 0;

  for(; *s; s++)
    n += *s == '\n';
  return n;
}

static void
ok(int cond, const char *name, const char *detail)
{
  count++;
  if(cond) {
    printf("ok %d - %s\n", count, name);
  } else {
    failures++;
    printf("not ok %d - %s\n#   %s\n", count, name, detail ? detail : "");
  }
}

static void
rewrite_tests(void)
{
  struct kg_rewrite rw;
  const char *q1 = "PREFIX : <http://e/>\nSELECT * WHERE {\n  ?s :p/^:q ?o .\n"
                   "  ?s (:a|:b)+ ?x ; :c ?y }\n";
  const char *q2 = "PREFIX : <http://e/>\nSELECT * WHERE { VALUES ?x { :a \"b\"@fr 3 UNDEF }\n}";
  const char *q3 = "SELECT * WHERE { ?s ?p ?o\n FILTER NOT EXISTS {\n ?s ?q 1 } }";
  const char *q4 = "SELECT * WHERE { ?s <p> \"a/b+c\" . # ?s :p/:q ?o\n ?s ?p <x/y+z> }";
  FILE *devnull;
  int rc;
  char *md = NULL;
  size_t mdlen = 0;

  rc = kg_rewrite_run(q1, "q", 0, &rw);
  ok(rc == 0 && rw.npaths == 2 &&
     strstr(rw.text, "?s <urn:kg:path:0> ?o") &&
     strstr(rw.text, "?s <urn:kg:path:1> ?x ; :c ?y") &&
     lines(rw.text) == lines(q1) && rw.paths[0]->kind == KG_PATH_SEQ &&
     rw.paths[0]->kids[1]->kind == KG_PATH_INV &&
     rw.paths[1]->kind == KG_PATH_OOM &&
     !strcmp(rw.paths[0]->kids[0]->iri, "http://e/p"),
     "rewrite: paths become placeholders, lines kept", rw.text);
  kg_rewrite_release(&rw);
  rc = kg_rewrite_run(q2, "q", 0, &rw);
  ok(rc == 0 &&
     strstr(rw.text, "VALUES (?x) { (:a) (\"b\"@fr) (3) (UNDEF) }") != NULL,
     "rewrite: short VALUES", rw.text);
  kg_rewrite_release(&rw);
  rc = kg_rewrite_run(q3, "q", 0, &rw);
  ok(rc == 0 && rw.nexists == 1 &&
     strstr(rw.text, "FILTER (!<urn:kg:exists:0>(?s))") &&
     lines(rw.text) == lines(q3) && strstr(rw.exists[0], "ASK {") &&
     lines(rw.exists[0]) == 2 && rw.exists_line[0] == 2,
     "rewrite: NOT EXISTS cut out, lines kept", rw.text);
  kg_rewrite_release(&rw);
  rc = kg_rewrite_run(q4, "q", 0, &rw);
  ok(rc == 0 && rw.npaths == 0 &&
     !strcmp(rw.text, q4), "rewrite: strings, comments and IRIs untouched",
     rw.text);
  kg_rewrite_release(&rw);
  devnull = open_memstream(&md, &mdlen);
  kg_sparql_features_markdown(devnull);
  fclose(devnull);
  ok(strstr(md, "| MINUS | native |") && strstr(md, "| SERVICE | refused |"),
     "features table", NULL);
  free(md);
}

static const char *data =
  "@prefix : <http://e/> .\n"
  "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
  ":a :p :b ; :name \"Énergie\"@fr ; :n 3 ; :tag \"x\", \"y\" .\n"
  ":b :p :c ; :name \"mobilité\"@fr ; :n 10 ; :tag \"x\" .\n"
  ":c :p :d ; :name \"bus 12\" ; :n 2 .\n"
  ":d :name \"Dé\" ; :q [ :r 1 ; :s [ :t 2 ] ] .\n";

static void
unit(struct kg_ctx *ctx)
{
  librdf_storage *st;
  librdf_model *m = load(ctx, &st, data, 0);
  const char *pre = "PREFIX : <http://e/>\n";
  struct kg_buf q = KG_BUF_INIT;

#define Q(text) (kg_buf_reset(&q), kg_buf_adds(&q, pre), kg_buf_adds(&q, text), q.s)
  check(ctx, m, "bgp order", Q("SELECT ?x ?y WHERE { ?x :p ?y } ORDER BY ?x"),
        "tsv", 0, "?x\t?y\n<http://e/a>\t<http://e/b>\n<http://e/b>\t<http://e/c>\n<http://e/c>\t<http://e/d>\n");
  check(ctx, m, "count distinct", Q("SELECT (COUNT(DISTINCT ?t) AS ?c) (COUNT(?t) AS ?d) WHERE { ?x :tag ?t }"),
        "tsv", 0, "?c\t?d\n2\t3\n");
  check(ctx, m, "group_concat separator", Q("SELECT (GROUP_CONCAT(?t; separator=\"|\") AS ?g) WHERE { { SELECT ?t WHERE { :a :tag ?t } ORDER BY ?t } }"),
        "csv", 0, "g\r\nx|y\r\n");
  check(ctx, m, "ucase unicode", Q("SELECT (UCASE(?n) AS ?u) WHERE { :b :name ?n }"),
        "tsv", 0, "?u\n\"MOBILITÉ\"@fr\n");
  check(ctx, m, "lcase unicode", Q("SELECT (LCASE(?n) AS ?u) WHERE { :a :name ?n }"),
        "tsv", 0, "?u\n\"énergie\"@fr\n");
  check(ctx, m, "regex \\d", Q("SELECT ?x WHERE { ?x :name ?n FILTER regex(?n, \"\\\\d+\") }"),
        "tsv", 0, "?x\n<http://e/c>\n");
  check(ctx, m, "regex i accented", Q("SELECT ?x WHERE { ?x :name ?n FILTER regex(?n, \"^énergie|MOBILITÉ\", \"i\") } ORDER BY ?x"),
        "tsv", 0, "?x\n<http://e/a>\n<http://e/b>\n");
  check(ctx, m, "graph unknown", Q("SELECT * WHERE { GRAPH <http://nope/> { ?s ?p ?o } }"),
        "tsv", 0, "?s\t?p\t?o\n");
  check(ctx, m, "values parenthesised", Q("SELECT ?x ?n WHERE { VALUES (?x) { (:a) (:c) } ?x :n ?n } ORDER BY ?n"),
        "tsv", 0, "?x\t?n\n<http://e/c>\t2\n<http://e/a>\t3\n");
  check(ctx, m, "optional", Q("SELECT ?x ?t WHERE { ?x :n ?n OPTIONAL { ?x :tag ?t FILTER(?t = \"y\") } } ORDER BY ?x"),
        "tsv", 0, "?x\t?t\n<http://e/a>\t\"y\"\n<http://e/b>\t\n<http://e/c>\t\n");
  check(ctx, m, "union after bgp", Q("SELECT ?x ?v WHERE { ?x :p ?y . ?y :p ?z { ?x :n ?v } UNION { ?z :n ?v } } ORDER BY ?x ?v"),
        "tsv", 0, "?x\t?v\n<http://e/a>\t2\n<http://e/a>\t3\n<http://e/b>\t10\n");
  check(ctx, m, "minus", Q("SELECT ?x WHERE { ?x :n ?n MINUS { ?x :tag \"x\" } }"),
        "tsv", 0, "?x\n<http://e/c>\n");
  check(ctx, m, "group having", Q("SELECT ?x (COUNT(?t) AS ?c) WHERE { ?x :tag ?t } GROUP BY ?x HAVING(COUNT(?t) > 1)"),
        "tsv", 0, "?x\t?c\n<http://e/a>\t2\n");
  check(ctx, m, "sum avg", Q("SELECT (SUM(?n) AS ?s) (MIN(?n) AS ?mi) (MAX(?n) AS ?ma) WHERE { ?x :n ?n }"),
        "tsv", 0, "?s\t?mi\t?ma\n15\t2\t10\n");
  check(ctx, m, "ask true", Q("ASK { :a :p :b }"), "tsv", 0, "true\n");
  check(ctx, m, "ask false", Q("ASK { :a :p :c }"), "json", 0, "{ \"head\": {}, \"boolean\": false }\n");
  check(ctx, m, "describe cbd", Q("SELECT (COUNT(*) AS ?c) WHERE { ?s ?p ?o }"), "tsv", 0, NULL);
  check(ctx, m, "construct", Q("CONSTRUCT { ?y :q ?x } WHERE { ?x :p ?y }"), "ntriples", 0,
        "<http://e/b> <http://e/q> <http://e/a> .\n<http://e/c> <http://e/q> <http://e/b> .\n<http://e/d> <http://e/q> <http://e/c> .\n");
  check(ctx, m, "and with error", Q("SELECT ?x WHERE { ?x :n ?n FILTER(!(?zz > 1 && ?n > 5)) } ORDER BY ?x"),
        "tsv", 0, "?x\n<http://e/a>\n<http://e/c>\n");
  check(ctx, m, "sub-select limit", Q("SELECT ?x WHERE { { SELECT ?x WHERE { ?x :n ?n } ORDER BY DESC(?n) LIMIT 1 } }"),
        "tsv", 0, "?x\n<http://e/b>\n");
  check(ctx, m, "syntax error", Q("SELECT ?x WHERE { ?x :p }"), "tsv", KG_EXIT_DATA, NULL);
  check(ctx, m, "service refused", Q("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"), "tsv", KG_EXIT_DATA, NULL);
  check(ctx, m, "from refused", Q("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }"), "tsv", KG_EXIT_DATA, NULL);
  {
    struct kg_sparql_opts o;
    struct kg_result *r = NULL;

    memset(&o, 0, sizeof o);
    kg_sparql_exec(&ctx->w, m, Q("SELECT ?x ?n WHERE { ?x :n ?n } ORDER BY ?n"),
                   &o, &r);
    ok(r && kg_result_nvars(r) == 2 && !strcmp(kg_result_var(r, 1), "n") &&
       kg_result_count(r) == 3 && kg_result_cell(r, 0, 0) &&
       librdf_node_is_resource(kg_result_cell(r, 0, 0)) &&
       !kg_result_cell(r, 3, 0), "row accessors", NULL);
    kg_result_free(r);
  }
  kg_buf_release(&q);
  librdf_free_model(m);
  librdf_free_storage(st);
}

int
main(int argc, char **argv)
{
  struct kg_ctx ctx;

  if(kg_ctx_init(&ctx))
    return 1;
  if(argc >= 3) {
    librdf_storage *st;
    librdf_model *m;
    FILE *f = fopen(argv[2], "r");
    struct kg_buf q = KG_BUF_INIT;
    char chunk[4096];
    size_t n;
    int reps = argc > 4 ? atoi(argv[4]) : 1;
    librdf_node *dctx = librdf_new_node_from_uri_string(ctx.w.world,
                          (const unsigned char *)"urn:kg:test:data");
    int i;
    int rc = 0;

    if(!f)
      return 2;
    while((n = fread(chunk, 1, sizeof chunk, f)) > 0)
      kg_buf_add(&q, chunk, n);
    fclose(f);
    m = load(&ctx, &st, argv[1], 1);
    for(i = 0; i < reps; i++) {
      struct kg_sparql_opts o;
      struct kg_result *r = NULL;
      struct timespec t0, t1;

      memset(&o, 0, sizeof o);
      o.source = argv[2];
      o.default_context = dctx;
      o.predicates = preds;
      o.npredicates = npreds;
      clock_gettime(CLOCK_MONOTONIC, &t0);
      rc = kg_sparql_exec(&ctx.w, m, q.s, &o, &r);
      clock_gettime(CLOCK_MONOTONIC, &t1);
      fprintf(stderr, "query: %.3f ms, %zu results\n",
              (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6,
              r ? kg_result_count(r) : 0);
      if(r && i == reps - 1)
        kg_result_write(&ctx.w, r, argc > 3 ? argv[3] : "tsv", stdout);
      kg_result_free(r);
    }
    kg_buf_release(&q);
    librdf_free_node(dctx);
    for(i = 0; i < npreds; i++)
      librdf_free_node(preds[i]);
    free(preds);
    librdf_free_model(m);
    librdf_free_storage(st);
    kg_ctx_release(&ctx);
    return rc;
  }
  unit(&ctx);
  rewrite_tests();
  kg_ctx_release(&ctx);
  printf("1..%d\n", count);
  return failures ? 1 : 0;
}
