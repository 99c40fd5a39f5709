#!/bin/sh
# t-docs-sparql.sh - docs/SPARQL.md is what the engine's feature table says
# (regenerate with 'make docs').
set -u
: "${SPARQLDOC:?set SPARQLDOC to the built build/sparqldoc (make suite does)}"
"$SPARQLDOC" > now.md || { echo "not ok - sparqldoc runs"; exit 1; }
if cmp -s now.md "$TOP/docs/SPARQL.md"; then
  echo "ok - docs/SPARQL.md matches src/sparql/features.c"
else
  echo "not ok - docs/SPARQL.md is stale: run 'make docs'"
  diff "$TOP/docs/SPARQL.md" now.md | head -20
  exit 1
fi
grep -q '| refused |' now.md && echo "ok - the table names refused features" \
  || { echo "not ok - the table names refused features"; exit 1; }
