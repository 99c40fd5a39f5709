/* world.c - the librdf world and the node and model constructors. */
#include <locale.h>
#include <string.h>

#include "base/diag.h"
#include "rdf/rdf.h"
#include "rdf/world.h"

int
kg_world_init(struct kg_world *w)
{
  memset(w, 0, sizeof(*w));
  /* rasqal's POSIX regex works on characters only in a UTF-8 locale */
  if(!setlocale(LC_ALL, "C.UTF-8"))
    setlocale(LC_CTYPE, "C.UTF-8");
  w->world = librdf_new_world();
  if(!w->world) {
    kg_error("cannot start the RDF library");
    return -1;
  }
  kg_diag_install_redland(w->world);
  librdf_world_open(w->world);
  kg_diag_install_redland(w->world);
  w->raptor = librdf_world_get_raptor(w->world);
  w->base = KG_DEFAULT_BASE;
  return 0;
}

void
kg_world_release(struct kg_world *w)
{
  if(w->world)
    librdf_free_world(w->world);
  memset(w, 0, sizeof(*w));
}

static librdf_model *
memory_model(struct kg_world *w, librdf_storage **storage, const char *opts)
{
  librdf_model *m;

  *storage = librdf_new_storage(w->world, "hashes", NULL, opts);
  if(!*storage) {
    kg_error("cannot create an in-memory graph");
    return NULL;
  }
  m = librdf_new_model(w->world, *storage, NULL);
  if(!m) {
    librdf_free_storage(*storage);
    *storage = NULL;
    kg_error("cannot create an in-memory graph");
  }
  return m;
}

librdf_model *
kg_world_new_memory_model(struct kg_world *w, librdf_storage **storage)
{
  return memory_model(w, storage, "hash-type='memory',contexts='yes',"
                                  "index-predicates='yes'");
}

librdf_model *
kg_world_new_plain_model(struct kg_world *w, librdf_storage **storage)
{
  return memory_model(w, storage, "hash-type='memory',contexts='no',"
                                  "index-predicates='yes'");
}

librdf_node *
kg_world_iri(struct kg_world *w, const char *iri)
{
  return librdf_new_node_from_uri_string(w->world,
                                         (const unsigned char *)iri);
}

librdf_node *
kg_world_iri2(struct kg_world *w, const char *ns, const char *local)
{
  return kg_rdf_iri(w->world, ns, local);
}

librdf_node *
kg_world_id(struct kg_world *w, const char *rel)
{
  return kg_rdf_iri(w->world, w->base, rel);
}
