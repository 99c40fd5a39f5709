/* cmd_export.c - write the whole stored graph, or its DCAT description. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/cmd.h"
#include "cli/ctx.h"
#include "publish/dcat.h"
#include "base/diag.h"
#include "rdf/format.h"
#include "rdf/ns.h"
#include "rdf/serialize.h"
#include "store/store.h"

static const char usage_text[] =
  "usage: mednum-kg [--store DIR] export [-f FORMAT] [-o FILE]\n"
  "       mednum-kg [--store DIR] export --dcat [-o FILE] [--config FILE]\n"
  "                 [--publisher NAME] [--contact EMAIL]\n"
  "                 [--download-base URL] [--landing-page URL]\n"
  "\n"
  "Writes every graph of the store: Turtle (sorted, graph names dropped),\n"
  "N-Triples, N-Quads (graph names kept) or RDF/XML.  N-Triples and N-Quads\n"
  "are streamed from the store, in storage order, without holding the graph\n"
  "in memory: use them for large graphs.\n"
  "\n"
  "With --dcat, writes instead the DCAT description of the graph (Turtle)\n"
  "for open-data portals: catalogue, dataset (licence: Licence Ouverte 2.0;\n"
  "issued = first load, modified = last load; spatial coverage; theme\n"
  "keywords; conformsTo the mn: ontology), one distribution per format, and\n"
  "VoID statistics (triples, entities, class partitions).  Publisher and\n"
  "contact come from the options or from a `key = value` file: --config\n"
  "FILE, else DIR/mednum-kg.conf when present (keys: title, description,\n"
  "publisher, publisher_iri, contact, contact_name, download_base,\n"
  "landing_page).  Publish each export as mednum-kg.{ttl,nt,nq,rdf} under\n"
  "the download base.\n"
  "\n"
  "Options:\n"
  "  -f, --format FORMAT  turtle (default), ntriples, nquads, rdfxml\n"
  "  -o, --output FILE    write FILE (atomically: all or nothing) instead\n"
  "                       of standard output\n"
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
  struct kg_dcat_opts d;
};

static int
write_all(struct kg_ctx *ctx, struct kg_store *st, struct export_opts *o,
          FILE *out)
{
  librdf_model *m = kg_store_model(st);

  if(o->dcat) {
    struct kg_gstats gs;
    int rc = kg_gstats_compute(&ctx->w, st, &gs);

    if(!rc)
      rc = kg_dcat_write(&ctx->w, st, &gs, &o->d, out);
    kg_gstats_release(&gs);
    return rc;
  }
  if(!strcmp(o->format, "ntriples") || !strcmp(o->format, "nquads"))
    return kg_serialize_stream(&ctx->w, m, !strcmp(o->format, "nquads"),
                               out);
  return kg_serialize(&ctx->w, m, o->format, out);
}

/* Writes to @path through a temporary file in the same directory, renamed
 * over @path only when everything is written and synced. */
static int
write_file(struct kg_ctx *ctx, struct kg_store *st, struct export_opts *o)
{
  struct kg_buf tmp = KG_BUF_INIT;
  FILE *fh;
  int fd, rc;

  kg_buf_addf(&tmp, "%s.tmp-XXXXXX", o->output);
  fd = mkstemp(tmp.s);
  if(fd < 0) {
    kg_error("cannot create '%s': %s", o->output, strerror(errno));
    kg_buf_release(&tmp);
    return KG_EXIT_SYS;
  }
  fchmod(fd, 0644);
  fh = fdopen(fd, "w");
  if(!fh) {
    close(fd);
    unlink(tmp.s);
    kg_error("cannot create '%s': %s", o->output, strerror(errno));
    kg_buf_release(&tmp);
    return KG_EXIT_SYS;
  }
  rc = write_all(ctx, st, o, fh) ? KG_EXIT_SYS : KG_EXIT_OK;
  if(fflush(fh) || ferror(fh) || fsync(fileno(fh))) {
    if(!rc)
      kg_error("cannot write '%s': %s", o->output, strerror(errno));
    rc = KG_EXIT_SYS;
  }
  if(fclose(fh) && !rc) {
    kg_error("cannot write '%s': %s", o->output, strerror(errno));
    rc = KG_EXIT_SYS;
  }
  if(!rc && rename(tmp.s, o->output)) {
    kg_error("cannot write '%s': %s", o->output, strerror(errno));
    rc = KG_EXIT_SYS;
  }
  if(rc)
    unlink(tmp.s);
  kg_buf_release(&tmp);
  return rc;
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

int
cmd_export(int argc, char **argv, struct kg_ctx *ctx)
{
  struct export_opts o;
  struct kg_store *st = NULL;
  char *conf = NULL;
  int i, k, code;

  memset(&o, 0, sizeof(o));
  o.format = "turtle";
  for(i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = NULL;
    static const char *const with_value[] = {
      "-f", "--format", "-o", "--output", "--config", "--publisher",
      "--contact", "--download-base", "--landing-page", NULL
    };

    if(kg_cmd_is_help(a))
      return kg_cmd_usage(usage_text, KG_EXIT_OK);
    if(!strcmp(a, "--dcat")) {
      o.dcat = 1;
      continue;
    }
    for(k = 0; with_value[k]; k++) {
      size_t n = strlen(with_value[k]);

      if(!strcmp(a, with_value[k])) {
        if(i + 1 >= argc)
          return kg_usage_error("export: option '%s' needs a value", a);
        v = argv[++i];
        break;
      }
      if(!strncmp(a, with_value[k], n) && a[n] == '=' && a[1] == '-') {
        v = a + n + 1;
        break;
      }
    }
    if(!with_value[k]) {
      if(a[0] == '-')
        return kg_usage_error("export: unknown option '%s'", a);
      return kg_usage_error("export: unexpected argument '%s'", a);
    }
    switch(with_value[k][1] == '-' ? with_value[k][2] : with_value[k][1]) {
      case 'f': o.format = v; break;
      case 'o': o.output = v; break;
      case 'c': if(with_value[k][3] == 'o' && with_value[k][4] == 'n' &&
                   with_value[k][5] == 'f')
                  o.config = v;
                else
                  o.d.contact = v;
                break;
      case 'p': o.d.publisher = v; break;
      case 'd': o.d.download_base = v; break;
      case 'l': o.d.landing_page = v; break;
      default: break;
    }
  }
  if(!kg_format_find(o.format, KG_FMT_EXPORT))
    return kg_usage_error("export: unknown format '%s' (turtle, ntriples, "
                          "nquads, rdfxml)", o.format);
  if(o.dcat && strcmp(o.format, "turtle"))
    return kg_usage_error("export: the DCAT description is written in "
                          "Turtle only");
  if(!o.dcat && (o.config || o.d.publisher || o.d.contact ||
                 o.d.download_base || o.d.landing_page))
    return kg_usage_error("export: --publisher, --contact, --config, "
                          "--download-base and --landing-page go with "
                          "--dcat");
  if(o.d.contact && !good_email(o.d.contact))
    return kg_usage_error("export: bad e-mail address '%s'", o.d.contact);
  if(o.d.download_base && !good_url(o.d.download_base))
    return kg_usage_error("export: bad URL '%s'", o.d.download_base);
  if(o.d.landing_page && !good_url(o.d.landing_page))
    return kg_usage_error("export: bad URL '%s'", o.d.landing_page);
  if(o.output && !*o.output)
    return kg_usage_error("export: empty output file name");

  if(o.dcat) {
    struct stat sb;

    if(o.config) {
      conf = kg_xstrdup(o.config);
    } else {
      struct kg_buf p = KG_BUF_INIT;

      kg_buf_addf(&p, "%s/mednum-kg.conf", ctx->store_dir);
      conf = kg_buf_detach(&p);
      if(stat(conf, &sb)) {
        free(conf);
        conf = NULL;
      }
    }
    if(conf && kg_dcat_config_read(conf, &o.d)) {
      code = KG_EXIT_DATA;
      goto out;
    }
    if(o.d.contact && !good_email(o.d.contact)) {
      kg_error("%s: bad e-mail address '%s'", conf, o.d.contact);
      code = KG_EXIT_DATA;
      goto out;
    }
    if((o.d.download_base && !good_url(o.d.download_base)) ||
       (o.d.landing_page && !good_url(o.d.landing_page)) ||
       (o.d.publisher_iri && !good_url(o.d.publisher_iri))) {
      kg_error("%s: bad URL", conf);
      code = KG_EXIT_DATA;
      goto out;
    }
    if(!o.d.publisher)
      kg_warn("no publisher (give --publisher or 'publisher = ...' in "
              "mednum-kg.conf): portals require one");
  }

  st = kg_store_open_read(&ctx->w, ctx->store_dir, &code);
  if(!st)
    goto out;
  if(o.output) {
    code = write_file(ctx, st, &o);
  } else {
    code = write_all(ctx, st, &o, stdout) ? KG_EXIT_SYS : KG_EXIT_OK;
  }
out:
  kg_store_close(st);
  kg_dcat_opts_release(&o.d);
  free(conf);
  return code;
}
