/* cmd_curate.c - mednum-kg curate: accept or reject candidates. */
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"
#include "curate/candidates.h"
#include "curate/curate.h"
#include "curate/listing.h"
#include "ref/curation.h"
#include "ref/registry.h"
#include "store/store.h"

static const char usage[] =
  "usage: mednum-kg [--store DIR] curate accept NAME|IRI [--kind KIND]\n"
  "                                    [--as NAME] [--file FILE]\n"
  "       mednum-kg [--store DIR] curate reject NAME|IRI [--kind KIND]\n"
  "                                    [--file FILE]\n"
  "       mednum-kg [--store DIR] curate list [-f FORMAT] [--file FILE]\n"
  "       mednum-kg [--store DIR] curate undo [--file FILE]\n"
  "\n"
  "Records a curator's decision on a candidate of the store (see 'mednum-kg\n"
  "candidates'), named by its name or IRI, in the curation file, a registry\n"
  "of the user's read after data/registry/ by the next load, extract and\n"
  "query --data.  An accepted candidate becomes a known entity: its IRI, no\n"
  "mn:candidate, its evidence and relations still from the reports.  A\n"
  "rejected name is never again an entity of that kind.  list shows the\n"
  "decisions, oldest first; undo takes back the last one.\n"
  "\n"
  "Options:\n"
  "  --kind KIND       person, organisation, initiative or place: which\n"
  "                    candidate, or the kind of a name not seen yet\n"
  "  --as NAME         accept under this name (a known entity's name joins\n"
  "                    the candidate to it as an alias)\n"
  "  --file FILE       the curation file (default STORE/curation.ttl)\n"
  "  -f, --format FMT  list: table (default), tsv, json\n"
  "  -h, --help        this help\n"
  "\n"
  "Exit status: 0 done, 1 nothing to undo, 2 usage, 3 no such candidate, a\n"
  "known entity, a bad curation file, 4 I/O (no store, busy file).\n";

struct curate_args {
  const char *verb;
  const char *file;
  const char *format;
  const char *kind;
  struct kg_curate_req rq;
};

/* The value of option argv[*i], moving *i past it; NULL after reporting. */
static const char *
value(int argc, char **argv, int *i)
{
  if(*i + 1 >= argc) {
    kg_usage_error("option '%s' needs a value", argv[*i]);
    return NULL;
  }
  return argv[++*i];
}

static int
parse_options(int argc, char **argv, struct curate_args *a)
{
  const char **slot;
  int i;

  for(i = 1; i < argc; i++) {
    const char *o = argv[i];

    slot = !strcmp(o, "--kind") ? &a->kind : !strcmp(o, "--as") ? &a->rq.as
         : !strcmp(o, "--file") ? &a->file
         : !strcmp(o, "-f") || !strcmp(o, "--format") ? &a->format : NULL;
    if(slot) {
      if(!(*slot = value(argc, argv, &i)))
        return KG_EXIT_USAGE;
    } else if(o[0] == '-' && o[1]) {
      return kg_usage_error("curate: unknown option '%s'", o);
    } else if(!a->verb) {
      a->verb = o;
    } else if(a->rq.what) {
      return kg_usage_error("curate: one name at a time ('%s', '%s')",
                            a->rq.what, o);
    } else {
      a->rq.what = o;
    }
  }
  return KG_EXIT_OK;
}

/* A name on the command line: not empty, one line, not too long. */
static int
check_name(const char *what, const char *s)
{
  const char *p;

  for(p = s; *p == ' '; p++)
    ;
  if(!*p)
    return kg_usage_error("curate: empty %s", what);
  if(strlen(s) > KG_CURATION_NAME_MAX)
    return kg_usage_error("curate: %s longer than %d bytes", what,
                          KG_CURATION_NAME_MAX);
  for(p = s; *p; p++)
    if((unsigned char)*p < 0x20)
      return kg_usage_error("curate: control character in %s", what);
  return KG_EXIT_OK;
}

/* What each action takes. */
static int
check_args(struct curate_args *a)
{
  enum kg_entity_kind k;
  int decide = !strcmp(a->verb, "accept") || !strcmp(a->verb, "reject");

  if(!decide && strcmp(a->verb, "list") && strcmp(a->verb, "undo"))
    return kg_usage_error("curate: unknown action '%s' (accept, reject, "
                          "list, undo)", a->verb);
  a->rq.reject = !strcmp(a->verb, "reject");
  a->rq.kind = -1;
  if(!decide && (a->rq.what || a->kind || a->rq.as))
    return kg_usage_error("curate %s takes no name, --kind or --as", a->verb);
  if(a->format && strcmp(a->verb, "list"))
    return kg_usage_error("curate: -f goes with list");
  if(a->format && !kg_listing_decisions_format(a->format))
    return kg_usage_error("curate: unknown format '%s' (table, tsv, json)",
                          a->format);
  if(!decide)
    return KG_EXIT_OK;
  if(!a->rq.what)
    return kg_usage_error("curate %s: no name or IRI given", a->verb);
  if(a->kind && kg_registry_kind_parse(a->kind, &k))
    return kg_usage_error("curate: unknown kind '%s' (person, organisation, "
                          "initiative, place)", a->kind);
  if(a->kind)
    a->rq.kind = (int)k;
  if(a->rq.as && (a->rq.reject || a->rq.kind == KG_ENT_PLACE))
    return kg_usage_error("curate: --as goes with accept, not with %s",
                          a->rq.reject ? "reject" : "places");
  if(check_name("name", a->rq.what) ||
     (a->rq.as && check_name("--as name", a->rq.as)))
    return KG_EXIT_USAGE;
  return KG_EXIT_OK;
}

/* accept, reject: the store's candidates, the registry, the decision. */
static int
decide(struct kg_ctx *ctx, const struct curate_args *a,
       struct kg_curation *cur)
{
  struct kg_store *store = NULL;
  struct kg_registry *reg = kg_ref_registry(&ctx->ref);
  struct kg_cands c;
  int rc = KG_EXIT_OK, have = 0;

  memset(&c, 0, sizeof c);
  if(!reg)
    return ctx->ref.status;
  if(kg_store_exists(ctx->store_dir)) {
    store = kg_store_open_read(&ctx->w, ctx->store_dir, &rc);
    if(!store)
      return rc;
    if(kg_candidates_collect(&ctx->w, kg_store_model(store), &c))
      rc = KG_EXIT_SYS;
    have = 1;
  }
  if(!rc)
    rc = kg_curate_decide(&a->rq, have ? &c : NULL, reg, ctx->w.base, cur);
  kg_candidates_release(&c);
  rc = kg_store_end(store, rc);
  if(!rc)
    rc = kg_curation_write(cur, &ctx->w);
  return rc;
}

static int
undo(struct kg_ctx *ctx, struct kg_curation *cur)
{
  struct kg_decision d;
  int rc;

  if(kg_curation_undo(cur, &d)) {
    kg_error("no decision to undo in '%s'", cur->path);
    return KG_EXIT_NO;
  }
  rc = kg_curation_write(cur, &ctx->w);
  if(!rc)
    kg_info("undone: %s %s '%s'", d.rejected ? "rejected" : "accepted",
            kg_registry_kind_name(d.kind), d.name);
  kg_curation_decision_release(&d);
  return rc;
}

int
cmd_curate(int argc, char **argv, struct kg_ctx *ctx)
{
  struct curate_args a;
  struct kg_curation cur;
  int i, rc, list;

  for(i = 1; i < argc; i++)
    if(kg_cmd_is_help(argv[i]))
      return kg_cmd_usage(usage, KG_EXIT_OK);
  memset(&a, 0, sizeof a);
  if((rc = parse_options(argc, argv, &a)))
    return rc;
  if(!a.verb)
    return kg_usage_error("curate: no action given (accept, reject, list, "
                          "undo)");
  if((rc = check_args(&a)))
    return rc;
  if(!a.file && !kg_store_exists(ctx->store_dir)) {
    kg_error("no store in '%s' (load reports with 'mednum-kg load' first, "
             "or give --file)", ctx->store_dir);
    return KG_EXIT_SYS;
  }
  if(a.file)
    kg_ref_set_curation(&ctx->ref, a.file);
  list = !strcmp(a.verb, "list");
  rc = kg_curation_read(&cur, ctx->w.raptor, ctx->ref.curation, !list);
  if(rc)
    return rc;
  if(list)
    rc = kg_listing_decisions(&cur, a.format ? a.format : "table", stdout)
         ? KG_EXIT_SYS : KG_EXIT_OK;
  else if(!strcmp(a.verb, "undo"))
    rc = undo(ctx, &cur);
  else
    rc = decide(ctx, &a, &cur);
  kg_curation_release(&cur);
  return rc;
}
