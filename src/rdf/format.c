/* format.c - the one table of file formats (see format.h). */
#include <ctype.h>
#include <string.h>

#include "rdf/format.h"

#define RDF_OUT (KG_FMT_EXTRACT | KG_FMT_EXPORT)

static const struct kg_format formats[] = {
  { "markdown", "Markdown", "text/markdown", "md markdown", NULL, NULL, NULL, NULL,
    KG_FMT_REPORT | KG_FMT_LOAD },
  { "text", "Plain text", "text/plain", "txt text", NULL, NULL, NULL, NULL,
    KG_FMT_REPORT },
  { "turtle", "Turtle", "text/turtle", "ttl turtle", "turtle", "turtle",
    "RDF_TURTLE",
    "Turtle", KG_FMT_RDF_IN | KG_FMT_LOAD | RDF_OUT | KG_FMT_GRAPH },
  { "ntriples", "N-Triples", "application/n-triples", "nt", "ntriples",
    "ntriples", "RDF_N_TRIPLES", "N-Triples",
    KG_FMT_RDF_IN | KG_FMT_LOAD | RDF_OUT | KG_FMT_GRAPH },
  { "nquads", "N-Quads", "application/n-quads", "nq", "nquads",
    "nquads", "RDF_N_QUADS", "N-Quads", KG_FMT_RDF_IN | RDF_OUT | KG_FMT_QUADS },
  { "rdfxml", "RDF/XML", "application/rdf+xml", "rdf owl xml",
    "rdfxml", "rdfxml-abbrev", "RDF_XML", "RDF_XML",
    KG_FMT_RDF_IN | RDF_OUT | KG_FMT_GRAPH },
  { "jsonld", "JSON-LD", "application/ld+json", "jsonld", NULL, NULL,
    "JSON_LD", "JSON-LD", RDF_OUT | KG_FMT_QUADS | KG_FMT_GRAPH },
  { "json", "RDF/JSON", "application/rdf+json", "rj", NULL, "json", NULL, NULL,
    KG_FMT_EXTRACT },
  { "table", "Text table", "text/plain", "txt", NULL, NULL, NULL, NULL,
    KG_FMT_RESULTS | KG_FMT_GRAPH },
  { "csv", "SPARQL results CSV", "text/csv", "csv", NULL, NULL, NULL,
    "SPARQL_Results_CSV", KG_FMT_RESULTS },
  { "tsv", "SPARQL results TSV", "text/tab-separated-values", "tsv", NULL,
    NULL, NULL, "SPARQL_Results_TSV", KG_FMT_RESULTS },
  { "json", "SPARQL results JSON", "application/sparql-results+json", "srj",
    NULL, NULL, NULL, "SPARQL_Results_JSON", KG_FMT_RESULTS },
  { "xml", "SPARQL results XML", "application/sparql-results+xml", "srx",
    NULL, NULL, NULL, "SPARQL_Results_XML", KG_FMT_RESULTS },
  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 }
};

const struct kg_format *
kg_format_at(size_t i, unsigned flags)
{
  const struct kg_format *f;

  for(f = formats; f->name; f++)
    if((f->flags & flags) == flags && !i--)
      return f;
  return NULL;
}

const struct kg_format *
kg_format_find(const char *name, unsigned flags)
{
  const struct kg_format *f;
  size_t i;

  for(i = 0; name && (f = kg_format_at(i, flags)) != NULL; i++)
    if(!strcmp(f->name, name))
      return f;
  return NULL;
}

const char *
kg_format_ext(const char *path)
{
  const char *base = strrchr(path, '/');
  const char *dot;

  base = base ? base + 1 : path;
  dot = strrchr(base, '.');
  return (dot && dot != base) ? dot : NULL;
}

/* 1 if @ext (without its dot) is one of the space-separated @list,
 * ignoring case. */
static int
ext_in(const char *ext, const char *list)
{
  size_t n = strlen(ext), i;

  while(*list) {
    size_t m = strcspn(list, " ");

    if(m == n) {
      for(i = 0; i < n && tolower((unsigned char)ext[i]) == list[i]; i++)
        ;
      if(i == n)
        return 1;
    }
    list += m;
    while(*list == ' ')
      list++;
  }
  return 0;
}

const struct kg_format *
kg_format_of_path(const char *path, unsigned flags)
{
  const char *ext = kg_format_ext(path);
  const struct kg_format *f;
  size_t i;

  if(!ext)
    return NULL;
  for(i = 0; (f = kg_format_at(i, flags)) != NULL; i++)
    if(ext_in(ext + 1, f->exts))
      return f;
  return NULL;
}
