/* gazbench.c - cost of kg_gaz_open and of lookups (make gazetteer-bench).
 *
 * gazbench [DIR]: DIR defaults to $MEDNUM_KG_DATA/data/gazetteer or
 * KG_DATADIR/data/gazetteer.  Prints, in ms: the first open in this process
 * (page faults included), the mean of 200 further open+free, 10,000 lookups
 * of precomputed keys (half hits, half misses), and 10,000 kg_text_key()
 * + lookup from raw names; then a scan of a report (default
 * data/nec-cvl-2024.md, or argv[2]): key of the whole text once, then every
 * n-gram of its words, grown while kg_gaz_has_prefix() says a longer name
 * may match, looked up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "ref/gaz.h"
#include "base/text.h"

#define N_LOOKUPS 10000
#define N_OPENS 200

static double
now_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The n-gram scan of one report; returns the time in ms. */
static double
scan_report(const struct kg_gaz *g, const char *path, size_t *bytes,
            size_t *words, size_t *lookups, size_t *matches, double *t_key)
{
  const struct kg_terr *out[64];
  struct kg_buf text = KG_BUF_INIT, key = KG_BUF_INIT, gram = KG_BUF_INIT;
  char **tok = NULL, *save = NULL, *w, buf[65536];
  size_t ntok = 0, cap = 0, i, j, n;
  double t0, t;
  FILE *f = fopen(path, "rb");

  *bytes = *words = *lookups = *matches = 0;
  if(!f)
    return -1;
  while((n = fread(buf, 1, sizeof buf, f)) > 0)
    kg_buf_add(&text, buf, n);
  fclose(f);
  *bytes = text.len;
  t0 = now_ms();
  kg_text_key_keep_article(text.s, text.len, &key);
  for(w = strtok_r(key.s, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
    KG_GROW(tok, cap, ntok + 1);
    tok[ntok++] = w;
  }
  *t_key = now_ms() - t0;
  for(i = 0; i < ntok; i++) {
    kg_buf_reset(&gram);
    for(j = i; j < ntok && (int)(j - i) < kg_gaz_max_words(g); j++) {
      if(j > i)
        kg_buf_addc(&gram, ' ');
      kg_buf_adds(&gram, tok[j]);
      if(!kg_gaz_has_prefix(g, gram.s))
        break;
      (*lookups)++;
      *matches += kg_gaz_lookup(g, gram.s, out, 64);
    }
  }
  t = now_ms() - t0;
  *words = ntok;
  free(tok);
  kg_buf_release(&text);
  kg_buf_release(&key);
  kg_buf_release(&gram);
  return t;
}

int
main(int argc, char **argv)
{
  const char *data = getenv("MEDNUM_KG_DATA");
  struct kg_buf dir = KG_BUF_INIT, key = KG_BUF_INIT;
  const struct kg_terr *out[64];
  char **keys, **names;
  struct kg_gaz *g;
  double t0, t_first, t_open, t_look, t_keylook;
  size_t i, n, hits = 0, found = 0, bytes, words, lookups, matches;
  struct kg_buf report = KG_BUF_INIT;
  double t_scan, t_key = 0;
  int r;

  if(argc > 1)
    kg_buf_adds(&dir, argv[1]);
  else
    kg_buf_addf(&dir, "%s/data/gazetteer",
                data && *data ? data : KG_DATADIR);
  t0 = now_ms();
  g = kg_gaz_open(dir.s);
  t_first = now_ms() - t0;
  if(!g)
    return 4;
  n = kg_gaz_count(g);
  keys = kg_xcalloc(N_LOOKUPS, sizeof(*keys));
  names = kg_xcalloc(N_LOOKUPS, sizeof(*names));
  for(i = 0; i < N_LOOKUPS; i++) {
    const struct kg_terr *t = kg_gaz_at(g, (i * 7919) % n);

    kg_buf_reset(&key);
    kg_text_key(t->name, strlen(t->name), &key);
    if(i % 2)
      kg_buf_adds(&key, " nord");   /* mostly a miss */
    keys[i] = kg_xstrdup(key.s);
    names[i] = kg_xstrdup(t->name);
  }
  kg_gaz_free(g);

  t0 = now_ms();
  for(r = 0; r < N_OPENS; r++)
    kg_gaz_free(kg_gaz_open(dir.s));
  t_open = (now_ms() - t0) / N_OPENS;

  g = kg_gaz_open(dir.s);
  t0 = now_ms();
  for(i = 0; i < N_LOOKUPS; i++)
    hits += kg_gaz_lookup(g, keys[i], out, 64) > 0;
  t_look = now_ms() - t0;
  kg_gaz_free(g);

  g = kg_gaz_open(dir.s);
  t0 = now_ms();
  for(i = 0; i < N_LOOKUPS; i++) {
    kg_text_key(names[i], strlen(names[i]), &key);
    found += kg_gaz_lookup(g, key.s, out, 64) > 0;
  }
  t_keylook = now_ms() - t0;
  kg_gaz_free(g);

  if(argc > 2)
    kg_buf_adds(&report, argv[2]);
  else
    kg_buf_addf(&report, "%s/data/nec-cvl-2024.md",
                data && *data ? data : KG_DATADIR);
  g = kg_gaz_open(dir.s);
  t_scan = scan_report(g, report.s, &bytes, &words, &lookups, &matches,
                       &t_key);
  kg_gaz_free(g);

  printf("territories             %zu\n", n);
  printf("first open (cold pages) %.3f ms\n", t_first);
  printf("open+free, mean of %d   %.3f ms\n", N_OPENS, t_open);
  printf("%d lookups            %.3f ms (%.3f us each; %zu hits)\n",
         N_LOOKUPS, t_look, t_look * 1e3 / N_LOOKUPS, hits);
  printf("%d key+lookups        %.3f ms (%.3f us each; %zu hits)\n",
         N_LOOKUPS, t_keylook, t_keylook * 1e3 / N_LOOKUPS, found);
  if(t_scan >= 0)
    printf("report scan             %.3f ms, of which key of the text "
           "%.3f ms\n                        (%zu bytes, %zu words, "
           "%zu lookups, %zu matches)\n", t_scan, t_key, bytes, words,
           lookups, matches);
  for(i = 0; i < N_LOOKUPS; i++) {
    free(keys[i]);
    free(names[i]);
  }
  free(keys);
  free(names);
  kg_buf_release(&key);
  kg_buf_release(&dir);
  kg_buf_release(&report);
  return 0;
}
