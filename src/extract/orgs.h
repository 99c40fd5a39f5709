/* orgs.h - organisations named anywhere in the prose of a report */
#ifndef KG_ORGS_H
#define KG_ORGS_H

struct kg_report;

/* Finds the organisations the text names outside cue lines and tables:
 * registry names and aliases, head nouns with their names or complements
 * ("la médiathèque de Landujan", "l'association Solidarnum"), territory
 * names with an organisation word ("Lozère Développement"), EPCIs,
 * acronyms with their expansions, lists after "structures :", agents of
 * "organisé par", appositions ("la MedNum, coopérative …").  Names the
 * registry does not know become candidates. */
void kg_orgs_find(struct kg_report *x);

/* Makes the organisations named with their acronyms ("Groupement d'Intérêt
 * Scientifique (GIS) M@rsouin") before people and cue lines are read, so
 * that "la CSNP" or "du GIS M@rsouin" in an affiliation is the same body,
 * whichever comes first.  kg_orgs_find() then leaves them be. */
void kg_orgs_acronyms(struct kg_report *x);

/* Once every statement of the report is made, makes one the bodies
 * named twice: an acronym read alone before the name it spells. */
void kg_orgs_merge(struct kg_report *x);

#endif
