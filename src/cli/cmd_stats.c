/* cmd_stats.c - counts per class, per report graph and per departement. */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "cli/cmd.h"
#include "cli/ctx.h"
#include "publish/stats.h"
#include "base/diag.h"
#include "rdf/ns.h"
#include "store/store.h"
#include "remote/client.h"
#include "remote/stats.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] stats [-f table|tsv|json]\n"
  "                                     [--endpoint URL [--user NAME]]\n"
  "\n"
  "Counts what the store holds: triples and typed entities in all; triples\n"
  "per named graph (one per report, plus mnid:graph/reference); entities\n"
  "per class; initiatives, organisations and events per departement\n"
  "(through mn:inTerritory, so an initiative in a commune counts in its\n"
  "departement).\n"
  "\n"
  "Options:\n"
  "  -f, --format FORMAT  table (default), tsv (section, id, label, class,\n"
  "                       count, with a header line) or json\n"
  "  --endpoint URL       count on that SPARQL endpoint (the graphs pushed\n"
  "                       there) instead of the store; --user NAME, its\n"
  "                       password from $MEDNUM_KG_PASSWORD or ~/.netrc\n"
  "  -h, --help           this help\n";

static const char *const dep_classes[] = {
  KG_NS_MN "Initiative", KG_NS_SCHEMA "Organization", KG_NS_SCHEMA "Event"
};

/* mnid:… for IRIs under the instance base. */
static const char *
short_iri(struct kg_ctx *ctx, const char *iri, char *out, size_t size)
{
  size_t n = strlen(ctx->w.base);

  if(!strncmp(iri, ctx->w.base, n))
    snprintf(out, size, "mnid:%s", iri + n);
  else
    kg_stats_curie(iri, out, size);
  return out;
}

static void
print_table(struct kg_ctx *ctx, const struct kg_gstats *gs)
{
  char tmp[512];
  size_t i, w = 5;

  printf("triples   %ld\nentities  %ld\ngraphs    %lu\n", gs->triples,
         gs->entities, (unsigned long)gs->ngraphs);
  for(i = 0; i < gs->ngraphs; i++)
    if(strlen(short_iri(ctx, gs->graphs[i].iri, tmp, sizeof tmp)) > w)
      w = strlen(tmp);
  if(gs->ngraphs) {
    printf("\n%-*s  %9s  %s\n", (int)w, "graph", "triples", "source");
    for(i = 0; i < gs->ngraphs; i++)
      printf("%-*s  %9ld  %s\n", (int)w,
             gs->graphs[i].iri[0]
               ? short_iri(ctx, gs->graphs[i].iri, tmp, sizeof tmp)
               : "(default)",
             gs->graphs[i].n, gs->graphs[i].label);
  }
  w = 5;
  for(i = 0; i < gs->nclasses; i++)
    if(strlen(gs->classes[i].label) > w)
      w = strlen(gs->classes[i].label);
  if(gs->nclasses) {
    printf("\n%-*s  %9s\n", (int)w, "class", "entities");
    for(i = 0; i < gs->nclasses; i++)
      printf("%-*s  %9ld\n", (int)w, gs->classes[i].label, gs->classes[i].n);
  }
  if(gs->ndeps) {
    printf("\n%-30s  %11s  %13s  %6s\n", "departement", "initiatives",
           "organisations", "events");
    for(i = 0; i < gs->ndeps; i++) {
      const struct kg_gcount *d = &gs->deps[i];

      snprintf(tmp, sizeof tmp, "%s %s", d->code, d->label);
      /* pad by characters, not bytes: names carry accents */
      printf("%s", tmp);
      {
        size_t cps = 0, k;

        for(k = 0; tmp[k]; k++)
          if(((unsigned char)tmp[k] & 0xC0) != 0x80)
            cps++;
        for(; cps < 30; cps++)
          putchar(' ');
      }
      printf("  %11ld  %13ld  %6ld\n", d->by_class[KG_GSTATS_INITIATIVES],
             d->by_class[KG_GSTATS_ORGS], d->by_class[KG_GSTATS_EVENTS]);
    }
  }
}

static void
tsv_field(const char *s)
{
  for(; *s; s++)
    putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
tsv_row(const char *section, const char *id, const char *label,
        const char *cls, long n)
{
  tsv_field(section);
  putchar('\t');
  tsv_field(id);
  putchar('\t');
  tsv_field(label);
  putchar('\t');
  tsv_field(cls);
  printf("\t%ld\n", n);
}

static void
print_tsv(const struct kg_gstats *gs)
{
  size_t i;
  int k;

  printf("section\tid\tlabel\tclass\tcount\n");
  tsv_row("total", "triples", "", "", gs->triples);
  tsv_row("total", "entities", "", "", gs->entities);
  for(i = 0; i < gs->ngraphs; i++)
    tsv_row("graph", gs->graphs[i].iri, gs->graphs[i].label, "",
            gs->graphs[i].n);
  for(i = 0; i < gs->nclasses; i++)
    tsv_row("class", gs->classes[i].iri, gs->classes[i].label, "",
            gs->classes[i].n);
  for(i = 0; i < gs->ndeps; i++)
    for(k = 0; k < 3; k++)
      tsv_row("departement", gs->deps[i].code, gs->deps[i].label,
              dep_classes[k], gs->deps[i].by_class[k]);
}

static int
print_json(const struct kg_gstats *gs)
{
  json_t *root = json_object();
  json_t *a;
  size_t i;
  int rc;

  json_object_set_new(root, "triples", json_integer(gs->triples));
  json_object_set_new(root, "entities", json_integer(gs->entities));
  a = json_array();
  for(i = 0; i < gs->ngraphs; i++)
    json_array_append_new(a, json_pack("{s:s, s:s, s:I}",
                                       "graph", gs->graphs[i].iri,
                                       "source", gs->graphs[i].label,
                                       "triples",
                                       (json_int_t)gs->graphs[i].n));
  json_object_set_new(root, "graphs", a);
  a = json_array();
  for(i = 0; i < gs->nclasses; i++)
    json_array_append_new(a, json_pack("{s:s, s:s, s:I}",
                                       "class", gs->classes[i].iri,
                                       "name", gs->classes[i].label,
                                       "entities",
                                       (json_int_t)gs->classes[i].n));
  json_object_set_new(root, "classes", a);
  a = json_array();
  for(i = 0; i < gs->ndeps; i++) {
    const struct kg_gcount *d = &gs->deps[i];

    json_array_append_new(a, json_pack(
      "{s:s, s:s, s:s, s:I, s:I, s:I}", "departement", d->iri,
      "code", d->code, "name", d->label,
      "initiatives", (json_int_t)d->by_class[KG_GSTATS_INITIATIVES],
      "organisations", (json_int_t)d->by_class[KG_GSTATS_ORGS],
      "events", (json_int_t)d->by_class[KG_GSTATS_EVENTS]));
  }
  json_object_set_new(root, "departements", a);
  rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  putchar('\n');
  json_decref(root);
  return rc;
}

int
cmd_stats(int argc, char **argv, struct kg_ctx *ctx)
{
  const char *format = "table", *endpoint = NULL, *user = NULL;
  struct kg_store *st = NULL;
  struct kg_remote r;
  struct kg_gstats gs;
  int i, code;

  for(i = 1; i < argc; i++) {
    const char *a = argv[i];

    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(!strcmp(a, "-f") || !strcmp(a, "--format")) {
      if(i + 1 >= argc)
        return kg_usage_error("stats: option '%s' needs a value", a);
      format = argv[++i];
    } else if(!strcmp(a, "--endpoint") || !strcmp(a, "--user")) {
      if(i + 1 >= argc)
        return kg_usage_error("stats: option '%s' needs a value", a);
      if(a[2] == 'e')
        endpoint = argv[++i];
      else
        user = argv[++i];
    } else if(!strncmp(a, "--format=", 9)) {
      format = a + 9;
    } else if(a[0] == '-') {
      return kg_usage_error("stats: unknown option '%s'", a);
    } else {
      return kg_usage_error("stats: unexpected argument '%s'", a);
    }
  }
  if(strcmp(format, "table") && strcmp(format, "tsv") &&
     strcmp(format, "json"))
    return kg_usage_error("stats: unknown format '%s' (table, tsv, json)",
                          format);
  if(user && !endpoint)
    return kg_usage_error("stats: --user goes with --endpoint");
  kg_remote_init(&r, user);
  if(!endpoint && !(st = kg_store_open_read(&ctx->w, ctx->store_dir, &code)))
    return code;
  if(endpoint ? (code = kg_stats_remote(&ctx->w, &r, endpoint, &gs)) != 0
              : kg_stats_compute(&ctx->w, st, &gs) != 0) {
    if(!endpoint)
      code = KG_EXIT_SYS;
  } else {
    code = KG_EXIT_OK;
    if(!strcmp(format, "tsv"))
      print_tsv(&gs);
    else if(!strcmp(format, "json")) {
      if(print_json(&gs))
        code = KG_EXIT_SYS;
    } else
      print_table(ctx, &gs);
  }
  kg_stats_release(&gs);
  return kg_store_end(st, code);
}
