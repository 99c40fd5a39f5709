/* rewrite_path.c - the syntax of SPARQL property paths, read by the text
 * pass at a verb position: sequence, inverse, alternative, *, +, ?,
 * negated property sets; {n,m} is refused.  IRIs are resolved here
 * (prologue prefixes and BASE), so the evaluator sees absolute IRIs. */
#include <stdlib.h>

#include "base/buf.h"
#include "sparql/lex.h"
#include "sparql/rewrite.h"

static struct kg_path *
path_new(enum kg_path_kind k)
{
  struct kg_path *p = kg_xcalloc(1, sizeof(*p));

  p->kind = k;
  return p;
}

static void
path_add(struct kg_path *p, struct kg_path *k)
{
  p->kids = kg_xrealloc(p->kids, (size_t)(p->nkids + 1) * sizeof(*p->kids));
  p->kids[p->nkids++] = k;
}

static struct kg_path *
parse_nps_one(struct kg_lex *l)
{
  struct kg_path *p;
  int inv = 0;

  if(kg_lex_at(l, "^")) {
    inv = 1;
    l->i++;
  }
  if(!kg_lex_iri_tok(l, kg_lex_cur(l))) {
    kg_lex_fail(l, kg_lex_cur(l)->line, "expected an IRI in a negated "
                "property set");
    return NULL;
  }
  p = path_new(KG_PATH_LINK);
  p->iri = kg_lex_iri(l, kg_lex_cur(l));
  l->i++;
  if(!p->iri) {
    kg_path_free(p);
    return NULL;
  }
  if(inv) {
    struct kg_path *w = path_new(KG_PATH_INV);

    path_add(w, p);
    return w;
  }
  return p;
}

static struct kg_path *
parse_path_primary(struct kg_lex *l)
{
  struct kg_lex_tok *t = kg_lex_cur(l);
  struct kg_path *p;

  if(kg_lex_iri_tok(l, t)) {
    p = path_new(KG_PATH_LINK);
    p->iri = kg_lex_iri(l, t);
    l->i++;
    if(!p->iri) {
      kg_path_free(p);
      return NULL;
    }
    return p;
  }
  if(kg_lex_is(l, t, "!")) {
    l->i++;
    p = path_new(KG_PATH_NPS);
    if(kg_lex_at(l, "(")) {
      l->i++;
      while(!kg_lex_at(l, ")")) {
        struct kg_path *k = parse_nps_one(l);

        if(!k) {
          kg_path_free(p);
          return NULL;
        }
        path_add(p, k);
        if(kg_lex_at(l, "|"))
          l->i++;
        else if(!kg_lex_at(l, ")")) {
          kg_lex_fail(l, kg_lex_cur(l)->line, "expected '|' or ')' in a "
                      "negated property set");
          kg_path_free(p);
          return NULL;
        }
      }
      l->i++;
    } else {
      struct kg_path *k = parse_nps_one(l);

      if(!k) {
        kg_path_free(p);
        return NULL;
      }
      path_add(p, k);
    }
    return p;
  }
  if(kg_lex_is(l, t, "(")) {
    l->i++;
    p = kg_rewrite_path_parse(l);
    if(!p)
      return NULL;
    if(!kg_lex_at(l, ")")) {
      kg_lex_fail(l, kg_lex_cur(l)->line, "expected ')' in a property path");
      kg_path_free(p);
      return NULL;
    }
    l->i++;
    return p;
  }
  kg_lex_fail(l, t->line, "expected a property path");
  return NULL;
}

static struct kg_path *
parse_path_elt(struct kg_lex *l)
{
  int inv = 0;
  struct kg_path *p;
  struct kg_lex_tok *t;

  if(kg_lex_at(l, "^")) {
    inv = 1;
    l->i++;
  }
  p = parse_path_primary(l);
  if(!p)
    return NULL;
  t = kg_lex_cur(l);
  if(kg_lex_is(l, t, "*") || kg_lex_is(l, t, "+") || kg_lex_is(l, t, "?")) {
    struct kg_path *m = path_new(kg_lex_is(l, t, "*") ? KG_PATH_ZOM :
                                 kg_lex_is(l, t, "+") ? KG_PATH_OOM :
                                                        KG_PATH_ZOO);

    path_add(m, p);
    p = m;
    l->i++;
  } else if(kg_lex_is(l, t, "{")) {
    size_t e = t->e;
    int k = l->i;

    while(k < l->ntok && !kg_lex_is(l, &l->toks[k], "}"))
      k++;
    if(k < l->ntok)
      e = l->toks[k].e;
    kg_lex_refuse(l, t->line, "property path '%.*s' is not supported",
                  (int)(e - l->toks[l->i - 1].s),
                  l->text + l->toks[l->i - 1].s);
    kg_path_free(p);
    return NULL;
  }
  if(inv) {
    struct kg_path *w = path_new(KG_PATH_INV);

    path_add(w, p);
    p = w;
  }
  return p;
}

/* @item (@sep @item)*: one item, or a path of @kind over the items. */
static struct kg_path *
parse_list(struct kg_lex *l, const char *sep, enum kg_path_kind kind,
           struct kg_path *(*item)(struct kg_lex *))
{
  struct kg_path *p = item(l);
  struct kg_path *s;

  if(!p || !kg_lex_at(l, sep))
    return p;
  s = path_new(kind);
  path_add(s, p);
  while(kg_lex_at(l, sep)) {
    l->i++;
    p = item(l);
    if(!p) {
      kg_path_free(s);
      return NULL;
    }
    path_add(s, p);
  }
  return s;
}

static struct kg_path *
parse_path_seq(struct kg_lex *l)
{
  return parse_list(l, "/", KG_PATH_SEQ, parse_path_elt);
}

struct kg_path *
kg_rewrite_path_parse(struct kg_lex *l)
{
  return parse_list(l, "|", KG_PATH_ALT, parse_path_seq);
}
