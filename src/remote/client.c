/* client.c - HTTP requests over libcurl, with credentials and retries
 * (see client.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <curl/curl.h>

#include "base/buf.h"
#include "base/diag.h"
#include "remote/client.h"

/* Where the answer's body goes while it arrives. */
struct sink {
  CURL *c;
  FILE *out;                    /* a 2xx body, or NULL */
  struct kg_buf *buf;           /* any other body */
  int failed;                   /* writing @out failed */
};

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
  struct sink *s = arg;
  long status = 0;

  curl_easy_getinfo(s->c, CURLINFO_RESPONSE_CODE, &status);
  if(s->out && status >= 200 && status < 300) {
    if(fwrite(data, size, n, s->out) != n) {
      s->failed = 1;
      return 0;
    }
  } else if(s->buf->len < (1 << 20)) {   /* an error page: its start */
    kg_buf_add(s->buf, data, size * n);
  }
  return size * n;
}

static int
on_seek(void *arg, curl_off_t off, int origin)
{
  return fseeko(arg, (off_t)off, origin) ? CURL_SEEKFUNC_FAIL
                                         : CURL_SEEKFUNC_OK;
}

void
kg_remote_init(struct kg_remote *r, const char *user)
{
  memset(r, 0, sizeof(*r));
  r->user = user;
  r->password = getenv("MEDNUM_KG_PASSWORD");
  r->attempts = KG_REMOTE_ATTEMPTS;
}

char *
kg_remote_escape(const char *s)
{
  char *e = curl_easy_escape(NULL, s, 0);
  char *copy = kg_xstrdup(e ? e : "");

  curl_free(e);
  return copy;
}

/* Sets up @c for one attempt of the request. */
static void
setup(CURL *c, CURLU *u, const struct kg_remote *r, const char *method,
      const char *url, const char *body, size_t len, FILE *upload,
      struct curl_slist *hdrs, struct sink *s)
{
  if(r->user && !r->password && u) {
    /* the user in the URL: libcurl then looks its password up in
     * ~/.netrc (it does not when the user name is set apart) */
    curl_url_set(u, CURLUPART_URL, url, 0);
    curl_url_set(u, CURLUPART_USER, r->user, CURLU_URLENCODE);
    curl_easy_setopt(c, CURLOPT_CURLU, u);
  } else {
    curl_easy_setopt(c, CURLOPT_URL, url);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "mednum-kg/" KG_VERSION);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, r->timeout);
  curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC | CURLAUTH_DIGEST);
  curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  if(r->user && r->password) {
    curl_easy_setopt(c, CURLOPT_USERNAME, r->user);
    curl_easy_setopt(c, CURLOPT_PASSWORD, r->password);
  }
  if(upload) {
    fseeko(upload, 0, SEEK_END);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE,
                     (curl_off_t)ftello(upload));
    rewind(upload);
    curl_easy_setopt(c, CURLOPT_READDATA, upload);
    curl_easy_setopt(c, CURLOPT_SEEKFUNCTION, on_seek);
    curl_easy_setopt(c, CURLOPT_SEEKDATA, upload);
  } else if(body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  }
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
  if(!strcmp(method, "GET"))
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
}

/* 1 if an attempt that ended with @code and @status is worth another.  A
 * request that timed out once connected is not: the server was working on
 * it, and the caller's --timeout is for the whole request. */
static int
transient(CURLcode code, long status, int connected)
{
  switch(code) {
    case CURLE_OK:
      return status >= 500;
    case CURLE_OPERATION_TIMEDOUT:
      return !connected;
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR: case CURLE_RECV_ERROR: case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return 1;
    default:
      return 0;
  }
}

static void
pause_for(int attempt)
{
  struct timespec ts;
  double s = 0.5 * (double)(1 << attempt);

  ts.tv_sec = (time_t)s;
  ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
  nanosleep(&ts, NULL);
}

int
kg_remote_request(const struct kg_remote *r, const char *method,
                  const char *url, const char *ctype, const char *accept,
                  const char *body, size_t len, FILE *upload, FILE *out,
                  struct kg_remote_resp *resp)
{
  struct curl_slist *hdrs = NULL;
  struct kg_buf h = KG_BUF_INIT;
  CURLcode code = CURLE_FAILED_INIT;
  CURL *c = curl_easy_init();
  CURLU *u = curl_url();
  int attempt, attempts = r->attempts > 0 ? r->attempts : 1;
  curl_off_t connect_us = 0;
  struct sink s;

  memset(resp, 0, sizeof(*resp));
  kg_buf_init(&resp->body);
  if(!c) {
    kg_error("cannot start libcurl");
    return -1;
  }
  if(ctype) {
    kg_buf_addf(&h, "Content-Type: %s", ctype);
    hdrs = curl_slist_append(hdrs, h.s);
  }
  kg_buf_reset(&h);
  kg_buf_addf(&h, "Accept: %s", accept ? accept : "*/*");
  hdrs = curl_slist_append(hdrs, h.s);
  hdrs = curl_slist_append(hdrs, "Expect:");
  for(attempt = 0; attempt < attempts; attempt++) {
    const char *ct = NULL;

    if(attempt)
      pause_for(attempt - 1);
    kg_buf_reset(&resp->body);
    memset(&s, 0, sizeof s);
    s.c = c;
    s.out = out;
    s.buf = &resp->body;
    setup(c, u, r, method, url, body, len, upload, hdrs, &s);
    code = curl_easy_perform(c);
    resp->status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
    if(curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
      snprintf(resp->ctype, sizeof resp->ctype, "%s", ct);
    /* a body already streamed cannot be taken back: no retry then */
    curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connect_us);
    if(s.failed || !transient(code, resp->status, connect_us > 0) ||
       (out && resp->status >= 200 && resp->status < 300))
      break;
  }
  if(code != CURLE_OK && !s.failed)
    kg_error("%s %s: %s (tried %d times)", method, url,
             curl_easy_strerror(code), attempt < attempts ? attempt + 1
                                                          : attempts);
  else if(s.failed)
    kg_error("cannot write the answer of %s", url);
  curl_slist_free_all(hdrs);
  curl_easy_cleanup(c);
  curl_url_cleanup(u);
  kg_buf_release(&h);
  return code == CURLE_OK && !s.failed ? 0 : -1;
}

void
kg_remote_report(const struct kg_remote *r, const char *what,
                 const char *url, const struct kg_remote_resp *resp)
{
  const char *b = resp->body.s ? resp->body.s : "";
  size_t n = strcspn(b, "\r\n");

  if(resp->status == 401 && r->user && !r->password)
    kg_error("%s: %s answered 401: no password for user '%s' was accepted "
             "(set $MEDNUM_KG_PASSWORD, or a ~/.netrc line for that host "
             "and login)", what, url, r->user);
  else if(resp->status == 401 || resp->status == 403)
    kg_error("%s: %s answered %ld: the user or password is wrong or lacks "
             "the right (give --user, the password in $MEDNUM_KG_PASSWORD "
             "or ~/.netrc)", what, url, resp->status);
  else
    kg_error("%s: %s answered %ld%s%.*s", what, url, resp->status,
             n ? ": " : "", (int)(n > 300 ? 300 : n), b);
}
