/* outfile.c - atomic output files (temporary + rename). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/outfile.h"

int
kg_outfile_open(struct kg_outfile *o, const char *path)
{
  struct kg_buf b = KG_BUF_INIT;
  int fd;

  memset(o, 0, sizeof(*o));
  if(!path || !strcmp(path, "-")) {
    o->fh = stdout;
    return 0;
  }
  o->path = kg_xstrdup(path);
  kg_buf_addf(&b, "%s.tmp-XXXXXX", path);
  o->tmp = kg_buf_detach(&b);
  fd = mkstemp(o->tmp);
  if(fd < 0 || !(o->fh = fdopen(fd, "w"))) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    if(fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    free(o->path);
    free(o->tmp);
    memset(o, 0, sizeof(*o));
    return -1;
  }
  return 0;
}

int
kg_outfile_close(struct kg_outfile *o, int ok)
{
  int rc = 0;

  if(!o->fh)
    return ok ? 0 : -1;
  if(!o->path) {
    if(fflush(stdout)) {
      kg_error("cannot write the output: %s", strerror(errno));
      rc = -1;
    }
    memset(o, 0, sizeof(*o));
    return rc;
  }
  if(fflush(o->fh) || ferror(o->fh) || fsync(fileno(o->fh))) {
    if(ok)
      kg_error("cannot write '%s': %s", o->path, strerror(errno));
    ok = 0;
    rc = -1;
  }
  fclose(o->fh);
  if(ok && rename(o->tmp, o->path)) {
    kg_error("cannot write '%s': %s", o->path, strerror(errno));
    rc = -1;
    ok = 0;
  }
  if(!ok)
    unlink(o->tmp);
  free(o->path);
  free(o->tmp);
  memset(o, 0, sizeof(*o));
  return rc;
}
