/* files.c - the query page and its files, read from DATADIR/data/www
 * (index.html, app.js, style.css of the project; vendor/ fetched and
 * checked by `make www`).  Only plain names under that folder are served:
 * letters, digits, '.', '-', '_' and '/', no "..", no hidden file. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/input.h"
#include "ref/ref.h"
#include "serve/endpoint.h"

static const struct {
  const char *ext;
  const char *type;
} types[] = {
  { ".html", "text/html; charset=utf-8" },
  { ".js", "text/javascript; charset=utf-8" },
  { ".css", "text/css; charset=utf-8" },
  { ".json", "application/json" },
  { ".svg", "image/svg+xml" },
  { ".png", "image/png" },
  { ".woff2", "font/woff2" },
  { ".map", "application/json" },
  { NULL, NULL }
};

/* The media type of @rel by its extension, or NULL (not served). */
static const char *
type_of(const char *rel)
{
  const char *dot = strrchr(rel, '.');
  int i;

  for(i = 0; dot && types[i].ext; i++)
    if(!strcmp(dot, types[i].ext))
      return types[i].type;
  return NULL;
}

/* 1 if @rel is a plain relative name (see the head of this file). */
static int
plain_name(const char *rel)
{
  const char *p;

  if(!*rel || *rel == '/' || *rel == '.' || strstr(rel, "..") ||
     strstr(rel, "/."))
    return 0;
  for(p = rel; *p; p++)
    if(!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_' ||
         *p == '/'))
      return 0;
  return 1;
}

void
kg_files_serve(struct kg_endpoint *ep, struct kg_http_req *req,
               const char *rel)
{
  struct kg_buf sub = KG_BUF_INIT, body = KG_BUF_INIT;
  const char *type = type_of(rel);
  char *path;
  int rc;

  if(!plain_name(rel) || !type) {
    kg_http_error(req, 404, "no file %s", req->path);
    return;
  }
  kg_buf_addf(&sub, "data/www/%s", rel);
  path = kg_ref_path(ep->ref, sub.s);
  kg_diag_capture(&sub);        /* a missing file is the client's 404 */
  rc = kg_input_read_bytes(path, &body);
  kg_diag_capture(NULL);
  if(rc)
    kg_http_error(req, 404, "no file %s%s", req->path,
                  strstr(rel, "vendor/") ? " (run 'make www')" : "");
  else
    kg_http_reply(req, 200, type, body.s ? body.s : "", body.len,
                  "Cache-Control", "max-age=3600");
  free(path);
  kg_buf_release(&sub);
  kg_buf_release(&body);
}
