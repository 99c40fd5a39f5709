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
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/serialize.h"
#include "store/store.h"

#define KG_LICENCE "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
#define KG_EU_AUTH "http://publications.europa.eu/resource/authority/"
#define KG_EU_FILETYPE KG_EU_AUTH "file-type/"
#define KG_EU_LANG KG_EU_AUTH "language/FRA"
#define KG_IANA "https://www.iana.org/assignments/media-types/"

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

/* The distributions: one per format `export -f` writes (rdf/format.c). */
#define DIST(k) kg_format_at((size_t)(k), KG_FMT_EXPORT)

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

/* New IRI node of the published file in format @f (its first extension). */
static librdf_node *
download_node(struct desc *d, const struct kg_format *f)
{
  const char *b = d->o->download_base;
  size_t n = strlen(b);
  struct kg_buf u = KG_BUF_INIT;
  librdf_node *res;

  kg_buf_addf(&u, "%s%smednum-kg.%.*s", b,
              (n && b[n - 1] == '/') ? "" : "/",
              (int)strcspn(f->exts, " "), f->exts);
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

  kg_buf_addf(&u, "dataset/%s", DIST(k)->name);
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

/* Adds a keyword per skos:prefLabel of theme @th, in the label's own
 * language ("Mobilité"@fr, "Mobility"@en); none: the IRI's last segment,
 * untagged. */
static void
add_labels(struct desc *d, librdf_model *m, librdf_node *s, const char *th,
           librdf_node *p_label)
{
  librdf_node *n = kg_world_iri(d->w, th);
  librdf_iterator *it = n ? librdf_model_get_targets(m, n, p_label) : NULL;
  int found = 0;

  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *o = librdf_iterator_get_object(it);    /* SHARED */

    if(!librdf_node_is_literal(o))
      continue;
    add_lit(d, s, KG_NS_DCAT, "keyword",
            (const char *)librdf_node_get_literal_value(o),
            librdf_node_get_literal_value_language(o));
    found = 1;
  }
  if(!found)
    add_lit(d, s, KG_NS_DCAT, "keyword", strrchr(th, '/') + 1, NULL);
  if(it)
    librdf_free_iterator(it);
  if(n)
    librdf_free_node(n);
}

/* dcat:keyword: the labels of every theme the graph uses (objects of
 * dcterms:subject under mnc:theme/), one (predicate) index range. */
static void
add_theme_keywords(struct desc *d, librdf_node *s)
{
  librdf_model *m = kg_store_model(d->st);
  librdf_world *world = d->w->world;
  librdf_node *p_label = kg_world_iri2(d->w, KG_NS_SKOS, "prefLabel");
  librdf_statement *pat = librdf_new_statement_from_nodes(world, NULL,
    kg_world_iri2(d->w, KG_NS_DCTERMS, "subject"), NULL);
  librdf_stream *str = pat ? librdf_model_find_statements(m, pat) : NULL;
  struct kg_hash themes;
  size_t i;

  kg_hash_init(&themes);
  for(; str && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_node *o = librdf_statement_get_object(
                       librdf_stream_get_object(str));      /* SHARED */
    const char *iri = librdf_node_is_resource(o)
      ? (const char *)librdf_uri_as_string(librdf_node_get_uri(o)) : "";

    if(!strncmp(iri, KG_NS_MNC "theme/", strlen(KG_NS_MNC "theme/")) &&
       iri[strlen(KG_NS_MNC "theme/")])
      kg_hash_add(&themes, iri);
  }
  if(!str || !p_label) {
    kg_error("cannot read the themes of the graph");
    d->rc = -1;
  }
  for(i = 0; i < themes.cap && !d->rc; i++)
    if(themes.keys[i])
      add_labels(d, m, s, themes.keys[i], p_label);
  kg_hash_release(&themes);
  if(str)
    librdf_free_stream(str);
  if(pat)
    librdf_free_statement(pat);   /* frees its predicate */
  if(p_label)
    librdf_free_node(p_label);
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
  add_theme_keywords(d, s);
  for(k = 0; DIST(k); k++)
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
  for(k = 0; DIST(k); k++) {
    if(d->o->download_base)
      add(d, s, KG_NS_VOID, "dataDump", download_node(d, DIST(k)));
    add_iri(d, s, KG_NS_VOID, "feature", "http://www.w3.org/ns/formats/",
            DIST(k)->w3c);
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

  for(k = 0; DIST(k); k++) {
    librdf_node *s = dist_node(d, k);

    add_type(d, s, KG_NS_DCAT, "Distribution");
    add_lit(d, s, KG_NS_DCTERMS, "title", DIST(k)->label, NULL);
    add_iri(d, s, KG_NS_DCAT, "mediaType", KG_IANA, DIST(k)->media);
    add_iri(d, s, KG_NS_DCTERMS, "format", KG_EU_FILETYPE, DIST(k)->eu);
    add_iri(d, s, KG_NS_DCTERMS, "license", NULL, KG_LICENCE);
    add_iri(d, s, KG_NS_DCTERMS, "conformsTo", NULL, KG_NS_MN);
    add_time(d, s, "modified", kg_store_modified(d->st));
    if(o->download_base) {
      add(d, s, KG_NS_DCAT, "accessURL", download_node(d, DIST(k)));
      add(d, s, KG_NS_DCAT, "downloadURL", download_node(d, DIST(k)));
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
