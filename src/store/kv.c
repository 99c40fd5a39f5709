/* kv.c - the LMDB environment of a store (see kv.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "store/kv.h"

/* Address space reserved for the map when $MEDNUM_KG_MAP_SIZE (in MB) is
 * not set: the largest the store may grow to in one command, or twice
 * its size when that is more.  Only what is written takes disk.  (32 GB:
 * valgrind maps no more.) */
#define KG_KV_MAP_MB_DEFAULT (32UL * 1024)

static const char *const order_names[KG_NORDERS] = {
  "spog", "posg", "ospg", "gspo", "gpos", "gosp"
};

/* The map size for a store whose data.mdb has @file_size bytes (0: new
 * or unknown). */
static size_t
map_size(long long file_size)
{
  const char *env = getenv("MEDNUM_KG_MAP_SIZE");
  unsigned long mb = KG_KV_MAP_MB_DEFAULT;

  if(env && *env) {
    char *end;
    unsigned long v = strtoul(env, &end, 10);

    if(!*end && v >= 1)
      return (size_t)v << 20;
  }
  if((unsigned long long)(file_size >> 19) > mb)
    mb = (unsigned long)(file_size >> 19);      /* twice the file, in MB */
  return (size_t)mb << 20;
}

/* 1 if the file system of @dir has (almost) no room left: LMDB reports a
 * short write as EIO. */
static int
disk_full(const char *dir)
{
  struct statvfs sv;

  return !statvfs(dir, &sv) &&
         (unsigned long long)sv.f_bavail * sv.f_frsize < 256 * 1024;
}

int
kg_kv_fail(struct kg_kv *kv, int rc, const char *what)
{
  const char *dir = kv ? kv->dir : "";

  if(kv)
    kv->failed = 1;
  if(rc == MDB_MAP_FULL)
    kg_error("cannot %s in store '%s': the store reached its size limit "
             "(%lu MB; set MEDNUM_KG_MAP_SIZE, in MB, to allow more)", what,
             dir, (unsigned long)(map_size(kv ? kv->file_size : 0) >> 20));
  else if(rc == ENOSPC || (rc == EIO && disk_full(dir)))
    kg_error("cannot %s in store '%s': no space left on the device "
             "(nothing was changed)", what, dir);
  else if(rc == MDB_CORRUPTED || rc == MDB_PAGE_NOTFOUND || rc == MDB_INVALID)
    kg_error("cannot %s in store '%s': the store is damaged (%s)", what, dir,
             mdb_strerror(rc));
  else
    kg_error("cannot %s in store '%s': %s", what, dir, mdb_strerror(rc));
  return -1;
}

const char *
kg_kv_order_name(int o)
{
  return o >= 0 && o < KG_NORDERS ? order_names[o] : "?";
}

int
kg_kv_exists(const char *dir)
{
  struct kg_buf p = KG_BUF_INIT;
  struct stat sb;
  int rc;

  kg_buf_addf(&p, "%s/data.mdb", dir);
  rc = !stat(p.s, &sb);
  kg_buf_release(&p);
  return rc;
}

/* A data.mdb shorter than the pages its meta page counts would make LMDB
 * read past the end of the file (SIGBUS): refused before any read.
 * 0, or -1 reported. */
static int
check_length(struct kg_kv *kv)
{
  struct kg_buf p = KG_BUF_INIT;
  MDB_envinfo info;
  MDB_stat ms;
  struct stat sb;
  int rc = -1;

  kg_buf_addf(&p, "%s/data.mdb", kv->dir);
  if(stat(p.s, &sb))
    kg_error("cannot read store '%s': %s", kv->dir, strerror(errno));
  else if(mdb_env_info(kv->env, &info) || mdb_env_stat(kv->env, &ms))
    kg_error("cannot read store '%s'", kv->dir);
  else if((unsigned long long)sb.st_size <
          ((unsigned long long)info.me_last_pgno + 1) * ms.ms_psize)
    kg_error("store '%s' is damaged: data.mdb is %lld bytes, its pages "
             "need %llu (a truncated copy?)", kv->dir, (long long)sb.st_size,
             ((unsigned long long)info.me_last_pgno + 1) * ms.ms_psize);
  else
    rc = 0;
  kg_buf_release(&p);
  return rc;
}

static int
open_dbi(struct kg_kv *kv, const char *name, unsigned flags, MDB_dbi *dbi)
{
  int rc = mdb_dbi_open(kv->txn, name, flags | (kv->write ? MDB_CREATE : 0),
                        dbi);

  if(rc == MDB_NOTFOUND) {
    kg_error("'%s' is not a mednum-kg store (no '%s' table)", kv->dir, name);
    return -1;
  }
  return rc ? kg_kv_fail(kv, rc, "open a table") : 0;
}

/* 1 (reported) if the store holds no table at all: LMDB made data.mdb
 * but no transaction that writes one was ever committed (a first load
 * that failed, a disk full for instance). */
static int
never_written(struct kg_kv *kv)
{
  MDB_dbi main;
  MDB_stat st;

  if(kv->write || mdb_dbi_open(kv->txn, NULL, 0, &main) ||
     mdb_stat(kv->txn, main, &st) || st.ms_entries)
    return 0;
  kg_error("no store in '%s' (its first load did not complete; load "
           "reports with 'mednum-kg load')", kv->dir);
  return 1;
}

/* Opens every named database in the open transaction; checks or writes
 * the format.  0, or -1 reported (*code: KG_EXIT_DATA for a store of
 * another format, as for one of mednum-kg 0.x; else KG_EXIT_SYS). */
static int
open_tables(struct kg_kv *kv, int *code)
{
  const unsigned quad = MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED;
  const unsigned ids = MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED |
                       MDB_INTEGERDUP;
  char fmt[64];
  int i, rc;

  if(never_written(kv) || open_dbi(kv, "info", 0, &kv->info))
    return -1;
  rc = kg_kv_get_info(kv, "format", fmt, sizeof fmt);
  if(rc < 0)
    return -1;
  if(rc == 0 && strcmp(fmt, KG_KV_FORMAT)) {
    *code = KG_EXIT_DATA;
    kg_error("store '%s' has the format '%s', which this version cannot "
             "read (it reads '%s')", kv->dir, fmt, KG_KV_FORMAT);
    return -1;
  }
  if(rc == 1 && !kv->write) {
    kg_error("'%s' is not a mednum-kg store (no format recorded)", kv->dir);
    return -1;
  }
  if(rc == 1 && kg_kv_put_info(kv, "format", KG_KV_FORMAT))
    return -1;
  if(open_dbi(kv, "t2i", MDB_DUPSORT | MDB_DUPFIXED | MDB_INTEGERDUP,
              &kv->t2i) ||
     open_dbi(kv, "i2t", MDB_INTEGERKEY, &kv->i2t) ||
     open_dbi(kv, "graphs", MDB_INTEGERKEY, &kv->graphs) ||
     open_dbi(kv, "uses", ids, &kv->uses) ||
     open_dbi(kv, "usedby", ids, &kv->usedby))
    return -1;
  for(i = 0; i < KG_NORDERS; i++)
    if(open_dbi(kv, order_names[i], quad, &kv->idx[i]))
      return -1;
  return 0;
}

/* LMDB checks its pages as it reads them and aborts on one that cannot
 * be right: say so in our words and exit with the I/O status instead
 * (the process cannot go on; nothing it wrote is committed). */
static void
on_damage(MDB_env *env, const char *msg)
{
  const struct kg_kv *kv = mdb_env_get_userctx(env);

  kg_error("store '%s' is damaged: %s", kv ? kv->dir : "?", msg);
  _exit(KG_EXIT_SYS);
}

/* stat(2) of the store's data.mdb into @sb: 0, or -1 (errno set). */
static int
stat_data(const struct kg_kv *kv, struct stat *sb)
{
  struct kg_buf p = KG_BUF_INIT;
  int rc;

  kg_buf_addf(&p, "%s/data.mdb", kv->dir);
  rc = stat(p.s, sb);
  kg_buf_release(&p);
  return rc;
}

/* Creates, sizes and opens the environment.  0, or -1 reported. */
static int
open_env(struct kg_kv *kv)
{
  struct stat sb;
  int rc;

  /* LMDB makes data.mdb itself: one shorter than its two meta pages is
   * a truncated copy, never a store to start afresh */
  rc = stat_data(kv, &sb);
  kv->file_size = rc ? 0 : (long long)sb.st_size;
  kv->ino = rc ? 0 : (unsigned long long)sb.st_ino;
  if(!rc && sb.st_size < 2 * 4096) {
    kg_error("store '%s' is damaged: data.mdb is %lld bytes (a truncated "
             "copy?)", kv->dir, (long long)sb.st_size);
    return -1;
  }

  rc = mdb_env_create(&kv->env);
  if(!rc)
    rc = mdb_env_set_userctx(kv->env, kv);
  if(!rc)
    rc = mdb_env_set_assert(kv->env, on_damage);
  if(!rc)
    rc = mdb_env_set_maxdbs(kv->env, 16);
  if(!rc)
    rc = mdb_env_set_mapsize(kv->env, map_size(kv->file_size));
  if(!rc)
    rc = mdb_env_open(kv->env, kv->dir,
                      MDB_NOTLS | (kv->write ? 0 : MDB_RDONLY), 0666);
  if(rc == MDB_INVALID || rc == MDB_VERSION_MISMATCH) {
    kg_error("store '%s' is damaged or not an LMDB store: data.mdb: %s",
             kv->dir, mdb_strerror(rc));
    return -1;
  }
  if(rc)
    return kg_kv_fail(kv, rc, "open the database");
  return check_length(kv);
}

long
kg_kv_entries(struct kg_kv *kv, MDB_dbi dbi, const char *what)
{
  MDB_stat st;
  int rc = mdb_stat(kv->txn, dbi, &st);

  return rc ? kg_kv_fail(kv, rc, what) : (long)st.ms_entries;
}

static int
counts_differ(struct kg_kv *kv, const char *a, long na, const char *b,
              long nb)
{
  kg_error("store '%s' is damaged: in data.mdb, %s has %ld entries and %s "
           "%ld (details: 'mednum-kg --store %s store check')", kv->dir, a,
           na, b, nb, kv->dir);
  return -1;
}

int
kg_kv_check_counts(struct kg_kv *kv)
{
  long first = kg_kv_entries(kv, kv->idx[0], "count a table"), n, t2i, i2t;
  int o;

  if(first < 0)
    return -1;
  for(o = 1; o < KG_NORDERS; o++) {
    if((n = kg_kv_entries(kv, kv->idx[o], "count a table")) < 0)
      return -1;
    if(n != first)
      return counts_differ(kv, order_names[o], n, order_names[0], first);
  }
  if((t2i = kg_kv_entries(kv, kv->t2i, "count a table")) < 0 ||
     (i2t = kg_kv_entries(kv, kv->i2t, "count a table")) < 0)
    return -1;
  return i2t == t2i ? 0 : counts_differ(kv, "i2t", i2t, "t2i", t2i);
}

/* A reader's table handles live only as long as the transaction that
 * opened them, unless it commits: commit it, and begin the reader's
 * transaction again, so that kg_kv_renew() keeps the handles.  0 or -1
 * reported. */
static int
keep_tables(struct kg_kv *kv)
{
  int rc = mdb_txn_commit(kv->txn);

  kv->txn = NULL;
  if(!rc)
    rc = mdb_txn_begin(kv->env, NULL, MDB_RDONLY, &kv->txn);
  if(rc) {
    kv->txn = NULL;
    return kg_kv_fail(kv, rc, "begin a transaction");
  }
  return 0;
}

void
kg_kv_pause(struct kg_kv *kv)
{
  if(kv->txn && !kv->write && !kv->paused) {
    mdb_txn_reset(kv->txn);
    kv->paused = 1;
  }
}

int
kg_kv_renew(struct kg_kv *kv)
{
  struct stat sb;
  int rc = stat_data(kv, &sb);

  if(rc || (unsigned long long)sb.st_ino != kv->ino)
    return 1;                   /* removed or replaced: open it again */
  kg_kv_pause(kv);
  rc = mdb_txn_renew(kv->txn);
  if(rc == MDB_MAP_RESIZED && !mdb_env_set_mapsize(kv->env, 0))
    rc = mdb_txn_renew(kv->txn);
  if(rc)
    return kg_kv_fail(kv, rc, "begin a transaction");
  kv->paused = 0;
  kv->failed = 0;               /* a new version, read afresh */
  return 0;
}

struct kg_kv *
kg_kv_open(const char *dir, int write, int *code)
{
  struct kg_kv *kv = kg_xcalloc(1, sizeof(*kv));
  int dead = 0;
  int rc;

  *code = KG_EXIT_SYS;
  kv->dir = kg_xstrdup(dir);
  kv->write = write;
  if(open_env(kv))
    goto fail;
  mdb_reader_check(kv->env, &dead);     /* slots of killed readers */
  rc = mdb_txn_begin(kv->env, NULL, write ? 0 : MDB_RDONLY, &kv->txn);
  if(rc == MDB_MAP_RESIZED && !mdb_env_set_mapsize(kv->env, 0))
    rc = mdb_txn_begin(kv->env, NULL, write ? 0 : MDB_RDONLY, &kv->txn);
  if(rc) {
    kg_kv_fail(kv, rc, "begin a transaction");
    kv->txn = NULL;
    goto fail;
  }
  if(open_tables(kv, code) || (!write && keep_tables(kv)))
    goto fail;
  *code = KG_EXIT_OK;
  return kv;
fail:
  kg_kv_free(kv);
  return NULL;
}

int
kg_kv_commit(struct kg_kv *kv)
{
  int rc;

  if(!kv->txn)
    return 0;
  rc = mdb_txn_commit(kv->txn);
  kv->txn = NULL;
  return rc ? kg_kv_fail(kv, rc, "write the changes") : 0;
}

void
kg_kv_abort(struct kg_kv *kv)
{
  if(kv && kv->txn) {
    mdb_txn_abort(kv->txn);
    kv->txn = NULL;
  }
}

void
kg_kv_free(struct kg_kv *kv)
{
  if(!kv)
    return;
  kg_kv_abort(kv);
  if(kv->env)
    mdb_env_close(kv->env);
  free(kv->dir);
  free(kv);
}

int
kg_kv_get_info(struct kg_kv *kv, const char *key, char *out, size_t size)
{
  MDB_val k, v;
  int rc;

  k.mv_data = (void *)key;
  k.mv_size = strlen(key);
  rc = mdb_get(kv->txn, kv->info, &k, &v);
  if(rc == MDB_NOTFOUND)
    return 1;
  if(rc)
    return kg_kv_fail(kv, rc, "read the store's information");
  if(v.mv_size >= size) {
    kg_error("store '%s' is damaged: its '%s' is too long", kv->dir, key);
    return -1;
  }
  memcpy(out, v.mv_data, v.mv_size);
  out[v.mv_size] = '\0';
  return 0;
}

int
kg_kv_put_info(struct kg_kv *kv, const char *key, const char *value)
{
  MDB_val k, v;
  int rc;

  k.mv_data = (void *)key;
  k.mv_size = strlen(key);
  v.mv_data = (void *)value;
  v.mv_size = strlen(value);
  rc = mdb_put(kv->txn, kv->info, &k, &v, 0);
  return rc ? kg_kv_fail(kv, rc, "write the store's information") : 0;
}

uint32_t
kg_kv_last_id(struct kg_kv *kv, MDB_dbi dbi)
{
  MDB_cursor *c;
  MDB_val k, v;
  uint32_t id = 0;

  if(mdb_cursor_open(kv->txn, dbi, &c))
    return 0;
  if(!mdb_cursor_get(c, &k, &v, MDB_LAST) && k.mv_size == sizeof(id))
    memcpy(&id, k.mv_data, sizeof(id));
  mdb_cursor_close(c);
  return id;
}
