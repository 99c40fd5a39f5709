/* prose_sessions.c - sessions named in sentences (see prose_sessions.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "extract/dates.h"
#include "extract/doc.h"
#include "extract/programme.h"
#include "extract/prose_sessions.h"
#include "extract/sections.h"
#include "ref/vocab.h"

#define PROSE_MAX 32        /* sessions a report may name in prose */
#define TITLE_WORDS 16      /* a longer topic is a sentence: cut there */
#define TITLE_MAX 200       /* bytes: a longer first paragraph is no title */
#define ATTRIBUTION_MAX 120 /* bytes: "Prénom Nom, discours d'ouverture de …" */
#define ATTRIBUTION_WORDS 4 /* words of the name before its comma */

struct finder {
  const struct kg_doc *doc;
  const struct kg_vocab *v;
  struct kg_buf title;      /* key of the report's title: its own type */
  struct kg_section *s;
  size_t n, cap;
  size_t lead, lead_end;    /* the lead sentence that dates the event:
                               block, end (0: none) */
};

/* ------------------------------------------------------------ words */

static int
is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n';
}

/* 1 if a word starts at s[i]: after a space, an apostrophe or a bracket. */
static int
word_start(const char *s, size_t i)
{
  unsigned char c = (unsigned char)s[i];

  if(!(c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
    return 0;
  return i == 0 || is_space(s[i - 1]) || s[i - 1] == '\'' ||
         s[i - 1] == '(' || (i >= 3 && !memcmp(s + i - 3, "\xe2\x80\x99", 3));
}

/* The longest session type word at s[i..len): its end, its key in *key. */
static size_t
type_at(const struct kg_vocab *v, const char *s, size_t len, size_t i,
        const char **key)
{
  size_t t, w, e, best = 0;

  for(t = 0; t < v->ntypes; t++)
    for(w = 0; w < v->types[t].nwords; w++)
      if((e = kg_text_key_prefix(s + i, len - i, v->types[t].words[w].key))
         > best) {
        best = e;
        *key = v->types[t].words[w].key;
      }
  return best ? i + best : 0;
}

/* Start of the word that ends just before s[k] (spaces skipped), or k. */
static size_t
word_before(const char *s, size_t k)
{
  while(k > 0 && is_space(s[k - 1]))
    k--;
  while(k > 0 && !is_space(s[k - 1]) && s[k - 1] != '\'' && s[k - 1] != '(' &&
        !(k >= 3 && !memcmp(s + k - 3, "\xe2\x80\x99", 3)))
    k--;
  return k;
}

/* 1 if a singular determiner ends just before the type word at s[i]:
 * "l'", "une", "la première" (cue/session-determiner), but no
 * demonstrative (cue/session-anaphor). */
static int
determiner_before(const struct kg_vocab *v, const char *s, size_t i)
{
  const struct kg_phrase *d = v->cues[KG_CUE_SESSION_DET];
  size_t n = v->ncues[KG_CUE_SESSION_DET], w1, w2, end = i;

  if(i >= 2 && s[i - 1] == '\'')
    end = i - 1;
  else if(i >= 4 && !memcmp(s + i - 3, "\xe2\x80\x99", 3))
    end = i - 3;
  if(end != i)    /* elided: "l'atelier" */
    return end >= 1 && (s[end - 1] | 0x20) == 'l' &&
           (end == 1 || is_space(s[end - 2]) || s[end - 2] == '(');
  while(end > 0 && is_space(s[end - 1]))
    end--;
  w1 = word_before(s, i);
  if(w1 < end && kg_vocab_phrase_is(v->cues[KG_CUE_SESSION_ANAPHOR],
                                    v->ncues[KG_CUE_SESSION_ANAPHOR],
                                    s + w1, end - w1))
    return 0;     /* "cette table ronde": named before */
  if(w1 < end && kg_vocab_phrase_is(d, n, s + w1, end - w1))
    return 1;
  w2 = word_before(s, w1);
  return w2 < end && kg_vocab_phrase_is(d, n, s + w2, end - w2);
}

/* "Henri Verdier, discours d’ouverture de NEC 2022" under a quote: a
 * short line of one sentence that opens with a name of a few capitalised
 * words, then a comma right before the type word at s[i]: the speaker's
 * attribution names the session without a determiner. */
static int
attribution(const char *s, size_t len, size_t i)
{
  size_t k = i, w = 0, p;

  if(len > ATTRIBUTION_MAX || memchr(s, '.', len) || memchr(s, '\n', len))
    return 0;
  while(k > 0 && is_space(s[k - 1]))
    k--;
  if(k < 2 || s[k - 1] != ',' || memchr(s, ',', k - 1))
    return 0;
  for(p = 0; p < k - 1; p++)
    if(word_start(s, p) && (p == 0 || is_space(s[p - 1]))) {
      if(!kg_text_upper_at(s + p, k - 1 - p) || ++w > ATTRIBUTION_WORDS)
        return 0;
    }
  return w >= 2;
}

/* ------------------------------------------------------------ titles */

/* Offset just after the longest phrase of @role at s[i..len), or i. */
static size_t
phrase_at(const struct kg_vocab *v, enum kg_cue_role role, const char *s,
          size_t len, size_t i)
{
  size_t p, best = 0, e;

  for(p = 0; p < v->ncues[role]; p++)
    if(v->cues[role][p].key[0] &&
       (e = kg_text_key_prefix(s + i, len - i, v->cues[role][p].key)) > best)
      best = e;
  return i + best;
}

/* End of a quotation opened at s[i] ("« … »", "“ … ”", "\" … \""),
 * after its closing mark; 0 if none opens there or it never closes. */
static size_t
quote_end(const char *s, size_t len, size_t i)
{
  const char *close = NULL, *p;

  if(i + 1 < len && !memcmp(s + i, "\xc2\xab", 2))
    close = "\xc2\xbb";
  else if(i + 2 < len && !memcmp(s + i, "\xe2\x80\x9c", 3))
    close = "\xe2\x80\x9d";
  else if(i < len && s[i] == '"')
    close = "\"";
  if(!close)
    return 0;
  p = strstr(s + i + 1, close);
  return p && (size_t)(p - s) < len ? (size_t)(p - s) + strlen(close) : 0;
}

/* End of the clause from s[i]: punctuation, a dash between spaces, a
 * stop phrase ("animée par", "a réuni"), or TITLE_WORDS words. */
static size_t
clause_end(const struct kg_vocab *v, const char *s, size_t len, size_t i)
{
  size_t k, words = 0, q;

  for(k = i; k < len; k++) {
    char c = s[k];

    if(c == ',' || c == '.' || c == ';' || c == '(' || c == ')' ||
       c == '!' || c == '?' || c == ':' || c == '\n')
      break;
    if((q = quote_end(s, len, k)) != 0) {
      k = q - 1;
      continue;
    }
    if(k > i && is_space(s[k - 1]) && k + 1 < len &&
       (c == '-' || !memcmp(s + k, "\xe2\x80\x93", 3)) &&
       is_space(s[c == '-' ? k + 1 : k + 3]))
      break;
    if(word_start(s, k) && (phrase_at(v, KG_CUE_SESSION_STOP, s, len, k) > k
                            || ++words > TITLE_WORDS))
      break;
  }
  while(k > i && is_space(s[k - 1]))
    k--;
  return k;
}

/* s[ts..q) without the date that ends it ("… Terres d'Envol le 22
 * novembre": the day the session was held, no part of its title), nor a
 * determiner left before that date; its new end. */
static size_t
drop_date(const struct kg_vocab *v, const char *s, size_t ts, size_t q)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t z = q, w;

  kg_dates_find(v, s + ts, q - ts, &ds);
  if(ds.n && ds.v[0].start > 0 && ds.v[0].d > 0) {   /* a day, not "2024" */
    z = ts + ds.v[0].start;
    while(z > ts && is_space(s[z - 1]))
      z--;
    w = word_before(s, z);
    if(w > ts && kg_vocab_phrase_is(v->cues[KG_CUE_SESSION_DET],
                                    v->ncues[KG_CUE_SESSION_DET], s + w, z - w))
      z = w;
    while(z > ts && is_space(s[z - 1]))
      z--;
  }
  kg_dates_release(&ds);
  return z > ts ? z : q;
}

/* End of the topic that the phrase of @role at s[p] opens ("sur la VAE"),
 * or 0: none, or a relative clause ("sur laquelle …"). */
static size_t
topic_end(const struct kg_vocab *v, enum kg_cue_role role, const char *s,
          size_t len, size_t p)
{
  size_t q, ts;

  if(p >= len || !word_start(s, p) || (q = phrase_at(v, role, s, len, p)) == p)
    return 0;
  for(ts = q; ts < len && s[ts] == ' '; ts++)
    ;
  if(ts < len && s[ts] == '\'')
    ts++;
  else if(ts + 2 < len && !memcmp(s + ts, "\xe2\x80\x99", 3))
    ts += 3;
  q = clause_end(v, s, len, ts);
  return q > ts ? drop_date(v, s, ts, q) : 0;
}

/* "un atelier Minecraft où …": the capitalised words right after a
 * type word name it (no weekday: "la plénière Jeudi"); their end, or 0. */
static size_t
name_end(const struct kg_vocab *v, const char *s, size_t len, size_t p)
{
  size_t q = p, z = 0;

  /* a number goes on a name ("Citoyen 3.0") but opens none */
  while(q < len && (kg_text_upper_at(s + q, len - q) ||
                    (z && s[q] >= '0' && s[q] <= '9')) &&
        !kg_vocab_weekday_len(v, s + q, len - q)) {
    while(q < len && !is_space(s[q]) &&
          (!strchr(",.;:!?()", s[q]) ||
           (s[q] == '.' && q + 1 < len && s[q + 1] >= '0' && s[q + 1] <= '9')))
      q++;   /* "3.0" */
    z = q;
    if(q >= len || s[q] != ' ')
      break;
    q++;
  }
  return z;
}

/* End of the title whose type word is s[i..e), or 0 when the words after
 * it give no topic and the type does not stand alone; @talk: a talk word
 * (cue/session-talk), whose topic may open with "de" too. */
static size_t
title_end(const struct kg_vocab *v, const char *s, size_t len, size_t i,
          size_t e, int talk)
{
  size_t p = e, q;

  while(p < len && s[p] == ' ')
    p++;
  if((q = quote_end(s, len, p)) != 0)
    return q;
  if(p < len && s[p] == ':' && p + 1 < len && !talk) {
    q = p + 1;
    while(q < len && s[q] == ' ')
      q++;
    return quote_end(s, len, q) ? quote_end(s, len, q)
                                : clause_end(v, s, len, q);
  }
  /* "une table ronde sur laquelle …": a relative clause, no topic */
  if((q = topic_end(v, KG_CUE_SESSION_TOPIC, s, len, p)) != 0 ||
     (talk && (q = topic_end(v, KG_CUE_SESSION_TALK_TOPIC, s, len, p)) != 0) ||
     (!talk && (q = name_end(v, s, len, p)) != 0))
    return q;
  return kg_vocab_phrase_is(v->cues[KG_CUE_SESSION_ALONE],
                            v->ncues[KG_CUE_SESSION_ALONE], s + i, e - i)
         ? e : 0;
}

/* ------------------------------------------------------------ sessions */

static int
known(const struct finder *f, const char *t, size_t off, size_t end)
{
  struct kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;
  size_t i;
  int hit = 0;

  kg_text_key(t + off, end - off, &a);
  for(i = 0; i < f->n && !hit; i++) {
    const struct kg_block *bl = &f->doc->blocks[f->s[i].block];

    kg_text_key(bl->text + f->s[i].title_off,
                f->s[i].title_end - f->s[i].title_off, &b);
    hit = a.len == b.len && !memcmp(a.s, b.s, a.len);
  }
  kg_buf_release(&a);
  kg_buf_release(&b);
  return hit;
}

/* Adds the session titled bl->text[off..end) of block @b; 1 if added. */
static int
add(struct finder *f, size_t b, size_t off, size_t end)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  struct kg_section *s;

  if(f->n >= PROSE_MAX || known(f, bl->text, off, end) ||
     (b == f->lead && off < f->lead_end))
    return 0;
  KG_GROW(f->s, f->cap, f->n + 1);
  s = &f->s[f->n++];
  memset(s, 0, sizeof(*s));
  s->block = s->head = b;
  s->title_off = off;
  s->title_end = end;
  s->parent = -1;
  s->body_end = b + 1;
  s->rule = "prose:session-type";
  s->type = kg_sections_type(f->v, bl->text + off, end - off);
  return 1;
}

/* '"Quel humanisme à l'ère du numérique ?" L'accélération …': a
 * paragraph that opens with a quoted question of at most TITLE_WORDS words
 * and goes on after it with a new sentence announces a talk; the end of
 * the question's words, or 0, and in *start where they begin. */
static size_t
quoted_question(const char *t, size_t len, size_t *start)
{
  size_t q = quote_end(t, len, 0), open, k, i, words = 1;

  if(!q || q >= len)
    return 0;
  for(i = q; i < len && t[i] == ' '; i++)
    ;
  if(i == len || !kg_text_upper_at(t + i, len - i))
    return 0;   /* '« Comment faire ? » demande Marie': a speaker's words */
  open = t[0] == '"' ? 1 : (unsigned char)t[0] == 0xc2 ? 2 : 3;
  k = q - (t[q - 1] == '"' ? 1 : (unsigned char)t[q - 1] == 0xbb ? 2 : 3);
  while(k > open && t[k - 1] == ' ')
    k--;
  if(k <= open || t[k - 1] != '?')
    return 0;
  for(i = open; i < k; i++)
    if(t[i] == ' ' && t[i + 1] != ' ' && t[i + 1] != '?')
      words++;
  while(open < k && t[open] == ' ')
    open++;
  *start = open;
  return words <= TITLE_WORDS ? k : 0;
}

/* A talk word (cue/session-talk) at t[i] after a singular determiner,
 * with its topic ("une restitution de leurs productions"): adds it and
 * returns the end of its title, else 0. */
static size_t
talk(struct finder *f, size_t b, size_t i)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text;
  size_t e = phrase_at(f->v, KG_CUE_SESSION_TALK, t, bl->len, i), z;
  struct kg_buf k = KG_BUF_INIT;
  int own;

  if(e == i || kg_text_upper_at(t + i, bl->len - i) ||
     !determiner_before(f->v, t, i))
    return 0;
  kg_text_key(t + i, e - i, &k);
  own = f->title.len && kg_text_key_contains(f->title.s, k.s);
  kg_buf_release(&k);
  if(own || !(z = title_end(f->v, t, bl->len, i, e, 1)))
    return 0;
  add(f, b, i, z);
  return z;
}

/* "deux ateliers : l'un sur la VAE", "la réunion sur …, celle sur …": a
 * pronoun (cue/session-pronoun) at t[i] with a topic, after a session word
 * at t[@seen] of the same sentence; adds it, returns its end, else 0. */
static size_t
pronoun(struct finder *f, size_t b, size_t i, size_t seen)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text;
  size_t e = phrase_at(f->v, KG_CUE_SESSION_PRONOUN, t, bl->len, i), p, z, k;

  if(e == i || memchr(t + seen, '.', i - seen))
    return 0;
  for(p = e; p < bl->len && t[p] == ' '; p++)
    ;
  if(!(z = topic_end(f->v, KG_CUE_SESSION_TOPIC, t, bl->len, p)))
    return 0;
  k = word_before(t, e);    /* "dont une sur …": from "une" */
  add(f, b, k > i && is_space(t[k - 1]) ? k : i, z);
  return z;
}

/* ------------------------------------------------------------ lists */

/* End of the sentence from t[i]: a full stop, "!" or "?" before a space or
 * the end ("C.V." goes on), or len. */
static size_t
sentence_end(const char *t, size_t len, size_t i)
{
  for(; i < len; i++)
    if((t[i] == '.' || t[i] == '!' || t[i] == '?') &&
       (i + 1 == len || is_space(t[i + 1])))
      return i;
  return len;
}

/* 1 if the session word @key is a plural: its words without their final
 * "s" or "x" make another session word ("tables rondes", not
 * "masterclass"). */
static int
plural_type(const struct kg_vocab *v, const char *key)
{
  struct kg_buf sg = KG_BUF_INIT;
  size_t i, t, w;
  int hit = 0;

  for(i = 0; key[i]; i++)
    if(!((key[i] == 's' || key[i] == 'x') && (!key[i + 1] || key[i + 1] == ' ')))
      kg_buf_addc(&sg, key[i]);
  for(t = 0; t < v->ntypes && !hit && sg.len && sg.len < strlen(key); t++)
    for(w = 0; w < v->types[t].nwords && !hit; w++)
      hit = !strcmp(v->types[t].words[w].key, sg.s);
  kg_buf_release(&sg);
  return hit;
}

/* t[a..z) ends with a programme cue ("Au programme") or holds a session
 * word in the plural ("Ateliers au sein des centres", "deux ateliers"). */
static int
announces_items(const struct kg_vocab *v, const char *t, size_t a, size_t z)
{
  const char *key;
  size_t i, e;

  for(i = a; i < z; i++) {
    if(!word_start(t, i))
      continue;
    if(phrase_at(v, KG_CUE_PROGRAMME, t, z, i) == z)
      return 1;
    if((e = type_at(v, t, z, i, &key)) != 0 && plural_type(v, key))
      return 1;
  }
  return 0;
}

/* Words of t[a..z). */
static size_t
item_words(const char *t, size_t a, size_t z)
{
  size_t i, n = 0;

  for(i = a; i < z; i++)
    if(word_start(t, i))
      n++;
  return n;
}

/* "chargée du déploiement …", "organisé par …": an item that opens with a
 * past participle in lower case says more of the item before it. */
static int
participle_first(const char *t, size_t a, size_t z)
{
  size_t e = a;

  if(kg_text_upper_at(t + a, z - a))
    return 0;
  while(e < z && !is_space(t[e]))
    e++;
  while(e > a && t[e - 1] == 's')
    e--;
  if(e > a && t[e - 1] == 'e')
    e--;
  return e >= a + 2 && !memcmp(t + e - 2, "\xc3\xa9", 2);
}

/* 1 if t[a..z) is a session already found in block @b from index @from. */
static int
overlaps(const struct finder *f, size_t b, size_t from, size_t a, size_t z)
{
  size_t k;

  for(k = from; k < f->n; k++)
    if(f->s[k].block == b && f->s[k].title_off < z && a < f->s[k].title_end)
      return 1;
  return 0;
}

/* One item t[a..z) of a list in a sentence: a session unless it is a kind
 * ("de nombreuses conférences", "débats", "etc"), an apposition or a
 * session found already. */
static void
list_item(struct finder *f, size_t b, size_t from, size_t a, size_t z)
{
  const char *t = f->doc->blocks[b].text;
  size_t n;

  while(a < z && (is_space(t[a]) || t[a] == '-'))
    a++;
  while(z > a && is_space(t[z - 1]))
    z--;
  n = item_words(t, a, z);
  if(n == 0 || (n == 1 && !kg_text_upper_at(t + a, z - a)) ||
     (n <= 3 && kg_sections_type(f->v, t + a, z - a) >= 0) ||
     participle_first(t, a, z) || overlaps(f, b, from, a, z))
    return;
  add(f, b, a, z);
}

/* The items of t[a..e) (block @b), split at commas, semicolons and "et"
 * outside brackets -- not at an "et" that a complement follows ("aux
 * médias et au numérique"). */
static void
split_items(struct finder *f, size_t b, size_t from, size_t a, size_t e)
{
  const char *t = f->doc->blocks[b].text;
  size_t k, depth = 0;

  for(k = a; k <= e; k++) {
    size_t and = k < e && k > a && is_space(t[k - 1])
                 ? phrase_at(f->v, KG_CUE_SESSION_LIST_AND, t, e, k) : k;

    and = and > k && and < e && is_space(t[and]) ? and : 0;

    if(k < e && (t[k] == '(' || t[k] == ')')) {
      depth += t[k] == '(' ? 1 : (depth ? (size_t)-1 : 0);
      continue;
    }
    if(and && phrase_at(f->v, KG_CUE_SESSION_TALK_TOPIC, t, e, and + 1) >
              and + 1)
      continue;
    if(k < e && (depth || !(t[k] == ',' || t[k] == ';' || and)))
      continue;
    list_item(f, b, from, a, k);
    a = and ? and : k + 1;
  }
}

/* "Au programme : échanges avec X, …", "Ateliers au sein des centres :
 * recherche d'information sur le Web, création d'…, etc.": after a colon
 * that a programme cue or a session word in the plural announces, the
 * items of the sentence, split at commas, semicolons and "et", are
 * sessions -- unless the first one opens with a pronoun ("deux ateliers :
 * l'un sur …", read by pronoun()).  @from: the first session of the
 * block. */
static void
inline_list(struct finder *f, size_t b, size_t from)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text, *c = memchr(t, ':', bl->len);
  size_t s0, colon, e, a, k;

  if(!c)
    return;
  colon = (size_t)(c - t);
  for(s0 = colon; s0 > 0 && !(t[s0 - 1] == '.' && is_space(t[s0])); s0--)
    ;
  for(k = colon; k > s0 && is_space(t[k - 1]); k--)
    ;
  if(!announces_items(f->v, t, s0, k))
    return;
  for(a = colon + 1; a < bl->len && is_space(t[a]); a++)
    ;
  e = sentence_end(t, bl->len, a);
  if(phrase_at(f->v, KG_CUE_SESSION_PRONOUN, t, e, a) > a ||
     !memchr(t + a, ',', e - a))
    return;
  split_items(f, b, from, a, e);
}

/* "… proposera plusieurs tables rondes le 7 octobre. Y seront abordés les
 * enjeux …, la formation …, la cybersécurité et …": a sentence that a
 * programme announce phrase opens ("seront abordés"), after a session
 * word in the plural in an earlier sentence of the paragraph, lists the
 * sessions' topics. */
static void
addressed_list(struct finder *f, size_t b, size_t from)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text, *key;
  size_t i, e, p, q, words, plural = 0;

  for(i = 0; i < bl->len; i = e + 1) {
    e = sentence_end(t, bl->len, i);
    for(p = i, words = 0; plural && p < e && words < 4; p++) {
      if(!word_start(t, p))
        continue;
      words++;
      if((q = phrase_at(f->v, KG_CUE_PROGRAMME_ANNOUNCE, t, e, p)) > p) {
        split_items(f, b, from, q, e);
        return;
      }
    }
    for(p = i; p < e && !plural; p++)
      plural = word_start(t, p) && type_at(f->v, t, e, p, &key) &&
               plural_type(f->v, key);
  }
}

/* 1 if a comma or "et" (cue/session-list-and) ends just before s[i]. */
static int
after_comma_or_and(const struct kg_vocab *v, const char *s, size_t i)
{
  size_t w;

  while(i > 0 && is_space(s[i - 1]))
    i--;
  if(i > 0 && s[i - 1] == ',')
    return 1;
  w = word_before(s, i);
  return w < i && kg_vocab_phrase_is(v->cues[KG_CUE_SESSION_LIST_AND],
                                     v->ncues[KG_CUE_SESSION_LIST_AND],
                                     s + w, i - w);
}

/* "Des conférences et ateliers ont amené les participants à se
 * questionner sur X, sur Y et sur Z": after a session word in the plural,
 * two topics or more, each opened by a topic word after a comma or "et",
 * are one session each, titled by the topic. */
static void
topic_list(struct finder *f, size_t b, size_t from)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text, *key;
  size_t i, e, p, ts, q, a[PROSE_MAX], z[PROSE_MAX], n, k;

  for(i = 0; i < bl->len; i = e + 1) {
    e = sentence_end(t, bl->len, i);
    for(p = i; p < e; p++)
      if(word_start(t, p) && type_at(f->v, t, e, p, &key) &&
         plural_type(f->v, key))
        break;
    for(n = 0; p < e && n < PROSE_MAX; p++) {
      if(!word_start(t, p) || !after_comma_or_and(f->v, t, p) ||
         (ts = phrase_at(f->v, KG_CUE_SESSION_TOPIC, t, e, p)) == p)
        continue;
      while(ts < e && t[ts] == ' ')
        ts++;
      if((q = clause_end(f->v, t, e, ts)) > ts) {
        a[n] = ts;
        z[n++] = q;
        p = q - 1;
      }
    }
    for(k = 0; n >= 2 && k < n; k++)
      if(!overlaps(f, b, from, a[k], z[k]))
        add(f, b, a[k], z[k]);
  }
}

/* 'Les thèmes abordés sont hétéroclites : "Peut-on … ?" ou encore "Peut-on
 * … ?"': two quoted questions or more in the sentence after a colon are
 * the titles of sessions, without their quotation marks. */
static void
quoted_list(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text, *c = memchr(t, ':', bl->len);
  size_t a[PROSE_MAX], z[PROSE_MAX], n = 0, i, e, q, k;

  if(!c)
    return;
  e = sentence_end(t, bl->len, (size_t)(c - t));
  for(i = (size_t)(c - t) + 1; i < e && n < PROSE_MAX; i++) {
    if(!(q = quote_end(t, bl->len, i)))
      continue;
    for(k = q; k > i && (unsigned char)t[k - 1] >= 0x80 &&
        (unsigned char)t[k - 1] < 0xc0; k--)
      ;
    k = t[q - 1] == '"' ? q - 1 : k - 1;    /* the closing mark */
    while(k > i && t[k - 1] == ' ')
      k--;
    if(k > i && t[k - 1] == '?') {
      a[n] = i + (t[i] == '"' ? 1 : (unsigned char)t[i] == 0xc2 ? 2 : 3);
      while(a[n] < k && t[a[n]] == ' ')
        a[n]++;
      z[n++] = k;
    }
    i = q - 1;
    if(q > e)
      e = sentence_end(t, bl->len, q);
  }
  for(i = 0; n >= 2 && i < n; i++)
    add(f, b, a[i], z[i]);
}

/* The sessions one paragraph or item names. */
static void
block(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text, *key = NULL;
  size_t i, e, z, seen = (size_t)-1, from = f->n;
  long titled = -1;

  i = 0;
  if(bl->kind == KG_BLK_PARA && (z = quoted_question(t, bl->len, &e)) != 0) {
    size_t n = f->n;

    add(f, b, e, z);
    if(f->n > n)
      f->s[n].rule = "prose:quoted-question";
    titled = f->n > n ? (long)n : -1;
    i = z;
  }
  for(; i < bl->len; i++) {
    /* "le Forum Numérique" names an event; "l'Assemblée Générale
     * d'ARSENIC" is a session: a capital only for a type that stands
     * alone (cue/session-alone), the whole type */
    int capital = kg_text_upper_at(t + i, bl->len - i);
    size_t alone = capital
                   ? phrase_at(f->v, KG_CUE_SESSION_ALONE, t, bl->len, i) : i;

    if(!word_start(t, i))
      continue;
    if(seen != (size_t)-1 && (z = pronoun(f, b, i, seen)) != 0) {
      i = z - 1;
      continue;
    }
    if(type_at(f->v, t, bl->len, i, &key) ||
       phrase_at(f->v, KG_CUE_SESSION_TALK, t, bl->len, i) > i)
      seen = i;
    if((z = talk(f, b, i)) != 0) {
      i = z - 1;
      continue;
    }
    if((capital && alone == i) ||
       !(e = type_at(f->v, t, bl->len, i, &key)) || (capital && e != alone))
      continue;
    if((!determiner_before(f->v, t, i) &&
        !(bl->kind == KG_BLK_PARA && attribution(t, bl->len, i))) ||
       (f->title.len && kg_text_key_contains(f->title.s, key)) ||
       kg_vocab_phrase_is(f->v->cues[KG_CUE_SESSION_NOT_PROSE],
                          f->v->ncues[KG_CUE_SESSION_NOT_PROSE], t + i, e - i))
      continue;
    /* '"Le numérique, facteur d'inclusion … ?" … Une table-ronde
     * réunira :': the type alone is the form of the quoted title */
    if((z = title_end(f->v, t, bl->len, i, e, 0)) != 0) {
      if(titled < 0 || z != e)
        add(f, b, i, z);
      else if(f->s[titled].type < 0)
        f->s[titled].type = kg_sections_type(f->v, t + i, e - i);
      i = z - 1;
    }
  }
  inline_list(f, b, from);
  addressed_list(f, b, from);
  quoted_list(f, b);
  topic_list(f, b, from);
}

/* 1 if t[0..len) ends with a full stop or "!": a sentence, no subtitle. */
static int
sentence_closed(const char *t, size_t len)
{
  while(len && is_space(t[len - 1]))
    len--;
  return len && (t[len - 1] == '.' || t[len - 1] == '!');
}

/* 1 if t[0..len) holds a credit mark "©" (a photo caption). */
static int
has_credit(const char *t, size_t len)
{
  size_t i;

  for(i = 0; i + 1 < len; i++)
    if((unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA9)
      return 1;
  return 0;
}

/* "Rencontre régionale & Assemblée générale, 29 juin 2023": a title that
 * joins parts with "&" names the event by its first; the others are its
 * sessions.  The length of the first part. */
static size_t
first_part(const char *t, size_t len)
{
  size_t i;

  for(i = 1; i + 2 < len; i++)
    if(t[i] == '&' && t[i - 1] == ' ' && t[i + 1] == ' ')
      return i - 1;
  return len;
}

/* The words that name the event itself: the report's title and its first
 * paragraph when short enough to be a subtitle or a title ("Restitution
 * des échanges de la TABLE RONDE …"), keyed into @key. */
static void
title_key(const struct kg_doc *doc, long title, struct kg_buf *key)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t b = title >= 0 ? (size_t)title + 1 : 0;

  if(title >= 0)
    kg_text_key(doc->blocks[title].text,
                first_part(doc->blocks[title].text, doc->blocks[title].len),
                key);
  while(b < doc->nblocks && doc->blocks[b].kind != KG_BLK_PARA)
    b++;
  /* "Atelier comme à la télé: des enfants … © Elsa Ferreira": a photo
   * caption, with its credit, is no subtitle */
  if(b < doc->nblocks && doc->blocks[b].len <= TITLE_MAX &&
     !sentence_closed(doc->blocks[b].text, doc->blocks[b].len) &&
     !has_credit(doc->blocks[b].text, doc->blocks[b].len)) {
    kg_text_key(doc->blocks[b].text, doc->blocks[b].len, &k);
    if(key->len)
      kg_buf_addc(key, ' ');
    kg_buf_add(key, k.s, k.len);
  }
  kg_buf_release(&k);
}

/* "L'assemblée générale ordinaire 2007 s'est déroulée le jeudi 15 mars
 * 2007 à …": the report's first sentence, when it gives one day, names the
 * event itself, not one of its sessions.  Sets f->lead and f->lead_end. */
static void
lead_sentence(struct finder *f, long title)
{
  struct kg_dates ds = { NULL, 0, 0 };
  const struct kg_block *bl;
  size_t b = 0, e, k, days = 0;

  if(title >= 0)
    b = (size_t)title + 1;
  while(b < f->doc->nblocks && f->doc->blocks[b].kind != KG_BLK_PARA)
    b++;
  if(b >= f->doc->nblocks)
    return;
  bl = &f->doc->blocks[b];
  e = sentence_end(bl->text, bl->len, 0);
  kg_dates_find(f->v, bl->text, e, &ds);
  for(k = 0; k < ds.n; k++)
    days += ds.v[k].d > 0;
  if(days == 1) {   /* several days: several meetings, each a session */
    f->lead = b;
    f->lead_end = e;
  }
  kg_dates_release(&ds);
}

/* Order of the text: by block, then by title. */
static int
by_place(const void *a, const void *b)
{
  const struct kg_section *x = a, *y = b;

  if(x->block != y->block)
    return x->block < y->block ? -1 : 1;
  return x->title_off < y->title_off ? -1 : x->title_off > y->title_off;
}

size_t
kg_prose_sessions_find(const struct kg_doc *doc, const struct kg_vocab *v,
                       const unsigned char *skip, struct kg_section **out)
{
  struct finder f;
  long title = kg_programme_title(doc, v);
  size_t b;

  memset(&f, 0, sizeof f);
  f.doc = doc;
  f.v = v;
  kg_buf_init(&f.title);
  title_key(doc, title, &f.title);
  lead_sentence(&f, title);
  for(b = 0; b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];

    if((long)b == title || !(bl->kind == KG_BLK_PARA || bl->kind == KG_BLK_ITEM)
       || kg_sections_is_heading(bl))
      continue;
    /* inside a session the layout found, only its list of parts */
    if(skip && skip[b])
      inline_list(&f, b, f.n);
    else
      block(&f, b);
  }
  kg_buf_release(&f.title);
  if(f.n > 1)
    qsort(f.s, f.n, sizeof(*f.s), by_place);
  *out = f.s;
  return f.n;
}
