/* candidates.c - the candidates of a graph, grouped for a curator.
 *
 * Reads the model through librdf's indexes only: (? mn:candidate true)
 * and (? mn:confidence ?) find the candidates, then one (s p ?) lookup per
 * fact; the report text is read once per report for the passages' lines.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/text.h"
#include "curate/candidates.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "rdf/world.h"

/* The model and the nodes collecting reads with. */
struct reader {
  struct kg_world *w;
  librdf_model *m;
  struct kg_cands *c;
  int failed;
};

static librdf_node *
term(struct reader *r, const char *ns, const char *local)
{
  librdf_node *n = kg_rdf_iri(r->w->world, ns, local);

  if(!n)
    r->failed = 1;
  return n;
}

static const char *
iri_str(librdf_node *n)
{
  return n && librdf_node_is_resource(n)
         ? (const char *)librdf_uri_as_string(librdf_node_get_uri(n)) : NULL;
}

static const char *
lit_str(librdf_node *n)
{
  return n && librdf_node_is_literal(n)
         ? (const char *)librdf_node_get_literal_value(n) : NULL;
}

/* The first object of (@s ns:local ?): new node or NULL. */
static librdf_node *
target(struct reader *r, librdf_node *s, const char *ns, const char *local)
{
  librdf_node *p = term(r, ns, local), *o;

  if(!p)
    return NULL;
  o = librdf_model_get_target(r->m, s, p);
  librdf_free_node(p);
  return o;
}

/* A copy of the literal (@s ns:local ?), or NULL. */
static char *
target_str(struct reader *r, librdf_node *s, const char *ns, const char *local)
{
  librdf_node *o = target(r, s, ns, local);
  char *v = lit_str(o) ? kg_xstrdup(lit_str(o)) : NULL;

  if(o)
    librdf_free_node(o);
  return v;
}

/* The objects of (@s ns:local ?), as new nodes in *out.  Returns how many. */
static size_t
targets(struct reader *r, librdf_node *s, const char *ns, const char *local,
        librdf_node ***out)
{
  librdf_node *p = term(r, ns, local);
  librdf_iterator *it = p ? librdf_model_get_targets(r->m, s, p) : NULL;
  size_t n = 0, cap = 0;

  *out = NULL;
  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    KG_GROW(*out, cap, n + 1);
    (*out)[n++] = librdf_new_node_from_node(librdf_iterator_get_object(it));
  }
  if(it)
    librdf_free_iterator(it);
  if(p)
    librdf_free_node(p);
  return n;
}

static void
free_nodes(librdf_node **v, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    librdf_free_node(v[i]);
  free(v);
}

/* A node of a search pattern, held across the search: librdf 1.0.17's
 * indexed streams keep a reference to it per result but the first and
 * never give it back (see sparql.c). */
struct held {
  librdf_node *n;     /* our own reference, or NULL */
  int others;         /* references the caller keeps */
};

/* Holds @n, which the caller hands to a pattern. */
static void
hold_node(struct held *h, librdf_node *n)
{
  h->n = n ? librdf_new_node_from_node(n) : NULL;
  h->others = n ? ((raptor_term *)n)->usage - 2 : 0;
}

/* After the search: drops what the streams kept, then our reference. */
static void
unhold_node(struct held *h)
{
  if(!h->n)
    return;
  while(((raptor_term *)h->n)->usage > h->others + 1)
    librdf_free_node(h->n);
  librdf_free_node(h->n);
}

/* The distinct subjects of (? p o) (@o NULL: any), as new nodes.  Takes
 * @p and @o. */
static size_t
subjects(struct reader *r, librdf_node *p, librdf_node *o, librdf_node ***out)
{
  librdf_statement *pat;
  librdf_stream *st;
  struct kg_hash seen;
  size_t n = 0, cap = 0;
  struct held hp, ho;

  hold_node(&hp, p);
  hold_node(&ho, o);
  *out = NULL;
  pat = librdf_new_statement_from_nodes(r->w->world, NULL, p, o);
  st = pat ? librdf_model_find_statements(r->m, pat) : NULL;
  if(!st)
    r->failed = 1;
  kg_hash_init(&seen);
  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_node *s = librdf_statement_get_subject(librdf_stream_get_object(st));

    if(!iri_str(s) || !kg_hash_add(&seen, iri_str(s)))
      continue;
    KG_GROW(*out, cap, n + 1);
    (*out)[n++] = librdf_new_node_from_node(s);
  }
  kg_hash_release(&seen);
  if(st)
    librdf_free_stream(st);
  if(pat)
    librdf_free_statement(pat);   /* frees its p and o */
  unhold_node(&hp);
  unhold_node(&ho);
  return n;
}

/* Confidence in hundredths from an xsd:decimal literal. */
static int
hundredths(librdf_node *n)
{
  const char *s = lit_str(n);
  double v = s ? strtod(s, NULL) : 0;

  return v <= 0 ? 0 : v >= 1 ? 100 : (int)(v * 100 + 0.5);
}

static long
index_of(struct reader *r, librdf_node *m, const char *local)
{
  char *s = target_str(r, m, KG_NS_NIF, local);
  long v = s ? strtol(s, NULL, 10) : -1;

  free(s);
  return v;
}

/* Candidate @iri of @kind, made when new. */
static struct kg_cand *
cand_for(struct kg_cands *c, const char *iri, enum kg_entity_kind kind)
{
  size_t i = c->n;

  if(kg_hash_put(&c->idx, iri, strlen(iri), &i))
    return &c->v[i];
  KG_GROW(c->v, c->cap, c->n + 1);
  memset(&c->v[i], 0, sizeof(c->v[i]));
  c->v[i].kind = kind;
  c->v[i].iri = kg_xstrdup(iri);
  c->n++;
  return &c->v[i];
}

/* Adds the passage of phrase @ph (a nif:Phrase) to @cd. */
static void
add_passage(struct reader *r, struct kg_cand *cd, librdf_node *ph)
{
  librdf_node *rep = target(r, ph, KG_NS_NIF, "referenceContext");
  struct kg_passage *p;

  if(!iri_str(rep)) {
    if(rep)
      librdf_free_node(rep);
    return;
  }
  KG_GROW(cd->pass, cd->cappass, cd->npass + 1);
  p = &cd->pass[cd->npass++];
  p->report = kg_xstrdup(iri_str(rep));
  p->begin = index_of(r, ph, "beginIndex");
  p->end = index_of(r, ph, "endIndex");
  p->text = target_str(r, ph, KG_NS_NIF, "anchorOf");
  p->context = NULL;
  librdf_free_node(rep);
}

/* The kind of entity @s from its classes, or -1 (not a candidate kind). */
static int
entity_kind(struct reader *r, librdf_node *s)
{
  librdf_node **types;
  size_t n = targets(r, s, KG_NS_RDF, "type", &types), i;
  int kind = -1;

  for(i = 0; i < n; i++) {
    const char *t = iri_str(types[i]);

    if(t && !strcmp(t, KG_NS_SCHEMA "Person"))
      kind = KG_ENT_PERSON;
    else if(t && !strcmp(t, KG_NS_SCHEMA "Organization"))
      kind = KG_ENT_ORG;
    else if(t && !strcmp(t, KG_NS_MN "Initiative"))
      kind = KG_ENT_INITIATIVE;
  }
  free_nodes(types, n);
  return kind;
}

/* People, organisations and initiatives marked mn:candidate true. */
static void
collect_entities(struct reader *r)
{
  librdf_node **ents, **v;
  size_t ne, nv, i, k;

  ne = subjects(r, term(r, KG_NS_MN, "candidate"),
                kg_rdf_typed(r->w->world, "true", KG_NS_XSD "boolean"), &ents);
  for(i = 0; i < ne; i++) {
    int kind = entity_kind(r, ents[i]);
    struct kg_cand *cd;

    if(kind < 0)
      continue;
    cd = cand_for(r->c, iri_str(ents[i]), (enum kg_entity_kind)kind);
    if(!cd->name)
      cd->name = target_str(r, ents[i], KG_NS_SCHEMA, "name");
    nv = targets(r, ents[i], KG_NS_MN, "confidence", &v);
    for(k = 0; k < nv; k++)
      if(hundredths(v[k]) > cd->confidence)
        cd->confidence = hundredths(v[k]);
    free_nodes(v, nv);
    nv = targets(r, ents[i], KG_NS_PROV, "wasDerivedFrom", &v);
    for(k = 0; k < nv; k++)
      add_passage(r, cd, v[k]);
    free_nodes(v, nv);
  }
  free_nodes(ents, ne);
}

/* 1 if some dcterms:spatial statement without mn:confidence gives @t. */
static int
placed_surely(struct reader *r, librdf_node *t)
{
  librdf_node **sts;
  size_t n = subjects(r, term(r, KG_NS_RDF, "object"),
                      librdf_new_node_from_node(t), &sts), i;
  int sure = 0;

  for(i = 0; i < n && !sure; i++) {
    librdf_node *p = target(r, sts[i], KG_NS_RDF, "predicate");
    librdf_node *c = target(r, sts[i], KG_NS_MN, "confidence");

    sure = !c && iri_str(p) && !strcmp(iri_str(p), KG_NS_DCTERMS "spatial");
    if(p)
      librdf_free_node(p);
    if(c)
      librdf_free_node(c);
  }
  free_nodes(sts, n);
  return sure;
}

/* The weak dcterms:spatial statement @st: its territory becomes a place
 * candidate with the statement's confidence and passages. */
static void
weak_place(struct reader *r, librdf_node *st)
{
  librdf_node *p = target(r, st, KG_NS_RDF, "predicate");
  librdf_node *t = NULL, *c = NULL, **v = NULL;
  struct kg_cand *cd;
  size_t nv = 0, k;

  if(!iri_str(p) || strcmp(iri_str(p), KG_NS_DCTERMS "spatial"))
    goto out;
  t = target(r, st, KG_NS_RDF, "object");
  c = target(r, st, KG_NS_MN, "confidence");
  if(!iri_str(t))
    goto out;
  cd = cand_for(r->c, iri_str(t), KG_ENT_PLACE);
  if(!cd->name)
    cd->name = target_str(r, t, KG_NS_IGEO, "nom");
  if(hundredths(c) > cd->confidence)
    cd->confidence = hundredths(c);
  nv = targets(r, st, KG_NS_PROV, "wasDerivedFrom", &v);
  for(k = 0; k < nv; k++)
    add_passage(r, cd, v[k]);
out:
  free_nodes(v, nv);
  if(p)
    librdf_free_node(p);
  if(t)
    librdf_free_node(t);
  if(c)
    librdf_free_node(c);
}

/* Territories that only weak rules place. */
static void
collect_places(struct reader *r)
{
  librdf_node **sts;
  size_t n = subjects(r, term(r, KG_NS_MN, "confidence"), NULL, &sts), i;
  size_t first = r->c->n;

  for(i = 0; i < n; i++)
    weak_place(r, sts[i]);
  free_nodes(sts, n);
  for(i = first; i < r->c->n; i++) {
    struct kg_cand *cd = &r->c->v[i];
    librdf_node *t = kg_world_iri(r->w, cd->iri);

    if(t && placed_surely(r, t))
      cd->confidence = -1;  /* not a candidate: dropped below */
    if(t)
      librdf_free_node(t);
  }
}

/* ------------------------------------------------------------ passages */

static int
cmp_passage(const void *a, const void *b)
{
  const struct kg_passage *x = a, *y = b;
  int c = strcmp(x->report, y->report);

  if(c)
    return c;
  if(x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static void
passage_release(struct kg_passage *p)
{
  free(p->report);
  free(p->text);
  free(p->context);
}

/* Sorts the passages of @cd by report and offset, without repeats. */
static void
unique_passages(struct kg_cand *cd)
{
  size_t i, k = 0;

  if(cd->npass)
    qsort(cd->pass, cd->npass, sizeof(*cd->pass), cmp_passage);
  for(i = 0; i < cd->npass; i++) {
    if(k && !cmp_passage(&cd->pass[k - 1], &cd->pass[i]))
      passage_release(&cd->pass[i]);
    else
      cd->pass[k++] = cd->pass[i];
  }
  cd->npass = k;
}

/* Byte offset of code point @cp in s[0..len). */
static size_t
cp_byte(const char *s, size_t len, long cp)
{
  size_t i = 0;

  for(; i < len && cp > 0; cp--)
    for(i++; i < len && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
      ;
  return i;
}

#define CONTEXT_BYTES 120   /* at most this much of the line on each side */

/* The line of s[0..len) around [a, b), cut with "…" beyond CONTEXT_BYTES
 * on either side.  New string. */
static char *
context_of(const char *s, size_t len, size_t a, size_t b)
{
  struct kg_buf out = KG_BUF_INIT;
  size_t from = a, to = b;

  while(from > 0 && s[from - 1] != '\n' && a - from < CONTEXT_BYTES)
    from--;
  while(from < a && ((unsigned char)s[from] & 0xC0) == 0x80)
    from++;
  while(to < len && s[to] != '\n' && to - b < CONTEXT_BYTES)
    to++;
  while(to > b && to < len && ((unsigned char)s[to] & 0xC0) == 0x80)
    to--;
  if(from > 0 && s[from - 1] != '\n')
    kg_buf_adds(&out, "\xe2\x80\xa6");
  while(from < a && (s[from] == ' ' || s[from] == '\t'))
    from++;
  kg_buf_add(&out, s + from, to - from);
  if(to < len && s[to] != '\n')
    kg_buf_adds(&out, "\xe2\x80\xa6");
  return kg_buf_detach(&out);
}

struct passage_ref {
  const char *report;
  struct kg_passage *p;
};

static int
cmp_ref(const void *a, const void *b)
{
  const struct passage_ref *x = a, *y = b;

  return strcmp(x->report, y->report);
}

/* The line around every passage, reading each report's text once. */
static void
add_contexts(struct reader *r)
{
  struct passage_ref *refs = NULL;
  size_t n = 0, cap = 0, i, j, k;

  for(i = 0; i < r->c->n; i++)
    for(j = 0; j < r->c->v[i].npass; j++) {
      KG_GROW(refs, cap, n + 1);
      refs[n].report = r->c->v[i].pass[j].report;
      refs[n++].p = &r->c->v[i].pass[j];
    }
  if(n)
    qsort(refs, n, sizeof(*refs), cmp_ref);
  for(i = 0; i < n; i = k) {
    librdf_node *rep = kg_world_iri(r->w, refs[i].report);
    librdf_node *txt = rep ? target(r, rep, KG_NS_NIF, "isString") : NULL;
    const char *s = lit_str(txt);
    size_t len = s ? strlen(s) : 0;

    for(k = i; k < n && !strcmp(refs[k].report, refs[i].report); k++) {
      struct kg_passage *p = refs[k].p;
      size_t a = cp_byte(s, len, p->begin), b = cp_byte(s, len, p->end);

      if(s && p->begin >= 0 && p->end >= p->begin && b <= len)
        p->context = context_of(s, len, a, b);
    }
    if(txt)
      librdf_free_node(txt);
    if(rep)
      librdf_free_node(rep);
  }
  free(refs);
}

/* ------------------------------------------------------------ order */

static int
cmp_cand(const void *a, const void *b)
{
  const struct kg_cand *x = a, *y = b;
  int c;

  if(x->confidence != y->confidence)
    return x->confidence > y->confidence ? -1 : 1;
  if(x->npass != y->npass)
    return x->npass > y->npass ? -1 : 1;
  if((c = strcmp(x->key, y->key)))
    return c;
  if(x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return strcmp(x->iri, y->iri);
}

static void
cand_release(struct kg_cand *cd)
{
  size_t i;

  for(i = 0; i < cd->npass; i++)
    passage_release(&cd->pass[i]);
  free(cd->pass);
  free(cd->iri);
  free(cd->name);
  free(cd->key);
}

/* Keeps the candidates for which keep[i] is set; rebuilds the index. */
static void
compact(struct kg_cands *c, const unsigned char *keep)
{
  size_t i, k = 0;

  kg_hash_release(&c->idx);
  kg_hash_init(&c->idx);
  for(i = 0; i < c->n; i++) {
    if(!keep[i]) {
      cand_release(&c->v[i]);
      continue;
    }
    c->v[k] = c->v[i];
    kg_hash_put(&c->idx, c->v[k].iri, strlen(c->v[k].iri), &k);
    k++;
  }
  c->n = k;
}

/* Names, keys and passages made whole; the dropped ones out; sorted. */
static void
finish(struct kg_cands *c)
{
  unsigned char *keep = kg_xcalloc(c->n + 1, 1);
  struct kg_buf key = KG_BUF_INIT;
  size_t i;

  for(i = 0; i < c->n; i++) {
    struct kg_cand *cd = &c->v[i];

    unique_passages(cd);
    if(!cd->name && cd->npass && cd->pass[0].text)
      cd->name = kg_xstrdup(cd->pass[0].text);
    if(!cd->name)
      cd->name = kg_xstrdup(cd->iri);
    cd->key = kg_xstrdup(kg_text_key(cd->name, strlen(cd->name), &key));
    keep[i] = cd->confidence >= 0;
  }
  kg_buf_release(&key);
  compact(c, keep);
  free(keep);
  if(c->n)
    qsort(c->v, c->n, sizeof(*c->v), cmp_cand);
  kg_hash_release(&c->idx);
  kg_hash_init(&c->idx);
  for(i = 0; i < c->n; i++)
    kg_hash_put(&c->idx, c->v[i].iri, strlen(c->v[i].iri), &i);
}

int
kg_candidates_collect(struct kg_world *w, librdf_model *model,
                      struct kg_cands *c)
{
  struct reader r;

  memset(c, 0, sizeof(*c));
  kg_hash_init(&c->idx);
  memset(&r, 0, sizeof r);
  r.w = w;
  r.m = model;
  r.c = c;
  collect_entities(&r);
  collect_places(&r);
  finish(c);
  add_contexts(&r);
  if(r.failed) {
    kg_error("cannot read the candidates of the graph");
    kg_candidates_release(c);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------ decisions */

/* 1 if the registry has a decision on name @s for @kind. */
static int
name_decided(const struct kg_registry *reg, const char *s, int kind,
             struct kg_buf *key)
{
  if(!s)
    return 0;
  kg_text_key(s, strlen(s), key);
  return kg_registry_lookup(reg, key->s, kind) ||
         kg_registry_rejected(reg, key->s, kind);
}

size_t
kg_candidates_drop_decided(struct kg_cands *c, const struct kg_registry *reg,
                           const char *base)
{
  unsigned char *keep = kg_xcalloc(c->n + 1, 1);
  struct kg_buf key = KG_BUF_INIT;
  size_t i, j, n0 = c->n, bl = strlen(base);

  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];
    int decided = !strncmp(cd->iri, base, bl) &&
                  kg_registry_by_rel(reg, cd->iri + bl);

    decided = decided || name_decided(reg, cd->name, (int)cd->kind, &key);
    for(j = 0; j < cd->npass && !decided; j++)
      decided = name_decided(reg, cd->pass[j].text, (int)cd->kind, &key);
    keep[i] = !decided;
  }
  kg_buf_release(&key);
  compact(c, keep);
  free(keep);
  return n0 - c->n;
}

size_t
kg_candidates_find(const struct kg_cands *c, const char *what, int kind,
                   const struct kg_cand **out, size_t max)
{
  struct kg_buf want = KG_BUF_INIT, key = KG_BUF_INIT;
  size_t i, j, n = 0;

  kg_text_key(what, strlen(what), &want);
  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];
    int hit = !strcmp(cd->iri, what) || (want.len && !strcmp(cd->key, want.s));

    for(j = 0; j < cd->npass && !hit && want.len; j++)
      hit = cd->pass[j].text &&
            !strcmp(kg_text_key(cd->pass[j].text, strlen(cd->pass[j].text),
                                &key), want.s);
    if(hit && (kind < 0 || (int)cd->kind == kind)) {
      if(n < max)
        out[n] = cd;
      n++;
    }
  }
  kg_buf_release(&want);
  kg_buf_release(&key);
  return n;
}

void
kg_candidates_release(struct kg_cands *c)
{
  size_t i;

  for(i = 0; i < c->n; i++)
    cand_release(&c->v[i]);
  free(c->v);
  kg_hash_release(&c->idx);
  memset(c, 0, sizeof(*c));
}
