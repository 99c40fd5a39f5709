/* input.c - read report files, reject non-text input with a clear line. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/input.h"
#include "base/text.h"

int
kg_input_read_bytes(const char *path, struct kg_buf *out)
{
  FILE *fh;
  struct stat st;
  char chunk[65536];
  size_t n;

  kg_buf_reset(out);
  if(stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    kg_error("cannot read '%s': %s", path, strerror(EISDIR));
    return KG_EXIT_SYS;
  }
  fh = fopen(path, "rb");
  if(!fh) {
    kg_error("cannot open '%s': %s", path, strerror(errno));
    return KG_EXIT_SYS;
  }
  while((n = fread(chunk, 1, sizeof chunk, fh)) > 0)
    kg_buf_add(out, chunk, n);
  if(ferror(fh)) {
    kg_error("cannot read '%s': %s", path, strerror(errno));
    fclose(fh);
    return KG_EXIT_SYS;
  }
  fclose(fh);
  return KG_EXIT_OK;
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

  loc.file = path;
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
