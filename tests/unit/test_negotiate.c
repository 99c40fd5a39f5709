/* test_negotiate.c - content negotiation (serve/negotiate.c): q-values,
 * the most specific range wins, ties go to the server's order, nothing
 * acceptable is -1 (406), format= names and media types. */
#include <stdio.h>
#include <string.h>

#include "serve/negotiate.h"

static int test_no;
static int failures;

static const struct kg_offer offers[] = {
  { "application/sparql-results+json", "json" },
  { "application/sparql-results+xml", "xml" },
  { "text/csv", "csv" },
  { "text/tab-separated-values", "tsv" }
};

static void
is(const char *accept, int want, const char *desc)
{
  int got = kg_negotiate(accept, offers, 4);

  test_no++;
  if(got != want)
    failures++;
  printf("%sok %d - %s (Accept: %s) -> %d\n", got == want ? "" : "not ",
         test_no, desc, accept ? accept : "none", got);
}

static void
named(const char *value, int want)
{
  int got = kg_negotiate_named(value, offers, 4);

  test_no++;
  if(got != want)
    failures++;
  printf("%sok %d - format=%s -> %d\n", got == want ? "" : "not ", test_no,
         value, got);
}

int
main(void)
{
  is(NULL, 0, "no Accept: the first offer");
  is("", 0, "empty Accept: the first offer");
  is("*/*", 0, "anything: the first offer");
  is("text/csv", 2, "an exact type");
  is("TEXT/CSV", 2, "types are case-insensitive");
  is("text/*", 2, "a type range: the first text offer");
  is("text/csv;q=0.5, application/sparql-results+xml", 1, "the higher q");
  is("text/csv; q=0.9, text/tab-separated-values", 3, "q with a space");
  is("image/png", -1, "nothing acceptable");
  is("text/*;q=0, */*", 0, "q=0 refuses the range, */* takes the rest");
  is("text/csv;q=0, text/*", 3, "the most specific range gives the q");
  is("application/sparql-results+json;q=0.1, */*;q=0.2", 1,
     "*/* beats a lower exact q; ties go to the server's order");
  is("text/csv;charset=utf-8", 2, "a parameter other than q");
  is("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 0,
     "a browser's Accept");
  is("text/csv;q=2", -1, "q over 1 is invalid: the range is refused");
  is(",,, ;;", -1, "garbage");
  named("csv", 2);
  named("text/tab-separated-values", 3);
  named("JSON", 0);
  named("yaml", -1);
  printf("%d passed, %d failed\n", test_no - failures, failures);
  return failures != 0;
}
