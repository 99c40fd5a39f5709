/* tables.h - programme tables whose rows are sessions */
#ifndef KG_TABLES_H
#define KG_TABLES_H

struct kg_report;

/* Programme tables whose rows are sessions. */
void kg_tables_find(struct kg_report *x);

#endif
