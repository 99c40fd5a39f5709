/* gazetteer.c - French territories from a memory-mapped index.
 *
 * data/gazetteer/territoires.idx is written by tool_gazbuild (make
 * gazetteer).  Opening maps the file and checks its header; nothing is parsed
 * per entry.  A struct kg_terr is filled the first time it is handed out, in
 * a zeroed array the size of the record table (untouched pages cost
 * nothing).  The layout is described in gazetteer.h ("Index format").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "ref/gaz.h"

struct kg_gaz {
  const unsigned char *map;   /* the whole file, read-only */
  size_t size;
  uint32_t n_terr;
  uint32_t kind_start[5];     /* records of kind k: [start[k], start[k+1]) */
  uint32_t n_keys;
  uint32_t max_words;
  const uint32_t *recs;       /* n_terr * KG_GAZ_REC_WORDS */
  const uint32_t *keys;       /* n_keys * 2: key string, record */
  const char *pool;
  uint32_t pool_size;
  struct kg_terr *cache;      /* filled on demand; code == NULL: not yet */
};

static int
bad_index(const char *path, const char *why)
{
  kg_error("cannot use the gazetteer index '%s': %s; run 'make gazetteer'",
           path, why);
  return -1;
}

/* Header checks only: sizes, bounds, alignment.  Each record's offsets are
 * checked when it is first used (rec_ok). */
static int
check_header(struct kg_gaz *g, const char *path)
{
  const unsigned char *h = g->map;
  uint32_t off_recs, off_keys, off_pool, file_size;
  int k;

  if(g->size < KG_GAZ_HEADER_SIZE ||
     memcmp(h, KG_GAZ_MAGIC, sizeof(KG_GAZ_MAGIC) - 1))
    return bad_index(path, "not a gazetteer index");
  if(kg_input_u32(h + 8) != KG_GAZ_VERSION)
    return bad_index(path, "index format version differs");
  if(kg_input_u32(h + 12) != KG_GAZ_BYTE_ORDER)
    return bad_index(path, "index built on a machine of another byte order");
  g->n_terr = kg_input_u32(h + 16);
  for(k = 0; k < 4; k++)
    g->kind_start[k] = kg_input_u32(h + 20 + 4 * k);
  g->kind_start[4] = g->n_terr;
  g->n_keys = kg_input_u32(h + 36);
  g->max_words = kg_input_u32(h + 40);
  off_recs = kg_input_u32(h + 44);
  off_keys = kg_input_u32(h + 48);
  off_pool = kg_input_u32(h + 52);
  g->pool_size = kg_input_u32(h + 56);
  file_size = kg_input_u32(h + 60);
  if((size_t)file_size != g->size)
    return bad_index(path, "truncated or damaged (size differs)");
  if(g->kind_start[0] != 0)
    return bad_index(path, "damaged record table");
  for(k = 0; k < 4; k++)
    if(g->kind_start[k] > g->kind_start[k + 1])
      return bad_index(path, "damaged record table");
  if(off_recs % 8 || off_keys % 8 || off_pool % 8 ||
     off_recs < KG_GAZ_HEADER_SIZE ||
     (uint64_t)off_recs + (uint64_t)g->n_terr * KG_GAZ_REC_WORDS * 4 >
     off_keys ||
     (uint64_t)off_keys + (uint64_t)g->n_keys * 8 > off_pool ||
     (uint64_t)off_pool + g->pool_size != file_size || g->pool_size == 0)
    return bad_index(path, "damaged section table");
  g->recs = (const uint32_t *)(const void *)(g->map + off_recs);
  g->keys = (const uint32_t *)(const void *)(g->map + off_keys);
  g->pool = (const char *)g->map + off_pool;
  if(g->pool[g->pool_size - 1] != '\0')
    return bad_index(path, "damaged string pool");
  return 0;
}

struct kg_gaz *
kg_gaz_open_file(const char *path)
{
  struct kg_gaz *g;
  size_t size = 0;
  const void *map = kg_input_map(path, "gazetteer index",
                                 "run 'make gazetteer'", &size);

  if(!map)
    return NULL;
  g = kg_xcalloc(1, sizeof(*g));
  g->map = map;
  g->size = size;
  if(check_header(g, path) < 0) {
    kg_input_unmap(map, size);
    free(g);
    return NULL;
  }
  g->cache = kg_xcalloc(g->n_terr ? g->n_terr : 1, sizeof(*g->cache));
  return g;
}

struct kg_gaz *
kg_gaz_open(const char *dir)
{
  struct kg_buf path = KG_BUF_INIT;
  struct kg_gaz *g;

  kg_buf_addf(&path, "%s/%s", dir, KG_GAZ_INDEX_FILE);
  g = kg_gaz_open_file(path.s);
  kg_buf_release(&path);
  return g;
}

void
kg_gaz_free(struct kg_gaz *g)
{
  if(!g)
    return;
  kg_input_unmap(g->map, g->size);
  free(g->cache);
  free(g);
}

static const uint32_t *
rec_at(const struct kg_gaz *g, uint32_t i)
{
  return g->recs + (size_t)i * KG_GAZ_REC_WORDS;
}

static int
rec_ok(const struct kg_gaz *g, uint32_t i)
{
  const uint32_t *r;

  if(i >= g->n_terr)
    return 0;
  r = rec_at(g, i);
  return r[KG_GAZ_R_CODE] < g->pool_size && r[KG_GAZ_R_NAME] < g->pool_size &&
         r[KG_GAZ_R_KIND] <= KG_TERR_COMMUNE &&
         i >= g->kind_start[r[KG_GAZ_R_KIND]] &&
         i < g->kind_start[r[KG_GAZ_R_KIND] + 1];
}

static const char *
parent_code(const struct kg_gaz *g, uint32_t j, enum kg_terr_kind kind)
{
  if(j == KG_GAZ_NONE || !rec_ok(g, j) ||
     rec_at(g, j)[KG_GAZ_R_KIND] != (uint32_t)kind)
    return NULL;
  return g->pool + rec_at(g, j)[KG_GAZ_R_CODE];
}

/* Record @i as a struct kg_terr (filled on first use). NULL if damaged. */
static const struct kg_terr *
terr_at(const struct kg_gaz *g, uint32_t i)
{
  struct kg_terr *t;
  const uint32_t *r;

  if(i >= g->n_terr)
    return NULL;
  t = &g->cache[i];
  if(t->code)
    return t;
  if(!rec_ok(g, i))
    return NULL;
  r = rec_at(g, i);
  t->kind = (enum kg_terr_kind)r[KG_GAZ_R_KIND];
  t->name = g->pool + r[KG_GAZ_R_NAME];
  t->departement = parent_code(g, r[KG_GAZ_R_DEP], KG_TERR_DEPARTEMENT);
  t->region = parent_code(g, r[KG_GAZ_R_REG], KG_TERR_REGION);
  t->epci = parent_code(g, r[KG_GAZ_R_EPCI], KG_TERR_EPCI);
  t->population = (long)r[KG_GAZ_R_POP];
  t->code = g->pool + r[KG_GAZ_R_CODE];  /* last: marks the slot filled */
  return t;
}

/* Record index of @t, which may come from this gazetteer or elsewhere. */
static uint32_t
index_of(const struct kg_gaz *g, const struct kg_terr *t)
{
  const struct kg_terr *u;

  if(t >= g->cache && t < g->cache + g->n_terr)
    return (uint32_t)(t - g->cache);
  u = kg_gaz_get(g, t->kind, t->code);
  return u ? (uint32_t)(u - g->cache) : KG_GAZ_NONE;
}

/* First key >= @key (strcmp order). */
static uint32_t
lower_bound(const struct kg_gaz *g, const char *key)
{
  uint32_t lo = 0, hi = g->n_keys;

  while(lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint32_t ko = g->keys[2 * (size_t)mid];

    if(ko >= g->pool_size || strcmp(g->pool + ko, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

int
kg_gaz_has_prefix(const struct kg_gaz *g, const char *prefix)
{
  size_t n;
  uint32_t i, ko;

  if(!g || !prefix || !*prefix)
    return 0;
  /* a space sorts before every character a key holds, so the first key
   * >= @prefix is @prefix itself or "@prefix ..." when any exists */
  i = lower_bound(g, prefix);
  if(i >= g->n_keys)
    return 0;
  ko = g->keys[2 * (size_t)i];
  if(ko >= g->pool_size)
    return 0;
  n = strlen(prefix);
  return !strncmp(g->pool + ko, prefix, n) &&
         (g->pool[ko + n] == '\0' || g->pool[ko + n] == ' ');
}

size_t
kg_gaz_lookup(const struct kg_gaz *g, const char *key,
              const struct kg_terr **out, size_t max)
{
  uint32_t i;
  size_t n = 0;

  if(!g || !key || !*key)
    return 0;
  for(i = lower_bound(g, key); i < g->n_keys; i++) {
    uint32_t ko = g->keys[2 * (size_t)i];
    const struct kg_terr *t;

    if(ko >= g->pool_size || strcmp(g->pool + ko, key))
      break;
    t = terr_at(g, g->keys[2 * (size_t)i + 1]);
    if(!t)
      continue;
    if(max == 0) {
      n++;
      continue;
    }
    if(n >= max)
      break;
    out[n++] = t;
  }
  return n;
}

const struct kg_terr *
kg_gaz_get(const struct kg_gaz *g, enum kg_terr_kind kind, const char *code)
{
  uint32_t lo, hi;

  if(!g || !code || (unsigned)kind > KG_TERR_COMMUNE)
    return NULL;
  lo = g->kind_start[kind];
  hi = g->kind_start[kind + 1];
  while(lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    uint32_t co = rec_at(g, mid)[KG_GAZ_R_CODE];
    int c;

    if(co >= g->pool_size)
      return NULL;
    c = strcmp(g->pool + co, code);
    if(c == 0)
      return terr_at(g, mid);
    if(c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

int
kg_gaz_max_words(const struct kg_gaz *g)
{
  return g ? (int)g->max_words : 0;
}

size_t
kg_gaz_count(const struct kg_gaz *g)
{
  return g ? g->n_terr : 0;
}

const struct kg_terr *
kg_gaz_at(const struct kg_gaz *g, size_t i)
{
  if(!g || i >= g->n_terr)
    return NULL;
  return terr_at(g, (uint32_t)i);
}

/* Direct parents by record index, in the documented order. */
static size_t
parents_idx(const struct kg_gaz *g, uint32_t i, uint32_t out[3])
{
  const uint32_t *r;
  size_t n = 0;

  if(!rec_ok(g, i))
    return 0;
  r = rec_at(g, i);
  switch((enum kg_terr_kind)r[KG_GAZ_R_KIND]) {
    case KG_TERR_COMMUNE:
      if(parent_code(g, r[KG_GAZ_R_EPCI], KG_TERR_EPCI))
        out[n++] = r[KG_GAZ_R_EPCI];
      if(parent_code(g, r[KG_GAZ_R_DEP], KG_TERR_DEPARTEMENT))
        out[n++] = r[KG_GAZ_R_DEP];
      break;
    case KG_TERR_EPCI:
      if(parent_code(g, r[KG_GAZ_R_DEP], KG_TERR_DEPARTEMENT))
        out[n++] = r[KG_GAZ_R_DEP];
      break;
    case KG_TERR_DEPARTEMENT:
      if(parent_code(g, r[KG_GAZ_R_REG], KG_TERR_REGION))
        out[n++] = r[KG_GAZ_R_REG];
      break;
    case KG_TERR_REGION:
    default:
      break;
  }
  return n;
}

size_t
kg_gaz_parents(const struct kg_gaz *g, const struct kg_terr *t,
               const struct kg_terr **out, size_t max)
{
  uint32_t p[3];
  size_t i, np, n = 0;

  if(!g || !t)
    return 0;
  np = parents_idx(g, index_of(g, t), p);
  for(i = 0; i < np && n < max; i++) {
    const struct kg_terr *u = terr_at(g, p[i]);

    if(u)
      out[n++] = u;
  }
  return n;
}

size_t
kg_gaz_ancestors(const struct kg_gaz *g, const struct kg_terr *t,
                 const struct kg_terr **out, size_t max)
{
  /* Breadth-first over parents_idx; the hierarchy has at most 3 levels
   * above a territory, so a small fixed queue is enough. */
  uint32_t seen[KG_GAZ_MAX_ANCESTORS + 1];
  size_t nseen = 0, head = 0, n = 0;

  if(!g || !t)
    return 0;
  seen[nseen++] = index_of(g, t);
  if(seen[0] == KG_GAZ_NONE)
    return 0;
  while(head < nseen) {
    uint32_t p[3];
    size_t np = parents_idx(g, seen[head++], p), i, j;

    for(i = 0; i < np; i++) {
      for(j = 0; j < nseen; j++)
        if(seen[j] == p[i])
          break;
      if(j < nseen || nseen > KG_GAZ_MAX_ANCESTORS)
        continue;
      seen[nseen++] = p[i];
    }
  }
  for(head = 1; head < nseen && n < max; head++) {
    const struct kg_terr *u = terr_at(g, seen[head]);

    if(u)
      out[n++] = u;
  }
  return n;
}

static const char *const kind_slug[] = {
  "region", "departement", "epci", "commune"
};
static const char *const kind_class[] = {
  "Region", "Departement", "Intercommunalite", "Commune"
};

const char *
kg_gaz_rel_iri(const struct kg_terr *t, struct kg_buf *out)
{
  kg_buf_reset(out);
  if(t && (unsigned)t->kind <= KG_TERR_COMMUNE && t->code)
    kg_buf_addf(out, "territoire/%s/%s", kind_slug[t->kind], t->code);
  return out->s;
}

const char *
kg_gaz_class(const struct kg_terr *t)
{
  if(!t || (unsigned)t->kind > KG_TERR_COMMUNE)
    return "Commune";
  return kind_class[t->kind];
}
