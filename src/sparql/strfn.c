/* strfn.c - SPARQL string functions (SPARQL 1.1 section 17.4.3) on
 * Unicode code points: lengths and positions count code points, not
 * bytes; UCASE and LCASE use ICU's full case mapping ("Straße" ->
 * "STRASSE"); the two-string functions check argument compatibility
 * (17.4.3.1.3); hashes (nettle) take simple literals and xsd:string
 * only. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <unicode/ustring.h>

#include "base/buf.h"
#include "sparql/strfn.h"

#define IS_TEXT(v) ((v)->kind == KG_VALUE_STRING || \
                    (v)->kind == KG_VALUE_LANG)

int
kg_strfn_is_op(rasqal_op op)
{
  switch(op) {
    case RASQAL_EXPR_STRLEN: case RASQAL_EXPR_SUBSTR:
    case RASQAL_EXPR_UCASE: case RASQAL_EXPR_LCASE:
    case RASQAL_EXPR_STRSTARTS: case RASQAL_EXPR_STRENDS:
    case RASQAL_EXPR_CONTAINS: case RASQAL_EXPR_STRBEFORE:
    case RASQAL_EXPR_STRAFTER: case RASQAL_EXPR_ENCODE_FOR_URI:
    case RASQAL_EXPR_LANGMATCHES: case RASQAL_EXPR_MD5:
    case RASQAL_EXPR_SHA1: case RASQAL_EXPR_SHA224:
    case RASQAL_EXPR_SHA256: case RASQAL_EXPR_SHA384:
    case RASQAL_EXPR_SHA512:
      return 1;
    default:
      return 0;
  }
}

/* Byte offset of code point @cp in @s (@len bytes), or @len. */
static size_t
cp_offset(const char *s, size_t len, long cp)
{
  size_t i = 0;

  while(i < len && cp > 0) {
    i++;
    while(i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    cp--;
  }
  return i;
}

static long
cp_count(const char *s, size_t len)
{
  long n = 0;
  size_t i;

  for(i = 0; i < len; i++)
    if(((unsigned char)s[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/* fn:substring: the code points at positions p with
 * round(start) <= p < round(start) + round(length). */
static int
substr(const struct kg_value *a, int n, struct kg_value *out)
{
  double st;
  double ln = HUGE_VAL;
  double from;
  double to;
  long total = cp_count(a[0].lex, a[0].len);
  size_t b0;
  size_t b1;

  if(!IS_TEXT(&a[0]) || !KG_VALUE_IS_NUMERIC(a[1].kind) ||
     (n > 2 && !KG_VALUE_IS_NUMERIC(a[2].kind)))
    return -1;
  st = kg_numeric_to_double(&a[1]);
  if(n > 2)
    ln = kg_numeric_to_double(&a[2]);
  from = floor(st + 0.5);
  to = n > 2 ? from + floor(ln + 0.5) : HUGE_VAL;
  if(from != from || to != to || to <= from || to <= 1 || from > total) {
    kg_value_set_string(out, "", 0, a[0].lang);
    return 0;
  }
  if(from < 1)
    from = 1;
  if(to > total + 1)
    to = (double)total + 1;
  b0 = cp_offset(a[0].lex, a[0].len, (long)from - 1);
  b1 = cp_offset(a[0].lex, a[0].len, (long)to - 1);
  kg_value_set_string(out, a[0].lex + b0, b1 - b0, a[0].lang);
  return 0;
}

/* UCASE / LCASE with ICU's full mapping (root locale). */
static int
case_map(const struct kg_value *a, int upper, struct kg_value *out)
{
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0;
  int32_t m16;
  int32_t n8 = 0;
  UChar *src;
  UChar *dst;
  char *u8;

  if(!IS_TEXT(a))
    return -1;
  u_strFromUTF8(NULL, 0, &n16, a->lex, (int32_t)a->len, &err);
  err = U_ZERO_ERROR;
  src = kg_xcalloc((size_t)n16 + 1, sizeof(UChar));
  u_strFromUTF8(src, n16 + 1, NULL, a->lex, (int32_t)a->len, &err);
  m16 = n16 * 3 + 1;
  dst = kg_xcalloc((size_t)m16, sizeof(UChar));
  m16 = upper ? u_strToUpper(dst, m16, src, n16, "", &err)
              : u_strToLower(dst, m16, src, n16, "", &err);
  u8 = kg_xmalloc((size_t)m16 * 3 + 1);
  if(U_SUCCESS(err))
    u_strToUTF8(u8, m16 * 3 + 1, &n8, dst, m16, &err);
  if(U_SUCCESS(err))
    kg_value_set_string(out, u8, (size_t)n8, a->lang);
  free(src);
  free(dst);
  free(u8);
  return U_SUCCESS(err) ? 0 : -1;
}

/* Argument compatibility of 17.4.3.1.3. */
static int
compatible(const struct kg_value *a, const struct kg_value *b)
{
  if(!IS_TEXT(a) || !IS_TEXT(b))
    return 0;
  if(b->kind == KG_VALUE_STRING)
    return 1;
  return a->kind == KG_VALUE_LANG && !strcasecmp(a->lang, b->lang);
}

static const char *
find(const struct kg_value *a, const struct kg_value *b)
{
  size_t i;

  if(b->len > a->len)
    return NULL;
  for(i = 0; i + b->len <= a->len; i++)
    if(!memcmp(a->lex + i, b->lex, b->len))
      return a->lex + i;
  return NULL;
}

static int
two_strings(rasqal_op op, const struct kg_value *a, struct kg_value *out)
{
  const char *p;
  int r;

  if(!compatible(&a[0], &a[1]))
    return -1;
  p = find(&a[0], &a[1]);
  switch(op) {
    case RASQAL_EXPR_STRSTARTS:
      r = a[1].len <= a[0].len && !memcmp(a[0].lex, a[1].lex, a[1].len);
      break;
    case RASQAL_EXPR_STRENDS:
      r = a[1].len <= a[0].len &&
        !memcmp(a[0].lex + a[0].len - a[1].len, a[1].lex, a[1].len);
      break;
    case RASQAL_EXPR_CONTAINS:
      r = p != NULL;
      break;
    default:
      if(!p) {
        kg_value_set_string(out, "", 0, NULL);
      } else if(op == RASQAL_EXPR_STRBEFORE) {
        kg_value_set_string(out, a[0].lex, (size_t)(p - a[0].lex),
                            a[0].lang);
      } else {
        p += a[1].len;
        kg_value_set_string(out, p, a[0].len - (size_t)(p - a[0].lex),
                            a[0].lang);
      }
      return 0;
  }
  kg_value_set_boolean(out, r);
  return 0;
}

static int
encode_for_uri(const struct kg_value *a, struct kg_value *out)
{
  struct kg_buf b = KG_BUF_INIT;
  size_t i;

  if(!IS_TEXT(a))
    return -1;
  for(i = 0; i < a->len; i++) {
    unsigned char c = (unsigned char)a->lex[i];

    if((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
       c == '~')
      kg_buf_addc(&b, (char)c);
    else
      kg_buf_addf(&b, "%%%02X", c);
  }
  kg_value_set_string(out, b.s ? b.s : "", b.len, NULL);
  kg_buf_release(&b);
  return 0;
}

/* langMatches (RFC 4647 basic filtering). */
static int
lang_matches(const struct kg_value *a, struct kg_value *out)
{
  const char *tag = a[0].lex;
  const char *range = a[1].lex;
  size_t n = a[1].len;
  int r;

  if(a[0].kind != KG_VALUE_STRING || a[1].kind != KG_VALUE_STRING)
    return -1;
  if(!strcmp(range, "*"))
    r = *tag != '\0';
  else
    r = !strncasecmp(tag, range, n) && (tag[n] == '\0' || tag[n] == '-');
  kg_value_set_boolean(out, r);
  return 0;
}

static int
digest(rasqal_op op, const struct kg_value *a, struct kg_value *out)
{
  unsigned char d[SHA512_DIGEST_SIZE];
  char hex[2 * SHA512_DIGEST_SIZE + 1];
  const uint8_t *s = (const uint8_t *)a->lex;
  size_t n = 0;
  size_t i;

  if(a->kind != KG_VALUE_STRING)
    return -1;
#define KG_HASH(T, N, SZ) do { struct T c; N##_init(&c); \
    N##_update(&c, a->len, s); N##_digest(&c, SZ, d); n = SZ; } while(0)
  switch(op) {
    case RASQAL_EXPR_MD5: KG_HASH(md5_ctx, md5, MD5_DIGEST_SIZE); break;
    case RASQAL_EXPR_SHA1: KG_HASH(sha1_ctx, sha1, SHA1_DIGEST_SIZE); break;
    case RASQAL_EXPR_SHA224:
      KG_HASH(sha224_ctx, sha224, SHA224_DIGEST_SIZE); break;
    case RASQAL_EXPR_SHA256:
      KG_HASH(sha256_ctx, sha256, SHA256_DIGEST_SIZE); break;
    case RASQAL_EXPR_SHA384:
      KG_HASH(sha384_ctx, sha384, SHA384_DIGEST_SIZE); break;
    default:
      KG_HASH(sha512_ctx, sha512, SHA512_DIGEST_SIZE); break;
  }
#undef KG_HASH
  for(i = 0; i < n; i++)
    snprintf(hex + 2 * i, 3, "%02x", d[i]);
  kg_value_set_string(out, hex, 2 * n, NULL);
  return 0;
}

int
kg_strfn_call(rasqal_op op, const struct kg_value *a, int n,
              struct kg_value *out)
{
  memset(out, 0, sizeof(*out));
  switch(op) {
    case RASQAL_EXPR_STRLEN:
      if(!IS_TEXT(&a[0]))
        return -1;
      kg_numeric_set_integer(out, cp_count(a[0].lex, a[0].len));
      return 0;
    case RASQAL_EXPR_SUBSTR:
      return n >= 2 ? substr(a, n, out) : -1;
    case RASQAL_EXPR_UCASE:
    case RASQAL_EXPR_LCASE:
      return case_map(&a[0], op == RASQAL_EXPR_UCASE, out);
    case RASQAL_EXPR_STRSTARTS:
    case RASQAL_EXPR_STRENDS:
    case RASQAL_EXPR_CONTAINS:
    case RASQAL_EXPR_STRBEFORE:
    case RASQAL_EXPR_STRAFTER:
      return n == 2 ? two_strings(op, a, out) : -1;
    case RASQAL_EXPR_ENCODE_FOR_URI:
      return encode_for_uri(&a[0], out);
    case RASQAL_EXPR_LANGMATCHES:
      return n == 2 ? lang_matches(a, out) : -1;
    default:
      return digest(op, &a[0], out);
  }
}

int
kg_strfn_concat(struct kg_eval *ev, rasqal_expression *e, librdf_node **row,
                struct kg_value *out)
{
  struct kg_buf buf = KG_BUF_INIT;
  char *lang = NULL;
  int same = 1;
  int n = e->args ? raptor_sequence_size(e->args) : 0;
  int i;

  memset(out, 0, sizeof(*out));
  for(i = 0; i < n; i++) {
    struct kg_value v;

    if(kg_expr_eval(ev, raptor_sequence_get_at(e->args, i), row, &v) ||
       !IS_TEXT(&v)) {
      kg_value_release(&v);
      free(lang);
      kg_buf_release(&buf);
      return -1;
    }
    if(i == 0)
      lang = v.lang ? kg_xstrdup(v.lang) : NULL;
    else if(!lang || !v.lang || strcasecmp(lang, v.lang))
      same = 0;
    kg_buf_add(&buf, v.lex, v.len);
    kg_value_release(&v);
  }
  kg_value_set_string(out, buf.s ? buf.s : "", buf.len, same ? lang : NULL);
  free(lang);
  kg_buf_release(&buf);
  return 0;
}
