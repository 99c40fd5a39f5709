/* client.h - HTTP requests to another server, over libcurl: the one
 * client of `push` and `query --endpoint`.
 *
 * Credentials: the user name from --user, its password from
 * $MEDNUM_KG_PASSWORD or else from ~/.netrc (libcurl reads it); never from
 * the command line, never written to a message.  HTTP basic and digest
 * authentication (Virtuoso's /sparql-graph-crud-auth asks for digest).  A
 * request that meets a connection error or a 5xx answer is tried again
 * after 0.5, 1, 2 and 4 s; then it fails with one message.
 */
#ifndef KG_REMOTE_CLIENT_H
#define KG_REMOTE_CLIENT_H

#include <stddef.h>
#include <stdio.h>

#include "base/buf.h"

/* Attempts of one request (the first and its retries). */
#define KG_REMOTE_ATTEMPTS 5

struct kg_remote {
  const char *user;             /* NULL: none, or ~/.netrc's */
  const char *password;         /* $MEDNUM_KG_PASSWORD, or NULL */
  long timeout;                 /* seconds for a whole request; 0: none */
  int attempts;                 /* KG_REMOTE_ATTEMPTS unless set */
};

/* One request.  @body (@len bytes) or @upload (a seekable file, sent
 * whole) is the request body, with @ctype; @accept the Accept header (may
 * be NULL).  A 2xx answer's body goes to @out when not NULL (as it comes),
 * else to resp->body; any other answer's body to resp->body.  Returns 0
 * with resp->status set (any status), or -1 after reporting a transport
 * failure that outlasted the retries. */
struct kg_remote_resp {
  long status;
  struct kg_buf body;
  char ctype[128];              /* the answer's Content-Type, or "" */
};

int kg_remote_request(const struct kg_remote *r, const char *method,
                      const char *url, const char *ctype, const char *accept,
                      const char *body, size_t len, FILE *upload, FILE *out,
                      struct kg_remote_resp *resp);

/* Reports a non-2xx answer: what @what was, the status and the first line
 * of the server's message; 401/403 say how to give credentials. */
void kg_remote_report(const struct kg_remote *r, const char *what,
                      const char *url, const struct kg_remote_resp *resp);

/* @s percent-encoded for a query string (new string). */
char *kg_remote_escape(const char *s);

/* Fills @r from the environment ($MEDNUM_KG_PASSWORD) and @user. */
void kg_remote_init(struct kg_remote *r, const char *user);

#endif
