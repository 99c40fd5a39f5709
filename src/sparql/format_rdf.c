/* format_rdf.c - graph results (CONSTRUCT, DESCRIBE) as sorted N-Triples
 * or as Turtle with the project's prefixes (only those used are declared)
 * and mnid: for the instance base. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/ns.h"
#include "sparql/result.h"

struct gline {
  char *key;
  size_t seq;
  librdf_statement *st;
};

/* Turtle being written: the writer, and the prefixes used (index into
 * kg_prefixes; the last slot is mnid:). */
struct ttl {
  struct kg_writer *w;
  const char *base;
  unsigned char used_prefix[64];
};

static int
gline_cmp(const void *a, const void *b)
{
  const struct gline *x = a;
  const struct gline *y = b;
  int c = strcmp(x->key, y->key);

  if(c)
    return c;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static char *
stmt_key(struct kg_writer *w, librdf_statement *s)
{
  struct kg_buf b = KG_BUF_INIT;

  kg_format_nt(w, &b, librdf_statement_get_subject(s));
  kg_buf_addc(&b, ' ');
  kg_format_nt(w, &b, librdf_statement_get_predicate(s));
  kg_buf_addc(&b, ' ');
  kg_format_nt(w, &b, librdf_statement_get_object(s));
  kg_buf_adds(&b, " .");
  return kg_buf_detach(&b);
}

/* Sorts the triples: first with blank nodes masked, labels them in that
 * order, then sorts with the new labels.  Keys are N-Triples lines. */
static struct gline *
sorted_graph(struct kg_writer *w, const struct kg_result *r)
{
  struct gline *g = kg_xcalloc(r->ntriples + 1, sizeof(*g));
  size_t i;

  w->mask_blanks = 1;
  for(i = 0; i < r->ntriples; i++) {
    g[i].st = r->triples[i];
    g[i].seq = i;
    g[i].key = stmt_key(w, r->triples[i]);
  }
  w->mask_blanks = 0;
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  for(i = 0; i < r->ntriples; i++) {
    free(g[i].key);
    g[i].key = stmt_key(w, g[i].st);
    g[i].seq = i;
  }
  qsort(g, r->ntriples, sizeof(*g), gline_cmp);
  return g;
}

static void
free_graph(struct gline *g, size_t n)
{
  size_t i;

  for(i = 0; i < n; i++)
    free(g[i].key);
  free(g);
}

static int
local_ok(const char *s)
{
  const char *p;

  if(!*s)
    return 1;
  if(*s == '-' || *s == '.')
    return 0;
  for(p = s; *p; p++)
    if(!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '_' || *p == '-' ||
         (*p == '.' && p[1])))
      return 0;
  return 1;
}

static void
ttl_iri(struct ttl *t, struct kg_buf *b, const char *iri)
{
  int i;

  for(i = 0; kg_prefixes[i].prefix; i++) {
    size_t n = strlen(kg_prefixes[i].iri);

    if(!strncmp(iri, kg_prefixes[i].iri, n) && local_ok(iri + n)) {
      kg_buf_addf(b, "%s:%s", kg_prefixes[i].prefix, iri + n);
      if(i < 63)
        t->used_prefix[i] = 1;
      return;
    }
  }
  if(t->base && !strncmp(iri, t->base, strlen(t->base)) &&
     local_ok(iri + strlen(t->base))) {
    kg_buf_addf(b, "mnid:%s", iri + strlen(t->base));
    t->used_prefix[63] = 1;
    return;
  }
  kg_buf_addf(b, "<%s>", iri);
}

static void
ttl_term(struct ttl *t, struct kg_buf *b, librdf_node *n, int pred)
{
  if(librdf_node_is_resource(n)) {
    const char *u = kg_format_iri(n);

    if(pred && !strcmp(u, KG_NS_RDF "type")) {
      kg_buf_addc(b, 'a');
      return;
    }
    ttl_iri(t, b, u);
  } else if(librdf_node_is_literal(n)) {
    const char *dt = kg_format_dt(n);
    size_t len;
    const char *s = kg_format_lit(n, &len);
    const char *lang = librdf_node_get_literal_value_language(n);

    if(kg_format_plain_number(s, dt) && !strcmp(dt, KG_NS_XSD "integer")) {
      kg_buf_add(b, s, len);
      return;
    }
    if(dt && !(lang && *lang) && strcmp(dt, KG_NS_XSD "string")) {
      struct kg_buf q = KG_BUF_INIT;
      char *end;

      kg_format_nt(t->w, &q, n);
      end = strrchr(q.s, '"');
      kg_buf_add(b, q.s, (size_t)(end - q.s) + 1);
      kg_buf_adds(b, "^^");
      ttl_iri(t, b, dt);
      kg_buf_release(&q);
      return;
    }
    kg_format_nt(t->w, b, n);
  } else {
    kg_format_nt(t->w, b, n);
  }
}

static void
write_turtle(struct kg_writer *w, const struct kg_result *r,
             struct kg_buf *out)
{
  size_t i;
  int k;
  librdf_node *prev_s = NULL;
  librdf_node *prev_p = NULL;
  struct gline *g;
  struct kg_buf body = KG_BUF_INIT;
  struct kg_buf *o = &body;     /* body first, to declare only the prefixes
                                   it uses */
  struct ttl t;

  memset(&t, 0, sizeof(t));
  t.w = w;
  t.base = r->base;
  g = sorted_graph(w, r);
  for(i = 0; i < r->ntriples; i++) {
    librdf_statement *st = g[i].st;
    librdf_node *s = librdf_statement_get_subject(st);
    librdf_node *p = librdf_statement_get_predicate(st);
    librdf_node *ob = librdf_statement_get_object(st);

    if(prev_s && librdf_node_equals(prev_s, s)) {
      if(librdf_node_equals(prev_p, p)) {
        kg_buf_adds(o, " ,\n        ");
      } else {
        kg_buf_adds(o, " ;\n    ");
        ttl_term(&t, o, p, 1);
        kg_buf_addc(o, ' ');
      }
    } else {
      if(prev_s)
        kg_buf_adds(o, " .\n");
      kg_buf_addc(o, '\n');
      ttl_term(&t, o, s, 0);
      kg_buf_adds(o, "\n    ");
      ttl_term(&t, o, p, 1);
      kg_buf_addc(o, ' ');
    }
    ttl_term(&t, o, ob, 0);
    prev_s = s;
    prev_p = p;
  }
  if(prev_s)
    kg_buf_adds(o, " .\n");
  free_graph(g, r->ntriples);
  for(k = 0; kg_prefixes[k].prefix; k++)
    if(k < 63 && t.used_prefix[k])
      kg_buf_addf(out, "@prefix %s: <%s> .\n", kg_prefixes[k].prefix,
                  kg_prefixes[k].iri);
  if(t.used_prefix[63])
    kg_buf_addf(out, "@prefix mnid: <%s> .\n", r->base ? r->base : "");
  if(body.len) {
    /* the blank line before the first subject only follows prefixes */
    size_t skip = (out->len == 0 && body.s[0] == '\n') ? 1 : 0;

    kg_buf_add(out, body.s + skip, body.len - skip);
  }
  kg_buf_release(&body);
}

void
kg_format_rdf_write(struct kg_writer *w, const struct kg_result *r,
                    struct kg_buf *o, int turtle)
{
  struct gline *g;
  size_t i;

  if(turtle) {
    write_turtle(w, r, o);
    return;
  }
  g = sorted_graph(w, r);
  for(i = 0; i < r->ntriples; i++) {
    kg_buf_adds(o, g[i].key);
    kg_buf_addc(o, '\n');
  }
  free_graph(g, r->ntriples);
}
