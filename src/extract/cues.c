/* cues.c - the cue lines of each session: who ran it, who took notes,
 * its slides and resources ("Animé par …", "Prise de notes par …",
 * "Support de présentation : URL", "Ressources complémentaires").
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "extract/doc.h"
#include "extract/report.h"
#include "extract/cues.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/sections.h"
#include "base/text.h"
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

static size_t
skip_punct(const char *t, size_t i, size_t end)
{
  while(i < end) {
    int cp, k = kg_text_utf8_decode(t + i, end - i, &cp);

    if(cp != ' ' && cp != ':' && cp != 0xA0 && cp != 0x202F && cp != '\t' &&
       cp != '-' && cp != 0x2013 && cp != 0x2014)
      break;
    i += (size_t)k;
  }
  return i;
}

static int
valid_href(const char *h)
{
  const char *p;

  if(strncmp(h, "http://", 7) && strncmp(h, "https://", 8))
    return 0;
  for(p = h; *p; p++)
    if((unsigned char)*p <= ' ' || strchr("<>\"{}|\\^`", *p))
      return 0;
  return 1;
}

static void
link_fact(struct kg_report *x, librdf_node *session, const struct kg_block *bl,
          const struct kg_link *lk, enum kg_cue_role role)
{
  struct kg_emit *e = &x->e;
  librdf_node *u;
  size_t a = kg_report_src(bl, lk->start), z = kg_report_src_end(bl, lk->end);

  if(!valid_href(lk->href))
    return;
  u = kg_evidence_iri(e, lk->href, NULL);
  if(!u)
    return;
  kg_evidence_po(e, u, KG_NS_RDF, "type",
             kg_evidence_iri(e, KG_NS_SCHEMA, role == KG_CUE_SLIDES
                         ? "PresentationDigitalDocument" : "CreativeWork"));
  kg_evidence_fact(e, session, KG_NS_SCHEMA, "subjectOf", u,
               role == KG_CUE_SLIDES ? "cue:slides" : "cue:resources",
               a, z, 0);
  librdf_free_node(u);
}

/* Is t[0..len), after a label, a sentence rather than names?  A field
 * ("**Compte-rendu :** Rencontre organisée par …"): a capitalised word then
 * a lower-case one that joins no names ("de", "et" do). */
static int
prose_after(const struct kg_vocab *v, const char *t, size_t len)
{
  size_t i = 0, w2, e, p;
  int cp;
  struct kg_buf k = KG_BUF_INIT;
  int joins = 0;

  kg_text_utf8_decode(t, len, &cp);
  if(!utf8proc_isupper(cp))
    return 0;
  while(i < len && t[i] != ' ' && t[i] != ',' && t[i] != '(')
    i++;
  if(i + 1 >= len || t[i] != ' ')
    return 0;
  w2 = i + 1;
  kg_text_utf8_decode(t + w2, len - w2, &cp);
  if(!utf8proc_islower(cp))
    return 0;
  for(e = w2; e < len && t[e] != ' ' && t[e] != ','; e++)
    ;
  kg_text_key_keep_article(t + w2, e - w2, &k);
  for(p = 0; p < v->ncues[KG_CUE_NAME_SEP] && !joins; p++)
    joins = !strcmp(k.s, v->cues[KG_CUE_NAME_SEP][p].key);
  for(p = 0; p < v->ncues[KG_CUE_ORG_AFTER_NAME] && !joins; p++)
    joins = kg_text_key_prefix(t + w2, len - w2,
                               v->cues[KG_CUE_ORG_AFTER_NAME][p].key) != 0;
  kg_buf_release(&k);
  return !joins;
}

/* Persons (and organisations) of text[from, to) of block @bl in @role. */
static void
people_line(struct kg_report *x, size_t sec, enum kg_cue_role role,
            const struct kg_block *bl, size_t from, size_t to,
            size_t line_from)
{
  struct kg_emit *e = &x->e;
  struct kg_people p;
  librdf_node *session = x->snodes[sec];
  librdf_node *notes = NULL;
  size_t la = kg_report_src(bl, line_from), lz = kg_report_src_end(bl, to);
  size_t i;
  librdf_node **orgs;

  kg_people_parse(x->v, bl->text + from, to - from, &p);
  orgs = kg_xcalloc(p.norgs ? p.norgs : 1, sizeof(librdf_node *));
  for(i = 0; i < p.norgs; i++) {
    const struct kg_org_ref *o = &p.orgs[i];
    size_t aa = 0, az = 0;

    if(o->alias.end > o->alias.start) {
      aa = kg_report_src(bl, from + o->alias.start);
      az = kg_report_src_end(bl, from + o->alias.end);
    }
    orgs[i] = kg_report_org(x, kg_report_src(bl, from + o->name.start),
                       kg_report_src_end(bl, from + o->name.end), aa, az);
  }
  if(role == KG_CUE_NOTETAKER && p.npersons) {
    unsigned char *su = librdf_uri_as_string(librdf_node_get_uri(session));
    const char *last = strrchr((const char *)su, '/');

    notes = kg_evidence_id(e, "notes/%s/%s", e->slug, last ? last + 1 : "x");
    kg_evidence_po(e, notes, KG_NS_RDF, "type",
               kg_evidence_iri(e, KG_NS_SCHEMA, "CreativeWork"));
    kg_evidence_fact(e, session, KG_NS_SCHEMA, "recordedIn", notes,
                 "cue:notetaker", la, lz, 0);
  }
  for(i = 0; i < p.npersons; i++) {
    const struct kg_person_ref *r = &p.persons[i];
    size_t a = kg_report_src(bl, from + r->name.start);
    size_t z = kg_report_src_end(bl, from + r->name.end);
    librdf_node *pn = kg_report_person(x, e->text + a, z - a, a, z);

    if(r->title.end > r->title.start) {
      size_t ta = kg_report_src(bl, from + r->title.start);
      size_t tz = kg_report_src_end(bl, from + r->title.end);
      librdf_node *jt = kg_evidence_litn(e, e->text + ta, tz - ta, NULL);

      kg_evidence_fact(e, pn, KG_NS_SCHEMA, "jobTitle", jt, "cue:job-title",
                   la, lz, 0);
      librdf_free_node(jt);
    }
    if(r->org >= 0 && orgs[r->org])
      kg_evidence_fact(e, pn, KG_NS_SCHEMA, "affiliation", orgs[r->org],
                   "cue:affiliation", la, lz, 0);
    if(role == KG_CUE_FACILITATOR) {
      const struct kg_org_ref *o = r->org >= 0 ? &p.orgs[r->org] : NULL;

      kg_evidence_fact(e, session, KG_NS_SCHEMA, "performer", pn,
                   "cue:facilitator", la, lz, 0);
      kg_report_node_list_add(&x->secpeople[sec], pn, e->text + a, z - a);
      if(o && orgs[r->org])
        kg_report_node_list_add(&x->secorgs[sec], orgs[r->org],
                         bl->text + from + o->name.start,
                         o->name.end - o->name.start);
    }
    else if(notes)
      kg_evidence_fact(e, notes, KG_NS_SCHEMA, "author", pn, "cue:notetaker",
                   la, lz, 0);
    librdf_free_node(pn);
  }
  for(i = 0; i < p.norgs; i++)
    if(orgs[i])
      librdf_free_node(orgs[i]);
  free(orgs);
  if(notes)
    librdf_free_node(notes);
  kg_people_release(&p);
}

static void
section_cues(struct kg_report *x, size_t sec)
{
  const struct kg_section *s = &x->secs[sec];
  const struct kg_doc *d = &x->doc;
  size_t b;

  for(b = s->block + 1; b < s->body_end && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    size_t ls = 0;

    if(bl->kind == KG_BLK_CELL)
      continue;  /* programme tables: tables.c */

    while(ls < bl->len) {
      const char *nl = memchr(bl->text + ls, '\n', bl->len - ls);
      size_t le = nl ? (size_t)(nl - bl->text) : bl->len;
      enum kg_cue_role role;
      size_t n = 0, rest, j, k;
      struct kg_wordkeys wk;

      kg_text_wordkeys_init(&wk, bl->text + ls, le - ls);
      for(role = KG_CUE_FACILITATOR; role <= KG_CUE_RESOURCES; role++) {
        n = cue_at(x->v, role, &wk, bl->text + ls, le - ls);
        if(n)
          break;
      }
      kg_text_wordkeys_release(&wk);
      if(!n) {
        ls = le + 1;
        continue;
      }
      rest = skip_punct(bl->text, ls + n, le);
      switch(role) {
        case KG_CUE_FACILITATOR:
        case KG_CUE_NOTETAKER:
          if(rest < le) {
            if(!prose_after(x->v, bl->text + rest, le - rest))
              people_line(x, sec, role, bl, rest, le, ls);
          } else {
            /* "Intervenants :" then one person per list item */
            for(j = b + 1; j < s->body_end && d->blocks[j].kind == KG_BLK_ITEM;
                j++)
              people_line(x, sec, role, &d->blocks[j], 0, d->blocks[j].len, 0);
          }
          break;
        case KG_CUE_SLIDES: {
          int found = 0;

          for(k = 0; k < bl->nlinks; k++)
            if(bl->links[k].start >= ls) {
              link_fact(x, x->snodes[sec], bl, &bl->links[k], role);
              found = 1;
            }
          for(j = b + 1; !found && j < s->body_end &&
              d->blocks[j].kind == KG_BLK_ITEM; j++)
            for(k = 0; k < d->blocks[j].nlinks; k++)
              link_fact(x, x->snodes[sec], &d->blocks[j], &d->blocks[j].links[k],
                        role);
          break;
        }
        case KG_CUE_RESOURCES:
        default:
          for(k = 0; k < bl->nlinks; k++)
            if(bl->links[k].start >= ls)
              link_fact(x, x->snodes[sec], bl, &bl->links[k], role);
          for(j = b + 1; j < s->body_end &&
              d->blocks[j].kind != KG_BLK_HEADING; j++)
            for(k = 0; k < d->blocks[j].nlinks; k++)
              link_fact(x, x->snodes[sec], &d->blocks[j], &d->blocks[j].links[k],
                        role);
          break;
      }
      ls = le + 1;
    }
  }
}

void
kg_cues_find(struct kg_report *x)
{
  size_t i;

  for(i = 0; i < x->nsecs; i++)
    section_cues(x, i);
}
