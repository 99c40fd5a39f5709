#!/bin/sh
# demo.sh - extract the bundled report, load it into a throwaway store and
# answer the sample questions.  Run by 'make demo' with KG set.
set -eu
: "${KG:?set KG to the built binary}"
top=$(cd "$(dirname "$0")/.." && pwd)
report="$top/data/nec-cvl-2024.md"
store=$(mktemp -d "${TMPDIR:-/tmp}/mednum-kg-demo.XXXXXX")
trap 'rm -rf "$store"' EXIT
say() { printf '\n== %s\n' "$*"; }

say "extract: the report as Turtle ($(basename "$report")); one initiative of it"
"$KG" extract "$report" > "$store/nec.ttl"
awk '/^<https:\/\/w3id.org\/mednum-kg\/id\/initiative\/rur-linette>$/,/ \.$/' "$store/nec.ttl"
echo "... $(wc -l < "$store/nec.ttl") lines in all, every fact with its passage"

say "load: into the embedded store"
"$KG" --store "$store/st" load "$report"
"$KG" --store "$store/st" stats

say "Which initiatives address mobility in the Indre?"
echo "\$ mednum-kg query initiatives-by-theme-and-territory --param theme=mobilite --param territory=Indre"
"$KG" --store "$store/st" query initiatives-by-theme-and-territory \
  --param theme=mobilite --param territory=Indre

say "The programme of the day"
"$KG" --store "$store/st" query programme

say "Who ran the mobility workshop (2.5), and who took the notes?"
"$KG" --store "$store/st" query speakers-of-session --param session=2.5

say "Which sessions dealt with artificial intelligence?"
"$KG" --store "$store/st" query sessions-by-theme --param theme=intelligence-artificielle

say "Initiatives per département"
"$KG" --store "$store/st" query count-by-departement

say "The evidence for Rur@linette: every fact with its passage"
"$KG" --store "$store/st" query evidence \
  --param entity=https://w3id.org/mednum-kg/id/initiative/rur-linette

say "serve: the same answers over HTTP (SPARQL 1.1 Protocol), with a query page"
if command -v curl >/dev/null 2>&1; then
  "$KG" --store "$store/st" serve --listen 127.0.0.1:0 --workers 1 2>"$store/serve.log" &
  pid=$!
  n=0
  until grep -q 'listening on' "$store/serve.log" 2>/dev/null || [ $n -ge 50 ]; do
    sleep 0.1; n=$((n + 1))
  done
  url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$store/serve.log")
  echo "\$ curl '${url}queries/initiatives-by-theme-and-territory?theme=mobilite&territory=36&format=csv'"
  curl -s "${url}queries/initiatives-by-theme-and-territory?theme=mobilite&territory=36&format=csv" || true
  kill "$pid"; wait "$pid" || true
fi
cat <<'EOT'

To keep a server running on the bundled report:
    build/mednum-kg load data/nec-cvl-2024.md     # into ./mednum-kg.store
    build/mednum-kg serve                         # then open http://127.0.0.1:7878/
The query page is at /, the SPARQL endpoint at /sparql, the named queries at
/queries, and every entity has a page: http://127.0.0.1:7878/id/initiative/rur-linette
EOT
