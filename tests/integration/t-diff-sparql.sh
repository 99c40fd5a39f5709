#!/bin/sh
# t-diff-sparql.sh - self-test of tools/diff-sparql/diff_sparql.py (make
# diff-sparql), not of the engine: the comparator is fed fixed pairs of
# answers (Oxigraph's, ours) and each verdict is checked; then, when the
# pinned Oxigraph is installed, a two-query corpus runs end to end.  Needs no
# network.  Runs in a temp dir; $TOP = project, $KG = the binary.
set -u
: "${TOP:?}" "${KG:?}"
RUN="python3 $TOP/tools/diff-sparql/diff_sparql.py"
fails=0 n=0
XSD=http://www.w3.org/2001/XMLSchema#

# verdict WANT QUERY [diff_sparql.py --verdict options...]
verdict() {
  want=$1 qf=$2
  shift 2
  n=$((n+1))
  got=$($RUN --verdict --query "$qf" "$@" 2>&1 | head -n 1)
  if [ "$got" = "$want" ]; then
    echo "ok $n - $want: $qf $*"
  else
    echo "not ok $n - want '$want', got '$got': $qf $*"
    $RUN --verdict --query "$qf" "$@"
    fails=$((fails+1))
  fi
}

printf 'SELECT ?x ?n WHERE { ?x <http://ex/p> ?n }\n' > sel.rq
printf 'SELECT ?x ?n WHERE { ?x <http://ex/p> ?n } ORDER BY ?n\n' > ord.rq
printf 'ASK { ?s ?p ?o }\n' > ask.rq
printf 'CONSTRUCT { ?s <http://ex/q> [ <http://ex/r> ?o ] } WHERE { ?s ?p ?o }\n' > con.rq

cat > ox.srj <<EOF
{"head":{"vars":["x","n"]},"results":{"bindings":[
 {"x":{"type":"uri","value":"http://ex/a"},"n":{"type":"literal","value":"1","datatype":"${XSD}decimal"}},
 {"x":{"type":"uri","value":"http://ex/b"},"n":{"type":"literal","value":"2","datatype":"${XSD}integer"}}]}}
EOF
# the same rows, other order, "1.0" for "1"
cat > ours.srj <<EOF
{"head":{"vars":["x","n"]},"results":{"bindings":[
 {"x":{"type":"uri","value":"http://ex/b"},"n":{"type":"literal","value":"2","datatype":"${XSD}integer"}},
 {"x":{"type":"uri","value":"http://ex/a"},"n":{"type":"literal","value":"1.0","datatype":"${XSD}decimal"}}]}}
EOF
sed 's/"1.0"/"1"/' ours.srj > ours-lex.srj
sed 's/"2"/"-2"/' ours.srj > ours-value.srj
sed "s|\"1.0\",\"datatype\":\"${XSD}decimal\"|\"1\",\"datatype\":\"${XSD}integer\"|" ours.srj > ours-type.srj
printf '{"head":{"vars":["x","n"]},"results":{"bindings":[\n {"x":{"type":"uri","value":"http://ex/a"}},\n {"x":{"type":"uri","value":"http://ex/b"},"n":{"type":"literal","value":"2","datatype":"%sinteger"}}]}}\n' "$XSD" > ours-unbound.srj
cat > ours-rev.srj <<EOF
{"head":{"vars":["x","n"]},"results":{"bindings":[
 {"x":{"type":"uri","value":"http://ex/b"},"n":{"type":"literal","value":"2","datatype":"${XSD}integer"}},
 {"x":{"type":"uri","value":"http://ex/a"},"n":{"type":"literal","value":"1","datatype":"${XSD}decimal"}}]}}
EOF

# ---- same --------------------------------------------------------------------
verdict "same lexically" sel.rq --ox ox.srj --ours ours-lex.srj
verdict "same by value" sel.rq --ox ox.srj --ours ours.srj
# ---- different -----------------------------------------------------------------
verdict "different" sel.rq --ox ox.srj --ours ours-value.srj
verdict "different" sel.rq --ox ox.srj --ours ours-type.srj
verdict "different" sel.rq --ox ox.srj --ours ours-unbound.srj
verdict "different" ord.rq --ox ox.srj --ours ours-rev.srj
verdict "same lexically" sel.rq --ox ox.srj --ours ours-rev.srj
printf 'not json' > junk.srj
verdict "different ours" sel.rq --ox ox.srj --ours junk.srj
# ---- refused: one side (or both) errs cleanly -----------------------------------
verdict "refused ours" sel.rq --ox ox.srj --ours-rc 3 \
  --ours-stderr "mednum-kg: q.rq:1: regex flag 'q' is not supported"
verdict "refused oxigraph" sel.rq --ox-error "custom function not supported" --ours ours.srj
verdict "refused both" sel.rq --ox-error "no SERVICE" --ours-rc 3 --ours-stderr "mednum-kg: SERVICE"
# ---- crash or timeout -------------------------------------------------------------
verdict "crash ours" sel.rq --ox ox.srj --ours-rc -11
verdict "crash ours" sel.rq --ox ox.srj --ours-rc 3
verdict "crash ours" sel.rq --ox ox.srj --ours-rc timeout
verdict "crash oxigraph" sel.rq --ox-status timeout --ours ours.srj
# ---- ASK and CONSTRUCT ------------------------------------------------------------
printf '{"head":{},"boolean":false}' > no.srj
printf '{"head":{},"boolean":true}' > yes.srj
verdict "same lexically" ask.rq --ox no.srj --ours no.srj --ours-rc 1
verdict "different" ask.rq --ox yes.srj --ours no.srj --ours-rc 1
verdict "different ours" ask.rq --ox yes.srj --ours yes.srj --ours-rc 1
printf '<http://ex/s> <http://ex/q> _:a .\n_:a <http://ex/r> "x" .\n' > ox.nt
printf '_:z9 <http://ex/r> "x"^^<%sstring> .\n<http://ex/s> <http://ex/q> _:z9 .\n' "$XSD" > ours.nt
printf '<http://ex/s> <http://ex/q> _:z9 .\n_:z8 <http://ex/r> "x" .\n' > ours-bad.nt
verdict "same lexically" con.rq --ox ox.nt --ours ours.nt
verdict "different" con.rq --ox ox.nt --ours ours-bad.nt

# ---- end to end, with the pinned Oxigraph ------------------------------------------
n=$((n+1))
if [ ! -f "$TOP/bench/sparql/node_modules/oxigraph/package.json" ] || ! command -v node >/dev/null; then
  echo "ok $n # SKIP end-to-end run: Oxigraph is not installed" \
       "(bench/sparql/node_modules absent or no node; cd bench/sparql && npm ci)"
else
  mkdir -p corpus/operators
  printf '# category: operators\n# data: rel\n# tag: join\nPREFIX : <http://example.org/d/>\nSELECT ?a ?b WHERE { ?a :knows ?b . ?b :knows ?a }\n' \
    > corpus/operators/0001-join.rq
  printf '# category: operators\n# data: const\n# tag: service\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }\n' \
    > corpus/operators/0002-service.rq
  $RUN --kg "$KG" --corpus corpus --out out --timeout 20 > run.log 2>&1
  rc=$?
  if [ $rc -eq 0 ] && grep -q '^same      -        operators/0001-join (rel)$' out/report.md \
     && grep -q '^refused   both     operators/0002-service (const)$' out/report.md \
     && grep -q '^diff-sparql: 1 same (1 lexically), 1 refused, 0 different, 0 crash/timeout of 2$' run.log; then
    echo "ok $n - end-to-end run over 2 queries: exit 0, verdicts and summary"
  else
    echo "not ok $n - end-to-end run (exit $rc)"
    cat run.log
    grep -A3 '^## Every' out/report.md 2>/dev/null
    fails=$((fails+1))
  fi
fi

echo "t-diff-sparql: $((n-fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
