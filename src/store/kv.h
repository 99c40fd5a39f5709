/* kv.h - the store's LMDB environment: one directory, named databases,
 * one transaction at a time.
 *
 * DIR/data.mdb and DIR/lock.mdb are LMDB's (liblmdb, Debian liblmdb-dev).
 * The named databases:
 *   info     "format" -> KG_KV_FORMAT; "issued", "modified" -> decimal
 *            seconds since the epoch
 *   t2i      term key -> term id (uint32; duplicates: ids whose long
 *            terms share a digest, told apart through i2t)
 *   i2t      term id -> term encoding (terms.c)
 *   spog posg ospg gspo gpos gosp
 *            quads: first id -> the three others, 12 bytes big-endian,
 *            sorted duplicates (quads.c)
 *   graphs   graph id -> "IRI\0source\0triples\0loaded" (meta.c)
 *   uses     graph id -> ids of the concepts and territories it names
 *   usedby   concept or territory id -> ids of the graphs naming it
 * A reader holds one read transaction from open to close and sees one
 * version; the writer holds one write transaction, which commit makes
 * durable (LMDB's two meta pages: a killed writer leaves the old
 * version).  Ids are never reused; terms no graph uses any more stay.
 */
#ifndef KG_KV_H
#define KG_KV_H

#include <stddef.h>
#include <stdint.h>
#include <lmdb.h>

/* Written in info/format; a store with another value is refused. */
#define KG_KV_FORMAT "mednum-kg store 2 (LMDB)"

/* The six index orders (quads.c), in this order in kg_kv.idx[]. */
enum kg_kv_order {
  KG_SPOG, KG_POSG, KG_OSPG, KG_GSPO, KG_GPOS, KG_GOSP, KG_NORDERS
};

struct kg_kv {
  MDB_env *env;
  MDB_txn *txn;          /* the open transaction, or NULL */
  int write;             /* opened for writing */
  char *dir;
  MDB_dbi info, t2i, i2t, graphs, uses, usedby;
  MDB_dbi idx[KG_NORDERS];
  int failed;            /* an LMDB error was reported */
  long long file_size;   /* of data.mdb when opened (0: new) */
  unsigned long long ino; /* of data.mdb when opened */
  int paused;            /* a reader's transaction, reset (kg_kv_pause) */
};

/* A reader lets go of the version it reads (its transaction is reset;
 * nothing may be read until kg_kv_renew). */
void kg_kv_pause(struct kg_kv *kv);
/* A reader moves to the version committed last.  0; 1 when data.mdb was
 * removed or replaced since the open (open the store again); -1
 * reported. */
int kg_kv_renew(struct kg_kv *kv);

/* Opens the environment in @dir and begins its transaction (a write
 * transaction when @write; the databases are then created if needed).
 * Refuses a directory whose data.mdb is truncated, damaged or of another
 * format.  NULL after reporting; *code receives the exit status. */
struct kg_kv *kg_kv_open(const char *dir, int write, int *code);

/* Entries of table @dbi in the open transaction, or -1 reported as
 * "cannot @what ...". */
long kg_kv_entries(struct kg_kv *kv, MDB_dbi dbi, const char *what);

/* The cheap checks of a store opened as whole: the six index orders hold
 * as many entries each, and the two directions of the dictionary as
 * many (one mdb_stat each; 'store check' verifies the rest).  0, or -1
 * reported. */
int kg_kv_check_counts(struct kg_kv *kv);

/* The table name of order @o ("spog"...), SHARED. */
const char *kg_kv_order_name(int o);

/* 1 if @dir holds an LMDB store (DIR/data.mdb). */
int kg_kv_exists(const char *dir);

/* Commits the write transaction (durable on return).  0, or -1 reported;
 * the transaction is gone in both cases. */
int kg_kv_commit(struct kg_kv *kv);

/* Aborts the open transaction, if any. */
void kg_kv_abort(struct kg_kv *kv);

/* Aborts any open transaction and closes the environment.
 * kg_kv_free(NULL) does nothing. */
void kg_kv_free(struct kg_kv *kv);

/* Reports LMDB error @rc while doing @what ("cannot <what> in store
 * 'DIR': ..."), saying what to do for a full map or disk.  Returns -1. */
int kg_kv_fail(struct kg_kv *kv, int rc, const char *what);

/* info values: kg_kv_get_info copies the value of @key into @out (size
 * @size, NUL-terminated); 0, 1 when absent, -1 reported. */
int kg_kv_get_info(struct kg_kv *kv, const char *key, char *out,
                   size_t size);
int kg_kv_put_info(struct kg_kv *kv, const char *key, const char *value);

/* The largest id of @dbi (an integer-keyed database), 0 if empty. */
uint32_t kg_kv_last_id(struct kg_kv *kv, MDB_dbi dbi);

#endif
