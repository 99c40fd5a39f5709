/* orgs.c - organisations named anywhere in the prose of a report.
 *
 * Every block is read word by word (names.c) for the shapes an
 * organisation's name takes in French prose; the words of each shape are
 * data (ontology/organisations.ttl).  Each shape proposes a span; where two
 * overlap, a registry name wins, then the longer span.  The survivors go
 * through kg_report_org_named(), which resolves registry names and aliases,
 * reads the territory in the name and marks unknown names as candidates
 * with the shape's confidence.  No relation is stated here: a name alone
 * says nothing of who carries what.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "base/text.h"
#include "extract/doc.h"
#include "extract/evidence.h"
#include "extract/names.h"
#include "extract/orgs.h"
#include "extract/places.h"
#include "extract/report.h"
#include "rdf/ns.h"
#include "ref/gaz.h"
#include "ref/lexicon.h"
#include "ref/registry.h"
#include "ref/vocab.h"

struct later {            /* a standalone name, resolved at the end */
  size_t a, z;            /* source bytes */
  int conf;
};

struct oscan {
  struct kg_report *x;
  const struct kg_names_lex *lx;  /* SHARED: the report's */
  struct kg_dict *dict;   /* registry organisation names */
  const struct kg_block *bl;
  struct kg_words w;
  struct kg_names_spans c;  /* flags: 1 for a standalone name */
  struct kg_places pl;    /* the block's territories, read once */
  struct later *later;
  size_t nlater, caplater;
};

#define BIT(r) ((size_t)1 << (r))
#define EMITTED 2           /* span flag: made before, by kg_orgs_acronyms() */
#define REP_ITEM_WORDS 10   /* words of one item of a list of bodies */
#define COMPANION_WORDS 4   /* words of a body named among known ones */

/* ------------------------------------------------------------ helpers */

static void
add_span(struct oscan *sc, size_t a, size_t z, size_t aa, size_t az, int conf,
         int standalone)
{
  kg_names_span_add(&sc->c, a, z, aa, az, conf, standalone);
}

/* Words [i, j) as a candidate. */
static void
add_words(struct oscan *sc, size_t i, size_t j, int conf)
{
  if(j > i)
    add_span(sc, sc->w.v[i].a, sc->w.v[j - 1].z, 0, 0, conf, 0);
}

static size_t
phrase(struct oscan *sc, size_t i, enum kg_cue_role role)
{
  return i < sc->w.n ? kg_names_phrase(sc->lx, &sc->w, i, role) : 0;
}

static int
capital(struct oscan *sc, size_t i)
{
  return i < sc->w.n && kg_names_capital(sc->lx, &sc->w, i);
}


/* "Drôme-Ardèche": two territories joined by a hyphen name a territory. */
static int
place_pair(struct oscan *sc, const char *t, size_t len)
{
  size_t p;

  for(p = 1; p + 1 < len; p++)
    if(t[p] == '-' && kg_report_is_place(sc->x, t, p) &&
       kg_report_is_place(sc->x, t + p + 1, len - p - 1))
      return 1;
  return 0;
}

/* A name proposed by a weak shape (a list, an agent, an apposition): not a
 * place, not a person, and unless @listed (in a list of organisations) not
 * shaped like one. */
static int
plausible(struct oscan *sc, size_t i, size_t j, int listed)
{
  const char *t = sc->bl->text + sc->w.v[i].a;
  size_t len = sc->w.v[j - 1].z - sc->w.v[i].a;

  return j > i && !kg_report_is_place(sc->x, t, len) &&
         !place_pair(sc, t, len) &&
         !kg_report_is_person(sc->x, t, len) &&
         (listed || !kg_names_person_shaped(&sc->w, i, j));
}

/* Do words [i, j) open with a first name and look like a person's name
 * ("Jean Nicoli", "Boby Lapointe")? */
static int
first_named(struct oscan *sc, size_t i, size_t j)
{
  const struct kg_word *v = &sc->w.v[i];

  return kg_names_person_shaped(&sc->w, i, j) && sc->x->lex &&
         (kg_lexicon_classes(sc->x->lex, sc->bl->text + v->a, v->z - v->a) &
          KG_LEX_FIRST_NAME);
}

/* Is word @i a first name and no place ("animé par Jeanne Martin de
 * Familles Rurales", not "Paris Terres d'Envol")? */
static int
first_name_at(struct oscan *sc, size_t i)
{
  const struct kg_word *v = &sc->w.v[i];
  const char *t = sc->bl->text + v->a;

  return !v->acro && sc->x->lex &&
         (kg_lexicon_classes(sc->x->lex, t, v->z - v->a) &
          KG_LEX_FIRST_NAME) && !kg_report_is_place(sc->x, t, v->z - v->a);
}

/* ------------------------------------------------------------ head nouns */

enum head_kind { HEAD_NONE = 0, HEAD_STRONG, HEAD_WEAK, HEAD_PROPER,
                 HEAD_STANDALONE };

/* The longest head phrase at word @i and its kind; capital-only kinds need
 * a capital.  Returns its number of words. */
static size_t
head_at(struct oscan *sc, size_t i, enum head_kind *kind)
{
  static const struct { enum kg_cue_role role; enum head_kind kind; int cap; }
  k[] = { { KG_CUE_ORG_STANDALONE, HEAD_STANDALONE, 1 },
          { KG_CUE_ORG_INSTITUTION, HEAD_STANDALONE, 0 },
          { KG_CUE_ORG_HEAD, HEAD_STRONG, 0 },
          { KG_CUE_ORG_HEAD_WEAK, HEAD_WEAK, 0 },
          { KG_CUE_ORG_HEAD_PROPER, HEAD_PROPER, 1 } };
  size_t r, best = 0;

  *kind = HEAD_NONE;
  for(r = 0; r < sizeof k / sizeof k[0]; r++) {
    size_t m;

    if(k[r].cap && !sc->w.v[i].cap)
      continue;
    m = phrase(sc, i, k[r].role);
    if(m > best) {
      best = m;
      *kind = k[r].kind;
    }
  }
  return best;
}

/* "des CCAS", "une petite association": a determiner, perhaps one word,
 * then the head at word @i: a kind of body, not one. */
static int
generic(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t k;

  for(k = i; k > 0 && i - k < 2 && !w->v[k - 1].gap; k--)
    if(kg_names_phrase_before(sc->lx, w, k, KG_CUE_PLURAL_DET) < k)
      return 1;
  return 0;
}

/* "mise en réseau des Conseillers Numériques", "chargé de réseau": a weak
 * head in lower case right after a connector that is no article names a
 * way of working, not a body. */
static int
bare_weak(struct oscan *sc, size_t i, enum head_kind kind)
{
  const struct kg_words *w = &sc->w;

  return kind == HEAD_WEAK && !w->v[i].cap && i > 0 && !w->v[i - 1].gap &&
         kg_names_phrase_before(sc->lx, w, i, KG_CUE_NAME_CONNECTOR) == i - 1 &&
         kg_names_phrase_before(sc->lx, w, i, KG_CUE_ARTICLE) == i;
}

/* "Quartiers Politique de la Ville de Tours": a capitalised head after a
 * connector that follows a capitalised word is inside a longer name (not
 * "Anne-Claire Dubreuil du conseil général"). */
static int
inside_name(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t c = kg_names_phrase_before(sc->lx, w, i, KG_CUE_NAME_CONNECTOR);

  return w->v[i].cap && c < i && c > 0 && !w->v[i - 1].gap &&
         !w->v[c - 1].gap &&
         capital(sc, c - 1) && !w->v[c - 1].initial;
}

/* The complement of a head ending at word @j: "de Landujan" (*named 0) or
 * a name, with its capitalised article ("La Mednum", *named 1).  Returns the
 * end of the complement, *from its first word; @j when there is none. */
static size_t
complement(struct oscan *sc, size_t j, int allow_name, size_t *from,
           int *named)
{
  const struct kg_words *w = &sc->w;
  size_t c, k = j;

  *from = j;
  *named = 0;
  if(j >= w->n || w->v[j - 1].gap)
    return j;
  c = phrase(sc, j, KG_CUE_NAME_CONNECTOR);
  if(c && j + c < w->n && !w->v[j + c - 1].gap && capital(sc, j + c))
    return kg_names_run(sc->lx, w, j + c, 8);
  if(!allow_name)
    return j;
  if(phrase(sc, j, KG_CUE_ARTICLE) == 1 && !w->v[j].gap &&
     (w->v[j].cap || (j + 1 < w->n && w->v[j + 1].cap)))
    k = j + 1;  /* "la coopérative La Mednum", "l'espace socio-culturel le
                   Ruban Vert" */
  if(k > j && phrase(sc, j, KG_CUE_ARTICLE_CONTRACTED))
    *from = k;  /* "du tiers-lieu au Comptoir Numérique": "au" is "à le",
                   the preposition's */
  if(!capital(sc, k))
    return j;
  *named = 1;
  return kg_names_run(sc->lx, w, k, 6);
}

/* "Association des maires ruraux", "Fédération départementale des centres
 * sociaux", "Association des maires de l'Isère": after a capitalised head,
 * a connector, one to three words in lower case that end no name, and a
 * closing "de X" in capitals; the end, or @j when none follows. */
static size_t
common_complement(struct oscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t c, k, n = 0;

  if(j >= w->n || w->v[j - 1].gap ||
     !(c = phrase(sc, j, KG_CUE_NAME_CONNECTOR)))
    return j;
  for(k = j + c; k < w->n && n < 3 && !w->v[k - 1].gap && !w->v[k].cap &&
      !phrase(sc, k, KG_CUE_NAME_STOP) &&
      !phrase(sc, k, KG_CUE_NAME_CONNECTOR) &&
      w->v[k].z - w->v[k].a >= 3; k++, n++)
    ;
  if(!n)
    return j;
  if(k + 1 < w->n && !w->v[k - 1].gap &&
     (c = phrase(sc, k, KG_CUE_NAME_CONNECTOR)) && k + c < w->n &&
     !w->v[k + c - 1].gap && capital(sc, k + c))
    k = kg_names_run(sc->lx, w, k + c, 4);   /* "… de l'Isère" */
  return k;
}

/* Does "de" and a capital follow word @j ("Ville de Brest")? */
static int
capital_complement(struct oscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t c;

  if(j >= w->n || w->v[j - 1].gap || !(c = phrase(sc, j, KG_CUE_NAME_CONNECTOR)))
    return 0;
  return j + c < w->n && !w->v[j + c - 1].gap && capital(sc, j + c);
}

/* Does a complement in lower case follow word @j ("Département des études
 * et de la prospective": a service, not the Département)? */
static int
lower_complement(struct oscan *sc, size_t j)
{
  const struct kg_words *w = &sc->w;
  size_t c;

  if(j >= w->n || w->v[j - 1].gap || !(c = phrase(sc, j, KG_CUE_NAME_CONNECTOR)))
    return 0;
  return j + c < w->n && !w->v[j + c - 1].gap && !w->v[j + c].cap &&
         !w->v[j + c].acro && !w->v[j + c].mixed;
}

/* The end of a name whose capitalised words end before word @end, with
 * the adjective in lower case that closes it, and an acronym after that:
 * "Ministère de l'Éducation nationale", "GIP Territoires numériques BFC". */
static size_t
name_tail(struct oscan *sc, size_t end)
{
  const struct kg_words *w = &sc->w;

  if(end < w->n && !w->v[end - 1].gap &&
     phrase(sc, end, KG_CUE_ORG_ADJECTIVE) == 1 && ++end < w->n &&
     !w->v[end - 1].gap && w->v[end].acro)
    end++;
  return end;
}

/* "Commission Supérieure du Numérique et des Postes": a second part of a
 * name in capitals, "et", a connector and a capital right after word
 * @end - 1; the new end, or @end. */
static size_t
joined_part(struct oscan *sc, size_t end)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t c;

  if(end + 2 >= w->n || w->v[end - 1].gap || w->v[end].gap ||
     phrase(sc, end, KG_CUE_NAME_SEP) != 1 ||
     !(c = phrase(sc, end + 1, KG_CUE_NAME_CONNECTOR)) ||
     end + 1 + c >= w->n || w->v[end + c].gap || !capital(sc, end + 1 + c) ||
     head_at(sc, end + 1 + c, &kind))
    return end;
  return name_tail(sc, kg_names_run(sc->lx, w, end + 1 + c, 4));
}

/* Is the word before the head in lower case at @i a capitalised word of
 * its name, an article before it ("au Digital campus de Labège")? */
static int
capital_before(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  enum head_kind other;

  return i > 1 && !w->v[i - 1].gap && !w->v[i - 2].gap &&
         !w->v[i - 1].initial && !w->v[i - 1].acro && capital(sc, i - 1) &&
         !head_at(sc, i - 1, &other) &&
         kg_names_phrase_before(sc->lx, w, i - 1, KG_CUE_ARTICLE) < i - 1;
}

/* "la médiathèque de Landujan", "l'association Solidarnum", "le Hub
 * RhinOcc", "Football Club de Lens", "le Département". */
static size_t
head_name(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind, other;
  size_t m = head_at(sc, i, &kind), j, s = i, from, end, adj = 0;
  int named, capped = w->v[i].cap || w->v[i].acro;

  if(!m || ((kind == HEAD_PROPER ||
              (kind == HEAD_STANDALONE && !capital_complement(sc, i + m))) &&
             w->v[i].initial))
    return m ? m : 1;  /* a capital at a sentence's start proves nothing,
                          but "Ville de Brest" does */
  if(generic(sc, i) || inside_name(sc, i) || bare_weak(sc, i, kind))
    return m;
  /* an adjective in capitals after a head in lower case opens the name:
   * "l'association Numérique Pour Tous" */
  for(j = i + m; j < w->n && adj < 2 && !w->v[j - 1].gap &&
      phrase(sc, j, KG_CUE_ORG_ADJECTIVE) == 1 && (capped || !w->v[j].cap);
      j++)
    adj++;
  /* "du réseau SoLozère": a weak head after an article names one in mixed
   * case or capitals (not "un outil d'observatoire SENAX") */
  end = complement(sc, j, kind == HEAD_STRONG || capped ||
                   (kind == HEAD_WEAK && j < w->n &&
                    (w->v[j].acro || w->v[j].mixed) &&
                    kg_names_phrase_before(sc->lx, w, i, KG_CUE_ARTICLE) < i),
                   &from, &named);
  if(end == j) {
    if(kind == HEAD_STANDALONE && !w->v[i].initial && !lower_complement(sc, j))
      add_span(sc, w->v[i].a, w->v[i + m - 1].z, 0, 0, 60, 1);
    else if((kind == HEAD_STRONG ||
             (kind == HEAD_PROPER && phrase(sc, i, KG_CUE_ORG_MINISTRY))) &&
            w->v[i].cap && !w->v[i].initial &&
            (end = common_complement(sc, j)) > j)
      add_words(sc, i, end, 65);
    return end > j ? end - i : m;
  }
  end = name_tail(sc, end);
  if(capped || phrase(sc, i, KG_CUE_ORG_MINISTRY))
    end = joined_part(sc, end);   /* "ministère de l'Europe et des
                                     Affaires étrangères" too */
  if(named && !capped && kind != HEAD_WEAK &&
     !phrase(sc, i, KG_CUE_ORG_HEAD_KEPT) && !first_named(sc, from, end)) {
    s = from;  /* the name itself: "Solidarnum", "La Mednum"; a weak head
                  stays in it: "réseau SoLozère", a head before a
                  person's name: "lycée Jean Nicoli", and a school's
                  (cue org-head-kept): "école Boulle" */
  } else {
    /* capitals before a capitalised head: "Football Club de Lens" */
    while(capped && s > 0 && i - s < 2 && !w->v[s - 1].gap &&
          !w->v[s].initial && capital(sc, s - 1) &&
          !head_at(sc, s - 1, &other))
      s--;
    if(!capped && capital_before(sc, i))
      s--;  /* "au Digital campus de Labège" */
  }
  if(kg_report_is_person(sc->x, sc->bl->text + w->v[s].a,
                          w->v[end - 1].z - w->v[s].a))
    return m;
  add_words(sc, s, end, kind == HEAD_STRONG ? 80 : 70);
  return end - i;
}

/* ------------------------------------------------------------ territories */

/* EPCIs ("Bordeaux Métropole") and a territory with an organisation word
 * ("Lozère Développement", "Rennes, Ville et Métropole"). */
static void
territory_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, k;

  for(i = 0; i < sc->pl.n; i++) {
    const struct kg_place *p = &sc->pl.v[i];
    size_t m;

    if(p->terr->kind == KG_TERR_EPCI) {
      add_span(sc, p->start, p->end, 0, 0, 85, 0);
      continue;
    }
    for(k = 0; k < w->n && w->v[k].z < p->end; k++)
      ;
    if(k + 1 >= w->n || w->v[k].z != p->end || !w->v[k + 1].cap)
      continue;
    m = phrase(sc, k + 1, KG_CUE_ORG_SUFFIX);
    if(m && (!w->v[k].gap || (w->v[k].gap == KG_GAP_COMMA && m > 1)))
      add_span(sc, p->start, w->v[k + m].z, 0, 0, 75, 0);
  }
}

/* ------------------------------------------------------------ acronyms */

/* "Groupement d'intérêt public (GIP) Territoires numériques BFC": the
 * name that goes on after the bracketed acronym ending at byte @az; the
 * end byte of the expansion, @z, when none does. */
static size_t
after_acronym(struct oscan *sc, size_t az, size_t z)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t k, e;

  for(k = 0; k < w->n && w->v[k].z < az; k++)
    ;
  if(k + 1 >= w->n || w->v[k].z != az || w->v[k].gap != KG_GAP_CLOSE ||
     z > az || !capital(sc, k + 1) || head_at(sc, k + 1, &kind))
    return z;
  e = name_tail(sc, kg_names_run(sc->lx, w, k + 1, 4));
  return w->v[e - 1].z;
}

/* "ANCT (Agence nationale de la cohésion des territoires)" and
 * "Agence nationale de la cohésion des territoires (ANCT)": one
 * organisation, the acronym its alternate name. */
static void
acronym_names(struct oscan *sc, int flags)
{
  struct kg_names_spans p = { NULL, 0, 0 };
  size_t i;

  kg_names_acronyms(sc->lx, &sc->w, &p);
  for(i = 0; i < p.n; i++)
    if(kg_names_expansion_kind(sc->lx, &sc->w, (size_t)p.v[i].flags) == 1)
      add_span(sc, p.v[i].a, after_acronym(sc, p.v[i].az, p.v[i].z),
               p.v[i].aa, p.v[i].az, 85, flags);
  free(p.v);
}

/* Capital letters in t[0, len) ("CoRAIA": 5). */
static int
capitals(const char *t, size_t len)
{
  size_t p = 0;
  int cp, n = 0;

  while(p < len) {
    p += (size_t)kg_text_utf8_decode(t + p, len - p, &cp);
    n += utf8proc_isupper(cp) != 0;
  }
  return n;
}

/* Is word @k an acronym, in capitals or mixed case with three capitals or
 * more ("PQN-A", "CoRAIA")? */
static int
acronym_word(const struct oscan *sc, size_t k)
{
  const struct kg_word *v = &sc->w.v[k];

  return v->acro || (v->mixed && capitals(sc->bl->text + v->a, v->z - v->a) >= 3);
}

/* "d'ANEOL", "la CRESS Auvergne-Rhône-Alpes", "à l'IRIT", "la CoRAIA": an acronym of
 * three letters or more after a determiner or a preposition (cue
 * org-acronym-before), with the capitalised words right after it; not a
 * common word, a place, a person, a name the registry knows as something
 * else, an acronym that names no body (cue acronym-not-org: "RGPD",
 * "TIC"), nor one whose expansion follows (acronym_names() decides). */
static int
bare_acronym_at(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  const struct kg_word *a = &w->v[i];
  struct kg_buf k = KG_BUF_INIT;
  int known;

  if(!acronym_word(sc, i) || a->marked || a->z - a->a < 3 || w->v[i - 1].gap ||
     w->v[i - 1].acro || (a->gap & KG_GAP_OPEN) ||
     !phrase(sc, i - 1, KG_CUE_ORG_ACRONYM_BEFORE) ||
     phrase(sc, i, KG_CUE_ACRONYM_NOT_ORG) ||
     (sc->x->lex && (kg_lexicon_classes(sc->x->lex, sc->bl->text + a->a,
                                        a->z - a->a) & KG_LEX_COMMON)))
    return 0;
  kg_text_key(sc->bl->text + a->a, a->z - a->a, &k);
  known = kg_registry_lookup(sc->x->reg, k.s, -1) != NULL;
  kg_buf_release(&k);
  return !known;
}

static void
bare_acronyms(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, e, c;

  for(i = 1; i < w->n; i++) {
    if(!bare_acronym_at(sc, i))
      continue;
    for(e = i + 1; e < w->n && !w->v[e - 1].gap && w->v[e].cap &&
        !w->v[e].acro && e < i + 4; e++)
      ;
    /* "le SCD du Mans", "du SCD de l'UBO": its place or its parent body */
    if(e == i + 1 && e < w->n && !w->v[i].gap &&
       (c = phrase(sc, e, KG_CUE_NAME_CONNECTOR)) != 0 && e + c < w->n &&
       !w->v[e + c - 1].gap && capital(sc, e + c))
      e = kg_names_run(sc->lx, w, e + c, 3);
    if(!plausible(sc, i, e, 1))
      continue;
    if(e == i + 1)
      add_span(sc, w->v[i].a, w->v[i].z, 0, 0, 55, 1);  /* "le GIP": the
                                 report's "GIP Territoires Numériques";
                                 "la CSNP": its "Commission Supérieure du
                                 Numérique et des Postes" */
    else
      add_words(sc, i, e, 55);
  }
}

/* ------------------------------------------------------------ lists */

/* Does the sentence holding words [.., i] name a list of organisations
 * ("plusieurs structures")? */
static int
collective_before(struct oscan *sc, size_t i)
{
  size_t k = i + 1;

  while(k > 0) {
    k--;
    if(phrase(sc, k, KG_CUE_ORG_COLLECTIVE))
      return 1;
    if(k && (sc->w.v[k - 1].gap & (KG_GAP_STOP | KG_GAP_COLON)))
      break;
  }
  return 0;
}

/* "plusieurs structures : Adrets, Arsenic, Irts, TheCamp, Urban Prod et
 * Zinc": each item of the list, cut at commas and at "et" before a
 * capital. */
static void
list_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, s, e = 0;

  for(i = 0; i + 1 < w->n; i++) {
    if(!(w->v[i].gap & KG_GAP_COLON) || !collective_before(sc, i))
      continue;
    for(s = i + 1; s < w->n; s = e + 1) {
      for(e = s; e + 1 < w->n && !w->v[e].gap; e++)
        if(phrase(sc, e + 1, KG_CUE_NAME_SEP) == 1 &&
           !w->v[e + 1].gap && capital(sc, e + 2))
          break;
      if(capital(sc, s) && e - s < 10 && plausible(sc, s, e + 1, 1))
        add_words(sc, s, e + 1, 60);
      if(w->v[e].gap & ~KG_GAP_COMMA)
        break;
      if(!w->v[e].gap)
        e++;  /* skip "et" */
    }
    i = e;
  }
}

/* The end (exclusive) of the item of a "du X, de la Y et du Z" list that
 * starts at word @s: before a comma, or before "et" and a connector. */
static size_t
item_end(struct oscan *sc, size_t s)
{
  const struct kg_words *w = &sc->w;
  size_t e;

  for(e = s; e + 1 < w->n && e - s < REP_ITEM_WORDS &&
      !(w->v[e].gap & ~KG_GAP_DASH); e++)
    if(phrase(sc, e + 1, KG_CUE_NAME_SEP) == 1 && !w->v[e + 1].gap &&
       phrase(sc, e + 2, KG_CUE_NAME_CONNECTOR))
      break;
  return e + 1;
}

/* A head noun followed by a name ("agence Adequat", "médiathèque de
 * Longvic"), not by a verb ("l'association se sont retrouvés"). */
static int
named_head(struct oscan *sc, size_t s, enum head_kind *kind)
{
  size_t h = head_at(sc, s, kind), c;

  if(!h || s + h >= sc->w.n)
    return 0;
  if(capital(sc, s + h))
    return 1;
  c = phrase(sc, s + h, KG_CUE_NAME_CONNECTOR);
  return c && s + h + c < sc->w.n && capital(sc, s + h + c);
}

/* Does another item of a "du X, de la Y et du Z" list follow the item
 * ending at word @e: a comma or "et", then a connector and a capital or a
 * head noun? */
static int
next_item(struct oscan *sc, size_t e)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t s = e, c;

  if(e >= w->n)
    return 0;
  if(!(w->v[e - 1].gap & KG_GAP_COMMA)) {
    if(phrase(sc, e, KG_CUE_NAME_SEP) != 1 || w->v[e].gap)
      return 0;
    s = e + 1;
  }
  c = phrase(sc, s, KG_CUE_NAME_CONNECTOR);
  return c && s + c < w->n && !w->v[s + c - 1].gap &&
         (capital(sc, s + c) || named_head(sc, s + c, &kind));
}

/* "des représentants du CRIJ, du CCAS de Meung-sur-Loire, de l'agence
 * Adequat et du Point emploi de Beaugency": after a noun of people who
 * represent bodies, each item that opens with "du", "de la", "de l'" and a
 * capital or an organisation head noun. */
static void
representative_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t i, s, e, c;
  int first, one;

  for(i = 0; i < w->n; i++) {
    if(!(c = phrase(sc, i, KG_CUE_ORG_REPRESENTATIVES)) ||
       w->v[i + c - 1].gap)
      continue;
    one = phrase(sc, i, KG_CUE_ORG_REPRESENTATIVE_ONE) == c;
    for(s = i + c, first = 1; s < w->n; s = e, first = 0) {
      if(!(c = phrase(sc, s, KG_CUE_NAME_CONNECTOR)) || s + c >= w->n ||
         w->v[s + c - 1].gap ||
         (phrase(sc, s, KG_CUE_PLURAL_DET) && !(one && capital(sc, s + c))))
        break;   /* "des CCAS": a kind of body, and the list ends; but
                    "représentant des Inforoutes" names one */
      s += c;
      e = item_end(sc, s);
      if(first && !next_item(sc, e)) {
        if(!one)
          break;
        e = kg_names_run(sc->lx, w, s, REP_ITEM_WORDS);  /* its name only */
      }   /* one item is no list: "les membres de CRéATIF collaborent",
                    "aux professionnels de l'Éducation, de découvrir" */
      if((capital(sc, s) || named_head(sc, s, &kind)) &&
         plausible(sc, s, e, 1))
        add_words(sc, s, e, 60);
      if(w->v[e - 1].gap & ~(KG_GAP_COMMA | KG_GAP_DASH))
        break;
      if(!(w->v[e - 1].gap & KG_GAP_COMMA))
        e++;   /* "et" */
    }
    i = s;
  }
}

/* Where a name found at word @a after an article at @s starts: at the
 * article when it has a capital inside a sentence ("les médiateurs
 * numériques Les Bricodeurs"), else at @a. */
static size_t
name_article(struct oscan *sc, size_t s, size_t a)
{
  const struct kg_word *v = sc->w.v;
  size_t k = kg_names_phrase_before(sc->lx, &sc->w, a, KG_CUE_ARTICLE);

  return k < a && k >= s && a - k == 1 && v[k].cap && !v[k].initial &&
         !v[k].gap ? k : a;
}

/* ------------------------------------------------------------ agents */

/* The organisation after an agent cue at word @k: a capitalised run, or
 * words up to the clause's end when its last word has a capital
 * ("Villes et territoires Occitanie,").  Returns its end, @k if none. */
static size_t
agent_object(struct oscan *sc, size_t k)
{
  const struct kg_words *w = &sc->w;
  size_t e, j;

  if(!capital(sc, k))
    return k;
  e = kg_names_run(sc->lx, w, k, 6);
  while(e < w->n && e - k < 6 && w->v[e - 1].gap == KG_GAP_DASH &&
        capital(sc, e))
    e = kg_names_run(sc->lx, w, e, 6);  /* "Grand Paris - Grand Est" */
  for(j = e; j < w->n && j - k < 6 && !w->v[j - 1].gap; j++)
    if(!capital(sc, j) && !phrase(sc, j, KG_CUE_NAME_SEP) &&
       (kg_hash_value(&sc->lx->roles, w->v[j].key) &
        (BIT(KG_CUE_NAME_STOP) | BIT(KG_CUE_ARTICLE))))
      break;
  if(j > e && (j == w->n || w->v[j - 1].gap) && capital(sc, j - 1))
    e = j;
  return e;
}

/* Is word @k a common word and no first name ("Villes" of "porté par
 * Villes Internet"), so two capitalised words from it are no person? */
static int
common_first(const struct oscan *sc, size_t k)
{
  const struct kg_word *v = &sc->w.v[k];
  unsigned cls = sc->x->lex ? kg_lexicon_classes(sc->x->lex,
                                                 sc->bl->text + v->a,
                                                 v->z - v->a) : 0;

  return (cls & KG_LEX_COMMON) && !(cls & KG_LEX_FIRST_NAME);
}

/* "à l'initiative de X", "dans les locaux de X", "organisé … par X", "sur
 * le territoire de X" (not a place). */
static void
agent_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, k, e;
  enum head_kind kind;

  for(i = 0; i < w->n; i++) {
    size_t m = phrase(sc, i, KG_CUE_ORG_AGENT), a;
    int governs = 0, common;

    if(!m && (m = phrase(sc, i, KG_CUE_ORG_TERRITORY)))
      governs = 1;  /* a body, never a person */
    k = i + m;
    if(!m && (m = phrase(sc, i, KG_CUE_ORG_PARTICIPLE))) {
      for(k = i + m; k < w->n && k - i < 12; k++)
        if((w->v[k - 1].gap & (KG_GAP_STOP | KG_GAP_COLON)) ||
           phrase(sc, k, KG_CUE_ORG_AGENT_BY) == 1)
          break;
      if(k >= w->n || w->v[k - 1].gap & (KG_GAP_STOP | KG_GAP_COLON))
        continue;
      k++;
    }
    if(!m || k >= w->n || w->v[k - 1].gap)
      continue;
    a = kg_names_skip_article(sc->lx, w, k);
    if(a >= w->n || (a > k && w->v[a - 1].gap) || head_at(sc, a, &kind))
      continue;  /* a head noun: head_name() reads it */
    e = agent_object(sc, a);
    common = e > a && e - a == 2 && common_first(sc, a);
    if(e > a && !first_name_at(sc, a) &&
       (governs || a > k || w->v[a].acro || w->v[a].mixed || e - a != 2 ||
        common) &&
       plausible(sc, a, e, governs || common))
      /* "porté par La Mêlée": a capital article inside a sentence is the
       * name's */
      add_words(sc, a == k + 1 && w->v[k].cap && !w->v[k].initial ? k : a,
                e, 65);
  }
}

/* "Fréquence Écoles, association d'éducation aux médias": a name that
 * opens with no first name, described by a head and words in lower case
 * ending at word @e, is a body's however person-shaped (not "Jean Dupont,
 * association Solidarnum"). */
static int
described(struct oscan *sc, size_t s, size_t e)
{
  const struct kg_words *w = &sc->w;

  return !first_name_at(sc, s) && e < w->n && !w->v[e - 1].gap &&
         !w->v[e].cap && !w->v[e].acro && !w->v[e].mixed;
}

/* "la MedNum, coopérative nationale …": a name, a comma, a head noun. */
static void
apposition_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, s, h, m;
  enum head_kind kind;

  for(i = 0; i + 1 < w->n; i++) {
    if(w->v[i].gap != KG_GAP_COMMA)
      continue;
    h = kg_names_skip_article(sc->lx, w, i + 1);
    if(h >= w->n || (h > i + 1 && w->v[h - 1].gap) || !head_at(sc, h, &kind) ||
       w->v[h].cap)
      continue;
    m = head_at(sc, h, &kind);
    s = kg_names_run_back(sc->lx, w, i + 1, 5);
    if(s > i || (w->v[s].initial && s == i && !w->v[s].acro &&
                 !w->v[s].mixed) ||
       head_at(sc, s, &kind) ||
       !plausible(sc, s, i + 1, described(sc, s, h + m)))
      continue;
    add_words(sc, name_article(sc, 0, s), i + 1, 65);
  }
}

/* "PQN-A et Hubikoop ont organisé": two subjects joined by "et" before the
 * verb, each one word; an acronym among them is an organisation. */
static void
joint_subjects(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t k;

  if(i < 3 || w->v[i - 1].gap || w->v[i - 3].gap || w->v[i - 2].gap ||
     phrase(sc, i - 2, KG_CUE_NAME_SEP) != 1 ||
     (i > 3 && !w->v[i - 4].gap &&
      kg_names_phrase_before(sc->lx, w, i - 3, KG_CUE_ARTICLE) != i - 3))
    return;
  for(k = i - 3; k < i; k += 2)
    if(acronym_word(sc, k) && plausible(sc, k, k + 1, 1))
      add_words(sc, k, k + 1, 55);
}

/* "la Souris Grise organisait un webinaire": article, name, verb. */
static void
subject_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, s, a;
  enum head_kind kind;

  for(i = 1; i < w->n; i++) {
    if(!phrase(sc, i, KG_CUE_ORG_VERB) || w->v[i - 1].gap)
      continue;
    joint_subjects(sc, i);
    s = kg_names_run_back(sc->lx, w, i, 4);
    if(s == i || s == 0 || w->v[s - 1].gap ||
       kg_names_phrase_before(sc->lx, w, s, KG_CUE_ARTICLE) == s ||
       head_at(sc, s, &kind) || !plausible(sc, s, i, 1))
      continue;
    a = kg_names_phrase_before(sc->lx, w, s, KG_CUE_ARTICLE);
    /* "La Tribune organise": an article in capitals opening the sentence
     * is the name's */
    add_words(sc, a == s - 1 && w->v[a].initial && w->v[a].cap ? a : s, i, 55);
  }
}

/* ------------------------------------------------------------ job titles */

/* Does a job title start at word @i after a comma or "et", as in a
 * person's description ("…, présidente du Carif Oref", "… et directeur
 * général de SCET")?  Returns the word after the title and its adjectives
 * ("général"), @i if none. */
static size_t
title_end(struct oscan *sc, size_t i)
{
  const struct kg_words *w = &sc->w;
  size_t m, k;

  if(!i || !(m = phrase(sc, i, KG_CUE_JOB_TITLE)) || w->v[i + m - 1].gap)
    return i;
  if(!(w->v[i - 1].gap & KG_GAP_COMMA) &&
     (w->v[i - 1].gap || i < 2 || w->v[i - 2].gap & ~KG_GAP_COMMA ||
      phrase(sc, i - 1, KG_CUE_NAME_SEP) != 1))
    return i;
  for(k = i + m; k < w->n && !w->v[k - 1].gap &&
      phrase(sc, k, KG_CUE_ORG_ADJECTIVE) == 1; k++)
    ;
  return k < w->n && !w->v[k - 1].gap ? k : i;
}

/* Are words [k, e) one common word ("Culture", "Gare")? */
static int
one_common(struct oscan *sc, size_t k, size_t e)
{
  const struct kg_word *v = sc->w.v;

  return e - k == 1 && !v[k].acro && !v[k].mixed && sc->x->lex &&
         (kg_lexicon_classes(sc->x->lex, sc->bl->text + v[k].a,
                             v[k].z - v[k].a) & KG_LEX_COMMON);
}

/* Might words [k, e) be only part of what follows a job title: a common
 * word opening it with no connector after ("Directrice de Communication
 * Telecom Bretagne": a department, then the body; "directrice de la
 * Culture"), or "et" and a capital after it ("maire délégué de Sorges et
 * Ligueux")? */
static int
split_name(struct oscan *sc, size_t k, size_t e)
{
  const struct kg_word *v = sc->w.v;

  if(one_common(sc, k, k + 1) && (e - k == 1 || capital(sc, k + 1)))
    return 1;
  return e < sc->w.n && !v[e - 1].gap && phrase(sc, e, KG_CUE_NAME_SEP) == 1 &&
         !v[e].gap && capital(sc, e + 1);
}

/* "Zouhourya Mouayad Ben, élue de Mtsamboro et présidente du Carif Oref",
 * "…, directeur général de SCET – Groupe Caisse des Dépôts": the body a
 * job title names after "du", "de la", "de l'", "des" (0.55) when it is a
 * capitalised run, not a head noun (head_name() reads those), not a place
 * or a person, and, as one word, no common word ("directrice de la
 * Culture"). */
static void
title_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t i, k, c, e;

  for(i = 1; i < w->n; i++) {
    if((k = title_end(sc, i)) == i ||
       !(c = phrase(sc, k, KG_CUE_NAME_CONNECTOR)) || k + c >= w->n ||
       w->v[k + c - 1].gap || head_at(sc, k + c, &kind))
      continue;
    k += c;
    e = kg_names_run(sc->lx, w, k, 6);
    if(e == k || phrase(sc, k, KG_CUE_JOB_TITLE) || split_name(sc, k, e) ||
       first_named(sc, k, e) || !plausible(sc, k, e, 1))
      continue;
    add_words(sc, k, e, 55);
  }
}

/* ------------------------------------------------------------ municipalities */

/* The word index just after the commune of the block whose name starts
 * at word @s, or @s when none starts there. */
static size_t
commune_at(const struct oscan *sc, size_t s)
{
  const struct kg_places *pl = &sc->pl;
  size_t i, e;

  for(i = 0; i < pl->n; i++) {
    if(pl->v[i].start != sc->w.v[s].a ||
       pl->v[i].terr->kind != KG_TERR_COMMUNE)
      continue;
    for(e = s; e < sc->w.n && sc->w.v[e].z < pl->v[i].end; e++)
      ;
    return e < sc->w.n && sc->w.v[e].z == pl->v[i].end ? e + 1 : s;
  }
  return s;
}

/* Does the body at words [i, e) act: a hosting or organising verb right
 * after it, or an agent cue ("organisé par", "à l'initiative de") right
 * before its article? */
static int
acts(struct oscan *sc, size_t i, size_t e)
{
  const struct kg_words *w = &sc->w;
  size_t a = kg_names_phrase_before(sc->lx, w, i, KG_CUE_ARTICLE);

  if(e < w->n && !w->v[e - 1].gap &&
     (phrase(sc, e, KG_CUE_ORG_VERB) || phrase(sc, e, KG_CUE_ORG_HOST_VERB)))
    return 1;
  return a > 0 && !w->v[a - 1].gap &&
         (kg_names_phrase_before(sc->lx, w, a, KG_CUE_ORG_AGENT) < a ||
          kg_names_phrase_before(sc->lx, w, a, KG_CUE_ORG_AGENT_BY) < a);
}

/* "la ville de Lagny-sur-Marne a accueilli …", "organisé par la commune de
 * Gourdon": a municipal noun in lower case, "de" and a commune name the
 * municipality when it acts (0.70); "la ville de Brest compte 140 000
 * habitants" names a town, no body. */
static void
municipal_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  size_t i, m, c, e;

  for(i = 0; i + 2 < w->n; i++) {
    if(w->v[i].cap || !(m = phrase(sc, i, KG_CUE_ORG_MUNICIPAL)) ||
       w->v[i + m - 1].gap ||
       !(c = phrase(sc, i + m, KG_CUE_NAME_CONNECTOR)) ||
       i + m + c >= w->n || w->v[i + m + c - 1].gap)
      continue;
    e = commune_at(sc, i + m + c);
    if(e > i + m + c && acts(sc, i, e))
      add_words(sc, i, e, 70);
  }
}

/* ------------------------------------------------------------ venues */

/* Where the commune of a venue starts when words [s, e) end with "de" or
 * "à" and a commune ("Fabuleuse Cantine de Saint-Étienne"), or go on with
 * them ("Agora à Beaugency"): the end of the venue's name, 0 if none. */
static size_t
venue_end(struct oscan *sc, size_t s, size_t e)
{
  const struct kg_words *w = &sc->w;
  size_t k, c;

  for(k = s + 1; k <= e && k < w->n; k++) {
    if(w->v[k - 1].gap || !(c = phrase(sc, k, KG_CUE_LOCATIVE)) ||
       k + c >= w->n || w->v[k + c - 1].gap)
      continue;
    if(commune_at(sc, k + c) > k + c)
      return k;
  }
  return 0;
}

/* Is word @e, right after the word before it, a number of one to three
 * digits, the number in a venue's name ("Relais 59")? */
static int
number_at(const struct oscan *sc, size_t e)
{
  const struct kg_words *w = &sc->w;
  size_t k;

  if(e == 0 || e >= w->n || w->v[e - 1].gap || w->v[e].z - w->v[e].a > 3)
    return 0;
  for(k = w->v[e].a; k < w->v[e].z; k++)
    if(!isdigit((unsigned char)sc->bl->text[k]))
      return 0;
  return 1;
}

/* Does a place begin at word @s ("au Mans", "à la Rochelle")? */
static int
place_starts(const struct oscan *sc, size_t s)
{
  size_t i;

  for(i = 0; i < sc->pl.n; i++)
    if(sc->pl.v[i].start <= sc->w.v[s].a && sc->pl.v[i].end > sc->w.v[s].a)
      return 1;
  return 0;
}

/* "à l'Agora à Beaugency", "à l'Artchipel Scène nationale à Basse-Terre",
 * "au Quai des Savoirs de Toulouse": after a locative with its article, a
 * capitalised run (with the adjectives of a body's name) then "à" or "de"
 * and a commune names the body of a venue (0.55); not a head noun
 * (head_name() reads those), a place, a person, a recurring event
 * ("aux Rencontres de Lyon"), a building ("à l'Hôtel du Département à
 * Mont-de-Marsan") or one common word before "de" ("à la Gare de
 * Lyon"). */
static void
venue_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  enum head_kind kind;
  size_t i, m, s, e, d, end;

  for(i = 0; i + 2 < w->n; i++) {
    if(!(m = phrase(sc, i, KG_CUE_ORG_VENUE)) || w->v[i + m - 1].gap)
      continue;
    s = i + m;
    if(!capital(sc, s) || head_at(sc, s, &kind) || place_starts(sc, s) ||
       phrase(sc, s, KG_CUE_EVENT_SERIES) ||
       phrase(sc, s, KG_CUE_VENUE_BUILDING))
      continue;
    e = kg_names_run(sc->lx, w, s, 6);
    if((d = phrase(sc, s, KG_CUE_DISTRICT)) != 0 &&
       (s + d == e || phrase(sc, s + d, KG_CUE_NAME_CONNECTOR)))
      continue;   /* "au Sud-Est de Toulouse": a direction, no venue; but
                     "au Centre Pompidou" */
    while(e < w->n && !w->v[e - 1].gap &&
          phrase(sc, e, KG_CUE_ORG_ADJECTIVE) == 1)
      e++;
    if(number_at(sc, e))
      e++;   /* "au Relais 59 à Paris" */
    if(!(end = venue_end(sc, s, e)) || (end < e && one_common(sc, s, end)) ||
       first_named(sc, s, end) || !plausible(sc, s, end, 1))
      continue;   /* "à la Gare de Lyon"; but "à l'Agora à Beaugency" */
    add_words(sc, s, end, 55);
  }
}

/* ------------------------------------------------------------ companions */

/* Does a candidate already found lie within words [s, e)? */
static int
found_within(const struct oscan *sc, size_t s, size_t e)
{
  size_t k;

  for(k = 0; k < sc->c.n; k++)
    if(sc->c.v[k].a >= sc->w.v[s].a && sc->c.v[k].z <= sc->w.v[e - 1].z)
      return 1;
  return 0;
}

/* The end (exclusive) of the enumeration item that starts at word @s:
 * before a comma's word boundary or an "et" / "ou". */
static size_t
companion_item_end(struct oscan *sc, size_t s)
{
  const struct kg_words *w = &sc->w;
  size_t e;

  for(e = s; e + 1 < w->n && !w->v[e].gap; e++)
    if(phrase(sc, e + 1, KG_CUE_NAME_SEP) == 1)
      break;
  return e + 1;
}

/* Items [s, e) of the enumeration from word @i: *n items into it[][2]
 * (at most @max), up to a gap other than a comma.  The word after it. */
static size_t
companion_items(struct oscan *sc, size_t i, size_t it[][2], size_t max,
                size_t *n)
{
  const struct kg_words *w = &sc->w;
  size_t s = i, e;

  *n = 0;
  while(s < w->n) {
    e = companion_item_end(sc, s);
    if(*n < max) {
      it[*n][0] = s;
      it[(*n)++][1] = e;
    }
    if(e >= w->n || (w->v[e - 1].gap & ~KG_GAP_COMMA))
      return e;
    s = e + (w->v[e - 1].gap ? 0 : phrase(sc, e, KG_CUE_NAME_SEP));
  }
  return w->n;
}

/* Are words [a, e) shaped like a body's short name: capitalised words
 * and connectors, not opening with a first name, and, alone, not a
 * common word ("Insertion")? */
static int
companion_shape(struct oscan *sc, size_t a, size_t e)
{
  const struct kg_word *v = sc->w.v;
  const char *t = sc->bl->text;
  unsigned cls = sc->x->lex ? kg_lexicon_classes(sc->x->lex, t + v[a].a,
                                                 v[a].z - v[a].a) : 0;
  size_t k;

  if(e - a > COMPANION_WORDS || !capital(sc, a) || !capital(sc, e - 1) ||
     (!v[a].acro && (cls & KG_LEX_FIRST_NAME)) ||
     (e - a == 1 && !v[a].acro && !v[a].mixed && (cls & KG_LEX_COMMON)) ||
     (e - a == 1 && phrase(sc, a, KG_CUE_ACRONYM_NOT_ORG)))
    return 0;
  for(k = a; k < e; k++)
    if(!capital(sc, k) && !phrase(sc, k, KG_CUE_NAME_CONNECTOR))
      return 0;
  /* "Supagro Montpellier": a word that is no first name, then a place, is
   * shaped like a body, not like a person */
  return plausible(sc, a, e, e - a == 2 &&
                   kg_report_is_place(sc->x, t + v[e - 1].a,
                                      v[e - 1].z - v[e - 1].a));
}

/* The name an enumeration item [s, e) holds, from *a: after its article,
 * or after a noun that announces bodies ("ses partenaires Le Mouvement
 * Associatif"); up to a grammatical word after its capitalised run ("et
 * Weeefund ont accueilli …"), else at its end. */
static size_t
companion_end(struct oscan *sc, size_t s, size_t e, size_t *a)
{
  size_t c, r;

  *a = kg_names_skip_article(sc->lx, &sc->w, s);
  if(*a == s && (c = phrase(sc, s, KG_CUE_NAME_CONNECTOR)) != 0 &&
     s + c < e && !sc->w.v[s + c - 1].gap && capital(sc, s + c))
    *a = s + c;   /* "de la CCI de la Lozère, de Supagro Montpellier" */
  if(*a < e && (c = phrase(sc, *a, KG_CUE_ORG_COLLECTIVE)) != 0 &&
     (r = kg_names_skip_article(sc->lx, &sc->w, *a + c)) < e && capital(sc, r))
    *a = r;
  if(*a >= e || sc->w.v[*a].initial || phrase(sc, *a, KG_CUE_JOB_TITLE))
    return e;
  r = kg_names_run(sc->lx, &sc->w, *a, COMPANION_WORDS + 1);
  return r > *a && r < e && !capital(sc, r) && phrase(sc, r, KG_CUE_NAME_STOP)
         ? r : e;
}

/* "(SDSeI, CAF, CARSAT, MSA, Pôle Emploi, Secours Catholique, ALB
 * Formation…)": in an enumeration of which two items or more are already
 * organisations, each other item that is a short capitalised name is one
 * too (0.55): not a place, a person or a name shaped like a person's. */
static void
companion_names(struct oscan *sc)
{
  size_t it[32][2], n, i = 0, k, known, a;

  while(i < sc->w.n) {
    size_t next = companion_items(sc, i, it, 32, &n);

    for(k = known = 0; k < n; k++)
      known += found_within(sc, it[k][0], it[k][1]);
    for(k = 0; known >= 2 && n >= 3 && k < n; k++) {
      size_t e = companion_end(sc, it[k][0], it[k][1], &a);

      if(a < e && !found_within(sc, it[k][0], it[k][1]) &&
         companion_shape(sc, a, e))
        add_words(sc, name_article(sc, it[k][0], a), e, 55);
    }
    i = next > i ? next : i + 1;
  }
}

/* ------------------------------------------------------------ plural heads */

/* Is the item [s, e) of a list the whole name of a commune? */
static int
commune_item(const struct oscan *sc, size_t s, size_t e)
{
  const struct kg_report *x = sc->x;
  const struct kg_word *v = sc->w.v;
  const struct kg_terr *t;

  if(e <= s || !v[s].cap || v[s].initial)
    return 0;
  t = kg_places_whole(x->gaz, x->v, x->reg, x->region, sc->bl->text + v[s].a,
                      v[e - 1].z - v[s].a);
  return t && t->kind == KG_TERR_COMMUNE;
}

/* The singular of the plural head [i, i + m) in @out: each word in lower
 * case loses its final "s" ("missions locales"), then " de ". */
static void
singular_head(const struct oscan *sc, size_t i, size_t m, struct kg_buf *out)
{
  const struct kg_word *v = sc->w.v;
  const char *t = sc->bl->text;
  size_t k, z;

  kg_buf_reset(out);
  for(k = i; k < i + m; k++) {
    z = v[k].z;
    if(z > v[k].a + 1 && t[z - 1] == 's' && islower((unsigned char)t[z - 2]))
      z--;
    if(k > i)
      kg_buf_add(out, t + v[k - 1].z, v[k].a - v[k - 1].z);
    kg_buf_add(out, t + v[k].a, z - v[k].a);
  }
  kg_buf_add(out, " de ", 4);
}

/* The communes listed from word @s ("Longvic, Talant, Marsannay la Côte
 * et Quétigny"): up to @max items into it[][2], ending at the first item
 * that is no commune; their number. */
static size_t
commune_items(struct oscan *sc, size_t s, size_t it[][2], size_t max)
{
  const struct kg_words *w = &sc->w;
  size_t n = 0, e;

  while(s < w->n && n < max) {
    e = companion_item_end(sc, s);
    if(!commune_item(sc, s, e))
      break;
    it[n][0] = s;
    it[n++][1] = e;
    if(e >= w->n || (w->v[e - 1].gap & ~KG_GAP_COMMA))
      break;
    s = e + (w->v[e - 1].gap ? 0 : phrase(sc, e, KG_CUE_NAME_SEP));
    if(s == e && !w->v[e - 1].gap)
      break;
  }
  return n;
}

/* "les médiathèques de Longvic, Talant, Saint-Apollinaire": a plural head
 * (cue org-head-plural), a connector, then two communes or more name one
 * body in each, spelled with the singular head ("médiathèque de Longvic")
 * and read for its commune. */
static void
plural_head_names(struct oscan *sc)
{
  const struct kg_words *w = &sc->w;
  struct kg_buf name = KG_BUF_INIT;
  size_t it[16][2], i, k, m, c, n, base;

  for(i = 0; i < w->n; i++) {
    if(!(m = phrase(sc, i, KG_CUE_ORG_HEAD_PLURAL)) || w->v[i + m - 1].gap ||
       !(c = phrase(sc, i + m, KG_CUE_NAME_CONNECTOR)) ||
       w->v[i + m + c - 1].gap ||
       (n = commune_items(sc, i + m + c, it, 16)) < 2)
      continue;
    singular_head(sc, i, m, &name);
    base = name.len;
    for(k = 0; k < n; k++) {
      size_t a = w->v[it[k][0]].a, z = w->v[it[k][1] - 1].z;

      name.len = base;
      kg_buf_add(&name, sc->bl->text + a, z - a);
      librdf_free_node(kg_report_org_spelled(sc->x, name.s, name.len,
                                             kg_report_src(sc->bl, a),
                                             kg_report_src_end(sc->bl, z), 60));
    }
    i = it[n - 1][1] - 1;
  }
  kg_buf_release(&name);
}

/* ------------------------------------------------------------ registry */

static struct kg_dict *
registry_dict(const struct kg_registry *reg)
{
  struct kg_dict *d = kg_dict_new();
  size_t i;

  for(i = 0; reg && i < reg->nkeys; i++)
    kg_dict_add(d, reg->keys[i].key,
                reg->ents[reg->keys[i].ent].kind == KG_ENT_ORG
                ? KG_DICT_ORG : KG_DICT_INITIATIVE, reg->keys[i].ent);
  return d;
}

/* Does a longer name go on after plain offset @end ("Familles Rurales"
 * in "Familles Rurales du Cher")? */
static int
name_goes_on(struct oscan *sc, size_t end)
{
  const struct kg_words *w = &sc->w;
  size_t k, c;

  for(k = 0; k < w->n && w->v[k].a < end; k++)
    ;
  if(!k || k >= w->n || w->v[k - 1].z != end || w->v[k - 1].gap)
    return 0;
  c = phrase(sc, k, KG_CUE_NAME_CONNECTOR);
  return capital(sc, k) ||
         (c && k + c < w->n && !w->v[k + c - 1].gap && capital(sc, k + c));
}

/* Registry names and aliases anywhere ("la CNIL"), not where the same
 * words name a known initiative or begin a longer name. */
static void
registry_names(struct oscan *sc)
{
  struct kg_dict_hits hits = { NULL, 0, 0 };
  size_t i, k;

  kg_dict_scan(sc->dict, sc->bl->text, sc->bl->len, &hits);
  kg_report_registry_hits_check(sc->x, sc->bl->text, &hits);
  for(i = 0; i < hits.n; i++) {
    int org = 0, init = 0;

    for(k = 0; k < hits.v[i].ne; k++) {
      org |= hits.v[i].e[k].kind == KG_DICT_ORG;
      init |= hits.v[i].e[k].kind == KG_DICT_INITIATIVE;
    }
    if(org && !init && !name_goes_on(sc, hits.v[i].end))
      add_span(sc, hits.v[i].start, hits.v[i].end, 0, 0, 100, 0);
  }
  kg_dict_hits_release(&hits);
}

/* ------------------------------------------------------------ emit */

/* "Groupement d'Intérêt Scientifique (GIS) M@rsouin" is "GIS M@rsouin"
 * too: that other name of organisation @n (span @c, whose acronym a name
 * follows), written and known for the later mentions. */
static void
acronym_tail(struct oscan *sc, librdf_node *n, const struct kg_names_span *c)
{
  const char *t = sc->bl->text;
  struct kg_buf name = KG_BUF_INIT, key = KG_BUF_INIT;
  struct kg_node_list *l = &sc->x->org_acronyms;
  size_t p = c->az;

  if(t[p] != ')' && t[p] != ']')
    return;
  for(p++; p < c->z && t[p] == ' '; p++)
    ;
  kg_buf_add(&name, t + c->aa, c->az - c->aa);
  kg_buf_addc(&name, ' ');
  kg_buf_add(&name, t + p, c->z - p);
  kg_evidence_po(&sc->x->e, n, KG_NS_SCHEMA, "alternateName",
                 kg_evidence_litn(&sc->x->e, name.s, name.len, NULL));
  kg_text_key(name.s, name.len, &key);   /* one more key of the node */
  KG_GROW(l->v, l->cap, l->n + 1);
  l->v[l->n].node = librdf_new_node_from_node(n);
  l->v[l->n++].key = kg_buf_detach(&key);
  kg_buf_release(&name);
}

/* Keeps the best of overlapping candidates; makes the organisations. */
static void
emit_block(struct oscan *sc)
{
  struct kg_report *x = sc->x;
  const struct kg_block *bl = sc->bl;
  char *keep = kg_xcalloc(sc->c.n + 1, 1);
  librdf_node *n;
  size_t i;

  kg_names_spans_resolve(&sc->c, keep);
  for(i = 0; i < sc->c.n; i++) {
    const struct kg_names_span *c = &sc->c.v[i];
    size_t a = kg_report_src(bl, c->a), z = kg_report_src_end(bl, c->z);

    if(!keep[i] || c->flags == EMITTED)
      continue;   /* kg_orgs_acronyms() made it */
    if(c->flags) {
      KG_GROW(sc->later, sc->caplater, sc->nlater + 1);
      sc->later[sc->nlater].a = a;
      sc->later[sc->nlater].z = z;
      sc->later[sc->nlater++].conf = c->conf;
      continue;
    }
    n = kg_report_org_named(x, a, z,
                            c->az > c->aa ? kg_report_src(bl, c->aa) : 0,
                            c->az > c->aa ? kg_report_src_end(bl, c->az) : 0,
                            c->conf);
    if(c->az > c->aa && c->z > c->az + 1)
      acronym_tail(sc, n, c);
    librdf_free_node(n);
  }
  free(keep);
}

/* Is keyed word @key an article, a connector or another word that ends
 * no name ("et", "pour")? */
static int
grammatical_word(const struct oscan *sc, const char *key)
{
  return (kg_hash_value(&sc->lx->roles, key) &
          (BIT(KG_CUE_ARTICLE) | BIT(KG_CUE_NAME_CONNECTOR) |
           BIT(KG_CUE_NAME_SEP) | BIT(KG_CUE_NAME_STOP))) != 0;
}

/* "le Département" is the report's "Département d'Ille-et-Vilaine" when
 * that is the only such name; else an organisation of its own. */
/* The report's organisations whose name starts with the words of @key
 * ("Département" → "Département de la Vendée"), or, when @same, is @key
 * itself: how many, the last in *only. */
static size_t
fuller_names(const struct kg_report *x, const char *key, int same,
             librdf_node **only)
{
  size_t k, n = strlen(key), found = 0;

  for(k = 0; k < x->orgs.n; k++)
    if(!strncmp(x->orgs.v[k].key, key, n) &&
       (x->orgs.v[k].key[n] == ' ' || (same && !x->orgs.v[k].key[n]))) {
      *only = x->orgs.v[k].node;
      found++;
    }
  return found;
}

/* The other name of the authority @key names alone ("conseil
 * departemental" → "departement", cue/org-same), keyed into @out; 0 if
 * none. */
static int
same_name(const struct kg_vocab *v, const char *key, struct kg_buf *out)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t p;
  int hit = 0;

  for(p = 0; p < v->ncues[KG_CUE_ORG_SAME] && !hit; p++) {
    const char *t = v->cues[KG_CUE_ORG_SAME][p].text, *eq = strchr(t, '=');

    if(!eq)
      continue;
    kg_text_key(t, (size_t)(eq - t), &k);
    if(strcmp(k.s, key))
      continue;
    kg_text_key(eq + 1, strlen(eq + 1), out);
    hit = out->len > 0;
  }
  kg_buf_release(&k);
  return hit;
}

/* The report's organisations whose name's words, less the grammatical
 * ones, begin with the letters of @acro in turn ("csnp": "Commission
 * Supérieure du Numérique et des Postes"): how many, the last in *only. */
static size_t
spelled_names(struct oscan *sc, const char *acro, librdf_node **only)
{
  const struct kg_report *x = sc->x;
  size_t k, found = 0;

  for(k = 0; k < x->orgs.n; k++) {
    char *copy = kg_xstrdup(x->orgs.v[k].key), *save = NULL, *part;
    const char *a = acro;

    for(part = strtok_r(copy, " ", &save); part && *a;
        part = strtok_r(NULL, " ", &save))
      if(!grammatical_word(sc, part) && *part == *a++)
        continue;
      else if(!grammatical_word(sc, part))
        break;
    if(!*a && !part && strcmp(x->orgs.v[k].key, acro)) {
      *only = x->orgs.v[k].node;
      found++;
    }
    free(copy);
  }
  return found;
}

static void
emit_standalone(struct oscan *sc)
{
  struct kg_report *x = sc->x;
  struct kg_buf key = KG_BUF_INIT, other = KG_BUF_INIT;
  size_t i;

  for(i = 0; i < sc->nlater; i++) {
    const struct later *l = &sc->later[i];
    librdf_node *only = NULL;
    size_t found;

    kg_text_key(x->e.text + l->a, l->z - l->a, &key);
    found = fuller_names(x, key.s, 0, &only);
    if(!found && same_name(x->v, key.s, &other))
      found = fuller_names(x, other.s, 1, &only);  /* "le Département" is
                                                      the "Conseil
                                                      départemental" */
    if(!found && !strchr(key.s, ' ') &&
       (found = spelled_names(sc, key.s, &only)) == 1)
      kg_evidence_po(&x->e, only, KG_NS_SCHEMA, "alternateName",
                     kg_evidence_litn(&x->e, x->e.text + l->a, l->z - l->a,
                                      NULL));  /* "la CSNP" */
    if(found == 1)
      kg_evidence_mention(&x->e, only, l->a, l->z);
    else
      librdf_free_node(kg_report_org_named(x, l->a, l->z, 0, 0, l->conf));
  }
  kg_buf_release(&key);
  kg_buf_release(&other);
}

/* The block @b of the report, its words and no candidate yet; 0 for
 * code, which names nothing. */
static int
scan_block(struct oscan *sc, size_t b)
{
  sc->bl = &sc->x->doc.blocks[b];
  if(sc->bl->kind == KG_BLK_CODE)
    return 0;
  sc->w = *kg_report_words(sc->x, b);  /* SHARED: the report keeps it */
  sc->c.n = 0;
  return 1;
}

static void
scan_release(struct oscan *sc)
{
  free(sc->c.v);
  free(sc->later);
  kg_dict_free(sc->dict);
}

/* The shapes of one block's names, best kept and made. */
static void
find_block(struct oscan *sc)
{
  struct kg_report *x = sc->x;
  size_t i;

  kg_places_find(x->gaz, x->v, x->reg, x->region, 0, sc->bl->text,
                 sc->bl->len, &sc->pl);
  registry_names(sc);
  for(i = 0; i < sc->w.n;)
    i += head_name(sc, i);
  territory_names(sc);
  acronym_names(sc, EMITTED);
  bare_acronyms(sc);
  list_names(sc);
  representative_names(sc);
  agent_names(sc);
  apposition_names(sc);
  subject_names(sc);
  title_names(sc);
  municipal_names(sc);
  venue_names(sc);
  companion_names(sc);
  plural_head_names(sc);
  emit_block(sc);
  kg_places_release(&sc->pl);
}

/* Every block of the report: only the names given with their acronyms
 * when @acronyms, else all the shapes. */
static void
scan_report(struct kg_report *x, int acronyms)
{
  struct oscan sc;
  size_t b;

  memset(&sc, 0, sizeof sc);
  sc.x = x;
  sc.lx = kg_report_names(x);
  sc.dict = acronyms ? NULL : registry_dict(x->reg);
  for(b = 0; b < x->doc.nblocks; b++) {
    if(!scan_block(&sc, b))
      continue;
    if(acronyms) {
      acronym_names(&sc, 0);
      emit_block(&sc);
    } else {
      find_block(&sc);
    }
  }
  if(!acronyms)
    emit_standalone(&sc);
  scan_release(&sc);
}

void
kg_orgs_acronyms(struct kg_report *x)
{
  scan_report(x, 1);
}

void
kg_orgs_find(struct kg_report *x)
{
  scan_report(x, 0);
}

/* Is organisation @k of the report a bare acronym written in capitals
 * ("CSNP"), one the registry does not know? */
static int
bare_acronym_org(const struct kg_report *x, size_t k)
{
  const char *key = x->orgs.v[k].key;
  char up[16];
  size_t i, n = strlen(key);

  if(n < 2 || n >= sizeof up || strchr(key, ' ') ||
     (x->reg && kg_registry_lookup(x->reg, key, KG_ENT_ORG)))
    return 0;
  for(i = 0; i <= n; i++)
    up[i] = (char)toupper((unsigned char)key[i]);
  return strstr(x->e.text, up) != NULL;
}

/* Is @other the keyed name @key itself? */
static int
same_key(const struct oscan *sc, const char *key, const char *other)
{
  (void)sc;
  return !strcmp(key, other);
}

/* The one node of @l other than organisation @k's whose key @fits @k's
 * key; NULL if none or several. */
static librdf_node *
only_other(const struct oscan *sc, const struct kg_node_list *l, size_t k,
           int (*fits)(const struct oscan *, const char *, const char *))
{
  const struct kg_named_node *o = &sc->x->orgs.v[k];
  librdf_node *only = NULL;
  size_t i;

  for(i = 0; i < l->n; i++) {
    librdf_node *n = l->v[i].node;

    if(librdf_node_equals(n, o->node) || !fits(sc, o->key, l->v[i].key) ||
       (only && librdf_node_equals(n, only)))
      continue;
    if(only)
      return NULL;
    only = n;
  }
  return only;
}

/* "de la CSNP" read in an affiliation before "la Commission Supérieure du
 * Numérique et des Postes" was known made two bodies: once all is read,
 * the acronym another organisation was given in brackets, or that spells
 * one other organisation's words, is that one. */
static void
merge_acronyms(struct oscan *sc)
{
  struct kg_report *x = sc->x;
  size_t k;

  for(k = 0; k < x->orgs.n; k++) {
    librdf_node *only = NULL;

    if(!bare_acronym_org(x, k))
      continue;
    if(!(only = only_other(sc, &x->org_acronyms, k, same_key)) &&
       spelled_names(sc, x->orgs.v[k].key, &only) != 1)
      continue;
    if(!librdf_node_equals(only, x->orgs.v[k].node))
      kg_evidence_merge(&x->e, x->orgs.v[k].node, only);
  }
}

/* Does keyed name @longer run on from keyed name @key with a complement
 * ("sivu des inforoutes" → "sivu des inforoutes de l ardeche")? */
static int
complement_of(const struct oscan *sc, const char *key, const char *longer)
{
  size_t n = strlen(key), w;
  char word[8];

  if(strncmp(longer, key, n) || longer[n] != ' ')
    return 0;
  for(w = 0; longer[n + 1 + w] && longer[n + 1 + w] != ' ' &&
      w + 1 < sizeof word; w++)
    word[w] = longer[n + 1 + w];
  word[w] = 0;
  return (kg_hash_value(&sc->lx->roles, word) &
          BIT(KG_CUE_NAME_CONNECTOR)) != 0;
}

/* "le SIVU des Inforoutes" and "le SIVU des Inforoutes de l'Ardèche" in
 * one report are one body, when no other body's name runs on from the
 * shorter one: it becomes the fuller one.  A name of one word is a kind
 * ("Région", "réseau"), not a body. */
static void
merge_fuller(struct oscan *sc)
{
  struct kg_report *x = sc->x;
  size_t k;

  for(k = 0; k < x->orgs.n; k++) {
    const char *key = x->orgs.v[k].key;
    librdf_node *to;

    if(!strchr(key, ' ') ||
       (x->reg && kg_registry_lookup(x->reg, key, KG_ENT_ORG)))
      continue;
    to = only_other(sc, &x->orgs, k, complement_of);
    if(to)
      kg_evidence_merge(&x->e, x->orgs.v[k].node, to);
  }
}

/* "à l'ESS" read as a body in an affiliation: an acronym of a field, a
 * role or a kind of place (cue acronym-not-org) the registry does not
 * know as a body names none; it goes, with its evidence. */
static void
drop_not_orgs(struct kg_report *x)
{
  const struct kg_vocab *v = x->v;
  struct kg_hash gone;
  size_t k;

  kg_hash_init(&gone);
  for(k = 0; k < x->orgs.n; k++) {
    const char *key = x->orgs.v[k].key;
    librdf_uri *u = librdf_node_get_uri(x->orgs.v[k].node);

    if(u && !strchr(key, ' ') &&
       kg_vocab_phrase_is(v->cues[KG_CUE_ACRONYM_NOT_ORG],
                          v->ncues[KG_CUE_ACRONYM_NOT_ORG], key, strlen(key)) &&
       !(x->reg && kg_registry_lookup(x->reg, key, KG_ENT_ORG)))
      kg_hash_add(&gone, (const char *)librdf_uri_as_string(u));
  }
  if(gone.n)
    kg_evidence_drop(&x->e, &gone);
  kg_hash_release(&gone);
}

void
kg_orgs_merge(struct kg_report *x)
{
  struct oscan sc;

  memset(&sc, 0, sizeof sc);
  sc.x = x;
  sc.lx = kg_report_names(x);
  merge_acronyms(&sc);
  merge_fuller(&sc);
  drop_not_orgs(x);
}
