/* datetime.c - xsd:dateTime and xsd:date: the XSD lexical forms, the
 * order of XSD 1.1 (a value without timezone against one with: decided
 * only when it holds for -14:00 and +14:00) and the SPARQL accessors.
 * The accessors YEAR, MONTH, DAY, TIMEZONE and TZ also take an xsd:date
 * (an extension: SPARQL 1.1 names xsd:dateTime only); HOURS, MINUTES and
 * SECONDS of a date are type errors.  Leap seconds and years beyond the
 * range of long are not supported (ill-typed). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sparql/value.h"

/* @n digits at *p (exactly), advanced. */
static int
digits(const char **p, int n, int *out)
{
  int v = 0;
  int i;

  for(i = 0; i < n; i++) {
    if(!isdigit((unsigned char)(*p)[i]))
      return -1;
    v = v * 10 + ((*p)[i] - '0');
  }
  *p += n;
  *out = v;
  return 0;
}

static int
month_days(long y, int m)
{
  static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : md[m - 1];
}

static int
parse_tz(struct kg_datetime *t, const char *p)
{
  int h;
  int m;
  int sign;

  t->has_tz = 0;
  if(!*p)
    return 0;
  if(!strcmp(p, "Z")) {
    t->has_tz = 2;
    t->tz = 0;
    return 0;
  }
  if(*p != '+' && *p != '-')
    return -1;
  sign = *p++ == '-' ? -1 : 1;
  if(digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &m) || *p ||
     m > 59 || h * 60 + m > 14 * 60)
    return -1;
  t->has_tz = 1;
  t->tz = sign * (h * 60 + m);
  return 0;
}

static int
parse_time(struct kg_datetime *t, const char **pp)
{
  const char *p = *pp;
  size_t n = 0;

  if(digits(&p, 2, &t->hour) || *p++ != ':' || digits(&p, 2, &t->minute) ||
     *p++ != ':' || digits(&p, 2, &t->sec))
    return -1;
  if(*p == '.') {
    p++;
    while(isdigit((unsigned char)p[n]))
      n++;
    if(!n || n >= sizeof t->frac)
      return -1;
    memcpy(t->frac, p, n);
    t->frac[n] = '\0';
    p += n;
    while(n > 0 && t->frac[n - 1] == '0')
      t->frac[--n] = '\0';
  }
  if(t->minute > 59 || t->sec > 59 ||
     (t->hour > 23 && !(t->hour == 24 && !t->minute && !t->sec && !n)))
    return -1;
  *pp = p;
  return 0;
}

int
kg_datetime_parse(struct kg_datetime *t, enum kg_value_kind kind,
                  const char *s)
{
  const char *p = s;
  char *end;
  int neg = 0;

  memset(t, 0, sizeof(*t));
  if(*p == '-') {
    neg = 1;
    p++;
  }
  if(!isdigit((unsigned char)*p))
    return -1;
  t->year = strtol(p, &end, 10);
  if(end - p < 4 || (end - p > 4 && *p == '0') || *end != '-')
    return -1;
  if(neg)
    t->year = -t->year;
  p = end + 1;
  if(digits(&p, 2, &t->month) || *p++ != '-' || digits(&p, 2, &t->day) ||
     t->month < 1 || t->month > 12 || t->day < 1 ||
     t->day > month_days(t->year, t->month))
    return -1;
  if(kind == KG_VALUE_DATETIME && (*p++ != 'T' || parse_time(t, &p)))
    return -1;
  return parse_tz(t, p);
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static long
days_from_civil(long y, int m, int d)
{
  long era;
  long yoe;
  long doy;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static long
seconds(const struct kg_datetime *t, int tz)
{
  return days_from_civil(t->year, t->month, t->day) * 86400L +
    t->hour * 3600L + t->minute * 60L + t->sec - tz * 60L;
}

static int
cmp_at(const struct kg_datetime *a, int tza, const struct kg_datetime *b,
       int tzb)
{
  long x = seconds(a, tza);
  long y = seconds(b, tzb);
  int c;

  if(x != y)
    return x < y ? -1 : 1;
  c = strcmp(a->frac, b->frac);
  return c < 0 ? -1 : c > 0;
}

int
kg_datetime_cmp(const struct kg_datetime *a, const struct kg_datetime *b)
{
  int lo;
  int hi;

  if(!a->has_tz == !b->has_tz)
    return cmp_at(a, a->tz, b, b->tz);
  if(!a->has_tz) {
    lo = cmp_at(a, 14 * 60, b, b->tz);
    hi = cmp_at(a, -14 * 60, b, b->tz);
  } else {
    lo = cmp_at(a, a->tz, b, 14 * 60);
    hi = cmp_at(a, a->tz, b, -14 * 60);
  }
  return lo == hi ? lo : 2;
}

static void
duration(char *out, size_t n, int tz)
{
  int a = tz < 0 ? -tz : tz;

  if(!tz)
    snprintf(out, n, "PT0S");
  else if(a % 60)
    snprintf(out, n, "%sPT%dH%dM", tz < 0 ? "-" : "", a / 60, a % 60);
  else
    snprintf(out, n, "%sPT%dH", tz < 0 ? "-" : "", a / 60);
}

int
kg_datetime_part(struct kg_value *r, const struct kg_value *a, int part)
{
  const struct kg_datetime *t = &a->t;
  char buf[64];

  memset(r, 0, sizeof(*r));
  if(a->kind != KG_VALUE_DATETIME && a->kind != KG_VALUE_DATE)
    return -1;
  if(a->kind == KG_VALUE_DATE && (part == 'h' || part == 'm' || part == 's'))
    return -1;
  switch(part) {
    case 'Y': kg_numeric_set_integer(r, t->year); return 0;
    case 'M': kg_numeric_set_integer(r, t->month); return 0;
    case 'D': kg_numeric_set_integer(r, t->day); return 0;
    case 'h': kg_numeric_set_integer(r, t->hour); return 0;
    case 'm': kg_numeric_set_integer(r, t->minute); return 0;
    case 's':
      snprintf(buf, sizeof buf, "%d%s%s", t->sec, *t->frac ? "." : "",
               t->frac);
      return kg_numeric_set_decimal(r, buf);
    case 'z':
      if(!t->has_tz)
        return -1;
      duration(buf, sizeof buf, t->tz);
      kg_value_set_literal(r, buf, strlen(buf), NULL,
                           KG_XSD "dayTimeDuration");
      return 0;
    default:
      if(t->has_tz == 2)
        snprintf(buf, sizeof buf, "Z");
      else if(t->has_tz)
        snprintf(buf, sizeof buf, "%c%02d:%02d", t->tz < 0 ? '-' : '+',
                 abs(t->tz) / 60, abs(t->tz) % 60);
      else
        buf[0] = '\0';
      kg_value_set_string(r, buf, strlen(buf), NULL);
      return 0;
  }
}
