#!/bin/sh
# run-golden.sh [CASE...] - run each tests/cases/<case>/cmd in its own
# directory and diff stdout, stderr, status against <case>/expected/.
# UPDATE=1 rewrites expected/ instead; review the result with git diff.
set -u
: "${KG:?set KG to the built binary}"
KG="${VALGRIND:+$VALGRIND }$KG"; export KG LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE
cd "$(dirname "$0")/cases" || exit 2
tmp=$(mktemp -d) || exit 2; trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for t in ${@:-*}; do
  t=${t%/}; o=$tmp/$t; mkdir -p "$o"
  [ -f "$t/cmd" ] || continue
  (cd "$t" && sh ./cmd) >"$o/stdout" 2>"$o/stderr"; echo $? >"$o/status"
  if [ -n "${UPDATE-}" ]; then mkdir -p "$t/expected"; cp "$o"/* "$t/expected/"
  elif diff -ru "$t/expected" "$o" >"$tmp/diff"; then pass=$((pass+1)); echo "ok   $t"
  else fail=$((fail+1)); echo "FAIL $t   rerun: cd tests/cases/$t && sh ./cmd"
       head -n 60 "$tmp/diff"; fi
done
echo "golden: $pass passed, $fail failed"; [ "$fail" -eq 0 ]
