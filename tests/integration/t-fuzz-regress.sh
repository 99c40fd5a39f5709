#!/bin/sh
# t-fuzz-regress.sh - the inputs the fuzzers found (tests/fuzz/regress/)
# replayed through the real binary: each report is extracted, each query
# run over the fuzzers' dataset, each Turtle file read and written again.
# Every run must end in an answer or a clean refusal (status 0 to 4),
# never a signal nor a sanitizer report (under 'make asan', whose
# sanitizers exit with status 1: their report in stderr counts).
#
# tests/fuzz/regress/KNOWN names the inputs that still crash because of a
# bug not fixed yet (one "KIND/FILE  reason" a line): they are reported
# as 'todo' without failing (a heap overflow may show only under 'make
# asan'; remove the line once the bug is fixed).
set -u
r=$TOP/tests/fuzz/regress
data="--data $TOP/tests/fuzz/dataset.ttl --named urn:x-fuzz:g=$TOP/tests/fuzz/dataset.nq"
fail=0 n=0

known() {   # known KIND/FILE: 0 if listed in KNOWN
  [ -f "$r/KNOWN" ] && grep -q "^$1[[:space:]]" "$r/KNOWN"
}

check() {   # check KIND/FILE STATUS
  n=$((n+1))
  st=$2
  if grep -q 'Sanitizer\|runtime error:' err; then
    st="$st with a sanitizer report"
  elif [ "$st" -le 4 ]; then
    return 0
  fi
  if known "$1"; then
    echo "todo - $1: status $st (known: $(grep "^$1[[:space:]]" "$r/KNOWN" |
      sed 's/^[^[:space:]]*[[:space:]]*//'))"
  else
    echo "not ok - $1: status $st"; head -n 20 err; fail=1
  fi
}

for f in "$r"/extract/*; do
  [ -f "$f" ] || continue
  "$KG" extract -f ntriples "$f" >/dev/null 2>err
  check "extract/$(basename "$f")" $?
done
for f in "$r"/sparql/*; do
  [ -f "$f" ] || continue
  # shellcheck disable=SC2086
  "$KG" query $data "$f" >/dev/null 2>err
  check "sparql/$(basename "$f")" $?
done
for f in "$r"/rdf/*; do
  [ -f "$f" ] || continue
  cp "$f" in.ttl
  "$KG" query --data in.ttl -f turtle -e 'CONSTRUCT WHERE { ?s ?p ?o }' \
    >/dev/null 2>err
  check "rdf/$(basename "$f")" $?
done
[ "$fail" -eq 0 ] && echo "ok - $n fuzzer inputs: answered or refused"
exit $fail
