/* legacy.c - `store upgrade`: converts a store of the first format into
 * the LMDB store, and nothing else reads that format.
 *
 * The first format (mednum-kg 0.x): DIR/CURRENT names the live
 * generation DIR/gen-NNNNNN/, which holds librdf's BDB hashes
 * (kg-*.db) and a text file `meta`:
 *   # mednum-kg store 1
 *   issued<TAB>SECONDS
 *   modified<TAB>SECONDS
 *   graph<TAB>IRI<TAB>TRIPLES<TAB>LOADED<TAB>SOURCE
 * The conversion writes a new store in DIR/upgrade.tmp/, commits it,
 * renames its data.mdb into DIR (the switch: from then on DIR is an LMDB
 * store) and removes the old files.  Killed before the rename, DIR is
 * still the old store and a new `store upgrade` starts again; killed
 * after it, the next writer removes what is left of the old files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/world.h"
#include "store/store_int.h"

int
kg_legacy_exists(const char *dir)
{
  char *p = kg_files_path_join(dir, "CURRENT");
  struct stat sb;
  int rc = !stat(p, &sb);

  free(p);
  return rc;
}

/* Reads one "graph" record (the text after "graph\t", changed in place)
 * into @m.  0, or -1 when it has fewer than four fields. */
static int
read_graph(struct kg_meta *m, char *p)
{
  char *f[4];
  int k;

  for(k = 0; k < 4; k++) {
    f[k] = p;
    if(k < 3) {
      p = strchr(p, '\t');
      if(!p)
        return -1;
      *p++ = '\0';
    }
  }
  kg_meta_set(m, f[0], f[3], strtol(f[1], NULL, 10),
              strtoll(f[2], NULL, 10));
  return 0;
}

/* Reads GEN/meta into @m.  0, or -1 reported. */
static int
read_meta(struct kg_meta *m, const char *gen)
{
  char *path = kg_files_path_join(gen, "meta");
  FILE *fh = fopen(path, "r");
  struct kg_buf line = KG_BUF_INIT;
  int c = 0, rc = 0;

  if(!fh) {
    kg_error("cannot read '%s': %s", path, strerror(errno));
    free(path);
    return -1;
  }
  while(c != EOF && !rc) {
    kg_buf_reset(&line);
    while((c = getc(fh)) != EOF && c != '\n')
      kg_buf_addc(&line, c);
    kg_buf_addc(&line, '\0');
    if(!strncmp(line.s, "issued\t", 7))
      m->issued = strtoll(line.s + 7, NULL, 10);
    else if(!strncmp(line.s, "modified\t", 9))
      m->modified = strtoll(line.s + 9, NULL, 10);
    else if(!strncmp(line.s, "graph\t", 6) && read_graph(m, line.s + 6)) {
      kg_error("'%s': malformed record", path);
      rc = -1;
    }
  }
  fclose(fh);
  kg_buf_release(&line);
  free(path);
  return rc;
}

/* Opens the old generation's BDB hashes read-only.  0, or -1 reported. */
static int
open_old(struct kg_world *w, const char *gen, librdf_storage **storage,
         librdf_model **model)
{
  struct kg_buf opts = KG_BUF_INIT;

  kg_buf_addf(&opts, "hash-type='bdb',dir='%s',contexts='yes',"
              "index-predicates='yes',write='no'", gen);
  *model = NULL;
  *storage = strchr(gen, '\'') ? NULL
           : librdf_new_storage(w->world, "hashes", "kg", opts.s);
  if(*storage)
    *model = librdf_new_model(w->world, *storage, NULL);
  kg_buf_release(&opts);
  if(!*model)
    kg_error("cannot open the old store in '%s'", gen);
  return *model ? 0 : -1;
}

/* Copies every graph of @old, recorded in @m, into the new store @st.
 * 0, or -1 reported. */
static int
copy_graphs(struct kg_store *st, librdf_model *old, const struct kg_meta *m)
{
  size_t i;

  for(i = 0; i < m->n; i++) {
    const struct kg_store_graph *g = &m->graphs[i];
    librdf_node *node = kg_world_iri(st->w, g->iri);
    librdf_stream *s = node ? librdf_model_context_as_stream(old, node)
                            : NULL;
    int rc = !s || kg_batch_transfer(st->w->world, st->model, s, node) ||
             kg_reference_note(st, node);

    if(s)
      librdf_free_stream(s);
    if(node)
      librdf_free_node(node);
    if(rc) {
      kg_error("cannot copy the graph <%s>", g->iri);
      return -1;
    }
    kg_meta_set(&st->meta, g->iri, g->source, g->triples, g->loaded);
    kg_info("copied <%s>", g->iri);
  }
  st->meta.issued = m->issued;
  st->meta.modified = m->modified;
  return 0;
}

/* Writes the new store of the old generation @gen in @tmp.  0, or -1
 * reported. */
static int
convert(struct kg_world *w, const char *gen, const char *tmp)
{
  struct kg_meta m;
  librdf_storage *os = NULL;
  librdf_model *om = NULL;
  struct kg_store *st = NULL;
  int code, rc = -1;

  kg_meta_init(&m);
  if(read_meta(&m, gen) || open_old(w, gen, &os, &om))
    goto out;
  st = kg_store_open_write(w, tmp, NULL, 0, &code);
  if(!st || copy_graphs(st, om, &m))
    goto out;
  rc = kg_store_commit(st) == KG_EXIT_OK ? 0 : -1;
  st = NULL;
out:
  kg_store_close(st);
  if(om)
    librdf_free_model(om);
  if(os)
    librdf_free_storage(os);
  kg_meta_release(&m);
  return rc;
}

/* Moves the new store of @tmp into @dir and removes the old files.
 * 0, or -1 reported. */
static int
switch_over(const char *dir, const char *tmp)
{
  char *from = kg_files_path_join(tmp, "data.mdb");
  char *to = kg_files_path_join(dir, "data.mdb");
  int rc = rename(from, to);

  if(rc)
    kg_error("cannot move '%s' to '%s': %s", from, to, strerror(errno));
  else
    kg_files_fsync(dir, 1);
  free(from);
  free(to);
  if(rc)
    return -1;
  kg_files_remove_tree(tmp);
  kg_files_remove_legacy(dir);
  return 0;
}

int
kg_store_upgrade(struct kg_world *w, const char *dir, int *code)
{
  char *lock = kg_files_path_join(dir, "lock");
  char *tmp = kg_files_path_join(dir, "upgrade.tmp");
  char *cur = NULL, *gen = NULL;
  int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  int bad = 0;

  *code = KG_EXIT_SYS;
  if(fd < 0 || kg_lock_take(dir, fd, -1, code))
    goto out;
  *code = KG_EXIT_SYS;
  if(kg_kv_exists(dir)) {
    kg_files_remove_legacy(dir);      /* what a killed upgrade left */
    kg_warn("store '%s' is already in the current format", dir);
    *code = KG_EXIT_OK;
    goto out;
  }
  cur = kg_files_read_current(dir, &bad);
  if(!cur) {
    kg_error(bad ? "store '%s' is damaged: unreadable CURRENT"
                 : "store '%s' has no old-format store to convert", dir);
    *code = KG_EXIT_DATA;
    goto out;
  }
  gen = kg_files_path_join(dir, cur);
  kg_files_remove_tree(tmp);          /* left by an interrupted upgrade */
  if(!convert(w, gen, tmp) && !switch_over(dir, tmp))
    *code = KG_EXIT_OK;
  else
    kg_files_remove_tree(tmp);
out:
  if(fd < 0)
    kg_error("cannot open store '%s': %s", dir, strerror(errno));
  else
    close(fd);
  free(lock);
  free(tmp);
  free(cur);
  free(gen);
  return *code;
}
