/* progress.h - one line of progress on a terminal: counts, rate, ETA.
 *
 * For the commands that may run long (load, push, export).  The line is
 * drawn on stderr only when stderr is a terminal and the user did not ask
 * for quiet (-q); it is redrawn in place at most 5 times a second (first
 * after 0.2 s, so a quick command shows nothing) and erased by
 * kg_progress_end(), so a terminal keeps no trace of it.  Otherwise
 * nothing is written at all: a log file or a pipe never holds it.
 *
 *   load: 12/40 files, 34567 triples, 81234 triples/s, ETA 0:07
 *
 * The caller owns the struct and sets the counts in it (done, count,
 * work_done), then calls kg_progress_tick(), which is cheap when no redraw
 * is due (one clock read).
 */
#ifndef KG_PROGRESS_H
#define KG_PROGRESS_H

struct kg_progress {
  int on;                 /* 1: drawing (a terminal, not -q) */
  const char *what;       /* the line's head: "load"; borrowed */
  const char *unit;       /* what done/total count: "files"; borrowed;
                             NULL: total counts count_unit, as count does
                             ("export: 5120/20480 triples, ...") */
  const char *count_unit; /* what count counts: "triples"; borrowed, NULL:
                             no count, no rate */
  long done;              /* units finished */
  long total;             /* units in all; 0 = unknown (no ETA) */
  long long count;        /* e.g. triples so far; the rate is of these */
  double work_done;       /* for the ETA when units differ in size (bytes):  */
  double work_total;      /* work_total 0 = done/total */
  double start;           /* monotonic clock, seconds */
  double last;            /* last draw */
  int shown;              /* a line is on the terminal */
};

/* Starts @p: on only when @quiet is 0 and stderr is a terminal (not
 * TERM=dumb).  @what, @unit and @count_unit are borrowed for its life. */
void kg_progress_init(struct kg_progress *p, int quiet, const char *what,
                      const char *unit, long total, const char *count_unit);

/* Redraws the line if 0.2 s passed since the last draw. */
void kg_progress_tick(struct kg_progress *p);

/* Erases the line before something else is written to the terminal (a
 * line on stdout); the next tick draws it again. */
void kg_progress_clear(struct kg_progress *p);

/* Erases the line for good: @p is off from now on.  Call it on every way
 * out, success or not. */
void kg_progress_end(struct kg_progress *p);

#endif
