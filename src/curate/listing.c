/* listing.c - candidates and decisions written for a curator.
 *
 * table: one line per candidate (confidence, kind, name, how many
 * passages), then one indented line per passage (report:begin-end and the
 * line around it, the words themselves in [brackets]).  TSV and CSV: one
 * row per candidate, the passages in the last two columns.  JSON and XML:
 * the candidates with their passages nested.
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "base/buf.h"
#include "curate/candidates.h"
#include "curate/listing.h"
#include "rdf/world.h"
#include "ref/curation.h"
#include "ref/registry.h"

static const char *const cand_formats[] = { "table", "tsv", "csv", "json",
                                            "xml", NULL };
static const char *const dec_formats[] = { "table", "tsv", "json", NULL };

static int
in_list(const char *const *v, const char *s)
{
  for(; *v; v++)
    if(!strcmp(*v, s))
      return 1;
  return 0;
}

int
kg_listing_candidates_format(const char *format)
{
  return in_list(cand_formats, format);
}

int
kg_listing_decisions_format(const char *format)
{
  return in_list(dec_formats, format);
}

/* The report of a passage as the user knows it: its slug. */
static const char *
report_label(const char *iri, const char *base)
{
  size_t bl = strlen(base);

  if(!strncmp(iri, base, bl) && !strncmp(iri + bl, "report/", 7))
    return iri + bl + 7;
  return iri;
}

static void
confidence_str(int c, char *out, size_t size)
{
  snprintf(out, size, c >= 100 ? "1.00" : "0.%02d", c);
}

/* Width of a UTF-8 string in code points. */
static size_t
width(const char *s)
{
  size_t n = 0;

  for(; *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* @s with tabs and line breaks as spaces (TSV cells, table lines). */
static void
put_flat(const char *s, FILE *out)
{
  for(; s && *s; s++)
    fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* The passage's line with its words in brackets, or the words alone. */
static void
put_context(const struct kg_passage *p, FILE *out)
{
  const char *hit = p->context && p->text ? strstr(p->context, p->text) : NULL;

  if(!hit) {
    put_flat(p->context ? p->context : p->text, out);
    return;
  }
  fwrite(p->context, 1, (size_t)(hit - p->context), out);
  fputc('[', out);
  fputs(p->text, out);
  fputc(']', out);
  put_flat(hit + strlen(p->text), out);
}

static void
write_table(const struct kg_cands *c, const char *base, FILE *out)
{
  char conf[8];
  size_t i, j;

  if(!c->n)
    return;
  fputs("confidence  kind          name\n", out);
  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];
    const char *kind = kg_registry_kind_name(cd->kind);

    confidence_str(cd->confidence, conf, sizeof conf);
    fprintf(out, "%-10s  %-12s  ", conf, kind);
    put_flat(cd->name, out);
    fprintf(out, "  (%zu passage%s)\n", cd->npass, cd->npass == 1 ? "" : "s");
    for(j = 0; j < cd->npass; j++) {
      const struct kg_passage *p = &cd->pass[j];

      fprintf(out, "    %s:%ld-%ld  ", report_label(p->report, base),
              p->begin, p->end);
      put_context(p, out);
      fputc('\n', out);
    }
  }
}

/* One CSV field, quoted when it must be (RFC 4180). */
static void
put_csv(const char *s, FILE *out)
{
  if(!s || !strpbrk(s, ",\"\r\n")) {
    fputs(s ? s : "", out);
    return;
  }
  fputc('"', out);
  for(; *s; s++) {
    if(*s == '"')
      fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

/* TSV or CSV: kind, name, confidence, passages, entity, where, text. */
static void
write_rows(const struct kg_cands *c, const char *base, int csv, FILE *out)
{
  const char sep = csv ? ',' : '\t';
  struct kg_buf where = KG_BUF_INIT, text = KG_BUF_INIT;
  char conf[8];
  size_t i, j;

  fprintf(out, "kind%cname%cconfidence%cpassages%centity%cwhere%ctext\n",
          sep, sep, sep, sep, sep, sep);
  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];

    kg_buf_reset(&where);
    kg_buf_reset(&text);
    for(j = 0; j < cd->npass; j++) {
      const struct kg_passage *p = &cd->pass[j];

      kg_buf_addf(&where, "%s%s:%ld-%ld", j ? " " : "",
                  report_label(p->report, base), p->begin, p->end);
      kg_buf_addf(&text, "%s%s", j ? " | " : "",
                  p->context ? p->context : p->text ? p->text : "");
    }
    confidence_str(cd->confidence, conf, sizeof conf);
    if(csv) {
      fprintf(out, "%s,", kg_registry_kind_name(cd->kind));
      put_csv(cd->name, out);
      fprintf(out, ",%s,%zu,", conf, cd->npass);
      put_csv(cd->iri, out);
      fputc(',', out);
      put_csv(kg_buf_str(&where), out);
      fputc(',', out);
      put_csv(kg_buf_str(&text), out);
    } else {
      fprintf(out, "%s\t", kg_registry_kind_name(cd->kind));
      put_flat(cd->name, out);
      fprintf(out, "\t%s\t%zu\t%s\t%s\t", conf, cd->npass, cd->iri,
              kg_buf_str(&where));
      put_flat(kg_buf_str(&text), out);
    }
    fputs(csv ? "\r\n" : "\n", out);
  }
  kg_buf_release(&where);
  kg_buf_release(&text);
}

static json_t *
json_str(const char *s)
{
  return s ? json_string(s) : json_null();
}

static int
write_json(const struct kg_cands *c, FILE *out)
{
  json_t *a = json_array();
  size_t i, j;
  int rc;

  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];
    json_t *ps = json_array();

    for(j = 0; j < cd->npass; j++) {
      const struct kg_passage *p = &cd->pass[j];

      json_array_append_new(ps, json_pack("{s:s, s:I, s:I, s:o, s:o}",
        "report", p->report, "begin", (json_int_t)p->begin,
        "end", (json_int_t)p->end, "text", json_str(p->text),
        "context", json_str(p->context)));
    }
    json_array_append_new(a, json_pack("{s:s, s:s, s:f, s:s, s:o}",
      "kind", kg_registry_kind_name(cd->kind), "name", cd->name,
      "confidence", cd->confidence / 100.0, "entity", cd->iri,
      "passages", ps));
  }
  rc = json_dumpf(a, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                  JSON_REAL_PRECISION(2));
  json_decref(a);
  fputc('\n', out);
  return rc;
}

/* XML text or attribute value. */
static void
put_xml(const char *s, FILE *out)
{
  for(; s && *s; s++) {
    switch(*s) {
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '&': fputs("&amp;", out); break;
      case '"': fputs("&quot;", out); break;
      default: fputc(*s, out);
    }
  }
}

static void
write_xml(const struct kg_cands *c, FILE *out)
{
  char conf[8];
  size_t i, j;

  fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<candidates>\n", out);
  for(i = 0; i < c->n; i++) {
    const struct kg_cand *cd = &c->v[i];

    confidence_str(cd->confidence, conf, sizeof conf);
    fprintf(out, "  <candidate kind=\"%s\" confidence=\"%s\" entity=\"",
            kg_registry_kind_name(cd->kind), conf);
    put_xml(cd->iri, out);
    fputs("\">\n    <name>", out);
    put_xml(cd->name, out);
    fputs("</name>\n", out);
    for(j = 0; j < cd->npass; j++) {
      const struct kg_passage *p = &cd->pass[j];

      fputs("    <passage report=\"", out);
      put_xml(p->report, out);
      fprintf(out, "\" begin=\"%ld\" end=\"%ld\"><text>", p->begin, p->end);
      put_xml(p->text, out);
      fputs("</text><context>", out);
      put_xml(p->context, out);
      fputs("</context></passage>\n", out);
    }
    fputs("  </candidate>\n", out);
  }
  fputs("</candidates>\n", out);
}

int
kg_listing_candidates(const struct kg_cands *c, const char *format,
                      const char *base, FILE *out)
{
  if(!strcmp(format, "json"))
    return write_json(c, out) || ferror(out) ? -1 : 0;
  if(!strcmp(format, "xml"))
    write_xml(c, out);
  else if(!strcmp(format, "tsv") || !strcmp(format, "csv"))
    write_rows(c, base, format[0] == 'c', out);
  else
    write_table(c, base, out);
  return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------ decisions */

static void
aliases_str(const struct kg_decision *d, struct kg_buf *b)
{
  size_t i;

  kg_buf_reset(b);
  for(i = 0; i < d->naliases; i++)
    kg_buf_addf(b, "%s%s", i ? " | " : "", d->aliases[i]);
}

static const char *
verdict_of(const struct kg_decision *d)
{
  return d->rejected ? "rejected" : "accepted";
}

static int
decisions_json(const struct kg_curation *cur, FILE *out)
{
  struct kg_buf iri = KG_BUF_INIT;
  json_t *a = json_array();
  size_t i, k;
  int rc;

  for(i = 0; i < cur->n; i++) {
    const struct kg_decision *d = &cur->v[i];
    json_t *al = json_array();

    for(k = 0; k < d->naliases; k++)
      json_array_append_new(al, json_string(d->aliases[k]));
    kg_buf_reset(&iri);
    kg_buf_addf(&iri, "%s%s", KG_DEFAULT_BASE, d->rel);
    json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s, s:o}",
      "verdict", verdict_of(d), "kind", kg_registry_kind_name(d->kind),
      "name", d->name, "entity", kg_buf_str(&iri), "aliases", al));
  }
  rc = json_dumpf(a, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(a);
  kg_buf_release(&iri);
  return rc;
}

/* table: verdict, kind, name (padded), IRI; tsv adds the aliases. */
static void
decisions_rows(const struct kg_curation *cur, int tsv, FILE *out)
{
  struct kg_buf al = KG_BUF_INIT;
  size_t i, k, w = 4;

  if(tsv)
    fputs("verdict\tkind\tname\tentity\taliases\n", out);
  for(i = 0; i < cur->n; i++)
    if(width(cur->v[i].name) > w)
      w = width(cur->v[i].name);
  for(i = 0; i < cur->n; i++) {
    const struct kg_decision *d = &cur->v[i];
    const char *kind = kg_registry_kind_name(d->kind);

    if(tsv) {
      aliases_str(d, &al);
      fprintf(out, "%s\t%s\t", verdict_of(d), kind);
      put_flat(d->name, out);
      fprintf(out, "\tmnid:%s\t", d->rel);
      put_flat(kg_buf_str(&al), out);
    } else {
      fprintf(out, "%s  %-12s  ", verdict_of(d), kind);
      put_flat(d->name, out);
      for(k = width(d->name); k < w; k++)
        fputc(' ', out);
      fprintf(out, "  mnid:%s", d->rel);
    }
    fputc('\n', out);
  }
  kg_buf_release(&al);
}

int
kg_listing_decisions(const struct kg_curation *cur, const char *format,
                     FILE *out)
{
  if(!strcmp(format, "json"))
    return decisions_json(cur, out) || ferror(out) ? -1 : 0;
  decisions_rows(cur, !strcmp(format, "tsv"), out);
  return ferror(out) ? -1 : 0;
}
