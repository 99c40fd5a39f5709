#!/bin/sh
# tools/eval/ident.sh REF NEW TREE - is a change of the extractor free of
# any change of output?  Extracts every report input of TREE (the seed,
# tests/corpus, the Markdown inputs of tests/cases, fixtures and eval) with
# both binaries and compares Turtle (extract -o), N-Quads, candidates (tsv,
# json), stderr and status, one report at a time and all at once; then runs
# every extract-*/candidates-* golden case with both.  Exit 0 when nothing
# differs.  Give absolute paths (it works in a scratch folder).  Used for
# speed work (docs/BENCHMARKS.md).
set -u
REF=$1 NEW=$2 TREE=$3
export LC_ALL=C TZ=UTC MEDNUM_KG_DATA=$TREE
tmp=$(mktemp -d) || exit 2; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cwd"; cd "$tmp/cwd" || exit 2
export MEDNUM_KG_STORE=$tmp/nostore
n=0 bad=0 ok=''
files=$( (echo "$TREE/data/nec-cvl-2024.md"; ls "$TREE"/tests/corpus/*/*.md; \
  find "$TREE/tests/cases" "$TREE/tests/fixtures" "$TREE/tests/eval" -name '*.md') | grep -v '/README.md$' | sort -u)
run() { # BIN TAG FILE
  "$1" extract -o "$tmp/$2.ttl" "$3" >"$tmp/$2.out" 2>"$tmp/$2.err"; echo $? >>"$tmp/$2.err"
  "$1" extract -f nquads "$3" >"$tmp/$2.nq" 2>>"$tmp/$2.err"; echo $? >>"$tmp/$2.err"
  "$1" candidates -f tsv "$3" >"$tmp/$2.cand" 2>>"$tmp/$2.err"; echo $? >>"$tmp/$2.err"
  "$1" candidates -f json "$3" >"$tmp/$2.cj" 2>>"$tmp/$2.err"; echo $? >>"$tmp/$2.err"
}
for f in $files; do
  n=$((n+1)); rm -f "$tmp"/r.* "$tmp"/n.*
  run "$REF" r "$f"; run "$NEW" n "$f"
  [ -s "$tmp/r.ttl" ] || echo "note: no turtle for $f" >&2
  [ -f "$tmp/r.ttl" ] && ok="$ok $f"
  for x in ttl out err nq cand cj; do
    [ -f "$tmp/r.$x" ] || [ -f "$tmp/n.$x" ] || continue
    if ! cmp -s "$tmp/r.$x" "$tmp/n.$x"; then
      bad=$((bad+1)); echo "DIFF $x $f"; diff "$tmp/r.$x" "$tmp/n.$x" | head -10
    fi
  done
done
# all reports at once (cross-report state)
"$REF" extract -o "$tmp/all-r.ttl" $ok 2>"$tmp/all-r.err"; echo $? >>"$tmp/all-r.err"
"$NEW" extract -o "$tmp/all-n.ttl" $ok 2>"$tmp/all-n.err"; echo $? >>"$tmp/all-n.err"
cmp -s "$tmp/all-r.ttl" "$tmp/all-n.ttl" && cmp -s "$tmp/all-r.err" "$tmp/all-n.err" || { bad=$((bad+1)); echo "DIFF all-at-once"; }
# golden cases that run extract or candidates, with each binary
cases=0
for c in "$TREE"/tests/cases/extract-* "$TREE"/tests/cases/candidates-*; do
  [ -f "$c/cmd" ] || continue; cases=$((cases+1))
  for t in r n; do
    b=$REF; [ $t = n ] && b=$NEW
    (cd "$c" && KG=$b env -u MEDNUM_KG_STORE sh ./cmd) >"$tmp/c.$t.out" 2>"$tmp/c.$t.err"; echo $? >>"$tmp/c.$t.err"
  done
  cmp -s "$tmp/c.r.out" "$tmp/c.n.out" && cmp -s "$tmp/c.r.err" "$tmp/c.n.err" || { bad=$((bad+1)); echo "DIFF case $c"; }
done
echo "ident: $n reports x 4 outputs, $cases golden cases, $bad differences"
[ "$bad" -eq 0 ]
