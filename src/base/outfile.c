/* outfile.c - atomic output files (temporary + rename), onto a regular
 * file or nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "base/outfile.h"

/* Links followed before giving up, as the kernel's ELOOP limit. */
#define KG_OUTFILE_MAX_LINKS 40

/* The path the symbolic link @link points to, relative to the link's
 * directory when it is relative.  Returns new, or NULL (errno set). */
static char *
link_target(const char *link)
{
  struct kg_buf b = KG_BUF_INIT;
  const char *slash = strrchr(link, '/');
  char to[4096];
  ssize_t n = readlink(link, to, sizeof to - 1);

  if(n < 0)
    return NULL;
  to[n] = '\0';
  if(to[0] != '/' && slash)
    kg_buf_add(&b, link, (size_t)(slash - link + 1));
  kg_buf_adds(&b, to);
  return kg_buf_detach(&b);
}

/* Follows the symbolic links from @path to the file they name, which need
 * not exist yet.  Returns new, or NULL after reporting. */
static char *
resolve(const char *path)
{
  char *cur = kg_xstrdup(path);
  struct stat st;
  int hops;

  for(hops = 0; hops <= KG_OUTFILE_MAX_LINKS; hops++) {
    char *next;

    if(lstat(cur, &st) || !S_ISLNK(st.st_mode))
      return cur;
    next = link_target(cur);
    free(cur);
    if(!next) {
      kg_error("cannot write '%s': %s", path, strerror(errno));
      return NULL;
    }
    cur = next;
  }
  free(cur);
  kg_error("cannot write '%s': %s", path, strerror(ELOOP));
  return NULL;
}

/* The mode of a new file: 0666 minus the umask. */
static mode_t
new_file_mode(void)
{
  mode_t mask = umask(022);

  umask(mask);
  return 0666 & ~mask;
}

/* Checks what is at @target (named @path by the user, links already
 * followed when they may be): nothing or a regular file.  Sets *mode
 * to the mode the output gets.  0, or -1 after reporting. */
static int
check_target(const char *path, const char *target, mode_t *mode)
{
  struct stat st;

  *mode = new_file_mode();
  if(lstat(target, &st))
    return 0;           /* nothing there, or the open will say why */
  if(S_ISLNK(st.st_mode)) {
    kg_error("cannot write '%s': it is a symbolic link (--force writes to "
             "the file it points to)", path);
    return -1;
  }
  if(S_ISDIR(st.st_mode)) {
    kg_error("cannot write '%s': %s", path, strerror(EISDIR));
    return -1;
  }
  if(!S_ISREG(st.st_mode)) {
    kg_error("cannot write '%s': it is %s, not a regular file (write to "
             "standard output and redirect it instead)", path,
             kg_input_file_kind((unsigned)st.st_mode));
    return -1;
  }
  *mode = st.st_mode & 07777;   /* a file replaced keeps its mode */
  return 0;
}

/* Creates o->tmp beside o->target with @mode and opens it.  0, or -1
 * after reporting. */
static int
open_tmp(struct kg_outfile *o, mode_t mode)
{
  struct kg_buf b = KG_BUF_INIT;
  int fd;

  kg_buf_addf(&b, "%s.tmp-XXXXXX", o->target);
  o->tmp = kg_buf_detach(&b);
  fd = mkstemp(o->tmp);
  if(fd < 0) {
    kg_error("cannot create '%s': %s", o->path, strerror(errno));
    return -1;
  }
  if(fchmod(fd, mode) || !(o->fh = fdopen(fd, "w"))) {
    kg_error("cannot create '%s': %s", o->path, strerror(errno));
    close(fd);
    unlink(o->tmp);
    return -1;
  }
  return 0;
}

int
kg_outfile_open(struct kg_outfile *o, const char *path, int flags)
{
  mode_t mode;

  memset(o, 0, sizeof(*o));
  if(!path || !strcmp(path, "-")) {
    o->fh = stdout;
    return 0;
  }
  o->path = kg_xstrdup(path);
  o->target = (flags & KG_OUTFILE_FOLLOW) ? resolve(path) : kg_xstrdup(path);
  if(o->target && !check_target(path, o->target, &mode) &&
     !open_tmp(o, mode))
    return 0;
  free(o->path);
  free(o->target);
  free(o->tmp);
  memset(o, 0, sizeof(*o));
  return -1;
}

/* Flushes, syncs and closes o->fh.  0, or -1 (reported when @ok). */
static int
finish(struct kg_outfile *o, int ok)
{
  int rc = 0;

  if(fflush(o->fh) || ferror(o->fh) || fsync(fileno(o->fh))) {
    if(ok)
      kg_error("cannot write '%s': %s", o->path, strerror(errno));
    ok = 0;
    rc = -1;
  }
  if(fclose(o->fh) && ok) {
    kg_error("cannot write '%s': %s", o->path, strerror(errno));
    rc = -1;
  }
  return rc;
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
  if(finish(o, ok)) {
    ok = 0;
    rc = -1;
  }
  if(ok && rename(o->tmp, o->target)) {
    kg_error("cannot write '%s': %s", o->path, strerror(errno));
    rc = -1;
    ok = 0;
  }
  if(!ok)
    unlink(o->tmp);
  free(o->path);
  free(o->target);
  free(o->tmp);
  memset(o, 0, sizeof(*o));
  return rc;
}
