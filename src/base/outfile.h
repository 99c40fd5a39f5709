/* outfile.h - write an output file atomically: a temporary file beside it,
 * renamed over the target only when everything was written. */
#ifndef KG_OUTFILE_H
#define KG_OUTFILE_H

#include <stdio.h>

struct kg_outfile {
  char *path;     /* target, or NULL for stdout */
  char *tmp;      /* temporary path */
  FILE *fh;
};

/* Opens @path (NULL or "-" = stdout).  Returns 0, or -1 after reporting. */
int kg_outfile_open(struct kg_outfile *o, const char *path);
/* Commits (ok != 0) or discards the output.  Returns 0, or -1 after
 * reporting a write error. */
int kg_outfile_close(struct kg_outfile *o, int ok);

#endif
