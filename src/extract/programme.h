/* programme.h - the sessions of a report that has no "2.5." numbering.
 *
 * Read from the layout, whatever it is:
 *  - headings whose words name a session type ("Atelier 3 : …", "Table
 *    ronde"), whose section opens with a cue line ("Animé par"), or that
 *    stand under a programme heading ("Programme", "Déroulé");
 *  - time slots ("9h30 – Atelier …", "10h00 – 10h45 : Plénière",
 *    "14h : …"), with the title on the next line when the slot names only
 *    a type ("11h00 – 12h00 : Table ronde"), or in the first sentence of
 *    the next paragraph when the slot is a day and a part of it ("LUNDI 7
 *    septembre matin");
 *  - the items of a list announced by a programme label ("Au programme :"),
 *    without their times or page numbers.
 * Not sessions: the report's title, tables of contents, breaks ("Pause
 *   déjeuner"), headings that organise a report ("Introduction",
 *   "Ressources") and pad field lines ("tags: …").  Every word is data of
 *   ontology/programme.ttl and session-types.ttl.  Plain C on struct kg_doc.
 */
#ifndef KG_PROGRAMME_H
#define KG_PROGRAMME_H

#include <stddef.h>

struct kg_doc;
struct kg_vocab;
struct kg_section;

/* The sessions of a report without numbering. *out is new (free());
 * returns their number. */
size_t kg_programme_find(const struct kg_doc *doc, const struct kg_vocab *v,
                         struct kg_section **out);

/* The report's title block: the first level-1 heading, else the first
 * heading; a field line ("###### tags: …") is none.  -1 if none. */
long kg_programme_title(const struct kg_doc *doc, const struct kg_vocab *v);

/* If s[0..len) opens with a time slot ("9h30 – ", "10h00 - 10h45 : "),
 * the offset of what follows it (len when nothing does); else 0. */
size_t kg_programme_slot(const struct kg_vocab *v, const char *s, size_t len);
/* 1 if s[0..len) is a break ("Pause déjeuner") naming no session type. */
int kg_programme_is_break(const struct kg_vocab *v, const char *s, size_t len);

/* If s[0..len) opens with a field label and its colon ("tags:", "**Date
 * :**" as plain text "Date :"), the offset just after the colon; else 0. */
size_t kg_programme_field_label(const struct kg_vocab *v, const char *s,
                                size_t len);

#endif
