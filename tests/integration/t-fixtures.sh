#!/bin/sh
# t-fixtures.sh - reports shaped differently from the seed (no numbering,
# front matter, bold sections and tables) give sessions, people,
# organisations and territories with no code written for them.
set -u
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }
count() {  # count FILE CLASS-PATTERN
  "$KG" query --data "$1" -f tsv -e "PREFIX schema: <http://schema.org/>
PREFIX mn: <https://w3id.org/mednum-kg/def#>
PREFIX igeo: <http://rdf.insee.fr/def/geo#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { $2 }" | tail -n 1 | tr -d '"' | sed 's/\^\^.*//'
}
for f in "$TOP"/tests/fixtures/*.md; do
  case "$f" in *.expected.md) continue ;; esac
  b=$(basename "$f" .md)
  "$KG" extract "$f" > "$b.ttl" 2> "$b.err" || { ko "$b: extracts"; cat "$b.err"; continue; }
  rapper -q -c -i turtle "$b.ttl" 2>/dev/null && ok "$b: Turtle parses" || ko "$b: Turtle parses"
  s=$(count "$f" '?x schema:superEvent ?e ; mn:sessionType ?t')
  p=$(count "$f" '?s schema:performer ?x')
  o=$(count "$f" '?p schema:affiliation ?x')
  t=$(count "$f" '?s dcterms:spatial ?x')
  d=$(count "$f" '?e a schema:Event ; schema:startDate ?x')
  echo "# $b: sessions=$s performers=$p organisations=$o territories=$t dates=$d"
  [ "${s:-0}" -ge 3 ] && ok "$b: sessions" || ko "$b: sessions ($s)"
  [ "${p:-0}" -ge 2 ] && ok "$b: people" || ko "$b: people ($p)"
  [ "${o:-0}" -ge 2 ] && ok "$b: organisations" || ko "$b: organisations ($o)"
  [ "${t:-0}" -ge 1 ] && ok "$b: territories" || ko "$b: territories ($t)"
  [ "${d:-0}" -ge 1 ] && ok "$b: event date" || ko "$b: event date ($d)"
done

# initiatives and their carriers, read from shapes the seed does not have
inits() {
  "$KG" query --data "$TOP/tests/fixtures/$1.md" -f tsv -e 'PREFIX mn: <https://w3id.org/mednum-kg/def#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?n ?c WHERE { ?i a mn:Initiative ; schema:name ?n ; mn:porteur ?o . ?o schema:name ?c }'
}
inits cr-bretagne-2025 > bzh.tsv
for pair in 'Le Bus numérique Penn-ar-Bed"	"Liamm Niverel' \
            'Pass'"'"'Santé Numérique"	"Ti Santé Numérique' \
            'Les Cafés Vie Privée"	"Coop'"'"'Data Armor'; do
  grep -qF "$pair" bzh.tsv && ok "cr-bretagne: $pair" || ko "cr-bretagne: $pair"
done
inits pad-occitanie-2024 > occ.tsv
grep -qF 'Causses Connectées"	"Les Passeurs du Quercy' occ.tsv \
  && ok "pad-occitanie: «Causses Connectées» and its carrier" \
  || ko "pad-occitanie: «Causses Connectées» and its carrier"
exit $fail
