/* evidence.c - report statements with their passages. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "ref/ref.h"
#include "extract/evidence.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "base/text.h"

unsigned long long
kg_evidence_hash(const char *s)
{
  unsigned long long h = 1469598103934665603ULL;

  for(; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

librdf_node *
kg_evidence_id(struct kg_emit *e, const char *fmt, ...)
{
  struct kg_buf b = KG_BUF_INIT;
  va_list ap;
  librdf_node *n;

  va_start(ap, fmt);
  kg_buf_vaddf(&b, fmt, ap);
  va_end(ap);
  n = kg_rdf_iri(e->world, e->ref->w->base, b.s);
  kg_buf_release(&b);
  return n;
}

librdf_node *
kg_evidence_iri(struct kg_emit *e, const char *ns, const char *local)
{
  char key[256];
  size_t a = strlen(ns), b = local ? strlen(local) : 0, *slot;

  if(a + b >= sizeof key)
    return kg_rdf_iri(e->world, ns, local);
  memcpy(key, ns, a);
  if(b)
    memcpy(key + a, local, b);
  key[a + b] = '\0';
  /* a few predicates and classes over and over: made once, then copied */
  slot = kg_hash_ref(&e->iris, key, NULL);
  if(!*slot) {
    librdf_node *n = kg_rdf_iri(e->world, ns, local);

    if(!n)
      return NULL;
    KG_GROW(e->irin, e->capiri, e->niri + 1);
    e->irin[e->niri++] = n;
    *slot = e->niri;
  }
  return librdf_new_node_from_node(e->irin[*slot - 1]);
}

void
kg_evidence_release(struct kg_emit *e)
{
  size_t i;

  kg_hash_release(&e->seen);
  kg_buf_release(&e->keybuf);
  for(i = 0; i < e->niri; i++)
    librdf_free_node(e->irin[i]);
  free(e->irin);
  kg_hash_release(&e->iris);
}

librdf_node *
kg_evidence_lit(struct kg_emit *e, const char *text, const char *lang)
{
  return kg_rdf_lit(e->world, text, lang);
}

librdf_node *
kg_evidence_litn(struct kg_emit *e, const char *text, size_t n, const char *lang)
{
  char *tmp = kg_xstrndup(text, n);
  librdf_node *r = kg_rdf_lit(e->world, tmp, lang);

  free(tmp);
  return r;
}

/* Cheap identity of a term for de-duplication (no escaping, no I/O). */
static void
term_key(struct kg_buf *b, librdf_node *n)
{
  size_t len = 0;
  const unsigned char *s;

  if(!n) {
    kg_buf_addc(b, '\x02');
    return;
  }
  if(librdf_node_is_resource(n)) {
    s = librdf_uri_as_counted_string(librdf_node_get_uri(n), &len);
    kg_buf_addc(b, 'U');
    kg_buf_add(b, s, len);
  } else if(librdf_node_is_blank(n)) {
    s = librdf_node_get_counted_blank_identifier(n, &len);
    kg_buf_addc(b, 'B');
    kg_buf_add(b, s, len);
  } else {
    const char *lang = librdf_node_get_literal_value_language(n);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);

    s = librdf_node_get_literal_value_as_counted_string(n, &len);
    kg_buf_addc(b, 'L');
    kg_buf_add(b, s, len);
    kg_buf_addc(b, '\x01');
    if(lang)
      kg_buf_adds(b, lang);
    kg_buf_addc(b, '\x01');
    if(dt)
      kg_buf_adds(b, (const char *)librdf_uri_as_string(dt));
  }
  kg_buf_addc(b, '\x02');
}

void
kg_evidence_triple(struct kg_emit *e, librdf_node *s, librdf_node *p,
               librdf_node *o)
{
  int fresh;

  kg_buf_reset(&e->keybuf);
  term_key(&e->keybuf, s);
  term_key(&e->keybuf, p);
  term_key(&e->keybuf, o);
  fresh = kg_hash_add(&e->seen, e->keybuf.s);
  if(!fresh) {
    if(p)
      librdf_free_node(p);
    if(o)
      librdf_free_node(o);
    return;
  }
  if(kg_rdf_stmts_add(e->out, librdf_new_node_from_node(s), p, o, e->graph))
    e->failed = 1;
  else
    e->added++;
}

void
kg_evidence_po(struct kg_emit *e, librdf_node *s, const char *ns,
           const char *local, librdf_node *o)
{
  kg_evidence_triple(e, s, kg_evidence_iri(e, ns, local), o);
}

static librdf_node *
int_node(struct kg_emit *e, size_t v)
{
  char tmp[32];

  snprintf(tmp, sizeof tmp, "%zu", v);
  return kg_rdf_typed(e->world, tmp, KG_NS_XSD "nonNegativeInteger");
}

/* The nif:Phrase for [a, b) (with an optional entity). */
static librdf_node *
phrase(struct kg_emit *e, size_t a, size_t b, librdf_node *entity)
{
  size_t ca = kg_text_cpindex_cp(e->cp, a), cb = kg_text_cpindex_cp(e->cp, b);
  librdf_node *m;

  if(entity) {
    unsigned char *u = librdf_uri_as_string(librdf_node_get_uri(entity));

    m = kg_evidence_id(e, "mention/%s/%zu-%zu-%08llx", e->slug, ca, cb,
                   kg_evidence_hash((const char *)u) & 0xffffffffULL);
  } else {
    m = kg_evidence_id(e, "passage/%s/%zu-%zu", e->slug, ca, cb);
  }
  kg_evidence_po(e, m, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_NIF, "Phrase"));
  kg_evidence_po(e, m, KG_NS_NIF, "referenceContext",
             librdf_new_node_from_node(e->report));
  kg_evidence_po(e, m, KG_NS_NIF, "beginIndex", int_node(e, ca));
  kg_evidence_po(e, m, KG_NS_NIF, "endIndex", int_node(e, cb));
  kg_evidence_po(e, m, KG_NS_NIF, "anchorOf",
             kg_evidence_litn(e, e->text + a, b - a, NULL));
  if(entity)
    kg_evidence_po(e, m, KG_NS_ITSRDF, "taIdentRef",
               librdf_new_node_from_node(entity));
  return m;
}

void
kg_evidence_mention(struct kg_emit *e, librdf_node *entity, size_t a, size_t b)
{
  librdf_node *m;

  if(b <= a || b > e->len)
    return;
  m = phrase(e, a, b, entity);
  kg_evidence_po(e, entity, KG_NS_PROV, "wasDerivedFrom", m);
}

librdf_node *
kg_evidence_statement(struct kg_emit *e, librdf_node *s, const char *ns,
                      const char *local, librdf_node *o, const char *rule)
{
  struct kg_buf key = KG_BUF_INIT;
  librdf_node *st;

  /* one statement per (triple, rule): two rules are two pieces of evidence */
  term_key(&key, s);
  kg_buf_addf(&key, "%s%s", ns, local);
  term_key(&key, o);
  kg_buf_adds(&key, rule);
  st = kg_evidence_id(e, "statement/%s/%016llx", e->slug, kg_evidence_hash(key.s));
  kg_buf_release(&key);
  return st;
}

void
kg_evidence_fact(struct kg_emit *e, librdf_node *s, const char *ns,
             const char *local, librdf_node *o, const char *rule,
             size_t a, size_t b, int inferred)
{
  librdf_node *st;

  kg_evidence_po(e, s, ns, local, librdf_new_node_from_node(o));
  st = kg_evidence_statement(e, s, ns, local, o, rule);
  kg_evidence_po(e, st, KG_NS_RDF, "type", kg_evidence_iri(e, KG_NS_RDF, "Statement"));
  kg_evidence_po(e, st, KG_NS_RDF, "subject", librdf_new_node_from_node(s));
  kg_evidence_po(e, st, KG_NS_RDF, "predicate", kg_evidence_iri(e, ns, local));
  kg_evidence_po(e, st, KG_NS_RDF, "object", librdf_new_node_from_node(o));
  kg_evidence_po(e, st, KG_NS_MN, "rule", kg_evidence_lit(e, rule, NULL));
  if(inferred)
    kg_evidence_po(e, st, KG_NS_MN, "inferred",
               kg_rdf_typed(e->world, "true", KG_NS_XSD "boolean"));
  if(b > a && b <= e->len)
    kg_evidence_po(e, st, KG_NS_PROV, "wasDerivedFrom", phrase(e, a, b, NULL));
  librdf_free_node(st);
}

/* ------------------------------------------------------------ dropping */

static const char *
iri_of(const raptor_term *t)
{
  return t && t->type == RAPTOR_TERM_TYPE_URI
         ? (const char *)raptor_uri_as_string(t->value.uri) : NULL;
}

static int
in_set(const struct kg_hash *h, const raptor_term *t)
{
  const char *u = iri_of(t);

  return u && kg_hash_has(h, u);
}

/* Removes v[first..n) for which drop[i - first] is set; keeps the order. */
static size_t
compact(struct kg_stmts *l, size_t first, const unsigned char *drop)
{
  size_t i, k = first, gone = 0;

  for(i = first; i < l->n; i++) {
    if(drop[i - first]) {
      raptor_free_statement(l->v[i]);
      gone++;
    } else {
      l->v[k++] = l->v[i];
    }
  }
  l->n = k;
  return gone;
}

/* A dropping in progress over the report's statements v[first..n). */
struct dropping {
  struct kg_stmts *l;
  size_t first;
  unsigned char *drop;      /* per statement */
  struct kg_hash gone;      /* nodes going */
  struct kg_hash parts;     /* mentions, passages, figures: they only exist
                               as parts of what cites them */
  struct kg_hash loose;     /* parts a dropped statement cited */
};

static int
is_part_class(const char *o)
{
  return o && (!strcmp(o, KG_NS_NIF "Phrase") ||
               !strcmp(o, KG_NS_SCHEMA "QuantitativeValue"));
}

/* One round: statements about or pointing at a gone node go; a
 * reification or mention of a gone node goes with it.  Returns how many
 * nodes were added to the gone set. */
static size_t
drop_round(struct dropping *d)
{
  size_t i, n0 = d->gone.n;

  for(i = d->first; i < d->l->n; i++) {
    raptor_statement *st = d->l->v[i];
    const char *p = iri_of(st->predicate);

    if(d->drop[i - d->first])
      continue;
    if(in_set(&d->gone, st->object) &&
       (!strcmp(p, KG_NS_RDF "subject") || !strcmp(p, KG_NS_RDF "object") ||
        !strcmp(p, KG_NS_ITSRDF "taIdentRef")))
      kg_hash_add(&d->gone, iri_of(st->subject));
    if(in_set(&d->gone, st->subject) || in_set(&d->gone, st->object)) {
      d->drop[i - d->first] = 1;
      if(in_set(&d->parts, st->object))
        kg_hash_add(&d->loose, iri_of(st->object));
    }
  }
  return d->gone.n - n0;
}

/* Parts no statement left cites go too.  Returns how many. */
static size_t
drop_loose(struct dropping *d)
{
  struct kg_hash cited;
  size_t i, n0 = d->gone.n;

  kg_hash_init(&cited);
  /* a part's own mentions do not keep it */
  for(i = d->first; i < d->l->n; i++)
    if(!d->drop[i - d->first] && in_set(&d->loose, d->l->v[i]->object) &&
       strcmp(iri_of(d->l->v[i]->predicate), KG_NS_ITSRDF "taIdentRef"))
      kg_hash_add(&cited, iri_of(d->l->v[i]->object));
  for(i = 0; i < d->loose.cap; i++)
    if(d->loose.keys[i] && !kg_hash_has(&cited, d->loose.keys[i]))
      kg_hash_add(&d->gone, d->loose.keys[i]);
  kg_hash_release(&d->loose);
  kg_hash_init(&d->loose);
  kg_hash_release(&cited);
  return d->gone.n - n0;
}

void
kg_evidence_drop(struct kg_emit *e, const struct kg_hash *gone)
{
  struct dropping d;
  size_t i;

  memset(&d, 0, sizeof d);
  d.l = e->out;
  /* every statement of the report came through kg_evidence_triple() */
  d.first = e->out->n - e->added;
  d.drop = kg_xcalloc(e->added + 1, 1);
  kg_hash_init(&d.gone);
  kg_hash_init(&d.parts);
  kg_hash_init(&d.loose);
  for(i = 0; i < gone->cap; i++)
    if(gone->keys[i])
      kg_hash_add(&d.gone, gone->keys[i]);
  for(i = d.first; i < d.l->n; i++)
    if(!strcmp(iri_of(d.l->v[i]->predicate), KG_NS_RDF "type") &&
       is_part_class(iri_of(d.l->v[i]->object)))
      kg_hash_add(&d.parts, iri_of(d.l->v[i]->subject));
  /* until nothing more goes: an initiative takes its figures, the figures
   * their mentions, a reification its passage */
  while(drop_round(&d) || drop_loose(&d))
    ;
  e->added -= compact(d.l, d.first, d.drop);
  free(d.drop);
  kg_hash_release(&d.gone);
  kg_hash_release(&d.parts);
  kg_hash_release(&d.loose);
}

/* @t, when it is the IRI @from, becomes a copy of @to. */
static void
rename_term(raptor_term **t, const char *from, librdf_node *to)
{
  const char *u = iri_of(*t);

  if(!u || strcmp(u, from))
    return;
  raptor_free_term(*t);
  *t = raptor_term_copy(to);
}

/* Marks in @drop the statements of v[first..n) met before. */
static void
mark_repeated(struct kg_emit *e, size_t first, unsigned char *drop)
{
  struct kg_stmts *l = e->out;
  struct kg_hash met;
  size_t i;

  kg_hash_init(&met);
  for(i = first; i < l->n; i++) {
    kg_buf_reset(&e->keybuf);
    term_key(&e->keybuf, l->v[i]->subject);
    term_key(&e->keybuf, l->v[i]->predicate);
    term_key(&e->keybuf, l->v[i]->object);
    drop[i - first] = !kg_hash_add(&met, e->keybuf.s);
  }
  kg_hash_release(&met);
}

void
kg_evidence_merge(struct kg_emit *e, librdf_node *from, librdf_node *to)
{
  struct kg_stmts *l = e->out;
  size_t i, first = l->n - e->added;
  char *old = kg_xstrdup(iri_of(from));
  unsigned char *drop;

  for(i = first; i < l->n; i++) {
    raptor_statement *s = l->v[i];

    if(!strcmp(iri_of(s->subject) ? iri_of(s->subject) : "", old) &&
       !strcmp(iri_of(s->predicate), KG_NS_SCHEMA "name")) {
      raptor_free_term(s->predicate);   /* its name, now another one */
      s->predicate = kg_evidence_iri(e, KG_NS_SCHEMA, "alternateName");
    }
    rename_term(&s->subject, old, to);
    rename_term(&s->object, old, to);
  }
  drop = kg_xcalloc(e->added + 1, 1);
  mark_repeated(e, first, drop);
  e->added -= compact(l, first, drop);
  free(drop);
  free(old);
}
