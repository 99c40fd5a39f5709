/* format_table.c - bindings as an aligned text table for terminals: a
 * header of ?names, then one line per row of N-Triples terms, columns
 * padded to their display width (utf8proc). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "sparql/result.h"

static size_t
text_width(const char *s, size_t len)
{
  size_t w = 0;
  utf8proc_ssize_t i = 0;

  while((size_t)i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)len - i, &cp);
    int cw;

    if(n <= 0) {
      w++;
      i++;
      continue;
    }
    cw = utf8proc_charwidth(cp);
    w += cw > 0 ? (size_t)cw : 0;
    i += n;
  }
  return w;
}

static void
pad(struct kg_buf *b, size_t n)
{
  while(n--)
    kg_buf_addc(b, ' ');
}

void
kg_format_table_write(struct kg_writer *fw, const struct kg_result *r,
                      struct kg_buf *o)
{
  size_t *w = kg_xcalloc((size_t)r->nvars + 1, sizeof(size_t));
  char **cells = kg_xcalloc(r->nrows * (size_t)r->nvars + 1, sizeof(char *));
  size_t *cw = kg_xcalloc(r->nrows * (size_t)r->nvars + 1, sizeof(size_t));
  size_t i;
  int k;
  struct kg_buf t = KG_BUF_INIT;

  for(k = 0; k < r->nvars; k++)
    w[k] = text_width(r->vars[k], strlen(r->vars[k])) + 1;
  for(i = 0; i < r->nrows; i++)
    for(k = 0; k < r->nvars; k++) {
      size_t c = i * (size_t)r->nvars + (size_t)k;

      kg_buf_reset(&t);
      if(r->cells[c])
        kg_format_nt(fw, &t, r->cells[c]);
      cells[c] = kg_xstrdup(t.s ? t.s : "");
      cw[c] = text_width(cells[c], strlen(cells[c]));
      if(cw[c] > w[k])
        w[k] = cw[c];
    }
  for(k = 0; k < r->nvars; k++) {
    kg_buf_addc(o, '?');
    kg_buf_adds(o, r->vars[k]);
    if(k + 1 < r->nvars) {
      pad(o, w[k] - text_width(r->vars[k], strlen(r->vars[k])) - 1);
      kg_buf_adds(o, "  ");
    }
  }
  kg_buf_addc(o, '\n');
  for(i = 0; i < r->nrows; i++) {
    for(k = 0; k < r->nvars; k++) {
      size_t c = i * (size_t)r->nvars + (size_t)k;

      kg_buf_adds(o, cells[c]);
      if(k + 1 < r->nvars) {
        pad(o, w[k] - cw[c]);
        kg_buf_adds(o, "  ");
      }
    }
    kg_buf_addc(o, '\n');
  }
  for(i = 0; i < r->nrows * (size_t)r->nvars; i++)
    free(cells[i]);
  free(cells);
  free(cw);
  free(w);
  kg_buf_release(&t);
}
