/* store_int.h - state shared by the store's files (store.c, meta.c,
 * load.c, batch.c, reference.c, legacy.c, files.c, lock.c, check.c).  Not a public
 * interface: callers use store.h.  The engine below them is kv.h (LMDB),
 * terms.h, quads.h and storage.h (the librdf storage module).
 */
#ifndef KG_STORE_INT_H
#define KG_STORE_INT_H

#include <stddef.h>
#include <stdint.h>
#include <redland.h>

#include "base/hash.h"
#include "store/storage.h"
#include "store/store.h"

struct kg_world;
struct kg_format;

/* ------------------------------------------------------------ meta.c */

/* The store's times and graphs, as read at open and changed since. */
struct kg_meta {
  struct kg_store_graph *graphs;  /* sorted by IRI */
  size_t n;
  size_t cap;
  long long issued;
  long long modified;
  struct kg_hash touched;         /* IRIs set or removed since the load */
};

void kg_meta_init(struct kg_meta *m);
/* Frees the graphs; @m is then empty. */
void kg_meta_release(struct kg_meta *m);
/* The graph @iri, SHARED (valid until @m changes), or NULL. */
struct kg_store_graph *kg_meta_find(struct kg_meta *m, const char *iri);
/* Adds or replaces graph @iri (copies @iri and @source). */
void kg_meta_set(struct kg_meta *m, const char *iri, const char *source,
                 long triples, long long loaded);
/* Removes graph @iri.  0, or -1 when absent. */
int kg_meta_remove(struct kg_meta *m, const char *iri);
/* Reads graph record @v (@n bytes: "IRI\0source\0triples\0loaded\0")
 * into @g (new strings: free iri and source).  0, or -1 when malformed
 * (nothing allocated). */
int kg_meta_parse(const char *v, size_t n, struct kg_store_graph *g);
/* Reads the times and graphs of the store @s into the empty @m.  0, or
 * -1 reported. */
int kg_meta_load(struct kg_meta *m, struct kg_storage *s);
/* Writes the times and the graphs changed since kg_meta_load() (write
 * transaction).  0, or -1 reported. */
int kg_meta_save(struct kg_meta *m, struct kg_storage *s);

/* ------------------------------------------------------------ store.c */

/* 1 if @dir holds a store of this format; else 0 after reporting (no
 * store, or one of the first format) with *code set. */
int kg_store_found(const char *dir, int *code);

struct kg_store {
  struct kg_world *w;           /* borrowed */
  const struct kg_store_reader *rd;  /* borrowed; NULL: RDF files only */
  char *dir;                    /* the store directory */
  int lock_fd;                  /* writer: DIR/lock, flock held */
  int writable;
  librdf_storage *storage;      /* owned ("mednum-lmdb") */
  librdf_model *model;          /* owned */
  struct kg_storage *lm;        /* SHARED: storage's instance */
  struct kg_meta meta;          /* times and graphs */
  char *last_graph;             /* IRI of the last load (for callers) */
  char **done;                  /* writer: "IRI\tpath" loaded by this command */
  size_t ndone;
  size_t done_cap;
};

/* ------------------------------------------------------------ files.c */

/* "a/b", new string. */
char *kg_files_path_join(const char *a, const char *b);
/* fsync(2) of a file or a directory.  0 or -1 (errno set, not reported). */
int kg_files_fsync(const char *path, int is_dir);
/* Removes a flat directory and its files. */
void kg_files_remove_tree(const char *path);
/* Reads DIR/CURRENT of a first-format store: returns a new "gen-NNNNNN"
 * string, or NULL when there is none (*err set to 1 when the file exists
 * but is not valid). */
char *kg_files_read_current(const char *dir, int *err);
/* Removes the first format's files from @dir: CURRENT, CURRENT.tmp and
 * the gen-* directories. */
void kg_files_remove_legacy(const char *dir);

/* ------------------------------------------------------------ lock.c */

/* Takes the writers' flock on @fd (of store @dir), retrying for @wait
 * seconds (< 0: $MEDNUM_KG_WAIT, else 2).  0, or -1 after reporting
 * (*code set). */
int kg_lock_take(const char *dir, int fd, double wait, int *code);

/* ------------------------------------------------------------ batch.c */

/* Adds every statement of @s to @model in @graph, each literal in its
 * one form (language tag in lower case, "x"^^xsd:string as "x"),
 * advancing @s.  0, or -1 after reporting. */
int kg_batch_transfer(librdf_world *w, librdf_model *model, librdf_stream *s,
                      librdf_node *graph);
/* kg_batch_transfer() that adds each statement to pg->count and redraws
 * @pg (borrowed, may be NULL) on the way. */
int kg_batch_transfer_counted(librdf_world *w, librdf_model *model,
                              librdf_stream *s, librdf_node *graph,
                              struct kg_progress *pg);

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
  int before;                   /* error count when the statements began */
  struct kg_progress *progress; /* borrowed, may be NULL */
};

/* Starts @ld for @path read as @fmt (a row of rdf/format.h, SHARED). */
void kg_load_init(struct kg_load *ld, const char *path,
                  const struct kg_format *fmt);
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

/* ------------------------------------------------------------ reference.c */

/* Records which concepts and territories graph @g names (after it was
 * filled; a graph that is gone names none).  0, or -1 reported. */
int kg_reference_note(struct kg_store *st, librdf_node *g);

/* ------------------------------------------------------------ legacy.c */

/* 1 if @dir holds a store of the first format (BDB generations). */
int kg_legacy_exists(const char *dir);

#endif
