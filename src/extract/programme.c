/* programme.c - sessions from the layout of a report that has no numbering:
 * headings, time slots, programme lists (see programme.h).
 *
 * One pass over the blocks, in order, with what the blocks before said: the
 * heading sessions still open (their level, for parents and blocks), an open
 * programme heading or label, an open table of contents.  Sessions come out
 * in the order of the text, so a session's body runs to the next session or
 * to the next heading that closes it.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/text.h"
#include "extract/dates.h"
#include "extract/doc.h"
#include "extract/programme.h"
#include "extract/sections.h"
#include "ref/vocab.h"

#define MAX_OPEN 16
#define TITLE_MAX 160     /* bytes: a longer next line is text, not a title */

struct finder {
  const struct kg_doc *doc;
  const struct kg_vocab *v;
  struct kg_section *s;
  size_t n, cap;
  long title;             /* the report's title block */
  int toc;                /* in a table of contents */
  int prog_level;         /* level of the open programme heading, 0 none */
  int prog_list;          /* a programme label was read: its list follows */
  long prog_item;         /* session made of the current programme item */
  long prog_type;         /* session type the programme label named, -1 */
  int items;              /* list items read since the last paragraph */
  int generic;            /* under a heading that is no session ("Notes") */
  int minutes;            /* the report's title says minutes */
  int para_num;           /* number of the last paragraph numbered by hand */
  int cue_level;          /* level of a heading that cue lines made a
                             session: its siblings are sessions too, 0 none */
  size_t skip;            /* a block read already as a title */
  long open[MAX_OPEN];    /* heading sessions still open */
  int level[MAX_OPEN];
  int nopen;
};

/* ------------------------------------------------------------ words */

/* Offset just after the longest phrase of @role that s[0..len) opens
 * with, or 0. */
static size_t
opens_with(const struct kg_vocab *v, enum kg_cue_role role, const char *s,
           size_t len)
{
  size_t p, best = 0;

  for(p = 0; p < v->ncues[role]; p++) {
    size_t e;

    if(!v->cues[role][p].key[0])
      continue;
    e = kg_text_key_prefix(s, len, v->cues[role][p].key);
    if(e > best)
      best = e;
  }
  return best;
}

/* s[0..len) is one phrase of @role, give or take punctuation. */
static int
is_phrase(const struct kg_vocab *v, enum kg_cue_role role, const char *s,
          size_t len)
{
  return kg_vocab_phrase_is(v->cues[role], v->ncues[role], s, len);
}

static size_t
skip_space(const char *s, size_t len, size_t i)
{
  while(i < len && (s[i] == ' ' || s[i] == '\t'))
    i++;
  return i;
}

/* Offset after an ordinal word that opens s[0..len) ("Première",
 * "Deuxième") and its spaces, or 0. */
static size_t
ordinal_len(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t i, p, e = 0, k;

  for(i = 0; i < KG_VOCAB_ORDINALS; i++)
    for(p = 0; p < v->nordinals[i]; p++)
      if((k = kg_text_key_prefix(s, len, v->ordinals[i][p].key)) > e)
        e = k;
  return e ? skip_space(s, len, e) : 0;
}

/* s[0..len) opens like a session's title: maybe an ordinal, a type word,
 * maybe a number or
 * a letter, then a colon, a dash or a quote ("Atelier 3 : …", "Table ronde
 * – …", "Conférence « … »"). */
static int
typed_title(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t i, j, e = 0, k, num = 0, o = ordinal_len(v, s, len);
  int cp;

  for(i = 0; i < v->ntypes; i++)
    for(j = 0; j < v->types[i].nwords; j++)
      if((k = kg_text_key_prefix(s + o, len - o, v->types[i].words[j].key))
         && o + k > e)
        e = o + k;
  if(!e)
    return 0;
  e = skip_space(s, len, e);
  if(e + 2 < len && s[e] == 'n' && !memcmp(s + e + 1, "\xc2\xb0", 2))
    e += 3;  /* "n°2" */
  for(k = e; k < len && s[k] >= '0' && s[k] <= '9'; k++)
    num = 1;
  if(!num && k + 1 < len && s[k] >= 'A' && s[k] <= 'Z' && s[k + 1] == ' ') {
    k++;  /* "Atelier B" */
    num = 1;
  }
  e = skip_space(s, len, k);
  if(e >= len)
    return (int)num;
  kg_text_utf8_decode(s + e, len - e, &cp);
  return cp == ':' || cp == 0x2013 || cp == 0x2014 || cp == '-' ||
         cp == 0xAB || cp == '"' || cp == 0x201C;
}

/* A type word among the first three words of s[0..len): a question
 * ("Comment financer les ateliers ?") is a topic unless it opens with its
 * type ("Table ronde : quel avenir … ?"). */
static int
type_opens(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t i = 0, words = 0;

  while(i < len && words < 3) {
    while(i < len && s[i] == ' ')
      i++;
    while(i < len && s[i] != ' ')
      i++;
    words++;
  }
  return kg_sections_type(v, s, i) >= 0;
}

/* s[0..len) names only a session type, maybe numbered ("Table ronde",
 * "Atelier 3 :"): its title is elsewhere. */
static int
bare_type(const struct kg_vocab *v, const char *s, size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i, j, l;
  int hit = 0;

  kg_text_key_keep_article(s, len, &k);
  l = k.len;
  while(l && k.s[l - 1] >= '0' && k.s[l - 1] <= '9')
    l--;
  while(l && k.s[l - 1] == ' ')
    l--;
  for(i = 0; i < v->ntypes && !hit; i++)
    for(j = 0; j < v->types[i].nwords && !hit; j++)
      if(l && strlen(v->types[i].words[j].key) == l &&
         !memcmp(v->types[i].words[j].key, k.s, l))
        hit = 1;
  kg_buf_release(&k);
  return hit;
}


/* One time at s[i]: "9h30", "14h", "10 heures", "9:30".  Returns the
 * offset after it, or 0. */
static size_t
time_at(const struct kg_vocab *v, const char *s, size_t len, size_t i)
{
  size_t d = i, l, e;
  int h = 0;

  while(i < len && s[i] >= '0' && s[i] <= '9' && i - d < 3)
    h = h * 10 + (s[i++] - '0');
  if(i == d || i - d > 2 || h > 24)
    return 0;
  if(i + 2 < len && s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '5' &&
     s[i + 2] >= '0' && s[i + 2] <= '9')
    return i + 3;
  l = skip_space(s, len, i);
  for(e = l; e < len && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z'); e++)
    ;
  if(e == l || !is_phrase(v, KG_CUE_HOUR_MARK, s + l, e - l))
    return 0;
  l = skip_space(s, len, e);  /* "9h30", "9 h 30" */
  if(l + 1 < len && s[l] >= '0' && s[l] <= '5' && s[l + 1] >= '0' &&
     s[l + 1] <= '9' && (l + 2 >= len || s[l + 2] < '0' || s[l + 2] > '9'))
    e = l + 2;
  return e;
}

/* The words of a range between two times ("–", "à"): offset after, or 0. */
static size_t
range_word(const struct kg_vocab *v, const char *s, size_t len, size_t i)
{
  size_t p;

  for(p = 0; p < v->ncues[KG_CUE_DATE_RANGE]; p++) {
    const struct kg_phrase *ph = &v->cues[KG_CUE_DATE_RANGE][p];
    size_t l = strlen(ph->text), e;

    if(!ph->key[0]) {
      if(l <= len - i && !memcmp(s + i, ph->text, l))
        return i + l;
      continue;
    }
    e = kg_text_key_prefix(s + i, len - i, ph->key);
    if(e)
      return i + e;
  }
  return 0;
}

/* t[0..len) opens with a quotation ("« X »", "“X”"): the end of its
 * closing mark, else 0. */
static size_t
quoted_open(const char *t, size_t len)
{
  size_t i;

  if(len > 2 && !memcmp(t, "\xc2\xab", 2)) {
    for(i = 2; i + 1 < len; i++)
      if(!memcmp(t + i, "\xc2\xbb", 2))
        return i + 2;
  } else if(len > 3 && !memcmp(t, "\xe2\x80\x9c", 3)) {
    for(i = 3; i + 2 < len; i++)
      if(!memcmp(t + i, "\xe2\x80\x9d", 3))
        return i + 3;
  }
  return 0;
}

/* Offset of the time after a date that opens s[i..len) ("Le 30 juin
 * 17h00/18h30 : …", "Le 1er juillet à 18h00 : …"), or i. */
static size_t
dated_time(const struct kg_vocab *v, const char *s, size_t len, size_t i)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t e = i, n = len - i < 48 ? len - i : 48, w;

  kg_dates_find(v, s + i, n, &ds);
  if(ds.n && ds.v[0].start <= 3) {
    e = skip_space(s, len, i + ds.v[0].end);
    if((w = opens_with(v, KG_CUE_LOCATIVE, s + e, len - e)) != 0)
      e = skip_space(s, len, e + w);
    if(!time_at(v, s, len, e))
      e = i;
  }
  kg_dates_release(&ds);
  return e;
}

/* "4 mai : « Espaces Publics Numériques et le(s) jeu(x) » au …": a
 * date, a colon and a quoted title open a dated entry; the offset of the
 * quotation, or 0. */
static size_t
dated_quote(const struct kg_vocab *v, const char *s, size_t len, size_t i)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t e = 0, n = len - i < 48 ? len - i : 48;

  kg_dates_find(v, s + i, n, &ds);
  if(ds.n && ds.v[0].start <= 3 && ds.v[0].d > 0) {
    e = skip_space(s, len, i + ds.v[0].end);
    e = e < len && s[e] == ':' ? skip_space(s, len, e + 1) : 0;
    if(e && !quoted_open(s + e, len - e))
      e = 0;
  }
  kg_dates_release(&ds);
  return e;
}

/* A time slot opening s[0..len): "9h30 – ", "10h00 – 10h45 : ", "[14h] ",
 * "14h : ", "-10h00 à 12h00 : ".  Returns the offset of what follows it (len: nothing), or 0
 * when the text does not open with a slot. */
static size_t
slot_at(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t i = skip_space(s, len, 0), e, r;
  int cp, k;

  if(i < len && (s[i] == '[' || s[i] == '('))
    i++;
  else if(i + 1 < len && s[i] == '-' && s[i + 1] >= '0' && s[i + 1] <= '9')
    i++;   /* "-10h00 à 12h00 : …", a dash stuck to the time */
  /* "De 14h à 15h30" */
  if((e = opens_with(v, KG_CUE_LOCATIVE, s + i, len - i)) != 0 &&
     time_at(v, s, len, skip_space(s, len, i + e)))
    i = skip_space(s, len, i + e);
  e = time_at(v, s, len, i);
  if(!e && (e = dated_time(v, s, len, i)) != i)
    e = time_at(v, s, len, e);
  if(!e)
    return dated_quote(v, s, len, i);
  i = skip_space(s, len, e);
  r = range_word(v, s, len, i);
  if(!r && i < len && s[i] == '/')
    r = i + 1;   /* "9h/10h : …", "14h00/16h30 : …" */
  if(r && (e = time_at(v, s, len, skip_space(s, len, r))))
    i = skip_space(s, len, e);
  if(i < len && (s[i] == ']' || s[i] == ')'))
    i = skip_space(s, len, i + 1);
  if(i >= len)
    return len;
  k = kg_text_utf8_decode(s + i, len - i, &cp);
  if(cp == ':' || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '|' ||
     cp == 0x2022 || cp == 0xB7 || cp == '>' || cp == '/')
    return skip_space(s, len, i + (size_t)k);
  return utf8proc_isupper(cp) || cp == 0xAB || cp == '"' ? i : 0;
}

/* s[0..len) says when and nothing else: dates, weekdays, times, parts of
 * the day ("LUNDI 7 septembre matin", "Jeudi après-midi"). */
static int
only_when(const struct kg_vocab *v, const char *s, size_t len)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t i = 0, k = 0, e;
  int any = 0, ok = 1;

  kg_dates_find(v, s, len, &ds);
  for(;;) {
    while(i < len && s[i] && strchr(" \t\n,.;:-()", s[i]))
      i++;
    if(i >= len)
      break;
    while(k < ds.n && ds.v[k].start < i)
      k++;
    if(k < ds.n && ds.v[k].start == i)
      i = ds.v[k].end;
    else if((e = time_at(v, s, len, i)) != 0)
      i = e;
    else if((e = opens_with(v, KG_CUE_DAY_PART, s + i, len - i)) != 0 ||
            (e = kg_vocab_weekday_len(v, s + i, len - i)) != 0)
      i += e;
    else if(!strncmp(s + i, "\xe2\x80\x93", 3) ||
            !strncmp(s + i, "\xe2\x80\x94", 3))
      i += 3;
    else {
      ok = 0;
      break;
    }
    any = 1;
  }
  kg_dates_release(&ds);
  return ok && any;
}

/* ------------------------------------------------------------ titles */

/* s[off..end) without a trailing page number ("….. 12", "p. 12", tab 12):
 * programme lists copied from a PDF keep them. */
static int
ellipsis_before(const char *t, size_t off, size_t k)
{
  return k >= off + 3 && !memcmp(t + k - 3, "\xe2\x80\xa6", 3);
}

static size_t
strip_page(const char *t, size_t off, size_t end)
{
  size_t e = end, d, k;

  while(e > off && (t[e - 1] == ' ' || t[e - 1] == '\t'))
    e--;
  for(d = e; d > off && t[d - 1] >= '0' && t[d - 1] <= '9'; d--)
    ;
  if(d == e || e - d > 3 || d == off)
    return end;
  for(k = d; k > off && (t[k - 1] == ' ' || t[k - 1] == '\t'); k--)
    ;
  /* "p. 12", "p 12" */
  if(k > off + 2 && t[k - 1] == '.' && (t[k - 2] | 0x20) == 'p' &&
     t[k - 3] == ' ')
    return k - 2;
  if(k > off + 1 && (t[k - 1] | 0x20) == 'p' && t[k - 2] == ' ')
    return k - 1;
  /* dot leaders, an ellipsis or a tab before the number */
  if(t[d - 1] != '\t' && !(k > off + 1 && t[k - 1] == '.' && t[k - 2] == '.') &&
     !ellipsis_before(t, off, k))
    return end;
  while(k > off && (t[k - 1] == '.' || t[k - 1] == ' ' || t[k - 1] == '\t' ||
                    ellipsis_before(t, off, k)))
    k -= ellipsis_before(t, off, k) ? 3 : 1;
  return k;
}

/* Leading dashes, colons and spaces of a title ("– Atelier"). */
static size_t
skip_marks(const char *t, size_t off, size_t end)
{
  while(off < end) {
    int cp, k = kg_text_utf8_decode(t + off, end - off, &cp);

    if(cp != ' ' && cp != '\t' && cp != '-' && cp != ':' && cp != 0x2013 &&
       cp != 0x2014 && cp != '|' && cp != 0x2022)
      break;
    off += (size_t)k;
  }
  return off;
}

/* A session titled t[off..end) of block @block (its first line), starting
 * at block @head.  @type: the type its slot line named, -1 if none.
 * Returns its index, or -1 when nothing is left of the title. */
static long
add(struct finder *f, size_t head, size_t block, size_t off, size_t end,
    const char *rule, long parent, long type)
{
  const struct kg_block *bl = &f->doc->blocks[block];
  const char *t = bl->text;
  const char *nl;
  struct kg_section *s;

  off = skip_marks(t, off, end);
  nl = memchr(t + off, '\n', end - off);
  if(nl)
    end = (size_t)(nl - t);
  end = strip_page(t, off, end);
  while(end > off && (t[end - 1] == ' ' || t[end - 1] == ':' ||
                      t[end - 1] == '\t'))
    end--;
  if(end <= off)
    return -1;
  KG_GROW(f->s, f->cap, f->n + 1);
  s = &f->s[f->n];
  memset(s, 0, sizeof(*s));
  s->block = block;
  s->head = head;
  s->title_off = off;
  s->title_end = end;
  s->parent = parent;
  s->rule = rule;
  s->type = kg_sections_type(f->v, t + off, end - off);
  if(s->type < 0)
    s->type = type;
  if(parent >= 0)
    f->s[parent].children++;
  return (long)f->n++;
}

static int
is_cue_line(const struct finder *f, size_t b)
{
  return kg_sections_has_cue(f->doc, f->v, b, b + 1);
}

/* A speaker's line of a programme: "Prénom NOM, fonction…" -- two to four
 * capitalised words, one of them all in capitals, then a comma. */
static int
speaker_shaped(const char *t, size_t len)
{
  const char *comma = memchr(t, ',', len);
  size_t i = 0, end, words = 0, caps = 0;

  if(!comma || comma - t > 60)
    return 0;
  end = (size_t)(comma - t);
  while(i < end) {
    size_t j = i;

    while(j < end && t[j] != ' ')
      j++;
    if(j > i) {
      if(!kg_text_upper_at(t + i, j - i))
        return 0;
      words++;
      caps += kg_text_all_upper(t + i, j - i);
    }
    i = j + 1;
  }
  return words >= 2 && words <= 4 && caps >= 1;
}

/* Block @b + 1, or NULL at the end of the report. */
static const struct kg_block *
next_block(const struct finder *f, size_t b)
{
  return b + 1 < f->doc->nblocks ? &f->doc->blocks[b + 1] : NULL;
}

/* "8h45 – Accueil" then "Damien MICHALLET, sénateur …": a break that a
 * speaker opens is a session. */
static int
speaker_next(const struct finder *f, size_t b)
{
  const struct kg_block *n = next_block(f, b);

  return n && n->kind == KG_BLK_PARA && speaker_shaped(n->text, n->len);
}

/* s[0..len) without a trailing bracket ("conférence (en amphi)"): the
 * room or the public a slot adds to its type. */
static size_t
before_bracket(const char *s, size_t len)
{
  size_t k = len;

  if(!len || s[len - 1] != ')')
    return len;
  while(k > 0 && s[k - 1] != '(')
    k--;
  if(k < 2)
    return len;
  k--;
  while(k > 0 && s[k - 1] == ' ')
    k--;
  return k;
}

/* Block @b + 1 opens with a time slot: the programme goes on. */
static int
slot_next(const struct finder *f, size_t b)
{
  const struct kg_block *n = next_block(f, b);

  return n && n->kind != KG_BLK_CELL && slot_at(f->v, n->text, n->len) != 0;
}

/* Block @b + 1 as the title of a slot or a heading that names only a type:
 * a short line that is no cue, no slot, no sentence and no speaker's. */
static int
next_title(const struct finder *f, size_t b)
{
  const struct kg_block *n;
  size_t l;

  if(b + 1 >= f->doc->nblocks)
    return 0;
  n = &f->doc->blocks[b + 1];
  l = n->len;
  while(l && (n->text[l - 1] == ' ' || n->text[l - 1] == '\n'))
    l--;
  if((n->kind != KG_BLK_PARA && n->kind != KG_BLK_HEADING &&
      n->kind != KG_BLK_ITEM) || !l || l > TITLE_MAX || n->text[l - 1] == '.' ||
     memchr(n->text, '\n', l) || is_cue_line(f, b + 1) ||
     slot_at(f->v, n->text, n->len) ||
     kg_programme_field_label(f->v, n->text, n->len) ||
     speaker_shaped(n->text, l))
    return 0;
  return 1;
}

/* ------------------------------------------------------------ finder */

static size_t
trimmed_len(const char *t, size_t len)
{
  while(len && (t[len - 1] == ' ' || t[len - 1] == ':' || t[len - 1] == '\n'))
    len--;
  return len;
}

/* Where the last sentence of s[0..len) starts: after the last ". ",
 * "? " or "! " before a capital, or 0. */
static size_t
last_sentence(const char *s, size_t len)
{
  size_t i, start = 0;

  for(i = 0; i + 2 < len; i++)
    if((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
       (unsigned char)s[i + 2] >= 'A' && (unsigned char)s[i + 2] <= 'Z')
      start = i + 2;
  return start;
}

/* "MATIN :", "Après-midi :": a paragraph that is a part of the day and a
 * colon announces the list of that part's sessions. */
static int
day_part_label(const struct kg_vocab *v, const char *t, size_t len)
{
  size_t e = opens_with(v, KG_CUE_DAY_PART, t, len);

  if(!e || !memchr(t, ':', len))
    return 0;
  while(e < len && (t[e] == ' ' || t[e] == ':' || t[e] == '\n'))
    e++;   /* opens_with() may have read the colon already */
  return e == len;
}

/* A label that opens a programme ("Au programme :", "Déroulé de la
 * journée") or a table of contents ("Sommaire"). */
static int
programme_label(const struct kg_vocab *v, const char *t, size_t len)
{
  size_t e = opens_with(v, KG_CUE_PROGRAMME, t, len), l;

  if(!e || len > 60)
    return 0;
  while(e < len && (t[e] == ' ' || t[e] == ':'))
    e++;
  if(e >= len)
    return 1;
  /* "Programme du 12 mai 2024" */
  l = opens_with(v, KG_CUE_LOCATIVE, t + e, len - e);
  return only_when(v, t + e + l, len - e - l);
}

/* The type whose word comes last in @key ("des temps de présentation en
 * plénière et des temps d'ateliers": atelier), or -1. */
static long
last_type(const struct kg_vocab *v, const char *key, int *plural)
{
  size_t i, j, wl;
  const char *p, *best = NULL;
  long type = -1;

  *plural = 0;
  for(i = 0; i < v->ntypes; i++)
    for(j = 0; j < v->types[i].nwords; j++) {
      const char *w = v->types[i].words[j].key;

      if(!(wl = strlen(w)))
        continue;
      for(p = strstr(key, w); p; p = strstr(p + 1, w))
        if((p == key || p[-1] == ' ') && (p[wl] == ' ' || !p[wl]) &&
           (!best || p > best)) {
          best = p;
          type = (long)i;
          *plural = w[wl - 1] == 's' || w[wl - 1] == 'x';
        }
    }
  return type;
}

/* A sentence that announces sessions of a type, in the plural, and ends
 * with a colon ("Deux tables rondes ont clôturé la journée :", "des temps
 * d'ateliers portant sur divers sujets :"): its type, or -1.  Not when it
 * announces people ("Les intervenants de la table ronde :", "Une
 * table-ronde réunira :") nor one session's content ("une table ronde a
 * permis de confronter deux expériences :"). */
static long
typed_label(const struct kg_vocab *v, const char *t, size_t len)
{
  static const enum kg_cue_role people[] = { KG_CUE_FACILITATOR,
                                             KG_CUE_PARTICIPANTS,
                                             KG_CUE_SPEAKER_NOUN };
  struct kg_buf key = KG_BUF_INIT;
  size_t l = len, r, p;
  long type = -1;
  int plural;

  while(l && (t[l - 1] == ' ' || t[l - 1] == '\n'))
    l--;
  if(l && t[l - 1] == ':' && l <= 400) {
    p = last_sentence(t, l);   /* the sentence the colon ends says it */
    t += p;
    l -= p;
  }
  if(!l || t[l - 1] != ':' || l > 400 ||
     bare_type(v, t, trimmed_len(t, l)) ||    /* "Atelier 3 :" */
     (type = kg_sections_type(v, t, l)) < 0)
    return -1;
  kg_text_key(t, l, &key);
  type = last_type(v, key.s, &plural);
  if(!plural)
    type = -1;   /* "une table ronde a permis de confronter … :" its content */
  for(r = 0; r < sizeof people / sizeof *people && type >= 0; r++)
    for(p = 0; p < v->ncues[people[r]] && type >= 0; p++)
      if(v->cues[people[r]][p].key[0] &&
         kg_text_key_contains(key.s, v->cues[people[r]][p].key))
        type = -1;
  kg_buf_release(&key);
  return type;
}

static long
open_session(const struct finder *f)
{
  return f->nopen ? f->open[f->nopen - 1] : -1;
}

/* The lines that open with a time slot between the headings around
 * block @b: a programme has several. */
static size_t
slots_around(const struct finder *f, size_t b)
{
  const struct kg_doc *d = f->doc;
  size_t a = b, z, n = 0;

  while(a > 0 && d->blocks[a - 1].kind != KG_BLK_HEADING)
    a--;
  for(z = a; z < d->nblocks && (z == b || d->blocks[z].kind != KG_BLK_HEADING);
      z++)
    if(d->blocks[z].kind != KG_BLK_CELL &&
       slot_at(f->v, d->blocks[z].text, d->blocks[z].len))
      n++;
  return n;
}

/* A time-slot line: block @b, its title after @rest (or on the next line
 * when the slot names only a type). */
static void
slot(struct finder *f, size_t b, size_t rest, int strict)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  const char *t = bl->text + rest;
  size_t l = trimmed_len(t, bl->len - rest);
  long type = l ? kg_sections_type(f->v, t, l) : -1;
  size_t q;

  if((!l || bare_type(f->v, t, l)) && next_title(f, b)) {
    const struct kg_block *n = &f->doc->blocks[b + 1];

    if(add(f, b, b + 1, 0, n->len, "time-slot", open_session(f), type) >= 0)
      f->skip = b + 1;
    return;
  }
  /* "9h/10h : conférence (en amphi)" then the next slot: a timetable's
   * form with no title */
  if(l && bare_type(f->v, t, before_bracket(t, l)) && slot_next(f, b))
    return;
  /* a lone time, or times in minutes ("Notes", a session's text), are no
   * programme: such a slot must name a session type, or quote its title
   * ("Le 1er juillet à 18h00 : « Carrefour des possibles » …") */
  if(!l || (type < 0 && !quoted_open(t, l) &&
            (strict || f->generic || slots_around(f, b) < 2)) ||
     (kg_programme_is_break(f->v, t, l) && !speaker_next(f, b)))
    return;
  /* "« Carrefour des possibles » organisé par …": the quotation titles it */
  q = type < 0 ? quoted_open(t, l) : 0;
  add(f, b, b, rest, q ? rest + q : bl->len, "time-slot", open_session(f), -1);
}

/* "LUNDI 7 septembre matin", then a paragraph whose first sentence names
 * a session type: that sentence is the session's title. */
static int
when_line(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b], *n;
  size_t e, w = 0, words = 0;

  if(b + 1 >= f->doc->nblocks || !only_when(f->v, bl->text, bl->len))
    return 0;
  n = &f->doc->blocks[b + 1];
  if(n->kind != KG_BLK_PARA && n->kind != KG_BLK_ITEM)
    return 0;
  for(e = 0; e < n->len && !strchr(".!?:;\n", n->text[e]); e++)
    if(n->text[e] == ' ' && ++words == 8)
      w = e;
  if(kg_sections_type(f->v, n->text, w ? w : e) < 0)
    return 0;
  if(add(f, b, b + 1, 0, e, "time-slot:day", open_session(f), -1) >= 0)
    f->skip = b + 1;
  return 1;
}

/* Words of s[0..len). */
static size_t
words(const char *s, size_t len)
{
  size_t i, n = 0;

  for(i = 0; i < len; i++)
    if(s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
      n++;
  return n;
}

/* "1 – La journée nationale …", "2) Les ateliers": a heading numbered by
 * hand, a number then a dash, a bracket or a full stop and a space; the
 * offset of its text, or 0. */
static size_t
hand_number(const char *t, size_t len)
{
  size_t i = 0;

  while(i < len && i < 2 && t[i] >= '0' && t[i] <= '9')
    i++;
  if(!i || (i < len && t[i] >= '0' && t[i] <= '9'))
    return 0;   /* "2022 …" is a year */
  if(i < len && t[i] == ' ')
    i++;
  if(i + 3 <= len && (!memcmp(t + i, "\xe2\x80\x93", 3) ||
                      !memcmp(t + i, "\xe2\x80\x94", 3)))
    i += 3;   /* en or em dash */
  else if(i < len && (t[i] == '-' || t[i] == ')' || t[i] == '.'))
    i++;
  else
    return 0;
  return i < len && t[i] == ' ' ? i + 1 : 0;
}

/* Heading session @sec (-1: none) of level @lev stays open for what
 * follows. */
static void
push_heading(struct finder *f, long sec, int lev)
{
  if(sec >= 0 && f->nopen < MAX_OPEN) {
    f->open[f->nopen] = sec;
    f->level[f->nopen++] = lev;
  }
}

static void
heading(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  int lev = bl->kind == KG_BLK_HEADING ? bl->level : 7;
  size_t len = trimmed_len(bl->text, bl->len), rest;
  const char *rule = "heading:session-type";
  long sec;

  while(f->nopen && f->level[f->nopen - 1] >= lev)
    f->nopen--;
  if(f->prog_level && lev <= f->prog_level)
    f->prog_level = 0;
  if(f->cue_level && lev < f->cue_level - 1)
    f->cue_level = 0;   /* out of the part those sessions are in */
  f->toc = 0;
  f->prog_list = 0;
  f->items = 0;
  f->generic = 0;
  f->para_num = 0;
  if((long)b == f->title || !len ||
     kg_programme_field_label(f->v, bl->text, bl->len))
    return;
  if(is_phrase(f->v, KG_CUE_CONTENTS, bl->text, len)) {
    f->toc = 1;
    return;
  }
  if(programme_label(f->v, bl->text, len) ||
     day_part_label(f->v, bl->text, bl->len)) {
    f->prog_level = lev;
    f->prog_list = 1;
    return;
  }
  if(is_phrase(f->v, KG_CUE_GENERIC_HEADING, bl->text, len)) {
    if(f->minutes && is_phrase(f->v, KG_CUE_MINUTES_PART, bl->text, len))
      push_heading(f, add(f, b, b, 0, bl->len, "heading:minutes-part",
                          open_session(f), -1), lev);
    else
      f->generic = 1;
    return;
  }
  if(only_when(f->v, bl->text, len))
    return;
  if((rest = slot_at(f->v, bl->text, bl->len)) != 0) {
    slot(f, b, rest, 0);
    return;
  }
  if(kg_sections_type(f->v, bl->text, len) < 0 ||
     (bl->text[len - 1] == '?' && !type_opens(f->v, bl->text, len))) {
    if(kg_sections_has_cue(f->doc, f->v, b + 1, f->doc->nblocks)) {
      rule = "heading:cue";
      f->cue_level = lev;
    } else if(f->prog_level) {
      rule = "heading:programme";
    } else if(lev > 1 && words(bl->text, len) >= 3 &&
              kg_sections_prose_speakers(f->doc, f->v, b + 1)) {
      rule = "heading:prose-speakers";
    } else if(lev > 1 && hand_number(bl->text, len) &&
              words(bl->text, len) >= 4) {
      /* "## 1 – La journée nationale …": the parts of a recap that
       * numbers the moments it tells */
      rule = "heading:hand-numbered";
    } else if(f->cue_level == lev && words(bl->text, len) >= 3) {
      /* "### Repenser le numérique …" had its speakers, "###
       * Dématérialisation et service public …" (cut short) is its sibling;
       * not a label of a word or two ("### Pistes") */
      rule = "heading:sibling";
    } else {
      return;
    }
  }
  if(bare_type(f->v, bl->text, len) && len < bl->len && next_title(f, b) &&
     f->doc->blocks[b + 1].kind != KG_BLK_HEADING) {
    sec = add(f, b, b + 1, 0, f->doc->blocks[b + 1].len, rule,
              open_session(f), kg_sections_type(f->v, bl->text, len));
    f->skip = b + 1;
  } else {
    sec = add(f, b, b, 0, bl->len, rule, open_session(f), -1);
  }
  push_heading(f, sec, lev);
}

/* An item of a list that a programme label announced. */
static void
programme_item(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  size_t rest = slot_at(f->v, bl->text, bl->len);
  size_t l = trimmed_len(bl->text + rest, bl->len - rest);
  long type = kg_sections_type(f->v, bl->text + rest, l);

  if(!l || kg_programme_is_break(f->v, bl->text + rest, l))
    return;
  if(bl->parent < 0 && bl->ordered)
    f->para_num = bl->number;
  if(bl->parent < 0) {
    f->prog_item = add(f, b, b, rest, bl->len, "programme-list",
                       open_session(f), f->prog_type);
    return;
  }
  if(type >= 0 && f->prog_item >= 0)
    add(f, b, b, rest, bl->len, "programme-list", f->prog_item, -1);
}

/* Does a later sentence of s[0..len) end on the colon that leads into
 * the list ("Ces ateliers s'appuyaient sur … . Clairement Zoomacom se
 * positionne sur ces deux points :")?  Then the list says what that
 * sentence announces, not the sessions the paragraph opened on. */
static int
later_colon(const char *s, size_t len)
{
  size_t l = trimmed_len(s, len);

  return memchr(s + l, ':', len - l) && last_sentence(s, l) > 0;
}

/* "Ces tables rondes permettent de décrypter …" then a list: a paragraph
 * that opens with a session word in the plural, right before a list,
 * announces the sessions the list names (those that a heading of the
 * report names again are told there).  Their type, or -1. */
static long
plural_opening(const struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  struct kg_buf key = KG_BUF_INIT;
  size_t i = 0, words = 0;
  int plural = 0;
  long type;

  if(b + 1 >= f->doc->nblocks || f->doc->blocks[b + 1].kind != KG_BLK_ITEM ||
     !type_opens(f->v, bl->text, bl->len) || later_colon(bl->text, bl->len))
    return -1;
  while(i < bl->len && words < 3) {
    while(i < bl->len && bl->text[i] == ' ')
      i++;
    while(i < bl->len && bl->text[i] != ' ')
      i++;
    words++;
  }
  kg_text_key(bl->text, i, &key);
  type = last_type(f->v, key.s, &plural);
  kg_buf_release(&key);
  return plural ? type : -1;
}

/* A sentence ending with a colon that announces the sessions ("six
 * thématiques de travail :"): the list after it is a programme. */
static int
announces(const struct kg_vocab *v, const char *t, size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t l = len, p;
  int hit = 0;

  while(l && (t[l - 1] == ' ' || t[l - 1] == '\n'))
    l--;
  if(!l || t[l - 1] != ':' || l > 400)
    return 0;
  p = last_sentence(t, l);   /* the sentence the colon ends announces */
  t += p;
  l -= p;
  kg_text_key(t, l, &key);
  for(p = 0; p < v->ncues[KG_CUE_PROGRAMME_ANNOUNCE] && !hit; p++)
    hit = v->cues[KG_CUE_PROGRAMME_ANNOUNCE][p].key[0] &&
          kg_text_key_contains(key.s, v->cues[KG_CUE_PROGRAMME_ANNOUNCE][p].key);
  kg_buf_release(&key);
  return hit;
}

/* "1- Comment accompagner … ?", "2) …": a paragraph numbered by hand, an
 * item of the list a programme label announced; the offset of its text,
 * or 0. */
static size_t
numbered_para(const char *t, size_t len)
{
  size_t i = 0;

  while(i < len && i < 3 && t[i] >= '0' && t[i] <= '9')
    i++;
  if(!i || i >= len ||
     !(t[i] == '-' || t[i] == ')' || t[i] == '.' || t[i] == '/'))
    return 0;
  i++;
  if(i >= len || t[i] != ' ')
    return 0;
  return i + 1;
}

/* The number of a paragraph numbered by hand, 0 if none. */
static int
para_number(const struct kg_block *bl)
{
  return bl->kind == KG_BLK_PARA && bl->parent < 0 &&
         numbered_para(bl->text, bl->len) ? atoi(bl->text) : 0;
}

/* "1/ Présentation de l'atelier", "2/ Tour de table": paragraphs numbered
 * by hand one after the other (the first needs a second after it) are an
 * agenda; returns 1 when @b is one of its items. */
static int
numbered_item(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  int n = para_number(bl);
  size_t k;

  if(!n || n != f->para_num + 1)
    return 0;
  if(n == 1) {   /* the next numbered paragraph, text between, is "2." */
    for(k = b + 1; k < f->doc->nblocks &&
        f->doc->blocks[k].kind != KG_BLK_HEADING &&
        !para_number(&f->doc->blocks[k]); k++)
      ;
    if(k >= f->doc->nblocks || para_number(&f->doc->blocks[k]) != 2)
      return 0;
  }
  f->para_num = n;
  add(f, b, b, numbered_para(bl->text, bl->len), bl->len,
      "numbered-paragraph", open_session(f), -1);
  return 1;
}

/* "1. Tour de table …", some text, then "2. Semaine de l'emploi": an
 * item of an ordered list at the top level whose number follows the last
 * numbered item of the agenda is its next item; 1 when @b is one. */
static int
agenda_item(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];

  if(!bl->ordered || bl->parent >= 0 || !f->para_num ||
     bl->number != f->para_num + 1)
    return 0;
  f->para_num = bl->number;
  add(f, b, b, 0, bl->len, "numbered-paragraph", open_session(f), -1);
  return 1;
}

/* Does list item @b name a heading of the report?  A table of contents
 * whose items name none lists the parts of a report that kept only its
 * contents, or of minutes whose items are the agenda: those are sessions. */
static int
names_heading(const struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  struct kg_buf ik = KG_BUF_INIT, hk = KG_BUF_INIT;
  size_t h;
  int hit = 0;

  kg_text_key(bl->text, trimmed_len(bl->text, bl->len), &ik);
  for(h = 0; h < f->doc->nblocks && !hit && ik.len; h++) {
    const struct kg_block *hb = &f->doc->blocks[h];

    if(hb->kind != KG_BLK_HEADING || (long)h == f->title)
      continue;
    kg_text_key(hb->text, hb->len, &hk);
    hit = hk.len && (strstr(hk.s, ik.s) || strstr(ik.s, hk.s));
  }
  hit = hit || !ik.len;
  kg_buf_release(&ik);
  kg_buf_release(&hk);
  return hit;
}

/* A line that opens like a session's title ("Atelier 3 : …"); alone
 * ("Atelier 3 :"), its title is the next line. */
static void
typed_line(struct finder *f, size_t b, size_t len)
{
  const struct kg_block *bl = &f->doc->blocks[b];

  if(bare_type(f->v, bl->text, len) && next_title(f, b)) {
    if(add(f, b, b + 1, 0, f->doc->blocks[b + 1].len, "line:session-type",
           open_session(f), kg_sections_type(f->v, bl->text, len)) >= 0)
      f->skip = b + 1;
    return;
  }
  add(f, b, b, 0, bl->len, "line:session-type", open_session(f), -1);
}

/* A paragraph or an item that is no heading. */
static void
line(struct finder *f, size_t b)
{
  const struct kg_block *bl = &f->doc->blocks[b];
  size_t len = trimmed_len(bl->text, bl->len), rest;

  if(bl->kind == KG_BLK_PARA) {
    size_t num = f->prog_list ? numbered_para(bl->text, len) : 0;

    if(num) {
      f->items = 1;
      f->para_num = atoi(bl->text);   /* "2." may come after some text */
      f->prog_item = add(f, b, b, num, bl->len, "programme-list",
                         open_session(f), f->prog_type);
      return;
    }
    if(numbered_item(f, b))
      return;
    if(f->items) {
      f->toc = f->prog_list = 0;
      f->items = 0;
    }
    if(is_phrase(f->v, KG_CUE_CONTENTS, bl->text, len)) {
      f->toc = 1;
      return;
    }
    if(programme_label(f->v, bl->text, len) ||
       day_part_label(f->v, bl->text, bl->len)) {
      f->prog_list = 1;
      f->prog_item = f->prog_type = -1;
      return;
    }
    if(announces(f->v, bl->text, bl->len)) {
      f->prog_list = 1;   /* "Deux tables rondes ont clôturé … :" typed */
      f->prog_item = -1;
      f->prog_type = typed_label(f->v, bl->text, bl->len);
      return;
    }
    if((f->prog_type = typed_label(f->v, bl->text, bl->len)) >= 0) {
      f->prog_list = 1;
      f->prog_item = -1;
      return;
    }
    if((f->prog_type = plural_opening(f, b)) >= 0) {
      f->toc = 1;   /* the items that name no heading */
      f->prog_item = -1;
      return;
    }
  } else {
    f->items = 1;
    if(f->toc) {
      if(bl->parent < 0 && !names_heading(f, b) &&
         !is_phrase(f->v, KG_CUE_GENERIC_HEADING, bl->text,
                    strip_page(bl->text, 0, len)))
        programme_item(f, b);
      return;
    }
    if(f->prog_list) {
      programme_item(f, b);
      return;
    }
    if(agenda_item(f, b))
      return;
  }
  if((rest = slot_at(f->v, bl->text, bl->len)) != 0)
    slot(f, b, rest, open_session(f) >= 0 && !f->prog_level);
  else if(bl->parent < 0 && typed_title(f->v, bl->text, len))
    typed_line(f, b, len);
  else if(open_session(f) < 0 || f->prog_level)
    when_line(f, b);
}

/* Where each session's own text ends: at the next session, or at the next
 * heading that closes it. */
static void
bodies(struct finder *f)
{
  const struct kg_doc *d = f->doc;
  size_t i, b;

  for(i = 0; i < f->n; i++) {
    struct kg_section *s = &f->s[i];
    const struct kg_block *hb = &d->blocks[s->head];
    int lev = hb->kind == KG_BLK_HEADING ? hb->level
              : kg_sections_is_heading(hb) ? 7 : 0;
    size_t end = i + 1 < f->n ? f->s[i + 1].head : d->nblocks;

    for(b = s->block + 1; b < end; b++) {
      const struct kg_block *bl = &d->blocks[b];

      if(bl->kind == KG_BLK_HEADING ? (!lev || bl->level <= lev)
         : (lev == 7 && kg_sections_is_heading(bl))) {
        end = b;
        break;
      }
      /* an item of a programme list ends with the list: the text after
       * it is the report's, not the last item's */
      if(!lev && !strcmp(s->rule, "programme-list") &&
         bl->kind == KG_BLK_PARA && bl->parent < 0 &&
         !numbered_para(bl->text, bl->len)) {
        end = b;
        break;
      }
    }
    s->body_end = end;
  }
}

size_t
kg_programme_find(const struct kg_doc *doc, const struct kg_vocab *v,
                  struct kg_section **out)
{
  struct finder f;
  size_t b;

  memset(&f, 0, sizeof f);
  f.doc = doc;
  f.v = v;
  f.title = kg_programme_title(doc, v);
  f.minutes = kg_sections_minutes(doc, v);
  f.prog_item = f.prog_type = -1;
  f.skip = (size_t)-1;
  for(b = 0; b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];

    if(b == f.skip || bl->kind == KG_BLK_CELL || bl->kind == KG_BLK_CODE)
      continue;
    /* a bold sentence is text, not a heading */
    if(kg_sections_is_heading(bl) &&
       !(bl->kind == KG_BLK_PARA && bl->len && bl->text[bl->len - 1] == '.'))
      heading(&f, b);
    else
      line(&f, b);
  }
  bodies(&f);
  *out = f.s;
  return f.n;
}

long
kg_programme_title(const struct kg_doc *doc, const struct kg_vocab *v)
{
  long first = -1;
  size_t b;
  int text = 0;   /* a paragraph of text came first: no heading titles it */

  for(b = 0; b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];

    if(bl->kind != KG_BLK_HEADING || !bl->len ||
       kg_programme_field_label(v, bl->text, bl->len)) {
      if(bl->kind != KG_BLK_HEADING && bl->len >= 40)
        text = 1;
      continue;
    }
    if(bl->level == 1)
      return (long)b;
    if(first < 0 && !text)
      first = (long)b;
  }
  return first;
}

size_t
kg_programme_field_label(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t p, best = 0;

  for(p = 0; p < v->ncues[KG_CUE_FIELD_LABEL]; p++) {
    size_t e = kg_text_key_prefix(s, len, v->cues[KG_CUE_FIELD_LABEL][p].key);

    if(!e)
      continue;
    e = skip_space(s, len, e);
    if(e < len && s[e] == ':' && e + 1 > best)
      best = e + 1;
  }
  return best;
}

size_t
kg_programme_slot(const struct kg_vocab *v, const char *s, size_t len)
{
  return slot_at(v, s, len);
}

int
kg_programme_is_break(const struct kg_vocab *v, const char *s, size_t len)
{
  return opens_with(v, KG_CUE_BREAK, s, len) &&
         kg_sections_type(v, s, len) < 0;
}
