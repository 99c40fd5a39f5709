/* report.c - the report being extracted: its state, and the makers of
 * people, organisations, places and venues with their mentions. */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/dict.h"
#include "rdf/world.h"
#include "ref/ref.h"
#include "base/diag.h"
#include "extract/doc.h"
#include "extract/evidence.h"
#include "extract/extract.h"
#include "extract/names.h"
#include "extract/report.h"
#include "ref/gaz.h"
#include "ref/lexicon.h"
#include "base/input.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "base/hash.h"
#include "extract/sections.h"
#include "ref/territory.h"
#include "base/text.h"
#include "ref/vocab.h"

#define REGISTRY_WORDS 8   /* words a known name may run on past a cut */
#define ACRONYM_RUN_WORDS 2 /* words in lower case before "(IGN)" */
#define KG_REPORT_CITY 100000   /* inhabitants of a city named in a body's name */
#define ATTENDANCE_WORDS 5  /* words a body's name may run on to its ";" */


size_t
kg_report_src(const struct kg_block *b, size_t off)
{
  return kg_doc_src(b, off);
}

size_t
kg_report_src_end(const struct kg_block *b, size_t end)
{
  return kg_doc_src_end(b, end);
}

librdf_node *
kg_report_terr_node(struct kg_report *x, const struct kg_terr *t)
{
  struct kg_buf rel = KG_BUF_INIT;
  librdf_node *n;

  kg_gaz_rel_iri(t, &rel);
  n = kg_evidence_id(&x->e, "%s", rel.s);
  kg_buf_release(&rel);
  return n;
}

void
kg_report_spatial(struct kg_report *x, librdf_node *s, const struct kg_terr *t,
             const char *rule, size_t a, size_t b, int inferred)
{
  librdf_node *tn = kg_report_terr_node(x, t);

  kg_evidence_fact(&x->e, s, KG_NS_DCTERMS, "spatial", tn, rule, a, b, inferred);
  KG_GROW(x->spatial, x->capspatial, x->nspatial + 1);
  x->spatial[x->nspatial].s = librdf_new_node_from_node(s);
  x->spatial[x->nspatial].t = t;
  x->nspatial++;
  librdf_free_node(tn);
}

void
kg_report_node_list_add(struct kg_node_list *l, librdf_node *n, const char *text,
                 size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i;

  kg_text_key(text, len, &k);
  for(i = 0; i < l->n; i++)
    if(librdf_node_equals(l->v[i].node, n)) {
      kg_buf_release(&k);
      return;
    }
  KG_GROW(l->v, l->cap, l->n + 1);
  l->v[l->n].node = librdf_new_node_from_node(n);
  l->v[l->n].key = kg_buf_detach(&k);
  l->n++;
}

void
kg_report_node_list_release(struct kg_node_list *l)
{
  size_t i;

  for(i = 0; i < l->n; i++) {
    librdf_free_node(l->v[i].node);
    free(l->v[i].key);
  }
  free(l->v);
  memset(l, 0, sizeof(*l));
}

/* Describe an entity once per report: types and name. */
int
kg_report_first(struct kg_report *x, librdf_node *n)
{
  unsigned char *s = librdf_uri_as_string(librdf_node_get_uri(n));

  return kg_hash_add(&x->described, (const char *)s);
}

void
kg_report_slugify(const char *s, size_t len, struct kg_buf *out)
{
  kg_text_slug(s, len, 80, out);
  if(!out->len)
    kg_buf_adds(out, "x");
}

/* The node of a registry entity @ent, or of a new one named name[0..len)
 * under @kind_path ("person", "org").  New node. */
static librdf_node *
entity_node(struct kg_report *x, const struct kg_entity *ent,
            const char *kind_path, const char *name, size_t len)
{
  struct kg_buf slug = KG_BUF_INIT;
  librdf_node *n;

  if(ent)
    return kg_evidence_id(&x->e, "%s", ent->rel);
  kg_report_slugify(name, len, &slug);
  n = kg_evidence_id(&x->e, "%s/%s", kind_path, slug.s);
  kg_buf_release(&slug);
  return n;
}

/* A name of two words ("Cecillon Richard") whose words the report has
 * already given the other way round ("Richard Cecillon"), as attendance
 * lists write surname first: that earlier spelling in @out, else @out
 * stays empty. */
static void
reversed_known(struct kg_report *x, const char *name, size_t len,
               struct kg_buf *out)
{
  const char *sp = memchr(name, ' ', len);
  size_t w = sp ? (size_t)(sp - name) : 0;

  if(!sp || w == 0 || w + 1 >= len || memchr(sp + 1, ' ', len - w - 1))
    return;
  kg_buf_add(out, sp + 1, len - w - 1);
  kg_buf_add(out, " ", 1);
  kg_buf_add(out, name, w);
  if(!kg_report_is_person(x, out->s, out->len))
    kg_buf_reset(out);
}

librdf_node *
kg_report_person(struct kg_report *x, const char *name, size_t len, size_t a, size_t b)
{
  struct kg_buf key = KG_BUF_INIT, rev = KG_BUF_INIT;
  const struct kg_entity *ent = NULL;
  librdf_node *n;

  if(x->reg) {
    /* a person the curator accepted */
    kg_text_key(name, len, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_PERSON);
    kg_buf_release(&key);
  }
  if(!ent)
    reversed_known(x, name, len, &rev);
  if(rev.len) {
    name = rev.s;
    len = rev.len;
  }
  n = entity_node(x, ent, "person", name, len);
  kg_buf_release(&rev);
  if(kg_report_first(x, n)) {
    kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
               kg_evidence_iri(&x->e, KG_NS_SCHEMA, "Person"));
    kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
               ent ? kg_evidence_lit(&x->e, ent->name, NULL)
                   : kg_evidence_litn(&x->e, name, len, NULL));
    kg_report_node_list_add(&x->people, n, name, len);
  }
  kg_evidence_mention(&x->e, n, a, b);
  return n;
}

/* Is word phrase t[0..len) one of @role's phrases? */
static int
report_phrase_is(const struct kg_vocab *v, enum kg_cue_role role,
                 const char *t, size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t p;
  int hit = 0;

  kg_text_key_keep_article(t, len, &k);
  for(p = 0; p < v->ncues[role] && !hit; p++)
    hit = k.len && !strcmp(k.s, v->cues[role][p].key);
  kg_buf_release(&k);
  return hit;
}

/* Does @role have a phrase of one or two words ending at name[0..end)? */
static int
report_phrase_before(const struct kg_vocab *v, enum kg_cue_role role,
                     const char *name, size_t end)
{
  size_t e = end, s;
  int w;

  for(w = 0; w < 2; w++) {
    while(e > 0 && name[e - 1] == ' ')
      e--;
    s = e;
    while(s > 0 && name[s - 1] != ' ')
      s--;
    if(s == e)
      return 0;
    if(report_phrase_is(v, role, name + s, end - s))
      return 1;
    e = s;
  }
  return 0;
}

/* A commune in an organisation's name is its territory when the name
 * begins with it ("Brest Ville et Métropole"), a locative comes before it
 * ("Bibliothèque de Tours") or it is a city ("Supagro Montpellier",
 * "Université Bordeaux Montaigne"), but not a small one right after a head
 * noun ("Fondation Orange" is not in Orange), nor in the name of an
 * intercommunal body ("Métropole de Lille" covers more than Lille). */
static int
report_name_place_ok(const struct kg_vocab *v, const char *name, size_t len,
                     const struct kg_place *p)
{
  size_t k;

  if(p->terr->kind != KG_TERR_COMMUNE || p->start == 0 || p->by_code)
    return 1;
  if(!report_phrase_before(v, KG_CUE_LOCATIVE, name, p->start))
    return p->terr->population >= KG_REPORT_CITY;
  for(k = 0; k < p->start && k < len; k++)
    if(name[k] == ' ' &&
       report_phrase_is(v, KG_CUE_ORG_INTERCOMMUNAL, name, k))
      return 0;
  return 1;
}

/* Every alias of registry entity @ent as schema:alternateName of @n, once
 * per matching key and never the name's own key ("la CNIL" is "CNIL");
 * but a name that opens with an article has its alias without one written
 * ("La MedNum": "MedNum"), as reports write either. */
void
kg_report_alternate_names(struct kg_report *x, librdf_node *n,
                          const struct kg_entity *ent)
{
  struct kg_hash seen;
  struct kg_buf key = KG_BUF_INIT, own = KG_BUF_INIT, full = KG_BUF_INIT;
  size_t i;

  kg_hash_init(&seen);
  kg_text_key(ent->name, strlen(ent->name), &key);
  kg_text_key_keep_article(ent->name, strlen(ent->name), &own);
  if(!strcmp(key.s, own.s))
    kg_hash_add(&seen, key.s);
  for(i = 0; i < ent->naliases; i++) {
    kg_text_key(ent->aliases[i], strlen(ent->aliases[i]), &key);
    kg_text_key_keep_article(ent->aliases[i], strlen(ent->aliases[i]), &full);
    if(key.len && strcmp(full.s, own.s) && kg_hash_add(&seen, key.s))
      kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "alternateName",
                     kg_evidence_lit(&x->e, ent->aliases[i], NULL));
  }
  kg_hash_release(&seen);
  kg_buf_release(&key);
  kg_buf_release(&own);
  kg_buf_release(&full);
}

/* Organisation named text[a..b) in the report (source offsets). */
librdf_node *
kg_report_org(struct kg_report *x, size_t a, size_t b, size_t alias_a, size_t alias_b)
{
  return kg_report_org_named(x, a, b, alias_a, alias_b, 80);
}

/* Where a portfolio in lower case (cue org-portfolio: "chargé du Pays de
 * Brest") starts within the name text[a, b), past its first word; else @b. */
static size_t
portfolio_start(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  size_t i, p;

  for(i = a + 1; i < b; i++) {
    if(t[i - 1] != ' ' || t[i] < 'a' || t[i] > 'z')
      continue;
    for(p = 0; p < x->v->ncues[KG_CUE_ORG_PORTFOLIO]; p++)
      if(kg_text_key_prefix(t + i, b - i,
                            x->v->cues[KG_CUE_ORG_PORTFOLIO][p].key))
        return i - 1;
  }
  return b;
}

/* Where an organisation's name text[a, b) really ends: before ", " and a
 * job title ("MJC Étoile à Vandœuvre-lès-Nancy, Président de …"), and
 * without a closing bracket it never opened ("l'IRIT de profession)"), a
 * space or a comma at its end. */
static size_t
org_name_end(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  size_t i, p;

  b = portfolio_start(x, a, b);
  for(i = a; i + 2 < b; i++) {
    if(t[i] != ',' || t[i + 1] != ' ')
      continue;
    for(p = 0; p < x->v->ncues[KG_CUE_JOB_TITLE]; p++)
      if(kg_text_key_prefix(t + i + 2, b - i - 2,
                            x->v->cues[KG_CUE_JOB_TITLE][p].key)) {
        b = i;
        break;
      }
  }
  while(b > a && (strchr(" ,;:", t[b - 1]) ||
                  (t[b - 1] == ')' && !memchr(t + a, '(', b - a))))
    b--;
  return b;
}

/* A known organisation's name that starts at @a and runs on past @b
 * ("Conseil national du numérique" cut at its first lower-case word): the
 * end of the longest one, within REGISTRY_WORDS words of the line; else
 * @b. */
static size_t
registry_name_end(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  struct kg_buf key = KG_BUF_INIT;
  size_t p = b, words = 0, best = b;

  if(!x->reg)
    return b;
  while(t[p] && t[p] != '\n' && t[p] != '(' && t[p] != ')' &&
        words < REGISTRY_WORDS) {
    while(t[p] == ' ')
      p++;
    while(t[p] && !strchr(" \n(),;:.", t[p]))
      p++;
    words++;
    kg_text_key(t + a, p - a, &key);
    if(kg_registry_lookup(x->reg, key.s, KG_ENT_ORG))
      best = p;
    if(t[p] != ' ')
      break;
  }
  kg_buf_release(&key);
  return best;
}

/* "L'Établi de Soustons (40)", "Le BetaLab (79)": a département's code in
 * brackets right after an organisation's name (source offset @b) places
 * it there (rule org-name:code). */
static void
org_code_place(struct kg_report *x, librdf_node *n, size_t b)
{
  const char *t = x->e.text, *p = t + b, *q;
  char code[4];
  struct kg_place pl;

  while(*p == ' ')
    p++;
  if(*p != '(' || !x->gaz)
    return;
  for(q = p + 1; q - p <= 4 && ((*q >= '0' && *q <= '9') || *q == 'A' ||
                                *q == 'B'); q++)
    ;
  if(*q != ')' || q - p < 3 || q - p > 4)
    return;
  memcpy(code, p + 1, (size_t)(q - p - 1));
  code[q - p - 1] = '\0';
  memset(&pl, 0, sizeof pl);
  pl.terr = kg_gaz_get(x->gaz, KG_TERR_DEPARTEMENT, code);
  pl.start = (size_t)(p - t);
  pl.end = (size_t)(q - t) + 1;
  pl.by_code = 1;
  pl.confidence = 100;
  if(pl.terr)
    kg_report_place(x, n, &pl, "org-name:code", pl.start, pl.end);
}

/* A commune's name that starts at @a and runs on past @b in lower-case
 * words ("Digne" cut from "Digne les Bains"): its end, else @b. */
static size_t
commune_name_end(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  const struct kg_terr *terr;
  size_t p = b, words = 0, best = b;

  if(!x->gaz || b <= a || !(t[b] == ' ' || t[b] == '-'))
    return b;
  while(t[p] && t[p] != '\n' && words < REGISTRY_WORDS) {
    size_t q;

    while(t[p] == ' ' || t[p] == '-')
      p++;
    for(q = p; t[p] && !strchr(" -\n(),;:.", t[p]); p++)
      ;
    if(p == q)
      break;
    words++;
    terr = kg_places_whole(x->gaz, x->v, x->reg, x->region, t + a, p - a);
    if(terr && (terr->kind == KG_TERR_COMMUNE || terr->kind == KG_TERR_EPCI))
      best = p;
    if(t[p] != ' ' && t[p] != '-')
      break;
  }
  return best;
}

/* The length of the word of cue @role at @p, 0 if none there. */
static size_t
cue_word_at(const struct kg_report *x, const char *p, enum kg_cue_role role)
{
  size_t c, k;

  for(c = 0; c < x->v->ncues[role]; c++)
    if((k = kg_text_key_prefix(p, strlen(p), x->v->cues[role][c].key)) &&
       !isalnum((unsigned char)p[k]) && (unsigned char)p[k] < 0x80)
      return k;
  return 0;
}

/* "SCD de Rennes 1", "Université Paris 8": a name ending with a commune
 * at @b goes on with the number of one of its bodies, when punctuation or
 * a word that ends names follows it (not "Rennes 12 mai"); the end. */
static size_t
numbered_end(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  const struct kg_terr *terr;
  size_t w = b, e = b + 1;

  while(w > a && t[w - 1] != ' ')
    w--;
  if(!x->gaz || w == b || t[b] != ' ' || !isdigit((unsigned char)t[e]))
    return b;
  e += isdigit((unsigned char)t[e + 1]) ? 2 : 1;
  if(isalnum((unsigned char)t[e]) || (t[e] && strchr("/.,:-", t[e]) &&
                                      isdigit((unsigned char)t[e + 1])) ||
     (t[e] == ' ' && !cue_word_at(x, t + e + 1, KG_CUE_NAME_STOP)))
    return b;
  terr = kg_places_whole(x->gaz, x->v, x->reg, x->region, t + w, b - w);
  return terr && terr->kind == KG_TERR_COMMUNE ? e : b;
}

/* The end of a lower-case word at @p that ends no name ("forestière"),
 * else @p. */
static const char *
lower_word_end(const struct kg_report *x, const char *p)
{
  const char *q = p;

  if(!islower((unsigned char)*p) && (unsigned char)*p < 0x80)
    return p;
  if(cue_word_at(x, p, KG_CUE_NAME_STOP))
    return p;
  while(*q && (isalpha((unsigned char)*q) || (unsigned char)*q >= 0x80) &&
        !isupper((unsigned char)*q))
    q++;
  return q;
}

/* "Institut national de l'information géographique et forestière (IGN)":
 * a name cut before "et" and words in lower case goes on to the acronym
 * in brackets that closes it; the end, else @b. */
static size_t
acronym_run_end(const struct kg_report *x, size_t b)
{
  const char *t = x->e.text, *p = t + b, *q;
  size_t k, words = 0;

  if(*p++ != ' ')
    return b;
  if((k = cue_word_at(x, p, KG_CUE_NAME_SEP)) && p[k] == ' ')
    p += k + 1;
  while(words < ACRONYM_RUN_WORDS) {
    if((q = lower_word_end(x, p)) == p)
      break;
    p = q;
    words++;
    if(p[0] != ' ' || p[1] == '(')
      break;
    p++;
  }
  q = p + (p[0] == ' ');
  if(!words || *q++ != '(' || !isupper((unsigned char)*q))
    return b;
  for(k = 0; isupper((unsigned char)q[k]); k++)
    ;
  return k >= 2 && q[k] == ')' ? (size_t)(p - t) : b;
}

/* The ";" or ":" (the list's cue) that opens the item of a "Nom,
 * Structure ;" list holding text[a..), with ", " right before @a; 0 if
 * none. */
static char
attendance_item(const char *t, size_t a)
{
  size_t i;

  if(a < 3 || t[a - 2] != ',' || t[a - 1] != ' ')
    return 0;
  for(i = a - 2; i > 0 && t[i - 1] != '\n'; i--)
    if(t[i - 1] == ';' || t[i - 1] == ':')
      return t[i - 1];
  return 0;
}

/* "Etaient présents : Régine Roué, EPM de Kerourien ; Michelle Cloâtre,
 * Collectif Vivre ensemble à Kerourien ;": in such a list the body is the
 * whole item after the person's name, lower-case words included, so a
 * name cut at @b runs on to the ";" or the line's end that closes its
 * item, within ATTENDANCE_WORDS words and no other punctuation; else @b. */
static size_t
attendance_end(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  size_t p = b, words = 0;
  char opened = attendance_item(t, a);

  if(!opened)
    return b;
  while(t[p] && t[p] != ';' && t[p] != '\n') {
    if(strchr(",()[]:!?\"", t[p]) || (t[p] == '.' && (!t[p + 1] ||
                                                      isspace((unsigned char)t[p + 1]))))
      return b;
    if(t[p] == ' ' && t[p + 1] != ' ' && t[p + 1] != ';' &&
       ++words > ATTENDANCE_WORDS)
      return b;
    p++;
  }
  /* the last item of the line closes no ";": the one before must */
  if(t[p] != ';' && opened != ';')
    return b;
  while(p > b && t[p - 1] == ' ')
    p--;
  return p;
}

/* "(La M@ison, Grigny)": a name text[a, b) that ends in ", " and a
 * commune's whole name gives the body, then where it is: the end before
 * the comma, else @b. */
static size_t
commune_after_comma(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  const struct kg_terr *terr;
  size_t i;

  for(i = b; i > a + 2 && t[i - 1] != ','; i--)
    ;
  if(i <= a + 2 || t[i] != ' ' || i + 1 >= b)
    return b;
  terr = kg_places_whole(x->gaz, x->v, x->reg, x->region, t + i + 1,
                         b - i - 1);
  return terr && terr->kind == KG_TERR_COMMUNE ? i - 1 : b;
}

size_t
kg_report_org_end(const struct kg_report *x, size_t a, size_t b)
{
  b = commune_after_comma(x, a, org_name_end(x, a, b));
  b = attendance_end(x, a, b);
  b = registry_name_end(x, a, b);
  b = acronym_run_end(x, b);
  return numbered_end(x, a, commune_name_end(x, a, b));
}

/* "Institut national … et forestière (IGN)": the acronym in brackets
 * right after the name text[a, b) that starts with the name's first
 * letter, its bounds in *aa, *az; 0 if none. */
static int
bracket_acronym(const struct kg_report *x, size_t a, size_t b, size_t *aa,
                size_t *az)
{
  const char *t = x->e.text;
  size_t p = b + (t[b] == ' '), k;

  if(t[p] != '(')
    return 0;
  for(k = p + 1; isupper((unsigned char)t[k]); k++)
    ;
  if(k - p - 1 < 2 || t[k] != ')' ||
     tolower((unsigned char)t[p + 1]) != tolower((unsigned char)t[a]))
    return 0;
  *aa = p + 1;
  *az = k;
  return 1;
}

/* The organisation an earlier passage gave the acronym @key with its
 * expansion ("CoRAIA (Coordination Rhône-Alpes …)", then "la CoRAIA"), as
 * a new reference, or NULL. */
static librdf_node *
acronym_org(const struct kg_report *x, const char *key)
{
  size_t i;

  for(i = 0; i < x->org_acronyms.n; i++)
    if(!strcmp(x->org_acronyms.v[i].key, key))
      return librdf_new_node_from_node(x->org_acronyms.v[i].node);
  return NULL;
}

/* The length of the dash with its spaces that joins two parts of a name at
 * @s ("Coopérative des Tiers-Lieux – La Smalah"), or 0. */
static size_t
joining_dash(const char *s, size_t len)
{
  static const char *const dashes[] = { " \xe2\x80\x93 ", " \xe2\x80\x94 ", " - " };
  size_t d, n;

  for(d = 0; d < sizeof dashes / sizeof *dashes; d++) {
    n = strlen(dashes[d]);
    if(len > n && !memcmp(s, dashes[d], n))
      return n;
  }
  return 0;
}

/* The parts of @name joined by dashes, each an alternateName of @n when
 * @emit: how many of them are territories ("Grand Paris - Grand Est" is
 * one body, not two). */
static size_t
dash_parts(struct kg_report *x, librdf_node *n, const char *name, size_t len,
           int emit)
{
  size_t i, from = 0, d, places = 0;

  for(i = 0; i <= len; i++) {
    d = i < len ? joining_dash(name + i, len - i) : 0;
    if(i < len && !d)
      continue;
    if(from == 0 && i == len)
      break;   /* no dash */
    if(kg_places_whole(x->gaz, x->v, x->reg, x->region, name + from,
                       i - from))
      places++;
    else if(emit)
      kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "alternateName",
                     kg_evidence_litn(&x->e, name + from, i - from, NULL));
    if(i == len)
      break;
    from = i + d;
    i = from - 1;
  }
  return places;
}

/* A body and its part joined by a dash ("Coopérative des Tiers-Lieux – La
 * Smalah") go by either part as well: each one an alternateName of @n,
 * unless a part is a territory. */
static void
org_dash_parts(struct kg_report *x, librdf_node *n, const char *name,
               size_t len)
{
  if(!dash_parts(x, n, name, len, 0))
    dash_parts(x, n, name, len, 1);
}

/* How much text after a body's name at @a..@b its places are read in: the
 * name alone, unless it ends in a number, whose sense the words after it
 * give ("au Relais 59 à Paris": 59 is no département there). */
static size_t
name_context(const struct kg_report *x, size_t a, size_t b)
{
  const char *t = x->e.text;
  size_t z = b;

  if(b == a || t[b - 1] < '0' || t[b - 1] > '9')
    return b - a;
  while(z < x->e.len && z - b < 48 && t[z] != '\n' && t[z] != '.' &&
        t[z] != ',' && t[z] != ';')
    z++;
  return z - a;
}

/* The places a body's name at @a..@b gives @n: an intercommunal body the
 * gazetteer holds ("communauté d'Agglomération du Grand Périgueux"), a
 * territory in the name ("APF Loiret", "Familles Rurales de l'Indre"), an
 * adjective ("Agence Landaise") and a code after it ("(45)"). */
static void
org_name_places(struct kg_report *x, librdf_node *n, size_t a, size_t b)
{
  struct kg_places pl = { NULL, 0, 0 };
  const char *name = x->e.text + a;
  size_t len = b - a, i;
  const struct kg_terr *whole;

  whole = kg_places_whole(x->gaz, x->v, x->reg, x->region, name, len);
  if(whole && whole->kind == KG_TERR_EPCI) {
    struct kg_place wp = { 0, 0, NULL, 0, 100, 0 };

    wp.end = len;
    wp.terr = whole;
    kg_report_place(x, n, &wp, "org-name:place", a, b);
  }
  kg_places_find(x->gaz, x->v, x->reg, x->region, 0, name,
                 name_context(x, a, b), &pl);
  for(i = 0; i < pl.n; i++)
    if(pl.v[i].end <= len && report_name_place_ok(x->v, name, len, &pl.v[i]))
      kg_report_place(x, n, &pl.v[i], "org-name:place", a + pl.v[i].start,
                      a + pl.v[i].end);
  pl.n = 0;
  kg_places_adjectives(x->gaz, x->v, name, len, &pl);
  for(i = 0; i < pl.n; i++)
    kg_report_place(x, n, &pl.v[i], "org-name:adjective",
                    a + pl.v[i].start, a + pl.v[i].end);
  kg_places_release(&pl);
  org_code_place(x, n, b);
}

/* The statements that say what body @n is: its types, and its names from
 * registry entry @ent or name[0..len) (with the acronym at
 * @alias_a..@alias_b). */
static void
org_identity(struct kg_report *x, librdf_node *n, const struct kg_entity *ent,
             const char *name, size_t len, size_t alias_a, size_t alias_b)
{
  size_t i;

  kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
             kg_evidence_iri(&x->e, KG_NS_SCHEMA, "Organization"));
  kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
             kg_evidence_iri(&x->e, KG_NS_ORG, "Organization"));
  if(ent) {
    kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
               kg_evidence_lit(&x->e, ent->name, NULL));
    if(ent->identifier)
      kg_evidence_po(&x->e, n, KG_NS_ORG, "identifier",
                 kg_evidence_lit(&x->e, ent->identifier, NULL));
    for(i = 0; i < ent->ntypes; i++)
      kg_evidence_po(&x->e, n, KG_NS_RDF, "type",
                 kg_evidence_iri(&x->e, ent->types[i], NULL));
    kg_report_alternate_names(x, n, ent);
    return;
  }
  kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "name",
             kg_evidence_litn(&x->e, name, len, NULL));
  org_dash_parts(x, n, name, len);
  if(alias_b > alias_a)
    kg_evidence_po(&x->e, n, KG_NS_SCHEMA, "alternateName",
               kg_evidence_litn(&x->e, x->e.text + alias_a, alias_b - alias_a,
                            NULL));
}

/* The statements of body @n named name[0..len) (acronym at
 * @alias_a..@alias_b) at its first mention, its mention at text[a..b),
 * read there for places, and its candidacy when @ent is none. */
static void
org_made(struct kg_report *x, librdf_node *n, const struct kg_entity *ent,
         const char *name, size_t len, size_t alias_a, size_t alias_b,
         size_t a, size_t b, int confidence)
{
  if(kg_report_first(x, n)) {
    org_identity(x, n, ent, name, len, alias_a, alias_b);
    org_name_places(x, n, a, b);
  }
  if(!ent)
    kg_report_candidate(x, n, confidence);
  kg_evidence_mention(&x->e, n, a, b);
  kg_report_node_list_add(&x->orgs, n, name, len);
}

librdf_node *
kg_report_org_named(struct kg_report *x, size_t a, size_t b, size_t alias_a,
                    size_t alias_b, int confidence)
{
  struct kg_buf key = KG_BUF_INIT;
  const struct kg_entity *ent = NULL;
  const char *name = x->e.text + a;
  size_t len;
  librdf_node *n;

  b = kg_report_org_end(x, a, b);
  if(alias_b <= alias_a)
    bracket_acronym(x, a, b, &alias_a, &alias_b);
  len = b - a;
  kg_text_key(name, len, &key);
  if(x->reg)
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  if(!ent && x->reg && alias_b > alias_a) {
    kg_text_key(x->e.text + alias_a, alias_b - alias_a, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  }
  n = ent ? NULL : acronym_org(x, key.s);
  if(!n)
    n = entity_node(x, ent, "org", name, len);
  if(!ent && alias_b > alias_a)
    kg_report_node_list_add(&x->org_acronyms, n, x->e.text + alias_a,
                            alias_b - alias_a);
  org_made(x, n, ent, name, len, alias_a, alias_b, a, b, confidence);
  kg_buf_release(&key);
  return n;
}

librdf_node *
kg_report_org_spelled(struct kg_report *x, const char *name, size_t len,
                      size_t a, size_t b, int confidence)
{
  struct kg_buf key = KG_BUF_INIT;
  const struct kg_entity *ent = NULL;
  librdf_node *n;

  kg_text_key(name, len, &key);
  if(x->reg)
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  n = entity_node(x, ent, "org", name, len);
  org_made(x, n, ent, name, len, 0, 0, a, b, confidence);
  kg_buf_release(&key);
  return n;
}

int
kg_report_is_person(struct kg_report *x, const char *t, size_t len)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t i;
  int hit = 0;

  kg_text_key(t, len, &k);
  for(i = 0; i < x->people.n && !hit; i++)
    hit = !strcmp(x->people.v[i].key, k.s);
  kg_buf_release(&k);
  return hit;
}

int
kg_report_is_place(struct kg_report *x, const char *t, size_t len)
{
  struct kg_places pl = { NULL, 0, 0 };
  int hit;

  kg_places_find(x->gaz, x->v, x->reg, x->region, 0, t, len, &pl);
  hit = pl.n == 1 && pl.v[0].start == 0 && pl.v[0].end == len &&
        pl.v[0].terr->kind != KG_TERR_EPCI;
  kg_places_release(&pl);
  return hit;
}

/* Is t[start, end) written exactly as one of @e's spellings that is in
 * capitals ("NEC", "CNR")? */
static int
acronym_spelling(const struct kg_entity *e, const char *t, size_t start,
                 size_t end)
{
  size_t i, len = end - start;

  for(i = 0; i <= e->naliases; i++) {
    const char *s = i < e->naliases ? e->aliases[i] : e->name;
    size_t k;

    if(!s || strlen(s) != len || memcmp(s, t + start, len))
      continue;
    for(k = 0; k < len && !(s[k] >= 'a' && s[k] <= 'z'); k++)
      ;
    if(k == len)
      return 1;
  }
  return 0;
}

/* Is the registry hit @h of t a name?  A name whose key is one common
 * French word ("Zoom", "La Poste") is one only when written with its
 * capital and not as a sentence's first word ("un zoom sur", a heading
 * "Zoom sur les ateliers"), unless it is written as an acronym the
 * registry gives ("NEC"). */
static int
registry_hit_stands(const struct kg_report *x, const char *t,
                    const struct kg_dict_hit *h)
{
  struct kg_buf k = KG_BUF_INIT;
  size_t start = h->start, end = h->end, w = end, p, i;
  int common;

  kg_text_key(t + start, end - start, &k);
  common = k.len && !strchr(k.s, ' ') &&
           (kg_lexicon_classes(x->lex, k.s, k.len) & KG_LEX_COMMON);
  kg_buf_release(&k);
  if(!common)
    return 1;
  for(i = 0; i < h->ne; i++)
    if(acronym_spelling(&x->reg->ents[h->e[i].index], t, start, end))
      return 1;
  while(w > start && t[w - 1] != ' ' && t[w - 1] != '\'' &&
        !(w - start >= 3 && !memcmp(t + w - 3, "\xE2\x80\x99", 3)))
    w--;
  if(!kg_text_upper_at(t + w, end - w))
    return 0;
  if(w > start)
    return 1;                       /* "L'État", "La Poste" */
  for(p = w; p > 0 && strchr(" *_#>-", t[p - 1]); p--)
    ;
  return p > 0 && !strchr(".!?:", t[p - 1]);
}

void
kg_report_registry_hits_check(const struct kg_report *x, const char *t,
                              struct kg_dict_hits *h)
{
  size_t i, n = 0, k;

  for(i = 0; i < h->n; i++) {
    int other = 0;

    for(k = 0; k < h->v[i].ne; k++)
      other |= h->v[i].e[k].kind != KG_DICT_ORG &&
               h->v[i].e[k].kind != KG_DICT_INITIATIVE;
    if(other || registry_hit_stands(x, t, &h->v[i]))
      h->v[n++] = h->v[i];
  }
  h->n = n;
}

int
kg_report_locality(struct kg_report *x, librdf_node *s, size_t a, size_t b,
                   const char *rule)
{
  struct kg_buf key = KG_BUF_INIT;
  const char *t = x->e.text + a;
  const struct kg_terr *terr = NULL;

  kg_text_key(t, b - a, &key);
  if(!(x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG)))
    terr = kg_places_whole(x->gaz, x->v, x->reg, x->region, t, b - a);
  kg_buf_release(&key);
  if(!terr || terr->kind != KG_TERR_COMMUNE)
    return 0;
  if(s) {
    struct kg_place pl = { 0, 0, NULL, 0, 100, 0 };

    pl.start = 0;
    pl.end = b - a;
    pl.terr = terr;
    kg_report_place(x, s, &pl, rule, a, b);
  }
  return 1;
}

void
kg_report_venue(struct kg_report *x, const struct kg_terr *commune, size_t va,
           size_t vz, size_t ca, size_t cz, const char *rule)
{
  struct kg_emit *e = &x->e;
  struct kg_buf slug = KG_BUF_INIT;
  librdf_node *place, *cn;

  x->region = commune->region;
  kg_report_slugify(e->text + va, vz - va, &slug);
  place = kg_evidence_id(e, "place/%s", slug.s);
  kg_buf_release(&slug);
  cn = kg_report_terr_node(x, commune);
  kg_evidence_po(e, place, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_SCHEMA, "Place"));
  kg_evidence_po(e, place, KG_NS_SCHEMA, "name",
             kg_evidence_litn(e, e->text + va, vz - va, NULL));
  kg_evidence_mention(e, place, va, vz);
  kg_evidence_fact(e, place, KG_NS_SCHEMA, "containedInPlace", cn, rule, va, vz, 0);
  kg_evidence_fact(e, x->event, KG_NS_SCHEMA, "location", place, rule, va, vz, 0);
  kg_report_spatial(x, x->event, commune, rule, ca, cz, 0);
  kg_evidence_mention(e, cn, ca, cz);
  librdf_free_node(cn);
  librdf_free_node(place);
}

void
kg_report_candidate(struct kg_report *x, librdf_node *n, int confidence)
{
  const char *iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  size_t i = x->ncand;

  if(kg_hash_put(&x->cand, iri, strlen(iri), &i)) {
    if(confidence > x->candv[i].confidence)
      x->candv[i].confidence = confidence;
    return;
  }
  KG_GROW(x->candv, x->capcand, x->ncand + 1);
  x->candv[i].node = librdf_new_node_from_node(n);
  x->candv[i].confidence = confidence;
  x->candv[i].decided = 0;
  x->ncand++;
}

void
kg_report_place(struct kg_report *x, librdf_node *s, const struct kg_place *p,
                const char *rule, size_t a, size_t b)
{
  librdf_node *tn = kg_report_terr_node(x, p->terr);
  librdf_node *st = kg_evidence_statement(&x->e, s, KG_NS_DCTERMS, "spatial",
                                          tn, rule);
  const char *iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(st));
  size_t i = x->nweak;

  kg_report_spatial(x, s, p->terr, rule, a, b, 0);
  if(p->confidence >= 100) {
    kg_hash_add(&x->sure, iri);
  } else if(kg_hash_put(&x->weak, iri, strlen(iri), &i)) {
    if(p->confidence > x->weakv[i].confidence)
      x->weakv[i].confidence = p->confidence;
  } else {
    KG_GROW(x->weakv, x->capweak, x->nweak + 1);
    x->weakv[i].node = librdf_new_node_from_node(st);
    x->weakv[i].confidence = p->confidence;
    x->weakv[i].decided = 0;
    x->nweak++;
  }
  librdf_free_node(st);
  librdf_free_node(tn);
}

/* mn:confidence (hundredths) as an xsd:decimal. */
static void
confidence(struct kg_report *x, librdf_node *n, int c)
{
  char dec[8];

  c = c < 0 ? 0 : c > 100 ? 100 : c;
  snprintf(dec, sizeof dec, c == 100 ? "1.0" : "0.%02d", c);
  kg_evidence_po(&x->e, n, KG_NS_MN, "confidence",
                 kg_rdf_typed(x->e.world, dec, KG_NS_XSD "decimal"));
}

static const char *
node_iri(librdf_node *n)
{
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

/* An entity of the report, as the curator's decisions see it. */
struct named {
  const char *iri;      /* SHARED, from the statements */
  int kind;             /* enum kg_entity_kind, or -1 */
  const char *name;     /* SHARED, or NULL */
};

/* The people, organisations and initiatives of the report with their
 * names, read from its statements.  Returns how many; *out is new. */
static size_t
entities(struct kg_report *x, struct named **out)
{
  const struct kg_stmts *l = x->e.out;
  struct kg_hash idx;
  size_t i, n = 0, cap = 0;

  *out = NULL;
  kg_hash_init(&idx);
  for(i = l->n - x->e.added; i < l->n; i++) {
    const raptor_statement *st = l->v[i];
    const char *s, *p;
    size_t k = n;
    int kind;

    if(st->subject->type != RAPTOR_TERM_TYPE_URI)
      continue;
    s = (const char *)raptor_uri_as_string(st->subject->value.uri);
    p = (const char *)raptor_uri_as_string(st->predicate->value.uri);
    if(!kg_hash_put(&idx, s, strlen(s), &k)) {
      KG_GROW(*out, cap, n + 1);
      (*out)[n].iri = s;
      (*out)[n].kind = -1;
      (*out)[n++].name = NULL;
    }
    if(!strcmp(p, KG_NS_SCHEMA "name") && !(*out)[k].name &&
       st->object->type == RAPTOR_TERM_TYPE_LITERAL)
      (*out)[k].name = (const char *)st->object->value.literal.string;
    if(!strcmp(p, KG_NS_RDF "type") && st->object->type == RAPTOR_TERM_TYPE_URI)
      for(kind = KG_ENT_ORG; kind <= KG_ENT_PERSON; kind++)
        if(!strcmp((const char *)raptor_uri_as_string(st->object->value.uri),
                   kg_registry_kind_class((enum kg_entity_kind)kind)))
          (*out)[k].kind = kind;
  }
  kg_hash_release(&idx);
  return n;
}

/* The registry entity for IRI @iri (under the instance base), or NULL. */
static const struct kg_entity *
registry_entity(struct kg_report *x, const char *iri)
{
  const char *base = x->ref->w->base;

  return strncmp(iri, base, strlen(base)) ? NULL
         : kg_registry_by_rel(x->reg, iri + strlen(base));
}

/* 1 if the curator rejected entity @en: its IRI, or its name for its kind. */
static int
rejected(struct kg_report *x, const struct named *en)
{
  const struct kg_entity *ent = registry_entity(x, en->iri);
  struct kg_buf key = KG_BUF_INIT;

  if(ent || !en->name || en->kind < 0)
    return ent && ent->rejected;
  kg_text_key(en->name, strlen(en->name), &key);
  ent = kg_registry_rejected(x->reg, key.s, en->kind);
  kg_buf_release(&key);
  return ent != NULL;
}

/* The curator's decisions: a candidate whose IRI the registry knows is no
 * candidate; an entity the curator rejected goes, with its evidence. */
static void
apply_decisions(struct kg_report *x)
{
  struct named *ens;
  struct kg_hash gone;
  size_t i, n;

  if(!x->reg)
    return;
  for(i = 0; i < x->ncand; i++)
    x->candv[i].decided = registry_entity(x, node_iri(x->candv[i].node))
                          != NULL;
  if(!x->reg->nrejkeys)
    return;     /* nothing rejected: nothing to look for */
  kg_hash_init(&gone);
  n = entities(x, &ens);
  for(i = 0; i < n; i++)
    if(ens[i].kind >= 0 && rejected(x, &ens[i]))
      kg_hash_add(&gone, ens[i].iri);
  for(i = 0; i < x->ncand; i++)
    if(kg_hash_has(&gone, node_iri(x->candv[i].node)))
      x->candv[i].decided = 1;
  free(ens);
  if(gone.n)
    kg_evidence_drop(&x->e, &gone);
  kg_hash_release(&gone);
}

void
kg_report_candidates_emit(struct kg_report *x)
{
  size_t i;

  /* before the decisions: a rejected entity takes its places with it */
  for(i = 0; i < x->nweak; i++)
    if(!kg_hash_has(&x->sure, node_iri(x->weakv[i].node)))
      confidence(x, x->weakv[i].node, x->weakv[i].confidence);
  apply_decisions(x);
  for(i = 0; i < x->ncand; i++) {
    if(x->candv[i].decided)
      continue;
    kg_evidence_po(&x->e, x->candv[i].node, KG_NS_MN, "candidate",
                   kg_rdf_typed(x->e.world, "true", KG_NS_XSD "boolean"));
    confidence(x, x->candv[i].node, x->candv[i].confidence);
  }
}

const struct kg_names_lex *
kg_report_names(struct kg_report *x)
{
  if(!x->names) {
    x->names = kg_xcalloc(1, sizeof(*x->names));
    kg_names_lex_init(x->names, x->v);
  }
  return x->names;
}

const struct kg_words *
kg_report_words(struct kg_report *x, size_t b)
{
  const struct kg_block *bl = &x->doc.blocks[b];

  if(!x->words)
    x->words = kg_xcalloc(x->doc.nblocks + 1, sizeof(*x->words));
  if(!x->words[b].roles)  /* not split yet: roles is set even with no word */
    kg_names_split(kg_report_names(x), bl->text, bl->len, &x->words[b]);
  return &x->words[b];
}

static void
names_release(struct kg_report *x)
{
  size_t b;

  for(b = 0; x->words && b < x->doc.nblocks; b++)
    kg_names_release(&x->words[b]);
  free(x->words);
  if(x->names)
    kg_names_lex_release(x->names);
  free(x->names);
}

void
kg_report_release(struct kg_report *x)
{
  size_t i;

  names_release(x);
  for(i = 0; i < x->ncand; i++)
    librdf_free_node(x->candv[i].node);
  free(x->candv);
  free(x->cueblocks);
  kg_hash_release(&x->cand);
  for(i = 0; i < x->nweak; i++)
    librdf_free_node(x->weakv[i].node);
  free(x->weakv);
  kg_hash_release(&x->weak);
  kg_hash_release(&x->sure);

  /* secorgs and secpeople have one more slot: the event's (sec == nsecs) */
  for(i = 0; i <= x->nsecs; i++) {
    if(i < x->nsecs && x->snodes && x->snodes[i])
      librdf_free_node(x->snodes[i]);
    if(x->secorgs)
      kg_report_node_list_release(&x->secorgs[i]);
    if(x->secpeople)
      kg_report_node_list_release(&x->secpeople[i]);
  }
  free(x->secorgs);
  free(x->secpeople);
  kg_report_node_list_release(&x->people);
  kg_report_node_list_release(&x->orgs);
  kg_report_node_list_release(&x->org_acronyms);
  free(x->snodes);
  free(x->secs);
  for(i = 0; i < x->nspatial; i++)
    librdf_free_node(x->spatial[i].s);
  free(x->spatial);
  if(x->event)
    librdf_free_node(x->event);
  kg_hash_release(&x->described);
  kg_hash_release(&x->roles);
  kg_evidence_release(&x->e);
  kg_text_cpindex_free(x->e.cp);
  if(x->e.report)
    librdf_free_node(x->e.report);
  if(x->e.graph)
    librdf_free_node(x->e.graph);
  kg_doc_release(&x->doc);
}
