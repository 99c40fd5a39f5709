/* strfn.h - the SPARQL string functions, on Unicode code points. */
#ifndef KG_SPARQL_STRFN_H
#define KG_SPARQL_STRFN_H

#include "sparql/eval.h"

/* 1 if @op is one of the functions of kg_strfn_call. */
int kg_strfn_is_op(rasqal_op op);
/* STRLEN, SUBSTR, UCASE, LCASE, STRSTARTS, STRENDS, CONTAINS, STRBEFORE,
 * STRAFTER, ENCODE_FOR_URI, LANGMATCHES, MD5, SHA1, SHA224, SHA256,
 * SHA384, SHA512 on the @n values @a (borrowed), into @out: 0, or -1
 * (type error). */
int kg_strfn_call(rasqal_op op, const struct kg_value *a, int n,
                  struct kg_value *out);
/* CONCAT of the arguments of @e on @row (none: ""). */
int kg_strfn_concat(struct kg_eval *ev, rasqal_expression *e,
                    librdf_node **row, struct kg_value *out);

#endif
