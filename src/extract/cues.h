/* cues.h - facilitators, note-takers, slides and resources of every session */
#ifndef KG_CUES_H
#define KG_CUES_H

#include <stddef.h>

struct kg_report;

/* Facilitators, note-takers, slides and resources of every session; cue
 * lines outside every section are the event's. */
void kg_cues_find(struct kg_report *x);

/* If the line text[0..len) starts with a cue phrase (facilitator,
 * note-taker, slides, resources: enum kg_cue_role), returns the bytes it
 * takes and sets *role; else returns 0 and sets *role to -1. */
struct kg_vocab;
size_t kg_cues_line(const struct kg_vocab *v, const char *line, size_t len,
                    int *role);

#endif
