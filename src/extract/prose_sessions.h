/* prose_sessions.h - sessions that a report names only in its sentences.
 *
 * A press article or a blog post has no programme: "une table ronde sur
 * l'accès aux droits a réuni …", "lors de l'atelier « Les aidants »".  When
 * neither the numbering nor the layout gives a session, a singular
 * determiner ("une", "la", "l'", "cette": cue/session-determiner) before a
 * session type word (session-types.ttl) opens one.  Its title is the type
 * word and its topic ("sur …", "consacrée à …", "« … »": cue/session-topic)
 * up to the end of the clause (a comma, a full stop, cue/session-stop such
 * as "animée par", "a réuni"); a type alone ("la table ronde") is a title
 * only for the types of cue/session-alone.  A type word of the report's
 * title ("Webinaire : …") names the event itself, never a session.  Also:
 *  - a talk word ("une restitution de leurs productions", "un point d'étape
 *    du programme …": cue/session-talk, cue/session-talk-topic);
 *  - a pronoun with a topic after a session word of the sentence ("deux
 *    ateliers : l'un sur la VAE", "celle sur …": cue/session-pronoun);
 *  - the items of a list in a sentence, after a colon that "Au programme"
 *    or a session word in the plural announces, or in a sentence that
 *    "Y seront abordés" opens after such a word (cue/programme-announce);
 *  - topics "sur X, sur Y et sur Z" after a session word in the plural;
 *  - two quoted questions or more after a colon.
 * Inside a session the layout found, only lists after a colon are read.
 * Plain C on struct kg_doc; every word is data of ontology/programme.ttl.
 */
#ifndef KG_PROSE_SESSIONS_H
#define KG_PROSE_SESSIONS_H

#include <stddef.h>

struct kg_doc;
struct kg_vocab;
struct kg_section;

/* The sessions named in the paragraphs and items of @doc, rule
 * "prose:session-type", but in no block @skip marks (NULL: none; the
 * blocks of the sessions the layout found).  *out is new (free());
 * returns their number. */
size_t kg_prose_sessions_find(const struct kg_doc *doc,
                              const struct kg_vocab *v,
                              const unsigned char *skip,
                              struct kg_section **out);

#endif
