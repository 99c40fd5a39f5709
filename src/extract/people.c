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
#include "ref/vocab.h"

enum tok_kind { T_WORD, T_COMMA, T_OPEN, T_CLOSE, T_PUNCT };

struct tok {
  enum tok_kind kind;
  size_t start, end;
  char *key;       /* matching key, lower case, no accents */
  int cap;         /* starts with an upper-case letter or a digit */
};

struct toks {
  struct tok *v;
  size_t n, cap;
};

static int
is_apos(int cp)
{
  return cp == '\'' || cp == 0x2019;
}

static void
push(struct toks *t, enum tok_kind kind, const char *text, size_t a, size_t b)
{
  struct tok *k;
  struct kg_buf key = KG_BUF_INIT;
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
}

static void
tokenize(const char *s, size_t len, struct toks *t)
{
  size_t i = 0;

  while(i < len) {
    int cp;
    int k = kg_text_utf8_decode(s + i, len - i, &cp);
    size_t j;

    if(cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x202F) {
      i += (size_t)k;
      continue;
    }
    if(cp == ',' || cp == ';') {
      push(t, T_COMMA, s, i, i + (size_t)k);
      i += (size_t)k;
      continue;
    }
    if(cp == '(') {
      push(t, T_OPEN, s, i, i + 1);
      i++;
      continue;
    }
    if(cp == ')') {
      push(t, T_CLOSE, s, i, i + 1);
      i++;
      continue;
    }
    if(cp == ':' || cp == '.' || cp == '!' || cp == '?' || cp == '*') {
      push(t, T_PUNCT, s, i, i + (size_t)k);
      i += (size_t)k;
      continue;
    }
    /* a word: up to space or punctuation; "d'" / "l'" split off */
    j = i;
    while(j < len) {
      int c2;
      int k2 = kg_text_utf8_decode(s + j, len - j, &c2);

      if(c2 == ' ' || c2 == '\t' || c2 == '\n' || c2 == 0xA0 || c2 == 0x202F ||
         c2 == ',' || c2 == ';' || c2 == '(' || c2 == ')' || c2 == ':')
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
    push(t, T_WORD, s, i, j);
    i = j;
  }
}

static void
toks_release(struct toks *t)
{
  size_t i;

  for(i = 0; i < t->n; i++)
    free(t->v[i].key);
  free(t->v);
}

/* Length in tokens of the longest phrase of @role matching at @i, or 0. */
static size_t
match_phrase(const struct kg_vocab *v, enum kg_cue_role role,
             const struct toks *t, size_t i)
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
      size_t kl = strlen(t->v[j].key);

      if(!kl || strncmp(k, t->v[j].key, kl) || (k[kl] && k[kl] != ' '))
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
is_sep(const struct kg_vocab *v, const struct toks *t, size_t i)
{
  return i < t->n && match_phrase(v, KG_CUE_NAME_SEP, t, i) > 0;
}

/* Number of capitalised word tokens from @i (a person's name). */
static size_t
name_run(const struct toks *t, size_t i)
{
  size_t n = 0;

  while(i + n < t->n && t->v[i + n].kind == T_WORD && t->v[i + n].cap)
    n++;
  return n;
}

/* Does a person's name start at @i (used to end an organisation)? */
static int
person_starts(const struct kg_vocab *v, const struct toks *t, size_t i)
{
  size_t n = name_run(t, i), j = i + n;

  if(n < 2 || n > 4)
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
person_with_affiliation(const struct kg_vocab *v, const struct toks *t,
                        size_t i)
{
  size_t n = name_run(t, i), j = i + n;

  if(n < 1 || j >= t->n)
    return 0;
  if(match_phrase(v, KG_CUE_ORG_AFTER_NAME, t, j))
    return 1;
  return t->v[j].kind == T_COMMA && j + 1 < t->n &&
         t->v[j + 1].kind == T_WORD && !t->v[j + 1].cap &&
         !is_sep(v, t, j + 1);
}

static long
add_org(struct kg_people *p, const struct toks *t, size_t a, size_t b)
{
  struct kg_org_ref *o;
  size_t end = b;

  /* trailing "(ABBR)" is an alias */
  KG_GROW(p->orgs, p->caporgs, p->norgs + 1);
  o = &p->orgs[p->norgs];
  memset(o, 0, sizeof(*o));
  if(end - a >= 3 && t->v[end - 1].kind == T_CLOSE &&
     t->v[end - 3].kind == T_OPEN) {
    o->alias.start = t->v[end - 2].start;
    o->alias.end = t->v[end - 2].end;
    end -= 3;
  }
  while(end > a && t->v[end - 1].kind != T_WORD && t->v[end - 1].kind != T_CLOSE)
    end--;
  if(end <= a)
    return -1;
  o->name.start = t->v[a].start;
  o->name.end = t->v[end - 1].end;
  return (long)p->norgs++;
}

/* Organisation from token @i: returns the token index where it ends. */
static size_t
org_end(const struct kg_vocab *v, const struct toks *t, size_t i)
{
  size_t j = i;
  int depth = 0;

  while(j < t->n) {
    if(t->v[j].kind == T_OPEN)
      depth++;
    else if(t->v[j].kind == T_CLOSE && depth > 0)
      depth--;
    if(!depth && j > i) {
      size_t k = j;

      if(t->v[k].kind == T_COMMA)
        k++;
      if(k < t->n && t->v[k].kind == T_WORD && is_sep(v, t, k) &&
         t->v[k].kind == T_WORD && t->v[k].key[0])
        k++;
      if(k != j && (k >= t->n || person_starts(v, t, k)))
        return j;
    }
    j++;
  }
  return j;
}

void
kg_people_parse(const struct kg_vocab *v, const char *text, size_t len,
                struct kg_people *out)
{
  struct toks t = { NULL, 0, 0 };
  size_t i = 0, pending_from;

  memset(out, 0, sizeof(*out));
  tokenize(text, len, &t);
  pending_from = 0;
  while(i < t.n) {
    size_t n, m;
    struct kg_person_ref *pr;
    long org = -1;

    if(t.v[i].kind != T_WORD || !t.v[i].cap) {
      /* separators between persons are skipped; prose ends the list */
      if(t.v[i].kind == T_WORD && !is_sep(v, &t, i) && t.v[i].key[0])
        break;
      i++;
      continue;
    }
    n = name_run(&t, i);
    KG_GROW(out->persons, out->cappersons, out->npersons + 1);
    pr = &out->persons[out->npersons++];
    memset(pr, 0, sizeof(*pr));
    pr->org = -1;
    pr->name.start = t.v[i].start;
    pr->name.end = t.v[i + n - 1].end;
    i += n;
    if(i >= t.n)
      break;
    if(t.v[i].kind == T_OPEN) {
      /* "Name (Organisation)" */
      size_t j = i + 1;

      while(j < t.n && t.v[j].kind != T_CLOSE)
        j++;
      org = add_org(out, &t, i + 1, j);
      i = j < t.n ? j + 1 : j;
    } else if(t.v[i].kind == T_COMMA && i + 1 < t.n &&
              t.v[i + 1].kind == T_WORD && !t.v[i + 1].cap &&
              !is_sep(v, &t, i + 1)) {
      /* job title, then "au", "à la", "au sein de"... or ", Org" */
      size_t j = i + 1, ts = i + 1;

      m = 0;
      while(j < t.n) {
        m = match_phrase(v, KG_CUE_ORG_AFTER_TITLE, &t, j);
        if(m || t.v[j].kind == T_COMMA)
          break;
        j++;
      }
      pr->title.start = t.v[ts].start;
      pr->title.end = t.v[j - 1].end;
      if(m) {
        size_t e = org_end(v, &t, j + m);

        org = add_org(out, &t, j + m, e);
        i = e;
      } else if(j < t.n && j + 1 < t.n && t.v[j + 1].kind == T_WORD &&
                t.v[j + 1].cap && !person_with_affiliation(v, &t, j + 1)) {
        size_t e = org_end(v, &t, j + 1);

        org = add_org(out, &t, j + 1, e);
        i = e;
      } else {
        i = j;
      }
    } else if((m = match_phrase(v, KG_CUE_ORG_AFTER_NAME, &t, i)) > 0 &&
              i + m < t.n) {
      size_t e = org_end(v, &t, i + m);

      org = add_org(out, &t, i + m, e);
      i = e;
    }
    if(org >= 0) {
      size_t k;

      for(k = pending_from; k < out->npersons; k++)
        if(out->persons[k].org < 0)
          out->persons[k].org = org;
      pending_from = out->npersons;
    }
  }
  toks_release(&t);
}

void
kg_people_release(struct kg_people *p)
{
  free(p->persons);
  free(p->orgs);
  memset(p, 0, sizeof(*p));
}
