/* terms.c - the store's term dictionary (see terms.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>

#include "base/diag.h"
#include "store/terms.h"

void
kg_terms_init(struct kg_terms *t, struct kg_kv *kv, librdf_world *w)
{
  memset(t, 0, sizeof(*t));
  t->kv = kv;
  t->world = w;
  kg_hash_init(&t->cache);
  kg_buf_init(&t->enc);
  t->nslots = KG_TERMS_NODES_MIN;
  t->slots = kg_xcalloc(t->nslots, sizeof(*t->slots));
  t->back = kg_xcalloc(t->nslots, sizeof(*t->back));
}

/* The back slot of node address @n. */
static struct kg_terms_slot *
back_slot(struct kg_terms *t, const librdf_node *n)
{
  uintptr_t h = (uintptr_t)n;

  h ^= h >> 17;
  h *= 0x9e3779b1u;
  return &t->back[(h >> 7) & (t->nslots - 1)];
}

/* Frees the node of slot @s and forgets its address. */
static void
drop_slot(struct kg_terms *t, struct kg_terms_slot *s)
{
  struct kg_terms_slot *b;

  if(!s->node)
    return;
  b = back_slot(t, s->node);
  if(b->node == s->node)
    b->node = NULL;
  librdf_free_node(s->node);
  s->node = NULL;
  s->id = 0;
}

/* Drops the nodes of the slots ever filled (not the whole table: a
 * command that read ten terms does not walk a million slots). */
static void
clear_slots(struct kg_terms *t)
{
  size_t i;

  for(i = 0; i < t->nfilled; i++)
    drop_slot(t, &t->slots[t->filled[i]]);
  t->nfilled = 0;
}

/* Slot @s (maybe filled) now holds @node (owned) for @id. */
static void
fill_slot(struct kg_terms *t, struct kg_terms_slot *s, uint32_t id,
          librdf_node *node)
{
  if(s->node) {
    drop_slot(t, s);
  } else {
    KG_GROW(t->filled, t->filled_cap, t->nfilled + 1);
    t->filled[t->nfilled++] = (uint32_t)(s - t->slots);
  }
  s->id = id;
  s->node = node;
  *back_slot(t, node) = *s;
}

/* Four times as many slots, when more nodes were evicted than an eighth
 * of the slots: a query that reads a million terms gets a table its size, one
 * that reads a thousand does not touch 32 MB. */
static void
grow_slots(struct kg_terms *t)
{
  struct kg_terms_slot *old = t->slots;
  uint32_t *filled = t->filled;
  size_t n = t->nfilled;
  size_t i;

  free(t->back);
  t->nslots *= 4;
  t->slots = kg_xcalloc(t->nslots, sizeof(*t->slots));
  t->back = kg_xcalloc(t->nslots, sizeof(*t->back));
  t->filled = NULL;
  t->nfilled = t->filled_cap = 0;
  t->evicted = 0;
  for(i = 0; i < n; i++) {
    struct kg_terms_slot *o = &old[filled[i]];
    struct kg_terms_slot *s;

    if(!o->node)
      continue;
    s = &t->slots[o->id & (t->nslots - 1)];
    if(s->node)
      librdf_free_node(o->node);     /* two ids met again: keep one */
    else
      fill_slot(t, s, o->id, o->node);
  }
  free(old);
  free(filled);
}

void
kg_terms_forget(struct kg_terms *t)
{
  kg_hash_release(&t->cache);
  kg_hash_init(&t->cache);
  clear_slots(t);
  t->next = 0;
}

void
kg_terms_renew(struct kg_terms *t)
{
  kg_hash_release(&t->cache);
  kg_hash_init(&t->cache);
  t->next = 0;
}

void
kg_terms_release(struct kg_terms *t)
{
  if(t->slots)
    clear_slots(t);
  free(t->slots);
  free(t->back);
  free(t->filled);
  kg_hash_release(&t->cache);
  kg_buf_release(&t->enc);
  memset(t, 0, sizeof(*t));
}

static void
add_u32(struct kg_buf *b, uint32_t v)
{
  unsigned char x[4];

  x[0] = (unsigned char)(v >> 24);
  x[1] = (unsigned char)(v >> 16);
  x[2] = (unsigned char)(v >> 8);
  x[3] = (unsigned char)v;
  kg_buf_add(b, x, 4);
}

/* t->enc = the encoding of @node.  0, or -1 for a node of no known kind. */
static int
encode(struct kg_terms *t, librdf_node *node, uint32_t graph)
{
  struct kg_buf *b = &t->enc;
  unsigned char *s;
  size_t len;

  kg_buf_reset(b);
  if(librdf_node_is_resource(node)) {
    s = librdf_uri_as_counted_string(librdf_node_get_uri(node), &len);
    kg_buf_addc(b, 'U');
    kg_buf_add(b, s, len);
  } else if(librdf_node_is_blank(node)) {
    char pre[24];

    s = librdf_node_get_counted_blank_identifier(node, &len);
    kg_buf_addc(b, 'B');
    snprintf(pre, sizeof pre, "g%lu_", (unsigned long)graph);
    if(graph && strncmp((const char *)s, pre, strlen(pre)))
      kg_buf_adds(b, pre);
    kg_buf_add(b, s, len);
  } else if(librdf_node_is_literal(node)) {
    const char *lang = librdf_node_get_literal_value_language(node);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(node);

    s = librdf_node_get_literal_value_as_counted_string(node, &len);
    kg_buf_addc(b, 'L');
    kg_buf_addc(b, lang && *lang ? '@' : dt ? '^' : '-');
    add_u32(b, (uint32_t)len);
    kg_buf_add(b, s, len);
    if(lang && *lang)
      kg_buf_adds(b, lang);
    else if(dt)
      kg_buf_adds(b, (const char *)librdf_uri_as_string(dt));
  } else {
    return -1;
  }
  return 0;
}

/* The t2i key of the encoding in t->enc, in @key (at least 17 bytes
 * when long). */
static MDB_val
t2i_key(struct kg_terms *t, unsigned char *digest)
{
  MDB_val k;

  if(t->enc.len <= KG_TERMS_INLINE) {
    k.mv_data = t->enc.s;
    k.mv_size = t->enc.len;
  } else {
    struct sha256_ctx h;
    unsigned char d[SHA256_DIGEST_SIZE];

    sha256_init(&h);
    sha256_update(&h, t->enc.len, (const uint8_t *)t->enc.s);
    sha256_digest(&h, sizeof d, d);
    digest[0] = '#';
    memcpy(digest + 1, d, 16);
    k.mv_data = digest;
    k.mv_size = 17;
  }
  return k;
}

/* 1 if id @id's encoding is t->enc.  -1 reported. */
static int
same_term(struct kg_terms *t, uint32_t id)
{
  MDB_val k, v;
  int rc;

  k.mv_data = &id;
  k.mv_size = sizeof(id);
  rc = mdb_get(t->kv->txn, t->kv->i2t, &k, &v);
  if(rc)
    return kg_kv_fail(t->kv, rc, "read a term");
  return v.mv_size == t->enc.len && !memcmp(v.mv_data, t->enc.s, v.mv_size);
}

/* Looks t->enc up in t2i.  1 and *id, 0 absent, -1 reported. */
static int
lookup(struct kg_terms *t, uint32_t *id)
{
  unsigned char digest[17];
  MDB_val k = t2i_key(t, digest);
  MDB_cursor *c;
  MDB_val v;
  int rc, found = 0;

  rc = mdb_cursor_open(t->kv->txn, t->kv->t2i, &c);
  if(rc)
    return kg_kv_fail(t->kv, rc, "read the terms");
  rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
  while(!rc && !found) {
    uint32_t cand;

    memcpy(&cand, v.mv_data, sizeof(cand));
    found = k.mv_size == 17 && *(unsigned char *)k.mv_data == '#'
      ? same_term(t, cand) : 1;
    if(found == 1)
      *id = cand;
    else if(found == 0)
      rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP);
  }
  mdb_cursor_close(c);
  if(found < 0)
    return -1;
  if(rc && rc != MDB_NOTFOUND)
    return kg_kv_fail(t->kv, rc, "read the terms");
  return found;
}

/* Remembers encoding t->enc as term @id. */
static void
remember(struct kg_terms *t, uint32_t id)
{
  size_t v = id;

  if(t->cache.n >= KG_TERMS_CACHE) {
    kg_hash_release(&t->cache);
    kg_hash_init(&t->cache);
  }
  kg_hash_put(&t->cache, t->enc.s, t->enc.len, &v);
}

int
kg_terms_find(struct kg_terms *t, librdf_node *node, uint32_t graph,
              uint32_t *id)
{
  struct kg_terms_slot *b = back_slot(t, node);
  size_t v;
  int rc;

  if(b->node == node) {
    *id = b->id;
    return 1;
  }
  if(encode(t, node, graph))
    return 0;
  if(kg_hash_get(&t->cache, t->enc.s, t->enc.len, &v)) {
    *id = (uint32_t)v;
    return 1;
  }
  rc = lookup(t, id);
  if(rc == 1)
    remember(t, *id);
  return rc;
}

/* Writes t->enc as the new term *id.  0, or -1 reported. */
static int
insert(struct kg_terms *t, uint32_t *id)
{
  unsigned char digest[17];
  MDB_val k, v;
  int rc;

  if(!t->next)
    t->next = kg_kv_last_id(t->kv, t->kv->i2t) + 1;
  if(t->next == UINT32_MAX) {
    kg_error("store '%s' holds the most terms it can (%lu)", t->kv->dir,
             (unsigned long)UINT32_MAX - 1);
    return -1;
  }
  *id = t->next;
  k.mv_data = id;
  k.mv_size = sizeof(*id);
  v.mv_data = t->enc.s;
  v.mv_size = t->enc.len;
  rc = mdb_put(t->kv->txn, t->kv->i2t, &k, &v, MDB_APPEND);
  if(!rc) {
    k = t2i_key(t, digest);
    v.mv_data = id;
    v.mv_size = sizeof(*id);
    rc = mdb_put(t->kv->txn, t->kv->t2i, &k, &v, 0);
  }
  if(rc)
    return kg_kv_fail(t->kv, rc, "add a term");
  t->next++;
  return 0;
}

int
kg_terms_intern(struct kg_terms *t, librdf_node *node, uint32_t graph,
                uint32_t *id)
{
  size_t v;
  int rc;

  if(encode(t, node, graph)) {
    kg_error("cannot store a term of unknown kind");
    return -1;
  }
  if(kg_hash_get(&t->cache, t->enc.s, t->enc.len, &v)) {
    *id = (uint32_t)v;
    return 0;
  }
  rc = lookup(t, id);
  if(rc < 0)
    return -1;
  if(!rc && insert(t, id))
    return -1;
  remember(t, *id);
  return 0;
}

static uint32_t
get_u32(const unsigned char *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         p[3];
}

/* A new node from encoding @p (@n bytes), or NULL. */
static librdf_node *
decode(struct kg_terms *t, const unsigned char *p, size_t n)
{
  if(n >= 1 && p[0] == 'U')
    return librdf_new_node_from_counted_uri_string(t->world, p + 1, n - 1);
  if(n >= 1 && p[0] == 'B')
    return librdf_new_node_from_counted_blank_identifier(t->world, p + 1,
                                                         n - 1);
  if(n >= 6 && p[0] == 'L') {
    uint32_t len = get_u32(p + 2);
    const unsigned char *rest = p + 6 + len;
    size_t nrest;
    librdf_uri *dt = NULL;
    librdf_node *node;
    char lang[64];

    if(len > n - 6)
      return NULL;
    nrest = n - 6 - len;
    /* librdf 1.0.17 reads the tag up to its NUL, whatever its length */
    if(p[1] == '@' && nrest >= sizeof lang)
      return NULL;
    memcpy(lang, rest, p[1] == '@' ? nrest : 0);
    lang[p[1] == '@' ? nrest : 0] = '\0';
    if(p[1] == '^' && !(dt = librdf_new_uri2(t->world, rest, nrest)))
      return NULL;
    node = librdf_new_node_from_typed_counted_literal(
      t->world, p + 6, len, p[1] == '@' ? lang : NULL,
      p[1] == '@' ? nrest : 0, dt);
    if(dt)
      librdf_free_uri(dt);
    return node;
  }
  return NULL;
}

librdf_node *
kg_terms_node(struct kg_terms *t, uint32_t id)
{
  struct kg_terms_slot *s = &t->slots[id & (t->nslots - 1)];
  librdf_node *node;
  MDB_val k, v;
  int rc;

  if(s->node && s->id == id)
    return librdf_new_node_from_node(s->node);
  k.mv_data = &id;
  k.mv_size = sizeof(id);
  rc = mdb_get(t->kv->txn, t->kv->i2t, &k, &v);
  if(rc) {
    kg_kv_fail(t->kv, rc == MDB_NOTFOUND ? MDB_CORRUPTED : rc, "read a term");
    return NULL;
  }
  node = decode(t, v.mv_data, v.mv_size);
  if(!node) {
    kg_error("store '%s' is damaged: term %lu cannot be read", t->kv->dir,
             (unsigned long)id);
    t->kv->failed = 1;
    return NULL;
  }
  if(s->node && ++t->evicted > t->nslots / 8 && t->nslots < KG_TERMS_NODES_MAX) {
    grow_slots(t);
    s = &t->slots[id & (t->nslots - 1)];
  }
  fill_slot(t, s, id, node);
  return librdf_new_node_from_node(node);
}

/* 1 if t2i maps the key of t->enc to @id (among its duplicates), 0 if
 * not, -1 reported. */
static int
maps_to(struct kg_terms *t, uint32_t id)
{
  unsigned char digest[17];
  MDB_val k = t2i_key(t, digest);
  MDB_cursor *c;
  MDB_val v;
  int rc;

  v.mv_data = &id;
  v.mv_size = sizeof(id);
  rc = mdb_cursor_open(t->kv->txn, t->kv->t2i, &c);
  if(!rc) {
    rc = mdb_cursor_get(c, &k, &v, MDB_GET_BOTH);
    mdb_cursor_close(c);
  }
  if(rc == MDB_NOTFOUND)
    return 0;
  return rc ? kg_kv_fail(t->kv, rc, "read the terms") : 1;
}

int
kg_terms_verify(struct kg_terms *t, uint32_t id, const void *enc, size_t n)
{
  librdf_node *node = decode(t, enc, n);
  int rc;

  if(!node)
    return KG_TERMS_UNREADABLE;
  librdf_free_node(node);
  kg_buf_reset(&t->enc);
  kg_buf_add(&t->enc, enc, n);
  rc = maps_to(t, id);
  return rc < 0 ? -1 : rc ? 0 : KG_TERMS_UNMAPPED;
}
