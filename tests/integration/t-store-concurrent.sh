#!/bin/sh
# t-store-concurrent.sh - two writers at once: the second waits or fails
# with the busy message (exit 4); readers never see a half-written store.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }

awk 'BEGIN { for(i = 0; i < 100000; i++)
  printf "<http://ex.org/x/s%d> <http://ex.org/p%d> \"X %d\" .\n", i / 5, i % 5, i }' >x.nt
awk 'BEGIN { for(i = 0; i < 30000; i++)
  printf "<http://ex.org/y/s%d> <http://ex.org/p%d> \"Y %d\" .\n", i / 3, i % 3, i }' >y.nt
printf '<http://ex.org/z> <http://ex.org/p> "z" .\n' >z.nt

# waits until a writer holds the lock: it has made its new generation
wait_writer() {
  n=0
  while [ "$(ls -d st/gen-* 2>/dev/null | wc -l)" -lt 2 ]; do
    n=$((n + 1))
    [ "$n" -le 500 ] || fail "the writer never started"
    sleep 0.02
  done
}

graph_count() {  # $1 = graph slug
  $KG --store st stats -f tsv >stats.out 2>stats.err || fail "stats: $(cat stats.err)"
  awk -F'\t' -v g="graph/$1" '$1 == "graph" && substr($2, length($2) - length(g) + 1) == g { print $5 }' stats.out
}

$KG --store st load --no-reference z.nt || fail "first load"

# 1. a writer that will not wait is refused while another writes
$KG --store st load --no-reference x.nt 2>x.err &
pid=$!
wait_writer
$KG --store st load --wait 0 --no-reference y.nt 2>y.err
rc=$?
wait "$pid" || fail "the first writer failed: $(cat x.err)"
[ "$rc" = 4 ] || fail "second writer: status $rc, expected 4 (busy)"
grep -qx "mednum-kg: store 'st' is busy (another mednum-kg is writing); try again" y.err ||
  fail "busy message: $(cat y.err)"
[ "$(graph_count x)" = 100000 ] || fail "x not loaded whole"
[ -z "$(graph_count y)" ] || fail "refused load left a graph"

# 2. a reader that will not wait is refused while a writer writes
$KG --store st load --no-reference y.nt 2>y.err &
pid=$!
wait_writer
MEDNUM_KG_WAIT=0 $KG --store st stats >/dev/null 2>r.err
rc=$?
wait "$pid" || fail "writer failed: $(cat y.err)"
[ "$rc" = 4 ] || fail "reader during a write: status $rc, expected 4"
grep -q "is busy (another mednum-kg is writing); try again" r.err ||
  fail "reader busy message: $(cat r.err)"
[ "$(graph_count y)" = 30000 ] || fail "y not loaded whole"

# 3. writers that wait all get through, one after the other
$KG --store st unload --no-reference x.nt y.nt || fail "unload"
for round in 1 2; do
  $KG --store st load --wait 60 --no-reference x.nt 2>x.err & p1=$!
  $KG --store st load --wait 60 --no-reference y.nt 2>y.err & p2=$!
  MEDNUM_KG_WAIT=60 $KG --store st stats >/dev/null 2>r.err & p3=$!
  wait "$p1" || fail "round $round: writer x: $(cat x.err)"
  wait "$p2" || fail "round $round: writer y: $(cat y.err)"
  wait "$p3" || fail "round $round: reader: $(cat r.err)"
  [ "$(graph_count x)" = 100000 ] || fail "round $round: x"
  [ "$(graph_count y)" = 30000 ] || fail "round $round: y"
  [ "$(graph_count z)" = 1 ] || fail "round $round: z"
done
n=$(ls -d st/gen-* | wc -l)
[ "$n" -eq 1 ] || fail "$n generations left"
exit 0
