/* tool_sparqldoc.c - writes docs/SPARQL.md from the engine's own feature
 * table (src/sparql/features.c), so the page cannot drift from the code.
 * Built and run by `make docs`; a test compares the page with its output. */
#include <stdio.h>

#include "sparql/sparql.h"

int
main(void)
{
  kg_sparql_features_markdown(stdout);
  return fflush(stdout) ? 4 : 0;
}
