/* sections.h - the sessions of a report, from its numbering.
 *
 * Headings that start with a number ("2.5.", "3)", "2.a") are sessions,
 * whatever their heading level; "2" is the parent of "2.1".  A section with
 * numbered children is a block ("Ateliers du matin").  Lists (a table of
 * contents) never make sessions.  A report without numbering falls back to
 * headings whose section holds a cue line or whose title names a session
 * type.  Plain C on struct kg_doc.
 */
#ifndef KG_SECTIONS_H
#define KG_SECTIONS_H

#include <stddef.h>

struct kg_doc;
struct kg_vocab;

struct kg_section {
  size_t block;          /* heading block */
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

#endif
