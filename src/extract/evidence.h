/* evidence.h - statements of one report's graph, each with its passage.
 *
 * Every entity gets prov:wasDerivedFrom a nif:Phrase (begin/end in code
 * points of the NFC report text, anchorOf, taIdentRef); every extracted
 * relation is also reified as an rdf:Statement with prov:wasDerivedFrom its
 * passage, mn:rule and, when inferred, mn:inferred true.  IRIs are derived
 * from content (offsets, hashes), so the same report gives the same graph.
 */
#ifndef KG_EVIDENCE_H
#define KG_EVIDENCE_H

#include <stddef.h>
#include <redland.h>
#include "rdf/rdf.h"
#include "base/buf.h"
#include "base/hash.h"

struct kg_ref;
struct kg_cpindex;

struct kg_emit {
  struct kg_ref *ref;
  librdf_world *world;
  struct kg_stmts *out;      /* where statements go (borrowed) */
  librdf_node *graph;       /* the report's graph (borrowed) */
  librdf_node *report;      /* the report node (borrowed) */
  const char *slug;         /* report slug */
  const char *text;         /* NFC text of the report */
  size_t len;
  struct kg_cpindex *cp;    /* byte -> code point */
  struct kg_hash seen;    /* statements already added */
  struct kg_buf keybuf;     /* scratch for de-duplication keys */
  struct kg_hash iris;      /* kg_evidence_iri(): IRI -> 1 + index in irin */
  librdf_node **irin;       /* one node per vocabulary IRI, copied out */
  size_t niri, capiri;
  int failed;               /* set when an add failed (reported) */
  size_t added;
};

/* Frees what @e holds itself (not the statements it added). */
void kg_evidence_release(struct kg_emit *e);

/* New IRI node: base + printf-style relative path. */
librdf_node *kg_evidence_id(struct kg_emit *e, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
/* New IRI node in a namespace. */
librdf_node *kg_evidence_iri(struct kg_emit *e, const char *ns, const char *local);
librdf_node *kg_evidence_lit(struct kg_emit *e, const char *text, const char *lang);
librdf_node *kg_evidence_litn(struct kg_emit *e, const char *text, size_t n,
                          const char *lang);

/* (s p o) in the report graph; borrows s, takes p and o. */
void kg_evidence_triple(struct kg_emit *e, librdf_node *s, librdf_node *p,
                    librdf_node *o);
/* Shorthand with predicate ns+local; borrows s, takes o. */
void kg_evidence_po(struct kg_emit *e, librdf_node *s, const char *ns,
                const char *local, librdf_node *o);

/* Mention of @entity at source bytes [a, b): adds the nif:Phrase and
 * entity prov:wasDerivedFrom it.  Borrows @entity. */
void kg_evidence_mention(struct kg_emit *e, librdf_node *entity, size_t a,
                     size_t b);

/* Relation (s p o) with evidence: the triple, plus its rdf:Statement with
 * the passage [a, b), mn:rule @rule and mn:inferred when @inferred.
 * Borrows s and o; p is ns+local. */
void kg_evidence_fact(struct kg_emit *e, librdf_node *s, const char *ns,
                  const char *local, librdf_node *o, const char *rule,
                  size_t a, size_t b, int inferred);

/* The IRI of the rdf:Statement kg_evidence_fact() makes for (s p o) by
 * @rule (new node, caller frees): to say more of that piece of evidence. */
librdf_node *kg_evidence_statement(struct kg_emit *e, librdf_node *s,
                                   const char *ns, const char *local,
                                   librdf_node *o, const char *rule);

/* Removes from the report's statements the entities whose IRIs are in
 * @gone, with their evidence: every statement about them or pointing at
 * them, their mentions, the reifications of their relations, and the
 * passages nothing else cites. */
void kg_evidence_drop(struct kg_emit *e, const struct kg_hash *gone);

/* Makes @from the entity @to in the report's statements, once all are
 * made: what was said of or pointed at @from is of or at @to, @from's
 * schema:name becomes an alternateName of @to, and repeats go.  Borrows
 * both nodes. */
void kg_evidence_merge(struct kg_emit *e, librdf_node *from, librdf_node *to);

/* 64-bit FNV-1a of a string, for content-derived IRIs. */
unsigned long long kg_evidence_hash(const char *s);

#endif
