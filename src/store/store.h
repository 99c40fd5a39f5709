/* store.h - the persistent embedded store: LMDB under a librdf storage
 * module.
 *
 * One named graph per report.  On disk (DIR = the store directory,
 * --store), one directory:
 *   DIR/data.mdb   every table of the store (kv.h lists them): the term
 *                  dictionary, the quads in six index orders, the graphs
 *                  and what they name, the store's times and format
 *   DIR/lock.mdb   LMDB's reader table (rebuilt when missing)
 *   DIR/lock       the writers' flock (never replaced, never removed)
 * A writer takes the flock, then writes in one LMDB write transaction
 * that kg_store_commit() makes durable; killed before, the store holds
 * what it held.  Readers take no lock: each reads one version, the one
 * committed when it opened, while a writer writes.  A copy of data.mdb
 * taken while no writer commits (or with `mdb_copy DIR`, any time) is a
 * backup.  A store of the first format (DIR/CURRENT, gen-*) is refused
 * until `store upgrade` converts it (kg_store_upgrade).  `store check`
 * reads the whole store and verifies it (kg_store_check).
 */
#ifndef KG_STORE_H
#define KG_STORE_H

#include <stddef.h>
#include <redland.h>

struct kg_world;
struct kg_store;

/* What loading needs from the layers above the store, given by the
 * caller so that the store includes nothing above it. */
struct kg_store_reader {
  /* Extracts the report at @path into @model and sets *graph (new string)
   * to the IRI of its graph.  Returns an exit status (reported). */
  int (*report)(void *arg, const char *path, librdf_model *model,
                char **graph);
  /* Adds to @model the reference descriptions (concepts, territories and
   * their ancestors) of the IRIs @model uses.  0, or -1 reported. */
  int (*reference)(void *arg, librdf_model *model);
  void *arg;
};

/* One loaded graph, as the store records it. */
struct kg_store_graph {
  char *iri;          /* graph IRI */
  char *source;       /* the path given to load ("" for the reference) */
  long triples;       /* statements added by that load */
  long long loaded;   /* when (seconds since the epoch) */
};

/* Opens the store @dir for reading (no lock: one read transaction, the
 * version committed last).  NULL after reporting (no store yet, first
 * format, damaged).  *code receives the exit status to use on failure. */
struct kg_store *kg_store_open_read(struct kg_world *w, const char *dir,
                                   int *code);

/* Opens the store @dir for writing under an exclusive lock, creating the
 * store if needed: one write transaction that only kg_store_commit() makes
 * live.  NULL after reporting.  @rd (borrowed, may be NULL) reads reports
 * and describes the reference.  @wait: how long to wait for a busy store
 * before giving up, in seconds (< 0: $MEDNUM_KG_WAIT, else 2; 0 fails at
 * once). */
struct kg_store *kg_store_open_write(struct kg_world *w, const char *dir,
                                    const struct kg_store_reader *rd,
                                    double wait, int *code);

/* For a reader that lives long (a server's worker): kg_store_pause()
 * lets go of the version read, so that a writer may reuse its pages;
 * kg_store_renew() reads the version committed last (with the open-time
 * checks again).  Renew returns 0; 1 when the store's file was removed
 * or replaced (close and open it again); -1 reported (damage: exit 4). */
void kg_store_pause(struct kg_store *st);
int kg_store_renew(struct kg_store *st);

/* SHARED model of an open store, valid until kg_store_close() or
 * kg_store_commit(). */
librdf_model *kg_store_model(struct kg_store *st);

/* 1 if a store (of either format) exists at @dir. */
int kg_store_exists(const char *dir);

/* Loads one file into a writable store: a report (.md, .markdown, .txt)
 * through the reader's report(), or RDF (.ttl Turtle, .nt N-Triples) into
 * the graph mnid:graph/<slug of the file name>; the type is decided as by
 * kg_store_inputs_add().  Replaces that graph if present.  The
 * input is parsed aside first: on error nothing changes.  Returns
 * KG_EXIT_OK, or KG_EXIT_DATA / KG_EXIT_SYS after reporting.  *graph_iri
 * (may be NULL) receives a SHARED pointer to the graph IRI. */
int kg_store_load(struct kg_store *st, const char *path,
                  const char **graph_iri);

struct kg_format;
struct kg_progress;

/* One file `load` reads, and how: decided before the store opens. */
struct kg_store_input {
  char *path;                   /* owned; "-" is a report on stdin */
  const struct kg_format *fmt;  /* SHARED row of rdf/format.h */
  long long size;               /* bytes (for progress; 0 when unknown) */
};

/* The files of one `load`, in order. */
struct kg_store_inputs {
  struct kg_store_input *v;
  size_t n;
  size_t cap;
  long long bytes;              /* their sizes added up */
};
#define KG_STORE_INPUTS_INIT { NULL, 0, 0, 0 }

/* The format `load --as @name` forces: "report", "turtle" or "ntriples".
 * SHARED, or NULL for any other name. */
const struct kg_format *kg_store_load_as(const char *name);

/* Adds to @in the files operand @arg names.  A file: read as @as when
 * given (NULL: not forced), else by its extension (.md .markdown .txt a
 * report, .ttl Turtle, .nt N-Triples), else, with no extension or one no
 * format has, by its first 4 KB (@prefix, PREFIX or <iri> <iri>: Turtle,
 * or N-Triples when every line is one triple; anything else a report,
 * whose reader refuses binary and UTF-16).  An extension of a format load
 * does not take (.nq, .rdf...) is refused.  A directory: each regular
 * file in it, sorted by name, not recursive; hidden files, binary files
 * and files of a format load does not take are skipped, each said with
 * kg_info (-v); none left is an error.  KG_EXIT_OK, or the exit status
 * after reporting. */
int kg_store_inputs_add(struct kg_store_inputs *in, const char *arg,
                        const struct kg_format *as);
void kg_store_inputs_release(struct kg_store_inputs *in);

/* kg_store_load() of one file of kg_store_inputs_add().  @pg (may be
 * NULL, borrowed) counts the triples as they go in (pg->count) and is
 * redrawn on the way. */
int kg_store_load_input(struct kg_store *st, const struct kg_store_input *in,
                        struct kg_progress *pg, const char **graph_iri);

/* Removes the graph loaded from @what: the path given to load, a graph IRI,
 * or a file whose slug names a graph.  KG_EXIT_OK, or KG_EXIT_DATA when
 * nothing matches (reported). */
int kg_store_unload(struct kg_store *st, const char *what);

/* Rebuilds mnid:graph/reference (the reader's reference()) for the
 * concepts and territories the report graphs name, when they changed
 * since it was built.  0 or -1 after reporting. */
int kg_store_refresh_reference(struct kg_store *st);

/* Commits the write transaction (durable on return) and releases the
 * store.  Returns KG_EXIT_OK or KG_EXIT_SYS (reported); the store is
 * closed in both cases. */
int kg_store_commit(struct kg_store *st);

/* Releases the lock and the model; an uncommitted write is thrown away.
 * kg_store_close(NULL) does nothing. */
void kg_store_close(struct kg_store *st);

/* @code, or KG_EXIT_SYS when reading the store met damage or an I/O
 * error on the way (reported); the store stays open. */
int kg_store_status(struct kg_store *st, int code);

/* kg_store_close() for a command that read the store: returns @code, or
 * KG_EXIT_SYS when reading it met damage or an I/O error on the way
 * (already reported; librdf's streams cannot say so themselves). */
int kg_store_end(struct kg_store *st, int code);

/* Converts the first-format store in @dir (BDB generations) into an LMDB
 * store, under the writers' lock; see legacy.c.  Returns an exit status
 * (reported); *code receives it too. */
int kg_store_upgrade(struct kg_world *w, const char *dir, int *code);

/* What kg_store_check() counted. */
struct kg_store_counts {
  long quads;         /* entries of each index order */
  long graphs;        /* graph records */
  long terms;         /* terms of the dictionary */
};

/* Verifies the whole store @dir in one read transaction (see check.c):
 * every quad in the six index orders, every id in the dictionary both
 * ways, the graph records against the quads, the format.  Reports each
 * problem (the first 20, then how many).  Returns KG_EXIT_OK and fills
 * @n; KG_EXIT_SYS when the store is damaged; or the exit status of a
 * store that cannot be opened (reported). */
int kg_store_check(struct kg_world *w, const char *dir,
                   struct kg_store_counts *n);

/* Loaded graphs, sorted by IRI.  SHARED, valid until close. */
size_t kg_store_graph_count(const struct kg_store *st);
const struct kg_store_graph *kg_store_graph_at(const struct kg_store *st,
                                               size_t i);

/* First and last load (seconds since the epoch; 0 = never). */
long long kg_store_issued(const struct kg_store *st);
long long kg_store_modified(const struct kg_store *st);

/* Directory of the store (SHARED). */
const char *kg_store_dir(const struct kg_store *st);

/* "Now" for recorded times: $SOURCE_DATE_EPOCH when set (reproducible
 * tests), else time(). */
long long kg_store_now(void);

/* Formats @t as xsd:dateTime in UTC ("2024-04-09T10:00:00Z") into @out
 * (at least 21 bytes). */
void kg_store_format_time(long long t, char *out, size_t size);

#endif
