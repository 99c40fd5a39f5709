#!/bin/sh
# demo.sh - extract the bundled report, load it into the project's store
# (./mednum-kg.store, ignored by git; a re-run replaces the report's graph),
# answer the sample questions and print the next commands.  Run by
# 'make demo' with KG set, from the project directory.
set -eu
: "${KG:?set KG to the built binary}"
top=$(cd "$(dirname "$0")/.." && pwd)
report="$top/data/nec-cvl-2024.md"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mednum-kg-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
kept="$top/mednum-kg.store"
say() { printf '\n== %s\n' "$*"; }

say "extract: the report as Turtle ($(basename "$report")); one initiative of it"
"$KG" extract "$report" > "$tmp/nec.ttl"
awk '/^<https:\/\/w3id.org\/mednum-kg\/id\/initiative\/rur-linette>$/,/ \.$/' "$tmp/nec.ttl"
echo "... $(wc -l < "$tmp/nec.ttl") lines in all, every fact with its passage"

say "load: into the embedded store, ./mednum-kg.store"
"$KG" --store "$kept" load "$report"
"$KG" --store "$kept" stats
ln -s "$kept" "$kept"

say "Which initiatives address mobility in the Indre?"
echo "\$ mednum-kg query initiatives-by-theme-and-territory --param theme=mobilite --param territory=Indre"
"$KG" --store "$kept" query initiatives-by-theme-and-territory \
  --param theme=mobilite --param territory=Indre

say "The programme of the day"
"$KG" --store "$kept" query programme

say "Who ran the mobility workshop (2.5), and who took the notes?"
"$KG" --store "$kept" query speakers-of-session --param session=2.5

say "Which sessions dealt with artificial intelligence?"
"$KG" --store "$kept" query sessions-by-theme --param theme=intelligence-artificielle

say "Initiatives per département"
"$KG" --store "$kept" query count-by-departement

say "The evidence for Rur@linette: every fact with its passage"
"$KG" --store "$kept" query evidence \
  --param entity=https://w3id.org/mednum-kg/id/initiative/rur-linette

say "serve: the same answers over HTTP (SPARQL 1.1 Protocol), with a query page"
if command -v curl >/dev/null 2>&1; then
  "$KG" --store "$kept" serve --listen 127.0.0.1:0 --workers 1 2>"$tmp/serve.log" &
  pid=$!
  n=0
  until grep -q 'listening on' "$tmp/serve.log" 2>/dev/null || [ $n -ge 50 ]; do
    sleep 0.1; n=$((n + 1))
  done
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$tmp/serve.log")
  echo "\$ curl '${url}queries/initiatives-by-theme-and-territory?theme=mobilite&territory=36&format=csv'"
  curl -s "${url}queries/initiatives-by-theme-and-territory?theme=mobilite&territory=36&format=csv" || true
  kill "$pid"; wait "$pid" || true
fi
cat <<'EOT'

The store is ready in ./mednum-kg.store.  Next, from this directory:

    build/mednum-kg query initiatives-by-theme-and-territory --param theme=mobilite --param territory=Indre
    build/mednum-kg query -e 'PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name'
    build/mednum-kg serve    # then open http://127.0.0.1:7878/ (Ctrl-C stops it)

'make install' puts mednum-kg on your PATH (README.md, "Installing").
EOT
