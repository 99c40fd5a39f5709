/* dates.h - dates written in a report: "le 9 avril 2024", "12/05/2021",
 * "06.02.2020", "2021-05-12", "les 4 et 5 juin 2023", "du 2 au 4 octobre
 * 2022", "les 25 février et 3 mars", "LUNDI 7 septembre".
 *
 * Month and weekday names and the words of a range ("au", "et", "-") come
 * from the vocabulary (ontology/lexicon.ttl).  A date whose year is not
 * written keeps year 0; kg_dates_year() fills it from the report's other
 * dates only when they agree on one year, and never against a written
 * weekday.  Plain C: no Redland; spans are byte offsets into the text.
 */
#ifndef KG_DATES_H
#define KG_DATES_H

#include <stddef.h>

struct kg_vocab;

struct kg_date {
  int y, m, d;            /* first day; y == 0: the year is not written */
  int y2, m2, d2;         /* last day of a range; d2 == 0: one day */
  int weekday;            /* 1 (lundi) .. 7 written before it, else 0 */
  int last;               /* "vendredi dernier": no day written; the last
                             such weekday before the text's own date
                             (kg_dates_before()) */
  size_t start, end;      /* the whole expression */
};

struct kg_dates {
  struct kg_date *v;
  size_t n, cap;
};

/* Appends the dates of s[0..len) to @out, in text order. */
void kg_dates_find(const struct kg_vocab *v, const char *s, size_t len,
                   struct kg_dates *out);
void kg_dates_release(struct kg_dates *d);
/* Appends the months of s[0..len) named without a day after a cue of
 * month (ontology/lexicon.ttl: "en septembre", "fin octobre 2011"), in
 * text order, as dates whose day is 0 (y 0 when no year follows). */
void kg_dates_months(const struct kg_vocab *v, const char *s, size_t len,
                     struct kg_dates *out);

/* The one year that the dates of @all with a written year agree on, also
 * counting @extra_year (a year written elsewhere, 0 if none); 0 when there
 * is none or more than one. */
int kg_dates_one_year(const struct kg_dates *all, int extra_year);
/* The year a text writes on its own ("Programme édition 2025"): the one
 * four-digit year 1900-2099 of s[0..len), 0 if none or several. */
int kg_dates_lone_year(const char *s, size_t len);
/* Adds each four-digit year 1900-2099 of s[0..len) that years[0..*n)
 * lacks, up to @max years in all. */
void kg_dates_add_years(const char *s, size_t len, int *years, size_t *n,
                        size_t max);
/* The year a date written with its weekday but without its year takes
 * from the years a text names (@years, @n): the one of them on which it
 * falls ("jeudi 15 septembre" in a text naming 2000, 2006 and 2022:
 * 2022).  0 when it has no weekday, or none or several years fit (a
 * text's only year is no evidence: "d'ici 2022" in a report of 2019). */
int kg_dates_year_among(const struct kg_date *d, const int *years, size_t n);
/* Gives @d the year @year where it has none (also to its end), unless a
 * written weekday disagrees.  Returns 1 if @d then has a full date. */
int kg_dates_year(struct kg_date *d, int year);
/* Gives @d ("vendredi dernier", d->last) the last day of its weekday
 * strictly before the full date @anchor.  Returns 1 if it could. */
int kg_dates_before(struct kg_date *d, const struct kg_date *anchor);
/* "2024-04-09" of the start (@end = 0) or the end (@end = 1) into iso[11];
 * 0 if that day is not a full date. */
int kg_dates_iso(const struct kg_date *d, int end, char iso[11]);

#endif
