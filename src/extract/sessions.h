/* sessions.h - one node per section found by sections.c: name, number, type, parent */
#ifndef KG_SESSIONS_H
#define KG_SESSIONS_H

struct kg_report;

/* One node per section found by sections.c: name, number, type, parent. */
void kg_sessions_emit(struct kg_report *x);

#endif
