#!/bin/sh
# t-store-vs-memory.sh - the LMDB store answers as librdf's own memory
# store does: the bundled report and three fixtures are loaded, exported
# as N-Quads, and every named query and a set of triple patterns of every
# shape (each position bound or not, in a graph or in the union) is run on
# the store and on the export read with `query --data`; the sorted answers
# must be the same.
set -u
: "${KG:?}"
: "${TOP:?}"
fail() { echo "FAIL: $*"; exit 1; }

$KG --store st load "$TOP/data/nec-cvl-2024.md" "$TOP"/tests/fixtures/cr-bretagne-2025.md \
  "$TOP"/tests/fixtures/pad-occitanie-2024.md "$TOP"/tests/fixtures/tables-hdf-2025.md ||
  fail "load"
$KG --store st export -f nquads >all.nq || fail "export"
[ "$(wc -l <all.nq)" -gt 5000 ] || fail "export too small: $(wc -l <all.nq)"

same() {  # same LABEL ARGS...: the query on both sides
  label=$1
  shift
  $KG --store st query -f tsv "$@" >a.out 2>a.err || fail "$label: store: $(cat a.err)"
  $KG query --data all.nq -f tsv "$@" >b.out 2>b.err || fail "$label: memory: $(cat b.err)"
  sort a.out >a.sorted
  sort b.out >b.sorted
  cmp -s a.sorted b.sorted || { diff a.sorted b.sorted | head -5; fail "$label: answers differ"; }
  n=$((n + 1))
}
n=0
$KG queries | awk '/^[^ \t-]/ { print $1 }' >names
while read -r q; do
  case $q in
    initiatives-by-theme-and-territory) same "$q" --param theme=mobilite --param territory=Indre "$q" ;;
    initiatives-of-organisation) same "$q" --param organisation=APF "$q" ;;
    organisations-by-territory) same "$q" --param territory=36 "$q" ;;
    sessions-by-theme) same "$q" --param theme=mobilite "$q" ;;
    speakers-of-session) same "$q" --param session=2.5 "$q" ;;
    evidence) same "$q" --param entity=https://w3id.org/mednum-kg/id/initiative/rur-linette "$q" ;;
    *) same "$q" "$q" ;;
  esac
done <names
S='<https://w3id.org/mednum-kg/id/initiative/rur-linette>'
P='<http://schema.org/name>'
O='<https://w3id.org/mednum-kg/concept/theme/mobilite>'
G='<https://w3id.org/mednum-kg/id/graph/nec-cvl-2024>'
for pat in "?s ?p ?o" "$S ?p ?o" "?s $P ?o" "?s ?p $O" "$S $P ?o" "?s ?p2 $O . ?s $P ?o" "$S ?p ?o . ?o ?p3 ?x"; do
  same "union: $pat" -e "SELECT * { $pat }"
  same "graph: $pat" -e "SELECT * { GRAPH $G { $pat } }"
  same "any graph: $pat" -e "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { $pat } } GROUP BY ?g"
done
same "graphs" -e 'SELECT DISTINCT ?g { GRAPH ?g { } }'
same "count" -e 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'
c=$(tail -n 1 a.out | tr -dc 0-9)
[ "${c:-0}" -gt 5000 ] || fail "the union holds only ${c:-0} triples"
echo "$n queries: the same answers"
exit 0
