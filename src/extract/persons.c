/* persons.c - people named outside cue lines: speaker lists, prose,
 * testimonies, bylines.
 *
 * A name is what the lexicon reads as one (people.c: first names and
 * surnames of hunspell-fr, civilities and particles of ontology/
 * persons.ttl).  Its role comes from the words around it, all data:
 *   - a list of two or more entries that each start with a name
 *     ("– Prénom Nom, Organisation", "Prénom Nom (Organisation)") is a
 *     list of speakers (schema:performer), unless the line before it says
 *     the people only attended ("Participants", "Tour de table");
 *   - in a sentence, a speaker phrase before the names ("avec", "animée
 *     par", "sous la présidence de") or a speaking verb after one ("est
 *     intervenue", "a présenté") makes a performer; a verb of saying in
 *     the present that quotes words ("« … », explique X") does not: the
 *     press quotes so what it was told, not what was said at the event;
 *   - "Par Prénom Nom" heading a short paragraph is the notes' author, and
 *     so is a name alone under the article, or over it beside its date;
 *   - anyone else is a mention: a person with their passage, no role.
 * The session is the one whose text holds the name, else the event.
 * Lines that start with a cue ("Animé par", x->cueblocks) are left to
 * cues.c, cells of programme tables to tables.c.  Job titles and organisations stated next
 * to a name are read by people.c and written by kg_roles_people().
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/text.h"
#include "extract/roles.h"
#include "extract/doc.h"
#include "extract/names.h"
#include "extract/people.h"
#include "extract/persons.h"
#include "extract/report.h"
#include "extract/sections.h"
#include "ref/lexicon.h"
#include "ref/registry.h"
#include "ref/vocab.h"

/* Confidence, in hundredths, of a person the registry does not know. */
#define CONF_LIST 85       /* an entry of a speaker list */
#define CONF_SPEAKER 80    /* named with a speaker phrase or verb */
#define CONF_BYLINE 80     /* "Par Prénom Nom" */
#define CONF_MENTION 65    /* a name the lexicon reads, nothing more */

#define AFTER_SCAN 40      /* tokens searched for a speaking verb */
#define PARTICIPLE_GAP 6    /* tokens from a participle to its "par" */
#define INVERTED_ASIDE_MAX 4 /* lower-case words of an aside there */
#define TITLE_COMPLEMENT 3  /* lower-case words after a job title before
                               the name it introduces */
#define ENUM_NAME_MAX 4    /* tokens of a name in an enumeration */
#define ENUM_BRACKETS 3    /* names with a bracket that make a line an
                              enumeration of people */
#define UNKNOWN_RUN_MAX 3  /* words of a name the lexicon lacks after a
                              speaking verb */
#define INVERTED_TITLE_MAX 12 /* tokens of a title between an inverted
                                 speaking verb and the name */
#define GROUP_SCAN 80      /* tokens searched for a plural one */
#define GROUP_WORDS 8      /* words of an organisation before its people */
#define ENTRY_HEAD 120     /* bytes read for the name heading an entry */
#define CREDIT_SKIP 2      /* capitalised words of an event's name between
                              a notes credit and the name */

/* The section whose own text holds block @b, or x->nsecs (the event). */
static size_t
block_section(const struct kg_report *x, size_t b)
{
  size_t i;

  for(i = 0; i < x->nsecs; i++)
    if(b >= x->secs[i].block && b < x->secs[i].body_end)
      return i;
  return x->nsecs;
}

static int
is_word(const struct kg_ptoks *t, size_t i)
{
  return i < t->n && t->v[i].kind == KG_PTOK_WORD;
}

/* A dash or bullet: a word token with no letter or digit. */
static int
is_dash(const struct kg_ptoks *t, size_t i)
{
  return is_word(t, i) && !t->v[i].key[0];
}

/* Does token @i end a sentence ('.', '!', '?')? */
static int
sentence_end(const struct kg_ptoks *t, size_t i)
{
  char c;

  if(t->v[i].kind != KG_PTOK_PUNCT)
    return 0;
  c = t->text[t->v[i].start];
  if(c == '.' && i > 0 && t->v[i - 1].kind == KG_PTOK_WORD &&
     t->v[i - 1].end == t->v[i].start &&
     t->v[i - 1].end - t->v[i - 1].start == 1 &&
     t->text[t->v[i - 1].start] >= 'A' && t->text[t->v[i - 1].start] <= 'Z')
    return 0;   /* an initial: "R. Goulais" */
  return c == '.' || c == '!' || c == '?';
}

/* Does token @i end a clause: a sentence end, ';', ':', a dash, or a
 * closing parenthesis? */
static int
clause_end(const struct kg_ptoks *t, size_t i)
{
  if(sentence_end(t, i) || is_dash(t, i) || t->v[i].kind == KG_PTOK_CLOSE)
    return 1;
  if(t->v[i].kind == KG_PTOK_COMMA && t->text[t->v[i].start] == ';')
    return 1;
  return t->v[i].kind == KG_PTOK_PUNCT && t->text[t->v[i].start] == ':';
}

/* Two capitalised words at @i the lexicon does not read
 * (kg_people_unknown_pair), the second no proper noun ("Zoomacom Lyon",
 * "Konexio Paris" name bodies and their towns): 2, or 0. */
static size_t
unknown_person_pair(const struct kg_ptoks *t, size_t i)
{
  return kg_people_unknown_pair(t, i) == 2 &&
         !(t->v[i + 1].lex & KG_LEX_PROPER) ? 2 : 0;
}

/* "- Aïfa Lanani (Annonay)", "- Touré El, Directeur de la MAISEL": after
 * a dash or bullet, two capitalised words the lexicon does not read
 * (unknown_person_pair), then a bracket, or a comma when the lexicon
 * knows neither word; the token kind after
 * them (*after) and the byte where they start (*at), or 0. */
static int
unknown_entry(const struct kg_ptoks *t, size_t *at, int *after)
{
  size_t i = 0;

  *at = 0;
  while(is_dash(t, i))
    i++;
  if(i + 2 >= t->n || !unknown_person_pair(t, i))
    return 0;
  *after = (int)t->v[i + 2].kind;
  if(*after != KG_PTOK_OPEN &&
     (*after != KG_PTOK_COMMA || t->v[i + 1].lex))
    return 0;
  *at = t->v[i].start;
  return 1;
}

/* Name at the start of a list entry: after a dash or bullet.  Returns the
 * token where it starts, or -1. */
static long
entry_name(const struct kg_report *x, const struct kg_ptoks *t)
{
  size_t i = 0;

  while(is_dash(t, i))
    i++;
  return i < t->n && kg_people_name(x->v, t, i, 0) ? (long)i : -1;
}

/* Does text[0..len) start with a dash or a bullet? */
static int
starts_with_dash(const char *text, size_t len)
{
  int cp = 0;

  if(!len)
    return 0;
  kg_text_utf8_decode(text, len, &cp);
  return cp == '-' || cp == '*' || cp == 0x2013 || cp == 0x2014 ||
         cp == 0x2022 || cp == 0x2012 || cp == 0x2043;
}

/* Bytes of text[0..len) where a list entry's name would be, ending at a
 * space (so at a character boundary). */
static size_t
entry_head(const char *text, size_t len)
{
  size_t n = len < ENTRY_HEAD ? len : ENTRY_HEAD;

  while(n < len && text[n] != ' ')
    n++;
  return n;
}

/* A line of a paragraph or list item: text[ls, le) of block b; the list
 * entry's name starts at byte name (when entry or alike).  after: the
 * token kind after the name, a bracket ("Pichon Nicolas (Le Teil)") or a
 * comma, else -1; alike: the line opens with two capitalised words no
 * lexicon reads, then a bracket or a comma ("Aïfa Lanani (Annonay)"), a
 * name only among entries. */
struct line {
  size_t b, ls, le, name;
  int entry, after, alike;
};

struct lines {
  struct line *v;
  size_t n, cap;
};

/* Is the line an entry of a list of people: a list item's first line, or
 * a line that starts with a dash, whose first words are a name? */
static int
list_entry(const struct kg_report *x, struct line *l)
{
  const struct kg_block *bl = &x->doc.blocks[l->b];
  const char *text = bl->text + l->ls;
  size_t len = l->le - l->ls;
  struct kg_ptoks t;
  long i = -1;

  if(!(bl->kind == KG_BLK_ITEM && l->ls == 0) &&
     !starts_with_dash(text, len))
    return 0;
  kg_people_tokenize(x->lex, text, entry_head(text, len), &t);
  i = entry_name(x, &t);
  if(i >= 0) {
    size_t n = kg_people_name(x->v, &t, (size_t)i, 0);

    l->name = l->ls + t.v[i].start;
    l->after = (size_t)i + n < t.n ? (int)t.v[(size_t)i + n].kind : -1;
  } else {
    l->alike = unknown_entry(&t, &l->name, &l->after);
    l->name += l->ls;
  }
  kg_people_toks_release(&t);
  return i >= 0;
}

/* The lines of every paragraph and list item not @done. */
static void
list_lines(const struct kg_report *x, const unsigned char *done,
           struct lines *out)
{
  size_t b;

  for(b = 0; b < x->doc.nblocks; b++) {
    const struct kg_block *bl = &x->doc.blocks[b];
    size_t ls = 0;

    if(done[b] || (bl->kind != KG_BLK_ITEM && bl->kind != KG_BLK_PARA))
      continue;
    while(ls < bl->len) {
      const char *nl = memchr(bl->text + ls, '\n', bl->len - ls);
      size_t le = nl ? (size_t)(nl - bl->text) : bl->len;
      struct line *l;

      KG_GROW(out->v, out->cap, out->n + 1);
      l = &out->v[out->n++];
      memset(l, 0, sizeof(*l));
      l->b = b;
      l->ls = ls;
      l->le = le;
      l->entry = list_entry(x, l);
      ls = le + 1;
    }
  }
}

/* Does the text just before line @l (the line above, or the block before
 * its block) say that the list after it names attendees? */
static int
attendees_before(const struct kg_report *x, const struct line *l)
{
  const struct kg_block *bl;
  struct kg_ptoks t;
  size_t a = 0, z;
  int yes;

  if(l->ls > 0) {
    bl = &x->doc.blocks[l->b];
    z = l->ls - 1;
    while(a < z && memchr(bl->text + a, '\n', z - a))
      a += (size_t)((const char *)memchr(bl->text + a, '\n', z - a) -
                    (bl->text + a)) + 1;
  } else if(l->b > 0) {
    bl = &x->doc.blocks[l->b - 1];
    z = bl->len;
  } else {
    return 0;
  }
  /* "3/ Tour de table et présentation des attentes" */
  while(a < z && (strchr("0123456789/-.) ", bl->text[a])))
    a++;
  kg_people_tokenize(NULL, bl->text + a, z - a, &t);
  yes = kg_people_phrase(x->v, KG_CUE_PARTICIPANTS, &t, 0) > 0;
  kg_people_toks_release(&t);
  return yes;
}

/* Does line @m follow line @l (the next line of its block, or the first
 * of the next block)? */
static int
follows(const struct line *l, const struct line *m)
{
  return (m->b == l->b && m->ls == l->le + 1) ||
         (m->b == l->b + 1 && m->ls == 0);
}

/* Is the line before line @k of @all (@before) or after it an entry
 * whose name the same token follows, bracket or comma? */
static int
entry_alike(const struct lines *all, size_t k, int before)
{
  const struct line *m;

  if(before ? k == 0 : k + 1 >= all->n)
    return 0;
  m = &all->v[before ? k - 1 : k + 1];
  return m->entry && m->after == all->v[k].after &&
         (before ? follows(m, &all->v[k]) : follows(&all->v[k], m));
}

/* Does line @k of @all belong to a list: an entry, or a line of an
 * entry's shape ("Aïfa Lanani (Annonay)") beside an entry of that shape
 * ("Vernet David (Alissas)", "Coant Maria, MAISEL"): attendance lists
 * write every name alike, and the lexicon lacks many first names. */
static int
in_list(const struct lines *all, size_t k)
{
  const struct line *l = &all->v[k];

  return l->entry ||
         (l->alike && (entry_alike(all, k, 1) || entry_alike(all, k, 0)));
}

/* Are the report's first heading (or, with none, its first paragraph)
 * minutes ("Compte rendu du COPIL", "Réunion du 12 mai": cue minutes)?
 * In minutes a list of people names who attended, not who spoke. */
static int
is_minutes(const struct kg_report *x)
{
  return kg_sections_minutes(&x->doc, x->v);
}

/* Do the lines from @from (an end of attendees, 0: none) to @to run on
 * as items of one list ("- Aïfa Lanani (Annonay)", a name no entry
 * reads, between two runs of attendees)? */
static int
same_list(const struct kg_report *x, const struct lines *all, size_t from,
          size_t to)
{
  size_t k;

  if(!from || to < from)
    return 0;
  for(k = from; k <= to; k++)
    if(x->doc.blocks[all->v[k].b].kind != KG_BLK_ITEM ||
       !follows(&all->v[k - 1], &all->v[k]))
      return 0;
  return 1;
}

/* Speaker lists: runs of two entries or more.  Their lines go in @taken.
 * In minutes (@minutes) or after an attendees label they are attendees. */
static void
find_lists(struct kg_report *x, const unsigned char *done,
           struct lines *taken, int minutes)
{
  struct lines all = { NULL, 0, 0 };
  size_t i, e, k, att_end = 0;

  list_lines(x, done, &all);
  for(i = 0; i < all.n; i = e > i ? e : i + 1) {
    struct kg_roles_use use = { KG_CUE_FACILITATOR, "list", CONF_LIST, 0, 0, 0 };

    for(e = i; e < all.n && in_list(&all, e) &&
        (e == i || follows(&all.v[e - 1], &all.v[e])); e++)
      ;
    if(e - i < 2)
      continue;
    if(minutes || attendees_before(x, &all.v[i]) ||
       same_list(x, &all, att_end, i)) {
      att_end = e;
      use.role = KG_CUE_PARTICIPANTS;
      use.confidence = CONF_MENTION + 10;
    }
    for(k = i; k < e; k++) {
      const struct line *l = &all.v[k];

      kg_roles_people(x, block_section(x, l->b), &use, &x->doc.blocks[l->b],
                      l->name, l->le, l->ls);
      KG_GROW(taken->v, taken->cap, taken->n + 1);
      taken->v[taken->n++] = *l;
    }
  }
  free(all.v);
}

/* Is line text[ls..) of block @b in @taken? */
static int
is_taken(const struct lines *taken, size_t b, size_t ls)
{
  size_t i;

  for(i = 0; i < taken->n; i++)
    if(taken->v[i].b == b && taken->v[i].ls == ls)
      return 1;
  return 0;
}

/* Does the sentence of token @k name a talk before it ("Présentation de
 * …", "Atelier …")? */
static int
talk_before(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  while(k-- > 0 && !sentence_end(t, k))
    if(kg_people_phrase(x->v, KG_CUE_PRESENTATION, t, k) ||
       kg_people_phrase(x->v, KG_CUE_TALK_HEAD, t, k))
      return 1;
  return 0;
}

/* Does a participle of speaking (cue speaker-participle) stand a few
 * tokens before "par" at @k, an aside between them ("La journée a été
 * introduite, en vidéo, par X")? */
static int
participle_before(const struct kg_report *x, const struct kg_ptoks *t,
                  size_t k)
{
  size_t j;

  for(j = k; j-- > 0 && k - j <= PARTICIPLE_GAP && !sentence_end(t, j);)
    if(kg_people_phrase(x->v, KG_CUE_SPEAKER_PARTICIPLE, t, j))
      return 1;
  return 0;
}

/* Is token @k a closing quotation mark ("»", "”")? */
static int
closing_quote(const struct kg_ptoks *t, size_t k)
{
  const char *s = t->text + t->v[k].start;
  size_t n = t->v[k].end - t->v[k].start;

  return (n == 2 && !memcmp(s, "\xc2\xbb", 2)) ||
         (n == 3 && !memcmp(s, "\xe2\x80\x9d", 3));
}

/* Does text[0..len) hold a quotation mark ("«", "»", "“", "”", '"')? */
static int
has_quote_mark(const char *text, size_t len)
{
  size_t i;

  for(i = 0; i < len; i++)
    if(text[i] == '"' ||
       (i + 1 < len && (unsigned char)text[i] == 0xc2 &&
        ((unsigned char)text[i + 1] == 0xab ||
         (unsigned char)text[i + 1] == 0xbb)) ||
       (i + 2 < len && (unsigned char)text[i] == 0xe2 &&
        (unsigned char)text[i + 1] == 0x80 &&
        ((unsigned char)text[i + 2] == 0x9c ||
         (unsigned char)text[i + 2] == 0x9d)))
      return 1;
  return 0;
}

/* Is the speaker phrase t[k, k+m) a verb of saying in the present tense
 * (cue speaker-quote-present) in a sentence that quotes words and names
 * no talk (cue talk-head): "« … », explique X", "X déclare : « … »"?
 * The press quotes so what it was told, which says nothing of a part in
 * the event.  Minutes that tell a meeting in the present ("X explique
 * que …") quote no words. */
static int
press_quote(const struct kg_report *x, const struct kg_ptoks *t, size_t k,
            size_t m)
{
  size_t s, e, j;

  if(!m || kg_people_phrase(x->v, KG_CUE_SPEAKER_QUOTE_PRESENT, t, k) != m)
    return 0;
  for(s = k; s > 0 && !sentence_end(t, s - 1); s--)
    ;
  for(e = k; e < t->n && !sentence_end(t, e); e++)
    ;
  for(j = s; j < e; j++)
    if(kg_people_phrase(x->v, KG_CUE_TALK_HEAD, t, j))
      return 0;
  return has_quote_mark(t->text + t->v[s].start,
                        t->v[e - 1].end - t->v[s].start);
}

/* "déplorait Zouhourya Mouayad Ben, pourtant": two or three capitalised
 * words, the first one unknown to the lexicon and none only a common
 * word or a proper noun ("Ben" is a first name too; "Konexio Lyon" is
 * no one),
 * then a comma or the sentence's end; right after a speaking verb, a
 * name the lexicon lacks.  Their number, or 0. */
static size_t
unknown_run(const struct kg_ptoks *t, size_t k)
{
  size_t n;

  if(!t->lx || k >= t->n || t->v[k].lex)
    return 0;
  for(n = 0; k + n < t->n && n <= UNKNOWN_RUN_MAX && is_word(t, k + n) &&
      t->v[k + n].cap && !t->v[k + n].upper &&
      (t->v[k + n].lex & (KG_LEX_FIRST_NAME | KG_LEX_SURNAME) ||
       !(t->v[k + n].lex & (KG_LEX_COMMON | KG_LEX_PROPER))); n++)
    ;
  if(n < 2 || n > UNKNOWN_RUN_MAX)
    return 0;
  return k + n == t->n || t->v[k + n].kind == KG_PTOK_COMMA ||
         sentence_end(t, k + n) ? n : 0;
}

/* "Guillaume Pénélon (Villeneuve de Berg), Maryne Maurizi (Guilherand-
 * Granges), Rémi Cordina (Vallon Pont d’Arc)": two capitalised words the
 * lexicon does not read at @i, with a bracket, between a closing bracket
 * and a name the lexicon reads with its bracket: one more name of an
 * enumeration that writes every person alike.  2, or 0. */
static size_t
bracketed_between(const struct kg_report *x, const struct kg_ptoks *t,
                  size_t i)
{
  size_t k = i, e = i + 2, n;

  if(!unknown_person_pair(t, i) || e >= t->n ||
     t->v[e].kind != KG_PTOK_OPEN)
    return 0;
  if(k > 0 && t->v[k - 1].kind == KG_PTOK_COMMA)
    k--;
  if(k == 0 || t->v[k - 1].kind != KG_PTOK_CLOSE)
    return 0;
  while(e < t->n && t->v[e].kind != KG_PTOK_CLOSE)
    e++;
  if(++e < t->n && t->v[e].kind == KG_PTOK_COMMA)
    e++;
  n = e < t->n ? kg_people_name(x->v, t, e, 0) : 0;
  return n && e + n < t->n && t->v[e + n].kind == KG_PTOK_OPEN ? 2 : 0;
}

/* Is token @k a comma or "et" between two names? */
static int
name_sep(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  return k < t->n && (t->v[k].kind == KG_PTOK_COMMA ||
                      (is_word(t, k) &&
                       kg_people_phrase(x->v, KG_CUE_NAME_SEP, t, k) == 1));
}

/* The name that ends right before token @e: 2 if the lexicon reads it
 * (or, unless @read, two unknown capitalised words), else 0. */
static int
name_ends(const struct kg_report *x, const struct kg_ptoks *t, size_t e,
          int read)
{
  size_t p;

  for(p = e > ENUM_NAME_MAX ? e - ENUM_NAME_MAX : 0; p < e; p++)
    if(kg_people_name(x->v, t, p, 0) == e - p &&
       (p == 0 || !t->v[p - 1].cap || !is_word(t, p - 1)))
      return 2;
  return !read && e >= 2 && kg_people_unknown_pair(t, e - 2) == 2 ? 1 : 0;
}

/* Does the line give people their bodies or communes in brackets
 * ("Jacques Guyot (Joyeuse)"), three times or more?  Then a capitalised
 * pair after a name and a comma is no body ("Marie Dupont, Emmaüs
 * Connect"). */
static int
brackets_affiliate(const struct kg_report *x, const struct kg_ptoks *t)
{
  size_t k, n = 0;

  for(k = 1; k < t->n && n < ENUM_BRACKETS; k++)
    n += t->v[k].kind == KG_PTOK_OPEN && name_ends(x, t, k, 1);
  return n >= ENUM_BRACKETS;
}

/* "Daniel Suszwalak, Henry-Pascal Eldin, Garlann Nizon, Guy Fréry": two
 * capitalised words the lexicon does not read at @i, between commas (or
 * "et") of an enumeration whose names on both sides are names, one of
 * them read by the lexicon, in a line that puts bodies in brackets: one
 * more person.  2, or 0. */
static size_t
enumerated_between(const struct kg_report *x, const struct kg_ptoks *t,
                   size_t i)
{
  size_t n;
  int before, after;

  if(!unknown_person_pair(t, i) || i < 2 || !name_sep(x, t, i - 1) ||
     !name_sep(x, t, i + 2))
    return 0;
  before = name_ends(x, t, i - 1, 0);
  n = kg_people_name(x->v, t, i + 3, 0);
  after = n ? 2 : kg_people_unknown_pair(t, i + 3) == 2;
  if(!n && after)
    n = 2;
  if(after && i + 3 + n < t->n && !name_sep(x, t, i + 3 + n) &&
     t->v[i + 3 + n].kind != KG_PTOK_OPEN && !sentence_end(t, i + 3 + n))
    after = 0;   /* "…, Garlann Nizon, Guy Fréry, …" ends an entry */
  return before && after && (before == 2 || after == 2) &&
         brackets_affiliate(x, t) ? 2 : 0;
}

/* Is token @k a semicolon (an entry's end in "X, body ; Y, body")? */
static int
semicolon(const struct kg_ptoks *t, size_t k)
{
  return k < t->n && t->v[k].kind == KG_PTOK_COMMA &&
         t->text[t->v[k].start] == ';';
}

/* Does the entry starting at token @k open with a name the lexicon reads,
 * then a comma ("Régine Roué, EPM de Kerourien")? */
static int
entry_named(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  size_t n = k < t->n ? kg_people_name(x->v, t, k, 0) : 0;

  return n && k + n < t->n && t->v[k + n].kind == KG_PTOK_COMMA &&
         !semicolon(t, k + n);
}

/* "Jean-Paul Cosme, MPT du Valy-Hir ; Yffic Cloarec, Le Fourneau ; Gaëlle
 * Milin, Côte Ouest": two capitalised words the lexicon does not read at
 * @i, then a comma, as an entry between semicolons whose neighbours both
 * open with a name it reads and a comma: one more person.  2, or 0. */
static size_t
entry_between(const struct kg_report *x, const struct kg_ptoks *t, size_t i)
{
  size_t p, q;

  if(!unknown_person_pair(t, i) || i < 2 || !semicolon(t, i - 1) ||
     i + 2 >= t->n || t->v[i + 2].kind != KG_PTOK_COMMA ||
     semicolon(t, i + 2))
    return 0;
  for(p = i - 1; p > 0 && !semicolon(t, p - 1) && !clause_end(t, p - 1); p--)
    ;
  for(q = i + 3; q < t->n && !semicolon(t, q) && !sentence_end(t, q); q++)
    ;
  return p < i - 1 && entry_named(x, t, p) && semicolon(t, q) &&
         entry_named(x, t, q + 1) ? 2 : 0;
}

/* Is there a name at token @k, or after a few words and a comma in the
 * same sentence ("la présidente du Conseil départemental, Sophie B.")? */
static int
name_after_title(const struct kg_report *x, const struct kg_ptoks *t,
                 size_t k)
{
  size_t j;

  if(kg_people_name(x->v, t, k, 0) || unknown_run(t, k))
    return 1;
  /* "lançait dès l'ouverture Franck Theil", "soulignait pour sa part X" */
  for(j = k; j < t->n && j < k + INVERTED_ASIDE_MAX && is_word(t, j) &&
      !t->v[j].cap; j++)
    if(kg_people_name(x->v, t, j + 1, 0))
      return 1;
  for(j = k; j < t->n && j < k + INVERTED_TITLE_MAX && !sentence_end(t, j);
      j++)
    if(t->v[j].kind == KG_PTOK_COMMA)
      return kg_people_name(x->v, t, j + 1, 0) != 0;
  return 0;
}

/* Does a phrase of cue @role end just before token @k (talk-head:
 * "conférence", "table ronde"; speaker-before: "discours introductif
 * de")? */
static int
phrase_ends(const struct kg_report *x, int role, const struct kg_ptoks *t,
            size_t k)
{
  size_t j;

  for(j = k > 4 ? k - 4 : 0; j < k; j++)
    if(kg_people_phrase(x->v, role, t, j) == k - j)
      return 1;
  return 0;
}

/* Does the one-word speaker phrase at token @k ("avec") open its clause,
 * or follow a talk's name ("une conférence avec X")?  After any other
 * word it joins two things ("coauteur avec X"), and names no speaker. */
static int
free_standing(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  return k == 0 || clause_end(t, k - 1) ||
         t->v[k - 1].kind == KG_PTOK_COMMA ||
         t->v[k - 1].kind == KG_PTOK_OPEN ||
         phrase_ends(x, KG_CUE_TALK_HEAD, t, k);
}

/* Does a speaker phrase open at token @k?  Returns its length in tokens;
 * a one-word phrase ("avec") counts only before a name, "par" only after
 * a talk is named. */
static size_t
speaker_before(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  size_t m = kg_people_phrase(x->v, KG_CUE_SPEAKER_BEFORE, t, k);

  if(press_quote(x, t, k, m))
    return 0;   /* "comme le souligne X" in a press quote */
  /* "…, a indiqué Maurice Tubul", "», a notamment confirmé X", "… ! »
   * raconte X", "» a débuté la présidente du Département, Sophie B." */
  if(!m && k > 0 && (t->v[k - 1].kind == KG_PTOK_COMMA ||
                     closing_quote(t, k - 1) ||
                     kg_people_phrase(x->v, KG_CUE_SPEAKER_RELATIVE, t,
                                      k - 1) == 1) &&
     (m = kg_people_phrase(x->v, KG_CUE_SPEAKER_INVERTED, t, k)) > 0)
    return name_after_title(x, t, k + m) && !press_quote(x, t, k, m) ? m : 0;
  if(!m && kg_people_phrase(x->v, KG_CUE_PRESENTED_BY, t, k) &&
     (kg_people_name(x->v, t, k + 1, 0) ||
      kg_people_unknown_pair(t, k + 1)) &&
     (talk_before(x, t, k) || participle_before(x, t, k)))
    return 1;
  if(m == 1 && !kg_people_name(x->v, t, k + 1, 0))
    return 0;
  if(m == 1 && !free_standing(x, t, k))
    return 0;   /* "coauteur avec X", "en partenariat avec X" */
  return m;
}

/* Is the name at token @i credited with the notes of the event: right
 * after a notes-credit phrase ("dessinateur et facilitateur graphique
 * Julien Revenu"), or after the event's name that follows one ("Notes
 * visuelles Intercotour Benoit Bryon")? */
static int
notes_credit(const struct kg_report *x, const struct kg_ptoks *t, size_t i)
{
  size_t j = i;

  if(j > 0 && t->v[j - 1].kind == KG_PTOK_PUNCT &&
     t->text[t->v[j - 1].start] == ':')
    j--;   /* "Secrétaire de séance : Marie Dupont" */
  for(;;) {
    if(phrase_ends(x, KG_CUE_NOTES_CREDIT, t, j))
      return 1;
    if(j == 0 || i - j >= CREDIT_SKIP || !is_word(t, j - 1) ||
       !t->v[j - 1].cap)
      return 0;
    j--;
  }
}

/* Does token @i open an entry of a speaker scope: right after the speaker
 * phrase, a comma, "et" or the "par" of a talk?  There a pair of
 * capitalised words the lexicon does not know is a speaker's name ("…, la
 * médiation des collections numériques par Gaëlenn Gouret du SCD"). */
static int
scope_entry(const struct kg_report *x, const struct kg_ptoks *t,
            const unsigned char *scope, size_t i)
{
  return scope[i] && i > 0 &&
         (!scope[i - 1] || t->v[i - 1].kind == KG_PTOK_COMMA ||
          kg_people_phrase(x->v, KG_CUE_NAME_SEP, t, i - 1) == 1 ||
          kg_people_phrase(x->v, KG_CUE_PRESENTED_BY, t, i - 1) == 1);
}

/* Is there a dash between token @k and the start of its sentence (a
 * dash-enclosed aside: "– menés par X et Y –")? */
static int
in_dashes(const struct kg_ptoks *t, size_t k)
{
  while(k-- > 0 && !sentence_end(t, k))
    if(is_dash(t, k))
      return 1;
  return 0;
}

/* Is token @k the colon of a sentence that names speakers ("Trois
 * intervenants sont venus nous présenter … :")? */
static int
announced_speakers(const struct kg_report *x, const struct kg_ptoks *t,
                   size_t k)
{
  if(t->v[k].kind != KG_PTOK_PUNCT || t->text[t->v[k].start] != ':')
    return 0;
  while(k-- > 0 && !sentence_end(t, k))
    if(kg_people_phrase(x->v, KG_CUE_SPEAKER_NOUN, t, k))
      return 1;
  return 0;
}

/* Does a verb that opens a predicate (cue clause-verb: "a", "ont", "est")
 * stand at token @k?  "à" is no verb. */
static int
clause_verb(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  return is_word(t, k) && !t->v[k].cap &&
         (unsigned char)t->text[t->v[k].start] < 0x80 &&
         kg_people_phrase(x->v, KG_CUE_CLAUSE_VERB, t, k) > 0;
}

/* Is the one-word "de" before token @k a repeated preposition of a list
 * ("aux côtés d'Églantine D., …, de Jacques O., …, et de Céline C."):
 * right after a comma or an "et", where no title can own the name? */
static int
repeated_de(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  if(k < 2 || kg_people_phrase(x->v, KG_CUE_ORG_AFTER_NAME, t, k - 1) != 1)
    return 0;
  return t->v[k - 2].kind == KG_PTOK_COMMA ||
         kg_people_phrase(x->v, KG_CUE_NAME_SEP, t, k - 2) == 1;
}

/* Marks in @scope the tokens that follow a speaker phrase in its clause,
 * and the next clauses of a list ("X, …; Y, …").  A dash ends the scope
 * only in an aside that a dash opened. */
static void
speaker_scopes(const struct kg_report *x, const struct kg_ptoks *t,
               unsigned char *scope)
{
  size_t k = 0, m, first;
  int aside, listed;

  while(k < t->n) {
    m = speaker_before(x, t, k);
    if(!m && announced_speakers(x, t, k)) {
      /* "Trois intervenants sont venus … : X, …; Y, …" */
      for(k++; k < t->n && !sentence_end(t, k); k++)
        scope[k] = 1;
      continue;
    }
    if(!m) {
      k++;
      continue;
    }
    aside = in_dashes(t, k);
    k += m;
    listed = k < t->n && t->v[k].kind == KG_PTOK_PUNCT &&
             t->text[t->v[k].start] == ':';
    if(listed)
      k++;   /* "Atelier animé par : Isadora VERDERESI, …" */
    for(first = k; k < t->n; k++) {
      /* after a colon, entries may end with a full stop: "Avec la
       * participation de : X, conseiller régional. Y, adjoint au maire." */
      if(clause_end(t, k) && !(is_dash(t, k) && !aside) &&
         !(t->v[k].kind == KG_PTOK_COMMA && kg_people_name(x->v, t, k + 1, 0)) &&
         !(listed && sentence_end(t, k) && kg_people_name(x->v, t, k + 1, 0)))
        break;
      if((t->v[k].kind == KG_PTOK_COMMA && clause_verb(x, t, k + 1)) ||
         (k > first && kg_people_phrase(x->v, KG_CUE_CLAUSE_VERB, t, k) >= 2))
        break;   /* "présidé par X, a eu l'honneur de recevoir Y", "avec
                    X en présence de Y" */
      /* "conseillère de Cédric O", "successeur de Pierre C.": a name in
       * a speaker's title is no speaker; "une conférence de X", "le
       * discours introductif de X" name one */
      scope[k] = k == first || !is_word(t, k - 1) ||
                 kg_people_phrase(x->v, KG_CUE_ORG_AFTER_NAME, t, k - 1) != 1 ||
                 phrase_ends(x, KG_CUE_TALK_HEAD, t, k - 1) ||
                 phrase_ends(x, KG_CUE_SPEAKER_BEFORE, t, k) ||
                 repeated_de(x, t, k);
    }
  }
}

/* Does a plural speaking verb end the subject that the name ending before
 * token @e belongs to ("X (…), Y et Z (…) ainsi que W du … ont animé")?
 * Brackets are skipped whole; the sentence must not end first. */
static int
group_verb_after(const struct kg_report *x, const struct kg_ptoks *t,
                 size_t e)
{
  size_t p;
  int depth = 0;

  for(p = e; p < t->n && p < e + GROUP_SCAN; p++) {
    if(t->v[p].kind == KG_PTOK_OPEN)
      depth++;
    else if(t->v[p].kind == KG_PTOK_CLOSE && depth > 0)
      depth--;
    else if(!depth && sentence_end(t, p))
      return 0;
    else if(!depth && kg_people_phrase(x->v, KG_CUE_SPEAKER_GROUP, t, p))
      return 1;
  }
  return 0;
}

/* Does a speaking verb follow the name that ends before token @e: right
 * after it, after an apposition between commas, or, for a phrase of
 * several words ("qui a déclaré"), further in the clause? */
static int
speaker_after(const struct kg_report *x, const struct kg_ptoks *t, size_t e)
{
  size_t p, m;

  if(e >= t->n)
    return 0;
  if(t->v[e].kind == KG_PTOK_OPEN) {   /* "Mme H. (conseillère …) pour …" */
    for(p = e + 1; p < t->n && t->v[p].kind != KG_PTOK_CLOSE &&
        t->v[p].kind != KG_PTOK_OPEN && !sentence_end(t, p); p++)
      ;
    if(p < t->n && t->v[p].kind == KG_PTOK_CLOSE &&
       (m = kg_people_phrase(x->v, KG_CUE_SPEAKER_AFTER, t, p + 1)) >= 2)
      return !press_quote(x, t, p + 1, m);
  }
  if((m = kg_people_phrase(x->v, KG_CUE_SPEAKER_AFTER, t, e)) != 0)
    return !press_quote(x, t, e, m);
  /* "X et Y ont présenté": the verb after the last of two names */
  if(e + 1 < t->n && t->v[e].kind == KG_PTOK_WORD &&
     !strcmp(t->v[e].key, "et") && (m = kg_people_name(x->v, t, e + 1, 1)))
    return speaker_after(x, t, e + 1 + m);
  if(group_verb_after(x, t, e))
    return 1;
  /* "X, directrice de Y, a présenté"; "X coordonnateur du réseau qui
   * pilotait la journée" (a phrase of several words, no comma needed) */
  for(p = e + 1; p < t->n && p < e + AFTER_SCAN && !clause_end(t, p); p++) {
    if(t->v[p].kind == KG_PTOK_OPEN) {   /* "(Docelles, 88)": read past */
      while(p + 1 < t->n && t->v[p + 1].kind != KG_PTOK_CLOSE &&
            !sentence_end(t, p + 1))
        p++;
      if(p + 1 < t->n && t->v[p + 1].kind == KG_PTOK_CLOSE)
        p++;
      continue;
    }
    if(kg_people_name(x->v, t, p, 1))
      return 0;
    m = kg_people_phrase(x->v, KG_CUE_SPEAKER_AFTER, t, p);
    if(m >= 2 || (m && t->v[p - 1].kind == KG_PTOK_COMMA &&
                  t->v[e].kind == KG_PTOK_COMMA))
      return !press_quote(x, t, p, m);
  }
  return 0;
}

/* A turn of speech in minutes or notes: a line that opens with the name
 * at @i (@n tokens), maybe its organisation in brackets, then a colon
 * ("Marie Dupont : nous avons…", "Paul Martin (CAF) : …"). */
static int
speaker_turn(const struct kg_ptoks *t, size_t i, size_t n)
{
  size_t p = i + n, k;

  for(k = 0; k < i; k++)
    if(t->v[k].kind == KG_PTOK_WORD)
      return 0;
  if(p < t->n && t->v[p].kind == KG_PTOK_OPEN)
    while(p < t->n && t->v[p++].kind != KG_PTOK_CLOSE)
      ;
  return p < t->n && t->v[p].kind == KG_PTOK_PUNCT &&
         t->text[t->v[p].start] == ':';
}

/* "Point sur l'actualité de Coraia (Guy Pastre)": a name in the brackets
 * that close a session's title gives the session. */
static int
title_speaker(const struct kg_report *x, size_t sec, const struct kg_block *bl,
              const struct kg_ptoks *t, size_t i)
{
  size_t k;

  if(sec >= x->nsecs || bl != &x->doc.blocks[x->secs[sec].block] || !i ||
     t->v[i - 1].kind != KG_PTOK_OPEN)
    return 0;
  for(k = i; k < t->n && t->v[k].kind != KG_PTOK_CLOSE; k++)
    if(t->v[k].kind == KG_PTOK_OPEN)
      return 0;
  while(++k < t->n)
    if(t->v[k].kind != KG_PTOK_PUNCT)
      return 0;
  return 1;
}

/* "- Sup Agro Florac: Christian Resche (formateur), Hélène Laxenaire": in
 * a list item, a capitalised head of at most GROUP_WORDS words before the
 * item's first colon, which names no person and no cue ("Présents :",
 * "Animation :"), is the organisation of the people after the colon.  The
 * head's token end, or 0. */
static size_t
item_head(const struct kg_report *x, const struct kg_ptoks *t, size_t i)
{
  static const enum kg_cue_role cues[] = {
    KG_CUE_PARTICIPANTS, KG_CUE_FIELD_LABEL, KG_CUE_FACILITATOR,
    KG_CUE_NOTETAKER, KG_CUE_GENERIC_HEADING, KG_CUE_SPEAKER_BEFORE
  };
  size_t s, e, r, m;

  for(s = 0; s < t->n && !is_word(t, s); s++)
    ;
  for(e = s; e < i && t->v[e].kind == KG_PTOK_WORD; e += m) {
    m = t->v[e].cap ? 1 : kg_people_phrase(x->v, KG_CUE_NAME_CONNECTOR, t, e);
    if(!m)
      break;   /* "de l'": a connector of two tokens */
  }
  if(e >= i || e == s || e - s > GROUP_WORDS || !t->v[s].cap ||
     t->v[e].kind != KG_PTOK_PUNCT || t->text[t->v[e].start] != ':' ||
     kg_people_name(x->v, t, s, 0))
    return 0;
  for(r = 0; r < sizeof cues / sizeof cues[0]; r++)
    if(kg_people_phrase(x->v, cues[r], t, s))
      return 0;
  return e;
}

/* "Service Culture (Yannick Lucéa, Philippe Lorreyte)": when the name at
 * @i stands in brackets after a capitalised run that names no person, the
 * run is the organisation of the people in the brackets; its offsets in
 * the line go to use->group_from, group_to.  In a list item (@item), the
 * head before the first colon (item_head()) is too. */
static void
group_before(const struct kg_report *x, const struct kg_ptoks *t, size_t i,
             int item, struct kg_roles_use *use)
{
  size_t k = i, e, s, dot = 0;

  if(item && (e = item_head(x, t, i)) != 0) {
    for(s = 0; !is_word(t, s); s++)
      ;
    use->group_from = t->v[s].start;
    use->group_to = t->v[e - 1].end;
    return;
  }
  if(i >= 2 && is_dash(t, i - 1)) {
    /* "CRIJ - Claude Rigouste : …", an item's head: the words before the
     * dash, from the line's start */
    for(s = 0; s < i - 1 && !is_word(t, s); s++)
      ;
    for(e = s; e < i - 1 && t->v[e].kind == KG_PTOK_WORD &&
        (t->v[e].cap || kg_people_phrase(x->v, KG_CUE_NAME_CONNECTOR, t, e));
        e++)
      ;
    if(e == i - 1 && s < e && e - s <= GROUP_WORDS && t->v[s].cap &&
       !kg_people_name(x->v, t, s, 0)) {
      use->group_from = t->v[s].start;
      use->group_to = t->v[e - 1].end;
    }
    return;
  }
  while(k > 0 && t->v[k - 1].kind != KG_PTOK_OPEN &&
        t->v[k - 1].kind != KG_PTOK_CLOSE && !clause_end(t, k - 1))
    k--;
  if(k < 2 || t->v[k - 1].kind != KG_PTOK_OPEN)
    return;
  e = k - 1;
  if(t->v[e - 1].kind == KG_PTOK_PUNCT && t->text[t->v[e - 1].start] == '.')
    dot = e--;   /* "E.S.A.B. (Nicole Pinvidic)" */
  for(s = e; s > 0 && t->v[s - 1].kind == KG_PTOK_WORD &&
      (t->v[s - 1].cap || (s - 1 > 0 && t->v[s - 2].kind == KG_PTOK_WORD &&
                           t->v[s - 2].cap)) && e - s < GROUP_WORDS; s--)
    ;
  while(s < e && !t->v[s].cap)
    s++;
  if(s >= e || kg_people_name(x->v, t, s, 0))
    return;
  /* the run opens an item of a list: "…, Service Culture (…)", not
   * "l'actualité de Coraia (Guy Pastre)" */
  if(s > 0 && t->v[s - 1].kind == KG_PTOK_WORD &&
     !kg_people_phrase(x->v, KG_CUE_NAME_SEP, t, s - 1))
    return;
  use->group_from = t->v[s].start;
  use->group_to = dot && t->v[dot].start == t->v[e - 1].end ? t->v[dot].end
                                                            : t->v[e - 1].end;
}

/* Same word, case aside but accents kept ("la" is not "là"). */
static int
same_word(const char *a, size_t alen, const char *b)
{
  size_t i = 0, j = 0, blen = strlen(b);

  while(i < alen && j < blen) {
    int ca, cb;

    i += (size_t)kg_text_utf8_decode(a + i, alen - i, &ca);
    j += (size_t)kg_text_utf8_decode(b + j, blen - j, &cb);
    ca = ca == 0x2019 ? '\'' : utf8proc_tolower(ca);
    cb = cb == 0x2019 ? '\'' : utf8proc_tolower(cb);
    if(ca != cb)
      return 0;
  }
  return i == alen && j == blen;
}

/* Is token @k a determiner ("la", "notre"; not "là")? */
static int
determiner(const struct kg_report *x, const struct kg_ptoks *t, size_t k)
{
  size_t p;

  if(!is_word(t, k))
    return 0;
  for(p = 0; p < x->v->ncues[KG_CUE_ARTICLE]; p++)
    if(same_word(t->text + t->v[k].start, t->v[k].end - t->v[k].start,
                 x->v->cues[KG_CUE_ARTICLE][p].text))
      return 1;
  return 0;
}

/* Is the name at token @i part of a longer name: after a place noun ("rue
 * Victor Hugo", "collège Jean Moulin"), or after a capitalised word that
 * does not start a sentence ("Fondation Abbé Pierre")? */
static int
inside_longer_name(const struct kg_report *x, const struct kg_ptoks *t,
                   size_t i)
{
  size_t m, n;

  for(m = 1; m <= 3 && m <= i; m++)
    if(kg_people_phrase(x->v, KG_CUE_NAMED_AFTER, t, i - m) == m)
      return 1;   /* "rue Victor Hugo" */
  if(i && determiner(x, t, i - 1))
    return 1;     /* "la Rose Blanche" */
  if(!i || !is_word(t, i - 1) || !t->v[i - 1].cap || is_dash(t, i - 1))
    return 0;
  if(i == 1 || sentence_end(t, i - 2) || clause_end(t, i - 2))
    return 0;   /* "Et Sophie Arzal", "— Avec Anne …" */
  if(t->v[i - 1].upper && (n = kg_people_name(x->v, t, i, 0)) > 1 &&
     t->v[i + n - 1].upper)
    return 0;   /* "…, CDC Véronique DUGOUJON, consultante" */
  if((n = kg_people_name(x->v, t, i, 0)) > 1 && i + n + 1 < t->n &&
     is_word(t, i + n) &&
     kg_people_phrase(x->v, KG_CUE_NAME_SEP, t, i + n) == 1 &&
     kg_people_name(x->v, t, i + n + 1, 0) > 1)
    return 0;   /* "conseillères numériques France Service Laurie Menant et
                   Mélody Morelle-Caballero": the first of two people */
  /* "l'adjoint au Maire Michel Briand": a job title, not part of a name */
  return kg_people_phrase(x->v, KG_CUE_SPEAKER_BEFORE, t, i - 1) != 1 &&
         kg_people_phrase(x->v, KG_CUE_BYLINE, t, i - 1) != 1 &&
         kg_people_phrase(x->v, KG_CUE_JOB_TITLE, t, i - 1) != 1;
}

/* Is the name t[i, i+n) a known organisation or initiative? */
static int
registry_name(const struct kg_report *x, const struct kg_ptoks *t, size_t i,
              size_t n)
{
  struct kg_buf key = KG_BUF_INIT;
  size_t a = t->v[i].start, z = t->v[i + n - 1].end;
  int yes;

  kg_text_key(t->text + a, z - a, &key);
  yes = x->reg && kg_registry_lookup(x->reg, key.s, -1) != NULL;
  kg_buf_release(&key);
  return yes;
}

/* "Par Prénom Nom" heading a short line (after a stray comma that a
 * page's date or section left: ", par F. Morvan"): the token where the
 * name starts (past the byline phrase and its colon), or 0. */
static size_t
byline(const struct kg_report *x, const struct kg_ptoks *t)
{
  size_t s = 0, m;

  while(s < t->n && t->v[s].kind == KG_PTOK_COMMA)
    s++;
  m = kg_people_phrase(x->v, KG_CUE_BYLINE, t, s);
  if(!m || t->n > 16)
    return 0;
  m += s;
  if(m < t->n && t->v[m].kind == KG_PTOK_PUNCT)
    m++;
  return kg_people_name(x->v, t, m, 0) ? m : 0;
}

/* Can the capitalised word w[0..len) start a name: a first name (or
 * hyphenated first names), or a civility? */
static int
name_word(const struct kg_report *x, const char *w, size_t len,
          struct kg_buf *fold)
{
  const char *h = memchr(w, '-', len);
  size_t p;

  if(kg_lexicon_classes(x->lex, w, len) & KG_LEX_FIRST_NAME)
    return 1;
  if(h && h > w && (kg_lexicon_classes(x->lex, w, (size_t)(h - w)) &
                    KG_LEX_FIRST_NAME))
    return 1;
  kg_lexicon_fold(w, len, fold);
  for(p = 0; p < x->v->ncues[KG_CUE_CIVILITY]; p++)
    if(!strcmp(fold->s, x->v->cues[KG_CUE_CIVILITY][p].key))
      return 1;
  return 0;
}

/* Two letters or more, all upper case (ASCII letters and UTF-8). */
static int
all_caps(const char *w, size_t len)
{
  size_t i = 0, n = 0;
  int cp;

  while(i < len) {
    i += (size_t)kg_text_utf8_decode(w + i, len - i, &cp);
    if(!utf8proc_isupper(cp))
      return 0;
    n++;
  }
  return n >= 2;
}

/* Is the one word s[0..len) a job title of cue job-title ("maire")? */
static int
title_word(struct kg_report *x, const char *s, size_t len, struct kg_buf *fold)
{
  const struct kg_names_lex *lx = kg_report_names(x);
  char word[24];
  size_t k;

  if(len < 3 || len >= sizeof word)
    return 0;
  for(k = 0; k < len && s[k] >= 'a' && s[k] <= 'z'; k++)
    word[k] = s[k];
  word[k] = '\0';
  if(k < len) {   /* not plain ASCII letters: fold it ("préfète") */
    kg_buf_reset(fold);
    kg_text_key(s, len, fold);
    if(!fold->len || fold->len >= sizeof word)
      return 0;
    memcpy(word, fold->s, fold->len + 1);
  }
  return (kg_hash_value(&lx->roles, word) >> KG_CUE_JOB_TITLE) & 1;
}

/* Does the line text[0..len) hold a word that can start a name?  A cheap
 * look before the line is read word by word. */
static int
line_may_name(struct kg_report *x, const char *text, size_t len)
{
  struct kg_buf fold = KG_BUF_INIT;
  size_t i = 0, j;
  int yes = 0;

  int prev = 0;   /* the word before was capitalised */
  int unknown = 0;   /* … and unknown to the lexicon (or a proper noun) */
  int titled = -1;   /* lower-case words since a job title, or -1 */
  size_t pa = 0, pz = 0;   /* the word before */

  while(i < len && !yes) {
    int cp = 0, cap, comma = 0;

    while(i < len && strchr(" ,;:.()'\"!?*", text[i]))
      comma |= text[i++] == ',';
    for(j = i; j < len && !strchr(" ,;:.()'\"!?*", text[j]); j++)
      ;
    if(j > i) {
      unsigned cls;

      kg_text_utf8_decode(text + i, j - i, &cp);
      cap = utf8proc_isupper(cp);
      cls = cap ? kg_lexicon_classes(x->lex, text + i, j - i) : 0;
      /* a first name or a civility; "D. Chafaï"; "Laroussi OUESLATI";
       * a word the lexicon does not know after a job title in lower case
       * ("le maire Marib …") */
      yes = cap && (name_word(x, text + i, j - i, &fold) ||
                    (j == i + 1 && j < len && text[j] == '.') ||
                    (prev && all_caps(text + i, j - i)) ||
                    (!prev && pz > pa && !(cls & ~KG_LEX_PROPER) &&
                     (titled >= 0 ||
                      title_word(x, text + pa, pz - pa, &fold))));
      /* "Lysiane Bonicel, chargée de mission": an unknown capitalised
       * word, a comma, a job title in lower case */
      yes = yes || (!cap && comma && unknown &&
                    title_word(x, text + i, j - i, &fold));
      unknown = cap && !(cls & ~KG_LEX_PROPER);
      /* "la porte-parole du gouvernement Sibeth Ndiaye" */
      titled = cap ? -1 : title_word(x, text + i, j - i, &fold) ? 0 :
               titled >= 0 && titled < TITLE_COMPLEMENT ? titled + 1 : -1;
      prev = cap;
      pa = i;
      pz = j;
    }
    i = j;
  }
  kg_buf_release(&fold);
  return yes;
}

/* Does block @b (may be out of range) open with a publication date
 * ("Publié le 31/10/2022": cue published)? */
static int
published_line(const struct kg_report *x, size_t b)
{
  struct kg_ptoks t;
  int yes;

  if(b >= x->doc.nblocks || x->doc.blocks[b].kind != KG_BLK_PARA)
    return 0;
  kg_people_tokenize(NULL, x->doc.blocks[b].text,
                     x->doc.blocks[b].len < 80 ? x->doc.blocks[b].len : 80,
                     &t);
  yes = kg_people_phrase(x->v, KG_CUE_PUBLISHED, &t, 0) > 0;
  kg_people_toks_release(&t);
  return yes;
}

/* Can block @b be a signature: a one-line paragraph, the report's last
 * one ("Michèle GLINATSIS" under an article), or among its first three
 * paragraphs next to a publication date ("Laurine Brun" / "Publié le
 * 31/10/2022")? */
static int
signature_block(const struct kg_report *x, size_t b)
{
  const struct kg_doc *d = &x->doc;
  size_t k, before = 0;

  if(d->blocks[b].kind != KG_BLK_PARA || memchr(d->blocks[b].text, '\n',
                                                d->blocks[b].len))
    return 0;
  for(k = 0; k < b; k++)
    before += d->blocks[k].kind == KG_BLK_PARA;
  for(k = b + 1; k < d->nblocks && d->blocks[k].kind != KG_BLK_PARA &&
      d->blocks[k].kind != KG_BLK_ITEM; k++)
    ;
  /* over the article, a name alone may as well be a photo credit or the
   * speaker of what follows: a byline there has its date beside it */
  return (before < 3 && (published_line(x, b - 1) ||
                         published_line(x, b + 1))) ||
         k == d->nblocks;
}

/* A first name alone at token @i: known as one, and no capitalised word
 * after it ("Stéphanie & Manon", "(David - Alban)"). */
static int
lone_first_name(const struct kg_ptoks *t, size_t i)
{
  return t->v[i].kind == KG_PTOK_WORD && t->v[i].cap && !t->v[i].upper &&
         (t->v[i].lex & KG_LEX_FIRST_NAME) &&
         !(i + 1 < t->n && t->v[i + 1].kind == KG_PTOK_WORD &&
           t->v[i + 1].cap);
}

/* "Virginie, formatrice à Delta7, explique": a first name alone, a comma
 * and a job title in lower case: a person the text names by first name
 * only.  1, or 0. */
static size_t
first_name_titled(const struct kg_report *x, const struct kg_ptoks *t,
                  size_t i)
{
  return lone_first_name(t, i) && i + 2 < t->n &&
         (i == 0 || !is_word(t, i - 1) || !t->v[i - 1].cap) &&
         t->v[i + 1].kind == KG_PTOK_COMMA && is_word(t, i + 2) &&
         !t->v[i + 2].cap &&
         kg_people_phrase(x->v, KG_CUE_JOB_TITLE, t, i + 2) ? 1 : 0;
}

/* Is token @i inside brackets of the title of section @sec ("Bilan des
 * rencontres de Lille (David - Alban)")? */
static int
in_title_brackets(const struct kg_report *x, size_t sec,
                  const struct kg_block *bl, const struct kg_ptoks *t,
                  size_t i)
{
  size_t k;

  if(sec >= x->nsecs || bl != &x->doc.blocks[x->secs[sec].block])
    return 0;
  for(k = i; k-- > 0;)
    if(t->v[k].kind == KG_PTOK_CLOSE)
      return 0;
    else if(t->v[k].kind == KG_PTOK_OPEN)
      return 1;
  return 0;
}

/* Is the name at token @i the only one of its sentence [s0, e),
 * and does the next sentence open with a pronoun (cue speaker-pronoun)
 * and hold a speaking verb before any other name ("… Joël M., élu au
 * Grand Dijon, qui accueillait le groupe.  Il a participé à la journée et
 * a présenté le réseau")? */
static int
pronoun_speaker(const struct kg_report *x, const struct kg_ptoks *t,
                size_t s0, size_t i, size_t e)
{
  size_t k, m;

  /* the pronoun first: it is rare, the names of the sentence are not */
  if(e + 1 >= t->n ||
     !(m = kg_people_phrase(x->v, KG_CUE_SPEAKER_PRONOUN, t, e + 1)))
    return 0;
  for(k = s0; k < e; k++)
    if(k != i && kg_people_name(x->v, t, k, 1))
      return 0;
  for(k = e + 1 + m; k < t->n && k < e + 1 + AFTER_SCAN &&
      !sentence_end(t, k); k++) {
    if(kg_people_name(x->v, t, k, 1))
      return 0;
    if(kg_people_phrase(x->v, KG_CUE_SPEAKER_AFTER, t, k))
      return 1;
  }
  return 0;
}

/* Tokens of the person's name at token @i of a prose line: one the
 * lexicon reads (@strict: in a heading's Title Case), or one it lacks
 * where the text shows that a person stands there (after a speaker
 * phrase, in an enumeration of people, alone with a job title, or in a
 * paragraph shaped as its neighbours, @alike); 0 if none. */
static size_t
name_at(const struct kg_report *x, const struct kg_ptoks *t,
        const unsigned char *scope, size_t i, int strict, int alike)
{
  size_t n = kg_people_name(x->v, t, i, strict);

  if(!n && scope_entry(x, t, scope, i) &&
     !(n = kg_people_unknown_pair(t, i)))
    n = unknown_run(t, i);
  if(!n && i == 0 && alike)
    n = 2;   /* "Gabriele Kubler, organisation" (para_alike) */
  if(!n && lone_first_name(t, i) && notes_credit(x, t, i))
    n = 1;   /* "les prises de notes de Louise": named by first name */
  if(!n && !(n = bracketed_between(x, t, i)) &&
     !(n = enumerated_between(x, t, i)) && !(n = entry_between(x, t, i)))
    n = first_name_titled(x, t, i);
  return n;
}

/* One line text[ls, le) of block @bl, in section @sec; @sig: the line
 * may be a signature (signature_block()). */
static void
prose_line(struct kg_report *x, size_t sec, const struct kg_block *bl,
           size_t ls, size_t le, int sig, int alike)
{
  struct kg_ptoks t;
  unsigned char *scope;
  size_t i = 0, n, s0 = 0, e, by;
  /* in a heading's Title Case, "Rose Blanche" needs a first name that is
   * nothing else; in sentences a capitalised word after one is a name */
  int strict = bl->kind == KG_BLK_HEADING;

  if(!alike && !line_may_name(x, bl->text + ls, le - ls))
    return;
  kg_people_tokenize(x->lex, bl->text + ls, le - ls, &t);
  scope = kg_xcalloc(t.n + 1, 1);
  speaker_scopes(x, &t, scope);
  by = byline(x, &t);
  /* a line that is only a name, where a signature stands */
  sig = sig && kg_people_name(x->v, &t, 0, 0) == t.n;
  while(i < t.n) {
    struct kg_roles_use use = { KG_CUE_PARTICIPANTS, "prose", CONF_MENTION, 1, 0, 0 };

    if(sentence_end(&t, i))
      s0 = i + 1;
    n = name_at(x, &t, scope, i, strict && !scope[i] && i != by, alike);
    if(!n && lone_first_name(&t, i) &&
       (scope[i] || in_title_brackets(x, sec, bl, &t, i)))
      kg_roles_first_name(x, sec, bl, ls + t.v[i].start, ls + t.v[i].end,
                          s0 < t.n ? ls + t.v[s0].start : ls, le);
    if(!n || inside_longer_name(x, &t, i) || registry_name(x, &t, i, n)) {
      i += n ? n : 1;
      continue;
    }
    for(e = i + n; e < t.n && !sentence_end(&t, e); e++)
      ;
    if((by && i == by) || (sig && i == 0)) {
      use.role = KG_CUE_NOTETAKER;
      use.prefix = sig ? "signature" : "byline";
      use.confidence = CONF_BYLINE;
    } else if(notes_credit(x, &t, i) && !speaker_after(x, &t, i + n)) {
      /* "Synthèse rédigée par X": the "par" of a credit, not of a talk */
      use.role = KG_CUE_NOTETAKER;
      use.prefix = "credit";
      use.confidence = CONF_BYLINE;
    } else if(scope[i] || speaker_after(x, &t, i + n) ||
              speaker_turn(&t, i, n) || title_speaker(x, sec, bl, &t, i) ||
              pronoun_speaker(x, &t, s0, i, e)) {
      use.role = KG_CUE_FACILITATOR;
      use.confidence = CONF_SPEAKER;
    }
    group_before(x, &t, i, bl->kind == KG_BLK_ITEM, &use);
    if(use.group_to > use.group_from) {
      use.group_from += ls;
      use.group_to += ls;
    }
    kg_roles_people(x, sec, &use, bl, ls + t.v[i].start,
                   e < t.n ? ls + t.v[e].start : le,
                   s0 < t.n ? ls + t.v[s0].start : ls);
    i += n;
  }
  free(scope);
  kg_people_toks_release(&t);
}

/* Is block @b a paragraph of one line that opens with a name the lexicon
 * reads (@unknown 0) or with two words it does not know (@unknown 1,
 * kg_people_unknown_pair), then a comma? */
static int
para_entry(const struct kg_report *x, size_t b, int unknown)
{
  const struct kg_block *bl = &x->doc.blocks[b];
  struct kg_ptoks t;
  size_t at, n;
  int after = -1, yes;

  if(bl->kind != KG_BLK_PARA || memchr(bl->text, '\n', bl->len))
    return 0;
  kg_people_tokenize(x->lex, bl->text, entry_head(bl->text, bl->len), &t);
  if(unknown)
    yes = unknown_entry(&t, &at, &after) && at == 0 &&
          after == KG_PTOK_COMMA;
  else
    yes = (n = kg_people_name(x->v, &t, 0, 0)) > 0 && n < t.n &&
          t.v[n].kind == KG_PTOK_COMMA;
  kg_people_toks_release(&t);
  return yes;
}

/* "Janine Cessou, gestion des écoles" / "Gabriele Kubler, organisation" /
 * "Claude Carnot, communication": paragraphs of one line that each give a
 * person and a field, the unknown pair of block @b between two of them
 * that the lexicon reads. */
static int
para_alike(const struct kg_report *x, size_t b)
{
  return b > 0 && b + 1 < x->doc.nblocks && para_entry(x, b, 1) &&
         para_entry(x, b - 1, 0) && para_entry(x, b + 1, 0);
}

/* Lines of block @b that start with no cue (cues.c read those) and are
 * in no speaker list (@taken). */
static void
prose_block(struct kg_report *x, size_t b, const struct lines *taken)
{
  const struct kg_block *bl = &x->doc.blocks[b];
  size_t ls = 0, sec = block_section(x, b);
  int cues = x->cueblocks && (x->cueblocks[b] & KG_CUE_LINE);

  while(ls < bl->len) {
    const char *nl = memchr(bl->text + ls, '\n', bl->len - ls);
    size_t le = nl ? (size_t)(nl - bl->text) : bl->len;
    int role;
    size_t n = cues ? kg_roles_cue_line(x->v, bl->text + ls, le - ls, &role)
                    : 0, s;

    if(!n && !is_taken(taken, b, ls))
      prose_line(x, sec, bl, ls, le, signature_block(x, b),
                 ls == 0 && para_alike(x, b));
    else if((s = kg_roles_sentence_end(bl->text, ls + n, le)) < le)
      prose_line(x, sec, bl, s + 2, le, 0, 0);   /* the sentences after a
                                                 cue or a list entry */
    ls = le + 1;
  }
}

void
kg_persons_find(struct kg_report *x)
{
  size_t nb = x->doc.nblocks, b, k, e;
  unsigned char *done = kg_xcalloc(nb + 1, 1);
  struct lines taken = { NULL, 0, 0 };

  if(!x->lex)
    goto out;
  for(b = 0; b < nb; b++) {
    enum kg_block_kind kind = x->doc.blocks[b].kind;

    /* table cells are tables.c's; code is no text */
    if(kind == KG_BLK_CELL || kind == KG_BLK_CODE)
      done[b] = 1;
    else if(x->cueblocks && (x->cueblocks[b] & KG_CUE_BARE))
      /* "Intervenants :" then one person per item: cues.c */
      for(k = b + 1, e = kg_roles_bare_end(x, b, nb); k < e; k++)
        done[k] = 1;
  }
  find_lists(x, done, &taken, is_minutes(x));
  for(b = 0; b < nb; b++)
    if(!done[b])
      prose_block(x, b, &taken);
out:
  free(done);
  free(taken.v);
}
