/* tool_lexbuild.c - build the word lexicon (make lexicon).
 *
 * Reads the fr.aff and fr.dic of Debian's hunspell-fr-classical and writes
 * OUTDIR/lexicon.idx, the index kg_lexicon_open() maps (format in
 * lexicon.h).  Every word of fr.dic is kept with its class: po:prn a first
 * name, po:patr a surname, po:npr (or any other capitalised entry) a proper
 * noun, any lower-case entry a common word.  The suffix rules (SFX) of the
 * word's flags are applied once, so plurals, feminines and verb forms are
 * there too; their continuation flags are elisions (l', d', qu') and are
 * not followed.  The file is written beside its final name and renamed.
 *
 * Usage: lexbuild FR.AFF FR.DIC OUTDIR
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/text.h"
#include "ref/lexicon.h"

#define MAX_COND 16

/* One suffix rule: strip, add, and the condition on the stem's end as
 * code-point sets (set[i] lists code points; neg[i]: any but those). */
struct sfx {
  char flag[3];
  char *strip;
  char *add;
  int ncond;
  int *set[MAX_COND];
  int nset[MAX_COND];
  int neg[MAX_COND];
  int any[MAX_COND];
};

struct word {
  char *key;
  unsigned cls;
};

struct build {
  struct sfx *sfx;
  size_t nsfx, capsfx;
  uint32_t *first;      /* by flag (two bytes): first rule, sorted by flag */
  struct word *words;
  size_t nwords, capwords;
  struct kg_buf fold;
};

/* Parses a hunspell condition ("[^e][knmrt]", "sec", ".") into @r. */
static int
parse_cond(struct sfx *r, const char *c)
{
  size_t len = strlen(c), i = 0;

  r->ncond = 0;
  if(!strcmp(c, "."))
    return 0;
  while(i < len) {
    int k = r->ncond, cp;

    if(k >= MAX_COND)
      return -1;
    r->set[k] = kg_xcalloc(len + 1, sizeof(int));
    r->nset[k] = 0;
    r->neg[k] = 0;
    r->any[k] = 0;
    if(c[i] == '[') {
      i++;
      if(c[i] == '^') {
        r->neg[k] = 1;
        i++;
      }
      while(i < len && c[i] != ']') {
        i += (size_t)kg_text_utf8_decode(c + i, len - i, &cp);
        r->set[k][r->nset[k]++] = cp;
      }
      if(i >= len)
        return -1;
      i++;
    } else if(c[i] == '.') {
      r->any[k] = 1;
      i++;
    } else {
      i += (size_t)kg_text_utf8_decode(c + i, len - i, &cp);
      r->set[k][r->nset[k]++] = cp;
    }
    r->ncond++;
  }
  return 0;
}

/* Does the stem @w end as the rule's condition says? */
static int
cond_ok(const struct sfx *r, const char *w)
{
  int cps[256];
  int n = 0, k, j;
  size_t i = 0, len = strlen(w);

  while(i < len && n < 256)
    i += (size_t)kg_text_utf8_decode(w + i, len - i, &cps[n++]);
  if(n < r->ncond)
    return 0;
  for(k = 0; k < r->ncond; k++) {
    int cp = cps[n - r->ncond + k], in = 0;

    if(r->any[k])
      continue;
    for(j = 0; j < r->nset[k]; j++)
      if(r->set[k][j] == cp)
        in = 1;
    if(in == r->neg[k])
      return 0;
  }
  return 1;
}

/* "SFX S. 0 s/D'Q' [^sxz] is:pl" -> one rule.  Header lines
 * ("SFX S. Y 2") and malformed lines are skipped. */
static void
read_sfx_line(struct build *b, char *line)
{
  char *f[5];
  int n = 0;
  char *tok, *save = NULL, *slash;
  struct sfx *r;

  for(tok = strtok_r(line, " \t\r\n", &save); tok && n < 5;
      tok = strtok_r(NULL, " \t\r\n", &save))
    f[n++] = tok;
  if(n < 5 || strcmp(f[0], "SFX") || strlen(f[1]) != 2)
    return;
  slash = strchr(f[3], '/');
  if(slash)
    *slash = '\0';
  KG_GROW(b->sfx, b->capsfx, b->nsfx + 1);
  r = &b->sfx[b->nsfx];
  memset(r, 0, sizeof(*r));
  memcpy(r->flag, f[1], 3);
  r->strip = kg_xstrdup(strcmp(f[2], "0") ? f[2] : "");
  r->add = kg_xstrdup(strcmp(f[3], "0") ? f[3] : "");
  if(parse_cond(r, f[4]) < 0) {
    int k;

    for(k = 0; k < MAX_COND; k++)
      free(r->set[k]);
    free(r->strip);
    free(r->add);
    return;
  }
  b->nsfx++;
}

static unsigned
flag_code(const char *f)
{
  return (unsigned)(unsigned char)f[0] << 8 | (unsigned char)f[1];
}

static int
cmp_sfx(const void *a, const void *b)
{
  unsigned x = flag_code(((const struct sfx *)a)->flag);
  unsigned y = flag_code(((const struct sfx *)b)->flag);

  return x < y ? -1 : x > y;
}

/* Rules sorted by flag; first[f] is the first rule of flag f (or nsfx). */
static void
index_flags(struct build *b)
{
  size_t i;

  qsort(b->sfx, b->nsfx, sizeof(*b->sfx), cmp_sfx);
  b->first = kg_xmalloc(65537 * sizeof(uint32_t));
  for(i = 0; i <= 65536; i++)
    b->first[i] = (uint32_t)b->nsfx;
  for(i = b->nsfx; i-- > 0;)
    b->first[flag_code(b->sfx[i].flag)] = (uint32_t)i;
}

static int
read_aff(struct build *b, const char *path)
{
  FILE *fp = fopen(path, "r");
  char line[1024];

  if(!fp) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  while(fgets(line, sizeof line, fp))
    if(!strncmp(line, "SFX ", 4))
      read_sfx_line(b, line);
  fclose(fp);
  if(!b->nsfx) {
    kg_error("'%s': no suffix rule (not a hunspell .aff file?)", path);
    return -1;
  }
  index_flags(b);
  return 0;
}

static void
add_word(struct build *b, const char *w, size_t len, unsigned cls)
{
  kg_lexicon_fold(w, len, &b->fold);
  if(!b->fold.len)
    return;
  KG_GROW(b->words, b->capwords, b->nwords + 1);
  b->words[b->nwords].key = kg_xstrdup(b->fold.s);
  b->words[b->nwords].cls = cls;
  b->nwords++;
}

/* The class of a dictionary line from its word and its morphology. */
static unsigned
line_class(const char *word, const char *morph)
{
  int cp = 0;

  if(strstr(morph, "po:prn"))
    return KG_LEX_FIRST_NAME;
  if(strstr(morph, "po:patr"))
    return KG_LEX_SURNAME;
  if(strstr(morph, "po:npr"))
    return KG_LEX_PROPER;
  kg_text_utf8_decode(word, strlen(word), &cp);
  if(utf8proc_islower(cp))
    return KG_LEX_COMMON;
  return KG_LEX_PROPER;
}

/* The word, then every form a suffix rule of its @flags makes. */
static void
expand(struct build *b, const char *word, const char *flags, unsigned cls)
{
  size_t wl = strlen(word), fl = strlen(flags), i, r;
  struct kg_buf form = KG_BUF_INIT;

  add_word(b, word, wl, cls);
  for(i = 0; i + 1 < fl; i += 2)
    for(r = b->first[flag_code(flags + i)]; r < b->nsfx; r++) {
      const struct sfx *s = &b->sfx[r];
      size_t sl = strlen(s->strip);

      if(s->flag[0] != flags[i] || s->flag[1] != flags[i + 1])
        break;
      if(sl > wl || strcmp(word + wl - sl, s->strip) || !cond_ok(s, word))
        continue;
      kg_buf_reset(&form);
      kg_buf_add(&form, word, wl - sl);
      kg_buf_adds(&form, s->add);
      add_word(b, form.s, form.len, cls);
    }
  kg_buf_release(&form);
}

static int
read_dic(struct build *b, const char *path)
{
  FILE *fp = fopen(path, "r");
  char line[2048];
  int first = 1;

  if(!fp) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    return -1;
  }
  while(fgets(line, sizeof line, fp)) {
    char *sp, *slash, *morph = "";

    line[strcspn(line, "\r\n")] = '\0';
    if(first) {
      first = 0;   /* the word count */
      continue;
    }
    sp = strpbrk(line, " \t");
    if(sp) {
      *sp = '\0';
      morph = sp + 1;
    }
    slash = strchr(line, '/');
    if(slash)
      *slash = '\0';
    if(!line[0])
      continue;
    expand(b, line, slash ? slash + 1 : "", line_class(line, morph));
  }
  fclose(fp);
  if(b->nwords < 1000) {
    kg_error("'%s': only %zu words (not a hunspell .dic file?)", path,
             b->nwords);
    return -1;
  }
  return 0;
}

static int
cmp_word(const void *a, const void *b)
{
  return strcmp(((const struct word *)a)->key, ((const struct word *)b)->key);
}

static void
put32(struct kg_buf *out, uint32_t v)
{
  kg_buf_add(out, &v, sizeof v);
}

/* Sorts, merges the classes of equal keys and lays out the file. */
static void
layout(struct build *b, struct kg_buf *file)
{
  struct kg_buf recs = KG_BUF_INIT, pool = KG_BUF_INIT;
  uint32_t n = 0;
  size_t i, j;

  qsort(b->words, b->nwords, sizeof(*b->words), cmp_word);
  kg_buf_reset(&recs);
  kg_buf_reset(&pool);
  for(i = 0; i < b->nwords; i = j) {
    unsigned cls = 0;

    for(j = i; j < b->nwords && !strcmp(b->words[j].key, b->words[i].key); j++)
      cls |= b->words[j].cls;
    put32(&recs, (uint32_t)pool.len);
    kg_buf_addc(&pool, (int)cls);
    kg_buf_add(&pool, b->words[i].key, strlen(b->words[i].key) + 1);
    n++;
  }
  kg_buf_reset(file);
  kg_buf_add(file, KG_LEX_MAGIC, 8);
  put32(file, KG_LEX_VERSION);
  put32(file, KG_LEX_BYTE_ORDER);
  put32(file, n);
  put32(file, KG_LEX_HEADER_SIZE);
  put32(file, (uint32_t)(KG_LEX_HEADER_SIZE + recs.len));
  put32(file, (uint32_t)(KG_LEX_HEADER_SIZE + recs.len + pool.len));
  kg_buf_add(file, recs.s, recs.len);
  kg_buf_add(file, pool.s, pool.len);
  kg_buf_release(&recs);
  kg_buf_release(&pool);
}

static int
write_file(const char *dir, const struct kg_buf *file)
{
  struct kg_buf path = KG_BUF_INIT, tmp = KG_BUF_INIT;
  FILE *fp;
  int rc = -1;

  kg_buf_addf(&path, "%s/%s", dir, KG_LEX_INDEX_FILE);
  kg_buf_addf(&tmp, "%s.%ld", path.s, (long)getpid());
  fp = fopen(tmp.s, "wb");
  if(!fp) {
    kg_error("cannot write '%s': %s", tmp.s, strerror(errno));
    goto out;
  }
  if(fwrite(file->s, 1, file->len, fp) != file->len || fclose(fp)) {
    kg_error("cannot write '%s': %s", tmp.s, strerror(errno));
    unlink(tmp.s);
    goto out;
  }
  if(rename(tmp.s, path.s)) {
    kg_error("cannot rename '%s': %s", tmp.s, strerror(errno));
    unlink(tmp.s);
    goto out;
  }
  rc = 0;
out:
  kg_buf_release(&path);
  kg_buf_release(&tmp);
  return rc;
}

static void
build_release(struct build *b)
{
  size_t i;
  int k;

  for(i = 0; i < b->nsfx; i++) {
    for(k = 0; k < MAX_COND; k++)
      free(b->sfx[i].set[k]);
    free(b->sfx[i].strip);
    free(b->sfx[i].add);
  }
  free(b->sfx);
  free(b->first);
  for(i = 0; i < b->nwords; i++)
    free(b->words[i].key);
  free(b->words);
  kg_buf_release(&b->fold);
}

int
main(int argc, char **argv)
{
  struct build b;
  struct kg_buf file = KG_BUF_INIT;
  int rc = 1;

  if(argc != 4) {
    kg_error("usage: lexbuild FR.AFF FR.DIC OUTDIR");
    return 2;
  }
  memset(&b, 0, sizeof(b));
  if(read_aff(&b, argv[1]) || read_dic(&b, argv[2]))
    goto out;
  layout(&b, &file);
  if(write_file(argv[3], &file))
    goto out;
  fprintf(stderr, "lexicon: %zu forms from %zu suffix rules -> %s/%s\n",
          b.nwords, b.nsfx, argv[3], KG_LEX_INDEX_FILE);
  rc = 0;
out:
  kg_buf_release(&file);
  build_release(&b);
  return rc;
}
