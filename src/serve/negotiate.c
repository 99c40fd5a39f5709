/* negotiate.c - the best offer for an Accept header (see negotiate.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "serve/negotiate.h"

/* One media range of an Accept header. */
struct range {
  const char *type;       /* "text/html", "text/ *" or "* / *" */
  size_t len;
  double q;
};

/* How well @r matches @media: 3 exact, 2 "type/ *", 1 "* / *", 0 not. */
static int
specificity(const struct range *r, const char *media)
{
  const char *slash = memchr(r->type, '/', r->len);
  size_t tlen;

  if(!slash)
    return 0;
  tlen = (size_t)(slash - r->type);
  if(r->len == 3 && !strncmp(r->type, "*/*", 3))
    return 1;
  if(!strncasecmp(r->type, media, tlen) && media[tlen] == '/') {
    if(r->len == tlen + 2 && slash[1] == '*')
      return 2;
    if(strlen(media) == r->len && !strncasecmp(r->type, media, r->len))
      return 3;
  }
  return 0;
}

/* Parses the range starting at @s (up to ',' or the end); returns the end. */
static const char *
parse_range(const char *s, struct range *r)
{
  const char *e = s + strcspn(s, ",");
  const char *p;

  while(s < e && (*s == ' ' || *s == '\t'))
    s++;
  r->type = s;
  r->len = strcspn(s, ";, \t");
  if(s + r->len > e)
    r->len = (size_t)(e - s);
  r->q = 1.0;
  for(p = s + r->len; p < e; p++) {
    if(*p == ';') {
      const char *v = p + 1;

      while(v < e && (*v == ' ' || *v == '\t'))
        v++;
      if(e - v > 2 && (v[0] == 'q' || v[0] == 'Q') && v[1] == '=')
        r->q = strtod(v + 2, NULL);
    }
  }
  if(!(r->q >= 0) || r->q > 1)
    r->q = 0;
  return *e ? e + 1 : e;
}

/* The q of @media under @accept: that of the most specific range. */
static double
quality(const char *accept, const char *media)
{
  const char *s = accept;
  double q = 0;
  int best = 0;

  while(*s) {
    struct range r;
    int k;

    s = parse_range(s, &r);
    k = r.len ? specificity(&r, media) : 0;
    if(k > best) {
      best = k;
      q = r.q;
    }
  }
  return q;
}

int
kg_negotiate(const char *accept, const struct kg_offer *offers, size_t n)
{
  double bestq = 0;
  int best = -1;
  size_t i;

  if(!accept || !*accept)
    return n ? 0 : -1;
  for(i = 0; i < n; i++) {
    double q = quality(accept, offers[i].media);

    if(q > bestq) {
      bestq = q;
      best = (int)i;
    }
  }
  return best;
}

int
kg_negotiate_named(const char *value, const struct kg_offer *offers, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    if(!strcasecmp(value, offers[i].name) ||
       !strcasecmp(value, offers[i].media))
      return (int)i;
  return -1;
}
