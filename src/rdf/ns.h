/* ns.h - namespace IRIs of the vocabulary contract (DESIGN.md section 4).
 *
 * Only namespaces live here; terms are built as NS + local name.  Domain
 * knowledge (themes, cues, entities) is data under ontology/ and data/.
 */
#ifndef KG_NS_H
#define KG_NS_H

#define KG_NS_MN      "https://w3id.org/mednum-kg/def#"
#define KG_NS_MNC     "https://w3id.org/mednum-kg/concept/"
/* A librdf storage feature: "1" when every triple pattern, with or
 * without a graph, is an index range, and patterns without a graph give
 * each triple once (the LMDB store, store/storage.c). */
#define KG_FEATURE_QUAD_INDEXES "https://w3id.org/mednum-kg/feature/quad-indexes"
#define KG_NS_SCHEMA  "http://schema.org/"
#define KG_NS_DCTERMS "http://purl.org/dc/terms/"
#define KG_NS_SKOS    "http://www.w3.org/2004/02/skos/core#"
#define KG_NS_ORG     "http://www.w3.org/ns/org#"
#define KG_NS_PROV    "http://www.w3.org/ns/prov#"
#define KG_NS_DCAT    "http://www.w3.org/ns/dcat#"
#define KG_NS_VOID    "http://rdfs.org/ns/void#"
#define KG_NS_IGEO    "http://rdf.insee.fr/def/geo#"
#define KG_NS_NIF     "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define KG_NS_ITSRDF  "http://www.w3.org/2005/11/its/rdf#"
#define KG_NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define KG_NS_RDFS    "http://www.w3.org/2000/01/rdf-schema#"
#define KG_NS_XSD     "http://www.w3.org/2001/XMLSchema#"
#define KG_NS_OWL     "http://www.w3.org/2002/07/owl#"
#define KG_NS_FOAF    "http://xmlns.com/foaf/0.1/"
#define KG_NS_VCARD   "http://www.w3.org/2006/vcard/ns#"

/* The prefixes written in Turtle output, in this order. {prefix, iri}; the
 * instance base (mnid:) is added from the context. */
struct kg_prefix {
  const char *prefix;
  const char *iri;
};
extern const struct kg_prefix kg_prefixes[];

#endif
