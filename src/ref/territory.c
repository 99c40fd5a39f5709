/* territory_rdf.c - the RDF shape of a territory, to a model or N-Triples.
 *
 * shape() is the only place that knows which triples describe a territory;
 * it hands each triple to a sink (librdf model, or N-Triples text for
 * data/gazetteer/territoires.nt), so the two outputs cannot drift apart.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/world.h"
#include "base/diag.h"
#include "ref/gaz.h"
#include "rdf/ns.h"
#include "rdf/rdf.h"
#include "base/hash.h"
#include "ref/territory.h"

/* A triple: subject base + @subj; object ns + local (an IRI), or, when @ns
 * is NULL, the literal @local with language @lang (NULL: plain). */
struct shape_sink {
  const char *base;
  int (*triple)(struct shape_sink *k, const char *subj, const char *pred,
                const char *ns, const char *local, const char *lang);
};

static int
shape(const struct kg_gaz *g, const struct kg_terr *t, struct shape_sink *k)
{
  const struct kg_terr *up[KG_GAZ_MAX_ANCESTORS];
  struct kg_buf subj = KG_BUF_INIT;
  struct kg_buf obj = KG_BUF_INIT;
  size_t i, n;
  int rc = -1;

  kg_gaz_rel_iri(t, &subj);
  if(!subj.len)
    goto out;
  if(k->triple(k, subj.s, KG_NS_RDF "type", KG_NS_IGEO, kg_gaz_class(t),
               NULL) ||
     k->triple(k, subj.s, KG_NS_IGEO "codeINSEE", NULL, t->code, NULL) ||
     k->triple(k, subj.s, KG_NS_IGEO "nom", NULL, t->name, "fr"))
    goto out;
  n = kg_gaz_parents(g, t, up, KG_GAZ_MAX_ANCESTORS);
  for(i = 0; i < n; i++)
    if(k->triple(k, subj.s, KG_NS_IGEO "subdivisionDirecteDe", k->base,
                 kg_gaz_rel_iri(up[i], &obj), NULL))
      goto out;
  n = kg_gaz_ancestors(g, t, up, KG_GAZ_MAX_ANCESTORS);
  for(i = 0; i < n; i++)
    if(k->triple(k, subj.s, KG_NS_IGEO "subdivisionDe", k->base,
                 kg_gaz_rel_iri(up[i], &obj), NULL))
      goto out;
  rc = 0;
out:
  kg_buf_release(&subj);
  kg_buf_release(&obj);
  return rc;
}

/* ---------------------------------------------------------------- librdf */

/* Triples as librdf nodes, into a model or a statement list (one of the
 * two is set). */
struct model_sink {
  struct shape_sink k;      /* first: the callback gets &k */
  librdf_world *world;
  librdf_model *model;
  struct kg_stmts *l;
  librdf_node *graph;
};

static int
model_triple(struct shape_sink *k, const char *subj, const char *pred,
             const char *ns, const char *local, const char *lang)
{
  struct model_sink *ms = (struct model_sink *)(void *)k;
  librdf_node *s, *p, *o;

  s = kg_rdf_iri(ms->world, k->base, subj);
  p = kg_rdf_iri(ms->world, pred, NULL);
  o = ns ? kg_rdf_iri(ms->world, ns, local) : kg_rdf_lit(ms->world, local, lang);
  /* both take s, p, o */
  return ms->l ? kg_rdf_stmts_add(ms->l, s, p, o, ms->graph)
               : kg_rdf_add(ms->model, ms->graph, s, p, o);
}

/* 1 if @t is already described in the sink's graph: its rdf:type triple,
 * the first one shape() gives, is there.  Storages with contexts keep
 * duplicates, so emitting twice must not add again.  The hash lookup
 * (librdf_model_contains_statement, any graph) answers most calls; only a
 * territory present somewhere costs a scan of @graph. */
static int
in_graph(struct model_sink *ms, const struct kg_terr *t)
{
  struct kg_buf rel = KG_BUF_INIT;
  librdf_statement *st;
  librdf_stream *str;
  int found;

  kg_gaz_rel_iri(t, &rel);
  st = librdf_new_statement_from_nodes(ms->world,
         kg_rdf_iri(ms->world, ms->k.base, rel.s),
         kg_rdf_iri(ms->world, KG_NS_RDF "type", NULL),
         kg_rdf_iri(ms->world, KG_NS_IGEO, kg_gaz_class(t)));
  /* nodes now owned by st, even on failure */
  kg_buf_release(&rel);
  if(!st)
    return 0;
  /* librdf 1.0.17 returns -1 (not 1) when the model has it */
  found = librdf_model_contains_statement(ms->model, st) != 0;
  if(found && ms->graph) {
    str = librdf_model_find_statements_in_context(ms->model, st, ms->graph);
    found = str && !librdf_stream_end(str);
    if(str)
      librdf_free_stream(str);
  }
  librdf_free_statement(st);
  return found;
}

int
kg_territory_emit(struct kg_world *w, const struct kg_gaz *g,
                  const struct kg_terr *t, librdf_model *m, librdf_node *graph)
{
  const struct kg_terr *up[KG_GAZ_MAX_ANCESTORS + 1];
  struct model_sink ms;
  size_t i, n;

  memset(&ms, 0, sizeof ms);
  ms.k.base = w->base;
  ms.k.triple = model_triple;
  ms.world = w->world;
  ms.model = m;
  ms.graph = graph;
  up[0] = t;
  n = 1 + kg_gaz_ancestors(g, t, up + 1, KG_GAZ_MAX_ANCESTORS);
  for(i = 0; i < n; i++)
    if(!in_graph(&ms, up[i]) && shape(g, up[i], &ms.k) < 0)
      return -1;
  return 0;
}

/* ---------------------------------------------------------------- N-Triples */

struct nt_sink {
  struct shape_sink k;      /* first: the callback gets &k */
  FILE *out;
};

static void
nt_literal(FILE *out, const char *s)
{
  putc('"', out);
  for(; *s; s++) {
    switch(*s) {
      case '"': fputs("\\\"", out); break;
      case '\\': fputs("\\\\", out); break;
      case '\n': fputs("\\n", out); break;
      case '\r': fputs("\\r", out); break;
      default: putc(*s, out); break;
    }
  }
  putc('"', out);
}

static int
nt_triple(struct shape_sink *k, const char *subj, const char *pred,
          const char *ns, const char *local, const char *lang)
{
  FILE *out = ((struct nt_sink *)(void *)k)->out;

  fprintf(out, "<%s%s> <%s> ", k->base, subj, pred);
  if(ns) {
    fprintf(out, "<%s%s>", ns, local);
  } else {
    nt_literal(out, local);
    if(lang)
      fprintf(out, "@%s", lang);
  }
  fputs(" .\n", out);
  return ferror(out) ? -1 : 0;
}

int
kg_territory_write_nt(FILE *out, const struct kg_gaz *g,
                      const struct kg_terr *t, const char *base)
{
  struct nt_sink ns;

  ns.k.base = base;
  ns.k.triple = nt_triple;
  ns.out = out;
  return shape(g, t, &ns.k);
}

int
kg_territory_write_all_nt(FILE *out, const struct kg_gaz *g, const char *base)
{
  size_t i, n = kg_gaz_count(g);

  for(i = 0; i < n; i++) {
    const struct kg_terr *t = kg_gaz_at(g, i);

    if(t && kg_territory_write_nt(out, g, t, base) < 0)
      return -1;
  }
  return 0;
}

/* ---------------------------------------------------------------- list */

int
kg_territory_emit_stmts(struct kg_world *w, const struct kg_gaz *g,
                        const struct kg_terr *t, struct kg_stmts *l,
                        librdf_node *graph, struct kg_hash *done)
{
  const struct kg_terr *up[KG_GAZ_MAX_ANCESTORS + 1];
  struct model_sink ss;
  struct kg_buf rel = KG_BUF_INIT;
  size_t i, n;
  int rc = 0;

  memset(&ss, 0, sizeof ss);
  ss.k.base = w->base;
  ss.k.triple = model_triple;
  ss.world = w->world;
  ss.l = l;
  ss.graph = graph;
  up[0] = t;
  n = 1 + kg_gaz_ancestors(g, t, up + 1, KG_GAZ_MAX_ANCESTORS);
  for(i = 0; i < n && !rc; i++) {
    kg_gaz_rel_iri(up[i], &rel);
    if(kg_hash_add(done, rel.s) && shape(g, up[i], &ss.k) < 0)
      rc = -1;
  }
  kg_buf_release(&rel);
  return rc;
}
