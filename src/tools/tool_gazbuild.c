/* tool_gazbuild.c - build the territory gazetteer (make gazetteer).
 *
 * Reads regions.json, departements.json, epci.json and communes.json of the
 * npm package @etalab/decoupage-administratif and writes, in OUTDIR:
 *   territoires.idx  the index kg_gaz_open() maps (format in gazetteer.h);
 *   territoires.nt   every territory as N-Triples, shaped by territory_rdf.c.
 * Kept: régions and départements of metropolitan France and the DROM (zone
 * "metro" or "drom"; the COM are not régions nor départements), every EPCI,
 * communes of type "commune-actuelle" (no arrondissements municipaux;
 * Paris, Lyon, Marseille are communes); a commune déléguée or associée is
 * no record, but its name, when no territory bears it, is a key of the
 * commune it belongs to; so is the short name "X" of a commune "X-sur-Y".
 * Both files are written beside their final name (suffixed with the process
 * id) and renamed at the end, so an interrupted build leaves the previous
 * ones whole and readers never see a partial file.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "base/hash.h"
#include "ref/gaz.h"
#include "ref/territory.h"
#include "base/text.h"

struct bterr {
  char *code;
  char *name;            /* NFC */
  char *parent;          /* code of the région (département) or département
                            (commune), as read */
  uint32_t dep, reg, epci;   /* record indexes, KG_GAZ_NONE if none */
  long pop;
  int multi_dep;         /* EPCI: communes in several départements */
};

struct bkind {
  struct bterr *v;
  size_t n, cap;
  uint32_t start;        /* first record index */
};

struct bkey {
  char *key;
  uint32_t rec;
  int kind;       /* set before sorting: what cmp_key compares after key */
  long pop;
};

struct build {
  struct bkind kind[4];
  struct bkey *keys;
  size_t nkeys, capkeys;
};

/* Abbreviated and expanded forms of EPCI names, as matching keys. */
static const struct {
  const char *abbr;
  const char *full;
} epci_forms[] = {
  { "cc", "communaute de communes" },
  { "ca", "communaute d agglomeration" },
  { "cu", "communaute urbaine" },
  { NULL, NULL }
};

static const char *
jstr(json_t *o, const char *field)
{
  return json_string_value(json_object_get(o, field));
}

static long
jlong(json_t *o, const char *field)
{
  json_t *v = json_object_get(o, field);

  return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

static json_t *
load_array(const char *dir, const char *name)
{
  struct kg_buf path = KG_BUF_INIT;
  json_error_t err;
  json_t *a;

  kg_buf_addf(&path, "%s/%s", dir, name);
  a = json_load_file(path.s, 0, &err);
  if(!a) {
    struct kg_loc loc;

    loc.file = path.s;
    loc.line = err.line > 0 ? err.line : 0;
    loc.col = err.column > 0 ? err.column : 0;
    kg_error_at(&loc, "%s", err.text);
  } else if(!json_is_array(a)) {
    kg_error("'%s': expected a JSON array", path.s);
    json_decref(a);
    a = NULL;
  }
  kg_buf_release(&path);
  return a;
}

static struct bterr *
add_terr(struct bkind *k, const char *code, const char *name,
         const char *parent, long pop)
{
  struct kg_buf nfc = KG_BUF_INIT;
  struct bterr *t;

  KG_GROW(k->v, k->cap, k->n + 1);
  t = &k->v[k->n++];
  memset(t, 0, sizeof(*t));
  t->code = kg_xstrdup(code);
  if(kg_text_nfc(name, strlen(name), &nfc) < 0)
    kg_buf_adds(&nfc, name);
  t->name = kg_buf_detach(&nfc);
  t->parent = parent ? kg_xstrdup(parent) : NULL;
  t->dep = t->reg = t->epci = KG_GAZ_NONE;
  t->pop = pop;
  return t;
}

static int
cmp_terr(const void *a, const void *b)
{
  return strcmp(((const struct bterr *)a)->code,
                ((const struct bterr *)b)->code);
}

/* Record index of @code in kind @k (sorted), or KG_GAZ_NONE. */
static uint32_t
find(const struct bkind *k, const char *code)
{
  struct bterr probe;
  const struct bterr *t;

  if(!code || !k->n)
    return KG_GAZ_NONE;
  probe.code = (char *)code;
  t = bsearch(&probe, k->v, k->n, sizeof(*k->v), cmp_terr);
  return t ? k->start + (uint32_t)(t - k->v) : KG_GAZ_NONE;
}

static struct bterr *
rec(const struct build *b, uint32_t i)
{
  int k;

  for(k = 3; k > 0; k--)
    if(i >= b->kind[k].start)
      break;
  return &b->kind[k].v[i - b->kind[k].start];
}

static int
kept_zone(json_t *o)
{
  const char *z = jstr(o, "zone");

  return z && (!strcmp(z, "metro") || !strcmp(z, "drom"));
}

static int
read_simple(json_t *a, const char *file, struct bkind *k,
            const char *parent_field)
{
  size_t i;
  json_t *o;

  json_array_foreach(a, i, o) {
    const char *code = jstr(o, "code"), *name = jstr(o, "nom");

    if(!code || !name) {
      kg_error("%s: entry %zu: no code or name", file, i);
      return -1;
    }
    if(kept_zone(o))
      add_terr(k, code, name, parent_field ? jstr(o, parent_field) : NULL, 0);
  }
  if(k->n)
    qsort(k->v, k->n, sizeof(*k->v), cmp_terr);
  return 0;
}

static int
read_communes(json_t *a, struct bkind *k, const struct bkind *deps)
{
  size_t i;
  json_t *o;

  json_array_foreach(a, i, o) {
    const char *code = jstr(o, "code"), *name = jstr(o, "nom");
    const char *type = jstr(o, "type"), *dep = jstr(o, "departement");

    if(!code || !name || !type) {
      kg_error("communes.json: entry %zu: no code, name or type", i);
      return -1;
    }
    if(strcmp(type, "commune-actuelle") || !kept_zone(o))
      continue;
    if(find(deps, dep) == KG_GAZ_NONE) {
      kg_error("communes.json: commune %s: unknown département '%s'", code,
               dep ? dep : "");
      return -1;
    }
    add_terr(k, code, name, dep, jlong(o, "population"));
  }
  if(k->n)
    qsort(k->v, k->n, sizeof(*k->v), cmp_terr);
  return 0;
}

static int
read_epci(json_t *a, struct build *b)
{
  struct bkind *k = &b->kind[KG_TERR_EPCI];
  size_t i;
  json_t *o;

  json_array_foreach(a, i, o) {
    const char *code = jstr(o, "code"), *name = jstr(o, "nom");

    if(!code || !name || !json_is_array(json_object_get(o, "membres"))) {
      kg_error("epci.json: entry %zu: no code, name or members", i);
      return -1;
    }
    add_terr(k, code, name, NULL, jlong(o, "populationMunicipale"));
  }
  if(k->n)
    qsort(k->v, k->n, sizeof(*k->v), cmp_terr);
  /* a second pass, now that EPCI have their final places */
  json_array_foreach(a, i, o) {
    uint32_t e = find(k, jstr(o, "code"));
    struct bterr *epci = &k->v[e - k->start];
    size_t j;
    json_t *m;

    json_array_foreach(json_object_get(o, "membres"), j, m) {
      uint32_t c = find(&b->kind[KG_TERR_COMMUNE], jstr(m, "code"));
      struct bterr *com;

      if(c == KG_GAZ_NONE)
        continue;  /* a commune of a COM, or not a commune-actuelle */
      com = rec(b, c);
      if(com->epci != KG_GAZ_NONE) {
        kg_warn("commune %s in two EPCI (%s, %s): keeping the first",
                com->code, rec(b, com->epci)->code, epci->code);
        continue;
      }
      com->epci = e;
      if(epci->dep == KG_GAZ_NONE && !epci->multi_dep)
        epci->dep = com->dep;
      else if(epci->dep != com->dep) {
        epci->dep = KG_GAZ_NONE;
        epci->multi_dep = 1;
      }
    }
  }
  return 0;
}

static void
add_key(struct build *b, const char *key, uint32_t r)
{
  if(!*key)
    return;
  KG_GROW(b->keys, b->capkeys, b->nkeys + 1);
  b->keys[b->nkeys].key = kg_xstrdup(key);
  b->keys[b->nkeys].rec = r;
  b->nkeys++;
}

/* "Communauté de communes de Dronne et Belle" for "CC Dronne et Belle":
 * the expanded form with "de" (or "d'" before a vowel) before a rest that
 * has no preposition of its own, "du" and "des" for its "le" and "les". */
static void
add_of_forms(struct build *b, struct kg_buf *var, const char *full,
             const char *rest, uint32_t r)
{
  static const char *const own[] = { "de ", "du ", "des ", "d ", "la ", "l ",
                                     "en ", NULL };
  int i;

  for(i = 0; own[i]; i++)
    if(!strncmp(rest, own[i], strlen(own[i])))
      return;
  kg_buf_reset(var);
  kg_buf_adds(var, full);
  if(!strncmp(rest, "le ", 3) || !strncmp(rest, "les ", 4)) {
    /* "CA Le Grand Périgueux": "Communauté d'agglomération du Grand
     * Périgueux" */
    kg_buf_adds(var, rest[2] == ' ' ? " du " : " des ");
    kg_buf_adds(var, rest + (rest[2] == ' ' ? 3 : 4));
  } else {
    kg_buf_adds(var, strchr("aeiouyh", rest[0]) ? " d " : " de ");
    kg_buf_adds(var, rest);
  }
  add_key(b, var->s, r);
}

static void
add_keys(struct build *b, int kind, uint32_t r, const char *name)
{
  struct kg_buf key = KG_BUF_INIT;
  struct kg_buf var = KG_BUF_INIT;
  int i;

  kg_text_key(name, strlen(name), &key);
  add_key(b, key.s, r);
  for(i = 0; kind == KG_TERR_EPCI && epci_forms[i].abbr; i++) {
    const char *from = epci_forms[i].abbr, *to = epci_forms[i].full;
    size_t n;
    int dir;

    for(dir = 0; dir < 2; dir++) {
      n = strlen(from);
      if(!strncmp(key.s, from, n) && key.s[n] == ' ') {
        kg_buf_reset(&var);
        kg_buf_adds(&var, to);
        kg_buf_adds(&var, key.s + n);
        add_key(b, var.s, r);
        if(dir == 0)
          add_of_forms(b, &var, to, key.s + n + 1, r);
      }
      from = epci_forms[i].full;
      to = epci_forms[i].abbr;
    }
  }
  kg_buf_release(&key);
  kg_buf_release(&var);
}

/* Each commune déléguée or associée by its own name, as a key of the
 * commune it now belongs to ("Autrans": Autrans-Méaudre en Vercors), when
 * no territory kept bears that name: texts written before a merger name
 * the old commune. */
static void
add_former_names(struct build *b, json_t *a)
{
  struct kg_hash taken;
  struct kg_buf key = KG_BUF_INIT;
  size_t i, n0 = b->nkeys;
  json_t *o;

  kg_hash_init(&taken);
  for(i = 0; i < n0; i++)
    kg_hash_add(&taken, b->keys[i].key);
  json_array_foreach(a, i, o) {
    const char *type = jstr(o, "type"), *name = jstr(o, "nom");
    uint32_t c;

    if(!type || !name || (strcmp(type, "commune-deleguee") &&
                          strcmp(type, "commune-associee")))
      continue;
    c = find(&b->kind[KG_TERR_COMMUNE], jstr(o, "chefLieu"));
    kg_text_key(name, strlen(name), &key);
    if(c != KG_GAZ_NONE && key.len && !kg_hash_has(&taken, key.s))
      add_key(b, key.s, c);
  }
  kg_hash_release(&taken);
  kg_buf_release(&key);
}

/* Each commune "X-sur-Y" by its short name "X", as texts write it ("à La
 * Voulte"), when no territory bears that name; communes that share it are
 * homonyms. */
static void
add_short_names(struct build *b)
{
  struct bkind *k = &b->kind[KG_TERR_COMMUNE];
  struct kg_hash taken;
  struct kg_buf key = KG_BUF_INIT;
  size_t i;

  kg_hash_init(&taken);
  for(i = 0; i < b->nkeys; i++)
    kg_hash_add(&taken, b->keys[i].key);
  for(i = 0; i < k->n; i++) {
    const char *sur = strstr(k->v[i].name, "-sur-");

    if(!sur || sur == k->v[i].name)
      continue;
    kg_text_key(k->v[i].name, (size_t)(sur - k->v[i].name), &key);
    if(key.len && !kg_hash_has(&taken, key.s))
      add_key(b, key.s, k->start + (uint32_t)i);
  }
  kg_hash_release(&taken);
  kg_buf_release(&key);
}

static int
kind_of(const struct build *b, uint32_t i)
{
  int k;

  for(k = 3; k > 0; k--)
    if(i >= b->kind[k].start)
      break;
  return k;
}

/* By key; then in kg_gaz_lookup order: kind, larger population, code. */
static int
cmp_key(const void *pa, const void *pb)
{
  const struct bkey *a = pa, *b = pb;
  int c = strcmp(a->key, b->key), ka, kb;
  long pa_, pb_;

  if(c)
    return c;
  if(a->rec == b->rec)
    return 0;
  ka = a->kind;
  kb = b->kind;
  if(ka != kb)
    return ka < kb ? -1 : 1;
  pa_ = a->pop;
  pb_ = b->pop;
  if(pa_ != pb_)
    return pa_ > pb_ ? -1 : 1;
  return a->rec < b->rec ? -1 : 1;   /* same kind: record order is code order */
}

static uint32_t
pool_add(struct kg_buf *pool, const char *s)
{
  uint32_t off = (uint32_t)pool->len;

  kg_buf_add(pool, s, strlen(s) + 1);
  return off;
}

static void
put32(unsigned char *p, uint32_t v)
{
  memcpy(p, &v, sizeof v);
}

static void
pad8(struct kg_buf *f)
{
  while(f->len % 8)
    kg_buf_addc(f, '\0');
}

static int
write_file(const char *path, const void *data, size_t len)
{
  FILE *f = fopen(path, "wb");

  if(!f) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    return -1;
  }
  if(fwrite(data, 1, len, f) != len || fclose(f)) {
    kg_error("cannot write '%s'", path);
    if(f)
      fclose(f);
    return -1;
  }
  return 0;
}

static int
write_index(struct build *b, const char *path, int *max_words_out)
{
  struct kg_buf pool = KG_BUF_INIT;
  struct kg_buf f = KG_BUF_INIT;
  unsigned char hdr[KG_GAZ_HEADER_SIZE];
  uint32_t n_terr = 0, nk = 0, off_recs, off_keys, off_pool, lastkey = 0;
  uint32_t *keyw;
  size_t i;
  int k, max_words = 0, rc;

  for(k = 0; k < 4; k++)
    n_terr += (uint32_t)b->kind[k].n;
  keyw = kg_xcalloc(b->nkeys * 2 + 1, sizeof(uint32_t));
  kg_buf_init(&pool);
  kg_buf_init(&f);
  memset(hdr, 0, sizeof hdr);
  kg_buf_add(&f, hdr, sizeof hdr);      /* filled at the end */
  off_recs = (uint32_t)f.len;
  for(k = 0; k < 4; k++) {
    for(i = 0; i < b->kind[k].n; i++) {
      const struct bterr *t = &b->kind[k].v[i];
      uint32_t w[KG_GAZ_REC_WORDS];

      w[KG_GAZ_R_CODE] = pool_add(&pool, t->code);
      w[KG_GAZ_R_NAME] = pool_add(&pool, t->name);
      w[KG_GAZ_R_DEP] = t->dep;
      w[KG_GAZ_R_REG] = t->reg;
      w[KG_GAZ_R_EPCI] = t->epci;
      w[KG_GAZ_R_POP] = t->pop > 0 ? (uint32_t)t->pop : 0;
      w[KG_GAZ_R_KIND] = (uint32_t)k;
      w[KG_GAZ_R_SPARE] = 0;
      kg_buf_add(&f, w, sizeof w);
    }
  }
  pad8(&f);
  off_keys = (uint32_t)f.len;
  for(i = 0; i < b->nkeys; i++) {
    const char *p;
    int words = 1;

    if(i && !strcmp(b->keys[i].key, b->keys[i - 1].key)) {
      if(b->keys[i].rec == b->keys[i - 1].rec)
        continue;   /* a variant equal to the name */
    } else {
      lastkey = pool_add(&pool, b->keys[i].key);
      for(p = b->keys[i].key; *p; p++)
        if(*p == ' ')
          words++;
      if(words > max_words)
        max_words = words;
    }
    keyw[2 * nk] = lastkey;
    keyw[2 * nk + 1] = b->keys[i].rec;
    nk++;
  }
  kg_buf_add(&f, keyw, (size_t)nk * 2 * sizeof(uint32_t));
  pad8(&f);
  off_pool = (uint32_t)f.len;
  kg_buf_add(&f, pool.s, pool.len);
  memset(hdr, 0, sizeof hdr);
  memcpy(hdr, KG_GAZ_MAGIC, sizeof(KG_GAZ_MAGIC) - 1);
  put32(hdr + 8, KG_GAZ_VERSION);
  put32(hdr + 12, KG_GAZ_BYTE_ORDER);
  put32(hdr + 16, n_terr);
  for(k = 0; k < 4; k++)
    put32(hdr + 20 + 4 * k, b->kind[k].start);
  put32(hdr + 36, nk);
  put32(hdr + 40, (uint32_t)max_words);
  put32(hdr + 44, off_recs);
  put32(hdr + 48, off_keys);
  put32(hdr + 52, off_pool);
  put32(hdr + 56, (uint32_t)pool.len);
  put32(hdr + 60, (uint32_t)f.len);
  memcpy(f.s, hdr, sizeof hdr);
  rc = write_file(path, f.s, f.len);
  kg_info("%s: %u territories, %u keys, %zu bytes", path, n_terr, nk, f.len);
  *max_words_out = max_words;
  free(keyw);
  kg_buf_release(&pool);
  kg_buf_release(&f);
  return rc;
}

static int
write_nt(const char *idx, const char *path, const char *base)
{
  struct kg_gaz *g = kg_gaz_open_file(idx);
  FILE *f;
  int rc;

  if(!g)
    return -1;
  f = fopen(path, "wb");
  if(!f) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    kg_gaz_free(g);
    return -1;
  }
  rc = kg_territory_write_all_nt(f, g, base);
  if(fclose(f) || rc < 0) {
    kg_error("cannot write '%s'", path);
    rc = -1;
  }
  kg_gaz_free(g);
  return rc;
}

static void
build_release(struct build *b)
{
  size_t i;
  int k;

  for(k = 0; k < 4; k++) {
    for(i = 0; i < b->kind[k].n; i++) {
      free(b->kind[k].v[i].code);
      free(b->kind[k].v[i].name);
      free(b->kind[k].v[i].parent);
    }
    free(b->kind[k].v);
  }
  for(i = 0; i < b->nkeys; i++)
    free(b->keys[i].key);
  free(b->keys);
}

static int
usage(void)
{
  kg_error("usage: gazbuild [-v] [--base IRI] JSONDIR OUTDIR");
  return KG_EXIT_USAGE;
}

int
main(int argc, char **argv)
{
  static const char *const files[4] = {
    "regions.json", "departements.json", "epci.json", "communes.json"
  };
  struct kg_buf idx = KG_BUF_INIT, idx_tmp = KG_BUF_INIT;
  struct kg_buf nt = KG_BUF_INIT, nt_tmp = KG_BUF_INIT;
  const char *base = KG_DEFAULT_BASE, *jsondir = NULL, *outdir = NULL;
  json_t *a[4] = { NULL, NULL, NULL, NULL };
  struct build b;
  int i, k, max_words = 0, rc = KG_EXIT_DATA;
  uint32_t nepci;
  size_t j;

  memset(&b, 0, sizeof b);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-v"))
      kg_diag_set_verbosity(1);
    else if(!strcmp(argv[i], "--base") && i + 1 < argc)
      base = argv[++i];
    else if(!jsondir)
      jsondir = argv[i];
    else if(!outdir)
      outdir = argv[i];
    else
      return usage();
  }
  if(!outdir)
    return usage();
  for(k = 0; k < 4; k++)
    if(!(a[k] = load_array(jsondir, files[k])))
      goto out;
  if(read_simple(a[0], files[0], &b.kind[KG_TERR_REGION], NULL) < 0 ||
     read_simple(a[1], files[1], &b.kind[KG_TERR_DEPARTEMENT], "region") < 0 ||
     read_communes(a[3], &b.kind[KG_TERR_COMMUNE],
                   &b.kind[KG_TERR_DEPARTEMENT]) < 0)
    goto out;
  /* record indexes: régions, départements, EPCI, communes */
  b.kind[KG_TERR_REGION].start = 0;
  b.kind[KG_TERR_DEPARTEMENT].start = (uint32_t)b.kind[0].n;
  /* every EPCI entry is kept: their number places the communes */
  nepci = (uint32_t)json_array_size(a[2]);
  b.kind[KG_TERR_EPCI].start = (uint32_t)(b.kind[0].n + b.kind[1].n);
  b.kind[KG_TERR_COMMUNE].start = b.kind[KG_TERR_EPCI].start + nepci;
  /* parents of départements and communes */
  for(j = 0; j < b.kind[KG_TERR_DEPARTEMENT].n; j++) {
    struct bterr *d = &b.kind[KG_TERR_DEPARTEMENT].v[j];

    d->reg = find(&b.kind[KG_TERR_REGION], d->parent);
    if(d->reg == KG_GAZ_NONE) {
      kg_error("departements.json: département %s: unknown région '%s'",
               d->code, d->parent ? d->parent : "");
      goto out;
    }
  }
  for(j = 0; j < b.kind[KG_TERR_COMMUNE].n; j++) {
    struct bterr *c = &b.kind[KG_TERR_COMMUNE].v[j];

    c->dep = find(&b.kind[KG_TERR_DEPARTEMENT], c->parent);
    c->reg = rec(&b, c->dep)->reg;
  }
  if(read_epci(a[2], &b) < 0)
    goto out;
  if(b.kind[KG_TERR_EPCI].n != nepci) {
    kg_error("epci.json: %zu entries, expected %u", b.kind[KG_TERR_EPCI].n,
             nepci);
    goto out;
  }
  for(j = 0; j < b.kind[KG_TERR_EPCI].n; j++) {
    struct bterr *e = &b.kind[KG_TERR_EPCI].v[j];

    if(e->dep != KG_GAZ_NONE)
      e->reg = rec(&b, e->dep)->reg;
  }
  /* populations of départements and régions: sums over their communes */
  for(j = 0; j < b.kind[KG_TERR_COMMUNE].n; j++) {
    struct bterr *c = &b.kind[KG_TERR_COMMUNE].v[j];

    rec(&b, c->dep)->pop += c->pop;
    rec(&b, c->reg)->pop += c->pop;
  }
  for(k = 0; k < 4; k++)
    for(j = 0; j < b.kind[k].n; j++)
      add_keys(&b, k, b.kind[k].start + (uint32_t)j, b.kind[k].v[j].name);
  add_former_names(&b, a[3]);
  add_short_names(&b);
  for(j = 0; j < b.nkeys; j++) {
    b.keys[j].kind = kind_of(&b, b.keys[j].rec);
    b.keys[j].pop = rec(&b, b.keys[j].rec)->pop;
  }
  if(b.nkeys)
    qsort(b.keys, b.nkeys, sizeof(*b.keys), cmp_key);
  kg_buf_addf(&idx, "%s/%s", outdir, KG_GAZ_INDEX_FILE);
  /* per process: two builds at once must not write the same file */
  kg_buf_addf(&idx_tmp, "%s.tmp%ld", idx.s, (long)getpid());
  kg_buf_addf(&nt, "%s/%s", outdir, KG_GAZ_NT_FILE);
  kg_buf_addf(&nt_tmp, "%s.tmp%ld", nt.s, (long)getpid());
  rc = KG_EXIT_SYS;
  if(write_index(&b, idx_tmp.s, &max_words) < 0 ||
     write_nt(idx_tmp.s, nt_tmp.s, base) < 0)
    goto out;
  if(rename(idx_tmp.s, idx.s) || rename(nt_tmp.s, nt.s)) {
    kg_error("cannot rename into '%s': %s", outdir, strerror(errno));
    goto out;
  }
  kg_info("%zu régions, %zu départements, %zu EPCI, %zu communes; "
          "%d words at most", b.kind[0].n, b.kind[1].n, b.kind[2].n,
          b.kind[3].n, max_words);
  rc = KG_EXIT_OK;
out:
  if(rc != KG_EXIT_OK && idx_tmp.s) {
    remove(idx_tmp.s);
    remove(nt_tmp.s);
  }
  for(k = 0; k < 4; k++)
    json_decref(a[k]);
  build_release(&b);
  kg_buf_release(&idx);
  kg_buf_release(&idx_tmp);
  kg_buf_release(&nt);
  kg_buf_release(&nt_tmp);
  return rc;
}
