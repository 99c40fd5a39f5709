/* load.c - kg_store_load() and its steps: decide how to read a file (by
 * --as, its extension, else its first bytes; a directory gives its files),
 * name its graph, open its statements (a report through the reader, RDF
 * through a checked parse), and put them in the write transaction.
 *
 * An RDF file is checked for UTF-8 first, in chunks, so that a bad byte is
 * reported with its line and column (raptor would only say it failed).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "base/progress.h"
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
kg_load_init(struct kg_load *ld, const char *path,
             const struct kg_format *fmt)
{
  memset(ld, 0, sizeof(*ld));
  ld->path = path;
  ld->fmt = fmt;
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

/* ------------------------------------------------------------ what a file is
 *
 * What `load` reads: the files its operands name (a directory gives its
 * files) and the type of each, by --as, by extension, else by the first
 * bytes.  Content decides only between RDF and a report: a file that
 * starts like Turtle or N-Triples (a prefix line, or "<iri> <iri>" /
 * "_:b <iri>") is RDF; anything else is a report, whose reader refuses
 * what is not text (binary, UTF-16, Latin-1) with the messages `extract`
 * gives.
 */

/* How much of a file of unknown type is read to tell a report from RDF. */
#define KG_SNIFF_BYTES 4096

/* The reports' row: "-", --as report, and text by content. */
static const struct kg_format *
report_format(void)
{
  return kg_format_find("markdown", KG_FMT_LOAD);
}

const struct kg_format *
kg_store_load_as(const char *name)
{
  const struct kg_format *f;

  if(!strcmp(name, "report"))
    return report_format();
  /* the RDF syntaxes load takes, by their names in the table */
  f = kg_format_find(name, KG_FMT_LOAD);
  return f && !kg_load_is_report(f) ? f : NULL;
}

static int
unsupported(const char *path, const char *ext)
{
  kg_error("'%s': unsupported file type '%s' (load takes reports .md, "
           ".markdown, .txt, Turtle .ttl or N-Triples .nt; --as forces one)",
           path, ext);
  return KG_EXIT_DATA;
}

static int
is_blank(int c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The offset of the first byte of @s[0..n) that is neither a byte-order
 * mark, a blank nor in a '#' comment line. */
static size_t
skip_comments(const char *s, size_t n)
{
  size_t i = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;

  for(;;) {
    while(i < n && is_blank((unsigned char)s[i]))
      i++;
    if(i >= n || s[i] != '#')
      return i;
    while(i < n && s[i] != '\n')
      i++;
  }
}

/* 1 if @s[0..n) begins with keyword @kw (any case when @nocase), then a
 * blank. */
static int
keyword(const char *s, size_t n, const char *kw, int nocase)
{
  size_t k = strlen(kw);

  if(n <= k || !is_blank((unsigned char)s[k]))
    return 0;
  return nocase ? !strncasecmp(s, kw, k) : !strncmp(s, kw, k);
}

/* The length of the IRI reference "<...>" at @s, or 0. */
static size_t
iriref(const char *s, size_t n)
{
  size_t i;

  if(!n || s[0] != '<')
    return 0;
  for(i = 1; i < n && s[i] != '>'; i++)
    if((unsigned char)s[i] <= 0x20 || strchr("<\"{}|^`\\", s[i]))
      return 0;
  return i < n && i > 1 ? i + 1 : 0;
}

/* The length of the term at @s if it can be a subject without prefixes
 * ("<iri>" or "_:label"), or 0. */
static size_t
subject(const char *s, size_t n)
{
  size_t i;

  if(n > 2 && s[0] == '_' && s[1] == ':') {
    for(i = 2; i < n && !is_blank((unsigned char)s[i]); i++)
      ;
    return i;
  }
  return iriref(s, n);
}

/* 1 if @s[0..n) begins like a triple: a subject, blanks, then an IRI
 * predicate (or Turtle's 'a' when @turtle). */
static int
triple_start(const char *s, size_t n, int turtle)
{
  size_t k = subject(s, n);

  if(!k || k >= n || (s[k] != ' ' && s[k] != '\t'))
    return 0;
  while(k < n && (s[k] == ' ' || s[k] == '\t'))
    k++;
  if(iriref(s + k, n - k))
    return 1;
  return turtle && n - k > 1 && s[k] == 'a' && is_blank((unsigned char)s[k + 1]);
}

/* 1 if @s[0..n) begins with Turtle's or SPARQL's prefix or base line. */
static int
directive(const char *s, size_t n)
{
  size_t k;

  if(keyword(s, n, "@prefix", 0) || keyword(s, n, "@base", 0))
    return 1;
  if(keyword(s, n, "BASE", 1)) {
    for(k = 4; k < n && is_blank((unsigned char)s[k]); k++)
      ;
    return iriref(s + k, n - k) > 0;
  }
  if(!keyword(s, n, "PREFIX", 1))
    return 0;
  for(k = 6; k < n && is_blank((unsigned char)s[k]); k++)
    ;
  while(k < n && (isalnum((unsigned char)s[k]) || strchr("_-.", s[k])))
    k++;
  if(k >= n || s[k++] != ':')
    return 0;
  while(k < n && is_blank((unsigned char)s[k]))
    k++;
  return iriref(s + k, n - k) > 0;
}

/* 1 if every whole line of @s[0..n) is blank, a comment or one triple
 * that ends with '.' (N-Triples); the last line is whole only when @eof. */
static int
all_ntriples(const char *s, size_t n, int eof)
{
  size_t i = 0;

  while(i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t end = nl ? (size_t)(nl - s) : n, e = end, b = i;

    if(!nl && !eof)
      break;
    while(b < e && is_blank((unsigned char)s[b]))
      b++;
    while(e > b && is_blank((unsigned char)s[e - 1]))
      e--;
    if(b < e && s[b] != '#' &&
       (s[e - 1] != '.' || !triple_start(s + b, e - b, 0)))
      return 0;
    i = end + 1;
  }
  return 1;
}

/* The RDF format of the text @s[0..n) (the start of a file; @eof: all of
 * it), or NULL when it does not look like Turtle or N-Triples. */
static const struct kg_format *
sniff_rdf(const char *s, size_t n, int eof)
{
  size_t i = skip_comments(s, n);

  if(i < n && directive(s + i, n - i))
    return kg_format_find("turtle", KG_FMT_LOAD);
  if(i >= n || !triple_start(s + i, n - i, 1))
    return NULL;
  return kg_format_find(all_ntriples(s, n, eof) ? "ntriples" : "turtle",
                        KG_FMT_LOAD);
}

/* 1 if @s[0..n) holds a NUL byte and is not UTF-16. */
static int
binary(const char *s, size_t n)
{
  return memchr(s, '\0', n) && !kg_text_looks_utf16(s, n);
}

/* *fmt for @path by its first bytes.  A binary file is a report (whose
 * reader refuses it), or skipped (*fmt NULL) when @listed (found in a
 * directory).  An exit status (reported). */
static int
by_content(const char *path, int listed, const struct kg_format **fmt)
{
  char buf[KG_SNIFF_BYTES];
  size_t n;
  int code = kg_input_peek(path, KG_INPUT_RDF, buf, sizeof buf, &n);

  if(code)
    return code;
  if(listed && binary(buf, n)) {
    kg_info("skipped '%s': binary file", path);
    return KG_EXIT_OK;
  }
  *fmt = sniff_rdf(buf, n, n < sizeof buf);
  if(!*fmt)
    *fmt = report_format();
  kg_info("'%s': read as %s (by its content)", path,
          kg_load_is_report(*fmt) ? "a report" : (*fmt)->label);
  return KG_EXIT_OK;
}

/* How `load` reads @path: @as when given, else by its extension, else by
 * its content (see kg_store_inputs_add).  Sets *fmt (SHARED), or NULL
 * when a @listed file (one found in a directory) is skipped (said with
 * kg_info).  An exit status (reported). */
static int
decide(const char *path, const struct kg_format *as, int listed,
       const struct kg_format **fmt)
{
  const char *ext;

  *fmt = as;
  if(as)
    return KG_EXIT_OK;
  /* "-": a report on standard input (its graph: mnid:graph/stdin) */
  if(kg_input_is_stdin(path)) {
    *fmt = report_format();
    return KG_EXIT_OK;
  }
  *fmt = kg_load_format(path);
  if(!*fmt)
    *fmt = kg_format_of_path(path, KG_FMT_REPORT);      /* .txt */
  if(*fmt)
    return KG_EXIT_OK;
  ext = kg_format_ext(path);
  if(!ext || !kg_format_of_path(path, 0))
    return by_content(path, listed, fmt);
  if(!listed)
    return unsupported(path, ext);
  kg_info("skipped '%s': load does not take '%s' files", path, ext);
  return KG_EXIT_OK;
}

/* Appends @path to @in unless it is skipped.  An exit status. */
static int
add_file(struct kg_store_inputs *in, const char *path,
         const struct kg_format *as, int listed)
{
  const struct kg_format *f;
  struct kg_store_input *x;
  struct stat sb;
  int code = decide(path, as, listed, &f);

  if(code != KG_EXIT_OK || !f)
    return code;
  KG_GROW(in->v, in->cap, in->n + 1);
  x = &in->v[in->n++];
  x->path = kg_xstrdup(path);
  x->fmt = f;
  x->size = !kg_input_is_stdin(path) && !stat(path, &sb) ? sb.st_size : 0;
  in->bytes += x->size;
  return KG_EXIT_OK;
}

int
kg_store_inputs_add(struct kg_store_inputs *in, const char *arg,
                    const struct kg_format *as)
{
  struct kg_input_list l = KG_INPUT_LIST_INIT;
  size_t i, before = in->n;
  int code;

  if(!kg_input_is_dir(arg))
    return add_file(in, arg, as, 0);
  code = kg_input_list_dir(arg, &l);
  for(i = 0; code == KG_EXIT_OK && i < l.n; i++)
    code = add_file(in, l.v[i], as, 1);
  kg_input_list_release(&l);
  if(code == KG_EXIT_OK && in->n == before) {
    kg_error("'%s': no report or RDF file in this directory", arg);
    code = KG_EXIT_DATA;
  }
  return code;
}

void
kg_store_inputs_release(struct kg_store_inputs *in)
{
  size_t i;

  for(i = 0; i < in->n; i++)
    free(in->v[i].path);
  free(in->v);
  memset(in, 0, sizeof *in);
}

/* ------------------------------------------------------------ one load */

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
    kg_error("'%s': no file type decided", ld->path);   /* see decide() */
    return KG_EXIT_SYS;
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
  n = kg_batch_transfer_counted(st->w->world, st->model, ld->s, ld->graph,
                                ld->progress);
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

int
kg_store_load_input(struct kg_store *st, const struct kg_store_input *in,
                    struct kg_progress *pg, const char **graph_iri)
{
  struct kg_load ld;
  int code;

  if(graph_iri)
    *graph_iri = NULL;
  kg_load_init(&ld, in->path, in->fmt);
  ld.progress = pg;
  code = kg_load_name(st, &ld);
  if(code == KG_EXIT_OK)
    code = kg_load_open(st, &ld);
  if(code == KG_EXIT_OK)
    code = kg_load_fill(st, &ld);
  if(code == KG_EXIT_OK && graph_iri)
    *graph_iri = st->last_graph;
  kg_load_release(&ld);
  return code;
}

int
kg_store_load(struct kg_store *st, const char *path, const char **graph_iri)
{
  struct kg_store_input in;
  int code;

  if(graph_iri)
    *graph_iri = NULL;
  memset(&in, 0, sizeof in);
  in.path = (char *)path;       /* borrowed here: never freed */
  code = decide(path, NULL, 0, &in.fmt);
  if(code != KG_EXIT_OK)
    return code;
  return kg_store_load_input(st, &in, NULL, graph_iri);
}
