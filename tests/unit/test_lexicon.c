/* test_lexicon.c - the hunspell-fr word lexicon: classes of words and forms,
 * folding, and refusal of a damaged index.
 *
 * Needs data/lexicon/ built (make lexicon), found under $MEDNUM_KG_DATA or
 * KG_DATADIR.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "ref/lexicon.h"

static int test_no;
static int failures;

static void
ok(int cond, const char *desc)
{
  test_no++;
  if(!cond)
    failures++;
  printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
}

static unsigned
cls(const struct kg_lexicon *lx, const char *w)
{
  return kg_lexicon_classes(lx, w, strlen(w));
}

static void
test_classes(const struct kg_lexicon *lx)
{
  ok(kg_lexicon_count(lx) > 100000, "more than 100,000 words and forms");
  ok(cls(lx, "Anne") == KG_LEX_FIRST_NAME, "Anne: a first name only");
  ok(cls(lx, "Jean-Marc") & KG_LEX_FIRST_NAME, "Jean-Marc: a first name");
  ok((cls(lx, "Pierre") & (KG_LEX_FIRST_NAME | KG_LEX_COMMON)) ==
     (KG_LEX_FIRST_NAME | KG_LEX_COMMON), "Pierre: first name and pierre");
  ok(cls(lx, "Adams") & KG_LEX_SURNAME, "Adams: a surname");
  ok(!(cls(lx, "France") & KG_LEX_FIRST_NAME), "France: not a first name");
  ok(cls(lx, "Réunion") & KG_LEX_COMMON, "Réunion: réunion is common");
  ok(cls(lx, "plénière") == KG_LEX_COMMON, "plénière: common");
  ok(cls(lx, "Usines") & KG_LEX_COMMON, "Usines: a plural form (SFX S.)");
  ok(cls(lx, "Cheffe") & KG_LEX_COMMON, "Cheffe: a feminine form (SFX F+)");
  ok(cls(lx, "présentée") & KG_LEX_COMMON, "présentée: a verb form");
  ok(cls(lx, "GERALD") == cls(lx, "Gérald") && cls(lx, "GERALD"),
     "case and accents folded");
  ok(cls(lx, "Holderer") == 0, "an unknown surname: no class");
  ok(cls(lx, "") == 0 && kg_lexicon_classes(NULL, "Anne", 4) == 0,
     "empty word, no lexicon: no class");
  ok(kg_lexicon_classes(lx, "Annexe", 4) == KG_LEX_FIRST_NAME,
     "length bounds the word");
}

static void
test_fold(void)
{
  struct kg_buf b = KG_BUF_INIT;
  const char *w = "Ça\xE2\x80\x99Éte";

  ok(!strcmp(kg_lexicon_fold(w, strlen(w), &b), "ca'ete"),
     "fold: case, accents, typographic apostrophe");
  kg_buf_release(&b);
}

/* A damaged copy is refused with a message, not read. */
static void
test_damaged(const char *path)
{
  char tmp[4096];
  const char *dir = getenv("TMPDIR");
  int fd;
  FILE *in = fopen(path, "rb"), *out;
  char buf[4096];
  size_t n, total = 0;
  struct kg_lexicon *lx;

  snprintf(tmp, sizeof tmp, "%s/kglexXXXXXX", dir && *dir ? dir : P_tmpdir);
  fd = mkstemp(tmp);
  out = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if(!in || !out) {
    ok(0, "copy the index");
    if(in)
      fclose(in);
    if(out)
      fclose(out);
    return;
  }
  while((n = fread(buf, 1, sizeof buf, in)) > 0 && total < 65536) {
    fwrite(buf, 1, n, out);
    total += n;
  }
  fclose(in);
  fclose(out);
  fprintf(stderr, "(an error about a truncated index is expected next)\n");
  lx = kg_lexicon_open_file(tmp);
  ok(lx == NULL, "a truncated index is refused");
  kg_lexicon_free(lx);
  unlink(tmp);
}

int
main(void)
{
  const char *data = getenv("MEDNUM_KG_DATA");
  struct kg_buf dir = KG_BUF_INIT, path = KG_BUF_INIT;
  struct kg_lexicon *lx;

  kg_buf_addf(&dir, "%s/data/lexicon", data && *data ? data : KG_DATADIR);
  lx = kg_lexicon_open(dir.s);
  ok(lx != NULL, "the lexicon opens");
  if(lx)
    test_classes(lx);
  test_fold();
  kg_buf_addf(&path, "%s/%s", dir.s, KG_LEX_INDEX_FILE);
  test_damaged(path.s);
  kg_lexicon_free(lx);
  kg_buf_release(&dir);
  kg_buf_release(&path);
  printf("1..%d\n", test_no);
  return failures ? 1 : 0;
}
