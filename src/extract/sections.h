/* sections.h - the sessions of a report, from its numbering.
 *
 * Headings that start with a number ("2.5.", "3)", "2.a") are sessions,
 * whatever their heading level; "2" is the parent of "2.1".  A section with
 * numbered children is a block ("Ateliers du matin").  Lists (a table of
 * contents) never make sessions.  A report without numbering is read by
 * programme.c (headings, time slots, programme lists).  Plain C on struct
 * kg_doc.
 */
#ifndef KG_SECTIONS_H
#define KG_SECTIONS_H

#include <stddef.h>

struct kg_doc;
struct kg_vocab;

struct kg_section {
  size_t block;          /* heading block (the block holding the title) */
  size_t head;           /* first block of the session: @block, or the
                            time-slot line before it ("11h00 : Table ronde"
                            with the title on the next line) */
  const char *rule;      /* how it was found (mn:rule of superEvent) */
  char number[32];       /* "2.5", or "" when unnumbered */
  size_t title_off;      /* plain offset of the title in the heading text */
  size_t title_end;      /* plain offset of the title's end */
  long parent;           /* parent section, -1 for the event */
  size_t body_end;       /* first block after this section's own text */
  int children;          /* number of child sections */
  long type;             /* index into vocab->types, -1 if unknown */
};

/* Finds the sessions. *out is new (free()); returns their number. */
size_t kg_sections_find(const struct kg_doc *doc, const struct kg_vocab *v,
                        struct kg_section **out);
/* The session type (index into v->types) a title's words name, or -1. */
long kg_sections_type(const struct kg_vocab *v, const char *t, size_t len);
/* 1 if the report's first heading (or, with none, its first paragraph)
 * titles minutes ("Compte rendu du COPIL", "Réunion du 12 mai": cue
 * minutes). */
int kg_sections_minutes(const struct kg_doc *doc, const struct kg_vocab *v);
/* Does the first paragraph from block @from on, before any heading, name
 * speakers in prose (a plural speaking verb, a speaker phrase of several
 * words)? */
int kg_sections_prose_speakers(const struct kg_doc *doc,
                               const struct kg_vocab *v, size_t from);

/* 1 if a block in [from, to), before the next heading, opens with a
 * facilitator or note-taker cue. */
int kg_sections_has_cue(const struct kg_doc *doc, const struct kg_vocab *v,
                        size_t from, size_t to);
/* A heading, or a short paragraph bold from end to end. */
int kg_sections_is_heading(const struct kg_block *b);

#endif
