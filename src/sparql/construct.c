/* construct.c - graph results: the CONSTRUCT template instantiated by
 * each solution (template blank nodes fresh per solution, triples that
 * are not RDF dropped, duplicates removed), and DESCRIBE (the outgoing
 * triples of each resource, recursively through blank-node objects: a
 * concise bounded description without reification). */
#include <stdint.h>
#include <string.h>

#include "base/hash.h"
#include "sparql/eval.h"
#include "sparql/nodeset.h"
#include "sparql/result.h"
#include "sparql/term.h"

/* Stable small number for a template blank node label. */
static int
blank_key(rasqal_query *q, rasqal_literal *l)
{
  int i;
  int k;
  rasqal_triple *t;

  for(i = 0; (t = rasqal_query_get_construct_triple(q, i)); i++) {
    rasqal_literal *parts[3];

    parts[0] = t->subject;
    parts[1] = t->predicate;
    parts[2] = t->object;
    for(k = 0; k < 3; k++)
      if(parts[k]->type == RASQAL_LITERAL_BLANK &&
         !strcmp((const char *)parts[k]->string, (const char *)l->string))
        return i * 3 + k;
  }
  return 0;
}

void
kg_construct_graph(struct kg_eval *ev, rasqal_query *q, struct kg_rows *rows,
                   struct kg_result *r)
{
  struct kg_hash seen;
  size_t j;
  int i;
  rasqal_triple *t;

  kg_hash_init(&seen);
  for(j = 0; j < rows->n; j++) {
    librdf_node **row = kg_rows_at(rows, j);
    librdf_node *fresh[64];
    int nfresh = 0;

    for(i = 0; (t = rasqal_query_get_construct_triple(q, i)); i++) {
      rasqal_literal *parts[3];
      librdf_node *n[3];
      int k;
      int ok = 1;

      parts[0] = t->subject;
      parts[1] = t->predicate;
      parts[2] = t->object;
      for(k = 0; k < 3; k++) {
        rasqal_variable *v = rasqal_literal_as_variable(parts[k]);

        n[k] = NULL;
        if((v && v->type == RASQAL_VARIABLE_TYPE_ANONYMOUS &&
            !row[kg_eval_var_index(v)]) ||
           (!v && parts[k]->type == RASQAL_LITERAL_BLANK)) {
          /* template blank node: fresh per solution; keyed by variable
           * index, or by -(1 + position) of a blank literal's label */
          int vi = v ? kg_eval_var_index(v) : -1 - blank_key(q, parts[k]);
          int f;

          for(f = 0; f < nfresh; f += 2)
            if((intptr_t)fresh[f] == vi)
              break;
          if(f >= nfresh && nfresh < 62) {
            fresh[nfresh++] = (librdf_node *)(intptr_t)vi;
            fresh[nfresh++] = librdf_new_node_from_blank_identifier(ev->world,
                                                                    NULL);
          }
          n[k] = f < nfresh ? librdf_new_node_from_node(fresh[f + 1]) : NULL;
        } else if(v) {
          int vi = kg_eval_var_index(v);

          n[k] = vi >= 0 && row[vi] ? librdf_new_node_from_node(row[vi]) : NULL;
        } else {
          n[k] = kg_term_from_literal(ev->world, parts[k]);
        }
        if(!n[k])
          ok = 0;
      }
      if(ok && (librdf_node_is_literal(n[0]) || !librdf_node_is_resource(n[1])))
        ok = 0;
      if(ok)
        kg_result_add_triple(r, ev->world, &seen, n[0], n[1], n[2]);
      for(k = 0; k < 3; k++)
        if(n[k])
          librdf_free_node(n[k]);
    }
    for(i = 1; i < nfresh; i += 2)
      librdf_free_node(fresh[i]);
  }
  kg_hash_release(&seen);
}

static int
describe_node(struct kg_eval *ev, librdf_node *n, struct kg_result *r,
              struct kg_hash *seen, struct kg_nodeset *done)
{
  struct kg_matches ms;
  size_t i;
  int rc;

  if(!kg_nodeset_add(done, n))
    return 0;
  memset(&ms, 0, sizeof(ms));
  rc = kg_match_find(ev, n, NULL, NULL, NULL, &ms);
  for(i = 0; !rc && i < ms.n; i++) {
    kg_result_add_triple(r, ev->world, seen, ms.m[i].n[0], ms.m[i].n[1],
                         ms.m[i].n[2]);
    if(librdf_node_is_blank(ms.m[i].n[2]))
      rc = describe_node(ev, ms.m[i].n[2], r, seen, done);
  }
  kg_match_release(&ms);
  return rc;
}

int
kg_construct_describe(struct kg_eval *ev, rasqal_query *q,
                      struct kg_rows *rows, struct kg_result *r)
{
  raptor_sequence *ds = rasqal_query_get_describe_sequence(q);
  struct kg_hash seen;
  struct kg_nodeset done;
  struct kg_nodeset targets;
  int i;
  size_t j;
  int rc = 0;

  kg_hash_init(&seen);
  kg_nodeset_init(&done);
  kg_nodeset_init(&targets);
  for(i = 0; ds && i < raptor_sequence_size(ds); i++) {
    rasqal_literal *l = raptor_sequence_get_at(ds, i);
    rasqal_variable *v = rasqal_literal_as_variable(l);

    if(v) {
      int vi = kg_eval_var_index(v);

      for(j = 0; rows && j < rows->n; j++)
        if(kg_rows_at(rows, j)[vi])
          kg_nodeset_add(&targets, kg_rows_at(rows, j)[vi]);
    } else {
      librdf_node *n = kg_term_from_literal(ev->world, l);

      if(n) {
        kg_nodeset_add(&targets, n);
        librdf_free_node(n);
      }
    }
  }
  if(!ds || raptor_sequence_size(ds) == 0) {
    /* DESCRIBE * */
    for(j = 0; rows && j < rows->n; j++) {
      int k;

      for(k = 0; k < ev->nvars; k++)
        if(kg_rows_at(rows, j)[k] && !kg_eval_var_hidden(ev->names[k]))
          kg_nodeset_add(&targets, kg_rows_at(rows, j)[k]);
    }
  }
  for(j = 0; !rc && j < targets.n; j++)
    if(!librdf_node_is_literal(targets.v[j]))
      rc = describe_node(ev, targets.v[j], r, &seen, &done);
  kg_nodeset_release(&targets);
  kg_nodeset_release(&done);
  kg_hash_release(&seen);
  return rc;
}
