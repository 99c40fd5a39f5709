/* curate.h - a curator's decision on a candidate, made into an entry of
 * the curation file (ref/curation.h).
 *
 * Accepting makes the candidate a known entity of the registry: its IRI,
 * its name and, as aliases, the other words the reports use for it; with
 * --as, under another name (an entity the registry knows already by that
 * name gets the candidate's words as aliases).  Rejecting records its IRI
 * and names with mn:rejected true.  Only the names, aliases and kind are
 * recorded: relations keep coming from the reports alone.
 */
#ifndef KG_CURATE_H
#define KG_CURATE_H

struct kg_cands;
struct kg_registry;
struct kg_curation;

struct kg_curate_req {
  const char *what;   /* a name, an IRI, or mnid:PATH */
  int kind;           /* enum kg_entity_kind, or -1: the candidate's */
  const char *as;     /* accept under this name; NULL: the candidate's */
  int reject;         /* 1: reject; 0: accept */
};

/* Decides on @rq->what: looks it up among @cands (the store's candidates,
 * or NULL when there is no store), checks it against @reg (the registry
 * with the curation file) and puts the decision into @cur.  @base is the
 * instance base of the store's IRIs.  Returns KG_EXIT_OK, or KG_EXIT_USAGE
 * (ambiguous) / KG_EXIT_DATA (no such candidate, a known entity) after
 * reporting. */
int kg_curate_decide(const struct kg_curate_req *rq,
                     const struct kg_cands *cands,
                     const struct kg_registry *reg, const char *base,
                     struct kg_curation *cur);

#endif
