/* mirror.h - what rasqal 0.9.33 keeps private: VALUES rows and sub-SELECT
 * modifiers, read through a mirror of its private layout (mirror.c). */
#ifndef KG_SPARQL_MIRROR_H
#define KG_SPARQL_MIRROR_H

#include <redland.h>

struct kg_mirror_subsel {
  raptor_sequence *vars;        /* projection (rasqal_variable*) */
  int wildcard;
  int distinct;                 /* 0, 1 DISTINCT, 2 REDUCED */
  raptor_sequence *order;       /* may be NULL */
  raptor_sequence *group;
  raptor_sequence *having;
  int limit;
  int offset;
  raptor_sequence *values_vars; /* inner VALUES of the sub-SELECT, or NULL */
  raptor_sequence *values_rows;
};

/* 1 if the private-layout mirror can be used with this rasqal. */
int kg_mirror_ok(rasqal_query *q, rasqal_graph_pattern *gp);
/* Sub-SELECT modifiers of @gp (operator SELECT). 0 or -1. */
int kg_mirror_subselect(rasqal_query *q, rasqal_graph_pattern *gp,
                        struct kg_mirror_subsel *out);
/* VALUES block of @gp (operator VALUES): variables and rows. 0 or -1. */
int kg_mirror_values(rasqal_query *q, rasqal_graph_pattern *gp,
                     raptor_sequence **vars, raptor_sequence **rows);
/* A row's size and values (SHARED). */
int kg_mirror_row(rasqal_row *row, rasqal_literal ***values);

#endif
