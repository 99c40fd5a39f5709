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
#include "extract/roles.h"
#include "rdf/ns.h"
#include "extract/people.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

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


/* A cue line's people: near-certain. */
static void
people_line(struct kg_report *x, size_t sec, enum kg_cue_role role,
            const struct kg_block *bl, size_t from, size_t to,
            size_t line_from)
{
  struct kg_roles_use use = { 0, "cue", 90, 0, 0, 0 };

  use.role = (int)role;
  kg_roles_people(x, sec, &use, bl, from, to, line_from);
}

/* A list item under a bare cue line is one person's line; a paragraph
 * opens with the person, the sentences after are about them. */
static void
bare_person(struct kg_report *x, size_t sec, enum kg_cue_role role,
            const struct kg_block *bl)
{
  struct kg_roles_use use = { 0, "cue", 90, 0, 0, 0 };

  use.role = (int)role;
  use.prose = bl->kind == KG_BLK_PARA;
  kg_roles_people(x, sec, &use, bl, 0,
                  use.prose ? kg_roles_sentence_end(bl->text, 0, bl->len)
                            : bl->len, 0);
}

/* The cue lines of blocks [from, to): section @sec's body, or, when @sec
 * is x->nsecs, text outside every section (the event's). */
static void
section_cues(struct kg_report *x, size_t sec, size_t from, size_t to)
{
  const struct kg_doc *d = &x->doc;
  librdf_node *node = sec < x->nsecs ? x->snodes[sec] : x->event;
  size_t b;

  for(b = from; b < to && b < d->nblocks; b++) {
    const struct kg_block *bl = &d->blocks[b];
    size_t ls = 0;

    if(bl->kind == KG_BLK_CELL)
      continue;  /* programme tables: tables.c */

    while(ls < bl->len) {
      const char *nl = memchr(bl->text + ls, '\n', bl->len - ls);
      size_t le = nl ? (size_t)(nl - bl->text) : bl->len;
      enum kg_cue_role role;
      size_t n = 0, rest, j, k;
      int r;

      n = kg_roles_cue_line(x->v, bl->text + ls, le - ls, &r);
      role = (enum kg_cue_role)r;
      if(!n) {
        ls = le + 1;
        continue;
      }
      rest = skip_punct(bl->text, ls + n, le);
      x->cueblocks[b] |= KG_CUE_LINE;
      if(rest >= le && role <= KG_CUE_NOTETAKER)
        x->cueblocks[b] |= KG_CUE_BARE;   /* its people are the items below */
      switch(role) {
        case KG_CUE_FACILITATOR:
        case KG_CUE_NOTETAKER:
          if(rest < le) {
            if(!prose_after(x->v, bl->text + rest, le - rest))
              people_line(x, sec, role, bl, rest,
                          kg_roles_sentence_end(bl->text, rest, le), ls);
          } else {
            /* "Intervenants :" then one person per list item, or per
             * paragraph ("ANIMÉ PAR" / "Christelle G. journaliste …") */
            size_t end = kg_roles_bare_end(x, b, to);

            for(j = b + 1; j < end; j++)
              bare_person(x, sec, role, &d->blocks[j]);
          }
          break;
        case KG_CUE_SLIDES: {
          int found = 0;

          for(k = 0; k < bl->nlinks; k++)
            if(bl->links[k].start >= ls) {
              link_fact(x, node, bl, &bl->links[k], role);
              found = 1;
            }
          for(j = b + 1; !found && j < to &&
              d->blocks[j].kind == KG_BLK_ITEM; j++)
            for(k = 0; k < d->blocks[j].nlinks; k++)
              link_fact(x, node, &d->blocks[j], &d->blocks[j].links[k],
                        role);
          break;
        }
        case KG_CUE_RESOURCES:
        default:
          for(k = 0; k < bl->nlinks; k++)
            if(bl->links[k].start >= ls)
              link_fact(x, node, bl, &bl->links[k], role);
          for(j = b + 1; j < to &&
              d->blocks[j].kind != KG_BLK_HEADING; j++)
            for(k = 0; k < d->blocks[j].nlinks; k++)
              link_fact(x, node, &d->blocks[j], &d->blocks[j].links[k],
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
  size_t i, b, from;
  unsigned char *in = kg_xcalloc(x->doc.nblocks + 1, 1);

  free(x->cueblocks);
  x->cueblocks = kg_xcalloc(x->doc.nblocks + 1, 1);

  for(i = 0; i < x->nsecs; i++) {
    section_cues(x, i, x->secs[i].block + 1, x->secs[i].body_end);
    for(b = x->secs[i].block; b < x->secs[i].body_end && b < x->doc.nblocks;
        b++)
      in[b] = 1;
  }
  /* cue lines outside every section are the event's ("Intervenants :"
   * in a report without sessions) */
  for(b = 0; b < x->doc.nblocks; b = from) {
    while(b < x->doc.nblocks && in[b])
      b++;
    for(from = b; from < x->doc.nblocks && !in[from]; from++)
      ;
    if(b < from)
      section_cues(x, x->nsecs, b, from);
  }
  free(in);
}
