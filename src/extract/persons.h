/* persons.h - people named outside cue lines: speaker lists, prose,
 * testimonies, bylines (see persons.c). */
#ifndef KG_PERSONS_H
#define KG_PERSONS_H

struct kg_report;

/* Finds the people of every block that no cue line or table took, with
 * their roles, job titles and organisations when the text states them. */
void kg_persons_find(struct kg_report *x);

#endif
