/* ref.c - reference data loaded on first use (see ref.h). */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rdf/world.h"
#include "ref/gaz.h"
#include "ref/lexicon.h"
#include "ref/ref.h"
#include "ref/registry.h"
#include "ref/vocab.h"

void
kg_ref_init(struct kg_ref *ref, struct kg_world *w, const char *datadir)
{
  memset(ref, 0, sizeof(*ref));
  ref->w = w;
  ref->datadir = datadir;
}

void
kg_ref_release(struct kg_ref *ref)
{
  kg_vocab_free(ref->vocab);
  kg_gaz_free(ref->gaz);
  kg_registry_free(ref->reg);
  kg_lexicon_free(ref->lex);
  memset(ref, 0, sizeof(*ref));
}

char *
kg_ref_path(const struct kg_ref *ref, const char *rel)
{
  struct kg_buf b = KG_BUF_INIT;

  kg_buf_addf(&b, "%s/%s", ref->datadir, rel);
  return kg_buf_detach(&b);
}

void
kg_ref_set_curation(struct kg_ref *ref, const char *path)
{
  kg_registry_free(ref->reg);
  ref->reg = NULL;
  ref->curation = path;
}

struct kg_vocab *
kg_ref_vocab(struct kg_ref *ref)
{
  if(!ref->vocab)
    ref->vocab = kg_vocab_new(ref->w->raptor, ref->datadir);
  if(!ref->vocab)
    ref->status = KG_EXIT_SYS;
  return ref->vocab;
}

struct kg_gaz *
kg_ref_gaz(struct kg_ref *ref)
{
  if(!ref->gaz) {
    char *dir = kg_ref_path(ref, "data/gazetteer");

    ref->gaz = kg_gaz_open(dir);
    free(dir);
  }
  if(!ref->gaz)
    ref->status = KG_EXIT_SYS;
  return ref->gaz;
}

struct kg_registry *
kg_ref_registry(struct kg_ref *ref)
{
  if(!ref->reg) {
    char *dir = kg_ref_path(ref, "data/registry");

    ref->reg = kg_registry_new(ref->w->raptor, dir, ref->curation,
                               &ref->status);
    free(dir);
  }
  return ref->reg;
}

struct kg_lexicon *
kg_ref_lexicon(struct kg_ref *ref)
{
  if(!ref->lex) {
    char *dir = kg_ref_path(ref, "data/lexicon");

    ref->lex = kg_lexicon_open(dir);
    free(dir);
  }
  return ref->lex;
}
