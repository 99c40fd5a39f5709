/* test_gazetteer.c - the territory gazetteer and its RDF shape.
 *
 * Needs data/gazetteer/ built (make gazetteer), found under $MEDNUM_KG_DATA
 * or KG_DATADIR.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <redland.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "base/diag.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "ref/territory.h"
#include "base/text.h"

static int test_no;
static int failures;

static void
ok(int cond, const char *desc)
{
  test_no++;
  if(!cond)
    failures++;
  printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
}

/* Territories with the key of @text. */
static size_t
lookup(const struct kg_gaz *g, const char *text, const struct kg_terr **out,
       size_t max)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t n;

  kg_text_key(text, strlen(text), &key);
  n = kg_gaz_lookup(g, key.s, out, max);
  kg_buf_release(&key);
  return n;
}

/* The territory of kind @kind named @text, or NULL. */
static const struct kg_terr *
find(const struct kg_gaz *g, const char *text, enum kg_terr_kind kind)
{
  const struct kg_terr *out[64];
  size_t i, n = lookup(g, text, out, 64);

  for(i = 0; i < n; i++)
    if(out[i]->kind == kind)
      return out[i];
  return NULL;
}

static int
is(const struct kg_terr *t, enum kg_terr_kind kind, const char *code)
{
  return t && t->kind == kind && t->code && !strcmp(t->code, code);
}

static int
streq(const char *a, const char *b)
{
  return a && b && !strcmp(a, b);
}

static void
test_communes(const struct kg_gaz *g)
{
  const struct kg_terr *t;

  t = find(g, "Orléans", KG_TERR_COMMUNE);
  ok(is(t, KG_TERR_COMMUNE, "45234"), "Orléans is commune 45234");
  ok(t && streq(t->departement, "45") && streq(t->region, "24"),
     "Orléans: département 45, région 24");
  ok(t && streq(t->epci, "244500468"), "Orléans: EPCI Orléans Métropole");
  ok(t && streq(t->name, "Orléans") && t->population > 100000,
     "Orléans: name and population");
  ok(is(find(g, "ORLEANS", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "45234"),
     "ORLEANS (no accent, capitals) finds 45234");
  ok(is(find(g, "Tours", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "37261"),
     "Tours is 37261");
  ok(is(find(g, "Vierzon", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "18279"),
     "Vierzon is 18279");
  ok(is(find(g, "Joué-lès-Tours", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "37122"),
     "Joué-lès-Tours is 37122");
  ok(is(find(g, "Joue les Tours", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "37122"),
     "Joue les Tours is 37122");
  ok(is(find(g, "Le Blanc", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "36018"),
     "Le Blanc is 36018");
  ok(is(find(g, "St-Étienne", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "42218"),
     "St-Étienne is 42218");
  ok(is(find(g, "Saint-Etienne", KG_TERR_COMMUNE), KG_TERR_COMMUNE, "42218"),
     "Saint-Etienne is 42218");
  t = kg_gaz_get(g, KG_TERR_COMMUNE, "42218");
  ok(t && streq(t->name, "Saint-Étienne"), "42218 is named Saint-Étienne");
  ok(is(kg_gaz_get(g, KG_TERR_COMMUNE, "75056"), KG_TERR_COMMUNE, "75056") &&
     is(kg_gaz_get(g, KG_TERR_COMMUNE, "69123"), KG_TERR_COMMUNE, "69123") &&
     is(kg_gaz_get(g, KG_TERR_COMMUNE, "13055"), KG_TERR_COMMUNE, "13055"),
     "Paris, Lyon, Marseille are communes");
  ok(!kg_gaz_get(g, KG_TERR_COMMUNE, "75101") &&
     !kg_gaz_get(g, KG_TERR_COMMUNE, "13201") &&
     !kg_gaz_get(g, KG_TERR_COMMUNE, "69381"),
     "arrondissements municipaux are not communes");
  /* Annecy-le-Vieux (74011), commune déléguée of Annecy (74010) */
  ok(!kg_gaz_get(g, KG_TERR_COMMUNE, "74011") &&
     is(kg_gaz_get(g, KG_TERR_COMMUNE, "74010"), KG_TERR_COMMUNE, "74010"),
     "communes déléguées are left out, their commune nouvelle kept");
  t = kg_gaz_get(g, KG_TERR_COMMUNE, "97411");
  ok(t && streq(t->departement, "974") && streq(t->region, "04"),
     "Saint-Denis de La Réunion: département 974, région 04");
  ok(!kg_gaz_get(g, KG_TERR_COMMUNE, "97502") &&
     !kg_gaz_get(g, KG_TERR_REGION, "975"),
     "collectivités d'outre-mer are left out");
}

static void
test_homonyms(const struct kg_gaz *g)
{
  const struct kg_terr *out[64];
  size_t n, total, i;
  int dep = 0, com = 0;

  n = lookup(g, "Indre", out, 64);
  for(i = 0; i < n; i++) {
    dep += is(out[i], KG_TERR_DEPARTEMENT, "36");
    com += is(out[i], KG_TERR_COMMUNE, "44074");
  }
  ok(dep == 1 && com == 1, "Indre: the département 36 and the commune 44074");
  ok(n >= 2 && is(out[0], KG_TERR_DEPARTEMENT, "36"),
     "Indre: the département comes first");
  total = lookup(g, "Saint-Denis", NULL, 0);
  ok(total >= 4, "Saint-Denis: several homonyms (count with max 0)");
  n = lookup(g, "Saint-Denis", out, 64);
  ok(n == total && is(out[0], KG_TERR_COMMUNE, "97411") &&
     is(out[1], KG_TERR_COMMUNE, "93066"),
     "Saint-Denis: all returned, the most populous (97411, 93066) first");
  n = lookup(g, "Saint-Denis", out, 2);
  ok(n == 2, "lookup stores at most max entries");
  ok(lookup(g, "Zzyzx-sur-Rien", out, 64) == 0, "unknown name: no match");
  ok(kg_gaz_lookup(g, "", out, 64) == 0, "empty key: no match");
  ok(kg_gaz_has_prefix(g, "saint") && kg_gaz_has_prefix(g, "saint denis") &&
     kg_gaz_has_prefix(g, "communaute de communes coeur") &&
     kg_gaz_has_prefix(g, "indre"), "has_prefix: whole-word prefixes");
  ok(!kg_gaz_has_prefix(g, "saint den") && !kg_gaz_has_prefix(g, "zzyzx") &&
     !kg_gaz_has_prefix(g, "orleans zzz") && !kg_gaz_has_prefix(g, ""),
     "has_prefix: partial words and unknown names");
}

static void
test_epci(const struct kg_gaz *g)
{
  const struct kg_terr *t;
  const struct kg_terr *out[8];
  size_t n;

  t = find(g, "CC Cœur de Brenne", KG_TERR_EPCI);
  ok(is(t, KG_TERR_EPCI, "243600343"), "CC Cœur de Brenne is 243600343");
  ok(t && streq(t->departement, "36") && streq(t->region, "24"),
     "Cœur de Brenne: département 36, région 24");
  ok(is(find(g, "Communauté de communes Cœur de Brenne", KG_TERR_EPCI),
        KG_TERR_EPCI, "243600343"),
     "Communauté de communes Cœur de Brenne is 243600343");
  ok(is(find(g, "communaute de communes COEUR DE BRENNE", KG_TERR_EPCI),
        KG_TERR_EPCI, "243600343"),
     "communaute de communes COEUR DE BRENNE is 243600343");
  /* by decision: bare EPCI names (no CC/CA/CU) are not indexed */
  ok(find(g, "Cœur de Brenne", KG_TERR_EPCI) == NULL,
     "bare Cœur de Brenne is not indexed (no prefix-less EPCI keys)");
  t = find(g, "Communauté d'agglomération Châteauroux Métropole",
           KG_TERR_EPCI);
  ok(t && t == find(g, "CA Châteauroux Métropole", KG_TERR_EPCI),
     "CA X and Communauté d'agglomération X: same EPCI");
  ok(is(find(g, "Communauté urbaine d'Arras", KG_TERR_EPCI), KG_TERR_EPCI,
        "200033579"), "Communauté urbaine d'Arras is CU d'Arras");
  t = find(g, "Orléans Métropole", KG_TERR_EPCI);
  ok(is(t, KG_TERR_EPCI, "244500468"), "Orléans Métropole is 244500468");
  t = kg_gaz_get(g, KG_TERR_EPCI, "200054781");   /* Grand Paris: 75, 92...*/
  ok(t && !t->departement && !t->region,
     "an EPCI over several départements has none");
  n = kg_gaz_parents(g, t, out, 8);
  ok(n == 0, "... and no parent");
}

static void
test_hierarchy(const struct kg_gaz *g)
{
  const struct kg_terr *out[8];
  const struct kg_terr *t;
  struct kg_buf b = KG_BUF_INIT;
  size_t n;

  t = find(g, "Centre-Val de Loire", KG_TERR_REGION);
  ok(is(t, KG_TERR_REGION, "24"), "région Centre-Val de Loire is 24");
  ok(is(find(g, "Centre Val-de-Loire", KG_TERR_REGION), KG_TERR_REGION, "24"),
     "Centre Val-de-Loire is 24 too");
  ok(t && kg_gaz_parents(g, t, out, 8) == 0 &&
     kg_gaz_ancestors(g, t, out, 8) == 0, "a région has no ancestor");
  t = kg_gaz_get(g, KG_TERR_DEPARTEMENT, "36");
  ok(t && streq(t->name, "Indre") && streq(t->region, "24") &&
     !t->departement, "département 36 is Indre, in 24");
  n = kg_gaz_parents(g, t, out, 8);
  ok(n == 1 && is(out[0], KG_TERR_REGION, "24"), "parents of 36: 24");
  ok(is(kg_gaz_get(g, KG_TERR_DEPARTEMENT, "2A"), KG_TERR_DEPARTEMENT, "2A"),
     "département 2A exists");
  t = kg_gaz_get(g, KG_TERR_COMMUNE, "45234");
  n = kg_gaz_parents(g, t, out, 8);
  ok(n == 2 && is(out[0], KG_TERR_EPCI, "244500468") &&
     is(out[1], KG_TERR_DEPARTEMENT, "45"), "parents of 45234: EPCI, 45");
  n = kg_gaz_ancestors(g, t, out, 8);
  ok(n == 3 && is(out[0], KG_TERR_EPCI, "244500468") &&
     streq(out[0]->name, "Orléans Métropole") &&
     is(out[1], KG_TERR_DEPARTEMENT, "45") && is(out[2], KG_TERR_REGION, "24"),
     "ancestors of 45234: Orléans Métropole, 45, 24");
  n = kg_gaz_ancestors(g, t, out, 2);
  ok(n == 2, "ancestors: at most max");
  t = kg_gaz_get(g, KG_TERR_EPCI, "243600343");
  n = kg_gaz_ancestors(g, t, out, 8);
  ok(n == 2 && is(out[0], KG_TERR_DEPARTEMENT, "36") &&
     is(out[1], KG_TERR_REGION, "24"), "ancestors of the EPCI: 36, 24");
  ok(streq(kg_gaz_rel_iri(kg_gaz_get(g, KG_TERR_COMMUNE, "45234"), &b),
           "territoire/commune/45234") &&
     streq(kg_gaz_rel_iri(t, &b), "territoire/epci/243600343") &&
     streq(kg_gaz_rel_iri(kg_gaz_get(g, KG_TERR_REGION, "24"), &b),
           "territoire/region/24") &&
     streq(kg_gaz_rel_iri(kg_gaz_get(g, KG_TERR_DEPARTEMENT, "36"), &b),
           "territoire/departement/36"), "relative IRIs");
  ok(streq(kg_gaz_class(t), "Intercommunalite") &&
     streq(kg_gaz_class(kg_gaz_get(g, KG_TERR_REGION, "24")), "Region") &&
     streq(kg_gaz_class(kg_gaz_get(g, KG_TERR_DEPARTEMENT, "36")),
           "Departement") &&
     streq(kg_gaz_class(kg_gaz_get(g, KG_TERR_COMMUNE, "36018")), "Commune"),
     "igeo classes");
  ok(kg_gaz_max_words(g) >= 8 && kg_gaz_max_words(g) < 40,
     "max words is plausible");
  ok(kg_gaz_count(g) > 36000 && kg_gaz_at(g, 0) &&
     kg_gaz_at(g, 0)->kind == KG_TERR_REGION &&
     kg_gaz_at(g, kg_gaz_count(g) - 1)->kind == KG_TERR_COMMUNE &&
     !kg_gaz_at(g, kg_gaz_count(g)), "iteration over every territory");
  ok(kg_gaz_count(g) > 0 && !kg_gaz_get(g, KG_TERR_REGION, "45234"),
     "kg_gaz_get is by kind");
  kg_buf_release(&b);
}

/* A template in $TMPDIR (or the system's temporary directory). */
static void
temp_name(char *out, size_t n, const char *base)
{
  const char *t = getenv("TMPDIR");

  snprintf(out, n, "%s/%s", t && *t ? t : P_tmpdir, base);
}

/* Runs kg_gaz_open on @dir with stderr caught; the text goes in @msg. */
static struct kg_gaz *
open_caught(const char *dir, struct kg_buf *msg)
{
  char tmpl[512];
  struct kg_gaz *g;
  char line[1024];
  int fd, saved;
  FILE *f;

  temp_name(tmpl, sizeof tmpl, "kg-test-gaz-XXXXXX");

  kg_buf_reset(msg);
  fflush(stderr);
  fd = mkstemp(tmpl);
  if(fd < 0)
    return kg_gaz_open(dir);
  saved = dup(2);
  dup2(fd, 2);
  g = kg_gaz_open(dir);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  close(fd);
  f = fopen(tmpl, "r");
  while(f && fgets(line, sizeof line, f))
    kg_buf_adds(msg, line);
  if(f)
    fclose(f);
  unlink(tmpl);
  return g;
}

static int
one_line_naming(const struct kg_buf *msg, const char *file)
{
  const char *nl = strchr(msg->s, '\n');

  return nl && !nl[1] && strstr(msg->s, file) &&
         strstr(msg->s, "make gazetteer");
}

static int
copy_part(const char *from, const char *to, long len, long flip)
{
  FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
  long i;
  int c, rc = -1;

  if(!in || !out)
    goto out;
  for(i = 0; (len < 0 || i < len) && (c = getc(in)) != EOF; i++)
    putc(i == flip ? c ^ 0x5A : c, out);
  rc = 0;
out:
  if(in)
    fclose(in);
  if(out && fclose(out))
    rc = -1;
  return rc;
}

static void
test_bad_index(const char *gazdir)
{
  char dir[512];
  struct kg_buf src = KG_BUF_INIT, dst = KG_BUF_INIT, msg = KG_BUF_INIT;
  struct kg_gaz *g;

  temp_name(dir, sizeof dir, "kg-test-gazdir-XXXXXX");

  g = open_caught("/nonexistent/gazetteer", &msg);
  ok(!g && one_line_naming(&msg, "/nonexistent/gazetteer/territoires.idx"),
     "missing index: NULL and one line naming it, suggesting make gazetteer");
  if(!mkdtemp(dir)) {
    ok(0, "temporary directory");
    return;
  }
  kg_buf_addf(&src, "%s/%s", gazdir, KG_GAZ_INDEX_FILE);
  kg_buf_addf(&dst, "%s/%s", dir, KG_GAZ_INDEX_FILE);
  copy_part(src.s, dst.s, 4000, -1);
  g = open_caught(dir, &msg);
  ok(!g && one_line_naming(&msg, dst.s), "truncated index: NULL, one line");
  copy_part(src.s, dst.s, -1, 0);
  g = open_caught(dir, &msg);
  ok(!g && one_line_naming(&msg, dst.s), "bad magic: NULL, one line");
  copy_part(src.s, dst.s, -1, 50);   /* off_keys */
  g = open_caught(dir, &msg);
  ok(!g && one_line_naming(&msg, dst.s), "bad section table: NULL, one line");
  copy_part(src.s, dst.s, 0, -1);
  g = open_caught(dir, &msg);
  ok(!g && one_line_naming(&msg, dst.s), "empty index: NULL, one line");
  unlink(dst.s);
  rmdir(dir);
  kg_gaz_free(NULL);
  kg_buf_release(&src);
  kg_buf_release(&dst);
  kg_buf_release(&msg);
}

static int
has(librdf_world *w, librdf_model *m, librdf_node *graph, const char *s,
    const char *p, const char *o_iri)
{
  librdf_statement *st;
  librdf_stream *str;
  int found = 0;

  st = librdf_new_statement_from_nodes(w,
         librdf_new_node_from_uri_string(w, (const unsigned char *)s),
         librdf_new_node_from_uri_string(w, (const unsigned char *)p),
         librdf_new_node_from_uri_string(w, (const unsigned char *)o_iri));
  str = librdf_model_find_statements_in_context(m, st, graph);
  if(str) {
    found = !librdf_stream_end(str);
    librdf_free_stream(str);
  }
  librdf_free_statement(st);
  return found;
}

static void
test_emit(void)
{
  struct kg_ctx ctx;
  librdf_storage *storage = NULL;
  librdf_model *m = NULL;
  librdf_node *graph = NULL;
  const struct kg_terr *t;
  int n1, n2 = -1;
  FILE *nt;
  char line[512];
  int nt_lines = 0;

  if(kg_ctx_init(&ctx) < 0) {
    ok(0, "ctx");
    return;
  }
  ctx.w.base = "http://example.org/id/";
  m = kg_world_new_memory_model(&ctx.w, &storage);
  graph = kg_world_id(&ctx.w, "graph/test");
  t = kg_ref_gaz(&ctx.ref) ? kg_gaz_get(ctx.ref.gaz, KG_TERR_COMMUNE, "45234") : NULL;
  ok(m && t && kg_territory_emit(&ctx.w, ctx.ref.gaz, t, m, graph) == 0,
     "emit Orléans into a graph");
  n1 = m ? librdf_model_size(m) : -1;
  ok(m && t && kg_territory_emit(&ctx.w, ctx.ref.gaz, t, m, graph) == 0 &&
     (n2 = librdf_model_size(m)) == n1, "emitting twice adds nothing");
  /* 45234: 3 + 2 + 3, EPCI: 3 + 1 + 2, 45: 3 + 1 + 1, 24: 3 */
  ok(n1 == 8 + 6 + 5 + 3, "triples of Orléans and its ancestors: 22");
  ok(m && has(ctx.w.world, m, graph,
              "http://example.org/id/territoire/commune/45234",
              KG_NS_IGEO "subdivisionDe",
              "http://example.org/id/territoire/region/24"),
     "45234 igeo:subdivisionDe région 24 (closure), with --base");
  ok(m && has(ctx.w.world, m, graph,
              "http://example.org/id/territoire/epci/244500468",
              KG_NS_RDF "type", KG_NS_IGEO "Intercommunalite"),
     "the EPCI is typed igeo:Intercommunalite");
  ok(m && has(ctx.w.world, m, graph,
              "http://example.org/id/territoire/commune/45234",
              KG_NS_IGEO "subdivisionDirecteDe",
              "http://example.org/id/territoire/epci/244500468") &&
     !has(ctx.w.world, m, graph,
          "http://example.org/id/territoire/commune/45234",
          KG_NS_IGEO "subdivisionDirecteDe",
          "http://example.org/id/territoire/region/24"),
     "direct parents: EPCI yes, région no");
  if(graph)
    librdf_free_node(graph);
  graph = kg_world_id(&ctx.w, "graph/other");
  ok(m && t && kg_territory_emit(&ctx.w, ctx.ref.gaz, t, m, graph) == 0 &&
     librdf_model_size(m) == 2 * n1,
     "emitting into another graph adds the triples there");
  /* the N-Triples writer gives the same shape */
  nt = tmpfile();
  if(nt && t) {
    kg_territory_write_nt(nt, ctx.ref.gaz, t, "http://example.org/id/");
    rewind(nt);
    while(fgets(line, sizeof line, nt))
      nt_lines++;
  }
  ok(nt_lines == 8, "N-Triples of 45234: the same 8 triples");
  if(nt)
    fclose(nt);
  if(graph)
    librdf_free_node(graph);
  if(m)
    librdf_free_model(m);
  if(storage)
    librdf_free_storage(storage);
  kg_ctx_release(&ctx);
}

int
main(void)
{
  const char *data = getenv("MEDNUM_KG_DATA");
  struct kg_buf dir = KG_BUF_INIT;
  struct kg_gaz *g;

  kg_buf_addf(&dir, "%s/data/gazetteer", data && *data ? data : KG_DATADIR);
  g = kg_gaz_open(dir.s);
  ok(g != NULL, "open the gazetteer (make gazetteer builds it)");
  if(g) {
    test_communes(g);
    test_homonyms(g);
    test_epci(g);
    test_hierarchy(g);
    test_bad_index(dir.s);
    kg_gaz_free(g);
    test_emit();
  }
  kg_buf_release(&dir);
  printf("1..%d\n", test_no);
  return failures ? 1 : 0;
}
