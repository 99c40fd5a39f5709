/* people.c - names, job titles and organisations from a cue line.
 *
 * The line is cut into tokens (words, commas, parentheses, elided articles
 * such as "d'" and "l'"), then read left to right: a run of capitalised
 * tokens is a person; a joining phrase after it introduces an organisation;
 * a comma followed by a lower-case word starts a job title, which ends at a
 * "title -> organisation" phrase.  An organisation ends where a list
 * separator is followed by what reads as another person's name.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "extract/people.h"
#include "base/text.h"
#include "ref/lexicon.h"
#include "ref/vocab.h"

/* Longest job title, in tokens, read in running text. */
#define MAX_PROSE_TITLE 12

/* Short names inside this file for the exported token types. */
#define T_WORD KG_PTOK_WORD
#define T_COMMA KG_PTOK_COMMA
#define T_OPEN KG_PTOK_OPEN
#define T_CLOSE KG_PTOK_CLOSE
#define T_PUNCT KG_PTOK_PUNCT

static int
is_apos(int cp)
{
  return cp == '\'' || cp == 0x2019;
}

static int
is_space(int cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x202F;
}

static void
push(struct kg_ptoks *t, enum kg_ptok_kind kind, size_t a, size_t b)
{
  struct kg_ptok *k;
  struct kg_buf key = KG_BUF_INIT;
  const char *text = t->text;
  int cp = 0;

  KG_GROW(t->v, t->cap, t->n + 1);
  k = &t->v[t->n++];
  k->kind = kind;
  k->start = a;
  k->end = b;
  kg_text_key_keep_article(text + a, b - a, &key);
  k->key = kg_buf_detach(&key);
  kg_text_utf8_decode(text + a, b - a, &cp);
  k->cap = utf8proc_isupper(cp) || (cp >= '0' && cp <= '9') ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
  k->upper = kind == T_WORD && kg_text_all_upper(text + a, b - a);
  k->lex = kind == T_WORD && t->lx ? kg_lexicon_classes(t->lx, text + a, b - a)
                                   : 0;
}

void
kg_people_tokenize(const struct kg_lexicon *lx, const char *s, size_t len,
                   struct kg_ptoks *t)
{
  size_t i = 0;

  memset(t, 0, sizeof(*t));
  t->text = s;
  t->lx = lx;
  while(i < len) {
    int cp;
    int k = kg_text_utf8_decode(s + i, len - i, &cp);
    size_t j;

    if(is_space(cp)) {
      i += (size_t)k;
      continue;
    }
    if(cp == ',' || cp == ';') {
      push(t, T_COMMA, i, i + (size_t)k);
      i += (size_t)k;
      continue;
    }
    if(cp == '(' || cp == ')') {
      push(t, cp == '(' ? T_OPEN : T_CLOSE, i, i + 1);
      i++;
      continue;
    }
    if(cp == ':' || cp == '.' || cp == '!' || cp == '?' || cp == '*') {
      push(t, T_PUNCT, i, i + (size_t)k);
      i += (size_t)k;
      continue;
    }
    /* a word: up to space or punctuation; "d'" / "l'" split off */
    j = i;
    while(j < len) {
      int c2;
      int k2 = kg_text_utf8_decode(s + j, len - j, &c2);

      if(is_space(c2) || c2 == ',' || c2 == ';' || c2 == '(' || c2 == ')' ||
         c2 == ':')
        break;
      if(is_apos(c2) && j - i == 1 && j + (size_t)k2 < len) {
        j += (size_t)k2;
        break;
      }
      if(c2 == '.' && (j + 1 >= len || s[j + 1] == ' '))
        break;
      j += (size_t)k2;
    }
    if(j == i)
      j = i + (size_t)k;
    push(t, T_WORD, i, j);
    i = j;
  }
}

void
kg_people_toks_release(struct kg_ptoks *t)
{
  size_t i;

  for(i = 0; i < t->n; i++)
    free(t->v[i].key);
  free(t->v);
  memset(t, 0, sizeof(*t));
}

/* Length in tokens of the longest phrase of @role matching at @i, or 0. */
static size_t
match_phrase(const struct kg_vocab *v, enum kg_cue_role role,
             const struct kg_ptoks *t, size_t i)
{
  size_t best = 0, p;

  for(p = 0; p < v->ncues[role]; p++) {
    const char *key = v->cues[role][p].key;
    size_t n = 0, j = i;
    const char *k = key;

    if(!*key) {
      /* punctuation-only phrase such as "," */
      const char *txt = v->cues[role][p].text;

      if(j < t->n && t->v[j].kind == T_COMMA && !strcmp(txt, ","))
        n = 1;
      if(j < t->n && !strcmp(txt, "&") && t->v[j].kind == T_WORD &&
         !t->v[j].key[0])
        n = 1;
      if(n > best)
        best = n;
      continue;
    }
    while(*k && j < t->n && t->v[j].kind == T_WORD) {
      size_t kl;

      if(t->v[j].key[0] != k[0])   /* also an empty key: *k is not NUL */
        break;
      kl = strlen(t->v[j].key);
      if(strncmp(k, t->v[j].key, kl) || (k[kl] && k[kl] != ' '))
        break;
      k += kl;
      if(*k == ' ')
        k++;
      j++;
      n++;
    }
    if(!*k && n > best)
      best = n;
  }
  return best;
}

static int
is_sep(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  return i < t->n && match_phrase(v, KG_CUE_NAME_SEP, t, i) > 0;
}

/* Number of capitalised word tokens from @i (a person's name). */
static size_t
name_run(const struct kg_ptoks *t, size_t i)
{
  size_t n = 0;

  while(i + n < t->n && t->v[i + n].kind == T_WORD && t->v[i + n].cap)
    n++;
  return n;
}

size_t
kg_people_phrase(const struct kg_vocab *v, int role, const struct kg_ptoks *t,
                 size_t i)
{
  if(role < 0 || role >= KG_CUE_ROLE_COUNT)
    return 0;
  return match_phrase(v, (enum kg_cue_role)role, t, i);
}

/* A capitalised word that starts with a letter. */
static int
cap_word(const struct kg_ptoks *t, size_t i)
{
  int cp = 0;

  if(i >= t->n || t->v[i].kind != T_WORD || !t->v[i].cap)
    return 0;
  kg_text_utf8_decode(t->text + t->v[i].start, t->v[i].end - t->v[i].start,
                      &cp);
  return utf8proc_isupper(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

/* A first name: known as one, or hyphenated first names ("Marie-Elise"). */
static int
given_name(const struct kg_ptoks *t, size_t i)
{
  const struct kg_ptok *k = &t->v[i];
  const char *s = t->text + k->start, *h;
  size_t len = k->end - k->start;

  if(!cap_word(t, i))
    return 0;
  if(k->lex & KG_LEX_FIRST_NAME)
    return 1;
  h = memchr(s, '-', len);
  return h && h > s && h + 1 < s + len &&
         (kg_lexicon_classes(t->lx, s, (size_t)(h - s)) & KG_LEX_FIRST_NAME) &&
         (kg_lexicon_classes(t->lx, h + 1, len - (size_t)(h - s) - 1) &
          KG_LEX_FIRST_NAME);
}

/* May token @i be a surname after first name token @g (or a civility)? */
static int
surname_ok(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i,
           long g, int strict)
{
  const struct kg_ptok *k = &t->v[i];

  if(!cap_word(t, i) || match_phrase(v, KG_CUE_NAME_SEP, t, i) ||
     match_phrase(v, KG_CUE_CIVILITY, t, i))
    return 0;
  if(k->upper || (k->lex & (KG_LEX_SURNAME | KG_LEX_FIRST_NAME)) ||
     !(k->lex & KG_LEX_COMMON))
    return 1;   /* "CLAVEL", "Adams", "Martin", "Holderer" */
  /* a common word: "Anne Causse", "Olivier Roux" yes; "Paris Terres"
   * (a first name that is also a place) no; in strict reading (a
   * heading's Title Case) only after a first name that is nothing else */
  if(g >= 0 && (t->v[g].lex & KG_LEX_PROPER))
    return 0;
  return !strict || (g >= 0 && t->v[g].lex == KG_LEX_FIRST_NAME);
}

/* Civility at @j, with its full stop ("M."): tokens, or 0. */
static size_t
civility(const struct kg_vocab *v, const struct kg_ptoks *t, size_t j)
{
  size_t c;

  if(!cap_word(t, j) || !(c = match_phrase(v, KG_CUE_CIVILITY, t, j)))
    return 0;
  if(j + c < t->n && t->v[j + c].kind == T_PUNCT &&
     t->text[t->v[j + c].start] == '.')
    c++;
  return c;
}

/* Tokens of a surname at @j, with its particle ("Le Strat"), or 0. */
static size_t
surname_at(const struct kg_vocab *v, const struct kg_ptoks *t, size_t j,
           long g, int strict)
{
  size_t p;

  if(j >= t->n)
    return 0;
  /* "de", "du" in lower case link a name to its organisation instead */
  /* "de", "du", "la" in lower case link a name to its organisation or
   * start a noun phrase ("Madame la Maire"); "Le Strat" is a particle */
  p = match_phrase(v, KG_CUE_PARTICLE, t, j);
  /* after a first name, "le" in lower case is still a particle ("Pierre
   * le Bras", "Elisabeth le Faucheur"): not after a civility ("Madame la
   * Maire") */
  if(p && !t->v[j].cap && (match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, j) ||
                           (match_phrase(v, KG_CUE_ARTICLE, t, j) && g < 0)))
    p = 0;
  if(p && cap_word(t, j + p))
    return surname_ok(v, t, j + p, g, strict) ? p + 1 : 0;
  return surname_ok(v, t, j, g, strict) ? 1 : 0;
}

/* A surname in capitals goes on with the next words in capitals that are
 * no common word ("TEIXEIRA MOURA"): tokens after @j, the last word. */
static size_t
caps_after(const struct kg_ptoks *t, size_t j)
{
  size_t k = j + 1;

  while(k < t->n && t->v[k].upper && cap_word(t, k) &&
        !(t->v[k].lex & KG_LEX_COMMON))
    k++;
  return k - j - 1;
}

#define SURNAME_SYLLABLE 3   /* bytes of a known word inside a surname */

/* A surname in Title Case goes on with the next capitalised words the
 * lexicon does not know at all ("Daoud Saindou Malide"), or short ones it
 * knows only as proper nouns or first names ("Jocelyn Ho Ti Noe"; a
 * commune after a list's name, "Anne Morel Annonay", is longer), when the
 * run then ends, before a comma, a full stop or a lower-case word: tokens
 * after @j. */
static size_t
unknown_after_surname(const struct kg_ptoks *t, size_t j)
{
  size_t k = j + 1;

  while(k < t->n && cap_word(t, k) && !t->v[k].upper &&
        (!t->v[k].lex ||
         (!(t->v[k].lex & ~(KG_LEX_PROPER | KG_LEX_FIRST_NAME)) &&
          t->v[k].end - t->v[k].start <= SURNAME_SYLLABLE)))
    k++;
  if(k < t->n && t->v[k].kind == T_WORD && (t->v[k].cap || !t->v[k].key[0]))
    return 0;   /* another capitalised word, or a dash: not one name */
  return k - j - 1;
}

/* "D. Chafaï", "F. Morvan": an initial, its full stop and a capitalised
 * surname that is no common word (a proper noun may be one); tokens, or
 * 0. */
static size_t
initial_name(const struct kg_ptoks *t, size_t j)
{
  const struct kg_ptok *k = &t->v[j];

  if(j + 2 >= t->n || k->end - k->start != 1 || !cap_word(t, j) ||
     t->v[j + 1].kind != T_PUNCT || t->text[t->v[j + 1].start] != '.' ||
     t->v[j + 1].start != k->end || !cap_word(t, j + 2) ||
     (t->v[j + 2].lex & KG_LEX_COMMON) ||
     ((t->v[j + 2].lex & KG_LEX_PROPER) && cap_word(t, j + 3)))
    return 0;   /* a proper noun alone: not "C. Bretagne Numérique" */
  return 3 + (t->v[j + 2].upper ? caps_after(t, j + 2) : 0);
}

#define CAPS_AFTER_PROPER 5

/* "Laroussi OUESLATI", "Francisco TEIXEIRA MOURA": a capitalised word the
 * lexicon knows as nothing or as a proper noun only, then a surname in
 * capitals that is no common word; tokens, or 0. */
static size_t
unknown_first_caps(const struct kg_ptoks *t, size_t j)
{
  if(j + 1 >= t->n || !cap_word(t, j) || t->v[j].upper ||
     (t->v[j].lex & ~KG_LEX_PROPER) ||
     !t->v[j + 1].upper || !cap_word(t, j + 1) ||
     (t->v[j + 1].lex & KG_LEX_COMMON))
    return 0;
  /* after a proper noun ("Google MAP", "Paris SACLAY") an acronym is more
   * likely than a surname: five letters or more */
  if(t->v[j].lex && t->v[j + 1].end - t->v[j + 1].start < CAPS_AFTER_PROPER)
    return 0;
  return 2 + caps_after(t, j + 1);
}

/* "Garlann Nizon coordinatrice du réseau": two capitalised words the
 * lexicon does not know (or knows as proper nouns only), or a first name
 * and a surname in capitals ("Awa BA"), then (after a comma at most) a job
 * title in lower case; tokens, or 0. */
static size_t
unknown_pair_titled(const struct kg_vocab *v, const struct kg_ptoks *t,
                    size_t j)
{
  const struct kg_ptok *f = &t->v[j], *l = &t->v[j + 1];

  if(j + 2 >= t->n || !cap_word(t, j) || !cap_word(t, j + 1) || f->upper)
    return 0;
  if(!given_name(t, j) && (f->lex & ~KG_LEX_PROPER))
    return 0;
  if(l->upper) {
    /* "Awa BA présidente": a surname in capitals, whatever else it is */
    if(l->end - l->start < 2)
      return 0;
  } else if((l->lex & ~KG_LEX_PROPER) || (f->lex && l->lex)) {
    return 0;   /* "Grand Dijon": proper nouns both */
  }
  if(t->v[j + 2].kind == T_COMMA && j + 3 < t->n)
    j++;   /* "Franckie Trichet, adjoint au maire de Nantes" */
  return t->v[j + 2].kind == T_WORD && !t->v[j + 2].cap &&
         match_phrase(v, KG_CUE_JOB_TITLE, t, j + 2) ? 2 : 0;
}

#define TITLE_SCAN 6   /* tokens of a job title and its complement */

/* Does a job title at @k run to token @j: 1 alone ("le maire"), 2 with a
 * complement in lower case ("la porte-parole du gouvernement") that ends
 * in no organisation head noun ("le responsable du réseau" Zoomacom Lyon
 * names a body), else 0. */
static int
title_reaches(const struct kg_vocab *v, const struct kg_ptoks *t, size_t k,
              size_t j)
{
  size_t m = match_phrase(v, KG_CUE_JOB_TITLE, t, k);

  if(!m || k + m > j)
    return 0;
  if(k + m == j)
    return 1;
  for(k += m; k < j; k++)
    if(t->v[k].kind != T_WORD || t->v[k].cap ||
       match_phrase(v, KG_CUE_ORG_HEAD, t, k) ||
       match_phrase(v, KG_CUE_ORG_HEAD_WEAK, t, k))
      return 0;
  return 2;
}

/* "le maire Marib Hanaffi", "la présidente Zouhourya Mouayad Ben": after
 * a job title in lower case that ends right before @j (maybe with a
 * complement: "la porte-parole du gouvernement Sibeth Ndiaye"), two or three
 * capitalised words the lexicon does not know (or knows as proper nouns
 * only), the last followed by no capitalised word; tokens, or 0. */
static size_t
unknown_after_title(const struct kg_vocab *v, const struct kg_ptoks *t,
                    size_t j)
{
  size_t k, n;
  int titled = 0;

  for(n = 0; j + n < t->n && n < 4 && cap_word(t, j + n) &&
      !t->v[j + n].upper && !(t->v[j + n].lex & ~KG_LEX_PROPER); n++)
    ;
  if(n < 2 || n > 3 || cap_word(t, j + n) || !j || t->v[j - 1].cap)
    return 0;   /* the cheap tests first: the title's are costly */
  for(k = j > TITLE_SCAN ? j - TITLE_SCAN : 0; k < j && !titled; k++)
    titled = t->v[k].kind == T_WORD && !t->v[k].cap ?
             title_reaches(v, t, k, j) : 0;
  for(k = j; titled == 2 && k < j + n; k++)
    if(t->v[k].lex & KG_LEX_PROPER)
      titled = 0;   /* after a complement, no "… de la structure X Lyon" */
  return titled ? n : 0;
}

/* "les parlementaires Georges Patient et Lénaick Adam": after a first
 * name, a capitalised word and "et", a capitalised word the lexicon does
 * not know (or knows as a proper noun only) and a capitalised word that is
 * no common word, not followed by a capitalised word: the next name of the
 * same list; tokens, or 0. */
static size_t
unknown_after_name(const struct kg_vocab *v, const struct kg_ptoks *t,
                   size_t j)
{
  if(j < 3 || j + 1 >= t->n || !cap_word(t, j) || t->v[j].upper ||
     (t->v[j].lex & ~KG_LEX_PROPER) || !cap_word(t, j + 1) ||
     t->v[j + 1].upper || (t->v[j + 1].lex & KG_LEX_COMMON) ||
     cap_word(t, j + 2) || !given_name(t, j - 3) || !cap_word(t, j - 2) ||
     t->v[j - 1].kind != T_WORD ||
     match_phrase(v, KG_CUE_NAME_SEP, t, j - 1) != 1)
    return 0;
  return 2;
}

/* "Arnaudon Bernard (SIVU)": at the start of a line, a capitalised word
 * that is no first name (nor a common word in running text: a list line
 * may open with "Gaillard Claude (Cruas)"), then a first name, then a
 * bracket, a comma or the end of the line: a surname written first, as
 * attendance lists do; tokens, or 0. */
static size_t
surname_first(const struct kg_ptoks *t, size_t j)
{
  const struct kg_ptok *f = &t->v[j];

  if(j != 0 || j + 1 >= t->n || !cap_word(t, j) || f->upper ||
     (f->lex & KG_LEX_FIRST_NAME) ||
     ((f->lex & KG_LEX_COMMON) && t->prose) ||
     !given_name(t, j + 1) || t->v[j + 1].upper)
    return 0;
  return j + 2 == t->n || t->v[j + 2].kind == T_OPEN ||
         t->v[j + 2].kind == T_COMMA ? 2 : 0;
}

size_t
kg_people_unknown_pair(const struct kg_ptoks *t, size_t i)
{
  if(!t->lx || i + 1 >= t->n || !cap_word(t, i) || !cap_word(t, i + 1) ||
     t->v[i].upper || t->v[i + 1].upper || t->v[i].lex ||
     (t->v[i + 1].lex & ~(KG_LEX_SURNAME | KG_LEX_PROPER)) ||
     cap_word(t, i + 2))
    return 0;
  return 2;
}

size_t
kg_people_name(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i,
               int strict)
{
  size_t j = i, civ, s;
  long g = -1;

  if(!t->lx || i >= t->n)
    return 0;
  civ = civility(v, t, j);
  j += civ;
  /* "DUPONT Marie": a surname in capitals (unknown, or known as a surname
   * only), then
   * a first name (not "CCAS Marie Dupont") */
  if(j + 1 < t->n && t->v[j].upper && !(t->v[j].lex & ~KG_LEX_SURNAME) &&
     cap_word(t, j) &&
     given_name(t, j + 1) && !t->v[j + 1].upper &&
     !surname_at(v, t, j + 2, (long)j + 1, strict))
    return j + 2 - i;
  if(!strict && ((s = initial_name(t, j)) || (s = unknown_first_caps(t, j)) ||
                  (s = unknown_pair_titled(v, t, j)) ||
                  (!civ && (s = unknown_after_title(v, t, j))) ||
                  (!civ && (s = unknown_after_name(v, t, j))) ||
                  (!civ && (s = surname_first(t, j)))))
    return j + s - i;
  if(j < t->n && given_name(t, j))
    g = (long)j++;
  if(!civ && g < 0)
    return 0;
  /* "Jean Pierre Dupont", else "Jeanne Martin" */
  if(g >= 0 && j < t->n && given_name(t, j) &&
     (s = surname_at(v, t, j + 1, -1, 1)) > 0)
    return j + 1 + s - i;
  s = surname_at(v, t, j, g, strict);
  if(s)
    return j + s - i + (t->v[j + s - 1].upper ? caps_after(t, j + s - 1) :
                        g >= 0 && !strict ?
                        unknown_after_surname(t, j + s - 1) : 0);
  /* "Mme Martin": the civility's word was the surname */
  return civ && g >= 0 ? j - i : 0;
}

/* Tokens of a person's name at @i: with a lexicon, a name it reads, or a
 * run of capitalised words whose first one it does not know; else any run
 * of capitalised words. */
static size_t
run_len(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t n;

  if(!t->lx)
    return name_run(t, i);
  n = kg_people_name(v, t, i, 0);
  if(n)
    return n;
  if(given_name(t, i))
    return 1;   /* "Mathieu Louis et Janice de …" */
  if(t->v[i].lex || t->v[i].upper || !cap_word(t, i))
    return 0;
  n = name_run(t, i);
  /* "Zoomacom Association", but "Zouhourya Mouayad Ben" */
  while(n > 1 && (t->v[i + n - 1].lex & KG_LEX_COMMON) &&
        !(t->v[i + n - 1].lex & (KG_LEX_FIRST_NAME | KG_LEX_SURNAME)))
    n--;
  return n;
}

/* Does a person's name start at @i (used to end an organisation)? */
static int
person_starts(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t n, j;

  if(t->lx && i < t->n && kg_people_name(v, t, i, 0))
    return 1;
  n = name_run(t, i);
  j = i + n;
  if(n < 2 || n > 4 || (t->lx && t->v[i].lex))
    return 0;
  if(j >= t->n)
    return 1;
  if(t->v[j].kind == T_COMMA || t->v[j].kind == T_OPEN)
    return 1;
  if(match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, j) ||
     match_phrase(v, KG_CUE_NAME_SEP, t, j))
    return 1;
  return 0;
}

/* After a job title, a capitalised run is the organisation unless it reads
 * as a person followed by their own affiliation or job title. */
static int
person_with_affiliation(const struct kg_vocab *v, const struct kg_ptoks *t,
                        size_t i)
{
  size_t n = run_len(v, t, i), j = i + n;

  if(n < 1 || j >= t->n)
    return 0;
  if(match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, j) ||
     (t->v[j].kind == T_WORD && !t->v[j].cap &&
      match_phrase(v, KG_CUE_JOB_TITLE, t, j)))
    return 1;
  return t->v[j].kind == T_COMMA && j + 1 < t->n &&
         t->v[j + 1].kind == T_WORD && !t->v[j + 1].cap &&
         !is_sep(v, t, j + 1);
}

static long
add_org(struct kg_people *p, const struct kg_ptoks *t, size_t a, size_t b)
{
  struct kg_org_ref *o;
  size_t end = b;

  /* trailing "(ABBR)" is an alias; "(40)", a département, is neither */
  KG_GROW(p->orgs, p->caporgs, p->norgs + 1);
  o = &p->orgs[p->norgs];
  memset(o, 0, sizeof(*o));
  if(end - a >= 3 && t->v[end - 1].kind == T_CLOSE &&
     t->v[end - 3].kind == T_OPEN) {
    const struct kg_ptok *al = &t->v[end - 2];

    if(!t->lx || !(t->text[al->start] >= '0' && t->text[al->start] <= '9')) {
      o->alias.start = al->start;
      o->alias.end = al->end;
    }
    end -= 3;
  }
  while(end > a && t->v[end - 1].kind != T_WORD && t->v[end - 1].kind != T_CLOSE)
    end--;
  while(t->lx && end > a && t->v[end - 1].kind == T_WORD &&
        !t->v[end - 1].key[0])
    end--;   /* a dash left at the end */
  if(end <= a)
    return -1;
  o->name.start = t->v[a].start;
  o->name.end = t->v[end - 1].end;
  return (long)p->norgs++;
}

/* With a lexicon, an organisation also ends at a full stop, a colon, or a
 * comma followed by a lower-case word ("Lozère Développement, œuvre…"). */
static int
org_stops(const struct kg_vocab *v, const struct kg_ptoks *t, size_t j)
{
  if(!t->lx)
    return 0;
  if(t->v[j].kind == T_PUNCT && t->text[t->v[j].start] != '*')
    return 1;
  return t->v[j].kind == T_COMMA && (t->text[t->v[j].start] == ';' ||
         (j + 1 < t->n && t->v[j + 1].kind == T_WORD && !t->v[j + 1].cap &&
          !is_sep(v, t, j + 1)));
}

/* In running text: capitalised words, their joining words ("des", "de
 * la") and a parenthesis; the token index where that ends. */
static size_t
prose_org_end(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t j = i, m;

  while(j < t->n) {
    if(j > i && kg_people_name(v, t, j, 1))
      break;   /* "CDC Véronique DUGOUJON": a person starts */
    if(cap_word(t, j) || (t->v[j].kind == T_WORD && t->v[j].cap)) {
      j++;
      continue;
    }
    if(t->v[j].kind == T_OPEN && j + 2 < t->n && t->v[j + 2].kind == T_CLOSE) {
      j += 3;
      continue;
    }
    m = match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, j);
    if(!m && j > i)
      m = match_phrase(v, KG_CUE_ORG_NAME_LINK, t, j);
    if(m && cap_word(t, j + m)) {
      j += m;
      continue;
    }
    /* "Ministère de l'Éducation nationale" */
    if(j > i && cap_word(t, j - 1) &&
       (m = match_phrase(v, KG_CUE_ORG_ADJECTIVE, t, j)) > 0) {
      j += m;
      continue;
    }
    break;
  }
  return j;
}

/* Organisation from token @i: returns the token index where it ends. */
static size_t
org_end(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t j = i;
  int depth = 0;

  if(t->prose)
    return prose_org_end(v, t, i);
  while(j < t->n) {
    if(t->v[j].kind == T_OPEN)
      depth++;
    else if(t->v[j].kind == T_CLOSE && depth > 0)
      depth--;
    if(!depth && j > i) {
      size_t k = j;

      if(org_stops(v, t, j))
        return j;
      if(t->v[k].kind == T_COMMA)
        k++;
      if(k < t->n && t->v[k].kind == T_WORD && is_sep(v, t, k) &&
         t->v[k].kind == T_WORD && t->v[k].key[0])
        k++;
      else if(t->lx && k < t->n && t->v[k].kind == T_WORD && !t->v[k].key[0])
        k++;   /* "Bordeaux Métropole – Sarah Gillery" */
      if(k != j && (k >= t->n || person_starts(v, t, k)))
        return j;
    }
    j++;
  }
  return j;
}

/* A lower-case organisation head noun at @i, then a capitalised name
 * ("réseau Drôme-Ardèche", "médiathèque de Longvic"): the head's length
 * in tokens, else 0. */
static size_t
headed_org(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t h = match_phrase(v, KG_CUE_ORG_HEAD, t, i), c;

  if(!h)
    h = match_phrase(v, KG_CUE_ORG_HEAD_WEAK, t, i);
  if(!h || i + h >= t->n || t->v[i].cap)
    return 0;
  if(cap_word(t, i + h))
    return h;
  c = match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, i + h);
  return c && cap_word(t, i + h + c) ? h : 0;
}

/* "association EFAPO": a strong head noun right before a capitalised
 * name is no part of it (its length in tokens, else 0); "réseau
 * Drôme-Ardèche", "médiathèque de Longvic" keep theirs. */
static size_t
strong_head(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  size_t h = match_phrase(v, KG_CUE_ORG_HEAD, t, i);

  return h && !t->v[i].cap && cap_word(t, i + h) ? h : 0;
}

/* In the job title t[a, z): where an organisation named by a lower-case
 * head noun after "du", "de la" starts and runs to the title's end
 * ("coordinatrice du réseau Drôme-Ardèche"), or by a capitalised word
 * that is no common word nor first name ("co-fondateur de Telecoop", not
 * "chargée de Mission"), with a lexicon; @z if none. */
static size_t
title_org(const struct kg_vocab *v, const struct kg_ptoks *t, size_t a,
          size_t z)
{
  size_t k, c;

  for(k = a + 1; k < z; k++)
    if((c = match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, k)) > 0 &&
       k + c < z && headed_org(v, t, k + c))
      return k + c;
  for(k = a + 1; t->lx && k < z; k++)
    if((c = match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, k)) > 0 &&
       k + c < z && cap_word(t, k + c) &&
       !(t->v[k + c].lex & (KG_LEX_COMMON | KG_LEX_FIRST_NAME)) &&
       !match_phrase(v, KG_CUE_JOB_TITLE, t, k + c))
      return k + c;
  return z;
}

/* Does a title -> organisation phrase with a body after it ("à la
 * communauté d'agglomération …") come later in the title, after @j and
 * before its comma? */
static int
later_body(const struct kg_vocab *v, const struct kg_ptoks *t, size_t j)
{
  size_t k, m;

  for(k = j + 1; k < t->n && t->v[k].kind != T_COMMA; k++)
    if((m = match_phrase(v, KG_CUE_ORG_AFTER_TITLE, t, k)) > 0 &&
       headed_org(v, t, k + m))
      return 1;
  return 0;
}

/* End of a job title from @j: at a title -> organisation phrase followed by
 * a capitalised word (with a lexicon) or at a comma.  *m gets the phrase's
 * length, 0 if none.  "Vice-Président à la Cohésion territoriale à la
 * communauté d'agglomération …": a common word with a capital names the
 * portfolio when a body follows. */
static size_t
title_end(const struct kg_vocab *v, const struct kg_ptoks *t, size_t j,
          size_t *m)
{
  *m = 0;
  while(j < t->n) {
    *m = match_phrase(v, KG_CUE_ORG_AFTER_TITLE, t, j);
    if(*m && t->lx && cap_word(t, j + *m) &&
       (t->v[j + *m].lex & KG_LEX_COMMON) && !headed_org(v, t, j + *m) &&
       later_body(v, t, j + *m)) {
      j += *m;
      *m = 0;
      continue;
    }
    /* "à la Jeunesse" but not "à l'épanouissement"; "au sein de la
     * direction" introduces an organisation whatever its case */
    if(*m && (*m < 3 || t->prose) && t->lx && !cap_word(t, j + *m) &&
       !headed_org(v, t, j + *m)) {
      j += *m;
      *m = 0;
      continue;
    }
    if(*m || t->v[j].kind == T_COMMA || (t->lx && org_stops(v, t, j)) ||
       (t->lx && t->v[j].kind == T_WORD && !t->v[j].key[0]) ||
       (t->prose && match_phrase(v, KG_CUE_SPEAKER_AFTER, t, j)))
      break;
    j++;
  }
  return j;
}

/* Does a job title start at token @i (after a comma)?  A lower-case word
 * in a cue line; with a lexicon a capitalised job-title word
 * ("Directrice"); in running text, a job-title word only ("Anne Chevrel,
 * de nombreux intervenants…" has none). */
static int
title_starts(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i)
{
  if(i >= t->n || t->v[i].kind != T_WORD || is_sep(v, t, i))
    return 0;
  if(!t->v[i].cap && !t->prose)
    return 1;
  return t->lx && match_phrase(v, KG_CUE_JOB_TITLE, t, i) > 0 &&
         !kg_people_name(v, t, i, 0);
}

/* What follows a person's name at @i: their title and organisation.
 * Returns the token where the parse goes on; *org gets the organisation. */
static size_t
after_name(const struct kg_vocab *v, const struct kg_ptoks *t, size_t i,
           struct kg_people *out, struct kg_person_ref *pr, long *org)
{
  size_t m, j, e, ts;

  if(t->v[i].kind == T_OPEN && (!t->prose || cap_word(t, i + 1))) {
    /* "Name (Organisation)"; not "Ulrich Tan (depuis juin…)" */
    j = i + 1;
    while(j < t->n && t->v[j].kind != T_CLOSE)
      j++;
    *org = add_org(out, t, i + 1, j);
    if(*org >= 0)
      out->orgs[*org].bracketed = 1;
    return j < t->n ? j + 1 : j;
  }
  /* "Name, directrice …", "Awa BA présidente de …" (no comma) */
  ts = t->v[i].kind == T_COMMA ? i + 1 : i;
  if((ts > i && title_starts(v, t, ts)) ||
     (ts == i && t->lx && t->v[i].kind == T_WORD && !t->v[i].cap &&
      match_phrase(v, KG_CUE_JOB_TITLE, t, i))) {
    /* job title, then "au", "à la", "au sein de"... or ", Org" */
    j = title_end(v, t, ts, &m);
    if(!t->prose || j - ts <= MAX_PROSE_TITLE) {
      pr->title.start = t->v[ts].start;
      pr->title.end = t->v[j - 1].end;
    }
    if(!m && (e = title_org(v, t, ts, j)) < j) {
      /* "coordinatrice du réseau Drôme-Ardèche"; "co-fondateur de
       * Telecoop" ends with its capitalised words */
      int headed = headed_org(v, t, e) != 0;
      size_t oe = headed ? j : prose_org_end(v, t, e);

      *org = add_org(out, t, e + strong_head(v, t, e), oe < j ? oe : j);
      if(*org >= 0 && !headed)
        out->orgs[*org].in_title = 1;
      return j;
    }
    if(m) {
      size_t h = headed_org(v, t, j + m);

      e = org_end(v, t, j + m + h);
      if(h && e == j + m + h)
        e = org_end(v, t, e + match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, e));
      *org = add_org(out, t, j + m + (h ? strong_head(v, t, j + m) : 0), e);
      return e;
    }
    if(j + 1 < t->n && t->v[j].kind == T_COMMA && t->v[j + 1].kind == T_WORD &&
       t->v[j + 1].cap && !person_with_affiliation(v, t, j + 1) &&
       !(t->lx && kg_people_name(v, t, j + 1, 0))) {
      e = org_end(v, t, j + 1);
      *org = add_org(out, t, j + 1, e);
      return e;
    }
    return j;
  }
  if((m = match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, i)) > 0 && i + m < t->n &&
     (!t->prose || cap_word(t, i + m))) {
    e = org_end(v, t, i + m);
    *org = add_org(out, t, i + m, e);
    return e;
  }
  if(!t->lx)
    return i;
  /* "Name, Org", "Name – Org", "Name Org (40)" (not in running text) */
  j = i;
  if(t->v[j].kind == T_COMMA || (t->v[j].kind == T_WORD && !t->v[j].key[0]))
    j++;
  else if(t->prose)
    return i;
  if(j < t->n && t->v[j].kind == T_WORD && t->v[j].cap &&
     !person_starts(v, t, j)) {
    e = org_end(v, t, j);
    *org = add_org(out, t, j, e);
    return e;
  }
  return i;
}

void
kg_people_parse_at(const struct kg_vocab *v, const struct kg_lexicon *lx,
                   int prose, const char *text, size_t len,
                   struct kg_people *out)
{
  struct kg_ptoks t;
  size_t i = 0, pending_from = 0;

  memset(out, 0, sizeof(*out));
  kg_people_tokenize(lx, text, len, &t);
  t.prose = prose && lx;
  while(i < t.n && !(t.prose && out->npersons)) {
    size_t n;
    struct kg_person_ref *pr;
    long org = -1;

    if(t.v[i].kind != T_WORD || !t.v[i].cap) {
      /* separators between persons are skipped; prose ends the list */
      if(t.v[i].kind == T_WORD && !is_sep(v, &t, i) && t.v[i].key[0])
        break;
      i++;
      continue;
    }
    n = run_len(v, &t, i);
    if(!n) {
      /* with a lexicon: a capitalised run that is no name is skipped */
      i += name_run(&t, i);
      continue;
    }
    KG_GROW(out->persons, out->cappersons, out->npersons + 1);
    pr = &out->persons[out->npersons++];
    memset(pr, 0, sizeof(*pr));
    pr->org = -1;
    pr->name.start = t.v[i].start;
    pr->name.end = t.v[i + n - 1].end;
    i += n;
    if(i >= t.n)
      break;
    i = after_name(v, &t, i, out, pr, &org);
    if(org >= 0) {
      size_t k;

      for(k = pending_from; k < out->npersons; k++)
        if(out->persons[k].org < 0)
          out->persons[k].org = org;
      pending_from = out->npersons;
    }
  }
  kg_people_toks_release(&t);
}

void
kg_people_parse_lex(const struct kg_vocab *v, const struct kg_lexicon *lx,
                    const char *text, size_t len, struct kg_people *out)
{
  kg_people_parse_at(v, lx, 0, text, len, out);
}

void
kg_people_parse(const struct kg_vocab *v, const char *text, size_t len,
                struct kg_people *out)
{
  kg_people_parse_at(v, NULL, 0, text, len, out);
}

void
kg_people_release(struct kg_people *p)
{
  free(p->persons);
  free(p->orgs);
  memset(p, 0, sizeof(*p));
}
