/* store.c - the persistent store: open, load, unload, commit, close.
 *
 * librdf's BDB hashes have no locking and no transactions (REDLAND.md 2.2),
 * so this module supplies both: an flock on DIR/lock (shared for readers,
 * exclusive for writers, lock.c) and copy-on-write generations swapped in
 * with rename().  See store.h for the layout on disk.  This file is the
 * public API of store.h; the pieces are in files.c (file system), meta.c
 * (the meta file), load.c and batch.c (loading), digest.c (statement
 * digests) and rebuild.c (making the new generation).
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
  kg_hash_init(&st->drop);
  return st;
}

int
kg_store_open_model(struct kg_world *w, const char *path, const char *mode,
                    librdf_storage **storage, librdf_model **model)
{
  struct kg_buf opts = KG_BUF_INIT;
  int rc = -1;

  *storage = NULL;
  *model = NULL;
  kg_buf_addf(&opts, "hash-type='bdb',dir='%s',contexts='yes',"
              "index-predicates='yes',%s", path, mode);
  *storage = librdf_new_storage(w->world, "hashes", KG_STORE_IDENT, opts.s);
  if(*storage)
    *model = librdf_new_model(w->world, *storage, NULL);
  if(!*model)
    kg_error("cannot open the store in '%s'", path);
  else
    rc = 0;
  kg_buf_release(&opts);
  return rc;
}

void
kg_store_free_model(librdf_model *model, librdf_storage *storage)
{
  if(model)
    librdf_free_model(model);
  if(storage)
    librdf_free_storage(storage);
}

static void
close_model(struct kg_store *st)
{
  kg_store_free_model(st->model, st->storage);
  st->model = NULL;
  st->storage = NULL;
}

int
kg_store_exists(const char *dir)
{
  char *path = kg_files_path_join(dir, "CURRENT");
  struct stat sb;
  int rc = !stat(path, &sb);

  free(path);
  return rc;
}

static void
no_store(const char *dir)
{
  kg_error("no store in '%s' (load reports with 'mednum-kg load' first)",
           dir);
}

struct kg_store *
kg_store_open_read(struct kg_world *w, const char *dir, int *code)
{
  struct kg_store *st = store_new(w, dir);
  char *lock = kg_files_path_join(st->dir, "lock");
  int bad;

  *code = KG_EXIT_SYS;
  st->lock_fd = open(lock, O_RDONLY | O_CLOEXEC);
  free(lock);
  if(st->lock_fd < 0) {
    if(errno == ENOENT)
      no_store(st->dir);
    else
      kg_error("cannot open store '%s': %s", st->dir, strerror(errno));
    goto fail;
  }
  if(kg_lock_take(st->dir, st->lock_fd, 0, -1, code))
    goto fail;
  st->gen = kg_files_read_current(st->dir, &bad);
  if(!st->gen) {
    if(bad)
      kg_error("store '%s' is damaged: unreadable CURRENT", st->dir);
    else
      no_store(st->dir);
    goto fail;
  }
  st->gen_path = kg_files_path_join(st->dir, st->gen);
  if(kg_meta_read(&st->meta, st->gen_path) ||
     kg_store_open_model(st->w, st->gen_path, "write='no'", &st->storage,
                         &st->model))
    goto fail;
  *code = KG_EXIT_OK;
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

  if(strchr(st->dir, '\'')) {
    kg_error("store directory '%s': a quote (') is not allowed", st->dir);
    return -1;
  }
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
  return kg_lock_take(st->dir, st->lock_fd, 1, wait, code);
}

struct kg_store *
kg_store_open_write(struct kg_world *w, const char *dir,
                    const struct kg_store_reader *rd, double wait,
                    int *code)
{
  struct kg_store *st = store_new(w, dir);
  struct kg_buf gen = KG_BUF_INIT;
  unsigned long next;
  int bad;

  *code = KG_EXIT_SYS;
  st->writable = 1;
  st->rd = rd;
  if(lock_for_write(st, wait, code))
    goto fail;
  *code = KG_EXIT_SYS;
  st->old_gen = kg_files_read_current(st->dir, &bad);
  if(bad) {
    kg_error("store '%s' is damaged: unreadable CURRENT", st->dir);
    goto fail;
  }
  next = kg_files_clean_debris(st->dir, st->old_gen);
  if(st->old_gen && kg_files_gen_number(st->old_gen) > next)
    next = kg_files_gen_number(st->old_gen);
  kg_buf_addf(&gen, "gen-%06lu", next + 1);
  st->gen = kg_buf_detach(&gen);
  st->gen_path = kg_files_path_join(st->dir, st->gen);
  if(mkdir(st->gen_path, 0777)) {
    kg_error("cannot create '%s': %s", st->gen_path, strerror(errno));
    free(st->gen_path);
    st->gen_path = NULL;
    goto fail;
  }
  /* the new generation is made when first needed (kg_rebuild_make): by
   * now the caller has said which graphs it replaces (kg_store_plan) */
  if(st->old_gen) {
    char *old = kg_files_path_join(st->dir, st->old_gen);
    int rc = kg_meta_read(&st->meta, old);

    free(old);
    if(rc)
      goto fail;
  }
  *code = KG_EXIT_OK;
  return st;
fail:
  kg_store_close(st);
  return NULL;
}

librdf_model *
kg_store_model(struct kg_store *st)
{
  if(!st->model && st->writable && kg_rebuild_make(st))
    return NULL;
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
  close_model(st);
  /* an uncommitted generation is thrown away, under the lock still */
  if(st->writable && st->gen_path)
    kg_files_remove_tree(st->gen_path);
  if(st->lock_fd >= 0)
    close(st->lock_fd);           /* releases the flock */
  kg_meta_release(&st->meta);
  free(st->dir);
  free(st->gen);
  free(st->gen_path);
  free(st->old_gen);
  free(st->last_graph);
  kg_hash_release(&st->drop);
  for(i = 0; i < st->ndone; i++)
    free(st->done[i]);
  free(st->done);
  free(st);
}

int
kg_store_commit(struct kg_store *st)
{
  char *tmp = kg_files_path_join(st->dir, "CURRENT.tmp");
  char *cur = kg_files_path_join(st->dir, "CURRENT");
  int rc = KG_EXIT_SYS;

  if(!st->meta.issued)
    st->meta.issued = kg_store_now();
  if(!st->meta.modified)
    st->meta.modified = st->meta.issued;
  if(kg_rebuild_make(st))
    goto out;
  if(librdf_model_sync(st->model)) {
    kg_error("cannot write the store in '%s'", st->gen_path);
    goto out;
  }
  close_model(st);                /* closes the BDB files */
  if(kg_meta_write(&st->meta, st->gen_path))
    goto out;
  /* every file of the new generation on disk before it becomes live */
  if(kg_files_sync_dir(st->gen_path) || kg_files_write_line(tmp, st->gen))
    goto out;
  /* the commit point */
  if(rename(tmp, cur)) {
    kg_error("cannot replace '%s': %s", cur, strerror(errno));
    goto out;
  }
  kg_files_fsync(st->dir, 1);
  st->writable = 0;               /* the new generation is live: keep it */
  if(st->old_gen) {
    char *old = kg_files_path_join(st->dir, st->old_gen);

    kg_files_remove_tree(old);
    free(old);
  }
  rc = KG_EXIT_OK;
out:
  if(rc)
    unlink(tmp);
  free(tmp);
  free(cur);
  kg_store_close(st);
  return rc;
}

/* ------------------------------------------------------------ load */

void
kg_store_plan(struct kg_store *st, const char *path)
{
  char *iri;

  if(!kg_load_format(path))
    return;
  iri = kg_load_graph_iri(st->w, path);
  if(!iri && kg_load_is_report(kg_load_format(path))) {
    struct kg_buf b = KG_BUF_INIT;

    /* the extractor names a report without letters "report" */
    kg_buf_addf(&b, "%sgraph/report", st->w->base);
    iri = kg_buf_detach(&b);
  }
  if(iri && kg_meta_find(&st->meta, iri))
    kg_rebuild_plan(st, iri);
  free(iri);
}

void
kg_store_plan_reference(struct kg_store *st)
{
  /* nothing to plan: kg_store_refresh_reference() changes the reference
   * graph by difference (a few statements), which needs no rebuild */
  (void)st;
}

int
kg_store_load(struct kg_store *st, const char *path, const char **graph_iri)
{
  struct kg_load ld;
  int code;

  if(graph_iri)
    *graph_iri = NULL;
  kg_load_init(&ld, path);
  code = kg_load_name(st, &ld);
  if(code == KG_EXIT_OK)
    code = kg_load_open(st, &ld);
  if(code == KG_EXIT_OK)
    code = kg_load_fill(st, &ld);
  if(code == KG_EXIT_OK && graph_iri)
    *graph_iri = st->last_graph;
  kg_load_release(&ld);
  return code;
}

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
  char *iri;
  int rc;

  if(!g) {
    kg_error("'%s' is not loaded in store '%s'", what, st->dir);
    return KG_EXIT_DATA;
  }
  iri = kg_xstrdup(g->iri);
  if(!st->model && kg_rebuild_plan(st, iri))
    rc = 0;                     /* left out when the generation is made */
  else
    rc = kg_rebuild_remove(st, iri, 0);
  if(!rc) {
    kg_meta_remove(&st->meta, iri);
    st->meta.modified = kg_store_now();
    kg_info("removed <%s>", iri);
  }
  free(iri);
  return rc ? KG_EXIT_SYS : KG_EXIT_OK;
}

/* ------------------------------------------------------------ reference */

/* librdf_free_node() that takes NULL. */
static void
free_node(librdf_node *n)
{
  if(n)
    librdf_free_node(n);
}

/* The reference describer copies the whole model it is given to find the
 * concepts and territories to describe (on 2.1M statements: 60 s and
 * 675 MB).  It gets instead the scratch model @tmp holding one statement
 * per distinct such IRI (recorded in @used), found here in one pass over
 * the store.  @g is the reference graph, whose own IRIs do not count.
 * 0, or -1 reported. */
static int
collect_used(struct kg_store *st, librdf_node *g, librdf_model *tmp,
             struct kg_hash *used)
{
  struct kg_world *w = st->w;
  struct kg_buf terr = KG_BUF_INIT;
  librdf_node *scratch, *subj, *pred;
  librdf_stream *s;
  int rc = -1;

  kg_buf_addf(&terr, "%sterritoire/", w->base);
  scratch = kg_world_iri(w, "urn:x-mednum-kg:scratch");
  subj = kg_world_iri(w, "urn:x-mednum-kg:store");
  pred = kg_world_iri(w, "urn:x-mednum-kg:uses");
  s = librdf_model_as_stream(st->model);
  if(!scratch || !subj || !pred || !s) {
    kg_error("cannot rebuild the reference graph");
    goto out;
  }
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);      /* SHARED */
    librdf_node *o = librdf_statement_get_object(t);
    librdf_node *c = librdf_stream_get_context2(s);         /* SHARED */
    const char *u;

    /* what the reports use, not what the reference graph itself names */
    if(!librdf_node_is_resource(o) || (c && librdf_node_equals(c, g)))
      continue;
    u = (const char *)librdf_uri_as_string(librdf_node_get_uri(o));
    if(strncmp(u, KG_NS_MNC, strlen(KG_NS_MNC)) &&
       strncmp(u, terr.s, terr.len))
      continue;
    if(!kg_hash_add(used, u))
      continue;
    if(kg_rdf_add_copy(tmp, scratch, subj, pred, o))
      goto out;
  }
  rc = 0;
out:
  if(s)
    librdf_free_stream(s);
  free_node(scratch);
  free_node(subj);
  free_node(pred);
  kg_buf_release(&terr);
  return rc;
}

int
kg_store_refresh_reference(struct kg_store *st)
{
  struct kg_world *w = st->w;
  char *ref = kg_load_reference_iri(w);
  struct kg_hash used;
  librdf_storage *tmp_storage = NULL;
  librdf_model *tmp = NULL;
  librdf_node *g = NULL;
  long n = 0;
  int rc = -1;

  kg_hash_init(&used);
  if(!st->rd || !st->rd->reference) {
    if(kg_rebuild_remove(st, ref, 0))
      goto out;
    kg_meta_remove(&st->meta, ref);
    kg_info("no reference graph: this command has no extractor");
    rc = 0;
    goto out;
  }
  if(kg_rebuild_make(st))
    goto out;
  tmp = kg_world_new_memory_model(w, &tmp_storage);
  g = kg_world_iri(w, ref);
  if(!tmp || !g) {
    kg_error("cannot rebuild the reference graph");
    goto out;
  }
  if(collect_used(st, g, tmp, &used))
    goto out;
  if(st->rd->reference(st->rd->arg, tmp))
    goto out;
  n = kg_rebuild_update(st, tmp, g, kg_hash_has(&st->drop, ref));
  if(n < 0)
    goto out;
  kg_meta_remove(&st->meta, ref);
  if(n)
    kg_meta_set(&st->meta, ref, "", n, kg_store_now());
  kg_info("reference graph: %ld triples for %lu concepts and territories", n,
          (unsigned long)used.n);
  rc = 0;
out:
  kg_store_free_model(tmp, tmp_storage);
  free_node(g);
  kg_hash_release(&used);
  free(ref);
  return rc;
}
