/* lex.h - the tokens of the text pass (rewrite.c, rewrite_path.c).
 *
 * A small SPARQL tokenizer that respects strings, IRIs and comments, a
 * cursor over its tokens, the prologue's PREFIX and BASE (to resolve the
 * IRIs of property paths), and the pass's two ways to fail: a refusal is
 * reported at once; when our small parser is lost, nothing is reported and
 * the text goes to rasqal unchanged, which says what is wrong.
 */
#ifndef KG_SPARQL_LEX_H
#define KG_SPARQL_LEX_H

#include <stddef.h>

enum kg_lex_kind {
  KG_TOK_END = 0, KG_TOK_IRI, KG_TOK_PNAME, KG_TOK_VAR, KG_TOK_STR,
  KG_TOK_NUM, KG_TOK_LANG, KG_TOK_BNODE, KG_TOK_NAME, KG_TOK_PUNCT
};

struct kg_lex_tok {
  enum kg_lex_kind t;
  size_t s;                     /* [s, e) in the text */
  size_t e;
  int line;
};

struct kg_lex {
  const char *text;
  const char *source;           /* for messages */
  int line_offset;
  struct kg_lex_tok *toks;      /* ends with KG_TOK_END */
  int ntok;
  size_t ctok;                  /* room of toks */
  int i;                        /* the cursor */
  char **pfx;                   /* PREFIX name, IRI pairs */
  int npfx;
  char *base;                   /* BASE, or NULL */
  size_t prologue_end;          /* offset of the first token after them */
  int failed;
  int soft;                     /* failed because our parser got lost */
};

/* Tokenizes @text (borrowed: must outlive @l). */
void kg_lex_init(struct kg_lex *l, const char *text, const char *source,
                 int line_offset);
void kg_lex_release(struct kg_lex *l);
/* Reads PREFIX and BASE declarations at the cursor. */
void kg_lex_prologue(struct kg_lex *l);

/* The token at the cursor / @k tokens after it (the end token past the
 * end). */
struct kg_lex_tok *kg_lex_cur(struct kg_lex *l);
struct kg_lex_tok *kg_lex_peek(struct kg_lex *l, int k);
/* 1 if @t is the punctuation @s / the keyword @s (any case). */
int kg_lex_is(const struct kg_lex *l, const struct kg_lex_tok *t,
              const char *s);
int kg_lex_is_kw(const struct kg_lex *l, const struct kg_lex_tok *t,
                 const char *s);
/* The same tests on the token at the cursor. */
int kg_lex_at(struct kg_lex *l, const char *s);
int kg_lex_at_kw(struct kg_lex *l, const char *s);
/* 1 if @t is an IRI, a prefixed name or 'a'. */
int kg_lex_iri_tok(const struct kg_lex *l, const struct kg_lex_tok *t);
/* The IRI of an IRI / prefixed name / 'a' token (new string), or NULL
 * after failing. */
char *kg_lex_iri(struct kg_lex *l, const struct kg_lex_tok *t);

/* A construct we refuse: reported now (source:line). */
void kg_lex_refuse(struct kg_lex *l, int line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));
/* Our small parser does not understand the text: not reported (@fmt says
 * why, for the reader); the text goes to rasqal unchanged. */
void kg_lex_fail(struct kg_lex *l, int line, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* For each SELECT keyword of @text, in order: "|a|b|", the variables it
 * defines with (expr AS ?v).  Returns how many; *out is new (free each). */
int kg_lex_select_aliases(const char *text, char ***out);

#endif
