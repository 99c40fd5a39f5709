#!/bin/sh
# t-store-kill.sh - a load killed with SIGKILL at random moments leaves the
# store whole: it opens, and the graph holds exactly the old or the new
# content (triple counts per graph), never a mix.  20 kills on the copy
# path, 10 more on the rebuild path.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }

# two versions of the same graph (same file name -> same graph IRI):
# A = 40,000 triples, B = 50,000 triples; a load takes about a second
awk 'BEGIN { for(i = 0; i < 40000; i++)
  printf "<http://ex.org/a/s%d> <http://ex.org/p%d> \"A %d é\"@fr .\n", i / 4, i % 4, i }' >A.nt
awk 'BEGIN { for(i = 0; i < 50000; i++)
  printf "<http://ex.org/b/s%d> <http://ex.org/p%d> \"B %d\" .\n", i / 5, i % 5, i }' >B.nt
printf '<http://ex.org/x> <http://ex.org/p> "small" .\n' >small.nt

count() {  # triples of graph/big in the store, "none" if absent
  $KG --store st stats -f tsv >stats.out 2>stats.err ||
    fail "store does not open after a kill: $(cat stats.err)"
  n=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/big$/ { print $5 }' stats.out)
  s=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/small$/ { print $5 }' stats.out)
  [ "$s" = 1 ] || fail "the untouched graph changed: '$s'"
  echo "${n:-none}"
}

cp A.nt big.nt
$KG --store st load --no-reference big.nt small.nt || fail "first load"
state=$(count)
[ "$state" = 40000 ] || fail "first load gave $state triples"

# kills NUMBER SEED: NUMBER loads, each killed after a random delay between
# 0 and 2.5 s (reproducible), each followed by the checks
kills() {
  delays=$(awk -v n="$1" -v seed="$2" 'BEGIN { srand(seed); for(i = 0; i < n; i++) printf "%.3f\n", rand() * 2.5 }')
  old=0 new=0 i=0
  for d in $delays; do
    i=$((i + 1))
    if [ "$state" = 40000 ]; then cp B.nt big.nt; want=50000
    else cp A.nt big.nt; want=40000; fi
    $KG --store st load --no-reference big.nt 2>load.err &
    pid=$!
    sleep "$d"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    got=$(count)
    if [ "$got" = "$state" ]; then old=$((old + 1))
    elif [ "$got" = "$want" ]; then new=$((new + 1))
    else fail "kill $i after ${d}s: graph has $got triples (old $state, new $want)"
    fi
    state=$got
    # the total agrees with the graphs: nothing half-written elsewhere
    total=$(awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }' stats.out)
    [ "$total" = $((got + 1)) ] || fail "kill $i: total $total, graphs $got + 1"
  done
  echo "$1 kills: $old left the old graph, $new the new one"
}

# a writer that copies the live generation and deletes in place (small store)
kills 20 42
# a writer that rebuilds the generation without the replaced graph (what a
# large store does; forced here)
MEDNUM_KG_REBUILD_MIN=0
export MEDNUM_KG_REBUILD_MIN
$KG -v --store st load --no-reference small.nt 2>&1 | grep -q 'rebuilding the store' ||
  fail "the rebuild path did not run"
kills 10 7
unset MEDNUM_KG_REBUILD_MIN

# the next writer removes what killed ones left behind
$KG --store st load --no-reference small.nt || fail "load after the kills"
n=$(ls -d st/gen-* | wc -l)
[ "$n" -eq 1 ] || fail "$n generations left: $(ls st)"
[ ! -e st/CURRENT.tmp ] || fail "CURRENT.tmp left behind"
[ "$(count)" = "$state" ] || fail "graph changed by an unrelated load"
exit 0
