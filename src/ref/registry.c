/* registry.c - known organisations and initiatives, by name and alias.
 *
 * Reads every *.ttl in data/registry/.  Only names, aliases, types and
 * identifiers are kept; relations are not read (there must be none).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/world.h"
#include "ref/registry.h"
#include "base/text.h"
#include "rdf/read.h"

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
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
  size_t i;
  struct kg_entity *e;

  for(i = 0; i < r->nents; i++)
    if(!strcmp(r->ents[i].rel, iri))
      return &r->ents[i];
  if(!create)
    return NULL;
  KG_GROW(r->ents, *cap, r->nents + 1);
  e = &r->ents[r->nents++];
  memset(e, 0, sizeof(*e));
  e->rel = kg_xstrdup(iri);
  return e;
}

static void
add_key(struct kg_registry *r, size_t *cap, const char *text, size_t ent)
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
  if(words > r->maxwords)
    r->maxwords = words;
  KG_GROW(r->keys, *cap, r->nkeys + 1);
  r->keys[r->nkeys].key = kg_buf_detach(&k);
  r->keys[r->nkeys].ent = ent;
  r->nkeys++;
}

struct kg_registry *
kg_registry_new(raptor_world *rw, const char *regdir)
{
  struct kg_registry *r = kg_xcalloc(1, sizeof(*r));
  struct kg_triples t = { NULL, 0, 0 };
  char *dir = kg_xstrdup(regdir);
  char **names = NULL;
  size_t nnames = 0, capnames = 0, i, ecap = 0, kcap = 0;
  size_t baselen = strlen(KG_DEFAULT_BASE);
  DIR *d = opendir(dir);
  struct dirent *de;
  int bad = 0;

  if(!d) {
    kg_error("cannot open the registry '%s'", dir);
    free(dir);
    kg_registry_free(r);
    return NULL;
  }
  while((de = readdir(d)) != NULL) {
    size_t l = strlen(de->d_name);

    if(l > 4 && !strcmp(de->d_name + l - 4, ".ttl")) {
      KG_GROW(names, capnames, nnames + 1);
      names[nnames++] = kg_xstrdup(de->d_name);
    }
  }
  closedir(d);
  if(nnames)
    qsort(names, nnames, sizeof(char *), cmp_str);
  for(i = 0; i < nnames; i++) {
    struct kg_buf path = KG_BUF_INIT;

    kg_buf_addf(&path, "%s/%s", dir, names[i]);
    if(kg_read_triples(rw, path.s, &t))
      bad = 1;
    kg_buf_release(&path);
    free(names[i]);
  }
  free(names);
  free(dir);
  if(bad) {
    kg_read_triples_release(&t);
    kg_registry_free(r);
    return NULL;
  }
  /* entities: typed subjects under the instance base */
  for(i = 0; i < t.n; i++) {
    const struct kg_triple *x = &t.v[i];
    struct kg_entity *e;

    if(strcmp(x->p, KG_NS_RDF "type") || strncmp(x->s, KG_DEFAULT_BASE, baselen))
      continue;
    if(!strcmp(x->o, KG_NS_SCHEMA "Organization")) {
      e = entity_for(r, &ecap, x->s + baselen, 1);
      e->kind = KG_ENT_ORG;
    } else if(!strcmp(x->o, KG_NS_MN "Initiative")) {
      e = entity_for(r, &ecap, x->s + baselen, 1);
      e->kind = KG_ENT_INITIATIVE;
    }
  }
  for(i = 0; i < t.n; i++) {
    const struct kg_triple *x = &t.v[i];
    struct kg_entity *e;

    if(strncmp(x->s, KG_DEFAULT_BASE, baselen))
      continue;
    e = entity_for(r, &ecap, x->s + baselen, 0);
    if(!e)
      continue;
    if(!strcmp(x->p, KG_NS_SCHEMA "name") && x->o_is_lit && !e->name) {
      e->name = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_SCHEMA "alternateName") && x->o_is_lit) {
      e->aliases = kg_xrealloc(e->aliases, (e->naliases + 1) * sizeof(char *));
      e->aliases[e->naliases++] = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_ORG "identifier") && x->o_is_lit) {
      free(e->identifier);
      e->identifier = kg_xstrdup(x->o);
    } else if(!strcmp(x->p, KG_NS_RDF "type") && !x->o_is_lit &&
              strcmp(x->o, KG_NS_SCHEMA "Organization") &&
              strcmp(x->o, KG_NS_ORG "Organization") &&
              strcmp(x->o, KG_NS_MN "Initiative")) {
      e->types = kg_xrealloc(e->types, (e->ntypes + 1) * sizeof(char *));
      e->types[e->ntypes++] = kg_xstrdup(x->o);
    }
  }
  kg_read_triples_release(&t);
  for(i = 0; i < r->nents; i++) {
    size_t j;

    if(!r->ents[i].name)
      r->ents[i].name = kg_xstrdup(r->ents[i].rel);
    add_key(r, &kcap, r->ents[i].name, i);
    for(j = 0; j < r->ents[i].naliases; j++)
      add_key(r, &kcap, r->ents[i].aliases[j], i);
  }
  if(r->nkeys)
    qsort(r->keys, r->nkeys, sizeof(*r->keys), cmp_key);
  return r;
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
  for(i = 0; i < r->nkeys; i++)
    free(r->keys[i].key);
  free(r->keys);
  free(r->ents);
  free(r);
}

const struct kg_entity *
kg_registry_lookup(const struct kg_registry *r, const char *key, int kind)
{
  size_t lo = 0, hi = r->nkeys;

  while(lo < hi) {
    size_t mid = (lo + hi) / 2;

    if(strcmp(r->keys[mid].key, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for(; lo < r->nkeys && !strcmp(r->keys[lo].key, key); lo++) {
    const struct kg_entity *e = &r->ents[r->keys[lo].ent];

    if(kind < 0 || (int)e->kind == kind)
      return e;
  }
  return NULL;
}
