#!/bin/sh
# run-all.sh UNIT-BIN... - run every suite (unit programs, golden cases,
# integration scripts) and end with the total "N passed, N failed".
set -u
: "${KG:?set KG to the built binary}"
dir=$(dirname "$0")
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
rc=0
sh "$dir/run-unit.sh" "$@" | tee -a "$log" || rc=1
sh "$dir/run-golden.sh" | tee -a "$log" || rc=1
sh "$dir/run-integration.sh" | tee -a "$log" || rc=1
pass=0 fail=0
for n in $(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log" | tr ' ' ':'); do
  pass=$((pass + ${n%%:*})); fail=$((fail + ${n##*:}))
done
[ "$rc" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
