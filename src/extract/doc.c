/* doc.c - Markdown report -> flat list of text blocks, with md4c.
 *
 * md4c gives text chunks that point into the input buffer, so every chunk of
 * plain text is mapped back to its source bytes.  Front matter between two
 * "---" lines at the very top is read as "key: value" pairs and hidden from
 * the Markdown parser.
 */
#include <stdlib.h>
#include <string.h>
#include <md4c.h>

#include "base/buf.h"
#include "extract/doc.h"
#include "base/text.h"

/* A byte of markup pad_copy() hid from the plain text ("++" of underline). */
#define KG_DOC_HIDDEN '\x01'

struct parse_state {
  struct kg_doc *doc;
  const char *base;       /* start of the buffer md4c parses */
  size_t base_off;        /* its offset in doc->src */
  long cur;               /* current block, -1 none */
  long item_stack[64];    /* first block of each open list item */
  int item_depth;
  int list_ordered[64];
  int list_next[64];      /* number of the next item of an ordered list */
  int list_depth;
  int table;              /* current table index, -1 none */
  int ntables;
  int row, col;
  struct kg_span open_spans[16];
  int nopen;
  struct kg_link open_link;
  int in_link;            /* depth: only the outermost link is kept */
  size_t link_src;
};

static struct kg_block *
new_block(struct parse_state *ps, enum kg_block_kind kind, int level)
{
  struct kg_doc *doc = ps->doc;
  struct kg_block *b;

  KG_GROW(doc->blocks, doc->capblocks, doc->nblocks + 1);
  b = &doc->blocks[doc->nblocks];
  memset(b, 0, sizeof(*b));
  b->kind = kind;
  b->level = level;
  b->table = -1;
  /* items nested deeper than 64 hang from the 64th */
  b->parent = ps->item_depth > 0
    ? ps->item_stack[(ps->item_depth > 64 ? 64 : ps->item_depth) - 1] : -1;
  b->text = kg_xstrdup("");
  ps->cur = (long)doc->nblocks++;
  return b;
}

static struct kg_block *
cur_block(struct parse_state *ps)
{
  if(ps->cur < 0) {
    /* text after a nested list inside an item, etc.: continue as an item */
    new_block(ps, ps->item_depth ? KG_BLK_ITEM : KG_BLK_PARA, ps->list_depth);
  }
  return &ps->doc->blocks[ps->cur];
}

static void block_add_run(struct kg_block *b, const char *text, size_t n,
                          long src);

/* Adds text to @b, leaving out the bytes pad_copy() marked (KG_DOC_HIDDEN):
 * the plain text skips them and the segments map around them. */
static void
block_add(struct kg_block *b, const char *text, size_t n, long src)
{
  size_t i = 0;

  while(i < n) {
    size_t j = i;

    while(j < n && text[j] != KG_DOC_HIDDEN)
      j++;
    if(j > i)
      block_add_run(b, text + i, j - i, src >= 0 ? src + (long)i : -1);
    while(j < n && text[j] == KG_DOC_HIDDEN)
      j++;
    i = j;
  }
}

static void
block_add_run(struct kg_block *b, const char *text, size_t n, long src)
{
  size_t at = b->len;

  b->text = kg_xrealloc(b->text, b->len + n + 1);
  memcpy(b->text + b->len, text, n);
  b->len += n;
  b->text[b->len] = '\0';
  if(src >= 0 && n) {
    struct kg_seg *last = b->nsegs ? &b->segs[b->nsegs - 1] : NULL;

    if(last && last->plain + last->len == at &&
       last->src + last->len == (size_t)src) {
      last->len += n;
    } else {
      KG_GROW(b->segs, b->capsegs, b->nsegs + 1);
      b->segs[b->nsegs].plain = at;
      b->segs[b->nsegs].src = (size_t)src;
      b->segs[b->nsegs].len = n;
      b->nsegs++;
    }
  }
}

static int
on_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
  struct parse_state *ps = ud;

  switch(type) {
    case MD_BLOCK_H:
      new_block(ps, KG_BLK_HEADING, (int)((MD_BLOCK_H_DETAIL *)detail)->level);
      break;
    case MD_BLOCK_P:
      if(ps->cur >= 0 && ps->doc->blocks[ps->cur].kind == KG_BLK_ITEM &&
         ps->doc->blocks[ps->cur].len == 0)
        break;  /* first paragraph of a loose item: the item's own text */
      new_block(ps, ps->item_depth ? KG_BLK_ITEM : KG_BLK_PARA,
                ps->list_depth);
      break;
    case MD_BLOCK_CODE:
      new_block(ps, KG_BLK_CODE, 0);
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if(ps->list_depth < 63) {
        ps->list_ordered[ps->list_depth] = type == MD_BLOCK_OL;
        ps->list_next[ps->list_depth] =
          type == MD_BLOCK_OL ? (int)((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
      }
      ps->list_depth++;
      ps->cur = -1;
      break;
    case MD_BLOCK_LI: {
      struct kg_block *b = new_block(ps, KG_BLK_ITEM, ps->list_depth);

      b->ordered = ps->list_depth > 0 && ps->list_depth <= 64 &&
                   ps->list_ordered[ps->list_depth - 1];
      if(b->ordered && ps->list_next[ps->list_depth - 1] < 100000)
        b->number = ps->list_next[ps->list_depth - 1]++;
      if(ps->item_depth < 64)
        ps->item_stack[ps->item_depth] = ps->cur;
      ps->item_depth++;
      break;
    }
    case MD_BLOCK_TABLE:
      ps->table = ps->ntables++;
      ps->row = -1;
      break;
    case MD_BLOCK_TR:
      ps->row++;
      ps->col = -1;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD: {
      struct kg_block *b;

      ps->col++;
      b = new_block(ps, KG_BLK_CELL, 0);
      b->table = ps->table;
      b->row = ps->row;
      b->col = ps->col;
      break;
    }
    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR:
    case MD_BLOCK_HTML:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    default:
      break;
  }
  return 0;
}

static int
on_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
  struct parse_state *ps = ud;

  (void)detail;
  switch(type) {
    case MD_BLOCK_LI:
      if(ps->item_depth > 0)
        ps->item_depth--;
      ps->cur = -1;
      break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if(ps->list_depth > 0)
        ps->list_depth--;
      ps->cur = -1;
      break;
    case MD_BLOCK_TABLE:
      ps->table = -1;
      ps->cur = -1;
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_CODE:
    case MD_BLOCK_TD:
    case MD_BLOCK_TH:
      ps->cur = -1;
      break;
    default:
      break;
  }
  return 0;
}

static int
on_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
  struct parse_state *ps = ud;
  struct kg_block *b = cur_block(ps);

  if(type == MD_SPAN_EM || type == MD_SPAN_STRONG) {
    if(ps->nopen < 16) {
      ps->open_spans[ps->nopen].start = b->len;
      ps->open_spans[ps->nopen].strong = type == MD_SPAN_STRONG;
    }
    ps->nopen++;
  } else if(type == MD_SPAN_A) {
    MD_SPAN_A_DETAIL *a = detail;

    if(ps->in_link++ == 0) {
      ps->open_link.href = kg_xstrndup(a->href.text, a->href.size);
      ps->open_link.start = b->len;
    }
  }
  return 0;
}

static int
on_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
  struct parse_state *ps = ud;
  struct kg_block *b = cur_block(ps);

  (void)detail;
  if(type == MD_SPAN_EM || type == MD_SPAN_STRONG) {
    ps->nopen--;
    if(ps->nopen < 16 && ps->nopen >= 0) {
      struct kg_span sp = ps->open_spans[ps->nopen];

      sp.end = b->len;
      KG_GROW(b->spans, b->capspans, b->nspans + 1);
      b->spans[b->nspans++] = sp;
    }
  } else if(type == MD_SPAN_A && ps->in_link && --ps->in_link == 0) {
    ps->open_link.end = b->len;
    KG_GROW(b->links, b->caplinks, b->nlinks + 1);
    b->links[b->nlinks++] = ps->open_link;
    memset(&ps->open_link, 0, sizeof(ps->open_link));
  }
  return 0;
}

static int
on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
  struct parse_state *ps = ud;
  struct kg_block *b;
  long src = -1;

  if(type == MD_TEXT_HTML)
    return 0;
  b = cur_block(ps);
  if(b->len == 0)
    b->line = 0;
  if(text >= ps->base && text + size <= ps->base + (ps->doc->srclen - ps->base_off))
    src = (long)(ps->base_off + (size_t)(text - ps->base));
  switch(type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR:
      block_add(b, "\n", 1, -1);
      break;
    case MD_TEXT_NULLCHAR:
      break;
    case MD_TEXT_ENTITY: {
      /* the few entities reports use; others stay as written */
      static const struct { const char *e, *u; } ents[] = {
        { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
        { "&quot;", "\"" }, { "&nbsp;", " " }, { "&#39;", "'" },
        { NULL, NULL }
      };
      int i;

      for(i = 0; ents[i].e; i++)
        if(strlen(ents[i].e) == size && !memcmp(ents[i].e, text, size)) {
          block_add(b, ents[i].u, strlen(ents[i].u), -1);
          return 0;
        }
      block_add(b, text, size, src);
      break;
    }
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    case MD_TEXT_HTML:
    default:
      block_add(b, text, size, src);
      break;
  }
  return 0;
}

static void
index_lines(struct kg_doc *doc)
{
  size_t i, cap = 0;

  KG_GROW(doc->lines, cap, 1);
  doc->lines[doc->nlines++] = 0;
  for(i = 0; i < doc->srclen; i++)
    if(doc->src[i] == '\n') {
      KG_GROW(doc->lines, cap, doc->nlines + 1);
      doc->lines[doc->nlines++] = i + 1;
    }
}

static const char *
find_str(const char *h, size_t n, const char *needle)
{
  size_t l = strlen(needle), i;

  for(i = 0; i + l <= n; i++)
    if(!memcmp(h + i, needle, l))
      return h + i;
  return NULL;
}

/* Offset of the first line after leading blank lines and HTML comments
 * (a page's header comment before its front matter). */
static size_t
lead_comments(const char *s, size_t len)
{
  size_t i = 0, at = 0;

  for(;;) {
    while(i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                      s[i] == '\n'))
      if(s[i++] == '\n')
        at = i;
    if(len - i >= 4 && !memcmp(s + i, "<!--", 4)) {
      const char *c = find_str(s + i + 4, len - i - 4, "-->");

      if(!c)
        return at;
      i = (size_t)(c - s) + 3;
      at = i;
      continue;
    }
    return at;
  }
}

/* Blanks s[a..b) with spaces, keeping line ends (lines stay lines). */
static void
blank(char *s, size_t a, size_t b)
{
  for(; a < b; a++)
    if(s[a] != '\n' && s[a] != '\r')
      s[a] = ' ';
}

/* A line-start HTML comment that ends a line, from @i: its end, or 0. */
static size_t
comment_at(const char *s, size_t len, size_t i)
{
  const char *c;
  size_t e;

  if(len - i < 4 || memcmp(s + i, "<!--", 4))
    return 0;
  c = find_str(s + i + 4, len - i - 4, "-->");
  if(!c)
    return 0;
  for(e = (size_t)(c - s) + 3; e < len && (s[e] == ' ' || s[e] == '\t'); e++)
    ;
  return e >= len || s[e] == '\n' || s[e] == '\r' ? e : 0;
}

/* Underline "++word++" of pads on line s[a..b): its marks become hidden. */
static void
hide_underline(char *s, size_t a, size_t b)
{
  size_t i, j;

  for(i = a; i + 4 < b; i++) {
    if(s[i] != '+' || s[i + 1] != '+' || s[i + 2] == ' ' || s[i + 2] == '+' ||
       (i > a && s[i - 1] == '+'))
      continue;
    for(j = i + 3; j + 1 < b; j++)
      if(s[j] == '+' && s[j + 1] == '+' && s[j - 1] != ' ' &&
         (j + 2 >= b || s[j + 2] != '+'))
        break;
    if(j + 1 >= b)
      return;
    s[i] = s[i + 1] = s[j] = s[j + 1] = KG_DOC_HIDDEN;
    i = j + 1;
  }
}

/* The text md4c parses: @src with the markup of pads and pages that is no
 * text blanked, byte for byte (offsets stay those of @src): HTML comments
 * that start a line (md4c 0.4 reads a comment over several lines as
 * text), the fences of ":::info" containers, the marks of "++underline++".
 * Returns new (free()). */
static char *
pad_copy(const char *src, size_t len)
{
  char *s = kg_xmalloc(len + 1);
  size_t i = 0;

  memcpy(s, src, len);
  s[len] = '\0';
  while(i < len) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t le = nl ? (size_t)(nl - s) : len, k = i, c;

    while(k < le && (s[k] == ' ' || s[k] == '\t'))
      k++;
    if((c = comment_at(s, len, k)) != 0) {
      blank(s, k, c);
      i = c;
      continue;
    }
    if(le - k >= 3 && !memcmp(s + k, ":::", 3))
      blank(s, k, le);
    else
      hide_underline(s, k, le);
    i = le + 1;
  }
  return s;
}

/* "---\nkey: value\n...\n---\n" at the very top. Returns bytes consumed. */
static size_t
front_matter(struct kg_doc *doc)
{
  const char *s = doc->src, *end = doc->src + doc->srclen, *p, *close;

  s += lead_comments(doc->src, doc->srclen);
  if(end - s < 4 || strncmp(s, "---", 3) || (s[3] != '\n' && s[3] != '\r'))
    return 0;
  p = (const char *)memchr(s, '\n', (size_t)(end - s)) + 1;
  close = NULL;
  while(p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *le = eol ? eol : end;

    if(le - p >= 3 && !strncmp(p, "---", 3)) {
      close = eol ? eol + 1 : end;
      break;
    }
    {
      const char *colon = memchr(p, ':', (size_t)(le - p));

      if(colon && colon > p && p[0] != ' ' && p[0] != '#') {
        const char *v = colon + 1;
        size_t vl;
        struct kg_meta *m;

        while(v < le && (*v == ' ' || *v == '\t'))
          v++;
        vl = (size_t)(le - v);
        while(vl && (v[vl - 1] == '\r' || v[vl - 1] == ' '))
          vl--;
        if(vl >= 2 && (v[0] == '"' || v[0] == '\'') && v[vl - 1] == v[0]) {
          v++;
          vl -= 2;
        }
        KG_GROW(doc->meta, doc->capmeta, doc->nmeta + 1);
        m = &doc->meta[doc->nmeta++];
        m->key = kg_xstrndup(p, (size_t)(colon - p));
        m->value = kg_xstrndup(v, vl);
        m->src = (size_t)(v - doc->src);
      }
    }
    if(!eol)
      break;
    p = eol + 1;
  }
  if(!close) {
    size_t i;

    for(i = 0; i < doc->nmeta; i++) {
      free(doc->meta[i].key);
      free(doc->meta[i].value);
    }
    doc->nmeta = 0;
    return 0;
  }
  return (size_t)(close - doc->src);
}

int
kg_doc_parse(struct kg_doc *doc, const char *src, size_t len)
{
  MD_PARSER parser;
  struct parse_state ps;
  size_t skip, i;
  char *copy;
  int rc;

  memset(doc, 0, sizeof(*doc));
  doc->src = src;
  doc->srclen = len;
  index_lines(doc);
  skip = front_matter(doc);
  memset(&parser, 0, sizeof(parser));
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_PERMISSIVEURLAUTOLINKS |
                 MD_FLAG_NOHTMLBLOCKS | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  memset(&ps, 0, sizeof(ps));
  ps.doc = doc;
  copy = pad_copy(src, len);
  ps.base = copy + skip;
  ps.base_off = skip;
  ps.cur = -1;
  ps.table = -1;
  rc = md_parse(copy + skip, (MD_SIZE)(len - skip), &parser, &ps);
  free(copy);
  free(ps.open_link.href);
  /* line of each block: from its first mapped byte */
  for(i = 0; i < doc->nblocks; i++) {
    struct kg_block *b = &doc->blocks[i];
    int col;

    if(b->nsegs)
      kg_doc_linecol(doc, b->segs[0].src, &b->line, &col);
    else if(i > 0)
      b->line = doc->blocks[i - 1].line;
    else
      b->line = 1;
  }
  return rc ? -1 : 0;
}

void
kg_doc_release(struct kg_doc *doc)
{
  size_t i, j;

  for(i = 0; i < doc->nblocks; i++) {
    struct kg_block *b = &doc->blocks[i];

    for(j = 0; j < b->nlinks; j++)
      free(b->links[j].href);
    free(b->links);
    free(b->segs);
    free(b->spans);
    free(b->text);
  }
  for(i = 0; i < doc->nmeta; i++) {
    free(doc->meta[i].key);
    free(doc->meta[i].value);
  }
  free(doc->meta);
  free(doc->blocks);
  free(doc->lines);
  memset(doc, 0, sizeof(*doc));
}

size_t
kg_doc_src(const struct kg_block *b, size_t off)
{
  size_t i;
  const struct kg_seg *best = NULL;

  for(i = 0; i < b->nsegs; i++) {
    const struct kg_seg *s = &b->segs[i];

    if(off >= s->plain && off < s->plain + s->len)
      return s->src + (off - s->plain);
    if(s->plain + s->len <= off)
      best = s;
  }
  if(best)
    return best->src + best->len;
  return b->nsegs ? b->segs[0].src : 0;
}

size_t
kg_doc_src_end(const struct kg_block *b, size_t end)
{
  if(end == 0)
    return kg_doc_src(b, 0);
  return kg_doc_src(b, end - 1) + 1;
}

void
kg_doc_linecol(const struct kg_doc *doc, size_t src, int *line, int *col)
{
  size_t lo = 0, hi = doc->nlines;

  while(hi - lo > 1) {
    size_t mid = (lo + hi) / 2;

    if(doc->lines[mid] <= src)
      lo = mid;
    else
      hi = mid;
  }
  *line = (int)lo + 1;
  *col = (int)kg_text_cp_count(doc->src + doc->lines[lo],
                               src - doc->lines[lo]) + 1;
}

const struct kg_meta *
kg_doc_meta(const struct kg_doc *doc, const char *key)
{
  size_t i;

  for(i = 0; i < doc->nmeta; i++)
    if(!strcmp(doc->meta[i].key, key))
      return &doc->meta[i];
  return NULL;
}
