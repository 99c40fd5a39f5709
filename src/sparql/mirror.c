/* mirror.c - what rasqal 0.9.33 keeps private: VALUES rows and
 * sub-SELECT modifiers.
 *
 * Mirrors the private 0.9.33 layouts (src/rasqal_internal.h at tag
 * rasqal_0_9_33) as RASQAL-ALGEBRA.md section 2 describes.  Used only when
 * rasqal_version_decimal is 933 and the mirrored fields agree with the
 * public getters; otherwise the callers refuse the construct.
 */
#include <string.h>

#include "sparql/mirror.h"

struct m_projection {
  rasqal_query *query;
  raptor_sequence *variables;
  unsigned int wildcard:1;
  int distinct;
};

struct m_modifier {
  rasqal_query *query;
  raptor_sequence *order_conditions;
  raptor_sequence *group_conditions;
  raptor_sequence *having_conditions;
  int limit;
  int offset;
};

struct m_bindings {
  int usage;
  rasqal_query *query;
  raptor_sequence *variables;
  raptor_sequence *rows;
};

struct m_row {
  int usage;
  void *rowsource;
  int offset;
  int size;
  rasqal_literal **values;
};

struct m_gp {
  rasqal_query *query;
  rasqal_graph_pattern_operator op;
  raptor_sequence *triples;
  raptor_sequence *graph_patterns;
  int start_column;
  int end_column;
  rasqal_expression *filter_expression;
  int gp_index;
  rasqal_literal *origin;
  rasqal_variable *var;
  struct m_projection *projection;
  struct m_modifier *modifier;
  unsigned int silent:1;
  raptor_sequence *data_graphs;
  struct m_bindings *bindings;
};

static struct m_gp *
mirror(rasqal_query *q, rasqal_graph_pattern *gp)
{
  struct m_gp *m = (struct m_gp *)(void *)gp;

  if(rasqal_version_decimal != 933 || !gp || m->query != q ||
     m->op != rasqal_graph_pattern_get_operator(gp) ||
     m->gp_index != rasqal_graph_pattern_get_index(gp) ||
     m->filter_expression != rasqal_graph_pattern_get_filter_expression(gp))
    return NULL;
  return m;
}

int
kg_mirror_ok(rasqal_query *q, rasqal_graph_pattern *gp)
{
  if(rasqal_version_decimal != 933)
    return 0;
  return gp ? mirror(q, gp) != NULL : 1;
}

int
kg_mirror_subselect(rasqal_query *q, rasqal_graph_pattern *gp,
                    struct kg_mirror_subsel *out)
{
  struct m_gp *m = mirror(q, gp);

  memset(out, 0, sizeof(*out));
  out->limit = -1;
  out->offset = -1;
  if(!m || m->op != RASQAL_GRAPH_PATTERN_OPERATOR_SELECT || !m->projection)
    return -1;
  if(m->projection->query != q || (m->modifier && m->modifier->query != q))
    return -1;
  out->vars = m->projection->variables;
  out->wildcard = m->projection->wildcard;
  out->distinct = m->projection->distinct;
  if(m->modifier) {
    out->order = m->modifier->order_conditions;
    out->group = m->modifier->group_conditions;
    out->having = m->modifier->having_conditions;
    out->limit = m->modifier->limit;
    out->offset = m->modifier->offset;
  }
  if(m->bindings) {
    if(m->bindings->query != q)
      return -1;
    out->values_vars = m->bindings->variables;
    out->values_rows = m->bindings->rows;
  }
  return 0;
}

int
kg_mirror_values(rasqal_query *q, rasqal_graph_pattern *gp,
                 raptor_sequence **vars, raptor_sequence **rows)
{
  struct m_gp *m = mirror(q, gp);

  if(!m || m->op != RASQAL_GRAPH_PATTERN_OPERATOR_VALUES || !m->bindings ||
     m->bindings->query != q)
    return -1;
  *vars = m->bindings->variables;
  *rows = m->bindings->rows;
  return 0;
}

int
kg_mirror_row(rasqal_row *row, rasqal_literal ***values)
{
  struct m_row *r = (struct m_row *)(void *)row;

  *values = r->values;
  return r->size;
}
