/* lock.c - the writers' flock on DIR/lock, with a wait for a busy store.
 *
 * Writers take it exclusive, so they write in turn (LMDB would make a
 * second writer wait without end); readers take none.  A busy store is
 * retried every 50 ms until the wait runs out.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>

#include "base/clock.h"
#include "base/diag.h"
#include "store/store_int.h"

/* @given if >= 0, else $MEDNUM_KG_WAIT, else 2 seconds; -1 (reported)
 * when $MEDNUM_KG_WAIT is set to something else than seconds >= 0. */
static double
wait_seconds(double given)
{
  const char *env;
  char *end;
  double v;

  if(given >= 0)
    return given;
  env = getenv("MEDNUM_KG_WAIT");
  if(!env || !*env)
    return 2.0;
  v = strtod(env, &end);
  if(!*end && v >= 0)
    return v;
  kg_error("MEDNUM_KG_WAIT is '%s': it must be a number of seconds, 0 or "
           "more", env);
  return -1;
}

int
kg_lock_take(const char *dir, int fd, double wait, int *code)
{
  double secs = wait_seconds(wait);
  double deadline = kg_clock_now() + secs;
  struct timespec nap = { 0, 50 * 1000 * 1000 };

  if(secs < 0) {
    *code = KG_EXIT_USAGE;
    return -1;
  }
  for(;;) {
    if(!flock(fd, LOCK_EX | LOCK_NB))
      return 0;
    if(errno == EINTR)
      continue;
    if(errno != EWOULDBLOCK) {
      kg_error("cannot lock store '%s': %s", dir, strerror(errno));
      *code = KG_EXIT_SYS;
      return -1;
    }
    if(kg_clock_now() >= deadline)
      break;
    nanosleep(&nap, NULL);
  }
  kg_error("store '%s' is busy (another mednum-kg is writing); try again",
           dir);
  *code = KG_EXIT_SYS;
  return -1;
}
