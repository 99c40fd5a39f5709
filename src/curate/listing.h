/* listing.h - candidates and decisions written for a curator: an aligned
 * table (the default), TSV, CSV, JSON or XML. */
#ifndef KG_LISTING_H
#define KG_LISTING_H

#include <stdio.h>

struct kg_cands;
struct kg_curation;

/* 1 if @format is a format of candidates: table, tsv, csv, json, xml. */
int kg_listing_candidates_format(const char *format);
/* 1 if @format is a format of decisions: table, tsv, json. */
int kg_listing_decisions_format(const char *format);

/* Writes @c best first, one candidate per row with its passages.  @base is
 * the instance base (reports show as their slug).  0, or -1 on a write
 * error (not reported). */
int kg_listing_candidates(const struct kg_cands *c, const char *format,
                          const char *base, FILE *out);

/* Writes the decisions of @cur, oldest first.  0, or -1 on a write error
 * (not reported). */
int kg_listing_decisions(const struct kg_curation *cur, const char *format,
                         FILE *out);

#endif
