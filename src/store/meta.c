/* meta.c - the generation's meta file: its times and the graphs loaded.
 *
 * GEN/meta is text, one record a line, fields separated by tabs:
 *   # mednum-kg store 1
 *   issued<TAB>SECONDS
 *   modified<TAB>SECONDS
 *   graph<TAB>IRI<TAB>TRIPLES<TAB>LOADED<TAB>SOURCE
 * In memory it is a struct kg_meta, the graphs sorted by IRI.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "store/store_int.h"

#define KG_STORE_META_MAGIC "# mednum-kg store 1"

void
kg_meta_release(struct kg_meta *m)
{
  size_t i;

  for(i = 0; i < m->n; i++) {
    free(m->graphs[i].iri);
    free(m->graphs[i].source);
  }
  free(m->graphs);
  m->graphs = NULL;
  m->n = m->cap = 0;
}

static int
graph_cmp(const void *a, const void *b)
{
  const struct kg_store_graph *x = a, *y = b;

  return strcmp(x->iri, y->iri);
}

struct kg_store_graph *
kg_meta_find(struct kg_meta *m, const char *iri)
{
  size_t i;

  for(i = 0; i < m->n; i++)
    if(!strcmp(m->graphs[i].iri, iri))
      return &m->graphs[i];
  return NULL;
}

void
kg_meta_set(struct kg_meta *m, const char *iri, const char *source,
            long triples, long long loaded)
{
  struct kg_store_graph *g = kg_meta_find(m, iri);
  char *src = kg_xstrdup(source ? source : "");
  char *p;

  /* the meta file is tab-separated, one record a line */
  for(p = src; *p; p++)
    if(*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  if(!g) {
    KG_GROW(m->graphs, m->cap, m->n + 1);
    g = &m->graphs[m->n++];
    g->iri = kg_xstrdup(iri);
  } else {
    free(g->source);
  }
  g->source = src;
  g->triples = triples;
  g->loaded = loaded;
  qsort(m->graphs, m->n, sizeof(*m->graphs), graph_cmp);
}

int
kg_meta_remove(struct kg_meta *m, const char *iri)
{
  struct kg_store_graph *g = kg_meta_find(m, iri);
  size_t i;

  if(!g)
    return -1;
  i = (size_t)(g - m->graphs);
  free(g->iri);
  free(g->source);
  memmove(&m->graphs[i], &m->graphs[i + 1],
          (m->n - i - 1) * sizeof(*m->graphs));
  m->n--;
  return 0;
}

/* Reads one "graph" record (the line after "graph\t", changed in place).
 * 0, or -1 when it has fewer than four fields. */
static int
read_graph(struct kg_meta *m, char *p)
{
  /* graph IRI triples loaded source */
  char *f[4];
  int k;

  for(k = 0; k < 4; k++) {
    f[k] = p;
    if(k < 3) {
      p = strchr(p, '\t');
      if(!p)
        break;
      *p++ = '\0';
    }
  }
  if(k < 4)
    return -1;
  kg_meta_set(m, f[0], f[3], strtol(f[1], NULL, 10),
              strtoll(f[2], NULL, 10));
  return 0;
}

int
kg_meta_read(struct kg_meta *m, const char *gen_path)
{
  char *path = kg_files_path_join(gen_path, "meta");
  FILE *fh = fopen(path, "r");
  struct kg_buf line = KG_BUF_INIT;
  int c, rc = 0;

  if(!fh) {
    /* a generation written before its first commit has none yet */
    free(path);
    return 0;
  }
  for(;;) {
    kg_buf_reset(&line);
    while((c = getc(fh)) != EOF && c != '\n')
      kg_buf_addc(&line, c);
    if(!line.len && c == EOF)
      break;
    if(!strncmp(line.s, "issued\t", 7))
      m->issued = strtoll(line.s + 7, NULL, 10);
    else if(!strncmp(line.s, "modified\t", 9))
      m->modified = strtoll(line.s + 9, NULL, 10);
    else if(!strncmp(line.s, "graph\t", 6) && read_graph(m, line.s + 6)) {
      kg_error("'%s': malformed record", path);
      rc = -1;
      break;
    }
    if(c == EOF)
      break;
  }
  fclose(fh);
  kg_buf_release(&line);
  free(path);
  return rc;
}

int
kg_meta_write(const struct kg_meta *m, const char *gen_path)
{
  char *path = kg_files_path_join(gen_path, "meta");
  FILE *fh = fopen(path, "w");
  size_t i;
  int rc = 0;

  if(!fh) {
    kg_error("cannot create '%s': %s", path, strerror(errno));
    free(path);
    return -1;
  }
  fprintf(fh, "%s\nissued\t%lld\nmodified\t%lld\n", KG_STORE_META_MAGIC,
          m->issued, m->modified);
  for(i = 0; i < m->n; i++)
    fprintf(fh, "graph\t%s\t%ld\t%lld\t%s\n", m->graphs[i].iri,
            m->graphs[i].triples, m->graphs[i].loaded,
            m->graphs[i].source);
  if(fflush(fh) || ferror(fh) || fsync(fileno(fh))) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    rc = -1;
  }
  if(fclose(fh) && !rc) {
    kg_error("cannot write '%s': %s", path, strerror(errno));
    rc = -1;
  }
  free(path);
  return rc;
}
