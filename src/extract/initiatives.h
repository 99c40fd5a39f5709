/* initiatives.h - initiatives, themes, territories, audiences and figures */
#ifndef KG_INITIATIVES_H
#define KG_INITIATIVES_H

struct kg_report;

/* Initiatives, themes, territories, audiences and figures. */
void kg_initiatives_find(struct kg_report *x);

#endif
