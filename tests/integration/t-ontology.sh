#!/bin/sh
# t-ontology.sh - the reference data under ontology/ and data/registry/ parse
# and keep the vocabulary contract (DESIGN.md section 4): official MedNum
# schemes complete, theme slugs present, cue roles filled, every mn: term
# declared, registry without relations.  Needs rapper; runs in a temporary
# directory with $TOP = project root.  One line per check.
set -u
: "${TOP:?set TOP to the project root}"

MN='https://w3id.org/mednum-kg/def#'
MNC='https://w3id.org/mednum-kg/concept/'
SKOS='http://www.w3.org/2004/02/skos/core#'
RDF='http://www.w3.org/1999/02/22-rdf-syntax-ns#'
fails=0
checks=0

ok() { checks=$((checks + 1)); echo "ok   $*"; }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL $*"; }

# N-Triples of a file, in ./nt/<dir>-<name>.nt
mkdir nt || exit 2
files=""
for f in "$TOP"/ontology/*.ttl "$TOP"/data/registry/*.ttl; do
  [ -f "$f" ] || continue
  files="$files $f"
done
[ -n "$files" ] || { echo "FAIL no Turtle file under ontology/ or data/registry/"; exit 1; }

for f in $files; do
  rel=${f#"$TOP"/}
  out=nt/$(echo "$rel" | tr '/' '-').nt
  if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
    bad "$rel: not valid UTF-8"
  elif rapper -q -c -i turtle "$f" >/dev/null 2>rapper.err &&
       rapper -q -i turtle -o ntriples "$f" >"$out" 2>>rapper.err; then
    ok "$rel parses ($(wc -l <"$out" | tr -d ' ') triples)"
  else
    bad "$rel does not parse: $(head -n 3 rapper.err)"
    : >"$out"
  fi
done
cat nt/ontology-*.nt >ont.nt
ont=ont.nt
reg=""
if ls nt/data-registry-*.nt >/dev/null 2>&1; then
  cat nt/data-registry-*.nt >reg.nt
  reg=reg.nt
fi
cat nt/*.nt >all.nt

# language tags: lower case only
n=$(grep -c '"@[a-zA-Z-]*[A-Z][a-zA-Z-]* \.$' all.nt)
if [ "$n" -eq 0 ]; then ok "language tags are lower case"
else bad "$n literals with an upper-case language tag"; fi

# official MedNum schemes: number of concepts
for pair in services:9 public:5 prise-en-charge:7 frais:3 dispositif:11 \
            modalite-acces:6 modalite-accompagnement:4 itinerance:2; do
  s=${pair%%:*}
  want=${pair#*:}
  got=$(grep -F "<${SKOS}inScheme> <${MNC}${s}> ." $ont | sort -u | wc -l | tr -d ' ')
  nn=$(grep -F "<${MNC}${s}/" $ont | grep -F "<${SKOS}notation>" | sort -u | wc -l | tr -d ' ')
  if [ "$got" -eq "$want" ] && [ "$nn" -eq "$want" ]; then
    ok "scheme mnc:$s has $want concepts, each with skos:notation"
  else
    bad "scheme mnc:$s: $got concepts, $nn notations, want $want"
  fi
done
for c in itinerance/itinerant itinerance/fixe public/jeunes public/seniors; do
  if grep -qF "<${MNC}${c}> <${SKOS}inScheme>" $ont; then ok "concept mnc:$c exists"
  else bad "concept mnc:$c missing"; fi
done

# session types
for t in conference atelier forum bloc; do
  if grep -qF "<${MNC}type-session/${t}> <${SKOS}inScheme> <${MNC}type-session> ." $ont
  then ok "session type mnc:type-session/$t exists"
  else bad "session type mnc:type-session/$t missing"; fi
done

# themes of DESIGN section 4
for t in mobilite acces-aux-droits donnees-personnelles securite-numerique \
         cyberharcelement intelligence-artificielle e-sante reemploi-equipement \
         egalite-orientation handicap-accessibilite parentalite vieillissement \
         environnement gouvernance citoyennete-democratie lien-social \
         education-jeunesse; do
  if grep -qF "<${MNC}theme/${t}> <${SKOS}inScheme> <${MNC}theme> ." $ont &&
     grep -F "<${MNC}theme/${t}> <${SKOS}prefLabel> " $ont | grep -q '"@fr \.$'
  then ok "theme mnc:theme/$t exists with a French prefLabel"
  else bad "theme mnc:theme/$t missing or without prefLabel@fr"; fi
done
if grep -qF "<${MNC}theme/cyberharcelement> <${SKOS}broader> <${MNC}theme/securite-numerique> ." $ont
then ok "cyberharcelement skos:broader securite-numerique"
else bad "cyberharcelement is not skos:broader securite-numerique"; fi
# every skos:broader of a theme points to a theme
for b in $(grep -F "<${SKOS}broader>" $ont | grep -F "<${MNC}theme/" |
           sed 's/.*broader> <\([^>]*\)> \.$/\1/' | sort -u); do
  if grep -qF "<$b> <${SKOS}inScheme> <${MNC}theme> ." $ont
  then ok "broader target <$b> is a theme"
  else bad "broader target <$b> is not a theme"; fi
done

# cue roles
for r in facilitator notetaker slides resources name-separator org-after-name \
         org-after-title presentation; do
  n=$(grep -F "<${MNC}cue/${r}> <${MN}cueText> " $ont | wc -l | tr -d ' ')
  tagged=$(grep -F "<${MNC}cue/${r}> <${MN}cueText> " $ont | grep -c '"@')
  typed=$(grep -cF "<${MNC}cue/${r}> <${RDF}type> <${MN}CuePhrase> ." $ont)
  if [ "$n" -gt 0 ] && [ "$tagged" -eq 0 ] && [ "$typed" -eq 1 ]
  then ok "cue role $r: $n mn:cueText, plain literals"
  else bad "cue role $r: $n mn:cueText, $tagged with a language tag, typed $typed"; fi
done

# every mn: term used anywhere is declared (typed) in ontology/mn.ttl
mnnt=nt/ontology-mn.ttl.nt
if [ -s "$mnnt" ]; then
  grep -o "<${MN}[^>]*>" all.nt | sort -u >used.txt
  grep -F "> <${RDF}type> " "$mnnt" | grep -o "^<${MN}[^>]*>" | sort -u >declared.txt
  missing=$(comm -23 used.txt declared.txt | tr '\n' ' ')
  if [ -z "$missing" ]; then ok "every mn: term used is declared in mn.ttl ($(wc -l <used.txt | tr -d ' ') terms)"
  else bad "mn: terms used but not declared in mn.ttl: $missing"; fi
  for t in Initiative porteur presentedAt sectionNumber sessionType itinerance \
           figure year inTerritory rule inferred candidate CuePhrase cueText; do
    if grep -qF "<${MN}${t}> <http://www.w3.org/2000/01/rdf-schema#label> " "$mnnt" &&
       grep -F "<${MN}${t}> <http://www.w3.org/2000/01/rdf-schema#label> " "$mnnt" | grep -q '"@fr \.$' &&
       grep -F "<${MN}${t}> <http://www.w3.org/2000/01/rdf-schema#comment> " "$mnnt" | grep -q '"@en \.$'
    then ok "mn:$t declared with labels and comments"
    else bad "mn:$t not declared with rdfs:label@fr and rdfs:comment@en"; fi
  done
  if grep -qF "<${MN}Initiative> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://schema.org/Project> ." "$mnnt"
  then ok "mn:Initiative rdfs:subClassOf schema:Project"
  else bad "mn:Initiative is not rdfs:subClassOf schema:Project"; fi
else
  bad "ontology/mn.ttl missing or empty"
fi

# registry: names, aliases, types, identifiers only
if [ -n "$reg" ]; then
  preds=$(awk '{print $2}' $reg | sort -u | grep -v -x -F \
    -e "<${RDF}type>" -e '<http://schema.org/name>' \
    -e '<http://schema.org/alternateName>' \
    -e '<http://www.w3.org/ns/org#identifier>' \
    -e '<http://www.w3.org/2000/01/rdf-schema#label>' \
    -e '<http://www.w3.org/2000/01/rdf-schema#comment>' \
    -e "<${SKOS}note>" | tr '\n' ' ')
  if [ -z "$preds" ]; then ok "registry uses only name/alias/type/identifier predicates"
  else bad "registry holds relations: $preds"; fi
  nobj=$(grep -v -F "<${RDF}type>" $reg | awk '$3 ~ /^</' | wc -l | tr -d ' ')
  if [ "$nobj" -eq 0 ]; then ok "registry has no IRI object except types"
  else bad "registry has $nobj IRI-valued non-type triples"; fi
  before=$fails
  for s in $(awk '{print $1}' $reg | sort -u); do
    case "$s" in
      "<https://w3id.org/mednum-kg/id/org/"*|"<https://w3id.org/mednum-kg/id/initiative/"*) ;;
      *) bad "registry subject $s outside id/org/ and id/initiative/"; continue ;;
    esac
    slug=$(echo "$s" | sed 's|.*/\([^/]*\)>$|\1|')
    if ! echo "$slug" | grep -qx '[a-z0-9][a-z0-9-]*'; then
      bad "registry slug '$slug' is not lower-case ASCII with hyphens"
    fi
    if [ "$(grep -cF "$s <http://schema.org/name> " $reg)" -ne 1 ]; then
      bad "registry entity $s has not exactly one schema:name"
    fi
  done
  if [ "$fails" -eq "$before" ]; then
    ok "registry subjects: id/org/ or id/initiative/, slugs, one schema:name each ($(awk '{print $1}' $reg | sort -u | wc -l | tr -d ' ') entities)"
  fi
  if grep -qF '<https://w3id.org/mednum-kg/id/org/cc-coeur-de-brenne> <http://www.w3.org/ns/org#identifier> "243600343" .' $reg
  then ok "CC Cœur de Brenne carries SIREN 243600343"
  else bad "CC Cœur de Brenne without SIREN 243600343"; fi
else
  bad "no Turtle file under data/registry/"
fi

echo "t-ontology: $((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
