/* roles.c - the people of a passage as facts: who performs in a session,
 * who wrote its notes, their job titles and organisations; and the cue
 * phrases that open such a line.  Shared by the recognisers that find
 * people (cues.c for cue lines, persons.c for lists and prose); see
 * roles.h.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/text.h"
#include "extract/doc.h"
#include "extract/people.h"
#include "extract/places.h"
#include "extract/report.h"
#include "extract/roles.h"
#include "rdf/ns.h"
#include "ref/gaz.h"
#include "ref/lexicon.h"
#include "ref/registry.h"
#include "ref/vocab.h"

/* Longest cue of @role at the start of the line whose first words are @w
 * (t[0..len) is the line): bytes consumed or 0. */
static size_t
cue_at(const struct kg_vocab *v, enum kg_cue_role role,
       const struct kg_wordkeys *w, const char *t, size_t len)
{
  size_t p, best = 0;

  for(p = 0; p < v->ncues[role]; p++) {
    size_t n;

    if(!v->cues[role][p].key[0])
      continue;
    n = kg_text_wordkeys_prefix(w, v->cues[role][p].key);
    if(n && v->cues[role][p].colon) {
      /* "Animation :" is a cue, "Animation de la vie sociale" is not */
      size_t k = n;

      while(k < len && (t[k] == ' ' || (unsigned char)t[k] == 0xC2 ||
                        (unsigned char)t[k] == 0xA0))
        k++;
      if(k >= len || t[k] != ':')
        n = 0;
    }
    if(n > best)
      best = n;
  }
  return best;
}

size_t
kg_roles_cue_line(const struct kg_vocab *v, const char *line, size_t len,
             int *role)
{
  struct kg_wordkeys wk;
  enum kg_cue_role r;
  size_t n = 0;

  kg_text_wordkeys_init(&wk, line, len);
  for(r = KG_CUE_FACILITATOR; r <= KG_CUE_RESOURCES; r++) {
    n = cue_at(v, r, &wk, line, len);
    if(n)
      break;
  }
  kg_text_wordkeys_release(&wk);
  *role = n ? (int)r : -1;
  return n;
}

size_t
kg_roles_sentence_end(const char *t, size_t from, size_t to)
{
  size_t i;
  int cp;

  for(i = from; i + 2 < to; i++) {
    if((t[i] != '.' && t[i] != '!' && t[i] != '?') || t[i + 1] != ' ')
      continue;
    if(t[i] == '.' && i >= from + 1 && (unsigned char)t[i - 1] < 0x80 &&
       t[i - 1] >= 'A' && t[i - 1] <= 'Z' &&
       (i == from + 1 || t[i - 2] == ' '))
      continue;   /* "M. Soubie", "D. Chafaï" */
    kg_text_utf8_decode(t + i + 2, to - i - 2, &cp);
    if(utf8proc_isupper(cp))
      return i;
  }
  return to;
}

/* "conseiller municipal à Digne les Bains", "adjointe au maire de
 * Martigues": a territory that the job title at source [ta, tz) names
 * with a locative places the person (rule @rule); a one-word name with no
 * locative does not. */
static void
title_places(struct kg_report *x, librdf_node *pn, size_t ta, size_t tz,
             const char *rule)
{
  struct kg_places pl = { NULL, 0, 0 };
  size_t i;

  kg_places_find(x->gaz, x->v, x->reg, x->region, 1, x->e.text + ta,
                 tz - ta, &pl);
  for(i = 0; i < pl.n; i++)
    if(pl.v[i].confidence >= 100 && pl.v[i].terr->kind != KG_TERR_EPCI)
      kg_report_place(x, pn, &pl.v[i], rule, ta + pl.v[i].start,
                      ta + pl.v[i].end);
  kg_places_release(&pl);
}

/* The organisation whose people a passage names in brackets after it, or
 * NULL (borrowed by the caller: free it). */
static librdf_node *
group_org(struct kg_report *x, const struct kg_roles_use *use,
          const struct kg_block *bl)
{
  size_t a, z;

  if(use->group_to <= use->group_from)
    return NULL;
  a = kg_report_src(bl, use->group_from);
  z = kg_report_src_end(bl, use->group_to);
  if(kg_report_locality(x, NULL, a, kg_report_org_end(x, a, z), NULL))
    return NULL;
  return kg_report_org(x, a, z, 0, 0);
}

/* Does s[0..len) open with a job title (cue job-title: "Directrice",
 * "Conseillère départementale en charge du numérique")? */
static int
job_title_first(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t p, k;

  for(p = 0; p < v->ncues[KG_CUE_JOB_TITLE]; p++)
    if((k = kg_text_key_prefix(s, len, v->cues[KG_CUE_JOB_TITLE][p].key)) &&
       (k == len || !((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')))
      return 1;
  return 0;
}

/* Source end of organisation @o's name, as kg_report_org() cuts it. */
static size_t
org_src_end(const struct kg_report *x, const struct kg_block *bl, size_t from,
            const struct kg_org_ref *o)
{
  return kg_report_org_end(x, kg_report_src(bl, from + o->name.start),
                           kg_report_src_end(bl, from + o->name.end));
}

/* Does t[0..len) hold a capital letter?  A name does. */
static int
has_capital(const char *t, size_t len)
{
  size_t i = 0;
  int cp;

  while(i < len) {
    i += (size_t)kg_text_utf8_decode(t + i, len - i, &cp);
    if(utf8proc_isupper(cp))
      return 1;
  }
  return 0;
}

/* Is t[0..len) one word the lexicon knows as a first name, and no
 * organisation of the registry?  "Vincent Gibert, Bertrand, …": the next
 * person of a list, not the first one's body. */
static int
lone_first_name(const struct kg_report *x, const char *t, size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  int hit;

  if(!x->lex || !len || memchr(t, ' ', len) || memchr(t, '-', len))
    return 0;
  kg_text_key(t, len, &key);
  hit = (kg_lexicon_classes(x->lex, t, len) & KG_LEX_FIRST_NAME) &&
        !(x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG));
  kg_buf_release(&key);
  return hit;
}

/* Could t[0..len), unknown to the gazetteer, still be a body?  It is one
 * when it is one word ("Coraia"), when the registry knows it, when it holds
 * an organisation head noun ("Région Rhône Alpes") or when it is written in
 * capitals ("SIVU"). */
static int
may_be_body(const struct kg_report *x, const char *t, size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  static const int heads[] = { KG_CUE_ORG_HEAD, KG_CUE_ORG_HEAD_WEAK };
  size_t h, c, i;
  int cp, body = 0, lower = 0;

  for(i = 0; i < len; ) {
    i += (size_t)kg_text_utf8_decode(t + i, len - i, &cp);
    lower |= utf8proc_islower(cp);
  }
  kg_text_key(t, len, &key);
  body = !lower || !memchr(t, ' ', len) || (x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG));
  for(h = 0; h < 2 && !body; h++)
    for(c = 0; c < x->v->ncues[heads[h]] && !body; c++)
      body = kg_text_key_contains(key.s, x->v->cues[heads[h]][c].key);
  kg_buf_release(&key);
  return body;
}

/* Count in *nb the brackets of block @bl, in *nl those that hold a
 * commune the gazetteer knows. */
static void
count_brackets(struct kg_report *x, const struct kg_block *bl, size_t *nb,
               size_t *nl)
{
  size_t i = 0, j;

  while(i < bl->len) {
    if(bl->text[i] != '(') {
      i++;
      continue;
    }
    for(j = i + 1; j < bl->len && !strchr("()", bl->text[j]); j++)
      ;
    if(j >= bl->len || bl->text[j] != ')')
      return;
    (*nb)++;
    if(j > i + 1 &&
       kg_report_locality(x, NULL, kg_report_src(bl, i + 1),
                          kg_report_src_end(bl, j), NULL))
      (*nl)++;
    i = j + 1;
  }
}

/* Do most of the brackets of block @bl, or of the list it is an item of,
 * give communes ("Jacques Guyot (Joyeuse) Jean-Michel Boulle (Largentière)
 * …", "- Croizat Frédéric (Alboussière)")?  Then a bracket the gazetteer
 * misses, spelled otherwise ("La Chapelle Sous Aubenas") or shortened
 * ("St Martin"), is a commune too when nothing makes it a body. */
static int
commune_brackets(struct kg_report *x, const struct kg_block *bl)
{
  const struct kg_block *v = x->doc.blocks;
  size_t k = (size_t)(bl - v), a = k, z = k + 1, nb = 0, nl = 0;

  if(k >= x->doc.nblocks)
    return 0;
  if(bl->kind == KG_BLK_ITEM) {
    while(a > 0 && v[a - 1].kind == KG_BLK_ITEM && v[a - 1].level == bl->level)
      a--;
    while(z < x->doc.nblocks && v[z].kind == KG_BLK_ITEM &&
          v[z].level == bl->level)
      z++;
  }
  for(; a < z; a++)
    count_brackets(x, &v[a], &nb, &nl);
  /* "Absents : - Safarian Sevan (Les Ollières)" after a long list of
   * those present: too short to judge, it is written as the report's
   * other lists are */
  if(nb < 3) {
    nb = nl = 0;
    for(a = 0; a < x->doc.nblocks; a++)
      if(v[a].kind == KG_BLK_ITEM)
        count_brackets(x, &v[a], &nb, &nl);
  }
  return nl >= 3 && 2 * nl > nb;
}

/* Does s[0..len) hold a letter or a digit? */
static int
word_after(const char *s, size_t len)
{
  size_t i = 0;
  int cp;

  while(i < len) {
    i += (size_t)kg_text_utf8_decode(s + i, len - i, &cp);
    if(utf8proc_isupper(cp) || utf8proc_islower(cp) || (cp >= '0' && cp <= '9'))
      return 1;
  }
  return 0;
}

/* The length of s[0..len) without a closing cue affiliation-trailer
 * ("IRIT de profession" gives "IRIT"), or len. */
static size_t
trailer_start(const struct kg_vocab *v, const char *s, size_t len)
{
  size_t p, c, k;

  for(p = 1; p < len; p++) {
    if(s[p - 1] != ' ')
      continue;
    for(c = 0; c < v->ncues[KG_CUE_AFFILIATION_TRAILER]; c++)
      if((k = kg_text_key_prefix(s + p, len - p,
                                 v->cues[KG_CUE_AFFILIATION_TRAILER][c].key)) &&
         !word_after(s + p + k, len - p - k)) {
        while(p > 0 && s[p - 1] == ' ')
          p--;
        return p;
      }
  }
  return len;
}

/* Does the registry know s[0..len) as an initiative and not as a body
 * ("élu en charge du numérique concernant le déploiement du Pass
 * Numérique")?  A programme employs no one. */
static int
known_initiative(const struct kg_report *x, const char *s, size_t len)
{
  struct kg_buf key = KG_BUF_INIT;
  int yes;

  kg_text_key(s, len, &key);
  yes = x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_INITIATIVE) &&
        !kg_registry_lookup(x->reg, key.s, KG_ENT_ORG);
  kg_buf_release(&key);
  return yes;
}

/* The rule "PREFIX:what" of a fact in @b. */
static const char *
rule_name(struct kg_buf *b, const char *prefix, const char *what)
{
  kg_buf_reset(b);
  kg_buf_addf(b, "%s:%s", prefix, what);
  return b->s;
}

/* The notes of @session (recordedIn), written by the people of a line. */
static librdf_node *
notes_node(struct kg_report *x, librdf_node *session, const char *rule,
           size_t la, size_t lz)
{
  struct kg_emit *e = &x->e;
  unsigned char *su = librdf_uri_as_string(librdf_node_get_uri(session));
  const char *last = strrchr((const char *)su, '/');
  librdf_node *notes;

  notes = kg_evidence_id(e, "notes/%s/%s", e->slug, last ? last + 1 : "x");
  kg_evidence_po(e, notes, KG_NS_RDF, "type",
             kg_evidence_iri(e, KG_NS_SCHEMA, "CreativeWork"));
  kg_evidence_fact(e, session, KG_NS_SCHEMA, "recordedIn", notes, rule, la,
                   lz, 0);
  return notes;
}

void
kg_roles_people(struct kg_report *x, size_t sec, const struct kg_roles_use *use,
               const struct kg_block *bl, size_t from, size_t to,
               size_t line_from)
{
  struct kg_emit *e = &x->e;
  struct kg_people p;
  struct kg_buf rb = KG_BUF_INIT;
  int role = use->role;
  librdf_node *session = sec < x->nsecs ? x->snodes[sec] : x->event;
  librdf_node *notes = NULL;
  size_t la = kg_report_src(bl, line_from), lz = kg_report_src_end(bl, to);
  size_t i;
  librdf_node **orgs, *group;
  int communes;

  kg_people_parse_at(x->v, x->lex, use->prose, bl->text + from, to - from,
                     &p);
  orgs = kg_xcalloc(p.norgs ? p.norgs : 1, sizeof(librdf_node *));
  communes = commune_brackets(x, bl);
  for(i = 0; i < p.norgs; i++) {
    const struct kg_org_ref *o = &p.orgs[i];
    size_t aa = 0, az = 0, end;

    if(o->alias.end > o->alias.start) {
      aa = kg_report_src(bl, from + o->alias.start);
      az = kg_report_src_end(bl, from + o->alias.end);
    }
    if(kg_vocab_phrase_is(x->v->cues[KG_CUE_ACRONYM_NOT_ORG],
                          x->v->ncues[KG_CUE_ACRONYM_NOT_ORG],
                          bl->text + from + o->name.start,
                          o->name.end - o->name.start))
      continue;   /* "délégué aux TIC": a field, not a body */
    if(job_title_first(x->v, bl->text + from + o->name.start,
                       o->name.end - o->name.start))
      continue;   /* "Hélène Deriu (Directrice)": a function, not a body */
    if(o->alias.end == o->alias.start &&
       known_initiative(x, bl->text + from + o->name.start,
                        o->name.end - o->name.start))
      continue;   /* "… du Pass Numérique": a programme, not a body */
    if(o->alias.end == o->alias.start &&
       !has_capital(bl->text + from + o->name.start,
                    o->name.end - o->name.start))
      continue;   /* "(l'espace public numérique)": a kind or a topic */
    if(o->alias.end == o->alias.start &&
       lone_first_name(x, bl->text + from + o->name.start,
                       o->name.end - o->name.start))
      continue;   /* "Vincent Gibert, Bertrand": a first name, no body */
    if(o->in_title &&
       kg_report_is_place(x, bl->text + from + o->name.start,
                          o->name.end - o->name.start))
      continue;   /* "préfet de la Vendée": the title's territory */
    if(kg_report_locality(x, NULL, kg_report_src(bl, from + o->name.start),
                          org_src_end(x, bl, from, o), NULL))
      continue;   /* "Jacques Guyot (Joyeuse)", "directrice à Vandœuvre":
                     where the person works, no organisation */
    if(communes && o->bracketed && o->alias.end == o->alias.start &&
       !may_be_body(x, bl->text + from + o->name.start,
                    o->name.end - o->name.start))
      continue;   /* "(La Chapelle Sous Aubenas)" among communes */
    end = o->name.start +
          trailer_start(x->v, bl->text + from + o->name.start,
                        o->name.end - o->name.start);
    orgs[i] = kg_report_org(x, kg_report_src(bl, from + o->name.start),
                       kg_report_src_end(bl, from + end), aa, az);
  }
  group = group_org(x, use, bl);
  if(role == KG_CUE_NOTETAKER && p.npersons)
    notes = notes_node(x, session, rule_name(&rb, use->prefix, "notetaker"),
                       la, lz);
  for(i = 0; i < p.npersons; i++) {
    const struct kg_person_ref *r = &p.persons[i];
    size_t a = kg_report_src(bl, from + r->name.start);
    size_t z = kg_report_src_end(bl, from + r->name.end);
    librdf_node *pn = kg_report_person(x, e->text + a, z - a, a, z);

    kg_report_candidate(x, pn, use->confidence);

    if(r->title.end > r->title.start) {
      size_t ta = kg_report_src(bl, from + r->title.start);
      size_t tz = kg_report_src_end(bl, from + r->title.end);
      librdf_node *jt = kg_evidence_litn(e, e->text + ta, tz - ta, NULL);

      kg_evidence_fact(e, pn, KG_NS_SCHEMA, "jobTitle", jt,
                       rule_name(&rb, use->prefix, "job-title"),
                   la, lz, 0);
      librdf_free_node(jt);
      title_places(x, pn, ta, tz, rule_name(&rb, use->prefix, "title-place"));
    }
    if(r->org >= 0 && orgs[r->org])
      kg_evidence_fact(e, pn, KG_NS_SCHEMA, "affiliation", orgs[r->org],
                   rule_name(&rb, use->prefix, "affiliation"), la, lz, 0);
    else if(r->org >= 0 &&
            kg_report_locality(x, pn,
                               kg_report_src(bl, from + p.orgs[r->org].name.start),
                               org_src_end(x, bl, from, &p.orgs[r->org]),
                               rule_name(&rb, use->prefix, "locality")))
      ;   /* "Jacques Guyot (Joyeuse)": where the person works */
    else if(group)   /* no body of one's own, or a job title in brackets */
      kg_evidence_fact(e, pn, KG_NS_SCHEMA, "affiliation", group,
                   rule_name(&rb, use->prefix, "affiliation"), la, lz, 0);
    else if(use->group_to > use->group_from)   /* "- Guilers : Michel …" */
      kg_report_locality(x, pn, kg_report_src(bl, use->group_from),
                         kg_report_src_end(bl, use->group_to),
                         rule_name(&rb, use->prefix, "locality"));
    if(role == KG_CUE_FACILITATOR) {
      const struct kg_org_ref *o = r->org >= 0 ? &p.orgs[r->org] : NULL;

      kg_evidence_fact(e, session, KG_NS_SCHEMA, "performer", pn,
                   rule_name(&rb, use->prefix, "facilitator"), la, lz, 0);
      kg_report_node_list_add(&x->secpeople[sec], pn, e->text + a, z - a);
      /* the session's organisations (carriers of what it presents) come
       * from cue lines and lists, not from a name met in a sentence */
      if(o && orgs[r->org] && !use->prose)
        kg_report_node_list_add(&x->secorgs[sec], orgs[r->org],
                         bl->text + from + o->name.start,
                         o->name.end - o->name.start);
    }
    else if(notes)
      kg_evidence_fact(e, notes, KG_NS_SCHEMA, "author", pn,
                       rule_name(&rb, use->prefix, "notetaker"),
                   la, lz, 0);
    librdf_free_node(pn);
  }
  for(i = 0; i < p.norgs; i++)
    if(orgs[i])
      librdf_free_node(orgs[i]);
  free(orgs);
  if(notes)
    librdf_free_node(notes);
  if(group)
    librdf_free_node(group);
  kg_people_release(&p);
  kg_buf_release(&rb);
}

int
kg_roles_first_name(struct kg_report *x, size_t sec, const struct kg_block *bl,
                    size_t a, size_t z, size_t line_from, size_t to)
{
  struct kg_buf k = KG_BUF_INIT;
  librdf_node *session = sec < x->nsecs ? x->snodes[sec] : x->event;
  const struct kg_named_node *one = NULL;
  size_t i, sa = kg_report_src(bl, a), sz = kg_report_src_end(bl, z);
  int several = 0;

  kg_text_key(bl->text + a, z - a, &k);
  for(i = 0; i < x->people.n && !several && k.len; i++) {
    const char *pk = x->people.v[i].key;
    size_t pl = strlen(pk);

    /* "david delva", or "delva david" in a list written surname first */
    if((pl > k.len && pk[k.len] == ' ' && !strncmp(pk, k.s, k.len)) ||
       (pl > k.len && pk[pl - k.len - 1] == ' ' &&
        !strcmp(pk + pl - k.len, k.s))) {
      several = one != NULL;
      one = &x->people.v[i];
    }
  }
  kg_buf_release(&k);
  if(!one || several)
    return 0;
  kg_evidence_mention(&x->e, one->node, sa, sz);
  kg_evidence_fact(&x->e, session, KG_NS_SCHEMA, "performer", one->node,
                   "prose:facilitator-first-name", kg_report_src(bl, line_from),
                   kg_report_src_end(bl, to), 0);
  kg_report_node_list_add(&x->secpeople[sec], one->node,
                          x->e.text + sa, sz - sa);
  return 1;
}

/* Does paragraph @bl open with a person's name? */
static int
opens_with_name(const struct kg_report *x, const struct kg_block *bl)
{
  struct kg_ptoks t;
  size_t n = bl->len < 120 ? bl->len : 120;
  int yes;

  while(n < bl->len && bl->text[n] != ' ')
    n++;
  kg_people_tokenize(x->lex, bl->text, n, &t);
  yes = t.n && kg_people_name(x->v, &t, 0, 0) > 0;
  kg_people_toks_release(&t);
  return yes;
}

size_t
kg_roles_bare_end(const struct kg_report *x, size_t b, size_t to)
{
  const struct kg_doc *d = &x->doc;
  size_t j = b + 1;

  if(to > d->nblocks)
    to = d->nblocks;
  if(j < to && d->blocks[j].kind == KG_BLK_ITEM) {
    while(j < to && d->blocks[j].kind == KG_BLK_ITEM)
      j++;
    return j;
  }
  while(x->lex && j < to && d->blocks[j].kind == KG_BLK_PARA &&
        opens_with_name(x, &d->blocks[j]))
    j++;
  return j;
}
