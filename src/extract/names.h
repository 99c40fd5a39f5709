/* names.h - proper names in prose, for the recognisers of organisations
 * (orgs.c) and initiatives (prose.c): the words of a block with what
 * separates them, the vocabulary phrases that start at a word, runs of
 * capitalised words, acronyms and their expansions.
 *
 * Plain C over a block's plain text and the vocabulary; no Redland.  Every
 * word of French it reads comes from the vocabulary (the ontology files).
 */
#ifndef KG_NAMES_H
#define KG_NAMES_H

#include <stddef.h>

#include "base/hash.h"
#include "ref/vocab.h"

/* What lies between a word and the next one (flags; 0 = spaces only). */
enum {
  KG_GAP_COMMA = 1,
  KG_GAP_STOP = 2,       /* . ! ? ; … or a line break */
  KG_GAP_COLON = 4,
  KG_GAP_OPEN = 8,       /* ( [ */
  KG_GAP_CLOSE = 16,     /* ) ] */
  KG_GAP_QUOTE = 32,     /* « » " “ ” */
  KG_GAP_DASH = 64,      /* a dash between spaces */
  KG_GAP_OTHER = 128
};

struct kg_word {
  size_t a, z;           /* plain offsets in the text */
  char *key;             /* kg_text_key_keep_article() of the word */
  unsigned gap;          /* KG_GAP_* before the next word */
  int cap;               /* begins with a capital letter */
  int acro;              /* two letters or more, all capitals ("ANCT") */
  int mixed;             /* a capital after a small letter ("PorTReA") */
  int marked;            /* @ & # < > + inside ("b<>com", "Sew&Laine") */
  int initial;           /* first word of a sentence, line or item */
  size_t top;            /* words of the longest vocabulary phrase starting
                            here (any role), 0 if none */
};

struct kg_words {
  const char *text;      /* SHARED: the text split */
  size_t len;
  struct kg_word *v;
  size_t n, cap;
  size_t *roles;         /* per word i and length m (1..maxw): the two role
                            masks of the vocabulary phrase of words
                            [i, i + m), 0 when it is none or has punctuation
                            inside; at ((i * maxw) + m - 1) * 2 (+1: roles
                            64..127) */
  size_t maxw;           /* the lexicon's maxwords */
};

struct kg_names_lex;

/* Splits t[0..len) into words: letters and digits, joined by - ' ’ & @ . #
 * / + inside a word ("Tiers-Lieux", "Sew&Laine", "SWITCH#3"); an elided
 * article is a word of its own ("l'", "d'"); "Commun(s)" is one word.
 * Looks up once the vocabulary phrases of @lx that start at each word. */
void kg_names_split(const struct kg_names_lex *lx, const char *t, size_t len,
                    struct kg_words *out);
void kg_names_release(struct kg_words *w);
/* 1 if word @i alone is a phrase of some role of the vocabulary. */
int kg_names_vocab_word(const struct kg_words *w, size_t i);

/* Names proposed by the shapes of a recogniser in one block: the best of
 * overlapping spans is kept. */
struct kg_names_span {
  size_t a, z;           /* plain span of the name */
  size_t aa, az;         /* plain span of an alternate name (aa == az: none) */
  int conf;              /* confidence; 100 for a registry name */
  int flags;             /* the recogniser's own */
};

struct kg_names_spans {
  struct kg_names_span *v;
  size_t n, cap;
};

void kg_names_span_add(struct kg_names_spans *s, size_t a, size_t z,
                       size_t aa, size_t az, int conf, int flags);
/* Sorts @s best first (registry names, then longer spans, then earlier)
 * and sets keep[i] for each span that overlaps no better one; @keep has
 * room for s->n entries. */
void kg_names_spans_resolve(struct kg_names_spans *s, char *keep);

/* The phrases of the vocabulary's roles by matching key, to find the one
 * that starts at a word. */
#define KG_NAMES_ROLE_BITS 64   /* roles in one mask; two masks in all */

struct kg_names_gram {
  size_t roles[2];       /* bit masks of roles 0..63 and 64..127 */
  int stem;              /* the first words of a longer key */
};

struct kg_names_lex {
  const struct kg_vocab *v;
  struct kg_hash roles;  /* key -> bit mask of roles 0..63 */
  struct kg_hash roles_hi;  /* key -> bit mask of roles 64..127 */
  struct kg_hash grams;  /* a key, or a longer key's first words -> 1 +
                            index in gram: one lookup per n-gram */
  struct kg_names_gram *gram;
  size_t ngram, capgram;
  int maxwords;
};

void kg_names_lex_init(struct kg_names_lex *lx, const struct kg_vocab *v);
void kg_names_lex_release(struct kg_names_lex *lx);
/* Number of words of the longest phrase of @role starting at word @i with
 * no punctuation inside, or 0 (also when @i is past the last word). */
size_t kg_names_phrase(const struct kg_names_lex *lx, const struct kg_words *w,
                       size_t i, enum kg_cue_role role);
/* Same, ending at word @end (exclusive): its first word, or @end if none. */
size_t kg_names_phrase_before(const struct kg_names_lex *lx,
                              const struct kg_words *w, size_t end,
                              enum kg_cue_role role);

/* A word that can begin or continue a name: a capital, an acronym, a
 * mixed-case or marked word, and no grammatical word ("Le", "Pour"); 0
 * past the last word. */
int kg_names_capital(const struct kg_names_lex *lx, const struct kg_words *w,
                     size_t i);
/* End (exclusive) of the run of capitalised words starting at @i, joined
 * by name connectors before a capital ("Hub du Sud", "Département
 * d'Ille-et-Vilaine"), with no punctuation inside; at most @max words.
 * Returns @i when word @i cannot begin a name. */
size_t kg_names_run(const struct kg_names_lex *lx, const struct kg_words *w,
                    size_t i, size_t max);
/* Start of the run of capitalised words ending just before @end (same
 * rules, read backwards); @end when there is none. */
size_t kg_names_run_back(const struct kg_names_lex *lx,
                         const struct kg_words *w, size_t end, size_t max);

/* Words [i, j) could be a person's name: two or three plain capitalised
 * words with no connector, acronym or mark ("Jean Dupont"). */
int kg_names_person_shaped(const struct kg_words *w, size_t i, size_t j);

/* 1 if word @acro is an acronym of words [i0, i1): each word gives the
 * first letters of its part in order ("ANCT": Agence nationale de la
 * cohésion des territoires; "PANEL": Programme d'Accompagnement Numérique
 * en Lozère).  Grammatical words may give none. */
int kg_names_acronym_of(const struct kg_names_lex *lx, const struct kg_words *w,
                        size_t acro, size_t i0, size_t i1);

/* Every acronym with its expansion in parentheses, either way ("ANCT
 * (Agence nationale …)", "Agence nationale … (ANCT)"), appended to @out:
 * the expansion as the name, the acronym as the alternate name, the index
 * of the expansion's first word as flags. */
void kg_names_acronyms(const struct kg_names_lex *lx, const struct kg_words *w,
                       struct kg_names_spans *out);
/* What a name beginning at word @i names by its first words: 1 an
 * organisation (a head noun), 2 an initiative (an initiative noun), 0
 * unknown. */
int kg_names_expansion_kind(const struct kg_names_lex *lx,
                            const struct kg_words *w, size_t i);

/* First word after the article(s) at @i ("la", "l'", "de la"): @i when
 * there is none. */
size_t kg_names_skip_article(const struct kg_names_lex *lx,
                             const struct kg_words *w, size_t i);



#endif
