/* places.c - territory mentions: gazetteer n-grams with disambiguation. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "ref/gaz.h"
#include "extract/places.h"
#include "ref/registry.h"
#include "base/text.h"
#include "ref/vocab.h"

struct word {
  size_t start, end;
  int cap;          /* first letter upper-case */
  int digits;       /* all digits */
  int sentence;     /* first word of a sentence, line or item */
};

#define MAX_CANDS 64

static int
is_wordc(int cp)
{
  return utf8proc_category(cp) <= UTF8PROC_CATEGORY_NO &&
         utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
         utf8proc_category(cp) != UTF8PROC_CATEGORY_MN &&
         utf8proc_category(cp) != UTF8PROC_CATEGORY_MC &&
         utf8proc_category(cp) != UTF8PROC_CATEGORY_ME;
}

static size_t
split_words(const char *s, size_t len, struct word **out)
{
  struct word *w = NULL;
  size_t n = 0, cap = 0, i = 0;
  int sentence = 1;

  while(i < len) {
    int cp, k = kg_text_utf8_decode(s + i, len - i, &cp);
    size_t st;

    if(!is_wordc(cp)) {
      if(cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' ||
         cp == 0x21D2 || cp == 0x21B3 || cp == '-' || cp == '(' ||
         cp == 0xAB || cp == '"')
        sentence = 1;
      i += (size_t)k;
      continue;
    }
    st = i;
    KG_GROW(w, cap, n + 1);
    w[n].start = st;
    w[n].cap = utf8proc_isupper(cp) || (cp >= '0' && cp <= '9');
    w[n].digits = 1;
    w[n].sentence = sentence;
    sentence = 0;
    while(i < len) {
      int c2, k2 = kg_text_utf8_decode(s + i, len - i, &c2);

      if(!is_wordc(c2))
        break;
      if(c2 < '0' || c2 > '9')
        w[n].digits = 0;
      i += (size_t)k2;
    }
    w[n].end = i;
    n++;
  }
  *out = w;
  return n;
}

static int
kind_rank(enum kg_terr_kind k)
{
  switch(k) {
    case KG_TERR_REGION: return 0;
    case KG_TERR_DEPARTEMENT: return 1;
    case KG_TERR_EPCI: return 2;
    case KG_TERR_COMMUNE:
    default: return 3;
  }
}

/* Best candidate: in the report's région first, then the biggest kind, then
 * the largest population.  NULL when only far-away homonyms remain. */
static const struct kg_terr *
choose(const struct kg_terr **c, size_t n, const char *region, int code_dep,
       const char *dep_code)
{
  const struct kg_terr *best = NULL;
  int best_score = -1000;
  size_t i;

  for(i = 0; i < n; i++) {
    const struct kg_terr *t = c[i];
    int score = 0;

    if(code_dep && dep_code) {
      if(t->kind == KG_TERR_DEPARTEMENT ? !strcmp(t->code, dep_code)
         : (t->departement && !strcmp(t->departement, dep_code)))
        score += 100;
      else
        score -= 100;
    }
    if(region) {
      const char *r = t->kind == KG_TERR_REGION ? t->code : t->region;

      if(r && !strcmp(r, region))
        score += 50;
    }
    score += (3 - kind_rank(t->kind)) * 10;
    if(t->population > 50000)
      score += 3;
    else if(t->population > 5000)
      score += 2;
    if(score > best_score) {
      best_score = score;
      best = t;
    }
  }
  if(best && region && !code_dep && best_score < 50 &&
     (best->kind == KG_TERR_COMMUNE || best->kind == KG_TERR_EPCI) &&
     best->population < 100000)
    return NULL;  /* a small place far from the report's région: a homonym */
  if(best && region && n > 1 && best_score < 50 && !code_dep) {
    /* ambiguous name, none of it in the report's région */
    size_t dups = 0;

    for(i = 0; i < n; i++)
      if(c[i]->kind == best->kind)
        dups++;
    if(dups > 1)
      return NULL;
  }
  return best;
}

static int
phrase_before(const struct kg_vocab *v, enum kg_cue_role role,
              const char *s, const struct word *w, size_t i)
{
  size_t p, k;

  /* one or two words before word i */
  for(k = 1; k <= 2 && k <= i; k++) {
    struct kg_buf key = KG_BUF_INIT;

    kg_text_key_keep_article(s + w[i - k].start, w[i - 1].end - w[i - k].start,
                             &key);
    for(p = 0; p < v->ncues[role]; p++)
      if(!strcmp(key.s, v->cues[role][p].key)) {
        kg_buf_release(&key);
        return 1;
      }
    kg_buf_release(&key);
  }
  return 0;
}

static const struct kg_terr *
dep_by_code(const struct kg_gaz *g, const char *s, size_t a, size_t b)
{
  char code[4];

  if(b - a != 2)
    return NULL;
  memcpy(code, s + a, 2);
  code[2] = '\0';
  if(!strcmp(code, "00") || !strcmp(code, "20"))
    return NULL;
  return kg_gaz_get(g, KG_TERR_DEPARTEMENT, code);
}

static void
add(struct kg_places *out, size_t a, size_t b, const struct kg_terr *t,
    int by_code)
{
  KG_GROW(out->v, out->cap, out->n + 1);
  out->v[out->n].start = a;
  out->v[out->n].end = b;
  out->v[out->n].terr = t;
  out->v[out->n].by_code = by_code;
  out->n++;
}

static int
word_is(const struct kg_vocab *v, enum kg_cue_role role, const char *s,
        const struct word *w)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t p;
  int hit = 0;

  kg_text_key_keep_article(s + w->start, w->end - w->start, &key);
  for(p = 0; p < v->ncues[role] && !hit; p++)
    if(!strcmp(key.s, v->cues[role][p].key))
      hit = 1;
  kg_buf_release(&key);
  return hit;
}

static int
has_euro(const char *t, size_t n)
{
  size_t i;

  for(i = 0; i + 2 < n; i++)
    if((unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x82 &&
       (unsigned char)t[i + 2] == 0xAC)
      return 1;
  return 0;
}

/* Is word @i (two digits) a département code in context?  A count ("21
 * communes", "36 km", "30 %", "30 K€", "50 000") is not. */
static int
code_context(const char *s, size_t len, const struct word *w, size_t n,
             size_t i, const struct kg_vocab *v)
{
  size_t k = w[i].end;

  while(k < len && s[k] == ' ')
    k++;
  if(k < len) {
    int cp;
    size_t e = k;

    kg_text_utf8_decode(s + k, len - k, &cp);
    if(utf8proc_islower(cp) && i + 1 < n && w[i + 1].start == k &&
       (word_is(v, KG_CUE_NAME_SEP, s, &w[i + 1]) ||
        word_is(v, KG_CUE_LOCATIVE, s, &w[i + 1])) &&
       !(i + 2 < n && w[i + 2].digits))  /* "entre 60 et 70 %" */
      cp = 'A';  /* "Ligue 37 et APF45": a conjunction, not a unit */
    if(utf8proc_islower(cp) || (cp >= '0' && cp <= '9') || cp == '%' ||
       cp == 0x20AC || cp == '$' || cp == 0x2030 || cp == '-')
      return 0;
    /* the next token carries a unit: "K€" */
    while(e < len && s[e] != ' ' && s[e] != '\n')
      e++;
    if(memchr(s + k, '%', e - k) || has_euro(s + k, e - k))
      return 0;
  }
  if(i > 0 && phrase_before(v, KG_CUE_DEPT_WORD, s, w, i))
    return 1;
  if(i == 0 || w[i - 1].digits)
    return 0;
  /* right after a name: "Le Blanc 36", "Ligue 37", "Place du numérique 28" */
  return w[i].start - w[i - 1].end == 1 && s[w[i - 1].end] == ' ';
}

void
kg_places_find(const struct kg_gaz *g, const struct kg_vocab *v,
               const struct kg_registry *reg, const char *region,
               int strict, const char *s, size_t len, struct kg_places *out)
{
  struct word *w = NULL;
  size_t n, i;
  int maxw;
  struct kg_buf key = KG_BUF_INIT, lastkey = KG_BUF_INIT;
  size_t lastkey_len = 0;
  const struct kg_terr *cands[MAX_CANDS];

  if(!g)
    return;
  maxw = kg_gaz_max_words(g);
  if(maxw > 12)
    maxw = 12;
  n = split_words(s, len, &w);
  for(i = 0; i < n;) {
    size_t m, nc = 0, used = 0;
    const struct kg_terr *t = NULL;

    /* "APF45": letters then a two-digit code in one word */
    if(!w[i].digits && w[i].end - w[i].start > 2 &&
       s[w[i].end - 1] >= '0' && s[w[i].end - 1] <= '9' &&
       s[w[i].end - 2] >= '0' && s[w[i].end - 2] <= '9' &&
       (w[i].end - w[i].start < 3 || s[w[i].end - 3] < '0' ||
        s[w[i].end - 3] > '9') && w[i].cap &&
       !(s[w[i].start] >= '0' && s[w[i].start] <= '9')) {
      /* "APF45", not a time such as "10h40" */
      const struct kg_terr *d = dep_by_code(g, s, w[i].end - 2, w[i].end);

      if(d)
        add(out, w[i].end - 2, w[i].end, d, 1);
    }
    if(w[i].digits) {
      const struct kg_terr *d = NULL;

      if(code_context(s, len, w, n, i, v))
        d = dep_by_code(g, s, w[i].start, w[i].end);
      if(d) {
        /* a name just before was already added: keep it if it lies in d */
        if(out->n && out->v[out->n - 1].end + 1 == w[i].start &&
           !out->v[out->n - 1].by_code) {
          const struct kg_terr *prev = out->v[out->n - 1].terr;

          if(prev->kind != KG_TERR_DEPARTEMENT && prev->departement &&
             strcmp(prev->departement, d->code)) {
            /* "Le Blanc 36": re-resolve the name inside d */
            struct kg_buf k2 = KG_BUF_INIT;
            size_t nc2;

            kg_text_key(s + out->v[out->n - 1].start,
                        out->v[out->n - 1].end - out->v[out->n - 1].start,
                        &k2);
            nc2 = kg_gaz_lookup(g, k2.s, cands, MAX_CANDS);
            prev = choose(cands, nc2 < MAX_CANDS ? nc2 : MAX_CANDS, region, 1,
                          d->code);
            if(prev)
              out->v[out->n - 1].terr = prev;
            kg_buf_release(&k2);
          }
        } else {
          add(out, w[i].start, w[i].end, d, 1);
        }
      }
      i++;
      continue;
    }
    if(!w[i].cap) {
      i++;
      continue;
    }
    /* grow the n-gram while some name starts with it; keep the longest */
    for(m = 1; m <= (size_t)maxw && i + m <= n; m++) {
      size_t found;

      kg_text_key(s + w[i].start, w[i + m - 1].end - w[i].start, &key);
      if(!key.len)
        break;
      if(m > 1 && !kg_gaz_has_prefix(g, key.s))
        break;
      found = kg_gaz_lookup(g, key.s, cands, MAX_CANDS);
      if(found) {
        nc = found;
        used = m;
        lastkey_len = key.len;
        kg_buf_reset(&lastkey);
        kg_buf_add(&lastkey, key.s, key.len);
      }
    }
    if(used) {
      /* the candidates of the longest match */
      nc = kg_gaz_lookup(g, lastkey.s, cands, MAX_CANDS);
      kg_buf_reset(&key);
      kg_buf_add(&key, lastkey.s, lastkey_len);
    }
    if(!used || (reg && kg_registry_lookup(reg, key.s, KG_ENT_INITIATIVE))) {
      i++;
      continue;
    }
    if(nc > MAX_CANDS)
      nc = MAX_CANDS;
    {
      /* a following "36" decides between homonyms */
      const char *dep_code = NULL;
      char code[3];
      size_t j = i + used;

      if(j < n && w[j].digits && w[j].end - w[j].start == 2 &&
         w[j].start == w[j - 1].end + 1) {
        memcpy(code, s + w[j].start, 2);
        code[2] = '\0';
        dep_code = code;
      }
      t = choose(cands, nc, region, dep_code != NULL, dep_code);
      if(t && dep_code) {
        add(out, w[i].start, w[i + used - 1].end, t, 0);
        i = j + 1;
        continue;
      }
    }
    if(t) {
      int single_word = used == 1;
      int locative = phrase_before(v, KG_CUE_LOCATIVE, s, w, i) ||
                     phrase_before(v, KG_CUE_DEPT_WORD, s, w, i);

      /* sentence-initial or common-word names need a locative before them */
      if(single_word && t->kind == KG_TERR_COMMUNE &&
         ((strict && w[i].sentence) || t->population < 2000) && !locative)
        t = NULL;
      if(strict && single_word && !locative && !w[i].sentence && i > 0 &&
         w[i - 1].cap && !w[i - 1].digits &&
         w[i].start == w[i - 1].end + 1)
        t = NULL;
    }
    if(t && t->kind == KG_TERR_COMMUNE && i + used < n &&
       w[i + used].cap && w[i + used].start == w[i + used - 1].end + 1) {
      /* "Tours Nord": a district of the commune */
      struct kg_buf dk = KG_BUF_INIT;
      size_t p;

      kg_text_key_keep_article(s + w[i + used].start,
                               w[i + used].end - w[i + used].start, &dk);
      for(p = 0; p < v->ncues[KG_CUE_DISTRICT]; p++)
        if(!strcmp(dk.s, v->cues[KG_CUE_DISTRICT][p].key)) {
          used++;
          break;
        }
      kg_buf_release(&dk);
    }
    if(t)
      add(out, w[i].start, w[i + used - 1].end, t, 0);
    i += t ? used : 1;
  }
  kg_buf_release(&key);
  kg_buf_release(&lastkey);
  free(w);
}

void
kg_places_release(struct kg_places *p)
{
  free(p->v);
  memset(p, 0, sizeof(*p));
}
