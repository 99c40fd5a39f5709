/* diag.c - diagnostics: one writer to stderr, Redland log bridge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <redland.h>

#include "base/diag.h"

static int verbosity;
static int error_count;
static const char *current_source;

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

static void
vprint(const char *kind, const struct kg_loc *loc, const char *fmt, va_list ap)
{
  fputs("mednum-kg: ", stderr);
  if(loc && loc->file) {
    fputs(loc->file, stderr);
    if(loc->line > 0) {
      fprintf(stderr, ":%d", loc->line);
      if(loc->col > 0)
        fprintf(stderr, ":%d", loc->col);
    }
    fputs(": ", stderr);
  } else if(loc && loc->line > 0) {
    fprintf(stderr, "line %d", loc->line);
    if(loc->col > 0)
      fprintf(stderr, ":%d", loc->col);
    fputs(": ", stderr);
  }
  if(kind)
    fputs(kind, stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
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
  kg_error_at(&loc, "%s", text);
  return 1;  /* handled: Redland must not print it again */
}

void
kg_diag_install_redland(struct librdf_world_s *world)
{
  librdf_world_set_logger(world, NULL, redland_logger);
}
