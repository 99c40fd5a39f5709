/* named.h - the named queries of queries/NAME.rq and their parameters.
 *
 * A named query starts with a header of comment lines:
 *   # name: programme
 *   # summary: sessions in order, with their block and type
 *   # param: theme theme required  theme slug or label (mobilite, Mobilité)
 * Parameters appear in the query as $name (a SPARQL variable, so the file is
 * valid SPARQL as it is).  --param name=value replaces every $name outside
 * strings, IRIs and comments by one checked term: a theme or territory
 * becomes its IRI, a string an escaped literal, an IRI a checked <IRI>, an
 * integer digits, a report (slug, file name or IRI) the report's IRI
 * <BASE report/SLUG>, an event (any text) its NFC as a string, a date
 * (YYYY, YYYY-MM or YYYY-MM-DD, a real day) the string it is.  Nothing in
 * a value can change the query's shape.  An optional parameter not given
 * stays a variable, unbound.
 *
 * The scope parameters (report, event, from, to) of the queries that span
 * reports are written so that an unbound one lets every report through:
 *   FILTER(?report = $report)                      $report is ?report
 *   FILTER(STR(?event) = STR($event) || ...)       $event is ?event
 *   FILTER(COALESCE($from, "") = "" || STR(?date) >= $from)
 */
#ifndef KG_NAMED_H
#define KG_NAMED_H

#include <stddef.h>
#include <stdio.h>

struct kg_ref;

enum kg_param_type {
  KG_PARAM_STRING = 0,
  KG_PARAM_IRI,
  KG_PARAM_INT,
  KG_PARAM_THEME,
  KG_PARAM_TERRITORY,
  KG_PARAM_REPORT,        /* slug, file name or IRI -> <BASE report/SLUG> */
  KG_PARAM_EVENT,         /* text, checked, NFC -> "text" */
  KG_PARAM_DATE           /* YYYY, YYYY-MM, YYYY-MM-DD -> "YYYY-MM-DD" */
};

struct kg_param {
  char *name;
  enum kg_param_type type;
  int required;
  char *doc;
};

struct kg_named {
  char *name;
  char *summary;
  char *path;
  char *text;             /* whole file */
  struct kg_param *params;
  size_t nparams;
};

/* Loads queries/@name.rq.  NULL after reporting ("unknown named query"). */
struct kg_named *kg_named_load(struct kg_ref *ref, const char *name);
/* Parses a query file's header (for any .rq). NULL after reporting. */
struct kg_named *kg_named_from_file(const char *path);
void kg_named_free(struct kg_named *q);

/* The names of the named queries, sorted, NULL-terminated (free with
 * kg_named_names_free); *n receives their number.  NULL after reporting. */
char **kg_named_names(struct kg_ref *ref, size_t *n);
void kg_named_names_free(char **names);
/* "string", "iri", "int", "theme", "territory", "report", "event" or
 * "date". */
const char *kg_named_type_name(enum kg_param_type t);

/* Writes "name  summary" and the parameters of every named query. */
int kg_named_list(struct kg_ref *ref, FILE *out);

/* Substitutes "name=value" assignments into @q->text.  Returns new text, or
 * NULL after reporting (unknown parameter, bad value, missing required). */
char *kg_named_bind(struct kg_ref *ref, const struct kg_named *q,
                    char **assign, size_t nassign);

#endif
