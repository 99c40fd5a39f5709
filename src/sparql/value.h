/* value.h - the typed values of SPARQL expressions, ours, not rasqal's.
 *
 * A value is an RDF term classified by its datatype, with its lexical
 * form kept as written (STR of a term from the data is what the data
 * says) and, for the types the SPARQL operator mapping knows, its value:
 *   xsd:string and simple literals are one kind (RDF 1.1), rdf:langString
 *   another; xsd:boolean; xsd:integer and the types derived from it,
 *   unbounded (GMP integers: no overflow, the result stays xsd:integer);
 *   xsd:decimal exact (a GMP integer and a decimal scale, never binary
 *   floating point; a division keeps 18 fractional digits at least,
 *   truncated); xsd:double and xsd:float IEEE; xsd:dateTime and xsd:date;
 *   every other typed literal, and an ill-typed one ("x"^^xsd:integer), is
 *   opaque (KG_VALUE_OTHER): only sameTerm-style equality applies.
 * Computed numbers get the XSD 1.1 canonical form: "3" (integer or
 * decimal), "2.5",
 * "1.0E100", "-1.25E1", "INF", "-INF", "NaN".
 *   value.c     terms <-> values, equality and order, EBV, casts
 *   numeric.c   number parsing, canonical forms, arithmetic, rounding
 *   datetime.c  xsd:dateTime / xsd:date parsing, order and accessors
 * Functions return 0, or -1 for a SPARQL error (type error): the caller
 * treats -1 as "unbound".
 */
#ifndef KG_SPARQL_VALUE_H
#define KG_SPARQL_VALUE_H

#include <stddef.h>
#include <gmp.h>
#include <redland.h>

#define KG_XSD "http://www.w3.org/2001/XMLSchema#"
#define KG_RDF_LANGSTRING \
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

enum kg_value_kind {
  KG_VALUE_NONE = 0,    /* no value (error, unbound) */
  KG_VALUE_IRI,
  KG_VALUE_BLANK,
  KG_VALUE_STRING,      /* simple literal = xsd:string */
  KG_VALUE_LANG,        /* rdf:langString */
  KG_VALUE_BOOLEAN,
  KG_VALUE_INTEGER,     /* xsd:integer and derived types */
  KG_VALUE_DECIMAL,
  KG_VALUE_FLOAT,
  KG_VALUE_DOUBLE,
  KG_VALUE_DATETIME,
  KG_VALUE_DATE,
  KG_VALUE_OTHER        /* other or ill-typed literal: opaque */
};

/* A parsed xsd:dateTime or xsd:date. */
struct kg_datetime {
  long year;
  int month, day, hour, minute, sec;
  char frac[24];        /* fractional second digits, no trailing zero */
  int has_tz;
  int tz;               /* offset in minutes */
};

struct kg_value {
  enum kg_value_kind kind;
  char *lex;            /* owned, NUL-terminated: IRI, blank id, lexical */
  size_t len;
  char *dt;             /* owned: datatype IRI of a typed literal other
                           than xsd:string, or NULL */
  char *lang;           /* owned: LANG only */
  int b;                /* BOOLEAN */
  double d;             /* FLOAT, DOUBLE */
  mpz_t z;              /* INTEGER (scale 0), DECIMAL: z / 10^scale; */
  int scale;            /* initialised only for those two kinds */
  struct kg_datetime t; /* DATETIME, DATE */
};

#define KG_VALUE_IS_NUMERIC(k) ((k) >= KG_VALUE_INTEGER && \
                                (k) <= KG_VALUE_DOUBLE)

/* ----------------------------------------------------------------- value.c */

/* Frees what @v holds and makes it KG_VALUE_NONE (nothing for NONE). */
void kg_value_release(struct kg_value *v);
/* Sets @v (uninitialised) to the term @n (borrowed). */
void kg_value_from_node(struct kg_value *v, librdf_node *n);
/* Sets @v (uninitialised) to the constant @l (a rasqal literal from the
 * parsed query; borrowed).  -1: no RDF term (variable). */
int kg_value_from_literal(struct kg_value *v, rasqal_literal *l);
/* A new node for the constant @l of the parsed query (as
 * kg_value_from_literal reads it), or NULL (variable, no term). */
librdf_node *kg_value_literal_node(librdf_world *w, rasqal_literal *l);
/* Sets @v (uninitialised) to a literal with lexical form @s (@len bytes),
 * language @lang or datatype IRI @dt (both may be NULL), classified. */
void kg_value_set_literal(struct kg_value *v, const char *s, size_t len,
                          const char *lang, const char *dt);
void kg_value_set_iri(struct kg_value *v, const char *iri);
void kg_value_set_boolean(struct kg_value *v, int b);
/* A simple literal, or one tagged @lang. */
void kg_value_set_string(struct kg_value *v, const char *s, size_t len,
                         const char *lang);
/* Sets @dst (uninitialised) to a copy of @src. */
void kg_value_copy(struct kg_value *dst, const struct kg_value *src);
/* A new node for @v (caller frees), or NULL for NONE. */
librdf_node *kg_value_to_node(librdf_world *w, const struct kg_value *v);
/* A new rasqal literal for @v, or NULL for NONE. */
rasqal_literal *kg_value_to_literal(rasqal_world *rw,
                                    const struct kg_value *v);
/* The datatype IRI of literal @v (xsd:string, rdf:langString...). */
const char *kg_value_datatype(const struct kg_value *v);
/* 1 if @v is a literal. */
int kg_value_is_literal(const struct kg_value *v);
/* Effective boolean value: 1, 0, or -1 (type error). */
int kg_value_ebv(const struct kg_value *v);
/* The operator mapping's = (@op '='), != ('!'), <, >, <= ('l'), >= ('g'):
 * 1, 0, or -1 (type error). */
int kg_value_compare(const struct kg_value *a, const struct kg_value *b,
                     int op);
/* 1 if @a and @b are the same RDF term (sameTerm). */
int kg_value_same_term(const struct kg_value *a, const struct kg_value *b);
/* ORDER BY: a total order (unbound < blank < IRI < literals; numbers,
 * dates, booleans, strings by value). */
int kg_value_order(const struct kg_value *a, const struct kg_value *b);
/* Cast @a to XSD type @dt (an IRI) into @r (uninitialised). */
int kg_value_cast(struct kg_value *r, const struct kg_value *a,
                  const char *dt);

/* --------------------------------------------------------------- numeric.c */

/* Parses @s as a number of @kind into @v (kind, z/scale or d set; the
 * lexical form untouched): 0, or -1 when @s is not in the lexical space. */
int kg_numeric_parse(struct kg_value *v, enum kg_value_kind kind,
                     const char *s);
/* Sets @v's lexical form to the canonical one of its kind and value. */
void kg_numeric_canonical(struct kg_value *v);
/* @a op @b, op one of + - * /, into @r (uninitialised). */
int kg_numeric_arith(struct kg_value *r, const struct kg_value *a,
                     const struct kg_value *b, int op);
/* Unary minus, ABS ('a'), ROUND ('r'), CEIL ('c'), FLOOR ('f') of @a. */
int kg_numeric_unary(struct kg_value *r, const struct kg_value *a, int op);
/* Compares two numbers: -1, 0, 1, or 2 when unordered (NaN). */
int kg_numeric_cmp(const struct kg_value *a, const struct kg_value *b);
/* The value of number @a as a double. */
double kg_numeric_to_double(const struct kg_value *a);
/* Number @a converted to @kind into @r (uninitialised): casts between
 * numeric types (truncation to integer; NaN, INF to an exact type are
 * errors). */
int kg_numeric_convert(struct kg_value *r, const struct kg_value *a,
                       enum kg_value_kind kind);
/* Sets @r (uninitialised) to integer @i / decimal @s (a lexical form in
 * the decimal space). */
void kg_numeric_set_integer(struct kg_value *r, long i);
int kg_numeric_set_decimal(struct kg_value *r, const char *s);
/* 1 if number @a is zero or NaN. */
int kg_numeric_is_false(const struct kg_value *a);

/* -------------------------------------------------------------- datetime.c */

/* Parses @s as xsd:dateTime (@kind DATETIME) or xsd:date: 0 or -1. */
int kg_datetime_parse(struct kg_datetime *t, enum kg_value_kind kind,
                      const char *s);
/* -1, 0, 1, or 2 when indeterminate (one has a timezone, the other not,
 * and they are within 14 hours). */
int kg_datetime_cmp(const struct kg_datetime *a, const struct kg_datetime *b);
/* YEAR ('Y'), MONTH ('M'), DAY ('D'), HOURS ('h'), MINUTES ('m'),
 * SECONDS ('s'), TIMEZONE ('z'), TZ ('t') of date or dateTime @a. */
int kg_datetime_part(struct kg_value *r, const struct kg_value *a, int part);

#endif
