/* lexicon.c - word classes from a memory-mapped index (see lexicon.h).
 *
 * data/lexicon/lexicon.idx is written by tool_lexbuild (make lexicon).
 * Opening maps the file and checks its header; a lookup folds the word and
 * binary-searches the sorted record table, touching a few pages only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "ref/lexicon.h"

struct kg_lexicon {
  const unsigned char *map;   /* the whole file, read-only */
  size_t size;
  uint32_t n_words;
  const uint32_t *recs;       /* n_words pool offsets, sorted by key */
  const char *pool;
  uint32_t pool_size;
};

static int
bad_index(const char *path, const char *why)
{
  kg_error("cannot use the lexicon index '%s': %s; run 'make lexicon'",
           path, why);
  return -1;
}

static int
check_header(struct kg_lexicon *lx, const char *path)
{
  const unsigned char *h = lx->map;
  uint32_t off_recs, off_pool, file_size;

  if(lx->size < KG_LEX_HEADER_SIZE ||
     memcmp(h, KG_LEX_MAGIC, sizeof(KG_LEX_MAGIC) - 1))
    return bad_index(path, "not a lexicon index");
  if(kg_input_u32(h + 8) != KG_LEX_VERSION)
    return bad_index(path, "index format version differs");
  if(kg_input_u32(h + 12) != KG_LEX_BYTE_ORDER)
    return bad_index(path, "index built on a machine of another byte order");
  lx->n_words = kg_input_u32(h + 16);
  off_recs = kg_input_u32(h + 20);
  off_pool = kg_input_u32(h + 24);
  file_size = kg_input_u32(h + 28);
  if((size_t)file_size != lx->size)
    return bad_index(path, "truncated or damaged (size differs)");
  if(off_recs % 4 || off_recs < KG_LEX_HEADER_SIZE ||
     (uint64_t)off_recs + (uint64_t)lx->n_words * 4 > off_pool ||
     off_pool >= file_size)
    return bad_index(path, "damaged section table");
  lx->recs = (const uint32_t *)(const void *)(lx->map + off_recs);
  lx->pool = (const char *)lx->map + off_pool;
  lx->pool_size = file_size - off_pool;
  if(lx->pool[lx->pool_size - 1] != '\0')
    return bad_index(path, "damaged string pool");
  return 0;
}

struct kg_lexicon *
kg_lexicon_open_file(const char *path)
{
  struct kg_lexicon *lx;
  size_t size = 0;
  const void *map = kg_input_map(path, "lexicon index", "run 'make lexicon'",
                                 &size);

  if(!map)
    return NULL;
  lx = kg_xcalloc(1, sizeof(*lx));
  lx->map = map;
  lx->size = size;
  if(check_header(lx, path) < 0) {
    kg_input_unmap(map, size);
    free(lx);
    return NULL;
  }
  return lx;
}

struct kg_lexicon *
kg_lexicon_open(const char *dir)
{
  struct kg_buf path = KG_BUF_INIT;
  struct kg_lexicon *lx;

  kg_buf_addf(&path, "%s/%s", dir, KG_LEX_INDEX_FILE);
  lx = kg_lexicon_open_file(path.s);
  kg_buf_release(&path);
  return lx;
}

void
kg_lexicon_free(struct kg_lexicon *lx)
{
  if(!lx)
    return;
  kg_input_unmap(lx->map, lx->size);
  free(lx);
}

size_t
kg_lexicon_count(const struct kg_lexicon *lx)
{
  return lx ? lx->n_words : 0;
}

/* Folds w[0..len) into out[0..cap), NUL-terminated: NFC-composed code
 * points decomposed, marks dropped, case folded, U+2019 as "'".  Returns
 * the length, or -1 when it does not fit or is not UTF-8. */
static long
fold_into(const char *w, size_t len, char *out, size_t cap)
{
  size_t i = 0, o = 0;

  while(i < len) {
    utf8proc_int32_t cp, d[8];
    utf8proc_ssize_t k, n, j;
    int last = 0;

    k = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
                         (utf8proc_ssize_t)(len - i), &cp);
    if(k <= 0)
      return -1;
    i += (size_t)k;
    if(cp == 0x2019)
      cp = '\'';
    n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE |
                                UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                                &last);
    if(n < 0 || n > 8)
      return -1;
    for(j = 0; j < n; j++) {
      if(o + 5 > cap)
        return -1;
      o += (size_t)utf8proc_encode_char(d[j], (utf8proc_uint8_t *)out + o);
    }
  }
  out[o] = '\0';
  return (long)o;
}

const char *
kg_lexicon_fold(const char *w, size_t len, struct kg_buf *out)
{
  char tmp[256];
  long n;

  kg_buf_reset(out);
  if(len < sizeof tmp / 2 && (n = fold_into(w, len, tmp, sizeof tmp)) >= 0) {
    kg_buf_add(out, tmp, (size_t)n);
    return out->s;
  }
  {
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t m;

    m = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len,
                     &res, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    if(m >= 0)
      kg_buf_add(out, res, (size_t)m);
    free(res);
  }
  return out->s;
}

/* Entry of record @i: its class byte, then its key.  NULL if damaged. */
static const char *
entry_at(const struct kg_lexicon *lx, uint32_t i)
{
  uint32_t off = lx->recs[i];

  return off + 1 < lx->pool_size ? lx->pool + off : NULL;
}

unsigned
kg_lexicon_classes(const struct kg_lexicon *lx, const char *w, size_t len)
{
  char key[256];
  uint32_t lo = 0, hi;

  if(!lx || !len || fold_into(w, len, key, sizeof key) <= 0)
    return 0;   /* no word folds to more than 255 bytes in the index */
  hi = lx->n_words;
  while(lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    const char *e = entry_at(lx, mid);
    int c;

    if(!e)
      return 0;
    c = strcmp(e + 1, key);
    if(!c)
      return (unsigned char)e[0];
    if(c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}
