/* fuzz_common.c - the harnesses' shared set-up (see fuzz_common.h). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/diag.h"
#include "rdf/rdf.h"
#include "rdf/read.h"
#include "rdf/serialize.h"
#include "fuzz_common.h"

static struct kg_ctx ctx;
static int ctx_ready;

struct kg_ctx *
kg_fuzz_ctx(int reference)
{
  if(ctx_ready)
    return &ctx;
  if(kg_ctx_init(&ctx)) {
    fprintf(stderr, "fuzz: cannot make the context\n");
    abort();
  }
  if(!getenv("KG_FUZZ_VERBOSE"))
    kg_diag_set_verbosity(-1);
  /* the reference data is read once, not on the first input */
  if(reference && (!kg_ref_vocab(&ctx.ref) || !kg_ref_gaz(&ctx.ref) ||
     !kg_ref_registry(&ctx.ref) || !kg_ref_lexicon(&ctx.ref))) {
    fprintf(stderr, "fuzz: cannot load the reference data (run 'make "
            "gazetteer lexicon', or set MEDNUM_KG_DATA)\n");
    abort();
  }
  ctx_ready = 1;
  return &ctx;
}

const char *
kg_fuzz_file(int slot, const uint8_t *data, size_t size)
{
  static int fd[2] = { -1, -1 };
  static char path[2][64];
  size_t off = 0;

  if(fd[slot] < 0) {
    fd[slot] = memfd_create("kg-fuzz", 0);
    if(fd[slot] < 0) {
      perror("fuzz: memfd_create");
      abort();
    }
    snprintf(path[slot], sizeof path[slot], "/proc/self/fd/%d", fd[slot]);
  }
  if(ftruncate(fd[slot], 0)) {
    perror("fuzz: ftruncate");
    abort();
  }
  while(off < size) {
    ssize_t n = pwrite(fd[slot], data + off, size - off, (off_t)off);

    if(n <= 0) {
      perror("fuzz: pwrite");
      abort();
    }
    off += (size_t)n;
  }
  return path[slot];
}

void
kg_fuzz_turtle_roundtrip(struct kg_ctx *c, struct kg_stmts *l)
{
  struct kg_stmts back = { NULL, 0, 0 };
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  int rc;

  if(!mem)
    abort();
  if(kg_serialize_stmts(&c->w, l, "turtle", mem)) {
    fprintf(stderr, "fuzz: the Turtle writer failed\n");
    abort();
  }
  fclose(mem);
  rc = kg_read_file(c->w.raptor, kg_fuzz_file(1, (const uint8_t *)text, len),
                    "turtle", NULL, &back);
  if(rc || back.n != l->n) {
    fprintf(stderr, "fuzz: the Turtle written does not read back (status "
            "%d, %zu statements written, %zu read):\n%s\n", rc, l->n,
            back.n, text);
    abort();
  }
  kg_rdf_stmts_release(&back);
  free(text);
}
