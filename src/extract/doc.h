/* doc.h - a Markdown report as a flat list of text blocks (md4c).
 *
 * Each leaf block (heading, paragraph, list item, table cell) keeps its plain
 * text (inline markup removed, line breaks as spaces) and a map from plain
 * offsets back to byte offsets of the source, so that every mention found in
 * plain text can be located in the report (nif offsets, line numbers).
 * Plain C over md4c: no Redland.
 */
#ifndef KG_DOC_H
#define KG_DOC_H

#include <stddef.h>

enum kg_block_kind {
  KG_BLK_HEADING = 0,
  KG_BLK_PARA,
  KG_BLK_ITEM,      /* text of a list item (tight or loose) */
  KG_BLK_CELL,      /* table cell */
  KG_BLK_CODE
};

struct kg_seg {          /* plain[plain, plain+len) == src[src, src+len) */
  size_t plain;
  size_t src;
  size_t len;
};

struct kg_link {
  char *href;
  size_t start, end;     /* plain offsets of the link text */
};

struct kg_span {         /* emphasis or strong run, plain offsets */
  size_t start, end;
  int strong;
};

struct kg_block {
  enum kg_block_kind kind;
  int level;             /* heading level; list depth for items (1 = top) */
  int ordered;           /* item of an ordered list */
  int number;            /* its number ("2." is 2), 0 otherwise */
  int row, col;          /* table cell position (row 0 = header) */
  int table;             /* index of the table (cells), -1 otherwise */
  long parent;           /* enclosing item block, -1 if none */
  int line;              /* line of the block's first text, from 1 */
  char *text;            /* plain text, NUL-terminated */
  size_t len;
  struct kg_seg *segs;
  size_t nsegs, capsegs;
  struct kg_link *links;
  size_t nlinks, caplinks;
  struct kg_span *spans;
  size_t nspans, capspans;
};

struct kg_meta {         /* YAML-like front matter "key: value" */
  char *key;
  char *value;
  size_t src;            /* byte offset of the value in the source */
};

struct kg_doc {
  const char *src;       /* SHARED: the NFC text parsed */
  size_t srclen;
  struct kg_block *blocks;
  size_t nblocks, capblocks;
  struct kg_meta *meta;
  size_t nmeta, capmeta;
  size_t *lines;         /* byte offset of each line start */
  size_t nlines;
};

/* Parses @src (valid UTF-8, NFC; borrowed, must outlive @doc).  0 or -1. */
int kg_doc_parse(struct kg_doc *doc, const char *src, size_t len);
void kg_doc_release(struct kg_doc *doc);

/* Source byte offset of plain offset @off in @b (end offsets map to the
 * byte after the previous character). */
size_t kg_doc_src(const struct kg_block *b, size_t off);
/* Source byte offset just past plain offset @end - 1 (for span ends). */
size_t kg_doc_src_end(const struct kg_block *b, size_t end);
/* Line (from 1) and column (from 1, in code points) of a source offset. */
void kg_doc_linecol(const struct kg_doc *doc, size_t src, int *line, int *col);
/* Front-matter value for @key, or NULL. */
const struct kg_meta *kg_doc_meta(const struct kg_doc *doc, const char *key);

#endif
