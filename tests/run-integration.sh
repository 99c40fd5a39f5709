#!/bin/sh
# run-integration.sh [NAME...] - run tests/integration/t-*.sh; each script
# gets $KG, runs in a fresh temporary directory and exits 0 on success.
set -u
: "${KG:?set KG to the built binary}"
export KG LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE
top=$(cd "$(dirname "$0")/.." && pwd)
export TOP="$top"
pass=0 fail=0
for f in "$top"/tests/integration/t-*.sh; do
  n=$(basename "$f" .sh)
  if [ $# -gt 0 ]; then
    case " $* " in *" $n "*) ;; *) continue ;; esac
  fi
  d=$(mktemp -d) || exit 2
  if (cd "$d" && sh "$f") >"$d.log" 2>&1; then
    pass=$((pass+1))
    # a test that could not run (or not all of it) says why on a line
    # "skipped: REASON": shown beside its name
    why=$(sed -n 's/^skipped: //p' "$d.log" | head -n 3 | tr '\n' ';' | sed 's/;$//')
    echo "ok   $n${why:+   (skipped: $why)}"
  else
    fail=$((fail+1)); echo "FAIL $n   rerun: make integration T=$n"
    tail -n 40 "$d.log"
  fi
  rm -rf "$d" "$d.log"
done
echo "integration: $pass passed, $fail failed"; [ "$fail" -eq 0 ]
