#!/bin/sh
# run-unit.sh BIN... - run each unit-test program; each prints TAP-like
# "ok"/"not ok" lines and exits non-zero on failure.
set -u
# The programs find the data of the source tree through $MEDNUM_KG_DATA
# (the binary finds it beside itself; a unit program lives in build/unit).
MEDNUM_KG_DATA=${MEDNUM_KG_DATA:-$(cd "$(dirname "$0")/.." && pwd)}
export MEDNUM_KG_DATA
pass=0 fail=0
for b in "$@"; do
  if "$b"; then pass=$((pass+1)); echo "ok   $(basename "$b")"
  else fail=$((fail+1)); echo "FAIL $(basename "$b")"; fi
done
echo "unit: $pass passed, $fail failed"; [ "$fail" -eq 0 ]
