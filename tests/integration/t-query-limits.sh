#!/bin/sh
# t-query-limits.sh - a query that outgrows its limits stops with exit 3,
# one line naming the limit and its option, and no answer on stdout:
# time (--timeout), rows of one table (--max-rows), heap (--max-memory);
# text nested deeper than the parser limits is refused before rasqal reads
# it; bad limit values, a repeated --param and a bad MEDNUM_KG_WAIT are
# usage errors.  Each case runs under `timeout` so that a limit that does
# not hold fails the test instead of hanging it.
set -u
: "${KG:?}"
fail() { echo "FAIL: $*"; exit 1; }

awk 'BEGIN { for(i = 0; i < 3000; i++)
  printf "<http://e/s%d> <http://e/p> \"%d\" .\n", i, i }' >g.nt
cross='SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f }'

# run NAME CODE WORD ARGS...: exit CODE, WORD in the message (one line, but
# a usage error adds its "try --help"), no stdout
run() {
  name=$1 code=$2 word=$3
  shift 3
  timeout 120 "$KG" "$@" >out 2>err
  rc=$?
  [ "$rc" = "$code" ] || fail "$name: exit $rc, expected $code: $(cat err)"
  grep -q -e "$word" err || fail "$name: no '$word' in: $(cat err)"
  [ "$code" = 2 ] || [ "$(wc -l <err)" = 1 ] ||
    fail "$name: more than one line: $(cat err)"
  [ ! -s out ] || fail "$name: printed an answer: $(head -3 out)"
}

run timeout 3 '--timeout' query --timeout 1 --max-rows 0 --data g.nt -e "$cross"
run rows 3 '--max-rows' query --max-rows 100000 --data g.nt -e "$cross"
run memory 3 '--max-memory' query --max-memory 64 --max-rows 0 --data g.nt -e "$cross"
# the defaults leave an ordinary query alone
"$KG" query --data g.nt -f tsv -e 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' >out ||
  fail "a small query under the default limits"
grep -qx '3000' out || fail "count: $(cat out)"
# the row limit is on one table: the answer itself counts
run answer 3 '--max-rows' query --max-rows 2999 --data g.nt -e 'SELECT * { ?s ?p ?o }'
"$KG" query --max-rows 3000 --data g.nt -e 'SELECT * { ?s ?p ?o }' >/dev/null ||
  fail "3000 rows under --max-rows 3000"

# nesting: 64 brackets pass, 65 are refused with the line
deep() { python3 -c "import sys; n=int(sys.argv[1]); print('ASK {\n FILTER(' + '('*(n-2) + '1' + ')'*(n-2) + ') }')" "$1"; }
deep 64 >ok.rq
"$KG" query --data g.nt ok.rq >/dev/null || fail "64 nested brackets refused"
deep 65 >deep.rq
run nesting 3 'deep.rq:2: brackets nested more than 64' query --data g.nt deep.rq
# OPTIONAL in OPTIONAL: 6 levels pass, 7 are refused (rasqal's preparation
# is exponential in that depth)
opt() { python3 -c "import sys; n=int(sys.argv[1])
s='SELECT * { ?x0 ?p ?y0 '
for i in range(n): s+=' OPTIONAL { { ?x%d ?p ?y%d } UNION { ?x%d ?p ?y%d ' % (i+1, i+1, i+1, i+1)
print(s + '} }' * n + ' }')" "$1"; }
echo '<http://e/a> <http://e/p> <http://e/b> .' >one.nt
opt 6 >opt6.rq
timeout 60 "$KG" query --data one.nt -f tsv opt6.rq >/dev/null || fail "6 nested OPTIONALs"
opt 7 >opt7.rq
run optional 3 'OPTIONAL nested more than 6 deep' query --data one.nt opt7.rq

# bad values
run badtimeout 2 "'--timeout' wants a number" query --timeout soon -e 'ASK {}'
run badrows 2 "'--max-rows' wants a whole number" query --max-rows 1.5 -e 'ASK {}'
run badmem 2 "'--max-memory' wants a whole number" query --max-memory -1 -e 'ASK {}'
printf 'SELECT * { ?s ?p ?o } LIMIT 1\n' >q.rq
timeout 60 "$KG" query --param a=1 --param a=2 q.rq >out 2>err
[ $? = 2 ] && grep -q -- '--param a given twice' err || fail "repeated --param: $(cat err)"
MEDNUM_KG_WAIT=soon timeout 60 "$KG" --store st load --no-reference g.nt >out 2>err
[ $? = 2 ] && grep -q "MEDNUM_KG_WAIT is 'soon'" err || fail "MEDNUM_KG_WAIT: $(cat err)"
"$KG" --store st load --no-reference g.nt 2>err || fail "load after the refusal: $(cat err)"
echo "query limits: all cases passed"
