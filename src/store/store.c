/* store.c - the persistent store: generations, locking, load and unload.
 *
 * librdf's BDB hashes have no locking and no transactions (REDLAND.md 2.2),
 * so this module supplies both: an flock on DIR/lock (shared for readers,
 * exclusive for writers) and copy-on-write generations swapped in with
 * rename().  See store.h for the layout on disk.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/format.h"
#include "store/store.h"
#include "base/hash.h"
#include "base/text.h"

#define KG_STORE_IDENT "kg"
#define KG_STORE_META_MAGIC "# mednum-kg store 1"
#define KG_SLUG_MAX 80

struct kg_store {
  struct kg_world *w;           /* borrowed */
  const struct kg_store_reader *rd;  /* borrowed; NULL: RDF files only */
  char *dir;                    /* the store directory */
  char *gen;                    /* open generation: "gen-000007" */
  char *gen_path;               /* DIR/gen-000007 */
  char *old_gen;                /* writer: the generation it replaces */
  int lock_fd;
  int writable;
  librdf_storage *storage;      /* owned */
  librdf_model *model;          /* owned */
  struct kg_store_graph *graphs;
  size_t ngraphs;
  size_t cap;
  long long issued;
  long long modified;
  char *last_graph;             /* IRI of the last load (for callers) */
  struct kg_hash drop;        /* writer: graphs left out of the new one */
  char **done;                  /* writer: "IRI\tpath" loaded by this command */
  size_t ndone;
  size_t done_cap;
};

static double wait_seconds = -1.0;

void
kg_store_set_wait(double seconds)
{
  wait_seconds = seconds < 0 ? 0 : seconds;
}

static double
store_wait(void)
{
  const char *env;

  if(wait_seconds >= 0)
    return wait_seconds;
  env = getenv("MEDNUM_KG_WAIT");
  if(env && *env) {
    char *end;
    double v = strtod(env, &end);

    if(!*end && v >= 0)
      return v;
  }
  return 2.0;
}

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

static char *
path_join(const char *a, const char *b)
{
  struct kg_buf p = KG_BUF_INIT;

  kg_buf_addf(&p, "%s/%s", a, b);
  return kg_buf_detach(&p);
}

/* ------------------------------------------------------------ files */

static int
fsync_path(const char *path, int is_dir)
{
  int fd = open(path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY));
  int rc;

  if(fd < 0)
    return -1;
  rc = fsync(fd);
  /* some file systems refuse fsync on a directory: not an error for us */
  if(rc && is_dir && (errno == EINVAL || errno == EBADF))
    rc = 0;
  close(fd);
  return rc;
}

/* Removes a flat directory (a generation) and its files. */
static void
remove_tree(const char *path)
{
  DIR *d = opendir(path);
  struct dirent *e;

  if(d) {
    while((e = readdir(d))) {
      char *f;

      if(!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
        continue;
      f = path_join(path, e->d_name);
      unlink(f);
      free(f);
    }
    closedir(d);
  }
  rmdir(path);
}

static int
copy_file(const char *from, const char *to)
{
  char buf[1 << 16];
  int in, out, rc = -1;
  ssize_t n;

  in = open(from, O_RDONLY);
  if(in < 0) {
    kg_error("cannot open '%s': %s", from, strerror(errno));
    return -1;
  }
  out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if(out < 0) {
    kg_error("cannot create '%s': %s", to, strerror(errno));
    close(in);
    return -1;
  }
  for(;;) {
    char *p = buf;

    n = read(in, buf, sizeof buf);
    if(n < 0 && errno == EINTR)
      continue;
    if(n < 0) {
      kg_error("cannot read '%s': %s", from, strerror(errno));
      goto out;
    }
    if(n == 0)
      break;
    while(n > 0) {
      ssize_t w = write(out, p, (size_t)n);

      if(w < 0 && errno == EINTR)
        continue;
      if(w < 0) {
        kg_error("cannot write '%s': %s", to, strerror(errno));
        goto out;
      }
      p += w;
      n -= w;
    }
  }
  rc = 0;
out:
  close(in);
  if(close(out) && !rc) {
    kg_error("cannot write '%s': %s", to, strerror(errno));
    rc = -1;
  }
  return rc;
}

/* Copies every file of generation @from into the new directory @to. */
static int
copy_generation(const char *from, const char *to)
{
  DIR *d = opendir(from);
  struct dirent *e;
  int rc = 0;

  if(!d) {
    kg_error("cannot read '%s': %s", from, strerror(errno));
    return -1;
  }
  while(!rc && (e = readdir(d))) {
    char *a, *b;

    if(e->d_name[0] == '.')
      continue;
    a = path_join(from, e->d_name);
    b = path_join(to, e->d_name);
    rc = copy_file(a, b);
    free(a);
    free(b);
  }
  closedir(d);
  return rc;
}

/* Reads DIR/CURRENT: returns a new "gen-NNNNNN" string, or NULL when there
 * is none (*err set to 1 when the file exists but is not valid). */
static char *
read_current(const char *dir, int *err)
{
  char *path = path_join(dir, "CURRENT");
  char line[64];
  FILE *fh = fopen(path, "r");
  size_t n;
  char *res = NULL;

  *err = 0;
  free(path);
  if(!fh) {
    if(errno != ENOENT)
      *err = 1;
    return NULL;
  }
  if(fgets(line, sizeof line, fh)) {
    n = strcspn(line, "\r\n");
    line[n] = '\0';
    if(!strncmp(line, "gen-", 4) && n > 4 &&
       strspn(line + 4, "0123456789") == n - 4)
      res = kg_xstrdup(line);
  }
  fclose(fh);
  if(!res)
    *err = 1;
  return res;
}

static unsigned long
gen_number(const char *gen)
{
  return strtoul(gen + 4, NULL, 10);
}

/* ------------------------------------------------------------ meta */

static void
graphs_clear(struct kg_store *st)
{
  size_t i;

  for(i = 0; i < st->ngraphs; i++) {
    free(st->graphs[i].iri);
    free(st->graphs[i].source);
  }
  free(st->graphs);
  st->graphs = NULL;
  st->ngraphs = st->cap = 0;
}

static int
graph_cmp(const void *a, const void *b)
{
  const struct kg_store_graph *x = a, *y = b;

  return strcmp(x->iri, y->iri);
}

static struct kg_store_graph *
graph_find(struct kg_store *st, const char *iri)
{
  size_t i;

  for(i = 0; i < st->ngraphs; i++)
    if(!strcmp(st->graphs[i].iri, iri))
      return &st->graphs[i];
  return NULL;
}

static void
graph_set(struct kg_store *st, const char *iri, const char *source,
          long triples, long long loaded)
{
  struct kg_store_graph *g = graph_find(st, iri);
  char *src = kg_xstrdup(source ? source : "");
  char *p;

  /* the meta file is tab-separated, one record a line */
  for(p = src; *p; p++)
    if(*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  if(!g) {
    KG_GROW(st->graphs, st->cap, st->ngraphs + 1);
    g = &st->graphs[st->ngraphs++];
    g->iri = kg_xstrdup(iri);
  } else {
    free(g->source);
  }
  g->source = src;
  g->triples = triples;
  g->loaded = loaded;
  qsort(st->graphs, st->ngraphs, sizeof(*st->graphs), graph_cmp);
}

static int
graph_remove(struct kg_store *st, const char *iri)
{
  struct kg_store_graph *g = graph_find(st, iri);
  size_t i;

  if(!g)
    return -1;
  i = (size_t)(g - st->graphs);
  free(g->iri);
  free(g->source);
  memmove(&st->graphs[i], &st->graphs[i + 1],
          (st->ngraphs - i - 1) * sizeof(*st->graphs));
  st->ngraphs--;
  return 0;
}

static int
read_meta(struct kg_store *st, const char *gen_path)
{
  char *path = path_join(gen_path, "meta");
  FILE *fh = fopen(path, "r");
  struct kg_buf line = KG_BUF_INIT;
  int c, rc = 0;

  if(!fh) {
    /* a generation written before its first commit has none yet */
    free(path);
    return 0;
  }
  for(;;) {
    kg_buf_reset(&line);
    while((c = getc(fh)) != EOF && c != '\n')
      kg_buf_addc(&line, c);
    if(!line.len && c == EOF)
      break;
    if(!strncmp(line.s, "issued\t", 7))
      st->issued = strtoll(line.s + 7, NULL, 10);
    else if(!strncmp(line.s, "modified\t", 9))
      st->modified = strtoll(line.s + 9, NULL, 10);
    else if(!strncmp(line.s, "graph\t", 6)) {
      /* graph IRI triples loaded source */
      char *f[4];
      char *p = line.s + 6;
      int k;

      for(k = 0; k < 4; k++) {
        f[k] = p;
        if(k < 3) {
          p = strchr(p, '\t');
          if(!p)
            break;
          *p++ = '\0';
        }
      }
      if(k < 4) {
        kg_error("'%s': malformed record", path);
        rc = -1;
        break;
      }
      graph_set(st, f[0], f[3], strtol(f[1], NULL, 10),
                strtoll(f[2], NULL, 10));
    }
    if(c == EOF)
      break;
  }
  fclose(fh);
  kg_buf_release(&line);
  free(path);
  return rc;
}

static int
write_meta(struct kg_store *st)
{
  char *path = path_join(st->gen_path, "meta");
  FILE *fh = fopen(path, "w");
  size_t i;
  int rc = 0;

  if(!fh) {
    kg_error("cannot create '%s': %s", path, strerror(errno));
    free(path);
    return -1;
  }
  fprintf(fh, "%s\nissued\t%lld\nmodified\t%lld\n", KG_STORE_META_MAGIC,
          st->issued, st->modified);
  for(i = 0; i < st->ngraphs; i++)
    fprintf(fh, "graph\t%s\t%ld\t%lld\t%s\n", st->graphs[i].iri,
            st->graphs[i].triples, st->graphs[i].loaded,
            st->graphs[i].source);
  if(fflush(fh) || ferror(fh) || fsync(fileno(fh))) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    rc = -1;
  }
  if(fclose(fh) && !rc) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    rc = -1;
  }
  free(path);
  return rc;
}

/* ------------------------------------------------------------ locking */

static double
monotonic(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Takes the lock on @fd, retrying until the wait expires.  0, or -1 after
 * reporting (*code set). */
static int
take_lock(const char *dir, int fd, int exclusive, int *code)
{
  double deadline = monotonic() + store_wait();
  struct timespec nap = { 0, 50 * 1000 * 1000 };

  for(;;) {
    if(!flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB))
      return 0;
    if(errno == EINTR)
      continue;
    if(errno != EWOULDBLOCK) {
      kg_error("cannot lock store '%s': %s", dir, strerror(errno));
      *code = KG_EXIT_SYS;
      return -1;
    }
    if(monotonic() >= deadline)
      break;
    nanosleep(&nap, NULL);
  }
  /* a writer refused while only readers hold the lock: say so */
  if(exclusive && !flock(fd, LOCK_SH | LOCK_NB)) {
    flock(fd, LOCK_UN);
    kg_error("store '%s' is busy (another mednum-kg is reading it); "
             "try again", dir);
  } else {
    kg_error("store '%s' is busy (another mednum-kg is writing); try again",
             dir);
  }
  *code = KG_EXIT_SYS;
  return -1;
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

static int
open_model(struct kg_store *st, const char *mode)
{
  struct kg_buf opts = KG_BUF_INIT;
  int rc = -1;

  kg_buf_addf(&opts, "hash-type='bdb',dir='%s',contexts='yes',"
              "index-predicates='yes',%s", st->gen_path, mode);
  st->storage = librdf_new_storage(st->w->world, "hashes", KG_STORE_IDENT,
                                   opts.s);
  if(st->storage)
    st->model = librdf_new_model(st->w->world, st->storage, NULL);
  if(!st->model)
    kg_error("cannot open the store in '%s'", st->gen_path);
  else
    rc = 0;
  kg_buf_release(&opts);
  return rc;
}

static void
close_model(struct kg_store *st)
{
  if(st->model)
    librdf_free_model(st->model);
  if(st->storage)
    librdf_free_storage(st->storage);
  st->model = NULL;
  st->storage = NULL;
}

int
kg_store_exists(const char *dir)
{
  char *path = path_join(dir, "CURRENT");
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
  char *lock = path_join(st->dir, "lock");
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
  if(take_lock(st->dir, st->lock_fd, 0, code))
    goto fail;
  st->gen = read_current(st->dir, &bad);
  if(!st->gen) {
    if(bad)
      kg_error("store '%s' is damaged: unreadable CURRENT", st->dir);
    else
      no_store(st->dir);
    goto fail;
  }
  st->gen_path = path_join(st->dir, st->gen);
  if(read_meta(st, st->gen_path) || open_model(st, "write='no'"))
    goto fail;
  *code = KG_EXIT_OK;
  return st;
fail:
  kg_store_close(st);
  return NULL;
}

/* Removes every gen-* that is not @keep, and CURRENT.tmp: what a killed
 * writer left.  Called under the exclusive lock only. */
static unsigned long
clean_debris(const char *dir, const char *keep)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  unsigned long max = 0;

  if(!d)
    return 0;
  while((e = readdir(d))) {
    char *p;

    if(!strcmp(e->d_name, "CURRENT.tmp")) {
      p = path_join(dir, e->d_name);
      unlink(p);
      free(p);
      continue;
    }
    if(strncmp(e->d_name, "gen-", 4))
      continue;
    if(gen_number(e->d_name) > max)
      max = gen_number(e->d_name);
    if(keep && !strcmp(e->d_name, keep))
      continue;
    p = path_join(dir, e->d_name);
    kg_info("removing '%s' (left by an interrupted write)", p);
    remove_tree(p);
    free(p);
  }
  closedir(d);
  return max;
}

struct kg_store *
kg_store_open_write(struct kg_world *w, const char *dir,
                    const struct kg_store_reader *rd, int *code)
{
  struct kg_store *st = store_new(w, dir);
  char *lock = path_join(st->dir, "lock");
  struct kg_buf gen = KG_BUF_INIT;
  unsigned long next;
  int bad;

  *code = KG_EXIT_SYS;
  st->writable = 1;
  st->rd = rd;
  if(strchr(st->dir, '\'')) {
    kg_error("store directory '%s': a quote (') is not allowed", st->dir);
    goto fail;
  }
  if(mkdir(st->dir, 0777) && errno != EEXIST) {
    kg_error("cannot create store '%s': %s", st->dir, strerror(errno));
    goto fail;
  }
  st->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  free(lock);
  lock = NULL;
  if(st->lock_fd < 0) {
    kg_error("cannot open store '%s': %s", st->dir, strerror(errno));
    goto fail;
  }
  if(take_lock(st->dir, st->lock_fd, 1, code))
    goto fail;
  *code = KG_EXIT_SYS;
  st->old_gen = read_current(st->dir, &bad);
  if(bad) {
    kg_error("store '%s' is damaged: unreadable CURRENT", st->dir);
    goto fail;
  }
  next = clean_debris(st->dir, st->old_gen);
  if(st->old_gen && gen_number(st->old_gen) > next)
    next = gen_number(st->old_gen);
  kg_buf_addf(&gen, "gen-%06lu", next + 1);
  st->gen = kg_buf_detach(&gen);
  st->gen_path = path_join(st->dir, st->gen);
  if(mkdir(st->gen_path, 0777)) {
    kg_error("cannot create '%s': %s", st->gen_path, strerror(errno));
    free(st->gen_path);
    st->gen_path = NULL;
    goto fail;
  }
  /* the new generation is made when first needed (ensure_model): by now
   * the caller has said which graphs it replaces (kg_store_plan) */
  if(st->old_gen) {
    char *old = path_join(st->dir, st->old_gen);
    int rc = read_meta(st, old);

    free(old);
    if(rc)
      goto fail;
  }
  *code = KG_EXIT_OK;
  return st;
fail:
  free(lock);
  kg_store_close(st);
  return NULL;
}

static int ensure_model(struct kg_store *st);

librdf_model *
kg_store_model(struct kg_store *st)
{
  if(!st->model && st->writable && ensure_model(st))
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
  return st->ngraphs;
}

const struct kg_store_graph *
kg_store_graph_at(const struct kg_store *st, size_t i)
{
  return i < st->ngraphs ? &st->graphs[i] : NULL;
}

long long
kg_store_issued(const struct kg_store *st)
{
  return st->issued;
}

long long
kg_store_modified(const struct kg_store *st)
{
  return st->modified;
}

void
kg_store_close(struct kg_store *st)
{
  size_t i;

  if(!st)
    return;
  close_model(st);
  /* an uncommitted generation is thrown away, under the lock still */
  if(st->writable && st->gen_path)
    remove_tree(st->gen_path);
  if(st->lock_fd >= 0)
    close(st->lock_fd);           /* releases the flock */
  graphs_clear(st);
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
  char *tmp = path_join(st->dir, "CURRENT.tmp");
  char *cur = path_join(st->dir, "CURRENT");
  DIR *d = NULL;
  struct dirent *e;
  FILE *fh;
  int rc = KG_EXIT_SYS;

  if(!st->issued)
    st->issued = kg_store_now();
  if(!st->modified)
    st->modified = st->issued;
  if(ensure_model(st))
    goto out;
  if(librdf_model_sync(st->model)) {
    kg_error("cannot write the store in '%s'", st->gen_path);
    goto out;
  }
  close_model(st);                /* closes the BDB files */
  if(write_meta(st))
    goto out;
  /* every file of the new generation on disk before it becomes live */
  d = opendir(st->gen_path);
  if(!d) {
    kg_error("cannot read '%s': %s", st->gen_path, strerror(errno));
    goto out;
  }
  while((e = readdir(d))) {
    char *f;
    int bad;

    if(e->d_name[0] == '.')
      continue;
    f = path_join(st->gen_path, e->d_name);
    bad = fsync_path(f, 0);
    if(bad)
      kg_error("cannot sync '%s': %s", f, strerror(errno));
    free(f);
    if(bad)
      goto out;
  }
  if(fsync_path(st->gen_path, 1)) {
    kg_error("cannot sync '%s': %s", st->gen_path, strerror(errno));
    goto out;
  }
  fh = fopen(tmp, "w");
  if(!fh) {
    kg_error("cannot create '%s': %s", tmp, strerror(errno));
    goto out;
  }
  fprintf(fh, "%s\n", st->gen);
  if(fflush(fh) || fsync(fileno(fh))) {
    kg_error("cannot write '%s': %s", tmp, strerror(errno));
    fclose(fh);
    goto out;
  }
  if(fclose(fh)) {
    kg_error("cannot write '%s': %s", tmp, strerror(errno));
    goto out;
  }
  /* the commit point */
  if(rename(tmp, cur)) {
    kg_error("cannot replace '%s': %s", cur, strerror(errno));
    goto out;
  }
  fsync_path(st->dir, 1);
  st->writable = 0;               /* the new generation is live: keep it */
  if(st->old_gen) {
    char *old = path_join(st->dir, st->old_gen);

    remove_tree(old);
    free(old);
  }
  rc = KG_EXIT_OK;
out:
  if(d)
    closedir(d);
  if(rc)
    unlink(tmp);
  free(tmp);
  free(cur);
  kg_store_close(st);
  return rc;
}

/* ------------------------------------------------------------ load */

/* The format of a file `load` accepts (rdf/format.h), or NULL. */
static const struct kg_format *
input_format(const char *path)
{
  return kg_format_of_path(path, KG_FMT_LOAD);
}

static int
is_report(const struct kg_format *f)
{
  return f && (f->flags & KG_FMT_REPORT);
}

/* Graph IRI of a file: base + "graph/" + slug of the name without its
 * extension.  Returns new string, or NULL when the name has no letter or
 * digit. */
static char *
file_graph_iri(struct kg_world *w, const char *path)
{
  const char *base = strrchr(path, '/');
  const char *ext;
  struct kg_buf slug = KG_BUF_INIT;
  struct kg_buf iri = KG_BUF_INIT;
  size_t len;

  base = base ? base + 1 : path;
  ext = kg_format_ext(base);
  len = ext ? (size_t)(ext - base) : strlen(base);
  kg_text_slug(base, len, KG_SLUG_MAX, &slug);
  if(!slug.len) {
    kg_buf_release(&slug);
    return NULL;
  }
  kg_buf_addf(&iri, "%sgraph/%s", w->base, slug.s);
  kg_buf_release(&slug);
  return kg_buf_detach(&iri);
}

static char *
reference_iri(struct kg_world *w)
{
  struct kg_buf iri = KG_BUF_INIT;

  kg_buf_addf(&iri, "%sgraph/reference", w->base);
  return kg_buf_detach(&iri);
}

/* Checks that @path is UTF-8, reading it in chunks (a large N-Triples
 * file is never held whole).  KG_EXIT_OK, or KG_EXIT_DATA / KG_EXIT_SYS
 * after reporting, with the line and column of the first bad byte. */
static int
check_utf8_file(const char *path)
{
  enum { CHUNK = 1 << 16 };
  static char buf[CHUNK + 8];
  FILE *fh = fopen(path, "rb");
  struct kg_loc loc;
  size_t carry = 0, n, len, good, bad, i;
  int code = KG_EXIT_OK;

  if(!fh) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    return KG_EXIT_SYS;
  }
  loc.file = path;
  loc.line = 1;
  loc.col = 1;
  for(;;) {
    n = fread(buf + carry, 1, CHUNK, fh);
    if(ferror(fh)) {
      kg_error("cannot read '%s': %s", path, strerror(errno));
      code = KG_EXIT_SYS;
      break;
    }
    len = carry + n;
    good = len;
    if(n) {
      /* keep an incomplete sequence at the end for the next chunk */
      size_t k = len, back = 0;

      while(k > 0 && back < 3 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) {
        k--;
        back++;
      }
      if(k > 0) {
        unsigned char c = (unsigned char)buf[k - 1];
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

        if(need > 1 && len - (k - 1) < need)
          good = k - 1;
      }
    }
    bad = good;
    if(kg_text_utf8_check(buf, good, &bad) == 0)
      bad = good;
    for(i = 0; i < bad; i++) {
      if(buf[i] == '\n') {
        loc.line++;
        loc.col = 1;
      } else if(((unsigned char)buf[i] & 0xC0) != 0x80) {
        loc.col++;
      }
    }
    if(bad < good || (!n && len)) {
      kg_error_at(&loc, "invalid UTF-8 (byte 0x%02X)", (unsigned char)buf[bad]);
      code = KG_EXIT_DATA;
      break;
    }
    if(!n)
      break;
    carry = len - good;
    memmove(buf, buf + good, carry);
  }
  fclose(fh);
  return code;
}

/* Statements of one load, sorted before they go to the store: BDB's
 * default cache is small, and inserting in key order keeps the pages it
 * needs in that cache (50k triples: 0.8 s sorted, 1.8 s in hash order).
 * Sorting also makes duplicates adjacent, so they are dropped for free. */
struct stmt_vec {
  librdf_statement **v;
  size_t n;
  size_t cap;
};

static void
vec_release(struct stmt_vec *sv)
{
  size_t i;

  for(i = 0; i < sv->n; i++)
    librdf_free_statement(sv->v[i]);
  free(sv->v);
  memset(sv, 0, sizeof(*sv));
}

static int
stmt_cmp(const void *a, const void *b)
{
  return raptor_statement_compare(*(const raptor_statement *const *)a,
                                  *(const raptor_statement *const *)b);
}

static void
vec_sort_unique(struct stmt_vec *sv)
{
  size_t i, k;

  if(sv->n)
    qsort(sv->v, sv->n, sizeof(*sv->v), stmt_cmp);
  for(i = k = 0; i < sv->n; i++) {
    if(k && !raptor_statement_compare(sv->v[k - 1], sv->v[i]))
      librdf_free_statement(sv->v[i]);
    else
      sv->v[k++] = sv->v[i];
  }
  sv->n = k;
}

/* A copy of literal @o with its language tag in lower case (what rasqal
 * compares with), or NULL if it needs no change. */
static librdf_node *
lower_lang(librdf_world *w, librdf_node *o)
{
  char *lang;
  char tmp[64];
  size_t i, n;
  int upper = 0;

  if(!librdf_node_is_literal(o))
    return NULL;
  lang = librdf_node_get_literal_value_language(o);
  if(!lang)
    return NULL;
  n = strlen(lang);
  if(n >= sizeof tmp)
    return NULL;
  for(i = 0; i <= n; i++) {
    tmp[i] = (char)tolower((unsigned char)lang[i]);
    if(tmp[i] != lang[i])
      upper = 1;
  }
  if(!upper)
    return NULL;
  return librdf_new_node_from_literal(
    w, librdf_node_get_literal_value(o), tmp, 0);
}

/* Appends copies of up to @max statements of @s to @sv, advancing @s.
 * Returns 0 or -1 (out of memory, reported). */
static int
vec_fill(librdf_world *w, struct stmt_vec *sv, librdf_stream *s, size_t max)
{
  size_t got = 0;

  for(; got < max && !librdf_stream_end(s); librdf_stream_next(s), got++) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    librdf_node *lo = lower_lang(w, librdf_statement_get_object(t));
    librdf_statement *c;

    if(lo)
      c = librdf_new_statement_from_nodes(
        w, librdf_new_node_from_node(librdf_statement_get_subject(t)),
        librdf_new_node_from_node(librdf_statement_get_predicate(t)), lo);
    else
      c = librdf_new_statement_from_statement(t);
    if(!c) {
      kg_error("cannot copy a statement (out of memory)");
      return -1;
    }
    KG_GROW(sv->v, sv->cap, sv->n + 1);
    sv->v[sv->n++] = c;
  }
  return 0;
}

static void
vec_clear(struct stmt_vec *sv)
{
  size_t i;

  for(i = 0; i < sv->n; i++)
    librdf_free_statement(sv->v[i]);
  sv->n = 0;
}

/* An input larger than one batch is sorted and added batch by batch, so a
 * large N-Triples file is never held whole; duplicates across batches are
 * then caught by a set of 128-bit digests of the statements (16 bytes a
 * statement instead of a copy). */
#define KG_LOAD_BATCH 200000

struct dset {
  uint64_t *v;        /* pairs; (0, 0) = empty slot */
  size_t cap;         /* slots, power of two */
  size_t n;
};

static void
dset_release(struct dset *d)
{
  free(d->v);
  memset(d, 0, sizeof(*d));
}

/* 1 if (a, b) was added, 0 if it was there. */
static int
dset_add(struct dset *d, uint64_t a, uint64_t b)
{
  size_t i;

  if(!a && !b)
    b = 1;
  if((d->n + 1) * 2 > d->cap) {
    struct dset old = *d;

    d->cap = old.cap ? old.cap * 2 : 1024;
    d->v = kg_xcalloc(d->cap * 2, sizeof(*d->v));
    d->n = 0;
    for(i = 0; i < old.cap; i++)
      if(old.v[2 * i] || old.v[2 * i + 1])
        dset_add(d, old.v[2 * i], old.v[2 * i + 1]);
    free(old.v);
  }
  for(i = (size_t)(a ^ (b >> 7)) & (d->cap - 1);; i = (i + 1) & (d->cap - 1)) {
    uint64_t *e = &d->v[2 * i];

    if(!e[0] && !e[1]) {
      e[0] = a;
      e[1] = b;
      d->n++;
      return 1;
    }
    if(e[0] == a && e[1] == b)
      return 0;
  }
}

static void
mix(uint64_t *h1, uint64_t *h2, const unsigned char *p, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    *h1 = (*h1 ^ p[i]) * 0x100000001b3ULL;              /* FNV-1a */
    *h2 = (*h2 + p[i] + 1) * 0x9E3779B97F4A7C15ULL;      /* multiply-shift */
    *h2 ^= *h2 >> 29;
  }
}

static void
mix_term(uint64_t *h1, uint64_t *h2, const raptor_term *t)
{
  unsigned char sep[2];
  const unsigned char *p = NULL;
  size_t n = 0;

  sep[0] = (unsigned char)t->type;
  sep[1] = 0xFF;
  mix(h1, h2, sep, 1);
  switch(t->type) {
    case RAPTOR_TERM_TYPE_URI:
      p = raptor_uri_as_counted_string(t->value.uri, &n);
      mix(h1, h2, p, n);
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      mix(h1, h2, t->value.blank.string, t->value.blank.string_len);
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      mix(h1, h2, t->value.literal.string, t->value.literal.string_len);
      mix(h1, h2, sep + 1, 1);
      if(t->value.literal.language)
        mix(h1, h2, t->value.literal.language,
            t->value.literal.language_len);
      mix(h1, h2, sep + 1, 1);
      if(t->value.literal.datatype) {
        p = raptor_uri_as_counted_string(t->value.literal.datatype, &n);
        mix(h1, h2, p, n);
      }
      break;
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      break;
  }
  mix(h1, h2, sep + 1, 1);
}

static void
stmt_digest(const librdf_statement *t, uint64_t *h1, uint64_t *h2)
{
  *h1 = 14695981039346656037ULL;
  *h2 = 0x243F6A8885A308D3ULL;
  mix_term(h1, h2, t->subject);
  mix_term(h1, h2, t->predicate);
  mix_term(h1, h2, t->object);
}

/* Adds every statement of @s to the store in @graph, in sorted batches,
 * without duplicates.  Returns the number added, or -1 after reporting. */
static long
transfer(struct kg_store *st, librdf_stream *s, librdf_node *graph)
{
  struct stmt_vec sv = { NULL, 0, 0 };
  struct dset seen = { NULL, 0, 0 };
  long added = 0;
  int multi = 0, end = 0;
  size_t i;

  while(!end) {
    if(vec_fill(st->w->world, &sv, s, KG_LOAD_BATCH)) {
      added = -1;
      break;
    }
    end = librdf_stream_end(s);
    if(!end)
      multi = 1;
    vec_sort_unique(&sv);
    for(i = 0; i < sv.n; i++) {
      if(multi) {
        uint64_t h1, h2;

        stmt_digest(sv.v[i], &h1, &h2);
        if(!dset_add(&seen, h1, h2))
          continue;
      }
      if(librdf_model_context_add_statement(st->model, graph, sv.v[i])) {
        kg_error("cannot add a statement to the store");
        added = -1;
        end = 1;
        break;
      }
      added++;
    }
    vec_clear(&sv);
  }
  vec_release(&sv);
  dset_release(&seen);
  return added;
}

/* Starts parsing RDF file @path: a new stream in *out, and the parser and
 * URI it needs (free them after the stream).  KG_EXIT_OK, or KG_EXIT_DATA
 * / KG_EXIT_SYS after reporting. */
static int
open_rdf(struct kg_world *w, const char *path, const struct kg_format *f,
         librdf_parser **parser, librdf_uri **uri, librdf_stream **out)
{
  int code = check_utf8_file(path);

  *out = NULL;
  if(code != KG_EXIT_OK)
    return code;
  *parser = librdf_new_parser(w->world,
                              f->parser,
                              NULL, NULL);
  *uri = librdf_new_uri_from_filename(w->world, path);
  if(!*parser || !*uri) {
    kg_error("cannot start the RDF parser");
    return KG_EXIT_SYS;
  }
  kg_diag_source(path);
  *out = librdf_parser_parse_as_stream(*parser, *uri, *uri);
  kg_diag_source(NULL);
  if(!*out) {
    kg_error("cannot parse '%s'", path);
    return KG_EXIT_DATA;
  }
  return KG_EXIT_OK;
}

/* ------------------------------------------------------------ generations */

struct cstmt {
  librdf_statement *s;
  librdf_node *c;               /* its graph, or NULL */
};

static int
cstmt_cmp(const void *a, const void *b)
{
  return raptor_statement_compare(((const struct cstmt *)a)->s,
                                  ((const struct cstmt *)b)->s);
}

/* Builds the new generation from the live one without the graphs of
 * st->drop.  Deleting in place is no option on a large store: librdf's
 * BDB indexes keep unsorted duplicates (every subject of a class under one
 * key), and deleting one statement walks them (minutes for one report in a
 * 2M-statement store); copying what stays is linear. */
static int
rebuild(struct kg_store *st, const char *old_path)
{
  librdf_world *w = st->w->world;
  struct kg_buf opts = KG_BUF_INIT;
  librdf_storage *os = NULL;
  librdf_model *om = NULL;
  librdf_stream *s = NULL;
  struct cstmt *v = NULL;
  size_t n = 0, cap = 0, i;
  long kept = 0;
  int rc = -1, end = 0;

  kg_info("rebuilding the store without %lu graphs",
          (unsigned long)st->drop.n);
  kg_buf_addf(&opts, "hash-type='bdb',dir='%s',contexts='yes',"
              "index-predicates='yes',write='no'", old_path);
  os = librdf_new_storage(w, "hashes", KG_STORE_IDENT, opts.s);
  if(os)
    om = librdf_new_model(w, os, NULL);
  if(!om) {
    kg_error("cannot open the store in '%s'", old_path);
    goto out;
  }
  if(open_model(st, "new='yes'"))
    goto out;
  s = librdf_model_as_stream(om);
  if(!s) {
    kg_error("cannot read the store in '%s'", old_path);
    goto out;
  }
  while(!end) {
    for(; n < KG_LOAD_BATCH && !librdf_stream_end(s); librdf_stream_next(s)) {
      librdf_node *c = librdf_stream_get_context2(s);      /* SHARED */

      if(c && librdf_node_is_resource(c) &&
         kg_hash_has(&st->drop, (const char *)librdf_uri_as_string(
                         librdf_node_get_uri(c))))
        continue;
      KG_GROW(v, cap, n + 1);
      v[n].s = librdf_new_statement_from_statement(librdf_stream_get_object(s));
      v[n].c = c ? librdf_new_node_from_node(c) : NULL;
      if(!v[n].s) {
        kg_error("cannot copy a statement (out of memory)");
        goto out;
      }
      n++;
    }
    end = librdf_stream_end(s);
    qsort(v, n, sizeof(*v), cstmt_cmp);
    for(i = 0; i < n; i++) {
      int bad = v[i].c
        ? librdf_model_context_add_statement(st->model, v[i].c, v[i].s)
        : librdf_model_add_statement(st->model, v[i].s);

      if(bad) {
        kg_error("cannot add a statement to the store");
        goto out;
      }
    }
    kept += (long)n;
    for(i = 0; i < n; i++) {
      librdf_free_statement(v[i].s);
      if(v[i].c)
        librdf_free_node(v[i].c);
    }
    n = 0;
  }
  kg_info("rebuilt the store: %ld statements kept", kept);
  rc = 0;
out:
  for(i = 0; i < n; i++) {
    if(v[i].s)
      librdf_free_statement(v[i].s);
    if(v[i].c)
      librdf_free_node(v[i].c);
  }
  free(v);
  if(s)
    librdf_free_stream(s);
  if(om)
    librdf_free_model(om);
  if(os)
    librdf_free_storage(os);
  kg_buf_release(&opts);
  return rc;
}

/* Makes the writer's new generation: empty for a new store, a copy of the
 * live one, or a rebuild of it without the graphs to drop.  0 or -1. */
static int
ensure_model(struct kg_store *st)
{
  char *old;
  int rc;

  if(st->model)
    return 0;
  if(!st->writable || !st->gen_path)
    return -1;
  if(!st->old_gen)
    return open_model(st, "new='yes'");
  old = path_join(st->dir, st->old_gen);
  if(st->drop.n) {
    rc = rebuild(st, old);
  } else {
    rc = copy_generation(old, st->gen_path);
    if(!rc)
      rc = open_model(st, "write='yes'");
  }
  free(old);
  return rc;
}

/* Removes graph @iri from the new generation, unless the rebuild already
 * left it out (@fresh: no file of this command has filled it since). */
static int
remove_graph(struct kg_store *st, const char *iri, int fresh)
{
  librdf_node *g;
  int rc;

  if(ensure_model(st))
    return -1;
  if(fresh && kg_hash_has(&st->drop, iri))
    return 0;
  g = kg_world_iri(st->w, iri);
  if(!g)
    return -1;
  rc = librdf_model_context_remove_statements(st->model, g);
  librdf_free_node(g);
  /* librdf returns non-zero for a context that holds nothing */
  (void)rc;
  return 0;
}

/* Below this many statements a writer copies the live generation and
 * deletes in place; above, it rebuilds without the graphs it replaces.
 * In-place deletion walks librdf's unsorted duplicate lists: in a 130k
 * store, replacing a 30k graph loaded after a 100k one took 3 min 48 s
 * (the first-loaded graph: 3 s).  $MEDNUM_KG_REBUILD_MIN overrides
 * (tests). */
#define KG_REBUILD_MIN 5000

/* Adds @iri to the graphs the new generation leaves out, if the store is
 * large enough for that to pay.  1 if added. */
static int
plan_drop(struct kg_store *st, const char *iri)
{
  const char *env = getenv("MEDNUM_KG_REBUILD_MIN");
  long min = KG_REBUILD_MIN, total = 0;
  size_t i;

  if(st->model || !st->old_gen)
    return 0;
  if(env && *env)
    min = strtol(env, NULL, 10);
  for(i = 0; i < st->ngraphs; i++)
    total += st->graphs[i].triples;
  if(total < min)
    return 0;
  kg_hash_add(&st->drop, iri);
  return 1;
}

void
kg_store_plan(struct kg_store *st, const char *path)
{
  char *iri;

  if(!input_format(path))
    return;
  iri = file_graph_iri(st->w, path);
  if(!iri && is_report(input_format(path))) {
    struct kg_buf b = KG_BUF_INIT;

    /* the extractor names a report without letters "report" */
    kg_buf_addf(&b, "%sgraph/report", st->w->base);
    iri = kg_buf_detach(&b);
  }
  if(iri && graph_find(st, iri))
    plan_drop(st, iri);
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
  struct kg_world *w = st->w;
  const struct kg_format *fmt = input_format(path);
  librdf_storage *tmp_storage = NULL;
  librdf_model *tmp = NULL;
  librdf_node *graph = NULL;
  librdf_parser *parser = NULL;
  librdf_uri *uri = NULL;
  librdf_stream *s = NULL;
  long n;
  int before, refilled = 0;
  char *iri = NULL;
  char *ref = reference_iri(w);
  int code = KG_EXIT_SYS;

  if(graph_iri)
    *graph_iri = NULL;
  if(!fmt) {
    const char *ext = kg_format_ext(path);

    kg_error("'%s': unsupported file type%s%s%s (load takes reports .md, "
             "Turtle .ttl or N-Triples .nt)", path, ext ? " '" : "",
             ext ? ext : "", ext ? "'" : "");
    code = KG_EXIT_DATA;
    goto out;
  }
  if(is_report(fmt)) {
    if(!st->rd || !st->rd->report) {
      kg_error("'%s': this command cannot read reports", path);
      goto out;
    }
    tmp = kg_world_new_memory_model(w, &tmp_storage);
    if(!tmp)
      goto out;
    code = st->rd->report(st->rd->arg, path, tmp, &iri);
    if(code != KG_EXIT_OK)
      goto out;
    code = KG_EXIT_SYS;
    if(!iri) {
      kg_error("'%s': the extractor named no graph", path);
      goto out;
    }
  } else {
    iri = file_graph_iri(w, path);
    if(!iri) {
      kg_error("'%s': cannot name a graph after this file name", path);
      code = KG_EXIT_DATA;
      goto out;
    }
  }
  if(!strcmp(iri, ref)) {
    kg_error("'%s': the graph name 'reference' is reserved", path);
    code = KG_EXIT_DATA;
    goto out;
  }
  /* two files of one command that name the same graph: say which wins */
  {
    size_t i, len = strlen(iri);
    struct kg_buf rec = KG_BUF_INIT;

    for(i = 0; i < st->ndone; i++) {
      if(!strncmp(st->done[i], iri, len) && st->done[i][len] == '\t') {
        kg_warn("'%s' replaces '%s': both name the graph <%s>", path,
                st->done[i] + len + 1, iri);
        refilled = 1;
      }
    }
    kg_buf_addf(&rec, "%s\t%s", iri, path);
    KG_GROW(st->done, st->done_cap, st->ndone + 1);
    st->done[st->ndone++] = kg_buf_detach(&rec);
  }
  /* the statements: parsed or extracted, streamed into the new graph
   * (a parse error leaves part of it there: the caller then throws the
   * whole new generation away) */
  before = kg_diag_error_count();
  if(is_report(fmt)) {
    s = librdf_model_as_stream(tmp);
    if(!s) {
      kg_error("cannot read the extracted graph");
      goto out;
    }
  } else {
    code = open_rdf(w, path, fmt, &parser, &uri, &s);
    if(code != KG_EXIT_OK)
      goto out;
    code = KG_EXIT_SYS;
  }
  graph = kg_world_iri(w, iri);
  if(!graph || remove_graph(st, iri, !refilled))
    goto out;
  kg_diag_source(path);
  n = transfer(st, s, graph);
  kg_diag_source(NULL);
  if(kg_diag_error_count() != before) {
    code = KG_EXIT_DATA;
    goto out;
  }
  if(n < 0)
    goto out;
  graph_set(st, iri, path, n, kg_store_now());
  st->modified = kg_store_now();
  if(!st->issued)
    st->issued = st->modified;
  free(st->last_graph);
  st->last_graph = iri;
  iri = NULL;
  if(graph_iri)
    *graph_iri = st->last_graph;
  kg_info("loaded '%s' into <%s>: %ld triples", path, st->last_graph, n);
  code = KG_EXIT_OK;
out:
  if(s)
    librdf_free_stream(s);
  if(parser)
    librdf_free_parser(parser);
  if(uri)
    librdf_free_uri(uri);
  if(graph)
    librdf_free_node(graph);
  if(tmp)
    librdf_free_model(tmp);
  if(tmp_storage)
    librdf_free_storage(tmp_storage);
  free(iri);
  free(ref);
  return code;
}

int
kg_store_unload(struct kg_store *st, const char *what)
{
  const struct kg_store_graph *g = NULL;
  char *iri = NULL;
  char *real = NULL;
  size_t i;
  int rc;

  /* 1. the path given to load, as typed or resolved */
  for(i = 0; i < st->ngraphs && !g; i++)
    if(st->graphs[i].source[0] && !strcmp(st->graphs[i].source, what))
      g = &st->graphs[i];
  if(!g && (real = realpath(what, NULL))) {
    for(i = 0; i < st->ngraphs && !g; i++) {
      char *r2 = st->graphs[i].source[0]
        ? realpath(st->graphs[i].source, NULL) : NULL;

      if(r2 && !strcmp(r2, real))
        g = &st->graphs[i];
      free(r2);
    }
  }
  /* 2. a graph IRI */
  if(!g)
    g = graph_find(st, what);
  /* 3. a file name whose slug names a loaded graph */
  if(!g && input_format(what)) {
    iri = file_graph_iri(st->w, what);
    if(iri)
      g = graph_find(st, iri);
  }
  free(real);
  free(iri);
  if(!g) {
    kg_error("'%s' is not loaded in store '%s'", what, st->dir);
    return KG_EXIT_DATA;
  }
  iri = kg_xstrdup(g->iri);
  if(!st->model && plan_drop(st, iri))
    rc = 0;                     /* left out when the generation is made */
  else
    rc = remove_graph(st, iri, 0);
  if(!rc) {
    graph_remove(st, iri);
    st->modified = kg_store_now();
    kg_info("removed <%s>", iri);
  }
  free(iri);
  return rc ? KG_EXIT_SYS : KG_EXIT_OK;
}

/* Makes graph @g of the store equal to graph @g of @from, deleting and
 * adding only the statements that differ (the reference graph changes by a
 * few territories; deleting it whole would walk librdf's duplicate lists).
 * @empty: the store's graph is known to be empty.  Returns the size of the
 * graph, or -1 after reporting. */
static long
update_by_difference(struct kg_store *st, librdf_model *from, librdf_node *g,
                     int empty)
{
  struct dset want = { NULL, 0, 0 }, have = { NULL, 0, 0 };
  struct stmt_vec gone = { NULL, 0, 0 };
  librdf_stream *s;
  long n = -1, removed = 0, added = 0, size = 0;
  size_t i;

  /* what the graph should hold */
  s = librdf_model_context_as_stream(from, g);
  if(!s)
    goto fail;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    uint64_t h1, h2;

    stmt_digest(librdf_stream_get_object(s), &h1, &h2);
    dset_add(&want, h1, h2);
  }
  librdf_free_stream(s);
  /* what it holds: keep, or mark to delete */
  if(!empty) {
    s = librdf_model_context_as_stream(st->model, g);
    if(!s)
      goto fail;
    for(; !librdf_stream_end(s); librdf_stream_next(s)) {
      librdf_statement *t = librdf_stream_get_object(s);
      uint64_t h1, h2;

      stmt_digest(t, &h1, &h2);
      if(!dset_add(&have, h1, h2))
        continue;                 /* a duplicate: librdf lists it twice */
      if(dset_add(&want, h1, h2)) {
        /* not wanted: undo the probe, delete it below */
        librdf_statement *c = librdf_new_statement_from_statement(t);

        if(!c) {
          librdf_free_stream(s);
          goto fail;
        }
        KG_GROW(gone.v, gone.cap, gone.n + 1);
        gone.v[gone.n++] = c;
      }
    }
    librdf_free_stream(s);
  }
  for(i = 0; i < gone.n; i++) {
    if(librdf_model_context_remove_statement(st->model, g, gone.v[i]))
      goto fail;
    removed++;
  }
  /* add what is missing */
  s = librdf_model_context_as_stream(from, g);
  if(!s)
    goto fail;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);
    uint64_t h1, h2;

    stmt_digest(t, &h1, &h2);
    size++;
    if(!dset_add(&have, h1, h2))
      continue;
    if(librdf_model_context_add_statement(st->model, g, t)) {
      librdf_free_stream(s);
      goto fail;
    }
    added++;
  }
  librdf_free_stream(s);
  kg_info("reference graph: %ld statements, %ld removed, %ld added", size,
          removed, added);
  n = size;
  goto out;
fail:
  kg_error("cannot update the reference graph");
out:
  vec_release(&gone);
  dset_release(&want);
  dset_release(&have);
  return n;
}

int
kg_store_refresh_reference(struct kg_store *st)
{
  struct kg_world *w = st->w;
  char *ref = reference_iri(w);
  struct kg_buf terr = KG_BUF_INIT;
  struct kg_hash used;
  librdf_storage *tmp_storage = NULL;
  librdf_model *tmp = NULL;
  librdf_node *g = NULL, *scratch = NULL, *subj = NULL, *pred = NULL;
  librdf_stream *s = NULL;
  long n = 0;
  int rc = -1;

  kg_hash_init(&used);
  if(!st->rd || !st->rd->reference) {
    if(remove_graph(st, ref, 0))
      goto out;
    graph_remove(st, ref);
    kg_info("no reference graph: this command has no extractor");
    rc = 0;
    goto out;
  }
  if(ensure_model(st))
    goto out;
  /* the reference describer copies the whole model it is given to find the
   * concepts and territories to describe (on 2.1M statements: 60 s and
   * 675 MB).  Give it instead a scratch model holding one statement per
   * distinct such IRI, found in one pass over the store. */
  kg_buf_addf(&terr, "%sterritoire/", w->base);
  tmp = kg_world_new_memory_model(w, &tmp_storage);
  g = kg_world_iri(w, ref);
  scratch = kg_world_iri(w, "urn:x-mednum-kg:scratch");
  subj = kg_world_iri(w, "urn:x-mednum-kg:store");
  pred = kg_world_iri(w, "urn:x-mednum-kg:uses");
  s = librdf_model_as_stream(st->model);
  if(!tmp || !g || !scratch || !subj || !pred || !s) {
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
    if(!kg_hash_add(&used, u))
      continue;
    if(kg_rdf_add_copy(tmp, scratch, subj, pred, o))
      goto out;
  }
  librdf_free_stream(s);
  s = NULL;
  if(st->rd->reference(st->rd->arg, tmp))
    goto out;
  n = update_by_difference(st, tmp, g, kg_hash_has(&st->drop, ref));
  if(n < 0)
    goto out;
  graph_remove(st, ref);
  if(n)
    graph_set(st, ref, "", n, kg_store_now());
  kg_info("reference graph: %ld triples for %lu concepts and territories", n,
          (unsigned long)used.n);
  rc = 0;
out:
  if(s)
    librdf_free_stream(s);
  if(tmp)
    librdf_free_model(tmp);
  if(tmp_storage)
    librdf_free_storage(tmp_storage);
  if(g)
    librdf_free_node(g);
  if(scratch)
    librdf_free_node(scratch);
  if(subj)
    librdf_free_node(subj);
  if(pred)
    librdf_free_node(pred);
  kg_hash_release(&used);
  kg_buf_release(&terr);
  free(ref);
  return rc;
}
