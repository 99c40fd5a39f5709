/* server.c - the parent and its worker processes (see server.h). */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "base/buf.h"
#include "base/diag.h"
#include "serve/server.h"

/* A worker that dies this many times in KG_RESPAWN_WINDOW seconds stops
 * the server (something is wrong with every request, or with none). */
#define KG_RESPAWN_MAX 20
#define KG_RESPAWN_WINDOW 10

struct server {
  const struct kg_server_opts *o;
  int fd;
  pid_t *pids;
  time_t window;              /* start of the respawn count */
  int respawns;
};

/* Splits "ADDR:PORT" / "[ADDR]:PORT" into @host and @port (new strings).
 * 0, or -1 when it has no port. */
static int
split_listen(const char *s, char **host, char **port)
{
  const char *colon;

  if(*s == '[') {
    const char *end = strchr(s, ']');

    if(!end || end[1] != ':' || !end[2])
      return -1;
    *host = kg_xstrndup(s + 1, (size_t)(end - s - 1));
    *port = kg_xstrdup(end + 2);
    return 0;
  }
  colon = strrchr(s, ':');
  if(!colon || colon == s || !colon[1] || strchr(s, ':') != colon)
    return -1;
  *host = kg_xstrndup(s, (size_t)(colon - s));
  *port = kg_xstrdup(colon + 1);
  return 0;
}

int
kg_server_listen_ok(const char *listen_at)
{
  char *host = NULL, *port = NULL;
  int ok = !split_listen(listen_at, &host, &port);

  free(host);
  free(port);
  return ok;
}

/* Writes "http://ADDR:PORT/" of the bound socket @fd into @b. */
static void
bound_url(int fd, struct kg_buf *b)
{
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  char host[INET6_ADDRSTRLEN] = "?";
  unsigned port = 0;

  if(getsockname(fd, (struct sockaddr *)&ss, &len))
    return;
  if(ss.ss_family == AF_INET6) {
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    port = ntohs(a->sin6_port);
    kg_buf_addf(b, "http://[%s]:%u/", host, port);
  } else {
    struct sockaddr_in *a = (struct sockaddr_in *)&ss;

    inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
    port = ntohs(a->sin_port);
    kg_buf_addf(b, "http://%s:%u/", host, port);
  }
}

/* The listening socket, non-blocking (the workers share it), or -1 with
 * the exit status in *code. */
static int
open_listener(const char *listen_at, int *code)
{
  struct addrinfo hints, *res = NULL, *ai;
  char *host = NULL, *port = NULL;
  int fd = -1, one = 1, err;

  if(split_listen(listen_at, &host, &port)) {
    *code = kg_usage_error("serve: --listen wants ADDR:PORT, not '%s'",
                           listen_at);
    return -1;
  }
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  err = getaddrinfo(host, port, &hints, &res);
  *code = KG_EXIT_SYS;
  if(err)
    kg_error("serve: cannot use the address '%s': %s", listen_at,
             gai_strerror(err));
  for(ai = res; ai && fd < 0; ai = ai->ai_next) {
    fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, 0);
    if(fd < 0)
      continue;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if(bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 256) ||
       fcntl(fd, F_SETFL, O_NONBLOCK)) {
      kg_error("serve: cannot listen on %s: %s", listen_at, strerror(errno));
      close(fd);
      fd = -1;
    }
  }
  if(res)
    freeaddrinfo(res);
  free(host);
  free(port);
  return fd;
}

/* Takes one waiting connection, if another worker has not, and hands it
 * to @h. */
static void
take_connection(struct server *sv, struct kg_http *h)
{
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  int c = accept(sv->fd, (struct sockaddr *)&ss, &len);

  if(c < 0)
    return;                     /* another worker took it */
  fcntl(c, F_SETFD, FD_CLOEXEC);
  fcntl(c, F_SETFL, O_NONBLOCK);
  if(kg_http_add(h, c, (struct sockaddr *)&ss, (unsigned)len))
    kg_info("serve: a connection was refused (too many open)");
}

/* The life of a worker: takes connections while it is idle, until SIGTERM
 * or SIGINT; then lets the request in flight finish. */
static void
worker_main(struct server *sv)
{
  sigset_t stop;
  struct kg_http *h;
  struct pollfd p[2];
  int sfd;

  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  sigprocmask(SIG_SETMASK, &stop, NULL);    /* the HTTP thread too */
  signal(SIGPIPE, SIG_IGN);
  sfd = signalfd(-1, &stop, SFD_CLOEXEC);
  h = sfd < 0 ? NULL : kg_http_start(&sv->o->limits, sv->o->handler,
                                     sv->o->arg);
  if(!h)
    _exit(KG_EXIT_SYS);
  p[0].fd = sfd;
  p[0].events = POLLIN;
  p[1].fd = sv->fd;
  p[1].events = POLLIN;
  for(;;) {
    int idle = kg_http_idle(h);

    if(poll(p, idle ? 2 : 1, idle ? -1 : 5) < 0 && errno != EINTR)
      break;
    if(p[0].revents & POLLIN)
      break;
    if(idle && (p[1].revents & POLLIN))
      take_connection(sv, h);
  }
  kg_http_stop(h, sv->o->drain);
  fflush(stderr);
  _exit(KG_EXIT_OK);
}

static pid_t
spawn(struct server *sv)
{
  pid_t pid;

  fflush(stderr);
  pid = fork();
  if(pid == 0)
    worker_main(sv);
  if(pid < 0)
    kg_error("serve: cannot start a worker: %s", strerror(errno));
  return pid;
}

/* A worker ended while the server runs: says how, and replaces it unless
 * workers keep dying.  0, or -1 to stop the server. */
static int
replace(struct server *sv, int slot, int status)
{
  time_t now = time(NULL);

  if(WIFSIGNALED(status))
    kg_error("serve: worker %d was killed by signal %d; starting another",
             (int)sv->pids[slot], WTERMSIG(status));
  else
    kg_error("serve: worker %d stopped with status %d; starting another",
             (int)sv->pids[slot], WEXITSTATUS(status));
  if(now - sv->window > KG_RESPAWN_WINDOW) {
    sv->window = now;
    sv->respawns = 0;
  }
  if(++sv->respawns > KG_RESPAWN_MAX) {
    kg_error("serve: workers died %d times in %d s; stopping",
             sv->respawns, KG_RESPAWN_WINDOW);
    return -1;
  }
  sv->pids[slot] = spawn(sv);
  return sv->pids[slot] < 0 ? -1 : 0;
}

/* Collects ended workers; 0, or -1 to stop. */
static int
reap(struct server *sv, int stopping)
{
  pid_t pid;
  int status, i, rc = 0;

  while((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for(i = 0; i < sv->o->workers; i++)
      if(sv->pids[i] == pid)
        break;
    if(i == sv->o->workers)
      continue;
    if(stopping)
      sv->pids[i] = 0;
    else if(rc == 0)
      rc = replace(sv, i, status);
  }
  return rc;
}

static void
stop_all(struct server *sv)
{
  int i, status;

  for(i = 0; i < sv->o->workers; i++)
    if(sv->pids[i] > 0)
      kill(sv->pids[i], SIGTERM);
  for(i = 0; i < sv->o->workers; i++)
    if(sv->pids[i] > 0)
      waitpid(sv->pids[i], &status, 0);
}

int
kg_server_run(const struct kg_server_opts *o)
{
  struct server sv;
  struct kg_buf url = KG_BUF_INIT;
  sigset_t set;
  int i, sig, code = KG_EXIT_OK, failed = 0;

  memset(&sv, 0, sizeof sv);
  sv.o = o;
  sv.fd = open_listener(o->listen, &code);
  if(sv.fd < 0)
    return code;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sv.pids = kg_xcalloc((size_t)o->workers, sizeof(pid_t));
  sv.window = time(NULL);
  for(i = 0; i < o->workers && !failed; i++)
    failed = (sv.pids[i] = spawn(&sv)) < 0;
  bound_url(sv.fd, &url);
  if(!failed)
    kg_notice("serve: listening on %s (%d worker%s; stop with Ctrl-C or "
              "SIGTERM)", url.s ? url.s : o->listen, o->workers,
              o->workers > 1 ? "s" : "");
  while(!failed && sigwait(&set, &sig) == 0 && sig == SIGCHLD)
    failed = reap(&sv, 0) != 0;
  stop_all(&sv);
  reap(&sv, 1);
  close(sv.fd);
  kg_notice("serve: stopped");
  kg_buf_release(&url);
  free(sv.pids);
  return failed ? KG_EXIT_SYS : KG_EXIT_OK;
}
