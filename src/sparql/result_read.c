/* result_read.c - a result read back from SPARQL 1.1 Query Results JSON
 * (another server's answer), so that every writer of this layer can
 * print it: `query --endpoint` in a table. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "base/buf.h"
#include "base/diag.h"
#include "sparql/result.h"

/* The node of one JSON binding ({"type": ..., "value": ...}), or NULL. */
static librdf_node *
json_node(librdf_world *world, json_t *b)
{
  const char *type = json_string_value(json_object_get(b, "type"));
  const char *value = json_string_value(json_object_get(b, "value"));
  const char *lang = json_string_value(json_object_get(b, "xml:lang"));
  const char *dt = json_string_value(json_object_get(b, "datatype"));
  librdf_uri *u = NULL;
  librdf_node *n;

  if(!type || !value)
    return NULL;
  if(!strcmp(type, "uri"))
    return librdf_new_node_from_uri_string(world,
                                           (const unsigned char *)value);
  if(!strcmp(type, "bnode"))
    return librdf_new_node_from_blank_identifier(world,
                                                 (const unsigned char *)value);
  /* "literal", or "typed-literal" of the SPARQL 1.0 JSON note */
  if(dt)
    u = librdf_new_uri(world, (const unsigned char *)dt);
  n = librdf_new_node_from_typed_literal(world, (const unsigned char *)value,
                                         dt ? NULL : lang, u);
  if(u)
    librdf_free_uri(u);
  return n;
}

static void
read_rows(librdf_world *world, json_t *vars, json_t *rows,
          struct kg_result *r)
{
  size_t i;
  int k;

  r->nvars = (int)json_array_size(vars);
  r->vars = kg_xcalloc((size_t)r->nvars + 1, sizeof(char *));
  for(k = 0; k < r->nvars; k++) {
    const char *v = json_string_value(json_array_get(vars, (size_t)k));

    r->vars[k] = kg_xstrdup(v ? v : "");
  }
  r->nrows = json_array_size(rows);
  r->cells = kg_xcalloc(r->nrows * (size_t)r->nvars + 1,
                        sizeof(librdf_node *));
  for(i = 0; i < r->nrows; i++)
    for(k = 0; k < r->nvars; k++)
      r->cells[i * (size_t)r->nvars + (size_t)k] =
        json_node(world, json_object_get(json_array_get(rows, i),
                                         r->vars[k]));
}

int
kg_result_read_json(librdf_world *world, const char *text, size_t len,
                    struct kg_result **out)
{
  json_error_t err;
  json_t *doc = json_loadb(text, len, 0, &err);
  json_t *head, *b;
  struct kg_result *r;

  *out = NULL;
  if(!doc || !json_is_object(doc) ||
     !json_is_object(head = json_object_get(doc, "head"))) {
    kg_error("the answer is not SPARQL JSON results%s%s",
             doc ? "" : ": ", doc ? "" : err.text);
    json_decref(doc);
    return -1;
  }
  if((b = json_object_get(doc, "boolean")) && json_is_boolean(b)) {
    r = kg_result_new(KG_RESULT_BOOLEAN);
    r->boolean = json_is_true(b);
  } else {
    r = kg_result_new(KG_RESULT_BINDINGS);
    read_rows(world, json_object_get(head, "vars"),
              json_object_get(json_object_get(doc, "results"), "bindings"),
              r);
  }
  json_decref(doc);
  *out = r;
  return 0;
}
