/* reference.c - mnid:graph/reference: the descriptions (labels, parents)
 * of the concepts and territories the report graphs name.
 *
 * Which graph names which concept or territory is kept as the graphs are
 * loaded and removed (the uses and usedby tables, kv.h), so the set the
 * reference graph must describe is read without reading the store.  The
 * graph is rebuilt only when that set changed since it was last built
 * (info "reference-of" holds the SHA-256 of the set); its size depends on
 * the set (at most the registry and the gazetteer), not on the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/world.h"
#include "store/store_int.h"

/* 1 if @node is a concept or a territory IRI. */
static int
describable(struct kg_store *st, librdf_node *node)
{
  const char *u;
  size_t nb = strlen(st->w->base);

  if(!librdf_node_is_resource(node))
    return 0;
  u = (const char *)librdf_uri_as_string(librdf_node_get_uri(node));
  if(!strncmp(u, KG_NS_MNC, strlen(KG_NS_MNC)))
    return 1;
  return !strncmp(u, st->w->base, nb) && !strncmp(u + nb, "territoire/", 11);
}

/* Adds (@a, @b) to table @dbi.  0, or an LMDB error. */
static int
put_pair(struct kg_kv *kv, MDB_dbi dbi, uint32_t a, uint32_t b)
{
  MDB_val k, v;
  int rc;

  k.mv_data = &a;
  k.mv_size = sizeof(a);
  v.mv_data = &b;
  v.mv_size = sizeof(b);
  rc = mdb_put(kv->txn, dbi, &k, &v, MDB_NODUPDATA);
  return rc == MDB_KEYEXIST ? 0 : rc;
}

/* Forgets what graph @g named.  0, or an LMDB error. */
static int
forget_uses(struct kg_kv *kv, uint32_t g)
{
  MDB_cursor *c;
  MDB_val k, v;
  int rc;

  rc = mdb_cursor_open(kv->txn, kv->uses, &c);
  if(rc)
    return rc;
  k.mv_data = &g;
  k.mv_size = sizeof(g);
  for(rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY); !rc;
      rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
    MDB_val k2, v2;
    int r2;

    k2 = v;
    v2.mv_data = &g;
    v2.mv_size = sizeof(g);
    r2 = mdb_del(kv->txn, kv->usedby, &k2, &v2);
    if(r2 && r2 != MDB_NOTFOUND) {
      rc = r2;
      break;
    }
  }
  mdb_cursor_close(c);
  if(rc && rc != MDB_NOTFOUND)
    return rc;
  k.mv_data = &g;
  k.mv_size = sizeof(g);
  rc = mdb_del(kv->txn, kv->uses, &k, NULL);
  return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Records the concepts and territories graph @g names.  0, or -1
 * reported. */
static int
note_uses(struct kg_store *st, uint32_t g)
{
  struct kg_storage *s = st->lm;
  struct kg_scan sc;
  struct kg_quad pat;
  struct kg_hash seen;
  int rc = 0, err = 0;

  memset(&pat, 0, sizeof(pat));
  pat.t[KG_G] = g;
  if(kg_scan_open(&sc, &s->quads, &pat, 0))
    return -1;
  kg_hash_init(&seen);
  while(!err && (rc = kg_scan_next(&sc)) > 0) {
    uint32_t o = sc.cur_quad.t[KG_O];
    librdf_node *node;
    size_t v = 0;

    if(kg_hash_put(&seen, (const char *)&o, sizeof(o), &v))
      continue;
    node = kg_terms_node(&s->terms, o);
    if(!node) {
      err = 1;
      break;
    }
    if(describable(st, node)) {
      int r = put_pair(s->kv, s->kv->uses, g, o);

      if(!r)
        r = put_pair(s->kv, s->kv->usedby, o, g);
      if(r)
        err = kg_kv_fail(s->kv, r, "record what a graph names");
    }
    librdf_free_node(node);
  }
  kg_scan_close(&sc);
  kg_hash_release(&seen);
  return err || rc < 0 ? -1 : 0;
}

int
kg_reference_note(struct kg_store *st, librdf_node *g)
{
  char *ref = kg_load_reference_iri(st->w);
  uint32_t id;
  int rc, same;

  same = !strcmp((const char *)librdf_uri_as_string(librdf_node_get_uri(g)),
                 ref);
  free(ref);
  if(same)
    return 0;                   /* its own IRIs are not uses */
  rc = kg_storage_graph_id(st->lm, g, 0, &id);
  if(rc <= 0)
    return rc;
  rc = forget_uses(st->lm->kv, id);
  if(rc)
    return kg_kv_fail(st->lm->kv, rc, "record what a graph names");
  return note_uses(st, id);
}

/* ------------------------------------------------------------ rebuild */

/* Adds to @tmp one statement per concept or territory some graph names
 * (what the describer reads), and sets @digest to the SHA-256 of their
 * ids, in hex.  Returns how many, or -1 reported. */
static long
collect_used(struct kg_store *st, librdf_model *tmp, char *digest)
{
  struct kg_storage *s = st->lm;
  librdf_node *scratch = kg_world_iri(st->w, "urn:x-mednum-kg:scratch");
  librdf_node *subj = kg_world_iri(st->w, "urn:x-mednum-kg:store");
  librdf_node *pred = kg_world_iri(st->w, "urn:x-mednum-kg:uses");
  struct sha256_ctx h;
  unsigned char d[SHA256_DIGEST_SIZE];
  MDB_cursor *c = NULL;
  MDB_val k, v;
  long n = 0;
  int rc, i;

  sha256_init(&h);
  rc = mdb_cursor_open(s->kv->txn, s->kv->usedby, &c);
  for(rc = rc ? rc : mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc;
      rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP)) {
    uint32_t o;
    librdf_node *node;

    memcpy(&o, k.mv_data, sizeof(o));
    sha256_update(&h, sizeof(o), (const uint8_t *)&o);
    if(tmp) {
      node = kg_terms_node(&s->terms, o);
      if(!node || kg_rdf_add_copy(tmp, scratch, subj, pred, node)) {
        if(node)
          librdf_free_node(node);
        n = -1;
        break;
      }
      librdf_free_node(node);
    }
    n++;
  }
  if(c)
    mdb_cursor_close(c);
  if(n >= 0 && rc != MDB_NOTFOUND)
    n = kg_kv_fail(s->kv, rc, "read what the graphs name");
  sha256_digest(&h, sizeof d, d);
  for(i = 0; i < 16; i++)
    snprintf(digest + 2 * i, 3, "%02x", d[i]);
  librdf_free_node(scratch);
  librdf_free_node(subj);
  librdf_free_node(pred);
  return n;
}

/* Replaces graph @g of the store with graph @g of @tmp.  Its size, or
 * -1 reported. */
static long
replace_graph(struct kg_store *st, librdf_model *tmp, librdf_node *g)
{
  librdf_stream *s;
  uint32_t id;
  int rc;

  if(librdf_model_context_remove_statements(st->model, g))
    return -1;
  s = librdf_model_context_as_stream(tmp, g);
  if(!s) {
    kg_error("cannot read the reference graph");
    return -1;
  }
  rc = kg_batch_transfer(st->w->world, st->model, s, g);
  librdf_free_stream(s);
  if(rc || kg_storage_graph_id(st->lm, g, 1, &id) < 0)
    return -1;
  return kg_quads_graph_size(&st->lm->quads, id);
}

/* Drops the reference graph (no describer in this command). */
static int
drop_reference(struct kg_store *st, librdf_node *g, const char *ref)
{
  if(librdf_model_context_remove_statements(st->model, g))
    return -1;
  kg_meta_remove(&st->meta, ref);
  kg_info("no reference graph: this command has no extractor");
  return kg_kv_put_info(st->lm->kv, "reference-of", "");
}

/* Builds the reference graph for the used set in @tmp.  0, or -1. */
static int
build(struct kg_store *st, librdf_model *tmp, librdf_node *g,
      const char *ref, const char *digest, long used)
{
  long n;

  if(st->rd->reference(st->rd->arg, tmp))
    return -1;
  n = replace_graph(st, tmp, g);
  if(n < 0)
    return -1;
  kg_meta_remove(&st->meta, ref);
  if(n)
    kg_meta_set(&st->meta, ref, "", n, kg_store_now());
  kg_info("reference graph: %ld triples for %ld concepts and territories",
          n, used);
  return kg_kv_put_info(st->lm->kv, "reference-of", digest);
}

int
kg_store_refresh_reference(struct kg_store *st)
{
  char *ref = kg_load_reference_iri(st->w);
  librdf_node *g = kg_world_iri(st->w, ref);
  librdf_storage *tmp_storage = NULL;
  librdf_model *tmp = NULL;
  char digest[40], built[40] = "";
  long used;
  int rc = -1;

  if(!g)
    goto out;
  if(!st->rd || !st->rd->reference) {
    rc = drop_reference(st, g, ref);
    goto out;
  }
  if(collect_used(st, NULL, digest) < 0 ||
     kg_kv_get_info(st->lm->kv, "reference-of", built, sizeof built) < 0)
    goto out;
  if(!strcmp(digest, built)) {
    kg_info("reference graph: unchanged (the same concepts and territories)");
    rc = 0;
    goto out;
  }
  tmp = kg_world_new_memory_model(st->w, &tmp_storage);
  used = tmp ? collect_used(st, tmp, digest) : -1;
  if(used >= 0)
    rc = build(st, tmp, g, ref, digest, used);
out:
  if(rc)
    kg_error("cannot rebuild the reference graph");
  if(tmp)
    librdf_free_model(tmp);
  if(tmp_storage)
    librdf_free_storage(tmp_storage);
  if(g)
    librdf_free_node(g);
  free(ref);
  return rc;
}
