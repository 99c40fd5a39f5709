/* sections.c - sessions from numbered headings. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "extract/doc.h"
#include "extract/programme.h"
#include "extract/prose_sessions.h"
#include "extract/roles.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

#define SPEAKER_OPENING 24   /* bytes: "L'introduction par X" opens it */

/* "2.5. Title" -> number "2.5", returns plain offset of the title or 0. */
static size_t
parse_number(const char *t, size_t len, char *num, size_t numsz)
{
  size_t i = 0, n = 0;
  int parts = 0, closed = 0;

  while(i < len && (t[i] == ' ' || t[i] == '\t'))
    i++;
  for(;;) {
    size_t s = i;

    while(i < len && t[i] >= '0' && t[i] <= '9')
      i++;
    if(i == s) {
      /* "2.a": one letter as a sub-number */
      if(parts > 0 && i < len && t[i] >= 'a' && t[i] <= 'z' &&
         (i + 1 >= len || t[i + 1] == '.' || t[i + 1] == ')' ||
          t[i + 1] == ' '))
        i++;
      else
        break;
    }
    if(n + (i - s) + 2 >= numsz)
      return 0;
    if(parts)
      num[n++] = '.';
    memcpy(num + n, t + s, i - s);
    n += i - s;
    parts++;
    if(i < len && t[i] == '.' && i + 1 < len &&
       ((t[i + 1] >= '0' && t[i + 1] <= '9') ||
        (t[i + 1] >= 'a' && t[i + 1] <= 'z' &&
         (i + 2 >= len || t[i + 2] == '.' || t[i + 2] == ')' ||
          t[i + 2] == ' ')))) {
      i++;
      continue;
    }
    break;
  }
  num[n] = '\0';
  if(!parts)
    return 0;
  if(i < len && (t[i] == '.' || t[i] == ')')) {
    i++;
    closed = 1;
  }
  if(!closed && parts < 2)
    return 0;
  if(i >= len || (t[i] != ' ' && t[i] != '\t'))
    return 0;
  while(i < len && (t[i] == ' ' || t[i] == '\t'))
    i++;
  return i < len ? i : 0;
}

long
kg_sections_type(const struct kg_vocab *v, const char *t, size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t i, j;
  long found = -1;

  kg_text_key_keep_article(t, len, &key);
  for(i = 0; i < v->ntypes && found < 0; i++)
    for(j = 0; j < v->types[i].nwords; j++)
      if(kg_text_key_contains(key.s, v->types[i].words[j].key)) {
        found = (long)i;
        break;
      }
  kg_buf_release(&key);
  return found;
}

static long
type_by_slug(const struct kg_vocab *v, const char *slug)
{
  size_t i;

  for(i = 0; i < v->ntypes; i++)
    if(!strcmp(v->types[i].slug, slug))
      return (long)i;
  return -1;
}

int
kg_sections_minutes(const struct kg_doc *d, const struct kg_vocab *v)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t b, p;
  long t = -1;
  int yes = 0;

  for(b = 0; b < d->nblocks && t < 0; b++)
    if(d->blocks[b].kind == KG_BLK_HEADING)
      t = (long)b;
  for(b = 0; b < d->nblocks && t < 0; b++)
    if(d->blocks[b].kind == KG_BLK_PARA)
      t = (long)b;
  if(t < 0)
    return 0;
  kg_text_key(d->blocks[t].text, d->blocks[t].len, &key);
  for(p = 0; p < v->ncues[KG_CUE_MINUTES] && !yes; p++)
    yes = v->cues[KG_CUE_MINUTES][p].key[0] &&
          kg_text_key_contains(key.s, v->cues[KG_CUE_MINUTES][p].key);
  kg_buf_release(&key);
  return yes;
}

int
kg_sections_has_cue(const struct kg_doc *doc, const struct kg_vocab *v,
                    size_t from, size_t to)
{
  size_t b;
  int r;

  /* as the roles read them: "Avec :" is a cue, "Avec aujourd'hui 28 %
   * des secteurs …" opens a sentence */
  for(b = from; b < to && b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];

    if(bl->kind == KG_BLK_HEADING)
      break;
    if(kg_roles_cue_line(v, bl->text, bl->len, &r) &&
       r >= KG_CUE_FACILITATOR && r <= KG_CUE_NOTETAKER)
      return 1;
  }
  return 0;
}

/* Does a phrase of cue @role stand in the text of @bl, or, with @open,
 * within its first @open bytes? */
static int
holds_phrase(const struct kg_vocab *v, enum kg_cue_role role,
             const struct kg_block *bl, size_t open)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t p;
  int yes = 0;

  kg_text_key(bl->text, open && open < bl->len ? open : bl->len, &key);
  for(p = 0; p < v->ncues[role] && !yes; p++) {
    const char *k = v->cues[role][p].key;

    yes = k[0] && (!open || strchr(k, ' ')) && kg_text_key_contains(key.s, k);
  }
  kg_buf_release(&key);
  return yes;
}

int
kg_sections_prose_speakers(const struct kg_doc *doc, const struct kg_vocab *v,
                           size_t from)
{
  size_t b;

  /* the first paragraph under a heading tells who spoke there ("X (…) et
   * Y (…) discutèrent", "L'introduction par X (…) du vaste sujet …");
   * one that names its session ("… ont animé un atelier d'initiation à
   * …") leaves it to the prose sessions */
  for(b = from; b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];

    if(bl->kind == KG_BLK_HEADING)
      return 0;
    if(bl->kind == KG_BLK_PARA)
      return kg_sections_type(v, bl->text, bl->len) < 0 &&
             (holds_phrase(v, KG_CUE_SPEAKER_GROUP, bl, 0) ||
              holds_phrase(v, KG_CUE_SPEAKER_BEFORE, bl, SPEAKER_OPENING));
  }
  return 0;
}

int
kg_sections_is_heading(const struct kg_block *b)
{
  size_t i;

  if(b->kind == KG_BLK_HEADING)
    return 1;
  /* a short paragraph that is bold from end to end reads as a heading */
  if(b->kind != KG_BLK_PARA || b->len > 160)
    return 0;
  for(i = 0; i < b->nspans; i++)
    if(b->spans[i].strong && b->spans[i].start == 0 && b->spans[i].end >= b->len)
      return 1;
  return 0;
}

/* "Les intervenants de la table ronde :" after "Première table ronde :
 * …" names it again: a prose session that is a bare type word that the
 * title of one of the @n sessions of @s holds is dropped from the @m of
 * @p; returns how many remain. */
static size_t
drop_anaphora(const struct kg_doc *doc, const struct kg_vocab *v,
              const struct kg_section *s, size_t n, struct kg_section *p,
              size_t m)
{
  struct kg_buf pk = KG_BUF_INIT, sk = KG_BUF_INIT;
  size_t i, j, k = 0;

  for(j = 0; j < m; j++) {
    const struct kg_block *bl = &doc->blocks[p[j].block];
    int again = 0;

    if(kg_vocab_phrase_is(v->cues[KG_CUE_SESSION_ALONE],
                          v->ncues[KG_CUE_SESSION_ALONE],
                          bl->text + p[j].title_off,
                          p[j].title_end - p[j].title_off)) {
      kg_text_key(bl->text + p[j].title_off, p[j].title_end - p[j].title_off,
                  &pk);
      for(i = 0; i < n && !again; i++) {
        const struct kg_block *sb = &doc->blocks[s[i].block];

        kg_text_key(sb->text + s[i].title_off,
                    s[i].title_end - s[i].title_off, &sk);
        again = kg_text_key_contains(sk.s, pk.s);
      }
    }
    if(!again)
      p[k++] = p[j];
  }
  kg_buf_release(&pk);
  kg_buf_release(&sk);
  return k;
}

/* Adds to the @n sessions of *s (sorted by block) those that the
 * paragraphs outside them name in sentences ("La cérémonie d'ouverture …
 * a eu lieu"), in the order of the text; returns the new count. */
static size_t
with_prose(const struct kg_doc *doc, const struct kg_vocab *v,
           struct kg_section **s, size_t n)
{
  unsigned char *skip = kg_xcalloc(doc->nblocks + 1, 1);
  struct kg_section *p = NULL, *all;
  long *map;
  size_t m, i, j, k, b;

  for(i = 0; i < n; i++)
    for(b = (*s)[i].head; b < (*s)[i].body_end && b < doc->nblocks; b++)
      skip[b] = 1;
  m = kg_prose_sessions_find(doc, v, n ? skip : NULL, &p);
  free(skip);
  m = drop_anaphora(doc, v, *s, n, p, m);
  if(!m) {
    free(p);
    return n;
  }
  all = kg_xcalloc(n + m, sizeof(*all));
  map = kg_xcalloc(n + 1, sizeof(*map));
  for(i = j = k = 0; k < n + m; k++)
    if(j >= m || (i < n && (*s)[i].head <= p[j].head)) {
      map[i] = (long)k;
      all[k] = (*s)[i++];
    } else {
      all[k] = p[j++];
    }
  for(k = 0; k < n + m; k++)
    if(all[k].parent >= 0 && strcmp(all[k].rule, "prose:session-type"))
      all[k].parent = map[all[k].parent];
  free(map);
  free(p);
  free(*s);
  *s = all;
  return n + m;
}

size_t
kg_sections_find(const struct kg_doc *doc, const struct kg_vocab *v,
                 struct kg_section **out)
{
  struct kg_section *s = NULL;
  size_t n = 0, cap = 0, b, i, numbered = 0;
  long bloc = type_by_slug(v, "bloc");

  for(b = 0; b < doc->nblocks; b++) {
    const struct kg_block *bl = &doc->blocks[b];
    char num[32];
    size_t off;

    if(bl->kind != KG_BLK_HEADING)
      continue;
    off = parse_number(bl->text, bl->len, num, sizeof num);
    if(!off)
      continue;
    KG_GROW(s, cap, n + 1);
    memset(&s[n], 0, sizeof(s[n]));
    s[n].block = b;
    memcpy(s[n].number, num, sizeof num);
    s[n].title_off = off;
    n++;
    numbered++;
  }
  if(!numbered) {
    free(s);
    n = kg_programme_find(doc, v, &s);
    n = with_prose(doc, v, &s, n);
  }
  for(i = 0; i < n && numbered; i++) {
    const struct kg_block *bl = &doc->blocks[s[i].block];
    size_t e = bl->len, j;

    /* title: trimmed, without a trailing colon */
    while(e > s[i].title_off && (bl->text[e - 1] == ' ' ||
                                 bl->text[e - 1] == ':' ||
                                 bl->text[e - 1] == '\n'))
      e--;
    s[i].title_end = e;
    s[i].head = s[i].block;
    s[i].rule = "numbering";
    s[i].body_end = i + 1 < n ? s[i + 1].block : doc->nblocks;
    s[i].parent = -1;
    if(s[i].number[0]) {
      /* nearest earlier section whose number is a prefix of ours */
      for(j = i; j-- > 0;) {
        size_t l = strlen(s[j].number);

        if(l && !strncmp(s[i].number, s[j].number, l) &&
           s[i].number[l] == '.') {
          s[i].parent = (long)j;
          s[j].children++;
          break;
        }
      }
    }
  }
  for(i = 0; i < n; i++) {
    const struct kg_block *bl = &doc->blocks[s[i].block];

    if(s[i].children && bloc >= 0)
      s[i].type = bloc;
    else if(numbered)  /* programme.c typed its own sessions */
      s[i].type = kg_sections_type(v, bl->text + s[i].title_off,
                                s[i].title_end - s[i].title_off);
  }
  /* a session without a type word takes its block's ("Ateliers du matin") */
  for(i = 0; i < n; i++)
    if(s[i].type < 0 && s[i].parent >= 0) {
      const struct kg_section *p = &s[s[i].parent];
      const struct kg_block *pb = &doc->blocks[p->block];

      s[i].type = kg_sections_type(v, pb->text + p->title_off,
                                p->title_end - p->title_off);
      if(s[i].type == bloc)
        s[i].type = -1;
    }
  *out = s;
  return n;
}
