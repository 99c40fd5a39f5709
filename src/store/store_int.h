/* store_int.h - state shared by the store's files (store.c, files.c,
 * meta.c, lock.c, load.c, batch.c, digest.c, rebuild.c).  Not a public
 * interface: callers use store.h.
 */
#ifndef KG_STORE_INT_H
#define KG_STORE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <redland.h>

#include "base/hash.h"
#include "store/store.h"

struct kg_world;
struct kg_format;

/* librdf's identifier of the hashes of a generation (kg-sp2o.db, …). */
#define KG_STORE_IDENT "kg"

/* Statements a load (or a rebuild) sorts and adds at once.  An input
 * larger than one batch is sorted and added batch by batch, so a large
 * N-Triples file is never held whole; duplicates across batches are then
 * caught by a set of 128-bit digests (digest.c). */
#define KG_LOAD_BATCH 200000

/* ------------------------------------------------------------ meta.c */

/* The generation's meta file in memory: its times and its graphs. */
struct kg_meta {
  struct kg_store_graph *graphs;  /* sorted by IRI */
  size_t n;
  size_t cap;
  long long issued;
  long long modified;
};

/* Frees the graphs; @m is then empty (times kept). */
void kg_meta_release(struct kg_meta *m);
/* The graph @iri, SHARED (valid until @m changes), or NULL. */
struct kg_store_graph *kg_meta_find(struct kg_meta *m, const char *iri);
/* Adds or replaces graph @iri (copies @iri and @source). */
void kg_meta_set(struct kg_meta *m, const char *iri, const char *source,
                 long triples, long long loaded);
/* Removes graph @iri.  0, or -1 when absent. */
int kg_meta_remove(struct kg_meta *m, const char *iri);
/* Reads GEN_PATH/meta into @m (none yet: nothing read).  0 or -1
 * reported. */
int kg_meta_read(struct kg_meta *m, const char *gen_path);
/* Writes @m to GEN_PATH/meta and syncs it.  0 or -1 reported. */
int kg_meta_write(const struct kg_meta *m, const char *gen_path);

/* ------------------------------------------------------------ store.c */

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
  struct kg_meta meta;          /* times and graphs of the generation */
  char *last_graph;             /* IRI of the last load (for callers) */
  struct kg_hash drop;          /* writer: graphs left out of the new one */
  char **done;                  /* writer: "IRI\tpath" loaded by this command */
  size_t ndone;
  size_t done_cap;
};

/* Opens the librdf hashes of the generation in @path with @mode
 * ("write='no'", "new='yes'", …) into *storage and *model (new; the
 * caller frees both, also on failure).  0, or -1 reported. */
int kg_store_open_model(struct kg_world *w, const char *path,
                        const char *mode, librdf_storage **storage,
                        librdf_model **model);
/* Frees @model, then @storage (either may be NULL). */
void kg_store_free_model(librdf_model *model, librdf_storage *storage);

/* ------------------------------------------------------------ files.c */

/* "a/b", new string. */
char *kg_files_path_join(const char *a, const char *b);
/* fsync(2) of a file or a directory.  0 or -1 (errno set, not reported). */
int kg_files_fsync(const char *path, int is_dir);
/* Syncs every file of the flat directory @dir, then @dir.  0 or -1
 * reported. */
int kg_files_sync_dir(const char *dir);
/* Writes @line and a newline to a new file @path and syncs it.  0 or -1
 * reported. */
int kg_files_write_line(const char *path, const char *line);
/* Removes a flat directory (a generation) and its files. */
void kg_files_remove_tree(const char *path);
/* Copies every file of directory @from into the directory @to.  0 or -1
 * reported. */
int kg_files_copy_dir(const char *from, const char *to);
/* Reads DIR/CURRENT: returns a new "gen-NNNNNN" string, or NULL when
 * there is none (*err set to 1 when the file exists but is not valid). */
char *kg_files_read_current(const char *dir, int *err);
/* NNNNNN of "gen-NNNNNN". */
unsigned long kg_files_gen_number(const char *gen);
/* Removes every gen-* of @dir that is not @keep, and CURRENT.tmp: what a
 * killed writer left.  Returns the highest generation number seen.  Call
 * under the exclusive lock only. */
unsigned long kg_files_clean_debris(const char *dir, const char *keep);

/* ------------------------------------------------------------ lock.c */

/* Takes the flock on @fd (of store @dir), retrying for @wait seconds
 * (< 0: $MEDNUM_KG_WAIT, else 2).  0, or -1 after reporting (*code
 * set). */
int kg_lock_take(const char *dir, int fd, int exclusive, double wait,
                 int *code);

/* ------------------------------------------------------------ digest.c */

/* A set of 128-bit statement digests. */
struct kg_digest_set {
  uint64_t *v;        /* pairs; (0, 0) = empty slot */
  size_t cap;         /* slots, power of two */
  size_t n;
};

/* The digest (*h1, *h2) of statement @t (its three terms). */
void kg_digest_statement(const librdf_statement *t, uint64_t *h1,
                         uint64_t *h2);
/* 1 if (a, b) was added, 0 if it was there. */
int kg_digest_add(struct kg_digest_set *d, uint64_t a, uint64_t b);
void kg_digest_release(struct kg_digest_set *d);

/* ------------------------------------------------------------ batch.c */

/* Statements of one load, owned copies. */
struct kg_batch {
  librdf_statement **v;
  size_t n;
  size_t cap;
};

/* Appends @t; takes ownership of @t. */
void kg_batch_add(struct kg_batch *b, librdf_statement *t);
/* Frees the statements; @b is then empty. */
void kg_batch_release(struct kg_batch *b);
/* Adds every statement of @s to @model in @graph, in sorted batches,
 * without duplicates, advancing @s.  Returns the number added, or -1
 * after reporting. */
long kg_batch_transfer(librdf_world *w, librdf_model *model,
                       librdf_stream *s, librdf_node *graph);

/* ------------------------------------------------------------ load.c */

/* The format of a file `load` accepts (rdf/format.h), or NULL. */
const struct kg_format *kg_load_format(const char *path);
/* 1 if @f is a report format (read by the extractor). */
int kg_load_is_report(const struct kg_format *f);
/* Graph IRI of a file: base + "graph/" + slug of the name without its
 * extension.  Returns new string, or NULL when the name has no letter or
 * digit. */
char *kg_load_graph_iri(struct kg_world *w, const char *path);
/* base + "graph/reference", new string. */
char *kg_load_reference_iri(struct kg_world *w);

/* One kg_store_load() on its way: what it has opened so far. */
struct kg_load {
  const char *path;             /* borrowed: the file to load */
  const struct kg_format *fmt;
  librdf_storage *tmp_storage;  /* owned: a report's extracted graph */
  librdf_model *tmp;            /* owned */
  librdf_parser *parser;        /* owned: an RDF file's parser */
  librdf_uri *uri;              /* owned */
  librdf_stream *s;             /* owned: the statements to add */
  librdf_node *graph;           /* owned: the graph they go to */
  char *iri;                    /* owned: its IRI */
  int refilled;                 /* an earlier file of this command named it */
  int before;                   /* error count when the statements began */
};

void kg_load_init(struct kg_load *ld, const char *path);
void kg_load_release(struct kg_load *ld);
/* Names the graph of ld->path (extracting a report), refuses the reserved
 * name, records the file among this command's loads.  An exit status
 * (reported). */
int kg_load_name(struct kg_store *st, struct kg_load *ld);
/* Opens ld->s over the statements to load.  An exit status (reported). */
int kg_load_open(struct kg_store *st, struct kg_load *ld);
/* Replaces the graph with the statements of ld->s and records it in the
 * meta (st->last_graph takes ld->iri).  An exit status (reported). */
int kg_load_fill(struct kg_store *st, struct kg_load *ld);

/* ------------------------------------------------------------ rebuild.c */

/* Makes the writer's new generation: empty for a new store, a copy of the
 * live one, or a rebuild of it without the graphs of st->drop.  0 or -1
 * reported. */
int kg_rebuild_make(struct kg_store *st);
/* Adds @iri to the graphs the new generation leaves out, if the store is
 * large enough for that to pay.  1 if added. */
int kg_rebuild_plan(struct kg_store *st, const char *iri);
/* Removes graph @iri from the new generation, unless the rebuild already
 * left it out (@fresh: no file of this command has filled it since).
 * 0 or -1. */
int kg_rebuild_remove(struct kg_store *st, const char *iri, int fresh);
/* Makes graph @g of the store equal to graph @g of @from by difference
 * (@empty: the store's graph is known to be empty).  Returns the size of
 * the graph, or -1 after reporting. */
long kg_rebuild_update(struct kg_store *st, librdf_model *from,
                       librdf_node *g, int empty);

#endif
