/* cmd_query.c - mednum-kg query: SPARQL over the store or given files. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cmd.h"
#include "base/diag.h"
#include "extract/extract.h"
#include "base/input.h"
#include "ref/named.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "sparql/lex.h"
#include "sparql/sparql.h"
#include "store/store.h"
#include "remote/client.h"
#include "remote/query.h"
#include "base/hash.h"

static const char usage[] =
  "usage: mednum-kg query [--data FILE]... [--named IRI=FILE]...\n"
  "                       [--endpoint URL [--user NAME]]\n"
  "                       [-f FORMAT] [--param NAME=VALUE]...\n"
  "                       [--timeout SECONDS] [--max-rows N] [--max-memory MB]\n"
  "                       [--query-base IRI] (QUERY.rq | -e TEXT | NAME)\n"
  "\n"
  "Runs a SPARQL query, or a named query of queries/ (see 'mednum-kg queries'),\n"
  "over the store, or over the files given with --data and --named.\n"
  "Relative IRIs in the query (GRAPH <ng-01.ttl>) resolve against its BASE,\n"
  "else --query-base, else the query file's own file: URI (a named query's\n"
  "too), else, with -e, the current directory.  With --endpoint the text is\n"
  "sent as it is: the server resolves them.  (The global --base is another\n"
  "thing: the instance base, prefix mnid:, of what extract and load mint.)\n"
  "\n"
  "  --data FILE         a report (.md) or RDF file (.ttl .nt .nq .rdf) for\n"
  "                      the default graph; repeatable\n"
  "  --named IRI=FILE    an RDF file loaded as the named graph IRI\n"
  "  --endpoint URL      send the query to that SPARQL endpoint (SPARQL 1.1\n"
  "                      Protocol) and print its answer; --user NAME with\n"
  "                      the password in $MEDNUM_KG_PASSWORD or ~/.netrc\n"
  "  -e, --expr TEXT     the query text itself\n"
  "  -f, --format FMT    table (default), csv, tsv, json, xml; for CONSTRUCT\n"
  "                      and DESCRIBE: turtle (default), ntriples, rdfxml,\n"
  "                      jsonld\n"
  "  --param NAME=VALUE  value of a named query's parameter; repeatable\n"
  "  --query-base IRI    base IRI of the query's relative IRIs (absolute)\n"
  "  --timeout SECONDS   stop a query that runs longer (default 120; 0: none)\n"
  "  --max-rows N        stop a query that holds more than N solutions in one\n"
  "                      table, intermediate or final (default 10000000; 0: none)\n"
  "  --max-memory MB     stop a query that grows the heap by more than MB\n"
  "                      megabytes (default 4096; 0: none)\n"
  "\n"
  "Exit status: 0 answered, 1 ASK answered false, 2 usage, 3 bad query or data\n"
  "or a limit reached (the message names it; no partial answer is printed),\n"
  "4 I/O (missing file, busy store).\n";

/* Default limits of a query (docs/mednum-kg.1, README "Limits"). */
#define KG_QUERY_TIMEOUT 120.0
#define KG_QUERY_MAX_ROWS 10000000.0
#define KG_QUERY_MAX_MEMORY_MB 4096.0

struct query_args {
  const char **data;
  size_t ndata;
  char **named;
  size_t nnamed;
  char **params;
  size_t nparams;
  const char *format;
  const char *expr;
  const char *target;
  const char *endpoint;
  const char *user;
  const char *query_base;       /* --query-base, or NULL */
  double timeout;               /* seconds */
  double max_rows;
  double max_memory;            /* megabytes */
};

/* What the query engine may know of the loaded data. */
struct loaded {
  librdf_node *default_context;   /* owned, or NULL */
  librdf_node **preds;            /* owned */
  int npreds;
};

static void
loaded_release(struct loaded *ld)
{
  int i;

  if(ld->default_context)
    librdf_free_node(ld->default_context);
  for(i = 0; i < ld->npreds; i++)
    librdf_free_node(ld->preds[i]);
  free(ld->preds);
  memset(ld, 0, sizeof(*ld));
}

/* The distinct predicates of @l: the engine looks (s ? ?) up by them. */
static void
collect_predicates(const struct kg_stmts *l, struct loaded *ld)
{
  struct kg_hash seen;
  size_t i, cap = 0;

  kg_hash_init(&seen);
  for(i = 0; i < l->n; i++) {
    raptor_term *p = l->v[i]->predicate;

    if(p->type != RAPTOR_TERM_TYPE_URI ||
       !kg_hash_add(&seen, (const char *)raptor_uri_as_string(p->value.uri)))
      continue;
    if((size_t)ld->npreds == cap) {
      cap = cap ? cap * 2 : 32;
      ld->preds = kg_xrealloc(ld->preds, cap * sizeof(librdf_node *));
    }
    ld->preds[ld->npreds++] = librdf_new_node_from_node(p);
  }
  kg_hash_release(&seen);
}

/* Loads --data and --named into a new memory model. */
static int
load_files(struct kg_ctx *ctx, const struct query_args *a, librdf_model **m,
           librdf_storage **st, struct loaded *ld)
{
  struct kg_stmts l = { NULL, 0, 0 };
  size_t i;
  int rc = KG_EXIT_OK, reports = 0, graphs = 0, plain = 0;

  rc = kg_cmd_read_data(ctx, (char *const *)a->data, a->ndata, &l, &reports);
  for(i = 0; i < a->nnamed && !rc; i++) {
    char *eq = strchr(a->named[i], '=');
    librdf_node *g;

    *eq = '\0';
    g = librdf_new_node_from_uri_string(ctx->w.world,
                                        (const unsigned char *)a->named[i]);
    rc = g ? kg_read_file(ctx->w.raptor, eq + 1, NULL, g, &l) : KG_EXIT_SYS;
    *eq = '=';
    if(g)
      librdf_free_node(g);
  }
  if(!rc && reports && kg_extract_reference_stmts(&ctx->ref, &l))
    rc = KG_EXIT_SYS;
  for(i = 0; i < l.n; i++) {
    if(l.v[i]->graph)
      graphs = 1;
    else
      plain = 1;
  }
  /* Plain data alone goes to a store without contexts (no GRAPH can match:
   * there is none).  With named graphs too, the default graph's triples go
   * to a context of their own that the engine treats as the default graph:
   * librdf's hashes store makes context-less adds quadratic. */
  if(!rc && graphs && plain) {
    ld->default_context = librdf_new_node_from_uri_string(ctx->w.world,
      (const unsigned char *)"urn:x-mednum-kg:default-graph");
    for(i = 0; i < l.n; i++)
      if(!l.v[i]->graph)
        l.v[i]->graph = raptor_term_copy(ld->default_context);
  }
  if(!rc) {
    collect_predicates(&l, ld);
    *m = graphs ? kg_world_new_memory_model(&ctx->w, st)
                : kg_world_new_plain_model(&ctx->w, st);
    if(!*m)
      rc = KG_EXIT_SYS;
  }
  if(!rc && kg_rdf_stmts_to_model(&l, *m))
    rc = KG_EXIT_SYS;
  kg_rdf_stmts_release(&l);
  return rc;
}

/* A second --param for the name of @p (NAME=VALUE): a usage error. */
static int
param_repeated(const struct query_args *a, const char *p)
{
  size_t n = strcspn(p, "=");
  size_t i;

  for(i = 0; i < a->nparams; i++)
    if(!strncmp(a->params[i], p, n) && a->params[i][n] == '=' && p[n] == '=')
      return kg_usage_error("query: --param %.*s given twice", (int)n, p);
  return KG_EXIT_OK;
}

/* 1 if @s is an absolute IRI that can stand in <...>: a scheme, ':',
 * none of the characters SPARQL's IRIREF excludes. */
static int
good_base(const char *s)
{
  size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789+-.");

  if(!n || s[n] != ':' || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
    return 0;
  for(; *s; s++)
    if((unsigned char)*s <= 0x20 || strchr("<>\"{}|^`\\", *s))
      return 0;
  return 1;
}

/* 1 if the prologue of @text declares a BASE. */
static int
has_base(const char *text)
{
  struct kg_lex l;
  int r;

  kg_lex_init(&l, text, "", 0);
  kg_lex_prologue(&l);
  r = l.base != NULL;
  kg_lex_release(&l);
  return r;
}

/* The query text @text (taken) under the prologue line "BASE <@base>",
 * against which SPARQL resolves its relative IRIs.  A query with a BASE
 * of its own keeps it alone (rasqal takes one BASE).  A new string. */
static char *
with_base(char *text, const char *base)
{
  struct kg_buf b = KG_BUF_INIT;

  kg_buf_addf(&b, "BASE <%s>\n%s", base, text);
  free(text);
  return kg_buf_detach(&b);
}

/* The file: URI of @path (relative to the current directory), as a new
 * string, with what <...> cannot hold percent-encoded. */
static char *
file_base(const char *path)
{
  unsigned char *u = raptor_uri_filename_to_uri_string(path);
  struct kg_buf b = KG_BUF_INIT;
  const unsigned char *c;

  for(c = u; c && *c; c++) {
    if(*c <= 0x20 || strchr("<>\"{}|^`\\", *c))
      kg_buf_addf(&b, "%%%02X", *c);
    else
      kg_buf_addc(&b, *c);
  }
  raptor_free_memory(u);
  return b.s ? kg_buf_detach(&b) : NULL;
}

static int
parse_args(int argc, char **argv, struct query_args *a)
{
  int i;

  a->timeout = KG_QUERY_TIMEOUT;
  a->max_rows = KG_QUERY_MAX_ROWS;
  a->max_memory = KG_QUERY_MAX_MEMORY_MB;
  for(i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;

    if(!strcmp(o, "--data") || !strcmp(o, "--named") || !strcmp(o, "-f") ||
       !strcmp(o, "--format") || !strcmp(o, "-e") || !strcmp(o, "--expr") ||
       !strcmp(o, "--param") || !strcmp(o, "--timeout") ||
       !strcmp(o, "--endpoint") || !strcmp(o, "--user") ||
       !strcmp(o, "--max-rows") || !strcmp(o, "--max-memory") ||
       !strcmp(o, "--query-base")) {
      int rc = KG_EXIT_OK;

      if(!val)
        return kg_usage_error("option '%s' needs a value", o);
      i++;
      if(!strcmp(o, "--data")) {
        a->data = kg_xrealloc(a->data, (a->ndata + 1) * sizeof(char *));
        a->data[a->ndata++] = val;
      } else if(!strcmp(o, "--named")) {
        const char *eq = strchr(val, '=');

        if(!eq || eq == val || !eq[1])
          return kg_usage_error("--named wants IRI=FILE, not '%s'", val);
        a->named = kg_xrealloc(a->named, (a->nnamed + 1) * sizeof(char *));
        a->named[a->nnamed++] = argv[i];
      } else if(!strcmp(o, "--endpoint")) {
        a->endpoint = val;
      } else if(!strcmp(o, "--user")) {
        a->user = val;
      } else if(!strcmp(o, "--query-base")) {
        if(!good_base(val))
          return kg_usage_error("query: --query-base wants an absolute IRI, "
                                "not '%s'", val);
        a->query_base = val;
      } else if(!strcmp(o, "--timeout")) {
        rc = kg_cmd_limit(o, val, 0, &a->timeout);
      } else if(!strcmp(o, "--max-rows")) {
        rc = kg_cmd_limit(o, val, 1, &a->max_rows);
      } else if(!strcmp(o, "--max-memory")) {
        rc = kg_cmd_limit(o, val, 1, &a->max_memory);
      } else if(!strcmp(o, "--param")) {
        if((rc = param_repeated(a, val)))
          return rc;
        a->params = kg_xrealloc(a->params, (a->nparams + 1) * sizeof(char *));
        a->params[a->nparams++] = argv[i];
      } else if(o[1] == 'f' || !strcmp(o, "--format")) {
        a->format = val;
      } else {
        a->expr = val;
      }
      if(rc)
        return rc;
    } else if(o[0] == '-' && o[1]) {
      return kg_usage_error("query: unknown option '%s'", o);
    } else if(!a->target) {
      a->target = o;
    } else {
      return kg_usage_error("query: more than one query given ('%s', '%s')",
                            a->target, o);
    }
  }
  if(!a->target && !a->expr)
    return kg_usage_error("query: no query given (FILE.rq, -e TEXT or NAME)");
  if(a->target && a->expr)
    return kg_usage_error("query: give either -e TEXT or a query, not both");
  if(a->endpoint && (a->ndata || a->nnamed))
    return kg_usage_error("query: --endpoint queries a server; --data and "
                          "--named are for local files");
  if(a->user && !a->endpoint)
    return kg_usage_error("query: --user goes with --endpoint");
  if(a->query_base && a->endpoint)
    return kg_usage_error("query: --query-base is for local queries (the "
                          "server resolves relative IRIs: give a BASE in "
                          "the query)");
  return KG_EXIT_OK;
}

/* --endpoint: the query goes to the server, its answer to stdout. */
static int
remote_query(struct kg_ctx *ctx, const struct query_args *a,
             const char *text)
{
  struct kg_remote r;

  kg_remote_init(&r, a->user);
  r.timeout = a->timeout > 0 ? (long)a->timeout + 1 : 0;
  return kg_remote_query(&ctx->w, &r, a->endpoint, text, a->format, stdout);
}

static int
looks_like_file(const char *t)
{
  size_t n = strlen(t);

  return strchr(t, '/') || (n > 3 && !strcmp(t + n - 3, ".rq")) ||
         (n > 7 && !strcmp(t + n - 7, ".sparql"));
}

int
cmd_query(int argc, char **argv, struct kg_ctx *ctx)
{
  struct query_args a;
  struct kg_named *q = NULL;
  struct kg_sparql_opts opts;
  struct kg_result *res = NULL;
  struct kg_store *store = NULL;
  struct loaded ld;
  librdf_model *model = NULL;
  librdf_storage *storage = NULL;
  char *text = NULL;
  char *base = NULL;
  const char *format;
  int i, rc;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  memset(&a, 0, sizeof a);
  memset(&ld, 0, sizeof ld);
  rc = parse_args(argc, argv, &a);
  if(rc)
    goto out;
  if(a.format && !kg_result_format_known(a.format)) {
    rc = kg_usage_error("query: unknown format '%s' (table, csv, tsv, json, "
                        "xml, turtle, ntriples, rdfxml, jsonld)", a.format);
    goto out;
  }
  memset(&opts, 0, sizeof opts);
  opts.timeout = a.timeout;
  opts.max_rows = (size_t)a.max_rows;
  opts.max_memory = (size_t)a.max_memory << 20;
  if(a.expr) {
    if(a.nparams) {
      rc = kg_usage_error("query: --param needs a named query or a query file");
      goto out;
    }
    text = kg_xstrdup(a.expr);
    opts.source = "-e";
  } else {
    q = looks_like_file(a.target) ? kg_named_from_file(a.target)
                                  : kg_named_load(&ctx->ref, a.target);
    if(!q) {
      rc = looks_like_file(a.target) ? KG_EXIT_SYS : KG_EXIT_USAGE;
      if(rc == KG_EXIT_USAGE)
        fputs("mednum-kg: try 'mednum-kg --help' for more information\n",
              stderr);
      goto out;
    }
    text = kg_named_bind(&ctx->ref, q, a.params, a.nparams);
    if(!text) {
      rc = KG_EXIT_USAGE;
      fputs("mednum-kg: try 'mednum-kg query --help' for more information\n",
            stderr);
      goto out;
    }
    opts.source = looks_like_file(a.target) ? a.target : q->path + strlen(ctx->ref.datadir) + 1;
  }
  if(a.endpoint) {
    rc = remote_query(ctx, &a, text);
    goto out;
  }
  base = a.query_base ? kg_xstrdup(a.query_base) : a.expr ? NULL
       : file_base(looks_like_file(a.target) ? a.target : q->path);
  if(base && !has_base(text)) {
    text = with_base(text, base);
    opts.line_offset = -1;      /* the BASE line is not the user's */
  }
  if(a.ndata || a.nnamed) {
    rc = load_files(ctx, &a, &model, &storage, &ld);
    if(rc)
      goto out;
    opts.default_context = ld.default_context;
    opts.predicates = ld.preds;
    opts.npredicates = ld.npreds;
  } else {
    store = kg_store_open_read(&ctx->w, ctx->store_dir, &rc);
    if(!store)
      goto out;
    model = kg_store_model(store);
  }
  /* the evaluator stops itself at the timeout; this stops what it cannot
   * watch (rasqal preparing a query, one long scan of the store) */
  if(a.timeout > 0)
    kg_diag_deadline(a.timeout * 1.05 + 1, KG_EXIT_DATA, "%s: the query "
                     "ran out of time: it was stopped after %g s (--timeout)",
                     opts.source, a.timeout);
  rc = kg_sparql_exec(&ctx->w, model, text, &opts, &res);
  kg_diag_deadline_cancel();
  if(rc)
    goto out;
  format = a.format ? a.format
         : kg_result_kind(res) == KG_RESULT_GRAPH ? "turtle" : "table";
  if(kg_result_write(&ctx->w, res, format, stdout)) {
    rc = a.format ? KG_EXIT_USAGE : KG_EXIT_SYS;
    goto out;
  }
  if(kg_result_kind(res) == KG_RESULT_BOOLEAN && !kg_result_boolean(res))
    rc = KG_EXIT_NO;
out:
  kg_result_free(res);
  if(store)
    rc = kg_store_end(store, rc);
  else if(model)
    librdf_free_model(model);
  if(storage)
    librdf_free_storage(storage);
  kg_named_free(q);
  loaded_release(&ld);
  free(text);
  free(base);
  free(a.data);
  free(a.named);
  free(a.params);
  return rc;
}
