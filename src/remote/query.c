/* query.c - a query to another SPARQL endpoint (see query.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/format.h"
#include "rdf/world.h"
#include "sparql/sparql.h"
#include "remote/client.h"
#include "remote/query.h"

/* The Accept header for @format ("table": JSON results, or a graph). */
static const char *
accept_for(const char *format)
{
  const struct kg_format *f;

  if(!strcmp(format, "table"))
    return "application/sparql-results+json, text/turtle;q=0.9, "
           "application/n-triples;q=0.8, */*;q=0.1";
  f = kg_format_find(format, KG_FMT_RESULTS);
  if(!f)
    f = kg_format_find(format, KG_FMT_GRAPH);
  return f ? f->media : "*/*";
}

/* 1 if the word @kw (any case) starts @p. */
static int
keyword(const char *p, const char *kw)
{
  size_t n = strlen(kw);

  return !strncasecmp(p, kw, n) && !isalnum((unsigned char)p[n]) &&
         p[n] != ':' && p[n] != '_';
}

/* 1 if @q is a CONSTRUCT or DESCRIBE: its first keyword of a query form,
 * past comments, IRIs and strings of the prologue. */
static int
graph_form(const char *q)
{
  const char *p = q;

  while(*p) {
    if(*p == '#')
      p += strcspn(p, "\n");
    else if(*p == '<')
      p += strcspn(p, ">");
    else if(*p == '"' || *p == '\'') {
      const char *e = strchr(p + 1, *p);

      p = e ? e : p + strlen(p) - 1;
    } else if(p == q || !(isalnum((unsigned char)p[-1]) || p[-1] == ':' ||
                          p[-1] == '_')) {
      if(keyword(p, "SELECT") || keyword(p, "ASK"))
        return 0;
      if(keyword(p, "CONSTRUCT") || keyword(p, "DESCRIBE"))
        return 1;
    }
    if(*p)
      p++;
  }
  return 0;
}

/* A table from the JSON results in @body. */
static int
write_table(struct kg_world *w, const struct kg_buf *body, FILE *out)
{
  struct kg_result *res = NULL;
  int rc = KG_EXIT_SYS;

  if(kg_result_read_json(w->world, body->s ? body->s : "", body->len,
                         &res) == 0 &&
     kg_result_write(w, res, "table", out) == 0)
    rc = kg_result_kind(res) == KG_RESULT_BOOLEAN &&
         !kg_result_boolean(res) ? KG_EXIT_NO : KG_EXIT_OK;
  kg_result_free(res);
  return rc;
}

int
kg_remote_select(struct kg_world *w, const struct kg_remote *r,
                 const char *endpoint, const char *query,
                 struct kg_result **out)
{
  struct kg_remote_resp resp;
  struct kg_buf form = KG_BUF_INIT;
  char *e = kg_remote_escape(query);
  int rc = KG_EXIT_SYS;

  *out = NULL;
  kg_buf_addf(&form, "query=%s", e);
  free(e);
  if(kg_remote_request(r, "POST", endpoint,
                       "application/x-www-form-urlencoded",
                       "application/sparql-results+json", form.s, form.len,
                       NULL, NULL, &resp) == 0) {
    if(resp.status / 100 != 2) {
      kg_remote_report(r, "query", endpoint, &resp);
      rc = resp.status / 100 == 4 && resp.status != 401 &&
           resp.status != 403 ? KG_EXIT_DATA : KG_EXIT_SYS;
    } else if(kg_result_read_json(w->world, resp.body.s ? resp.body.s : "",
                                  resp.body.len, out) == 0) {
      rc = KG_EXIT_OK;
    }
  }
  kg_buf_release(&form);
  kg_buf_release(&resp.body);
  return rc;
}

int
kg_remote_query(struct kg_world *w, const struct kg_remote *r,
                const char *endpoint, const char *query, const char *format,
                FILE *out)
{
  struct kg_remote_resp resp;
  struct kg_buf form = KG_BUF_INIT;
  char *e = kg_remote_escape(query);
  int table = !format || !strcmp(format, "table");
  int rc = KG_EXIT_SYS;

  /* a graph prints as Turtle unless asked otherwise, as it does locally */
  if(!format && graph_form(query)) {
    format = "turtle";
    table = 0;
  }
  kg_buf_addf(&form, "query=%s", e);
  free(e);
  if(kg_remote_request(r, "POST", endpoint,
                       "application/x-www-form-urlencoded",
                       accept_for(table ? "table" : format), form.s,
                       form.len, NULL, table ? NULL : out, &resp) == 0) {
    if(resp.status / 100 != 2) {
      kg_remote_report(r, "query", endpoint, &resp);
      rc = resp.status / 100 == 4 && resp.status != 401 &&
           resp.status != 403 ? KG_EXIT_DATA : KG_EXIT_SYS;
    } else if(!table) {
      rc = KG_EXIT_OK;
    } else if(strstr(resp.ctype, "json")) {
      rc = write_table(w, &resp.body, out);
    } else {
      rc = resp.body.len && fwrite(resp.body.s, 1, resp.body.len, out) !=
           resp.body.len ? KG_EXIT_SYS : KG_EXIT_OK;
    }
  }
  kg_buf_release(&form);
  kg_buf_release(&resp.body);
  return rc;
}
