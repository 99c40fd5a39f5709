/* test_diag.c - the deadline of diag.c: a process stuck in a call that
 * does not watch the clock is stopped with its line and exit status; a
 * cancelled deadline does nothing. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/diag.h"

static int test_no;
static int failures;

static void
ok(int cond, const char *desc)
{
  test_no++;
  if(!cond)
    failures++;
  printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
}

/* Runs @child in a process whose stderr goes to @err; its exit status. */
static int
run(void (*child)(void), char *err, size_t cap)
{
  int fds[2];
  int status = -1;
  ssize_t n;
  size_t len = 0;
  pid_t pid;

  if(pipe(fds))
    return -1;
  fflush(stdout);
  pid = fork();
  if(pid == 0) {
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    child();
    _exit(0);
  }
  close(fds[1]);
  while(len + 1 < cap && (n = read(fds[0], err + len, cap - 1 - len)) > 0)
    len += (size_t)n;
  err[len] = '\0';
  close(fds[0]);
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void
stuck(void)
{
  volatile unsigned long spin = 0;

  kg_diag_deadline(0.2, KG_EXIT_DATA, "%s: stopped after %g s", "q.rq", 0.2);
  for(;;)
    spin++;
}

static void
cancelled(void)
{
  struct timespec nap = { 0, 400 * 1000 * 1000 };

  kg_diag_deadline(0.1, KG_EXIT_DATA, "should not be seen");
  kg_diag_deadline_cancel();
  nanosleep(&nap, NULL);
}

int
main(void)
{
  char err[256];
  int code;

  code = run(stuck, err, sizeof err);
  ok(code == KG_EXIT_DATA, "a stuck call is stopped with the deadline's status");
  ok(!strcmp(err, "mednum-kg: q.rq: stopped after 0.2 s\n"),
     "with its one line");
  code = run(cancelled, err, sizeof err);
  ok(code == 0 && !err[0], "a cancelled deadline does nothing");
  printf("1..%d\n", test_no);
  return failures ? 1 : 0;
}
