/* files.c - the store's file-system helpers: paths, fsync, removal, and
 * the files of the first store format (DIR/CURRENT naming DIR/gen-*),
 * which `store upgrade` reads and then removes.
 *
 * Plain POSIX, no Redland.
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

void
kg_files_remove_legacy(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;

  if(!d)
    return;
  while((e = readdir(d))) {
    char *p;

    if(strcmp(e->d_name, "CURRENT") && strcmp(e->d_name, "CURRENT.tmp") &&
       strncmp(e->d_name, "gen-", 4))
      continue;
    p = kg_files_path_join(dir, e->d_name);
    if(!strncmp(e->d_name, "gen-", 4))
      kg_files_remove_tree(p);
    else
      unlink(p);
    free(p);
  }
  closedir(d);
}
