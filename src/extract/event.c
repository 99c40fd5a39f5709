/* event.c - the event of a report: name, date, edition, venue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "ref/ref.h"
#include "base/diag.h"
#include "extract/dates.h"
#include "extract/doc.h"
#include "extract/evidence.h"
#include "extract/extract.h"
#include "extract/report.h"
#include "ref/gaz.h"
#include "base/input.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/places.h"
#include "extract/programme.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "base/hash.h"
#include "extract/sections.h"
#include "ref/territory.h"
#include "base/text.h"
#include "ref/vocab.h"

#include "extract/event.h"

#define LETTER_PLACE_MAX 60   /* bytes of a letter dateline before its date */
#define DAY_LINE_MAX 80    /* bytes of a programme's day line, "11 mai (Bastia)" */

static int
word_at(const char *s, size_t len, size_t i, size_t *ws, size_t *we)
{
  while(i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' ||
                    s[i] == '(' || s[i] == ')'))
    i++;
  if(i >= len)
    return 0;
  *ws = i;
  while(i < len && s[i] != ' ' && s[i] != ',' && s[i] != '\n' &&
        s[i] != '(' && s[i] != ')' && s[i] != '.')
    i++;
  *we = i;
  return *we > *ws;
}

/* "La troisième édition": edition number, span. */
static int
find_edition(const struct kg_vocab *v, const struct kg_block *b, size_t *a,
             size_t *z)
{
  size_t i = 0, ws, we;

  while(word_at(b->text, b->len, i, &ws, &we)) {
    size_t es, ee;
    int k;

    i = we;
    for(k = 0; k < KG_VOCAB_ORDINALS; k++)
      if(kg_vocab_phrase_is(v->ordinals[k], v->nordinals[k], b->text + ws,
                            we - ws))
        break;
    if(k == KG_VOCAB_ORDINALS || !word_at(b->text, b->len, we, &es, &ee))
      continue;
    if(kg_vocab_phrase_is(v->cues[KG_CUE_EDITION], v->ncues[KG_CUE_EDITION],
                          b->text + es, ee - es)) {
      *a = ws;
      *z = ee;
      return k + 1;
    }
  }
  return 0;
}

/* Venue: "au Centre de Conférence d'Orléans" before the commune mention
 * [ms, me) of block text @t.  Returns the plain start of the venue name. */
static size_t
venue_start(const struct kg_vocab *v, const char *t, size_t ms)
{
  size_t i = ms, best = ms;

  /* walk back word by word, not past a sentence or clause end */
  while(i > 0) {
    size_t j = i;
    size_t p;

    while(j > 0 && t[j - 1] == ' ')
      j--;
    if(j == 0 || t[j - 1] == ',' || t[j - 1] == '.' || t[j - 1] == '\n' ||
       t[j - 1] == ':')
      break;
    i = j;
    while(i > 0 && t[i - 1] != ' ' && t[i - 1] != ',' && t[i - 1] != '.' &&
          t[i - 1] != '\n')
      i--;
    /* is the word(s) at i..j a venue cue, directly or with the next word? */
    for(p = 0; p < v->ncues[KG_CUE_VENUE]; p++) {
      size_t n = kg_text_key_prefix(t + i, ms - i, v->cues[KG_CUE_VENUE][p].key);

      if(n && (i == 0 || t[i - 1] == ' ' || t[i - 1] == ',')) {
        size_t e = i + n;

        while(t[e] == ' ')
          e++;
        if(e <= ms)
          best = e;
        return best;
      }
    }
  }
  return ms;
}

/* ------------------------------------------------------------ dates */

/* Does a cue of @role (a venue's "à", "au", "dans les locaux de"; a
 * publication's "Publié le") end right before t[ms]? */
static int
cue_before(const struct kg_vocab *v, enum kg_cue_role role, const char *t,
           size_t ms)
{
  size_t end = ms, ws, k, p;

  /* "Mise à jour : 18 octobre", "de l’Ain": the key of a cue has no
   * colon, nor the apostrophe of an elision */
  for(;;) {
    if(end > 0 && (t[end - 1] == ' ' || t[end - 1] == ':' ||
                   t[end - 1] == '\''))
      end--;
    else if(end >= 3 && !memcmp(t + end - 3, "\xe2\x80\x99", 3))
      end -= 3;
    else
      break;
  }
  ws = end;
  for(k = 0; k < 4 && ws > 0; k++) {
    size_t w0;

    while(ws > 0 && t[ws - 1] == ' ')
      ws--;
    w0 = ws;
    while(ws > 0 && t[ws - 1] != ' ' && t[ws - 1] != ',' && t[ws - 1] != '\n')
      ws--;
    if(ws == w0)
      break;  /* a clause ends here: "Rennes, vendredi 14 mars" */
    for(p = 0; p < v->ncues[role]; p++)
      if(kg_text_key_prefix(t + ws, end - ws, v->cues[role][p].key) ==
         end - ws)
        return 1;
  }
  return 0;
}

/* A date the event may have: where it was read, in order of trust. */
struct when {
  struct kg_date d;
  size_t a, z;            /* source span */
  const char *rule;
  int published;          /* the date the page was published */
  int alone;              /* the whole of its block ("27 juin 2012") */
  const char *text;       /* its block's text (NULL: front matter, title) */
  size_t ls, le;          /* its span in @text */
};

struct whens {
  struct when *v;
  size_t n, cap;
};

/* Does the text open with a letter's dateline before @ds: a capitalised
 * place of a few words, a comma, "le" ("Toulouse, le 17 avril 2008")? */
static int
letter_date(const char *s, size_t ds)
{
  size_t i, words = 1;

  if(ds < 6 || ds > LETTER_PLACE_MAX || !(s[0] >= 'A' && s[0] <= 'Z') ||
     memcmp(s + ds - 5, ", le ", 5))
    return 0;
  for(i = 0; i < ds - 5; i++) {
    if(s[i] == ' ') {
      size_t k = i + 1;

      words++;
      while(k < ds - 5 && s[k] != ' ')
        k++;
      /* every word a capital's, but short joining words ("Aix en
       * Provence"): not "Elle a adopté, le 25 avril" */
      if(!kg_text_upper_at(s + i + 1, k - i - 1) && k - i - 1 > 3)
        return 0;
    }
    if((s[i] >= '0' && s[i] <= '9') || strchr(".,;:!?\n", s[i]))
      return 0;
  }
  return words <= 4;
}

static void
whens_add(struct whens *w, const char *s, size_t len, size_t src,
          const struct kg_block *bl, const struct kg_vocab *v,
          const char *rule)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t i;

  kg_dates_find(v, s, len, &ds);
  for(i = 0; i < ds.n; i++) {
    struct when *o;

    KG_GROW(w->v, w->cap, w->n + 1);
    o = &w->v[w->n++];
    o->d = ds.v[i];
    /* "Publié le 15 avril 2024": a year for the others, no event's date;
     * "Toulouse, le 17 avril 2008" opening a letter is its writing's */
    o->published = cue_before(v, KG_CUE_PUBLISHED, s, ds.v[i].start) ||
                   letter_date(s, ds.v[i].start);
    /* "27 juin 2012" or "Le 03/10/2022", alone in its block */
    o->alone = bl && (ds.v[i].start == 0 ||
                      (ds.v[i].start == 3 && !strncasecmp(s, "le ", 3))) &&
               strspn(s + ds.v[i].end, " \t\n") == len - ds.v[i].end;
    o->a = bl ? kg_report_src(bl, ds.v[i].start) : src + ds.v[i].start;
    o->z = bl ? kg_report_src_end(bl, ds.v[i].end) : src + ds.v[i].end;
    o->rule = rule;
    o->text = bl ? s : NULL;
    o->ls = ds.v[i].start;
    o->le = ds.v[i].end;
  }
  kg_dates_release(&ds);
}

/* The months of block @bl named without their day (kg_dates_months()),
 * with their source spans. */
static void
months_add(struct whens *w, const struct kg_block *bl,
           const struct kg_vocab *v)
{
  struct kg_dates ds = { NULL, 0, 0 };
  size_t i;

  kg_dates_months(v, bl->text, bl->len, &ds);
  for(i = 0; i < ds.n; i++) {
    struct when *o;

    KG_GROW(w->v, w->cap, w->n + 1);
    o = &w->v[w->n++];
    memset(o, 0, sizeof(*o));
    o->d = ds.v[i];
    o->a = kg_report_src(bl, ds.v[i].start);
    o->z = kg_report_src_end(bl, ds.v[i].end);
  }
  kg_dates_release(&ds);
}

static void
date_fact(struct kg_report *x, const struct when *w, int end, int inferred)
{
  char iso[11];
  librdf_node *dn;

  if(!kg_dates_iso(&w->d, end, iso))
    return;
  dn = kg_rdf_typed(x->e.world, iso, KG_NS_XSD "date");
  kg_evidence_fact(&x->e, x->event, KG_NS_SCHEMA, end ? "endDate" : "startDate",
                   dn, w->rule, w->a, w->z, inferred);
  librdf_free_node(dn);
}

/* "vendredi dernier": the last such day before the full date written
 * before it, the text's own date (a dateline), which is then no event's. */
static void
relative_dates(struct whens *w)
{
  size_t i, k;

  for(i = 0; i < w->n; i++) {
    if(!w->v[i].d.last)
      continue;
    for(k = i; k-- > 0;)
      if(w->v[k].d.y && !w->v[k].d.last)
        break;
    if(k < i && kg_dates_before(&w->v[i].d, &w->v[k].d))
      w->v[k].published = 1;
  }
}

/* Is @e, a date with its year, before @p and in its year or the twelve
 * months before? */
static int
dated_before(const struct kg_date *e, const struct kg_date *p)
{
  return e->y && e->m &&
         e->y * 10000 + e->m * 100 + e->d < p->y * 10000 + p->m * 100 + p->d &&
         (e->y == p->y || (e->y + 1 == p->y && e->m > p->m));
}

/* Is @e, a date without a year, in the six months before @p (not the same
 * day)? */
static int
yearless_before(const struct kg_date *e, const struct kg_date *p)
{
  int months = (p->m - e->m + 12) % 12;

  if(e->y || !e->m || !e->d || !p->m)
    return 0;
  return months < 6 && (months > 0 || e->d < p->d);
}

/* Is @e, a month named without its day ("en septembre"), in the six
 * months before the date @p (not its own month)? */
static int
month_before(const struct kg_date *e, const struct kg_date *p)
{
  int months = (p->m - e->m + 12) % 12;

  if(!e->m || months == 0 || months >= 6)
    return 0;
  return !e->y || e->y == (e->m < p->m ? p->y : p->y - 1);
}

/* Is a month of @mo[0..n), written after the source offset @after, in
 * the six months before @p? */
static int
month_before_any(const struct when *mo, size_t n, size_t after,
                 const struct kg_date *p)
{
  size_t k;

  for(k = 0; k < n; k++)
    if(mo[k].a > after && month_before(&mo[k].d, p))
      return 1;
  return 0;
}

/* A date alone on its line, then a date before it in time, written after
 * it in the text, with its year ("27 juin 2012" … "Le jeudi 21 et le
 * vendredi 22 juin 2012 ont eu lieu") or without ("Le 03/10/2022" … "du
 * 27 au 29 septembre dernier"), or only its month ("25 octobre 2011" …
 * "qui se sont tenues à Ajaccio en septembre", in @mo): the line is the
 * page's own date. */
static void
lone_datelines(struct whens *w, const struct whens *mo)
{
  size_t i, k;

  for(i = 0; i < w->n; i++) {
    const struct kg_date *p = &w->v[i].d;

    if(!w->v[i].alone || w->v[i].published || !p->y)
      continue;
    if(month_before_any(mo->v, mo->n, w->v[i].z, p)) {
      w->v[i].published = 1;
      continue;
    }
    for(k = i + 1; k < w->n; k++) {
      const struct kg_date *e = &w->v[k].d;

      if(!w->v[k].published &&
         (dated_before(e, p) || yearless_before(e, p))) {
        w->v[i].published = 1;
        break;
      }
    }
  }
}

/* The year of a date @d written without one, from the page's own date
 * ("Édition du vendredi 27 avril 2001" … "le 25 avril": 2001; "le 3
 * décembre" in a page of 10 janvier 2020: 2019), or 0 when the page has
 * none. */
static int
published_year(const struct whens *w, const struct kg_date *d)
{
  size_t i;

  for(i = 0; i < w->n; i++) {
    const struct kg_date *p = &w->v[i].d;

    if(w->v[i].published && p->y && p->m && d->m)
      return d->m > p->m || (d->m == p->m && d->d > p->d) ? p->y - 1 : p->y;
  }
  return 0;
}

/* At most this many distinct years named in a report are weighed for a
 * date written without its year. */
#define MAX_YEARS 32

/* Does the day @m/@day fall within @d (a day or a range, no year)? */
static int
within(const struct kg_date *d, int m, int day)
{
  int a = d->m * 100 + d->d, z = d->d2 ? (d->m2 ? d->m2 : d->m) * 100 + d->d2
                                        : a;

  return d->m && m * 100 + day >= a && m * 100 + day <= z;
}

/* The year of @d, written with neither year nor weekday, that another date
 * of the same day gets from its weekday ("les 5 et 6 octobre" … "le
 * vendredi 5 octobre" in a text naming 2007: 2007), or 0. */
static int
sibling_year(const struct whens *w, const struct kg_date *d, const int *years,
             size_t nyears)
{
  size_t i;
  int y;

  if(d->y || d->weekday)
    return 0;
  for(i = 0; i < w->n; i++) {
    const struct kg_date *o = &w->v[i].d;

    if(o == d || !o->weekday || o->y || w->v[i].published ||
       !within(d, o->m, o->d))
      continue;
    if((y = kg_dates_year_among(o, years, nyears)) != 0)
      return y;
  }
  return 0;
}

/* The year of a date @d written without one when the report's dates agree
 * on none: the page's own date's (published_year()), else the one year
 * among those the text names that fits it (kg_dates_year_among()). */
static int
yearless(const struct whens *w, const struct kg_date *d, const int *years,
         size_t nyears)
{
  int y = published_year(w, d);

  if(!y)
    y = kg_dates_year_among(d, years, nyears);
  return y ? y : sibling_year(w, d, years, nyears);
}

/* Does t[a..z) hold a pronoun that stands for another meeting of the
 * same kind ("…, celle sur le territoire d'Est Ensemble le 6 décembre")
 * and no sentence's end? */
static int
pronoun_between(const struct kg_vocab *v, const char *t, size_t a, size_t z)
{
  size_t i, p;

  if(memchr(t + a, '.', z - a))
    return 0;
  for(i = a; i < z; i++) {
    if(i > a && t[i - 1] != ' ')
      continue;
    for(p = 0; p < v->ncues[KG_CUE_SESSION_PRONOUN]; p++)
      if(kg_text_key_prefix(t + i, z - i,
                            v->cues[KG_CUE_SESSION_PRONOUN][p].key))
        return 1;
  }
  return 0;
}

/* The last of the meetings a sentence lists after the event's first day,
 * each after a pronoun and each later ("La réunion … s'est tenue le 17
 * novembre 2016, celle … le 22 novembre, … et celle … le 8 décembre"):
 * the event's last day; NULL if none. */
static struct when *
series_last(const struct kg_vocab *v, struct whens *w, size_t i)
{
  struct when *prev = &w->v[i], *last = NULL;
  size_t k;

  if(!prev->text || prev->d.d2 || !prev->d.y)
    return NULL;
  for(k = i + 1; k < w->n && w->v[k].text == prev->text; k++) {
    struct when *o = &w->v[k];

    if(o->d.d2 || o->d.weekday || (o->d.y && o->d.y != prev->d.y) ||
       !pronoun_between(v, o->text, prev->le, o->ls) ||
       o->d.m * 100 + o->d.d <= prev->d.m * 100 + prev->d.d)
      break;
    o->d.y = prev->d.y;
    last = prev = o;
  }
  if(last) {   /* its day is the series' last: its end, for kg_dates_iso() */
    last->d.y2 = last->d.y;
    last->d.m2 = last->d.m;
    last->d.d2 = last->d.d;
    last->rule = "text:date-series";
  }
  return last;
}

/* The event's dates: front matter, else the title, else the text before
 * the first session, else (nothing else) a date of a session.  A date
 * without a year takes the one year the report's other dates agree on,
 * else yearless()'s. */
static void
event_dates(struct kg_report *x, const struct kg_meta *md, long title_block,
            const struct kg_meta *mt, size_t first_sec)
{
  const struct kg_doc *d = &x->doc;
  struct whens w = { NULL, 0, 0 }, mo = { NULL, 0, 0 };
  struct when *last;
  struct kg_dates all = { NULL, 0, 0 };
  size_t b, i, nyears = 0;
  int year, title_year = 0, years[MAX_YEARS];

  if(md)
    whens_add(&w, md->value, strlen(md->value), md->src, NULL, x->v,
              "front-matter:date");
  if(mt) {
    whens_add(&w, mt->value, strlen(mt->value), mt->src, NULL, x->v,
              "title:date");
    title_year = kg_dates_lone_year(mt->value, strlen(mt->value));
  } else if(title_block >= 0) {
    const struct kg_block *tb = &d->blocks[title_block];

    whens_add(&w, tb->text, tb->len, 0, tb, x->v, "title:date");
    title_year = kg_dates_lone_year(tb->text, tb->len);
  }
  for(b = 0; b < d->nblocks; b++)
    if((long)b != title_block) {
      whens_add(&w, d->blocks[b].text, d->blocks[b].len, 0, &d->blocks[b],
                x->v, b < first_sec ? "text:date" : "session:date");
      months_add(&mo, &d->blocks[b], x->v);
    }
  for(i = 0; i < w.n; i++) {
    KG_GROW(all.v, all.cap, all.n + 1);
    all.v[all.n++] = w.v[i].d;
  }
  year = kg_dates_one_year(&all, title_year);
  if(mt)
    kg_dates_add_years(mt->value, strlen(mt->value), years, &nyears, MAX_YEARS);
  for(b = 0; b < d->nblocks; b++)
    kg_dates_add_years(d->blocks[b].text, d->blocks[b].len, years, &nyears,
                       MAX_YEARS);
  relative_dates(&w);
  lone_datelines(&w, &mo);
  for(i = 0; i < w.n; i++) {
    struct when *o = &w.v[i];
    int written = o->d.y != 0 && !o->d.last;

    if(o->published ||
       !kg_dates_year(&o->d, year ? year : yearless(&w, &o->d, years, nyears)))
      continue;
    date_fact(x, o, 0, !written);
    if(o->d.d2)
      date_fact(x, o, 1, !written);
    else if((last = series_last(x->v, &w, i)) != NULL)
      date_fact(x, last, 1, 1);
    break;
  }
  kg_dates_release(&all);
  free(w.v);
  free(mo.v);
}

/* ------------------------------------------------------------ venue */

/* Is @t the only commune its name can mean?  Homonyms ("Montgaillard")
 * need the report's région or a population ten times the others'. */
static int
unambiguous(const struct kg_report *x, const struct kg_terr *t, const char *s,
            size_t len)
{
  const struct kg_terr *c[32];
  struct kg_buf key = KG_BUF_INIT;
  size_t n, i;
  int ok = 1;

  kg_text_key(s, len, &key);
  n = kg_gaz_lookup(x->gaz, key.s, c, 32);
  kg_buf_release(&key);
  for(i = 0; i < n && ok; i++)
    if(c[i] != t && c[i]->kind == KG_TERR_COMMUNE &&
       !(x->region && t->region && !strcmp(x->region, t->region)) &&
       c[i]->population * 10 > t->population)
      ok = 0;
  return ok;
}

/* The one commune named @s (@len bytes) that lies in one of the @nt
 * départements or régions @ts, or NULL (none, or several). */
static const struct kg_terr *
homonym_within(const struct kg_report *x, const char *s, size_t len,
               const struct kg_terr *const *ts, size_t nt)
{
  const struct kg_terr *c[32], *found = NULL;
  struct kg_buf key = KG_BUF_INIT;
  size_t n, i, k;

  kg_text_key(s, len, &key);
  n = kg_gaz_lookup(x->gaz, key.s, c, 32);
  kg_buf_release(&key);
  for(i = 0; i < n && i < 32; i++)
    for(k = 0; k < nt; k++) {
      const char *in = ts[k]->kind == KG_TERR_REGION ? c[i]->region
                       : ts[k]->kind == KG_TERR_DEPARTEMENT ? c[i]->departement
                       : NULL;

      if(c[i]->kind != KG_TERR_COMMUNE || !in || strcmp(in, ts[k]->code))
        continue;
      if(found && found != c[i])
        return NULL;
      found = c[i];
    }
  return found;
}

/* The commune named @s that lies in a département the same text
 * names (@pl: "la rencontre … du Lot à Gourdon"), or NULL. */
static const struct kg_terr *
homonym_in_named_dep(const struct kg_report *x, const struct kg_places *pl,
                     const char *s, size_t len)
{
  const struct kg_terr *ts[32];
  size_t k, nt = 0;

  for(k = 0; k < pl->n && nt < 32; k++)
    if(pl->v[k].terr->kind == KG_TERR_DEPARTEMENT)
      ts[nt++] = pl->v[k].terr;
  return homonym_within(x, s, len, ts, nt);
}

/* The commune named @s that lies in a département or région the event
 * already has ("NEC Martinique" … "au Lamentin": Le Lamentin, not Lamentin
 * of Guadeloupe), or NULL (none, or several). */
static const struct kg_terr *
homonym_in_event_place(const struct kg_report *x, const char *s, size_t len)
{
  const struct kg_terr *ts[32];
  size_t k, nt = 0;

  for(k = 0; k < x->nspatial && nt < 32; k++)
    if(librdf_node_equals(x->spatial[k].s, x->event))
      ts[nt++] = x->spatial[k].t;
  return homonym_within(x, s, len, ts, nt);
}

/* Does block @bl open with a facilitator cue ("Avec les interventions
 * de …")?  The communes of a speaker list are the speakers'. */
static int
speaker_line(const struct kg_vocab *v, const struct kg_block *bl)
{
  size_t p;

  for(p = 0; p < v->ncues[KG_CUE_FACILITATOR]; p++)
    if(kg_text_key_prefix(bl->text, bl->len,
                          v->cues[KG_CUE_FACILITATOR][p].key))
      return 1;
  return 0;
}

/* A dateline's commune: it opens a short line ("Rennes, vendredi 14
 * mars") or closes it after a separator ("Marché des Douves – Bordeaux"),
 * not after "de" ("Bibliothèque Municipale de Tours."). */
static int
dateline_place(const char *t, size_t len, size_t ms, size_t after)
{
  size_t k = ms;

  if(len > 100)
    return 0;
  if(ms == 0)
    return 1;
  if(after < len)
    return 0;
  while(k > 0 && t[k - 1] == ' ')
    k--;
  return k > 0 && (t[k - 1] == ',' || t[k - 1] == '-' || t[k - 1] == '|' ||
                   (k >= 3 && (!memcmp(t + k - 3, "\xe2\x80\x93", 3) ||
                               !memcmp(t + k - 3, "\xe2\x80\x94", 3))));
}

/* "Lieu : …" opening @bl (a venue cue that ends with a colon): the plain
 * offset of its value, else 0. */
static size_t
venue_field(const struct kg_vocab *v, const struct kg_block *bl)
{
  size_t p, e, ls = 0;

  while(ls < bl->len) {
    const char *nl = memchr(bl->text + ls, '\n', bl->len - ls);
    size_t le = nl ? (size_t)(nl - bl->text) : bl->len;

    for(p = 0; p < v->ncues[KG_CUE_VENUE]; p++) {
      const struct kg_phrase *ph = &v->cues[KG_CUE_VENUE][p];
      size_t l = strlen(ph->text);

      if(!l || ph->text[l - 1] != ':' ||
         !(e = kg_text_key_prefix(bl->text + ls, le - ls, ph->key)))
        continue;
      for(e += ls; e < le && (bl->text[e] == ' ' || bl->text[e] == ':'); e++)
        ;
      if(e < le)
        return e;
    }
    ls = le + 1;
  }
  return 0;
}

/* The venue in paragraph @bl: a commune after a venue cue ("au Centre de
 * Conférence d'Orléans", "à Gap"), or the commune that opens or closes a
 * short line ("Rennes, vendredi 14 mars", "Marché des Douves – Bordeaux").
 * Not the commune of an organisation's name ("Bibliothèque de Tours"). */
static int
venue_in(struct kg_report *x, const struct kg_block *bl)
{
  struct kg_places pl = { NULL, 0, 0 };
  size_t i, from;
  int found = 0;

  if(speaker_line(x->v, bl))
    return 0;
  from = venue_field(x->v, bl);
  kg_places_find(x->gaz, x->v, x->reg, NULL, 0, bl->text, bl->len, &pl);
  for(i = 0; i < pl.n && !found; i++) {
    const struct kg_place *p = &pl.v[i];
    const struct kg_terr *t = p->terr;
    size_t vs, k;

    if(p->terr->kind != KG_TERR_COMMUNE)
      continue;
    vs = venue_start(x->v, bl->text, p->start);
    for(k = p->end; k < bl->len && strchr(" .,;)", bl->text[k]); k++)
      ;
    if(from && p->start >= from) {
      /* "Lieu : Maison des associations, Vendôme": the field's value */
      for(k = from; k < bl->len && bl->text[k] != '\n'; k++)
        ;
      kg_report_venue(x, p->terr, kg_report_src(bl, from),
                      kg_report_src_end(bl, k), kg_report_src(bl, p->start),
                      kg_report_src_end(bl, p->end), "field:lieu");
      found = 1;
      break;
    }
    if(vs == p->start && !cue_before(x->v, KG_CUE_VENUE, bl->text, p->start) &&
       !dateline_place(bl->text, bl->len, p->start, k))
      continue;
    if(p->start == 0 && p->end + 5 <= bl->len &&
       letter_date(bl->text, p->end + 5))
      continue;   /* "Toulouse, le 17 avril 2008": where a letter was written */
    if(!unambiguous(x, t, bl->text + p->start, p->end - p->start) &&
       !(t = homonym_in_named_dep(x, &pl, bl->text + p->start,
                                  p->end - p->start)) &&
       !(t = homonym_in_event_place(x, bl->text + p->start,
                                    p->end - p->start)))
      continue;
    kg_report_venue(x, t, kg_report_src(bl, vs),
                    kg_report_src_end(bl, p->end), kg_report_src(bl, p->start),
                    kg_report_src_end(bl, p->end), "text:venue");
    found = 1;
  }
  kg_places_release(&pl);
  return found;
}

/* ------------------------------------------------------------ event */

static void
event_name(struct kg_report *x, const struct kg_meta *mt, long title_block)
{
  struct kg_emit *e = &x->e;
  size_t ta = 0, tz = 0;

  if(mt) {
    ta = mt->src;
    tz = mt->src + strlen(mt->value);
    if(tz > e->len || memcmp(e->text + ta, mt->value, tz - ta))
      tz = ta;
  } else if(title_block >= 0) {
    const struct kg_block *tb = &x->doc.blocks[title_block];

    ta = kg_report_src(tb, 0);
    tz = kg_report_src_end(tb, tb->len);
  }
  if(tz > ta) {
    /* a heading's title as read: without the marks of "++underline++" */
    const char *t = title_block >= 0 && !mt
                    ? x->doc.blocks[title_block].text : e->text + ta;
    size_t tl = title_block >= 0 && !mt
                ? x->doc.blocks[title_block].len : tz - ta;

    kg_evidence_po(e, x->event, KG_NS_SCHEMA, "name",
                   kg_evidence_litn(e, t, tl, NULL));
    kg_evidence_po(e, e->report, KG_NS_DCTERMS, "title",
                   kg_evidence_litn(e, t, tl, NULL));
    kg_evidence_mention(e, x->event, ta, tz);
  }
}

static int capital_before(const char *t, size_t at);

/* The territories the report's title names ("Rencontre des EPN
 * Drôme-Ardèche", "NEC Dordogne (24)"): départements and régions, and a
 * commune after a locative ("à Gap"), are the event's (title:place). */
static void
title_places(struct kg_report *x, long title_block)
{
  const struct kg_block *tb;
  struct kg_places pl = { NULL, 0, 0 };
  size_t i;

  if(title_block < 0)
    return;
  tb = &x->doc.blocks[title_block];
  kg_places_find(x->gaz, x->v, x->reg, x->region, 1, tb->text, tb->len, &pl);
  for(i = 0; i < pl.n; i++) {
    const struct kg_place *p = &pl.v[i];

    if(p->terr->kind == KG_TERR_EPCI ||
       (p->terr->kind == KG_TERR_COMMUNE && !p->dept_name &&
        !cue_before(x->v, KG_CUE_LOCATIVE, tb->text, p->start)))
      continue;
    kg_report_place(x, x->event, p, "title:place", kg_report_src(tb, p->start),
                    kg_report_src_end(tb, p->end));
  }
  pl.n = 0;   /* "des centres multimédias ardéchois et drômois" */
  kg_places_adjectives(x->gaz, x->v, tb->text, tb->len, &pl);
  for(i = 0; i < pl.n; i++)
    if(!capital_before(tb->text, pl.v[i].start))
      kg_report_place(x, x->event, &pl.v[i], "title:adjective",
                      kg_report_src(tb, pl.v[i].start),
                      kg_report_src_end(tb, pl.v[i].end));
  kg_places_release(&pl);
}

/* The venue that closes the title after a comma, as a dateline does
 * ("Séminaire Hinaura -4 & 5 février 2021, Le Bessat"): the last part is a
 * commune as a whole, one its name cannot mistake (title:venue). */
static int
title_venue(struct kg_report *x, long title_block)
{
  const struct kg_block *tb;
  const struct kg_terr *t;
  size_t a, z;

  if(title_block < 0)
    return 0;
  tb = &x->doc.blocks[title_block];
  for(z = tb->len; z > 0 && strchr(" .\n", tb->text[z - 1]); z--)
    ;
  for(a = z; a > 0 && tb->text[a - 1] != ','; a--)
    ;
  if(a == 0 || z - a > LETTER_PLACE_MAX)
    return 0;
  while(a < z && tb->text[a] == ' ')
    a++;
  t = kg_places_whole(x->gaz, x->v, x->reg, x->region, tb->text + a, z - a);
  if(!t || t->kind != KG_TERR_COMMUNE ||
     (!unambiguous(x, t, tb->text + a, z - a) &&
      !(t = homonym_in_event_place(x, tb->text + a, z - a))))
    return 0;
  kg_report_venue(x, t, kg_report_src(tb, a), kg_report_src_end(tb, z),
                  kg_report_src(tb, a), kg_report_src_end(tb, z),
                  "title:venue");
  return 1;
}

static int
front_matter_venue(struct kg_report *x, const struct kg_meta *ml)
{
  struct kg_places pl = { NULL, 0, 0 };
  size_t i;
  int found = 0;

  kg_places_find(x->gaz, x->v, x->reg, NULL, 0, ml->value, strlen(ml->value),
                 &pl);
  for(i = 0; i < pl.n && !found; i++)
    if(pl.v[i].terr->kind == KG_TERR_COMMUNE) {
      kg_report_venue(x, pl.v[i].terr, ml->src, ml->src + strlen(ml->value),
                      ml->src + pl.v[i].start, ml->src + pl.v[i].end,
                      "front-matter:lieu");
      found = 1;
    }
  kg_places_release(&pl);
  return found;
}

/* Does "d'" or "d’" end just before t[at] ("d'Ardèche")? */
static int
elided_de(const char *t, size_t at)
{
  if(at >= 2 && t[at - 1] == '\'' && (t[at - 2] | 0x20) == 'd')
    return at == 2 || t[at - 3] == ' ';
  return at >= 4 && !memcmp(t + at - 3, "\xe2\x80\x99", 3) &&
         (t[at - 4] | 0x20) == 'd' && (at == 4 || t[at - 5] == ' ');
}

/* Is the place at t[ms] written after a locative or a département word
 * ("du Lot", "de la Sarthe", "dans la Meuse", "la région Pays de la Loire",
 * "d'Ardèche"), or in a list that one opens ("de Loire-Atlantique, Sarthe
 * et Vendée": @listed)? */
static int
locative_place(const struct kg_vocab *v, const char *t, size_t ms, int listed)
{
  size_t e = ms;

  if(cue_before(v, KG_CUE_LOCATIVE, t, ms) ||
     cue_before(v, KG_CUE_DEPT_WORD, t, ms) || elided_de(t, ms))
    return 1;
  while(e > 0 && t[e - 1] == ' ')
    e--;
  /* "la région Pays de la Loire", not "la Région Bretagne" (its council) */
  if(e >= 7 && !memcmp(t + e - 7, "r\xc3\xa9gion", 7) &&
     (e == 7 || t[e - 8] == ' '))
    return 1;
  if(listed && e > 0 && t[e - 1] == ',')
    return 1;
  return listed && e >= 3 && !memcmp(t + e - 3, " et", 3);
}

/* Is the word before the locative that ends before t[ms] a job title or
 * an organisation's head noun ("Sénatrice du Nord", "maire de Metz", "le
 * lycée du Nord")?  The place is then a person's or an organisation's. */
static int
title_or_org_before(const struct kg_vocab *v, const char *t, size_t ms)
{
  size_t z = ms, a, k;
  static const enum kg_cue_role roles[] = {
    KG_CUE_JOB_TITLE, KG_CUE_ORG_HEAD, KG_CUE_ORG_HEAD_WEAK
  };

  for(k = 0; k < 3; k++) {   /* "de la", "du", "d'": up to two words */
    while(z > 0 && t[z - 1] == ' ')
      z--;
    if(z > 0 && (t[z - 1] == '\'' || !memcmp(t + (z >= 3 ? z - 3 : 0),
                                             "\xe2\x80\x99", 3)))
      z -= t[z - 1] == '\'' ? 1 : 3;
    a = z;
    while(a > 0 && t[a - 1] != ' ' && t[a - 1] != ',' && t[a - 1] != '\n' &&
          t[a - 1] != '(')
      a--;
    if(a == z)
      return 0;
    if(!kg_vocab_phrase_is(v->cues[KG_CUE_LOCATIVE], v->ncues[KG_CUE_LOCATIVE],
                           t + a, z - a) &&
       !kg_vocab_phrase_is(v->cues[KG_CUE_ARTICLE], v->ncues[KG_CUE_ARTICLE],
                           t + a, z - a)) {
      size_t r;

      for(r = 0; r < sizeof roles / sizeof roles[0]; r++)
        if(kg_vocab_phrase_is(v->cues[roles[r]], v->ncues[roles[r]], t + a,
                              z - a))
          return 1;
      return 0;
    }
    z = a;
  }
  return 0;
}

/* Does a capitalised word end right before t[at] ("Agence Landaise": the
 * adjective is part of a name, the organisation's place)? */
static int
capital_before(const char *t, size_t at)
{
  size_t e = at, a;

  while(e > 0 && t[e - 1] == ' ')
    e--;
  if(e == at)
    return 0;
  for(a = e; a > 0 && t[a - 1] != ' ' && t[a - 1] != '\n' &&
      t[a - 1] != '\'' && !(a >= 3 && !memcmp(t + a - 3, "\xe2\x80\x99", 3));
      a--)
    ;   /* "l'Agence": the word after the elision */
  return kg_text_upper_at(t + a, e - a);
}

/* Is block @b a paragraph of the introduction, not the title nor a
 * speaker list?  Then @pl gets the places it names (kg_places_find). */
static int
lead_para(const struct kg_report *x, size_t b, long title_block,
          struct kg_places *pl)
{
  const struct kg_block *bl = &x->doc.blocks[b];

  if((long)b == title_block || bl->kind != KG_BLK_PARA ||
     speaker_line(x->v, bl))
    return 0;
  kg_places_find(x->gaz, x->v, x->reg, x->region, 1, bl->text, bl->len, pl);
  return 1;
}

/* The sentences of the paragraphs that introduce the event (before its
 * first session) name its départements and régions after a locative ("la
 * rencontre des conseillers numériques du Lot", "des médiateurs de la
 * région Pays de la Loire", "de Loire-Atlantique, Sarthe et Vendée"):
 * lead:place.  Not a date line alone, not a speaker line, not a place
 * given by its code ("APF45").  A département's adjective after a word in
 * lower case ("le territoire ardéchois", "aux Lotois") too:
 * lead:adjective.  A code counts after a département word only ("du
 * département 31"). */
static void
lead_places(struct kg_report *x, long title_block, size_t first_sec)
{
  const struct kg_doc *d = &x->doc;
  struct kg_places pl = { NULL, 0, 0 };
  size_t b, i;

  for(b = 0; b < first_sec && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    int listed = 0;

    if(!lead_para(x, b, title_block, &pl))
      continue;
    for(i = 0; i < pl.n; i++) {
      const struct kg_place *p = &pl.v[i];
      int ok = (p->terr->kind == KG_TERR_DEPARTEMENT ||
                p->terr->kind == KG_TERR_REGION || p->dept_name) &&
               (!p->by_code ||
                cue_before(x->v, KG_CUE_DEPT_WORD, bl->text, p->start)) &&
               locative_place(x->v, bl->text, p->start, listed) &&
               !title_or_org_before(x->v, bl->text, p->start);

      if(ok)
        kg_report_place(x, x->event, p, "lead:place",
                        kg_report_src(bl, p->start),
                        kg_report_src_end(bl, p->end));
      listed = ok && i + 1 < pl.n &&
               !memchr(bl->text + p->end, '.', pl.v[i + 1].start - p->end);
    }
    pl.n = 0;
    kg_places_adjectives(x->gaz, x->v, bl->text, bl->len, &pl);
    for(i = 0; i < pl.n; i++)
      if(!capital_before(bl->text, pl.v[i].start))
        kg_report_place(x, x->event, &pl.v[i], "lead:adjective",
                        kg_report_src(bl, pl.v[i].start),
                        kg_report_src_end(bl, pl.v[i].end));
    kg_places_release(&pl);
  }
}

/* Has the event @t as a place already? */
static int
event_has_place(const struct kg_report *x, const struct kg_terr *t)
{
  size_t k;

  for(k = 0; k < x->nspatial; k++)
    if(x->spatial[k].t == t && librdf_node_equals(x->spatial[k].s, x->event))
      return 1;
  return 0;
}

/* The communes the introducing paragraphs name after a venue's "à" or
 * "au", in the région of the venue ("trois évènements au sein de la
 * métropole de Lyon : à Vaulx-en-Velin …, à Fontaines-sur-Saône …"):
 * lead:place.  Read once the venue is known, so that a homonym or a common
 * word far from it ("à Bonne") is none; not after "de" ("la Cité des
 * sciences et de la Villette", "vers Mamoudzou"). */
static void
lead_communes(struct kg_report *x, long title_block, size_t first_sec)
{
  const struct kg_doc *d = &x->doc;
  struct kg_places pl = { NULL, 0, 0 };
  size_t b, i;

  if(!x->region)
    return;
  for(b = 0; b < first_sec && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];

    if(!lead_para(x, b, title_block, &pl))
      continue;
    for(i = 0; i < pl.n; i++) {
      const struct kg_place *p = &pl.v[i];

      if(p->terr->kind == KG_TERR_COMMUNE && p->confidence >= 100 &&
         !p->by_code && p->terr->region &&
         !strcmp(p->terr->region, x->region) &&
         cue_before(x->v, KG_CUE_VENUE, bl->text, p->start) &&
         !title_or_org_before(x->v, bl->text, p->start) &&
         !event_has_place(x, p->terr))
        kg_report_place(x, x->event, p, "lead:place",
                        kg_report_src(bl, p->start),
                        kg_report_src_end(bl, p->end));
    }
    kg_places_release(&pl);
  }
}

/* Does the event have the région of @t (a département) as a place? */
static int
event_has_region_of(const struct kg_report *x, const struct kg_terr *t)
{
  size_t k;

  for(k = 0; k < x->nspatial; k++)
    if(x->spatial[k].t->kind == KG_TERR_REGION && t->region &&
       !strcmp(x->spatial[k].t->code, t->region) &&
       librdf_node_equals(x->spatial[k].s, x->event))
      return 1;
  return 0;
}

/* Are places @a and @b of @t joined as the items of a list ("Sarthe et
 * Vendée", "Loire-Atlantique, Sarthe")? */
static int
list_pair(const char *t, const struct kg_place *a, const struct kg_place *b)
{
  size_t g = b->start - a->end;

  return (g == 2 && !memcmp(t + a->end, ", ", 2)) ||
         (g == 4 && !memcmp(t + a->end, " et ", 4));
}

/* In any paragraph, a list of départements of a région the event
 * already has ("trois médiateurs de trois territoires différents,
 * Loire-Atlantique, Sarthe et Vendée" in a meeting of the région Pays de
 * la Loire), or a département named after a département word ("a
 * accompagné le département des Pyrénées-Atlantiques"), names the
 * event's places (text:place-list, text:departement-word). */
static void
listed_departements(struct kg_report *x)
{
  const struct kg_doc *d = &x->doc;
  struct kg_places pl = { NULL, 0, 0 };
  size_t b, i;

  for(b = 0; b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];

    if(bl->kind != KG_BLK_PARA)
      continue;
    kg_places_find(x->gaz, x->v, x->reg, x->region, 1, bl->text, bl->len,
                   &pl);
    for(i = 0; i < pl.n; i++) {
      const struct kg_place *p = &pl.v[i];
      int listed = (i > 0 && list_pair(bl->text, &pl.v[i - 1], p) &&
                    pl.v[i - 1].terr->kind == KG_TERR_DEPARTEMENT) ||
                   (i + 1 < pl.n && list_pair(bl->text, p, &pl.v[i + 1]) &&
                    pl.v[i + 1].terr->kind == KG_TERR_DEPARTEMENT);

      listed = listed && event_has_region_of(x, p->terr);
      if(p->terr->kind == KG_TERR_DEPARTEMENT && !p->by_code &&
         (listed || cue_before(x->v, KG_CUE_DEPT_WORD, bl->text, p->start)) &&
         !event_has_place(x, p->terr))
        kg_report_place(x, x->event, p,
                        listed ? "text:place-list" : "text:departement-word",
                        kg_report_src(bl, p->start),
                        kg_report_src_end(bl, p->end));
    }
    kg_places_release(&pl);
  }
}

/* The place of a programme's day line, "11 mai (Bastia)": a block that
 * is a date, then the name in parentheses and nothing else.  Puts the
 * name's span in *a..*z; 0 if @bl is no such line. */
static int
day_line_place(const struct kg_vocab *v, const struct kg_block *bl,
               size_t *a, size_t *z)
{
  struct kg_dates ds = { NULL, 0, 0 };
  const char *t = bl->text;
  size_t e = bl->len, i;
  int ok;

  while(e > 0 && (t[e - 1] == ' ' || t[e - 1] == '\n'))
    e--;
  if(bl->len > DAY_LINE_MAX || e < 2 || t[e - 1] != ')')
    return 0;
  kg_dates_find(v, t, e, &ds);
  ok = ds.n == 1 && ds.v[0].start == 0;
  i = ok ? ds.v[0].end : 0;
  kg_dates_release(&ds);
  while(ok && i < e && t[i] == ' ')
    i++;
  if(!ok || i >= e || t[i] != '(' || memchr(t + i + 1, '(', e - i - 1))
    return 0;
  *a = i + 1;
  *z = e - 1;
  return *z > *a;
}

/* The communes of the programme's day lines ("11 mai (Bastia)", "12 mai
 * (Corte)"): where the event's days are held. */
static void
day_venues(struct kg_report *x)
{
  const struct kg_doc *d = &x->doc;
  size_t b, a, z;

  for(b = 0; b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    struct kg_places pl = { NULL, 0, 0 };

    if(!day_line_place(x->v, bl, &a, &z))
      continue;
    kg_places_find(x->gaz, x->v, x->reg, x->region, 0, bl->text + a, z - a,
                   &pl);
    if(pl.n == 1 && pl.v[0].start == 0 && pl.v[0].end == z - a &&
       pl.v[0].terr->kind == KG_TERR_COMMUNE &&
       !event_has_place(x, pl.v[0].terr)) {
      pl.v[0].confidence = 100;   /* the line's shape says it is a place */
      kg_report_place(x, x->event, &pl.v[0], "text:day-venue",
                      kg_report_src(bl, a), kg_report_src_end(bl, z));
    }
    kg_places_release(&pl);
  }
}

/* The first block of the first session the layout found: the text before
 * it introduces the event (sessions named in its sentences, "La cérémonie
 * d'ouverture … a eu lieu mardi à Basse-Terre", are part of it). */
static size_t
first_laid_out(const struct kg_report *x)
{
  size_t i;

  for(i = 0; i < x->nsecs; i++)
    if(!x->secs[i].rule || strcmp(x->secs[i].rule, "prose:session-type"))
      return x->secs[i].head;
  return x->doc.nblocks;
}

void
kg_event_find(struct kg_report *x)
{
  struct kg_emit *e = &x->e;
  const struct kg_doc *d = &x->doc;
  size_t first_sec = first_laid_out(x);
  size_t b;
  const struct kg_meta *mt = kg_doc_meta(d, "title");
  const struct kg_meta *ml = kg_doc_meta(d, "lieu");
  int have_venue = 0, have_edition = 0;
  long title_block = kg_programme_title(d, x->v);

  x->event = kg_evidence_id(e, "event/%s", e->slug);
  kg_evidence_po(e, x->event, KG_NS_RDF, "type",
             kg_evidence_iri(e, KG_NS_SCHEMA, "Event"));
  kg_evidence_po(e, e->report, KG_NS_SCHEMA, "about",
             librdf_new_node_from_node(x->event));
  event_name(x, mt, title_block);
  title_places(x, title_block);
  lead_places(x, title_block, first_sec);
  event_dates(x, kg_doc_meta(d, "date"), title_block, mt, first_sec);
  if(ml)
    have_venue = front_matter_venue(x, ml);
  if(!have_venue)
    have_venue = title_venue(x, title_block);
  for(b = 0; b < first_sec && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    size_t a, z;
    int ed;

    if((long)b == title_block)
      continue;
    if(!have_edition && (ed = find_edition(x->v, bl, &a, &z)) > 0) {
      librdf_node *en = kg_rdf_int(e->world, ed);

      kg_evidence_fact(e, x->event, KG_NS_MN, "edition", en, "text:edition",
                   kg_report_src(bl, a), kg_report_src_end(bl, z), 0);
      librdf_free_node(en);
      have_edition = 1;
    }
    if(!have_venue && bl->kind == KG_BLK_PARA)
      have_venue = venue_in(x, bl);
  }
  lead_communes(x, title_block, first_sec);
  listed_departements(x);
  day_venues(x);
}
