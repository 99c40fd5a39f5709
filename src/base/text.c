/* text.c - UTF-8 checks, NFC, code-point offsets and matching keys. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/text.h"

int
kg_text_utf8_decode(const char *s, size_t len, int *cp)
{
  utf8proc_int32_t c;
  utf8proc_ssize_t n;

  if(!((unsigned char)s[0] & 0x80)) {  /* ASCII, as utf8proc_iterate() */
    *cp = (unsigned char)s[0];
    return 1;
  }
  n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
  if(n <= 0) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  *cp = (int)c;
  return (int)n;
}

int
kg_text_upper_at(const char *s, size_t len)
{
  int cp;

  if(!len)
    return 0;
  kg_text_utf8_decode(s, len, &cp);
  return utf8proc_isupper(cp);
}

int
kg_text_all_upper(const char *s, size_t len)
{
  size_t i = 0;
  int letters = 0;

  while(i < len) {
    int cp, k = kg_text_utf8_decode(s + i, len - i, &cp);

    if(utf8proc_islower(cp))
      return 0;
    letters += utf8proc_isupper(cp) != 0;
    i += k > 0 ? (size_t)k : 1;
  }
  return letters >= 2;
}

int
kg_text_utf8_check(const char *s, size_t len, size_t *bad)
{
  size_t i = 0;

  while(i < len) {
    unsigned char c = (unsigned char)s[i];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;

    if(c < 0x80) {
      i++;
      continue;
    }
    n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                         (utf8proc_ssize_t)(len - i), &cp);
    if(n <= 0) {
      if(bad)
        *bad = i;
      return -1;
    }
    i += (size_t)n;
  }
  return 0;
}

int
kg_text_looks_latin1(const char *s, size_t len)
{
  size_t i = 0;
  int high = 0;

  while(i < len) {
    unsigned char c = (unsigned char)s[i];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;

    if(c < 0x80) {
      i++;
      continue;
    }
    n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                         (utf8proc_ssize_t)(len - i), &cp);
    if(n > 1)
      return 0;  /* a real multi-byte sequence: UTF-8 with damage */
    if(c < 0xA0 && c != 0x80 && c != 0x92 && c != 0x96 && c != 0x9C)
      return 0;
    high++;
    i++;
  }
  return high > 0;
}

int
kg_text_looks_utf16(const char *s, size_t len)
{
  const unsigned char *u = (const unsigned char *)s;
  size_t n = (len < 512 ? len : 512) & ~(size_t)1, zeros[2] = { 0, 0 }, i;

  if(len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                  (u[0] == 0xFE && u[1] == 0xFF)))
    return 1;
  if(n < 4)
    return 0;
  for(i = 0; i < n; i++)
    if(!u[i])
      zeros[i & 1]++;
  return (zeros[0] * 4 >= n * 3 / 2 && !zeros[1]) ||
         (zeros[1] * 4 >= n * 3 / 2 && !zeros[0]);
}

/* 1 when NFC cannot change s: every code point is below U+0300 (precomposed
 * Latin letters compose with nothing before them), or is a starter with no
 * canonical decomposition that takes no part in any composition. */
static int
nfc_quick(const char *s, size_t len)
{
  size_t i = 0;

  while(i < len) {
    unsigned char c = (unsigned char)s[i];
    int cp, k;
    const utf8proc_property_t *p;

    if(c < 0x80) {
      i++;
      continue;
    }
    k = kg_text_utf8_decode(s + i, len - i, &cp);
    i += (size_t)k;
    if(cp < 0x300)
      continue;
    p = utf8proc_get_property(cp);
    if(p->combining_class ||
       (p->decomp_seqindex != UINT16_MAX && !p->decomp_type) ||
       /* arrows and symbols (U+2000-2BFF) compose only with marks that
        * the combining-class test catches; elsewhere stay careful */
       (p->comb_index != UINT16_MAX && (cp < 0x2000 || cp > 0x2BFF)) ||
       (cp >= 0x1100 && cp < 0x1200) ||
       (cp >= 0xAC00 && cp < 0xD7A4))
      return 0;
  }
  return 1;
}

int
kg_text_nfc(const char *s, size_t len, struct kg_buf *out)
{
  utf8proc_uint8_t *res = NULL;
  utf8proc_ssize_t n;

  kg_buf_reset(out);
  if(nfc_quick(s, len)) {
    kg_buf_add(out, s, len);
    return 0;
  }
  n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &res,
                   UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if(n < 0)
    return -1;
  kg_buf_add(out, res, (size_t)n);
  free(res);
  return 0;
}

size_t
kg_text_cp_count(const char *s, size_t len)
{
  size_t i, n = 0;

  for(i = 0; i < len; i++)
    if(((unsigned char)s[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* Checkpoint every 256 bytes: cp offset of that byte. */
struct kg_cpindex {
  const char *s;
  size_t len;
  size_t *marks;
};

struct kg_cpindex *
kg_text_cpindex_new(const char *s, size_t len)
{
  struct kg_cpindex *ix = kg_xcalloc(1, sizeof(*ix));
  size_t i, n = 0, nmarks = len / 256 + 2;

  ix->s = s;
  ix->len = len;
  ix->marks = kg_xcalloc(nmarks, sizeof(size_t));
  for(i = 0; i < len; i++) {
    if((i & 255) == 0)
      ix->marks[i >> 8] = n;
    if(((unsigned char)s[i] & 0xC0) != 0x80)
      n++;
  }
  if((len & 255) == 0)
    ix->marks[len >> 8] = n;
  return ix;
}

void
kg_text_cpindex_free(struct kg_cpindex *ix)
{
  if(!ix)
    return;
  free(ix->marks);
  free(ix);
}

size_t
kg_text_cpindex_cp(const struct kg_cpindex *ix, size_t off)
{
  size_t base, i, n;

  if(off > ix->len)
    off = ix->len;
  base = off & ~(size_t)255;
  n = ix->marks[base >> 8];
  for(i = base; i < off; i++)
    if(((unsigned char)ix->s[i] & 0xC0) != 0x80)
      n++;
  return n;
}

static int
is_word_cp(utf8proc_int32_t c)
{
  utf8proc_category_t cat;

  if(c >= 0 && c < 0x80)  /* ASCII's only letters and digits */
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  cat = utf8proc_category(c);
  switch(cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return 1;
    default:
      return 0;
  }
}

/* Appends the key's form of one code point of a decomposition. */
static void
fold_cp(utf8proc_int32_t c, struct kg_buf *tmp)
{
  utf8proc_uint8_t u[4];

  if(c < 0x80) {                   /* as the ASCII path of key_common() */
    int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@';

    kg_buf_addc(tmp, ok ? c : ' ');
  } else if(c == 0x153) {                 /* oe ligature */
    kg_buf_adds(tmp, "oe");
  } else if(c == 0xE6) {           /* ae ligature */
    kg_buf_adds(tmp, "ae");
  } else if(c == '@') {            /* Rur@linette: keep the at sign */
    kg_buf_addc(tmp, '@');
  } else if(c == 0x2BC) {          /* modifier apostrophe: a letter (Lm) */
    kg_buf_addc(tmp, ' ');         /* to Unicode, an apostrophe here */
  } else if(is_word_cp(c)) {
    kg_buf_add(tmp, u, (size_t)utf8proc_encode_char(c, u));
  } else {
    kg_buf_addc(tmp, ' ');
  }
}

/* Compatibility decomposition, marks stripped, case folded, then fold_cp(),
 * into @tmp; -1 on invalid UTF-8.  The same as utf8proc_map() with these
 * options, one code point at a time and with no allocation: the canonical
 * reordering that utf8proc_map() adds moves only combining marks, and
 * STRIPMARK has removed them. */
static int
fold(const char *s, size_t len, struct kg_buf *tmp)
{
  const utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPAT |
    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
  utf8proc_int32_t small[32], *d;
  size_t i = 0;
  int bound = UTF8PROC_BOUNDCLASS_START;

  while(i < len) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k, n, j;

    k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                         (utf8proc_ssize_t)(len - i), &c);
    if(k < 0 || c < 0)
      return -1;
    i += (size_t)k;
    if(c < 0x80) {                 /* no decomposition; folding is ASCII's */
      fold_cp(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c, tmp);
      continue;
    }
    d = small;
    n = utf8proc_decompose_char(c, d, 32, opt, &bound);
    if(n > 32) {
      d = kg_xmalloc((size_t)n * sizeof(*d));
      n = utf8proc_decompose_char(c, d, n, opt, &bound);
    }
    for(j = 0; j < n; j++)
      fold_cp(d[j], tmp);
    if(d != small)
      free(d);
    if(n < 0)
      return -1;
  }
  return 0;
}

static const char *
key_common(const char *s, size_t len, struct kg_buf *out, int drop_article)
{
  struct kg_buf tmp = KG_BUF_INIT;
  char *tok, *end, *buf;
  char small[128];
  int first = 1;

  kg_buf_reset(out);
  {
    /* fast path: ASCII needs no Unicode decomposition */
    size_t k;

    for(k = 0; k < len && !((unsigned char)s[k] & 0x80); k++)
      ;
    if(k == len) {
      if(len < sizeof small) {
        buf = small;  /* most calls are one word: no allocation */
      } else {
        kg_buf_init(&tmp);
        kg_buf_grow(&tmp, len);
        buf = tmp.s;
      }
      for(k = 0; k < len; k++) {
        char c = s[k];

        if(c >= 'A' && c <= 'Z')
          c = (char)(c - 'A' + 'a');
        else if(!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '@'))
          c = ' ';
        buf[k] = c;
      }
      buf[len] = '\0';
      goto tokens;
    }
  }
  kg_buf_init(&tmp);
  if(fold(s, len, &tmp)) {
    kg_buf_release(&tmp);
    return out->s;
  }
  buf = tmp.s;
tokens:
  /* the words between spaces, as strtok() would give them */
  for(tok = buf; ; tok = end) {
    size_t tl;

    while(*tok == ' ')
      tok++;
    if(!*tok)
      break;
    for(end = tok; *end && *end != ' '; end++)
      ;
    tl = (size_t)(end - tok);
    if(first && drop_article &&
       ((tl == 2 && tok[0] == 'l' && (tok[1] == 'e' || tok[1] == 'a')) ||
        (tl == 3 && !memcmp(tok, "les", 3)) || (tl == 1 && tok[0] == 'l'))) {
      first = 0;
      continue;
    }
    first = 0;
    if(out->len)
      kg_buf_addc(out, ' ');
    if(tl == 2 && !memcmp(tok, "st", 2))
      kg_buf_adds(out, "saint");
    else if(tl == 3 && !memcmp(tok, "ste", 3))
      kg_buf_adds(out, "sainte");
    else
      kg_buf_add(out, tok, tl);
  }
  kg_buf_release(&tmp);
  return kg_buf_str(out);
}

const char *
kg_text_key(const char *s, size_t len, struct kg_buf *out)
{
  return key_common(s, len, out, 1);
}

const char *
kg_text_key_keep_article(const char *s, size_t len, struct kg_buf *out)
{
  return key_common(s, len, out, 0);
}

const char *
kg_text_slug(const char *s, size_t len, size_t max, struct kg_buf *out)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t i;
  int dash = 0;

  kg_text_key_keep_article(s, len, &key);
  kg_buf_reset(out);
  for(i = 0; i < key.len && out->len < max; i++) {
    unsigned char c = (unsigned char)key.s[i];

    if((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if(dash && out->len)
        kg_buf_addc(out, '-');
      dash = 0;
      kg_buf_addc(out, c);
    } else {
      dash = 1;
    }
  }
  kg_buf_release(&key);
  return kg_buf_str(out);
}

/* The next word of s[0..len) at or after *i: its bounds in *ws and *i (end).
 * Returns 0 at the end of the text. */
static int
next_word(const char *s, size_t len, size_t *i, size_t *ws)
{
  while(*i < len) {
    int cp, n = kg_text_utf8_decode(s + *i, len - *i, &cp);

    if(is_word_cp(cp) || cp == '@')
      break;
    *i += (size_t)n;
  }
  if(*i >= len)
    return 0;
  *ws = *i;
  while(*i < len) {
    int cp, n = kg_text_utf8_decode(s + *i, len - *i, &cp);

    if(!is_word_cp(cp) && cp != '@')
      break;
    *i += (size_t)n;
  }
  return 1;
}

size_t
kg_text_key_prefix(const char *s, size_t len, const char *key)
{
  struct kg_buf wk = KG_BUF_INIT;
  size_t i = 0, end = 0, ws;
  const char *k = key;

  /* word by word, stopping at the first that differs */
  while(*k && next_word(s, len, &i, &ws)) {
    const char *sp = strchr(k, ' ');
    size_t kl = sp ? (size_t)(sp - k) : strlen(k);
    unsigned char c = (unsigned char)s[ws];

    /* a word that starts with an ASCII letter, digit or '@' has that
     * character, lower-cased, first in its key */
    if(kl && c < 0x80 && (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) !=
                         (unsigned char)*k)
      break;
    kg_text_key_keep_article(s + ws, i - ws, &wk);
    if(wk.len != kl || memcmp(wk.s, k, kl))
      break;
    k += kl;
    if(*k == ' ')
      k++;
    end = i;
  }
  kg_buf_release(&wk);
  return *k ? 0 : end;
}

/* The key of word @i, folded on first use. */
static const char *
word_key(struct kg_text_words *w, size_t i)
{
  struct kg_text_word *x = &w->v[i];

  if(!x->key) {
    struct kg_buf wk = KG_BUF_INIT;

    x->key = kg_xstrdup(kg_text_key_keep_article(w->s + x->a, x->z - x->a,
                                                 &wk));
    kg_buf_release(&wk);
  }
  return x->key;
}

void
kg_text_words_init(struct kg_text_words *w, const char *s, size_t len)
{
  size_t i = 0, ws;

  memset(w, 0, sizeof(*w));
  w->s = s;
  while(next_word(s, len, &i, &ws)) {
    struct kg_text_word *x;
    unsigned char f = (unsigned char)s[ws];

    KG_GROW(w->v, w->cap, w->n + 1);
    x = &w->v[w->n++];
    x->a = ws;
    x->z = i;
    x->key = NULL;
    /* a word that begins with an ASCII letter, digit or '@' has it first
     * in its key, lower-cased: no need to fold it yet */
    if(f < 0x80)
      x->first = (char)(f >= 'A' && f <= 'Z' ? f - 'A' + 'a' : f);
    else
      x->first = word_key(w, w->n - 1)[0];
  }
}

void
kg_text_words_release(struct kg_text_words *w)
{
  size_t i;

  for(i = 0; i < w->n; i++)
    free(w->v[i].key);
  free(w->v);
  memset(w, 0, sizeof(*w));
}

size_t
kg_text_words_at(const struct kg_text_words *w, size_t at)
{
  size_t lo = 0, hi = w->n;

  /* the first word that ends after @at */
  while(lo < hi) {
    size_t mid = lo + (hi - lo) / 2;

    if(w->v[mid].z <= at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < w->n && w->v[lo].a < at ? (size_t)-1 : lo;
}

size_t
kg_text_words_prefix(struct kg_text_words *w, size_t i, const char *key)
{
  const char *k = key;
  size_t end = 0;

  /* word by word, as kg_text_key_prefix() compares them */
  for(; *k && i < w->n; i++) {
    const char *sp;
    size_t kl;

    if(*k != ' ' && w->v[i].first != *k)
      break;                       /* the first letters differ */
    sp = strchr(k, ' ');
    kl = sp ? (size_t)(sp - k) : strlen(k);
    if(strlen(word_key(w, i)) != kl || memcmp(word_key(w, i), k, kl))
      break;
    k += kl;
    if(*k == ' ')
      k++;
    end = w->v[i].z;
  }
  return *k ? 0 : end;
}

int
kg_text_key_contains(const char *key, const char *word)
{
  size_t wl = strlen(word);
  const char *p = key;

  if(!wl)
    return 0;
  while((p = strstr(p, word)) != NULL) {
    if((p == key || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' '))
      return 1;
    p++;
  }
  return 0;
}

void
kg_text_wordkeys_init(struct kg_wordkeys *w, const char *s, size_t len)
{
  struct kg_buf wk = KG_BUF_INIT;
  size_t i = 0, ws;

  w->n = 0;
  kg_buf_init(&w->all);
  while(w->n < KG_WORDKEYS_MAX && next_word(s, len, &i, &ws)) {
    kg_text_key_keep_article(s + ws, i - ws, &wk);
    if(w->all.len)
      kg_buf_addc(&w->all, ' ');
    kg_buf_add(&w->all, wk.s, wk.len);
    w->end[w->n] = i;
    w->kend[w->n] = w->all.len;
    w->n++;
  }
  kg_buf_release(&wk);
}

size_t
kg_text_wordkeys_prefix(const struct kg_wordkeys *w, const char *key)
{
  size_t kl, i;

  if(key[0] != w->all.s[0])        /* the first letters differ */
    return 0;
  kl = strlen(key);
  if(!kl || kl > w->all.len || memcmp(w->all.s, key, kl))
    return 0;
  for(i = 0; i < w->n; i++)
    if(w->kend[i] == kl)
      return w->end[i];
  return 0;
}

void
kg_text_wordkeys_release(struct kg_wordkeys *w)
{
  kg_buf_release(&w->all);
  w->n = 0;
}
