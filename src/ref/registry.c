/* registry.c - known entities, by name and alias.
 *
 * Reads every *.ttl in data/registry/, then the curation file.  Only
 * names, aliases, types, identifiers and verdicts are kept; relations are
 * not read (there must be none, and the curation file is refused if it
 * holds one).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "rdf/ns.h"
#include "rdf/world.h"
#include "ref/registry.h"
#include "base/text.h"
#include "rdf/read.h"

static const struct {
  enum kg_entity_kind kind;
  const char *name;
  const char *cls;
} kinds[] = {
  { KG_ENT_ORG, "organisation", KG_NS_SCHEMA "Organization" },
  { KG_ENT_INITIATIVE, "initiative", KG_NS_MN "Initiative" },
  { KG_ENT_PERSON, "person", KG_NS_SCHEMA "Person" },
  { KG_ENT_PLACE, "place", KG_NS_SCHEMA "Place" }
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

int
kg_registry_kind_parse(const char *name, enum kg_entity_kind *kind)
{
  size_t i;

  for(i = 0; i < NKINDS; i++)
    if(!strcmp(name, kinds[i].name)) {
      *kind = kinds[i].kind;
      return 0;
    }
  return -1;
}

const char *
kg_registry_kind_name(enum kg_entity_kind kind)
{
  return kinds[kind].name;
}

const char *
kg_registry_kind_class(enum kg_entity_kind kind)
{
  return kinds[kind].cls;
}

/* The kind whose class is @iri, or -1. */
static int
kind_of_class(const char *iri)
{
  size_t i;

  for(i = 0; i < NKINDS; i++)
    if(!strcmp(iri, kinds[i].cls))
      return (int)kinds[i].kind;
  return -1;
}

static int
cmp_key(const void *a, const void *b)
{
  const struct kg_regkey *x = a, *y = b;
  int c = strcmp(x->key, y->key);

  if(c)
    return c;
  return x->ent < y->ent ? -1 : x->ent > y->ent;
}

static struct kg_entity *
entity_for(struct kg_registry *r, size_t *cap, const char *iri, int create)
{
  size_t i = r->nents;
  struct kg_entity *e;

  if(!create)
    return kg_hash_get(&r->byrel, iri, strlen(iri), &i) ? &r->ents[i] : NULL;
  if(kg_hash_put(&r->byrel, iri, strlen(iri), &i))
    return &r->ents[i];
  KG_GROW(r->ents, *cap, r->nents + 1);
  e = &r->ents[r->nents++];
  memset(e, 0, sizeof(*e));
  e->rel = kg_xstrdup(iri);
  return e;
}

/* A table of keys and its size, grown by add_key(). */
struct keytab {
  struct kg_regkey **v;
  size_t *n;
  size_t cap;
};

static void
add_key(struct kg_registry *r, struct keytab *tab, const char *text,
        size_t ent)
{
  struct kg_buf k = KG_BUF_INIT;
  int words = 1;
  const char *p;

  kg_text_key(text, strlen(text), &k);
  if(!k.len) {
    kg_buf_release(&k);
    return;
  }
  for(p = k.s; *p; p++)
    if(*p == ' ')
      words++;
  if(tab->v == &r->keys && words > r->maxwords)
    r->maxwords = words;
  KG_GROW(*tab->v, tab->cap, *tab->n + 1);
  (*tab->v)[*tab->n].key = kg_buf_detach(&k);
  (*tab->v)[*tab->n].ent = ent;
  (*tab->n)++;
}

/* Reads the *.ttl files of @dir, in name order, into @t.  0, or an exit
 * status after reporting. */
static int
read_dir(raptor_world *rw, const char *dir, struct kg_triples *t)
{
  struct kg_input_list names = KG_INPUT_LIST_INIT;
  size_t i;
  int rc = kg_input_dir_names(dir, ".ttl", &names);

  for(i = 0; !rc && i < names.n; i++) {
    struct kg_buf path = KG_BUF_INIT;

    kg_buf_addf(&path, "%s/%s", dir, names.v[i]);
    rc = kg_read_triples(rw, path.s, t);
    kg_buf_release(&path);
  }
  kg_input_list_release(&names);
  return rc;
}

/* What the curation file says of one subject, while it is checked. */
struct subject_check {
  const char *s;      /* SHARED, from the triples */
  int kind;           /* -1 until typed */
  int named;
  const char *why;    /* the first fault, or NULL */
};

/* The fault of triple @x about subject @c, or NULL. */
static const char *
check_triple(struct subject_check *c, const struct kg_triple *x)
{
  int k;

  if(!strcmp(x->p, KG_NS_RDF "type") && !x->o_is_lit) {
    k = kind_of_class(x->o);
    if(k >= 0 && c->kind >= 0 && k != c->kind)
      return "two kinds";
    if(k >= 0)
      c->kind = k;
    return NULL;
  }
  if(!strcmp(x->p, KG_NS_SCHEMA "name") ||
     !strcmp(x->p, KG_NS_SCHEMA "alternateName") ||
     !strcmp(x->p, KG_NS_ORG "identifier")) {
    c->named |= !strcmp(x->p, KG_NS_SCHEMA "name");
    return x->o_is_lit && x->o[0] ? NULL
           : "a name must be a non-empty literal";
  }
  if(!strcmp(x->p, KG_NS_MN "rejected"))
    return x->o_is_lit && !strcmp(x->o, "true") ? NULL
           : "mn:rejected must be true";
  return "a curation file holds names, aliases, types and verdicts, "
         "not relations";
}

/* Checks t[from..n), the triples of the curation file @path: subjects
 * under the instance base, each with one kind and a name, no relation.
 * 0, or -1 after reporting the first fault. */
static int
check_user(const char *path, const struct kg_triples *t, size_t from)
{
  struct subject_check *c = NULL;
  struct kg_hash idx;
  size_t n = 0, cap = 0, i, base = strlen(KG_DEFAULT_BASE);
  int rc = 0;

  kg_hash_init(&idx);
  for(i = from; i < t->n; i++) {
    const char *s = t->v[i].s;
    size_t k = n;

    if(!kg_hash_put(&idx, s, strlen(s), &k)) {
      KG_GROW(c, cap, n + 1);
      c[n].s = s;
      c[n].kind = -1;
      c[n].named = 0;
      c[n].why = strncmp(s, KG_DEFAULT_BASE, base) || !s[base]
                 ? "not an IRI under " KG_DEFAULT_BASE : NULL;
      n++;
    }
    if(!c[k].why)
      c[k].why = check_triple(&c[k], &t->v[i]);
  }
  for(i = 0; i < n && !rc; i++) {
    if(!c[i].why && c[i].kind < 0)
      c[i].why = "no kind (schema:Person, schema:Organization, "
                 "mn:Initiative or schema:Place)";
    if(!c[i].why && !c[i].named)
      c[i].why = "no schema:name";
    if(c[i].why) {
      kg_error("%s: <%s>: %s", path, c[i].s, c[i].why);
      rc = -1;
    }
  }
  kg_hash_release(&idx);
  free(c);
  return rc;
}

/* Reads the curation file @path (missing: nothing) into @t after the
 * data files, and checks it.  0, or an exit status after reporting. */
static int
read_user(raptor_world *rw, const char *path, struct kg_triples *t)
{
  struct stat sb;
  size_t n0 = t->n;
  int rc;

  if(stat(path, &sb) && errno == ENOENT)
    return 0;
  rc = kg_read_triples(rw, path, t);
  if(!rc && check_user(path, t, n0))
    rc = KG_EXIT_DATA;
  return rc;
}

/* Entities from the typed subjects of t[], then their names, aliases,
 * identifiers, extra types and verdicts; t[user..) are the curator's. */
static void
build_entities(struct kg_registry *r, const struct kg_triples *t, size_t user)
{
  size_t baselen = strlen(KG_DEFAULT_BASE), i, ecap = 0;

  for(i = 0; i < t->n; i++) {
    const struct kg_triple *x = &t->v[i];
    int k;

    if(strcmp(x->p, KG_NS_RDF "type") || strncmp(x->s, KG_DEFAULT_BASE, baselen))
      continue;
    k = kind_of_class(x->o);
    if(k >= 0)
      entity_for(r, &ecap, x->s + baselen, 1)->kind = (enum kg_entity_kind)k;
  }
  for(i = 0; i < t->n; i++) {
    const struct kg_triple *x = &t->v[i];
    struct kg_entity *e;

    if(strncmp(x->s, KG_DEFAULT_BASE, baselen))
      continue;
    e = entity_for(r, &ecap, x->s + baselen, 0);
    if(!e)
      continue;
    if(i >= user)
      e->user = 1;
    if(!strcmp(x->p, KG_NS_SCHEMA "name") && x->o_is_lit && !e->name) {
      e->name = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_SCHEMA "alternateName") && x->o_is_lit) {
      e->aliases = kg_xrealloc(e->aliases, (e->naliases + 1) * sizeof(char *));
      e->aliases[e->naliases++] = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_ORG "identifier") && x->o_is_lit) {
      free(e->identifier);
      e->identifier = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_MN "rejected")) {
      e->rejected = 1;
    } else if(!strcmp(x->p, KG_NS_RDF "type") && !x->o_is_lit &&
              strcmp(x->o, KG_NS_ORG "Organization") &&
              kind_of_class(x->o) < 0) {
      e->types = kg_xrealloc(e->types, (e->ntypes + 1) * sizeof(char *));
      e->types[e->ntypes++] = kg_xstrdup(x->o);
    }
  }
}

/* The key tables: known organisations and initiatives (what recognisers
 * scan text for), accepted people and places, rejected names. */
static void
build_keys(struct kg_registry *r)
{
  struct keytab keys = { NULL, NULL, 0 }, names = { NULL, NULL, 0 },
                rej = { NULL, NULL, 0 };
  size_t i, j;

  keys.v = &r->keys;
  keys.n = &r->nkeys;
  names.v = &r->names;
  names.n = &r->nnames;
  rej.v = &r->rejkeys;
  rej.n = &r->nrejkeys;
  for(i = 0; i < r->nents; i++) {
    struct kg_entity *e = &r->ents[i];
    struct keytab *tab = e->rejected ? &rej
      : (e->kind == KG_ENT_ORG || e->kind == KG_ENT_INITIATIVE) ? &keys
      : &names;

    if(!e->name)
      e->name = kg_xstrdup(e->rel);
    add_key(r, tab, e->name, i);
    for(j = 0; j < e->naliases; j++)
      add_key(r, tab, e->aliases[j], i);
  }
  if(r->nkeys)
    qsort(r->keys, r->nkeys, sizeof(*r->keys), cmp_key);
  if(r->nnames)
    qsort(r->names, r->nnames, sizeof(*r->names), cmp_key);
  if(r->nrejkeys)
    qsort(r->rejkeys, r->nrejkeys, sizeof(*r->rejkeys), cmp_key);
}

struct kg_registry *
kg_registry_new(raptor_world *rw, const char *regdir, const char *userfile,
                int *code)
{
  struct kg_registry *r = kg_xcalloc(1, sizeof(*r));
  struct kg_triples t = { NULL, 0, 0 };
  size_t user;
  int rc = 0;

  kg_hash_init(&r->byrel);
  if(regdir)
    rc = read_dir(rw, regdir, &t);
  user = t.n;
  if(!rc && userfile)
    rc = read_user(rw, userfile, &t);
  if(rc) {
    *code = rc;
    kg_read_triples_release(&t);
    kg_registry_free(r);
    return NULL;
  }
  build_entities(r, &t, user);
  kg_read_triples_release(&t);
  build_keys(r);
  return r;
}

static void
free_keys(struct kg_regkey *v, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    free(v[i].key);
  free(v);
}

void
kg_registry_free(struct kg_registry *r)
{
  size_t i, j;

  if(!r)
    return;
  for(i = 0; i < r->nents; i++) {
    struct kg_entity *e = &r->ents[i];

    for(j = 0; j < e->naliases; j++)
      free(e->aliases[j]);
    for(j = 0; j < e->ntypes; j++)
      free(e->types[j]);
    free(e->aliases);
    free(e->types);
    free(e->rel);
    free(e->name);
    free(e->identifier);
  }
  free_keys(r->keys, r->nkeys);
  free_keys(r->names, r->nnames);
  free_keys(r->rejkeys, r->nrejkeys);
  kg_hash_release(&r->byrel);
  free(r->ents);
  free(r);
}

/* The first entity of @kind (any when < 0) with key @key in v[0..n). */
static const struct kg_entity *
find_key(const struct kg_registry *r, const struct kg_regkey *v, size_t n,
         const char *key, int kind)
{
  size_t lo = 0, hi = n;

  while(lo < hi) {
    size_t mid = (lo + hi) / 2;

    if(strcmp(v[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for(; lo < n && !strcmp(v[lo].key, key); lo++) {
    const struct kg_entity *e = &r->ents[v[lo].ent];

    if(kind < 0 || (int)e->kind == kind)
      return e;
  }
  return NULL;
}

const struct kg_entity *
kg_registry_lookup(const struct kg_registry *r, const char *key, int kind)
{
  const struct kg_entity *e = NULL;

  if(kind != KG_ENT_PERSON && kind != KG_ENT_PLACE)
    e = find_key(r, r->keys, r->nkeys, key, kind);
  if(!e && kind != KG_ENT_ORG && kind != KG_ENT_INITIATIVE)
    e = find_key(r, r->names, r->nnames, key, kind);
  return e;
}

const struct kg_entity *
kg_registry_rejected(const struct kg_registry *r, const char *key, int kind)
{
  return find_key(r, r->rejkeys, r->nrejkeys, key, kind);
}

const struct kg_entity *
kg_registry_by_rel(const struct kg_registry *r, const char *rel)
{
  size_t i;

  return kg_hash_get(&r->byrel, rel, strlen(rel), &i) ? &r->ents[i] : NULL;
}
