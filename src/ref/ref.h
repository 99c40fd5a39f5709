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
};

void kg_ref_init(struct kg_ref *ref, struct kg_world *w, const char *datadir);
void kg_ref_release(struct kg_ref *ref);

/* Return SHARED loaded resources (loading on first call), or NULL after
 * reporting an error. */
struct kg_vocab *kg_ref_vocab(struct kg_ref *ref);
struct kg_gaz *kg_ref_gaz(struct kg_ref *ref);
struct kg_registry *kg_ref_registry(struct kg_ref *ref);
struct kg_lexicon *kg_ref_lexicon(struct kg_ref *ref);

/* Path of a file under the data directory, e.g. "ontology/cues.ttl".
 * Returns new string (caller frees). */
char *kg_ref_path(const struct kg_ref *ref, const char *rel);

#endif
