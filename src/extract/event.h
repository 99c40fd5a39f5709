/* event.h - the event: its name (title), date, edition and venue */
#ifndef KG_EVENT_H
#define KG_EVENT_H

struct kg_report;

/* The event: its name (title), date, edition and venue. */
void kg_event_find(struct kg_report *x);

#endif
