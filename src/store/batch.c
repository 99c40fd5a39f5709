/* batch.c - a load's statements into the store, in sorted batches.
 *
 * Statements of one load are sorted before they go to the store: BDB's
 * default cache is small, and inserting in key order keeps the pages it
 * needs in that cache (50k triples: 0.8 s sorted, 1.8 s in hash order).
 * Sorting also makes duplicates adjacent, so they are dropped for free.
 * An input larger than KG_LOAD_BATCH is added batch by batch; duplicates
 * across batches are caught by their digests (digest.c).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "store/store_int.h"

void
kg_batch_add(struct kg_batch *b, librdf_statement *t)
{
  KG_GROW(b->v, b->cap, b->n + 1);
  b->v[b->n++] = t;
}

static void
batch_clear(struct kg_batch *b)
{
  size_t i;

  for(i = 0; i < b->n; i++)
    librdf_free_statement(b->v[i]);
  b->n = 0;
}

void
kg_batch_release(struct kg_batch *b)
{
  batch_clear(b);
  free(b->v);
  memset(b, 0, sizeof(*b));
}

static int
stmt_cmp(const void *a, const void *b)
{
  return raptor_statement_compare(*(const raptor_statement *const *)a,
                                  *(const raptor_statement *const *)b);
}

static void
sort_unique(struct kg_batch *b)
{
  size_t i, k;

  if(b->n)
    qsort(b->v, b->n, sizeof(*b->v), stmt_cmp);
  for(i = k = 0; i < b->n; i++) {
    if(k && !raptor_statement_compare(b->v[k - 1], b->v[i]))
      librdf_free_statement(b->v[i]);
    else
      b->v[k++] = b->v[i];
  }
  b->n = k;
}

/* A copy of literal @o in its one form: its language tag in lower case
 * (what rasqal compares with), "x"^^xsd:string as the simple literal "x"
 * (RDF 1.1 Concepts 3.3: one term, so a pattern 'x' matches it); NULL if
 * it needs no change. */
static librdf_node *
canonical_literal(librdf_world *w, librdf_node *o)
{
  char *lang;
  char tmp[64];
  size_t i, n;
  int upper = 0;
  librdf_uri *dt;

  if(!librdf_node_is_literal(o))
    return NULL;
  dt = librdf_node_get_literal_value_datatype_uri(o);
  if(dt && !strcmp((const char *)librdf_uri_as_string(dt),
                   KG_NS_XSD "string")) {
    size_t len;
    const unsigned char *v =
      librdf_node_get_literal_value_as_counted_string(o, &len);

    return librdf_new_node_from_typed_counted_literal(w, v, len, NULL, 0,
                                                      NULL);
  }
  lang = librdf_node_get_literal_value_language(o);
  if(!lang)
    return NULL;
  n = strlen(lang);
  if(n >= sizeof tmp)
    return NULL;
  for(i = 0; i <= n; i++) {
    tmp[i] = (char)tolower((unsigned char)lang[i]);
    if(tmp[i] != lang[i])
      upper = 1;
  }
  if(!upper)
    return NULL;
  return librdf_new_node_from_literal(
    w, librdf_node_get_literal_value(o), tmp, 0);
}

/* Appends copies of up to @max statements of @s to @b, advancing @s.
 * Returns 0 or -1 (out of memory, reported). */
static int
fill(librdf_world *w, struct kg_batch *b, librdf_stream *s, size_t max)
{
  size_t got = 0;

  for(; got < max && !librdf_stream_end(s); librdf_stream_next(s), got++) {
    librdf_statement *t = librdf_stream_get_object(s);   /* SHARED */
    librdf_node *lo = canonical_literal(w, librdf_statement_get_object(t));
    librdf_statement *c;

    if(lo)
      c = librdf_new_statement_from_nodes(
        w, librdf_new_node_from_node(librdf_statement_get_subject(t)),
        librdf_new_node_from_node(librdf_statement_get_predicate(t)), lo);
    else
      c = librdf_new_statement_from_statement(t);
    if(!c) {
      kg_error("cannot copy a statement (out of memory)");
      return -1;
    }
    kg_batch_add(b, c);
  }
  return 0;
}

long
kg_batch_transfer(librdf_world *w, librdf_model *model, librdf_stream *s,
                  librdf_node *graph)
{
  struct kg_batch b = { NULL, 0, 0 };
  struct kg_digest_set seen = { NULL, 0, 0 };
  long added = 0;
  int multi = 0, end = 0;
  size_t i;

  while(!end) {
    if(fill(w, &b, s, KG_LOAD_BATCH)) {
      added = -1;
      break;
    }
    end = librdf_stream_end(s);
    if(!end)
      multi = 1;
    sort_unique(&b);
    for(i = 0; i < b.n; i++) {
      if(multi) {
        uint64_t h1, h2;

        kg_digest_statement(b.v[i], &h1, &h2);
        if(!kg_digest_add(&seen, h1, h2))
          continue;
      }
      if(librdf_model_context_add_statement(model, graph, b.v[i])) {
        kg_error("cannot add a statement to the store");
        added = -1;
        end = 1;
        break;
      }
      added++;
    }
    batch_clear(&b);
  }
  kg_batch_release(&b);
  kg_digest_release(&seen);
  return added;
}
