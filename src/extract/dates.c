/* dates.c - dates in text: numeric forms (12/05/2021, 06.02.2020,
 * 2021-05-12) and written forms ("[lundi] 9 avril [2024]", ranges "les 4
 * et 5 juin", "du 2 au 4 octobre", "du 30 septembre au 2 octobre 2022").
 *
 * The text is cut into tokens (numbers, words, punctuation); month and
 * weekday names and the range words are matched as phrases of the
 * vocabulary, so "sept." and "Septembre" are one month and a new wording
 * is a line of ontology/lexicon.ttl.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/text.h"
#include "extract/dates.h"
#include "ref/vocab.h"

enum tok_kind { T_NUM, T_WORD, T_PUNCT };

struct tok {
  enum tok_kind k;
  size_t s, e;
  int val;               /* T_NUM: its value (at most 4 digits kept) */
  int glued;             /* no space between this token and the previous */
  size_t word;           /* kg_text_words_at() of its start (T_NUM, T_WORD) */
};

struct scan {
  const struct kg_vocab *v;
  const char *s;
  size_t len;
  struct tok *t;
  size_t n, cap;
  struct kg_text_words *words;  /* their keys, once for every phrase */
  unsigned char wd_first[256];  /* first letters of the weekdays' keys */
  int wd_all;                   /* a weekday phrase that has none */
};

static int
is_alnum_cp(int cp)
{
  utf8proc_category_t c;

  if(cp < 0x80)  /* ASCII's only letters and digits: no table lookup */
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN;
}

static void
tokenize(struct scan *sc)
{
  size_t i = 0;
  int glued = 0;

  while(i < sc->len) {
    int cp, k = kg_text_utf8_decode(sc->s + i, sc->len - i, &cp);
    struct tok *t;

    if(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
       cp == 0x202F) {
      glued = 0;
      i += (size_t)k;
      continue;
    }
    KG_GROW(sc->t, sc->cap, sc->n + 1);
    t = &sc->t[sc->n++];
    t->s = i;
    t->glued = glued;
    t->val = 0;
    glued = 1;
    if(!is_alnum_cp(cp)) {
      t->k = T_PUNCT;
      i += (size_t)k;
      t->e = i;
      continue;
    }
    t->k = T_NUM;
    while(i < sc->len) {
      int c2, k2 = kg_text_utf8_decode(sc->s + i, sc->len - i, &c2);

      if(!is_alnum_cp(c2))
        break;
      if(c2 < '0' || c2 > '9')
        t->k = T_WORD;
      else if(t->k == T_NUM && i - t->s < 4)
        t->val = t->val * 10 + (c2 - '0');
      i += (size_t)k2;
    }
    t->e = i;
    if(t->k == T_NUM && t->e - t->s > 4)
      t->k = T_WORD;  /* a long number is no part of a date */
  }
}

/* Where the text from token @i stops matching @key, as kg_text_key_prefix()
 * says, but with the keys of the words computed once. */
static size_t
key_end(const struct scan *sc, size_t i, const char *key)
{
  size_t at = sc->t[i].s, w = sc->t[i].word, e;

  if(w == (size_t)-1)
    return kg_text_key_prefix(sc->s + at, sc->len - at, key);
  if(w >= sc->words->n ||
     (key[0] != ' ' && sc->words->v[w].first != key[0]))
    return 0;                    /* no word left, or another first letter */
  e = kg_text_words_prefix(sc->words, w, key);
  return e ? e - at : 0;
}

/* Tokens that phrase @ph matches from token @i (0: none). */
static size_t
phrase_at(const struct scan *sc, const struct kg_phrase *ph, size_t i)
{
  size_t end, j;

  if(!ph->key[0]) {   /* punctuation only: compared as written */
    size_t l = strlen(ph->text);

    if(sc->t[i].k == T_PUNCT && sc->t[i].e - sc->t[i].s == l &&
       !memcmp(sc->s + sc->t[i].s, ph->text, l))
      return 1;
    return 0;
  }
  if(sc->t[i].k == T_PUNCT)
    return 0;
  end = key_end(sc, i, ph->key);
  if(!end)
    return 0;
  for(j = i; j < sc->n && sc->t[j].e <= sc->t[i].s + end; j++)
    if(sc->t[j].e == sc->t[i].s + end)
      return j - i + 1;
  return 0;
}

/* Longest phrase of @ph[0..n) at token @i: tokens used, 0 if none. */
static size_t
phrases_at(const struct scan *sc, const struct kg_phrase *ph, size_t n,
           size_t i)
{
  size_t p, best = 0;

  if(i >= sc->n)
    return 0;
  for(p = 0; p < n; p++) {
    size_t u = phrase_at(sc, &ph[p], i);

    if(u > best)
      best = u;
  }
  return best;
}

/* A day at token @i ("9", "09", "1er"): 1..31, or 0. */
static int
day_at(const struct scan *sc, size_t i, size_t *used)
{
  const struct tok *t = &sc->t[i];

  *used = 1;
  if(t->k == T_NUM && t->e - t->s <= 2 && t->val >= 1 && t->val <= 31)
    return t->val;
  *used = phrases_at(sc, sc->v->ordinals[0], sc->v->nordinals[0], i);
  return *used ? 1 : 0;
}

/* A month name at token @i (with an abbreviation's full stop): 1..12. */
static int
month_at(const struct scan *sc, size_t i, size_t *used)
{
  int m;

  for(m = 0; m < 12; m++) {
    size_t u = phrases_at(sc, sc->v->months[m], sc->v->nmonths[m], i);

    if(u) {
      *used = u;
      return m + 1;
    }
  }
  return 0;
}

static int
year_at(const struct scan *sc, size_t i)
{
  const struct tok *t;

  if(i >= sc->n)
    return 0;
  t = &sc->t[i];
  if(t->k == T_NUM && t->e - t->s == 4 && t->val >= 1900 && t->val <= 2099)
    return t->val;
  return 0;
}

static int weekday_at(const struct scan *sc, size_t i, size_t *used);

/* Tokens of "le vendredi" or "vendredi" at token @i, after the "et" of
 * "le jeudi 21 et le vendredi 22 juin": an article, then a weekday (0:
 * none). */
static size_t
weekday_after_and(const struct scan *sc, size_t i)
{
  size_t a = phrases_at(sc, sc->v->cues[KG_CUE_ARTICLE],
                        sc->v->ncues[KG_CUE_ARTICLE], i), u = 0;

  if(i + a < sc->n && weekday_at(sc, i + a, &u))
    return a + u;
  return 0;
}

/* One month's days: "4", "4 et 5", "2 au 4", "21 et le vendredi 22", then
 * the month and a year.  Fills d (first day, last day in d2) and returns
 * the token after it. */
static size_t
piece(const struct scan *sc, size_t i, struct kg_date *d)
{
  size_t u, j;
  int day = day_at(sc, i, &u), last;

  if(!day)
    return 0;
  d->d = last = day;
  j = i + u;
  for(;;) {
    size_t w = phrases_at(sc, sc->v->cues[KG_CUE_DATE_AND],
                          sc->v->ncues[KG_CUE_DATE_AND], j);
    size_t u2;
    int next;

    if(!w)
      w = phrases_at(sc, sc->v->cues[KG_CUE_DATE_RANGE],
                     sc->v->ncues[KG_CUE_DATE_RANGE], j);
    if(!w || j + w >= sc->n)
      break;
    w += weekday_after_and(sc, j + w);
    if(j + w >= sc->n)
      break;
    next = day_at(sc, j + w, &u2);
    if(!next || next <= last)
      break;
    last = next;
    j += w + u2;
  }
  d->m = month_at(sc, j, &u);
  if(!d->m)
    return 0;
  j += u;
  if(j < sc->n && sc->t[j].glued && sc->s[sc->t[j].s] == '.' &&
     year_at(sc, j + 1))
    j++;
  d->y = year_at(sc, j);
  if(d->y)
    j++;
  if(last != day) {
    d->d2 = last;
    d->m2 = d->m;
    d->y2 = d->y;
  }
  return j;
}

/* The first letters of the weekday phrases, to pass most tokens by. */
static void
weekday_firsts(struct scan *sc)
{
  size_t w, p;

  for(w = 0; w < 7; w++)
    for(p = 0; p < sc->v->nweekdays[w]; p++) {
      const char *k = sc->v->weekdays[w][p].key;

      if(!k[0] || k[0] == ' ')
        sc->wd_all = 1;
      else
        sc->wd_first[(unsigned char)k[0]] = 1;
    }
}

/* 0 when no weekday phrase can match at token @i: punctuation, or a word
 * whose key begins with no weekday's first letter (see key_end()). */
static int
weekday_may(const struct scan *sc, size_t i)
{
  size_t w;

  if(sc->wd_all)
    return 1;
  if(i >= sc->n || sc->t[i].k == T_PUNCT)
    return 0;
  w = sc->t[i].word;
  return w == (size_t)-1 ||
         (w < sc->words->n &&
          sc->wd_first[(unsigned char)sc->words->v[w].first]);
}

static int
weekday_at(const struct scan *sc, size_t i, size_t *used)
{
  int w;

  *used = 0;
  if(!weekday_may(sc, i))
    return 0;
  for(w = 0; w < 7; w++)
    if((*used = phrases_at(sc, sc->v->weekdays[w], sc->v->nweekdays[w], i)))
      return w + 1;
  return 0;
}

/* A written date at token @i; returns the token after it, or 0. */
/* Tokens of the word ("et", not a comma) that joins two days of two
 * months at token @j, "les 25 février et 3 mars" (0: none).  A comma
 * joins the items of a list of dates, no range. */
static size_t
and_other_month(const struct scan *sc, size_t j)
{
  if(j >= sc->n || sc->t[j].k != T_WORD)
    return 0;
  return phrases_at(sc, sc->v->cues[KG_CUE_DATE_AND],
                    sc->v->ncues[KG_CUE_DATE_AND], j);
}

static size_t
written_date(const struct scan *sc, size_t i, struct kg_date *d)
{
  size_t u = 0, j = i, w;
  struct kg_date second;
  int by_and;

  memset(d, 0, sizeof(*d));
  d->weekday = weekday_at(sc, i, &u);
  if(d->weekday) {
    j += u;
    if(j < sc->n && sc->t[j].k == T_PUNCT && sc->s[sc->t[j].s] == ',')
      j++;
    if(j >= sc->n)
      return 0;
  }
  j = piece(sc, j, d);
  if(!j)
    return 0;
  /* "du 30 septembre au 2 octobre 2022"; "les 25 février et 3 mars" */
  w = j < sc->n ? phrases_at(sc, sc->v->cues[KG_CUE_DATE_RANGE],
                             sc->v->ncues[KG_CUE_DATE_RANGE], j) : 0;
  by_and = !w && (w = and_other_month(sc, j)) != 0;
  if(w && j + w < sc->n && !d->d2) {
    size_t k = j + w, u2 = 0;

    memset(&second, 0, sizeof second);
    if(weekday_at(sc, k, &u2))
      k += u2;
    k = piece(sc, k, &second);
    if(k && !second.d2 && (second.y || !d->y) &&
       (!by_and || second.y > d->y || (second.y == d->y && second.m > d->m))) {
      d->d2 = second.d;
      d->m2 = second.m;
      d->y2 = second.y;
      if(!d->y && second.y)
        d->y = second.m < d->m ? second.y - 1 : second.y;
      j = k;
    }
  }
  d->start = sc->t[i].s;
  d->end = sc->t[j - 1].e;
  return j;
}

/* "vendredi dernier" at token @i; returns the token after it, or 0. */
static size_t
last_weekday(const struct scan *sc, size_t i, struct kg_date *d)
{
  size_t u = 0, l;

  memset(d, 0, sizeof(*d));
  d->weekday = weekday_at(sc, i, &u);
  if(!d->weekday || i + u >= sc->n ||
     !(l = phrases_at(sc, sc->v->cues[KG_CUE_DATE_LAST],
                      sc->v->ncues[KG_CUE_DATE_LAST], i + u)))
    return 0;
  d->last = 1;
  d->start = sc->t[i].s;
  d->end = sc->t[i + u + l - 1].e;
  return i + u + l;
}

static int
glued_punct(const struct scan *sc, size_t i, char c)
{
  return i < sc->n && sc->t[i].k == T_PUNCT && sc->t[i].glued &&
         sc->s[sc->t[i].s] == c;
}

/* 12/05/2021, 06.02.2020, 12-05-2021 or 2021-05-12 at token @i. */
static size_t
numeric_date(const struct scan *sc, size_t i, struct kg_date *d)
{
  const struct tok *t = sc->t;
  char sep;
  int a, b, c;

  if(i + 4 >= sc->n || t[i].k != T_NUM || t[i + 2].k != T_NUM ||
     t[i + 4].k != T_NUM || t[i + 2].e - t[i + 2].s > 2)
    return 0;
  sep = sc->s[t[i + 1].s];
  if((sep != '/' && sep != '.' && sep != '-') || !glued_punct(sc, i + 1, sep) ||
     !glued_punct(sc, i + 3, sep) || !t[i + 2].glued || !t[i + 4].glued)
    return 0;
  /* not a part of a longer thing: a path, an address, a version */
  if((i > 0 && t[i].glued) ||
     (i + 5 < sc->n && t[i + 5].glued && sc->s[t[i + 5].s] != ',' &&
      sc->s[t[i + 5].s] != ')' && !(sc->s[t[i + 5].s] == '.' &&
                                    (i + 6 >= sc->n || !t[i + 6].glued))))
    return 0;
  a = t[i].val;
  b = t[i + 2].val;
  c = t[i + 4].val;
  memset(d, 0, sizeof(*d));
  if(t[i].e - t[i].s == 4 && sep == '-' && t[i + 4].e - t[i + 4].s == 2) {
    d->y = a;
    d->m = b;
    d->d = c;
  } else if(t[i].e - t[i].s <= 2 && t[i + 4].e - t[i + 4].s == 4) {
    d->d = a;
    d->m = b;
    d->y = c;
  } else {
    return 0;
  }
  if(d->y < 1900 || d->y > 2099 || d->m < 1 || d->m > 12 || d->d < 1 ||
     d->d > 31)
    return 0;
  d->start = t[i].s;
  d->end = t[i + 4].e;
  return i + 5;
}

static int
days_in_month(int y, int m)
{
  static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if(m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dm[m - 1];
}

/* 1 (Monday) .. 7 (Sunday) */
static int
weekday_of(int y, int m, int d)
{
  static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
  int w;

  if(m < 3)
    y--;
  w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;  /* 0 = Sunday */
  return w == 0 ? 7 : w;
}

static int
valid(int y, int m, int d)
{
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* @sc over s[0..len): its tokens, and the keys of its words in @words
 * (release both: kg_text_words_release(), free(sc->t)). */
static void
scan_open(struct scan *sc, struct kg_text_words *words,
          const struct kg_vocab *v, const char *s, size_t len)
{
  size_t i;

  memset(sc, 0, sizeof(*sc));
  sc->words = words;
  sc->v = v;
  sc->s = s;
  sc->len = len;
  tokenize(sc);
  kg_text_words_init(words, s, len);
  for(i = 0; i < sc->n; i++)
    sc->t[i].word = kg_text_words_at(words, sc->t[i].s);
}

void
kg_dates_find(const struct kg_vocab *v, const char *s, size_t len,
              struct kg_dates *out)
{
  struct scan sc;
  struct kg_text_words words;
  size_t i = 0;

  scan_open(&sc, &words, v, s, len);
  weekday_firsts(&sc);
  while(i < sc.n) {
    struct kg_date d;
    size_t next = numeric_date(&sc, i, &d);

    if(!next)
      next = written_date(&sc, i, &d);
    if(!next)
      next = last_weekday(&sc, i, &d);
    if(!next) {
      i++;
      continue;
    }
    if((d.y && !valid(d.y, d.m, d.d)) || (d.y2 && !valid(d.y2, d.m2, d.d2)) ||
       (d.y && d.weekday && weekday_of(d.y, d.m, d.d) != d.weekday)) {
      i = next;
      continue;
    }
    KG_GROW(out->v, out->cap, out->n + 1);
    out->v[out->n++] = d;
    i = next;
  }
  kg_text_words_release(&words);
  free(sc.t);
}

/* A month named without its day after a cue ("en septembre", "fin
 * octobre 2011") that ends at token @i - 1: 1..12, else 0. */
static int
month_alone(const struct scan *sc, size_t i, size_t *used)
{
  size_t p, n = sc->v->ncues[KG_CUE_DATE_MONTH_BEFORE];
  int m;

  if(i == 0 || !(m = month_at(sc, i, used)))
    return 0;
  for(p = 0; p < n; p++)
    if(phrase_at(sc, &sc->v->cues[KG_CUE_DATE_MONTH_BEFORE][p], i - 1) == 1)
      return m;
  return 0;
}

void
kg_dates_months(const struct kg_vocab *v, const char *s, size_t len,
                struct kg_dates *out)
{
  struct scan sc;
  struct kg_text_words words;
  size_t i, u;

  scan_open(&sc, &words, v, s, len);
  for(i = 0; i < sc.n; i++) {
    struct kg_date d;

    memset(&d, 0, sizeof d);
    if(!(d.m = month_alone(&sc, i, &u)))
      continue;
    d.y = year_at(&sc, i + u);
    d.start = sc.t[i - 1].s;
    d.end = sc.t[i + u - 1 + (d.y != 0)].e;
    KG_GROW(out->v, out->cap, out->n + 1);
    out->v[out->n++] = d;
  }
  kg_text_words_release(&words);
  free(sc.t);
}

void
kg_dates_release(struct kg_dates *d)
{
  free(d->v);
  memset(d, 0, sizeof(*d));
}

int
kg_dates_one_year(const struct kg_dates *all, int extra_year)
{
  int year = extra_year;
  size_t i;

  for(i = 0; i < all->n; i++) {
    int y = all->v[i].y;

    if(!y)
      continue;
    if(year && y != year)
      return 0;
    year = y;
    if(all->v[i].y2 && all->v[i].y2 != year)
      return 0;
  }
  return year;
}

int
kg_dates_lone_year(const char *s, size_t len)
{
  struct scan sc;
  size_t i;
  int year = 0;

  memset(&sc, 0, sizeof sc);
  sc.s = s;
  sc.len = len;
  tokenize(&sc);
  for(i = 0; i < sc.n; i++) {
    int y = year_at(&sc, i);

    if(!y)
      continue;
    if(year && y != year) {
      year = 0;
      break;
    }
    year = y;
  }
  free(sc.t);
  return year;
}

void
kg_dates_add_years(const char *s, size_t len, int *years, size_t *n,
                   size_t max)
{
  struct scan sc;
  size_t i, k;

  memset(&sc, 0, sizeof sc);
  sc.s = s;
  sc.len = len;
  tokenize(&sc);
  for(i = 0; i < sc.n && *n < max; i++) {
    int y = year_at(&sc, i);

    for(k = 0; y && k < *n && years[k] != y; k++)
      ;
    if(y && k == *n)
      years[(*n)++] = y;
  }
  free(sc.t);
}

int
kg_dates_year_among(const struct kg_date *d, const int *years, size_t n)
{
  size_t i;
  int found = 0;

  if(d->y || !d->m || !d->d || !d->weekday)
    return 0;
  for(i = 0; i < n; i++) {
    if(!valid(years[i], d->m, d->d) ||
       weekday_of(years[i], d->m, d->d) != d->weekday)
      continue;
    if(found)
      return 0;
    found = years[i];
  }
  return found;
}

int
kg_dates_year(struct kg_date *d, int year)
{
  if(d->y)
    return 1;
  if(!year || !valid(year, d->m, d->d) ||
     (d->weekday && weekday_of(year, d->m, d->d) != d->weekday))
    return 0;
  d->y = year;
  if(d->d2 && !d->y2)
    d->y2 = d->m2 < d->m ? year + 1 : year;
  return 1;
}

int
kg_dates_before(struct kg_date *d, const struct kg_date *anchor)
{
  int back, y = anchor->y, m = anchor->m, day = anchor->d;

  if(!d->last || !d->weekday || !valid(y, m, day))
    return 0;
  back = (weekday_of(y, m, day) - d->weekday + 7) % 7;
  if(!back)
    back = 7;
  day -= back;
  if(day < 1) {
    if(--m < 1) {
      m = 12;
      y--;
    }
    day += days_in_month(y, m);
  }
  d->y = y;
  d->m = m;
  d->d = day;
  return 1;
}

int
kg_dates_iso(const struct kg_date *d, int end, char iso[11])
{
  int y = end ? d->y2 : d->y, m = end ? d->m2 : d->m, day = end ? d->d2 : d->d;

  if(!y || !valid(y, m, day))
    return 0;
  iso[0] = (char)('0' + y / 1000);
  iso[1] = (char)('0' + y / 100 % 10);
  iso[2] = (char)('0' + y / 10 % 10);
  iso[3] = (char)('0' + y % 10);
  iso[4] = '-';
  iso[5] = (char)('0' + m / 10);
  iso[6] = (char)('0' + m % 10);
  iso[7] = '-';
  iso[8] = (char)('0' + day / 10);
  iso[9] = (char)('0' + day % 10);
  iso[10] = '\0';
  return 1;
}
