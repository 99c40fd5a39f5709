/* cues.h - facilitators, note-takers, slides and resources of every session */
#ifndef KG_CUES_H
#define KG_CUES_H

struct kg_report;

/* Facilitators, note-takers, slides and resources of every session; cue
 * lines outside every section are the event's. */
void kg_cues_find(struct kg_report *x);

#endif
