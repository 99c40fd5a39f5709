/* sparql.c - SPARQL over a librdf model: rasqal parses, we evaluate.
 *
 * rasqal 0.9.33 is used as a parser and an expression evaluator only (see
 * docs from RASQAL-ALGEBRA.md): its engine gives wrong answers on several
 * constructs.  This file walks the parsed tree into a plan of our own and
 * evaluates it over the model: BGPs ordered by selectivity with bindings
 * pushed into index lookups, OPTIONAL, UNION, MINUS, FILTER, BIND, VALUES,
 * GRAPH, sub-SELECT, property paths (closures computed here), EXISTS,
 * grouping and aggregates, ORDER BY, DISTINCT, LIMIT/OFFSET, CONSTRUCT,
 * DESCRIBE, ASK.  What it cannot answer exactly it refuses, naming the
 * construct and its line.
 *
 * Dataset: the default graph is the union of all graphs of the model
 * (librdf's behaviour); GRAPH iterates the model's contexts.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "cli/ctx.h"
#include "base/diag.h"
#include "sparql/features.h"
#include "sparql/result.h"
#include "sparql/sparql_int.h"

/* ================================================================ plan */

enum gp_op {
  G_BGP = 0, G_GROUP, G_OPT, G_UNION, G_MINUS, G_GRAPH, G_FILTER, G_BIND,
  G_VALUES, G_SUB
};

struct term {
  int var;                  /* >= 0: variable index; -1: constant */
  librdf_node *node;        /* constant (owned) */
};

struct tp {
  struct term t[3];
  int path;                 /* -1, or index into ev->rw.paths */
};

struct sel;

struct gp {
  enum gp_op op;
  struct tp *tps;
  int ntps;
  struct gp **kids;
  int nkids;
  rasqal_expression *expr;  /* FILTER, BIND (SHARED with rasqal) */
  int var;                  /* BIND target */
  struct term graph;        /* GRAPH */
  int nvv;                  /* VALUES: variables */
  int *vv;
  size_t nvrows;
  librdf_node **vcells;     /* nvrows * nvv, NULL = UNDEF (owned) */
  struct sel *sel;          /* SUB */
  int safe;                 /* joining by substitution is exact */
};

struct sel {
  rasqal_query *q;
  int nproj;
  int *proj;                /* variable indexes */
  rasqal_expression **pexpr;/* (expr AS ?v), else NULL */
  int wildcard;
  int distinct;
  raptor_sequence *group;
  raptor_sequence *having;
  raptor_sequence *order;
  int limit;
  int offset;
  struct gp *where;
  struct gp *values;        /* trailing VALUES (G_VALUES) or NULL */
};

struct rows {
  librdf_node **c;
  size_t n;
  size_t cap;
  int w;
};

struct kg_sq_ev {
  librdf_world *world;
  rasqal_world *rw;
  librdf_model *model;
  const char *source;
  int line_offset;
  const char *text;         /* rewritten text, for keyword lines */
  struct kg_rewrite rwo;
  int nvars;
  char **names;
  int cap_names;
  rasqal_query **queries;   /* [0] main, then EXISTS groups */
  int nq;
  char ***aliases;          /* per query: kg_lex_select_aliases() */
  int *naliases;
  int *next_alias;
  struct gp **exists;       /* plan of each EXISTS group */
  int nexists;
  unsigned char *exists_ok; /* placeholder seen in the parsed tree */
  struct gp **all_gps;      /* for freeing */
  int ngps;
  int cap_gps;
  struct sel **all_sels;
  int nsels;
  int cap_sels;
  librdf_node **preds;      /* all predicates, on first need */
  int npreds;
  int preds_done;
  int preds_given;          /* preds borrowed from opts */
  librdf_node *default_ctx; /* opts->default_context (SHARED) */
  int nscans;               /* unindexed scans done before loading preds */
  librdf_node *path_const[2]; /* constant ends of the path being matched */
  int has_dataset;          /* FROM / FROM NAMED given */
  librdf_node *active_ctx;  /* graph of the pattern being evaluated */
  librdf_node **from;       /* FROM graphs: the default graph is their merge */
  int nfrom;
  librdf_node **named;      /* FROM NAMED graphs: the only named graphs */
  int nnamed;
  int dedupe;               /* the model has graphs: the default graph
                               (their union) may return a triple twice */
  rasqal_expression **agg_e;/* current group's aggregate values */
  rasqal_literal **agg_v;
  int nagg;
  int failed;               /* refusal or system error reported */
  int sys;                  /* system error */
  librdf_node *rdf_type;
  struct kg_sq_expr_state expr;
};

/* ================================================================ helpers */

static void
rows_init(struct rows *r, int w)
{
  memset(r, 0, sizeof(*r));
  r->w = w;
}

static void
rows_release(struct rows *r)
{
  size_t i;

  for(i = 0; i < r->n * (size_t)r->w; i++)
    if(r->c[i])
      librdf_free_node(r->c[i]);
  free(r->c);
  r->c = NULL;
  r->n = r->cap = 0;
}

static librdf_node **
rows_at(struct rows *r, size_t i)
{
  return r->c + i * (size_t)r->w;
}

/* Appends a copy of @row. */
static librdf_node **
rows_add(struct rows *r, librdf_node **row)
{
  librdf_node **d;
  int i;

  if(r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    r->c = kg_xrealloc(r->c, r->cap * (size_t)(r->w ? r->w : 1) *
                       sizeof(librdf_node *));
  }
  d = r->c + r->n * (size_t)r->w;
  for(i = 0; i < r->w; i++)
    d[i] = (row && row[i]) ? librdf_new_node_from_node(row[i]) : NULL;
  r->n++;
  return d;
}

static void
rows_move(struct rows *dst, struct rows *src)
{
  rows_release(dst);
  *dst = *src;
  memset(src, 0, sizeof(*src));
  src->w = dst->w;
}

static void
row_set(librdf_node **row, int i, librdf_node *n)
{
  if(row[i])
    librdf_free_node(row[i]);
  row[i] = n ? librdf_new_node_from_node(n) : NULL;
}

static int
node_eq(librdf_node *a, librdf_node *b)
{
  return librdf_node_equals(a, b) != 0;
}

static int
compatible(librdf_node **a, librdf_node **b, int w, int *shared)
{
  int i;

  if(shared)
    *shared = 0;
  for(i = 0; i < w; i++) {
    if(a[i] && b[i]) {
      if(!node_eq(a[i], b[i]))
        return 0;
      if(shared)
        *shared = 1;
    }
  }
  return 1;
}

static void
row_key(struct kg_buf *b, librdf_node **row, const int *cols, int ncols)
{
  int i;

  kg_buf_reset(b);
  for(i = 0; i < ncols; i++) {
    if(row[cols[i]])
      kg_term_nt(b, row[cols[i]]);
    kg_buf_addc(b, '\x01');
  }
}

/* ================================================================ messages */

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
kg_sq_refuse(struct kg_sq_ev *ev, const char *keyword, const char *fmt, ...)
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

rasqal_world *
kg_sq_rasqal(struct kg_sq_ev *ev)
{
  return ev->rw;
}

const char *
kg_sq_base(struct kg_sq_ev *ev)
{
  return ev->rwo.base;
}

int
kg_sq_failed(struct kg_sq_ev *ev)
{
  return ev->failed;
}

librdf_world *
kg_sq_world(struct kg_sq_ev *ev)
{
  return ev->world;
}

struct kg_sq_expr_state *
kg_sq_expr_state(struct kg_sq_ev *ev)
{
  return &ev->expr;
}

/* ================================================================ variables */

int
kg_sq_var_index(rasqal_variable *v)
{
  return v && v->user_data ? (int)(intptr_t)v->user_data - 1 : -1;
}

static int
var_intern(struct kg_sq_ev *ev, const char *name)
{
  int i;

  for(i = 0; i < ev->nvars; i++)
    if(!strcmp(ev->names[i], name))
      return i;
  if(ev->nvars == ev->cap_names) {
    ev->cap_names = ev->cap_names ? ev->cap_names * 2 : 32;
    ev->names = kg_xrealloc(ev->names, (size_t)ev->cap_names * sizeof(char *));
  }
  ev->names[ev->nvars] = kg_xstrdup(name);
  return ev->nvars++;
}

static void
register_vars(struct kg_sq_ev *ev, rasqal_query *q, int qi)
{
  raptor_sequence *seq;
  int i;
  int n;

  seq = rasqal_query_get_all_variable_sequence(q);
  n = seq ? raptor_sequence_size(seq) : 0;
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(seq, i);

    v->user_data = (void *)(intptr_t)(var_intern(ev, (const char *)v->name)
                                      + 1);
  }
  seq = rasqal_query_get_anonymous_variable_sequence(q);
  n = seq ? raptor_sequence_size(seq) : 0;
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(seq, i);
    char name[256];

    snprintf(name, sizeof name, "_:%d:%s", qi, (const char *)v->name);
    v->user_data = (void *)(intptr_t)(var_intern(ev, name) + 1);
  }
}

static int
var_hidden(const char *name)
{
  return name[0] == '_' && (name[1] == ':' ||
                            !strncmp(name, KG_REWRITE_PLACEHOLDER_VAR,
                                     strlen(KG_REWRITE_PLACEHOLDER_VAR)));
}

/* ================================================================ compile */

static struct gp *
gp_new(struct kg_sq_ev *ev, enum gp_op op)
{
  struct gp *g = kg_xcalloc(1, sizeof(*g));

  g->op = op;
  g->var = -1;
  g->graph.var = -1;
  if(ev->ngps == ev->cap_gps) {
    ev->cap_gps = ev->cap_gps ? ev->cap_gps * 2 : 32;
    ev->all_gps = kg_xrealloc(ev->all_gps,
                              (size_t)ev->cap_gps * sizeof(struct gp *));
  }
  ev->all_gps[ev->ngps++] = g;
  return g;
}

static void
gp_free(struct gp *g)
{
  int i;
  size_t j;

  for(i = 0; i < g->ntps; i++) {
    int k;

    for(k = 0; k < 3; k++)
      if(g->tps[i].t[k].node)
        librdf_free_node(g->tps[i].t[k].node);
  }
  free(g->tps);
  free(g->kids);
  if(g->graph.node)
    librdf_free_node(g->graph.node);
  for(j = 0; j < g->nvrows * (size_t)g->nvv; j++)
    if(g->vcells[j])
      librdf_free_node(g->vcells[j]);
  free(g->vcells);
  free(g->vv);
  free(g);
}

static void
gp_add_kid(struct gp *g, struct gp *k)
{
  g->kids = kg_xrealloc(g->kids, (size_t)(g->nkids + 1) * sizeof(*g->kids));
  g->kids[g->nkids++] = k;
}

static int
term_from_literal(struct kg_sq_ev *ev, rasqal_literal *l, struct term *t)
{
  rasqal_variable *v = rasqal_literal_as_variable(l);

  t->var = -1;
  t->node = NULL;
  if(v) {
    t->var = kg_sq_var_index(v);
    return t->var >= 0 ? 0 : -1;
  }
  t->node = kg_term_from_literal(ev->world, l);
  if(!t->node) {
    kg_sq_refuse(ev, NULL, "unsupported term in a triple pattern");
    return -1;
  }
  return 0;
}

static int
path_index(librdf_node *n)
{
  const char *s;

  if(!n || !librdf_node_is_resource(n))
    return -1;
  s = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  if(strncmp(s, KG_REWRITE_PATH_NS, strlen(KG_REWRITE_PATH_NS)))
    return -1;
  return atoi(s + strlen(KG_REWRITE_PATH_NS));
}

static struct sel *compile_select(struct kg_sq_ev *ev, rasqal_query *q,
                                  rasqal_graph_pattern *where,
                                  struct kg_mirror_subsel *ss);

static int compile_check_expr(struct kg_sq_ev *ev, rasqal_expression *e);

static int
rows_from_values(struct kg_sq_ev *ev, struct gp *g, raptor_sequence *vars,
                 raptor_sequence *rowseq)
{
  int i;
  int nr;

  g->nvv = vars ? raptor_sequence_size(vars) : 0;
  g->vv = kg_xcalloc((size_t)(g->nvv ? g->nvv : 1), sizeof(int));
  for(i = 0; i < g->nvv; i++)
    g->vv[i] = kg_sq_var_index(raptor_sequence_get_at(vars, i));
  nr = rowseq ? raptor_sequence_size(rowseq) : 0;
  g->nvrows = (size_t)nr;
  g->vcells = kg_xcalloc((size_t)(nr * g->nvv) + 1, sizeof(librdf_node *));
  for(i = 0; i < nr; i++) {
    rasqal_literal **vals;
    int size = kg_mirror_row(raptor_sequence_get_at(rowseq, i), &vals);
    int j;

    if(size != g->nvv) {
      kg_sq_refuse(ev, "VALUES", "VALUES row %d has %d values for %d "
                   "variables", i + 1, size, g->nvv);
      return -1;
    }
    for(j = 0; j < size; j++)
      g->vcells[(size_t)i * (size_t)g->nvv + (size_t)j] =
        vals[j] ? kg_term_from_literal(ev->world, vals[j]) : NULL;
  }
  return 0;
}

static struct gp *
compile_gp(struct kg_sq_ev *ev, rasqal_query *q, rasqal_graph_pattern *rg)
{
  rasqal_graph_pattern_operator op = rasqal_graph_pattern_get_operator(rg);
  struct gp *g = NULL;
  rasqal_graph_pattern *sub;
  rasqal_triple *t;
  int i;

  switch(op) {
    case RASQAL_GRAPH_PATTERN_OPERATOR_BASIC:
      g = gp_new(ev, G_BGP);
      for(i = 0; (t = rasqal_graph_pattern_get_triple(rg, i)); i++) {
        struct tp *p;

        g->tps = kg_xrealloc(g->tps, (size_t)(g->ntps + 1) * sizeof(*g->tps));
        p = &g->tps[g->ntps++];
        memset(p, 0, sizeof(*p));
        p->path = -1;
        if(term_from_literal(ev, t->subject, &p->t[0]) ||
           term_from_literal(ev, t->predicate, &p->t[1]) ||
           term_from_literal(ev, t->object, &p->t[2]))
          return NULL;
        p->path = path_index(p->t[1].node);
        if(p->path >= ev->rwo.npaths)
          p->path = -1;
      }
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_GROUP:
    case RASQAL_GRAPH_PATTERN_OPERATOR_UNION:
    case RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL:
    case RASQAL_GRAPH_PATTERN_OPERATOR_MINUS:
    case RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH:
      g = gp_new(ev, op == RASQAL_GRAPH_PATTERN_OPERATOR_GROUP ? G_GROUP :
                 op == RASQAL_GRAPH_PATTERN_OPERATOR_UNION ? G_UNION :
                 op == RASQAL_GRAPH_PATTERN_OPERATOR_OPTIONAL ? G_OPT :
                 op == RASQAL_GRAPH_PATTERN_OPERATOR_MINUS ? G_MINUS : G_GRAPH);
      if(op == RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH &&
         term_from_literal(ev, rasqal_graph_pattern_get_origin(rg), &g->graph))
        return NULL;
      for(i = 0; (sub = rasqal_graph_pattern_get_sub_graph_pattern(rg, i));
          i++) {
        struct gp *k = compile_gp(ev, q, sub);

        if(!k)
          return NULL;
        gp_add_kid(g, k);
      }
      if(g->op != G_GROUP && g->op != G_UNION && g->nkids != 1) {
        struct gp *grp = gp_new(ev, G_GROUP);

        grp->kids = g->kids;
        grp->nkids = g->nkids;
        g->kids = NULL;
        g->nkids = 0;
        gp_add_kid(g, grp);
      }
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_FILTER:
      g = gp_new(ev, G_FILTER);
      g->expr = rasqal_graph_pattern_get_filter_expression(rg);
      if(compile_check_expr(ev, g->expr))
        return NULL;
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_LET:
      g = gp_new(ev, G_BIND);
      g->expr = rasqal_graph_pattern_get_filter_expression(rg);
      g->var = kg_sq_var_index(rasqal_graph_pattern_get_variable(rg));
      if(compile_check_expr(ev, g->expr))
        return NULL;
      return g;
    case RASQAL_GRAPH_PATTERN_OPERATOR_VALUES: {
      raptor_sequence *vars = NULL;
      raptor_sequence *rowseq = NULL;

      if(kg_mirror_values(q, rg, &vars, &rowseq)) {
        kg_sq_refuse(ev, "VALUES", "VALUES inside a group is not supported "
                     "with this rasqal version");
        return NULL;
      }
      g = gp_new(ev, G_VALUES);
      if(rows_from_values(ev, g, vars, rowseq))
        return NULL;
      return g;
    }
    case RASQAL_GRAPH_PATTERN_OPERATOR_SELECT: {
      struct kg_mirror_subsel ss;

      if(kg_mirror_subselect(q, rg, &ss)) {
        kg_sq_refuse(ev, "SELECT", "sub-SELECT is not supported with this "
                     "rasqal version");
        return NULL;
      }
      g = gp_new(ev, G_SUB);
      g->sel = compile_select(ev, q, rasqal_graph_pattern_get_sub_graph_pattern(rg, 0),
                              &ss);
      if(!g->sel)
        return NULL;
      return g;
    }
    case RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE:
      kg_sq_refuse(ev, "SERVICE", "SERVICE is not supported (remote queries "
                   "are not run)");
      return NULL;
    case RASQAL_GRAPH_PATTERN_OPERATOR_UNKNOWN:
    default:
      kg_sq_refuse(ev, NULL, "unsupported graph pattern '%s'",
                   rasqal_graph_pattern_operator_as_string(op));
      return NULL;
  }
}

static int
compile_check_expr(struct kg_sq_ev *ev, rasqal_expression *e)
{
  return kg_sq_expr_check(ev, e);
}

/* Variables mentioned by a triple pattern block / group that are certainly
 * bound by it (used to decide whether substitution is exact). */
static void
certain_vars(struct gp *g, unsigned char *set)
{
  int i;
  int k;

  switch(g->op) {
    case G_BGP:
      for(i = 0; i < g->ntps; i++)
        for(k = 0; k < 3; k++)
          if(g->tps[i].t[k].var >= 0)
            set[g->tps[i].t[k].var] = 1;
      break;
    case G_GROUP:
      for(i = 0; i < g->nkids; i++)
        if(g->kids[i]->op == G_BGP || g->kids[i]->op == G_GRAPH ||
           g->kids[i]->op == G_GROUP)
          certain_vars(g->kids[i], set);
      break;
    case G_GRAPH:
      if(g->graph.var >= 0)
        set[g->graph.var] = 1;
      certain_vars(g->kids[0], set);
      break;
    default:
      break;
  }
}

static void
expr_vars(rasqal_expression *e, unsigned char *set, int *has_special)
{
  int i;

  if(!e)
    return;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v && kg_sq_var_index(v) >= 0)
      set[kg_sq_var_index(v)] = 1;
    return;
  }
  if(e->op == RASQAL_EXPR_FUNCTION || e->op == RASQAL_EXPR_BOUND)
    *has_special = 1;
  expr_vars(e->arg1, set, has_special);
  expr_vars(e->arg2, set, has_special);
  expr_vars(e->arg3, set, has_special);
  expr_vars(e->arg4, set, has_special);
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      expr_vars(raptor_sequence_get_at(e->args, i), set, has_special);
}

/* 1 if joining @g with input rows by substituting their bindings gives
 * exactly the SPARQL join; @skip_filters: the group's own FILTERs are the
 * caller's (OPTIONAL condition). */
static int
compute_safe(struct kg_sq_ev *ev, struct gp *g, int skip_filters)
{
  unsigned char *cert;
  unsigned char *used;
  int i;
  int ok = 1;

  switch(g->op) {
    case G_BGP:
      return 1;
    case G_UNION:
      for(i = 0; i < g->nkids; i++)
        if(!compute_safe(ev, g->kids[i], 0))
          return 0;
      return 1;
    case G_GRAPH:
      return compute_safe(ev, g->kids[0], 0);
    case G_GROUP:
      cert = kg_xcalloc((size_t)ev->nvars + 1, 1);
      used = kg_xcalloc((size_t)ev->nvars + 1, 1);
      certain_vars(g, cert);
      for(i = 0; ok && i < g->nkids; i++) {
        struct gp *k = g->kids[i];
        int special = 0;
        int j;

        if(k->op == G_FILTER) {
          if(skip_filters)
            continue;
          memset(used, 0, (size_t)ev->nvars + 1);
          expr_vars(k->expr, used, &special);
          if(special)
            ok = 0;
          for(j = 0; ok && j < ev->nvars; j++)
            if(used[j] && !cert[j])
              ok = 0;
        } else if(k->op == G_BGP || k->op == G_UNION || k->op == G_GRAPH ||
                  k->op == G_GROUP) {
          ok = compute_safe(ev, k, 0);
        } else {
          ok = 0;
        }
      }
      free(cert);
      free(used);
      return ok;
    default:
      return 0;
  }
}

static void
mark_safe(struct kg_sq_ev *ev)
{
  int i;

  for(i = 0; i < ev->ngps; i++) {
    struct gp *g = ev->all_gps[i];

    if(g->op == G_OPT)
      g->kids[0]->safe = compute_safe(ev, g->kids[0], 1);
    else
      g->safe = compute_safe(ev, g, 0);
  }
  /* the right side of OPTIONAL was computed with its filters skipped;
   * recompute the others which may have overwritten it */
  for(i = 0; i < ev->ngps; i++) {
    struct gp *g = ev->all_gps[i];

    if(g->op == G_OPT)
      g->kids[0]->safe = compute_safe(ev, g->kids[0], 1);
  }
}

static int
is_aggregate_op(rasqal_op op)
{
  return op == RASQAL_EXPR_COUNT || op == RASQAL_EXPR_SUM ||
    op == RASQAL_EXPR_AVG || op == RASQAL_EXPR_MIN || op == RASQAL_EXPR_MAX ||
    op == RASQAL_EXPR_SAMPLE || op == RASQAL_EXPR_GROUP_CONCAT;
}

/* The (expr AS ?v) of this SELECT: rasqal attaches expressions to the
 * variable objects, which are shared by every SELECT of the query, so the
 * text tells which SELECT defines which variable. NULL = unknown. */
static const char *
next_aliases(struct kg_sq_ev *ev, rasqal_query *q)
{
  int qi;

  for(qi = 0; qi < ev->nq; qi++)
    if(ev->queries[qi] == q)
      break;
  if(qi == ev->nq || !ev->aliases || ev->next_alias[qi] >= ev->naliases[qi])
    return NULL;
  return ev->aliases[qi][ev->next_alias[qi]++];
}

static struct sel *
compile_select(struct kg_sq_ev *ev, rasqal_query *q,
               rasqal_graph_pattern *where, struct kg_mirror_subsel *ss)
{
  struct sel *s = kg_xcalloc(1, sizeof(*s));
  raptor_sequence *pv;
  int i;
  int n;
  const char *alias = NULL;

  if(ev->nsels == ev->cap_sels) {
    ev->cap_sels = ev->cap_sels ? ev->cap_sels * 2 : 8;
    ev->all_sels = kg_xrealloc(ev->all_sels,
                               (size_t)ev->cap_sels * sizeof(struct sel *));
  }
  ev->all_sels[ev->nsels++] = s;
  s->q = q;
  if(ss || rasqal_query_get_verb(q) == RASQAL_QUERY_VERB_SELECT)
    alias = next_aliases(ev, q);
  if(alias) {
    /* (e AS ?x) (e AS ?x): rasqal keeps one */
    const char *p = alias + 1;

    while(*p) {
      const char *e = strchr(p, '|');
      char key[300];

      if(!e)
        break;
      snprintf(key, sizeof key, "|%.*s|", (int)(e - p), p);
      if(strstr(e, key)) {
        kg_sq_refuse(ev, "SELECT", "SELECT: variable ?%.*s is selected "
                     "twice", (int)(e - p), p);
        return NULL;
      }
      p = e + 1;
    }
  }
  if(ss) {
    pv = ss->vars;
    s->wildcard = ss->wildcard;
    s->distinct = ss->distinct;
    s->group = ss->group;
    s->having = ss->having;
    s->order = ss->order;
    s->limit = ss->limit;
    s->offset = ss->offset;
    if(ss->values_vars) {
      s->values = gp_new(ev, G_VALUES);
      if(rows_from_values(ev, s->values, ss->values_vars, ss->values_rows))
        return NULL;
    }
  } else {
    pv = rasqal_query_get_bound_variable_sequence(q);
    s->wildcard = rasqal_query_get_wildcard(q);
    s->distinct = rasqal_query_get_distinct(q);
    s->group = rasqal_query_get_group_conditions_sequence(q);
    s->having = rasqal_query_get_having_conditions_sequence(q);
    s->order = rasqal_query_get_order_conditions_sequence(q);
    s->limit = rasqal_query_get_limit(q);
    s->offset = rasqal_query_get_offset(q);
    if(rasqal_query_get_bindings_variables_sequence(q)) {
      s->values = gp_new(ev, G_VALUES);
      if(!kg_mirror_ok(q, NULL)) {
        kg_sq_refuse(ev, "VALUES", "trailing VALUES is not supported with "
                     "this rasqal version");
        return NULL;
      }
      if(rows_from_values(ev, s->values,
                          rasqal_query_get_bindings_variables_sequence(q),
                          rasqal_query_get_bindings_rows_sequence(q)))
        return NULL;
    }
  }
  if(where) {
    s->where = compile_gp(ev, q, where);
    if(!s->where)
      return NULL;
  }
  n = pv ? raptor_sequence_size(pv) : 0;
  s->proj = kg_xcalloc((size_t)n + 1, sizeof(int));
  s->pexpr = kg_xcalloc((size_t)n + 1, sizeof(rasqal_expression *));
  for(i = 0; i < n; i++) {
    rasqal_variable *v = raptor_sequence_get_at(pv, i);

    s->proj[s->nproj] = kg_sq_var_index(v);
    s->pexpr[s->nproj] = s->wildcard ? NULL : v->expression;
    if(s->pexpr[s->nproj] && alias) {
      char key[300];

      snprintf(key, sizeof key, "|%s|", (const char *)v->name);
      if(!strstr(alias, key))
        s->pexpr[s->nproj] = NULL;    /* defined by another SELECT */
    }
    if(s->pexpr[s->nproj] && compile_check_expr(ev, s->pexpr[s->nproj]))
      return NULL;
    s->nproj++;
  }
  for(i = 0; s->having && i < raptor_sequence_size(s->having); i++)
    if(compile_check_expr(ev, raptor_sequence_get_at(s->having, i)))
      return NULL;
  for(i = 0; s->order && i < raptor_sequence_size(s->order); i++)
    if(compile_check_expr(ev, raptor_sequence_get_at(s->order, i)))
      return NULL;
  for(i = 0; s->group && i < raptor_sequence_size(s->group); i++) {
    rasqal_expression *e = raptor_sequence_get_at(s->group, i);
    rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->literal) : NULL;

    if(compile_check_expr(ev, v && v->expression ? v->expression : e))
      return NULL;
  }
  return s;
}

/* In-scope variables of a pattern (for SELECT *). */
static void
scope_vars(struct gp *g, unsigned char *set)
{
  int i;

  switch(g->op) {
    case G_BGP:
      certain_vars(g, set);
      break;
    case G_GROUP:
    case G_UNION:
    case G_OPT:
      for(i = 0; i < g->nkids; i++)
        scope_vars(g->kids[i], set);
      break;
    case G_GRAPH:
      if(g->graph.var >= 0)
        set[g->graph.var] = 1;
      scope_vars(g->kids[0], set);
      break;
    case G_BIND:
      if(g->var >= 0)
        set[g->var] = 1;
      break;
    case G_VALUES:
      for(i = 0; i < g->nvv; i++)
        set[g->vv[i]] = 1;
      break;
    case G_SUB:
      if(g->sel->wildcard && g->sel->where) {
        scope_vars(g->sel->where, set);
        if(g->sel->values)
          scope_vars(g->sel->values, set);
      } else {
        for(i = 0; i < g->sel->nproj; i++)
          set[g->sel->proj[i]] = 1;
      }
      break;
    default:
      break;
  }
}

/* SPARQL syntax rules rasqal does not check: BIND to a variable already
 * in scope; (expr AS ?v) with ?v in scope or repeated. */
static int
check_scopes(struct kg_sq_ev *ev)
{
  int i;
  int k;
  int j;

  for(i = 0; i < ev->ngps; i++) {
    struct gp *g = ev->all_gps[i];
    unsigned char *set;

    if(g->op != G_GROUP)
      continue;
    set = kg_xcalloc((size_t)ev->nvars + 1, 1);
    for(k = 0; k < g->nkids; k++) {
      struct gp *c = g->kids[k];

      if(c->op == G_BIND && c->var >= 0 && set[c->var]) {
        kg_sq_refuse(ev, "BIND", "BIND: variable ?%s is already in scope",
                     ev->names[c->var]);
        free(set);
        return -1;
      }
      if(c->op != G_FILTER && c->op != G_MINUS)
        scope_vars(c, set);
    }
    free(set);
  }
  for(i = 0; i < ev->nsels; i++) {
    struct sel *s = ev->all_sels[i];
    unsigned char *set;

    if(s->wildcard)
      continue;
    set = kg_xcalloc((size_t)ev->nvars + 1, 1);
    if(s->where)
      scope_vars(s->where, set);
    for(k = 0; k < s->nproj; k++) {
      int dup = 0;

      for(j = 0; j < k; j++)
        if(s->proj[j] == s->proj[k])
          dup = 1;
      if(s->pexpr[k] && (set[s->proj[k]] || dup)) {
        kg_sq_refuse(ev, "SELECT", "SELECT: variable ?%s is already %s",
                     ev->names[s->proj[k]], dup ? "selected" : "in scope");
        free(set);
        return -1;
      }
    }
    free(set);
  }
  return 0;
}

/* ================================================================ matching */

struct match {
  librdf_node *n[3];
};

struct matches {
  struct match *m;
  size_t n;
  size_t cap;
};

static void
matches_add(struct matches *ms, librdf_node *s, librdf_node *p, librdf_node *o)
{
  if(ms->n == ms->cap) {
    ms->cap = ms->cap ? ms->cap * 2 : 16;
    ms->m = kg_xrealloc(ms->m, ms->cap * sizeof(*ms->m));
  }
  ms->m[ms->n].n[0] = s ? librdf_new_node_from_node(s) : NULL;
  ms->m[ms->n].n[1] = p ? librdf_new_node_from_node(p) : NULL;
  ms->m[ms->n].n[2] = o ? librdf_new_node_from_node(o) : NULL;
  ms->n++;
}

static void
matches_release(struct matches *ms)
{
  size_t i;
  int k;

  for(i = 0; i < ms->n; i++)
    for(k = 0; k < 3; k++)
      if(ms->m[i].n[k])
        librdf_free_node(ms->m[i].n[k]);
  free(ms->m);
  memset(ms, 0, sizeof(*ms));
}

static int
load_predicates(struct kg_sq_ev *ev)
{
  librdf_stream *st;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;

  if(ev->preds_done)
    return 0;
  ev->preds_done = 1;
  kg_hash_init(&seen);
  st = librdf_model_as_stream(ev->model);
  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *s = librdf_stream_get_object(st);
    librdf_node *p = librdf_statement_get_predicate(s);
    size_t v = (size_t)ev->npreds;

    if(ev->npreds && node_eq(p, ev->preds[ev->npreds - 1]))
      continue;
    kg_buf_reset(&b);
    kg_term_nt(&b, p);
    if(!kg_hash_put(&seen, b.s, b.len, &v)) {
      ev->preds = kg_xrealloc(ev->preds, (size_t)(ev->npreds + 1) *
                              sizeof(librdf_node *));
      ev->preds[ev->npreds++] = librdf_new_node_from_node(p);
    }
  }
  if(st)
    librdf_free_stream(st);
  kg_buf_release(&b);
  kg_hash_release(&seen);
  return 0;
}

/* Removes repeated triples from out->m[first..] (the same triple in
 * several graphs is one triple of the default graph). */
static void
dedupe_matches(struct matches *out, size_t first)
{
  size_t i;
  size_t j;
  size_t w = first;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;

  kg_hash_init(&seen);
  for(i = first; i < out->n; i++) {
    size_t v = i;
    int k;

    kg_buf_reset(&b);
    for(k = 0; k < 3; k++) {
      kg_term_nt(&b, out->m[i].n[k]);
      kg_buf_addc(&b, ' ');
    }
    if(kg_hash_put(&seen, b.s, b.len, &v)) {
      for(k = 0; k < 3; k++)
        if(out->m[i].n[k])
          librdf_free_node(out->m[i].n[k]);
      continue;
    }
    out->m[w++] = out->m[i];
  }
  out->n = w;
  (void)j;
  kg_buf_release(&b);
  kg_hash_release(&seen);
}

/* Statements matching (s p o) (NULL = any) in @ctx (NULL = default graph).
 * Picks an indexed access path for the hashes store. */
static int
find_triples(struct kg_sq_ev *ev, librdf_node *s, librdf_node *p,
             librdf_node *o, librdf_node *ctx, struct matches *out)
{
  librdf_statement *pat;
  librdf_stream *st;
  librdf_node *qs = s;
  librdf_node *qp = p;
  librdf_node *qo = o;
  int i;
  size_t first;
  int usage[3];

  if(!ctx && ev->has_dataset) {
    /* FROM: the default graph is the merge of the FROM graphs (none: an
     * empty default graph) */
    size_t f0 = out->n;

    for(i = 0; i < ev->nfrom; i++)
      if(find_triples(ev, s, p, o, ev->from[i], out))
        return -1;
    if(ev->nfrom > 1 && out->n - f0 > 1)
      dedupe_matches(out, f0);
    return 0;
  }
  if(!ctx && !p && (s || o)) {
    /* (s ? ?), (? ? o) have no index: the first two are one scan each,
     * then one indexed lookup per predicate of the model */
    if(s && o)
      goto direct;
    if(!ev->preds_done && ev->nscans < 2) {
      ev->nscans++;
      goto direct;
    }
    load_predicates(ev);
    for(i = 0; i < ev->npreds; i++)
      if(find_triples(ev, s, ev->preds[i], o, NULL, out))
        return -1;
    return 0;
  }
direct:
  if(!ctx && s && p && o)
    qo = NULL;      /* (s p o) is a scan: use (s p ?) and compare */
  pat = librdf_new_statement_from_nodes(ev->world,
          qs ? librdf_new_node_from_node(qs) : NULL,
          qp ? librdf_new_node_from_node(qp) : NULL,
          qo ? librdf_new_node_from_node(qo) : NULL);
  /* nodes now owned by pat */
  if(!pat) {
    ev->sys = ev->failed = 1;
    kg_error("out of memory");
    return -1;
  }
  first = out->n;
  for(i = 0; i < 3; i++) {
    librdf_node *n = i == 0 ? qs : i == 1 ? qp : qo;

    usage[i] = n ? ((raptor_term *)n)->usage - 1 : 0;   /* pat's copy */
  }
  st = ctx ? librdf_model_find_statements_in_context(ev->model, pat, ctx)
           : librdf_model_find_statements(ev->model, pat);
  librdf_free_statement(pat);
  for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
    librdf_statement *x = librdf_stream_get_object(st);
    librdf_node *xo = librdf_statement_get_object(x);

    if(o && !qo && !node_eq(o, xo))
      continue;
    matches_add(out, librdf_statement_get_subject(x),
                librdf_statement_get_predicate(x), xo);
  }
  if(st)
    librdf_free_stream(st);
  /* librdf 1.0.17's indexed streams keep a reference to the pattern's node
   * for each result but the first (e.g. (? p ?): usage grows by n - 1) and
   * never drop it: give back what is neither ours before nor held by the
   * matches we copied */
  for(i = 0; i < 3; i++) {
    librdf_node *n = i == 0 ? qs : i == 1 ? qp : qo;
    int held = 0;
    size_t m;

    if(!n)
      continue;
    for(m = first; m < out->n; m++)
      if(out->m[m].n[0] == n || out->m[m].n[1] == n || out->m[m].n[2] == n)
        held += (out->m[m].n[0] == n) + (out->m[m].n[1] == n) +
                (out->m[m].n[2] == n);
    while(((raptor_term *)n)->usage > usage[i] + held &&
          ((raptor_term *)n)->usage > 1)
      librdf_free_node(n);
  }
  if(!ctx && ev->dedupe && out->n - first > 1)
    dedupe_matches(out, first);
  return 0;
}

/* ---------------------------------------------------------------- paths */

struct nodeset {
  struct kg_hash map;
  librdf_node **v;
  size_t n;
  size_t cap;
  struct kg_buf b;
};

static void
ns_init(struct nodeset *s)
{
  memset(s, 0, sizeof(*s));
  kg_hash_init(&s->map);
}

static void
ns_release(struct nodeset *s)
{
  size_t i;

  for(i = 0; i < s->n; i++)
    librdf_free_node(s->v[i]);
  free(s->v);
  kg_hash_release(&s->map);
  kg_buf_release(&s->b);
}

/* 1 if added, 0 if already there */
static int
ns_add(struct nodeset *s, librdf_node *n)
{
  size_t v = s->n;

  kg_buf_reset(&s->b);
  kg_term_nt(&s->b, n);
  if(kg_hash_put(&s->map, s->b.s, s->b.len, &v))
    return 0;
  if(s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    s->v = kg_xrealloc(s->v, s->cap * sizeof(*s->v));
  }
  s->v[s->n++] = librdf_new_node_from_node(n);
  return 1;
}

static int path_pairs(struct kg_sq_ev *ev, struct kg_path *p,
                      librdf_node *s, librdf_node *o, librdf_node *ctx,
                      struct matches *out);

static librdf_node *
iri_node(struct kg_sq_ev *ev, const char *iri)
{
  return librdf_new_node_from_uri_string(ev->world, (const unsigned char *)iri);
}

/* All nodes reachable from @start through one step of @p (forward, or
 * backward when @back). */
static int
path_step(struct kg_sq_ev *ev, struct kg_path *p, librdf_node *start,
          int back, librdf_node *ctx, struct matches *out)
{
  return back ? path_pairs(ev, p, NULL, start, ctx, out)
              : path_pairs(ev, p, start, NULL, ctx, out);
}

static int
all_nodes(struct kg_sq_ev *ev, librdf_node *ctx, struct nodeset *set)
{
  struct matches ms;
  size_t i;

  memset(&ms, 0, sizeof(ms));
  if(ctx || ev->has_dataset) {
    if(find_triples(ev, NULL, NULL, NULL, ctx, &ms))
      return -1;
  } else {
    librdf_stream *st = librdf_model_as_stream(ev->model);

    for(; st && !librdf_stream_end(st); librdf_stream_next(st)) {
      librdf_statement *x = librdf_stream_get_object(st);

      matches_add(&ms, librdf_statement_get_subject(x), NULL,
                  librdf_statement_get_object(x));
    }
    if(st)
      librdf_free_stream(st);
  }
  for(i = 0; i < ms.n; i++) {
    ns_add(set, ms.m[i].n[0]);
    ns_add(set, ms.m[i].n[2]);
  }
  matches_release(&ms);
  return 0;
}

/* Closure from @start (forward or backward), including @start when
 * @zero.  Adds pairs (start, x) or (x, start) to @out. */
/* 1 if @n is a subject or object of the active graph (a zero-length path
 * only matches terms of the graph). */
static int
in_graph(struct kg_sq_ev *ev, librdf_node *n, librdf_node *ctx)
{
  struct matches ms;
  int found = 0;

  /* a constant written in the query matches itself (W3C tests
   * zero_or_more_set_start/end); a value from a binding must be a term of
   * the graph (values_and_path) */
  if((ev->path_const[0] && node_eq(n, ev->path_const[0])) ||
     (ev->path_const[1] && node_eq(n, ev->path_const[1])))
    return 1;
  memset(&ms, 0, sizeof(ms));
  if(!librdf_node_is_literal(n)) {
    find_triples(ev, n, NULL, NULL, ctx, &ms);
    found = ms.n > 0;
    matches_release(&ms);
  }
  if(!found) {
    find_triples(ev, NULL, NULL, n, ctx, &ms);
    found = ms.n > 0;
    matches_release(&ms);
  }
  return found;
}

static int
path_closure(struct kg_sq_ev *ev, struct kg_path *p, librdf_node *start,
             int back, int zero, librdf_node *ctx, struct matches *out)
{
  struct nodeset seen;
  size_t head = 0;
  int rc = 0;
  struct nodeset res;
  size_t i;

  ns_init(&seen);
  ns_init(&res);
  ns_add(&seen, start);
  if(zero)
    ns_add(&res, start);
  while(head < seen.n && !rc) {
    struct matches ms;
    librdf_node *cur = seen.v[head++];

    memset(&ms, 0, sizeof(ms));
    rc = path_step(ev, p, cur, back, ctx, &ms);
    for(i = 0; !rc && i < ms.n; i++) {
      librdf_node *nx = back ? ms.m[i].n[0] : ms.m[i].n[2];

      ns_add(&res, nx);
      ns_add(&seen, nx);
    }
    matches_release(&ms);
  }
  /* seen.n > 1: @start has neighbours, so it is in the graph */
  if(zero && seen.n == 1 && res.n == 1 && !in_graph(ev, start, ctx)) {
    ns_release(&seen);
    ns_release(&res);
    return 0;
  }
  for(i = 0; !rc && i < res.n; i++) {
    if(back)
      matches_add(out, res.v[i], NULL, start);
    else
      matches_add(out, start, NULL, res.v[i]);
  }
  ns_release(&seen);
  ns_release(&res);
  return rc;
}

static int
path_pairs(struct kg_sq_ev *ev, struct kg_path *p, librdf_node *s,
           librdf_node *o, librdf_node *ctx, struct matches *out)
{
  struct matches tmp;
  size_t i;
  size_t j;
  int k;
  int rc = 0;

  memset(&tmp, 0, sizeof(tmp));
  switch(p->kind) {
    case KG_PATH_LINK: {
      librdf_node *pn = iri_node(ev, p->iri);

      rc = find_triples(ev, s, pn, o, ctx, out);
      librdf_free_node(pn);
      return rc;
    }
    case KG_PATH_INV:
      rc = path_pairs(ev, p->kids[0], o, s, ctx, &tmp);
      for(i = 0; i < tmp.n; i++)
        matches_add(out, tmp.m[i].n[2], NULL, tmp.m[i].n[0]);
      matches_release(&tmp);
      return rc;
    case KG_PATH_ALT:
      for(k = 0; !rc && k < p->nkids; k++)
        rc = path_pairs(ev, p->kids[k], s, o, ctx, out);
      return rc;
    case KG_PATH_SEQ: {
      struct kg_path rest;

      if(p->nkids == 1)
        return path_pairs(ev, p->kids[0], s, o, ctx, out);
      rest = *p;
      if(!s && o) {
        /* evaluate from the bound end: last step first */
        rest.nkids = p->nkids - 1;
        rc = path_pairs(ev, p->kids[p->nkids - 1], NULL, o, ctx, &tmp);
        for(i = 0; !rc && i < tmp.n; i++) {
          struct matches t2;

          if(i && node_eq(tmp.m[i].n[0], tmp.m[i - 1].n[0]) && 0)
            continue;
          memset(&t2, 0, sizeof(t2));
          rc = path_pairs(ev, &rest, NULL, tmp.m[i].n[0], ctx, &t2);
          for(j = 0; j < t2.n; j++)
            matches_add(out, t2.m[j].n[0], NULL, tmp.m[i].n[2]);
          matches_release(&t2);
        }
      } else {
        rest.kids = p->kids + 1;
        rest.nkids = p->nkids - 1;
        rc = path_pairs(ev, p->kids[0], s, NULL, ctx, &tmp);
        for(i = 0; !rc && i < tmp.n; i++) {
          struct matches t2;

          memset(&t2, 0, sizeof(t2));
          rc = path_pairs(ev, &rest, tmp.m[i].n[2], o, ctx, &t2);
          for(j = 0; j < t2.n; j++)
            matches_add(out, tmp.m[i].n[0], NULL, t2.m[j].n[2]);
          matches_release(&t2);
        }
      }
      matches_release(&tmp);
      return rc;
    }
    case KG_PATH_ZOM:
    case KG_PATH_OOM:
    case KG_PATH_ZOO: {
      int zero = p->kind != KG_PATH_OOM;

      if(p->kind == KG_PATH_ZOO) {
        struct nodeset starts;

        ns_init(&starts);
        if(s || o) {
          struct nodeset res;

          ns_init(&res);
          rc = path_pairs(ev, p->kids[0], s, o, ctx, &tmp);
          if(s && o) {
            if(tmp.n || (node_eq(s, o) && in_graph(ev, s, ctx)))
              matches_add(out, s, NULL, o);
          } else {
            if(tmp.n || in_graph(ev, s ? s : o, ctx))
              ns_add(&res, s ? s : o);
            for(i = 0; i < tmp.n; i++)
              ns_add(&res, s ? tmp.m[i].n[2] : tmp.m[i].n[0]);
            for(i = 0; i < res.n; i++)
              matches_add(out, s ? s : res.v[i], NULL, s ? res.v[i] : o);
          }
          ns_release(&res);
        } else {
          struct kg_hash pairs;
          struct kg_buf b = KG_BUF_INIT;

          kg_hash_init(&pairs);
          rc = all_nodes(ev, ctx, &starts);
          for(i = 0; i < starts.n; i++)
            matches_add(out, starts.v[i], NULL, starts.v[i]);
          if(!rc)
            rc = path_pairs(ev, p->kids[0], NULL, NULL, ctx, &tmp);
          for(i = 0; !rc && i < tmp.n; i++) {
            size_t v = 0;

            if(node_eq(tmp.m[i].n[0], tmp.m[i].n[2]))
              continue;
            kg_buf_reset(&b);
            kg_term_nt(&b, tmp.m[i].n[0]);
            kg_buf_addc(&b, ' ');
            kg_term_nt(&b, tmp.m[i].n[2]);
            if(!kg_hash_put(&pairs, b.s, b.len, &v))
              matches_add(out, tmp.m[i].n[0], NULL, tmp.m[i].n[2]);
          }
          kg_buf_release(&b);
          kg_hash_release(&pairs);
        }
        ns_release(&starts);
        matches_release(&tmp);
        return rc;
      }
      if(s) {
        rc = path_closure(ev, p->kids[0], s, 0, zero, ctx, &tmp);
        for(i = 0; i < tmp.n; i++)
          if(!o || node_eq(o, tmp.m[i].n[2]))
            matches_add(out, s, NULL, tmp.m[i].n[2]);
      } else if(o) {
        rc = path_closure(ev, p->kids[0], o, 1, zero, ctx, out);
      } else {
        struct nodeset starts;

        ns_init(&starts);
        if(zero) {
          rc = all_nodes(ev, ctx, &starts);
        } else {
          rc = path_pairs(ev, p->kids[0], NULL, NULL, ctx, &tmp);
          for(i = 0; i < tmp.n; i++)
            ns_add(&starts, tmp.m[i].n[0]);
          matches_release(&tmp);
        }
        for(i = 0; !rc && i < starts.n; i++)
          rc = path_closure(ev, p->kids[0], starts.v[i], 0, zero, ctx, out);
        ns_release(&starts);
      }
      matches_release(&tmp);
      return rc;
    }
    case KG_PATH_NPS: {
      /* forward members: (s ?p o) with p not in the set; inverse: (o ?p s) */
      int nfw = 0;
      int nbw = 0;

      for(k = 0; k < p->nkids; k++) {
        if(p->kids[k]->kind == KG_PATH_INV)
          nbw++;
        else
          nfw++;
      }
      if(nfw || !nbw) {
        rc = find_triples(ev, s, NULL, o, ctx, &tmp);
        for(i = 0; !rc && i < tmp.n; i++) {
          const char *pu = (const char *)librdf_uri_as_string(
                             librdf_node_get_uri(tmp.m[i].n[1]));
          int excluded = 0;

          for(k = 0; k < p->nkids; k++)
            if(p->kids[k]->kind == KG_PATH_LINK && !strcmp(p->kids[k]->iri, pu))
              excluded = 1;
          if(!excluded)
            matches_add(out, tmp.m[i].n[0], NULL, tmp.m[i].n[2]);
        }
        matches_release(&tmp);
      }
      if(nbw && !rc) {
        rc = find_triples(ev, o, NULL, s, ctx, &tmp);
        for(i = 0; !rc && i < tmp.n; i++) {
          const char *pu = (const char *)librdf_uri_as_string(
                             librdf_node_get_uri(tmp.m[i].n[1]));
          int excluded = 0;

          for(k = 0; k < p->nkids; k++)
            if(p->kids[k]->kind == KG_PATH_INV &&
               !strcmp(p->kids[k]->kids[0]->iri, pu))
              excluded = 1;
          if(!excluded)
            matches_add(out, tmp.m[i].n[2], NULL, tmp.m[i].n[0]);
        }
        matches_release(&tmp);
      }
      return rc;
    }
  }
  return 0;
}

/* ================================================================ evaluation */

static int eval_gp(struct kg_sq_ev *ev, struct gp *g, struct rows *in,
                   librdf_node *ctx, int skip_filters, struct rows *out);
static int eval_select(struct kg_sq_ev *ev, struct sel *s, librdf_node *ctx,
                       struct rows *out);

static int
filter_ok(struct kg_sq_ev *ev, rasqal_expression *e, librdf_node **row)
{
  int err = 0;
  rasqal_literal *l = kg_sq_eval(ev, e, row, &err);
  int b;

  if(!l)
    return 0;
  b = kg_sq_ebv(l);
  rasqal_free_literal(l);
  return b == 1;
}

static librdf_node *
term_value(struct term *t, librdf_node **row)
{
  return t->var >= 0 ? row[t->var] : t->node;
}

/* Selectivity estimate of a triple pattern given the bound variables:
 * higher runs first. */
static int
tp_score(struct kg_sq_ev *ev, struct tp *p, librdf_node **row)
{
  int sb = term_value(&p->t[0], row) != NULL;
  int pb = term_value(&p->t[1], row) != NULL;
  int ob = term_value(&p->t[2], row) != NULL;
  int sc;

  if(p->path >= 0) {
    if(sb || ob)
      return sb && ob ? 9 : 5;
    return 0;
  }
  sc = sb * 8 + ob * 5 + pb * 2;
  if(pb && ob && !sb && node_eq(term_value(&p->t[1], row), ev->rdf_type))
    sc = 4;         /* (? rdf:type C): usually many */
  if(!pb && !sb && !ob)
    sc = -1;
  return sc;
}

struct bgp_run {
  struct kg_sq_ev *ev;
  struct tp *tps;
  int n;
  char *done;
  librdf_node *ctx;
  struct rows *out;
  struct pushed *push;
  int npush;
};

/* A group FILTER whose variables are all certainly bound by the group's
 * triple patterns: checked as soon as they are bound (its value cannot
 * change later), and again at the end of the group. */
struct pushed {
  rasqal_expression *e;
  unsigned char *vars;      /* nvars flags */
};

static int
pushed_ok(struct kg_sq_ev *ev, struct pushed *push, int npush,
          librdf_node **row, const int *newly, int nn)
{
  int f;
  int k;
  for(f = 0; f < npush; f++) {
    int hit = 0;
    int all = 1;

    for(k = 0; k < nn; k++)
      if(push[f].vars[newly[k]])
        hit = 1;
    if(!hit)
      continue;
    for(k = 0; all && k < ev->nvars; k++)
      if(push[f].vars[k] && !row[k])
        all = 0;
    if(all && !filter_ok(ev, push[f].e, row))
      return 0;
  }
  return 1;
}

static int
bgp_rec(struct bgp_run *r, librdf_node **row, int depth)
{
  struct kg_sq_ev *ev = r->ev;
  int best = -1;
  int best_sc = -2;
  int i;
  struct tp *p;
  struct matches ms;
  size_t m;
  int rc = 0;
  librdf_node *q[3];

  if(depth == r->n) {
    rows_add(r->out, row);
    return 0;
  }
  for(i = 0; i < r->n; i++) {
    int sc;

    if(r->done[i])
      continue;
    sc = tp_score(ev, &r->tps[i], row);
    if(sc > best_sc) {
      best_sc = sc;
      best = i;
    }
  }
  p = &r->tps[best];
  r->done[best] = 1;
  for(i = 0; i < 3; i++)
    q[i] = term_value(&p->t[i], row);
  memset(&ms, 0, sizeof(ms));
  if(p->path >= 0) {
    ev->path_const[0] = p->t[0].var < 0 ? p->t[0].node : NULL;
    ev->path_const[1] = p->t[2].var < 0 ? p->t[2].node : NULL;
    rc = path_pairs(ev, ev->rwo.paths[p->path], q[0], q[2], r->ctx, &ms);
    ev->path_const[0] = ev->path_const[1] = NULL;
  }
  else
    rc = find_triples(ev, q[0], q[1], q[2], r->ctx, &ms);
  for(m = 0; !rc && m < ms.n; m++) {
    int setv[3];
    int ok = 1;

    for(i = 0; i < 3; i++) {
      setv[i] = 0;
      if(p->path >= 0 && i == 1)
        continue;
      if(p->t[i].var >= 0) {
        librdf_node *cur = row[p->t[i].var];

        if(cur) {
          if(!node_eq(cur, ms.m[m].n[i]))
            ok = 0;
        } else {
          row[p->t[i].var] = ms.m[m].n[i];
          setv[i] = 1;
        }
      }
    }
    if(ok && r->npush) {
      int newly[3];
      int nn = 0;

      for(i = 0; i < 3; i++)
        if(setv[i])
          newly[nn++] = p->t[i].var;
      ok = pushed_ok(ev, r->push, r->npush, row, newly, nn);
    }
    if(ok)
      rc = bgp_rec(r, row, depth + 1);
    for(i = 0; i < 3; i++)
      if(setv[i])
        row[p->t[i].var] = NULL;
  }
  matches_release(&ms);
  r->done[best] = 0;
  return rc;
}

/* @push, @npush: the enclosing group's pushed filters (none: NULL, 0). */
static int
eval_bgp(struct kg_sq_ev *ev, struct gp *g, struct rows *in, librdf_node *ctx,
         struct pushed *push, int npush, struct rows *out)
{
  struct bgp_run r;
  size_t i;
  int rc = 0;
  librdf_node **row = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*row));

  r.ev = ev;
  r.tps = g->tps;
  r.n = g->ntps;
  r.done = kg_xcalloc((size_t)g->ntps + 1, 1);
  r.ctx = ctx;
  r.out = out;
  /* the group's pushed filters apply to this BGP only, not to patterns
   * evaluated while checking them (EXISTS) */
  r.push = push;
  r.npush = npush;
  for(i = 0; !rc && i < in->n; i++) {
    /* borrowed pointers: bgp_rec only stores into @out by copying */
    memcpy(row, rows_at(in, i), (size_t)ev->nvars * sizeof(*row));
    rc = bgp_rec(&r, row, 0);
  }
  free(r.done);
  free(row);
  return rc;
}

/* A variable bound in every row of @r (-1 if none) among @cand. */
static int
always_bound(struct rows *r, const unsigned char *cand, int w, int from)
{
  int v;
  size_t i;

  for(v = from; v < w; v++) {
    int ok = cand[v];

    for(i = 0; ok && i < r->n; i++)
      if(!rows_at(r, i)[v])
        ok = 0;
    if(ok)
      return v;
  }
  return -1;
}

/* Join of @a with independently computed @b: hash join on a variable bound
 * on both sides when there is one, else nested loops. */
static void
join_rows(struct kg_sq_ev *ev, struct rows *a, struct rows *b, struct rows *out)
{
  size_t i;
  size_t j;
  int k;
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));
  unsigned char *cand = kg_xcalloc((size_t)ev->nvars + 1, 1);
  int v = -1;

  if(a->n > 8 && b->n > 8) {
    memset(cand, 1, (size_t)ev->nvars);
    for(k = 0; k < ev->nvars; k++) {
      v = always_bound(a, cand, ev->nvars, k);
      if(v < 0)
        break;
      cand[v] = 2;
      k = v;
    }
    for(k = 0; k < ev->nvars; k++)
      cand[k] = cand[k] == 2;
    v = always_bound(b, cand, ev->nvars, 0);
  }
  if(v >= 0) {
    struct kg_hash map;
    size_t *next = kg_xcalloc(b->n + 1, sizeof(size_t));
    size_t *head = kg_xcalloc(b->n + 1, sizeof(size_t));
    size_t nkeys = 0;
    struct kg_buf kb = KG_BUF_INIT;

    /* chains of b rows per key (index + 1; 0 ends) */
    kg_hash_init(&map);
    for(j = 0; j < b->n; j++) {
      size_t slot = nkeys;

      kg_buf_reset(&kb);
      kg_term_nt(&kb, rows_at(b, j)[v]);
      if(!kg_hash_put(&map, kb.s, kb.len, &slot))
        nkeys++;
      next[j] = head[slot];
      head[slot] = j + 1;
    }
    for(i = 0; i < a->n; i++) {
      librdf_node **ra = rows_at(a, i);
      size_t slot;
      size_t c;

      kg_buf_reset(&kb);
      kg_term_nt(&kb, ra[v]);
      if(!kg_hash_get(&map, kb.s, kb.len, &slot))
        continue;     /* no b row with this key */
      for(c = head[slot]; c; c = next[c - 1]) {
        librdf_node **rb = rows_at(b, c - 1);

        if(!compatible(ra, rb, ev->nvars, NULL))
          continue;
        for(k = 0; k < ev->nvars; k++)
          tmp[k] = ra[k] ? ra[k] : rb[k];
        rows_add(out, tmp);
      }
    }
    kg_buf_release(&kb);
    kg_hash_release(&map);
    free(next);
    free(head);
    free(cand);
    free(tmp);
    return;
  }
  for(i = 0; i < a->n; i++) {
    librdf_node **ra = rows_at(a, i);

    for(j = 0; j < b->n; j++) {
      librdf_node **rb = rows_at(b, j);

      if(!compatible(ra, rb, ev->nvars, NULL))
        continue;
      for(k = 0; k < ev->nvars; k++)
        tmp[k] = ra[k] ? ra[k] : rb[k];
      rows_add(out, tmp);
    }
  }
  free(cand);
  free(tmp);
}

static int
one_row(struct kg_sq_ev *ev, struct rows *r)
{
  rows_init(r, ev->nvars);
  rows_add(r, NULL);
  return 0;
}

/* Joins @cur with pattern @k (as a group member), result in @cur.  @push,
 * @npush: the group's filters pushed into @k when it is a BGP. */
static int
join_child(struct kg_sq_ev *ev, struct rows *cur, struct gp *k,
           librdf_node *ctx, struct pushed *push, int npush)
{
  struct rows res;
  struct rows in1;
  int rc;

  rows_init(&res, ev->nvars);
  if(k->op == G_BGP) {
    rc = eval_bgp(ev, k, cur, ctx, push, npush, &res);
  } else if(k->safe) {
    rc = eval_gp(ev, k, cur, ctx, 0, &res);
  } else {
    struct rows right;

    rows_init(&right, ev->nvars);
    one_row(ev, &in1);
    rc = eval_gp(ev, k, &in1, ctx, 0, &right);
    rows_release(&in1);
    if(!rc)
      join_rows(ev, cur, &right, &res);
    rows_release(&right);
  }
  rows_move(cur, &res);
  return rc;
}

static void
group_filters(struct gp *g, rasqal_expression ***fs, int *nf)
{
  int i;

  *nf = 0;
  *fs = NULL;
  if(g->op != G_GROUP)
    return;
  for(i = 0; i < g->nkids; i++) {
    if(g->kids[i]->op == G_FILTER) {
      *fs = kg_xrealloc(*fs, (size_t)(*nf + 1) * sizeof(**fs));
      (*fs)[(*nf)++] = g->kids[i]->expr;
    }
  }
}

static int
eval_optional(struct kg_sq_ev *ev, struct rows *cur, struct gp *opt,
              librdf_node *ctx)
{
  struct gp *r = opt->kids[0];
  rasqal_expression **fs;
  int nf;
  struct rows res;
  struct rows right;
  size_t i;
  size_t j;
  int rc = 0;
  int k;
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));

  group_filters(r, &fs, &nf);
  rows_init(&res, ev->nvars);
  rows_init(&right, ev->nvars);
  if(!r->safe) {
    struct rows in1;

    one_row(ev, &in1);
    rc = eval_gp(ev, r, &in1, ctx, 1, &right);
    rows_release(&in1);
  }
  for(i = 0; !rc && i < cur->n; i++) {
    librdf_node **l = rows_at(cur, i);
    int any = 0;
    struct rows sub;
    struct rows *cand = &right;

    rows_init(&sub, ev->nvars);
    if(r->safe) {
      struct rows one;

      rows_init(&one, ev->nvars);
      rows_add(&one, l);
      rc = eval_gp(ev, r, &one, ctx, 1, &sub);
      rows_release(&one);
      cand = &sub;
    }
    for(j = 0; !rc && j < cand->n; j++) {
      librdf_node **rr = rows_at(cand, j);
      int ok = 1;

      if(!compatible(l, rr, ev->nvars, NULL))
        continue;
      for(k = 0; k < ev->nvars; k++)
        tmp[k] = l[k] ? l[k] : rr[k];
      for(k = 0; ok && k < nf; k++)
        ok = filter_ok(ev, fs[k], tmp);
      if(ok) {
        rows_add(&res, tmp);
        any = 1;
      }
    }
    rows_release(&sub);
    if(!any)
      rows_add(&res, l);
  }
  free(fs);
  free(tmp);
  rows_release(&right);
  rows_move(cur, &res);
  return rc;
}

static int
eval_minus(struct kg_sq_ev *ev, struct rows *cur, struct gp *mg,
           librdf_node *ctx)
{
  struct rows right;
  struct rows in1;
  struct rows res;
  size_t i;
  size_t j;
  int rc;

  rows_init(&right, ev->nvars);
  rows_init(&res, ev->nvars);
  one_row(ev, &in1);
  rc = eval_gp(ev, mg->kids[0], &in1, ctx, 0, &right);
  rows_release(&in1);
  for(i = 0; !rc && i < cur->n; i++) {
    librdf_node **l = rows_at(cur, i);
    int drop = 0;

    for(j = 0; !drop && j < right.n; j++) {
      int shared;

      if(compatible(l, rows_at(&right, j), ev->nvars, &shared) && shared)
        drop = 1;
    }
    if(!drop)
      rows_add(&res, l);
  }
  rows_release(&right);
  rows_move(cur, &res);
  return rc;
}

static int
eval_values(struct kg_sq_ev *ev, struct rows *cur, struct gp *vg)
{
  struct rows res;
  size_t i;
  size_t j;
  int k;
  librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));

  rows_init(&res, ev->nvars);
  for(i = 0; i < cur->n; i++) {
    librdf_node **l = rows_at(cur, i);

    for(j = 0; j < vg->nvrows; j++) {
      librdf_node **vr = vg->vcells + j * (size_t)vg->nvv;
      int ok = 1;

      memcpy(tmp, l, (size_t)ev->nvars * sizeof(*tmp));
      for(k = 0; ok && k < vg->nvv; k++) {
        if(!vr[k])
          continue;
        if(tmp[vg->vv[k]]) {
          if(!node_eq(tmp[vg->vv[k]], vr[k]))
            ok = 0;
        } else {
          tmp[vg->vv[k]] = vr[k];
        }
      }
      if(ok)
        rows_add(&res, tmp);
    }
  }
  free(tmp);
  rows_move(cur, &res);
  return 0;
}

static int
eval_bind(struct kg_sq_ev *ev, struct rows *cur, struct gp *bg)
{
  size_t i;
  struct rows res;

  rows_init(&res, ev->nvars);
  for(i = 0; i < cur->n; i++) {
    librdf_node **l = rows_at(cur, i);
    int err = 0;
    rasqal_literal *v;
    librdf_node *n = NULL;
    rasqal_expression *e = bg->expr;

    if(e->op == RASQAL_EXPR_LITERAL && rasqal_literal_as_variable(e->literal)) {
      int vi = kg_sq_var_index(rasqal_literal_as_variable(e->literal));

      n = vi >= 0 && l[vi] ? librdf_new_node_from_node(l[vi]) : NULL;
    } else {
      v = kg_sq_eval(ev, e, l, &err);
      if(ev->failed) {
        rows_release(&res);
        return -1;
      }
      if(v) {
        n = kg_term_from_literal(ev->world, v);
        rasqal_free_literal(v);
      }
    }
    if(l[bg->var]) {
      int keep = !n || node_eq(n, l[bg->var]);

      if(keep)
        rows_add(&res, l);
    } else {
      librdf_node **d = rows_add(&res, l);

      d[bg->var] = n ? librdf_new_node_from_node(n) : NULL;
    }
    if(n)
      librdf_free_node(n);
  }
  rows_move(cur, &res);
  return 0;
}

/* The named graphs of the dataset (new array of SHARED-or-copied nodes,
 * free with graphs_free). */
static librdf_node **
named_graphs(struct kg_sq_ev *ev, int *n)
{
  librdf_node **v = NULL;
  librdf_iterator *it;
  int i;

  *n = 0;
  if(ev->has_dataset) {
    v = kg_xcalloc((size_t)ev->nnamed + 1, sizeof(*v));
    for(i = 0; i < ev->nnamed; i++)
      v[(*n)++] = librdf_new_node_from_node(ev->named[i]);
    return v;
  }
  it = librdf_model_get_contexts(ev->model);
  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);

    if(!c || (ev->default_ctx && node_eq(ev->default_ctx, c)))
      continue;
    v = kg_xrealloc(v, (size_t)(*n + 1) * sizeof(*v));
    v[(*n)++] = librdf_new_node_from_node(c);
  }
  if(it)
    librdf_free_iterator(it);
  return v;
}

static void
graphs_free(librdf_node **v, int n)
{
  int i;

  for(i = 0; i < n; i++)
    librdf_free_node(v[i]);
  free(v);
}

static int
is_named_graph(librdf_node **v, int n, librdf_node *g)
{
  int i;

  for(i = 0; i < n; i++)
    if(node_eq(v[i], g))
      return 1;
  return 0;
}

static int
eval_graph(struct kg_sq_ev *ev, struct gp *g, struct rows *in,
           struct rows *out)
{
  int rc = 0;
  size_t i;
  int ng;
  librdf_node **graphs = named_graphs(ev, &ng);

  if(g->graph.var < 0) {
    /* GRAPH <iri>: a graph that is not in the dataset has no triples */
    if(is_named_graph(graphs, ng, g->graph.node))
      rc = eval_gp(ev, g->kids[0], in, g->graph.node, 0, out);
    graphs_free(graphs, ng);
    return rc;
  }
  for(i = 0; !rc && i < in->n; i++) {
    librdf_node **l = rows_at(in, i);
    struct rows one;
    int k;

    rows_init(&one, ev->nvars);
    if(l[g->graph.var]) {
      if(is_named_graph(graphs, ng, l[g->graph.var])) {
        rows_add(&one, l);
        rc = eval_gp(ev, g->kids[0], &one, l[g->graph.var], 0, out);
      }
      rows_release(&one);
      continue;
    }
    for(k = 0; !rc && k < ng; k++) {
      librdf_node *c = graphs[k];
      librdf_node **d;
      struct rows part;
      size_t j;

      rows_init(&part, ev->nvars);
      rows_release(&one);
      rows_init(&one, ev->nvars);
      d = rows_add(&one, l);
      d[g->graph.var] = librdf_new_node_from_node(c);
      rc = eval_gp(ev, g->kids[0], &one, c, 0, &part);
      for(j = 0; j < part.n; j++) {
        librdf_node **pr = rows_at(&part, j);

        if(!pr[g->graph.var])
          row_set(pr, g->graph.var, c);
        rows_add(out, pr);
      }
      rows_release(&part);
    }
    rows_release(&one);
  }
  graphs_free(graphs, ng);
  return rc;
}

static int eval_gp_in(struct kg_sq_ev *ev, struct gp *g, struct rows *in,
                      librdf_node *ctx, int skip_filters, struct rows *out);

/* Evaluates @g joined with each row of @in (all rows of @in are extended;
 * rows of @out contain the input bindings).  @ctx is the active graph
 * (NULL: the default graph); EXISTS inside sees it too. */
static int
eval_gp(struct kg_sq_ev *ev, struct gp *g, struct rows *in, librdf_node *ctx,
        int skip_filters, struct rows *out)
{
  librdf_node *saved = ev->active_ctx;
  int rc;

  ev->active_ctx = ctx;
  rc = eval_gp_in(ev, g, in, ctx, skip_filters, out);
  ev->active_ctx = saved;
  return rc;
}

static int
eval_gp_in(struct kg_sq_ev *ev, struct gp *g, struct rows *in,
           librdf_node *ctx, int skip_filters, struct rows *out)
{
  int rc = 0;
  int i;
  size_t j;
  struct rows cur;
  struct pushed *push = NULL;
  int npush = 0;

  if(ev->failed)
    return -1;
  switch(g->op) {
    case G_BGP:
      return eval_bgp(ev, g, in, ctx, NULL, 0, out);
    case G_UNION:
      for(i = 0; !rc && i < g->nkids; i++) {
        if(g->kids[i]->op == G_BGP || g->kids[i]->safe) {
          rc = eval_gp(ev, g->kids[i], in, ctx, 0, out);
        } else {
          struct rows tmp;

          rows_init(&tmp, ev->nvars);
          for(j = 0; j < in->n; j++)
            rows_add(&tmp, rows_at(in, j));
          rc = join_child(ev, &tmp, g->kids[i], ctx, NULL, 0);
          for(j = 0; j < tmp.n; j++)
            rows_add(out, rows_at(&tmp, j));
          rows_release(&tmp);
        }
      }
      return rc;
    case G_GRAPH:
      return eval_graph(ev, g, in, out);
    case G_SUB: {
      struct rows sr;

      rows_init(&sr, ev->nvars);
      rc = eval_select(ev, g->sel, ctx, &sr);
      if(!rc)
        join_rows(ev, in, &sr, out);
      rows_release(&sr);
      return rc;
    }
    case G_OPT:
    case G_MINUS:
    case G_FILTER:
    case G_BIND:
    case G_VALUES:
    case G_GROUP:
      break;
  }
  /* a group (or a lone OPTIONAL/MINUS/... treated as a group of one) */
  rows_init(&cur, ev->nvars);
  for(j = 0; j < in->n; j++)
    rows_add(&cur, rows_at(in, j));
  if(g->op != G_GROUP) {
    struct gp tmp;
    struct gp *kids[1];

    memset(&tmp, 0, sizeof(tmp));
    tmp.op = G_GROUP;
    kids[0] = g;
    tmp.kids = kids;
    tmp.nkids = 1;
    rc = eval_gp(ev, &tmp, in, ctx, skip_filters, out);
    rows_release(&cur);
    return rc;
  }
  {
    unsigned char *cert = kg_xcalloc((size_t)ev->nvars + 1, 1);
    int f;

    push = kg_xcalloc((size_t)g->nkids + 1, sizeof(*push));
    for(f = 0; f < g->nkids; f++)
      if(g->kids[f]->op == G_BGP)
        certain_vars(g->kids[f], cert);
    for(f = 0; !skip_filters && f < g->nkids; f++) {
      unsigned char *used;
      int special = 0;
      int v;
      int ok = 1;

      if(g->kids[f]->op != G_FILTER)
        continue;
      used = kg_xcalloc((size_t)ev->nvars + 1, 1);
      expr_vars(g->kids[f]->expr, used, &special);
      for(v = 0; v < ev->nvars; v++)
        if(used[v] && !cert[v])
          ok = 0;
      if(ok && !special) {
        push[npush].e = g->kids[f]->expr;
        push[npush].vars = used;
        npush++;
      } else {
        free(used);
      }
    }
    free(cert);
  }
  for(i = 0; !rc && i < g->nkids; i++) {
    struct gp *k = g->kids[i];

    switch(k->op) {
      case G_FILTER:
        break;
      case G_OPT:
        rc = eval_optional(ev, &cur, k, ctx);
        break;
      case G_MINUS:
        rc = eval_minus(ev, &cur, k, ctx);
        break;
      case G_BIND:
        rc = eval_bind(ev, &cur, k);
        break;
      case G_VALUES:
        rc = eval_values(ev, &cur, k);
        break;
      case G_BGP:
      case G_GROUP:
      case G_UNION:
      case G_GRAPH:
      case G_SUB:
        rc = join_child(ev, &cur, k, ctx, k->op == G_BGP ? push : NULL,
                        k->op == G_BGP ? npush : 0);
        break;
    }
    if(ev->failed)
      rc = -1;
  }
  for(i = 0; i < npush; i++)
    free(push[i].vars);
  free(push);
  if(!rc && !skip_filters) {
    for(i = 0; i < g->nkids; i++) {
      struct gp *k = g->kids[i];
      struct rows res;

      if(k->op != G_FILTER)
        continue;
      rows_init(&res, ev->nvars);
      for(j = 0; j < cur.n; j++)
        if(filter_ok(ev, k->expr, rows_at(&cur, j)))
          rows_add(&res, rows_at(&cur, j));
      rows_move(&cur, &res);
      if(ev->failed)
        rc = -1;
    }
  }
  for(j = 0; !rc && j < cur.n; j++)
    rows_add(out, rows_at(&cur, j));
  rows_release(&cur);
  return rc;
}

void
kg_sq_exists_seen(struct kg_sq_ev *ev, int idx)
{
  if(idx >= 0 && idx < ev->rwo.nexists && ev->exists_ok)
    ev->exists_ok[idx] = 1;
}

int
kg_sq_exists(struct kg_sq_ev *ev, int idx, librdf_node **row)
{
  struct rows in;
  struct rows out;
  int rc;
  int found;

  if(idx < 0 || idx >= ev->nexists || !ev->exists[idx])
    return -1;
  rows_init(&in, ev->nvars);
  rows_init(&out, ev->nvars);
  rows_add(&in, row);
  rc = eval_gp(ev, ev->exists[idx], &in, ev->active_ctx, 0, &out);
  found = out.n > 0;
  rows_release(&in);
  rows_release(&out);
  return rc ? -1 : found;
}

/* ================================================================ modifiers */

rasqal_literal *
kg_sq_agg_value(struct kg_sq_ev *ev, rasqal_expression *e, int *found)
{
  int i;

  *found = 0;
  for(i = 0; i < ev->nagg; i++) {
    if(ev->agg_e[i] == e) {
      *found = 1;
      return ev->agg_v[i] ? rasqal_new_literal_from_literal(ev->agg_v[i])
                          : NULL;
    }
  }
  return NULL;
}

static void
collect_aggs(struct kg_sq_ev *ev, rasqal_expression *e)
{
  int i;

  if(!e)
    return;
  if(is_aggregate_op(e->op)) {
    for(i = 0; i < ev->nagg; i++)
      if(ev->agg_e[i] == e)
        return;
    ev->agg_e = kg_xrealloc(ev->agg_e, (size_t)(ev->nagg + 1) *
                            sizeof(*ev->agg_e));
    ev->agg_v = kg_xrealloc(ev->agg_v, (size_t)(ev->nagg + 1) *
                            sizeof(*ev->agg_v));
    ev->agg_e[ev->nagg] = e;
    ev->agg_v[ev->nagg] = NULL;
    ev->nagg++;
    return;
  }
  collect_aggs(ev, e->arg1);
  collect_aggs(ev, e->arg2);
  collect_aggs(ev, e->arg3);
  collect_aggs(ev, e->arg4);
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      collect_aggs(ev, raptor_sequence_get_at(e->args, i));
}

static rasqal_literal *
num_op(struct kg_sq_ev *ev, rasqal_op op, rasqal_literal *a, rasqal_literal *b)
{
  rasqal_expression *x;
  rasqal_literal *r;
  int err = 0;
  rasqal_evaluation_context *ec;

  x = rasqal_new_2op_expression(ev->rw, op,
        rasqal_new_literal_expression(ev->rw, rasqal_new_literal_from_literal(a)),
        rasqal_new_literal_expression(ev->rw, rasqal_new_literal_from_literal(b)));
  if(!x)
    return NULL;
  ec = rasqal_new_evaluation_context(ev->rw, NULL, RASQAL_COMPARE_XQUERY);
  r = rasqal_expression_evaluate2(x, ec, &err);
  rasqal_free_evaluation_context(ec);
  rasqal_free_expression(x);
  if(err && r) {
    rasqal_free_literal(r);
    r = NULL;
  }
  return r;
}

static int
lit_is_numeric(rasqal_literal *l)
{
  return l && (l->type == RASQAL_LITERAL_INTEGER ||
               l->type == RASQAL_LITERAL_INTEGER_SUBTYPE ||
               l->type == RASQAL_LITERAL_DECIMAL ||
               l->type == RASQAL_LITERAL_DOUBLE ||
               l->type == RASQAL_LITERAL_FLOAT) && l->valid;
}

static rasqal_literal *
new_string_lit(rasqal_world *rw, const char *s, size_t len)
{
  unsigned char *d = rasqal_alloc_memory(len + 1);

  memcpy(d, s, len);
  d[len] = '\0';
  return rasqal_new_string_literal(rw, d, NULL, NULL, NULL);
}

/* Computes aggregate @e over rows @idx of @rows. NULL = error/unbound. */
static rasqal_literal *
compute_agg(struct kg_sq_ev *ev, rasqal_expression *e, struct rows *rows,
            size_t *idx, size_t n)
{
  size_t i;
  int distinct = (e->flags & RASQAL_EXPR_FLAG_DISTINCT) != 0;
  struct kg_hash seen;
  struct kg_buf b = KG_BUF_INIT;
  struct kg_buf out = KG_BUF_INIT;
  rasqal_literal *acc = NULL;
  long count = 0;
  int error = 0;
  int first = 1;
  rasqal_expression *arg = e->arg1;

  if(e->op == RASQAL_EXPR_GROUP_CONCAT && !arg && e->args &&
     raptor_sequence_size(e->args) > 0)
    arg = raptor_sequence_get_at(e->args, 0);
  kg_hash_init(&seen);
  if(e->op == RASQAL_EXPR_SUM || e->op == RASQAL_EXPR_AVG)
    acc = rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER, 0);
  for(i = 0; i < n && !error; i++) {
    librdf_node **row = rows_at(rows, idx[i]);
    rasqal_literal *v = NULL;
    int err = 0;

    if(e->op == RASQAL_EXPR_COUNT && (!arg || arg->op == RASQAL_EXPR_VARSTAR)) {
      if(distinct) {
        int *cols = kg_xcalloc((size_t)ev->nvars + 1, sizeof(int));
        int k;
        size_t vv = 0;

        for(k = 0; k < ev->nvars; k++)
          cols[k] = k;
        row_key(&b, row, cols, ev->nvars);
        free(cols);
        if(kg_hash_put(&seen, b.s, b.len, &vv))
          continue;
      }
      count++;
      continue;
    }
    v = kg_sq_eval(ev, arg, row, &err);
    if(ev->failed)
      break;
    if(!v) {
      if(e->op == RASQAL_EXPR_COUNT || e->op == RASQAL_EXPR_SAMPLE)
        continue;
      if(e->op == RASQAL_EXPR_MIN || e->op == RASQAL_EXPR_MAX)
        continue;
      error = 1;
      break;
    }
    if(distinct) {
      librdf_node *nd = kg_term_from_literal(ev->world, v);
      size_t vv = 0;
      int dup;

      kg_buf_reset(&b);
      kg_term_nt(&b, nd);
      if(nd)
        librdf_free_node(nd);
      dup = kg_hash_put(&seen, b.s, b.len, &vv);
      if(dup) {
        rasqal_free_literal(v);
        continue;
      }
    }
    count++;
    switch(e->op) {
      case RASQAL_EXPR_COUNT:
        break;
      case RASQAL_EXPR_SUM:
      case RASQAL_EXPR_AVG:
        if(!lit_is_numeric(v)) {
          error = 1;
        } else {
          rasqal_literal *s = num_op(ev, RASQAL_EXPR_PLUS, acc, v);

          rasqal_free_literal(acc);
          acc = s;
          if(!acc)
            error = 1;
        }
        break;
      case RASQAL_EXPR_MIN:
      case RASQAL_EXPR_MAX:
        if(!acc) {
          acc = rasqal_new_literal_from_literal(v);
        } else {
          int c = kg_sq_order_cmp(v, acc);

          if((e->op == RASQAL_EXPR_MIN && c < 0) ||
             (e->op == RASQAL_EXPR_MAX && c > 0)) {
            rasqal_free_literal(acc);
            acc = rasqal_new_literal_from_literal(v);
          }
        }
        break;
      case RASQAL_EXPR_SAMPLE:
        if(!acc)
          acc = rasqal_new_literal_from_literal(v);
        break;
      case RASQAL_EXPR_GROUP_CONCAT: {
        const char *sep = " ";

        if(e->literal && e->literal->string)
          sep = (const char *)e->literal->string;
        if(v->type == RASQAL_LITERAL_URI || v->type == RASQAL_LITERAL_BLANK) {
          error = 1;
          break;
        }
        if(!first)
          kg_buf_adds(&out, sep);
        first = 0;
        kg_buf_add(&out, v->string, v->string_len);
        break;
      }
      default:
        error = 1;
    }
    rasqal_free_literal(v);
  }
  kg_hash_release(&seen);
  kg_buf_release(&b);
  if(error || ev->failed) {
    if(acc)
      rasqal_free_literal(acc);
    kg_buf_release(&out);
    return NULL;
  }
  switch(e->op) {
    case RASQAL_EXPR_COUNT:
      return rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER,
                                        (int)count);
    case RASQAL_EXPR_AVG:
      if(count == 0) {
        rasqal_free_literal(acc);
        return rasqal_new_integer_literal(ev->rw, RASQAL_LITERAL_INTEGER, 0);
      } else {
        rasqal_literal *c = rasqal_new_integer_literal(ev->rw,
                              RASQAL_LITERAL_INTEGER, (int)count);
        rasqal_literal *r = num_op(ev, RASQAL_EXPR_SLASH, acc, c);

        rasqal_free_literal(c);
        rasqal_free_literal(acc);
        return r;
      }
    case RASQAL_EXPR_GROUP_CONCAT: {
      rasqal_literal *r = new_string_lit(ev->rw, out.s ? out.s : "", out.len);

      kg_buf_release(&out);
      return r;
    }
    default:
      kg_buf_release(&out);
      return acc;
  }
}

/* ORDER BY: the direction of each key, reachable from every sorted item
 * (qsort's comparator has no context argument). */
struct order_dir {
  int n;
  int *desc;
};

struct orow {
  const struct order_dir *dir;  /* set just before sorting */
  rasqal_literal **keys;
  size_t seq;
};

static int
orow_cmp(const void *a, const void *b)
{
  const struct orow *x = a;
  const struct orow *y = b;
  int i;

  for(i = 0; i < x->dir->n; i++) {
    int c = kg_sq_order_cmp(x->keys[i], y->keys[i]);

    if(c)
      return x->dir->desc[i] ? -c : c;
  }
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
var_in_group(struct sel *s, int vi)
{
  int i;

  for(i = 0; s->group && i < raptor_sequence_size(s->group); i++) {
    rasqal_expression *e = raptor_sequence_get_at(s->group, i);
    rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
      rasqal_literal_as_variable(e->literal) : NULL;

    if(v && kg_sq_var_index(v) == vi)
      return 1;
  }
  return 0;
}

/* Checks that variables used outside aggregates are grouped. */
static int
check_grouped(struct kg_sq_ev *ev, struct sel *s, rasqal_expression *e)
{
  int i;

  if(!e || is_aggregate_op(e->op))
    return 0;
  if(e->op == RASQAL_EXPR_LITERAL) {
    rasqal_variable *v = rasqal_literal_as_variable(e->literal);

    if(v && !var_in_group(s, kg_sq_var_index(v))) {
      int j;

      for(j = 0; j < s->nproj; j++)
        if(s->proj[j] == kg_sq_var_index(v) && s->pexpr[j])
          return 0;     /* an earlier (expr AS ?v) */
      kg_sq_refuse(ev, "GROUP", "variable ?%s is used outside an aggregate "
                   "but is not in GROUP BY", (const char *)v->name);
      return -1;
    }
    return 0;
  }
  if(check_grouped(ev, s, e->arg1) || check_grouped(ev, s, e->arg2) ||
     check_grouped(ev, s, e->arg3) || check_grouped(ev, s, e->arg4))
    return -1;
  if(e->args)
    for(i = 0; i < raptor_sequence_size(e->args); i++)
      if(check_grouped(ev, s, raptor_sequence_get_at(e->args, i)))
        return -1;
  return 0;
}

static int
eval_select(struct kg_sq_ev *ev, struct sel *s, librdf_node *ctx,
            struct rows *out)
{
  struct rows base;
  struct rows in1;
  struct rows grouped;
  int rc = 0;
  int i;
  size_t j;
  int aggregate = 0;
  int ngc = s->group ? raptor_sequence_size(s->group) : 0;
  int nord = s->order ? raptor_sequence_size(s->order) : 0;
  struct orow *ors = NULL;
  size_t nors = 0;
  struct kg_buf kb = KG_BUF_INIT;
  rasqal_expression **saved_e = ev->agg_e;
  rasqal_literal **saved_v = ev->agg_v;
  int saved_n = ev->nagg;
  int *cols;
  int ncols = 0;
  unsigned char *keep;

  rows_init(&base, ev->nvars);
  rows_init(&grouped, ev->nvars);
  one_row(ev, &in1);
  if(s->where)
    rc = eval_gp(ev, s->where, &in1, ctx, 0, &base);
  else
    rows_add(&base, NULL);
  rows_release(&in1);
  if(!rc && s->values)
    rc = eval_values(ev, &base, s->values);
  if(rc)
    goto out;

  ev->agg_e = NULL;
  ev->agg_v = NULL;
  ev->nagg = 0;
  for(i = 0; i < s->nproj; i++)
    collect_aggs(ev, s->pexpr[i]);
  for(i = 0; s->having && i < raptor_sequence_size(s->having); i++)
    collect_aggs(ev, raptor_sequence_get_at(s->having, i));
  for(i = 0; i < nord; i++)
    collect_aggs(ev, raptor_sequence_get_at(s->order, i));
  aggregate = ev->nagg > 0 || ngc > 0;

  if(aggregate) {
    struct kg_hash gmap;
    size_t **members = NULL;
    size_t *nmem = NULL;
    size_t ngroups = 0;
    librdf_node **tmp = kg_xcalloc((size_t)ev->nvars + 1, sizeof(*tmp));

    for(i = 0; i < s->nproj; i++) {
      if(s->pexpr[i] ? check_grouped(ev, s, s->pexpr[i]) :
         (!var_in_group(s, s->proj[i]) &&
          (kg_sq_refuse(ev, "SELECT", "variable ?%s is selected but is not "
                        "in GROUP BY", ev->names[s->proj[i]]), 1))) {
        free(tmp);
        rc = -1;
        goto out;
      }
    }
    kg_hash_init(&gmap);
    /* group keys; GROUP BY (e AS ?k) binds ?k */
    for(j = 0; j < base.n; j++) {
      librdf_node **row = rows_at(&base, j);
      size_t gi = ngroups;

      kg_buf_reset(&kb);
      for(i = 0; i < ngc; i++) {
        rasqal_expression *e = raptor_sequence_get_at(s->group, i);
        rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
          rasqal_literal_as_variable(e->literal) : NULL;
        librdf_node *kn = NULL;

        if(v && !v->expression) {
          kn = row[kg_sq_var_index(v)] ?
            librdf_new_node_from_node(row[kg_sq_var_index(v)]) : NULL;
        } else {
          int err = 0;
          rasqal_literal *l = kg_sq_eval(ev, v ? v->expression : e, row, &err);

          if(l) {
            kn = kg_term_from_literal(ev->world, l);
            rasqal_free_literal(l);
          }
          if(v)
            row_set(row, kg_sq_var_index(v), kn);
        }
        if(kn) {
          kg_term_nt(&kb, kn);
          librdf_free_node(kn);
        }
        kg_buf_addc(&kb, '\x01');
      }
      if(!kg_hash_put(&gmap, kb.s ? kb.s : "", kb.len, &gi)) {
        members = kg_xrealloc(members, (ngroups + 1) * sizeof(*members));
        nmem = kg_xrealloc(nmem, (ngroups + 1) * sizeof(*nmem));
        members[ngroups] = NULL;
        nmem[ngroups] = 0;
        ngroups++;
      }
      members[gi] = kg_xrealloc(members[gi], (nmem[gi] + 1) * sizeof(size_t));
      members[gi][nmem[gi]++] = j;
    }
    kg_hash_release(&gmap);
    if(ngroups == 0 && ngc == 0) {
      /* aggregates over no rows: one group */
      members = kg_xcalloc(1, sizeof(*members));
      nmem = kg_xcalloc(1, sizeof(*nmem));
      ngroups = 1;
    }
    for(j = 0; j < ngroups && !ev->failed; j++) {
      int ok = 1;
      int a;

      for(a = 0; a < ev->nagg; a++) {
        if(ev->agg_v[a])
          rasqal_free_literal(ev->agg_v[a]);
        ev->agg_v[a] = compute_agg(ev, ev->agg_e[a], &base, members[j], nmem[j]);
      }
      memset(tmp, 0, (size_t)ev->nvars * sizeof(*tmp));
      if(nmem[j]) {
        librdf_node **first = rows_at(&base, members[j][0]);

        for(i = 0; i < ngc; i++) {
          rasqal_expression *e = raptor_sequence_get_at(s->group, i);
          rasqal_variable *v = e->op == RASQAL_EXPR_LITERAL ?
            rasqal_literal_as_variable(e->literal) : NULL;

          if(v)
            tmp[kg_sq_var_index(v)] = first[kg_sq_var_index(v)];
        }
      }
      {
        librdf_node **d = rows_add(&grouped, tmp);

        for(i = 0; ok && s->having && i < raptor_sequence_size(s->having); i++)
          ok = filter_ok(ev, raptor_sequence_get_at(s->having, i), d);
        for(i = 0; ok && i < s->nproj; i++) {
          int err = 0;
          rasqal_literal *l;

          if(!s->pexpr[i])
            continue;
          l = kg_sq_eval(ev, s->pexpr[i], d, &err);
          row_set(d, s->proj[i], NULL);
          if(l) {
            d[s->proj[i]] = kg_term_from_literal(ev->world, l);
            rasqal_free_literal(l);
          }
        }
        if(ok && nord) {
          ors = kg_xrealloc(ors, (nors + 1) * sizeof(*ors));
          ors[nors].dir = NULL;
          ors[nors].seq = grouped.n - 1;
          ors[nors].keys = kg_xcalloc((size_t)nord, sizeof(rasqal_literal *));
          for(i = 0; i < nord; i++) {
            int err = 0;
            rasqal_expression *oe = raptor_sequence_get_at(s->order, i);

            ors[nors].keys[i] = kg_sq_eval(ev, oe->arg1, d, &err);
          }
          nors++;
        }
        if(!ok) {
          /* drop the row just added */
          int k;

          for(k = 0; k < ev->nvars; k++)
            if(d[k])
              librdf_free_node(d[k]);
          grouped.n--;
        }
      }
    }
    for(j = 0; j < ngroups; j++)
      free(members[j]);
    free(members);
    free(nmem);
    free(tmp);
    for(i = 0; i < ev->nagg; i++)
      if(ev->agg_v[i])
        rasqal_free_literal(ev->agg_v[i]);
    free(ev->agg_e);
    free(ev->agg_v);
    ev->agg_e = NULL;
    ev->agg_v = NULL;
    ev->nagg = 0;
    rows_move(&base, &grouped);
  } else {
    /* projection expressions */
    for(i = 0; i < s->nproj && !ev->failed; i++) {
      if(!s->pexpr[i])
        continue;
      for(j = 0; j < base.n; j++) {
        librdf_node **d = rows_at(&base, j);
        int err = 0;
        rasqal_literal *l = kg_sq_eval(ev, s->pexpr[i], d, &err);

        row_set(d, s->proj[i], NULL);
        if(l) {
          d[s->proj[i]] = kg_term_from_literal(ev->world, l);
          rasqal_free_literal(l);
        }
      }
    }
    if(nord) {
      ors = kg_xcalloc(base.n + 1, sizeof(*ors));
      for(j = 0; j < base.n; j++) {
        ors[j].seq = j;
        ors[j].keys = kg_xcalloc((size_t)nord, sizeof(rasqal_literal *));
        for(i = 0; i < nord; i++) {
          int err = 0;
          rasqal_expression *oe = raptor_sequence_get_at(s->order, i);

          ors[j].keys[i] = kg_sq_eval(ev, oe->arg1, rows_at(&base, j), &err);
        }
      }
      nors = base.n;
    }
  }
  if(ev->failed) {
    rc = -1;
    goto out;
  }
  /* ORDER BY */
  if(nord && nors) {
    struct rows sorted;
    struct order_dir dir;

    dir.n = nord;
    dir.desc = kg_xcalloc((size_t)nord, sizeof(int));
    for(i = 0; i < nord; i++)
      dir.desc[i] = ((rasqal_expression *)raptor_sequence_get_at(
                       s->order, i))->op == RASQAL_EXPR_ORDER_COND_DESC;
    for(j = 0; j < nors; j++)
      ors[j].dir = &dir;
    qsort(ors, nors, sizeof(*ors), orow_cmp);
    free(dir.desc);
    rows_init(&sorted, ev->nvars);
    for(j = 0; j < nors; j++)
      rows_add(&sorted, rows_at(&base, ors[j].seq));
    rows_move(&base, &sorted);
  }
  /* projection */
  cols = kg_xcalloc((size_t)ev->nvars + 1, sizeof(int));
  keep = kg_xcalloc((size_t)ev->nvars + 1, 1);
  if(s->wildcard && s->where) {
    scope_vars(s->where, keep);
    if(s->values)
      scope_vars(s->values, keep);
  } else {
    for(i = 0; i < s->nproj; i++)
      keep[s->proj[i]] = 1;
  }
  for(i = 0; i < ev->nvars; i++)
    if(keep[i])
      cols[ncols++] = i;
  for(j = 0; j < base.n; j++) {
    librdf_node **d = rows_at(&base, j);

    for(i = 0; i < ev->nvars; i++)
      if(!keep[i] && d[i]) {
        librdf_free_node(d[i]);
        d[i] = NULL;
      }
  }
  free(keep);
  /* DISTINCT / REDUCED, OFFSET, LIMIT */
  {
    struct kg_hash seen;
    long skipped = 0;
    long taken = 0;

    kg_hash_init(&seen);
    for(j = 0; j < base.n; j++) {
      librdf_node **d = rows_at(&base, j);

      if(s->distinct) {
        size_t v = 0;

        row_key(&kb, d, cols, ncols);
        if(kg_hash_put(&seen, kb.s ? kb.s : "", kb.len, &v))
          continue;
      }
      if(s->offset > 0 && skipped < s->offset) {
        skipped++;
        continue;
      }
      if(s->limit >= 0 && taken >= s->limit)
        break;
      rows_add(out, d);
      taken++;
    }
    kg_hash_release(&seen);
  }
  free(cols);
out:
  for(j = 0; j < nors; j++) {
    for(i = 0; i < nord; i++)
      if(ors[j].keys[i])
        rasqal_free_literal(ors[j].keys[i]);
    free(ors[j].keys);
  }
  free(ors);
  kg_buf_release(&kb);
  rows_release(&base);
  rows_release(&grouped);
  if(ev->agg_e != saved_e) {
    /* left by an early exit (refusal) */
    for(i = 0; i < ev->nagg; i++)
      if(ev->agg_v[i])
        rasqal_free_literal(ev->agg_v[i]);
    free(ev->agg_e);
    free(ev->agg_v);
  }
  ev->agg_e = saved_e;
  ev->agg_v = saved_v;
  ev->nagg = saved_n;
  return rc || ev->failed ? -1 : 0;
}

/* ================================================================ results */

/* Stable small number for a template blank node label. */
static int
blank_key(rasqal_query *q, rasqal_literal *l)
{
  int i;
  int k;
  rasqal_triple *t;

  for(i = 0; (t = rasqal_query_get_construct_triple(q, i)); i++) {
    rasqal_literal *parts[3];

    parts[0] = t->subject;
    parts[1] = t->predicate;
    parts[2] = t->object;
    for(k = 0; k < 3; k++)
      if(parts[k]->type == RASQAL_LITERAL_BLANK &&
         !strcmp((const char *)parts[k]->string, (const char *)l->string))
        return i * 3 + k;
  }
  return 0;
}

static int
do_construct(struct kg_sq_ev *ev, rasqal_query *q, struct rows *rows,
             struct kg_result *r)
{
  struct kg_hash seen;
  size_t j;
  int i;
  rasqal_triple *t;

  kg_hash_init(&seen);
  for(j = 0; j < rows->n; j++) {
    librdf_node **row = rows_at(rows, j);
    librdf_node *fresh[64];
    int nfresh = 0;
    char **fresh_names[1];

    (void)fresh_names;
    for(i = 0; (t = rasqal_query_get_construct_triple(q, i)); i++) {
      rasqal_literal *parts[3];
      librdf_node *n[3];
      int k;
      int ok = 1;

      parts[0] = t->subject;
      parts[1] = t->predicate;
      parts[2] = t->object;
      for(k = 0; k < 3; k++) {
        rasqal_variable *v = rasqal_literal_as_variable(parts[k]);

        n[k] = NULL;
        if((v && v->type == RASQAL_VARIABLE_TYPE_ANONYMOUS &&
            !row[kg_sq_var_index(v)]) ||
           (!v && parts[k]->type == RASQAL_LITERAL_BLANK)) {
          /* template blank node: fresh per solution; keyed by variable
           * index, or by -(1 + position) of a blank literal's label */
          int vi = v ? kg_sq_var_index(v) : -1 - blank_key(q, parts[k]);
          int f;

          for(f = 0; f < nfresh; f += 2)
            if((intptr_t)fresh[f] == vi)
              break;
          if(f >= nfresh && nfresh < 62) {
            fresh[nfresh++] = (librdf_node *)(intptr_t)vi;
            fresh[nfresh++] = librdf_new_node_from_blank_identifier(ev->world,
                                                                    NULL);
          }
          n[k] = f < nfresh ? librdf_new_node_from_node(fresh[f + 1]) : NULL;
        } else if(v) {
          int vi = kg_sq_var_index(v);

          n[k] = vi >= 0 && row[vi] ? librdf_new_node_from_node(row[vi]) : NULL;
        } else {
          n[k] = kg_term_from_literal(ev->world, parts[k]);
        }
        if(!n[k])
          ok = 0;
      }
      if(ok && (librdf_node_is_literal(n[0]) || !librdf_node_is_resource(n[1])))
        ok = 0;
      if(ok)
        kg_result_add_triple(r, ev->world, &seen, n[0], n[1], n[2]);
      for(k = 0; k < 3; k++)
        if(n[k])
          librdf_free_node(n[k]);
    }
    for(i = 1; i < nfresh; i += 2)
      librdf_free_node(fresh[i]);
  }
  kg_hash_release(&seen);
  return 0;
}

static int
describe_node(struct kg_sq_ev *ev, librdf_node *n, struct kg_result *r,
              struct kg_hash *seen, struct nodeset *done)
{
  struct matches ms;
  size_t i;
  int rc;

  if(!ns_add(done, n))
    return 0;
  memset(&ms, 0, sizeof(ms));
  rc = find_triples(ev, n, NULL, NULL, NULL, &ms);
  for(i = 0; !rc && i < ms.n; i++) {
    kg_result_add_triple(r, ev->world, seen, ms.m[i].n[0], ms.m[i].n[1], ms.m[i].n[2]);
    if(librdf_node_is_blank(ms.m[i].n[2]))
      rc = describe_node(ev, ms.m[i].n[2], r, seen, done);
  }
  matches_release(&ms);
  return rc;
}

static int
do_describe(struct kg_sq_ev *ev, rasqal_query *q, struct rows *rows,
            struct kg_result *r)
{
  raptor_sequence *ds = rasqal_query_get_describe_sequence(q);
  struct kg_hash seen;
  struct nodeset done;
  struct nodeset targets;
  int i;
  size_t j;
  int rc = 0;

  kg_hash_init(&seen);
  ns_init(&done);
  ns_init(&targets);
  for(i = 0; ds && i < raptor_sequence_size(ds); i++) {
    rasqal_literal *l = raptor_sequence_get_at(ds, i);
    rasqal_variable *v = rasqal_literal_as_variable(l);

    if(v) {
      int vi = kg_sq_var_index(v);

      for(j = 0; rows && j < rows->n; j++)
        if(rows_at(rows, j)[vi])
          ns_add(&targets, rows_at(rows, j)[vi]);
    } else {
      librdf_node *n = kg_term_from_literal(ev->world, l);

      if(n) {
        ns_add(&targets, n);
        librdf_free_node(n);
      }
    }
  }
  if(!ds || raptor_sequence_size(ds) == 0) {
    /* DESCRIBE * */
    for(j = 0; rows && j < rows->n; j++) {
      int k;

      for(k = 0; k < ev->nvars; k++)
        if(rows_at(rows, j)[k] && !var_hidden(ev->names[k]))
          ns_add(&targets, rows_at(rows, j)[k]);
    }
  }
  for(j = 0; !rc && j < targets.n; j++)
    if(!librdf_node_is_literal(targets.v[j]))
      rc = describe_node(ev, targets.v[j], r, &seen, &done);
  ns_release(&targets);
  ns_release(&done);
  kg_hash_release(&seen);
  return rc;
}

/* ================================================================ entry */

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
prepare(struct kg_sq_ev *ev, rasqal_query *q, const char *text)
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

static void
ev_release(struct kg_sq_ev *ev)
{
  int i;

  for(i = 0; i < ev->ngps; i++)
    gp_free(ev->all_gps[i]);
  free(ev->all_gps);
  for(i = 0; i < ev->nsels; i++) {
    free(ev->all_sels[i]->proj);
    free(ev->all_sels[i]->pexpr);
    free(ev->all_sels[i]);
  }
  free(ev->all_sels);
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
  free(ev->exists);
  free(ev->exists_ok);
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
  kg_sq_expr_release(ev);
  kg_rewrite_release(&ev->rwo);
}

static int
model_has_context(struct kg_sq_ev *ev, librdf_node *g)
{
  librdf_iterator *it = librdf_model_get_contexts(ev->model);
  int found = 0;

  for(; it && !found && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);

    if(c && node_eq(c, g) &&
       !(ev->default_ctx && node_eq(c, ev->default_ctx)))
      found = 1;
  }
  if(it)
    librdf_free_iterator(it);
  return found;
}

/* FROM / FROM NAMED: served from the graphs already loaded (--named);
 * anything else would be fetched, which is refused. */
static int
check_dataset(struct kg_sq_ev *ev, rasqal_query *q,
              const struct kg_sparql_opts *opts)
{
  int i;
  rasqal_data_graph *dg;

  for(i = 0; (dg = rasqal_query_get_data_graph(q, i)); i++) {
    int named = dg->flags == RASQAL_DATA_GRAPH_NAMED;
    const char *kw = named ? "FROM NAMED" : "FROM";
    librdf_node *g = librdf_new_node_from_uri(ev->world,
                                              (librdf_uri *)dg->uri);

    ev->has_dataset = 1;
    if(!g || !model_has_context(ev, g)) {
      if(g)
        librdf_free_node(g);
      if(opts->allow_remote)
        kg_sq_refuse(ev, "FROM", "%s <%s> is not a loaded graph (fetching "
                     "graphs is not supported)", kw,
                     (const char *)raptor_uri_as_string(dg->uri));
      else
        kg_sq_refuse(ev, "FROM", "%s <%s> would fetch a remote graph "
                     "(use --allow-remote)", kw,
                     (const char *)raptor_uri_as_string(dg->uri));
      return -1;
    }
    if(named) {
      ev->named = kg_xrealloc(ev->named, (size_t)(ev->nnamed + 1) *
                              sizeof(*ev->named));
      ev->named[ev->nnamed++] = g;
    } else {
      ev->from = kg_xrealloc(ev->from, (size_t)(ev->nfrom + 1) *
                             sizeof(*ev->from));
      ev->from[ev->nfrom++] = g;
    }
  }
  return 0;
}

int
kg_sparql_exec(struct kg_ctx *ctx, librdf_model *model, const char *query,
               const struct kg_sparql_opts *opts, struct kg_result **out)
{
  struct kg_sq_ev ev;
  rasqal_query *q;
  rasqal_query_verb verb;
  struct kg_result *r = NULL;
  struct sel *top = NULL;
  struct rows rows;
  int rc = KG_EXIT_DATA;
  int i;

  *out = NULL;
  memset(&ev, 0, sizeof(ev));
  rows_init(&rows, 0);
  ev.world = ctx->world;
  ev.rw = librdf_world_get_rasqal(ctx->world);
  ev.model = model;
  ev.source = opts && opts->source ? opts->source : "query";
  ev.line_offset = opts ? opts->line_offset : 0;
  ev.rdf_type = iri_node(&ev, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  if(opts && opts->predicates) {
    ev.preds = (librdf_node **)(uintptr_t)opts->predicates;
    ev.npreds = opts->npredicates;
    ev.preds_done = ev.preds_given = 1;
  }
  ev.default_ctx = opts ? opts->default_context : NULL;
  {
    librdf_iterator *it = librdf_model_get_contexts(model);
    int nctx = 0;

    for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
      librdf_node *c = librdf_iterator_get_object(it);

      if(c && !(ev.default_ctx && node_eq(c, ev.default_ctx)))
        nctx++;
    }
    if(it)
      librdf_free_iterator(it);
    ev.dedupe = nctx > 0;
  }
  if(kg_rewrite_run(query, ev.source, ev.line_offset, &ev.rwo))
    goto out;
  ev.text = ev.rwo.text;
  ev.nq = 1 + ev.rwo.nexists;
  ev.queries = kg_xcalloc((size_t)ev.nq, sizeof(*ev.queries));
  for(i = 0; i < ev.nq; i++) {
    ev.queries[i] = rasqal_new_query(ev.rw, "sparql11-query", NULL);
    if(!ev.queries[i]) {
      kg_error("cannot create a SPARQL query");
      rc = KG_EXIT_SYS;
      goto out;
    }
    if(prepare(&ev, ev.queries[i], i ? ev.rwo.exists[i - 1] : ev.rwo.text))
      goto out;
    register_vars(&ev, ev.queries[i], i);
  }
  q = ev.queries[0];
  ev.aliases = kg_xcalloc((size_t)ev.nq, sizeof(*ev.aliases));
  ev.naliases = kg_xcalloc((size_t)ev.nq, sizeof(int));
  ev.next_alias = kg_xcalloc((size_t)ev.nq, sizeof(int));
  for(i = 0; i < ev.nq; i++)
    ev.naliases[i] = kg_lex_select_aliases(i ? ev.rwo.exists[i - 1]
                                            : ev.rwo.text, &ev.aliases[i]);
  if(opts && check_dataset(&ev, q, opts))
    goto out;
  ev.nexists = ev.rwo.nexists;
  ev.exists = kg_xcalloc((size_t)ev.nexists + 1, sizeof(*ev.exists));
  ev.exists_ok = kg_xcalloc((size_t)ev.nexists + 1, 1);
  for(i = 0; i < ev.nexists; i++) {
    rasqal_graph_pattern *w =
      rasqal_query_get_query_graph_pattern(ev.queries[i + 1]);

    ev.exists[i] = w ? compile_gp(&ev, ev.queries[i + 1], w)
                     : gp_new(&ev, G_GROUP);
    if(!ev.exists[i])
      goto out;
  }
  verb = rasqal_query_get_verb(q);
  if(verb != RASQAL_QUERY_VERB_SELECT && verb != RASQAL_QUERY_VERB_ASK &&
     verb != RASQAL_QUERY_VERB_CONSTRUCT && verb != RASQAL_QUERY_VERB_DESCRIBE) {
    kg_sq_refuse(&ev, NULL, "only SELECT, ASK, CONSTRUCT and DESCRIBE are "
                 "supported");
    goto out;
  }
  top = compile_select(&ev, q, rasqal_query_get_query_graph_pattern(q), NULL);
  if(!top)
    goto out;
  if(verb != RASQAL_QUERY_VERB_SELECT) {
    /* ASK/CONSTRUCT/DESCRIBE: every in-scope variable */
    top->wildcard = 1;
  }
  for(i = 0; i < ev.nexists; i++) {
    if(!ev.exists_ok[i]) {
      /* rasqal folded the FILTER holding it (e.g. to false) */
      struct kg_loc loc = { NULL, 0, 0 };

      loc.file = ev.source;
      loc.line = ev.rwo.exists_line[i] + ev.line_offset;
      kg_error_at(&loc, "EXISTS in this position is not supported");
      goto out;
    }
  }
  if(check_scopes(&ev))
    goto out;
  mark_safe(&ev);
  rows_init(&rows, ev.nvars);
  if(verb == RASQAL_QUERY_VERB_DESCRIBE && !top->where) {
    /* DESCRIBE <x> without WHERE */
    rows_add(&rows, NULL);
  } else if(eval_select(&ev, top, NULL, &rows)) {
    rc = ev.sys ? KG_EXIT_SYS : KG_EXIT_DATA;
    goto out;
  }
  switch(verb) {
    case RASQAL_QUERY_VERB_ASK:
      r = kg_result_new(KG_RESULT_BOOLEAN);
      r->boolean = rows.n > 0;
      break;
    case RASQAL_QUERY_VERB_CONSTRUCT:
      r = kg_result_new(KG_RESULT_GRAPH);
      do_construct(&ev, q, &rows, r);
      break;
    case RASQAL_QUERY_VERB_DESCRIBE:
      r = kg_result_new(KG_RESULT_GRAPH);
      if(do_describe(&ev, q, &rows, r))
        goto out;
      break;
    default: {
      int *cols = kg_xcalloc((size_t)ev.nvars + 1, sizeof(int));
      int nc = 0;
      size_t j;

      r = kg_result_new(KG_RESULT_BINDINGS);
      if(top->wildcard) {
        unsigned char *keep = kg_xcalloc((size_t)ev.nvars + 1, 1);
        raptor_sequence *pv = rasqal_query_get_bound_variable_sequence(q);

        if(top->where)
          scope_vars(top->where, keep);
        if(top->values)
          scope_vars(top->values, keep);
        /* rasqal's expanded order (textual), then anything else */
        for(i = 0; pv && i < raptor_sequence_size(pv); i++) {
          int vi = kg_sq_var_index(raptor_sequence_get_at(pv, i));

          if(vi >= 0 && keep[vi] && !var_hidden(ev.names[vi])) {
            cols[nc++] = vi;
            keep[vi] = 0;
          }
        }
        for(i = 0; i < ev.nvars; i++)
          if(keep[i] && !var_hidden(ev.names[i]))
            cols[nc++] = i;
        free(keep);
      } else {
        for(i = 0; i < top->nproj; i++)
          cols[nc++] = top->proj[i];
      }
      r->nvars = nc;
      r->vars = kg_xcalloc((size_t)nc + 1, sizeof(char *));
      for(i = 0; i < nc; i++)
        r->vars[i] = kg_xstrdup(ev.names[cols[i]]);
      r->nrows = rows.n;
      r->cells = kg_xcalloc(rows.n * (size_t)nc + 1, sizeof(librdf_node *));
      for(j = 0; j < rows.n; j++)
        for(i = 0; i < nc; i++) {
          librdf_node *n = rows_at(&rows, j)[cols[i]];

          r->cells[j * (size_t)nc + (size_t)i] =
            n ? librdf_new_node_from_node(n) : NULL;
        }
      free(cols);
    }
  }
  r->base = kg_xstrdup(ctx->base ? ctx->base : KG_DEFAULT_BASE);
  *out = r;
  r = NULL;
  rc = KG_EXIT_OK;
out:
  if(r)
    kg_result_free(r);
  rows_release(&rows);
  if(ev.sys)
    rc = KG_EXIT_SYS;
  ev_release(&ev);
  return rc;
}

void
kg_sparql_features_markdown(FILE *out)
{
  kg_features_markdown(out);
}
