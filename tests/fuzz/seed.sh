#!/bin/sh
# seed.sh DIR [W3C_DIR] - copy the fuzzers' seed inputs into DIR/extract,
# DIR/sparql and DIR/rdf (run from the top of the tree by `make fuzz`):
# every report, query and Turtle file the tests, the data and the named
# queries hold, the W3C SPARQL tests when that suite is there, and the
# regression inputs of tests/fuzz/regress/.
set -u
out=$1 w3c=${2:-}
n=0
put() {   # put KIND FILE: copied under a name unique in KIND
  n=$((n+1))
  cp "$2" "$out/$1/$n-$(basename "$2")"
}
for f in data/*.md tests/fixtures/*.md tests/corpus/dev/*.md \
         tests/cases/*/input/*.md tests/fuzz/regress/extract/*; do
  [ -f "$f" ] && put extract "$f"
done
for f in queries/*.rq queries/*/*.rq tests/cases/*/input/*.rq \
         tests/fuzz/regress/sparql/*; do
  [ -f "$f" ] && put sparql "$f"
done
for f in tests/cases/*/input/*.ttl tests/cases/*/input/*.nt ontology/*.ttl \
         tests/fuzz/regress/rdf/*; do
  [ -f "$f" ] && put rdf "$f"
done
if [ -n "$w3c" ] && [ -d "$w3c" ]; then
  find "$w3c" -name '*.rq' | while read -r f; do
    n=$((n+1)); cp "$f" "$out/sparql/w3c-$n-$(basename "$f")"
  done
  find "$w3c" -name '*.ttl' -size -20k | while read -r f; do
    n=$((n+1)); cp "$f" "$out/rdf/w3c-$n-$(basename "$f")"
  done
fi
for k in extract sparql rdf; do
  echo "fuzz: $(ls "$out/$k" | wc -l) $k seeds"
done
