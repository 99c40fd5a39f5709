/* main.c - mednum-kg: global options, command table, dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmd.h"
#include "base/diag.h"

static const struct kg_cmd commands[] = {
  /* name          handler          summary */
  { "extract",     cmd_extract,     "turn reports (Markdown) into RDF" },
  { "load",        cmd_load,        "load reports or RDF files into the store" },
  { "unload",      cmd_unload,      "remove a report's graph from the store" },
  { "export",      cmd_export,      "write the whole graph with its DCAT description" },
  { "query",       cmd_query,       "run a SPARQL query or a named query" },
  { "queries",     cmd_queries,     "list the named queries and their parameters" },
  { "stats",       cmd_stats,       "count entities per class, report and departement" },
  { "validate",    cmd_validate,    "check the graph against the data-quality rules" },
  { "candidates",  cmd_candidates,  "list what the extractor is unsure of, with evidence" },
  { "curate",      cmd_curate,      "accept or reject candidates for the next load" },
  { "serve",       cmd_serve,       "answer SPARQL over HTTP, with a query page and entity pages" },
  { "push",        cmd_push,        "send the store's graphs to a shared SPARQL server (Virtuoso)" },
  { "store",       cmd_store,       "verify the store, or convert one of mednum-kg 0.x (check, upgrade)" },
  { NULL, NULL, NULL }
};

static const char usage_head[] =
  "usage: mednum-kg [--store DIR] [--base IRI] [--data-dir DIR] [-q|-v] COMMAND [ARGS]\n"
  "       mednum-kg --help | --version | COMMAND --help\n"
  "\n"
  "Turns the notes of digital-inclusion events into an RDF knowledge graph,\n"
  "exports it for open-data portals and answers SPARQL queries.\n"
  "\n"
  "Commands:\n";

static const char usage_tail[] =
  "\n"
  "Global options:\n"
  "  --store DIR   the embedded store (default ./" KG_DEFAULT_STORE
  ", or $MEDNUM_KG_STORE)\n"
  "  --base IRI    base of instance IRIs (default " KG_DEFAULT_BASE ")\n"
  "  --data-dir DIR  the ontology, queries and registry (default: beside the\n"
  "                program, ../share/mednum-kg; or $MEDNUM_KG_DATA)\n"
  "  -q, --quiet   no warnings\n"
  "  -v, --verbose progress on stderr\n"
  "  -h, --help    this help; 'mednum-kg COMMAND --help' for a command\n"
  "  -V, --version print the version\n"
  "\n"
  "Exit status: 0 ok, 1 the answer is no, 2 usage, 3 bad input, 4 I/O or system.\n";

static int
usage(int code)
{
  const struct kg_cmd *c;

  if(code) {
    fputs("mednum-kg: try 'mednum-kg --help' for more information\n", stderr);
    return code;
  }
  fputs(usage_head, stdout);
  for(c = commands; c->name; c++)
    printf("  %-12s %s\n", c->name, c->summary);
  fputs(usage_tail, stdout);
  return KG_EXIT_OK;
}

static int
finish(int rc)
{
  if(fflush(stdout) || ferror(stdout) || fclose(stdout)) {
    kg_error("cannot write the output: %s", "write error");
    return rc ? rc : KG_EXIT_SYS;
  }
  return rc;
}

int
main(int argc, char **argv)
{
  struct kg_ctx ctx;
  const struct kg_cmd *c;
  const char *store = NULL, *base = NULL, *datadir = NULL;
  int i, rc, verbosity = 0;

  for(i = 1; i < argc && argv[i][0] == '-'; i++) {
    const char *a = argv[i];

    if(kg_cmd_is_help(a))
      return finish(usage(KG_EXIT_OK));
    if(!strcmp(a, "-V") || !strcmp(a, "--version")) {
      printf("mednum-kg %s\n", KG_VERSION);
      return finish(KG_EXIT_OK);
    }
    if(!strcmp(a, "-q") || !strcmp(a, "--quiet"))
      kg_diag_set_verbosity(verbosity = -1);
    else if(!strcmp(a, "-v") || !strcmp(a, "--verbose"))
      kg_diag_set_verbosity(verbosity = 1);
    else if(!strcmp(a, "--store") || !strcmp(a, "--base") ||
            !strcmp(a, "--data-dir")) {
      if(i + 1 >= argc)
        return kg_usage_error("option '%s' needs a value", a);
      if(a[2] == 's')
        store = argv[++i];
      else if(a[2] == 'b')
        base = argv[++i];
      else
        datadir = argv[++i];
    } else if(!strncmp(a, "--data-dir=", 11))
      datadir = a + 11;
    else if(!strncmp(a, "--store=", 8))
      store = a + 8;
    else if(!strncmp(a, "--base=", 7))
      base = a + 7;
    else
      return kg_usage_error("unknown option '%s'", a);
  }
  if(i >= argc) {
    kg_error("no command given");
    return usage(KG_EXIT_USAGE);
  }
  for(c = commands; c->name; c++)
    if(!strcmp(c->name, argv[i]))
      break;
  if(!c->name)
    return kg_usage_error("unknown command '%s'", argv[i]);
  if(datadir && !*datadir)
    return kg_usage_error("--data-dir needs a directory");

  if(kg_ctx_init(&ctx))
    return KG_EXIT_SYS;
  ctx.verbosity = verbosity;
  if(datadir)
    kg_ctx_set_datadir(&ctx, datadir);
  if(store)
    kg_ctx_set_store(&ctx, store, 1);
  if(base) {
    size_t n = strlen(base);

    if(!n || (strncmp(base, "http://", 7) && strncmp(base, "https://", 8) &&
              strncmp(base, "urn:", 4)) ||
       strpbrk(base, " <>\"{}|\\^`")) {
      kg_ctx_release(&ctx);
      return kg_usage_error("bad --base IRI '%s'", base);
    }
    if(base[n - 1] != '/' && base[n - 1] != '#')
      return kg_usage_error("--base IRI must end with '/' or '#': '%s'", base);
    ctx.w.base = base;
  }
  rc = c->fn(argc - i, argv + i, &ctx);
  kg_ctx_release(&ctx);
  return finish(rc);
}
