/* rewrite.h - the text pass before rasqal: what rasqal 0.9.33 cannot parse.
 *
 * It rewrites the query text in place, keeping every newline so that
 * rasqal's line numbers stay right:
 *   - a property path in a verb position becomes <urn:kg:path:N>; the path
 *     (sequence, inverse, alternative, *, +, ?, negated sets) is kept here
 *     and evaluated by path.c;
 *   - EXISTS {…} becomes <urn:kg:exists:N>(?v), NOT EXISTS {…} becomes
 *     (!<urn:kg:exists:N>(?v)); the group is parsed as its own query;
 *   - VALUES ?x { a b } becomes VALUES (?x) { (a) (b) }.
 * Paths with {n,m} are refused.
 */
#ifndef KG_SPARQL_REWRITE_H
#define KG_SPARQL_REWRITE_H

#include "sparql/path.h"

/* Output of the text pass. */
struct kg_rewrite {
  char *text;                   /* rewritten query (same line numbers) */
  struct kg_path **paths;       /* <urn:kg:path:N> */
  int npaths;
  char **exists;                /* <urn:kg:exists:N>: "ASK {…}" */
  int *exists_line;             /* first line of each group, for messages */
  int nexists;
  char *base;                   /* BASE of the prologue, or NULL */
};

#define KG_REWRITE_PATH_NS "urn:kg:path:"
#define KG_REWRITE_EXISTS_NS "urn:kg:exists:"
#define KG_REWRITE_PLACEHOLDER_VAR "_kgx"

/* Rewrites @text into *out (release with kg_rewrite_release, also on
 * error).  Returns 0, or -1 after reporting (source:line). */
int kg_rewrite_run(const char *text, const char *source, int line_offset,
                   struct kg_rewrite *out);
void kg_rewrite_release(struct kg_rewrite *rw);

/* rewrite_path.c: the property path at the cursor of @l (verb position),
 * new (free with kg_path_free), or NULL after failing. */
struct kg_lex;
struct kg_path *kg_rewrite_path_parse(struct kg_lex *l);

#endif
