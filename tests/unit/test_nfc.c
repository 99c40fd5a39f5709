/* test_nfc.c - NFC normalisation and its quick path. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"

static int failures, count;

static void
check(const char *in, const char *want, const char *what)
{
  struct kg_buf out = KG_BUF_INIT;

  count++;
  if(kg_text_nfc(in, strlen(in), &out) || strcmp(out.s, want)) {
    failures++;
    printf("not ok %d - %s\n", count, what);
  } else {
    printf("ok %d - %s\n", count, what);
  }
  kg_buf_release(&out);
}

int
main(void)
{
  check("Orl\xc3\xa9" "ans", "Orl\xc3\xa9" "ans", "precomposed text is kept");
  check("Orle\xcc\x81" "ans", "Orl\xc3\xa9" "ans", "e + combining acute composes");
  check("\xe2\x87\x92 fl\xc3\xa8" "che", "\xe2\x87\x92 fl\xc3\xa8" "che",
        "arrows are kept");
  check("\xe2\x87\x92\xcc\xb8", "\xe2\x87\x8f",
        "an arrow and a combining overlay compose (U+21CF)");
  check("\xe2\x84\xab", "\xc3\x85", "the Angstrom sign becomes A with ring");
  check("\xe2\x80\xa6 \xe2\x82\xac", "\xe2\x80\xa6 \xe2\x82\xac",
        "compatibility characters are left alone by NFC");
  check("\xe1\x84\x80\xe1\x85\xa1", "\xea\xb0\x80", "Hangul jamo compose");
  printf("1..%d\n", count);
  return failures ? 1 : 0;
}
