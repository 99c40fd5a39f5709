#!/bin/sh
# t-store-kill.sh - 100 writers killed with SIGKILL at random moments
# (loads, replacements and removals of one graph) leave the store whole:
# it opens, and the graph holds exactly the old or the new content
# (triple counts per graph, and the total), never a mix.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }

# two versions of the same graph (same file name -> same graph IRI):
# A = 40,000 triples, B = 50,000 triples
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

# how long an unkilled replacement and removal take here (a sanitizer
# build is several times slower): the kills are spread over 1.3 times that
ms_of() { t0=$(date +%s%N); "$@" || fail "calibration: $*"; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
cp B.nt big.nt; t_rep=$(ms_of $KG --store st load --no-reference big.nt)
t_rm=$(ms_of $KG --store st unload --no-reference big.nt)
cp A.nt big.nt; t_load=$(ms_of $KG --store st load --no-reference big.nt)
echo "replace ${t_rep} ms, remove ${t_rm} ms, load ${t_load} ms"
state=$(count)

# 100 writers, each killed after a random delay (reproducible): with the
# graph there, it is replaced by the other version or removed; without
# it, it is loaded
delays=$(awk 'BEGIN { srand(42); for(i = 0; i < 100; i++) printf "%.3f %d\n", rand() * 1.3, int(rand() * 3) }')
old=0 new=0 i=0
echo "$delays" | {
  while read -r r op; do
    i=$((i + 1))
    if [ "$state" = none ]; then
      cp A.nt big.nt; want=40000; what=load; d=$(awk -v r="$r" -v t="$t_load" 'BEGIN { printf "%.3f", r * t / 1000 }')
      set -- load --no-reference big.nt
    elif [ "$op" = 0 ]; then
      want=none; what=unload; d=$(awk -v r="$r" -v t="$t_rm" 'BEGIN { printf "%.3f", r * t / 1000 }')
      set -- unload --no-reference big.nt
    else
      if [ "$state" = 40000 ]; then cp B.nt big.nt; want=50000
      else cp A.nt big.nt; want=40000; fi
      what=replace; d=$(awk -v r="$r" -v t="$t_rep" 'BEGIN { printf "%.3f", r * t / 1000 }')
      set -- load --no-reference big.nt
    fi
    $KG --store st "$@" 2>w.err &
    pid=$!
    sleep "$d"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    got=$(count)
    if [ "$got" = "$state" ]; then old=$((old + 1))
    elif [ "$got" = "$want" ]; then new=$((new + 1))
    else fail "kill $i ($what, after ${d}s): graph has $got triples (old $state, new $want)"
    fi
    state=$got
    # the total agrees with the graphs: nothing half-written elsewhere
    total=$(awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }' stats.out)
    if [ "$got" = none ]; then expect=1; else expect=$((got + 1)); fi
    [ "$total" = "$expect" ] || fail "kill $i: total $total, graphs $got + 1"
  done
  echo "100 kills: $old left the old graph, $new the new one"
  [ "$old" -gt 0 ] && [ "$new" -gt 0 ] ||
    fail "the kills did not land both before and after the commit"
} || exit 1

# the next writer works, and no file of a killed writer is left
$KG --store st load --no-reference small.nt || fail "load after the kills"
[ "$(ls st | sort | tr '\n' ' ')" = "data.mdb lock lock.mdb " ] ||
  fail "unexpected files in the store: $(ls st)"
exit 0
