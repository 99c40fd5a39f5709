/* places.h - territory mentions in a piece of text.
 *
 * Word n-grams are looked up in the gazetteer, longest first.  A name must be
 * capitalised; at the start of a sentence, or when it is a common word, it
 * also needs a locative word before it ("à Vue").  Homonyms are resolved
 * towards the report's région; a département code next to a name ("Le Blanc
 * 36", "APF45", "département 45") picks or makes the mention.
 */
#ifndef KG_PLACES_H
#define KG_PLACES_H

#include <stddef.h>

struct kg_gaz;
struct kg_vocab;
struct kg_terr;
struct kg_registry;

struct kg_place {
  size_t start, end;             /* byte offsets in the text searched */
  const struct kg_terr *terr;    /* SHARED, from the gazetteer */
  int by_code;                   /* found through a code */
  int confidence;                /* hundredths: 100, or KG_PLACE_WEAK for
                                    a one-word commune with no locative */
  int dept_name;                 /* a commune named as its département is
                                    ("Paris"): read as the commune, placed
                                    where a département would be */
};

/* The confidence of a one-word commune name with no locative or code to
 * confirm it ("Orange" may be a company, "Vue" a word): such places are
 * candidates for a curator (mednum-kg candidates). */
#define KG_PLACE_WEAK 50

struct kg_places {
  struct kg_place *v;
  size_t n, cap;
};

/* Appends the territory mentions of text[0..len) to @out.  @region: code of
 * the report's région, or NULL.  Names of known organisations and
 * initiatives in @reg (may be NULL) are never places ("Albert").  With
 * @strict (prose), a one-word name right after another capitalised word is
 * part of a longer proper noun ("Body Gard"), not a place; organisation
 * names are read without it ("APF Loiret").  A name the curator rejected
 * as a place (in @reg) is never one; one the curator accepted needs no
 * locative, is sure, and names the territory the curator chose. */
void kg_places_find(const struct kg_gaz *g, const struct kg_vocab *voc,
                    const struct kg_registry *reg, const char *region,
                    int strict, const char *text, size_t len,
                    struct kg_places *out);
/* The territory that text[0..len) names as a whole, read where the layout
 * says it is a place ("Jacques Guyot (Joyeuse)"), so that no locative is
 * needed; homonyms resolved as above; NULL if none. */
const struct kg_terr *kg_places_whole(const struct kg_gaz *g,
                                      const struct kg_vocab *voc,
                                      const struct kg_registry *reg,
                                      const char *region, const char *text,
                                      size_t len);
/* Appends to @out the départements that adjectives of text[0..len) name
 * ("le territoire ardéchois", "l'Agence Landaise", "aux Lotois", "haute-
 * savoyarde": the data of ontology/territory-adjectives.ttl), sure. */
void kg_places_adjectives(const struct kg_gaz *g, const struct kg_vocab *voc,
                          const char *text, size_t len,
                          struct kg_places *out);
void kg_places_release(struct kg_places *p);

#endif
