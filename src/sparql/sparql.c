/* sparql.c - SPARQL over a librdf model: rasqal parses, we evaluate.
 *
 * rasqal 0.9.33 is used as a parser and an expression evaluator only (see
 * RASQAL-ALGEBRA.md): its engine gives wrong answers on several
 * constructs.  This is the entry point: the text pass (rewrite.c), rasqal's
 * parser for the query and each EXISTS group, the dataset (graph.c), the
 * plan (compile.c), the evaluation (eval.h lists the operators), then the
 * result (result.c) for SELECT, ASK, CONSTRUCT or DESCRIBE.  What cannot
 * be answered exactly is refused, naming the construct and its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/world.h"
#include "sparql/eval.h"
#include "sparql/features.h"
#include "sparql/lex.h"
#include "sparql/result.h"
#include "sparql/sparql.h"

/* rasqal messages: parse errors are captured while preparing (the first
 * one, with its line); evaluation warnings (unused variables, ...) are
 * noise and dropped; other errors are reported.  The capture is the
 * handler's user data while a query is prepared, NULL otherwise. */
struct capture {
  int set;
  int line;
  char msg[512];
};

static void
rasqal_log(void *user_data, raptor_log_message *m)
{
  struct capture *cap = user_data;

  if(m->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  if(cap) {
    if(!cap->set) {
      cap->set = 1;
      cap->line = m->locator && m->locator->line > 0 ? m->locator->line : 0;
      snprintf(cap->msg, sizeof cap->msg, "%s", m->text ? m->text : "");
    }
    return;
  }
  kg_error("%s", m->text ? m->text : "query engine error");
}

static int
prepare(struct kg_eval *ev, rasqal_query *q, const char *text)
{
  struct capture cap;
  int rc;

  memset(&cap, 0, sizeof(cap));
  rasqal_world_set_log_handler(ev->rw, &cap, rasqal_log);
  rc = rasqal_query_prepare(q, (const unsigned char *)text, NULL);
  rasqal_world_set_log_handler(ev->rw, NULL, rasqal_log);
  if(rc || cap.set) {
    struct kg_loc loc = { NULL, 0, 0 };

    loc.file = ev->source;
    loc.line = cap.line > 0 ? cap.line + ev->line_offset : 0;
    kg_error_at(&loc, "SPARQL syntax error: %s",
                cap.set ? cap.msg : "cannot parse the query");
    ev->failed = 1;
    return -1;
  }
  return 0;
}

/* The rewritten query and its EXISTS groups, parsed by rasqal; their
 * variables numbered; the (expr AS ?v) of each SELECT.  KG_EXIT_OK, or
 * the status after reporting. */
static int
parse_queries(struct kg_eval *ev)
{
  int i;

  ev->text = ev->rwo.text;
  ev->nq = 1 + ev->rwo.nexists;
  ev->queries = kg_xcalloc((size_t)ev->nq, sizeof(*ev->queries));
  for(i = 0; i < ev->nq; i++) {
    ev->queries[i] = rasqal_new_query(ev->rw, "sparql11-query", NULL);
    if(!ev->queries[i]) {
      kg_error("cannot create a SPARQL query");
      return KG_EXIT_SYS;
    }
    if(prepare(ev, ev->queries[i],
               i ? ev->rwo.exists[i - 1] : ev->rwo.text))
      return KG_EXIT_DATA;
    kg_compile_vars(ev, ev->queries[i], i);
  }
  ev->aliases = kg_xcalloc((size_t)ev->nq, sizeof(*ev->aliases));
  ev->naliases = kg_xcalloc((size_t)ev->nq, sizeof(int));
  ev->next_alias = kg_xcalloc((size_t)ev->nq, sizeof(int));
  for(i = 0; i < ev->nq; i++) {
    const char *text = i ? ev->rwo.exists[i - 1] : ev->rwo.text;

    ev->naliases[i] = kg_lex_select_aliases(text, &ev->aliases[i]);
  }
  return KG_EXIT_OK;
}

/* The bindings of the top SELECT @top: its columns of @rows. */
static struct kg_result *
bindings_result(struct kg_eval *ev, struct kg_plan_sel *top,
                struct kg_rows *rows)
{
  struct kg_result *r = kg_result_new(KG_RESULT_BINDINGS);
  int nc;
  int *cols = kg_project_columns(ev, top, ev->queries[0], &nc);
  size_t j;
  int i;

  r->nvars = nc;
  r->vars = kg_xcalloc((size_t)nc + 1, sizeof(char *));
  for(i = 0; i < nc; i++)
    r->vars[i] = kg_xstrdup(ev->names[cols[i]]);
  r->nrows = rows->n;
  r->cells = kg_xcalloc(rows->n * (size_t)nc + 1, sizeof(librdf_node *));
  for(j = 0; j < rows->n; j++)
    for(i = 0; i < nc; i++) {
      librdf_node *n = kg_rows_at(rows, j)[cols[i]];

      r->cells[j * (size_t)nc + (size_t)i] =
        n ? librdf_new_node_from_node(n) : NULL;
    }
  free(cols);
  return r;
}

/* The result of the query from the solutions @rows of @top; NULL after
 * reporting. */
static struct kg_result *
make_result(struct kg_eval *ev, struct kg_plan_sel *top, struct kg_rows *rows)
{
  rasqal_query *q = ev->queries[0];
  struct kg_result *r;

  switch(rasqal_query_get_verb(q)) {
    case RASQAL_QUERY_VERB_ASK:
      r = kg_result_new(KG_RESULT_BOOLEAN);
      r->boolean = rows->n > 0;
      return r;
    case RASQAL_QUERY_VERB_CONSTRUCT:
      r = kg_result_new(KG_RESULT_GRAPH);
      kg_construct_graph(ev, q, rows, r);
      return r;
    case RASQAL_QUERY_VERB_DESCRIBE:
      r = kg_result_new(KG_RESULT_GRAPH);
      if(kg_construct_describe(ev, q, rows, r)) {
        kg_result_free(r);
        return NULL;
      }
      return r;
    default:
      return bindings_result(ev, top, rows);
  }
}

int
kg_sparql_exec(struct kg_world *w, librdf_model *model, const char *query,
               const struct kg_sparql_opts *opts, struct kg_result **out)
{
  struct kg_eval ev;
  struct kg_result *r = NULL;
  struct kg_plan_sel *top = NULL;
  struct kg_rows rows;
  int rc = KG_EXIT_DATA;

  *out = NULL;
  kg_eval_init(&ev, w->world, model, opts);
  kg_rows_init(&rows, 0);
  if(kg_rewrite_run(query, ev.source, ev.line_offset, &ev.rwo))
    goto out;
  rc = parse_queries(&ev);
  if(rc != KG_EXIT_OK)
    goto out;
  rc = KG_EXIT_DATA;
  if(opts && kg_graph_dataset(&ev, ev.queries[0], opts))
    goto out;
  top = kg_compile_query(&ev);
  if(!top)
    goto out;
  kg_rows_init(&rows, ev.nvars);
  if(rasqal_query_get_verb(ev.queries[0]) == RASQAL_QUERY_VERB_DESCRIBE &&
     !top->where) {
    /* DESCRIBE <x> without WHERE */
    kg_rows_add(&rows, NULL);
  } else if(kg_select_eval(&ev, top, NULL, &rows)) {
    rc = ev.sys ? KG_EXIT_SYS : KG_EXIT_DATA;
    if(opts && opts->limit_hit && ev.limit.hit)
      *opts->limit_hit = 1;
    goto out;
  }
  r = make_result(&ev, top, &rows);
  if(!r)
    goto out;
  r->base = kg_xstrdup(w->base ? w->base : KG_DEFAULT_BASE);
  *out = r;
  rc = KG_EXIT_OK;
out:
  kg_rows_release(&rows);
  if(ev.sys)
    rc = KG_EXIT_SYS;
  kg_eval_release(&ev);
  return rc;
}

void
kg_sparql_features_markdown(FILE *out)
{
  kg_features_markdown(out);
}
