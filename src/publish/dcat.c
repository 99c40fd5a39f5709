/* dcat.c - counts over the stored graph; its DCAT and VoID description.
 *
 * Everything here goes through librdf's indexes (the store keeps a
 * predicate index), never through SPARQL: the counts must be exact and
 * cheap on a million triples.  The description is written as Turtle text
 * directly, in a fixed order, so the same store gives the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "rdf/world.h"
#include "publish/dcat.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "store/store.h"

#define KG_LICENCE "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
#define KG_EU_AUTH "http://publications.europa.eu/resource/authority/"
#define KG_EU_FILETYPE KG_EU_AUTH "file-type/"
#define KG_EU_LANG KG_EU_AUTH "language/FRA"
#define KG_IANA "https://www.iana.org/assignments/media-types/"

/* ------------------------------------------------------------ helpers */

static const char *
node_iri(librdf_node *n)
{
  if(!n || !librdf_node_is_resource(n))
    return NULL;
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

const char *
kg_dcat_curie(const char *iri, char *out, size_t size)
{
  size_t i;

  for(i = 0; kg_prefixes[i].prefix; i++) {
    size_t n = strlen(kg_prefixes[i].iri);

    if(!strncmp(iri, kg_prefixes[i].iri, n) && iri[n] &&
       !strpbrk(iri + n, "/#")) {
      snprintf(out, size, "%s:%s", kg_prefixes[i].prefix, iri + n);
      return out;
    }
  }
  if(!strncmp(iri, KG_NS_RDF, strlen(KG_NS_RDF))) {
    snprintf(out, size, "rdf:%s", iri + strlen(KG_NS_RDF));
    return out;
  }
  snprintf(out, size, "%s", iri);
  return out;
}

/* Literal value of (@s @p ?) or NULL; new string. */
static char *
get_literal(librdf_model *m, librdf_node *s, librdf_node *p)
{
  librdf_node *o = librdf_model_get_target(m, s, p);
  char *res = NULL;

  if(o) {
    if(librdf_node_is_literal(o))
      res = kg_xstrdup((const char *)librdf_node_get_literal_value(o));
    librdf_free_node(o);
  }
  return res;
}

static int
gcount_cmp(const void *a, const void *b)
{
  const struct kg_gcount *x = a, *y = b;

  if(x->code && y->code && strcmp(x->code, y->code))
    return strcmp(x->code, y->code);
  return strcmp(x->iri, y->iri);
}

static int
str_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
gcounts_free(struct kg_gcount *v, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    free(v[i].iri);
    free(v[i].label);
    free(v[i].code);
  }
  free(v);
}

void
kg_gstats_release(struct kg_gstats *gs)
{
  size_t i;

  gcounts_free(gs->graphs, gs->ngraphs);
  gcounts_free(gs->classes, gs->nclasses);
  gcounts_free(gs->deps, gs->ndeps);
  gcounts_free(gs->regions, gs->nregions);
  for(i = 0; i < gs->nthemes; i++)
    free(gs->themes[i]);
  free(gs->themes);
  memset(gs, 0, sizeof(*gs));
}

/* Role bits of a subject, from its types. */
#define ROLE_INITIATIVE 1
#define ROLE_ORG 2
#define ROLE_EVENT 4
#define ROLE_DEP 8
#define ROLE_REGION 16

static long
role_of_class(const char *c)
{
  if(!strcmp(c, KG_NS_MN "Initiative"))
    return ROLE_INITIATIVE;
  if(!strcmp(c, KG_NS_SCHEMA "Organization") ||
     !strcmp(c, KG_NS_ORG "Organization"))
    return ROLE_ORG;
  if(!strcmp(c, KG_NS_SCHEMA "Event"))
    return ROLE_EVENT;
  if(!strcmp(c, KG_NS_IGEO "Departement"))
    return ROLE_DEP;
  if(!strcmp(c, KG_NS_IGEO "Region"))
    return ROLE_REGION;
  return 0;
}

/* Territory entry with code and name looked up. */
static void
territory_fill(struct kg_world *w, librdf_model *m, struct kg_gcount *t)
{
  librdf_node *s = kg_world_iri(w, t->iri);
  librdf_node *p_code = kg_world_iri2(w, KG_NS_IGEO, "codeINSEE");
  librdf_node *p_nom = kg_world_iri2(w, KG_NS_IGEO, "nom");

  if(s && p_code && p_nom) {
    t->code = get_literal(m, s, p_code);
    t->label = get_literal(m, s, p_nom);
  }
  if(!t->code) {
    const char *slash = strrchr(t->iri, '/');

    t->code = kg_xstrdup(slash ? slash + 1 : t->iri);
  }
  if(!t->label)
    t->label = kg_xstrdup("");
  if(s)
    librdf_free_node(s);
  if(p_code)
    librdf_free_node(p_code);
  if(p_nom)
    librdf_free_node(p_nom);
}

int
kg_gstats_compute(struct kg_world *w, struct kg_store *st,
                  struct kg_gstats *gs)
{
  librdf_model *m = kg_store_model(st);
  struct kg_hash graphs = { 0 };
  struct kg_hash classes = { 0 };
  struct kg_hash pairs = { 0 };
  struct kg_hash subjects = { 0 };
  struct kg_hash deps = { 0 };       /* dep IRI -> index in gs->deps */
  struct kg_hash regions = { 0 };
  struct kg_hash themes = { 0 };
  struct kg_hash terr_pairs = { 0 };
  struct kg_buf key = KG_BUF_INIT;
  librdf_node *p_label = NULL;
  librdf_stream *s = NULL;
  size_t i, k, deps_cap = 0;
  int rc = -1;

  memset(gs, 0, sizeof(*gs));

  /* one pass over every statement (predicate-only lookups in librdf
   * 1.0.17's hashes leak a node each, and one scan is cheaper anyway):
   * triples per graph; rdf:type -> entities per class and roles;
   * mn:inTerritory pairs and theme IRIs, resolved after the pass */
  s = librdf_model_as_stream(m);
  if(!s)
    goto fail;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);
    const char *g = node_iri(librdf_stream_get_context2(s));
    const char *p = node_iri(librdf_statement_get_predicate(t));
    const char *subj = node_iri(librdf_statement_get_subject(t));
    const char *obj = node_iri(librdf_statement_get_object(t));
    int fresh;

    (*kg_hash_ref(&graphs, g ? g : "", NULL))++;
    gs->triples++;
    if(!p || !subj || !obj)
      continue;
    if(!strcmp(p, KG_NS_RDF "type")) {
      kg_buf_reset(&key);
      kg_buf_addf(&key, "%s\n%s", obj, subj);
      kg_hash_ref(&pairs, key.s, &fresh);
      if(!fresh)
        continue;
      (*kg_hash_ref(&classes, obj, NULL))++;
      (*kg_hash_ref(&subjects, subj, &fresh)) |= role_of_class(obj);
      if(fresh)
        gs->entities++;
    } else if(!strcmp(p, KG_NS_MN "inTerritory")) {
      kg_buf_reset(&key);
      kg_buf_addf(&key, "%s\n%s", obj, subj);
      kg_hash_ref(&terr_pairs, key.s, NULL);
    } else if(!strcmp(p, KG_NS_DCTERMS "subject") &&
              !strncmp(obj, KG_NS_MNC "theme/",
                       strlen(KG_NS_MNC "theme/"))) {
      kg_hash_ref(&themes, obj, NULL);
    }
  }
  librdf_free_stream(s);
  s = NULL;

  /* entities per département; régions covered */
  for(i = 0; i < terr_pairs.cap; i++) {
    char *terr = terr_pairs.keys[i];
    char *x;
    long role, trole;
    int fresh;

    if(!terr)
      continue;
    x = strchr(terr, '\n');
    *x++ = '\0';                /* the key is ours to cut */
    role = kg_hash_value(&subjects, x);
    trole = kg_hash_value(&subjects, terr);
    if(trole & ROLE_DEP) {
      size_t *e = kg_hash_ref(&deps, terr, &fresh);
      struct kg_gcount *d;

      if(fresh) {
        KG_GROW(gs->deps, deps_cap, gs->ndeps + 1);
        d = &gs->deps[gs->ndeps];
        memset(d, 0, sizeof(*d));
        d->iri = kg_xstrdup(terr);
        *e = gs->ndeps++;
      }
      d = &gs->deps[*e];
      d->n++;
      if(role & ROLE_INITIATIVE)
        d->by_class[KG_GSTATS_INITIATIVES]++;
      if(role & ROLE_ORG)
        d->by_class[KG_GSTATS_ORGS]++;
      if(role & ROLE_EVENT)
        d->by_class[KG_GSTATS_EVENTS]++;
    }
    if((role & (ROLE_INITIATIVE | ROLE_EVENT)) && (trole & ROLE_REGION))
      kg_hash_ref(&regions, terr, NULL);
  }
  p_label = kg_world_iri2(w, KG_NS_SKOS, "prefLabel");
  if(!p_label)
    goto fail;

  /* results, sorted */
  gs->graphs = kg_xcalloc(graphs.n + 1, sizeof(*gs->graphs));
  for(i = 0; i < graphs.cap; i++) {
    if(graphs.keys[i]) {
      struct kg_gcount *g = &gs->graphs[gs->ngraphs++];

      g->iri = kg_xstrdup(graphs.keys[i]);
      g->n = graphs.vals[i];
    }
  }
  for(i = 0; i < gs->ngraphs; i++) {
    for(k = 0; k < kg_store_graph_count(st); k++) {
      const struct kg_store_graph *sg = kg_store_graph_at(st, k);

      if(!strcmp(sg->iri, gs->graphs[i].iri))
        gs->graphs[i].label = kg_xstrdup(sg->source);
    }
    if(!gs->graphs[i].label)
      gs->graphs[i].label = kg_xstrdup("");
  }
  if(gs->ngraphs)
    qsort(gs->graphs, gs->ngraphs, sizeof(*gs->graphs), gcount_cmp);

  gs->classes = kg_xcalloc(classes.n + 1, sizeof(*gs->classes));
  for(i = 0; i < classes.cap; i++) {
    if(classes.keys[i]) {
      struct kg_gcount *c = &gs->classes[gs->nclasses++];
      char tmp[512];

      c->iri = kg_xstrdup(classes.keys[i]);
      c->label = kg_xstrdup(kg_dcat_curie(c->iri, tmp, sizeof tmp));
      c->n = classes.vals[i];
    }
  }
  if(gs->nclasses)
    qsort(gs->classes, gs->nclasses, sizeof(*gs->classes), gcount_cmp);

  for(i = 0; i < gs->ndeps; i++)
    territory_fill(w, m, &gs->deps[i]);
  if(gs->ndeps)
    qsort(gs->deps, gs->ndeps, sizeof(*gs->deps), gcount_cmp);

  gs->regions = kg_xcalloc(regions.n + 1, sizeof(*gs->regions));
  for(i = 0; i < regions.cap; i++) {
    if(regions.keys[i]) {
      struct kg_gcount *r = &gs->regions[gs->nregions++];

      r->iri = kg_xstrdup(regions.keys[i]);
      territory_fill(w, m, r);
    }
  }
  if(gs->nregions)
    qsort(gs->regions, gs->nregions, sizeof(*gs->regions), gcount_cmp);

  gs->themes = kg_xcalloc(themes.n + 1, sizeof(*gs->themes));
  for(i = 0; i < themes.cap; i++) {
    librdf_node *th;
    char *label = NULL;

    if(!themes.keys[i])
      continue;
    th = kg_world_iri(w, themes.keys[i]);
    if(th) {
      label = get_literal(m, th, p_label);
      librdf_free_node(th);
    }
    if(!label) {
      const char *slash = strrchr(themes.keys[i], '/');

      label = kg_xstrdup(slash + 1);
    }
    gs->themes[gs->nthemes++] = label;
  }
  if(gs->nthemes)
    qsort(gs->themes, gs->nthemes, sizeof(*gs->themes), str_cmp);
  /* two concepts may share a label: keep one */
  for(i = k = 0; i < gs->nthemes; i++) {
    if(k && !strcmp(gs->themes[k - 1], gs->themes[i]))
      free(gs->themes[i]);
    else
      gs->themes[k++] = gs->themes[i];
  }
  gs->nthemes = k;
  rc = 0;
  goto out;
fail:
  kg_error("cannot read the store in '%s'", kg_store_dir(st));
out:
  if(s)
    librdf_free_stream(s);
  if(p_label)
    librdf_free_node(p_label);
  kg_hash_release(&graphs);
  kg_hash_release(&classes);
  kg_hash_release(&pairs);
  kg_hash_release(&subjects);
  kg_hash_release(&deps);
  kg_hash_release(&regions);
  kg_hash_release(&themes);
  kg_hash_release(&terr_pairs);
  kg_buf_release(&key);
  return rc;
}

/* ------------------------------------------------------------ config */

static const char *const conf_keys[] = {
  "title", "description", "publisher", "publisher_iri", "contact",
  "contact_name", "download_base", "landing_page", NULL
};

static const char **
conf_field(struct kg_dcat_opts *o, int k)
{
  switch(k) {
    case 0: return &o->title;
    case 1: return &o->description;
    case 2: return &o->publisher;
    case 3: return &o->publisher_iri;
    case 4: return &o->contact;
    case 5: return &o->contact_name;
    case 6: return &o->download_base;
    default: return &o->landing_page;
  }
}

int
kg_dcat_config_read(const char *path, struct kg_dcat_opts *opts)
{
  FILE *fh = fopen(path, "r");
  struct kg_buf line = KG_BUF_INIT;
  struct kg_loc loc;
  int c, rc = 0;

  if(!fh) {
    kg_error("cannot open '%s': %s", path, "No such file or directory");
    return -1;
  }
  loc.file = path;
  loc.line = 0;
  loc.col = 0;
  do {
    char *p, *eq, *k, *v, *end;
    int i;

    kg_buf_reset(&line);
    while((c = getc(fh)) != EOF && c != '\n')
      kg_buf_addc(&line, c);
    loc.line++;
    p = line.s ? line.s : (char *)"";
    p += strspn(p, " \t\r");
    if(!*p || *p == '#')
      continue;
    eq = strchr(p, '=');
    if(!eq) {
      kg_error_at(&loc, "expected 'key = value'");
      rc = -1;
      break;
    }
    k = p;
    for(end = eq; end > k && strchr(" \t", end[-1]); end--)
      ;
    *end = '\0';
    v = eq + 1;
    v += strspn(v, " \t");
    for(end = v + strlen(v); end > v && strchr(" \t\r", end[-1]); end--)
      ;
    *end = '\0';
    for(i = 0; conf_keys[i]; i++)
      if(!strcmp(conf_keys[i], k))
        break;
    if(!conf_keys[i]) {
      kg_error_at(&loc, "unknown key '%s'", k);
      rc = -1;
      break;
    }
    if(!*conf_field(opts, i) && *v) {
      free(opts->owned[i]);
      opts->owned[i] = kg_xstrdup(v);
      *conf_field(opts, i) = opts->owned[i];
    }
  } while(c != EOF);
  fclose(fh);
  kg_buf_release(&line);
  return rc;
}

void
kg_dcat_opts_release(struct kg_dcat_opts *opts)
{
  size_t i;

  for(i = 0; i < sizeof(opts->owned) / sizeof(opts->owned[0]); i++) {
    free(opts->owned[i]);
    opts->owned[i] = NULL;
  }
}

/* ------------------------------------------------------------ writer */

static void
put_lit(FILE *out, const char *s, const char *lang)
{
  fputc('"', out);
  for(; *s; s++) {
    unsigned char ch = (unsigned char)*s;

    if(ch == '"' || ch == '\\')
      fprintf(out, "\\%c", ch);
    else if(ch == '\n')
      fputs("\\n", out);
    else if(ch == '\r')
      fputs("\\r", out);
    else if(ch == '\t')
      fputs("\\t", out);
    else if(ch < 0x20 || ch == 0x7F)
      fprintf(out, "\\u%04X", ch);
    else
      fputc(ch, out);
  }
  fputc('"', out);
  if(lang)
    fprintf(out, "@%s", lang);
}

/* IRIs from options are checked by the command; these come from the store
 * or the options: percent-encode what Turtle forbids inside <>. */
static void
put_iri(FILE *out, const char *pre, const char *s)
{
  fputc('<', out);
  for(; pre && *pre; pre++)
    fputc(*pre, out);
  for(; *s; s++) {
    unsigned char ch = (unsigned char)*s;

    if(ch <= 0x20 || strchr("<>\"{}|^`\\", ch))
      fprintf(out, "%%%02X", ch);
    else
      fputc(ch, out);
  }
  fputc('>', out);
}

struct dist_fmt {
  const char *name;     /* export -f */
  const char *title;
  const char *media;    /* IANA media type */
  const char *eu;       /* EU file-type authority code */
  const char *ext;
  const char *feature;  /* W3C formats IRI */
};

static const struct dist_fmt dists[] = {
  { "turtle", "Turtle", "text/turtle", "RDF_TURTLE", "ttl", "Turtle" },
  { "ntriples", "N-Triples", "application/n-triples", "RDF_N_TRIPLES", "nt",
    "N-Triples" },
  { "nquads", "N-Quads", "application/n-quads", "RDF_N_QUADS", "nq",
    "N-Quads" },
  { "rdfxml", "RDF/XML", "application/rdf+xml", "RDF_XML", "rdf", "RDF_XML" },
  { NULL, NULL, NULL, NULL, NULL, NULL }
};

static void
put_time(FILE *out, const char *pred, long long t, const char *end)
{
  char tmp[40];

  kg_store_format_time(t, tmp, sizeof tmp);
  fprintf(out, "  %s \"%s\"^^xsd:dateTime %s\n", pred, tmp, end);
}

static void
put_iri2(FILE *out, const char *a, const char *b, const char *c)
{
  struct kg_buf u = KG_BUF_INIT;

  kg_buf_addf(&u, "%s%s", b, c);
  put_iri(out, a, u.s);
  kg_buf_release(&u);
}

static void
put_download(FILE *out, const struct kg_dcat_opts *o, const char *ext)
{
  struct kg_buf u = KG_BUF_INIT;
  size_t n = strlen(o->download_base);

  kg_buf_addf(&u, "%s%smednum-kg.%s", o->download_base,
              (n && o->download_base[n - 1] == '/') ? "" : "/", ext);
  put_iri(out, NULL, u.s);
  kg_buf_release(&u);
}

int
kg_dcat_write(struct kg_world *w, struct kg_store *st,
              const struct kg_gstats *gs, const struct kg_dcat_opts *o,
              FILE *out)
{
  const char *base = w->base;
  const char *title = o->title ? o->title
    : "Graphe de connaissances de la médiation numérique";
  const char *desc = o->description ? o->description
    : "Événements, sessions, personnes, organisations, initiatives, "
      "thèmes et territoires extraits des comptes rendus d'événements de "
      "la médiation et de l'inclusion numériques, avec le passage qui "
      "appuie chaque fait.";
  size_t i;
  int d, first;

  fputs("@prefix dcat: <" KG_NS_DCAT "> .\n"
        "@prefix dcterms: <" KG_NS_DCTERMS "> .\n"
        "@prefix foaf: <" KG_NS_FOAF "> .\n"
        "@prefix igeo: <" KG_NS_IGEO "> .\n"
        "@prefix mn: <" KG_NS_MN "> .\n"
        "@prefix rdf: <" KG_NS_RDF "> .\n"
        "@prefix schema: <" KG_NS_SCHEMA "> .\n"
        "@prefix vcard: <" KG_NS_VCARD "> .\n"
        "@prefix void: <" KG_NS_VOID "> .\n"
        "@prefix xsd: <" KG_NS_XSD "> .\n\n", out);

  /* catalogue */
  put_iri(out, base, "catalog");
  fputs(" a dcat:Catalog ;\n  dcterms:title ", out);
  put_lit(out, "Catalogue mednum-kg", "fr");
  fputs(" ;\n  dcterms:description ", out);
  put_lit(out, "Données ouvertes extraites des comptes rendus de la "
          "médiation numérique.", "fr");
  fputs(" ;\n", out);
  if(o->publisher) {
    fputs("  dcterms:publisher ", out);
    put_iri(out, base, "publisher");
    fputs(" ;\n", out);
  }
  fputs("  dcterms:license <" KG_LICENCE "> ;\n"
        "  dcterms:language <" KG_EU_LANG "> ;\n", out);
  put_time(out, "dcterms:issued", kg_store_issued(st), ";");
  put_time(out, "dcterms:modified", kg_store_modified(st), ";");
  fputs("  dcat:dataset ", out);
  put_iri(out, base, "dataset");
  fputs(" .\n\n", out);

  /* dataset */
  put_iri(out, base, "dataset");
  fputs(" a dcat:Dataset, void:Dataset ;\n  dcterms:title ", out);
  put_lit(out, title, "fr");
  fputs(" ;\n  dcterms:description ", out);
  put_lit(out, desc, "fr");
  fputs(" ;\n", out);
  if(o->publisher) {
    fputs("  dcterms:publisher ", out);
    put_iri(out, base, "publisher");
    fputs(" ;\n", out);
  }
  if(o->contact) {
    fputs("  dcat:contactPoint ", out);
    put_iri(out, base, "contact");
    fputs(" ;\n", out);
  }
  if(o->landing_page) {
    fputs("  dcat:landingPage ", out);
    put_iri(out, NULL, o->landing_page);
    fputs(" ;\n", out);
  }
  fputs("  dcterms:license <" KG_LICENCE "> ;\n"
        "  dcterms:language <" KG_EU_LANG "> ;\n"
        "  dcterms:conformsTo <" KG_NS_MN "> ;\n", out);
  put_time(out, "dcterms:issued", kg_store_issued(st), ";");
  put_time(out, "dcterms:modified", kg_store_modified(st), ";");
  first = 1;
  for(i = 0; i < gs->nregions + gs->ndeps; i++) {
    const struct kg_gcount *t = i < gs->nregions ? &gs->regions[i]
      : &gs->deps[i - gs->nregions];

    if(i >= gs->nregions && !t->by_class[KG_GSTATS_INITIATIVES] &&
       !t->by_class[KG_GSTATS_EVENTS])
      continue;
    fputs(first ? "  dcterms:spatial " : ",\n    ", out);
    put_iri(out, NULL, t->iri);
    first = 0;
  }
  if(!first)
    fputs(" ;\n", out);
  if(gs->nthemes) {
    fputs("  dcat:keyword", out);
    for(i = 0; i < gs->nthemes; i++) {
      fputs(i ? ",\n    " : " ", out);
      put_lit(out, gs->themes[i], "fr");
    }
    fputs(" ;\n", out);
  }
  fputs("  dcat:distribution", out);
  for(d = 0; dists[d].name; d++) {
    fputs(d ? ",\n    " : " ", out);
    put_iri2(out, base, "dataset/", dists[d].name);
  }
  fputs(" ;\n", out);
  if(o->download_base) {
    fputs("  void:dataDump", out);
    for(d = 0; dists[d].name; d++) {
      fputs(d ? ",\n    " : " ", out);
      put_download(out, o, dists[d].ext);
    }
    fputs(" ;\n", out);
  }
  fputs("  void:feature", out);
  for(d = 0; dists[d].name; d++)
    fprintf(out, "%s<http://www.w3.org/ns/formats/%s>", d ? ", " : " ",
            dists[d].feature);
  fputs(" ;\n  void:vocabulary <" KG_NS_MN ">, <" KG_NS_SCHEMA ">, <"
        KG_NS_IGEO "> ;\n  void:uriSpace ", out);
  put_lit(out, base, NULL);
  fprintf(out, " ;\n  void:triples %ld ;\n  void:entities %ld", gs->triples,
          gs->entities);
  for(i = 0; i < gs->nclasses; i++) {
    fputs(i ? " ,\n    [ void:class "
            : " ;\n  void:classPartition\n    [ void:class ", out);
    put_iri(out, NULL, gs->classes[i].iri);
    fprintf(out, " ; void:entities %ld ]", gs->classes[i].n);
  }
  fputs(" .\n", out);

  /* publisher and contact */
  if(o->publisher) {
    fputc('\n', out);
    put_iri(out, base, "publisher");
    fputs(" a foaf:Agent ;\n  foaf:name ", out);
    put_lit(out, o->publisher, NULL);
    if(o->publisher_iri) {
      fputs(" ;\n  foaf:homepage ", out);
      put_iri(out, NULL, o->publisher_iri);
    }
    fputs(" .\n", out);
  }
  if(o->contact) {
    struct kg_buf mail = KG_BUF_INIT;

    fputc('\n', out);
    put_iri(out, base, "contact");
    fputs(" a vcard:Kind ;\n  vcard:fn ", out);
    put_lit(out, o->contact_name ? o->contact_name
            : (o->publisher ? o->publisher : o->contact), NULL);
    kg_buf_addf(&mail, "mailto:%s", o->contact);
    fputs(" ;\n  vcard:hasEmail ", out);
    put_iri(out, NULL, mail.s);
    fputs(" .\n", out);
    kg_buf_release(&mail);
  }

  /* distributions */
  for(d = 0; dists[d].name; d++) {
    fputc('\n', out);
    put_iri2(out, base, "dataset/", dists[d].name);
    fputs(" a dcat:Distribution ;\n  dcterms:title ", out);
    put_lit(out, dists[d].title, NULL);
    fprintf(out, " ;\n  dcat:mediaType <" KG_IANA "%s> ;\n"
            "  dcterms:format <" KG_EU_FILETYPE "%s> ;\n"
            "  dcterms:license <" KG_LICENCE "> ;\n"
            "  dcterms:conformsTo <" KG_NS_MN "> ;\n", dists[d].media,
            dists[d].eu);
    put_time(out, "dcterms:modified", kg_store_modified(st), ";");
    fputs("  dcat:accessURL ", out);
    if(o->download_base) {
      put_download(out, o, dists[d].ext);
      fputs(" ;\n  dcat:downloadURL ", out);
      put_download(out, o, dists[d].ext);
    } else if(o->landing_page) {
      put_iri(out, NULL, o->landing_page);
    } else {
      put_iri(out, base, "dataset");
    }
    fputs(" .\n", out);
  }

  /* the territories covered, named */
  for(i = 0; i < gs->nregions + gs->ndeps; i++) {
    const struct kg_gcount *t = i < gs->nregions ? &gs->regions[i]
      : &gs->deps[i - gs->nregions];

    if(i >= gs->nregions && !t->by_class[KG_GSTATS_INITIATIVES] &&
       !t->by_class[KG_GSTATS_EVENTS])
      continue;
    fputc('\n', out);
    put_iri(out, NULL, t->iri);
    fprintf(out, " a dcterms:Location, igeo:%s ;\n  igeo:codeINSEE ",
            i < gs->nregions ? "Region" : "Departement");
    put_lit(out, t->code, NULL);
    if(t->label[0]) {
      fputs(" ;\n  igeo:nom ", out);
      put_lit(out, t->label, "fr");
    }
    fputs(" .\n", out);
  }
  return ferror(out) ? -1 : 0;
}
