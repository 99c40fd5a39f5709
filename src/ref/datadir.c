/* datadir.c - finding the reference data (see datadir.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "ref/datadir.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/mednum-kg"
#endif

/* 1 when @dir/ontology/mn.ttl is a readable file. */
static int
holds_data(const char *dir)
{
  struct kg_buf b = KG_BUF_INIT;
  int ok;

  kg_buf_addf(&b, "%s/ontology/mn.ttl", dir);
  ok = access(b.s, R_OK) == 0;
  kg_buf_release(&b);
  return ok;
}

/* The directory of the running program, resolved (new string), or NULL. */
static char *
exe_dir(void)
{
  char path[PATH_MAX], *slash;
  ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);

  if(n <= 0)
    return NULL;
  path[n] = '\0';
  slash = strrchr(path, '/');
  if(!slash || slash == path)
    return NULL;
  *slash = '\0';
  return kg_xstrdup(path);
}

/* EXE_DIR/@rel when it holds the data (new string), or NULL. */
static char *
beside_program(const char *dir, const char *rel)
{
  struct kg_buf b = KG_BUF_INIT;
  char *real;

  kg_buf_addf(&b, "%s/%s", dir, rel);
  real = realpath(b.s, NULL);
  kg_buf_release(&b);
  if(real && holds_data(real))
    return real;
  free(real);
  return NULL;
}

char *
kg_datadir_find(const char *option)
{
  const char *env = getenv("MEDNUM_KG_DATA");
  char *dir, *found = NULL;

  if(option && *option)
    return kg_xstrdup(option);
  if(env && *env)
    return kg_xstrdup(env);
  dir = exe_dir();
  if(dir) {
    found = beside_program(dir, "../share/mednum-kg");
    if(!found)
      found = beside_program(dir, "..");
    free(dir);
  }
  return found ? found : kg_xstrdup(KG_DATADIR);
}
