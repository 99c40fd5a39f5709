/* eval.c - the evaluator's state, its messages, and the walk over a
 * pattern: a group joins its members in order (FILTERs pushed into its
 * BGPs, then applied once the members that bind them are joined), UNION adds up its branches, a
 * sub-SELECT is evaluated alone and joined; EXISTS evaluates its group
 * with the row substituted. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/eval.h"
#include "sparql/sparql.h"

/* ---------------------------------------------------------------- state */

void
kg_eval_init(struct kg_eval *ev, librdf_world *world, librdf_model *model,
             const struct kg_sparql_opts *opts)
{
  memset(ev, 0, sizeof(*ev));
  ev->world = world;
  ev->rw = librdf_world_get_rasqal(world);
  ev->model = model;
  ev->source = opts && opts->source ? opts->source : "query";
  ev->line_offset = opts ? opts->line_offset : 0;
  ev->rdf_type = librdf_new_node_from_uri_string(world,
    (const unsigned char *)"http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  if(opts && opts->predicates) {
    ev->preds = (librdf_node **)(uintptr_t)opts->predicates;
    ev->npreds = opts->npredicates;
    ev->preds_done = ev->preds_given = 1;
  }
  ev->default_ctx = opts ? opts->default_context : NULL;
  kg_limit_start(&ev->limit, opts);
  kg_graph_init(ev);
}

void
kg_eval_release(struct kg_eval *ev)
{
  int i;

  kg_compile_release(ev);
  for(i = 0; ev->aliases && i < ev->nq; i++) {
    int k;

    for(k = 0; k < ev->naliases[i]; k++)
      free(ev->aliases[i][k]);
    free(ev->aliases[i]);
  }
  free(ev->aliases);
  free(ev->naliases);
  free(ev->next_alias);
  for(i = 0; i < ev->nq; i++)
    if(ev->queries[i])
      rasqal_free_query(ev->queries[i]);
  free(ev->queries);
  for(i = 0; i < ev->nvars; i++)
    free(ev->names[i]);
  free(ev->names);
  if(!ev->preds_given) {
    for(i = 0; i < ev->npreds; i++)
      librdf_free_node(ev->preds[i]);
    free(ev->preds);
  }
  if(ev->rdf_type)
    librdf_free_node(ev->rdf_type);
  for(i = 0; i < ev->nfrom; i++)
    librdf_free_node(ev->from[i]);
  free(ev->from);
  for(i = 0; i < ev->nnamed; i++)
    librdf_free_node(ev->named[i]);
  free(ev->named);
  kg_expr_release(ev);
  kg_rewrite_release(&ev->rwo);
}

/* ---------------------------------------------------------------- messages */

/* Line of the first occurrence of @keyword (case-insensitive, as a word,
 * outside strings/IRIs/comments), or 0. */
static int
keyword_line(const char *text, const char *keyword)
{
  const char *p = text;
  size_t kl = strlen(keyword);
  int line = 1;

  if(!text || !keyword)
    return 0;
  while(*p) {
    if(*p == '\n') {
      line++;
      p++;
    } else if(*p == '#') {
      while(*p && *p != '\n')
        p++;
    } else if(*p == '"' || *p == '\'') {
      char q = *p++;

      while(*p && *p != q) {
        if(*p == '\\' && p[1])
          p++;
        if(*p == '\n')
          line++;
        p++;
      }
      if(*p)
        p++;
    } else if(*p == '<' && p[1] && !strchr(" \t\n=<", p[1])) {
      const char *e = p + 1;

      while(*e && *e != '>' && *e != ' ' && *e != '\n')
        e++;
      p = (*e == '>') ? e + 1 : p + 1;
    } else if(!strncasecmp(p, keyword, kl) &&
              (p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_' ||
                              p[-1] == ':' || p[-1] == '?' || p[-1] == '$')) &&
              !(isalnum((unsigned char)p[kl]) || p[kl] == '_' ||
                p[kl] == ':')) {
      return line;
    } else {
      p++;
    }
  }
  return 0;
}

void
kg_eval_refuse(struct kg_eval *ev, const char *keyword, const char *fmt,
               ...)
{
  struct kg_loc loc = { NULL, 0, 0 };
  va_list ap;
  int line;

  if(ev->failed)
    return;
  ev->failed = 1;
  loc.file = ev->source;
  line = 0;
  if(keyword && keyword[0] == '<') {
    const char *hit = ev->text ? strstr(ev->text, keyword) : NULL;
    const char *p;

    for(p = ev->text; hit && p <= hit; p++)
      if(p == hit || *p == '\n')
        line++;
  } else if(keyword) {
    line = keyword_line(ev->text, keyword);
  }
  if(line > 0)
    loc.line = line + ev->line_offset;
  va_start(ap, fmt);
  kg_verror_at(&loc, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------------- variables */

int
kg_eval_var_index(rasqal_variable *v)
{
  return v && v->user_data ? (int)(intptr_t)v->user_data - 1 : -1;
}

int
kg_eval_var_hidden(const char *name)
{
  return name[0] == '_' && (name[1] == ':' ||
                            !strncmp(name, KG_REWRITE_PLACEHOLDER_VAR,
                                     strlen(KG_REWRITE_PLACEHOLDER_VAR)));
}

/* ---------------------------------------------------------------- patterns */

static int eval_in(struct kg_eval *ev, struct kg_plan_gp *g,
                   struct kg_rows *in, librdf_node *ctx, int skip_filters,
                   struct kg_rows *out);

int
kg_eval_pattern(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
                librdf_node *ctx, int skip_filters, struct kg_rows *out)
{
  librdf_node *saved = ev->active_ctx;
  int rc;

  ev->active_ctx = ctx;
  rc = eval_in(ev, g, in, ctx, skip_filters, out);
  ev->active_ctx = saved;
  return rc;
}

/* A group: its members joined in order, each FILTER (unless
 * @skip_filters) after the last member that can bind its variables. */
static int
eval_group(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
           librdf_node *ctx, int skip_filters, struct kg_rows *out)
{
  struct kg_rows cur;
  struct kg_filter_push push;
  int *at = NULL;
  int rc = 0;
  int i;

  kg_rows_init(&cur, ev->nvars);
  kg_rows_append(&cur, in);
  memset(&push, 0, sizeof(push));
  if(!skip_filters) {
    kg_filter_push_init(ev, g, &push);
    at = kg_xcalloc((size_t)g->nkids + 1, sizeof(*at));
    kg_filter_place(ev, g, at);
    rc = kg_filter_after(ev, g, at, -1, &cur);
  }
  /* no row left: every later member keeps it so (joins, OPTIONAL,
   * MINUS, BIND, VALUES, FILTER of nothing are nothing) */
  for(i = 0; !rc && i < g->nkids && cur.n > 0; i++) {
    struct kg_plan_gp *k = g->kids[i];

    switch(k->op) {
      case KG_GP_FILTER:
        break;
      case KG_GP_OPT:
        rc = kg_join_optional(ev, &cur, k, ctx);
        break;
      case KG_GP_MINUS:
        rc = kg_join_minus(ev, &cur, k, ctx);
        break;
      case KG_GP_BIND:
        rc = kg_project_bind(ev, &cur, k);
        break;
      case KG_GP_VALUES:
        rc = kg_join_values(ev, &cur, k);
        break;
      case KG_GP_BGP:
      case KG_GP_GROUP:
      case KG_GP_UNION:
      case KG_GP_GRAPH:
      case KG_GP_SUB:
        rc = kg_join_pattern(ev, &cur, k, ctx,
                             k->op == KG_GP_BGP ? &push : NULL);
        break;
    }
    if(!rc && at)
      rc = kg_filter_after(ev, g, at, i, &cur);
    if(ev->failed)
      rc = -1;
  }
  kg_filter_push_release(&push);
  free(at);
  if(!rc)
    kg_rows_append(out, &cur);
  kg_rows_release(&cur);
  return rc;
}

static int
eval_union(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
           librdf_node *ctx, struct kg_rows *out)
{
  int rc = 0;
  int i;

  for(i = 0; !rc && i < g->nkids; i++) {
    if((rc = kg_limit_tick(ev, out->n)))
      break;
    if(g->kids[i]->op == KG_GP_BGP || g->kids[i]->safe) {
      rc = kg_eval_pattern(ev, g->kids[i], in, ctx, 0, out);
    } else {
      struct kg_rows tmp;

      kg_rows_init(&tmp, ev->nvars);
      kg_rows_append(&tmp, in);
      rc = kg_join_pattern(ev, &tmp, g->kids[i], ctx, NULL);
      kg_rows_append(out, &tmp);
      kg_rows_release(&tmp);
    }
  }
  return rc;
}

static int
eval_in(struct kg_eval *ev, struct kg_plan_gp *g, struct kg_rows *in,
        librdf_node *ctx, int skip_filters, struct kg_rows *out)
{
  struct kg_plan_gp one;
  struct kg_plan_gp *kids[1];
  struct kg_rows sr;
  int rc;

  if(ev->failed)
    return -1;
  switch(g->op) {
    case KG_GP_BGP:
      return kg_match_bgp(ev, g, in, ctx, NULL, out);
    case KG_GP_UNION:
      return eval_union(ev, g, in, ctx, out);
    case KG_GP_GRAPH:
      return kg_graph_eval(ev, g, in, out);
    case KG_GP_SUB:
      kg_rows_init(&sr, ev->nvars);
      rc = kg_select_eval(ev, g->sel, ctx, &sr);
      if(!rc)
        rc = kg_join_rows(ev, in, &sr, out);
      kg_rows_release(&sr);
      return rc;
    case KG_GP_GROUP:
      return eval_group(ev, g, in, ctx, skip_filters, out);
    case KG_GP_OPT:
    case KG_GP_MINUS:
    case KG_GP_FILTER:
    case KG_GP_BIND:
    case KG_GP_VALUES:
      break;
  }
  /* a lone OPTIONAL/MINUS/... is a group of one */
  memset(&one, 0, sizeof(one));
  one.op = KG_GP_GROUP;
  kids[0] = g;
  one.kids = kids;
  one.nkids = 1;
  return kg_eval_pattern(ev, &one, in, ctx, skip_filters, out);
}

/* ---------------------------------------------------------------- EXISTS */

void
kg_eval_exists_seen(struct kg_eval *ev, int idx)
{
  if(idx >= 0 && idx < ev->rwo.nexists && ev->exists_ok)
    ev->exists_ok[idx] = 1;
}

int
kg_eval_exists(struct kg_eval *ev, int idx, librdf_node **row)
{
  struct kg_rows in;
  struct kg_rows out;
  int rc;
  int found;

  if(idx < 0 || idx >= ev->nexists || !ev->exists[idx])
    return -1;
  kg_rows_init(&in, ev->nvars);
  kg_rows_init(&out, ev->nvars);
  kg_rows_add(&in, row);
  rc = kg_eval_pattern(ev, ev->exists[idx], &in, ev->active_ctx, 0, &out);
  found = out.n > 0;
  kg_rows_release(&in);
  kg_rows_release(&out);
  return rc ? -1 : found;
}
