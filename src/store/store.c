/* store.c - the persistent store: open, load, unload, commit, close.
 *
 * The engine is LMDB (kv.c) under a librdf storage module (storage.c):
 * a reader holds one read transaction, a writer one write transaction
 * that kg_store_commit() makes durable, under an flock on DIR/lock that
 * keeps writers in turn (lock.c).  See store.h for the layout on disk.
 * This file is the public API of store.h; the pieces are in meta.c (times
 * and graphs), load.c and batch.c (loading), reference.c (the reference
 * graph) and legacy.c (the first format, for `store upgrade`).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/hash.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/world.h"
#include "store/store_int.h"

long long
kg_store_now(void)
{
  const char *env = getenv("SOURCE_DATE_EPOCH");

  if(env && *env) {
    char *end;
    long long v = strtoll(env, &end, 10);

    if(!*end && v >= 0)
      return v;
  }
  return (long long)time(NULL);
}

void
kg_store_format_time(long long t, char *out, size_t size)
{
  time_t tt = (time_t)t;
  struct tm tm;

  if(!gmtime_r(&tt, &tm) || !strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
    snprintf(out, size, "1970-01-01T00:00:00Z");
}

/* ------------------------------------------------------------ open */

static struct kg_store *
store_new(struct kg_world *w, const char *dir)
{
  struct kg_store *st = kg_xcalloc(1, sizeof(*st));

  st->w = w;
  st->dir = kg_xstrdup(dir);
  st->lock_fd = -1;
  kg_meta_init(&st->meta);
  return st;
}

int
kg_store_exists(const char *dir)
{
  return kg_kv_exists(dir) || kg_legacy_exists(dir);
}

static void
no_store(const char *dir)
{
  kg_error("no store in '%s' (load reports with 'mednum-kg load' first)",
           dir);
}

/* A store of the first format is never read as this one.  1 (reported,
 * *code set) if @dir holds one. */
static int
refuse_legacy(const char *dir, int *code)
{
  if(kg_kv_exists(dir) || !kg_legacy_exists(dir))
    return 0;
  kg_error("store '%s' has the format of mednum-kg 0.x (Berkeley DB "
           "generations); convert it with 'mednum-kg --store %s store "
           "upgrade'", dir, dir);
  *code = KG_EXIT_DATA;
  return 1;
}

/* Opens the environment, the librdf storage and model, and the meta.
 * 0, or -1 reported (*code set). */
static int
open_engine(struct kg_store *st, int write, int *code)
{
  struct kg_kv *kv = kg_kv_open(st->dir, write, code);

  if(!kv)
    return -1;
  *code = KG_EXIT_SYS;
  if(kg_kv_check_counts(kv)) {
    kg_kv_free(kv);
    return -1;
  }
  st->storage = kg_storage_new(st->w->world, kv);
  if(!st->storage)
    return -1;
  st->lm = kg_storage_of(st->storage);
  st->model = librdf_new_model(st->w->world, st->storage, NULL);
  if(!st->model) {
    kg_error("cannot open the store in '%s'", st->dir);
    return -1;
  }
  if(kg_meta_load(&st->meta, st->lm))
    return -1;              /* a damaged store: KG_EXIT_SYS */
  *code = KG_EXIT_OK;
  return 0;
}

int
kg_store_found(const char *dir, int *code)
{
  *code = KG_EXIT_SYS;
  if(refuse_legacy(dir, code))
    return 0;
  if(!kg_kv_exists(dir)) {
    no_store(dir);
    return 0;
  }
  return 1;
}

struct kg_store *
kg_store_open_read(struct kg_world *w, const char *dir, int *code)
{
  struct kg_store *st = store_new(w, dir);

  if(!kg_store_found(dir, code))
    goto fail;
  if(open_engine(st, 0, code))
    goto fail;
  return st;
fail:
  kg_store_close(st);
  return NULL;
}

/* Creates the store directory if needed and takes its exclusive lock.
 * 0, or -1 reported (*code set). */
static int
lock_for_write(struct kg_store *st, double wait, int *code)
{
  char *lock;

  if(mkdir(st->dir, 0777) && errno != EEXIST) {
    kg_error("cannot create store '%s': %s", st->dir, strerror(errno));
    return -1;
  }
  lock = kg_files_path_join(st->dir, "lock");
  st->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  free(lock);
  if(st->lock_fd < 0) {
    kg_error("cannot open store '%s': %s", st->dir, strerror(errno));
    return -1;
  }
  return kg_lock_take(st->dir, st->lock_fd, wait, code);
}

struct kg_store *
kg_store_open_write(struct kg_world *w, const char *dir,
                    const struct kg_store_reader *rd, double wait,
                    int *code)
{
  struct kg_store *st = store_new(w, dir);

  *code = KG_EXIT_SYS;
  st->writable = 1;
  st->rd = rd;
  if(refuse_legacy(dir, code) || lock_for_write(st, wait, code))
    goto fail;
  *code = KG_EXIT_SYS;
  if(refuse_legacy(dir, code))
    goto fail;
  if(kg_legacy_exists(dir))
    kg_files_remove_legacy(dir);    /* left by a killed `store upgrade` */
  if(open_engine(st, 1, code))
    goto fail;
  return st;
fail:
  kg_store_close(st);
  return NULL;
}

void
kg_store_pause(struct kg_store *st)
{
  if(st && st->lm) {
    kg_quads_forget(&st->lm->quads);    /* cursors of this version */
    kg_kv_pause(st->lm->kv);
  }
}

int
kg_store_renew(struct kg_store *st)
{
  int rc;

  kg_quads_forget(&st->lm->quads);
  rc = kg_kv_renew(st->lm->kv);
  if(rc)
    return rc;
  kg_terms_renew(&st->lm->terms);
  kg_meta_release(&st->meta);
  kg_meta_init(&st->meta);
  if(kg_kv_check_counts(st->lm->kv) || kg_meta_load(&st->meta, st->lm))
    return -1;
  return 0;
}

librdf_model *
kg_store_model(struct kg_store *st)
{
  return st->model;
}

const char *
kg_store_dir(const struct kg_store *st)
{
  return st->dir;
}

size_t
kg_store_graph_count(const struct kg_store *st)
{
  return st->meta.n;
}

const struct kg_store_graph *
kg_store_graph_at(const struct kg_store *st, size_t i)
{
  return i < st->meta.n ? &st->meta.graphs[i] : NULL;
}

long long
kg_store_issued(const struct kg_store *st)
{
  return st->meta.issued;
}

long long
kg_store_modified(const struct kg_store *st)
{
  return st->meta.modified;
}

/* ------------------------------------------------------------ close */

void
kg_store_close(struct kg_store *st)
{
  size_t i;

  if(!st)
    return;
  /* an uncommitted write is thrown away */
  if(st->lm)
    kg_storage_abort(st->lm);
  if(st->model)
    librdf_free_model(st->model);
  if(st->storage)
    librdf_free_storage(st->storage);
  if(st->lock_fd >= 0)
    close(st->lock_fd);           /* releases the flock */
  kg_meta_release(&st->meta);
  free(st->dir);
  free(st->last_graph);
  for(i = 0; i < st->ndone; i++)
    free(st->done[i]);
  free(st->done);
  free(st);
}

int
kg_store_status(struct kg_store *st, int code)
{
  if(st && st->lm && st->lm->kv->failed && code != KG_EXIT_SYS) {
    kg_error("store '%s': the answer is incomplete (see above)", st->dir);
    code = KG_EXIT_SYS;
  }
  return code;
}

int
kg_store_end(struct kg_store *st, int code)
{
  code = kg_store_status(st, code);
  kg_store_close(st);
  return code;
}

int
kg_store_commit(struct kg_store *st)
{
  int rc = KG_EXIT_SYS;

  if(!st->meta.issued)
    st->meta.issued = kg_store_now();
  if(!st->meta.modified)
    st->meta.modified = st->meta.issued;
  /* the commit point: LMDB's transaction, durable on return */
  if(!kg_meta_save(&st->meta, st->lm) && !kg_storage_commit(st->lm))
    rc = KG_EXIT_OK;
  kg_store_close(st);
  return rc;
}

/* ------------------------------------------------------------ load */

/* kg_store_load() and the rest of `load`: load.c */

/* ------------------------------------------------------------ unload */

/* The loaded graph @what names: the path given to load (as typed or
 * resolved), a graph IRI, or a file name whose slug names a graph.
 * SHARED, or NULL. */
static const struct kg_store_graph *
find_loaded(struct kg_store *st, const char *what)
{
  struct kg_meta *m = &st->meta;
  const struct kg_store_graph *g = NULL;
  char *iri = NULL;
  char *real = NULL;
  size_t i;

  /* 1. the path given to load, as typed or resolved */
  for(i = 0; i < m->n && !g; i++)
    if(m->graphs[i].source[0] && !strcmp(m->graphs[i].source, what))
      g = &m->graphs[i];
  if(!g && (real = realpath(what, NULL))) {
    for(i = 0; i < m->n && !g; i++) {
      char *r2 = m->graphs[i].source[0]
        ? realpath(m->graphs[i].source, NULL) : NULL;

      if(r2 && !strcmp(r2, real))
        g = &m->graphs[i];
      free(r2);
    }
  }
  /* 2. a graph IRI */
  if(!g)
    g = kg_meta_find(m, what);
  /* 3. a file name whose slug names a loaded graph */
  if(!g && kg_load_format(what)) {
    iri = kg_load_graph_iri(st->w, what);
    if(iri)
      g = kg_meta_find(m, iri);
  }
  free(real);
  free(iri);
  return g;
}

int
kg_store_unload(struct kg_store *st, const char *what)
{
  const struct kg_store_graph *g = find_loaded(st, what);
  librdf_node *node;
  char *iri;
  int rc = -1;

  if(!g) {
    kg_error("'%s' is not loaded in store '%s'", what, st->dir);
    return KG_EXIT_DATA;
  }
  iri = kg_xstrdup(g->iri);
  node = kg_world_iri(st->w, iri);
  if(node && !librdf_model_context_remove_statements(st->model, node) &&
     !kg_reference_note(st, node))
    rc = 0;
  if(!rc) {
    kg_meta_remove(&st->meta, iri);
    st->meta.modified = kg_store_now();
    kg_info("removed <%s>", iri);
  }
  if(node)
    librdf_free_node(node);
  free(iri);
  return rc ? KG_EXIT_SYS : KG_EXIT_OK;
}
