/* dict.c - phrase dictionary and one-pass scanning. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/buf.h"
#include "base/dict.h"
#include "base/hash.h"
#include "base/text.h"

struct slot {
  char *key;
  struct kg_dict_entry *e;
  size_t ne;
  int prefix_only;
};

struct kg_dict {
  struct kg_hash index;   /* key -> position in slots */
  struct slot *slots;
  size_t cap, n;
  int maxwords;
};

struct kg_dict *
kg_dict_new(void)
{
  return kg_xcalloc(1, sizeof(struct kg_dict));
}

void
kg_dict_free(struct kg_dict *d)
{
  size_t i;

  if(!d)
    return;
  for(i = 0; i < d->n; i++) {
    free(d->slots[i].key);
    free(d->slots[i].e);
  }
  free(d->slots);
  kg_hash_release(&d->index);
  free(d);
}

static struct slot *
find(const struct kg_dict *d, const char *key)
{
  size_t i;

  return kg_hash_get(&d->index, key, strlen(key), &i) ? &d->slots[i] : NULL;
}

static struct slot *
insert(struct kg_dict *d, const char *key)
{
  size_t i = d->n;

  if(kg_hash_put(&d->index, key, strlen(key), &i))
    return &d->slots[i];
  KG_GROW(d->slots, d->cap, d->n + 1);
  memset(&d->slots[i], 0, sizeof(d->slots[i]));
  d->slots[i].key = kg_xstrdup(key);
  d->slots[i].prefix_only = 1;
  d->n++;
  return &d->slots[i];
}

void
kg_dict_add(struct kg_dict *d, const char *key, enum kg_dict_kind kind,
            size_t index)
{
  struct slot *s;
  const char *p;
  int words = 1;
  size_t i;

  if(!*key)
    return;
  for(p = key; *p; p++)
    if(*p == ' ') {
      char *pre = kg_xstrndup(key, (size_t)(p - key));

      insert(d, pre);
      free(pre);
      words++;
    }
  if(words > d->maxwords)
    d->maxwords = words;
  s = insert(d, key);
  for(i = 0; i < s->ne; i++)
    if(s->e[i].kind == kind && s->e[i].index == index)
      return;
  s->e = kg_xrealloc(s->e, (s->ne + 1) * sizeof(*s->e));
  s->e[s->ne].kind = kind;
  s->e[s->ne].index = index;
  s->ne++;
  s->prefix_only = 0;
}

const struct kg_dict_entry *
kg_dict_get(const struct kg_dict *d, const char *key, size_t *n)
{
  const struct slot *s = find(d, key);

  *n = s ? s->ne : 0;
  return s && s->ne ? s->e : NULL;
}

struct word {
  size_t start, end;
  size_t key;           /* offset of its key in the scan's key buffer */
};

static int
wordc(int cp)
{
  utf8proc_category_t c;

  if(cp < 0x80)  /* ASCII's only letters and digits: no table lookup */
    return cp == '@' || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  c = utf8proc_category(cp);
  return cp == '@' || (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
         c == UTF8PROC_CATEGORY_MN;
}

void
kg_dict_scan(const struct kg_dict *d, const char *s, size_t len,
             struct kg_dict_hits *out)
{
  struct word *w = NULL;
  size_t nw = 0, capw = 0, i = 0;
  struct kg_buf key = KG_BUF_INIT, keys = KG_BUF_INIT, gram = KG_BUF_INIT;

  while(i < len) {
    int cp, k = kg_text_utf8_decode(s + i, len - i, &cp);
    size_t st;

    if(!wordc(cp)) {
      i += (size_t)k;
      continue;
    }
    st = i;
    while(i < len) {
      k = kg_text_utf8_decode(s + i, len - i, &cp);
      if(!wordc(cp))
        break;
      i += (size_t)k;
    }
    KG_GROW(w, capw, nw + 1);
    w[nw].start = st;
    w[nw].end = i;
    kg_text_key_keep_article(s + st, i - st, &key);
    w[nw].key = keys.len;   /* the keys one after the other, NUL-ended */
    kg_buf_add(&keys, key.s, key.len + 1);
    nw++;
  }
  for(i = 0; i < nw;) {
    size_t m, best = 0, bn = 0;
    const struct kg_dict_entry *be = NULL;

    kg_buf_reset(&gram);
    for(m = 0; i + m < nw && (int)m < d->maxwords; m++) {
      const char *wk = keys.s + w[i + m].key;
      const struct slot *sl;

      if(!wk[0])
        break;
      if(m)
        kg_buf_addc(&gram, ' ');
      kg_buf_adds(&gram, wk);
      if(!(sl = find(d, gram.s)))
        break;
      if(sl->ne) {             /* what kg_dict_get() gives */
        best = m + 1;
        be = sl->e;
        bn = sl->ne;
      }
    }
    if(!best) {
      i++;
      continue;
    }
    KG_GROW(out->v, out->cap, out->n + 1);
    out->v[out->n].start = w[i].start;
    out->v[out->n].end = w[i + best - 1].end;
    out->v[out->n].e = be;
    out->v[out->n].ne = bn;
    out->n++;
    i += best;
  }
  free(w);
  kg_buf_release(&key);
  kg_buf_release(&keys);
  kg_buf_release(&gram);
}

void
kg_dict_hits_release(struct kg_dict_hits *h)
{
  free(h->v);
  memset(h, 0, sizeof(*h));
}
