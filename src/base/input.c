/* input.c - open and read input files within limits; reject what is not
 * a regular file, or not UTF-8 text, with a clear line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/input.h"
#include "base/text.h"

int
kg_input_is_stdin(const char *path)
{
  return !strcmp(path, "-");
}

const char *
kg_input_name(const char *path)
{
  return kg_input_is_stdin(path) ? "<stdin>" : path;
}

static const char *
limit_var(enum kg_input_kind kind)
{
  return kind == KG_INPUT_RDF ? "MEDNUM_KG_MAX_RDF" : "MEDNUM_KG_MAX_REPORT";
}

/* The limit of @kind in MB. */
static unsigned long
limit_mb(enum kg_input_kind kind)
{
  const char *env = getenv(limit_var(kind));

  if(env && *env) {
    char *end;
    unsigned long v = strtoul(env, &end, 10);

    if(!*end && v >= 1 && v < (1UL << 20))
      return v;
  }
  return kind == KG_INPUT_RDF ? KG_INPUT_RDF_MB : KG_INPUT_REPORT_MB;
}

unsigned long long
kg_input_limit(enum kg_input_kind kind)
{
  return (unsigned long long)limit_mb(kind) << 20;
}

int
kg_input_too_big(const char *path, enum kg_input_kind kind)
{
  kg_error("cannot read '%s': larger than %lu MB, the limit for %s (set %s, "
           "in MB, to raise it)", kg_input_name(path), limit_mb(kind),
           kind == KG_INPUT_RDF ? "an RDF file" : "a report", limit_var(kind));
  return KG_EXIT_DATA;
}

const char *
kg_input_file_kind(unsigned mode)
{
  if(S_ISFIFO(mode))
    return "a FIFO";
  if(S_ISCHR(mode))
    return "a character device";
  if(S_ISBLK(mode))
    return "a block device";
  if(S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

/* 0 if @st is a regular file within the limit of @kind, else reports and
 * returns the exit status. */
static int
check_stat(const char *path, const struct stat *st, enum kg_input_kind kind)
{
  if(S_ISDIR(st->st_mode)) {
    kg_error("cannot read '%s': %s", path, strerror(EISDIR));
    return KG_EXIT_SYS;
  }
  if(!S_ISREG(st->st_mode)) {
    kg_error("cannot read '%s': it is %s, not a regular file", path,
             kg_input_file_kind((unsigned)st->st_mode));
    return KG_EXIT_SYS;
  }
  if((unsigned long long)st->st_size > kg_input_limit(kind))
    return kg_input_too_big(path, kind);
  return KG_EXIT_OK;
}

/* Opens the regular file @path without blocking (a FIFO would wait for a
 * writer), checked before and after the open.  -1 with *code set. */
static int
open_regular(const char *path, enum kg_input_kind kind, int *code)
{
  struct stat st;
  int fd;

  if(!stat(path, &st) && (*code = check_stat(path, &st, kind)))
    return -1;
  fd = open(path, O_RDONLY | O_NONBLOCK);
  if(fd < 0) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    *code = KG_EXIT_SYS;
    return -1;
  }
  if(fstat(fd, &st) || (*code = check_stat(path, &st, kind)) ||
     fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
    if(!*code) {
      kg_error("cannot read '%s': %s", path, strerror(errno));
      *code = KG_EXIT_SYS;
    }
    close(fd);
    return -1;
  }
  return fd;
}

FILE *
kg_input_open(const char *path, enum kg_input_kind kind, int *code)
{
  FILE *fh;
  int fd;

  *code = KG_EXIT_OK;
  if(kind == KG_INPUT_REPORT && kg_input_is_stdin(path))
    return stdin;
  fd = open_regular(path, kind, code);
  if(fd < 0)
    return NULL;
  fh = fdopen(fd, "rb");
  if(!fh) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    close(fd);
    *code = KG_EXIT_SYS;
  }
  return fh;
}

void
kg_input_close(FILE *fh)
{
  if(fh && fh != stdin)
    fclose(fh);
}

int
kg_input_read_bytes(const char *path, struct kg_buf *out)
{
  unsigned long long limit = kg_input_limit(KG_INPUT_REPORT);
  FILE *fh;
  char chunk[65536];
  size_t n;
  int code;

  kg_buf_reset(out);
  fh = kg_input_open(path, KG_INPUT_REPORT, &code);
  if(!fh)
    return code;
  while((n = fread(chunk, 1, sizeof chunk, fh)) > 0) {
    if(out->len + n > limit) {
      code = kg_input_too_big(path, KG_INPUT_REPORT);
      break;
    }
    kg_buf_add(out, chunk, n);
  }
  if(!code && ferror(fh)) {
    kg_error("cannot read '%s': %s", kg_input_name(path), strerror(errno));
    code = KG_EXIT_SYS;
  }
  kg_input_close(fh);
  if(code)
    kg_buf_reset(out);
  return code;
}

static void
locate(const char *s, size_t off, int *line, int *col)
{
  size_t i, ls = 0;

  *line = 1;
  for(i = 0; i < off; i++)
    if(s[i] == '\n') {
      (*line)++;
      ls = i + 1;
    }
  *col = (int)kg_text_cp_count(s + ls, off - ls) + 1;
}

int
kg_input_read_text(const char *path, struct kg_buf *out)
{
  struct kg_buf raw = KG_BUF_INIT;
  struct kg_loc loc = { NULL, 0, 0 };
  const char *s;
  size_t len, bad = 0, i;
  int rc;

  loc.file = kg_input_name(path);
  rc = kg_input_read_bytes(path, &raw);
  if(rc)
    goto out;
  s = raw.s;
  len = raw.len;
  if(len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
    s += 3;
    len -= 3;
  }
  for(i = 0; i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' ||
                         s[i] == '\t'); i++)
    ;
  if(i == len) {
    kg_error_at(&loc, "empty file, nothing to extract");
    rc = KG_EXIT_DATA;
    goto out;
  }
  if(kg_text_looks_utf16(raw.s, raw.len)) {
    kg_error_at(&loc, "UTF-16 text; convert it with 'iconv -f UTF-16 -t "
                "UTF-8'");
    rc = KG_EXIT_DATA;
    goto out;
  }
  for(i = 0; i < len; i++)
    if(s[i] == '\0') {
      kg_error_at(&loc, "binary file (NUL byte at offset %zu), not a "
                  "Markdown report", i + (size_t)(s - raw.s));
      rc = KG_EXIT_DATA;
      goto out;
    }
  if(kg_text_utf8_check(s, len, &bad)) {
    size_t abs = bad + (size_t)(s - raw.s);

    locate(s, bad, &loc.line, &loc.col);
    if(kg_text_looks_latin1(s, len))
      kg_error_at(&loc, "invalid UTF-8 at byte offset %zu: the file looks "
                  "like Latin-1; convert it with 'iconv -f LATIN1 -t UTF-8'",
                  abs);
    else
      kg_error_at(&loc, "invalid UTF-8 at byte offset %zu", abs);
    rc = KG_EXIT_DATA;
    goto out;
  }
  if(kg_text_nfc(s, len, out)) {
    kg_error_at(&loc, "cannot normalise the text to NFC");
    rc = KG_EXIT_DATA;
    goto out;
  }
  rc = KG_EXIT_OK;
out:
  kg_buf_release(&raw);
  return rc;
}

int
kg_input_peek(const char *path, enum kg_input_kind kind, char *buf,
              size_t cap, size_t *len)
{
  int code;
  FILE *fh = kg_input_open(path, kind, &code);

  *len = 0;
  if(!fh)
    return code;
  *len = fread(buf, 1, cap, fh);
  if(ferror(fh)) {
    kg_error("cannot read '%s': %s", kg_input_name(path), strerror(errno));
    code = KG_EXIT_SYS;
  }
  kg_input_close(fh);
  return code;
}

int
kg_input_is_dir(const char *path)
{
  struct stat st;

  return !kg_input_is_stdin(path) && !stat(path, &st) && S_ISDIR(st.st_mode);
}

static int
cmp_path(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends @dir/@name to @l when it is a regular file, else says why not
 * (-v). */
static void
list_entry(const char *dir, const char *name, struct kg_input_list *l)
{
  struct kg_buf p = KG_BUF_INIT;
  struct stat st;
  size_t n = strlen(dir);

  kg_buf_adds(&p, dir);
  if(n && dir[n - 1] != '/')
    kg_buf_addc(&p, '/');
  kg_buf_adds(&p, name);
  if(name[0] == '.') {
    kg_info("skipped '%s': hidden file", p.s);
  } else if(stat(p.s, &st)) {
    kg_info("skipped '%s': %s", p.s, strerror(errno));
  } else if(S_ISDIR(st.st_mode)) {
    kg_info("skipped '%s': a directory (load does not descend)", p.s);
  } else if(!S_ISREG(st.st_mode)) {
    kg_info("skipped '%s': %s", p.s, kg_input_file_kind((unsigned)st.st_mode));
  } else {
    KG_GROW(l->v, l->cap, l->n + 1);
    l->v[l->n++] = kg_buf_detach(&p);
  }
  kg_buf_release(&p);
}

/* 1 if directory entry @name is one kg_input_dir_names keeps. */
static int
dir_name_wanted(const char *name, const char *suffix)
{
  size_t n = strlen(name), s;

  if(!strcmp(name, ".") || !strcmp(name, ".."))
    return 0;
  if(!suffix)
    return 1;
  s = strlen(suffix);
  return name[0] != '.' && n > s && !strcmp(name + n - s, suffix);
}

int
kg_input_dir_names(const char *dir, const char *suffix,
                   struct kg_input_list *names)
{
  size_t first = names->n;
  DIR *d = opendir(dir);
  struct dirent *e;
  int code = KG_EXIT_OK;

  if(!d) {
    kg_error("cannot read the directory '%s': %s", dir, strerror(errno));
    return KG_EXIT_SYS;
  }
  while((errno = 0, e = readdir(d)) != NULL) {
    if(!dir_name_wanted(e->d_name, suffix))
      continue;
    KG_GROW(names->v, names->cap, names->n + 1);
    names->v[names->n++] = kg_xstrdup(e->d_name);
  }
  if(errno) {
    kg_error("cannot read the directory '%s': %s", dir, strerror(errno));
    code = KG_EXIT_SYS;
  }
  closedir(d);
  if(names->n > first)
    qsort(names->v + first, names->n - first, sizeof *names->v, cmp_path);
  return code;
}

int
kg_input_list_dir(const char *dir, struct kg_input_list *l)
{
  struct kg_input_list names = KG_INPUT_LIST_INIT;
  size_t i;
  int code = kg_input_dir_names(dir, NULL, &names);

  /* sorted first, so that what -v says comes in the same order */
  for(i = 0; !code && i < names.n; i++)
    list_entry(dir, names.v[i], l);
  kg_input_list_release(&names);
  return code;
}

void
kg_input_list_release(struct kg_input_list *l)
{
  size_t i;

  for(i = 0; i < l->n; i++)
    free(l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

const void *
kg_input_map(const char *path, const char *what, const char *fix,
             size_t *size)
{
  struct stat st;
  void *map;
  int fd;

  fd = open(path, O_RDONLY);
  if(fd < 0) {
    kg_error("cannot open the %s '%s': %s; %s", what, path, strerror(errno),
             fix);
    return NULL;
  }
  if(fstat(fd, &st) < 0 || st.st_size <= 0) {
    close(fd);
    kg_error("cannot use the %s '%s': empty file; %s", what, path, fix);
    return NULL;
  }
  map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if(map == MAP_FAILED) {
    kg_error("cannot map the %s '%s': %s; %s", what, path, strerror(errno),
             fix);
    return NULL;
  }
  *size = (size_t)st.st_size;
  return map;
}

void
kg_input_unmap(const void *map, size_t size)
{
  if(map)
    munmap((void *)map, size);
}

uint32_t
kg_input_u32(const unsigned char *p)
{
  uint32_t v;

  memcpy(&v, p, sizeof v);
  return v;
}
