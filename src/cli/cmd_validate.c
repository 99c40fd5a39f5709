/* cmd_validate.c - check the stored graph against the data-quality rules.
 *
 * A rule is a SPARQL SELECT in queries/checks/NAME.rq whose header says
 * "# name:" and "# summary:"; it returns one row per violation with
 * ?subject and ?message.  Rules run through kg_sparql_exec(); the rows are
 * read from its result cells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cmd.h"
#include "remote/client.h"
#include "remote/query.h"
#include "cli/ctx.h"
#include "base/diag.h"
#include "base/input.h"
#include "sparql/sparql.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] validate [--list] [--rules DIR]\n"
  "                                        [--endpoint URL [--user NAME]] [RULE...]\n"
  "\n"
  "Runs the data-quality rules (every queries/checks/*.rq, or the RULEs\n"
  "named) over the stored graph and prints one line per violation:\n"
  "  rule NAME: SUBJECT: message\n"
  "Exit status 0 when every rule passes, 1 when one fails.\n"
  "\n"
  "A rule is a SPARQL SELECT returning ?subject and ?message, one row per\n"
  "violation, with a header comment giving '# name:' and '# summary:'.\n"
  "\n"
  "Options:\n"
  "  --list       list the rules and what they check\n"
  "  --rules DIR  read the rules from DIR instead of queries/checks\n"
  "  --endpoint URL  run them on that SPARQL endpoint instead of the store\n"
  "               (--user NAME; its password from $MEDNUM_KG_PASSWORD or\n"
  "               ~/.netrc)\n"
  "  -h, --help   this help\n";

struct rule {
  char *path;
  char *name;
  char *summary;
  char *text;
};

static void
rules_free(struct rule *r, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++) {
    free(r[i].path);
    free(r[i].name);
    free(r[i].summary);
    free(r[i].text);
  }
  free(r);
}

static int
rule_cmp(const void *a, const void *b)
{
  return strcmp(((const struct rule *)a)->name,
                ((const struct rule *)b)->name);
}

/* Value of a "# key: value" header line in @text, new string or NULL. */
static char *
header(const char *text, const char *key)
{
  const char *p = text;
  size_t n = strlen(key);

  while(*p == '#' || *p == '\n' || *p == '\r') {
    const char *q = p;
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);

    if(*q == '#') {
      q++;
      while(*q == ' ')
        q++;
      if(!strncmp(q, key, n) && q[n] == ':') {
        q += n + 1;
        while(*q == ' ')
          q++;
        len -= (size_t)(q - p);
        while(len && (q[len - 1] == '\r' || q[len - 1] == ' '))
          len--;
        return kg_xstrndup(q, len);
      }
    }
    if(!eol)
      break;
    p = eol + 1;
  }
  return NULL;
}

/* Loads every *.rq of @dir, sorted by rule name.  -1 after reporting. */
static int
load_rules(const char *dir, struct rule **out, size_t *n)
{
  struct kg_input_list names = KG_INPUT_LIST_INIT;
  struct rule *v = NULL;
  size_t cap = 0, i;
  int rc = 0;

  *out = NULL;
  *n = 0;
  if(kg_input_dir_names(dir, ".rq", &names)) {
    kg_input_list_release(&names);
    return -1;
  }
  for(i = 0; i < names.n; i++) {
    struct rule *r;
    struct kg_buf p = KG_BUF_INIT, text = KG_BUF_INIT;

    KG_GROW(v, cap, *n + 1);
    r = &v[(*n)++];
    memset(r, 0, sizeof(*r));
    kg_buf_addf(&p, "%s/%s", dir, names.v[i]);
    r->path = kg_buf_detach(&p);
    if(kg_input_read_bytes(r->path, &text)) {
      rc = -1;
      break;
    }
    r->text = kg_buf_detach(&text);
    r->name = header(r->text, "name");
    if(!r->name)
      r->name = kg_xstrndup(names.v[i], strlen(names.v[i]) - 3);
    r->summary = header(r->text, "summary");
    if(!r->summary)
      r->summary = kg_xstrdup("");
  }
  kg_input_list_release(&names);
  if(!rc && *n)
    qsort(v, *n, sizeof(*v), rule_cmp);
  for(i = 1; !rc && i < *n; i++) {
    if(!strcmp(v[i - 1].name, v[i].name)) {
      kg_error("two rules are named '%s': '%s' and '%s'", v[i].name,
               v[i - 1].path, v[i].path);
      rc = -1;
    }
  }
  if(rc) {
    rules_free(v, *n);
    *n = 0;
    return -1;
  }
  *out = v;
  return 0;
}

/* A result cell as the user reads it: IRIs shortened to mnid:... under the
 * base, blank nodes as _:id, literals as their text. */
static void
print_term(struct kg_ctx *ctx, librdf_node *n)
{
  size_t len = strlen(ctx->w.base);

  if(!n) {
    fputs("(none)", stdout);
  } else if(librdf_node_is_resource(n)) {
    const char *v =
      (const char *)librdf_uri_as_string(librdf_node_get_uri(n));

    if(!strncmp(v, ctx->w.base, len) && v[len])
      printf("mnid:%s", v + len);
    else
      printf("<%s>", v);
  } else if(librdf_node_is_blank(n)) {
    printf("_:%s", (const char *)librdf_node_get_blank_identifier(n));
  } else {
    fputs((const char *)librdf_node_get_literal_value(n), stdout);
  }
}

/* Column of variable @name in @res, or -1. */
static int
column(const struct kg_result *res, const char *name)
{
  int i;

  for(i = 0; i < kg_result_nvars(res); i++)
    if(!strcmp(kg_result_var(res, i), name))
      return i;
  return -1;
}

/* Prints the violations of rule @r found in @res; returns their number. */
static long
print_violations(struct kg_ctx *ctx, const struct rule *r,
                 const struct kg_result *res)
{
  int cs = column(res, "subject"), cm = column(res, "message");
  size_t i, n = kg_result_count(res);

  for(i = 0; i < n; i++) {
    librdf_node *s = cs < 0 ? NULL : kg_result_cell(res, i, cs);
    librdf_node *msg = cm < 0 ? NULL : kg_result_cell(res, i, cm);

    printf("rule %s: ", r->name);
    if(s)
      print_term(ctx, s);
    else
      fputs("(no subject)", stdout);
    fputs(": ", stdout);
    if(msg)
      print_term(ctx, msg);
    else
      fputs(r->summary[0] ? r->summary : "violation", stdout);
    putchar('\n');
  }
  return (long)n;
}

/* Where the rules run: the store's model, or a SPARQL endpoint. */
struct target {
  librdf_model *model;
  const char *endpoint;
  struct kg_remote remote;
};

/* Runs one rule; prints its violations.  Returns the number of
 * violations, or -1 (reported; *code set) when the rule cannot run. */
static long
run_rule(struct kg_ctx *ctx, struct target *t, const struct rule *r,
         int *code)
{
  struct kg_sparql_opts opts;
  struct kg_result *res = NULL;
  long found = -1;
  int rc;

  memset(&opts, 0, sizeof(opts));
  opts.source = r->path;
  rc = t->endpoint ? kg_remote_select(&ctx->w, &t->remote, t->endpoint,
                                      r->text, &res)
                   : kg_sparql_exec(&ctx->w, t->model, r->text, &opts, &res);
  if(rc) {
    kg_error("rule %s: cannot run '%s'", r->name, r->path);
    *code = rc;
  } else if(kg_result_kind(res) != KG_RESULT_BINDINGS) {
    kg_error("rule %s: '%s' is not a SELECT query", r->name, r->path);
    *code = KG_EXIT_DATA;
  } else {
    found = print_violations(ctx, r, res);
  }
  if(res)
    kg_result_free(res);
  return found;
}

int
cmd_validate(int argc, char **argv, struct kg_ctx *ctx)
{
  const char *rules_dir = NULL, *endpoint = NULL, *user = NULL;
  struct target t;
  char *dir = NULL;
  struct rule *rules = NULL;
  size_t nrules = 0, i;
  struct kg_store *st = NULL;
  int list = 0, first, k, code = KG_EXIT_OK;
  long failed = 0, violations = 0;

  for(k = 1; k < argc; k++) {
    const char *a = argv[k];

    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(!strcmp(a, "--list"))
      list = 1;
    else if(!strcmp(a, "--rules")) {
      if(k + 1 >= argc)
        return kg_usage_error("validate: option '--rules' needs a value");
      rules_dir = argv[++k];
    } else if(!strncmp(a, "--rules=", 8))
      rules_dir = a + 8;
    else if(!strcmp(a, "--endpoint") || !strcmp(a, "--user")) {
      if(k + 1 >= argc)
        return kg_usage_error("validate: option '%s' needs a value", a);
      if(a[2] == 'e')
        endpoint = argv[++k];
      else
        user = argv[++k];
    }
    else if(!strcmp(a, "--")) {
      k++;
      break;
    } else if(a[0] == '-')
      return kg_usage_error("validate: unknown option '%s'", a);
    else
      break;
  }
  first = k;
  if(user && !endpoint)
    return kg_usage_error("validate: --user goes with --endpoint");
  dir = rules_dir ? kg_xstrdup(rules_dir) : kg_ref_path(&ctx->ref, "queries/checks");
  if(load_rules(dir, &rules, &nrules)) {
    code = KG_EXIT_SYS;
    goto out;
  }
  /* keep only the rules named on the command line, in that order */
  if(first < argc) {
    struct rule *sel = kg_xcalloc((size_t)(argc - first), sizeof(*sel));
    size_t nsel = 0;

    for(k = first; k < argc; k++) {
      for(i = 0; i < nrules; i++)
        if(rules[i].name && !strcmp(rules[i].name, argv[k]))
          break;
      if(i == nrules) {
        rules_free(sel, nsel);
        code = kg_usage_error("validate: no rule named '%s' (see "
                              "'mednum-kg validate --list')", argv[k]);
        goto out;
      }
      sel[nsel++] = rules[i];
      memset(&rules[i], 0, sizeof(rules[i]));
    }
    rules_free(rules, nrules);
    rules = sel;
    nrules = nsel;
  }
  if(list) {
    for(i = 0; i < nrules; i++)
      printf("%-22s %s\n", rules[i].name, rules[i].summary);
    goto out;
  }
  memset(&t, 0, sizeof t);
  t.endpoint = endpoint;
  kg_remote_init(&t.remote, user);
  if(!endpoint) {
    st = kg_store_open_read(&ctx->w, ctx->store_dir, &code);
    if(!st)
      goto out;
    t.model = kg_store_model(st);
  }
  for(i = 0; i < nrules; i++) {
    long n = run_rule(ctx, &t, &rules[i], &code);

    if(n < 0)
      goto out;
    if(n > 0) {
      failed++;
      violations += n;
    }
  }
  if(failed) {
    kg_error("%ld of %lu rules failed, %ld violations", failed,
             (unsigned long)nrules, violations);
    code = KG_EXIT_NO;
  } else {
    kg_info("%lu rules passed", (unsigned long)nrules);
  }
out:
  code = kg_store_end(st, code);
  rules_free(rules, nrules);
  free(dir);
  return code;
}
