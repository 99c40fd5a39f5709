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
  utf8proc_category_t c;

  if(cp < 0x80)  /* ASCII's only letters and digits: no table lookup */
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
  c = utf8proc_category(cp);
  return c <= UTF8PROC_CATEGORY_NO && c >= UTF8PROC_CATEGORY_LU &&
         c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_MC &&
         c != UTF8PROC_CATEGORY_ME;
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
     best->population < 100000 &&
     (n > 1 || best->population < 2000 || !strpbrk(best->name, " -")))
    return NULL;  /* a small place far from the report's région, or one of
                     several: a homonym; a town whose name is its own
                     ("Digne-les-Bains") is itself */
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

  /* one to three words before word i */
  for(k = 1; k <= 3 && k <= i; k++) {
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
  out->v[out->n].confidence = 100;
  out->v[out->n].dept_name = 0;
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
 * communes", "36 km", "30 %", "30 K€", "50 000") is not, nor a day after
 * its weekday ("jeudi 21"). */
static int
code_context(const char *s, size_t len, const struct word *w, size_t n,
             size_t i, const struct kg_vocab *v)
{
  size_t k = w[i].end;
  int lower_next = 0;

  while(k < len && s[k] == ' ')
    k++;
  if(k < len) {
    int cp;
    size_t e = k;

    kg_text_utf8_decode(s + k, len - k, &cp);
    lower_next = utf8proc_islower(cp);
    if(utf8proc_islower(cp) && i + 1 < n && w[i + 1].start == k &&
       (word_is(v, KG_CUE_NAME_SEP, s, &w[i + 1]) ||
        word_is(v, KG_CUE_LOCATIVE, s, &w[i + 1])) &&
       !(i + 2 < n && w[i + 2].digits))  /* "entre 60 et 70 %" */
      cp = 'A';  /* "Ligue 37 et APF45": a conjunction, not a unit */
    if(utf8proc_islower(cp) && i > 0 &&
       phrase_before(v, KG_CUE_DEPT_WORD, s, w, i))
      return 1;   /* "du département 31 pour fibrer" */
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
  if(i == 0 || w[i - 1].digits ||
     kg_vocab_weekday_len(v, s + w[i - 1].start, w[i].start - w[i - 1].start))
    return 0;
  /* a count before a plural noun: "des 12 Structures", "nos 36 Participants" */
  if(!w[i - 1].cap && i + 1 < n && w[i + 1].start > w[i].end &&
     strchr("sxSX", s[w[i + 1].end - 1]))
    return 0;
  /* between two words in lower case, a count: "ils étaient donc 70 à" */
  if(!w[i - 1].cap && lower_next)
    return 0;
  /* right after a name: "Le Blanc 36", "Ligue 37", "Place du numérique 28" */
  return w[i].start - w[i - 1].end == 1 && s[w[i - 1].end] == ' ';
}

/* One scan of a text for places: what kg_places_find() reads and writes. */
struct scan {
  const struct kg_gaz *g;
  const struct kg_vocab *v;
  const struct kg_registry *reg;
  const char *region;
  int strict;
  const char *s;
  size_t len;
  struct word *w;
  size_t n;
  struct kg_places *out;
  const struct kg_terr *cands[MAX_CANDS];
};

/* "APF45": letters then a two-digit département code in one word (not a
 * time such as "10h40"). */
static void
code_in_word(struct scan *sc, size_t i)
{
  const char *s = sc->s;
  const struct word *w = &sc->w[i];
  const struct kg_terr *d;

  if(w->digits || w->end - w->start <= 2 || !w->cap ||
     s[w->end - 1] < '0' || s[w->end - 1] > '9' ||
     s[w->end - 2] < '0' || s[w->end - 2] > '9' ||
     (w->end - w->start >= 3 && s[w->end - 3] >= '0' && s[w->end - 3] <= '9') ||
     (s[w->start] >= '0' && s[w->start] <= '9'))
    return;
  d = dep_by_code(sc->g, s, w->end - 2, w->end);
  if(d)
    add(sc->out, w->end - 2, w->end, d, 1);
}

static size_t longest_name(struct scan *sc, size_t i, struct kg_buf *key,
                           size_t *nc);

/* Is word @i, a code of département @d, followed by a locative and a
 * commune name none of whose communes lies in @d ("au Relais 59 à
 * Paris")?  The number is then part of a venue's name. */
static int
code_then_commune_elsewhere(struct scan *sc, size_t i, const struct kg_terr *d)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t nc = 0, k, in_d = 0;

  if(i + 2 >= sc->n || !sc->w[i + 2].cap ||
     !word_is(sc->v, KG_CUE_LOCATIVE, sc->s, &sc->w[i + 1]) ||
     !longest_name(sc, i + 2, &key, &nc)) {
    kg_buf_release(&key);
    return 0;
  }
  kg_buf_release(&key);
  for(k = 0; k < nc; k++)
    if(sc->cands[k]->kind == KG_TERR_COMMUNE && sc->cands[k]->departement &&
       !strcmp(sc->cands[k]->departement, d->code))
      in_d++;
  return nc > 0 && !in_d;
}

/* A number that is a département code in its context ("département 45",
 * "Le Blanc 36"): adds the département, or re-resolves the name just
 * before it inside that département. */
static void
code_word(struct scan *sc, size_t i)
{
  struct kg_places *out = sc->out;
  const struct kg_terr *d = NULL, *prev;
  struct kg_buf k2 = KG_BUF_INIT;
  size_t nc2;

  if(code_context(sc->s, sc->len, sc->w, sc->n, i, sc->v))
    d = dep_by_code(sc->g, sc->s, sc->w[i].start, sc->w[i].end);
  if(!d || code_then_commune_elsewhere(sc, i, d))
    return;
  if(!out->n || out->v[out->n - 1].end + 1 != sc->w[i].start ||
     out->v[out->n - 1].by_code) {
    add(out, sc->w[i].start, sc->w[i].end, d, 1);
    return;
  }
  prev = out->v[out->n - 1].terr;
  if(prev->kind == KG_TERR_DEPARTEMENT || !prev->departement ||
     !strcmp(prev->departement, d->code))
    return;
  /* "Le Blanc 36": re-resolve the name inside d */
  kg_text_key(sc->s + out->v[out->n - 1].start,
              out->v[out->n - 1].end - out->v[out->n - 1].start, &k2);
  nc2 = kg_gaz_lookup(sc->g, k2.s, sc->cands, MAX_CANDS);
  prev = choose(sc->cands, nc2 < MAX_CANDS ? nc2 : MAX_CANDS, sc->region, 1,
                d->code);
  if(prev)
    out->v[out->n - 1].terr = prev;
  kg_buf_release(&k2);
}

/* The longest gazetteer name starting at word @i: returns its word count
 * (0: none) and puts its key in @key and its candidates in sc->cands
 * (*nc of them, at most MAX_CANDS). */
static size_t
longest_name(struct scan *sc, size_t i, struct kg_buf *key, size_t *nc)
{
  int maxw = kg_gaz_max_words(sc->g);
  struct kg_buf last = KG_BUF_INIT;
  size_t m, used = 0;

  if(maxw > 12)
    maxw = 12;
  /* grow the n-gram while some name starts with it; keep the longest */
  for(m = 1; m <= (size_t)maxw && i + m <= sc->n; m++) {
    kg_text_key(sc->s + sc->w[i].start, sc->w[i + m - 1].end - sc->w[i].start,
                key);
    if(!key->len)
      break;
    if(m > 1 && !kg_gaz_has_prefix(sc->g, key->s))
      break;
    if(kg_gaz_lookup(sc->g, key->s, sc->cands, MAX_CANDS)) {
      used = m;
      kg_buf_reset(&last);
      kg_buf_add(&last, key->s, key->len);
    }
  }
  kg_buf_reset(key);
  if(used) {
    kg_buf_add(key, last.s, last.len);
    *nc = kg_gaz_lookup(sc->g, key->s, sc->cands, MAX_CANDS);
    if(*nc > MAX_CANDS)
      *nc = MAX_CANDS;
  }
  kg_buf_release(&last);
  return used;
}

/* Is word @i an article ("La" of "La Réunion")?  Its matching key is
 * empty: kg_text_key() drops a leading article. */
static int
is_article(struct scan *sc, size_t i)
{
  struct kg_buf k = KG_BUF_INIT;
  int article;

  kg_text_key(sc->s + sc->w[i].start, sc->w[i].end - sc->w[i].start, &k);
  article = k.len == 0;
  kg_buf_release(&k);
  return article;
}

/* Is word @i an acronym: two letters or more, all upper case? */
static int
all_caps(const struct scan *sc, size_t i)
{
  size_t p = sc->w[i].start;
  int cp, n = 0;

  while(p < sc->w[i].end) {
    p += (size_t)kg_text_utf8_decode(sc->s + p, sc->w[i].end - p, &cp);
    if(!utf8proc_isupper(cp))
      return 0;
    n++;
  }
  return n >= 2;
}

/* Whether a one-word commune name needs a locative it lacks ("à Vue"):
 * at the start of a sentence, small, or right after another capital. */
static int
lacks_locative(struct scan *sc, size_t i, const struct kg_terr *t)
{
  const struct word *w = sc->w;
  int locative = phrase_before(sc->v, KG_CUE_LOCATIVE, sc->s, w, i) ||
                 phrase_before(sc->v, KG_CUE_DEPT_WORD, sc->s, w, i);

  if(locative)
    return 0;
  if(t->kind == KG_TERR_COMMUNE &&
     ((sc->strict && w[i].sentence) || t->population < 2000))
    return 1;
  /* "Body Gard"; not "Drôme-Ardèche" (a hyphen joins two names) nor "EPN
   * Drôme" (an acronym before a département) */
  return sc->strict && !w[i].sentence && i > 0 && w[i - 1].cap &&
         !w[i - 1].digits && w[i].start == w[i - 1].end + 1 &&
         sc->s[w[i - 1].end] == ' ' && !is_article(sc, i - 1) &&
         (t->kind == KG_TERR_COMMUNE || !all_caps(sc, i - 1));
}

/* A one-word name that is also a common word ("Réunion plénière",
 * "Fondation Orange") is a place only after a locative or a département
 * word, or with its article ("La Réunion", "le Cher"). */
static int
common_word(struct scan *sc, size_t i)
{
  const struct word *w = sc->w;

  if(!word_is(sc->v, KG_CUE_COMMON_WORD, sc->s, &w[i]) ||
     phrase_before(sc->v, KG_CUE_LOCATIVE, sc->s, w, i) ||
     phrase_before(sc->v, KG_CUE_DEPT_WORD, sc->s, w, i))
    return 0;
  return i == 0 || !is_article(sc, i - 1);
}

/* "Adjoint au Maire", "chargée de la Ville": a word ending in a plain "e"
 * where the territory's name ends in "é", "è" or "ê" ("Mairé", "Villé")
 * is another word that matching without accents confused with it. */
static int
accent_dropped_end(const struct scan *sc, size_t i, const struct kg_terr *t)
{
  size_t n = strlen(t->name);
  const unsigned char *e = (const unsigned char *)t->name + n;

  return sc->s[sc->w[i].end - 1] == 'e' && n >= 2 && e[-2] == 0xC3 &&
         (e[-1] == 0xA9 || e[-1] == 0xA8 || e[-1] == 0xAA);
}

/* "Tours Nord": a district word after a commune is part of its name. */
static size_t
district(struct scan *sc, size_t j)
{
  struct kg_buf dk = KG_BUF_INIT;
  size_t p, more = 0;

  if(j >= sc->n || !sc->w[j].cap || sc->w[j].start != sc->w[j - 1].end + 1)
    return 0;
  kg_text_key_keep_article(sc->s + sc->w[j].start,
                           sc->w[j].end - sc->w[j].start, &dk);
  for(p = 0; p < sc->v->ncues[KG_CUE_DISTRICT]; p++)
    if(!strcmp(dk.s, sc->v->cues[KG_CUE_DISTRICT][p].key)) {
      more = 1;
      break;
    }
  kg_buf_release(&dk);
  return more;
}

/* The territory among sc->cands[0..nc) that the curator accepted for the
 * name @key, or NULL. */
static const struct kg_terr *
accepted(struct scan *sc, const char *key, size_t nc)
{
  const struct kg_entity *e;
  struct kg_buf rel = KG_BUF_INIT;
  size_t k;

  e = sc->reg ? kg_registry_lookup(sc->reg, key, KG_ENT_PLACE) : NULL;
  for(k = 0; e && k < nc; k++) {
    kg_buf_reset(&rel);
    kg_gaz_rel_iri(sc->cands[k], &rel);
    if(!strcmp(rel.s, e->rel))
      break;
  }
  kg_buf_release(&rel);
  return e && k < nc ? sc->cands[k] : NULL;
}

/* Words at word @i of a name of cue @role that holds a territory's name
 * but names none of today's gazetteer ("Rhône-Alpes", "Paris Terres
 * d'Envol"), 0 if none. */
static size_t
no_territory_name(struct scan *sc, size_t i, enum kg_cue_role role)
{
  size_t p, best = 0, n, j;

  for(p = 0; p < sc->v->ncues[role]; p++)
    if((n = kg_text_key_prefix(sc->s + sc->w[i].start, sc->len - sc->w[i].start,
                               sc->v->cues[role][p].key)) > best)
      best = n;
  if(!best)
    return 0;
  for(j = i; j < sc->n && sc->w[j].start < sc->w[i].start + best; j++)
    ;
  return j - i;
}

/* Whether the département or région @t named by the @used words at @i is
 * no territory there: a river after a landform ("Val de Loire"), or a
 * compass word ("Quartiers Nord", "Lycée du Nord" in Mayotte) with no
 * locative before it or far from the report's région; a member of
 * parliament's constituency ("sénateur de l'Isère"). */
static int
not_territory(struct scan *sc, size_t i, size_t used, const struct kg_terr *t)
{
  const char *r;

  if(t->kind != KG_TERR_DEPARTEMENT && t->kind != KG_TERR_REGION)
    return 0;
  if(phrase_before(sc->v, KG_CUE_LANDFORM, sc->s, sc->w, i) ||
     phrase_before(sc->v, KG_CUE_MANDATE, sc->s, sc->w, i))
    return 1;
  if(used != 1 || !word_is(sc->v, KG_CUE_DISTRICT, sc->s, &sc->w[i]))
    return 0;
  if(!phrase_before(sc->v, KG_CUE_LOCATIVE, sc->s, sc->w, i) &&
     !phrase_before(sc->v, KG_CUE_DEPT_WORD, sc->s, sc->w, i))
    return 1;
  r = t->kind == KG_TERR_REGION ? t->code : t->region;
  return sc->region && r && strcmp(r, sc->region) != 0;
}

/* The commune among sc->cands[0..nc) that bears the name of the
 * département @t it lies in ("Paris"), or NULL: the name means the city. */
static const struct kg_terr *
dept_city(const struct scan *sc, size_t nc, const struct kg_terr *t)
{
  size_t k;

  if(t->kind != KG_TERR_DEPARTEMENT)
    return NULL;
  for(k = 0; k < nc; k++)
    if(sc->cands[k]->kind == KG_TERR_COMMUNE && sc->cands[k]->departement &&
       !strcmp(sc->cands[k]->departement, t->code))
      return sc->cands[k];
  return NULL;
}

/* The région whose usual short name ("PACA", "Paca", "BFC") is word @i,
 * which no gazetteer name holds; NULL if none. */
static const struct kg_terr *
region_short_name(struct scan *sc, size_t i)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t r;

  if(!sc->v->nregname)
    return NULL;
  kg_text_key_keep_article(sc->s + sc->w[i].start,
                           sc->w[i].end - sc->w[i].start, &k);
  r = kg_hash_value(&sc->v->regname_keys, k.s);
  kg_buf_release(&k);
  return r ? kg_gaz_get(sc->g, KG_TERR_REGION, sc->v->regname[r - 1].code)
           : NULL;
}

/* A place name starting at the capitalised word @i; returns how many words
 * to move on. */
static size_t
name_at(struct scan *sc, size_t i, struct kg_buf *key)
{
  const struct kg_terr *t, *sure, *city;
  size_t nc = 0, used = longest_name(sc, i, key, &nc), j = i + used;
  const char *dep_code = NULL;
  char code[3];
  int weak = 0;
  size_t former = no_territory_name(sc, i, KG_CUE_FORMER_REGION);

  if(!former)
    former = no_territory_name(sc, i, KG_CUE_TERRITORY_BODY_NAME);
  if(former)
    return former;
  if(!used && (t = region_short_name(sc, i)) != NULL) {
    add(sc->out, sc->w[i].start, sc->w[i].end, t, 0);
    return 1;
  }
  if(!used ||
     (sc->reg && (kg_registry_lookup(sc->reg, key->s, KG_ENT_INITIATIVE) ||
                  kg_registry_rejected(sc->reg, key->s, KG_ENT_PLACE))))
    return 1;
  sure = accepted(sc, key->s, nc);
  /* a following "36" decides between homonyms */
  if(j < sc->n && sc->w[j].digits && sc->w[j].end - sc->w[j].start == 2 &&
     sc->w[j].start == sc->w[j - 1].end + 1) {
    memcpy(code, sc->s + sc->w[j].start, 2);
    code[2] = '\0';
    dep_code = code;
  }
  t = sure ? sure : choose(sc->cands, nc, sc->region, dep_code != NULL,
                            dep_code);
  if(t && dep_code) {
    add(sc->out, sc->w[i].start, sc->w[j - 1].end, t, 0);
    return used + 1;
  }
  if(t && !sure && used == 1 && t->kind == KG_TERR_COMMUNE &&
     t->population < 2000 && j < sc->n && sc->w[j].cap && !sc->w[j].digits &&
     sc->w[j].start == sc->w[j - 1].end + 1 && sc->s[sc->w[j - 1].end] == ' ' &&
     !district(sc, j))
    t = NULL;   /* "du Grand Périgueux": a village's name starting a longer one */
  if(t && !sure && not_territory(sc, i, used, t))
    return used;    /* all of "Haute-Vienne": "Vienne" is no place either */
  if(t && !sure && used == 1 &&
     (lacks_locative(sc, i, t) || common_word(sc, i) ||
      accent_dropped_end(sc, i, t)))
    t = NULL;
  if(!t)
    return 1;
  /* kept without a locative: a one-word commune is then only a candidate */
  weak = !sure && used == 1 && t->kind == KG_TERR_COMMUNE &&
         !phrase_before(sc->v, KG_CUE_LOCATIVE, sc->s, sc->w, i) &&
         !phrase_before(sc->v, KG_CUE_DEPT_WORD, sc->s, sc->w, i);
  if(t->kind == KG_TERR_COMMUNE)
    used += district(sc, j);
  city = sure ? NULL : dept_city(sc, nc, t);
  add(sc->out, sc->w[i].start, sc->w[i + used - 1].end, city ? city : t, 0);
  sc->out->v[sc->out->n - 1].dept_name = city != NULL;
  if(weak && used == 1)
    sc->out->v[sc->out->n - 1].confidence = KG_PLACE_WEAK;
  return used;
}

/* A scan of s[0..len) cut into words (free sc->w). */
static void
scan_init(struct scan *sc, const struct kg_gaz *g, const struct kg_vocab *v,
          const struct kg_registry *reg, const char *region, const char *s,
          size_t len)
{
  memset(sc, 0, sizeof(*sc));
  sc->g = g;
  sc->v = v;
  sc->reg = reg;
  sc->region = region;
  sc->s = s;
  sc->len = len;
  sc->n = split_words(s, len, &sc->w);
}

void
kg_places_find(const struct kg_gaz *g, const struct kg_vocab *v,
               const struct kg_registry *reg, const char *region,
               int strict, const char *s, size_t len, struct kg_places *out)
{
  struct scan sc;
  struct kg_buf key = KG_BUF_INIT;
  size_t i;

  if(!g)
    return;
  scan_init(&sc, g, v, reg, region, s, len);
  sc.strict = strict;
  sc.out = out;
  for(i = 0; i < sc.n;) {
    code_in_word(&sc, i);
    if(sc.w[i].digits) {
      code_word(&sc, i);
      i++;
    } else if(!sc.w[i].cap) {
      i++;
    } else {
      i += name_at(&sc, i, &key);
    }
  }
  kg_buf_release(&key);
  free(sc.w);
}

const struct kg_terr *
kg_places_whole(const struct kg_gaz *g, const struct kg_vocab *v,
                const struct kg_registry *reg, const char *region,
                const char *s, size_t len)
{
  struct scan sc;
  struct kg_buf key = KG_BUF_INIT;
  const struct kg_terr *t = NULL;
  size_t i = 0, nc = 0, used;

  if(!g)
    return NULL;
  scan_init(&sc, g, v, reg, region, s, len);
  if(sc.n > 1 && is_article(&sc, 0))
    i = 1;   /* "Le Teil" */
  used = i < sc.n ? longest_name(&sc, i, &key, &nc) : 0;
  if(used && i + used == sc.n &&
     !(reg && (kg_registry_lookup(reg, key.s, KG_ENT_INITIATIVE) ||
               kg_registry_rejected(reg, key.s, KG_ENT_PLACE)))) {
    t = accepted(&sc, key.s, nc);
    if(!t && (t = choose(sc.cands, nc, region, 0, NULL)) != NULL &&
       used == 1 && accent_dropped_end(&sc, i, t))
      t = NULL;   /* "Adjoint au Maire" */
  }
  kg_buf_release(&key);
  free(sc.w);
  return t;
}

#define ADJ_WORDS 4   /* words of an adjective: "loir-et-chérien" */

/* Is the gap between words @a and @b a joining hyphen or apostrophe? */
static int
joined(const char *s, const struct word *a, const struct word *b)
{
  size_t g = b->start - a->end;

  return (g == 1 && (s[a->end] == '-' || s[a->end] == '\'')) ||
         (g == 3 && !memcmp(s + a->end, "\xe2\x80\x99", 3));
}

void
kg_places_adjectives(const struct kg_gaz *g, const struct kg_vocab *v,
                     const char *s, size_t len, struct kg_places *out)
{
  struct word *w = NULL;
  struct kg_buf key = KG_BUF_INIT;
  size_t n, i, k, best, hit;

  if(!g || !v->nterradj)
    return;
  n = split_words(s, len, &w);
  for(i = 0; i < n; i = best ? best : i + 1) {
    const struct kg_terr *t;

    best = 0;
    hit = 0;
    for(k = i; k < n && k < i + ADJ_WORDS; k++) {
      size_t r;

      if(k > i && !joined(s, &w[k - 1], &w[k]))
        break;
      kg_buf_reset(&key);
      kg_text_key_keep_article(s + w[i].start, w[k].end - w[i].start, &key);
      if((r = kg_hash_value(&v->terradj_keys, key.s)) != 0) {
        best = k + 1;
        hit = r;
      }
    }
    if(hit &&
       (t = kg_gaz_get(g, KG_TERR_DEPARTEMENT, v->terradj[hit - 1].code)))
      add(out, w[i].start, w[best - 1].end, t, 0);
  }
  kg_buf_release(&key);
  free(w);
}

void
kg_places_release(struct kg_places *p)
{
  free(p->v);
  memset(p, 0, sizeof(*p));
}
