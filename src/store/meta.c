/* meta.c - what the store records about itself: its first and last load
 * and, per graph, where it came from, its size and when it was loaded.
 *
 * In memory a struct kg_meta, the graphs sorted by IRI; in the store the
 * info table ("issued", "modified") and the graphs table (graph id ->
 * "IRI\0source\0triples\0loaded").  A writer saves only the graphs it
 * changed, so a load costs the same in a store of ten or ten thousand
 * reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "store/store_int.h"

void
kg_meta_init(struct kg_meta *m)
{
  memset(m, 0, sizeof(*m));
  kg_hash_init(&m->touched);
}

void
kg_meta_release(struct kg_meta *m)
{
  size_t i;

  for(i = 0; i < m->n; i++) {
    free(m->graphs[i].iri);
    free(m->graphs[i].source);
  }
  free(m->graphs);
  kg_hash_release(&m->touched);
  kg_meta_init(m);
}

/* Index of @iri, or of where it would go (*found says which). */
static size_t
position(const struct kg_meta *m, const char *iri, int *found)
{
  size_t lo = 0, hi = m->n;

  *found = 0;
  while(lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(m->graphs[mid].iri, iri);

    if(!c) {
      *found = 1;
      return mid;
    }
    if(c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

struct kg_store_graph *
kg_meta_find(struct kg_meta *m, const char *iri)
{
  int found;
  size_t i = position(m, iri, &found);

  return found ? &m->graphs[i] : NULL;
}

void
kg_meta_set(struct kg_meta *m, const char *iri, const char *source,
            long triples, long long loaded)
{
  int found;
  size_t i = position(m, iri, &found);
  struct kg_store_graph *g;

  if(!found) {
    KG_GROW(m->graphs, m->cap, m->n + 1);
    memmove(&m->graphs[i + 1], &m->graphs[i],
            (m->n - i) * sizeof(*m->graphs));
    m->n++;
    m->graphs[i].iri = kg_xstrdup(iri);
  } else {
    free(m->graphs[i].source);
  }
  g = &m->graphs[i];
  g->source = kg_xstrdup(source ? source : "");
  g->triples = triples;
  g->loaded = loaded;
  kg_hash_add(&m->touched, iri);
}

int
kg_meta_remove(struct kg_meta *m, const char *iri)
{
  int found;
  size_t i = position(m, iri, &found);

  if(!found)
    return -1;
  free(m->graphs[i].iri);
  free(m->graphs[i].source);
  memmove(&m->graphs[i], &m->graphs[i + 1],
          (m->n - i - 1) * sizeof(*m->graphs));
  m->n--;
  kg_hash_add(&m->touched, iri);
  return 0;
}

/* ------------------------------------------------------------ in the store */

/* 1 if @s is a decimal integer (a sign allowed). */
static int
decimal(const char *s)
{
  if(*s == '-')
    s++;
  if(!*s)
    return 0;
  while(*s >= '0' && *s <= '9')
    s++;
  return !*s;
}

int
kg_meta_parse(const char *v, size_t n, struct kg_store_graph *g)
{
  const char *f[4];
  const char *p = v, *end = v + n;
  int k;

  for(k = 0; k < 4 && p < end; k++) {
    const char *z = memchr(p, '\0', (size_t)(end - p));

    if(!z)
      return -1;
    f[k] = p;
    p = z + 1;
  }
  if(k < 4 || p != end || !*f[0] || !decimal(f[2]) || !decimal(f[3]))
    return -1;
  g->iri = kg_xstrdup(f[0]);
  g->source = kg_xstrdup(f[1]);
  g->triples = strtol(f[2], NULL, 10);
  g->loaded = strtoll(f[3], NULL, 10);
  return 0;
}

/* Adds the record @v (@n bytes) to @m.  0, or -1 when malformed. */
static int
read_record(struct kg_meta *m, const char *v, size_t n)
{
  KG_GROW(m->graphs, m->cap, m->n + 1);       /* sorted by the caller */
  if(kg_meta_parse(v, n, &m->graphs[m->n]))
    return -1;
  m->n++;
  return 0;
}

static int
graph_cmp(const void *a, const void *b)
{
  const struct kg_store_graph *x = a, *y = b;

  return strcmp(x->iri, y->iri);
}

static long long
info_time(struct kg_kv *kv, const char *key, int *err)
{
  char v[32];
  int rc = kg_kv_get_info(kv, key, v, sizeof v);

  if(rc < 0)
    *err = 1;
  return rc ? 0 : strtoll(v, NULL, 10);
}

int
kg_meta_load(struct kg_meta *m, struct kg_storage *s)
{
  MDB_cursor *c;
  MDB_val k, v;
  int err = 0;
  int rc;

  m->issued = info_time(s->kv, "issued", &err);
  m->modified = info_time(s->kv, "modified", &err);
  if(err)
    return -1;
  rc = mdb_cursor_open(s->kv->txn, s->kv->graphs, &c);
  if(rc)
    return kg_kv_fail(s->kv, rc, "read the graphs");
  for(rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc;
      rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
    if(read_record(m, v.mv_data, v.mv_size)) {
      mdb_cursor_close(c);
      kg_error("store '%s' is damaged: data.mdb holds a graph record that "
               "cannot be read (see 'mednum-kg store check')", s->kv->dir);
      return -1;
    }
  }
  mdb_cursor_close(c);
  if(m->n)
    qsort(m->graphs, m->n, sizeof(*m->graphs), graph_cmp);
  return rc == MDB_NOTFOUND ? 0 : kg_kv_fail(s->kv, rc, "read the graphs");
}

/* Writes or deletes the record of graph @iri.  0, or -1 reported. */
static int
save_graph(struct kg_meta *m, struct kg_storage *s, const char *iri)
{
  const struct kg_store_graph *g = kg_meta_find(m, iri);
  librdf_node *node = librdf_new_node_from_uri_string(
    s->world, (const unsigned char *)iri);
  struct kg_buf rec = KG_BUF_INIT;
  uint32_t id = 0;
  MDB_val k, v;
  int rc;

  if(!node)
    return -1;
  rc = kg_storage_graph_id(s, node, g != NULL, &id);
  librdf_free_node(node);
  if(rc <= 0)
    return rc;
  k.mv_data = &id;
  k.mv_size = sizeof(id);
  if(!g) {
    rc = mdb_del(s->kv->txn, s->kv->graphs, &k, NULL);
    return rc && rc != MDB_NOTFOUND ? kg_kv_fail(s->kv, rc, "record a graph")
                                    : 0;
  }
  kg_buf_add(&rec, g->iri, strlen(g->iri) + 1);
  kg_buf_add(&rec, g->source, strlen(g->source) + 1);
  kg_buf_addf(&rec, "%ld", g->triples);
  kg_buf_addc(&rec, '\0');
  kg_buf_addf(&rec, "%lld", g->loaded);
  kg_buf_addc(&rec, '\0');
  v.mv_data = rec.s;
  v.mv_size = rec.len;
  rc = mdb_put(s->kv->txn, s->kv->graphs, &k, &v, 0);
  kg_buf_release(&rec);
  return rc ? kg_kv_fail(s->kv, rc, "record a graph") : 0;
}

int
kg_meta_save(struct kg_meta *m, struct kg_storage *s)
{
  char t[32];
  size_t i;

  for(i = 0; i < m->touched.cap; i++)
    if(m->touched.keys[i] && save_graph(m, s, m->touched.keys[i]))
      return -1;
  snprintf(t, sizeof t, "%lld", m->issued);
  if(kg_kv_put_info(s->kv, "issued", t))
    return -1;
  snprintf(t, sizeof t, "%lld", m->modified);
  return kg_kv_put_info(s->kv, "modified", t);
}
