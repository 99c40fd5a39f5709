/* features.h - the table of SPARQL features and what the query layer does
 * with each (features.c): the source of docs/SPARQL.md. */
#ifndef KG_SPARQL_FEATURES_H
#define KG_SPARQL_FEATURES_H

#include <stdio.h>

/* Writes the table as Markdown (kg_sparql_features_markdown's body). */
void kg_features_markdown(FILE *out);

#endif
