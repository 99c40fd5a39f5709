/* rows.h - the row store of the evaluator: solutions as arrays of nodes,
 * one cell per query variable (NULL = unbound), in one block.
 *
 * Every operator reads rows and writes new ones; a row added is a copy
 * (each node gets its own reference), so an operator may pass borrowed
 * rows in.  Hash keys of rows are the N-Triples forms of their cells.
 */
#ifndef KG_SPARQL_ROWS_H
#define KG_SPARQL_ROWS_H

#include <stddef.h>
#include <redland.h>

struct kg_buf;

struct kg_rows {
  librdf_node **c;              /* n * w cells; owned */
  size_t n;
  size_t cap;
  int w;                        /* width: the number of variables */
};

void kg_rows_init(struct kg_rows *r, int w);
void kg_rows_release(struct kg_rows *r);
/* Initialises @r with one row where nothing is bound (the identity of
 * the join). */
void kg_rows_one(struct kg_rows *r, int w);
/* Appends a copy of @row (NULL: an empty row); returns the new row. */
librdf_node **kg_rows_add(struct kg_rows *r, librdf_node **row);
/* Appends a copy of every row of @src. */
void kg_rows_append(struct kg_rows *dst, struct kg_rows *src);
/* Replaces @dst by @src, which is left empty. */
void kg_rows_move(struct kg_rows *dst, struct kg_rows *src);
/* Sets cell @i of @row to a copy of @n (NULL: unbound). */
void kg_rows_set(librdf_node **row, int i, librdf_node *n);
/* 1 if rows @a and @b agree on every variable bound in both; *shared
 * (when not NULL) says whether any variable is bound in both. */
int kg_rows_compatible(librdf_node **a, librdf_node **b, int w,
                       int *shared);
/* Sets @b to the hash key of the cells @cols of @row. */
void kg_rows_key(struct kg_buf *b, librdf_node **row, const int *cols,
                 int ncols);

/* Row @i of @r (SHARED).  Inline: the joins call it in their loops. */
static inline librdf_node **
kg_rows_at(struct kg_rows *r, size_t i)
{
  return r->c + i * (size_t)r->w;
}

#endif
