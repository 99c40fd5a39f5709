/* report.h - the report being extracted: the state every recogniser of
 * extract/ reads and adds to (document, sections, graph nodes, what was
 * described already), and the makers of people, organisations, places and
 * venues with their mentions.  Recognisers include this and nothing of
 * each other; extract.c calls them in order.  Not a public interface. */
#ifndef KG_REPORT_H
#define KG_REPORT_H

#include <stddef.h>
#include <redland.h>

#include "extract/doc.h"
#include "extract/evidence.h"
#include "base/hash.h"

struct kg_ref;
struct kg_vocab;
struct kg_gaz;
struct kg_registry;
struct kg_lexicon;
struct kg_section;
struct kg_terr;
struct kg_buf;
struct kg_names_lex;
struct kg_words;

struct kg_spatial_ref {
  librdf_node *s;
  const struct kg_terr *t;
};

/* An organisation or person of a session, with its matching key. */
struct kg_named_node {
  librdf_node *node;
  char *key;
};

struct kg_node_list {
  struct kg_named_node *v;
  size_t n, cap;
};

void kg_report_node_list_add(struct kg_node_list *l, librdf_node *n, const char *text,
                      size_t len);
void kg_report_node_list_release(struct kg_node_list *l);

struct kg_report {
  struct kg_ref *ref;
  struct kg_vocab *v;
  struct kg_gaz *gaz;             /* may be NULL: no places then */
  struct kg_registry *reg;        /* may be NULL */
  struct kg_lexicon *lex;         /* words and names (hunspell-fr) */
  struct kg_doc doc;
  struct kg_emit e;
  struct kg_section *secs;
  size_t nsecs;
  librdf_node **snodes;           /* one per section */
  librdf_node *event;
  const char *region;             /* report's région code, or NULL */
  struct kg_hash described;     /* entities typed and named already */
  struct kg_spatial_ref *spatial; /* for mn:inTerritory */
  size_t nspatial, capspatial;
  struct kg_hash roles;         /* (session, person) already linked */
  struct kg_node_list *secorgs;   /* per section: facilitators' orgs */
  struct kg_node_list *secpeople; /* per section: facilitators */
  struct kg_node_list people;     /* every person of the report */
  struct kg_node_list orgs;       /* every organisation of the report */
  struct kg_node_list org_acronyms; /* the acronyms given with their names */
  unsigned char *cueblocks;       /* per block, set by cues.c: KG_CUE_LINE
                                     (a line starts with a cue),
                                     KG_CUE_BARE (its last is a bare cue,
                                     "Intervenants :") */
  struct kg_hash cand;            /* candidate IRI -> index in candv */
  struct kg_candidate *candv;     /* entities the registry does not know */
  size_t ncand, capcand;
  struct kg_hash weak;            /* place statement IRI -> index in weakv */
  struct kg_candidate *weakv;     /* places found by a weak rule only */
  size_t nweak, capweak;
  struct kg_hash sure;            /* place statements a sure rule found */
  struct kg_names_lex *names;     /* vocabulary phrases by key (lazily) */
  struct kg_words *words;         /* per block, its words (lazily) */
};

/* An entity the registry does not know, and the highest confidence (in
 * hundredths) a recogniser gave it. */
struct kg_candidate {
  librdf_node *node;
  int confidence;
  int decided;          /* the curator accepted or rejected it */
};

#define KG_CUE_LINE 1
#define KG_CUE_BARE 2

size_t kg_report_src(const struct kg_block *b, size_t off);
size_t kg_report_src_end(const struct kg_block *b, size_t end);
int kg_report_first(struct kg_report *x, librdf_node *n);
librdf_node *kg_report_terr_node(struct kg_report *x, const struct kg_terr *t);
void kg_report_spatial(struct kg_report *x, librdf_node *s, const struct kg_terr *t,
                  const char *rule, size_t a, size_t b, int inferred);
/* New person / organisation nodes (caller frees), with their mention. */
librdf_node *kg_report_person(struct kg_report *x, const char *name, size_t len,
                         size_t a, size_t b);
librdf_node *kg_report_org(struct kg_report *x, size_t a, size_t b, size_t alias_a,
                      size_t alias_b);

struct kg_place;
/* dcterms:spatial @p->terr for @s, as kg_report_spatial() does; a place
 * found by a weak rule only (p->confidence < 100, e.g. a one-word commune
 * with no locative before it) also gets mn:confidence on its rdf:Statement,
 * written by kg_report_candidates_emit(). */
void kg_report_place(struct kg_report *x, librdf_node *s,
                     const struct kg_place *p, const char *rule, size_t a,
                     size_t b);
/* Same as kg_report_org(), marking a name the registry does not know as a
 * candidate with @confidence (hundredths); kg_report_org() gives 80. */
librdf_node *kg_report_org_named(struct kg_report *x, size_t a, size_t b,
                                 size_t alias_a, size_t alias_b,
                                 int confidence);
/* Same as kg_report_org_named() for a body whose name name[0..len) the
 * text does not spell in one piece ("médiathèque de Longvic" from "les
 * médiathèques de Longvic, Talant"), mentioned at text[a..b), where its
 * places are read. */
librdf_node *kg_report_org_spelled(struct kg_report *x, const char *name,
                                   size_t len, size_t a, size_t b,
                                   int confidence);
/* schema:alternateName of @n (borrowed): the aliases of registry entity
 * @ent, one per matching key, not the name's. */
struct kg_entity;
void kg_report_alternate_names(struct kg_report *x, librdf_node *n,
                               const struct kg_entity *ent);

/* Is text[0..len) the name of a person of the report? */
int kg_report_is_person(struct kg_report *x, const char *t, size_t len);
/* Drops from @h (a kg_dict_scan() of t) the registry hits that are no
 * name: a one-word key that is a common French word, in lower case or
 * opening a sentence ("un zoom sur", a heading "Zoom sur les ateliers"),
 * unless written as a registry acronym ("NEC").  Hits that also carry a
 * theme or an audience are kept. */
struct kg_dict_hits;
void kg_report_registry_hits_check(const struct kg_report *x, const char *t,
                                   struct kg_dict_hits *h);
/* Is text[0..len) a commune, département or région (not an EPCI), as
 * places.c resolves it near the report's région? */
int kg_report_is_place(struct kg_report *x, const char *t, size_t len);
/* Where the name of an organisation read at source [a, b) really ends
 * (before ", " and a job title, at the longest registry name…). */
size_t kg_report_org_end(const struct kg_report *x, size_t a, size_t b);
/* If the source text [a, b) is all a commune's name and no known
 * organisation's, states it as @s's dcterms:spatial (rule @rule) and
 * returns 1: "Jacques Guyot (Joyeuse)" is a person from Joyeuse. */
int kg_report_locality(struct kg_report *x, librdf_node *s, size_t a,
                       size_t b, const char *rule);

void kg_report_venue(struct kg_report *x, const struct kg_terr *commune,
                      size_t va, size_t vz, size_t ca, size_t cz,
                      const char *rule);
/* The slug of a name, for an IRI. */
void kg_report_slugify(const char *s, size_t len, struct kg_buf *out);
/* Marks @n (borrowed) as a candidate the registry does not know, with
 * @confidence in hundredths (0-100); the highest given wins.  Written out
 * by kg_report_candidates_emit() once every recogniser has run. */
void kg_report_candidate(struct kg_report *x, librdf_node *n, int confidence);
/* Applies the curator's decisions (the registry's curation file), then
 * writes mn:candidate true and mn:confidence for every candidate left, and
 * mn:confidence on the statements of weak places.  This is the one place
 * where decisions reach entities: a candidate whose IRI the registry knows
 * is no candidate; a person, organisation or initiative (candidate or not)
 * whose IRI, or whose name for its kind, the curator rejected is removed
 * with all its evidence and relations (kg_evidence_drop).  Call once,
 * after every recogniser. */
void kg_report_candidates_emit(struct kg_report *x);
/* The vocabulary phrases that names.c looks up, built on first use.
 * SHARED: valid until kg_report_release(). */
const struct kg_names_lex *kg_report_names(struct kg_report *x);
/* The words of block @b (kg_names_split()), split on first use and kept
 * for every recogniser.  SHARED: valid until kg_report_release(). */
const struct kg_words *kg_report_words(struct kg_report *x, size_t b);
/* Frees what the extraction of one report holds. */
void kg_report_release(struct kg_report *x);

#endif
