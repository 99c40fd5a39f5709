/* format.h - the one table of file formats the program reads and writes.
 *
 * Every "which parser for this file", "is this output format known" and
 * "which media type" question is answered here, from one row per format:
 * reports (Markdown), RDF syntaxes (through raptor, or our Turtle writer)
 * and SPARQL result formats.  Adding a format is adding a row.
 */
#ifndef KG_FORMAT_H
#define KG_FORMAT_H

#include <stddef.h>

/* What a format is used for (flags of struct kg_format). */
enum {
  KG_FMT_REPORT  = 1 << 0,  /* a report the extractor reads */
  KG_FMT_RDF_IN  = 1 << 1,  /* RDF read by query --data and the readers */
  KG_FMT_LOAD    = 1 << 2,  /* a file `load` accepts into the store */
  KG_FMT_EXTRACT = 1 << 3,  /* an output of `extract -f` */
  KG_FMT_EXPORT  = 1 << 4,  /* an output of `export -f`, and a DCAT distribution */
  KG_FMT_QUADS   = 1 << 5,  /* keeps graph names */
  KG_FMT_RESULTS = 1 << 6,  /* SPARQL SELECT/ASK results (`query -f`) */
  KG_FMT_GRAPH   = 1 << 7   /* CONSTRUCT/DESCRIBE results (`query -f`) */
};

struct kg_format {
  const char *name;       /* the -f value: "turtle" */
  const char *label;      /* "Turtle" */
  const char *media;      /* IANA media type */
  const char *exts;       /* extensions read, space-separated, first is
                             the one written: "ttl turtle" */
  const char *parser;     /* raptor parser name, or NULL */
  const char *writer;     /* raptor serializer name, or NULL */
  const char *eu;         /* EU file-type authority code, or NULL */
  const char *w3c;        /* local name under http://www.w3.org/ns/formats/ */
  unsigned flags;
};

/* The format named @name among those with all of @flags, or NULL. */
const struct kg_format *kg_format_find(const char *name, unsigned flags);

/* The format of @path by its extension (case-insensitive) among those
 * with all of @flags, or NULL. */
const struct kg_format *kg_format_of_path(const char *path, unsigned flags);

/* The extension of @path (pointing at its '.', in the last path
 * component, not a leading dot), or NULL. */
const char *kg_format_ext(const char *path);

/* The i-th row with all of @flags (i from 0), or NULL past the last: for
 * listing formats in help texts and catalogues. */
const struct kg_format *kg_format_at(size_t i, unsigned flags);

#endif
