/* cmd_export.c - write the whole stored graph, or its DCAT description. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/outfile.h"
#include "base/progress.h"
#include "cli/cmd.h"
#include "cli/ctx.h"
#include "publish/dcat.h"
#include "base/diag.h"
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/serialize.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] export [-f FORMAT] [-o FILE [--force]]\n"
  "       mednum-kg [--store DIR] export --dcat [-o FILE [--force]]\n"
  "                 [--config FILE]\n"
  "                 [--publisher NAME] [--contact EMAIL]\n"
  "                 [--download-base URL] [--landing-page URL]\n"
  "\n"
  "Writes every graph of the store: Turtle (sorted, graph names dropped),\n"
  "N-Triples, N-Quads (graph names kept), RDF/XML, or JSON-LD (compact form,\n"
  "the context of ontology/context.jsonld embedded, one graph object per\n"
  "named graph).  N-Triples, N-Quads and JSON-LD are streamed from the\n"
  "store, in storage order, without holding the graph in memory (JSON-LD\n"
  "holds one subject's statements at a time): use them for large graphs.\n"
  "\n"
  "With --dcat, writes instead the DCAT description of the graph (Turtle)\n"
  "for open-data portals: catalogue, dataset (licence: Licence Ouverte 2.0;\n"
  "issued = first load, modified = last load; spatial coverage; theme\n"
  "keywords; conformsTo the mn: ontology), one distribution per format, and\n"
  "VoID statistics (triples, entities, class partitions).  Publisher and\n"
  "contact come from the options or from a `key = value` file: --config\n"
  "FILE, else DIR/mednum-kg.conf when present (keys: title, description,\n"
  "publisher, publisher_iri, contact, contact_name, download_base,\n"
  "landing_page).  Publish each export as mednum-kg.{ttl,nt,nq,rdf,jsonld}\n"
  "under the download base.\n"
  "\n"
  "Options:\n"
  "  -f, --format FORMAT  turtle (default), ntriples, nquads, rdfxml, jsonld\n"
  "  -o, --output FILE    write FILE (atomically: all or nothing) instead\n"
  "                       of standard output; FILE must be a regular\n"
  "                       file or nothing\n"
  "  --force              FILE may be a symbolic link: write to its target\n"
  "  --dcat               write the DCAT / VoID description\n"
  "  --config FILE        read publisher, contact... from FILE\n"
  "  --publisher NAME     dcterms:publisher\n"
  "  --contact EMAIL      dcat:contactPoint\n"
  "  --download-base URL  where the exported files are published\n"
  "  --landing-page URL   the dataset's web page\n"
  "  -h, --help           this help\n";

struct export_opts {
  const char *format;
  const char *output;
  const char *config;
  int dcat;
  int force;
  struct kg_dcat_opts d;
};

static int
write_all(struct kg_ctx *ctx, struct kg_store *st, struct export_opts *o,
          FILE *out)
{
  librdf_model *m = kg_store_model(st);

  if(o->dcat) {
    struct kg_gstats gs;
    int rc = kg_stats_compute(&ctx->w, st, &gs);

    if(!rc)
      rc = kg_dcat_write(&ctx->w, st, &gs, &o->d, out);
    kg_stats_release(&gs);
    return rc;
  }
  if(!strcmp(o->format, "ntriples") || !strcmp(o->format, "nquads"))
    return kg_serialize_stream(&ctx->w, m, NULL, !strcmp(o->format, "nquads"),
                               out);
  return kg_serialize(&ctx->w, m, o->format, out);
}

/* Writes o->output whole or not at all (see base/outfile.h). */
static int
write_file(struct kg_ctx *ctx, struct kg_store *st, struct export_opts *o)
{
  struct kg_outfile out;
  int ok;

  if(kg_outfile_open(&out, o->output, o->force ? KG_OUTFILE_FOLLOW : 0))
    return KG_EXIT_SYS;
  ok = !write_all(ctx, st, o, out.fh);
  return kg_outfile_close(&out, ok) || !ok ? KG_EXIT_SYS : KG_EXIT_OK;
}

static int
good_url(const char *s)
{
  return (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8)) &&
         !strpbrk(s, " \t\n<>\"{}|\\^`");
}

static int
good_email(const char *s)
{
  const char *at = strchr(s, '@');

  return at && at != s && at[1] && !strchr(at + 1, '@') &&
         !strpbrk(s, " \t\n<>\"{}|\\^`");
}

/* The long options taking a value, and where each value goes. */
static const char **
option_slot(struct export_opts *o, const char *name)
{
  if(!strcmp(name, "-f") || !strcmp(name, "--format"))
    return &o->format;
  if(!strcmp(name, "-o") || !strcmp(name, "--output"))
    return &o->output;
  if(!strcmp(name, "--config"))
    return &o->config;
  if(!strcmp(name, "--publisher"))
    return &o->d.publisher;
  if(!strcmp(name, "--contact"))
    return &o->d.contact;
  if(!strcmp(name, "--download-base"))
    return &o->d.download_base;
  if(!strcmp(name, "--landing-page"))
    return &o->d.landing_page;
  return NULL;
}

/* Parses argv into @o.  Returns -1, or the exit code to return at once. */
static int
parse_options(int argc, char **argv, struct export_opts *o)
{
  int i;

  for(i = 1; i < argc; i++) {
    const char *a = argv[i], *eq = strchr(a, '=');
    const char **slot;

    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(!strcmp(a, "--dcat")) {
      o->dcat = 1;
      continue;
    }
    if(!strcmp(a, "--force")) {
      o->force = 1;
      continue;
    }
    if((slot = option_slot(o, a)) != NULL) {
      if(i + 1 >= argc)
        return kg_usage_error("export: option '%s' needs a value", a);
      *slot = argv[++i];
      continue;
    }
    if(a[0] == '-' && a[1] == '-' && eq) {
      char *name = kg_xstrndup(a, (size_t)(eq - a));

      slot = option_slot(o, name);
      free(name);
      if(slot) {
        *slot = eq + 1;
        continue;
      }
    }
    if(a[0] == '-')
      return kg_usage_error("export: unknown option '%s'", a);
    return kg_usage_error("export: unexpected argument '%s'", a);
  }
  return -1;
}

/* Checks the options against each other.  -1, or the usage exit code. */
static int
check_options(const struct export_opts *o)
{
  if(!kg_format_find(o->format, KG_FMT_EXPORT))
    return kg_usage_error("export: unknown format '%s' (turtle, ntriples, "
                          "nquads, rdfxml, jsonld)", o->format);
  if(o->dcat && strcmp(o->format, "turtle"))
    return kg_usage_error("export: the DCAT description is written in "
                          "Turtle only");
  if(!o->dcat && (o->config || o->d.publisher || o->d.contact ||
                  o->d.download_base || o->d.landing_page))
    return kg_usage_error("export: --publisher, --contact, --config, "
                          "--download-base and --landing-page go with "
                          "--dcat");
  if(o->d.contact && !good_email(o->d.contact))
    return kg_usage_error("export: bad e-mail address '%s'", o->d.contact);
  if(o->d.download_base && !good_url(o->d.download_base))
    return kg_usage_error("export: bad URL '%s'", o->d.download_base);
  if(o->d.landing_page && !good_url(o->d.landing_page))
    return kg_usage_error("export: bad URL '%s'", o->d.landing_page);
  if(o->output && !*o->output)
    return kg_usage_error("export: empty output file name");
  if(o->force && !o->output)
    return kg_usage_error("export: --force goes with -o FILE");
  return -1;
}

/* Reads the DCAT configuration file (--config, else STORE/mednum-kg.conf
 * when present) into @o.  KG_EXIT_OK or KG_EXIT_DATA (reported). */
static int
read_config(struct kg_ctx *ctx, struct export_opts *o)
{
  struct stat sb;
  struct kg_buf p = KG_BUF_INIT;
  int code = KG_EXIT_DATA;

  if(o->config)
    kg_buf_adds(&p, o->config);
  else
    kg_buf_addf(&p, "%s/mednum-kg.conf", ctx->store_dir);
  if(!o->config && stat(p.s, &sb)) {
    code = KG_EXIT_OK;
  } else if(kg_dcat_config_read(p.s, &o->d)) {
    ;
  } else if(o->d.contact && !good_email(o->d.contact)) {
    kg_error("%s: bad e-mail address '%s'", p.s, o->d.contact);
  } else if((o->d.download_base && !good_url(o->d.download_base)) ||
            (o->d.landing_page && !good_url(o->d.landing_page)) ||
            (o->d.publisher_iri && !good_url(o->d.publisher_iri))) {
    kg_error("%s: bad URL", p.s);
  } else {
    code = KG_EXIT_OK;
  }
  kg_buf_release(&p);
  if(code == KG_EXIT_OK && !o->d.publisher)
    kg_warn("no publisher (give --publisher or 'publisher = ...' in "
            "mednum-kg.conf): portals require one");
  return code;
}

/* A progress line for the streamed formats (N-Triples, N-Quads, JSON-LD:
 * those of large graphs), counting the statements written against the
 * store's; none when quiet, when stderr is no terminal, or when the
 * output itself goes to the terminal. */
static void
progress_start(struct kg_progress *pg, const struct kg_store *st,
               const struct export_opts *o, struct kg_ctx *ctx)
{
  long total = 0;
  size_t i;
  int streamed = !o->dcat && (!strcmp(o->format, "ntriples") ||
                              !strcmp(o->format, "nquads") ||
                              !strcmp(o->format, "jsonld"));

  for(i = 0; i < kg_store_graph_count(st); i++)
    total += kg_store_graph_at(st, i)->triples;
  kg_progress_init(pg, !streamed || ctx->verbosity < 0 ||
                   (!o->output && isatty(STDOUT_FILENO)),
                   "export", NULL, total, "triples");
  ctx->w.progress = pg;
}

int
cmd_export(int argc, char **argv, struct kg_ctx *ctx)
{
  struct export_opts o;
  struct kg_store *st = NULL;
  struct kg_progress pg;
  int code;

  memset(&o, 0, sizeof(o));
  memset(&pg, 0, sizeof(pg));
  o.format = "turtle";
  if((code = parse_options(argc, argv, &o)) >= 0 ||
     (code = check_options(&o)) >= 0)
    return code;
  if(o.dcat && (code = read_config(ctx, &o)) != KG_EXIT_OK)
    goto out;
  st = kg_store_open_read(&ctx->w, ctx->store_dir, &code);
  if(!st)
    goto out;
  progress_start(&pg, st, &o, ctx);
  if(o.output)
    code = write_file(ctx, st, &o);
  else
    code = write_all(ctx, st, &o, stdout) ? KG_EXIT_SYS : KG_EXIT_OK;
  kg_progress_end(&pg);
  ctx->w.progress = NULL;
out:
  code = kg_store_end(st, code);
  kg_dcat_opts_release(&o.d);
  return code;
}
