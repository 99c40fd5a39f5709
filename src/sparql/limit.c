/* limit.c - the limits of one query: time, rows of one table, memory.
 *
 * The operators call kg_limit_tick() in their loops (once per row read or
 * added); it compares the row count it is given at each call, and the
 * clock and the heap every KG_LIMIT_EVERY calls, so a check costs a
 * counter increment.  Memory is the malloc heap grown since the query
 * began (mallinfo2: blocks in use, arena and mmap), which leaves out the
 * store's pages: LMDB maps them, and the kernel may drop them.  Under
 * AddressSanitizer (make asan), whose allocator mallinfo2 does not see,
 * the sanitizer's own count of allocated bytes is read instead. */
#include <malloc.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "sparql/eval.h"
#include "sparql/sparql.h"

#define KG_LIMIT_EVERY 4096

#if defined(__GNUC__)
/* Defined only when the program is linked with a sanitizer runtime. */
extern size_t __sanitizer_get_current_allocated_bytes(void)
  __attribute__((weak));
#endif

static size_t
heap_in_use(void)
{
  struct mallinfo2 mi;

#if defined(__GNUC__)
  if(__sanitizer_get_current_allocated_bytes)
    return __sanitizer_get_current_allocated_bytes();
#endif
  mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

void
kg_limit_start(struct kg_limit *l, const struct kg_sparql_opts *opts)
{
  memset(l, 0, sizeof(*l));
  if(opts) {
    l->timeout = opts->timeout;
    l->max_rows = opts->max_rows;
    l->max_memory = opts->max_memory;
  }
  l->start = kg_clock_now();
  if(l->max_memory)
    l->heap_base = heap_in_use();
}

/* Which limit the query is over now (clock and heap), or KG_LIMIT_NONE. */
static enum kg_limit_hit
over_now(struct kg_limit *l)
{
  if(l->timeout > 0 && kg_clock_now() - l->start > l->timeout)
    return KG_LIMIT_TIME;
  if(l->max_memory) {
    size_t heap = heap_in_use();

    if(heap > l->heap_base && heap - l->heap_base > l->max_memory)
      return KG_LIMIT_MEMORY;
  }
  return KG_LIMIT_NONE;
}

enum kg_limit_hit
kg_limit_check(struct kg_limit *l, size_t rows)
{
  if(l->hit)
    return l->hit;
  if(l->max_rows && rows > l->max_rows)
    l->hit = KG_LIMIT_ROWS;
  else if(++l->ticks % KG_LIMIT_EVERY == 0)
    l->hit = over_now(l);
  return l->hit;
}

int
kg_limit_tick(struct kg_eval *ev, size_t rows)
{
  struct kg_limit *l = &ev->limit;

  if(ev->failed)
    return -1;
  switch(kg_limit_check(l, rows)) {
    case KG_LIMIT_NONE:
      return 0;
    case KG_LIMIT_TIME:
      kg_eval_refuse(ev, NULL, "the query ran out of time: it was stopped "
                     "after %g s (--timeout)", l->timeout);
      break;
    case KG_LIMIT_ROWS:
      kg_eval_refuse(ev, NULL, "the query needs more than %zu rows in one "
                     "table of solutions (--max-rows)", l->max_rows);
      break;
    case KG_LIMIT_MEMORY:
      kg_eval_refuse(ev, NULL, "the query needs more than %zu MB of memory "
                     "(--max-memory)", l->max_memory >> 20);
      break;
  }
  return -1;
}
