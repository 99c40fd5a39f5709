/* diag.c - diagnostics: one writer to stderr, Redland log bridge. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include <redland.h>

#include "base/buf.h"
#include "base/diag.h"

static int verbosity;
static int error_count;
static const char *current_source;
/* while set, messages go here instead of stderr (kg_diag_capture) */
static struct kg_buf *capture;
/* the deadline's line and exit status: a signal handler reads them */
static char deadline_line[512];
static volatile sig_atomic_t deadline_code;

void
kg_diag_set_verbosity(int v)
{
  verbosity = v;
}

int
kg_diag_error_count(void)
{
  return error_count;
}

void
kg_diag_reset_count(void)
{
  error_count = 0;
}

void
kg_diag_source(const char *name)
{
  current_source = name;
}

void
kg_diag_capture(struct kg_buf *b)
{
  capture = b;
}

/* Formats one message (without the "mednum-kg: " head) into @b. */
static void
vformat(struct kg_buf *b, const char *kind, const struct kg_loc *loc,
        const char *fmt, va_list ap)
{
  if(loc && loc->file) {
    kg_buf_adds(b, loc->file);
    if(loc->line > 0) {
      kg_buf_addf(b, ":%d", loc->line);
      if(loc->col > 0)
        kg_buf_addf(b, ":%d", loc->col);
    }
    kg_buf_adds(b, ": ");
  } else if(loc && loc->line > 0) {
    kg_buf_addf(b, "line %d", loc->line);
    if(loc->col > 0)
      kg_buf_addf(b, ":%d", loc->col);
    kg_buf_adds(b, ": ");
  }
  if(kind)
    kg_buf_adds(b, kind);
  kg_buf_vaddf(b, fmt, ap);
  kg_buf_addc(b, '\n');
}

static void
vprint(const char *kind, const struct kg_loc *loc, const char *fmt, va_list ap)
{
  struct kg_buf line = KG_BUF_INIT;

  vformat(capture ? capture : &line, kind, loc, fmt, ap);
  if(!capture)
    fprintf(stderr, "mednum-kg: %s", line.s);
  kg_buf_release(&line);
}

void
kg_verror_at(const struct kg_loc *loc, const char *fmt, va_list ap)
{
  error_count++;
  vprint(NULL, loc, fmt, ap);
}

void
kg_error_at(const struct kg_loc *loc, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  kg_verror_at(loc, fmt, ap);
  va_end(ap);
}

void
kg_error(const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  kg_verror_at(NULL, fmt, ap);
  va_end(ap);
}

void
kg_warn(const char *fmt, ...)
{
  va_list ap;

  if(verbosity < 0)
    return;
  va_start(ap, fmt);
  vprint("warning: ", NULL, fmt, ap);
  va_end(ap);
}

void
kg_notice(const char *fmt, ...)
{
  va_list ap;

  if(verbosity < 0)
    return;
  va_start(ap, fmt);
  vprint(NULL, NULL, fmt, ap);
  va_end(ap);
}

void
kg_log_line(const char *fmt, ...)
{
  struct kg_buf line = KG_BUF_INIT;
  va_list ap;
  ssize_t w;

  va_start(ap, fmt);
  kg_buf_vaddf(&line, fmt, ap);
  va_end(ap);
  kg_buf_addc(&line, '\n');
  /* one write: the workers share stderr, their lines must not mix */
  fflush(stderr);
  w = write(STDERR_FILENO, line.s, line.len);
  (void)w;
  kg_buf_release(&line);
}

void
kg_info(const char *fmt, ...)
{
  va_list ap;

  if(verbosity < 1)
    return;
  va_start(ap, fmt);
  vprint(NULL, NULL, fmt, ap);
  va_end(ap);
}

int
kg_usage_error(const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  kg_verror_at(NULL, fmt, ap);
  va_end(ap);
  fputs("mednum-kg: try 'mednum-kg --help' for more information\n", stderr);
  return KG_EXIT_USAGE;
}

static int
redland_logger(void *user_data, librdf_log_message *msg)
{
  raptor_locator *rl = librdf_log_message_locator(msg);
  struct kg_loc loc = { NULL, 0, 0 };
  int level = librdf_log_message_level(msg);
  const char *text = librdf_log_message_message(msg);

  (void)user_data;
  if(!text)
    text = "unknown library error";
  /* the query engine warns about unused variables on nearly every query */
  if(level < LIBRDF_LOG_ERROR)
    return 1;
  loc.file = current_source;
  if(rl && raptor_locator_line(rl) > 0)
    loc.line = raptor_locator_line(rl);
  /* bison's word for a full parser stack (YYMAXDEPTH, 10,000 levels) */
  if(!strcmp(text, "memory exhausted"))
    text = "brackets nested too deep for the RDF parser (its limit is "
           "10,000 levels)";
  kg_error_at(&loc, "%s", text);
  return 1;  /* handled: Redland must not print it again */
}

void
kg_diag_install_redland(struct librdf_world_s *world)
{
  librdf_world_set_logger(world, NULL, redland_logger);
}

static void
deadline_hit(int sig)
{
  ssize_t w;

  (void)sig;
  w = write(STDERR_FILENO, deadline_line, strlen(deadline_line));
  (void)w;
  _exit(deadline_code);
}

void
kg_diag_deadline(double seconds, int code, const char *fmt, ...)
{
  struct itimerval it;
  struct sigaction sa;
  va_list ap;
  int n;

  n = snprintf(deadline_line, sizeof deadline_line, "mednum-kg: ");
  va_start(ap, fmt);
  vsnprintf(deadline_line + n, sizeof deadline_line - (size_t)n - 1, fmt,
            ap);
  va_end(ap);
  strcat(deadline_line, "\n");
  deadline_code = code;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = deadline_hit;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, NULL);
  memset(&it, 0, sizeof it);
  it.it_value.tv_sec = (time_t)seconds;
  it.it_value.tv_usec = (suseconds_t)((seconds - (double)(time_t)seconds) *
                                      1e6);
  if(!it.it_value.tv_sec && !it.it_value.tv_usec)
    it.it_value.tv_usec = 1;
  setitimer(ITIMER_REAL, &it, NULL);
}

void
kg_diag_deadline_cancel(void)
{
  struct itimerval it;

  memset(&it, 0, sizeof it);
  setitimer(ITIMER_REAL, &it, NULL);
}
