/* path.h - SPARQL property paths: the parsed form (made by the text pass,
 * rewrite_path.c) and its evaluation over the store (path.c). */
#ifndef KG_SPARQL_PATH_H
#define KG_SPARQL_PATH_H

enum kg_path_kind {
  KG_PATH_LINK = 0,     /* iri */
  KG_PATH_INV,          /* ^p */
  KG_PATH_SEQ,          /* a/b/... */
  KG_PATH_ALT,          /* a|b|... */
  KG_PATH_ZOM,          /* p* */
  KG_PATH_OOM,          /* p+ */
  KG_PATH_ZOO,          /* p? */
  KG_PATH_NPS           /* !(p|^q...) */
};

struct kg_path {
  enum kg_path_kind kind;
  char *iri;                    /* LINK; NPS members use kids (LINK/INV) */
  struct kg_path **kids;
  int nkids;
};

void kg_path_free(struct kg_path *p);

#endif
