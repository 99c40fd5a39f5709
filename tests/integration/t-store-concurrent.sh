#!/bin/sh
# t-store-concurrent.sh - writers take turns: a second writer waits or
# fails with the busy message (exit 4); readers never wait for a writer
# and never see a half-written report: each sees the version committed
# before it opened.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }
command -v flock >/dev/null || { echo "skipped: flock(1) is missing (util-linux)"; exit 0; }

awk 'BEGIN { for(i = 0; i < 200000; i++)
  printf "<http://ex.org/x/s%d> <http://ex.org/p%d> \"X %d\" .\n", i / 5, i % 5, i }' >x.nt
awk 'BEGIN { for(i = 0; i < 30000; i++)
  printf "<http://ex.org/y/s%d> <http://ex.org/p%d> \"Y %d\" .\n", i / 3, i % 3, i }' >y.nt
printf '<http://ex.org/z> <http://ex.org/p> "z" .\n' >z.nt

# waits until a writer holds the store's lock
wait_writer() {
  n=0
  while flock -n st/lock true; do
    n=$((n + 1))
    [ "$n" -le 500 ] || fail "the writer never started"
    sleep 0.01
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
[ "$(graph_count x)" = 200000 ] || fail "x not loaded whole"
[ -z "$(graph_count y)" ] || fail "refused load left a graph"

# 2. readers that will not wait read while a writer replaces x and adds
# y: each sees x whole and y absent (before the commit) or whole (after)
$KG --store st unload --no-reference x.nt || fail "unload x"
$KG --store st load --no-reference x.nt y.nt 2>y.err &
pid=$!
wait_writer
seen_during=0
while kill -0 "$pid" 2>/dev/null; do
  MEDNUM_KG_WAIT=0 $KG --store st stats -f tsv >r.out 2>r.err ||
    fail "a reader failed during a write: $(cat r.err)"
  x=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/x$/ { print $5 }' r.out)
  y=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/y$/ { print $5 }' r.out)
  case "$x/$y" in
    /|200000/30000) ;;
    *) fail "a reader saw x=$x y=$y (half a write)" ;;
  esac
  seen_during=$((seen_during + 1))
done
wait "$pid" || fail "writer failed: $(cat y.err)"
[ "$seen_during" -gt 0 ] || fail "no reader ran during the write"
echo "$seen_during reads during the write"

# 2b. a backup taken with mdb_copy during a write is a whole store
if command -v mdb_copy >/dev/null; then
  $KG --store st unload --no-reference x.nt y.nt || fail "unload before the backup"
  $KG --store st load --no-reference x.nt y.nt 2>y.err &
  pid=$!
  wait_writer
  mkdir bk && mdb_copy st bk || fail "mdb_copy during a write"
  wait "$pid" || fail "writer failed: $(cat y.err)"
  $KG --store bk stats -f tsv >bk.out 2>bk.err || fail "the backup does not open: $(cat bk.err)"
  x=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/x$/ { print $5 }' bk.out)
  y=$(awk -F'\t' '$1 == "graph" && $2 ~ /graph\/y$/ { print $5 }' bk.out)
  case "$x/$y" in
    /|200000/30000) echo "backup during a write: x=$x y=$y" ;;
    *) fail "the backup holds half a write: x=$x y=$y" ;;
  esac
else
  echo "backup: skipped (mdb_copy missing: apt-get install lmdb-utils)"
fi
[ "$(graph_count y)" = 30000 ] || fail "y not loaded whole"

# 3. writers that wait all get through, one after the other
$KG --store st unload --no-reference x.nt y.nt || fail "unload"
for round in 1 2; do
  $KG --store st load --wait 60 --no-reference x.nt 2>x.err & p1=$!
  $KG --store st load --wait 60 --no-reference y.nt 2>y.err & p2=$!
  $KG --store st stats >/dev/null 2>r.err & p3=$!
  wait "$p1" || fail "round $round: writer x: $(cat x.err)"
  wait "$p2" || fail "round $round: writer y: $(cat y.err)"
  wait "$p3" || fail "round $round: reader: $(cat r.err)"
  [ "$(graph_count x)" = 200000 ] || fail "round $round: x"
  [ "$(graph_count y)" = 30000 ] || fail "round $round: y"
  [ "$(graph_count z)" = 1 ] || fail "round $round: z"
done
exit 0
