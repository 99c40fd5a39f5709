/* storage.c - the librdf storage factory "mednum-lmdb" (see storage.h).
 *
 * librdf calls these functions; they turn nodes into ids (terms.c), and
 * patterns into range scans (quads.c), and ids back into nodes for the
 * statements the streams give.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "store/storage.h"

#include <rdf_storage_module.h>     /* after redland.h, which it needs */

struct kg_storage *
kg_storage_of(librdf_storage *storage)
{
  return (struct kg_storage *)librdf_storage_get_instance(storage);
}

/* ------------------------------------------------------------ life */

static int
st_init(librdf_storage *storage, const char *name, librdf_hash *options)
{
  struct kg_storage *s = kg_xcalloc(1, sizeof(*s));
  char *handle = options ? librdf_hash_get(options, "kv") : NULL;
  char *dir = options ? librdf_hash_get(options, "dir") : NULL;
  int write = options ? librdf_hash_get_as_boolean(options, "write") : 0;
  void *p = NULL;
  int code;

  librdf_storage_set_instance(storage, s);
  s->world = librdf_storage_get_world(storage);
  if(handle && sscanf(handle, "%p", &p) == 1)
    s->kv = p;
  else
    s->kv = kg_kv_open(dir ? dir : name, write > 0, &code);
  if(handle)
    librdf_free_memory(handle);
  if(dir)
    librdf_free_memory(dir);
  if(options)
    librdf_free_hash(options);
  if(!s->kv)
    return 1;
  kg_terms_init(&s->terms, s->kv, s->world);
  kg_quads_init(&s->quads, s->kv);
  return 0;
}

static void
st_terminate(librdf_storage *storage)
{
  struct kg_storage *s = kg_storage_of(storage);

  if(!s)
    return;
  if(s->kv && s->kv->write && s->kv->txn)
    kg_storage_commit(s);
  kg_terms_release(&s->terms);
  kg_quads_release(&s->quads);
  kg_kv_free(s->kv);
  free(s);
}

static int
st_open(librdf_storage *storage, librdf_model *model)
{
  (void)storage;
  (void)model;
  return 0;
}

static int
st_close(librdf_storage *storage)
{
  (void)storage;
  return 0;
}

int
kg_storage_commit(struct kg_storage *s)
{
  if(kg_quads_flush(&s->quads)) {
    kg_storage_abort(s);
    return -1;
  }
  kg_quads_forget(&s->quads);   /* its cursors go before the transaction */
  if(kg_kv_commit(s->kv)) {
    kg_terms_forget(&s->terms);
    return -1;
  }
  return 0;
}

void
kg_storage_abort(struct kg_storage *s)
{
  kg_quads_forget(&s->quads);   /* its cursors go before the transaction */
  kg_kv_abort(s->kv);
  kg_terms_forget(&s->terms);
}

static int
st_sync(librdf_storage *storage)
{
  return kg_quads_flush(&kg_storage_of(storage)->quads) ? 1 : 0;
}

static int
st_transaction_start(librdf_storage *storage)
{
  struct kg_storage *s = kg_storage_of(storage);

  return s->kv->write && s->kv->txn ? 0 : 1;
}

static int
st_transaction_commit(librdf_storage *storage)
{
  return kg_storage_commit(kg_storage_of(storage)) ? 1 : 0;
}

static int
st_transaction_rollback(librdf_storage *storage)
{
  kg_storage_abort(kg_storage_of(storage));
  return 0;
}

/* ------------------------------------------------------------ ids */

int
kg_storage_graph_id(struct kg_storage *s, librdf_node *node, int create,
                    uint32_t *id)
{
  if(create)
    return kg_terms_intern(&s->terms, node, 0, id) ? -1 : 1;
  return kg_terms_find(&s->terms, node, 0, id);
}

/* The quad pattern of @st in graph @g: 1, 0 when a term is not in the
 * store (nothing can match), -1 reported. */
static int
pattern(struct kg_storage *s, librdf_statement *st, uint32_t g,
        struct kg_quad *x)
{
  librdf_node *n[3];
  int i, rc;

  memset(x, 0, sizeof(*x));
  x->t[KG_G] = g;
  n[0] = st ? librdf_statement_get_subject(st) : NULL;
  n[1] = st ? librdf_statement_get_predicate(st) : NULL;
  n[2] = st ? librdf_statement_get_object(st) : NULL;
  for(i = 0; i < 3; i++) {
    if(!n[i])
      continue;
    rc = kg_terms_find(&s->terms, n[i], g, &x->t[i]);
    if(rc <= 0)
      return rc;
  }
  return 1;
}

/* The ids of @st in graph @g, added when new.  0, or -1 reported. */
static int
intern_statement(struct kg_storage *s, librdf_statement *st, uint32_t g,
                 struct kg_quad *x)
{
  x->t[KG_G] = g;
  if(kg_terms_intern(&s->terms, librdf_statement_get_subject(st), g,
                     &x->t[KG_S]) ||
     kg_terms_intern(&s->terms, librdf_statement_get_predicate(st), g,
                     &x->t[KG_P]) ||
     kg_terms_intern(&s->terms, librdf_statement_get_object(st), g,
                     &x->t[KG_O]))
    return -1;
  return 0;
}

/* ------------------------------------------------------------ writes */

/* 1 if @s has a write transaction, else 0 reported. */
static int
writable(struct kg_storage *s)
{
  if(s->kv->write && s->kv->txn)
    return 1;
  kg_error("store '%s' is open for reading only", s->kv->dir);
  return 0;
}

static int
st_context_add_statement(librdf_storage *storage, librdf_node *context,
                         librdf_statement *st)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct kg_quad x;
  uint32_t g = 0;

  if(!writable(s) || !librdf_statement_is_complete(st))
    return 1;
  if(context && kg_storage_graph_id(s, context, 1, &g) < 0)
    return 1;
  if(intern_statement(s, st, g, &x) || kg_quads_add(&s->quads, &x))
    return 1;
  return 0;
}

static int
st_add_statement(librdf_storage *storage, librdf_statement *st)
{
  return st_context_add_statement(storage, NULL, st);
}

static int
st_context_add_statements(librdf_storage *storage, librdf_node *context,
                          librdf_stream *stream)
{
  for(; !librdf_stream_end(stream); librdf_stream_next(stream))
    if(st_context_add_statement(storage, context,
                                librdf_stream_get_object(stream)))
      return 1;
  return 0;
}

static int
st_add_statements(librdf_storage *storage, librdf_stream *stream)
{
  return st_context_add_statements(storage, NULL, stream);
}

static int
st_context_remove_statement(librdf_storage *storage, librdf_node *context,
                            librdf_statement *st)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct kg_quad x;
  uint32_t g = 0;
  int rc;

  if(!writable(s))
    return 1;
  if(context && (rc = kg_storage_graph_id(s, context, 0, &g)) <= 0)
    return rc < 0;
  rc = pattern(s, st, g, &x);
  if(rc <= 0)
    return rc < 0;
  return kg_quads_remove(&s->quads, &x) ? 1 : 0;
}

static int
st_remove_statement(librdf_storage *storage, librdf_statement *st)
{
  return st_context_remove_statement(storage, NULL, st);
}

static int
st_context_remove_statements(librdf_storage *storage, librdf_node *context)
{
  struct kg_storage *s = kg_storage_of(storage);
  uint32_t g = 0;
  int rc;

  if(!writable(s))
    return 1;
  if(context && (rc = kg_storage_graph_id(s, context, 0, &g)) <= 0)
    return rc < 0;
  return kg_quads_drop_graph(&s->quads, g, NULL) ? 1 : 0;
}

/* ------------------------------------------------------------ streams */

/* A stream of statements, or (graphs_only) an iterator of graphs. */
struct scan_stream {
  struct kg_storage *s;
  struct kg_scan scan;
  int opened;
  int graphs_only;
  int end;
  librdf_statement *st;         /* the current statement, owned */
  librdf_node *ctx;             /* its graph, owned, or NULL */
};

static void
drop_current(struct scan_stream *ss)
{
  if(ss->st)
    librdf_free_statement(ss->st);
  if(ss->ctx)
    librdf_free_node(ss->ctx);
  ss->st = NULL;
  ss->ctx = NULL;
}

/* Moves to the next match and makes its statement.  0, or -1 (the stream
 * then ends; reported). */
static int
advance(struct scan_stream *ss)
{
  struct kg_terms *t = &ss->s->terms;
  const uint32_t *id = ss->scan.cur_quad.t;
  librdf_node *n[3];
  int rc, i;

  drop_current(ss);
  rc = kg_scan_next(&ss->scan);
  if(rc <= 0) {
    ss->end = 1;
    return rc;
  }
  if(ss->graphs_only) {
    ss->ctx = kg_terms_node(t, id[KG_G]);
    ss->end = !ss->ctx;
    return ss->ctx ? 0 : -1;
  }
  for(i = 0; i < 3; i++)
    n[i] = kg_terms_node(t, id[i]);
  if(id[KG_G])
    ss->ctx = kg_terms_node(t, id[KG_G]);
  if(n[0] && n[1] && n[2] && (ss->ctx || !id[KG_G]))
    ss->st = librdf_new_statement_from_nodes(ss->s->world, n[0], n[1], n[2]);
  else
    for(i = 0; i < 3; i++)
      if(n[i])
        librdf_free_node(n[i]);
  if(!ss->st) {
    ss->end = 1;
    return -1;
  }
  return 0;
}

static int
ss_end(void *ctx)
{
  return ((struct scan_stream *)ctx)->end;
}

static int
ss_next(void *ctx)
{
  struct scan_stream *ss = ctx;

  if(!ss->end)
    advance(ss);
  return ss->end;
}

static void *
ss_get(void *ctx, int flags)
{
  struct scan_stream *ss = ctx;

  if(flags == LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT)
    return ss->graphs_only ? (void *)ss->ctx : (void *)ss->st;
  if(flags == LIBRDF_ITERATOR_GET_METHOD_GET_CONTEXT)
    return ss->ctx;
  return NULL;
}

static void
ss_finished(void *ctx)
{
  struct scan_stream *ss = ctx;

  drop_current(ss);
  if(ss->opened)
    kg_scan_close(&ss->scan);
  free(ss);
}

/* A stream over the quads matching @x (@any_graph: in any graph, each
 * triple once); @nothing: an empty stream. */
static librdf_stream *
new_stream(struct kg_storage *s, const struct kg_quad *x, int any_graph,
           int nothing)
{
  struct scan_stream *ss = kg_xcalloc(1, sizeof(*ss));

  ss->s = s;
  ss->end = 1;
  if(!nothing) {
    if(kg_scan_open(&ss->scan, &s->quads, x, any_graph)) {
      free(ss);
      return NULL;
    }
    ss->opened = 1;
    ss->end = 0;
    advance(ss);
  }
  return librdf_new_stream(s->world, ss, ss_end, ss_next, ss_get,
                           ss_finished);
}

static librdf_stream *
st_find_statements(librdf_storage *storage, librdf_statement *st)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct kg_quad x;
  int rc = pattern(s, st, 0, &x);

  return rc < 0 ? NULL : new_stream(s, &x, 1, rc == 0);
}

static librdf_stream *
st_find_statements_in_context(librdf_storage *storage, librdf_statement *st,
                              librdf_node *context)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct kg_quad x;
  uint32_t g = 0;
  int rc;

  if(!context)
    return st_find_statements(storage, st);
  rc = kg_storage_graph_id(s, context, 0, &g);
  if(rc > 0)
    rc = pattern(s, st, g, &x);
  return rc < 0 ? NULL : new_stream(s, &x, 0, rc == 0);
}

static librdf_stream *
st_serialise(librdf_storage *storage)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct kg_quad x;

  memset(&x, 0, sizeof(x));
  return new_stream(s, &x, 0, 0);
}

static librdf_stream *
st_context_serialise(librdf_storage *storage, librdf_node *context)
{
  return st_find_statements_in_context(storage, NULL, context);
}

static int
st_contains_statement(librdf_storage *storage, librdf_statement *st)
{
  librdf_stream *str = st_find_statements(storage, st);
  int found = str && !librdf_stream_end(str);

  if(str)
    librdf_free_stream(str);
  return found;
}

static int
st_size(librdf_storage *storage)
{
  long n = kg_quads_size(&kg_storage_of(storage)->quads);

  return n < 0 ? -1 : (int)n;
}

/* ------------------------------------------------------------ graphs */

static librdf_iterator *
st_get_contexts(librdf_storage *storage)
{
  struct kg_storage *s = kg_storage_of(storage);
  struct scan_stream *ss = kg_xcalloc(1, sizeof(*ss));

  ss->s = s;
  ss->graphs_only = 1;
  if(kg_scan_graphs(&ss->scan, &s->quads)) {
    free(ss);
    return NULL;
  }
  ss->opened = 1;
  advance(ss);
  return librdf_new_iterator(s->world, ss, ss_end, ss_next, ss_get,
                             ss_finished);
}

static librdf_node *
st_get_feature(librdf_storage *storage, librdf_uri *feature)
{
  const char *f = (const char *)librdf_uri_as_string(feature);

  if(strcmp(f, LIBRDF_MODEL_FEATURE_CONTEXTS) &&
     strcmp(f, KG_FEATURE_QUAD_INDEXES))
    return NULL;
  return librdf_new_node_from_typed_literal(librdf_storage_get_world(storage),
                                            (const unsigned char *)"1", NULL,
                                            NULL);
}

/* ------------------------------------------------------------ factory */

static void
st_factory(librdf_storage_factory *f)
{
  f->version = LIBRDF_STORAGE_INTERFACE_VERSION;
  f->init = st_init;
  f->terminate = st_terminate;
  f->open = st_open;
  f->close = st_close;
  f->size = st_size;
  f->add_statement = st_add_statement;
  f->add_statements = st_add_statements;
  f->remove_statement = st_remove_statement;
  f->contains_statement = st_contains_statement;
  f->serialise = st_serialise;
  f->find_statements = st_find_statements;
  f->context_add_statement = st_context_add_statement;
  f->context_add_statements = st_context_add_statements;
  f->context_remove_statement = st_context_remove_statement;
  f->context_remove_statements = st_context_remove_statements;
  f->context_serialise = st_context_serialise;
  f->find_statements_in_context = st_find_statements_in_context;
  f->get_contexts = st_get_contexts;
  f->get_feature = st_get_feature;
  f->sync = st_sync;
  f->transaction_start = st_transaction_start;
  f->transaction_commit = st_transaction_commit;
  f->transaction_rollback = st_transaction_rollback;
}

int
kg_storage_register(librdf_world *world)
{
  /* librdf 1.0.17 ignores a second registration of a name */
  return librdf_storage_register_factory(world, KG_STORAGE_NAME,
                                         "mednum-kg LMDB store",
                                         st_factory) ? -1 : 0;
}

librdf_storage *
kg_storage_new(librdf_world *world, struct kg_kv *kv)
{
  struct kg_buf opts = KG_BUF_INIT;
  librdf_storage *storage;

  if(kg_storage_register(world)) {
    kg_error("cannot register the store with librdf");
    kg_kv_free(kv);
    return NULL;
  }
  kg_buf_addf(&opts, "kv='%p'", (void *)kv);
  storage = librdf_new_storage(world, KG_STORAGE_NAME, kv->dir, opts.s);
  kg_buf_release(&opts);
  if(!storage)
    kg_error("cannot open the store in '%s'", kv->dir);
  return storage;
}
