/* territory_rdf.h - the RDF shape of a territory (DESIGN.md section 4).
 *
 * <base>territoire/{region,departement,epci,commune}/<code> a igeo:Region |
 * igeo:Departement | igeo:Intercommunalite | igeo:Commune; igeo:codeINSEE
 * (the SIREN for an EPCI); igeo:nom "..."@fr; igeo:subdivisionDirecteDe each
 * direct parent; igeo:subdivisionDe every ancestor (materialised closure).
 * One shape, two writers: a librdf model, or N-Triples text.
 */
#ifndef KG_TERRITORY_RDF_H
#define KG_TERRITORY_RDF_H

#include <stdio.h>
#include <redland.h>

struct kg_world;
struct kg_gaz;
struct kg_terr;

/* Adds to @graph of @m (NULL = default graph) the triples of @t and of all
 * its ancestors, with w->base.  Borrows everything.  Adding twice adds
 * nothing new: a territory whose rdf:type triple is already in @graph is
 * skipped (storages with contexts keep duplicates).  Returns 0, or -1 after
 * reporting. */
int kg_territory_emit(struct kg_world *w, const struct kg_gaz *g,
                      const struct kg_terr *t, librdf_model *m,
                      librdf_node *graph);

/* Same into a statement list, in @graph; @done (territories already
 * described, by relative IRI) keeps each one to a single description. */
struct kg_stmts;
struct kg_hash;
int kg_territory_emit_stmts(struct kg_world *w, const struct kg_gaz *g,
                            const struct kg_terr *t, struct kg_stmts *l,
                            librdf_node *graph, struct kg_hash *done);

/* Writes the triples of @t only (not of its ancestors) as N-Triples to @out,
 * with instance base @base (ends with '/').  Returns 0 or -1 (write error,
 * not reported). */
int kg_territory_write_nt(FILE *out, const struct kg_gaz *g,
                          const struct kg_terr *t, const char *base);

/* Every territory of @g, each once, as N-Triples.  Returns 0 or -1. */
int kg_territory_write_all_nt(FILE *out, const struct kg_gaz *g,
                              const char *base);

#endif
