/* query.h - a query sent to any SPARQL endpoint (SPARQL 1.1 Protocol):
 * `query --endpoint`.  The server's answer is printed as it comes in the
 * format asked for; a table (the default) is made from its JSON results.
 * Nothing is checked or rewritten here: the server answers for itself,
 * and its errors are reported as it gave them.
 */
#ifndef KG_REMOTE_QUERY_H
#define KG_REMOTE_QUERY_H

#include <stdio.h>

struct kg_world;
struct kg_remote;

/* Sends @query to @endpoint and writes the answer as @format (NULL:
 * "table") to @out.  Returns 0, 1 for an ASK answered false (table), 3
 * when the server refused the query (4xx), 4 for any other failure
 * (reported). */
int kg_remote_query(struct kg_world *w, const struct kg_remote *r,
                    const char *endpoint, const char *query,
                    const char *format, FILE *out);

/* Sends the SELECT or ASK @query to @endpoint and reads its JSON results
 * into a new result in *out.  An exit status as kg_remote_query's. */
struct kg_result;
int kg_remote_select(struct kg_world *w, const struct kg_remote *r,
                     const char *endpoint, const char *query,
                     struct kg_result **out);

#endif
