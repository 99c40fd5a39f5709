/* rebuild.c - the writer's new generation: a copy of the live one, or a
 * rebuild of it without the graphs a command replaces; graphs removed in
 * place, and the reference graph updated by difference.
 *
 * Deleting in place is no option on a large store: librdf's BDB indexes
 * keep unsorted duplicates (every subject of a class under one key), and
 * deleting one statement walks them (minutes for one report in a
 * 2M-statement store); copying what stays is linear.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/hash.h"
#include "rdf/world.h"
#include "store/store_int.h"

/* Below this many statements a writer copies the live generation and
 * deletes in place; above, it rebuilds without the graphs it replaces.
 * In-place deletion walks librdf's unsorted duplicate lists: in a 130k
 * store, replacing a 30k graph loaded after a 100k one took 3 min 48 s
 * (the first-loaded graph: 3 s).  $MEDNUM_KG_REBUILD_MIN overrides
 * (tests). */
#define KG_REBUILD_MIN 5000

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

static void
cstmt_free(struct cstmt *v, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    if(v[i].s)
      librdf_free_statement(v[i].s);
    if(v[i].c)
      librdf_free_node(v[i].c);
  }
}

/* Sorts the @n statements of @v and adds them to @model in their graphs.
 * 0, or -1 reported. */
static int
add_sorted(librdf_model *model, struct cstmt *v, size_t n)
{
  size_t i;

  qsort(v, n, sizeof(*v), cstmt_cmp);
  for(i = 0; i < n; i++) {
    int bad = v[i].c
      ? librdf_model_context_add_statement(model, v[i].c, v[i].s)
      : librdf_model_add_statement(model, v[i].s);

    if(bad) {
      kg_error("cannot add a statement to the store");
      return -1;
    }
  }
  return 0;
}

/* Builds the new generation from the live one in @old_path without the
 * graphs of st->drop, in sorted batches.  0, or -1 reported. */
static int
rebuild(struct kg_store *st, const char *old_path)
{
  librdf_storage *os = NULL;
  librdf_model *om = NULL;
  librdf_stream *s = NULL;
  struct cstmt *v = NULL;
  size_t n = 0, cap = 0;
  long kept = 0;
  int rc = -1, end = 0;

  kg_info("rebuilding the store without %lu graphs",
          (unsigned long)st->drop.n);
  if(kg_store_open_model(st->w, old_path, "write='no'", &os, &om))
    goto out;
  if(kg_store_open_model(st->w, st->gen_path, "new='yes'", &st->storage,
                         &st->model))
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
    if(add_sorted(st->model, v, n))
      goto out;
    kept += (long)n;
    cstmt_free(v, n);
    n = 0;
  }
  kg_info("rebuilt the store: %ld statements kept", kept);
  rc = 0;
out:
  cstmt_free(v, n);
  free(v);
  if(s)
    librdf_free_stream(s);
  kg_store_free_model(om, os);
  return rc;
}

int
kg_rebuild_make(struct kg_store *st)
{
  char *old;
  int rc;

  if(st->model)
    return 0;
  if(!st->writable || !st->gen_path)
    return -1;
  if(!st->old_gen)
    return kg_store_open_model(st->w, st->gen_path, "new='yes'",
                               &st->storage, &st->model);
  old = kg_files_path_join(st->dir, st->old_gen);
  if(st->drop.n) {
    rc = rebuild(st, old);
  } else {
    rc = kg_files_copy_dir(old, st->gen_path);
    if(!rc)
      rc = kg_store_open_model(st->w, st->gen_path, "write='yes'",
                               &st->storage, &st->model);
  }
  free(old);
  return rc;
}

int
kg_rebuild_remove(struct kg_store *st, const char *iri, int fresh)
{
  librdf_node *g;
  int rc;

  if(kg_rebuild_make(st))
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

int
kg_rebuild_plan(struct kg_store *st, const char *iri)
{
  const char *env = getenv("MEDNUM_KG_REBUILD_MIN");
  long min = KG_REBUILD_MIN, total = 0;
  size_t i;

  if(st->model || !st->old_gen)
    return 0;
  if(env && *env)
    min = strtol(env, NULL, 10);
  for(i = 0; i < st->meta.n; i++)
    total += st->meta.graphs[i].triples;
  if(total < min)
    return 0;
  kg_hash_add(&st->drop, iri);
  return 1;
}

/* Digests of every statement of graph @g of @m into @set.  0 or -1. */
static int
digest_graph(librdf_model *m, librdf_node *g, struct kg_digest_set *set)
{
  librdf_stream *s = librdf_model_context_as_stream(m, g);

  if(!s)
    return -1;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    uint64_t h1, h2;

    kg_digest_statement(librdf_stream_get_object(s), &h1, &h2);
    kg_digest_add(set, h1, h2);
  }
  librdf_free_stream(s);
  return 0;
}

/* Copies into @gone the statements of graph @g of @m that @want lacks;
 * @have receives the digests seen.  0 or -1. */
static int
find_gone(librdf_model *m, librdf_node *g, struct kg_digest_set *want,
          struct kg_digest_set *have, struct kg_batch *gone)
{
  librdf_stream *s = librdf_model_context_as_stream(m, g);

  if(!s)
    return -1;
  for(; !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *t = librdf_stream_get_object(s);
    uint64_t h1, h2;

    kg_digest_statement(t, &h1, &h2);
    if(!kg_digest_add(have, h1, h2))
      continue;                 /* a duplicate: librdf lists it twice */
    if(kg_digest_add(want, h1, h2)) {
      /* not wanted: undo the probe, delete it below */
      librdf_statement *c = librdf_new_statement_from_statement(t);

      if(!c) {
        librdf_free_stream(s);
        return -1;
      }
      kg_batch_add(gone, c);
    }
  }
  librdf_free_stream(s);
  return 0;
}

/* The reference graph changes by a few territories; deleting it whole
 * would walk librdf's duplicate lists.  So only the statements that
 * differ are deleted and added. */
long
kg_rebuild_update(struct kg_store *st, librdf_model *from, librdf_node *g,
                  int empty)
{
  struct kg_digest_set want = { NULL, 0, 0 }, have = { NULL, 0, 0 };
  struct kg_batch gone = { NULL, 0, 0 };
  librdf_stream *s;
  long n = -1, removed = 0, added = 0, size = 0;
  size_t i;

  /* what the graph should hold; what it holds: keep, or mark to delete */
  if(digest_graph(from, g, &want))
    goto fail;
  if(!empty && find_gone(st->model, g, &want, &have, &gone))
    goto fail;
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

    kg_digest_statement(t, &h1, &h2);
    size++;
    if(!kg_digest_add(&have, h1, h2))
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
  kg_batch_release(&gone);
  kg_digest_release(&want);
  kg_digest_release(&have);
  return n;
}
