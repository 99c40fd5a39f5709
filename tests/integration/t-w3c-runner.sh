#!/bin/sh
# t-w3c-runner.sh - self-test of tools/w3c/run_w3c.py (the W3C conformance
# runner), not of the engine: the comparer is fed crafted expected/actual
# pairs, then the runner is driven end to end over a tiny suite with a fake
# engine, and every verdict is checked.  Runs in a temp dir; $TOP = project.
set -u
: "${TOP:?}"
RUN="python3 $TOP/tools/w3c/run_w3c.py"
fails=0 n=0

# verdict EXPECTED-VERDICT EXPECTED ACTUAL [run_w3c options...]
verdict() {
  want=$1 exp=$2 act=$3
  shift 3
  n=$((n+1))
  got=$($RUN --compare "$exp" "$act" "$@" 2>&1 | head -n 1)
  if [ "$got" = "$want" ]; then
    echo "ok   $exp vs $act $*: $got"
  else
    echo "FAIL $exp vs $act $*: want $want, got: $got"
    $RUN --compare "$exp" "$act" "$@"
    fails=$((fails+1))
  fi
}

srx_head='<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
XSD=http://www.w3.org/2001/XMLSchema#

# ---- result sets: same set, different order -------------------------------
cat > e1.srx <<EOF
$srx_head
<head><variable name="x"/><variable name="n"/></head>
<results>
<result><binding name="x"><uri>http://ex/a</uri></binding>
        <binding name="n"><literal datatype="${XSD}integer">1</literal></binding></result>
<result><binding name="x"><uri>http://ex/b</uri></binding>
        <binding name="n"><literal datatype="${XSD}integer">2</literal></binding></result>
<result><binding name="x"><uri>http://ex/c</uri></binding></result>
</results></sparql>
EOF
cat > a1.srj <<EOF
{"head":{"vars":["n","x"]},"results":{"bindings":[
 {"x":{"type":"uri","value":"http://ex/c"}},
 {"x":{"type":"uri","value":"http://ex/b"},"n":{"type":"literal","value":"2","datatype":"${XSD}integer"}},
 {"x":{"type":"uri","value":"http://ex/a"},"n":{"type":"literal","value":"1","datatype":"${XSD}integer"}}]}}
EOF
verdict PASSED e1.srx a1.srj

# ---- a different value ------------------------------------------------------
sed 's/"value":"2"/"value":"3"/' a1.srj > a1-value.srj
verdict WRONG e1.srx a1-value.srj
# ---- an unbound variable bound, a missing row, a duplicated row -----------------
sed 's|{"x":{"type":"uri","value":"http://ex/c"}}|{"x":{"type":"uri","value":"http://ex/c"},"n":{"type":"literal","value":"3"}}|' a1.srj > a1-bound.srj
verdict WRONG e1.srx a1-bound.srj
cat > a1-dup.srj <<EOF
{"head":{"vars":["x","n"]},"results":{"bindings":[
 {"x":{"type":"uri","value":"http://ex/c"}},
 {"x":{"type":"uri","value":"http://ex/c"}},
 {"x":{"type":"uri","value":"http://ex/a"},"n":{"type":"literal","value":"1","datatype":"${XSD}integer"}}]}}
EOF
verdict WRONG e1.srx a1-dup.srj
# ---- other variables ------------------------------------------------------------
sed 's/"vars":\["n","x"\]/"vars":["n","x","y"]/' a1.srj > a1-vars.srj
verdict WRONG e1.srx a1-vars.srj

# ---- ORDER BY: sequence of the keys matters, ties do not --------------------
printf 'PREFIX : <http://ex/>\nSELECT ?x ?n WHERE { ?x :p ?n } ORDER BY ?x\n' > byx.rq
printf 'SELECT ?x ?n WHERE { { SELECT ?x WHERE {?x ?p ?o} ORDER BY ?x LIMIT 9 } ?x ?q ?n }\n' > sub.rq
verdict WRONG e1.srx a1.srj --query byx.rq
verdict PASSED e1.srx a1.srj --query sub.rq
cat > e2.srx <<EOF
$srx_head
<head><variable name="k"/><variable name="v"/></head>
<results>
<result><binding name="k"><literal>1</literal></binding><binding name="v"><literal>a</literal></binding></result>
<result><binding name="k"><literal>1</literal></binding><binding name="v"><literal>b</literal></binding></result>
<result><binding name="k"><literal>2</literal></binding><binding name="v"><literal>c</literal></binding></result>
</results></sparql>
EOF
cat > a2-ties.srj <<'EOF'
{"head":{"vars":["k","v"]},"results":{"bindings":[
 {"k":{"type":"literal","value":"1"},"v":{"type":"literal","value":"b"}},
 {"k":{"type":"literal","value":"1"},"v":{"type":"literal","value":"a"}},
 {"k":{"type":"literal","value":"2"},"v":{"type":"literal","value":"c"}}]}}
EOF
cat > a2-bad.srj <<'EOF'
{"head":{"vars":["k","v"]},"results":{"bindings":[
 {"k":{"type":"literal","value":"1"},"v":{"type":"literal","value":"b"}},
 {"k":{"type":"literal","value":"2"},"v":{"type":"literal","value":"c"}},
 {"k":{"type":"literal","value":"1"},"v":{"type":"literal","value":"a"}}]}}
EOF
printf 'SELECT * { ?s ?p ?k } ORDER BY ASC(?k) LIMIT 10\n' > byk.rq
printf '# ORDER BY ?k in a comment\nSELECT * { ?s ?p ?k FILTER(?k != "ORDER BY ?k") }\n' > noorder.rq
verdict PASSED e2.srx a2-ties.srj --query byk.rq
verdict WRONG e2.srx a2-bad.srj --query byk.rq
verdict PASSED e2.srx a2-bad.srj --query noorder.rq

# ---- blank nodes: renaming is fine, the sharing must be the same ------------
cat > e3.srx <<EOF
$srx_head
<head><variable name="a"/><variable name="b"/></head>
<results>
<result><binding name="a"><bnode>r1</bnode></binding><binding name="b"><bnode>r1</bnode></binding></result>
<result><binding name="a"><bnode>r2</bnode></binding><binding name="b"><bnode>r3</bnode></binding></result>
<result><binding name="a"><bnode>r3</bnode></binding><binding name="b"><uri>http://ex/z</uri></binding></result>
</results></sparql>
EOF
cat > a3.srj <<'EOF'
{"head":{"vars":["a","b"]},"results":{"bindings":[
 {"a":{"type":"bnode","value":"q"},"b":{"type":"uri","value":"http://ex/z"}},
 {"a":{"type":"bnode","value":"z9"},"b":{"type":"bnode","value":"z9"}},
 {"a":{"type":"bnode","value":"p"},"b":{"type":"bnode","value":"q"}}]}}
EOF
cat > a3-shared.srj <<'EOF'
{"head":{"vars":["a","b"]},"results":{"bindings":[
 {"a":{"type":"bnode","value":"q"},"b":{"type":"uri","value":"http://ex/z"}},
 {"a":{"type":"bnode","value":"z9"},"b":{"type":"bnode","value":"z9"}},
 {"a":{"type":"bnode","value":"p"},"b":{"type":"bnode","value":"p2"}}]}}
EOF
cat > a3-merged.srj <<'EOF'
{"head":{"vars":["a","b"]},"results":{"bindings":[
 {"a":{"type":"bnode","value":"q"},"b":{"type":"uri","value":"http://ex/z"}},
 {"a":{"type":"bnode","value":"q"},"b":{"type":"bnode","value":"q"}},
 {"a":{"type":"bnode","value":"p"},"b":{"type":"bnode","value":"q"}}]}}
EOF
verdict PASSED e3.srx a3.srj
verdict WRONG e3.srx a3-shared.srj
verdict WRONG e3.srx a3-merged.srj

# ---- literals: strict lexical forms; RDF 1.1 equivalences only -----------------
cat > e4.srx <<EOF
$srx_head
<head><variable name="v"/><variable name="s"/><variable name="l"/></head>
<results>
<result><binding name="v"><literal datatype="${XSD}decimal">1.0</literal></binding>
        <binding name="s"><literal>plain</literal></binding>
        <binding name="l"><literal xml:lang="en-GB">colour</literal></binding></result>
</results></sparql>
EOF
cat > a4.srj <<EOF
{"head":{"vars":["v","s","l"]},"results":{"bindings":[
 {"v":{"type":"literal","value":"1.0","datatype":"${XSD}decimal"},
  "s":{"type":"literal","value":"plain","datatype":"${XSD}string"},
  "l":{"type":"literal","value":"colour","xml:lang":"en-gb"}}]}}
EOF
sed 's/"value":"1.0"/"value":"1"/' a4.srj > a4-lex.srj
sed 's/"value":"1.0","datatype":"[^"]*"/"value":"1","datatype":"http:\/\/www.w3.org\/2001\/XMLSchema#integer"/' a4.srj > a4-type.srj
sed 's/"xml:lang":"en-gb"/"xml:lang":"en"/' a4.srj > a4-lang.srj
verdict PASSED e4.srx a4.srj
verdict WRONG e4.srx a4-lex.srj
verdict PASSED e4.srx a4-lex.srj --numbers value
verdict WRONG e4.srx a4-type.srj --numbers value
verdict WRONG e4.srx a4-lang.srj

# ---- TSV expected results, ASK ---------------------------------------------------
printf '?v\t?s\t?l\n1.0\t"plain"\t"colour"@en-GB\n' > e5.tsv
verdict PASSED e5.tsv a4.srj
printf '{"head":{},"boolean":true}' > yes.srj
printf '{"head":{},"boolean":false}' > no.srj
printf '%s\n<head/><boolean>true</boolean></sparql>\n' "$srx_head" > yes.srx
verdict PASSED yes.srx yes.srj
verdict WRONG yes.srx no.srj
verdict WRONG e1.srx yes.srj

# ---- graphs: blank-node isomorphism --------------------------------------------
cat > e6.ttl <<'EOF'
@prefix : <http://ex/> .
:s :p [ :q "1" ; :r [ :q "2" ] ] .
:s :p [ :q "1" ] .
EOF
cat > a6.ttl <<'EOF'
<http://ex/s> <http://ex/p> _:n2 .
_:n2 <http://ex/q> "1" .
<http://ex/s> <http://ex/p> _:n1 .
_:n1 <http://ex/q> "1" .
_:n1 <http://ex/r> _:n3 .
_:n3 <http://ex/q> "2"^^<http://www.w3.org/2001/XMLSchema#string> .
EOF
cat > a6-bad.ttl <<'EOF'
<http://ex/s> <http://ex/p> _:n2 .
_:n2 <http://ex/q> "1" .
<http://ex/s> <http://ex/p> _:n1 .
_:n1 <http://ex/q> "1" .
_:n2 <http://ex/r> _:n3 .
_:n1 <http://ex/r> _:n3 .
_:n3 <http://ex/q> "2" .
EOF
verdict PASSED e6.ttl a6.ttl
verdict WRONG e6.ttl a6-bad.ttl

# ---- end to end: a tiny suite and a fake engine ---------------------------------
mkdir -p suite/mini
cp e1.srx suite/mini/r1.srx
cp yes.srx suite/mini/yes.srx
: > suite/mini/d.ttl
: > suite/mini/g.ttl
for q in pass wrong refuse crash ask askfalse slow named; do
  echo "SELECT * { ?s ?p ?o }" > suite/mini/$q.rq
done
echo "ASK {}" > suite/mini/ask.rq
echo "ASK {}" > suite/mini/askfalse.rq
echo "SELEC" > suite/mini/bad.rq
cat > suite/mini/manifest.ttl <<'EOF'
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .
@prefix qt: <http://www.w3.org/2001/sw/DataAccess/tests/test-query#> .
@prefix dawgt: <http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#> .
@prefix : <http://example/mini#> .
<> a mf:Manifest ; mf:entries ( :pass :wrong :refuse :crash :ask :askfalse :slow :named
   :proposed :bad ) .
:pass a mf:QueryEvaluationTest ; mf:name "pass" ; dawgt:approval dawgt:Approved ;
  mf:action [ qt:query <pass.rq> ; qt:data <d.ttl> ] ; mf:result <r1.srx> .
:wrong a mf:QueryEvaluationTest ; mf:name "wrong" ; dawgt:approval dawgt:Approved ;
  mf:action [ qt:query <wrong.rq> ; qt:data <d.ttl> ] ; mf:result <r1.srx> .
:refuse a mf:QueryEvaluationTest ; mf:name "refuse" ;
  mf:action [ qt:query <refuse.rq> ; qt:data <d.ttl> ] ; mf:result <r1.srx> .
:crash a mf:QueryEvaluationTest ; mf:name "crash" ;
  mf:action [ qt:query <crash.rq> ; qt:data <d.ttl> ] ; mf:result <r1.srx> .
:ask a mf:QueryEvaluationTest ; mf:name "ask" ;
  mf:action [ qt:query <ask.rq> ] ; mf:result <yes.srx> .
:askfalse a mf:QueryEvaluationTest ; mf:name "askfalse exits 1" ;
  mf:action [ qt:query <askfalse.rq> ] ; mf:result <yes.srx> .
:slow a mf:QueryEvaluationTest ; mf:name "slow" ;
  mf:action [ qt:query <slow.rq> ] ; mf:result <r1.srx> .
:named a mf:QueryEvaluationTest ; mf:name "named" ;
  mf:action [ qt:query <named.rq> ; qt:data <d.ttl> ; qt:graphData <g.ttl> ] ;
  mf:result <r1.srx> .
:proposed a mf:QueryEvaluationTest ; mf:name "proposed: not run" ; dawgt:approval dawgt:Proposed ;
  mf:action [ qt:query <pass.rq> ] ; mf:result <r1.srx> .
:bad a mf:NegativeSyntaxTest11 ; mf:name "bad" ; mf:action <bad.rq> .
EOF
cat > engine.sh <<EOF
#!/bin/sh
# fake engine: behaves according to the query file's name
[ "\$1" = query ] || exit 2
args="\$*"
for q; do :; done
case \$(basename "\$q" .rq) in
  pass) cat "$PWD/a1.srj" ;;
  wrong) cat "$PWD/a1-value.srj" ;;
  refuse) echo "mednum-kg: \$q:1: MINUS is not supported" >&2; exit 3 ;;
  crash) kill -SEGV \$\$ ;;
  ask) cat "$PWD/yes.srj" ;;
  askfalse) cat "$PWD/yes.srj"; exit 1 ;;
  slow) sleep 30 ;;
  named) case "\$args" in
           *"--named file://$PWD/suite/mini/g.ttl=$PWD/suite/mini/g.ttl"*) cat "$PWD/a1.srj" ;;
           *) echo "no --named: \$args" >&2; exit 2 ;;
         esac ;;
  bad) echo "mednum-kg: \$q:1: syntax error" >&2; exit 3 ;;
esac
EOF
$RUN --suite suite --engine-cmd "sh $PWD/engine.sh" --out out --timeout 2 > run.log 2>&1
rc=$?
cat run.log
n=$((n+1))
if [ $rc -ne 1 ]; then echo "FAIL runner exit $rc (want 1: there are wrong tests)"; fails=$((fails+1)); fi
check() {  # check OUTCOME TEST
  n=$((n+1))
  if grep -q "^$1 *mini/$2 " out/report.txt; then echo "ok   $2: $1"
  else echo "FAIL $2: want $1"; grep "mini/$2 " out/report.txt; fails=$((fails+1)); fi
}
check PASSED pass
check WRONG wrong
check REFUSED refuse
check WRONG crash
check PASSED ask
check WRONG askfalse
check TIMEOUT slow
check PASSED named
check PASSED bad
n=$((n+1))
if grep -q "mini/proposed" out/report.txt; then echo "FAIL a dawgt:Proposed test was run"; fails=$((fails+1)); fi
n=$((n+1))
if grep -q "^w3c evaluation: 3 passed, 1 refused, 4 wrong (1 timeout) of 8" run.log; then
  echo "ok   summary line"
else echo "FAIL summary line"; fails=$((fails+1)); fi

echo "t-w3c-runner: $((n-fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
