#!/bin/sh
# t-store-check.sh - `store check` reads the whole store: a sound store
# is "ok" (exit 0); damage crafted with lmdb-utils (the store dumped, a
# line of one table dropped or altered, loaded into a copy) is reported by
# name with exit 4: a quad missing from one index order, a quad whose term
# the dictionary lacks, a term t2i does not find again, a graph record
# whose triple count is wrong, a graph record that does not parse.  Where
# the damage changes a table's count, or a record does not parse, opening
# the store already refuses it: every command exits 4, load writes nothing.
# A missing store and an extra argument fail as elsewhere.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }
command -v mdb_dump >/dev/null && command -v mdb_load >/dev/null ||
  { echo "skipped: mdb_dump/mdb_load (Debian lmdb-utils) not installed"; exit 0; }

awk 'BEGIN { for(i = 0; i < 400; i++)
  printf "<http://ex.org/s%d> <http://ex.org/p%d> \"v %d\" .\n", i / 4, i % 4, i }' >a.nt
awk 'BEGIN { for(i = 0; i < 50; i++)
  printf "<http://ex.org/s%d> <http://ex.org/q> _:b%d .\n", i, i }' >b.nt
$KG --store st load --no-reference a.nt b.nt || fail "load"

"$KG" --store st store check >out 2>err || fail "sound store: exit $?: $(cat err)"
[ "$(cat out)" = "store 'st': ok (450 quads in 2 graphs, 557 terms)" ] ||
  fail "sound store: output: $(cat out)"
[ -s err ] && fail "sound store: stderr: $(cat err)"
mdb_dump -a st >all.dump || fail "mdb_dump"   # hex: -p writes '\' unescaped

# hex STRING: STRING as mdb_dump writes it
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

# damaged NAME: a copy of the store from the dump on stdin
damaged() {
  rm -rf "$1" && mkdir "$1" && mdb_load "$1" 2>/dev/null ||
    fail "$1: mdb_load"
}
# drop TABLE REGEX: the dump without the first key/value pair of TABLE
# whose value matches REGEX
drop() {
  awk -v db="$1" -v re="$2" '
    /^database=/ { cur = substr($0, 10); data = 0 }
    /^HEADER=END/ { data = 1; key = ""; print; next }
    /^DATA=END/ { data = 0 }
    data && cur == db {
      if(key == "") { key = $0; next }
      if(done || $0 !~ re) print key "\n" $0; else done = 1
      key = ""; next }
    { print }' all.dump
}
# expect STORE TEXT: check exits 4 naming the store and saying TEXT
expect() {
  "$KG" --store "$1" store check >out 2>err
  rc=$?
  [ "$rc" = 4 ] || fail "$1: exit $rc, expected 4: $(cat err)"
  [ -s out ] && fail "$1: stdout: $(cat out)"
  grep -q "^mednum-kg: store '$1' is damaged: .*$2" err ||
    fail "$1: no '$2' in: $(cat err)"
}

# opens STORE: the store opens and answers a query that does not read
# the damaged part (open-time checks do not see the damage)
opens() {
  "$KG" --store "$1" query -f tsv \
    -e 'SELECT ?o { <http://ex.org/s0> <http://ex.org/p0> ?o }' >out 2>err ||
    fail "$1: the store does not open: $(cat err)"
  grep -q '"v 0"' out || fail "$1: query: $(cat out)"
}

# refuses NAME TEXT: opening store NAME counts its tables and stops (exit
# 4) with TEXT, for a reader (stats) and for a writer (load)
refuses() {
  for cmd in stats "load --no-reference b.nt"; do
    # shellcheck disable=SC2086
    "$KG" --store "$1" $cmd >out 2>err
    rc=$?
    [ "$rc" = 4 ] || fail "$1: $cmd: exit $rc, expected 4: $(cat err)"
    grep -q "^mednum-kg: store '$1' is damaged: in data.mdb, $2" err ||
      fail "$1: $cmd: no '$2' in: $(cat err)"
  done
}

# the copy itself is sound: only the edits below make it damaged
damaged rt <all.dump
"$KG" --store rt store check >/dev/null || fail "dump and load: not sound"

# one index order lacks a quad the others hold
drop posg . | damaged d1
refuses d1 "posg has 449 entries and spog 450"
expect d1 "index posg lacks the quad"
expect d1 "index posg has 449 entries, index spog 450"

# a quad uses a term the dictionary lacks (the literal "v 7")
drop i2t "^ $(hex 'L-')00000003$(hex 'v 7')\$" | damaged d2
refuses d2 "i2t has 556 entries and t2i 557"
expect d2 "uses term [0-9]*, which the dictionary (i2t) lacks"
expect d2 "i2t has 556 entries, t2i 557"

# t2i does not find a term again
drop t2i . | damaged d3
expect d3 "is not found again through t2i"

# a graph record counts the wrong number of triples
sed "s/$(hex a.nt)00$(hex 400)00/$(hex a.nt)00$(hex 401)00/" all.dump |
  damaged d4
cmp -s d4/data.mdb rt/data.mdb && fail "d4: the edit did not apply"
opens d4
expect d4 "graph <[^>]*graph/a> is recorded with 401 triples but holds 400"

# a graph record that does not parse (its count "4x0"): every command
# that opens the store stops with exit 4, and load writes nothing
sed "s/$(hex a.nt)00$(hex 400)00/$(hex a.nt)00$(hex 4x0)00/" all.dump |
  damaged d6
cmp -s d6/data.mdb rt/data.mdb && fail "d6: the edit did not apply"
for cmd in stats "export -f ntriples" "load --no-reference b.nt" "store check"; do
  # shellcheck disable=SC2086
  "$KG" --store d6 $cmd >out 2>err
  rc=$?
  [ "$rc" = 4 ] || fail "d6: $cmd: exit $rc, expected 4: $(cat err)"
  grep -Eq "^mednum-kg: store 'd6' is damaged: .*(graph record|record of graph)" err ||
    fail "d6: $cmd: $(cat err)"
done

# many problems: the first 20 listed, then how many
drop i2t "^ $(hex Uhttp://ex.org/p0)\$" | damaged d5
expect d5 "101 problems (the first 20 listed)"
[ "$(grep -c "^mednum-kg: store 'd5' is damaged: " err)" = 21 ] ||
  fail "d5: not 20 listed and a count: $(cat err)"

# a missing store, an extra argument
"$KG" --store none store check >out 2>err
rc=$?
[ "$rc" = 4 ] || fail "missing store: exit $rc"
grep -q "no store in 'none'" err || fail "missing store: $(cat err)"
"$KG" --store st store check extra >out 2>err
rc=$?
[ "$rc" = 2 ] || fail "extra argument: exit $rc"
grep -q "unexpected argument 'extra'" err || fail "extra argument: $(cat err)"
exit 0
