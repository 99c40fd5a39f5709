/* ref.h - struct kg_ref: the reference data (vocabulary, gazetteer,
 * registry of known entities), read from the data directory on first use.
 *
 * The extractor and the named queries borrow it; it owns what it loads.
 */
#ifndef KG_REF_H
#define KG_REF_H

struct kg_world;
struct kg_vocab;
struct kg_gaz;
struct kg_registry;
struct kg_lexicon;

struct kg_ref {
  struct kg_world *w;       /* SHARED */
  const char *datadir;      /* where ontology/, data/, queries/ live */
  struct kg_vocab *vocab;   /* owned, lazily loaded: kg_ref_vocab() */
  struct kg_gaz *gaz;       /* owned, lazily loaded: kg_ref_gaz() */
  struct kg_registry *reg;  /* owned, lazily loaded: kg_ref_registry() */
  struct kg_lexicon *lex;   /* owned, lazily loaded: kg_ref_lexicon() */
  const char *curation;     /* the curator's registry file (SHARED), or NULL */
  int status;               /* exit status of the last load that failed */
};

void kg_ref_init(struct kg_ref *ref, struct kg_world *w, const char *datadir);
void kg_ref_release(struct kg_ref *ref);

/* Reads the registry with the curation file @path (SHARED: must outlive
 * @ref; NULL: none) after data/registry/.  A registry loaded already is
 * dropped, to be read again on next use. */
void kg_ref_set_curation(struct kg_ref *ref, const char *path);

/* Return SHARED loaded resources (loading on first call), or NULL after
 * reporting an error (ref->status then says which exit status: 3 for a
 * bad registry or curation file, 4 otherwise). */
struct kg_vocab *kg_ref_vocab(struct kg_ref *ref);
struct kg_gaz *kg_ref_gaz(struct kg_ref *ref);
struct kg_registry *kg_ref_registry(struct kg_ref *ref);
struct kg_lexicon *kg_ref_lexicon(struct kg_ref *ref);

/* Path of a file under the data directory, e.g. "ontology/cues.ttl".
 * Returns new string (caller frees). */
char *kg_ref_path(const struct kg_ref *ref, const char *rel);

#endif
