/* diag.h - the only way mednum-kg talks to stderr.
 *
 * Messages follow `mednum-kg: FILE:LINE:COL: message`; parts that are not
 * known are dropped.  Redland's messages reach the user only through the
 * logger installed by kg_diag_install_redland().
 */
#ifndef KG_DIAG_H
#define KG_DIAG_H

#include <stdarg.h>

enum kg_exit {          /* docs/mednum-kg.1 "EXIT STATUS" lists these same values */
  KG_EXIT_OK    = 0,    /* done */
  KG_EXIT_NO    = 1,    /* ran fine, answer is "no": validate found problems, ASK false */
  KG_EXIT_USAGE = 2,    /* bad command line */
  KG_EXIT_DATA  = 3,    /* input did not parse: report, RDF, SPARQL */
  KG_EXIT_SYS   = 4     /* I/O, lock, out of memory */
};

struct kg_loc {
  const char *file;     /* as the user typed it; NULL = none */
  int line;             /* from 1; 0 = unknown */
  int col;              /* from 1; 0 = unknown */
};

/* Verbosity: -1 quiet, 0 default, 1 verbose. */
void kg_diag_set_verbosity(int v);

void kg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kg_error_at(const struct kg_loc *loc, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
void kg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A notice the user waits for (a server's address), hidden by -q. */
void kg_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line of a log (the server's access log): as it is, no head,
 * always written. */
void kg_log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Progress, printed only with -v. */
void kg_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kg_verror_at(const struct kg_loc *loc, const char *fmt, va_list ap);

/* Usage error: the message, then the "try --help" line. Returns KG_EXIT_USAGE. */
int kg_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct kg_buf;
/* While @b is set (NULL ends it), messages are appended to @b, one line
 * each without the "mednum-kg: " head, instead of going to stderr: the
 * endpoint answers a bad query with the messages in the response. */
void kg_diag_capture(struct kg_buf *b);

/* Number of errors reported since the last kg_diag_reset_count(). */
int kg_diag_error_count(void);
void kg_diag_reset_count(void);

/* Source name used for Redland messages that carry a locator (set before each
 * parse; NULL clears).  Borrowed: must stay valid until cleared. */
void kg_diag_source(const char *name);


struct librdf_world_s;
/* Route every librdf / raptor / rasqal message through diag. */
/* A last stop for work that cannot watch its own clock (a library call
 * that runs long): after @seconds, the message (formatted now) is written
 * as one "mednum-kg: " line and the process exits with @code, from a
 * SIGALRM handler.  One deadline at a time; kg_diag_deadline_cancel()
 * disarms it. */
void kg_diag_deadline(double seconds, int code, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
void kg_diag_deadline_cancel(void);

void kg_diag_install_redland(struct librdf_world_s *world);

#endif
