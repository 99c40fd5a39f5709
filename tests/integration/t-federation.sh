#!/bin/sh
# t-federation.sh - regions that keep their own `mednum-kg serve` are
# queried together by Comunica, an existing federation engine, not by
# anything of ours.  Two stores hold different reports (the bundled
# nec-cvl-2024 and the Dordogne NEC of tests/corpus/dev), each behind its
# own server on a free loopback port; the named query `programme` (no
# parameters) runs through Comunica's comunica-sparql over both endpoints
# as SPARQL sources, and its rows, as a set, must be the union of what
# `mednum-kg query programme` answers on each store alone (each store
# giving rows the other has not).  Comunica may answer a row more than
# once: it does not merge a triple that both endpoints hold (the session
# types' labels), so the rows are compared as sets.
#
# Needs node and npm (skipped without them).  @comunica/query-sparql is
# pinned by tests/federation/package-lock.json and installed into
# tests/federation/node_modules by `npm ci` when missing or older than
# the lockfile (about a minute, once).  Then takes about 15 s.
set -u
: "${KG:?}" "${TOP:?}"
fail() { echo "FAIL: $*"; exit 1; }

command -v node >/dev/null 2>&1 || { echo "skipped: node is missing (apt-get install nodejs)"; exit 0; }
command -v npm >/dev/null 2>&1 || { echo "skipped: npm is missing (apt-get install npm)"; exit 0; }
node -e 'const [a, b, c] = process.versions.node.split(".").map(Number);
  process.exit(a > 20 || (a === 20 && (b > 18 || (b === 18 && c >= 1))) ? 0 : 1)' ||
  fail "Comunica needs Node.js >= 20.18.1; this is $(node --version)"

# npm writes node_modules/.package-lock.json last: install when it is
# missing or older than the lockfile
b="$TOP/tests/federation"
if [ ! -f "$b/node_modules/@comunica/query-sparql/package.json" ] ||
   [ ! -f "$b/node_modules/.package-lock.json" ] ||
   [ -n "$(find "$b/package-lock.json" -newer "$b/node_modules/.package-lock.json")" ]; then
  (cd "$b" && npm ci --ignore-scripts --no-audit --no-fund) >npm.log 2>&1 ||
    fail "npm ci in tests/federation: $(tail -n 20 npm.log)"
fi
comunica="$b/node_modules/.bin/comunica-sparql"
[ -x "$comunica" ] || fail "no $comunica after npm ci"
echo "comunica: $(node -p "require('$b/node_modules/@comunica/query-sparql/package.json').version")"

# two regions, two reports
r1="$TOP/data/nec-cvl-2024.md"
r2="$TOP/tests/corpus/dev/c-nec-dordogne-pqn-a-2022.md"
"$KG" -q --store st1 load "$r1" >load1.out 2>load1.err || fail "load st1: $(cat load1.err)"
"$KG" -q --store st2 load "$r2" >load2.out 2>load2.err || fail "load st2: $(cat load2.err)"

# what each store answers alone
name=programme
query="$TOP/queries/$name.rq"
[ -f "$query" ] || fail "no $query"
"$KG" --store st1 query -f json "$name" >alone1.json 2>q1.err || fail "query st1: $(cat q1.err)"
"$KG" --store st2 query -f json "$name" >alone2.json 2>q2.err || fail "query st2: $(cat q2.err)"

# two servers; both stopped by PID on the way out
pid1='' pid2=''
stop() {
  for p in $pid1 $pid2; do
    kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null
  done
  pid1='' pid2=''
}
trap stop EXIT
trap 'exit 1' INT TERM HUP
# start N: serve store stN; sets $url
start() {
  "$KG" --store "st$1" serve --listen 127.0.0.1:0 >"serve$1.out" 2>"serve$1.err" &
  eval "pid$1=\$!"
  url=
  i=0
  while [ $i -lt 100 ]; do
    url=$(sed -n 's#.*listening on \(http://127\.0\.0\.1:[0-9][0-9]*/\).*#\1#p' "serve$1.err")
    [ -n "$url" ] && return 0
    eval "kill -0 \$pid$1" 2>/dev/null || fail "serve st$1 stopped: $(cat "serve$1.err")"
    sleep 0.1
    i=$((i+1))
  done
  fail "serve st$1 printed no 'listening on' line in 10 s: $(cat "serve$1.err")"
}
start 1; e1="${url}sparql"
start 2; e2="${url}sparql"
echo "endpoints: $e1 $e2"

# the servers' access logs (stderr, less the 'listening' line)
access() { grep -v '^mednum-kg: ' "serve$1.err"; }

timeout 50 "$comunica" "sparql@$e1" "sparql@$e2" -f "$query" \
  -t application/sparql-results+json >fed.json 2>fed.err
rc=$?
if [ $rc != 0 ]; then
  echo "--- comunica stderr"
  esc=$(printf '\033')
  sed "s/$esc\[[0-9;]*m//g" fed.err | head -n 30
  for n in 1 2; do
    echo "--- serve st$n: requests not answered 200"
    access $n | grep -v '^[A-Z]* [^ ]* 200 ' | head -n 10
  done
  if { access 1; access 2; } | grep -q '^GET /sparql 303 '; then
    fail "comunica exited $rc: the server answered Comunica's first request, GET /sparql without a query and with an Accept that ranks RDF above text/html;q=0.2, by 303 to the HTML query page at /; Comunica then sent its queries to / and got HTML (server bug: the browser redirect in src/serve/endpoint.c ignores q-values)"
  fi
  fail "comunica exited $rc"
fi

for n in 1 2; do
  c=$(access $n | wc -l)
  echo "serve st$n: $c requests from Comunica"
  [ "$c" -gt 0 ] || fail "Comunica sent nothing to $([ $n = 1 ] && echo "$e1" || echo "$e2")"
done

# rows as sets of normalised values: typed-literal is literal, an
# xsd:string datatype is no datatype, language tags in lower case
cat >compare.js <<'EOF'
const fs = require('fs');
function rows(file) {
  const d = JSON.parse(fs.readFileSync(file, 'utf8'));
  const vars = d.head.vars;
  const list = d.results.bindings.map(b => JSON.stringify(vars.map(v => {
    const t = b[v];
    if (!t) return null;
    let dt = t.datatype || null;
    if (dt === 'http://www.w3.org/2001/XMLSchema#string') dt = null;
    return [t.type === 'typed-literal' ? 'literal' : t.type, t.value, dt,
            (t['xml:lang'] || '').toLowerCase()];
  })));
  return { vars, list, set: new Set(list) };
}
const [a, b, f] = process.argv.slice(2).map(rows);
const errs = [];
const show = r => JSON.parse(r).map(t => t && t[1]).join(' | ');
if (JSON.stringify(f.vars) !== JSON.stringify(a.vars) ||
    JSON.stringify(b.vars) !== JSON.stringify(a.vars))
  errs.push(`variables differ: ${a.vars} / ${b.vars} / federated ${f.vars}`);
if (!a.set.size || !b.set.size) errs.push('a store alone gives no row');
const onlyA = [...a.set].filter(r => !b.set.has(r));
const onlyB = [...b.set].filter(r => !a.set.has(r));
if (!onlyA.length || !onlyB.length)
  errs.push('the two stores do not each give rows of their own: the test proves nothing');
const union = new Set([...a.set, ...b.set]);
const missing = [...union].filter(r => !f.set.has(r));
const extra = [...f.set].filter(r => !union.has(r));
for (const r of missing.slice(0, 5)) errs.push('missing from the federated answer: ' + show(r));
for (const r of extra.slice(0, 5)) errs.push('in the federated answer, in neither store: ' + show(r));
if (missing.length > 5 || extra.length > 5)
  errs.push(`(${missing.length} missing, ${extra.length} extra in all)`);
console.log(`rows: store 1 ${a.set.size}, store 2 ${b.set.size}, union ${union.size}; ` +
            `federated ${f.list.length} (${f.set.size} distinct)`);
for (const e of errs) console.log('  ' + e);
process.exit(errs.length ? 1 : 0);
EOF
node compare.js alone1.json alone2.json fed.json >compare.out 2>&1
rc=$?
cat compare.out
[ $rc = 0 ] || fail "the federated rows are not the union of the two stores' rows"

stop
echo "federation: Comunica over two endpoints answered '$name' with both stores' rows"
