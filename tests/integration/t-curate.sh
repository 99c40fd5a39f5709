#!/bin/sh
# t-curate.sh - candidates and curate end to end: load a report, list its
# candidates, reject one and accept another, load again, and check the
# graph (the rejected one gone with its evidence, the accepted one known
# with its evidence), the candidates, extract and query --data; then undo,
# and the bad inputs (unknown kind, empty name, damaged curation file, no
# store), each with one message and its status, changing nothing.
# Run by tests/run-integration.sh in a temporary directory with $KG.
set -u
: "${KG:?set KG to the built binary}"
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }
check() { if eval "$2"; then ok "$1"; else ko "$1"; fi; }

X='Les Ateliers Nomades'
Y='Maison France Services de Lignières'
XI='https://w3id.org/mednum-kg/id/initiative/les-ateliers-nomades'
YI='https://w3id.org/mednum-kg/id/org/maison-france-services-de-lignieres'
P='PREFIX mn: <https://w3id.org/mednum-kg/def#> PREFIX schema: <http://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>'

cat > rencontre.md <<'EOF'
# Rencontre de la médiation numérique du Berry

La rencontre s'est tenue le 4 juin 2024 à Bourges.

## 1. Atelier : accompagner les habitants, Vierzon et Issoudun

Animé par Claire Petit de la Maison France Services de Lignières

- Les Ateliers Nomades : un camion équipé qui passe chaque semaine entre Issoudun et Vierzon
  - Chiffres 2023 : 310 démarches
EOF

# every statement that names X (its IRI anywhere, or its name in a
# literal other than the report's text), one per line
about_x() {
  "$KG" --store st query -f tsv -e "$P SELECT ?s ?p ?o WHERE { ?s ?p ?o
    FILTER(?p != nif:isString && (?s = <$XI> || ?o = <$XI> ||
           CONTAINS(STR(?o), \"Ateliers Nomades\") ||
           CONTAINS(STR(?s), \"figure/\"))) }" | tail -n +2
}

# 1. load; both are candidates
"$KG" --store st load rencontre.md || ko "first load"
"$KG" --store st candidates -f tsv | cut -f1,2 > c1.tsv
check "before: '$X' is a candidate initiative" \
  "grep -qx 'initiative	$X' c1.tsv"
check "before: '$Y' is a candidate organisation" \
  "grep -qx 'organisation	$Y' c1.tsv"
check "before: the graph holds '$X' with its evidence and figures" \
  "[ \$(about_x | wc -l) -ge 10 ]"

# 2. decide: X rejected, Y accepted (names in any case and accents)
"$KG" --store st curate reject 'les ateliers nomades' ||
  ko "curate reject exits 0"
"$KG" --store st curate accept 'maison france services de lignieres' ||
  ko "curate accept exits 0"
"$KG" --store st curate list -f tsv > list.tsv
check "the curation file has the two decisions, oldest first" \
  "[ \"\$(cut -f1,2,4 list.tsv | tail -n +2 | tr '\t\n' ' |')\" = 'rejected initiative mnid:initiative/les-ateliers-nomades|accepted organisation mnid:org/maison-france-services-de-lignieres|' ]"
check "st/curation.ttl parses as Turtle" \
  "! command -v rapper >/dev/null || rapper -q -c -i turtle st/curation.ttl"
"$KG" --store st candidates -f tsv | cut -f1,2 > c2.tsv
check "before the load, candidates leaves the decided ones out" \
  "! grep -q -e '$X' -e '$Y' c2.tsv && grep -q '^place	Vierzon' c2.tsv"

# 3. load again: X is gone with everything about it, Y is known
"$KG" --store st load rencontre.md || ko "second load"
check "after: nothing in the graph names '$X' (entity, mentions, relations, figures)" \
  "[ \$(about_x | wc -l) -eq 0 ]"
"$KG" --store st query -f tsv -e "$P SELECT ?c WHERE { <$YI> mn:candidate ?c }" > yc.tsv
check "after: '$Y' has no mn:candidate" "[ \$(wc -l < yc.tsv) -eq 1 ]"
"$KG" --store st query -f tsv -e "$P SELECT ?name ?text ?b WHERE {
  <$YI> a schema:Organization ; schema:name ?name ; prov:wasDerivedFrom ?m .
  ?m nif:anchorOf ?text ; nif:beginIndex ?b }" > ye.tsv
check "after: '$Y' keeps its IRI, its name and its mention" \
  "grep -q '\"$Y\"	\"$Y\"	\"193\"' ye.tsv"
"$KG" --store st query -f tsv -e "$P SELECT ?p WHERE {
  ?p schema:affiliation <$YI> }" > ya.tsv
check "after: the relation from the text stays (Claire Petit's affiliation)" \
  "grep -q 'person/claire-petit' ya.tsv"
"$KG" --store st candidates -f tsv | cut -f1,2 > c3.tsv
check "after: candidates lists neither '$X' nor '$Y'" \
  "! grep -q -e 'Ateliers Nomades' -e '$Y' c3.tsv"
check "after: the other candidates are still listed" \
  "grep -q '^place	Vierzon' c3.tsv"
"$KG" --store st candidates -f tsv rencontre.md | cut -f1,2 > c4.tsv
check "candidates REPORT.md applies the same decisions" \
  "! grep -q -e 'Ateliers Nomades' -e '$Y' c4.tsv && grep -q Vierzon c4.tsv"
"$KG" --store st extract -f ntriples rencontre.md | grep -v isString > x.nt
check "extract reads the store's curation file" \
  "! grep -q 'les-ateliers-nomades' x.nt && grep -q 'maison-france-services-de-lignieres' x.nt && ! grep -q 'lignieres> <https://w3id.org/mednum-kg/def#candidate>' x.nt"
"$KG" --store st query --data rencontre.md -f tsv -e "$P SELECT ?i WHERE { ?i a mn:Initiative }" > qd.tsv
check "query --data reads it too" "[ \$(wc -l < qd.tsv) -eq 1 ]"
"$KG" extract rencontre.md | grep -q 'les-ateliers-nomades'
check "without the store, extract knows no decision" "[ $? -eq 0 ]"

# 4. undo the acceptance: Y is a candidate again after the next load
"$KG" --store st curate undo || ko "curate undo exits 0"
"$KG" --store st load rencontre.md || ko "third load"
"$KG" --store st candidates -f tsv | cut -f1,2 > c5.tsv
check "after undo and load: '$Y' is a candidate again, '$X' still out" \
  "grep -q '^organisation	$Y' c5.tsv && ! grep -q 'Ateliers Nomades' c5.tsv"

# 5. bad input: one message, the documented status, nothing changed
cp st/curation.ttl saved.ttl
"$KG" --store st stats -f tsv > stats0.tsv
"$KG" --store st curate reject Vierzon --kind town 2> e1; s=$?
check "unknown kind: status 2 and one message" \
  "[ $s -eq 2 ] && grep -q \"unknown kind 'town'\" e1 && [ \$(wc -l < e1) -eq 2 ]"
"$KG" --store st curate accept '' --kind person 2> e2; s=$?
check "empty name: status 2" "[ $s -eq 2 ] && grep -q 'empty name' e2"
"$KG" --store st curate accept 'Nulle Part' 2> e3; s=$?
check "not a candidate: status 3" \
  "[ $s -eq 3 ] && grep -q \"no candidate named 'Nulle Part'\" e3"
check "the curation file did not change" "cmp -s saved.ttl st/curation.ttl"
printf '<%s> a <https://w3id.org/mednum-kg/def#Initiative> ;\n' "$XI" > bad.ttl
cp bad.ttl st/curation.ttl
"$KG" --store st curate accept Vierzon 2> e4; s=$?
check "damaged curation file: curate says where, status 3" \
  "[ $s -eq 3 ] && [ \$(wc -l < e4) -eq 1 ] && grep -q '^mednum-kg: st/curation.ttl:' e4"
check "damaged curation file: left as it was" "cmp -s bad.ttl st/curation.ttl"
"$KG" --store st load rencontre.md 2> e5; s=$?
check "damaged curation file: load refuses it, status 3" \
  "[ $s -eq 3 ] && grep -q 'st/curation.ttl' e5"
"$KG" --store st stats -f tsv > stats1.tsv
check "damaged curation file: the store did not change" "cmp -s stats0.tsv stats1.tsv"
"$KG" --store nowhere curate list 2> e6; s=$?
check "no store: status 4 and one message" \
  "[ $s -eq 4 ] && [ \$(wc -l < e6) -eq 1 ] && grep -q \"no store in 'nowhere'\" e6"
check "no store: nothing made" "[ ! -e nowhere ]"

[ "$fail" -eq 0 ]
