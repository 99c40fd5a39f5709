/* carrier.c - the relations of an initiative: its carrier (the list
 * header, "par X", a speaker's organisation), the sessions that present it,
 * and through passage.c its themes, places, audiences and figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "extract/doc.h"
#include "extract/initiative.h"
#include "extract/report.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "extract/places.h"
#include "rdf/rdf.h"
#include "ref/registry.h"
#include "extract/sections.h"
#include "base/text.h"
#include "ref/vocab.h"

/* ------------------------------------------------------------ carrier */

/* Organisation named at the head of block @b, among the session's or the
 * registry's. NULL or new node. */
static librdf_node *
head_org(struct istate *st, size_t sec, size_t b, size_t *a, size_t *z)
{
  struct kg_report *x = st->x;
  const struct kg_block *bl = &x->doc.blocks[b];
  size_t ha, hz, desc, k;
  struct kg_buf key = KG_BUF_INIT;
  librdf_node *n = NULL;

  if(!kg_passage_block_head(bl, &ha, &hz, &desc))
    return NULL;
  kg_text_key(bl->text + ha, hz - ha, &key);
  for(k = 0; k < x->secorgs[sec].n; k++)
    if(!strcmp(x->secorgs[sec].v[k].key, key.s))
      n = librdf_new_node_from_node(x->secorgs[sec].v[k].node);
  if(!n && x->reg && kg_registry_lookup(x->reg, key.s, KG_ENT_ORG))
    n = kg_report_org(x, kg_report_src(bl, ha), kg_report_src_end(bl, hz), 0, 0);
  kg_buf_release(&key);
  if(n) {
    *a = kg_report_src(bl, 0);
    *z = kg_report_src_end(bl, bl->len);
  }
  return n;
}

/* Does a distinctive word of the initiative's name occur in an org's name
 * ("Brenne Box" / "Communauté de communes Cœur de Brenne")? */
static int
name_overlap(const char *ikey, const char *okey)
{
  char *copy = kg_xstrdup(ikey), *save = NULL, *w;
  int hit = 0;

  for(w = strtok_r(copy, " ", &save); w && !hit; w = strtok_r(NULL, " ", &save))
    if(strlen(w) >= 5 && kg_text_key_contains(okey, w))
      hit = 1;
  free(copy);
  return hit;
}

static int
carrier_in(struct istate *st, struct init *in, size_t sec)
{
  struct kg_report *x = st->x;
  const struct kg_doc *d = &x->doc;
  const struct kg_node_list *orgs = &x->secorgs[sec];
  size_t k;

  /* a word of its name in one of the session's organisations */
  for(k = 0; k < orgs->n; k++)
    if(name_overlap(in->namekey, orgs->v[k].key)) {
      in->porteur = librdf_new_node_from_node(orgs->v[k].node);
      in->por_rule = "name-overlap:session-organisation";
      in->por_a = in->name_a;
      in->por_z = in->name_z;
      in->por_inferred = 1;
      return 1;
    }
  /* the organisation heading the list: parent items, then earlier items */
  if(in->head_block >= 0 && (long)sec == in->sec) {
    long p = d->blocks[in->head_block].parent;
    long b;

    for(; p >= 0; p = d->blocks[p].parent) {
      size_t j;

      in->porteur = head_org(st, sec, (size_t)p, &in->por_a, &in->por_z);
      if(in->porteur) {
        in->por_rule = "list-header";
        return 1;
      }
      /* a sub-item of another initiative: that one's carrier */
      for(j = 0; j < st->n; j++)
        if(st->v[j].head_block == p && st->v[j].porteur) {
          const struct kg_block *pb = &d->blocks[p];

          in->porteur = librdf_new_node_from_node(st->v[j].porteur);
          in->por_rule = "parent-initiative:porteur";
          in->por_a = kg_report_src(pb, 0);
          in->por_z = kg_report_src_end(pb, pb->len);
          in->por_inferred = 1;
          return 1;
        }
    }
    for(b = in->head_block - 1; b > (long)x->secs[sec].block; b--) {
      const struct kg_block *bl = &d->blocks[b];
      size_t j;

      if(bl->kind != KG_BLK_ITEM ||
         bl->level > d->blocks[in->head_block].level)
        continue;
      if(bl->level < d->blocks[in->head_block].level)
        break;
      in->porteur = head_org(st, sec, (size_t)b, &in->por_a, &in->por_z);
      if(in->porteur) {
        in->por_rule = "list-header";
        return 1;
      }
      for(j = 0; j < st->n; j++)
        if(st->v[j].head_block == b)
          break;
      if(j < st->n)
        break;  /* an earlier initiative: its header is not ours */
    }
  }
  /* the only organisation among the session's speakers */
  if(orgs->n == 1) {
    const struct kg_block *hb = &d->blocks[x->secs[sec].block];

    in->porteur = librdf_new_node_from_node(orgs->v[0].node);
    in->por_rule = "speaker-organisation";
    in->por_a = kg_report_src(hb, 0);
    in->por_z = kg_report_src_end(hb, hb->len);
    in->por_inferred = 1;
    return 1;
  }
  return 0;
}

static void
carrier(struct istate *st, struct init *in)
{
  long sec = in->title_sec >= 0 ? in->title_sec : in->sec;

  if(!strncmp(in->rule, "prose:", 6))
    return;  /* named in passing: nothing says who carries it */
  /* only the session that presents it: its title's, else the first */
  if(!in->porteur && sec >= 0)
    carrier_in(st, in, (size_t)sec);
}

/* ------------------------------------------------------------ relations */

void
kg_carrier_relations(struct istate *st, struct init *in)
{
  struct kg_report *x = st->x;
  struct kg_emit *e = &x->e;
  struct found *th = NULL, *pub = NULL, *iti = NULL;
  size_t nth = 0, capth = 0, npub = 0, cappub = 0, niti = 0, capiti = 0;
  size_t i, k, b;
  int spatial = 0;
  librdf_node *sess = in->sec >= 0 ? x->snodes[in->sec] : NULL;

  for(k = 0; sess && k < in->nsecs; k++) {
    const char *rule = in->rule;
    librdf_node *sn = x->snodes[in->secs[k]];

    int inferred = !strncmp(rule, "prose:", 6);

    kg_evidence_fact(e, in->node, KG_NS_MN, "presentedAt", sn, rule, in->name_a,
                 in->name_z, inferred);
    kg_evidence_fact(e, sn, KG_NS_SCHEMA, "about", in->node, rule, in->name_a,
                 in->name_z, inferred);
  }
  carrier(st, in);
  if(in->porteur)
    kg_evidence_fact(e, in->node, KG_NS_MN, "porteur", in->porteur, in->por_rule,
                 in->por_a, in->por_z, in->por_inferred);
  for(k = 0; k < in->npass; k++)
    kg_passage_scan(st, in->pass[k].b0, in->pass[k].b1, &th, &nth, &capth, &pub,
                 &npub, &cappub, &iti, &niti, &capiti, NULL);
  kg_passage_emit_themes(x, in->node, th, nth, "passage:theme-word", 0);
  if(in->sec >= 0) {
    /* the session's own themes */
    struct found *sth = NULL;
    size_t ns = 0, caps = 0;

    kg_passage_title_themes(st, (size_t)in->sec, &sth, &ns, &caps);
    kg_passage_emit_themes(x, in->node, sth, ns, "session:theme", 1);
    free(sth);
  }
  for(i = 0; i < npub; i++) {
    librdf_node *pn = kg_evidence_iri(e, x->v->publics[pub[i].idx].iri, NULL);

    kg_evidence_fact(e, in->node, KG_NS_DCTERMS, "audience", pn, "passage:public",
                 pub[i].a, pub[i].z, 0);
    librdf_free_node(pn);
  }
  if(niti) {
    /* itinerant wins: "schéma d'itinérance fixe" is still a tour */
    size_t best = 0;

    for(i = 0; i < niti; i++)
      if(!strcmp(x->v->itinerance[iti[i].idx].slug, "itinerant"))
        best = i;
    {
      librdf_node *in2 = kg_evidence_iri(e, x->v->itinerance[iti[best].idx].iri,
                                     NULL);

      kg_evidence_fact(e, in->node, KG_NS_MN, "itinerance", in2,
                   "passage:itinerance", iti[best].a, iti[best].z, 0);
      librdf_free_node(in2);
    }
  }
  /* territories stated in the passage; else the carrier's; none for a
   * national programme named in passing */
  for(k = 0; k < in->npass; k++)
    for(b = in->pass[k].b0; b < in->pass[k].b1 && b < x->doc.nblocks; b++) {
      const struct kg_block *bl = &x->doc.blocks[b];
      struct kg_places pl = { NULL, 0, 0 };

      if(!in->national)
        kg_places_find(x->gaz, x->v, x->reg, x->region, 1, bl->text, bl->len,
                       &pl);
      for(i = 0; i < pl.n; i++) {
        size_t a = kg_report_src(bl, pl.v[i].start);
        size_t z = kg_report_src_end(bl, pl.v[i].end);
        librdf_node *tn = kg_report_terr_node(x, pl.v[i].terr);

        kg_report_place(x, in->node, &pl.v[i], "passage:place", a, z);
        kg_evidence_mention(e, tn, a, z);
        librdf_free_node(tn);
        spatial++;
      }
      kg_places_release(&pl);
      kg_passage_figures(st, in, bl);
    }
  if(!spatial && in->porteur && !in->national) {
    size_t n0 = x->nspatial;

    for(i = 0; i < n0; i++)
      if(librdf_node_equals(x->spatial[i].s, in->porteur))
        kg_report_spatial(x, in->node, x->spatial[i].t, "porteur:spatial",
                     in->por_a, in->por_z, 1);
  }
  free(th);
  free(pub);
  free(iti);
}

