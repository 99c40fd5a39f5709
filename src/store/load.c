/* load.c - the steps of kg_store_load(): name the graph of a file, open its
 * statements (a report through the reader, RDF through a checked parse),
 * and put them in the new generation.
 *
 * An RDF file is checked for UTF-8 first, in chunks, so that a bad byte is
 * reported with its line and column (raptor would only say it failed).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "base/text.h"
#include "rdf/format.h"
#include "rdf/world.h"
#include "store/store_int.h"

#define KG_SLUG_MAX 80

/* The UTF-8 check reads this much at a time (a large N-Triples file is
 * never held whole); its buffer holds a chunk and the carried bytes of an
 * incomplete sequence. */
#define KG_UTF8_CHUNK (1 << 16)
#define KG_UTF8_BUF (KG_UTF8_CHUNK + 8)

const struct kg_format *
kg_load_format(const char *path)
{
  return kg_format_of_path(path, KG_FMT_LOAD);
}

int
kg_load_is_report(const struct kg_format *f)
{
  return f && (f->flags & KG_FMT_REPORT);
}

char *
kg_load_graph_iri(struct kg_world *w, const char *path)
{
  const char *base = strrchr(path, '/');
  const char *ext;
  struct kg_buf slug = KG_BUF_INIT;
  struct kg_buf iri = KG_BUF_INIT;
  size_t len;

  base = base ? base + 1 : path;
  ext = kg_format_ext(base);
  len = ext ? (size_t)(ext - base) : strlen(base);
  kg_text_slug(base, len, KG_SLUG_MAX, &slug);
  if(!slug.len) {
    kg_buf_release(&slug);
    return NULL;
  }
  kg_buf_addf(&iri, "%sgraph/%s", w->base, slug.s);
  kg_buf_release(&slug);
  return kg_buf_detach(&iri);
}

char *
kg_load_reference_iri(struct kg_world *w)
{
  struct kg_buf iri = KG_BUF_INIT;

  kg_buf_addf(&iri, "%sgraph/reference", w->base);
  return kg_buf_detach(&iri);
}

/* How much of @buf[0..len) holds whole UTF-8 sequences: an incomplete
 * sequence at the end is kept for the next chunk. */
static size_t
complete_prefix(const char *buf, size_t len)
{
  size_t k = len, back = 0;

  while(k > 0 && back < 3 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) {
    k--;
    back++;
  }
  if(k > 0) {
    unsigned char c = (unsigned char)buf[k - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;

    if(need > 1 && len - (k - 1) < need)
      return k - 1;
  }
  return len;
}

/* Checks that @path is UTF-8, reading it in chunks through @buf
 * (KG_UTF8_BUF bytes, the caller's).  KG_EXIT_OK, or KG_EXIT_DATA /
 * KG_EXIT_SYS after reporting, with the line and column of the first bad
 * byte. */
static int
check_utf8_file(const char *path, char *buf)
{
  struct kg_loc loc;
  unsigned long long total = 0;
  size_t carry = 0, n, len, good, bad, i;
  int code;
  FILE *fh = kg_input_open(path, KG_INPUT_RDF, &code);

  if(!fh)
    return code;
  loc.file = path;
  loc.line = 1;
  loc.col = 1;
  for(;;) {
    n = fread(buf + carry, 1, KG_UTF8_CHUNK, fh);
    if(ferror(fh)) {
      kg_error("cannot read '%s': %s", path, strerror(errno));
      code = KG_EXIT_SYS;
      break;
    }
    if((total += n) > kg_input_limit(KG_INPUT_RDF)) {
      code = kg_input_too_big(path, KG_INPUT_RDF);
      break;
    }
    if(total == n && kg_text_looks_utf16(buf, n)) {
      loc.line = loc.col = 0;   /* the whole file, as for a report */
      kg_error_at(&loc, "UTF-16 text; convert it with 'iconv -f UTF-16 -t "
                  "UTF-8'");
      code = KG_EXIT_DATA;
      break;
    }
    len = carry + n;
    good = n ? complete_prefix(buf, len) : len;
    bad = good;
    if(kg_text_utf8_check(buf, good, &bad) == 0)
      bad = good;
    for(i = 0; i < bad; i++) {
      if(buf[i] == '\n') {
        loc.line++;
        loc.col = 1;
      } else if(((unsigned char)buf[i] & 0xC0) != 0x80) {
        loc.col++;
      }
    }
    if(bad < good || (!n && len)) {
      kg_error_at(&loc, "invalid UTF-8 (byte 0x%02X)", (unsigned char)buf[bad]);
      code = KG_EXIT_DATA;
      break;
    }
    if(!n)
      break;
    carry = len - good;
    memmove(buf, buf + good, carry);
  }
  kg_input_close(fh);
  return code;
}

/* Starts parsing RDF file ld->path: ld->s, with the parser and URI it
 * needs in ld.  KG_EXIT_OK, or KG_EXIT_DATA / KG_EXIT_SYS after
 * reporting. */
static int
open_rdf(struct kg_world *w, struct kg_load *ld)
{
  char *buf = kg_xmalloc(KG_UTF8_BUF);
  int code = check_utf8_file(ld->path, buf);

  free(buf);
  if(code != KG_EXIT_OK)
    return code;
  ld->parser = librdf_new_parser(w->world, ld->fmt->parser, NULL, NULL);
  ld->uri = librdf_new_uri_from_filename(w->world, ld->path);
  if(!ld->parser || !ld->uri) {
    kg_error("cannot start the RDF parser");
    return KG_EXIT_SYS;
  }
  kg_diag_source(ld->path);
  ld->s = librdf_parser_parse_as_stream(ld->parser, ld->uri, ld->uri);
  kg_diag_source(NULL);
  if(!ld->s) {
    kg_error("cannot parse '%s'", ld->path);
    return KG_EXIT_DATA;
  }
  return KG_EXIT_OK;
}

void
kg_load_init(struct kg_load *ld, const char *path)
{
  memset(ld, 0, sizeof(*ld));
  ld->path = path;
  /* "-": a report on standard input (its graph: mnid:graph/stdin) */
  ld->fmt = kg_input_is_stdin(path) ? kg_format_find("markdown", KG_FMT_LOAD)
                                    : kg_load_format(path);
}

void
kg_load_release(struct kg_load *ld)
{
  if(ld->s)
    librdf_free_stream(ld->s);
  if(ld->parser)
    librdf_free_parser(ld->parser);
  if(ld->uri)
    librdf_free_uri(ld->uri);
  if(ld->graph)
    librdf_free_node(ld->graph);
  if(ld->tmp)
    librdf_free_model(ld->tmp);
  if(ld->tmp_storage)
    librdf_free_storage(ld->tmp_storage);
  free(ld->iri);
  memset(ld, 0, sizeof(*ld));
}

/* A report: extracted into ld->tmp, which names its graph. */
static int
extract_report(struct kg_store *st, struct kg_load *ld)
{
  int code;

  if(!st->rd || !st->rd->report) {
    kg_error("'%s': this command cannot read reports", ld->path);
    return KG_EXIT_SYS;
  }
  ld->tmp = kg_world_new_memory_model(st->w, &ld->tmp_storage);
  if(!ld->tmp)
    return KG_EXIT_SYS;
  code = st->rd->report(st->rd->arg, ld->path, ld->tmp, &ld->iri);
  if(code != KG_EXIT_OK)
    return code;
  if(!ld->iri) {
    kg_error("'%s': the extractor named no graph", ld->path);
    return KG_EXIT_SYS;
  }
  return KG_EXIT_OK;
}

/* Two files of one command that name the same graph: says which wins, and
 * records this one. */
static void
note_done(struct kg_store *st, const char *iri, const char *path)
{
  size_t i, len = strlen(iri);
  struct kg_buf rec = KG_BUF_INIT;

  for(i = 0; i < st->ndone; i++) {
    if(!strncmp(st->done[i], iri, len) && st->done[i][len] == '\t') {
      kg_warn("'%s' replaces '%s': both name the graph <%s>", path,
              st->done[i] + len + 1, iri);
    }
  }
  kg_buf_addf(&rec, "%s\t%s", iri, path);
  KG_GROW(st->done, st->done_cap, st->ndone + 1);
  st->done[st->ndone++] = kg_buf_detach(&rec);
}

int
kg_load_name(struct kg_store *st, struct kg_load *ld)
{
  char *ref;
  int code;

  if(!ld->fmt) {
    const char *ext = kg_format_ext(ld->path);

    kg_error("'%s': unsupported file type%s%s%s (load takes reports .md, "
             "Turtle .ttl or N-Triples .nt)", ld->path, ext ? " '" : "",
             ext ? ext : "", ext ? "'" : "");
    return KG_EXIT_DATA;
  }
  if(kg_load_is_report(ld->fmt)) {
    code = extract_report(st, ld);
    if(code != KG_EXIT_OK)
      return code;
  } else {
    ld->iri = kg_load_graph_iri(st->w, ld->path);
    if(!ld->iri) {
      kg_error("'%s': cannot name a graph after this file name", ld->path);
      return KG_EXIT_DATA;
    }
  }
  ref = kg_load_reference_iri(st->w);
  code = strcmp(ld->iri, ref) ? KG_EXIT_OK : KG_EXIT_DATA;
  free(ref);
  if(code != KG_EXIT_OK) {
    kg_error("'%s': the graph name 'reference' is reserved", ld->path);
    return code;
  }
  note_done(st, ld->iri, ld->path);
  return KG_EXIT_OK;
}

int
kg_load_open(struct kg_store *st, struct kg_load *ld)
{
  /* the statements: parsed or extracted, streamed into the new graph
   * (a parse error leaves part of it there: the caller then throws the
   * whole write transaction away) */
  ld->before = kg_diag_error_count();
  if(kg_load_is_report(ld->fmt)) {
    ld->s = librdf_model_as_stream(ld->tmp);
    if(!ld->s) {
      kg_error("cannot read the extracted graph");
      return KG_EXIT_SYS;
    }
    return KG_EXIT_OK;
  }
  return open_rdf(st->w, ld);
}

int
kg_load_fill(struct kg_store *st, struct kg_load *ld)
{
  uint32_t id;
  long n;

  ld->graph = kg_world_iri(st->w, ld->iri);
  if(!ld->graph ||
     librdf_model_context_remove_statements(st->model, ld->graph))
    return KG_EXIT_SYS;
  kg_diag_source(ld->path);
  n = kg_batch_transfer(st->w->world, st->model, ld->s, ld->graph);
  kg_diag_source(NULL);
  if(n < 0)
    return KG_EXIT_SYS;         /* the store failed (reported) */
  if(kg_diag_error_count() != ld->before)
    return KG_EXIT_DATA;        /* the input did not parse */
  if(kg_storage_graph_id(st->lm, ld->graph, 1, &id) < 0 ||
     (n = kg_quads_graph_size(&st->lm->quads, id)) < 0 ||
     kg_reference_note(st, ld->graph))
    return KG_EXIT_SYS;
  kg_meta_set(&st->meta, ld->iri, ld->path, n, kg_store_now());
  st->meta.modified = kg_store_now();
  if(!st->meta.issued)
    st->meta.issued = st->meta.modified;
  free(st->last_graph);
  st->last_graph = ld->iri;     /* now owned by st */
  ld->iri = NULL;
  kg_info("loaded '%s' into <%s>: %ld triples", ld->path, st->last_graph, n);
  return KG_EXIT_OK;
}
