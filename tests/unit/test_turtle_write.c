/* test_turtle_write.c - our Turtle says what the input said: tricky literals
 * (newlines, quotes, backslashes, controls, astral characters), typed and
 * tagged literals, blank nodes and IRIs survive a write and a raptor parse. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/ctx.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "rdf/turtle.h"

static int
cmp_str(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
stmt_cmp(const void *a, const void *b)
{
  raptor_statement *x = *(raptor_statement *const *)a;
  raptor_statement *y = *(raptor_statement *const *)b;
  int c = raptor_term_compare(x->subject, y->subject);

  if(!c)
    c = raptor_term_compare(x->predicate, y->predicate);
  if(!c)
    c = raptor_term_compare(x->object, y->object);
  return c;
}

/* A term as text, from its fields (raptor_term_to_string() keeps a
 * reference to a literal's datatype IRI in raptor 2.0.15: a leak). */
static void
term_text(raptor_term *t, char *out, size_t n)
{
  switch(t->type) {
    case RAPTOR_TERM_TYPE_URI:
      snprintf(out, n, "<%s>", raptor_uri_as_string(t->value.uri));
      break;
    case RAPTOR_TERM_TYPE_BLANK:
      snprintf(out, n, "_:b");
      break;
    case RAPTOR_TERM_TYPE_LITERAL:
      snprintf(out, n, "\"%s\"@%s^^%s", t->value.literal.string,
               t->value.literal.language
                 ? (const char *)t->value.literal.language : "",
               t->value.literal.datatype
                 ? (const char *)raptor_uri_as_string(t->value.literal.datatype)
                 : "");
      break;
    case RAPTOR_TERM_TYPE_UNKNOWN:
    default:
      snprintf(out, n, "?");
      break;
  }
}

/* Sorted lines of @l (blank nodes renamed away). */
static char **
lines(struct kg_stmts *l)
{
  char **v = calloc(l->n + 1, sizeof(char *));
  size_t i;

  for(i = 0; i < l->n; i++) {
    char s[512], p[512], o[512];

    term_text(l->v[i]->subject, s, sizeof s);
    term_text(l->v[i]->predicate, p, sizeof p);
    term_text(l->v[i]->object, o, sizeof o);
    v[i] = malloc(strlen(s) + strlen(p) + strlen(o) + 3);
    sprintf(v[i], "%s %s %s", s, p, o);
  }
  qsort(v, l->n, sizeof(char *), cmp_str);
  return v;
}

int
main(void)
{
  struct kg_ctx ctx;
  struct kg_stmts a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
  char path[512];
  char *in;
  char **la, **lb;
  FILE *fh;
  size_t i;
  int fd, bad = 0;

  snprintf(path, sizeof path, "%s/kg-turtle-XXXXXX",
           getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : P_tmpdir);
  if(kg_ctx_init(&ctx))
    return 1;
  in = kg_ref_path(&ctx.ref, "tests/unit/data/tricky.nt");
  if(kg_read_file(ctx.w.raptor, in, NULL, NULL, &a)) {
    printf("not ok 1 - read tricky.nt\n");
    return 1;
  }
  printf("ok 1 - read %zu statements\n", a.n);
  qsort(a.v, a.n, sizeof(*a.v), stmt_cmp);
  fd = mkstemp(path);
  fh = fd >= 0 ? fdopen(fd, "w") : NULL;
  if(!fh || kg_turtle_write(a.v, a.n, KG_DEFAULT_BASE, fh)) {
    printf("not ok 2 - write Turtle\n");
    return 1;
  }
  fclose(fh);
  printf("ok 2 - write Turtle\n");
  if(kg_read_file(ctx.w.raptor, path, "turtle", NULL, &b)) {
    printf("not ok 3 - raptor parses our Turtle\n");
    return 1;
  }
  printf("ok 3 - raptor parses our Turtle\n");
  la = lines(&a);
  lb = lines(&b);
  if(a.n != b.n)
    bad = 1;
  for(i = 0; !bad && i < a.n; i++)
    if(strcmp(la[i], lb[i])) {
      printf("# want %s\n# got  %s\n", la[i], lb[i]);
      bad = 1;
    }
  printf("%s 4 - the same %zu statements come back\n", bad ? "not ok" : "ok",
         a.n);
  printf("1..4\n");
  for(i = 0; i < a.n; i++)
    free(la[i]);
  for(i = 0; i < b.n; i++)
    free(lb[i]);
  free(la);
  free(lb);
  unlink(path);
  free(in);
  kg_rdf_stmts_release(&a);
  kg_rdf_stmts_release(&b);
  kg_ctx_release(&ctx);
  return bad;
}
