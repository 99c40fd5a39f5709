/* extract.h - a report (Markdown) into RDF triples with evidence.
 *
 * One named graph per report: mnid:graph/<report-slug>.  Nothing is added to
 * the model when the report is rejected (bad bytes, empty file...).
 */
#ifndef KG_EXTRACT_H
#define KG_EXTRACT_H

#include <stddef.h>
#include <redland.h>

struct kg_ref;

struct kg_report_info {
  char *slug;        /* report slug, from the file name */
  char *graph;       /* graph IRI */
  size_t triples;    /* statements added */
  size_t bytes;      /* size of the report */
};

/* Extracts @path ("-" = standard input, whose graph is mnid:graph/stdin)
 * into @model, in the report's graph.  Returns KG_EXIT_OK, or
 * KG_EXIT_DATA / KG_EXIT_SYS after reporting.  @info may be NULL; else it is
 * filled (release with kg_extract_info_release). */
int kg_extract_report(struct kg_ref *ref, const char *path,
                      librdf_model *model, struct kg_report_info *info);

/* Same, appending the statements (with their graph) to @out. */
struct kg_stmts;
int kg_extract_report_stmts(struct kg_ref *ref, const char *path,
                            struct kg_stmts *out, struct kg_report_info *info);

/* Adds the reference graph (mnid:graph/reference): the description of
 * every concept (theme, session type, audience...) and every territory, with
 * its ancestors, that the graphs in @model reference. */
int kg_extract_reference(struct kg_ref *ref, librdf_model *model);

/* Same, for a statement list: appends the reference graph for the
 * territories named in @l. */
int kg_extract_reference_stmts(struct kg_ref *ref, struct kg_stmts *l);

void kg_extract_info_release(struct kg_report_info *info);

#endif
