#!/bin/sh
# t-extract-formats.sh - every output format parses with rapper and holds the
# same triples; the same input gives the same bytes.
set -u
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }
seed="$TOP/data/nec-cvl-2024.md"
"$KG" extract "$seed" > a.ttl && "$KG" extract "$seed" > b.ttl || ko "extract runs"
cmp -s a.ttl b.ttl && ok "same input, same Turtle bytes" || ko "same input, same Turtle bytes"
n=$(rapper -q -c -i turtle a.ttl 2>&1 | grep -o '[0-9]* triples' | cut -d' ' -f1)
[ -z "$n" ] && n=$(rapper -c -i turtle a.ttl 2>&1 | grep -o 'returned [0-9]*' | cut -d' ' -f2)
for f in ntriples nquads rdfxml json; do
  "$KG" extract -f $f "$seed" > out.$f || { ko "$f: extract"; continue; }
  m=$(rapper -c -i $f out.$f 2>&1 | grep -o 'returned [0-9]*' | cut -d' ' -f2)
  [ -n "$m" ] && [ "$m" = "$n" ] && ok "$f: rapper parses $m triples, as Turtle" \
    || ko "$f: rapper parses ($m vs $n)"
done
# the Turtle (our own writer) says exactly what the N-Triples (raptor's) say
rapper -q -i turtle -o ntriples a.ttl | sort > a.nt.sorted
rapper -q -i ntriples -o ntriples out.ntriples | sort > b.nt.sorted
cmp -s a.nt.sorted b.nt.sorted && ok "Turtle and N-Triples hold the same triples" \
  || ko "Turtle and N-Triples hold the same triples"
"$KG" extract -o out.ttl "$seed" && cmp -s out.ttl a.ttl && ok "-o writes the same file" || ko "-o writes the same file"
"$KG" extract -o out2.ttl "$seed" "$TOP/nope.md" 2>/dev/null
[ $? -eq 4 ] && [ ! -e out2.ttl ] && ok "a failing extract leaves no output file" || ko "a failing extract leaves no output file"
ls out2.ttl.tmp-* >/dev/null 2>&1 && ko "no temporary file left" || ok "no temporary file left"
exit $fail
