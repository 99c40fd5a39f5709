/* negotiate.h - HTTP content negotiation: the best offer for an Accept.
 *
 * RFC 9110 §12.5.1: media ranges with q-values; the most specific range
 * that matches an offer gives its q; the highest q wins, ties go to the
 * server's order (offers[0] first).  No Accept is "* / *".
 */
#ifndef KG_NEGOTIATE_H
#define KG_NEGOTIATE_H

#include <stddef.h>

struct kg_offer {
  const char *media;      /* "application/sparql-results+json" */
  const char *name;       /* the format's name: "json" */
};

/* Index in @offers of the best one for @accept (NULL: none given), or -1
 * when no offer is acceptable (406). */
int kg_negotiate(const char *accept, const struct kg_offer *offers, size_t n);

/* Index of the offer whose name or media type is @value (a format=
 * override), or -1. */
int kg_negotiate_named(const char *value, const struct kg_offer *offers,
                       size_t n);

#endif
