/* stats.c - statistics of the stored graph, for `stats` and for the DCAT /
 * VoID description: one pass over the store (see stats.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hash.h"
#include "rdf/world.h"
#include "publish/stats.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "store/store.h"

static const char *
node_iri(librdf_node *n)
{
  if(!n || !librdf_node_is_resource(n))
    return NULL;
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

const char *
kg_stats_curie(const char *iri, char *out, size_t size)
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
kg_stats_release(struct kg_gstats *gs)
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

/* What one pass over the store collects for kg_stats_compute(). */
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
      c->label = kg_xstrdup(kg_stats_curie(c->iri, tmp, sizeof tmp));
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
kg_stats_compute(struct kg_world *w, struct kg_store *st, struct kg_gstats *gs)
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

