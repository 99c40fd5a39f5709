#!/bin/sh
# t-jsonld.sh - the JSON-LD that extract, export and query write is valid
# JSON-LD holding exactly the statements of the other syntaxes: an
# independent processor, the `jsonld` npm package (digitalbazaar's, pinned
# with its integrity by tests/jsonld/package-lock.json), expands each
# document to RDF with the network refused (so the embedded context is the
# only one), canonicalises it (URDNA2015, which also renames blank nodes)
# and the result must equal the canonical N-Quads of `-f nquads` (or
# N-Triples for a CONSTRUCT).  Also: the embedded context is the published
# ontology/context.jsonld (with the default instance base), and --base
# changes its mnid: only.
#
# Needs node and npm (skipped without them).  jsonld is installed by
# `npm ci` into the build directory (beside $KG, not in the source tree)
# when missing or older than the lockfile; then takes a few seconds.
set -u
: "${KG:?}" "${TOP:?}"
fail() { echo "FAIL: $*"; exit 1; }

command -v node >/dev/null 2>&1 || { echo "skipped: node is missing (apt-get install nodejs)"; exit 0; }
command -v npm >/dev/null 2>&1 || { echo "skipped: npm is missing (apt-get install npm)"; exit 0; }

# npm writes node_modules/.package-lock.json last: install when it is
# missing or older than the lockfile
src="$TOP/tests/jsonld"
b="$(dirname "$KG")/jsonld-test"
mkdir -p "$b" || fail "cannot create $b"
if [ ! -f "$b/node_modules/jsonld/package.json" ] ||
   [ ! -f "$b/node_modules/.package-lock.json" ] ||
   [ -n "$(find "$src/package-lock.json" -newer "$b/node_modules/.package-lock.json")" ]; then
  cp "$src/package.json" "$src/package-lock.json" "$b/" || fail "cannot copy the lockfile"
  (cd "$b" && npm ci --ignore-scripts --no-audit --no-fund) >npm.log 2>&1 ||
    fail "npm ci for jsonld: $(tail -n 20 npm.log)"
fi
cp "$src/canon.js" "$b/canon.js" || fail "cannot copy canon.js"
echo "jsonld: $(node -p "require('$b/node_modules/jsonld/package.json').version")"

n=0
# same NAME JSONLD NQUADS: both files hold the same statements
same() {
  n=$((n + 1))
  node "$b/canon.js" jsonld "$2" >"$2.canon" 2>canon.err ||
    fail "$1: not valid JSON-LD: $(cat canon.err)"
  node "$b/canon.js" nquads "$3" >"$3.canon" 2>canon.err ||
    fail "$1: the N-Quads do not parse: $(cat canon.err)"
  [ -s "$3.canon" ] || fail "$1: no statements at all"
  cmp -s "$2.canon" "$3.canon" ||
    fail "$1: JSON-LD and N-Quads differ: $(diff "$3.canon" "$2.canon" | head -n 8)"
  echo "ok $n - $1 ($(wc -l <"$3.canon") statements)"
}

r1="$TOP/data/nec-cvl-2024.md"
r2="$TOP/tests/corpus/dev/c-nec-dordogne-pqn-a-2022.md"
[ -f "$r1" ] && [ -f "$r2" ] || fail "no $r1 or $r2"

# extract: two reports and the reference, four graphs
"$KG" extract -f jsonld "$r1" "$r2" >x.jsonld 2>x.err || fail "extract -f jsonld: $(cat x.err)"
"$KG" extract -f nquads "$r1" "$r2" >x.nq 2>x.err || fail "extract -f nquads: $(cat x.err)"
same "extract of two reports: JSON-LD = N-Quads" x.jsonld x.nq

# another instance base: mnid: follows it
"$KG" --base http://example.org/id/ extract -f jsonld --no-reference "$r1" >b.jsonld ||
  fail "extract --base"
"$KG" --base http://example.org/id/ extract -f nquads --no-reference "$r1" >b.nq ||
  fail "extract --base -f nquads"
same "extract with --base: JSON-LD = N-Quads" b.jsonld b.nq
grep -q '"mnid": "http://example.org/id/"' b.jsonld || fail "--base: mnid: is not the instance base"

# export: streamed from the store
"$KG" -q --store st load "$r1" "$r2" >load.out 2>load.err || fail "load: $(cat load.err)"
"$KG" --store st export -f jsonld >e.jsonld 2>e.err || fail "export -f jsonld: $(cat e.err)"
"$KG" --store st export -f nquads >e.nq 2>e.err || fail "export -f nquads: $(cat e.err)"
same "export of a store of two reports: JSON-LD = N-Quads" e.jsonld e.nq

# query: CONSTRUCT and DESCRIBE, with every kind of value
g="$TOP/tests/cases/format-jsonld-003-construct-values/input/g.ttl"
q='CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
"$KG" query -f jsonld --data "$g" -e "$q" >c.jsonld || fail "query -f jsonld"
"$KG" query -f ntriples --data "$g" -e "$q" >c.nt || fail "query -f ntriples"
same "CONSTRUCT (numbers, booleans, tags, datatypes, blank nodes): JSON-LD = N-Triples" c.jsonld c.nt
d='DESCRIBE ?i WHERE { ?i a <https://w3id.org/mednum-kg/def#Initiative> }'
"$KG" --store st query -f jsonld -e "$d" >d.jsonld || fail "DESCRIBE -f jsonld"
"$KG" --store st query -f ntriples -e "$d" >d.nt || fail "DESCRIBE -f ntriples"
same "DESCRIBE over the store: JSON-LD = N-Triples" d.jsonld d.nt

# the embedded context is the published one
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const pub = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const a = JSON.stringify(doc["@context"]), b = JSON.stringify(pub["@context"]);
  if(a !== b) { console.error("embedded:  " + a.slice(0, 300) + "\npublished: " + b.slice(0, 300)); process.exit(1); }
' x.jsonld "$TOP/ontology/context.jsonld" 2>ctx.err ||
  fail "the context of extract -f jsonld is not ontology/context.jsonld: $(cat ctx.err)"
n=$((n + 1)); echo "ok $n - the embedded context is ontology/context.jsonld"

# the published context works as a remote context: the export's graph,
# referring to it instead of embedding it, expands to the same statements
node -e '
  const fs = require("fs");
  const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  doc["@context"] = "https://w3id.org/mednum-kg/context.jsonld";
  fs.writeFileSync(process.argv[2], JSON.stringify(doc));
' e.jsonld r.jsonld || fail "cannot write r.jsonld"
MEDNUM_KG_CONTEXT="$TOP/ontology/context.jsonld" node "$b/canon.js" jsonld r.jsonld >r.canon 2>canon.err ||
  fail "with the published context by URL: $(cat canon.err)"
cmp -s r.canon e.nq.canon || fail "with the published context by URL: other statements"
n=$((n + 1)); echo "ok $n - ontology/context.jsonld as a remote context gives the same statements"
echo "t-jsonld: $n checks passed"
