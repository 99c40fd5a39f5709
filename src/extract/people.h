/* people.h - parse a cue line's names: persons, job titles, organisations.
 *
 * "Ramatou Sow et Isabelle Zeller de la Fédération Régionale des Centres
 * sociaux et Aurélien Chatelain de la CAF du Loiret" is three persons and two
 * organisations; persons listed before an organisation share it.  The joining
 * words (et, de la, du, au sein de…) come from the vocabulary.  Plain C: no
 * Redland; spans are byte offsets into the parsed text.
 */
#ifndef KG_PEOPLE_H
#define KG_PEOPLE_H

#include <stddef.h>

struct kg_vocab;

struct kg_pspan {
  size_t start, end;    /* end == start: absent */
};

struct kg_person_ref {
  struct kg_pspan name;
  struct kg_pspan title;  /* job title, or empty */
  long org;               /* index into orgs, -1 if none stated */
};

struct kg_org_ref {
  struct kg_pspan name;
  struct kg_pspan alias;  /* "(DINUM)" abbreviation, or empty */
};

struct kg_people {
  struct kg_person_ref *persons;
  size_t npersons, cappersons;
  struct kg_org_ref *orgs;
  size_t norgs, caporgs;
};

/* Parses text[0..len).  Fills @out (release with kg_people_release). */
void kg_people_parse(const struct kg_vocab *v, const char *text, size_t len,
                     struct kg_people *out);
void kg_people_release(struct kg_people *p);

#endif
