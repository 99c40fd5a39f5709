/* world.h - struct kg_world: the one librdf world of the process and the
 * instance base IRI, with the node and model constructors every RDF-making
 * module uses.
 *
 * librdf is not thread-safe: one world per process, made by the command
 * line (cli/ctx.c) and passed down explicitly; nothing keeps it in a
 * global.
 */
#ifndef KG_WORLD_H
#define KG_WORLD_H

#include <redland.h>

struct kg_world {
  librdf_world *world;      /* owned */
  raptor_world *raptor;     /* SHARED, from world */
  const char *base;         /* instance base IRI, ends with '/' */
  struct kg_progress *progress;  /* SHARED, or NULL: streamed writers
                                    count their statements in it */
};

#define KG_DEFAULT_BASE "https://w3id.org/mednum-kg/id/"

/* Opens the world, installs the diagnostics bridge, sets the UTF-8 locale
 * rasqal's regex needs.  0, or -1 after reporting. */
int kg_world_init(struct kg_world *w);
void kg_world_release(struct kg_world *w);

/* A new in-memory model (hashes, contexts, predicate index).  *storage
 * receives the storage to free after the model. NULL after reporting. */
librdf_model *kg_world_new_memory_model(struct kg_world *w,
                                        librdf_storage **storage);
/* Same without named graphs: much faster to fill (librdf's hashes store
 * with contexts checks every default-graph statement against the store,
 * which makes loading quadratic). */
librdf_model *kg_world_new_plain_model(struct kg_world *w,
                                       librdf_storage **storage);

/* Node helpers. Return new nodes (caller frees with librdf_free_node). */
librdf_node *kg_world_iri(struct kg_world *w, const char *iri);
librdf_node *kg_world_iri2(struct kg_world *w, const char *ns,
                           const char *local);
/* Instance IRI: base + rel ("event/nec-cvl-2024"). */
librdf_node *kg_world_id(struct kg_world *w, const char *rel);

#endif
