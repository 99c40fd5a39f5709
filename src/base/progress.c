/* progress.c - one line of progress on a terminal (see progress.h).
 *
 * Besides diag.c, the only writer to stderr, and only to a terminal: each
 * draw is one write(2) of "\r" + text + erase-to-end + "\r", so that the
 * cursor rests at the start of the line and a message written meanwhile
 * (a warning) overwrites the line instead of following it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/buf.h"
#include "base/progress.h"

#define KG_PROGRESS_EVERY 0.2   /* seconds between draws: 5 a second */

/* Columns of the terminal on stderr, 80 when it does not say. */
static size_t
columns(void)
{
  struct winsize ws;

  if(!ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) && ws.ws_col > 10)
    return ws.ws_col;
  return 80;
}

static void
put(const char *s, size_t n)
{
  while(n) {
    ssize_t w = write(STDERR_FILENO, s, n);

    if(w <= 0)
      return;
    s += w;
    n -= (size_t)w;
  }
}

void
kg_progress_init(struct kg_progress *p, int quiet, const char *what,
                 const char *unit, long total, const char *count_unit)
{
  const char *term = getenv("TERM");

  memset(p, 0, sizeof *p);
  p->what = what;
  p->unit = unit;
  p->total = total;
  p->count_unit = count_unit;
  p->on = !quiet && isatty(STDERR_FILENO) && !(term && !strcmp(term, "dumb"));
  p->start = p->last = kg_clock_now();
}

/* "ETA 1:02:03" or "ETA 2:03" for @s seconds. */
static void
add_eta(struct kg_buf *b, double s)
{
  long t = (long)(s + 0.5);

  if(t >= 3600)
    kg_buf_addf(b, ", ETA %ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  else
    kg_buf_addf(b, ", ETA %ld:%02ld", t / 60, t % 60);
}

/* The text of the line at time @t. */
static void
format(const struct kg_progress *p, double t, struct kg_buf *b)
{
  double el = t - p->start;
  long long done = p->unit ? p->done : p->count;
  double frac = p->work_total > 0 ? p->work_done / p->work_total
              : p->total > 0 ? (double)done / (double)p->total : 0;

  kg_buf_addf(b, "%s: %lld", p->what, done);
  if(p->total > 0)
    kg_buf_addf(b, "/%ld", p->total);
  kg_buf_addf(b, " %s", p->unit ? p->unit : p->count_unit);
  if(!p->unit && el > 0.05)
    kg_buf_addf(b, ", %.0f %s/s", (double)p->count / el, p->count_unit);
  else if(p->count_unit) {
    kg_buf_addf(b, ", %lld %s", p->count, p->count_unit);
    if(el > 0.05)
      kg_buf_addf(b, ", %.0f %s/s", (double)p->count / el, p->count_unit);
  }
  if(frac > 0 && frac < 1 && el > 0.5)
    add_eta(b, el * (1 - frac) / frac);
}

static void
draw(struct kg_progress *p, double t)
{
  struct kg_buf text = KG_BUF_INIT;
  struct kg_buf line = KG_BUF_INIT;
  size_t max = columns() - 1;

  format(p, t, &text);
  if(text.len > max)
    text.len = max;             /* a wrapped line could not be redrawn */
  kg_buf_addc(&line, '\r');
  kg_buf_add(&line, text.s, text.len);
  kg_buf_adds(&line, "\033[K\r");
  fflush(stderr);
  put(line.s, line.len);
  p->shown = 1;
  p->last = t;
  kg_buf_release(&text);
  kg_buf_release(&line);
}

void
kg_progress_tick(struct kg_progress *p)
{
  double t;

  if(!p || !p->on)
    return;
  t = kg_clock_now();
  if(t - p->last >= KG_PROGRESS_EVERY)
    draw(p, t);
}

void
kg_progress_clear(struct kg_progress *p)
{
  if(!p || !p->shown)
    return;
  put("\r\033[K", 4);
  p->shown = 0;
}

void
kg_progress_end(struct kg_progress *p)
{
  if(!p)
    return;
  kg_progress_clear(p);
  p->on = 0;
}
