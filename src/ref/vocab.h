/* vocab.h - domain knowledge read from ontology/ at start: cue phrases,
 * session types and the theme scheme.
 *
 * Nothing here is a string literal of French in C: every phrase comes from
 * ontology/cues.ttl, lexicon.ttl, session-types.ttl, themes.ttl and
 * persons.ttl.
 */
#ifndef KG_VOCAB_H
#define KG_VOCAB_H

#include <stddef.h>
#include "base/hash.h"
#include "rdf/read.h"

#include <raptor2.h>

enum kg_cue_role {
  KG_CUE_FACILITATOR = 0,   /* "Animé par" -> schema:performer */
  KG_CUE_NOTETAKER,         /* "Prise de notes par" -> recordedIn/author */
  KG_CUE_SLIDES,            /* "Support de présentation" -> subjectOf */
  KG_CUE_RESOURCES,         /* "Ressources complémentaires" -> subjectOf */
  KG_CUE_NAME_SEP,          /* "et", "," between names */
  KG_CUE_ORG_AFTER_NAME,    /* "de la", "du", "d'" after a person's name */
  KG_CUE_ORG_AFTER_TITLE,   /* "à la", "au", "au sein de" after a job title */
  KG_CUE_PRESENTATION,      /* "présentation de", "découverte d'" */
  KG_CUE_EDITION,           /* "édition" after an ordinal */
  KG_CUE_VENUE,             /* "au", "à la" before a venue name */
  KG_CUE_DEPT_WORD,         /* "département" before a code */
  KG_CUE_LOCATIVE,          /* "à", "de", "dans" before a place name */
  KG_CUE_DISTRICT,          /* "Nord" after a commune: "Tours Nord" */
  KG_CUE_INITIATIVE_NOUN,   /* "dispositif", "accueil" in a list head */
  KG_CUE_CARRIER,           /* "par", "porté par" before a carrier */
  KG_CUE_FIGURES,           /* "Chiffres" before "2023 : 1230 ..." */
  KG_CUE_ORG_COLUMN,        /* table header "Structure" */
  KG_CUE_PLACE_COLUMN,      /* table header "Territoire" */
  KG_CUE_CIVILITY,          /* "Mme", "M." before a name (persons.ttl) */
  KG_CUE_PARTICLE,          /* "Le", "Da", "de" inside a name */
  KG_CUE_SPEAKER_BEFORE,    /* "avec", "présenté par" before a name */
  KG_CUE_SPEAKER_AFTER,     /* "est intervenue", "a présenté" after it */
  KG_CUE_PARTICIPANTS,      /* "Participants", "Tour de table": mentions */
  KG_CUE_BYLINE,            /* "Par" heading a short paragraph: author */
  KG_CUE_NAMED_AFTER,       /* "collège", "rue" before a name: a place */
  KG_CUE_JOB_TITLE,         /* "directrice", "chargé de mission" */
  KG_CUE_ARTICLE,           /* "la", "notre" before a name: a thing */
  /* ontology/organisations.ttl and initiatives.ttl: names in prose */
  KG_CUE_ORG_HEAD,          /* "association", "médiathèque" */
  KG_CUE_ORG_HEAD_WEAK,     /* "réseau", "hub": lower case needs "de X" */
  KG_CUE_ORG_HEAD_PROPER,   /* "Direction", "Comité": capital only */
  KG_CUE_ORG_STANDALONE,    /* "Département", "Région": a name alone */
  KG_CUE_ORG_INTERCOMMUNAL, /* "métropole": "de X" is not its territory */
  KG_CUE_ORG_ADJECTIVE,     /* "départementale" after a head */
  KG_CUE_ORG_SUFFIX,        /* "Développement" after a territory */
  KG_CUE_ORG_COLLECTIVE,    /* "structures :" before a list of names */
  KG_CUE_ORG_AGENT,         /* "à l'initiative de", "dans les locaux de" */
  KG_CUE_ORG_PARTICIPLE,    /* "organisé" ... "par" X */
  KG_CUE_ORG_AGENT_BY,      /* "par" */
  KG_CUE_ORG_VERB,          /* "la Souris Grise organisait" */
  KG_CUE_NAME_CONNECTOR,    /* "de", "du" inside a name */
  KG_CUE_NAME_STOP,         /* "qui", "est": not part of a name */
  KG_CUE_INITIATIVE_INTRO,  /* "le dispositif X", "X, un outil" */
  KG_CUE_PLURAL_DET,        /* "des", "plusieurs": a kind, not a name */
  KG_CUE_ORG_TERRITORY,     /* "sur le territoire de" X (no place) */
  KG_CUE_DATE_RANGE,        /* "au", "-" between two dates of a range */
  KG_CUE_DATE_AND,          /* "et", "," between the days of one month */
  KG_CUE_HOUR_MARK,         /* "h" in "9h30", "heures" */
  KG_CUE_DAY_PART,          /* "matin", "après-midi": a slot, not a title */
  KG_CUE_BREAK,             /* "Pause déjeuner": a slot that is no session */
  KG_CUE_GENERIC_HEADING,   /* "Introduction", "Ressources": no session */
  KG_CUE_PROGRAMME,         /* "Programme", "Déroulé": sessions follow */
  KG_CUE_CONTENTS,          /* "Sommaire": a table of contents follows */
  KG_CUE_FIELD_LABEL,       /* "tags", "Date", "Lieu" before ':' in pads */
  KG_CUE_COMMON_WORD,       /* "Réunion", "Orange": a place only in context */
  KG_CUE_PUBLISHED,         /* "Publié le" before a date that is no event's */
  KG_CUE_PRESENTED_BY,      /* "par" before a presenter's name */
  KG_CUE_TALK_HEAD,         /* "atelier", "démonstration" before it */
  /* ontology/programme.ttl: sessions named in sentences */
  KG_CUE_SESSION_DET,       /* "une", "la première" before a session type */
  KG_CUE_SESSION_TOPIC,     /* "sur", "consacrée à" after it */
  KG_CUE_SESSION_ALONE,     /* "table ronde": a title with no topic */
  KG_CUE_SESSION_STOP,      /* "animée par", "a réuni": the title ends */
  KG_CUE_SESSION_TALK,      /* "une présentation", "la restitution" de … */
  KG_CUE_SESSION_TALK_TOPIC, /* "de", "du" after such a word */
  KG_CUE_SESSION_PRONOUN,   /* "l'un", "celle" sur … after a session word */
  KG_CUE_SESSION_LIST_AND,  /* "et" before the last item of a list */
  KG_CUE_ORG_ACRONYM_BEFORE, /* "l'", "de la" before a bare acronym */
  KG_CUE_ACRONYM_NOT_ORG,   /* "RGPD", "TIC": acronyms that name no body */
  KG_CUE_INITIATIVE_DET,    /* "le", "leur" before a kind of initiative */
  KG_CUE_INITIATIVE_KIND,   /* "plan", "baromètre", "feuille de route" */
  KG_CUE_INITIATIVE_ADJECTIVE, /* "numérique" that makes it a name */
  KG_CUE_MINUTES,           /* "compte rendu", "COPIL" in a report's title */
  KG_CUE_SPEAKER_GROUP,     /* "ont animé" after a list of people */
  KG_CUE_PROGRAMME_ANNOUNCE, /* "six thématiques de travail :" */
  KG_CUE_SPEAKER_INVERTED,  /* "…, a indiqué" before the speaker's name */
  KG_CUE_ORG_REPRESENTATIVES, /* "représentants" du X, de la Y, … */
  KG_CUE_DATE_LAST,         /* "dernier" after a weekday: before the text's date */
  KG_CUE_SPEAKER_NOUN,      /* "intervenants" in a sentence before ':' */
  KG_CUE_ORG_SAME,          /* "Conseil départemental = Département" */
  KG_CUE_EVENT_SERIES,      /* "Rencontres", "Assises": a recurring event */
  KG_CUE_FORMER_REGION,     /* "Rhône-Alpes": no territory of today */
  KG_CUE_ORDINAL,           /* "deuxième" rencontre: a series' edition */
  KG_CUE_EVENT_SERIES_LOWER, /* "rencontre" after an ordinal */
  KG_CUE_INITIATIVE_NAMING, /* "un projet nommé « X »" */
  KG_CUE_NAME_DATE_STOP,    /* "Jeudi" after a name: a date, not the name */
  KG_CUE_ORG_MUNICIPAL,     /* "ville" de X: the municipality when it acts */
  KG_CUE_ORG_HOST_VERB,     /* "a accueilli" after a body that hosts */
  KG_CUE_SPEAKER_PRONOUN,   /* "Il", "Elle" opening the sentence after a name */
  KG_CUE_LANDFORM,          /* "Val de" Loire: a river, not the département */
  KG_CUE_ORG_INSTITUTION,   /* "le conseil général": one body, in lower case */
  KG_CUE_ORG_MINISTRY,      /* "Ministère" de la culture: a lower-case field */
  KG_CUE_MANDATE,           /* "sénateur de" l'Isère: a mandate, no place */
  KG_CUE_SPEAKER_QUOTE_PRESENT, /* "explique", "souligne": a quote, no role */
  KG_CUE_CLAUSE_VERB,       /* ", a eu" after names: the list has ended */
  KG_CUE_SPEAKER_PARTICIPLE, /* "introduite", "…, par" X: a speaker */
  KG_CUE_SPEAKER_RELATIVE,  /* "que" soulignait X: an inverted verb */
  KG_CUE_INITIATIVE_CHANNEL, /* "Retrouvez" … sur Twitter: a channel */
  KG_CUE_INITIATIVE_FRAME,  /* "dans le cadre du" X: an initiative */
  KG_CUE_INITIATIVE_FRAME_STOP, /* "dédié", "ou": X ends before it */
  KG_CUE_INITIATIVE_FRAME_SKIP, /* "grand" plan …: not part of X */
  KG_CUE_AFFILIATION_TRAILER, /* "de profession" after a body's name */
  KG_CUE_ORG_NAME_LINK,     /* "aux" inside a body's name, before a capital */
  KG_CUE_NOTES_CREDIT,      /* "facilitateur graphique", "Notes visuelles" */
  KG_CUE_ORG_VENUE,         /* "au", "à l'" X "à" <commune>: a venue's body */
  KG_CUE_VENUE_BUILDING,    /* "Hôtel du Département": a building, no body */
  KG_CUE_EVENT_NAMED,       /* "le salon" de l'inclusion numérique */
  KG_CUE_EVENT_DETERMINER,  /* "le" salon …: a definite determiner */
  KG_CUE_SESSION_ANAPHOR,   /* "cette" table ronde: one named before */
  KG_CUE_SESSION_NOT_PROSE, /* "stand": a booth in a sentence, no session */
  KG_CUE_MINUTES_PART,      /* "Introduction": in minutes, a part of the meeting */
  KG_CUE_DATE_MONTH_BEFORE,  /* "en" septembre: a month without its day */
  KG_CUE_TERRITORY_BODY_NAME, /* "Paris Terres d'Envol": a body, no Paris */
  KG_CUE_ORG_PORTFOLIO,     /* "chargé du" after a body's name: its end */
  KG_CUE_ORG_REPRESENTATIVE_ONE, /* "représentant" de X: one body */
  KG_CUE_INITIATIVE_LABELLED, /* "labellisée" FrenchTech: a label's name */
  KG_CUE_INITIATIVE_LIST_HEADING, /* "Exemplier": a list of projects */
  KG_CUE_ORG_HEAD_PLURAL,   /* "les médiathèques" de X, Y: one body each */
  KG_CUE_ORG_HEAD_KEPT,     /* "école" Boulle: the head stays in the name */
  KG_CUE_ARTICLE_CONTRACTED, /* "au", "du": a preposition's, not a name's */
  KG_CUE_ROLE_COUNT
};

struct kg_phrase {
  char *text;               /* as written in the data, NFC */
  char *key;                /* kg_text_key_keep_article() of text */
  int colon;                /* must be followed by ':' in a report: the
                               phrase ends with ':' or is one word */
};

struct kg_concept {
  char *iri;                /* full IRI */
  char *slug;               /* last path segment */
  char *label;              /* skos:prefLabel@fr */
  struct kg_phrase *words;  /* prefLabel, altLabels, hiddenLabels */
  size_t nwords;
  char **broader;           /* IRIs */
  size_t nbroader;
};

#define KG_VOCAB_ORDINALS 10

/* An adjective of a département ("ardéchoise"): cue/territory-adjective-07
 * of ontology/territory-adjectives.ttl. */
struct kg_terradj {
  struct kg_phrase ph;
  char code[4];             /* the département's INSEE code */
};

struct kg_vocab {
  struct kg_phrase *cues[KG_CUE_ROLE_COUNT];
  size_t ncues[KG_CUE_ROLE_COUNT];
  struct kg_phrase *months[12];           /* month-01 .. month-12 */
  size_t nmonths[12];
  struct kg_phrase *ordinals[KG_VOCAB_ORDINALS];  /* ordinal-1 .. -10 */
  size_t nordinals[KG_VOCAB_ORDINALS];
  struct kg_phrase *weekdays[7];          /* weekday-1 (lundi) .. -7 */
  size_t nweekdays[7];
  struct kg_terradj *terradj;             /* territory-adjective-CODE */
  size_t nterradj;
  struct kg_hash terradj_keys;            /* phrase key -> 1 + index */
  struct kg_terradj *regname;             /* region-short-name-CODE */
  size_t nregname;
  struct kg_hash regname_keys;            /* phrase key -> 1 + index */
  struct kg_concept *types;     /* session types */
  size_t ntypes;
  struct kg_concept *themes;
  size_t nthemes;
  struct kg_concept *publics;     /* mnc:public (official list) */
  size_t npublics;
  struct kg_concept *itinerance;  /* mnc:itinerance */
  size_t nitinerance;
  struct kg_triples triples;      /* every triple read, for the reference
                                     graph of a report */
  struct kg_hash about;           /* subject -> 1 + its first triple */
  size_t *about_next;             /* per triple: 1 + the next triple with
                                     the same subject, 0 after the last */
};

/* Loads the ontology files. Returns new vocab or NULL after reporting. */
struct kg_vocab *kg_vocab_new(raptor_world *rw, const char *datadir);
void kg_vocab_free(struct kg_vocab *v);

/* 1 if s[0..len) is one of the phrases @ph[0..n), compared by matching
 * key (case, accents and punctuation folded). */
int kg_vocab_phrase_is(const struct kg_phrase *ph, size_t n, const char *s,
                       size_t len);

/* Byte length of the weekday's name ("jeudi", cue weekday-N) that
 * s[0..len) opens with, or 0. */
size_t kg_vocab_weekday_len(const struct kg_vocab *v, const char *s,
                            size_t len);

/* The triples of v->triples whose subject is @iri, in the order of the
 * files: the index of the first, then of the one after @i; (size_t)-1 when
 * there is no more. */
size_t kg_vocab_about(const struct kg_vocab *v, const char *iri);
size_t kg_vocab_about_next(const struct kg_vocab *v, size_t i);

/* Theme by slug or label key; SHARED or NULL. */
const struct kg_concept *kg_vocab_theme(const struct kg_vocab *v,
                                        const char *slug_or_label);

#endif
