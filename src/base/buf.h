/* buf.h - growable byte buffer (git's strbuf idea) and allocation helpers.
 *
 * A struct kg_buf is always NUL-terminated once initialised.  Allocation
 * failure is fatal (message + exit 4): there is no useful recovery in a CLI.
 */
#ifndef KG_BUF_H
#define KG_BUF_H

#include <stddef.h>
#include <stdarg.h>

struct kg_buf {
  char *s;
  size_t len;
  size_t cap;
};

#define KG_BUF_INIT { NULL, 0, 0 }

void kg_buf_init(struct kg_buf *b);
void kg_buf_release(struct kg_buf *b);
void kg_buf_reset(struct kg_buf *b);
void kg_buf_grow(struct kg_buf *b, size_t extra);
void kg_buf_add(struct kg_buf *b, const void *data, size_t len);
void kg_buf_adds(struct kg_buf *b, const char *s);
void kg_buf_addc(struct kg_buf *b, int c);
void kg_buf_addf(struct kg_buf *b, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
void kg_buf_vaddf(struct kg_buf *b, const char *fmt, va_list ap);
/* Returns the string, now owned by the caller (free()); @b is reset. */
char *kg_buf_detach(struct kg_buf *b);
/* Returns SHARED b->s (never NULL). */
const char *kg_buf_str(struct kg_buf *b);

void *kg_xmalloc(size_t n);
void *kg_xcalloc(size_t n, size_t size);
void *kg_xrealloc(void *p, size_t n);
char *kg_xstrdup(const char *s);
char *kg_xstrndup(const char *s, size_t n);
/* Grows *p (of *cap elements of @size) to hold at least @need elements. */
void kg_buf_grow_array(void **p, size_t *cap, size_t need, size_t size);
#define KG_GROW(p, cap, need) \
  kg_buf_grow_array((void **)&(p), &(cap), (need), sizeof(*(p)))

#endif
