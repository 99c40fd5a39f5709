/* initiatives.c - initiatives and what the notes say of them: the session
 * that presents them, their carrier, themes, territories, audiences,
 * itinérance and figures; plus the themes of every session.
 *
 * An initiative is found where the notes introduce one: a session title
 * ("découverte d'Albert", "LaCollecte.tech par Emmaüs Connect"), the head of
 * a list item or a bold run-in head ("La Rur@linette : accueil numérique
 * itinérant…"), or a known name from the registry at the start of an item.
 * Names the registry does not know are emitted with mn:candidate true.  Its
 * passage (the item and its sub-items, or the session's text) is then read
 * for themes, places, audiences and figures.  Every relation carries the
 * rule that produced it and the passage that supports it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "base/hash.h"
#include "extract/doc.h"
#include "extract/initiative.h"
#include "extract/initiatives.h"
#include "extract/report.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

#define PROSE_PEOPLE_MAX 2   /* known people the text of one talk may name */

/* ------------------------------------------------------------ initiatives */

static struct init *
find_init(struct istate *st, const char *key)
{
  size_t i;

  for(i = 0; i < st->n; i++)
    if(!strcmp(st->v[i].key, key))
      return &st->v[i];
  return NULL;
}

static void
add_passage(struct init *in, size_t b0, size_t b1)
{
  size_t i;

  for(i = 0; i < in->npass; i++)
    if(in->pass[i].b0 == b0 && in->pass[i].b1 == b1)
      return;
  KG_GROW(in->pass, in->cappass, in->npass + 1);
  in->pass[in->npass].b0 = b0;
  in->pass[in->npass].b1 = b1;
  in->npass++;
}

/* An initiative named text[a, z) (source bytes). */
/* The registry's other classes of @ent on @node ("mn:NationalProgramme"). */
static void
registry_types(struct kg_report *x, librdf_node *node,
               const struct kg_entity *ent)
{
  size_t k;

  for(k = 0; ent && k < ent->ntypes; k++)
    kg_evidence_po(&x->e, node, KG_NS_RDF, "type",
                   kg_evidence_iri(&x->e, ent->types[k], NULL));
}

/* Is @ent used beyond any one territory (mn:NationalProgramme or
 * mn:DigitalService in the registry), so that a passage does not place it? */
static int
is_national(const struct kg_entity *ent)
{
  size_t k;

  for(k = 0; ent && k < ent->ntypes; k++)
    if(!strcmp(ent->types[k], KG_NS_MN "NationalProgramme") ||
       !strcmp(ent->types[k], KG_NS_MN "DigitalService"))
      return 1;
  return 0;
}

/* Is @ent a digital service (mn:DigitalService in the registry)? */
static int
is_digital_service(const struct kg_entity *ent)
{
  size_t k;

  for(k = 0; ent && k < ent->ntypes; k++)
    if(!strcmp(ent->types[k], KG_NS_MN "DigitalService"))
      return 1;
  return 0;
}

static struct init *
initiative(struct istate *st, long sec, size_t a, size_t z,
           const struct kg_entity *ent, const char *rule, size_t b0, size_t b1,
           long head_block)
{
  struct kg_report *x = st->x;
  struct kg_emit *e = &x->e;
  struct kg_buf key = KG_BUF_INIT, slug = KG_BUF_INIT;
  struct init *in;
  const char *name = e->text + a;
  size_t len = z - a;

  if(!ent && x->reg) {
    kg_text_key(name, len, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_INITIATIVE);
  }
  kg_buf_reset(&key);
  if(ent)
    kg_buf_addf(&key, "reg:%s", ent->rel);
  else
    kg_text_key(name, len, &key);
  if(!key.len || !strcmp(key.s, "reg:")) {
    kg_buf_release(&key);
    return NULL;
  }
  in = find_init(st, key.s);
  if(in) {
    size_t k;

    for(k = 0; k < in->nsecs; k++)
      if(in->secs[k] == sec)
        break;
    if(k == in->nsecs && in->nsecs < 16)
      in->secs[in->nsecs++] = sec;
  }
  if(!in) {
    KG_GROW(st->v, st->cap, st->n + 1);
    in = &st->v[st->n++];
    memset(in, 0, sizeof(*in));
    in->key = kg_xstrdup(key.s);
    in->sec = sec;
    in->secs[0] = sec;
    in->nsecs = 1;
    in->title_sec = -1;
    kg_text_key(name, len, &slug);
    in->namekey = kg_xstrdup(slug.s);
    kg_buf_reset(&slug);
    in->name_a = a;
    in->name_z = z;
    in->rule = rule;
    in->head_block = head_block;
    if(ent) {
      in->node = kg_evidence_id(e, "%s", ent->rel);
    } else {
      kg_text_slug(name, len, 80, &slug);
      in->node = kg_evidence_id(e, "initiative/%s", slug.len ? slug.s : "x");
    }
    if(kg_report_first(x, in->node)) {
      kg_evidence_po(e, in->node, KG_NS_RDF, "type",
                 kg_evidence_iri(e, KG_NS_MN, "Initiative"));
      kg_evidence_po(e, in->node, KG_NS_SCHEMA, "name",
                 ent ? kg_evidence_lit(e, ent->name, NULL)
                     : kg_evidence_litn(e, name, len, NULL));
      if(!ent)
        kg_report_candidate(x, in->node, st->cand_conf ? st->cand_conf : 80);
      else
        kg_report_alternate_names(x, in->node, ent);
      registry_types(x, in->node, ent);
    }
    in->national = is_national(ent);
  }
  if(!strncmp(rule, "title:", 6) && in->title_sec < 0)
    in->title_sec = sec;
  kg_evidence_mention(e, in->node, a, z);
  if(b1 > b0)
    add_passage(in, b0, b1);
  kg_buf_release(&key);
  kg_buf_release(&slug);
  return in;
}

struct init *
kg_initiatives_add(struct istate *st, long sec, size_t a, size_t z,
                   const struct kg_entity *ent, const char *rule, size_t b0,
                   size_t b1)
{
  return initiative(st, sec, a, z, ent, rule, b0, b1, -1);
}

struct init *
kg_initiatives_lookup(struct istate *st, size_t a, size_t z,
                      const struct kg_entity *ent)
{
  struct kg_report *x = st->x;
  struct kg_buf key = KG_BUF_INIT;
  struct init *in;

  if(!ent && x->reg) {
    kg_text_key(x->e.text + a, z - a, &key);
    ent = kg_registry_lookup(x->reg, key.s, KG_ENT_INITIATIVE);
  }
  if(ent) {
    kg_buf_reset(&key);
    kg_buf_addf(&key, "reg:%s", ent->rel);
  } else {
    kg_text_key(x->e.text + a, z - a, &key);
  }
  in = key.len ? find_init(st, key.s) : NULL;
  kg_buf_release(&key);
  return in;
}

/* Has t[0, len) a capital letter? */
static int
has_upper(const char *t, size_t len)
{
  size_t i = 0;

  while(i < len) {
    int cp, k = kg_text_utf8_decode(t + i, len - i, &cp);

    if(utf8proc_isupper(cp))
      return 1;
    i += (size_t)(k > 0 ? k : 1);
  }
  return 0;
}

/* Is t[a, z), words in lower case after a determiner (cue
 * initiative-determiner), a notion that @ent spells only with capitals
 * ("développer la solidarité numérique", "dans la société numérique")?
 * One word in lower case is still the name ("un padlet", "initiation à
 * facebook"), and so are words after a noun ("la tournée place du
 * numérique"). */
static int
lower_notion(struct kg_report *x, const struct kg_entity *ent, const char *t,
             size_t a, size_t z)
{
  struct kg_buf key = KG_BUF_INIT, k2 = KG_BUF_INIT;
  size_t i, w = a;
  int notion;

  while(w > 0 && t[w - 1] == ' ')
    w--;
  i = w;
  while(w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n')
    w--;
  notion = !has_upper(t + a, z - a) && memchr(t + a, ' ', z - a) && i > w &&
           kg_vocab_phrase_is(x->v->cues[KG_CUE_INITIATIVE_DET],
                              x->v->ncues[KG_CUE_INITIATIVE_DET], t + w,
                              i - w);

  kg_text_key(t + a, z - a, &key);
  for(i = 0; notion && i <= ent->naliases; i++) {
    const char *sp = i < ent->naliases ? ent->aliases[i] : ent->name;

    kg_buf_reset(&k2);
    kg_text_key(sp, strlen(sp), &k2);
    if(!strcmp(k2.s, key.s) &&
       (!has_upper(sp, strlen(sp)) || !kg_passage_first_upper(sp, strlen(sp))))
      notion = 0;   /* "conseillers numériques", "tournée Place du
                       numérique": the registry writes it so */
  }
  kg_buf_release(&key);
  kg_buf_release(&k2);
  return notion;
}

/* Is t[a, z) a label of a web address's host ("fr.wikipedia.org/wiki/…":
 * the site the text cites, not what it names)?  A path may name the
 * initiative ("crijinfo.fr/place-du-numerique-tournee-regionale/"). */
static int
in_address(const char *t, size_t len, size_t a, size_t z)
{
  if(a > 0 && (t[a - 1] == '.' || t[a - 1] == '@'))
    return 1;
  return z + 1 < len && t[z] == '.' &&
         (t[z + 1] | 0x20) >= 'a' && (t[z + 1] | 0x20) <= 'z';
}

/* Does the sentence around t[a, z) give the report's own channels
 * ("Retrouvez les entretiens … sur les réseaux sociaux : Twitter et
 * LinkedIn"; cue initiative-channel)? */
static int
channel_sentence(struct kg_report *x, const char *t, size_t len, size_t a,
                 size_t z)
{
  size_t s = a, e = z;

  while(s > 0 && !strchr(".!?\n", t[s - 1]))
    s--;
  while(e < len && !strchr(".!?\n", t[e]))
    e++;
  return kg_passage_has_cue_word(x->v, KG_CUE_INITIATIVE_CHANNEL, t + s,
                                 e - s);
}

int
kg_initiatives_hit_stands(struct istate *st, const char *t, size_t len,
                          const struct kg_dict_hit *h,
                          const struct kg_entity *ent)
{
  if(in_address(t, len, h->start, h->end) ||
     lower_notion(st->x, ent, t, h->start, h->end))
    return 0;
  return !(is_digital_service(ent) &&
           channel_sentence(st->x, t, len, h->start, h->end));
}

/* Where the body's name starts in t[0..len) (what follows "par"): its
 * capital, after an article ("l'ANCT", "le SIVU", "Emmaüs Connect"); len
 * when no capital opens it ("par le numérique"). */
static size_t
carrier_start(struct kg_report *x, const char *t, size_t len)
{
  size_t a = 0, p, k;

  while(a < len && t[a] == ' ')
    a++;
  for(p = 0; p < x->v->ncues[KG_CUE_ARTICLE]; p++)
    if((k = kg_text_key_prefix(t + a, len - a, x->v->cues[KG_CUE_ARTICLE][p].key))
       && (a + k >= len || t[a + k] == ' ' || t[a + k - 1] == '\'' ||
           (unsigned char)t[a + k - 1] == 0x99)) {
      a += k;
      break;
    }
  while(a < len && t[a] == ' ')
    a++;
  return a < len && kg_passage_first_upper(t + a, len - a) ? a : len;
}

/* In a title "X par Y", is Y a person ("Introduction par Monsieur Michel
 * VAUZELLE", "… par Anne Martin") or X no name ("Introduction")?  t[0..xz)
 * is X, t[ya..yz) is Y. */
static int
carrier_is_person(struct kg_report *x, const char *t, size_t xz,
                  size_t ya, size_t yz)
{
  const char *c;
  size_t p, e;

  while(ya < yz && t[ya] == ' ')
    ya++;
  if(kg_vocab_phrase_is(x->v->cues[KG_CUE_GENERIC_HEADING],
                        x->v->ncues[KG_CUE_GENERIC_HEADING], t, xz))
    return 1;
  for(p = 0; p < x->v->ncues[KG_CUE_CIVILITY]; p++)
    if(kg_text_key_prefix(t + ya, yz - ya, x->v->cues[KG_CUE_CIVILITY][p].key))
      return 1;
  c = memchr(t + ya, ',', yz - ya);
  e = c ? (size_t)(c - t) : yz;
  return e > ya && kg_report_is_person(x, t + ya, e - ya);
}

/* Does " - " or " – " (a separator: "présentation de X - 5 min") start at
 * t[i]? */
static int
dash_at(const char *t, size_t len, size_t i)
{
  if(t[i] != ' ')
    return 0;
  if(i + 2 < len && t[i + 1] == '-' && t[i + 2] == ' ')
    return 1;
  return i + 4 < len && !memcmp(t + i + 1, "\xE2\x80\x93 ", 4);
}

/* Is the last word of t[0, end) a phrase of @role? */
static int
last_word_is(struct kg_report *x, enum kg_cue_role role, const char *t,
             size_t end)
{
  size_t a;

  while(end > 0 && t[end - 1] == ' ')
    end--;
  for(a = end; a > 0 && t[a - 1] != ' '; a--)
    ;
  return end > a && kg_vocab_phrase_is(x->v->cues[role], x->v->ncues[role],
                                       t + a, end - a);
}

/* "Comment repérer … : présentation de Cyber Repère", "LaCollecte.tech par
 * Emmaüs Connect : …", or a registry initiative in the title. */
static void
title_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  const struct kg_block *bl = &x->doc.blocks[s->block];
  const char *t = bl->text + s->title_off;
  size_t len = s->title_end - s->title_off, i, p;
  struct kg_dict_hits hits = { NULL, 0, 0 };
  size_t b0 = s->block + 1, b1 = s->body_end;
  int found = 0;

  if(s->children)
    return;
  /* presentation cue followed by a capitalised name */
  for(i = 0; i < len && !found; i++) {
    if(i && t[i - 1] != ' ')
      continue;
    for(p = 0; p < x->v->ncues[KG_CUE_PRESENTATION]; p++) {
      size_t n = kg_text_key_prefix(t + i, len - i,
                                    x->v->cues[KG_CUE_PRESENTATION][p].key);
      size_t a, z;

      if(!n)
        continue;
      a = i + n;
      if(a < len && (t[a] == '\'' || (unsigned char)t[a] == 0xE2))
        a += t[a] == '\'' ? 1 : 3;   /* "d'Albert", "d’Albert" */
      while(a < len && t[a] == ' ')
        a++;
      if(!kg_passage_first_upper(t + a, len - a))
        continue;
      z = a;
      while(z < len && t[z] != ',' && t[z] != ':' && t[z] != '(' &&
            t[z] != '.' && !dash_at(t, len, z))
        z++;
      while(z > a && t[z - 1] == ' ')
        z--;
      if(z > a && kg_report_is_person(x, t + a, z - a))
        break;   /* "présentation de Manon Pierrel - 5 min": a person */
      if(z > a) {
        initiative(st, (long)sec, kg_report_src(bl, s->title_off + a),
                   kg_report_src_end(bl, s->title_off + z), NULL,
                   "title:presentation", b0, b1, -1);
        found = 1;
      }
      break;
    }
  }
  /* "X par ORG : …" */
  if(!found) {
    const char *colon = memchr(t, ':', len);
    size_t head = colon ? (size_t)(colon - t) : len;

    for(i = 1; i < head && !found; i++) {
      if(t[i - 1] != ' ')
        continue;
      for(p = 0; p < x->v->ncues[KG_CUE_CARRIER]; p++) {
        size_t n = kg_text_key_prefix(t + i, head - i,
                                      x->v->cues[KG_CUE_CARRIER][p].key);
        size_t oz = head, oa;
        struct init *in;

        if(!n || !kg_passage_first_upper(t, i) || i - 1 > 60 ||
           (oa = i + n + carrier_start(x, t + i + n, head - i - n)) >= head)
          continue;   /* "… mise en capacité par le numérique": no body */
        if(carrier_is_person(x, t, i - 1, i + n, head) ||
           last_word_is(x, KG_CUE_ORG_PARTICIPLE, t, i - 1))
          break;   /* "Introduction par Monsieur X": a talk and its
                      speaker; "Bilan des formations organisées par le
                      SIVU": an activity and who organised it */
        for(oz = i + n; oz < head && !strchr("(.,;", t[oz]); oz++)
          ;   /* "par le SIVU (Bernard) Pour le moment, …": the name only */
        while(oz > i + n && t[oz - 1] == ' ')
          oz--;
        in = initiative(st, (long)sec, kg_report_src(bl, s->title_off),
                        kg_report_src_end(bl, s->title_off + i - 1), NULL,
                        "title:carrier", b0, b1, -1);
        if(in && !in->porteur && oz > oa) {
          in->porteur = kg_report_org(x, kg_report_src(bl, s->title_off + oa),
                                 kg_report_src_end(bl, s->title_off + oz), 0, 0);
          in->por_rule = "title:carrier";
          in->por_a = kg_report_src(bl, s->title_off);
          in->por_z = kg_report_src_end(bl, s->title_off + oz);
        }
        found = 1;
        break;
      }
    }
  }
  /* known initiatives named in the title */
  kg_dict_scan(st->dict, t, len, &hits);
  kg_report_registry_hits_check(st->x, t, &hits);
  for(i = 0; i < hits.n; i++) {
    const struct kg_dict_entry *de = kg_passage_hit_kind(&hits.v[i], KG_DICT_INITIATIVE);

    if(de && kg_initiatives_hit_stands(st, t, len, &hits.v[i],
                                       &x->reg->ents[de->index]))
      initiative(st, (long)sec, kg_report_src(bl, s->title_off + hits.v[i].start),
                 kg_report_src_end(bl, s->title_off + hits.v[i].end),
                 &x->reg->ents[de->index], "title:registry", b0, b1, -1);
  }
  kg_dict_hits_release(&hits);
}

/* Head of a block: "Name : description" or a bold run-in head.  Returns 1
 * and the plain span of the name. */
/* Bytes of the first @n words of t[0..len). */
static size_t
first_words(const char *t, size_t len, int n)
{
  size_t i = 0;
  int w = 0, in = 0;

  for(; i < len; i++) {
    if(t[i] == ' ' || t[i] == '\n' || t[i] == ',') {
      if(in && ++w == n)
        return i;
      in = 0;
    } else {
      in = 1;
    }
  }
  return len;
}

/* A name, not a phrase: starts with a capital letter, and every word of four
 * letters or more is capitalised (or carries a distinctive mark). */
static int
title_like(const char *t, size_t len)
{
  size_t i = 0;
  int cp;

  kg_text_utf8_decode(t, len, &cp);
  if(!utf8proc_isupper(cp) && cp != '#')
    return 0;
  while(i < len) {
    size_t a, z;

    while(i < len && t[i] == ' ')
      i++;
    a = i;
    while(i < len && t[i] != ' ')
      i++;
    z = i;
    if(kg_text_cp_count(t + a, z - a) >= 4) {
      const char *w = t + a;
      size_t wl = z - a;

      /* skip an elided article: "d'Albert", "l'Indre" */
      if(wl > 2 && (w[1] == '\'' || (wl > 4 && (unsigned char)w[1] == 0xE2)))
        w += w[1] == '\'' ? 2 : 4, wl -= w == t + a + 2 ? 2 : 4;
      kg_text_utf8_decode(w, wl, &cp);
      if(!utf8proc_isupper(cp) && !kg_passage_distinctive(w, wl) &&
         !(cp >= '0' && cp <= '9'))
        return 0;
    }
  }
  return 1;
}

/* "Présentation de "Bird of Prey", …": a quoted name after a presentation
 * cue, anywhere in the session's text.  Quotes are rare: find them first,
 * then look for a cue just before. */
static void
quoted_presentations(struct istate *st, size_t sec, size_t b)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  const char *t = bl->text;
  size_t len = bl->len, q = 0;

  while(q < len) {
    int open, close, k = kg_text_utf8_decode(t + q, len - q, &open);
    size_t a, z, e, start, p, w;

    close = open == 0xAB ? 0xBB : open == 0x201C ? 0x201D :
            open == '"' ? '"' : 0;
    if(!close) {
      q += (size_t)k;
      continue;
    }
    /* the name: up to the closing quote, on the same line */
    a = q + (size_t)k;
    while(a < len && t[a] == ' ')
      a++;
    for(z = a; z < len; ) {
      int cp, n = kg_text_utf8_decode(t + z, len - z, &cp);

      if(cp == close || cp == '\n')
        break;
      z += (size_t)n;
    }
    if(z >= len || t[z] == '\n') {
      q += (size_t)k;
      continue;
    }
    /* a presentation cue of up to three words right before the quote */
    e = q;
    while(e > 0 && t[e - 1] == ' ')
      e--;
    start = e;
    for(w = 0; w < 3 && start > 0; w++) {
      size_t found = 0;

      while(start > 0 && t[start - 1] == ' ')
        start--;
      while(start > 0 && t[start - 1] != ' ' && t[start - 1] != '\n')
        start--;
      for(p = 0; p < x->v->ncues[KG_CUE_PRESENTATION] && !found; p++)
        if(kg_text_key_prefix(t + start, e - start,
                              x->v->cues[KG_CUE_PRESENTATION][p].key) ==
           e - start)
          found = 1;
      if(found) {
        size_t ze = z;

        while(ze > a && t[ze - 1] == ' ')
          ze--;
        if(ze > a && kg_passage_word_count(t + a, ze - a) <= 6 &&
           kg_passage_first_upper(t + a, ze - a))
          initiative(st, (long)sec, kg_report_src(bl, a), kg_report_src_end(bl, ze),
                     NULL, "text:presentation", b, b + 1, -1);
        break;
      }
    }
    q = z + 1;
  }
}

/* "**Le Bus numérique Penn-ar-Bed**, porté par l'association Liamm
 * Niverel, est…": a head followed by a carrier phrase is an initiative, and
 * the capitalised name after the phrase its carrier.  1 when it was one. */
static int
carried_head(struct istate *st, size_t sec, size_t b, size_t ha, size_t hz,
             size_t desc)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  const char *t = bl->text;
  size_t len = bl->len, d = desc, p, n = 0, oa, oz;
  struct init *in;

  while(d > hz && (t[d - 1] == ' ' || t[d - 1] == ','))
    d--;
  while(d < len && (t[d] == ' ' || t[d] == ','))
    d++;
  for(p = 0; p < x->v->ncues[KG_CUE_CARRIER] && !n; p++)
    n = kg_text_key_prefix(t + d, len - d, x->v->cues[KG_CUE_CARRIER][p].key);
  if(!n || !kg_passage_first_upper(t + ha, hz - ha))
    return 0;
  /* the carrier: the first capitalised word after the cue, to the clause end */
  oa = d + n;
  while(oa < len && t[oa] != ',' && t[oa] != '.' && !kg_passage_first_upper(t + oa, len - oa))
    oa++;
  oz = oa;
  while(oz < len && t[oz] != ',' && t[oz] != '.' && t[oz] != ';' &&
        t[oz] != '(' && t[oz] != '\n')
    oz++;
  while(oz > oa && t[oz - 1] == ' ')
    oz--;
  in = initiative(st, (long)sec, kg_report_src(bl, ha), kg_report_src_end(bl, hz), NULL,
                  "text:carrier", b, b + 1, -1);
  if(in && !in->porteur && oz > oa) {
    in->porteur = kg_report_org(x, kg_report_src(bl, oa), kg_report_src_end(bl, oz), 0, 0);
    in->por_rule = "text:carrier";
    in->por_a = kg_report_src(bl, ha);
    in->por_z = kg_report_src_end(bl, oz);
  }
  return 1;
}

static void
body_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  const struct kg_doc *d = &x->doc;
  size_t b;

  for(b = s->block + 1; b < s->body_end && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    size_t ha, hz, desc, end;
    const struct kg_dict_hits *hits;
    const struct kg_dict_entry *ie = NULL, *oe = NULL;
    size_t a0 = (size_t)kg_passage_skip_marks(bl->text, bl->len, 0);

    if(bl->kind != KG_BLK_ITEM && bl->kind != KG_BLK_PARA)
      continue;
    quoted_presentations(st, sec, b);
    end = bl->kind == KG_BLK_ITEM ? kg_passage_subtree_end(d, b, s->body_end) : b + 1;
    /* a known initiative opening the item: "⇒ Fabtruck (fablab itinérant)" */
    hits = kg_passage_block_hits(st, b);
    if(hits->n && hits->v[0].start >= a0 && hits->v[0].start <= a0 + 4) {
      ie = kg_passage_hit_kind(&hits->v[0], KG_DICT_INITIATIVE);
      oe = kg_passage_hit_kind(&hits->v[0], KG_DICT_ORG);
    }
    if(ie && !oe &&
       kg_initiatives_hit_stands(st, bl->text, bl->len, &hits->v[0],
                                 &x->reg->ents[ie->index])) {
      initiative(st, (long)sec, kg_report_src(bl, hits->v[0].start),
                 kg_report_src_end(bl, hits->v[0].end),
                 &x->reg->ents[ie->index], "list-head:registry", b, end,
                 (long)b);
      continue;
    }
    if(!kg_passage_block_head(bl, &ha, &hz, &desc))
      continue;
    {
      const char *h = bl->text + ha;
      size_t hl = hz - ha;
      struct kg_buf key = KG_BUF_INIT;
      int is_org = 0, is_place = 0, words = (int)kg_passage_word_count(h, hl);
      size_t k;

      if(words < 1 || words > 6)
        continue;
      if(bl->nspans && carried_head(st, sec, b, ha, hz, desc))
        continue;  /* a bold head with its carrier: a name, whatever case */
      if(!title_like(h, hl))
        continue;
      kg_text_key(h, hl, &key);
      if(x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG))
        is_org = 1;
      for(k = 0; k < x->people.n && !is_org; k++)
        if(!strcmp(x->people.v[k].key, key.s) ||
           (strchr(x->people.v[k].key, ' ') &&
            kg_text_key_contains(key.s, x->people.v[k].key)))
          is_org = 1;  /* "Hélène Fabre : le collectif publiera…", "CRIJ -
                          Claude Rigouste : …" */
      for(k = 0; k < x->secorgs[sec].n && !is_org; k++)
        if(!strcmp(x->secorgs[sec].v[k].key, key.s))
          is_org = 1;
      if(x->gaz) {
        const struct kg_terr *tt[1];

        is_place = kg_gaz_lookup(x->gaz, key.s, tt, 1) > 0;
      }
      kg_buf_release(&key);
      if(is_org || is_place)
        continue;
      if(carried_head(st, sec, b, ha, hz, desc))
        continue;
      if(kg_passage_distinctive(h, hl) ||
         (words > 1 &&
          kg_passage_has_cue_word(x->v, KG_CUE_INITIATIVE_NOUN, bl->text + desc,
                       first_words(bl->text + desc, bl->len - desc, 4))))
        initiative(st, (long)sec, kg_report_src(bl, ha), kg_report_src_end(bl, hz), NULL,
                   kg_passage_distinctive(h, hl) ? "list-head:typography"
                                      : "list-head:description",
                   b, end, bl->kind == KG_BLK_ITEM ? (long)b : -1);
    }
  }
}

/* ------------------------------------------------------------ prose people */

/* The people of the report that the text of session @s names, in the
 * order of its blocks: (block, person) pairs in *out (free()).  Returns the
 * number of pairs; *distinct gets the number of different people. */
static size_t
known_people_in(const struct kg_report *x, const struct kg_section *s,
                size_t (**out)[2], size_t *distinct)
{
  struct kg_buf key = KG_BUF_INIT;
  unsigned char *seen = kg_xcalloc(x->people.n + 1, 1);
  size_t b, k, n = 0, cap = 0;

  *out = NULL;
  *distinct = 0;
  for(b = s->block + 1; b < s->body_end && b < x->doc.nblocks; b++) {
    if(x->doc.blocks[b].kind == KG_BLK_CELL)
      continue;  /* a programme table names other sessions' people */
    kg_text_key_keep_article(x->doc.blocks[b].text, x->doc.blocks[b].len,
                             &key);
    for(k = 0; k < x->people.n; k++)
      if(strchr(x->people.v[k].key, ' ') &&
         kg_text_key_contains(key.s, x->people.v[k].key)) {
        KG_GROW(*out, cap, n + 1);
        (*out)[n][0] = b;
        (*out)[n++][1] = k;
        if(!seen[k]++)
          (*distinct)++;
      }
  }
  free(seen);
  kg_buf_release(&key);
  return n;
}

/* The key of a term in the maps of build_affiliations(): an IRI or a
 * blank node label; NULL for a literal. */
static const char *
term_key(const raptor_term *t, size_t *len)
{
  const char *k = NULL;

  if(t->type == RAPTOR_TERM_TYPE_URI)
    k = (const char *)raptor_uri_as_string(t->value.uri);
  else if(t->type == RAPTOR_TERM_TYPE_BLANK)
    k = (const char *)t->value.blank.string;
  *len = k ? strlen(k) : 0;
  return k;
}

/* Maps the terms of @l to their index (the first one's). */
static void
index_nodes(const struct kg_node_list *l, struct kg_hash *h)
{
  size_t i;

  kg_hash_init(h);
  for(i = 0; i < l->n; i++) {
    size_t len, v = i;
    const char *k = term_key(l->v[i].node, &len);

    if(k)
      kg_hash_put(h, k, len, &v);
  }
}

static void
add_affiliation(struct affiliations *a, size_t person, size_t org)
{
  if(a->n == a->cap) {
    a->cap = a->cap ? a->cap * 2 : 64;
    a->next = kg_xrealloc(a->next, a->cap * sizeof(*a->next));
    a->org = kg_xrealloc(a->org, a->cap * sizeof(*a->org));
  }
  a->next[a->n] = 0;
  a->org[a->n] = org;
  if(a->last[person])
    a->next[a->last[person] - 1] = a->n + 1;
  else
    a->first[person] = a->n + 1;
  a->last[person] = ++a->n;
}

/* One pass over the report's statements: every schema:affiliation of a
 * person of the report to one of its organisations. */
static void
build_affiliations(struct istate *st)
{
  struct kg_report *x = st->x;
  struct affiliations *a = &st->aff;
  struct kg_hash people, orgs;
  size_t j;

  a->built = 1;
  a->first = kg_xcalloc(x->people.n + 1, sizeof(*a->first));
  a->last = kg_xcalloc(x->people.n + 1, sizeof(*a->last));
  index_nodes(&x->people, &people);
  index_nodes(&x->orgs, &orgs);
  for(j = 0; j < x->e.out->n; j++) {
    raptor_statement *t = x->e.out->v[j];
    const char *ks, *ko;
    size_t ls, lo, k, o;

    if(t->predicate->type != RAPTOR_TERM_TYPE_URI ||
       strcmp((const char *)raptor_uri_as_string(t->predicate->value.uri),
              KG_NS_SCHEMA "affiliation"))
      continue;
    ks = term_key(t->subject, &ls);
    ko = term_key(t->object, &lo);
    if(ks && ko && kg_hash_get(&people, ks, ls, &k) &&
       kg_hash_get(&orgs, ko, lo, &o))
      add_affiliation(a, k, o);
  }
  kg_hash_release(&people);
  kg_hash_release(&orgs);
}

static void
affiliations_release(struct affiliations *a)
{
  free(a->first);
  free(a->last);
  free(a->next);
  free(a->org);
  memset(a, 0, sizeof(*a));
}

/* Does the report already credit @person with notes (schema:author)?
 * The notes' author is named in the text of the session he drew or wrote,
 * which makes him no speaker of it. */
static int
notes_author(const struct kg_report *x, librdf_node *person)
{
  librdf_uri *u = librdf_node_is_resource(person) ?
                  librdf_node_get_uri(person) : NULL;
  const char *pk = u ? (const char *)librdf_uri_as_string(u) : NULL;
  size_t j;

  for(j = 0; pk && j < x->e.out->n; j++) {
    raptor_statement *t = x->e.out->v[j];

    if(t->predicate->type == RAPTOR_TERM_TYPE_URI &&
       t->object->type == RAPTOR_TERM_TYPE_URI &&
       !strcmp((const char *)raptor_uri_as_string(t->predicate->value.uri),
               KG_NS_SCHEMA "author") &&
       !strcmp((const char *)raptor_uri_as_string(t->object->value.uri), pk))
      return 1;
  }
  return 0;
}

/* A session without a facilitator line whose text names a known person
 * ("Ulrich Tan a procédé à une démonstration d'Albert"). */
static void
prose_people(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  size_t (*m)[2] = NULL, n, distinct, i, j;

  if(x->secpeople[sec].n || s->children)
    return;
  n = known_people_in(x, s, &m, &distinct);
  if(distinct > PROSE_PEOPLE_MAX)
    n = 0;   /* a list of those there ("Tour de table") tells no talk */
  if(n && !st->aff.built)
    build_affiliations(st);
  for(i = 0; i < n; i++) {
    const struct kg_block *bl = &x->doc.blocks[m[i][0]];
    size_t k = m[i][1];
    const char *pk = x->people.v[k].key;

    if(notes_author(x, x->people.v[k].node))
      continue;
    kg_evidence_fact(&x->e, x->snodes[sec], KG_NS_SCHEMA, "performer",
                 x->people.v[k].node, "prose:known-person",
                 kg_report_src(bl, 0), kg_report_src_end(bl, bl->len), 1);
    kg_report_node_list_add(&x->secpeople[sec], x->people.v[k].node, pk,
                     strlen(pk));
    /* and the person's organisation, as stated elsewhere in the report */
    for(j = st->aff.first[k]; j; j = st->aff.next[j - 1]) {
      const struct kg_named_node *o = &x->orgs.v[st->aff.org[j - 1]];

      kg_report_node_list_add(&x->secorgs[sec], o->node, o->key,
                              strlen(o->key));
    }
  }
  free(m);
}

/* 1 if hit @h of the title block @bl of section @s is outside the rest of
 * the sentence that names the session: in its title (title_initiatives
 * reads it), before it, or in a later sentence of the paragraph. */
static int
off_title_sentence(const struct kg_section *s, const struct kg_block *bl,
                   const struct kg_dict_hit *h)
{
  size_t i;

  if(h->start < s->title_end)
    return 1;
  for(i = s->title_end; i < h->start && i < bl->len; i++)
    if(strchr(".!?", bl->text[i]) && (i + 1 == bl->len || bl->text[i + 1] == ' '))
      return 1;
  return 0;
}

/* Known initiatives that a session only names in passing ("participation à
 * Place du numérique 28"), also in the rest of the sentence that names a
 * session found in prose: the initiative exists, its passage is the
 * paragraph, and its link to the session is marked inferred. */
static void
prose_initiatives(struct istate *st, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_section *s = &x->secs[sec];
  size_t b, i;

  if(s->children)
    return;
  for(b = s->block; b < s->body_end && b < x->doc.nblocks; b++) {
    const struct kg_block *bl = &x->doc.blocks[b];
    const struct kg_dict_hits *hits;

    if(bl->kind == KG_BLK_CODE || (b == s->block && bl->kind == KG_BLK_HEADING))
      continue;
    hits = kg_passage_block_hits(st, b);
    for(i = 0; i < hits->n; i++) {
      const struct kg_dict_entry *de = kg_passage_hit_kind(&hits->v[i],
                                                KG_DICT_INITIATIVE);
      struct kg_buf key = KG_BUF_INIT;
      struct init *known;

      if(!de || (b == s->block && off_title_sentence(s, bl, &hits->v[i])) ||
         kg_passage_hit_kind(&hits->v[i], KG_DICT_ORG) ||
         kg_prose_surname(st, b, hits->v[i].start, hits->v[i].end) ||
         !kg_initiatives_hit_stands(st, bl->text, bl->len, &hits->v[i],
                                    &x->reg->ents[de->index]))
        continue;
      kg_buf_addf(&key, "reg:%s", x->reg->ents[de->index].rel);
      known = find_init(st, key.s);
      kg_buf_release(&key);
      if(known && strcmp(known->rule, "prose:registry")) {
        /* presented elsewhere: this mention is evidence only */
        kg_evidence_mention(&x->e, known->node, kg_report_src(bl, hits->v[i].start),
                        kg_report_src_end(bl, hits->v[i].end));
        continue;
      }
      initiative(st, (long)sec, kg_report_src(bl, hits->v[i].start),
                 kg_report_src_end(bl, hits->v[i].end), &x->reg->ents[de->index],
                 "prose:registry", b, b + 1, -1);
    }
  }
}

void
kg_initiatives_find(struct kg_report *x)
{
  struct istate st;
  size_t i;

  memset(&st, 0, sizeof st);
  st.x = x;
  st.dict = kg_passage_build_dict(x);
  st.bhits = kg_xcalloc(x->doc.nblocks + 1, sizeof(struct kg_dict_hits));
  st.bdone = kg_xcalloc(x->doc.nblocks + 1, 1);
  for(i = 0; i < x->nsecs; i++) {
    prose_people(&st, i);
    kg_passage_session_themes(&st, i);
    title_initiatives(&st, i);
    body_initiatives(&st, i);
  }
  for(i = 0; i < x->nsecs; i++)
    prose_initiatives(&st, i);
  kg_prose_find(&st);
  for(i = 0; i < st.n; i++)
    kg_carrier_relations(&st, &st.v[i]);
  affiliations_release(&st.aff);
  for(i = 0; i < st.n; i++) {
    librdf_free_node(st.v[i].node);
    if(st.v[i].porteur)
      librdf_free_node(st.v[i].porteur);
    free(st.v[i].key);
    free(st.v[i].namekey);
    free(st.v[i].pass);
  }
  free(st.v);
  for(i = 0; i < x->doc.nblocks; i++)
    kg_dict_hits_release(&st.bhits[i]);
  free(st.bhits);
  free(st.bdone);
  kg_dict_free(st.dict);
}
