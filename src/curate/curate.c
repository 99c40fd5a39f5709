/* curate.c - a curator's decision on a candidate (see curate.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/text.h"
#include "curate/candidates.h"
#include "curate/curate.h"
#include "ref/curation.h"
#include "ref/registry.h"

#define MAX_MATCHES 8

static int
is_iri(const char *s)
{
  return strstr(s, "://") != NULL || !strncmp(s, "urn:", 4) ||
         !strncmp(s, "mnid:", 5);
}

/* Adds @s to d->aliases unless the name or an alias has its key already
 * (the registry matches names by key). */
static void
add_alias(struct kg_decision *d, const char *s)
{
  struct kg_buf k = KG_BUF_INIT, o = KG_BUF_INIT;
  size_t i;
  int dup;

  if(!s || !*s)
    return;
  kg_text_key(s, strlen(s), &k);
  dup = !strcmp(k.s, kg_text_key(d->name, strlen(d->name), &o));
  for(i = 0; i < d->naliases && !dup; i++)
    dup = !strcmp(k.s, kg_text_key(d->aliases[i], strlen(d->aliases[i]), &o));
  if(!dup) {
    d->aliases = kg_xrealloc(d->aliases, (d->naliases + 1) * sizeof(char *));
    d->aliases[d->naliases++] = kg_xstrdup(s);
  }
  kg_buf_release(&k);
  kg_buf_release(&o);
}

/* The IRI path the extractor would give an entity of @kind named @name. */
static char *
mint_rel(enum kg_entity_kind kind, const char *name)
{
  struct kg_buf rel = KG_BUF_INIT, slug = KG_BUF_INIT;

  kg_text_slug(name, strlen(name), 80, &slug);
  kg_buf_addf(&rel, "%s/%s", kind == KG_ENT_ORG ? "org"
              : kind == KG_ENT_PERSON ? "person" : "initiative",
              slug.len ? slug.s : "x");
  kg_buf_release(&slug);
  return kg_buf_detach(&rel);
}

/* The one candidate @rq names, in *out (NULL: none, and a name may still
 * be decided on with --kind).  KG_EXIT_OK or a reported exit status. */
static int
resolve(const struct kg_curate_req *rq, const struct kg_cands *cands,
        const char *what, const struct kg_cand **out)
{
  const struct kg_cand *m[MAX_MATCHES];
  size_t n = cands ? kg_candidates_find(cands, what, rq->kind, m,
                                        MAX_MATCHES) : 0;
  const char *kind = rq->kind >= 0
    ? kg_registry_kind_name((enum kg_entity_kind)rq->kind) : "";

  *out = n == 1 ? m[0] : NULL;
  if(n > 1) {
    kg_error("'%s' names %zu candidates (%s <%s>, %s <%s>%s): give its IRI"
             "%s", rq->what, n, kg_registry_kind_name(m[0]->kind), m[0]->iri,
             kg_registry_kind_name(m[1]->kind), m[1]->iri, n > 2 ? ", …" : "",
             rq->kind < 0 ? " or --kind" : "");
    return KG_EXIT_USAGE;
  }
  if(n || (!is_iri(rq->what) && rq->kind >= 0 && rq->kind != KG_ENT_PLACE))
    return KG_EXIT_OK;
  if(is_iri(rq->what))
    kg_error("no candidate <%s>%s", what,
             cands ? " in the store" : " (there is no store to look in)");
  else if(rq->kind == KG_ENT_PLACE)
    kg_error("no place candidate named '%s'%s", rq->what,
             cands ? " in the store" : " (there is no store to look in)");
  else
    kg_error("no %s%scandidate named '%s'%s (give --kind to decide on a "
             "name not seen yet)", kind, *kind ? " " : "", rq->what,
             cands ? " in the store" : "");
  return KG_EXIT_DATA;
}

/* The decision on candidate @cd (or the bare name, when NULL). */
static int
draft(const struct kg_curate_req *rq, const struct kg_cand *cd,
      const char *base, struct kg_decision *d)
{
  size_t bl = strlen(base), i;

  memset(d, 0, sizeof(*d));
  d->rejected = rq->reject;
  if(!cd) {
    d->kind = (enum kg_entity_kind)rq->kind;
    d->name = kg_xstrdup(rq->what);
    d->rel = mint_rel(d->kind, rq->what);
    return KG_EXIT_OK;
  }
  if(strncmp(cd->iri, base, bl) || !cd->iri[bl]) {
    kg_error("<%s> is not under the instance base <%s>", cd->iri, base);
    return KG_EXIT_DATA;
  }
  d->kind = cd->kind;
  d->name = kg_xstrdup(cd->name);
  d->rel = kg_xstrdup(cd->iri + bl);
  for(i = 0; i < cd->npass; i++)
    add_alias(d, cd->pass[i].text);
  return KG_EXIT_OK;
}

/* Accepting under another name: the entity the registry knows by that
 * name, or a new one; the candidate's words become aliases. */
static void
rename_to(const char *as, const struct kg_registry *reg,
          struct kg_decision *d)
{
  struct kg_buf k = KG_BUF_INIT;
  const struct kg_entity *e;
  char *old = d->name;
  size_t i;

  kg_text_key(as, strlen(as), &k);
  e = kg_registry_lookup(reg, k.s, (int)d->kind);
  kg_buf_release(&k);
  free(d->rel);
  d->rel = e ? kg_xstrdup(e->rel) : mint_rel(d->kind, as);
  d->name = kg_xstrdup(e ? e->name : as);
  add_alias(d, old);
  free(old);
  /* the decision replaces an earlier one on that entity: keep its names */
  for(i = 0; e && e->user && i < e->naliases; i++)
    add_alias(d, e->aliases[i]);
}

/* Refuses a decision on an entity of data/registry/ (not the curator's):
 * it is no candidate.  Accepting under another name may join one. */
static int
check_known(const struct kg_decision *d, const struct kg_registry *reg,
            const struct kg_curate_req *rq)
{
  struct kg_buf k = KG_BUF_INIT;
  const struct kg_entity *e;

  if(rq->as && !rq->reject)
    return KG_EXIT_OK;
  e = kg_registry_by_rel(reg, d->rel);
  if(!e || e->user) {
    kg_text_key(d->name, strlen(d->name), &k);
    e = kg_registry_lookup(reg, k.s, (int)d->kind);
    kg_buf_release(&k);
  }
  if(!e || e->user)
    return KG_EXIT_OK;
  kg_error("'%s' is a known %s of the registry (mnid:%s): only candidates "
           "can be %s", d->name, kg_registry_kind_name(e->kind), e->rel,
           rq->reject ? "rejected" : "accepted");
  return KG_EXIT_DATA;
}

int
kg_curate_decide(const struct kg_curate_req *rq, const struct kg_cands *cands,
                 const struct kg_registry *reg, const char *base,
                 struct kg_curation *cur)
{
  const struct kg_cand *cd = NULL;
  struct kg_decision d;
  struct kg_buf iri = KG_BUF_INIT;
  int rc;

  if(!strncmp(rq->what, "mnid:", 5))
    kg_buf_addf(&iri, "%s%s", base, rq->what + 5);
  else
    kg_buf_adds(&iri, rq->what);
  rc = resolve(rq, cands, iri.s, &cd);
  kg_buf_release(&iri);
  if(rc)
    return rc;
  rc = draft(rq, cd, base, &d);
  if(!rc && rq->as)
    rename_to(rq->as, reg, &d);
  if(!rc)
    rc = check_known(&d, reg, rq);
  if(!rc) {
    kg_info("%s %s '%s' as mnid:%s", rq->reject ? "rejected" : "accepted",
            kg_registry_kind_name(d.kind), d.name, d.rel);
    kg_curation_put(cur, &d);
  }
  kg_curation_decision_release(&d);
  return rc;
}
