/* roles.h - the people of a passage as facts, for the recognisers that
 * find people (cues.c, persons.c): performers of a session, authors of
 * its notes, job titles and organisations, each with its passage and
 * rule; and the cue phrases that open a line ("Animé par").
 */
#ifndef KG_ROLES_H
#define KG_ROLES_H

#include <stddef.h>

struct kg_report;
struct kg_block;
struct kg_vocab;

/* Where the sentence that starts at @from ends in t[from..to): at a
 * full stop, "!" or "?" followed by a space and a capital, not after an
 * initial ("M. Soubie"); @to if the line holds one sentence.  A cue line
 * ("L'animateur était M. Soubie. L'ANRTT était représentée par …") names
 * its people in its first sentence; the next ones are prose. */
size_t kg_roles_sentence_end(const char *t, size_t from, size_t to);
/* If the line text[0..len) starts with a cue phrase (facilitator,
 * note-taker, slides, resources: enum kg_cue_role), returns the bytes it
 * takes and sets *role; else returns 0 and sets *role to -1. */
size_t kg_roles_cue_line(const struct kg_vocab *v, const char *line,
                         size_t len, int *role);

/* How kg_roles_people reads a passage and what it states. */
struct kg_roles_use {
  int role;             /* KG_CUE_FACILITATOR: performer; KG_CUE_NOTETAKER:
                           author of the notes; any other: mentions only */
  const char *prefix;   /* of the rules: "cue" -> "cue:facilitator",
                           "cue:affiliation", "cue:job-title" */
  int confidence;       /* of the people as candidates, in hundredths */
  int prose;            /* running text: the first person only */
  size_t group_from;    /* block offsets of an organisation whose people */
  size_t group_to;      /* the names are, in brackets after it ("Service
                           Culture (Yannick Lucéa, …)"); equal: none */
};

/* The people of text[from, to) of block @bl (with their job titles and
 * organisations) in section @sec, or the event when @sec is x->nsecs;
 * [line_from, to) is the passage of the facts. */
void kg_roles_people(struct kg_report *x, size_t sec,
                     const struct kg_roles_use *use,
                     const struct kg_block *bl, size_t from, size_t to,
                     size_t line_from);

/* "présentée par Stéphanie & Manon", "(David - Alban)": the first name at
 * block offsets [a, z) of @bl names the one person of the report whose
 * name starts with it; that person performs section @sec (or the event),
 * with [line_from, to) as passage.  1 if stated, 0 when no person or
 * several have that first name. */
int kg_roles_first_name(struct kg_report *x, size_t sec,
                        const struct kg_block *bl, size_t a, size_t z,
                        size_t line_from, size_t to);

/* The blocks after block @b, a bare cue line ("Intervenants :", "ANIMÉ
 * PAR"), that hold its people, up to @to: the list items that follow it,
 * else the paragraphs that each open with a person's name.  Returns the
 * block after the last of them (b + 1: none). */
size_t kg_roles_bare_end(const struct kg_report *x, size_t b, size_t to);

#endif
