/* prose.c - initiatives named anywhere in the prose of a report.
 *
 * Sessions' titles and list heads are read by initiatives.c; this reads
 * every block for the other ways prose names a project, a scheme, a tool
 * or a campaign: after an initiative noun ("le dispositif PANEL", "le
 * projet « Centres Sociaux Connectés 2.0 »"), a quoted title, a hashtag, an
 * apposition ("PorTReA, un outil de …"), an acronym whose expansion starts
 * with an initiative noun, a recurring event's series ("les Rencontres
 * nationales des EPN", "les rencontres d'Autrans"), what "dans le cadre
 * du" introduces, and registry names outside sessions.  The nouns
 * are data (ontology/initiatives.ttl).  A name found in a session's text is
 * linked to it as inferred; nothing says who carries it.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/dict.h"
#include "base/text.h"
#include "extract/doc.h"
#include "extract/initiative.h"
#include "extract/names.h"
#include "extract/report.h"
#include "extract/sections.h"
#include "rdf/ns.h"
#include "ref/lexicon.h"
#include "ref/registry.h"
#include "ref/vocab.h"

enum { R_INTRO = 0, R_QUOTED, R_HASHTAG, R_APPOSITION, R_ACRONYM,
       R_REGISTRY, R_KIND, R_SERIES, R_FRAME, R_ITEM };

static const char *const rules[] = {
  "prose:intro-noun", "prose:quoted", "prose:hashtag", "prose:apposition",
  "prose:acronym", "prose:registry", "prose:kind-adjective",
  "prose:event-series", "prose:frame", "prose:list-item"
};

/* span flags: the rule, and for a registry name its entity + 1 above */
#define FLAGS(rule, ent) ((rule) | (int)(((ent) + 1) << 4))
#define KIND_NAME_WORDS 8     /* words of "Schéma Territorial du Numérique" */
#define SERIES_WORDS 4     /* words of a series name's complement */
#define SERIES_CHAIN 12    /* words of its nouns joined by "de" */
#define FRAME_WORDS 10     /* words after "dans le cadre du" */
#define ITEM_WORDS 8       /* words of a list item that is a name */

struct pscan {
  struct istate *st;
  struct kg_report *x;
  const struct kg_names_lex *lx;  /* SHARED: the report's */
  const struct kg_block *bl;
  size_t b;
  long sec;               /* the session whose text this is, or -1 */
  struct kg_words w;
  struct kg_names_spans c;
};

/* The session that block @b belongs to (its title or its own text). */
static long
owner(const struct kg_report *x, size_t b)
{
  size_t s;

  for(s = 0; s < x->nsecs; s++)
    if(b == x->secs[s].block ||
       (!x->secs[s].children && b > x->secs[s].block &&
        b < x->secs[s].body_end))
      return (long)s;
  return -1;
}

/* Does the text between word @k and the next (k == -1: before the first
 * word) hold one of the code points @cps? */
static int
gap_holds(struct pscan *sc, long k, const int *cps)
{
  size_t a = k < 0 ? 0 : sc->w.v[k].z;
  size_t z = (size_t)(k + 1) < sc->w.n ? sc->w.v[k + 1].a : sc->bl->len;

  while(a < z) {
    int cp, n = kg_text_utf8_decode(sc->bl->text + a, z - a, &cp), i;

    for(i = 0; cps[i]; i++)
      if(cp == cps[i])
        return 1;
    a += (size_t)n;
  }
  return 0;
}

static const int opening[] = { 0xAB, 0x201C, '"', 0 };
static const int closing[] = { 0xBB, 0x201D, '"', 0 };

/* The quoted words starting at word @s (after an opening quote): the last
 * one, or @s - 1 when no closing quote comes within @max words. */
static size_t
quoted_end(struct pscan *sc, size_t s, size_t max)
{
  size_t e;

  for(e = s; e < sc->w.n && e - s < max; e++) {
    if(sc->w.v[e].gap & KG_GAP_QUOTE)
      return gap_holds(sc, (long)e, closing) ? e : s - 1;
    if(sc->w.v[e].gap & (KG_GAP_STOP | KG_GAP_COLON))
      break;
  }
  return s - 1;
}

/* Every word of four letters or more has a capital, a digit or a mark:
 * a title, not a phrase.  Its first word may be a grammatical one when a
 * capitalised word follows ("« Tous Numériques »", "« Le Bon Coin »"). */
static int
title_words(struct pscan *sc, size_t s, size_t e)
{
  size_t k;

  if(!kg_names_capital(sc->lx, &sc->w, s) &&
     !(sc->w.v[s].cap && s < e && kg_names_capital(sc->lx, &sc->w, s + 1)))
    return 0;
  for(k = s; k <= e; k++) {
    const struct kg_word *x = &sc->w.v[k];

    if(kg_text_cp_count(sc->bl->text + x->a, x->z - x->a) >= 4 &&
       !x->cap && !x->marked && !(x->key[0] >= '0' && x->key[0] <= '9'))
      return 0;
  }
  return 1;
}

/* Do quoted words [s, e] open with a kind of initiative and go on in
 * lower case ("une « charte commune »", "un \" passeport pour l'Internet
 * et le multimédia \"")?  A kind alone is a notion. */
static int
kind_first(struct pscan *sc, size_t s, size_t e)
{
  size_t m = kg_names_phrase(sc->lx, &sc->w, s, KG_CUE_INITIATIVE_KIND);

  return m && s + m <= e && !sc->w.v[s].cap;
}

/* Could text[a, z) of the block name an initiative: not a person, a
 * place or a known organisation? */
static int
plausible_text(struct pscan *sc, size_t a, size_t z)
{
  struct kg_report *x = sc->x;
  const char *t = sc->bl->text + a;
  size_t len = z - a, k;
  struct kg_buf key = KG_BUF_INIT;
  int ok;

  kg_text_key(t, len, &key);
  ok = key.len && !kg_report_is_person(x, t, len) &&
       !kg_report_is_place(x, t, len) &&
       !(x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG));
  for(k = 0; k < x->orgs.n && ok; k++)
    ok = strcmp(x->orgs.v[k].key, key.s) != 0;
  kg_buf_release(&key);
  return ok;
}

/* Words [i, j) could name an initiative (plausible_text()), nor (unless
 * @named: an initiative noun came before) a name that begins with an
 * organisation's head noun. */
static int
plausible(struct pscan *sc, size_t i, size_t j, int named)
{
  return plausible_text(sc, sc->w.v[i].a, sc->w.v[j - 1].z) &&
         (named || kg_names_expansion_kind(sc->lx, &sc->w, i) != 1);
}

/* Are words [i, j) common words, in lower case after the first
 * ("Inclusion numérique"): a description more than a name? */
static int
plain_words(struct pscan *sc, size_t i, size_t j)
{
  const struct kg_word *v = sc->w.v;
  size_t k;

  if(!sc->x->lex)
    return 0;
  for(k = i; k < j; k++)
    if((k > i && v[k].cap) || v[k].acro || v[k].marked ||
       !(kg_lexicon_classes(sc->x->lex, sc->bl->text + v[k].a,
                            v[k].z - v[k].a) & KG_LEX_COMMON))
      return 0;
  return 1;
}

/* Is the name at words [j, e) one common word followed by "et" ("projet
 * Internet et Citoyenneté", "Chef de projet Réseau et portail"): a name
 * cut short, or no name?  ("le programme MOVILab et …" is one.) */
static int
cut_short(struct pscan *sc, size_t j, size_t e)
{
  const struct kg_word *v = sc->w.v;

  return e == j + 1 && e < sc->w.n && !v[j].gap && !strcmp(v[e].key, "et") &&
         sc->x->lex &&
         (kg_lexicon_classes(sc->x->lex, sc->bl->text + v[j].a,
                             v[j].z - v[j].a) & KG_LEX_COMMON);
}

static void
add_words(struct pscan *sc, size_t i, size_t j, int conf, int flags)
{
  if(j > i && plausible(sc, i, j, (flags & 15) == R_INTRO))
    kg_names_span_add(&sc->c, sc->w.v[i].a, sc->w.v[j - 1].z, 0, 0, conf,
                      flags);
}

/* ------------------------------------------------------------ shapes */

/* "le cycle de formation « Inclusion numérique »": quoted words [j, e]
 * that describe more than name (plain_words()) name it with the noun at
 * word @i and the closing quote. */
static void
quoted_description(struct pscan *sc, size_t i, size_t j, size_t e)
{
  const char *t = sc->bl->text;
  size_t z = sc->w.v[e].z, len = sc->bl->len;
  int cp, k;

  while(z < len && t[z] == ' ')
    z++;
  k = z < len ? kg_text_utf8_decode(t + z, len - z, &cp) : 0;
  if(k <= 0 || (cp != 0xBB && cp != 0x201D && cp != '"') ||
     !plausible(sc, j, e + 1, 1))
    return;
  kg_names_span_add(&sc->c, sc->w.v[i].a, z + (size_t)k, 0, 0, 75,
                    FLAGS(R_INTRO, -1));
}

/* Does an opening quote come right before word @j? */
static int
quote_after(struct pscan *sc, size_t j)
{
  return j > 0 && j < sc->w.n && (sc->w.v[j - 1].gap & KG_GAP_QUOTE) &&
         gap_holds(sc, (long)j - 1, opening);
}

/* Does word @i end like a plural ("Espaces", "Affections", "Bureaux")? */
static int
plural_word(const struct kg_words *w, size_t i)
{
  size_t n = strlen(w->v[i].key);

  return n > 1 && (w->v[i].key[n - 1] == 's' || w->v[i].key[n - 1] == 'x');
}

/* Is word @j a web host of three labels or more that does not open with
 * "www" ("la plateforme ecrivons.angers.fr": a service on a body's
 * domain, named by its address; "le site internet www.marsouin.org" is
 * the body's own site)? */
static int
service_host(struct pscan *sc, size_t j)
{
  const char *t = sc->bl->text + sc->w.v[j].a;
  size_t len = sc->w.v[j].z - sc->w.v[j].a, k, dots = 0, last = 0;

  for(k = 0; k < len; k++) {
    char c = t[k];

    if(c == '.') {
      if(!k || k + 1 == len || t[k - 1] == '.')
        return 0;
      dots++;
      last = k + 1;
    } else if(!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-'))
      return 0;
  }
  return dots >= 2 && len - last >= 2 && len - last <= 6 &&
         strncmp(t, "www.", 4) != 0;
}

/* Do two capitalised names joined by "et" start at word @j ("NetPublic
 * et NetEmploi")? */
static int
two_names(struct pscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t e;

  if(j >= w->n || w->v[j - 1].gap || !kg_names_capital(sc->lx, w, j) ||
     (e = kg_names_run(sc->lx, w, j, 3)) + 1 >= w->n || w->v[e - 1].gap ||
     strcmp(w->v[e].key, "et") || w->v[e].gap)
    return 0;
  return kg_names_capital(sc->lx, w, e + 1);
}

/* End of a name that ends before word @e, with a number that closes it
 * ("le service Déclic 47,", "le programme Citoyen 3.0 à Toulouse"): a
 * word of digits and dots, four characters at most, a version ("3.0") or
 * else the end of the clause after it ("47 agents" counts); else @e. */
static size_t
number_after(struct pscan *sc, size_t e)
{
  const struct kg_words *w = &sc->w;
  const char *k, *t;
  size_t len;
  int dot = 0;

  if(e >= w->n || w->v[e - 1].gap)
    return e;
  t = sc->bl->text + w->v[e].a;
  len = w->v[e].z - w->v[e].a;
  for(k = t; k < t + len && ((*k >= '0' && *k <= '9') || *k == '.'); k++)
    dot |= *k == '.';
  if(k < t + len || len > 4 || *t < '0' || *t > '9' || t[len - 1] == '.')
    return e;
  return dot || e + 1 == w->n || w->v[e].gap ? e + 1 : e;
}

/* "le dispositif PANEL", "le programme Société numérique", "le projet
 * « Centres Sociaux Connectés 2.0 »", "une étude nommée « CAPUNI »" (cue
 * initiative-naming), "une entreprise labellisée FrenchTech" (cue
 * initiative-labelled: a label's name after the participle). */
static void
intro_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, j, e, k;

  for(i = 0; i < w->n; i++) {
    size_t m = kg_names_phrase(sc->lx, w, i, KG_CUE_INITIATIVE_INTRO);

    if(!m)
      m = kg_names_phrase(sc->lx, w, i, KG_CUE_INITIATIVE_LABELLED);
    if(!m && (m = kg_names_phrase(sc->lx, w, i, KG_CUE_EVENT_SERIES_LOWER)) &&
       !quote_after(sc, i + m))
      m = 0;   /* "une journée «e-inclusion»": an event noun, a quote */
    if(!m || w->v[i].acro ||
        (i && !w->v[i - 1].gap &&
         kg_names_phrase_before(sc->lx, w, i, KG_CUE_PLURAL_DET) < i &&
         !(i + m < w->n &&
           kg_names_phrase(sc->lx, w, i + m, KG_CUE_INITIATIVE_NAMING) == 1) &&
         !(plural_word(w, i + m - 1) && two_names(sc, i + m)) &&
         !(i + m < w->n && !w->v[i + m - 1].gap &&
           (w->v[i + m].mixed || w->v[i + m].marked)) &&
         !quote_after(sc, i + m)) ||
        (plural_word(w, i + m - 1) && !two_names(sc, i + m)))
      continue;  /* "PARCOURS DONATEUR": a heading in capitals; "un projet
                    de …", but "un projet nommé « … »", "un projet
                    e-Lab" (a name by its letters), "une journée
                    «e-inclusion»" (quoted); a plural noun
                    before two names ("les portails NetPublic et
                    NetEmploi"), not one ("des outils TIC") */
    for(j = i + m, k = 0; j < w->n && k < 2 && !w->v[j - 1].gap &&
        kg_names_phrase(sc->lx, w, j, KG_CUE_ORG_ADJECTIVE) == 1; j++, k++)
      ;
    if(j + 1 < w->n && !w->v[j - 1].gap &&
       kg_names_phrase(sc->lx, w, j, KG_CUE_INITIATIVE_NAMING) == 1)
      j++;   /* "un projet nommé « LABAcces »" */
    if(j >= w->n)
      continue;
    if((w->v[j - 1].gap & KG_GAP_QUOTE) &&
       gap_holds(sc, (long)j - 1, opening)) {
      e = quoted_end(sc, j, 8);
      if(e + 1 > j && plain_words(sc, j, e + 1))
        quoted_description(sc, i, j, e);
      else if(e + 1 > j)
        add_words(sc, j, e + 1, 75, FLAGS(R_INTRO, -1));
      continue;
    }
    if(!w->v[j - 1].gap && service_host(sc, j)) {
      add_words(sc, j, j + 1, 70, FLAGS(R_INTRO, -1));
      continue;
    }
    if(w->v[j - 1].gap || !kg_names_capital(sc->lx, w, j) || w->v[j].initial)
      continue;
    e = kg_names_run(sc->lx, w, j, 6);
    /* "Société numérique": adjectives after a one-word name; "Parlons
     * Inclusion numérique": an adjective of initiative after any */
    for(k = 0; k < 2 && e < w->n && !w->v[e - 1].gap &&
        ((e == j + 1 && !w->v[j].acro &&
          kg_names_phrase(sc->lx, w, e, KG_CUE_ORG_ADJECTIVE) == 1) ||
         kg_names_phrase(sc->lx, w, e, KG_CUE_INITIATIVE_ADJECTIVE) == 1);
        k++)
      e++;
    if(cut_short(sc, j, e) || (w->v[i].cap && plain_words(sc, j, e)))
      continue;  /* "Thématique(s) : Événement Inclusion numérique": a
                    tag, and common words after it */
    e = number_after(sc, e);
    add_words(sc, j, e, 70, FLAGS(R_INTRO, -1));
    /* "les portails NetPublic et NetEmploi", "Projet CCMLabs et
     * Sportnum": a second name after "et" */
    if(e + 1 < w->n && !w->v[e - 1].gap && !strcmp(w->v[e].key, "et") &&
       !w->v[e].gap && kg_names_capital(sc->lx, w, e + 1) &&
       !w->v[e + 1].initial && (k = kg_names_run(sc->lx, w, e + 1, 3)) == e + 2)
      add_words(sc, e + 1, k, 65, FLAGS(R_INTRO, -1));
  }
}

/* Does the phrase of @role that ends at word @end (exclusive) have one
 * word? */
static int
one_word_before(struct pscan *sc, size_t end, enum kg_cue_role role)
{
  struct kg_words *w = &sc->w;
  unsigned gap;
  int yes;

  if(!end || (w->v[end - 1].gap & ~(unsigned)KG_GAP_QUOTE))
    return 0;
  gap = w->v[end - 1].gap;    /* "leur « indice …": read past the quote */
  w->v[end - 1].gap = 0;
  yes = kg_names_phrase_before(sc->lx, w, end, role) == end - 1;
  w->v[end - 1].gap = gap;
  return yes;
}

/* End of a "de X" that closes a name at word @e: one word, then the end
 * of the clause or "et" ("… numériques d'Angers et les …"); else @e. */
static size_t
closing_complement(struct pscan *sc, size_t e)
{
  const struct kg_words *w = &sc->w;

  if(e + 1 >= w->n || w->v[e - 1].gap ||
     kg_names_phrase(sc->lx, w, e, KG_CUE_NAME_CONNECTOR) != 1)
    return e;
  if(e + 2 == w->n || w->v[e + 1].gap || !strcmp(w->v[e + 2].key, "et"))
    return e + 2;
  return e;
}

/* After a capitalised kind ending at word @j: "de", at most four words in
 * lower case and an adjective of cue initiative-adjective ("sa Stratégie
 * de cohérence d'aménagement numérique"): the end, else @j. */
static size_t
lower_kind_end(struct pscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t c, k;

  if(j >= w->n || w->v[j - 1].gap ||
     !(c = kg_names_phrase(sc->lx, w, j, KG_CUE_NAME_CONNECTOR)))
    return j;
  for(k = j + c; k < w->n && k < j + c + 5 && !w->v[k - 1].gap &&
      !w->v[k].cap; k++)
    if(kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
      return k + 1;
  return j;
}

/* "les orientations du Schéma Territorial du Numérique", "le Plan
 * Départemental du Numérique": a kind of initiative with its capital
 * inside a sentence, then capitalised words holding an adjective of cue
 * initiative-adjective, or "de" and words in lower case up to one
 * (lower_kind_end()) (0.60). */
static void
capital_kind_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, m, k, e;

  for(i = 1; i < w->n; i++) {
    if(!w->v[i].cap || w->v[i].initial ||
       !(m = kg_names_phrase(sc->lx, w, i, KG_CUE_INITIATIVE_KIND)))
      continue;
    if((e = kg_names_run(sc->lx, w, i, KIND_NAME_WORDS)) <= i + m &&
       (e = lower_kind_end(sc, i + m)) > i + m) {
      add_words(sc, i, e, 60, FLAGS(R_KIND, -1));
      i = e - 1;
      continue;
    }
    if(e <= i + m)
      continue;
    for(k = i + m; k < e; k++)
      if(kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
        break;
    if(k == e)
      continue;
    add_words(sc, i, e, 60, FLAGS(R_KIND, -1));
    i = e - 1;
  }
}

/* Does a known initiative start at a byte in [@a, @z) of the block? */
static int
known_in(struct pscan *sc, size_t a, size_t z)
{
  const struct kg_dict_hits *h;
  size_t k;

  if(!sc->x->reg)
    return 0;
  h = kg_passage_block_hits(sc->st, sc->b);
  for(k = 0; k < h->n; k++)
    if(h->v[k].start >= a && h->v[k].start < z &&
       kg_passage_hit_kind(&h->v[k], KG_DICT_INITIATIVE))
      return 1;
  return 0;
}

/* Does a known initiative start after word @i and before word @e ends
 * ("le dispositif des Conseillers numériques France Services")?  It is
 * the one named. */
static int
known_after(struct pscan *sc, size_t i, size_t e)
{
  return known_in(sc, sc->w.v[i].a + 1, sc->w.v[e - 1].z);
}

/* Does the name of kind_names() that ends at word @e (before its closing
 * complement) or @c (after it) go on: a longer "de" complement with an
 * adjective of initiative ("la stratégie départementale d'inclusion
 * numérique"; not "la feuille de route numérique du nouvel Exécutif de
 * Corse"), or more after a comma
 * ("la plateforme régionale d'animation, de mise en réseau et de services
 * des ERIC")?  Its end is then unknown. */
static int
kind_cut(struct pscan *sc, size_t e, size_t c)
{
  const struct kg_words *w = &sc->w;

  size_t m, k;

  if(c == e) {   /* "de" then words up to an adjective of initiative */
    if(e >= w->n || w->v[e - 1].gap ||
       !(m = kg_names_phrase(sc->lx, w, e, KG_CUE_NAME_CONNECTOR)))
      return 0;
    for(k = e + m; k < w->n && k < e + m + 3 && !w->v[k - 1].gap; k++)
      if(kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
        return 1;
    return 0;
  }
  return c < w->n && w->v[c - 1].gap == KG_GAP_COMMA &&
         kg_names_phrase(sc->lx, w, c, KG_CUE_NAME_CONNECTOR) != 0;
}

/* Are words [j, e) a bare "de" or "d'", one noun and the adjective,
 * with nothing closing them ("la stratégie d'inclusion numérique": the
 * field a strategy is about, a notion; not "le guide des services
 * numériques d'Angers")? */
static int
field_notion(struct pscan *sc, size_t j, size_t e)
{
  const char *k = sc->w.v[j].key;

  return e == j + 3 && (!strcmp(k, "de") || !strcmp(k, "d")) &&
         closing_complement(sc, e) == e;
}

/* "le plan numérique", "la feuille de route numérique", "leur indice de
 * fragilité numérique", "Le baromètre numérique des quartiers": a
 * determiner (cue initiative-determiner), a kind of initiative (cue
 * initiative-kind), at most three words, an adjective of cue
 * initiative-adjective, and a closing "de X" (closing_complement()). */
static void
kind_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, m, j, e;

  for(i = 1; i < w->n; i++) {
    if(!one_word_before(sc, i, KG_CUE_INITIATIVE_DET) ||
       !(m = kg_names_phrase(sc->lx, w, i, KG_CUE_INITIATIVE_KIND)) ||
       (i + m < w->n && kg_names_capital(sc->lx, w, i + m)))
      continue;  /* "le programme Société numérique": intro_names() */
    for(j = i + m, e = 0; j < w->n && j <= i + m + 3 && !w->v[j - 1].gap &&
        !e; j++)
      if(kg_names_phrase(sc->lx, w, j, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
        e = j + 1;
    if(e && !kind_cut(sc, e, closing_complement(sc, e)) &&
       !known_after(sc, i, e) && !field_notion(sc, i + m, e))
      add_words(sc, i, closing_complement(sc, e), 55, FLAGS(R_KIND, -1));
  }
}

/* « Pratiques Numériques »: a quoted title anywhere, not after an
 * organisation's head noun ("le centre social « Le Part'âges »"). */
/* From the noun at word @k of a series' complement: its adjectives ("du
 * numérique", "de l'inclusion numérique"), then more nouns joined by
 * "de", "des" ("des acteurs de la médiation numérique"), each with at
 * most two words in lower case when a "de" follows them ("des espaces
 * publics multimédia du Lot"), and a closing capitalised run; at most
 * SERIES_CHAIN words, never a date ("du 11 juin").  The end. */
static size_t
complement_chain(struct pscan *sc, size_t k)
{
  const struct kg_words *w = &sc->w;
  size_t e = k + 1, c, x;

  while(e < w->n && e < k + SERIES_CHAIN && !w->v[e - 1].gap) {
    if(kg_names_phrase(sc->lx, w, e, KG_CUE_ORG_ADJECTIVE) == 1 ||
       kg_names_phrase(sc->lx, w, e, KG_CUE_INITIATIVE_ADJECTIVE) == 1) {
      e++;
      continue;
    }
    for(x = e; x < w->n && x < e + 2 && !w->v[x - 1].gap && !w->v[x].cap &&
        !kg_names_phrase(sc->lx, w, x, KG_CUE_NAME_STOP) &&
        !kg_names_phrase(sc->lx, w, x, KG_CUE_NAME_CONNECTOR); x++)
      ;
    if(x >= w->n || w->v[x - 1].gap ||
       !(c = kg_names_phrase(sc->lx, w, x, KG_CUE_NAME_CONNECTOR)) ||
       x + c >= w->n || w->v[x + c - 1].gap)
      break;
    if(w->v[x + c].key[0] >= '0' && w->v[x + c].key[0] <= '9')
      break;   /* "du 11 juin": a date */
    if(kg_names_capital(sc->lx, w, x + c))
      return kg_names_run(sc->lx, w, x + c, SERIES_WORDS);
    if(w->v[x + c].cap ||
       kg_names_phrase(sc->lx, w, x + c, KG_CUE_NAME_STOP))
      break;
    e = x + c + 1;
  }
  return e;
}

/* The end of the known initiative that starts at word @i ("France
 * services", its registry name, after "les rencontres régionales"), if it
 * ends after word @e; else @e. */
static size_t
known_end(struct pscan *sc, size_t i, size_t e)
{
  const struct kg_dict_hits *h;
  size_t k, j;

  if(!sc->x->reg)
    return e;
  h = kg_passage_block_hits(sc->st, sc->b);
  for(k = 0; k < h->n; k++)
    if(h->v[k].start == sc->w.v[i].a &&
       kg_passage_hit_kind(&h->v[k], KG_DICT_INITIATIVE))
      for(j = e; j < sc->w.n && sc->w.v[j].z <= h->v[k].end; j++)
        e = j + 1;
  return e;
}

/* The end of the words that follow a series noun ending at @j: at most
 * two adjectives ("nationales"), then "de" and at most SERIES_WORDS words
 * of the clause that end no name ("des EPN", "du numérique", "de
 * l'inclusion numérique"); @j when neither follows. */
static size_t
series_end(struct pscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t adj = 0, c, k, e, a;

  while(j < w->n && adj < 2 && !w->v[j - 1].gap &&
        (kg_names_phrase(sc->lx, w, j, KG_CUE_ORG_ADJECTIVE) == 1 ||
         kg_names_phrase(sc->lx, w, j, KG_CUE_INITIATIVE_ADJECTIVE) == 1)) {
    j++;
    adj++;
  }
  if(j >= w->n || w->v[j - 1].gap ||
     !(c = kg_names_phrase(sc->lx, w, j, KG_CUE_NAME_CONNECTOR)) ||
     j + c >= w->n || w->v[j + c - 1].gap)
    return j;
  k = j + c;
  if(w->v[k].key[0] >= '0' && w->v[k].key[0] <= '9')
    return j;   /* "des 32 espaces": a count */
  if(kg_names_capital(sc->lx, w, k))   /* "des EPN", "des Fabriques de
                                          territoire" (a known name) */
    return known_end(sc, k, kg_names_run(sc->lx, w, k, SERIES_WORDS));
  if(kg_names_phrase(sc->lx, w, k, KG_CUE_NAME_STOP))
    return j;
  /* "du numérique", "de l'inclusion numérique": a noun, its adjectives;
   * when they name nothing yet ("des acteurs"), the nouns chained to it */
  for(e = k + 1; e < w->n && e < k + SERIES_WORDS && !w->v[e - 1].gap &&
      (kg_names_phrase(sc->lx, w, e, KG_CUE_ORG_ADJECTIVE) == 1 ||
       kg_names_phrase(sc->lx, w, e, KG_CUE_INITIATIVE_ADJECTIVE) == 1);
      e++)
    ;
  for(a = k; a < e; a++)
    if(kg_names_phrase(sc->lx, w, a, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
      return e;
  return complement_chain(sc, k);
}

/* Is word @i the ordinal of a second or later edition ("deuxième", cue
 * ordinal; "4ème", "4e", "2nd": digits other than 1 and a suffix)?  A
 * first edition is an event, not yet a series. */
static int
ordinal(struct pscan *sc, size_t i)
{
  const char *k = sc->w.v[i].key;
  static const char *const suffix[] = { "e", "eme", "nd", "nde", "es",
                                        "emes", NULL };
  size_t d = strspn(k, "0123456789"), j;

  if(kg_names_phrase(sc->lx, &sc->w, i, KG_CUE_ORDINAL) == 1)
    return 1;
  for(j = 0; d && !(d == 1 && k[0] == '1') && suffix[j]; j++)
    if(!strcmp(k + d, suffix[j]))
      return 1;
  return 0;
}

/* After an ordinal, the end of a series noun's words in lower case: at
 * most two adjectives of any kind ("rencontre virtuelle"), then a
 * complement that series_end() reads with a capital or an adjective of
 * cue initiative-adjective in it, and a closing "du Lot", "des Fabriques
 * de territoire" (a capitalised run); @j when no such complement follows
 * ("la deuxième rencontre régionale de l'année"). */
static size_t
ordinal_series_end(struct pscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t k, e, c;

  for(k = j; k < w->n && k < j + 2 && !w->v[k - 1].gap &&
      !w->v[k].cap && !kg_names_phrase(sc->lx, w, k, KG_CUE_NAME_CONNECTOR);
      k++)
    ;
  if((e = series_end(sc, k)) == k)
    return j;
  for(c = 0; k < e && !c; k++)   /* "de l'année": no series named */
    c = w->v[k].cap ||
        kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_ADJECTIVE) == 1;
  if(!c)
    return j;
  if(e + 1 < w->n && !w->v[e - 1].gap &&
     (c = kg_names_phrase(sc->lx, w, e, KG_CUE_NAME_CONNECTOR)) != 0 &&
     e + c < w->n && !w->v[e + c - 1].gap &&
     kg_names_capital(sc->lx, w, e + c))
    e = kg_names_run(sc->lx, w, e + c, SERIES_WORDS);
  return e;
}

/* Does an organisation's head noun come before word @i, with at most a
 * "des" between ("l'association des Jeudis des Espaces Publics
 * Numériques": the body, not the series)? */
static int
org_head_before(struct pscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t k = i;

  if(k > 0 && !w->v[k - 1].gap &&
     kg_names_phrase_before(sc->lx, w, k, KG_CUE_NAME_CONNECTOR) < k)
    k = kg_names_phrase_before(sc->lx, w, k, KG_CUE_NAME_CONNECTOR);
  return k > 0 && !w->v[k - 1].gap &&
         kg_names_phrase_before(sc->lx, w, k, KG_CUE_ORG_HEAD) < k;
}

/* "les rencontres d'Autrans": a series noun in lower case and in the
 * plural (cue event-series-lower), "de" or "d'" and one or two
 * capitalised words that open no sentence: the end, else @i. */
static size_t
place_series_end(struct pscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  const char *k = w->v[i].key;
  size_t m, c, len = strlen(k);

  if(w->v[i].cap || !len || k[len - 1] != 's' ||
     !(m = kg_names_phrase(sc->lx, w, i, KG_CUE_EVENT_SERIES_LOWER)) ||
     i + m + 1 >= w->n || w->v[i + m - 1].gap ||
     (strcmp(w->v[i + m].key, "de") && strcmp(w->v[i + m].key, "d")) ||
     w->v[i + m].gap)
    return i;
  c = i + m + 1;
  if(!kg_names_capital(sc->lx, w, c) || w->v[c].initial)
    return i;
  return kg_names_run(sc->lx, w, c, 2);
}

/* The end of the "de" complements in lower case after word @e ("des
 * bibliothèques" after "la rencontre des médiateurs numériques"): at most
 * two, each a noun and its adjectives, never a count ("des 32 espaces")
 * nor a word that ends a name. */
static size_t
lower_complements(struct pscan *sc, size_t e)
{
  const struct kg_words *w = &sc->w;
  size_t c, k, n;

  for(n = 0; n < 2 && e < w->n && !w->v[e - 1].gap; n++) {
    if(!(c = kg_names_phrase(sc->lx, w, e, KG_CUE_NAME_CONNECTOR)) ||
       (k = e + c) >= w->n || w->v[k - 1].gap || w->v[k].cap ||
       (w->v[k].key[0] >= '0' && w->v[k].key[0] <= '9') ||
       kg_names_phrase(sc->lx, w, k, KG_CUE_NAME_STOP) ||
       kg_names_phrase(sc->lx, w, k, KG_CUE_NAME_CONNECTOR))
      break;
    for(e = k + 1; e < w->n && !w->v[e - 1].gap &&
        (kg_names_phrase(sc->lx, w, e, KG_CUE_ORG_ADJECTIVE) == 1 ||
         kg_names_phrase(sc->lx, w, e, KG_CUE_INITIATIVE_ADJECTIVE) == 1);
        e++)
      ;
  }
  return e;
}

/* "le salon de l'inclusion numérique", "la mêlée numérique", "les
 * rencontres régionales France services": after a determiner (cue
 * initiative-determiner), a noun of cue event-named in lower case, its
 * adjectives and complement (series_end()) or a capitalised run right
 * after its adjectives, with a capital or an adjective of cue
 * initiative-adjective among them: the end, else @i.  Not in a heading
 * ("Pad de la rencontre départementale des aidants": the report's own
 * event, as its title gives it). */
static size_t
named_event_end(struct pscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t m, e, k;
  int named = 0;

  if(sc->bl->kind == KG_BLK_HEADING || w->v[i].cap ||
     !one_word_before(sc, i, KG_CUE_EVENT_DETERMINER) ||
     !(m = kg_names_phrase(sc->lx, w, i, KG_CUE_EVENT_NAMED)) ||
     i + m >= w->n || w->v[i + m].cap ||
     (e = series_end(sc, i + m)) == i + m)
    return i;   /* "le séminaire Numérique en Commun": the known one's */
  if(e < w->n && !w->v[e - 1].gap && kg_names_capital(sc->lx, w, e) &&
     !w->v[e].initial)
    e = known_end(sc, e, kg_names_run(sc->lx, w, e, SERIES_WORDS));
  else
    e = lower_complements(sc, e);
  for(k = i + m; k < e && !named; k++)
    named = w->v[k].cap ||
            kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_ADJECTIVE) == 1;
  return named ? e : i;
}

/* "les Rencontres nationales des EPN", "le Carrefour de l'inclusion
 * numérique": a capitalised series noun with an adjective or a complement;
 * "la 4ème rencontre des conseillers numériques du Lot": a series noun in
 * lower case after an ordinal, without the ordinal (0.60). */
static void
series_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, m, e;

  for(i = 0; i < w->n; i++) {
    if(!w->v[i].cap && i > 0 && !w->v[i - 1].gap && ordinal(sc, i - 1) &&
       (m = kg_names_phrase(sc->lx, w, i, KG_CUE_EVENT_SERIES_LOWER)) &&
       (e = ordinal_series_end(sc, i + m)) > i + m) {
      add_words(sc, i, e, 60, FLAGS(R_SERIES, -1));
      i = e - 1;
      continue;
    }
    if((e = place_series_end(sc, i)) > i ||
       (e = named_event_end(sc, i)) > i) {
      add_words(sc, i, e, 60, FLAGS(R_SERIES, -1));
      i = e - 1;
      continue;
    }
    if(!w->v[i].cap ||
       !(m = kg_names_phrase(sc->lx, w, i, KG_CUE_EVENT_SERIES)) ||
       org_head_before(sc, i))
      continue;
    if((e = series_end(sc, i + m)) == i + m && i + m < w->n &&
       !w->v[i + m - 1].gap && w->v[i + m].acro && !w->v[i].acro)
      e = i + m + 1;   /* "les Rencontres ECM": the programme's acronym;
                          not "RENCONTRES POUR", a heading in capitals */
    if(e == i + m)
      continue;
    add_words(sc, i, e, 60, FLAGS(R_SERIES, -1));
    i = e - 1;
  }
}

static void
quoted_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t s, e;

  for(s = 0; s < w->n; s++) {
    long before = (long)s - 1;
    int conf = 60;

    if((s && !(w->v[s - 1].gap & KG_GAP_QUOTE)) ||
       !gap_holds(sc, before, opening))
      continue;
    e = quoted_end(sc, s, 8);
    if(e + 1 <= s + 1 ||
       !((e < s + 6 && title_words(sc, s, e)) || kind_first(sc, s, e)))
      continue;  /* one quoted word is a notion more often than a name; a
                    title has six words at most, a kind's phrase eight ("un
                    \" passeport pour l'Internet et le multimédia \"") */
    if(s && (kg_names_phrase_before(sc->lx, w, s, KG_CUE_ORG_HEAD) < s ||
             kg_names_phrase_before(sc->lx, w, s, KG_CUE_ORG_HEAD_WEAK) < s))
      continue;
    if(s && kg_names_phrase_before(sc->lx, w, s, KG_CUE_PRESENTATION) < s)
      conf = 75;
    add_words(sc, s, e + 1, conf, FLAGS(R_QUOTED, -1));
    s = e;
  }
}

/* "SWITCH#3": letters, a hash sign, an edition number; "la campagne
 * #vuedemafenetre": a hashtag after an initiative noun or a presentation
 * cue (a bare "#Mixité" is a topic, not a campaign). */
static void
hashtag_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i;

  for(i = 0; i < w->n; i++) {
    const char *t = sc->bl->text + w->v[i].a, *h;
    size_t len = w->v[i].z - w->v[i].a, k, letters = 0;

    if(!(h = memchr(t, '#', len)))
      continue;
    for(k = 0; k < len; k++)
      letters += (t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z';
    if(letters < 3)
      continue;
    if(h > t ? h[1] >= '0' && h[1] <= '9' :
       i && !w->v[i - 1].gap &&
       (kg_names_phrase_before(sc->lx, w, i, KG_CUE_INITIATIVE_INTRO) < i ||
        kg_names_phrase_before(sc->lx, w, i, KG_CUE_PRESENTATION) < i))
      add_words(sc, i, i + 1, 70, FLAGS(R_HASHTAG, -1));
  }
}

/* Start of a name in lower case that ends at word @i before an
 * apposition, else i + 1: a capitalised word and adjectives of cue
 * initiative-adjective ("aux Quartiers numériques, initiative
 * d'insertion …"), or a kind of initiative after a one-word determiner
 * and its "de" complement of at most three words ("la charte de la
 * médiation, outil managérial …"). */
static size_t
lower_apposition_start(struct pscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t k = i + 1, m, s;

  while(k > 0 && i + 1 - k < 2 && !w->v[k - 1].cap &&
        (k - 1 == i || !w->v[k - 1].gap) &&
        kg_names_phrase(sc->lx, w, k - 1, KG_CUE_INITIATIVE_ADJECTIVE) == 1)
    k--;
  if(k <= i && (s = kg_names_run_back(sc->lx, w, k, 5)) < k &&
     !w->v[s].initial)
    return s;
  for(k = i; k + 5 > i && k >= 1; k--) {
    if(w->v[k].gap && k < i)
      break;
    if(w->v[k].cap || !(m = kg_names_phrase(sc->lx, w, k,
                                            KG_CUE_INITIATIVE_KIND)) ||
       k + m > i || !one_word_before(sc, k, KG_CUE_INITIATIVE_DET) ||
       !kg_names_phrase(sc->lx, w, k + m, KG_CUE_NAME_CONNECTOR))
      continue;
    return k;
  }
  return i + 1;
}

/* Are words [s, e) shaped like a person's name ("Jean Martin, un …")
 * unless each is a common word and the first no first name ("Super
 * Demain, un week-end …": words of the language, capitalised, name a
 * thing)? */
static int
person_like(struct pscan *sc, size_t s, size_t e)
{
  const struct kg_word *v = sc->w.v;
  size_t k;

  if(!kg_names_person_shaped(&sc->w, s, e) || !sc->x->lex)
    return kg_names_person_shaped(&sc->w, s, e);
  if(kg_lexicon_classes(sc->x->lex, sc->bl->text + v[s].a, v[s].z - v[s].a) &
     KG_LEX_FIRST_NAME)
    return 1;
  for(k = s; k < e; k++)
    if(!(kg_lexicon_classes(sc->x->lex, sc->bl->text + v[k].a,
                            v[k].z - v[k].a) & KG_LEX_COMMON))
      return 1;
  return 0;
}

/* "PorTReA, un outil de recensement": a name, a comma, an initiative
 * noun. */
static void
apposition_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, s, h;

  for(i = 0; i + 1 < w->n; i++) {
    if(w->v[i].gap != KG_GAP_COMMA)
      continue;
    h = kg_names_skip_article(sc->lx, w, i + 1);
    if(h >= w->n || (h > i + 1 && w->v[h - 1].gap) || w->v[h].cap ||
       !kg_names_phrase(sc->lx, w, h, KG_CUE_INITIATIVE_INTRO))
      continue;
    s = kg_names_run_back(sc->lx, w, i + 1, 5);
    if(s > i && (s = lower_apposition_start(sc, i)) <= i) {
      add_words(sc, s, i + 1, 60, FLAGS(R_APPOSITION, -1));
      continue;
    }
    if(s > i || (w->v[s].initial && s == i && !w->v[s].acro &&
                 !w->v[s].mixed) ||
       person_like(sc, s, i + 1))
      continue;
    add_words(sc, s, i + 1, 65, FLAGS(R_APPOSITION, -1));
  }
}

/* Does a known initiative start at word @s? */
static int
known_at(struct pscan *sc, size_t s)
{
  return known_in(sc, sc->w.v[s].a, sc->w.v[s].a + 1);
}

/* Do words [s, e) hold a capital, an acronym or a digit (after the first
 * word), or open with a kind of initiative ("baromètre")? */
static int
frame_named(struct pscan *sc, size_t s, size_t e)
{
  size_t k;

  if(kg_names_phrase(sc->lx, &sc->w, s, KG_CUE_INITIATIVE_KIND))
    return 1;
  for(k = s + 1; k < e; k++)
    if(sc->w.v[k].cap || sc->w.v[k].acro ||
       (sc->w.v[k].key[0] >= '0' && sc->w.v[k].key[0] <= '9'))
      return 1;
  return sc->w.v[s].cap || sc->w.v[s].acro;
}

/* Does word @e end a name after "dans le cadre du"? */
static int
frame_stop(struct pscan *sc, size_t e)
{
  return kg_names_phrase(sc->lx, &sc->w, e, KG_CUE_NAME_STOP) ||
         kg_names_phrase(sc->lx, &sc->w, e, KG_CUE_INITIATIVE_NAMING) ||
         kg_names_phrase(sc->lx, &sc->w, e, KG_CUE_ORG_PARTICIPLE) ||
         kg_names_phrase(sc->lx, &sc->w, e, KG_CUE_INITIATIVE_FRAME_STOP);
}

/* "dans le cadre du SCORAN", "dans le cadre du baromètre des réformes
 * prioritaires" (cue initiative-frame): the words up to a punctuation mark
 * or frame_stop(), at most FRAME_WORDS; not when a known initiative is
 * among them ("dans le cadre du dispositif France Service": the known
 * one) (0.60). */
static void
frame_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, m, s, e;

  for(i = 0; i < w->n; i++) {
    if(!(m = kg_names_phrase(sc->lx, w, i, KG_CUE_INITIATIVE_FRAME)) ||
       (s = i + m) >= w->n || w->v[s - 1].gap)
      continue;
    while(s + 1 < w->n && !w->v[s].gap &&
          kg_names_phrase(sc->lx, w, s, KG_CUE_INITIATIVE_FRAME_SKIP) == 1)
      s++;
    /* "l'appel à projets national": a kind's words are read whole */
    e = s + kg_names_phrase(sc->lx, w, s, KG_CUE_INITIATIVE_KIND);
    if(e > s && w->v[e - 1].gap)
      e = s;   /* "du plan, …": read below */
    while(e < w->n && e < s + FRAME_WORDS && !frame_stop(sc, e))
      if(w->v[e++].gap)
        break;
    if(e == s || (e < w->n && e == s + FRAME_WORDS && !w->v[e - 1].gap) ||
       (e < w->n && kg_names_phrase(sc->lx, w, e, KG_CUE_INITIATIVE_NAMING)) ||
       known_at(sc, s) || !frame_named(sc, s, e) ||
       (kg_names_phrase(sc->lx, w, s, KG_CUE_INITIATIVE_INTRO) &&
        s + 1 < w->n && w->v[s + 1].cap))
      continue;  /* "du dispositif France Service": intro_names();
                    "de l'appel à projets national intitulé « … »": the
                    name follows */
    add_words(sc, s, e, 60, FLAGS(R_FRAME, -1));
    i = e - 1;
  }
}

/* "PANEL (Programme d'Accompagnement Numérique en Lozère)" (0.85);
 * "PANDA (Point d'Accès Numérique de Dijon …)", "la VAE (Validation des
 * Acquis d'Expérience)": an expansion that opens with a singular noun
 * that is neither an initiative noun nor a body's head noun names a
 * scheme more often than a body (0.55); a plural names a kind ("EVS
 * (Espaces de Vie Sociale)", "ALD (Affections de Longue Durée)"), and so
 * does an acronym of cue acronym-not-org ("EPN", "TIC"); a known body is
 * none (plausible_text()). */
static void
acronym_names(struct pscan *sc)
{
  struct kg_names_spans p = { NULL, 0, 0 };
  const struct kg_vocab *v = sc->x->v;
  size_t i;

  kg_names_acronyms(sc->lx, &sc->w, &p);
  for(i = 0; i < p.n; i++) {
    const struct kg_names_span *s = &p.v[i];
    int kind = kg_names_expansion_kind(sc->lx, &sc->w, (size_t)s->flags);

    if(kind == 2)
      kg_names_span_add(&sc->c, s->a, s->z, s->aa, s->az, 85,
                        FLAGS(R_ACRONYM, -1));
    else if(!kind && !plural_word(&sc->w, (size_t)s->flags) &&
            !kg_vocab_phrase_is(v->cues[KG_CUE_ACRONYM_NOT_ORG],
                                v->ncues[KG_CUE_ACRONYM_NOT_ORG],
                                sc->bl->text + s->aa, s->az - s->aa) &&
            plausible_text(sc, s->a, s->z) && plausible_text(sc, s->aa, s->az))
      kg_names_span_add(&sc->c, s->a, s->z, s->aa, s->az, 55,
                        FLAGS(R_ACRONYM, -1));
  }
  free(p.v);
}

/* A list item of notes that is a name in lower case ("- biennale
 * Grigny", "- rencontres régionales Annonay 2011", "- stratégie Nalee pour
 * un numérique inclusif (2018)" in a timeline): a noun of cue
 * event-series-lower or initiative-kind in lower case and without
 * determiner, at most two adjectives, a capitalised word, and nothing
 * after the name but a parenthesis; ITEM_WORDS words at most (0.60). */
static void
item_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t m, j, k, e;

  if(sc->bl->kind != KG_BLK_ITEM || w->n < 2 || w->v[0].cap ||
     w->v[0].acro || w->v[0].mixed ||
     (!(m = kg_names_phrase(sc->lx, w, 0, KG_CUE_EVENT_SERIES_LOWER)) &&
      !(m = kg_names_phrase(sc->lx, w, 0, KG_CUE_INITIATIVE_KIND))))
    return;
  for(j = m, k = 0; j < w->n && k < 2 && !w->v[j - 1].gap &&
      (kg_names_phrase(sc->lx, w, j, KG_CUE_INITIATIVE_ADJECTIVE) == 1 ||
       kg_names_phrase(sc->lx, w, j, KG_CUE_ORG_ADJECTIVE) == 1); j++, k++)
    ;
  if(j >= w->n || w->v[j - 1].gap || !kg_names_capital(sc->lx, w, j))
    return;
  for(e = j + 1; e < w->n && !w->v[e - 1].gap; e++)
    ;
  if(e > ITEM_WORDS || (e < w->n && !(w->v[e - 1].gap & KG_GAP_OPEN)))
    return;   /* "- création Hinaura, puis …": a sentence, not a name */
  add_words(sc, 0, e, 60, FLAGS(R_ITEM, -1));
}

/* Does block @b hold a word of cue initiative-list-heading? */
static int
list_heading_block(struct pscan *sc, size_t b)
{
  const struct kg_words *w = kg_report_words(sc->x, b);  /* SHARED */
  size_t k;

  for(k = 0; k < w->n; k++)
    if(kg_names_phrase(sc->lx, w, k, KG_CUE_INITIATIVE_LIST_HEADING))
      return 1;
  return 0;
}

/* Is the list of item @b under a heading of projects ("## Exemplier"),
 * or after a sentence ending with a colon that names them ("Projets
 * présentés :")?  The items' descriptions may come between. */
static int
under_list_heading(struct pscan *sc)
{
  const struct kg_block *v = sc->x->doc.blocks;
  size_t b = sc->b;

  while(b-- > 0) {
    if(v[b].kind == KG_BLK_HEADING)
      return list_heading_block(sc, b);
    if(v[b].kind == KG_BLK_PARA && v[b].len && v[b].text[v[b].len - 1] == ':')
      return list_heading_block(sc, b);
  }
  return 0;
}

/* An item of a list of projects that is a name, whole: at most
 * ITEM_WORDS words after its article, no punctuation, a capital after
 * its first word ("- Un Label des Tiers Lieux en région" under "##
 * Exemplier") (0.60). */
static void
project_item_names(struct pscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t s, k;

  if(sc->bl->kind != KG_BLK_ITEM || w->n < 2 || w->n > ITEM_WORDS + 1)
    return;
  s = kg_names_skip_article(sc->lx, w, 0);
  for(k = 0; k + 1 < w->n && !w->v[k].gap; k++)
    ;
  if(k + 1 < w->n || s + 1 >= w->n || w->n - s > ITEM_WORDS)
    return;
  for(k = s + 1; k < w->n && !kg_names_capital(sc->lx, w, k); k++)
    ;
  if(k == w->n || person_like(sc, s, w->n) || !under_list_heading(sc))
    return;   /* "- Marie Martin": a person, not a project */
  add_words(sc, s, w->n, 60, FLAGS(R_ITEM, -1));
}

/* ------------------------------------------------------------ registry */

int
kg_prose_surname(struct istate *st, size_t b, size_t start, size_t end)
{
  const struct kg_words *w = kg_report_words(st->x, b);  /* SHARED */
  const struct kg_block *bl = &st->x->doc.blocks[b];
  size_t k, e;
  int trap = 0;

  for(k = 0; k < w->n && w->v[k].a < start; k++)
    ;
  if(k > 0 && k < w->n && w->v[k].a == start && !w->v[k - 1].gap) {
    const struct kg_word *p = &w->v[k - 1];

    /* "Marie Albert": a person the report knows, or a capitalised word
     * that is no word of the vocabulary and starts no sentence */
    trap = kg_report_is_person(st->x, bl->text + p->a, end - p->a) ||
           (p->cap && !p->acro && !p->initial &&
            !kg_names_vocab_word(w, k - 1));
  }
  /* "Albert Le Gall": the first name of a person the report knows */
  for(e = k; !trap && k < w->n && w->v[k].a == start && e + 1 < w->n &&
      e < k + 3 && !w->v[e].gap; e++)
    trap = kg_report_is_person(st->x, bl->text + start, w->v[e + 1].z - start);
  return trap;
}

/* Known initiatives in blocks no session owns (initiatives.c reads the
 * sessions'), not as a surname. */
static void
registry_names(struct pscan *sc)
{
  const struct kg_dict_hits *hits;
  size_t i;

  if(sc->sec >= 0 || !sc->x->reg)
    return;
  hits = kg_passage_block_hits(sc->st, sc->b);
  for(i = 0; i < hits->n; i++) {
    const struct kg_dict_entry *de = kg_passage_hit_kind(&hits->v[i],
                                                         KG_DICT_INITIATIVE);

    if(!de || kg_passage_hit_kind(&hits->v[i], KG_DICT_ORG) ||
       kg_prose_surname(sc->st, sc->b, hits->v[i].start, hits->v[i].end) ||
       !kg_initiatives_hit_stands(sc->st, sc->bl->text, sc->bl->len,
                                  &hits->v[i], &sc->x->reg->ents[de->index]))
      continue;
    kg_names_span_add(&sc->c, hits->v[i].start, hits->v[i].end, 0, 0, 100,
                      FLAGS(R_REGISTRY, (int)de->index));
  }
}

/* ------------------------------------------------------------ emit */

/* The initiative found earlier in the prose whose name starts with the
 * words of text[a, z) and a "de" complement ("le Carrefour numérique"
 * after "le Carrefour numérique de la CSI"): the short form names it. */
static struct init *
longer_name(struct istate *st, size_t a, size_t z)
{
  struct kg_buf key = KG_BUF_INIT;
  struct init *in = NULL;
  size_t i;

  kg_text_key(st->x->e.text + a, z - a, &key);
  for(i = 0; i < st->n && !in && key.len; i++) {
    const char *k = st->v[i].namekey;

    if(!strncmp(st->v[i].rule, "prose:", 6) && strncmp(st->v[i].key, "reg:", 4) &&
       !strncmp(k, key.s, key.len) &&
       (!strncmp(k + key.len, " de ", 4) || !strncmp(k + key.len, " du ", 4) ||
        !strncmp(k + key.len, " des ", 5) || !strncmp(k + key.len, " d ", 3)))
      in = &st->v[i];
  }
  kg_buf_release(&key);
  return in;
}

static void
emit(struct pscan *sc, const struct kg_names_span *c)
{
  struct kg_report *x = sc->x;
  const struct kg_block *bl = sc->bl;
  size_t a = kg_report_src(bl, c->a), z = kg_report_src_end(bl, c->z);
  int ent = (c->flags >> 4) - 1;
  const struct kg_entity *en = ent >= 0 ? &x->reg->ents[ent] : NULL;
  struct init *in = kg_initiatives_lookup(sc->st, a, z, en);

  if(!in && !en)
    in = longer_name(sc->st, a, z);
  if(in) {
    kg_evidence_mention(&x->e, in->node, a, z);
    return;
  }
  sc->st->cand_conf = c->conf;
  in = kg_initiatives_add(sc->st, sc->sec, a, z, en, rules[c->flags & 15],
                          sc->b, sc->b + 1);
  sc->st->cand_conf = 0;
  if(in && c->az > c->aa && !en) {
    size_t aa = kg_report_src(bl, c->aa), az = kg_report_src_end(bl, c->az);

    kg_evidence_po(&x->e, in->node, KG_NS_SCHEMA, "alternateName",
                   kg_evidence_litn(&x->e, x->e.text + aa, az - aa, NULL));
    kg_evidence_mention(&x->e, in->node, aa, az);
  }
}

/* Is span @i a known initiative strictly inside another candidate, after
 * its first word ("la 4ème rencontre des conseillers numériques du Lot";
 * not "NEC Dordogne", an edition of the known one)? */
static int
inner_known(const struct kg_names_spans *c, size_t i)
{
  size_t j;

  if((c->v[i].flags & 15) != R_REGISTRY)
    return 0;
  for(j = 0; j < c->n; j++)
    if((c->v[j].flags & 15) != R_REGISTRY && c->v[j].a < c->v[i].a &&
       c->v[i].z <= c->v[j].z && c->v[j].z - c->v[j].a > c->v[i].z - c->v[i].a)
      return 1;
  return 0;
}

/* Chooses among overlapping candidates (kg_names_spans_resolve()), except
 * that a known initiative inside a longer candidate does not compete with
 * it: the longer name is chosen on its own merits, and the known one is
 * named too when the chosen candidate holds it or nothing chosen overlaps
 * it.  Reorders c->v; keep[i] says whether c->v[i] is kept. */
static void
resolve(struct kg_names_spans *c, char *keep)
{
  size_t i, j, n = 0, all = c->n;

  for(i = 0; i < all; i++)          /* the inner known ones go last */
    if(!inner_known(c, i)) {
      struct kg_names_span t = c->v[n];

      c->v[n++] = c->v[i];
      c->v[i] = t;
    }
  c->n = n;
  kg_names_spans_resolve(c, keep);
  c->n = all;
  for(i = n; i < all; i++) {
    int holds = 0, overlaps = 0;

    for(j = 0; j < n; j++) {
      if(!keep[j] || c->v[j].z <= c->v[i].a || c->v[i].z <= c->v[j].a)
        continue;
      overlaps = 1;
      holds |= c->v[j].a <= c->v[i].a && c->v[i].z <= c->v[j].z;
    }
    keep[i] = holds || !overlaps;
  }
}

void
kg_prose_find(struct istate *st)
{
  struct pscan sc;
  size_t i;

  memset(&sc, 0, sizeof sc);
  sc.st = st;
  sc.x = st->x;
  sc.lx = kg_report_names(st->x);
  for(sc.b = 0; sc.b < sc.x->doc.nblocks; sc.b++) {
    char *keep;

    sc.bl = &sc.x->doc.blocks[sc.b];
    if(sc.bl->kind == KG_BLK_CODE)
      continue;
    sc.sec = owner(sc.x, sc.b);
    sc.w = *kg_report_words(sc.x, sc.b);  /* SHARED: the report keeps it */
    sc.c.n = 0;
    registry_names(&sc);
    intro_names(&sc);
    quoted_names(&sc);
    hashtag_names(&sc);
    apposition_names(&sc);
    acronym_names(&sc);
    kind_names(&sc);
    capital_kind_names(&sc);
    series_names(&sc);
    frame_names(&sc);
    item_names(&sc);
    project_item_names(&sc);
    keep = kg_xcalloc(sc.c.n + 1, 1);
    resolve(&sc.c, keep);
    for(i = 0; i < sc.c.n; i++)
      if(keep[i])
        emit(&sc, &sc.c.v[i]);
    free(keep);
  }
  free(sc.c.v);
}
