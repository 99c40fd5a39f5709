/* initiative.h - the state the initiative recognisers share (initiatives.c
 * finds them, carrier.c relates them, passage.c reads their passages for
 * themes, places, audiences and figures).  Not a public interface. */
#ifndef KG_INITIATIVE_H
#define KG_INITIATIVE_H

#include <stddef.h>
#include <redland.h>

#include "base/dict.h"
#include "extract/doc.h"
#include "ref/vocab.h"

struct kg_report;

struct passage {
  size_t b0, b1;          /* blocks [b0, b1) */
};

struct init {
  librdf_node *node;
  char *key;              /* identity: registry IRI or name key */
  char *namekey;          /* matching key of the name as written */
  long sec;               /* first session that presents it */
  long secs[16];          /* every session that presents it */
  size_t nsecs;
  long title_sec;         /* session whose title names it, -1 */
  struct passage *pass;
  size_t npass, cappass;
  size_t name_a, name_z;  /* defining mention (source bytes) */
  const char *rule;       /* how it was found */
  librdf_node *porteur;
  const char *por_rule;
  size_t por_a, por_z;
  int por_inferred;
  long head_block;        /* list item whose head names it, -1 */
  int national;           /* a registry mn:NationalProgramme or
                             mn:DigitalService: its passages do not
                             place it */
};

/* Who works where, as the report states it (schema:affiliation): per
 * person of x->people, a chain of organisations of x->orgs in the order
 * of the statements; built on first need (initiatives.c). */
struct affiliations {
  size_t *first;                /* per person: pair index + 1, 0 = none */
  size_t *last;
  size_t *next;                 /* per pair: next pair index + 1 */
  size_t *org;                  /* per pair: index in x->orgs */
  size_t n, cap;
  int built;
};

struct istate {
  struct kg_report *x;
  struct affiliations aff;
  struct kg_dict *dict;
  struct kg_dict_hits *bhits;   /* per block, scanned once (lazily) */
  char *bdone;
  struct init *v;
  size_t n, cap;
  int cand_conf;                /* confidence of a new unknown name (0: 80) */
};

/* A theme, audience or itinérance value found in a passage. */
struct found {
  size_t idx;
  size_t a, z;    /* first evidence */
};

/* passage.c */
struct kg_dict *kg_passage_build_dict(struct kg_report *x);
const struct kg_dict_entry *kg_passage_hit_kind(const struct kg_dict_hit *h,
                                                enum kg_dict_kind kind);
const struct kg_dict_hits *kg_passage_block_hits(struct istate *st,
                                                 size_t b);
int kg_passage_skip_marks(const char *t, size_t len, size_t i);
int kg_passage_first_upper(const char *t, size_t len);
int kg_passage_distinctive(const char *t, size_t len);
int kg_passage_has_cue_word(const struct kg_vocab *v, enum kg_cue_role role,
                            const char *t, size_t len);
size_t kg_passage_subtree_end(const struct kg_doc *d, size_t b,
                              size_t limit);
int kg_passage_block_head(const struct kg_block *bl, size_t *ha, size_t *hz,
                          size_t *desc);
size_t kg_passage_word_count(const char *t, size_t len);
void kg_passage_emit_themes(struct kg_report *x, librdf_node *s,
                            const struct found *th, size_t n,
                            const char *rule, int inferred);
void kg_passage_scan(struct istate *st, size_t b0, size_t b1,
                     struct found **th, size_t *nth, size_t *capth,
                     struct found **pub, size_t *npub, size_t *cappub,
                     struct found **iti, size_t *niti, size_t *capiti,
                     int *counts);
void kg_passage_title_themes(struct istate *st, size_t sec,
                             struct found **th, size_t *n, size_t *cap);
void kg_passage_session_themes(struct istate *st, size_t sec);
void kg_passage_figures(struct istate *st, struct init *in,
                        const struct kg_block *bl);

/* initiatives.c: the initiative named text[a, z) (source bytes), found by
 * @rule in session @sec (-1: none) with its passage blocks [b0, b1); a
 * registry entity when @ent is not NULL.  SHARED or NULL. */
struct kg_entity;
struct init *kg_initiatives_add(struct istate *st, long sec, size_t a,
                                size_t z, const struct kg_entity *ent,
                                const char *rule, size_t b0, size_t b1);
/* Does the registry hit @h of t[0, len) name @ent, an initiative?  Not
 * inside a web address, not a notion in lower case the registry spells
 * with capitals, not a digital service given as the report's channel. */
struct kg_dict_hit;
int kg_initiatives_hit_stands(struct istate *st, const char *t, size_t len,
                              const struct kg_dict_hit *h,
                              const struct kg_entity *ent);
/* The initiative text[a, z) names, if one was found already, or NULL. */
struct init *kg_initiatives_lookup(struct istate *st, size_t a, size_t z,
                                   const struct kg_entity *ent);

/* prose.c: initiatives named anywhere in the prose. */
void kg_prose_find(struct istate *st);
/* 1 if the known name at plain [start, end) of block @b is part of a
 * person's name: a surname ("Marie Albert": a known person, or a
 * capitalised word before it that is no word of the vocabulary and starts
 * no sentence), or the first name of a person the report knows ("Albert
 * Le Gall"). */
int kg_prose_surname(struct istate *st, size_t b, size_t start, size_t end);

/* carrier.c: carrier, presentation, themes, places, figures of @in. */
void kg_carrier_relations(struct istate *st, struct init *in);

#endif
