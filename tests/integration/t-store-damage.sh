#!/bin/sh
# t-store-damage.sh - a damaged store file gives a clear error and exit 4,
# never a crash or a silent answer: truncated, emptied, a bad header,
# pages overwritten.  A store that reaches its size limit (a small
# MEDNUM_KG_MAP_SIZE) or a full disk (an 8 MB tmpfs, when this test may
# mount one) refuses the load with a message and keeps what it held; a
# first load onto a full disk leaves no store.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }

awk 'BEGIN { for(i = 0; i < 20000; i++)
  printf "<http://ex.org/s%d> <http://ex.org/p%d> \"v %d\" .\n", i / 4, i % 4, i }' >a.nt
awk 'BEGIN { for(i = 0; i < 60000; i++)
  printf "<http://ex.org/b/s%d> <http://ex.org/p%d> \"b %d\" .\n", i / 4, i % 4, i }' >b.nt
$KG --store st load --no-reference a.nt || fail "load"
size=$(wc -c <st/data.mdb)

# run NAME STORE: the command must exit 4 with a message naming the store
expect_damage() {
  name=$1 store=$2
  shift 2
  "$KG" --store "$store" "$@" >out 2>err
  rc=$?
  [ "$rc" = 4 ] || fail "$name: '$*' exited $rc, expected 4: $(cat err)"
  grep -q "store '$store'" err || fail "$name: message does not name the store: $(cat err)"
  grep -q "damaged\|incomplete" err || fail "$name: message does not say the store is damaged: $(cat err)"
}

cp -R st t1 && truncate -s $((size / 2)) t1/data.mdb
expect_damage truncated t1 stats
expect_damage truncated t1 load --no-reference a.nt
cp -R st t2 && : >t2/data.mdb
expect_damage emptied t2 stats
expect_damage emptied t2 load --no-reference a.nt
[ "$(wc -c <t2/data.mdb)" = 0 ] || fail "a load wrote over an emptied store"
cp -R st t3 && printf 'garbage garbage garbage garbage garbage' |
  dd of=t3/data.mdb bs=1 seek=16 conv=notrunc 2>/dev/null
expect_damage header t3 query -e 'SELECT * { ?s ?p ?o }'
# overwritten pages in the middle: whatever is read there is refused
cp -R st t4 && dd if=/dev/zero of=t4/data.mdb bs=4096 seek=$((size / 4096 / 2)) count=8 conv=notrunc 2>/dev/null
"$KG" --store t4 query -e 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' >out 2>err
rc=$?
[ "$rc" -lt 128 ] || fail "overwritten pages: crashed ($rc)"
if [ "$rc" = 0 ]; then
  grep -q '"20000"' out || fail "overwritten pages: a wrong count without an error: $(cat out)"
else
  [ "$rc" = 4 ] || fail "overwritten pages: exit $rc"
fi

# the size limit: a load that does not fit fails and keeps the store
MEDNUM_KG_MAP_SIZE=6 "$KG" --store st load --no-reference b.nt 2>err
rc=$?
[ "$rc" = 4 ] || fail "map full: exit $rc: $(cat err)"
grep -q "MEDNUM_KG_MAP_SIZE" err || fail "map full: message: $(cat err)"
n=$("$KG" --store st stats -f tsv | awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }')
[ "$n" = 20000 ] || fail "map full: the store changed ($n triples)"

# a full disk
mkdir small
if mount -t tmpfs -o size=8m tmpfs small 2>/dev/null; then
  trap 'umount small 2>/dev/null' EXIT
  "$KG" --store small/st load --no-reference a.nt || fail "load on tmpfs"
  "$KG" --store small/st load --no-reference b.nt 2>err
  rc=$?
  [ "$rc" = 4 ] || fail "disk full: exit $rc: $(cat err)"
  grep -q "no space left" err || fail "disk full: message: $(cat err)"
  n=$("$KG" --store small/st stats -f tsv | awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }')
  [ "$n" = 20000 ] || fail "disk full: the store changed ($n triples)"
  echo "disk full: refused, store kept"
  # a first load onto a full disk: exit 4, and the store it did not
  # complete is no store for the commands after it
  mkdir tiny
  if mount -t tmpfs -o size=1m tmpfs tiny 2>/dev/null; then
    trap 'umount small tiny 2>/dev/null' EXIT
    "$KG" --store tiny/st load --no-reference b.nt 2>err
    rc=$?
    [ "$rc" = 4 ] || fail "first load, disk full: exit $rc: $(cat err)"
    grep -q "no space left" err || fail "first load, disk full: $(cat err)"
    "$KG" --store tiny/st stats >out 2>err
    rc=$?
    [ "$rc" = 4 ] || fail "after a failed first load: stats exit $rc"
    grep -q "no store in 'tiny/st' (its first load did not complete" err ||
      fail "after a failed first load: $(cat err)"
    echo "first load, disk full: refused, no store left"
  fi
else
  echo "disk full: skipped (cannot mount a tmpfs here: needs root)"
fi
exit 0
