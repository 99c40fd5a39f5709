/* curation.c - the curator's decisions, read and written whole. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/outfile.h"
#include "base/text.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/turtle.h"
#include "rdf/world.h"
#include "ref/curation.h"

static const char header[] =
  "# curation.ttl - the curator's decisions (mednum-kg curate), oldest first.\n"
  "#\n"
  "# Read after data/registry/ by extract, load and query --data: an\n"
  "# accepted entity is known (its IRI, its names); a rejected one\n"
  "# (mn:rejected true) is never an entity of that kind again.  Names,\n"
  "# aliases, types and verdicts only: relations come from the reports.\n";

/* The exclusive flock of the directory holding @path, waiting up to two
 * seconds.  The descriptor, or -1 after reporting. */
static int
lock_dir(const char *path)
{
  const char *slash = strrchr(path, '/');
  char *dir = slash ? kg_xstrndup(path, (size_t)(slash - path + 1))
                    : kg_xstrdup(".");
  struct timespec pause = { 0, 50000000 };
  int fd = open(dir, O_RDONLY), tries;

  if(fd < 0) {
    kg_error("cannot open '%s': %s", dir, strerror(errno));
    free(dir);
    return -1;
  }
  for(tries = 0; flock(fd, LOCK_EX | LOCK_NB); tries++) {
    if(errno != EWOULDBLOCK || tries >= 40) {
      kg_error("cannot lock '%s': %s", dir,
               errno == EWOULDBLOCK ? "another curate is running"
                                    : strerror(errno));
      close(fd);
      free(dir);
      return -1;
    }
    nanosleep(&pause, NULL);
  }
  free(dir);
  return fd;
}

static char **
copy_strings(char **v, size_t n)
{
  char **out = n ? kg_xcalloc(n, sizeof(char *)) : NULL;
  size_t i;

  for(i = 0; i < n; i++)
    out[i] = kg_xstrdup(v[i]);
  return out;
}

int
kg_curation_read(struct kg_curation *c, raptor_world *rw, const char *path,
                 int lock)
{
  struct kg_registry *r;
  size_t i;
  int code = KG_EXIT_OK;

  memset(c, 0, sizeof(*c));
  c->lock_fd = -1;
  c->path = kg_xstrdup(path);
  if(lock && (c->lock_fd = lock_dir(path)) < 0) {
    kg_curation_release(c);
    return KG_EXIT_SYS;
  }
  r = kg_registry_new(rw, NULL, path, &code);
  if(!r) {
    kg_curation_release(c);
    return code;
  }
  /* the registry keeps the file's order */
  for(i = 0; i < r->nents; i++) {
    const struct kg_entity *e = &r->ents[i];
    struct kg_decision d;

    d.kind = e->kind;
    d.rejected = e->rejected;
    d.rel = kg_xstrdup(e->rel);
    d.name = kg_xstrdup(e->name);
    d.aliases = copy_strings(e->aliases, e->naliases);
    d.naliases = e->naliases;
    KG_GROW(c->v, c->cap, c->n + 1);
    c->v[c->n++] = d;
  }
  kg_registry_free(r);
  return KG_EXIT_OK;
}

/* 1 if @a and @b share a name or alias (matching keys). */
static int
share_name(const struct kg_decision *a, const struct kg_decision *b)
{
  struct kg_buf ka = KG_BUF_INIT, kb = KG_BUF_INIT;
  size_t i, j;
  int hit = 0;

  for(i = 0; i <= a->naliases && !hit; i++) {
    const char *sa = i ? a->aliases[i - 1] : a->name;

    kg_text_key(sa, strlen(sa), &ka);
    for(j = 0; j <= b->naliases && !hit; j++) {
      const char *sb = j ? b->aliases[j - 1] : b->name;

      hit = !strcmp(ka.s, kg_text_key(sb, strlen(sb), &kb));
    }
  }
  kg_buf_release(&ka);
  kg_buf_release(&kb);
  return hit;
}

void
kg_curation_put(struct kg_curation *c, struct kg_decision *d)
{
  size_t i, k = 0;

  for(i = 0; i < c->n; i++) {
    if(!strcmp(c->v[i].rel, d->rel) ||
       (c->v[i].kind == d->kind && share_name(&c->v[i], d)))
      kg_curation_decision_release(&c->v[i]);
    else
      c->v[k++] = c->v[i];
  }
  c->n = k;
  KG_GROW(c->v, c->cap, c->n + 1);
  c->v[c->n++] = *d;
  memset(d, 0, sizeof(*d));
}

int
kg_curation_undo(struct kg_curation *c, struct kg_decision *out)
{
  if(!c->n)
    return -1;
  *out = c->v[--c->n];
  return 0;
}

/* The statements of decision @d, in the order Turtle groups them. */
static void
decision_stmts(librdf_world *w, const struct kg_decision *d,
               struct kg_stmts *l)
{
  librdf_node *s = kg_rdf_iri(w, KG_DEFAULT_BASE, d->rel);
  size_t i;

  kg_rdf_stmts_add(l, librdf_new_node_from_node(s),
                   kg_rdf_iri(w, KG_NS_RDF, "type"),
                   kg_rdf_iri(w, kg_registry_kind_class(d->kind), ""), NULL);
  if(d->kind == KG_ENT_ORG)
    kg_rdf_stmts_add(l, librdf_new_node_from_node(s),
                     kg_rdf_iri(w, KG_NS_RDF, "type"),
                     kg_rdf_iri(w, KG_NS_ORG, "Organization"), NULL);
  if(d->rejected)
    kg_rdf_stmts_add(l, librdf_new_node_from_node(s),
                     kg_rdf_iri(w, KG_NS_MN, "rejected"),
                     kg_rdf_typed(w, "true", KG_NS_XSD "boolean"), NULL);
  kg_rdf_stmts_add(l, librdf_new_node_from_node(s),
                   kg_rdf_iri(w, KG_NS_SCHEMA, "name"),
                   kg_rdf_lit(w, d->name, NULL), NULL);
  for(i = 0; i < d->naliases; i++)
    kg_rdf_stmts_add(l, librdf_new_node_from_node(s),
                     kg_rdf_iri(w, KG_NS_SCHEMA, "alternateName"),
                     kg_rdf_lit(w, d->aliases[i], NULL), NULL);
  librdf_free_node(s);
}

int
kg_curation_write(const struct kg_curation *c, struct kg_world *w)
{
  struct kg_stmts l = { NULL, 0, 0 };
  struct kg_outfile o;
  size_t i;
  int ok;

  /* one subject per decision, its statements together: the writer groups
   * them, and the file keeps the order of the decisions */
  for(i = 0; i < c->n; i++)
    decision_stmts(w->world, &c->v[i], &l);
  /* a curation file linked elsewhere (kept under version control, say)
   * is written where it lives */
  if(kg_outfile_open(&o, c->path, KG_OUTFILE_FOLLOW)) {
    kg_rdf_stmts_release(&l);
    return KG_EXIT_SYS;
  }
  ok = fputs(header, o.fh) >= 0 &&
       !kg_turtle_write(l.v, l.n, KG_DEFAULT_BASE, o.fh);
  kg_rdf_stmts_release(&l);
  if(!ok)
    kg_error("cannot write '%s': %s", c->path, strerror(errno));
  return kg_outfile_close(&o, ok) || !ok ? KG_EXIT_SYS : KG_EXIT_OK;
}

void
kg_curation_decision_release(struct kg_decision *d)
{
  size_t i;

  for(i = 0; i < d->naliases; i++)
    free(d->aliases[i]);
  free(d->aliases);
  free(d->rel);
  free(d->name);
  memset(d, 0, sizeof(*d));
}

void
kg_curation_release(struct kg_curation *c)
{
  size_t i;

  for(i = 0; i < c->n; i++)
    kg_curation_decision_release(&c->v[i]);
  free(c->v);
  free(c->path);
  if(c->lock_fd >= 0)
    close(c->lock_fd);    /* drops the flock */
  memset(c, 0, sizeof(*c));
  c->lock_fd = -1;
}
