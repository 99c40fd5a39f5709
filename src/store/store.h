/* store.h - the persistent embedded store (librdf hashes on BDB).
 *
 * One named graph per report.  Writers take an exclusive flock, readers a
 * shared one; a write builds the new state beside the old and swaps it in
 * with rename(), so a killed load leaves the previous graph whole.
 *
 * On disk (DIR = the store directory, --store):
 *   DIR/lock          the flock target (never replaced, never removed)
 *   DIR/CURRENT       one line: the name of the live generation ("gen-000007"),
 *                     replaced with rename()
 *   DIR/gen-NNNNNN/   one generation: kg-{sp2o,po2s,so2p,p2so,contexts}.db
 *                     (librdf hashes, hash-type bdb, contexts, predicate
 *                     index) and `meta` (times and the loaded graphs)
 * A writer makes gen-(N+1) from the live generation (a file copy, or on a
 * large store a rebuild that leaves out the graphs it replaces), changes
 * it, syncs and closes it, fsyncs, then renames CURRENT.tmp over CURRENT.
 * Any other gen-* directory is debris of a killed writer and is removed by
 * the next one.
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

/* One loaded graph, as recorded in the generation's meta file. */
struct kg_store_graph {
  char *iri;          /* graph IRI */
  char *source;       /* the path given to load ("" for the reference) */
  long triples;       /* statements added by that load */
  long long loaded;   /* when (seconds since the epoch) */
};

/* Opens the store @dir for reading under a shared lock, waiting for a
 * busy store $MEDNUM_KG_WAIT seconds, else 2.  NULL after reporting (no
 * store yet, busy, unreadable).  *code receives the exit status to use on
 * failure. */
struct kg_store *kg_store_open_read(struct kg_world *w, const char *dir,
                                   int *code);

/* Opens the store @dir for writing under an exclusive lock, creating the
 * store if needed: returns a new generation, a copy of the live one, that
 * becomes live only with kg_store_commit().  NULL after reporting.  @rd
 * (borrowed, may be NULL) reads reports and describes the reference.
 * @wait: how long to wait for a busy store before giving up, in seconds
 * (< 0: $MEDNUM_KG_WAIT, else 2; 0 fails at once). */
struct kg_store *kg_store_open_write(struct kg_world *w, const char *dir,
                                    const struct kg_store_reader *rd,
                                    double wait, int *code);

/* SHARED model of an open store, valid until kg_store_close() or
 * kg_store_commit(). */
librdf_model *kg_store_model(struct kg_store *st);

/* 1 if a store exists at @dir. */
int kg_store_exists(const char *dir);

/* Before loading or unloading: says that @path (a file to load) will
 * replace its graph, or that the reference graph will be rebuilt.  On a
 * large store the new generation is then rebuilt without those graphs
 * (deleting in place from librdf's BDB indexes is very slow) instead of
 * copied.  Optional: without it, graphs are deleted in place. */
void kg_store_plan(struct kg_store *st, const char *path);
void kg_store_plan_reference(struct kg_store *st);

/* Loads one file into a writable store: a report (.md, .markdown) through
 * the reader's report(), or RDF (.ttl Turtle, .nt N-Triples) into the graph
 * mnid:graph/<slug of the file name>.  Replaces that graph if present.  The
 * input is parsed aside first: on error nothing changes.  Returns
 * KG_EXIT_OK, or KG_EXIT_DATA / KG_EXIT_SYS after reporting.  *graph_iri
 * (may be NULL) receives a SHARED pointer to the graph IRI. */
int kg_store_load(struct kg_store *st, const char *path,
                  const char **graph_iri);

/* Removes the graph loaded from @what: the path given to load, a graph IRI,
 * or a file whose slug names a graph.  KG_EXIT_OK, or KG_EXIT_DATA when
 * nothing matches (reported). */
int kg_store_unload(struct kg_store *st, const char *what);

/* Rebuilds mnid:graph/reference (the reader's reference()) from the report
 * graphs.  0 or -1 after reporting. */
int kg_store_refresh_reference(struct kg_store *st);

/* Makes the written generation live (sync, fsync, rename) and releases the
 * store.  Returns KG_EXIT_OK or KG_EXIT_SYS (reported); the store is
 * closed in both cases. */
int kg_store_commit(struct kg_store *st);

/* Releases the lock and the model; an uncommitted write is thrown away.
 * kg_store_close(NULL) does nothing. */
void kg_store_close(struct kg_store *st);

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
