/* names.c - words, vocabulary phrases, capitalised runs and acronyms of
 * proper names in prose. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/hash.h"
#include "base/text.h"
#include "extract/names.h"
#include "ref/vocab.h"

/* ------------------------------------------------------------ words */

/* First occurrence of C string @pat in s[0..len), or NULL. */
static const char *
find_str(const char *s, size_t len, const char *pat)
{
  size_t n = strlen(pat), i;

  for(i = 0; i + n <= len; i++)
    if(!memcmp(s + i, pat, n))
      return s + i;
  return NULL;
}

static int
letter(int cp)
{
  utf8proc_category_t c;

  if(cp < 0x80)  /* ASCII's only letters and digits: no table lookup */
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int
joiner(int cp)
{
  return cp == '-' || cp == '\'' || cp == 0x2019 || cp == '&' || cp == '@' ||
         cp == '.' || cp == '#' || cp == '/' || cp == '+' || cp == '<' ||
         cp == '>' || cp == '_' || cp == 0x2010 || cp == 0x2011;
}

static int
cp_at(const char *t, size_t len, size_t i, int *cp)
{
  if(i >= len) {
    *cp = 0;
    return 0;
  }
  return kg_text_utf8_decode(t + i, len - i, cp);
}

/* "l'", "d'", "qu'": an elided article or conjunction before an apostrophe */
static int
elision(const char *t, size_t a, size_t z)
{
  static const char *const el[] = { "l", "d", "j", "n", "s", "c", "m", "t",
                                    "qu", "jusqu", "lorsqu", "puisqu", NULL };
  size_t i, n = z - a;

  for(i = 0; el[i]; i++)
    if(strlen(el[i]) == n) {
      size_t k;

      for(k = 0; k < n && (t[a + k] | 0x20) == el[i][k]; k++)
        ;
      if(k == n)
        return 1;
    }
  return 0;
}

/* "(s)" or "[s]" right after letters: part of the word ("Commun(s)") */
static size_t
plural_mark(const char *t, size_t len, size_t i)
{
  size_t k = i + 1;
  int n = 0;

  if(i >= len || (t[i] != '(' && t[i] != '['))
    return 0;
  while(k < len && t[k] >= 'a' && t[k] <= 'z' && n < 3) {
    k++;
    n++;
  }
  if(n && k < len && (t[k] == ')' || t[k] == ']'))
    return k + 1 - i;
  return 0;
}

/* End of the word starting at @i; *elided when it ends an elision. */
static size_t
word_end(const char *t, size_t len, size_t i, int *elided)
{
  size_t st = i;
  int cp;

  *elided = 0;
  if(t[i] == '#')
    i++;
  for(;;) {
    int k = cp_at(t, len, i, &cp);
    size_t j, m;
    int c2 = 0;

    if(k && letter(cp)) {
      i += (size_t)k;
      continue;
    }
    if(!k)
      break;
    if((cp == '\'' || cp == 0x2019) && elision(t, st, i)) {
      int k2 = cp_at(t, len, i + (size_t)k, &c2);

      if(k2 && letter(c2)) {
        *elided = 1;
        return i + (size_t)k;
      }
    }
    if((m = plural_mark(t, len, i)) > 0) {
      i += m;
      continue;
    }
    if(!joiner(cp))
      break;
    /* up to two joiners, then a letter */
    j = i + (size_t)k;
    k = cp_at(t, len, j, &c2);
    if(k && joiner(c2)) {
      j += (size_t)k;
      k = cp_at(t, len, j, &c2);
    }
    if(!k || !letter(c2))
      break;
    i = j;
  }
  return i;
}

static unsigned
gap_of(const char *t, size_t a, size_t z)
{
  unsigned g = 0;
  size_t i = a;

  while(i < z) {
    int cp, k = kg_text_utf8_decode(t + i, z - i, &cp);

    if(cp == ',')
      g |= KG_GAP_COMMA;
    else if(cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == 0x2026 ||
            cp == '\n')
      g |= KG_GAP_STOP;
    else if(cp == ':')
      g |= KG_GAP_COLON;
    else if(cp == '(' || cp == '[')
      g |= KG_GAP_OPEN;
    else if(cp == ')' || cp == ']')
      g |= KG_GAP_CLOSE;
    else if(cp == 0xAB || cp == 0xBB || cp == '"' || cp == 0x201C ||
            cp == 0x201D)
      g |= KG_GAP_QUOTE;
    else if(cp == 0x2013 || cp == 0x2014 || cp == '-')
      g |= KG_GAP_DASH;
    else if(cp != ' ' && cp != 0xA0 && cp != 0x202F && cp != '\t')
      g |= KG_GAP_OTHER;
    i += (size_t)k;
  }
  return g;
}

/* utf8proc_isupper() and utf8proc_islower(), ASCII without a lookup */
static int
upper_cp(int cp)
{
  return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : utf8proc_isupper(cp);
}

static int
lower_cp(int cp)
{
  return cp < 0x80 ? cp >= 'a' && cp <= 'z' : utf8proc_islower(cp);
}

static void
word_shape(struct kg_word *w, const char *t)
{
  size_t i = w->a;
  int upper = 0, lower = 0, first = 1, seen_lower = 0;

  while(i < w->z) {
    int cp, k = kg_text_utf8_decode(t + i, w->z - i, &cp);

    if(upper_cp(cp)) {
      upper++;
      if(seen_lower)
        w->mixed = 1;
      if(first)
        w->cap = 1;
    } else if(lower_cp(cp)) {
      lower++;
      seen_lower = 1;
    }
    if(i > w->a && i + (size_t)k < w->z &&
       (cp == '@' || cp == '&' || cp == '#' || cp == '<' || cp == '>' ||
        cp == '+'))
      w->marked = 1;
    if(cp != '#')
      first = 0;
    i += (size_t)k;
  }
  w->acro = upper >= 2 && !lower;
}

static void phrases_index(const struct kg_names_lex *lx, struct kg_words *w);

void
kg_names_split(const struct kg_names_lex *lx, const char *t, size_t len,
               struct kg_words *out)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t i = 0, k;

  memset(out, 0, sizeof(*out));
  out->text = t;
  out->len = len;
  while(i < len) {
    int cp, n = kg_text_utf8_decode(t + i, len - i, &cp), c2 = 0, el;
    struct kg_word *w;

    if(cp == '<' && len - i >= 4 && !memcmp(t + i, "<!--", 4)) {
      /* an HTML comment says nothing of the event */
      const char *end = find_str(t + i + 4, len - i - 4, "-->");

      i = end ? (size_t)(end - t) + 3 : len;
      continue;
    }
    if(!letter(cp) &&
       !(cp == '#' && cp_at(t, len, i + 1, &c2) && letter(c2))) {
      i += (size_t)n;
      continue;
    }
    KG_GROW(out->v, out->cap, out->n + 1);
    w = &out->v[out->n++];
    memset(w, 0, sizeof(*w));
    w->a = i;
    w->z = word_end(t, len, i, &el);
    kg_text_key_keep_article(t + w->a, w->z - w->a, &key);
    w->key = kg_xstrdup(key.s);
    word_shape(w, t);
    i = w->z;
  }
  for(k = 0; k < out->n; k++) {
    out->v[k].gap = gap_of(t, out->v[k].z,
                           k + 1 < out->n ? out->v[k + 1].a : len);
    out->v[k].initial = k == 0 ||
      (out->v[k - 1].gap & (KG_GAP_STOP | KG_GAP_COLON | KG_GAP_DASH |
                            KG_GAP_QUOTE));
  }
  kg_buf_release(&key);
  phrases_index(lx, out);
}

void
kg_names_release(struct kg_words *w)
{
  size_t i;

  for(i = 0; i < w->n; i++)
    free(w->v[i].key);
  free(w->v);
  free(w->roles);
  memset(w, 0, sizeof(*w));
}

/* ------------------------------------------------------------ phrases */

/* The entry of @key in lx->grams, added (empty) if new. */
static struct kg_names_gram *
gram_of(struct kg_names_lex *lx, const char *key)
{
  size_t *slot = kg_hash_ref(&lx->grams, key, NULL);

  if(!*slot) {
    KG_GROW(lx->gram, lx->capgram, lx->ngram + 1);
    memset(&lx->gram[lx->ngram], 0, sizeof(lx->gram[0]));
    *slot = ++lx->ngram;
  }
  return &lx->gram[*slot - 1];
}

void
kg_names_lex_init(struct kg_names_lex *lx, const struct kg_vocab *v)
{
  size_t r, p;

  memset(lx, 0, sizeof(*lx));
  lx->v = v;
  kg_hash_init(&lx->roles);
  kg_hash_init(&lx->roles_hi);
  kg_hash_init(&lx->grams);
  for(r = 0; r < KG_CUE_ROLE_COUNT; r++)
    for(p = 0; p < v->ncues[r]; p++) {
      const char *key = v->cues[r][p].key, *c;
      int words = 1;

      if(!key[0])
        continue;
      *kg_hash_ref(r < KG_NAMES_ROLE_BITS ? &lx->roles : &lx->roles_hi, key,
                   NULL) |= (size_t)1 << (r % KG_NAMES_ROLE_BITS);
      gram_of(lx, key)->roles[r / KG_NAMES_ROLE_BITS] |=
        (size_t)1 << (r % KG_NAMES_ROLE_BITS);
      for(c = key; *c; c++)
        if(*c == ' ') {
          struct kg_buf stem = KG_BUF_INIT;

          kg_buf_add(&stem, key, (size_t)(c - key));
          gram_of(lx, stem.s)->stem = 1;
          kg_buf_release(&stem);
          words++;
        }
      if(words > lx->maxwords)
        lx->maxwords = words;
    }
}

void
kg_names_lex_release(struct kg_names_lex *lx)
{
  kg_hash_release(&lx->roles);
  kg_hash_release(&lx->roles_hi);
  kg_hash_release(&lx->grams);
  free(lx->gram);
}

/* every role has its bit in one of the two masks of struct kg_names_lex */
typedef char kg_names_roles_fit[KG_CUE_ROLE_COUNT <= 2 * KG_NAMES_ROLE_BITS
                                ? 1 : -1];

/* The role masks of the phrase of words [i, i + m): looked up once per
 * word and length by phrases_index(), then read by every recogniser. */
static const size_t *
masks(const struct kg_words *w, size_t i, size_t m)
{
  return &w->roles[(i * w->maxw + m - 1) * 2];
}

static int
has_role(const struct kg_words *w, size_t i, size_t m, enum kg_cue_role role)
{
  return (masks(w, i, m)[(size_t)role / KG_NAMES_ROLE_BITS] >>
          ((size_t)role % KG_NAMES_ROLE_BITS)) & 1;
}

/* Fills w->roles: each phrase of words with no punctuation inside, as
 * long as the words so far begin a longer key. */
static void
phrases_index(const struct kg_names_lex *lx, struct kg_words *w)
{
  struct kg_buf gram = KG_BUF_INIT;
  size_t i, m, g;

  w->maxw = (size_t)lx->maxwords;
  w->roles = kg_xcalloc(w->n * w->maxw * 2 + 1, sizeof(size_t));
  for(i = 0; i < w->n; i++) {
    kg_buf_reset(&gram);
    for(m = 1; m <= w->maxw && i + m <= w->n; m++) {
      size_t *r = &w->roles[(i * w->maxw + m - 1) * 2];

      if(m > 1 && w->v[i + m - 2].gap)
        break;
      if(m > 1)
        kg_buf_addc(&gram, ' ');
      kg_buf_adds(&gram, w->v[i + m - 1].key);
      if(!(g = kg_hash_value(&lx->grams, gram.s)))
        break;                     /* no key is or begins so */
      r[0] = lx->gram[g - 1].roles[0];
      r[1] = lx->gram[g - 1].roles[1];
      if(r[0] || r[1])
        w->v[i].top = m;
      if(!lx->gram[g - 1].stem)
        break;                     /* no longer key begins so */
    }
  }
  kg_buf_release(&gram);
}

int
kg_names_vocab_word(const struct kg_words *w, size_t i)
{
  return i < w->n && w->maxw && (masks(w, i, 1)[0] || masks(w, i, 1)[1]);
}

size_t
kg_names_phrase(const struct kg_names_lex *lx, const struct kg_words *w,
                size_t i, enum kg_cue_role role)
{
  size_t m;

  (void)lx;
  for(m = i < w->n ? w->v[i].top : 0; m > 0; m--)
    if(has_role(w, i, m, role))
      return m;
  return 0;
}

size_t
kg_names_phrase_before(const struct kg_names_lex *lx, const struct kg_words *w,
                       size_t end, enum kg_cue_role role)
{
  size_t m;

  (void)lx;
  for(m = w->maxw; m > 0; m--)
    if(m <= end && m <= w->v[end - m].top && has_role(w, end - m, m, role))
      return end - m;
  return end;
}

/* ------------------------------------------------------------ runs */

static int
grammatical_roles(size_t r)
{
  return (r & (((size_t)1 << KG_CUE_NAME_STOP) |
               ((size_t)1 << KG_CUE_ARTICLE) |
               ((size_t)1 << KG_CUE_NAME_CONNECTOR))) != 0;
}

static int
grammatical(const struct kg_names_lex *lx, const char *key)
{
  return grammatical_roles(kg_hash_value(&lx->roles, key));
}

int
kg_names_capital(const struct kg_names_lex *lx, const struct kg_words *w,
                 size_t i)
{
  const struct kg_word *x = &w->v[i < w->n ? i : 0];
  size_t r;

  (void)lx;
  if(i >= w->n || !(x->cap || x->acro || x->mixed || x->marked))
    return 0;
  r = w->maxw ? masks(w, i, 1)[0] : 0;  /* the roles of its key alone */
  /* "Est Ensemble": a capital inside a sentence is a name's, but "Le",
   * "De" and a sentence's first word are not */
  return x->acro || !grammatical_roles(r) ||
         (!x->initial && !(r & (((size_t)1 << KG_CUE_ARTICLE) |
                                ((size_t)1 << KG_CUE_NAME_CONNECTOR))));
}

size_t
kg_names_run(const struct kg_names_lex *lx, const struct kg_words *w, size_t i,
             size_t max)
{
  size_t j;

  if(i >= w->n || !kg_names_capital(lx, w, i))
    return i;
  j = i + 1;
  while(j < w->n && j - i < max && !w->v[j - 1].gap) {
    size_t m;

    if(kg_names_capital(lx, w, j) &&
       !kg_names_phrase(lx, w, j, KG_CUE_NAME_DATE_STOP)) {
      j++;       /* not "… Midi-Pyrénées Jeudi 3 avril" */
      continue;
    }
    m = kg_names_phrase(lx, w, j, KG_CUE_NAME_CONNECTOR);
    if(!m || j + m >= w->n || w->v[j + m - 1].gap ||
       !kg_names_capital(lx, w, j + m))
      break;
    j += m + 1;
  }
  return j;
}

size_t
kg_names_run_back(const struct kg_names_lex *lx, const struct kg_words *w,
                  size_t end, size_t max)
{
  size_t j;

  if(!end || !kg_names_capital(lx, w, end - 1))
    return end;
  j = end - 1;
  while(j > 0 && end - j < max && !w->v[j - 1].gap) {
    size_t s;

    if(kg_names_capital(lx, w, j - 1) && !w->v[j].initial) {
      j--;
      continue;
    }
    s = kg_names_phrase_before(lx, w, j, KG_CUE_NAME_CONNECTOR);
    if(s == j || s == 0 || w->v[s - 1].gap || !kg_names_capital(lx, w, s - 1))
      break;
    j = s - 1;
  }
  return j;
}

size_t
kg_names_skip_article(const struct kg_names_lex *lx, const struct kg_words *w,
                      size_t i)
{
  return i + (i < w->n ? kg_names_phrase(lx, w, i, KG_CUE_ARTICLE) : 0);
}

int
kg_names_person_shaped(const struct kg_words *w, size_t i, size_t j)
{
  size_t k;

  if(j - i < 2 || j - i > 3)
    return 0;
  for(k = i; k < j; k++)
    if(!w->v[k].cap || w->v[k].mixed || w->v[k].marked ||
       (w->v[k].acro && k == i))
      return 0;
  return 1;
}

/* ------------------------------------------------------------ acronyms */

#define ACRO_MAX 16

/* Letters of word @i folded, no spaces nor digits. */
static size_t
acro_letters(const struct kg_words *w, size_t i, char *out)
{
  const char *k = w->v[i].key;
  size_t n = 0;

  for(; *k && n < ACRO_MAX; k++)
    if(*k >= 'a' && *k <= 'z')
      out[n++] = *k;
  out[n] = '\0';
  return *k ? 0 : n;
}

/* One step of the match: from the reachable positions @from (with @skips
 * content words given no letter, at most one) to @to, over @part. */
static void
acro_step(const char *acro, size_t n, const char *part, size_t plen,
          int function, int first, const char from[2][ACRO_MAX + 1],
          char to[2][ACRO_MAX + 1])
{
  size_t p, l;
  int s;

  for(s = 0; s < 2; s++)
    for(p = 0; p <= n; p++) {
      if(!from[s][p])
        continue;
      if(!first && function)
        to[s][p] = 1;
      else if(!first && !s)
        to[1][p] = 1;
      for(l = 1; l <= plen && p + l <= n && part[l - 1] == acro[p + l - 1];
          l++)
        to[s][p + l] = 1;
    }
}

int
kg_names_acronym_of(const struct kg_names_lex *lx, const struct kg_words *w,
                    size_t acro, size_t i0, size_t i1)
{
  char a[ACRO_MAX + 1], reach[2][ACRO_MAX + 1], next[2][ACRO_MAX + 1];
  size_t n = acro_letters(w, acro, a), k;
  int first = 1;

  if(n < 2 || i1 <= i0)
    return 0;
  memset(reach, 0, sizeof reach);
  reach[0][0] = 1;
  for(k = i0; k < i1; k++) {
    char *copy = kg_xstrdup(w->v[k].key), *save = NULL, *part;

    for(part = strtok_r(copy, " ", &save); part;
        part = strtok_r(NULL, " ", &save)) {
      memset(next, 0, sizeof next);
      acro_step(a, n, part, strlen(part), grammatical(lx, part), first,
                (const char (*)[ACRO_MAX + 1])reach, next);
      memcpy(reach, next, sizeof reach);
      first = 0;
    }
    free(copy);
  }
  return reach[0][n] || reach[1][n];
}

void
kg_names_acronyms(const struct kg_names_lex *lx, const struct kg_words *w,
                  struct kg_names_spans *out)
{
  size_t i, e, s;

  for(i = 0; i + 1 < w->n; i++) {
    if(w->v[i].gap != KG_GAP_OPEN)
      continue;
    if(w->v[i].acro || w->v[i].mixed) {
      /* ACRO (Expansion …), "CoRAIA (Coordination Rhône-Alpes …)" */
      for(e = i + 1; e < w->n && !w->v[e].gap && e - i < 14; e++)
        ;
      if(e < w->n && (w->v[e].gap & KG_GAP_CLOSE) && e > i + 1 &&
         w->v[i + 1].cap && kg_names_acronym_of(lx, w, i, i + 1, e + 1))
        kg_names_span_add(out, w->v[i + 1].a, w->v[e].z, w->v[i].a,
                          w->v[i].z, 0, (int)(i + 1));
      continue;
    }
    /* Expansion … (ACRO) */
    /* "(ANCT)", "(CoRAIA)", or a press style "(Ansa)" of six letters at
     * most, when the words before spell it */
    if(!(w->v[i + 1].acro || w->v[i + 1].mixed ||
         (w->v[i + 1].cap && w->v[i + 1].z - w->v[i + 1].a <= 6)) ||
       !(w->v[i + 1].gap & KG_GAP_CLOSE))
      continue;
    for(s = i + 1; s > 0 && i + 1 - s < 14; s--) {
      if(s <= i && w->v[s - 1].gap)
        break;
      if(w->v[s - 1].cap && kg_names_acronym_of(lx, w, i + 1, s - 1, i + 1)) {
        kg_names_span_add(out, w->v[s - 1].a, w->v[i].z, w->v[i + 1].a,
                          w->v[i + 1].z, 0, (int)(s - 1));
        break;
      }
    }
  }
}

int
kg_names_expansion_kind(const struct kg_names_lex *lx,
                        const struct kg_words *w, size_t i)
{
  static const enum kg_cue_role org[] = {
    KG_CUE_ORG_HEAD, KG_CUE_ORG_HEAD_WEAK, KG_CUE_ORG_HEAD_PROPER,
    KG_CUE_ORG_STANDALONE };
  size_t r;

  for(r = 0; r < sizeof org / sizeof org[0]; r++)
    if(kg_names_phrase(lx, w, i, org[r]))
      return 1;
  if(kg_names_phrase(lx, w, i, KG_CUE_INITIATIVE_INTRO) ||
     kg_names_phrase(lx, w, i, KG_CUE_INITIATIVE_NOUN) ||
     kg_names_phrase(lx, w, i, KG_CUE_INITIATIVE_KIND))
    return 2;
  return 0;
}

/* ------------------------------------------------------------ spans */

void
kg_names_span_add(struct kg_names_spans *s, size_t a, size_t z, size_t aa,
                  size_t az, int conf, int flags)
{
  struct kg_names_span *c;

  if(z <= a)
    return;
  KG_GROW(s->v, s->cap, s->n + 1);
  c = &s->v[s->n++];
  c->a = a;
  c->z = z;
  c->aa = aa;
  c->az = az;
  c->conf = conf;
  c->flags = flags;
}

static size_t
span_lo(const struct kg_names_span *c)
{
  return c->az > c->aa && c->aa < c->a ? c->aa : c->a;
}

static size_t
span_hi(const struct kg_names_span *c)
{
  return c->az > c->aa && c->az > c->z ? c->az : c->z;
}

static int
cmp_span(const void *pa, const void *pb)
{
  const struct kg_names_span *a = pa, *b = pb;
  size_t la = span_hi(a) - span_lo(a), lb = span_hi(b) - span_lo(b);

  if((a->conf == 100) != (b->conf == 100))
    return a->conf == 100 ? -1 : 1;
  if(la != lb)
    return la > lb ? -1 : 1;
  if(a->conf != b->conf)
    return a->conf > b->conf ? -1 : 1;
  return span_lo(a) < span_lo(b) ? -1 : span_lo(a) > span_lo(b);
}

void
kg_names_spans_resolve(struct kg_names_spans *s, char *keep)
{
  size_t i, j;

  if(!s->n)
    return;
  qsort(s->v, s->n, sizeof(*s->v), cmp_span);
  for(i = 0; i < s->n; i++) {
    keep[i] = 1;
    for(j = 0; j < i && keep[i]; j++)
      if(keep[j] && span_lo(&s->v[i]) < span_hi(&s->v[j]) &&
         span_lo(&s->v[j]) < span_hi(&s->v[i]))
        keep[i] = 0;
  }
}
