/* vocab.c - cue phrases, session types and themes from the ontology files.
 *
 * Cue phrases are the individuals mnc:cue/<role> with their mn:cueText
 * literals; session types and themes are SKOS concepts of the schemes
 * mnc:type-session and mnc:theme.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "base/text.h"
#include "rdf/read.h"
#include "ref/vocab.h"

static const char *const role_names[KG_CUE_ROLE_COUNT] = {
  "facilitator", "notetaker", "slides", "resources", "name-separator",
  "org-after-name", "org-after-title", "presentation", "edition", "venue",
  "departement-word", "locative", "district", "initiative-noun", "carrier",
  "figures", "org-column", "place-column",
  "civility", "particle", "speaker-before", "speaker-after", "participants",
  "byline", "named-after", "job-title", "article",
  "org-head", "org-head-weak", "org-head-proper", "org-standalone",
  "org-intercommunal", "org-adjective", "org-suffix", "org-collective",
  "org-agent", "org-participle", "org-agent-by", "org-verb",
  "name-connector", "name-stop", "initiative-intro", "plural-determiner",
  "org-territory",
  "date-range", "date-and",
  "hour-mark", "day-part", "break", "generic-heading", "programme",
  "contents", "field-label", "common-word", "published",
  "presented-by", "talk-head",
  "session-determiner", "session-topic", "session-alone", "session-stop",
  "session-talk", "session-talk-topic", "session-pronoun", "session-list-and",
  "org-acronym-before", "acronym-not-org",
  "initiative-determiner", "initiative-kind", "initiative-adjective",
  "minutes", "speaker-group", "programme-announce",
  "speaker-inverted", "org-representatives",
  "date-last", "speaker-noun", "org-same",
  "event-series", "former-region", "ordinal",
  "event-series-lower", "initiative-naming",
  "name-date-stop", "org-municipal", "org-host-verb",
  "speaker-pronoun", "landform", "org-institution", "org-ministry",
  "mandate", "speaker-quote-present", "clause-verb", "speaker-participle",
  "speaker-relative", "initiative-channel", "initiative-frame",
  "initiative-frame-stop", "initiative-frame-skip", "affiliation-trailer",
  "org-name-link", "notes-credit", "org-venue", "venue-building",
  "event-named", "event-determiner",
  "session-anaphor", "session-not-prose", "minutes-part",
  "date-month-before", "territory-body-name",
  "org-portfolio", "org-representative-one", "initiative-labelled",
  "initiative-list-heading", "org-head-plural",
  "org-head-kept", "article-contracted"
};

static const char *const files[] = {
  "ontology/cues.ttl", "ontology/lexicon.ttl", "ontology/session-types.ttl",
  "ontology/themes.ttl", "ontology/mednum-lieux.ttl", "ontology/persons.ttl",
  "ontology/organisations.ttl", "ontology/initiatives.ttl",
  "ontology/programme.ttl", "ontology/territory-adjectives.ttl", NULL
};

static void
phrase_init(struct kg_phrase *ph, const char *text)
{
  struct kg_buf k = KG_BUF_INIT;
  struct kg_buf n = KG_BUF_INIT;

  kg_text_nfc(text, strlen(text), &n);
  ph->text = kg_buf_detach(&n);
  kg_text_key_keep_article(ph->text, strlen(ph->text), &k);
  ph->key = kg_buf_detach(&k);
  {
    size_t l = strlen(ph->text);

    while(l && ph->text[l - 1] == ' ')
      l--;
    ph->colon = (l && ph->text[l - 1] == ':') ||
                (ph->key[0] && !strchr(ph->key, ' '));
  }
}

static struct kg_concept *
concept_for(struct kg_concept **arr, size_t *n, size_t *cap, const char *iri)
{
  size_t i;
  struct kg_concept *c;
  const char *slash;

  for(i = 0; i < *n; i++)
    if(!strcmp((*arr)[i].iri, iri))
      return &(*arr)[i];
  KG_GROW(*arr, *cap, *n + 1);
  c = &(*arr)[(*n)++];
  memset(c, 0, sizeof(*c));
  c->iri = kg_xstrdup(iri);
  slash = strrchr(iri, '/');
  c->slug = kg_xstrdup(slash ? slash + 1 : iri);
  return c;
}

static void
concept_add_word(struct kg_concept *c, size_t *cap, const char *text)
{
  KG_GROW(c->words, *cap, c->nwords + 1);
  phrase_init(&c->words[c->nwords++], text);
}

/* Concepts of scheme @scheme into *arr. */
static void
collect_scheme(const struct kg_vocab *v, const char *scheme,
               struct kg_concept **arr, size_t *n)
{
  const struct kg_triples *t = &v->triples;
  size_t i, j, cap = 0;

  for(i = 0; i < t->n; i++)
    if(!strcmp(t->v[i].p, KG_NS_SKOS "inScheme") && !strcmp(t->v[i].o, scheme))
      concept_for(arr, n, &cap, t->v[i].s);
  for(j = 0; j < *n; j++) {
    struct kg_concept *c = &(*arr)[j];
    size_t wcap = 0, bcap = 0;

    /* prefLabel first so words[0] is the label */
    for(i = kg_vocab_about(v, c->iri); i != (size_t)-1;
        i = kg_vocab_about_next(v, i)) {
      const struct kg_triple *x = &t->v[i];

      if(!x->o_is_lit)
        continue;
      if(!strcmp(x->p, KG_NS_SKOS "prefLabel") &&
         (!x->lang || !strcmp(x->lang, "fr")) && !c->label) {
        c->label = kg_xstrdup(x->o);
        concept_add_word(c, &wcap, x->o);
      }
    }
    for(i = kg_vocab_about(v, c->iri); i != (size_t)-1;
        i = kg_vocab_about_next(v, i)) {
      const struct kg_triple *x = &t->v[i];

      if(x->o_is_lit && (!x->lang || !strcmp(x->lang, "fr")) &&
         (!strcmp(x->p, KG_NS_SKOS "altLabel") ||
          !strcmp(x->p, KG_NS_SKOS "hiddenLabel")))
        concept_add_word(c, &wcap, x->o);
      else if(!x->o_is_lit && !strcmp(x->p, KG_NS_SKOS "broader")) {
        KG_GROW(c->broader, bcap, c->nbroader + 1);
        c->broader[c->nbroader++] = kg_xstrdup(x->o);
      }
    }
    if(!c->label)
      c->label = kg_xstrdup(c->slug);
  }
}

/* The subject index of v->triples, chained in file order. */
static void
index_subjects(struct kg_vocab *v)
{
  size_t i;

  kg_hash_init(&v->about);
  v->about_next = kg_xcalloc(v->triples.n + 1, sizeof(size_t));
  for(i = v->triples.n; i-- > 0;) {
    size_t *first = kg_hash_ref(&v->about, v->triples.v[i].s, NULL);

    v->about_next[i] = *first;
    *first = i + 1;
  }
}

size_t
kg_vocab_about(const struct kg_vocab *v, const char *iri)
{
  return kg_hash_value(&v->about, iri) - 1;
}

size_t
kg_vocab_about_next(const struct kg_vocab *v, size_t i)
{
  return v->about_next[i] - 1;
}

/* "territory-adjective-07" (@pre) -> arr (a département's adjective), or
 * "region-short-name-93" -> arr (a région's usual short name), with its
 * code */
static void
add_terradj(struct kg_terradj **arr, size_t *n, size_t *cap, const char *pre,
            const char *local, const char *text)
{
  size_t len = strlen(pre);

  if(strncmp(local, pre, len) || !local[len] || strlen(local + len) > 3)
    return;
  KG_GROW(*arr, *cap, *n + 1);
  phrase_init(&(*arr)[*n].ph, text);
  strcpy((*arr)[(*n)++].code, local + len);
}

/* Each phrase key of arr[0..n) -> 1 + its index in @keys. */
static void
terradj_index(struct kg_hash *keys, const struct kg_terradj *arr, size_t n)
{
  size_t r;

  kg_hash_init(keys);
  for(r = 0; r < n; r++)
    *kg_hash_ref(keys, arr[r].ph.key, NULL) = r + 1;
}

/* "month-04" -> arr[3] */
static void
add_numbered(const char *local, const char *prefix, struct kg_phrase **arr,
             size_t *n, size_t max, size_t *caps, const char *text)
{
  size_t len = strlen(prefix);
  long k;

  if(strncmp(local, prefix, len))
    return;
  k = strtol(local + len, NULL, 10);
  if(k < 1 || (size_t)k > max)
    return;
  k--;
  KG_GROW(arr[k], caps[k], n[k] + 1);
  phrase_init(&arr[k][n[k]++], text);
}

static void
phrases_free(struct kg_phrase *ph, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    free(ph[i].text);
    free(ph[i].key);
  }
  free(ph);
}

struct kg_vocab *
kg_vocab_new(raptor_world *rw, const char *datadir)
{
  struct kg_vocab *v = kg_xcalloc(1, sizeof(*v));
  struct kg_triples t = { NULL, 0, 0 };
  size_t caps[KG_CUE_ROLE_COUNT];
  size_t mcaps[12], ocaps[KG_VOCAB_ORDINALS], wcaps[7], tcap = 0, rcap = 0;
  struct kg_hash roles;   /* role name -> 1 + role */
  size_t i, r;
  int bad = 0;

  memset(caps, 0, sizeof caps);
  memset(mcaps, 0, sizeof mcaps);
  memset(ocaps, 0, sizeof ocaps);
  memset(wcaps, 0, sizeof wcaps);
  for(i = 0; files[i]; i++) {
    struct kg_buf path = KG_BUF_INIT;

    kg_buf_addf(&path, "%s/%s", datadir, files[i]);

    if(kg_read_triples(rw, path.s, &t))
      bad = 1;
    kg_buf_release(&path);
  }
  if(bad) {
    kg_read_triples_release(&t);
    kg_vocab_free(v);
    return NULL;
  }
  kg_hash_init(&roles);
  for(r = 0; r < KG_CUE_ROLE_COUNT; r++)
    *kg_hash_ref(&roles, role_names[r], NULL) = r + 1;
  for(i = 0; i < t.n; i++) {
    const struct kg_triple *x = &t.v[i];
    const char *pre = KG_NS_MNC "cue/";

    if(!x->o_is_lit || strcmp(x->p, KG_NS_MN "cueText") ||
       strncmp(x->s, pre, strlen(pre)))
      continue;
    if((r = kg_hash_value(&roles, x->s + strlen(pre))) > 0) {
      r--;
      KG_GROW(v->cues[r], caps[r], v->ncues[r] + 1);
      phrase_init(&v->cues[r][v->ncues[r]++], x->o);
    }
    add_numbered(x->s + strlen(pre), "month-", v->months, v->nmonths, 12,
                 mcaps, x->o);
    add_numbered(x->s + strlen(pre), "ordinal-", v->ordinals, v->nordinals,
                 KG_VOCAB_ORDINALS, ocaps, x->o);
    add_numbered(x->s + strlen(pre), "weekday-", v->weekdays, v->nweekdays,
                 7, wcaps, x->o);
    add_terradj(&v->terradj, &v->nterradj, &tcap, "territory-adjective-",
                x->s + strlen(pre), x->o);
    add_terradj(&v->regname, &v->nregname, &rcap, "region-short-name-",
                x->s + strlen(pre), x->o);
  }
  kg_hash_release(&roles);
  terradj_index(&v->terradj_keys, v->terradj, v->nterradj);
  terradj_index(&v->regname_keys, v->regname, v->nregname);
  v->triples = t;  /* kept: the reference graph copies concepts from it */
  index_subjects(v);
  collect_scheme(v, KG_NS_MNC "type-session", &v->types, &v->ntypes);
  collect_scheme(v, KG_NS_MNC "theme", &v->themes, &v->nthemes);
  collect_scheme(v, KG_NS_MNC "public", &v->publics, &v->npublics);
  collect_scheme(v, KG_NS_MNC "itinerance", &v->itinerance, &v->nitinerance);
  for(r = 0; r < KG_CUE_ROLE_COUNT; r++)
    if(!v->ncues[r]) {
      kg_error("ontology/cues.ttl: no cue phrase for role '%s'",
               role_names[r]);
      kg_vocab_free(v);
      return NULL;
    }
  return v;
}

static void
concepts_free(struct kg_concept *c, size_t n)
{
  size_t i, j;

  for(i = 0; i < n; i++) {
    for(j = 0; j < c[i].nwords; j++) {
      free(c[i].words[j].text);
      free(c[i].words[j].key);
    }
    for(j = 0; j < c[i].nbroader; j++)
      free(c[i].broader[j]);
    free(c[i].words);
    free(c[i].broader);
    free(c[i].iri);
    free(c[i].slug);
    free(c[i].label);
  }
  free(c);
}

void
kg_vocab_free(struct kg_vocab *v)
{
  size_t r;

  if(!v)
    return;
  for(r = 0; r < KG_CUE_ROLE_COUNT; r++)
    phrases_free(v->cues[r], v->ncues[r]);
  for(r = 0; r < 12; r++)
    phrases_free(v->months[r], v->nmonths[r]);
  for(r = 0; r < KG_VOCAB_ORDINALS; r++)
    phrases_free(v->ordinals[r], v->nordinals[r]);
  for(r = 0; r < 7; r++)
    phrases_free(v->weekdays[r], v->nweekdays[r]);
  for(r = 0; r < v->nterradj; r++) {
    free(v->terradj[r].ph.text);
    free(v->terradj[r].ph.key);
  }
  free(v->terradj);
  kg_hash_release(&v->terradj_keys);
  for(r = 0; r < v->nregname; r++) {
    free(v->regname[r].ph.text);
    free(v->regname[r].ph.key);
  }
  free(v->regname);
  kg_hash_release(&v->regname_keys);
  concepts_free(v->types, v->ntypes);
  concepts_free(v->themes, v->nthemes);
  kg_read_triples_release(&v->triples);
  kg_hash_release(&v->about);
  free(v->about_next);
  concepts_free(v->publics, v->npublics);
  concepts_free(v->itinerance, v->nitinerance);
  free(v);
}

const struct kg_concept *
kg_vocab_theme(const struct kg_vocab *v, const char *s)
{
  struct kg_buf k = KG_BUF_INIT;
  const struct kg_concept *found = NULL;
  size_t i, j;

  for(i = 0; i < v->nthemes && !found; i++)
    if(!strcmp(v->themes[i].slug, s))
      found = &v->themes[i];
  kg_text_key_keep_article(s, strlen(s), &k);
  for(i = 0; i < v->nthemes && !found; i++)
    for(j = 0; j < v->themes[i].nwords; j++)
      if(!strcmp(v->themes[i].words[j].key, k.s)) {
        found = &v->themes[i];
        break;
      }
  kg_buf_release(&k);
  return found;
}

size_t
kg_vocab_weekday_len(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t w, p, e;

  for(w = 0; w < 7; w++)
    for(p = 0; p < v->nweekdays[w]; p++)
      if((e = kg_text_key_prefix(s, len, v->weekdays[w][p].key)))
        return e;
  return 0;
}

int
kg_vocab_phrase_is(const struct kg_phrase *ph, size_t n, const char *s,
                   size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i;
  int hit = 0;

  kg_text_key_keep_article(s, len, &k);
  for(i = 0; i < n && !hit; i++)
    if(ph[i].key[0] && !strcmp(ph[i].key, k.s))
      hit = 1;
  kg_buf_release(&k);
  return hit;
}
