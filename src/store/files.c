/* files.c - the store's file-system helpers: paths, fsync, copies, removal,
 * and the generation names in DIR/CURRENT and DIR/gen-*.
 *
 * Plain POSIX, no Redland: what a generation holds is store.c's and
 * rebuild.c's business; this file only moves, syncs and removes it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "store/store_int.h"

char *
kg_files_path_join(const char *a, const char *b)
{
  struct kg_buf p = KG_BUF_INIT;

  kg_buf_addf(&p, "%s/%s", a, b);
  return kg_buf_detach(&p);
}

int
kg_files_fsync(const char *path, int is_dir)
{
  int fd = open(path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY));
  int rc;

  if(fd < 0)
    return -1;
  rc = fsync(fd);
  /* some file systems refuse fsync on a directory: not an error for us */
  if(rc && is_dir && (errno == EINVAL || errno == EBADF))
    rc = 0;
  close(fd);
  return rc;
}

int
kg_files_sync_dir(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  int rc = -1;

  if(!d) {
    kg_error("cannot read '%s': %s", dir, strerror(errno));
    return -1;
  }
  while((e = readdir(d))) {
    char *f;
    int bad;

    if(e->d_name[0] == '.')
      continue;
    f = kg_files_path_join(dir, e->d_name);
    bad = kg_files_fsync(f, 0);
    if(bad)
      kg_error("cannot sync '%s': %s", f, strerror(errno));
    free(f);
    if(bad)
      goto out;
  }
  if(kg_files_fsync(dir, 1)) {
    kg_error("cannot sync '%s': %s", dir, strerror(errno));
    goto out;
  }
  rc = 0;
out:
  closedir(d);
  return rc;
}

int
kg_files_write_line(const char *path, const char *line)
{
  FILE *fh = fopen(path, "w");

  if(!fh) {
    kg_error("cannot create '%s': %s", path, strerror(errno));
    return -1;
  }
  fprintf(fh, "%s\n", line);
  if(fflush(fh) || fsync(fileno(fh))) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    fclose(fh);
    return -1;
  }
  if(fclose(fh)) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    return -1;
  }
  return 0;
}

void
kg_files_remove_tree(const char *path)
{
  DIR *d = opendir(path);
  struct dirent *e;

  if(d) {
    while((e = readdir(d))) {
      char *f;

      if(!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
        continue;
      f = kg_files_path_join(path, e->d_name);
      unlink(f);
      free(f);
    }
    closedir(d);
  }
  rmdir(path);
}

static int
copy_file(const char *from, const char *to)
{
  char buf[1 << 16];
  int in, out, rc = -1;
  ssize_t n;

  in = open(from, O_RDONLY);
  if(in < 0) {
    kg_error("cannot open '%s': %s", from, strerror(errno));
    return -1;
  }
  out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if(out < 0) {
    kg_error("cannot create '%s': %s", to, strerror(errno));
    close(in);
    return -1;
  }
  for(;;) {
    char *p = buf;

    n = read(in, buf, sizeof buf);
    if(n < 0 && errno == EINTR)
      continue;
    if(n < 0) {
      kg_error("cannot read '%s': %s", from, strerror(errno));
      goto out;
    }
    if(n == 0)
      break;
    while(n > 0) {
      ssize_t w = write(out, p, (size_t)n);

      if(w < 0 && errno == EINTR)
        continue;
      if(w < 0) {
        kg_error("cannot write '%s': %s", to, strerror(errno));
        goto out;
      }
      p += w;
      n -= w;
    }
  }
  rc = 0;
out:
  close(in);
  if(close(out) && !rc) {
    kg_error("cannot write '%s': %s", to, strerror(errno));
    rc = -1;
  }
  return rc;
}

int
kg_files_copy_dir(const char *from, const char *to)
{
  DIR *d = opendir(from);
  struct dirent *e;
  int rc = 0;

  if(!d) {
    kg_error("cannot read '%s': %s", from, strerror(errno));
    return -1;
  }
  while(!rc && (e = readdir(d))) {
    char *a, *b;

    if(e->d_name[0] == '.')
      continue;
    a = kg_files_path_join(from, e->d_name);
    b = kg_files_path_join(to, e->d_name);
    rc = copy_file(a, b);
    free(a);
    free(b);
  }
  closedir(d);
  return rc;
}

char *
kg_files_read_current(const char *dir, int *err)
{
  char *path = kg_files_path_join(dir, "CURRENT");
  char line[64];
  FILE *fh = fopen(path, "r");
  size_t n;
  char *res = NULL;

  *err = 0;
  free(path);
  if(!fh) {
    if(errno != ENOENT)
      *err = 1;
    return NULL;
  }
  if(fgets(line, sizeof line, fh)) {
    n = strcspn(line, "\r\n");
    line[n] = '\0';
    if(!strncmp(line, "gen-", 4) && n > 4 &&
       strspn(line + 4, "0123456789") == n - 4)
      res = kg_xstrdup(line);
  }
  fclose(fh);
  if(!res)
    *err = 1;
  return res;
}

unsigned long
kg_files_gen_number(const char *gen)
{
  return strtoul(gen + 4, NULL, 10);
}

unsigned long
kg_files_clean_debris(const char *dir, const char *keep)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  unsigned long max = 0;

  if(!d)
    return 0;
  while((e = readdir(d))) {
    char *p;

    if(!strcmp(e->d_name, "CURRENT.tmp")) {
      p = kg_files_path_join(dir, e->d_name);
      unlink(p);
      free(p);
      continue;
    }
    if(strncmp(e->d_name, "gen-", 4))
      continue;
    if(kg_files_gen_number(e->d_name) > max)
      max = kg_files_gen_number(e->d_name);
    if(keep && !strcmp(e->d_name, keep))
      continue;
    p = kg_files_path_join(dir, e->d_name);
    kg_info("removing '%s' (left by an interrupted write)", p);
    kg_files_remove_tree(p);
    free(p);
  }
  closedir(d);
  return max;
}
