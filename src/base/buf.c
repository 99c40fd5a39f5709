/* buf.c - growable byte buffer and allocation helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"

static void
oom(void)
{
  /* straight to stderr: the diagnostics writer itself allocates */
  fputs("mednum-kg: out of memory\n", stderr);
  exit(KG_EXIT_SYS);
}

void *
kg_xmalloc(size_t n)
{
  void *p = malloc(n ? n : 1);

  if(!p)
    oom();
  return p;
}

void *
kg_xcalloc(size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size ? size : 1);

  if(!p)
    oom();
  return p;
}

void *
kg_xrealloc(void *p, size_t n)
{
  void *q = realloc(p, n ? n : 1);

  if(!q)
    oom();
  return q;
}

char *
kg_xstrdup(const char *s)
{
  return kg_xstrndup(s, strlen(s));
}

char *
kg_xstrndup(const char *s, size_t n)
{
  char *p = kg_xmalloc(n + 1);

  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void
kg_buf_grow_array(void **p, size_t *cap, size_t need, size_t size)
{
  size_t c = *cap;

  if(need <= c)
    return;
  if(c < 8)
    c = 8;
  while(c < need)
    c *= 2;
  *p = kg_xrealloc(*p, c * size);
  *cap = c;
}

void
kg_buf_init(struct kg_buf *b)
{
  b->cap = 64;
  b->s = kg_xmalloc(b->cap);
  b->s[0] = '\0';
  b->len = 0;
}

void
kg_buf_release(struct kg_buf *b)
{
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

void
kg_buf_reset(struct kg_buf *b)
{
  if(!b->s)
    kg_buf_init(b);
  b->len = 0;
  b->s[0] = '\0';
}

void
kg_buf_grow(struct kg_buf *b, size_t extra)
{
  size_t need;

  if(!b->s)
    kg_buf_init(b);
  need = b->len + extra + 1;
  if(need <= b->cap)
    return;
  while(b->cap < need)
    b->cap *= 2;
  b->s = kg_xrealloc(b->s, b->cap);
}

void
kg_buf_add(struct kg_buf *b, const void *data, size_t len)
{
  kg_buf_grow(b, len);
  memcpy(b->s + b->len, data, len);
  b->len += len;
  b->s[b->len] = '\0';
}

void
kg_buf_adds(struct kg_buf *b, const char *s)
{
  kg_buf_add(b, s, strlen(s));
}

void
kg_buf_addc(struct kg_buf *b, int c)
{
  kg_buf_grow(b, 1);
  b->s[b->len++] = (char)c;
  b->s[b->len] = '\0';
}

void
kg_buf_vaddf(struct kg_buf *b, const char *fmt, va_list ap)
{
  va_list cp;
  int n;

  kg_buf_grow(b, 64);
  va_copy(cp, ap);
  n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, cp);
  va_end(cp);
  if(n < 0)
    return;
  if((size_t)n >= b->cap - b->len) {
    kg_buf_grow(b, (size_t)n);
    vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  }
  b->len += (size_t)n;
}

void
kg_buf_addf(struct kg_buf *b, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  kg_buf_vaddf(b, fmt, ap);
  va_end(ap);
}

char *
kg_buf_detach(struct kg_buf *b)
{
  char *s;

  if(!b->s)
    kg_buf_init(b);
  s = b->s;
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

const char *
kg_buf_str(struct kg_buf *b)
{
  if(!b->s)
    kg_buf_init(b);
  return b->s;
}
