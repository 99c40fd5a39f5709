/* outfile.h - write an output file atomically: a temporary file beside it,
 * renamed over the target only when everything was written.
 *
 * The target is a regular file or nothing: a FIFO, a device or a socket is
 * refused (rename would replace it; use standard output and a shell
 * redirection instead), and so is a symbolic link unless
 * KG_OUTFILE_FOLLOW is given, which writes to the file it points to.  A
 * new file gets mode 0666 minus the umask (0644 under umask 022); a file
 * replaced keeps its permission bits.
 */
#ifndef KG_OUTFILE_H
#define KG_OUTFILE_H

#include <stdio.h>

struct kg_outfile {
  char *path;     /* as given, for messages; NULL for stdout */
  char *target;   /* the file renamed over (the link's target) */
  char *tmp;      /* temporary path, beside target */
  FILE *fh;
};

/* Flags of kg_outfile_open. */
#define KG_OUTFILE_FOLLOW 1   /* a symbolic link: write to its target
                                 (--force) */

/* Opens @path (NULL or "-" = stdout).  Returns 0, or -1 after reporting. */
int kg_outfile_open(struct kg_outfile *o, const char *path, int flags);
/* Commits (ok != 0) or discards the output.  Returns 0, or -1 after
 * reporting a write error. */
int kg_outfile_close(struct kg_outfile *o, int ok);

#endif
