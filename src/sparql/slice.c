/* slice.c - DISTINCT (REDUCED is DISTINCT), OFFSET and LIMIT, in that
 * order, over rows already sorted and projected. */
#include "base/buf.h"
#include "base/hash.h"
#include "sparql/eval.h"

void
kg_slice_apply(struct kg_plan_sel *s, struct kg_rows *rows, const int *cols,
               int ncols, struct kg_rows *out)
{
  struct kg_hash seen;
  struct kg_buf kb = KG_BUF_INIT;
  long skipped = 0;
  long taken = 0;
  size_t j;

  kg_hash_init(&seen);
  for(j = 0; j < rows->n; j++) {
    librdf_node **d = kg_rows_at(rows, j);

    if(s->distinct) {
      size_t v = 0;

      kg_rows_key(&kb, d, cols, ncols);
      if(kg_hash_put(&seen, kb.s ? kb.s : "", kb.len, &v))
        continue;
    }
    if(s->offset > 0 && skipped < s->offset) {
      skipped++;
      continue;
    }
    if(s->limit >= 0 && taken >= s->limit)
      break;
    kg_rows_add(out, d);
    taken++;
  }
  kg_hash_release(&seen);
  kg_buf_release(&kb);
}
