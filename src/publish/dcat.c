/* dcat.c - counts over the stored graph; its DCAT and VoID description.
 *
 * Everything here goes through librdf's indexes (the store keeps a
 * predicate index), never through SPARQL: the counts must be exact and
 * cheap on a million triples.  The description is built as a statement
 * list and written by the project's one Turtle writer (sorted: the same
 * store gives the same bytes).
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
#include "rdf/rdf.h"
#include "rdf/serialize.h"
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
kg_dcat_stats_release(struct kg_gstats *gs)
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

/* What one pass over the store collects for kg_dcat_stats(). */
struct scan {
  struct kg_hash graphs;      /* graph IRI -> triples */
  struct kg_hash classes;     /* class IRI -> entities */
  struct kg_hash pairs;       /* "class\nsubject" seen */
  struct kg_hash subjects;    /* subject IRI -> ROLE_* bits */
  struct kg_hash terr_pairs;  /* "territory\nsubject" of mn:inTerritory */
  struct kg_hash themes;      /* theme concept IRIs */
  struct kg_hash deps;        /* département IRI -> index in gs->deps */
  struct kg_hash regions;     /* région IRIs covered */
  struct kg_buf key;
};

static void
scan_release(struct scan *sc)
{
  kg_hash_release(&sc->graphs);
  kg_hash_release(&sc->classes);
  kg_hash_release(&sc->pairs);
  kg_hash_release(&sc->subjects);
  kg_hash_release(&sc->terr_pairs);
  kg_hash_release(&sc->themes);
  kg_hash_release(&sc->deps);
  kg_hash_release(&sc->regions);
  kg_buf_release(&sc->key);
}

/* One statement: triples per graph; rdf:type -> entities per class and
 * roles; mn:inTerritory pairs and theme IRIs, resolved after the pass. */
static void
scan_statement(struct scan *sc, struct kg_gstats *gs, librdf_stream *s)
{
  librdf_statement *t = librdf_stream_get_object(s);
  const char *g = node_iri(librdf_stream_get_context2(s));
  const char *p = node_iri(librdf_statement_get_predicate(t));
  const char *subj = node_iri(librdf_statement_get_subject(t));
  const char *obj = node_iri(librdf_statement_get_object(t));
  int fresh;

  (*kg_hash_ref(&sc->graphs, g ? g : "", NULL))++;
  gs->triples++;
  if(!p || !subj || !obj)
    return;
  if(!strcmp(p, KG_NS_RDF "type")) {
    kg_buf_reset(&sc->key);
    kg_buf_addf(&sc->key, "%s\n%s", obj, subj);
    kg_hash_ref(&sc->pairs, sc->key.s, &fresh);
    if(!fresh)
      return;
    (*kg_hash_ref(&sc->classes, obj, NULL))++;
    (*kg_hash_ref(&sc->subjects, subj, &fresh)) |= role_of_class(obj);
    if(fresh)
      gs->entities++;
  } else if(!strcmp(p, KG_NS_MN "inTerritory")) {
    kg_buf_reset(&sc->key);
    kg_buf_addf(&sc->key, "%s\n%s", obj, subj);
    kg_hash_ref(&sc->terr_pairs, sc->key.s, NULL);
  } else if(!strcmp(p, KG_NS_DCTERMS "subject") &&
            !strncmp(obj, KG_NS_MNC "theme/", strlen(KG_NS_MNC "theme/"))) {
    kg_hash_ref(&sc->themes, obj, NULL);
  }
}

/* Entities per département; régions covered. */
static void
count_territories(struct scan *sc, struct kg_gstats *gs)
{
  size_t i, deps_cap = 0;

  for(i = 0; i < sc->terr_pairs.cap; i++) {
    char *terr = sc->terr_pairs.keys[i], *x;
    long role, trole;
    int fresh;

    if(!terr)
      continue;
    x = strchr(terr, '\n');
    *x++ = '\0';                /* the key is ours to cut */
    role = (long)kg_hash_value(&sc->subjects, x);
    trole = (long)kg_hash_value(&sc->subjects, terr);
    if(trole & ROLE_DEP) {
      size_t *e = kg_hash_ref(&sc->deps, terr, &fresh);
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
      kg_hash_ref(&sc->regions, terr, NULL);
  }
}

/* Graphs (labelled with the file they were loaded from) and classes,
 * sorted. */
static void
list_graphs_and_classes(struct scan *sc, struct kg_store *st,
                        struct kg_gstats *gs)
{
  size_t i, k;

  gs->graphs = kg_xcalloc(sc->graphs.n + 1, sizeof(*gs->graphs));
  for(i = 0; i < sc->graphs.cap; i++) {
    if(sc->graphs.keys[i]) {
      struct kg_gcount *g = &gs->graphs[gs->ngraphs++];

      g->iri = kg_xstrdup(sc->graphs.keys[i]);
      g->n = (long)sc->graphs.vals[i];
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
  gs->classes = kg_xcalloc(sc->classes.n + 1, sizeof(*gs->classes));
  for(i = 0; i < sc->classes.cap; i++) {
    if(sc->classes.keys[i]) {
      struct kg_gcount *c = &gs->classes[gs->nclasses++];
      char tmp[512];

      c->iri = kg_xstrdup(sc->classes.keys[i]);
      c->label = kg_xstrdup(kg_dcat_curie(c->iri, tmp, sizeof tmp));
      c->n = (long)sc->classes.vals[i];
    }
  }
  if(gs->nclasses)
    qsort(gs->classes, gs->nclasses, sizeof(*gs->classes), gcount_cmp);
}

/* Départements and régions named and sorted. */
static void
list_territories(struct scan *sc, struct kg_world *w, librdf_model *m,
                 struct kg_gstats *gs)
{
  size_t i;

  for(i = 0; i < gs->ndeps; i++)
    territory_fill(w, m, &gs->deps[i]);
  if(gs->ndeps)
    qsort(gs->deps, gs->ndeps, sizeof(*gs->deps), gcount_cmp);
  gs->regions = kg_xcalloc(sc->regions.n + 1, sizeof(*gs->regions));
  for(i = 0; i < sc->regions.cap; i++) {
    if(sc->regions.keys[i]) {
      struct kg_gcount *r = &gs->regions[gs->nregions++];

      r->iri = kg_xstrdup(sc->regions.keys[i]);
      territory_fill(w, m, r);
    }
  }
  if(gs->nregions)
    qsort(gs->regions, gs->nregions, sizeof(*gs->regions), gcount_cmp);
}

/* Theme labels (skos:prefLabel, else the IRI's last segment), sorted,
 * each once. */
static void
list_themes(struct scan *sc, struct kg_world *w, librdf_model *m,
            librdf_node *p_label, struct kg_gstats *gs)
{
  size_t i, k;

  gs->themes = kg_xcalloc(sc->themes.n + 1, sizeof(*gs->themes));
  for(i = 0; i < sc->themes.cap; i++) {
    librdf_node *th;
    char *label = NULL;

    if(!sc->themes.keys[i])
      continue;
    th = kg_world_iri(w, sc->themes.keys[i]);
    if(th) {
      label = get_literal(m, th, p_label);
      librdf_free_node(th);
    }
    if(!label)
      label = kg_xstrdup(strrchr(sc->themes.keys[i], '/') + 1);
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
}

int
kg_dcat_stats(struct kg_world *w, struct kg_store *st, struct kg_gstats *gs)
{
  librdf_model *m = kg_store_model(st);
  librdf_node *p_label = kg_world_iri2(w, KG_NS_SKOS, "prefLabel");
  librdf_stream *s;
  struct scan sc;

  memset(gs, 0, sizeof(*gs));
  memset(&sc, 0, sizeof(sc));
  /* one pass over every statement (predicate-only lookups in librdf
   * 1.0.17's hashes leak a node each, and one scan is cheaper anyway) */
  s = p_label ? librdf_model_as_stream(m) : NULL;
  if(!s) {
    kg_error("cannot read the store in '%s'", kg_store_dir(st));
    if(p_label)
      librdf_free_node(p_label);
    return -1;
  }
  for(; !librdf_stream_end(s); librdf_stream_next(s))
    scan_statement(&sc, gs, s);
  librdf_free_stream(s);
  count_territories(&sc, gs);
  list_graphs_and_classes(&sc, st, gs);
  list_territories(&sc, w, m, gs);
  list_themes(&sc, w, m, p_label, gs);
  librdf_free_node(p_label);
  scan_release(&sc);
  return 0;
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

/* The description being built: its statements, and what they describe. */
struct desc {
  struct kg_world *w;
  struct kg_store *st;
  const struct kg_gstats *gs;
  const struct kg_dcat_opts *o;
  struct kg_stmts l;
  int rc;               /* -1 once a statement could not be built */
};

/* New IRI node @pre @s.  IRIs from options are checked by the command;
 * these come from the store or the options: percent-encode what an IRI
 * cannot hold, as the description always has. */
static librdf_node *
iri_node(struct desc *d, const char *pre, const char *s)
{
  struct kg_buf u = KG_BUF_INIT;
  librdf_node *n;

  kg_buf_adds(&u, pre ? pre : "");
  for(; *s; s++) {
    unsigned char ch = (unsigned char)*s;

    if(ch <= 0x20 || strchr("<>\"{}|^`\\", ch))
      kg_buf_addf(&u, "%%%02X", ch);
    else
      kg_buf_addc(&u, (char)ch);
  }
  n = kg_world_iri(d->w, kg_buf_str(&u));
  kg_buf_release(&u);
  return n;
}

/* New IRI node of the published file of extension @ext. */
static librdf_node *
download_node(struct desc *d, const char *ext)
{
  const char *b = d->o->download_base;
  size_t n = strlen(b);
  struct kg_buf u = KG_BUF_INIT;
  librdf_node *res;

  kg_buf_addf(&u, "%s%smednum-kg.%s", b,
              (n && b[n - 1] == '/') ? "" : "/", ext);
  res = iri_node(d, NULL, u.s);
  kg_buf_release(&u);
  return res;
}

/* New IRI node of the distribution in format @k. */
static librdf_node *
dist_node(struct desc *d, int k)
{
  struct kg_buf u = KG_BUF_INIT;
  librdf_node *res;

  kg_buf_addf(&u, "dataset/%s", dists[k].name);
  res = iri_node(d, d->w->base, u.s);
  kg_buf_release(&u);
  return res;
}

/* Adds (@s @ns@local @o).  Borrows @s; takes @o (also on error). */
static void
add(struct desc *d, librdf_node *s, const char *ns, const char *local,
    librdf_node *o)
{
  if(d->rc) {
    if(o)
      librdf_free_node(o);
    return;
  }
  if(kg_rdf_stmts_add(&d->l, s ? librdf_new_node_from_node(s) : NULL,
                  kg_world_iri2(d->w, ns, local), o, NULL))
    d->rc = -1;
}

static void
add_type(struct desc *d, librdf_node *s, const char *ns, const char *local)
{
  add(d, s, KG_NS_RDF, "type", kg_world_iri2(d->w, ns, local));
}

static void
add_lit(struct desc *d, librdf_node *s, const char *ns, const char *local,
        const char *text, const char *lang)
{
  add(d, s, ns, local, kg_rdf_lit(d->w->world, text, lang));
}

/* Object: the IRI @pre @iri, encoded as iri_node() does. */
static void
add_iri(struct desc *d, librdf_node *s, const char *ns, const char *local,
        const char *pre, const char *iri)
{
  add(d, s, ns, local, iri_node(d, pre, iri));
}

static void
add_time(struct desc *d, librdf_node *s, const char *local, long long t)
{
  char tmp[40];

  kg_store_format_time(t, tmp, sizeof tmp);
  add(d, s, KG_NS_DCTERMS, local,
      kg_rdf_typed(d->w->world, tmp, KG_NS_XSD "dateTime"));
}

/* Territory @i of the coverage (régions, then départements with an
 * initiative or an event), or NULL for a département left out. */
static const struct kg_gcount *
covered(const struct kg_gstats *gs, size_t i)
{
  const struct kg_gcount *t;

  if(i < gs->nregions)
    return &gs->regions[i];
  t = &gs->deps[i - gs->nregions];
  if(!t->by_class[KG_GSTATS_INITIATIVES] && !t->by_class[KG_GSTATS_EVENTS])
    return NULL;
  return t;
}

/* What the catalogue and the dataset both say. */
static void
describe_common(struct desc *d, librdf_node *s)
{
  if(d->o->publisher)
    add_iri(d, s, KG_NS_DCTERMS, "publisher", d->w->base, "publisher");
  add_iri(d, s, KG_NS_DCTERMS, "license", NULL, KG_LICENCE);
  add_iri(d, s, KG_NS_DCTERMS, "language", NULL, KG_EU_LANG);
  add_time(d, s, "issued", kg_store_issued(d->st));
  add_time(d, s, "modified", kg_store_modified(d->st));
}

static void
describe_catalog(struct desc *d)
{
  librdf_node *s = iri_node(d, d->w->base, "catalog");

  add_type(d, s, KG_NS_DCAT, "Catalog");
  add_lit(d, s, KG_NS_DCTERMS, "title", "Catalogue mednum-kg", "fr");
  add_lit(d, s, KG_NS_DCTERMS, "description", "Données ouvertes extraites "
          "des comptes rendus de la médiation numérique.", "fr");
  describe_common(d, s);
  add_iri(d, s, KG_NS_DCAT, "dataset", d->w->base, "dataset");
  if(s)
    librdf_free_node(s);
}

/* The dataset as DCAT sees it: titles, agents, coverage, distributions. */
static void
describe_dataset(struct desc *d, librdf_node *s)
{
  const struct kg_dcat_opts *o = d->o;
  const struct kg_gstats *gs = d->gs;
  size_t i;
  int k;

  add_type(d, s, KG_NS_DCAT, "Dataset");
  add_lit(d, s, KG_NS_DCTERMS, "title", o->title ? o->title
          : "Graphe de connaissances de la médiation numérique", "fr");
  add_lit(d, s, KG_NS_DCTERMS, "description", o->description
          ? o->description
          : "Événements, sessions, personnes, organisations, initiatives, "
            "thèmes et territoires extraits des comptes rendus "
            "d'événements de la médiation et de l'inclusion numériques, "
            "avec le passage qui appuie chaque fait.", "fr");
  describe_common(d, s);
  if(o->contact)
    add_iri(d, s, KG_NS_DCAT, "contactPoint", d->w->base, "contact");
  if(o->landing_page)
    add_iri(d, s, KG_NS_DCAT, "landingPage", NULL, o->landing_page);
  add_iri(d, s, KG_NS_DCTERMS, "conformsTo", NULL, KG_NS_MN);
  for(i = 0; i < gs->nregions + gs->ndeps; i++) {
    const struct kg_gcount *t = covered(gs, i);

    if(t)
      add_iri(d, s, KG_NS_DCTERMS, "spatial", NULL, t->iri);
  }
  for(i = 0; i < gs->nthemes; i++)
    add_lit(d, s, KG_NS_DCAT, "keyword", gs->themes[i], "fr");
  for(k = 0; dists[k].name; k++)
    add(d, s, KG_NS_DCAT, "distribution", dist_node(d, k));
}

/* The same dataset as VoID sees it: dumps, formats, counts, partitions
 * (blank nodes, labelled in class order). */
static void
describe_void(struct desc *d, librdf_node *s)
{
  const struct kg_gstats *gs = d->gs;
  size_t i;
  int k;

  add_type(d, s, KG_NS_VOID, "Dataset");
  for(k = 0; dists[k].name; k++) {
    if(d->o->download_base)
      add(d, s, KG_NS_VOID, "dataDump", download_node(d, dists[k].ext));
    add_iri(d, s, KG_NS_VOID, "feature", "http://www.w3.org/ns/formats/",
            dists[k].feature);
  }
  add_iri(d, s, KG_NS_VOID, "vocabulary", NULL, KG_NS_MN);
  add_iri(d, s, KG_NS_VOID, "vocabulary", NULL, KG_NS_SCHEMA);
  add_iri(d, s, KG_NS_VOID, "vocabulary", NULL, KG_NS_IGEO);
  add_lit(d, s, KG_NS_VOID, "uriSpace", d->w->base, NULL);
  add(d, s, KG_NS_VOID, "triples", kg_rdf_int(d->w->world, gs->triples));
  add(d, s, KG_NS_VOID, "entities", kg_rdf_int(d->w->world, gs->entities));
  for(i = 0; i < gs->nclasses; i++) {
    char label[32];
    librdf_node *b;

    snprintf(label, sizeof label, "partition%04lu", (unsigned long)i + 1);
    b = librdf_new_node_from_blank_identifier(d->w->world,
                                              (const unsigned char *)label);
    add(d, s, KG_NS_VOID, "classPartition",
        b ? librdf_new_node_from_node(b) : NULL);
    add_iri(d, b, KG_NS_VOID, "class", NULL, gs->classes[i].iri);
    add(d, b, KG_NS_VOID, "entities",
        kg_rdf_int(d->w->world, gs->classes[i].n));
    if(b)
      librdf_free_node(b);
  }
}

/* The publisher (foaf:Agent) and the contact point (vcard:Kind). */
static void
describe_agents(struct desc *d)
{
  const struct kg_dcat_opts *o = d->o;
  librdf_node *s;

  if(o->publisher) {
    s = iri_node(d, d->w->base, "publisher");
    add_type(d, s, KG_NS_FOAF, "Agent");
    add_lit(d, s, KG_NS_FOAF, "name", o->publisher, NULL);
    if(o->publisher_iri)
      add_iri(d, s, KG_NS_FOAF, "homepage", NULL, o->publisher_iri);
    if(s)
      librdf_free_node(s);
  }
  if(o->contact) {
    s = iri_node(d, d->w->base, "contact");
    add_type(d, s, KG_NS_VCARD, "Kind");
    add_lit(d, s, KG_NS_VCARD, "fn", o->contact_name ? o->contact_name
            : (o->publisher ? o->publisher : o->contact), NULL);
    add_iri(d, s, KG_NS_VCARD, "hasEmail", "mailto:", o->contact);
    if(s)
      librdf_free_node(s);
  }
}

static void
describe_distributions(struct desc *d)
{
  const struct kg_dcat_opts *o = d->o;
  int k;

  for(k = 0; dists[k].name; k++) {
    librdf_node *s = dist_node(d, k);

    add_type(d, s, KG_NS_DCAT, "Distribution");
    add_lit(d, s, KG_NS_DCTERMS, "title", dists[k].title, NULL);
    add_iri(d, s, KG_NS_DCAT, "mediaType", KG_IANA, dists[k].media);
    add_iri(d, s, KG_NS_DCTERMS, "format", KG_EU_FILETYPE, dists[k].eu);
    add_iri(d, s, KG_NS_DCTERMS, "license", NULL, KG_LICENCE);
    add_iri(d, s, KG_NS_DCTERMS, "conformsTo", NULL, KG_NS_MN);
    add_time(d, s, "modified", kg_store_modified(d->st));
    if(o->download_base) {
      add(d, s, KG_NS_DCAT, "accessURL", download_node(d, dists[k].ext));
      add(d, s, KG_NS_DCAT, "downloadURL", download_node(d, dists[k].ext));
    } else if(o->landing_page) {
      add_iri(d, s, KG_NS_DCAT, "accessURL", NULL, o->landing_page);
    } else {
      add_iri(d, s, KG_NS_DCAT, "accessURL", d->w->base, "dataset");
    }
    if(s)
      librdf_free_node(s);
  }
}

/* The territories covered, named. */
static void
describe_territories(struct desc *d)
{
  const struct kg_gstats *gs = d->gs;
  size_t i;

  for(i = 0; i < gs->nregions + gs->ndeps; i++) {
    const struct kg_gcount *t = covered(gs, i);
    librdf_node *s;

    if(!t)
      continue;
    s = iri_node(d, NULL, t->iri);
    add_type(d, s, KG_NS_DCTERMS, "Location");
    add_type(d, s, KG_NS_IGEO, i < gs->nregions ? "Region" : "Departement");
    add_lit(d, s, KG_NS_IGEO, "codeINSEE", t->code, NULL);
    if(t->label[0])
      add_lit(d, s, KG_NS_IGEO, "nom", t->label, "fr");
    if(s)
      librdf_free_node(s);
  }
}

int
kg_dcat_write(struct kg_world *w, struct kg_store *st,
              const struct kg_gstats *gs, const struct kg_dcat_opts *o,
              FILE *out)
{
  struct desc d;
  librdf_node *dataset;
  int rc;

  memset(&d, 0, sizeof d);
  d.w = w;
  d.st = st;
  d.gs = gs;
  d.o = o;
  dataset = iri_node(&d, w->base, "dataset");
  describe_catalog(&d);
  describe_dataset(&d, dataset);
  describe_void(&d, dataset);
  describe_agents(&d);
  describe_distributions(&d);
  describe_territories(&d);
  if(dataset)
    librdf_free_node(dataset);
  rc = d.rc ? -1 : kg_serialize_stmts(w, &d.l, "turtle", out);
  kg_rdf_stmts_release(&d.l);
  return rc;
}
