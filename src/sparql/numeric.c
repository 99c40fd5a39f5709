/* numeric.c - SPARQL numbers: XSD lexical spaces, canonical forms and the
 * operator mapping's arithmetic with type promotion (integer < decimal <
 * float < double).  Integers and decimals are exact (GMP); a decimal
 * quotient keeps KG_DIV_SCALE fractional digits at least, truncated;
 * floats are computed as doubles and rounded to float.  Canonical forms
 * are XSD 1.1's: "3" and "2.5" for decimals (as the W3C tests expect),
 * "1.0E100" for doubles. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "sparql/value.h"

#define KG_DIV_SCALE 18

static int
all_digits(const char *s, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    if(!isdigit((unsigned char)s[i]))
      return 0;
  return n > 0;
}

/* [+-]?digits(.digits?)? | [+-]?.digits into z, scale. */
static int
parse_decimal(mpz_t z, int *scale, const char *s, size_t n)
{
  const char *dot;
  struct kg_buf b = KG_BUF_INIT;
  size_t ip;
  size_t fp;
  int neg = 0;
  int rc;

  if(n && (*s == '+' || *s == '-')) {
    neg = *s == '-';
    s++;
    n--;
  }
  dot = memchr(s, '.', n);
  ip = dot ? (size_t)(dot - s) : n;
  fp = dot ? n - ip - 1 : 0;
  if((ip && !all_digits(s, ip)) || (fp && !all_digits(dot + 1, fp)) ||
     ip + fp == 0)
    return -1;
  kg_buf_addc(&b, neg ? '-' : '+');
  kg_buf_add(&b, s, ip);
  if(fp)
    kg_buf_add(&b, dot + 1, fp);
  kg_buf_addc(&b, '\0');
  rc = mpz_set_str(z, b.s + (b.s[0] == '+'), 10);
  kg_buf_release(&b);
  *scale = (int)fp;
  return rc ? -1 : 0;
}

/* XSD double/float lexical space, then strtod. */
static int
parse_double(double *d, const char *s)
{
  const char *p = s;
  const char *e;

  if(!strcmp(s, "INF") || !strcmp(s, "+INF")) {
    *d = HUGE_VAL;
    return 0;
  }
  if(!strcmp(s, "-INF")) {
    *d = -HUGE_VAL;
    return 0;
  }
  if(!strcmp(s, "NaN")) {
    *d = NAN;
    return 0;
  }
  if(*p == '+' || *p == '-')
    p++;
  e = p + strcspn(p, "eE");
  {
    mpz_t z;
    int sc;
    int bad;

    mpz_init(z);
    bad = parse_decimal(z, &sc, p, (size_t)(e - p)) || *p == '+' ||
      *p == '-';
    mpz_clear(z);
    if(bad)
      return -1;
  }
  if(*e) {
    e++;
    if(*e == '+' || *e == '-')
      e++;
    if(!all_digits(e, strlen(e)))
      return -1;
  }
  *d = strtod(s, NULL);
  return 0;
}

int
kg_numeric_parse(struct kg_value *v, enum kg_value_kind kind, const char *s)
{
  size_t n = strlen(s);

  v->kind = kind;
  if(kind == KG_VALUE_INTEGER || kind == KG_VALUE_DECIMAL) {
    mpz_init(v->z);
    v->scale = 0;
    if(kind == KG_VALUE_INTEGER && memchr(s, '.', n))
      goto bad;
    if(parse_decimal(v->z, &v->scale, s, n))
      goto bad;
    return 0;
  }
  if(!parse_double(&v->d, s)) {
    if(kind == KG_VALUE_FLOAT)
      v->d = (float)v->d;
    return 0;
  }
  v->kind = KG_VALUE_OTHER;
  return -1;
bad:
  mpz_clear(v->z);
  v->kind = KG_VALUE_OTHER;
  return -1;
}

/* Drops trailing fractional zeros. */
static void
dec_normalize(mpz_t z, int *scale)
{
  while(*scale > 0 && mpz_divisible_ui_p(z, 10)) {
    mpz_divexact_ui(z, z, 10);
    (*scale)--;
  }
}

static void
set_lex(struct kg_value *v, const char *s, size_t n)
{
  free(v->lex);
  v->lex = kg_xmalloc(n + 1);
  memcpy(v->lex, s, n);
  v->lex[n] = '\0';
  v->len = n;
}

static void
canon_decimal(struct kg_value *v)
{
  char *digits;
  struct kg_buf b = KG_BUF_INIT;
  size_t n;
  int neg;
  int sc;

  dec_normalize(v->z, &v->scale);
  sc = v->scale;
  neg = mpz_sgn(v->z) < 0;
  digits = mpz_get_str(NULL, 10, v->z);
  n = strlen(digits + neg);
  if(neg)
    kg_buf_addc(&b, '-');
  if(sc == 0) {
    kg_buf_add(&b, digits + neg, n);
  } else if((size_t)sc >= n) {
    kg_buf_adds(&b, "0.");
    while((size_t)sc-- > n)
      kg_buf_addc(&b, '0');
    kg_buf_add(&b, digits + neg, n);
  } else {
    kg_buf_add(&b, digits + neg, n - (size_t)sc);
    kg_buf_addc(&b, '.');
    kg_buf_add(&b, digits + neg + n - sc, (size_t)sc);
  }
  set_lex(v, b.s, b.len);
  kg_buf_release(&b);
  free(digits);
}

/* Shortest digits that read back as @d (as a float when @is_float), as
 * "M.FFFE[-]X" with at least one fractional digit. */
static void
canon_double(struct kg_value *v, int is_float)
{
  char tmp[64];
  char out[64];
  char *e;
  char *m;
  int prec;
  size_t k;
  double d = v->d;

  if(d != d) {
    set_lex(v, "NaN", 3);
    return;
  }
  if(isinf(d)) {
    set_lex(v, d > 0 ? "INF" : "-INF", d > 0 ? 3 : 4);
    return;
  }
  for(prec = 0; prec < 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*e", prec, d);
    if(is_float ? (float)strtod(tmp, NULL) == (float)d
                : strtod(tmp, NULL) == d)
      break;
  }
  snprintf(tmp, sizeof tmp, "%.*e", prec, d);
  e = strchr(tmp, 'e');
  *e = '\0';
  m = tmp;
  k = strlen(m);
  while(strchr(m, '.') && m[k - 1] == '0')
    m[--k] = '\0';
  if(m[k - 1] == '.') {
    m[k++] = '0';
    m[k] = '\0';
  }
  snprintf(out, sizeof out, "%s%sE%d", m, strchr(m, '.') ? "" : ".0",
           atoi(e + 1));
  /* "%.0e" has no point: "1e5" -> "1.0E5" */
  set_lex(v, out, strlen(out));
}

void
kg_numeric_canonical(struct kg_value *v)
{
  char *s;

  switch(v->kind) {
    case KG_VALUE_INTEGER:
      s = mpz_get_str(NULL, 10, v->z);
      set_lex(v, s, strlen(s));
      free(s);
      break;
    case KG_VALUE_DECIMAL:
      canon_decimal(v);
      break;
    case KG_VALUE_FLOAT:
    case KG_VALUE_DOUBLE:
      canon_double(v, v->kind == KG_VALUE_FLOAT);
      break;
    default:
      break;
  }
  free(v->dt);
  v->dt = kg_xstrdup(v->kind == KG_VALUE_INTEGER ? KG_XSD "integer" :
                     v->kind == KG_VALUE_DECIMAL ? KG_XSD "decimal" :
                     v->kind == KG_VALUE_FLOAT ? KG_XSD "float" :
                     KG_XSD "double");
}

double
kg_numeric_to_double(const struct kg_value *a)
{
  if(a->kind == KG_VALUE_INTEGER || a->kind == KG_VALUE_DECIMAL) {
    char *s;
    char *t;
    double d;

    /* Through strtod, which rounds to nearest; mpz_get_d truncates
     * (9223372036854775807 gave 9.223372036854775E18). */
    if(a->scale == 0 && mpz_sizeinbase(a->z, 2) <= 53)
      return mpz_get_d(a->z);
    s = mpz_get_str(NULL, 10, a->z);
    t = kg_xmalloc(strlen(s) + 16);
    sprintf(t, "%se-%d", s, a->scale);
    d = strtod(t, NULL);
    free(t);
    free(s);
    return d;
  }
  return a->d;
}

/* z * 10^(to - scale) for to >= scale. */
static void
dec_rescale(mpz_t out, const mpz_t z, int scale, int to)
{
  mpz_t p;

  mpz_init(p);
  mpz_ui_pow_ui(p, 10, (unsigned long)(to - scale));
  mpz_mul(out, z, p);
  mpz_clear(p);
}

static void
init_num(struct kg_value *r, enum kg_value_kind kind)
{
  memset(r, 0, sizeof(*r));
  r->kind = kind;
  if(kind == KG_VALUE_INTEGER || kind == KG_VALUE_DECIMAL)
    mpz_init(r->z);
}

static int
exact_arith(struct kg_value *r, const struct kg_value *a,
            const struct kg_value *b, int op)
{
  int sc = a->scale > b->scale ? a->scale : b->scale;
  mpz_t x;
  mpz_t y;

  mpz_init(x);
  mpz_init(y);
  if(op == '*') {
    mpz_mul(r->z, a->z, b->z);
    r->scale = a->scale + b->scale;
  } else if(op == '/') {
    int to = sc > KG_DIV_SCALE ? sc : KG_DIV_SCALE;

    if(!mpz_sgn(b->z)) {
      mpz_clear(x);
      mpz_clear(y);
      return -1;
    }
    /* a/b = (za 10^(to - sa + sb)) / zb, scale to */
    dec_rescale(x, a->z, a->scale, to + b->scale);
    mpz_tdiv_q(r->z, x, b->z);
    r->scale = to;
  } else {
    dec_rescale(x, a->z, a->scale, sc);
    dec_rescale(y, b->z, b->scale, sc);
    if(op == '+')
      mpz_add(r->z, x, y);
    else
      mpz_sub(r->z, x, y);
    r->scale = sc;
  }
  dec_normalize(r->z, &r->scale);
  mpz_clear(x);
  mpz_clear(y);
  return 0;
}

int
kg_numeric_arith(struct kg_value *r, const struct kg_value *a,
                 const struct kg_value *b, int op)
{
  enum kg_value_kind k = a->kind > b->kind ? a->kind : b->kind;

  memset(r, 0, sizeof(*r));
  if(!KG_VALUE_IS_NUMERIC(a->kind) || !KG_VALUE_IS_NUMERIC(b->kind))
    return -1;
  if(k == KG_VALUE_INTEGER && op == '/')
    k = KG_VALUE_DECIMAL;
  init_num(r, k);
  if(k == KG_VALUE_INTEGER || k == KG_VALUE_DECIMAL) {
    if(exact_arith(r, a, b, op)) {
      kg_value_release(r);
      return -1;
    }
  } else {
    double x = kg_numeric_to_double(a);
    double y = kg_numeric_to_double(b);

    r->d = op == '+' ? x + y : op == '-' ? x - y : op == '*' ? x * y : x / y;
    if(k == KG_VALUE_FLOAT)
      r->d = (float)r->d;
  }
  kg_numeric_canonical(r);
  return 0;
}

/* ROUND (half toward +inf), CEIL, FLOOR of z / 10^scale, in place. */
static void
dec_round(struct kg_value *r, int op)
{
  mpz_t p;

  if(r->scale == 0)
    return;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, (unsigned long)r->scale);
  if(op == 'r') {
    mpz_t h;

    mpz_init(h);
    mpz_tdiv_q_ui(h, p, 2);
    mpz_add(r->z, r->z, h);
    mpz_fdiv_q(r->z, r->z, p);
    mpz_clear(h);
  } else if(op == 'c') {
    mpz_cdiv_q(r->z, r->z, p);
  } else {
    mpz_fdiv_q(r->z, r->z, p);
  }
  r->scale = 0;
  mpz_clear(p);
}

static double
dbl_unary(double d, int op)
{
  switch(op) {
    case '-': return -d;
    case 'a': return fabs(d);
    case 'c': return ceil(d);
    case 'f': return floor(d);
    default:
      /* fn:round: half toward positive infinity; keeps -0 and NaN */
      if(d != d || isinf(d) || d == 0)
        return d;
      return (d < 0 && d >= -0.5) ? -0.0 : floor(d + 0.5);
  }
}

int
kg_numeric_unary(struct kg_value *r, const struct kg_value *a, int op)
{
  memset(r, 0, sizeof(*r));
  if(!KG_VALUE_IS_NUMERIC(a->kind))
    return -1;
  init_num(r, a->kind);
  if(a->kind == KG_VALUE_INTEGER || a->kind == KG_VALUE_DECIMAL) {
    mpz_set(r->z, a->z);
    r->scale = a->scale;
    if(op == '-')
      mpz_neg(r->z, r->z);
    else if(op == 'a')
      mpz_abs(r->z, r->z);
    else
      dec_round(r, op);
  } else {
    r->d = dbl_unary(a->d, op);
  }
  kg_numeric_canonical(r);
  return 0;
}

int
kg_numeric_cmp(const struct kg_value *a, const struct kg_value *b)
{
  if((a->kind == KG_VALUE_INTEGER || a->kind == KG_VALUE_DECIMAL) &&
     (b->kind == KG_VALUE_INTEGER || b->kind == KG_VALUE_DECIMAL)) {
    int sc = a->scale > b->scale ? a->scale : b->scale;
    mpz_t x;
    mpz_t y;
    int c;

    if(a->scale == b->scale) {   /* the common case: no rescaled copies */
      c = mpz_cmp(a->z, b->z);
      return c < 0 ? -1 : c > 0;
    }
    mpz_init(x);
    mpz_init(y);
    dec_rescale(x, a->z, a->scale, sc);
    dec_rescale(y, b->z, b->scale, sc);
    c = mpz_cmp(x, y);
    mpz_clear(x);
    mpz_clear(y);
    return c < 0 ? -1 : c > 0;
  } else {
    double x = kg_numeric_to_double(a);
    double y = kg_numeric_to_double(b);

    if(x != x || y != y)
      return 2;
    return x < y ? -1 : x > y;
  }
}

/* A double's value as an exact decimal (its shortest digits). */
static int
dbl_to_decimal(struct kg_value *r, double d)
{
  struct kg_value t;
  char *e;
  long ex;
  int rc;

  if(d != d || isinf(d))
    return -1;
  memset(&t, 0, sizeof(t));
  t.kind = KG_VALUE_DOUBLE;
  t.d = d;
  canon_double(&t, 0);
  e = strchr(t.lex, 'E');
  *e = '\0';
  ex = atol(e + 1);
  rc = parse_decimal(r->z, &r->scale, t.lex, strlen(t.lex));
  free(t.lex);
  if(rc)
    return -1;
  if(ex >= 0) {
    mpz_t p;

    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)ex);
    mpz_mul(r->z, r->z, p);
    mpz_clear(p);
  } else {
    r->scale += (int)-ex;
  }
  dec_normalize(r->z, &r->scale);
  return 0;
}

int
kg_numeric_convert(struct kg_value *r, const struct kg_value *a,
                   enum kg_value_kind kind)
{
  memset(r, 0, sizeof(*r));
  if(!KG_VALUE_IS_NUMERIC(a->kind))
    return -1;
  init_num(r, kind);
  if(kind == KG_VALUE_FLOAT || kind == KG_VALUE_DOUBLE) {
    r->d = kg_numeric_to_double(a);
    if(kind == KG_VALUE_FLOAT)
      r->d = (float)r->d;
  } else {
    if(a->kind == KG_VALUE_INTEGER || a->kind == KG_VALUE_DECIMAL) {
      mpz_set(r->z, a->z);
      r->scale = a->scale;
    } else if(dbl_to_decimal(r, a->d)) {
      kg_value_release(r);
      return -1;
    }
    if(kind == KG_VALUE_INTEGER && r->scale) {
      mpz_t p;

      mpz_init(p);
      mpz_ui_pow_ui(p, 10, (unsigned long)r->scale);
      mpz_tdiv_q(r->z, r->z, p);
      r->scale = 0;
      mpz_clear(p);
    }
  }
  kg_numeric_canonical(r);
  return 0;
}

void
kg_numeric_set_integer(struct kg_value *r, long i)
{
  init_num(r, KG_VALUE_INTEGER);
  mpz_set_si(r->z, i);
  kg_numeric_canonical(r);
}

int
kg_numeric_set_decimal(struct kg_value *r, const char *s)
{
  init_num(r, KG_VALUE_DECIMAL);
  if(parse_decimal(r->z, &r->scale, s, strlen(s))) {
    kg_value_release(r);
    return -1;
  }
  kg_numeric_canonical(r);
  return 0;
}

int
kg_numeric_is_false(const struct kg_value *a)
{
  if(a->kind == KG_VALUE_INTEGER || a->kind == KG_VALUE_DECIMAL)
    return mpz_sgn(a->z) == 0;
  return a->d != a->d || a->d == 0;
}
