/* path.c - SPARQL property paths over the store. */
#include <stdlib.h>

#include "sparql/path.h"

void
kg_path_free(struct kg_path *p)
{
  int i;

  if(!p)
    return;
  for(i = 0; i < p->nkids; i++)
    kg_path_free(p->kids[i]);
  free(p->kids);
  free(p->iri);
  free(p);
}
