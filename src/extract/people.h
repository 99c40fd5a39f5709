/* people.h - parse a cue line's names: persons, job titles, organisations.
 *
 * "Ramatou Sow et Isabelle Zeller de la Fédération Régionale des Centres
 * sociaux et Aurélien Chatelain de la CAF du Loiret" is three persons and two
 * organisations; persons listed before an organisation share it.  The joining
 * words (et, de la, du, au sein de…) come from the vocabulary.  Plain C: no
 * Redland; spans are byte offsets into the parsed text.
 *
 * With a lexicon (hunspell-fr first names, surnames, common words), a name
 * is what the lexicon reads as one ("Anne Causse", "M. Dupont", "Elise Le
 * Strat", "Paul CLAVEL"): "Kim Delagarde Le BetaLab" is a person and an
 * organisation, "Antoine Bidegain, Bordeaux Métropole" a person and their
 * organisation, "Directrice" after a comma a job title.  Runs whose first
 * word the lexicon does not know ("Ramatou Sow") are still read as names.
 */
#ifndef KG_PEOPLE_H
#define KG_PEOPLE_H

#include <stddef.h>

struct kg_vocab;
struct kg_lexicon;

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
  int bracketed;          /* written in brackets after the name */
  int in_title;           /* a capitalised name closing a job title */
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
/* Same, reading names with the lexicon @lx (may be NULL: as above). */
void kg_people_parse_lex(const struct kg_vocab *v, const struct kg_lexicon *lx,
                         const char *text, size_t len, struct kg_people *out);
/* Same; with @prose (running text, a name at text[0]): the first person
 * only, and an organisation only where a capitalised name follows its
 * link ("de la Région", not "de citer"), made of capitalised words and
 * their joining words ("Banque des Territoires", not "… et Lozère…"). */
void kg_people_parse_at(const struct kg_vocab *v, const struct kg_lexicon *lx,
                        int prose, const char *text, size_t len,
                        struct kg_people *out);
void kg_people_release(struct kg_people *p);

/* ---- tokens, for recognisers that look for names in running text */

enum kg_ptok_kind { KG_PTOK_WORD, KG_PTOK_COMMA, KG_PTOK_OPEN, KG_PTOK_CLOSE,
                    KG_PTOK_PUNCT };

struct kg_ptok {
  enum kg_ptok_kind kind;
  size_t start, end;    /* byte offsets in the text */
  char *key;            /* matching key, lower case, no accents */
  int cap;              /* starts with an upper-case letter or a digit */
  int upper;            /* two letters or more, all upper case: "CLAVEL" */
  unsigned lex;         /* KG_LEX_* classes (0 without a lexicon) */
};

struct kg_ptoks {
  struct kg_ptok *v;
  size_t n, cap;
  const char *text;     /* SHARED: the text tokenized */
  const struct kg_lexicon *lx;  /* SHARED, may be NULL */
  int prose;            /* set by kg_people_parse_at */
};

/* Words, commas (also ';'), parentheses and punctuation of text[0..len);
 * "d'" and "l'" are words of their own.  Release with
 * kg_people_toks_release. */
void kg_people_tokenize(const struct kg_lexicon *lx, const char *text,
                        size_t len, struct kg_ptoks *t);
void kg_people_toks_release(struct kg_ptoks *t);

/* Length in tokens of the longest phrase of cue @role at token @i, or 0. */
size_t kg_people_phrase(const struct kg_vocab *v, int role,
                        const struct kg_ptoks *t, size_t i);

/* Length in tokens of the person's name the lexicon reads at token @i
 * (civility, first names, particle, surname), or 0.  @strict: in running
 * text, a surname that is also a common word ("Pierre Marchand" after
 * "Rose") needs a first name that is nothing else ("Anne Causse"); in a
 * list or after a cue, any capitalised word will do. */
size_t kg_people_name(const struct kg_vocab *v, const struct kg_ptoks *t,
                      size_t i, int strict);

/* 2 when tokens @i and @i+1 are two capitalised words the lexicon does not
 * know (the second may be a surname or a proper noun), in Title Case and
 * followed by no capitalised word: a name, where the text says that a
 * person comes ("présenté par Gaëlenn Gouret"); else 0. */
size_t kg_people_unknown_pair(const struct kg_ptoks *t, size_t i);

#endif
