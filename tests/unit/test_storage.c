/* test_storage.c - the LMDB storage module through librdf's own API:
 * every triple pattern with and without a graph, the union of the graphs
 * (a triple in two graphs is one triple), terms of every kind (tagged,
 * typed, long literals, blank nodes per graph), removal of one statement
 * and of a graph, commit and abort, a reopened store, and 200,000 terms
 * read back through the id -> node table while it grows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/diag.h"
#include "store/kv.h"
#include "store/storage.h"

static int test_no;
static int failed;

static void
ok(int cond, const char *desc)
{
  test_no++;
  if(!cond)
    failed++;
  printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
}

static librdf_world *world;

static librdf_node *
iri(const char *local)
{
  char buf[256];

  snprintf(buf, sizeof buf, "http://ex.org/%s", local);
  return librdf_new_node_from_uri_string(world, (const unsigned char *)buf);
}

static librdf_node *
lit(const char *v, const char *lang, const char *dt)
{
  librdf_uri *u = dt ? librdf_new_uri(world, (const unsigned char *)dt)
                     : NULL;
  librdf_node *n = librdf_new_node_from_typed_literal(
    world, (const unsigned char *)v, lang, u);

  if(u)
    librdf_free_uri(u);
  return n;
}

static void
add(librdf_model *m, librdf_node *s, librdf_node *p, librdf_node *o,
    const char *graph)
{
  librdf_statement *st = librdf_new_statement_from_nodes(world, s, p, o);
  librdf_node *g = graph ? iri(graph) : NULL;

  if(librdf_model_context_add_statement(m, g, st))
    ok(0, "add a statement");
  librdf_free_statement(st);
  if(g)
    librdf_free_node(g);
}

/* Statements matching (s, p, o) (NULL = any) in @graph (NULL = all). */
static int
count(librdf_model *m, const char *s, const char *p, librdf_node *o,
      const char *graph)
{
  librdf_statement *pat = librdf_new_statement_from_nodes(
    world, s ? iri(s) : NULL, p ? iri(p) : NULL,
    o ? librdf_new_node_from_node(o) : NULL);
  librdf_node *g = graph ? iri(graph) : NULL;
  librdf_stream *str = g ? librdf_model_find_statements_in_context(m, pat, g)
                         : librdf_model_find_statements(m, pat);
  int n = 0;

  for(; str && !librdf_stream_end(str); librdf_stream_next(str))
    n++;
  if(str)
    librdf_free_stream(str);
  librdf_free_statement(pat);
  if(g)
    librdf_free_node(g);
  return n;
}

static int
count_stream(librdf_stream *str)
{
  int n = 0;

  for(; str && !librdf_stream_end(str); librdf_stream_next(str))
    n++;
  if(str)
    librdf_free_stream(str);
  return n;
}

static librdf_model *
open_model(const char *dir, int write, librdf_storage **storage)
{
  int code;
  struct kg_kv *kv = kg_kv_open(dir, write, &code);

  *storage = kv ? kg_storage_new(world, kv) : NULL;
  return *storage ? librdf_new_model(world, *storage, NULL) : NULL;
}

static void
close_model(librdf_model *m, librdf_storage *s, int commit)
{
  if(commit)
    ok(!kg_storage_commit(kg_storage_of(s)), "commit");
  else
    kg_storage_abort(kg_storage_of(s));
  librdf_free_model(m);
  librdf_free_storage(s);
}

static char long_value[2000];

static void
fill(librdf_model *m)
{
  int i;

  for(i = 0; i < 5; i++) {
    char s[16];

    snprintf(s, sizeof s, "s%d", i);
    add(m, iri(s), iri("p"), iri("o"), "g1");
    add(m, iri(s), iri("q"), lit("val", "fr", NULL), "g1");
  }
  add(m, iri("s0"), iri("p"), iri("o"), "g2");       /* in both graphs */
  add(m, iri("s9"), iri("p"), lit("42", NULL,
      "http://www.w3.org/2001/XMLSchema#integer"), "g2");
  add(m, iri("s9"), iri("r"), lit(long_value, NULL, NULL), "g2");
  add(m, librdf_new_node_from_blank_identifier(world,
         (const unsigned char *)"b0"), iri("p"), iri("o"), "g1");
  add(m, librdf_new_node_from_blank_identifier(world,
         (const unsigned char *)"b0"), iri("p"), iri("o"), "g2");
}

static void
check_patterns(librdf_model *m, const char *when)
{
  librdf_node *o = iri("o");
  librdf_node *v = lit("val", "fr", NULL);
  librdf_node *n42 = lit("42", NULL,
                         "http://www.w3.org/2001/XMLSchema#integer");
  librdf_node *lv = lit(long_value, NULL, NULL);
  char d[128];

#define CHECK(cond, what) \
  (snprintf(d, sizeof d, "%s: %s", when, what), ok(cond, d))
  CHECK(count(m, NULL, NULL, NULL, NULL) == 14, "(? ? ?) union: 14 (one triple in both graphs)");
  CHECK(count(m, NULL, NULL, NULL, "g1") == 11, "(? ? ?) in g1: 11");
  CHECK(count(m, "s0", NULL, NULL, NULL) == 2, "(s ? ?): s0 twice, once");
  CHECK(count(m, NULL, "p", NULL, NULL) == 8, "(? p ?) union: 8");
  CHECK(count(m, NULL, "p", NULL, "g2") == 3, "(? p ?) in g2: 3");
  CHECK(count(m, NULL, NULL, o, NULL) == 7, "(? ? o): 7");
  CHECK(count(m, "s0", "p", NULL, NULL) == 1, "(s p ?)");
  CHECK(count(m, NULL, "p", o, "g1") == 6, "(? p o) in g1: 6");
  CHECK(count(m, "s3", NULL, o, NULL) == 1, "(s ? o)");
  CHECK(count(m, "s0", "p", o, "g2") == 1, "(s p o) in g2");
  CHECK(count(m, "s1", "p", o, "g2") == 0, "(s p o) not in g2");
  CHECK(count(m, NULL, "q", v, NULL) == 5, "tagged literal");
  CHECK(count(m, "s9", "p", n42, NULL) == 1, "typed literal");
  CHECK(count(m, NULL, "r", lv, "g2") == 1, "2,000-byte literal");
  CHECK(count_stream(librdf_model_as_stream(m)) == 15,
        "serialise: every quad (15)");
  CHECK(count(m, NULL, "nope", NULL, NULL) == 0, "unknown term: nothing");
#undef CHECK
  librdf_free_node(o);
  librdf_free_node(v);
  librdf_free_node(n42);
  librdf_free_node(lv);
}

#define MANY 100000

/* MANY triples (s<i> p "v<i>"): every one read back with its own value,
 * twice (the second time from the node table the first one filled). */
static void
check_many(const char *dir)
{
  librdf_storage *s;
  librdf_model *m = open_model(dir, 1, &s);
  librdf_node *p = iri("p");
  int i;
  int pass;

  for(i = 0; m && i < MANY; i++) {
    char a[32];
    char b[32];

    snprintf(a, sizeof a, "s%d", i);
    snprintf(b, sizeof b, "v%d", i);
    add(m, iri(a), librdf_new_node_from_node(p), lit(b, NULL, NULL), "big");
  }
  if(m)
    close_model(m, s, 1);
  for(pass = 1; pass <= 2; pass++) {
    librdf_statement *pat;
    librdf_stream *str;
    int n = 0;
    int right = 0;
    char d[96];

    m = open_model(dir, 0, &s);
    if(!m)
      break;
    pat = librdf_new_statement_from_nodes(world, NULL,
                                          librdf_new_node_from_node(p), NULL);
    str = librdf_model_find_statements(m, pat);
    for(; str && !librdf_stream_end(str); librdf_stream_next(str)) {
      librdf_statement *st = librdf_stream_get_object(str);
      librdf_uri *su = librdf_node_get_uri(librdf_statement_get_subject(st));
      const char *sv = (const char *)librdf_uri_as_string(su);
      const char *ov = (const char *)librdf_node_get_literal_value(
                         librdf_statement_get_object(st));

      n++;
      if(strlen(sv) > 14 && ov && ov[0] == 'v' && !strcmp(sv + 15, ov + 1))
        right++;
    }
    if(str)
      librdf_free_stream(str);
    librdf_free_statement(pat);
    snprintf(d, sizeof d, "%d terms read back right (pass %d)", 2 * MANY,
             pass);
    ok(n == MANY && right == MANY, d);
    close_model(m, s, 0);
  }
  librdf_free_node(p);
}

static int
count_contexts(librdf_model *m)
{
  librdf_iterator *it = librdf_model_get_contexts(m);
  int n = 0;

  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it))
    n++;
  if(it)
    librdf_free_iterator(it);
  return n;
}

int
main(void)
{
  const char *tmp = getenv("TMPDIR");
  char dir[512];
  librdf_storage *s;
  librdf_model *m;
  librdf_node *g1;

  snprintf(dir, sizeof dir, "%s/kg-storage-XXXXXX",
           tmp && *tmp ? tmp : P_tmpdir);
  memset(long_value, 'x', sizeof long_value - 1);
  world = librdf_new_world();
  librdf_world_open(world);
  kg_diag_install_redland(world);
  if(!mkdtemp(dir))
    return 99;
  m = open_model(dir, 1, &s);
  ok(m != NULL, "a new store opens for writing");
  if(!m)
    return 1;
  fill(m);
  check_patterns(m, "in the write transaction");
  ok(count_contexts(m) == 2, "two graphs");
  close_model(m, s, 1);

  m = open_model(dir, 0, &s);
  ok(m != NULL, "reopened for reading");
  check_patterns(m, "reopened");
  close_model(m, s, 0);

  m = open_model(dir, 1, &s);
  g1 = iri("g1");
  ok(!librdf_model_context_remove_statements(m, g1), "remove graph g1");
  ok(count(m, NULL, NULL, NULL, NULL) == 4, "g2's 4 triples are left");
  ok(count(m, "s0", NULL, NULL, NULL) == 1, "s0 is still in g2");
  ok(count_contexts(m) == 1, "one graph left");
  close_model(m, s, 0);                   /* aborted */
  m = open_model(dir, 0, &s);
  ok(count(m, NULL, NULL, NULL, "g1") == 11, "an aborted removal left g1");
  close_model(m, s, 0);

  m = open_model(dir, 1, &s);
  {
    librdf_statement *st = librdf_new_statement_from_nodes(
      world, iri("s1"), iri("p"), iri("o"));

    ok(!librdf_model_context_remove_statement(m, g1, st),
       "remove one statement");
    librdf_free_statement(st);
  }
  close_model(m, s, 1);
  m = open_model(dir, 0, &s);
  ok(count(m, NULL, "p", NULL, "g1") == 5, "it is gone after commit");
  ok(librdf_model_size(m) == 14, "size: 14 quads");
  close_model(m, s, 0);

  /* a store of another format is refused, never misread */
  {
    int code;
    struct kg_kv *kv = kg_kv_open(dir, 1, &code);

    ok(kv && !kg_kv_put_info(kv, "format", "mednum-kg store 99") &&
       !kg_kv_commit(kv), "record another format");
    kg_kv_free(kv);
    printf("# the next line is the expected refusal\n");
    fflush(stdout);
    kv = kg_kv_open(dir, 0, &code);
    ok(!kv && code == KG_EXIT_DATA, "a store of another format is refused");
    kg_kv_free(kv);
  }

  librdf_free_node(g1);
  {
    char many[600];

    snprintf(many, sizeof many, "%s/many", dir);
    if(mkdir(many, 0700))
      return 99;
    check_many(many);
  }
  librdf_free_world(world);
  {
    char cmd[600];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if(system(cmd))
      return 99;
  }
  printf("1..%d\n", test_no);
  return failed ? 1 : 0;
}
