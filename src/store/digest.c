/* digest.c - 128-bit digests of statements, and a set of them.
 *
 * 16 bytes a statement instead of a copy: a load that comes in several
 * batches drops the duplicates across batches with them (batch.c), and the
 * reference graph is updated by difference with them (rebuild.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/store_int.h"

void
kg_digest_release(struct kg_digest_set *d)
{
  free(d->v);
  memset(d, 0, sizeof(*d));
}

int
kg_digest_add(struct kg_digest_set *d, uint64_t a, uint64_t b)
{
  size_t i;

  if(!a && !b)
    b = 1;
  if((d->n + 1) * 2 > d->cap) {
    struct kg_digest_set old = *d;

    d->cap = old.cap ? old.cap * 2 : 1024;
    d->v = kg_xcalloc(d->cap * 2, sizeof(*d->v));
    d->n = 0;
    for(i = 0; i < old.cap; i++)
      if(old.v[2 * i] || old.v[2 * i + 1])
        kg_digest_add(d, old.v[2 * i], old.v[2 * i + 1]);
    free(old.v);
  }
  for(i = (size_t)(a ^ (b >> 7)) & (d->cap - 1);; i = (i + 1) & (d->cap - 1)) {
    uint64_t *e = &d->v[2 * i];

    if(!e[0] && !e[1]) {
      e[0] = a;
      e[1] = b;
      d->n++;
      return 1;
    }
    if(e[0] == a && e[1] == b)
      return 0;
  }
}

static void
mix(uint64_t *h1, uint64_t *h2, const unsigned char *p, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    *h1 = (*h1 ^ p[i]) * 0x100000001b3ULL;              /* FNV-1a */
    *h2 = (*h2 + p[i] + 1) * 0x9E3779B97F4A7C15ULL;      /* multiply-shift */
    *h2 ^= *h2 >> 29;
  }
}

static void
mix_term(uint64_t *h1, uint64_t *h2, const raptor_term *t)
{
  unsigned char sep[2];
  const unsigned char *p = NULL;
  size_t n = 0;

  sep[0] = (unsigned char)t->type;
  sep[1] = 0xFF;
  mix(h1, h2, sep, 1);
  switch(t->type) {
    case RAPTOR_TERM_TYPE_URI:
      p = raptor_uri_as_counted_string(t->value.uri, &n);
      mix(h1, h2, p, n);
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      mix(h1, h2, t->value.blank.string, t->value.blank.string_len);
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      mix(h1, h2, t->value.literal.string, t->value.literal.string_len);
      mix(h1, h2, sep + 1, 1);
      if(t->value.literal.language)
        mix(h1, h2, t->value.literal.language,
            t->value.literal.language_len);
      mix(h1, h2, sep + 1, 1);
      if(t->value.literal.datatype) {
        p = raptor_uri_as_counted_string(t->value.literal.datatype, &n);
        mix(h1, h2, p, n);
      }
      break;
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      break;
  }
  mix(h1, h2, sep + 1, 1);
}

void
kg_digest_statement(const librdf_statement *t, uint64_t *h1, uint64_t *h2)
{
  *h1 = 14695981039346656037ULL;
  *h2 = 0x243F6A8885A308D3ULL;
  mix_term(h1, h2, t->subject);
  mix_term(h1, h2, t->predicate);
  mix_term(h1, h2, t->object);
}
