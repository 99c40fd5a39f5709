/* sparql_rewrite.c - text pass before rasqal (stub). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sparql_int.h"

int
kg_sq_rewrite(const char *text, const char *source, int line_offset,
              struct kg_sq_rw *out)
{
  (void)source;
  (void)line_offset;
  memset(out, 0, sizeof(*out));
  out->text = kg_xstrdup(text);
  return 0;
}

void
kg_sq_path_free(struct kg_sq_path *p)
{
  int i;

  if(!p)
    return;
  for(i = 0; i < p->nkids; i++)
    kg_sq_path_free(p->kids[i]);
  free(p->kids);
  free(p->iri);
  free(p);
}

void
kg_sq_rw_release(struct kg_sq_rw *rw)
{
  int i;

  free(rw->text);
  for(i = 0; i < rw->npaths; i++)
    kg_sq_path_free(rw->paths[i]);
  free(rw->paths);
  for(i = 0; i < rw->nexists; i++)
    free(rw->exists[i]);
  free(rw->exists);
  free(rw->exists_line);
  memset(rw, 0, sizeof(*rw));
}
