#!/bin/sh
# t-serve-protocol.sh - `mednum-kg serve` as its users meet it, over real
# sockets with curl: the SPARQL 1.1 Protocol (GET, form POST, sparql-query
# POST) answering what `query` answers; content negotiation and format=;
# the dataset parameters; every error status with its message; the
# limits (503, never a partial answer); CORS; the named-query API; entity
# pages (negotiated RDF, HTML with every report text escaped); the query
# page and its files; a load or unload seen while it runs; workers killed,
# bursts, garbage, silent and slow clients; the access log; SIGTERM (exit
# 0, workers gone, the request in flight answered).  It goes on after a
# failed check and prints one "ok"/"not ok" line each, then the list of
# failures.  Three servers: A (2 workers, defaults), B (1 worker,
# --timeout 1 --max-rows 0 --max-response 1 --max-body 1) and C
# (--max-rows 10).
set -u -f
: "${KG:?}"
: "${TOP:?}"
command -v curl >/dev/null || { echo "skipped: curl is missing"; exit 0; }
command -v python3 >/dev/null || { echo "skipped: python3 is missing"; exit 0; }
command -v pgrep >/dev/null || { echo "skipped: pgrep is missing (procps)"; exit 0; }
PY=$(python3 -c 'import sys; print(sys.executable)')   # not pyenv's slow shim
fatal() { echo "FAIL: $*"; exit 1; }

# ------------------------------------------------------------ checks
T=0 F=0 FAILED=''
ok() { T=$((T + 1)); echo "ok $T - $1"; }
nok() {
  T=$((T + 1)); F=$((F + 1))
  FAILED="$FAILED
  $T - $1"
  echo "not ok $T - $1"
  [ $# -lt 2 ] || printf '#   %s\n' "$2"
}
# check NAME COMMAND...: ok when COMMAND succeeds
check() {
  name=$1; shift
  if "$@"; then ok "$name"; else nok "$name" "$(ctx)"; fi
}

# http CURL-ARGS...: the answer's body in ./body, its headers in ./hdr;
# sets $code and $ctype
http() {
  r=$(curl -s -m 20 -o body -D hdr -w '%{http_code} %{content_type}' "$@")
  code=${r%% *}; ctype=${r#"$code"}; ctype=${ctype# }
}
ctx() {
  printf 'got %s %s: %s' "$code" "$ctype" \
    "$(head -c 300 body 2>/dev/null | tr '\n' ' ')"
}
has() { grep -q -F -e "$1" body; }
hasnt() { ! grep -q -F -e "$1" body; }
# header NAME: its value in ./hdr (empty when absent)
header() {
  tr -d '\r' <hdr | awk -v n="$1" 'BEGIN { n = tolower(n) }
    { i = index($0, ":") }
    i && tolower(substr($0, 1, i - 1)) == n {
      v = substr($0, i + 1); sub(/^[ \t]*/, "", v); print v; exit }'
}
# expect NAME CODE CTYPE [TEXT...]: the status, the Content-Type's media
# type (- for any), and each TEXT in the body
expect() {
  name=$1 want=$2 wtype=$3
  shift 3
  e=''
  [ "$code" = "$want" ] || e="status $code, expected $want"
  [ "$wtype" = - ] || [ "${ctype%%;*}" = "$wtype" ] ||
    e="$e; Content-Type '$ctype', expected $wtype"
  for s in "$@"; do has "$s" || e="$e; no '$s' in the body"; done
  if [ -z "$e" ]; then ok "$name"; else nok "$name" "$e -- $(ctx)"; fi
}
# same NAME FILE: the body is byte for byte FILE (what `query` printed)
same() {
  if cmp -s body "$2"; then ok "$1"
  else nok "$1" "differs from mednum-kg query: $(diff "$2" body | head -5 | tr '\n' ' ')"; fi
}
# one_line: the error answer in ./body is one line, no part of an answer
one_line() {
  [ "$(wc -l <body)" = 1 ] && hasnt '"bindings"' && hasnt '<result>'
}

# ------------------------------------------------------------ servers
PIDS=''
SLOW=''
cleanup() {
  [ -z "$SLOW" ] || kill "$SLOW" 2>/dev/null
  for p in $PIDS; do
    ws=$(pgrep -P "$p")
    kill -TERM "$p" 2>/dev/null
    sleep 0.2
    kill -KILL "$p" $ws 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# start NAME SERVE-ARGS...: a server on a free port of 127.0.0.1; sets
# NAME_pid and NAME_url, its stderr in NAME.err
start() {
  s=$1; shift
  : >"$s.err"
  "$KG" --store st serve --listen 127.0.0.1:0 "$@" 2>"$s.err" &
  p=$!
  PIDS="$PIDS $p"
  i=0
  until grep -q 'listening on http://' "$s.err"; do
    i=$((i + 1))
    [ "$i" -le 200 ] || fatal "server $s did not start: $(cat "$s.err")"
    sleep 0.05
  done
  u=$(sed -n 's|.*listening on \(http://127\.0\.0\.1:[0-9][0-9]*\)/.*|\1|p' "$s.err")
  [ -n "$u" ] || fatal "server $s: no address in: $(cat "$s.err")"
  eval "${s}_pid=\$p ${s}_url=\$u"
}

# exited PID: true once PID has ended (a zombie counts)
exited() {
  case $(ps -o stat= -p "$1" 2>/dev/null) in ''|Z*) return 0 ;; esac
  return 1
}

# stop NAME: SIGTERM; it exits 0 within 5 s, says so, its workers gone
stop() {
  s=$1
  eval "p=\$${s}_pid"
  ws=$(pgrep -P "$p")
  kill -TERM "$p"
  i=0
  until exited "$p"; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then kill -KILL "$p" $ws; break; fi
    sleep 0.05
  done
  wait "$p"
  rc=$?
  PIDS=$(echo "$PIDS" | tr ' ' '\n' | grep -vx "$p" | tr '\n' ' ')
  [ "$rc" = 0 ] && ok "server $s: SIGTERM, exit 0" ||
    nok "server $s: SIGTERM, exit 0" "exit $rc: $(tail -n 3 "$s.err")"
  alive=''
  for w in $ws; do kill -0 "$w" 2>/dev/null && alive="$alive $w"; done
  [ -n "$ws" ] && [ -z "$alive" ] && ok "server $s: workers ($(echo $ws)) gone" ||
    nok "server $s: workers gone" "workers '$ws', still alive: '$alive'"
  grep -q 'serve: stopped' "$s.err" && ok "server $s: says it stopped" ||
    nok "server $s: says it stopped" "$(tail -n 3 "$s.err")"
}

nworkers() { pgrep -P "$1" | wc -l | tr -d ' '; }

# ------------------------------------------------------------ the store
hostile=$TOP/tests/fixtures/serve/hostile-2025.md
"$KG" --store st load "$TOP/data/nec-cvl-2024.md" "$hostile" 2>load.err ||
  fatal "load: $(cat load.err)"
"$KG" --store st query -f csv \
  -e 'SELECT DISTINCT ?g WHERE { GRAPH ?g {} } ORDER BY ?g' >graphs.csv ||
  fatal "graphs"
G=$(tr -d '\r' <graphs.csv | grep '/graph/hostile-2025$')
GN=$(tr -d '\r' <graphs.csv | grep '/graph/nec-cvl-2024$')
[ -n "$G" ] && [ -n "$GN" ] || fatal "graph IRIs: $(cat graphs.csv)"
BASE=${G%graph/hostile-2025}

start A --workers 2
start B --workers 1 --timeout 1 --max-rows 0 --max-response 1 --max-body 1
start C --workers 1 --max-rows 10
A=$A_url

# ------------------------------------------------------------ protocol
Q='PREFIX schema: <http://schema.org/>
# a comment, and characters a URL must encode: & = + % #
SELECT ?i ?name WHERE {
  ?i a <https://w3id.org/mednum-kg/def#Initiative> ; schema:name ?name
  FILTER(?name != "a&b=c+d%20")
} ORDER BY ?i'
for f in json xml csv tsv; do
  "$KG" --store st query -f $f -e "$Q" >cli.$f || fatal "query -f $f"
done
grep -q 'Rur@linette' cli.json || fatal "no Rur@linette in: $(head cli.json)"

http -G --data-urlencode "query=$Q" "$A/sparql"
expect "GET /sparql: 200, SPARQL JSON by default" 200 application/sparql-results+json
same "GET /sparql: the body is query -f json's" cli.json
http --data-urlencode "query=$Q" "$A/sparql"
expect "POST form: 200 JSON" 200 application/sparql-results+json
same "POST form: the body is query -f json's" cli.json
http -H 'Content-Type: application/sparql-query' --data-binary "$Q" "$A/sparql"
expect "POST sparql-query: 200 JSON" 200 application/sparql-results+json
same "POST sparql-query: the body is query -f json's" cli.json
http -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
  --data-urlencode "query=$Q" "$A/sparql"
expect "POST form with a charset parameter" 200 application/sparql-results+json
# a form body larger than the form parser's 64 KB buffer arrives whole
{ printf '%s\n#' "$Q"; head -c 200000 /dev/zero | tr '\0' 'x'; echo; } >long.rq
http --data-urlencode "query@long.rq" "$A/sparql"
expect "POST form of 200 KB" 200 application/sparql-results+json
same "POST form of 200 KB: the same answer" cli.json

# content negotiation: SELECT
for a in 'application/sparql-results+json json application/sparql-results+json' \
         'application/sparql-results+xml xml application/sparql-results+xml' \
         'text/csv csv text/csv' \
         'text/tab-separated-values tsv text/tab-separated-values' \
         '*/* json application/sparql-results+json' \
         'text/csv;q=0.5,application/sparql-results+xml xml application/sparql-results+xml'; do
  set -- $a
  http -G --data-urlencode "query=$Q" -H "Accept: $1" "$A/sparql"
  expect "Accept: $1 -> $3" 200 "$3"
  same "Accept: $1: the body is query -f $2's" cli.$2
done
http -G --data-urlencode "query=$Q" --data-urlencode format=xml \
  -H 'Accept: text/csv' "$A/sparql"
expect "format=xml overrides Accept: text/csv" 200 application/sparql-results+xml
same "format=xml: the body is query -f xml's" cli.xml
http -G --data-urlencode "query=$Q" --data-urlencode format=text/tab-separated-values "$A/sparql"
expect "format= a media type" 200 text/tab-separated-values
http -G --data-urlencode 'query=ASK { ?s a <http://schema.org/Report> }' "$A/sparql"
expect "ASK true" 200 application/sparql-results+json '"boolean": true'
http -G --data-urlencode 'query=ASK { <http://example.org/none> ?p ?o }' \
  -H 'Accept: application/sparql-results+xml' "$A/sparql"
expect "ASK false, as XML" 200 application/sparql-results+xml '<boolean>false</boolean>'
r=$(curl -s -m 10 -I -o /dev/null -w '%{http_code} %{size_download}' -G \
  --data-urlencode 'query=ASK {}' "$A/sparql")
[ "$r" = '200 0' ] && ok "HEAD /sparql: 200, no body" || nok "HEAD /sparql: 200, no body" "got $r"

# content negotiation: CONSTRUCT
CQ='PREFIX schema: <http://schema.org/>
CONSTRUCT { ?i schema:name ?n } WHERE { ?i a <https://w3id.org/mednum-kg/def#Initiative> ; schema:name ?n }'
for f in turtle ntriples jsonld rdfxml; do
  "$KG" --store st query -f $f -e "$CQ" >cli.$f || fatal "query -f $f (CONSTRUCT)"
done
for a in 'text/turtle turtle' 'application/n-triples ntriples' \
         'application/ld+json jsonld' 'application/rdf+xml rdfxml'; do
  set -- $a
  http -G --data-urlencode "query=$CQ" -H "Accept: $1" "$A/sparql"
  expect "CONSTRUCT, Accept: $1" 200 "$1"
  same "CONSTRUCT as $1: the body is query -f $2's" cli.$2
done
http -G --data-urlencode "query=$CQ" -H 'Accept: application/ld+json' "$A/sparql"
check "CONSTRUCT as JSON-LD parses as JSON" "$PY" -m json.tool body /dev/null
if command -v rapper >/dev/null; then
  http -G --data-urlencode "query=$CQ" -H 'Accept: application/rdf+xml' "$A/sparql"
  check "CONSTRUCT as RDF/XML parses (rapper)" sh -c \
    'rapper -q -i rdfxml -c - http://example.org/ <body 2>/dev/null'
  http -G --data-urlencode "query=$CQ" -H 'Accept: application/n-triples' "$A/sparql"
  check "CONSTRUCT as N-Triples parses (rapper)" sh -c \
    'rapper -q -i ntriples -c - http://example.org/ <body 2>/dev/null'
else
  echo "# rapper missing (raptor2-utils): RDF/XML answers not parsed"
fi
http -G --data-urlencode "query=$CQ" "$A/sparql"
expect "CONSTRUCT, no Accept: Turtle" 200 text/turtle
same "CONSTRUCT, no Accept: the body is query -f turtle's" cli.turtle
http -G --data-urlencode "query=$CQ" --data-urlencode format=ntriples \
  -H 'Accept: text/turtle' "$A/sparql"
expect "CONSTRUCT, format=ntriples overrides Accept" 200 application/n-triples
http -G --data-urlencode "query=$CQ" \
  -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' "$A/sparql"
expect "CONSTRUCT, a browser's Accept: Turtle" 200 text/turtle

# the dataset parameters
DQ='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
"$KG" --store st query -f csv -e "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$G> { ?s ?p ?o } }" >cli.count ||
  fatal "count"
http -G --data-urlencode "query=$DQ" --data-urlencode "default-graph-uri=$G" \
  -H 'Accept: text/csv' "$A/sparql"
expect "default-graph-uri=<hostile report's graph>" 200 text/csv
same "default-graph-uri: counts that graph's triples" cli.count
http -G --data-urlencode 'query=ASK { ?i <http://schema.org/name> "Rur@linette" }' \
  --data-urlencode "default-graph-uri=$G" "$A/sparql"
expect "default-graph-uri: the other report is out" 200 - '"boolean": false'
http -G --data-urlencode 'query=SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }' \
  --data-urlencode "named-graph-uri=$GN" -H 'Accept: text/csv' "$A/sparql"
expect "named-graph-uri: that graph only" 200 text/csv "$GN"
check "named-graph-uri: no other graph" hasnt "$G"
http -G --data-urlencode "query=$DQ" \
  --data-urlencode 'default-graph-uri=http://example.org/not-here' "$A/sparql"
expect "default-graph-uri unknown: 400" 400 text/plain 'not a graph of the store'
http -G --data-urlencode "query=$DQ" \
  --data-urlencode 'named-graph-uri=http://example.org/not-here' "$A/sparql"
expect "named-graph-uri unknown: 400" 400 text/plain 'not a graph of the store'

# ------------------------------------------------------------ errors
printf 'SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }\n' >bad.rq
http -G --data-urlencode 'query@bad.rq' "$A/sparql"
expect "bad query: 400 with the parser's message and line" 400 text/plain 'query:3:' 'syntax error'
http -G --data-urlencode 'default-graph-uri=http://example.org/g' "$A/sparql"
expect "no query: 400" 400 text/plain "no 'query' parameter"
# a GET of the endpoint alone is the SPARQL 1.1 Service Description, for
# curl, wget and federation engines (Comunica asks for RDF first and lists
# text/html at q=0.2): only a client that prefers HTML is sent to the page
http "$A/sparql"
expect "GET /sparql, Accept: */* (curl's): the service description" 200 text/turtle "sd:Service" "sd:SPARQL11Query"
http -H 'Accept: application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/html;q=0.2,application/json;q=0.135' "$A/sparql"
expect "GET /sparql, Comunica's Accept: the service description, not a redirect" 200 text/turtle "sd:Service"
http "$A/sparql?query=ASK%7B%7D&query=ASK%7B%7D"
expect "two queries: 400" 400 text/plain "more than one 'query'"
http --data-urlencode 'query=ASK {}' "$A/sparql?query=ASK%7B%7D"
expect "a query in the URL and one in the form: 400" 400 text/plain "more than one 'query'"
http --data-urlencode 'update=INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }' "$A/sparql"
expect "form update=: 403" 403 text/plain 'read-only'
http -H 'Content-Type: application/sparql-update' \
  --data-binary 'INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }' "$A/sparql"
expect "application/sparql-update: 403" 403 text/plain 'read-only'
"$KG" --store st query -f csv -e 'ASK { <http://e/a> ?p ?o }' >upd.out 2>&1
grep -qx false upd.out && ok "the update changed nothing" ||
  nok "the update changed nothing" "$(cat upd.out)"
for m in PUT DELETE; do
  http -X $m --data-binary 'x' -H 'Content-Type: text/turtle' "$A/sparql"
  expect "$m /sparql: 405" 405 text/plain
  case $(header Allow) in
    *GET*POST*) ok "$m /sparql: Allow: $(header Allow)" ;;
    *) nok "$m /sparql: an Allow header with GET and POST" "Allow: '$(header Allow)'" ;;
  esac
done
http --data 'x=1' "$A/queries"
expect "POST /queries: 405" 405 text/plain
allow=$(header Allow)
case $allow in
  *POST*|'') nok "POST /queries: an Allow header with GET, without POST" "Allow: '$allow'" ;;
  *GET*) ok "POST /queries: Allow: $allow" ;;
  *) nok "POST /queries: an Allow header with GET, without POST" "Allow: '$allow'" ;;
esac
http -G --data-urlencode 'query=ASK {}' -H 'Accept: image/png' "$A/sparql"
expect "Accept: image/png: 406, naming what is offered" 406 text/plain 'application/sparql-results+json'
http -G --data-urlencode "query=$CQ" --data-urlencode format=csv "$A/sparql"
expect "format=csv on a CONSTRUCT: 406" 406 text/plain "format 'csv'"
http -G --data-urlencode "query=$Q" --data-urlencode format=bogus "$A/sparql"
expect "format=bogus: 406" 406 text/plain "format 'bogus'"
head -c 1100000 /dev/zero | tr '\0' ' ' >big.rq
http -H 'Content-Type: application/sparql-query' --data-binary @big.rq "$A/sparql"
expect "a body over the default --max-body (1 MB): 413" 413 text/plain 'max-body'
{ printf 'ASK {}\n'; head -c 2000 /dev/zero | tr '\0' '#'; } >two-k.rq
http -H 'Content-Type: application/sparql-query' --data-binary @two-k.rq "$B_url/sparql"
expect "2 KB over --max-body 1: 413" 413 text/plain '1024 bytes'
http --data-urlencode query@two-k.rq "$B_url/sparql"
expect "a 2 KB form over --max-body 1: 413" 413 text/plain
{ printf 'ASK {} #'; head -c 70000 /dev/zero | tr '\0' 'x'; } >url.rq
http -G --data-urlencode query@url.rq "$A/sparql"
expect "a GET URL of 70 KB: 414" 414 text/plain 'POST'
{ printf 'ASK {} #'; head -c 60000 /dev/zero | tr '\0' 'x'; } >url60.rq
http -G --data-urlencode query@url60.rq "$A/sparql"
expect "a GET URL of 60 KB: 200" 200 application/sparql-results+json
http -H 'Content-Type: text/plain' --data-binary 'ASK {}' "$A/sparql"
expect "POST text/plain: 415" 415 text/plain 'text/plain'
http -H 'Content-Type:' --data-binary 'ASK {}' "$A/sparql"
expect "POST without a Content-Type: 415" 415 text/plain
http "$A/no/such/page"
expect "unknown path: 404" 404 text/plain
http -H 'Accept: text/html' "$A/id/initiative/no-such-thing"
expect "unknown entity (HTML): 404" 404 text/plain
http -H 'Accept: text/turtle' "$A/id/initiative/no-such-thing"
expect "unknown entity (Turtle): 404" 404 text/plain
http "$A/id/initiative/a%3Eb"
expect "entity path with '>': 404" 404 text/plain
http "$A/queries/no-such-query"
expect "unknown named query: 404" 404 text/plain 'no-such-query'
http "$A/queries/..%2fMakefile"
expect "named query ../Makefile: 404" 404 text/plain
http -G --data-urlencode 'query=SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }' "$A/sparql"
expect "SERVICE: 400" 400 text/plain 'SERVICE'
http -G --data-urlencode 'query=SELECT * FROM <http://example.org/remote> WHERE { ?s ?p ?o }' "$A/sparql"
expect "FROM <http://example.org/remote>: 400" 400 text/plain 'not a graph of the store'

# limits: 503 naming the limit, one line, no part of an answer
HEAVY='SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }'
http -G --data-urlencode "query=$HEAVY" "$B_url/sparql"
expect "a query over --timeout 1: 503" 503 text/plain 'timeout'
check "--timeout: one line, no partial answer" one_line
[ "$(header Retry-After)" != '' ] && ok "503 has Retry-After" ||
  nok "503 has Retry-After" "$(tr -d '\r' <hdr)"
http -G --data-urlencode 'query=SELECT ?s ?p ?o WHERE { ?s ?p ?o }' "$C_url/sparql"
expect "a query over --max-rows 10: 503" 503 text/plain 'max-rows'
check "--max-rows: one line, no partial answer" one_line
http -G --data-urlencode 'query=SELECT ?x WHERE { VALUES ?x { 1 2 3 } }' "$C_url/sparql"
expect "3 rows under --max-rows 10: 200" 200 application/sparql-results+json
T40='?t,?t,?t,?t,?t,?t,?t,?t,?t,?t'
BIGQ="PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT (CONCAT($T40,$T40,$T40,$T40) AS ?x) WHERE { ?r nif:isString ?t }"
http -G --data-urlencode "query=$BIGQ" "$B_url/sparql"
expect "an answer over --max-response 1 (MB): 503" 503 text/plain 'max-response'
check "--max-response: one line, no partial answer" one_line
http -G --data-urlencode 'query=ASK {}' "$B_url/sparql"
expect "server B still answers" 200 application/sparql-results+json

# ------------------------------------------------------------ CORS
http -G --data-urlencode 'query=ASK {}' -H 'Origin: http://elsewhere.example' "$A/sparql"
[ "$(header Access-Control-Allow-Origin)" = '*' ] && ok "CORS: Allow-Origin * on an answer" ||
  nok "CORS: Allow-Origin * on an answer" "$(tr -d '\r' <hdr)"
http -H 'Origin: http://elsewhere.example' "$A/sparql"
[ "$(header Access-Control-Allow-Origin)" = '*' ] && ok "CORS: Allow-Origin * on an error" ||
  nok "CORS: Allow-Origin * on an error" "$(tr -d '\r' <hdr)"
http -X OPTIONS -H 'Origin: http://elsewhere.example' \
  -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: content-type' "$A/sparql"
expect "OPTIONS preflight: 204" 204 -
case $(header Access-Control-Allow-Methods) in
  *POST*) ok "preflight: Allow-Methods $(header Access-Control-Allow-Methods)" ;;
  *) nok "preflight: Allow-Methods with POST" "$(tr -d '\r' <hdr)" ;;
esac
# a POST of application/sparql-query from a page is not a "simple" request:
# the browser sends it only if the preflight allows its Content-Type
case $(header Access-Control-Allow-Headers | tr 'A-Z' 'a-z') in
  *content-type*|'*') ok "preflight: Allow-Headers has Content-Type" ;;
  *) nok "preflight: Allow-Headers has Content-Type (a browser's sparql-query POST)" \
       "Access-Control-Allow-Headers: '$(header Access-Control-Allow-Headers)'" ;;
esac

# ------------------------------------------------------------ named queries
"$KG" queries | sed -n 's/^\([a-z0-9_-][a-z0-9_-]*\) .*/\1/p' >names.cli
http "$A/queries"
expect "GET /queries: 200 JSON" 200 application/json '"queries"'
"$PY" -c 'import json, sys
for q in json.load(open("body"))["queries"]: print(q["name"])' >names.http 2>&1
cmp -s names.cli names.http && ok "GET /queries: the names of mednum-kg queries" ||
  nok "GET /queries: the names of mednum-kg queries" "$(diff names.cli names.http | tr '\n' ' ')"
NQ=initiatives-by-theme-and-territory
for f in json xml csv tsv; do
  "$KG" --store st query -f $f --param theme=mobilite --param territory=36 $NQ >nq.$f ||
    fatal "query $NQ -f $f"
done
http "$A/queries/$NQ?theme=mobilite&territory=36&format=csv"
expect "/queries/$NQ?theme=mobilite&territory=36&format=csv" 200 text/csv 'Rur@linette'
for a in 'json application/sparql-results+json' 'xml application/sparql-results+xml' \
         'csv text/csv' 'tsv text/tab-separated-values'; do
  set -- $a
  http "$A/queries/$NQ?theme=mobilite&territory=36&format=$1"
  expect "named query, format=$1" 200 "$2"
  same "named query, format=$1: the body is query --param's" nq.$1
done
http -H 'Accept: text/tab-separated-values' "$A/queries/$NQ?theme=Mobilit%C3%A9&territory=Indre"
expect "named query by labels, Accept: TSV" 200 text/tab-separated-values 'Rur@linette'
http "$A/queries/$NQ?theme=no-such-theme&territory=36"
expect "named query, a bad value: 400" 400 text/plain "'theme'"
http "$A/queries/$NQ?theme=mobilite&territory=36&colour=blue"
expect "named query, an unknown parameter: 400" 400 text/plain "'colour'"
http "$A/queries/$NQ?theme=mobilite"
expect "named query, a required parameter missing: 400" 400 text/plain 'territory'
http "$A/queries/$NQ?theme=mobilite&theme=e-sante&territory=36"
expect "named query, a parameter given twice: 400" 400 text/plain 'theme'
http -G --data-urlencode 'organisation=") } } SELECT * { ?s ?p ?o } #' \
  --data-urlencode format=csv "$A/queries/initiatives-of-organisation"
expect "named query, a string value with quotes and braces stays a string" 200 text/csv
check "... and matches nothing" test "$(wc -l <body | tr -d ' ')" = 1

# ------------------------------------------------------------ entity pages
http -H 'Accept: text/html' "$A/id/initiative/rur-linette"
expect "entity page as HTML" 200 text/html 'Rur@linette' '<mark>'
http -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' \
  "$A/id/initiative/rur-linette"
expect "entity page, a browser's Accept: HTML" 200 text/html 'Rur@linette'
http -H 'Accept: text/turtle' "$A/id/initiative/rur-linette"
expect "entity as Turtle" 200 text/turtle 'schema:name' 'Rur@linette'
if command -v rapper >/dev/null; then
  check "entity Turtle parses (rapper)" sh -c \
    'rapper -q -i turtle -c - http://example.org/ <body 2>/dev/null'
fi
http "$A/id/initiative/rur-linette?format=jsonld"
expect "entity, format=jsonld" 200 application/ld+json 'Rur@linette'
check "entity JSON-LD parses as JSON" "$PY" -m json.tool body /dev/null
http -H 'Accept: text/html' "$A/id/initiative/rur-linette?format=rdfxml"
expect "entity, format=rdfxml over Accept: text/html" 200 application/rdf+xml
if command -v rapper >/dev/null; then
  check "entity RDF/XML parses (rapper)" sh -c \
    'rapper -q -i rdfxml -c - http://example.org/ <body 2>/dev/null'
fi
http -H 'Accept: text/html' "$A/id/report/nec-cvl-2024"
expect "report page: sessions in an <ol>" 200 text/html '<ol' 'Comment penser la mobilit'
n=$(grep -o '<li>' body | wc -l)
[ "$n" -ge 10 ] && ok "report page: $n items" || nok "report page: at least 10 sessions" "$n items"

# every page of the hostile report: its text escaped, never markup
http -H 'Accept: text/html' "$A/id/report/hostile-2025"
expect "hostile report page" 200 text/html '&lt;script&gt;' '<ol'
pages=$(grep -o 'href="/id/session/[^"]*"' body | sed 's/^href="//; s/"$//' | sort -u)
[ -n "$pages" ] || nok "hostile report page links its sessions" "$(ctx)"
"$KG" --store st query -f csv -e "SELECT DISTINCT ?s WHERE { GRAPH <$G> {
  ?s <http://schema.org/name> ?n } FILTER(STRSTARTS(STR(?s), \"$BASE\")) }" |
  tr -d '\r' | sed -n "s|^$BASE|/id/|p" >named.pages
pages="/id/report/hostile-2025 $pages $(cat named.pages)"
esc=0 np=0
for p in $pages; do
  http -H 'Accept: text/html' "$A$p"
  np=$((np + 1))
  [ "$code" = 200 ] || { nok "hostile page $p: 200" "$(ctx)"; continue; }
  has '&lt;script&gt;' && esc=$((esc + 1))
  bad=''
  for m in '<script' '<img' '<b>' '<i>' 'href="javascript'; do
    has "$m" && bad="$bad $m"
  done
  [ -z "$bad" ] && ok "hostile page $p: no raw markup" ||
    nok "hostile page $p: no raw markup" "found:$bad -- $(grep -o ".\{0,40\}<script.\{0,20\}" body | head -2)"
done
[ "$esc" -ge 3 ] && ok "hostile pages: $esc of $np show &lt;script&gt; escaped" ||
  nok "hostile pages: &lt;script&gt; shown escaped on the report and its pages" "$esc of $np"
http -H 'Accept: text/html' "$A/id/session/hostile-2025/1"
expect "hostile session page: title escaped, quotes too" 200 text/html \
  'Atelier &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;'

# ------------------------------------------------------------ query page
http "$A/"
expect "GET /: the query page" 200 text/html '<html'
http "$A/www/app.js"
expect "GET /www/app.js" 200 text/javascript
http "$A/www/style.css"
expect "GET /www/style.css" 200 text/css
http --path-as-is "$A/www/../Makefile"
expect "/www/../Makefile: 404" 404 -
check "... and not the Makefile" hasnt 'PKGS'
http "$A/www/%2e%2e/Makefile"
expect "/www/%2e%2e/Makefile: 404" 404 -
http "$A/www/.hidden"
expect "/www/.hidden: 404" 404 -
http --path-as-is "$A/www/vendor/../../../../etc/passwd"
expect "/www/vendor/../../../../etc/passwd: 404" 404 -
http -H 'Accept: text/html' "$A/sparql"
expect "a browser on /sparql is sent to /" 303 -
[ "$(header Location)" = / ] && ok "... Location: /" || nok "... Location: /" "$(tr -d '\r' <hdr)"

# ------------------------------------------------------------ live store
LQ='SELECT ?n WHERE { <https://w3id.org/mednum-kg/id/initiative/live-test> <http://schema.org/name> ?n }'
cat >live.ttl <<'EOF'
<https://w3id.org/mednum-kg/id/initiative/live-test> a <https://w3id.org/mednum-kg/def#Initiative> ;
  <http://schema.org/name> "Chargée pendant que le serveur tourne" .
EOF
http -G --data-urlencode "query=$LQ" -H 'Accept: text/csv' "$A/sparql"
expect "before the load: nothing" 200 text/csv
check "... no row" hasnt 'Chargée'
"$KG" --store st load live.ttl 2>live.err || nok "load while serving" "$(cat live.err)"
for i in 1 2 3 4; do   # each worker answers at least once
  http -G --data-urlencode "query=$LQ" -H 'Accept: text/csv' "$A/sparql"
  expect "after the load, request $i: seen" 200 text/csv 'Chargée pendant que le serveur tourne'
done
http -H 'Accept: text/html' "$A/id/initiative/live-test"
expect "after the load: its entity page" 200 text/html 'Chargée'
"$KG" --store st unload live.ttl 2>live.err || nok "unload while serving" "$(cat live.err)"
for i in 1 2 3 4; do
  http -G --data-urlencode "query=$LQ" -H 'Accept: text/csv' "$A/sparql"
  [ "$code" = 200 ] && hasnt 'Chargée' && ok "after the unload, request $i: gone" ||
    nok "after the unload, request $i: gone" "$(ctx)"
done
http -H 'Accept: text/html' "$A/id/initiative/live-test"
expect "after the unload: its page is 404" 404 -

# ------------------------------------------------------------ robustness
port=${A##*:}
# a worker killed is replaced
w0=$(pgrep -P "$A_pid" | tr '\n' ' ')
victim=${w0%% *}
kill -KILL "$victim"
i=0
while pgrep -P "$A_pid" | grep -qx "$victim" || [ "$(nworkers "$A_pid")" != 2 ]; do
  i=$((i + 1)); [ "$i" -le 60 ] || break
  sleep 0.05
done
w1=$(pgrep -P "$A_pid" | tr '\n' ' ')
case " $w1 " in
  *" $victim "*) nok "a killed worker is replaced" "workers before: $w0; after: $w1" ;;
  *) [ "$(nworkers "$A_pid")" = 2 ] && ok "a killed worker is replaced ($w0-> $w1)" ||
       nok "a killed worker is replaced" "workers before: $w0; after: $w1" ;;
esac
grep -q "worker $victim was killed by signal 9" A.err && ok "the parent says which worker died" ||
  nok "the parent says which worker died" "$(tail -n 3 A.err)"
for i in 1 2 3; do
  http -G --data-urlencode 'query=ASK {}' "$A/sparql"
  expect "after the kill, request $i answered" 200 application/sparql-results+json
done

# 200 requests in a row
workers=$(pgrep -P "$A_pid" | sort | tr '\n' ' ')
before=$(grep -c '^GET /sparql 200 ' A.err)
i=0
while [ $i -lt 200 ]; do
  i=$((i + 1))
  printf 'url = "%s/sparql?query=ASK%%7B%%3Fs%%20%%3Fp%%20%%3Fo%%7D&n=%d"\noutput = "/dev/null"\n' "$A" "$i"
done >burst.cfg
par=''
curl --help all 2>/dev/null | grep -q -e '--parallel ' && par='--parallel --parallel-max 8'
curl -s -m 60 $par -K burst.cfg -w '%{http_code}\n' >burst.out 2>/dev/null
n200=$(grep -c '^200$' burst.out)
[ "$n200" = 200 ] && ok "200 requests${par:+ (curl --parallel)}: all 200" ||
  nok "200 requests: all 200" "$n200 were 200: $(sort burst.out | uniq -c | tr '\n' ' ')"
[ "$(pgrep -P "$A_pid" | sort | tr '\n' ' ')" = "$workers" ] &&
  ok "after 200 requests: the same $(nworkers "$A_pid") workers" ||
  nok "after 200 requests: the same workers" "before: $workers; after: $(pgrep -P "$A_pid" | tr '\n' ' ')"
i=0
while [ "$(grep -c '^GET /sparql 200 ' A.err)" -lt $((before + 200)) ] && [ $i -lt 40 ]; do
  i=$((i + 1)); sleep 0.05
done
after=$(grep -c '^GET /sparql 200 ' A.err)
[ "$after" = $((before + 200)) ] && ok "access log: one line for each of the 200" ||
  nok "access log: one line for each of the 200" "$((after - before)) lines"

# malformed requests get an answer or a close, quickly
cat >raw.py <<'EOF'
import socket, sys
port = int(sys.argv[1])
for payload in [b'GARBAGE\r\n\r\n', b'a b c d\r\n\r\n', b'\xff\xfe\xfd\r\n\r\n',
                b'GET /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
                b'POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n'
                b'Content-Type: application/sparql-query\r\n\r\nzz\r\n\r\n',
                b'GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nBad header\r\n\r\n']:
    s = socket.create_connection(('127.0.0.1', port), timeout=3)
    s.sendall(payload)
    try:
        d = s.recv(100)
        print('closed' if not d else d.split(b'\r\n')[0].decode('latin-1'))
    except socket.timeout:
        print('NO ANSWER after 3 s: %r' % payload[:30])
    except OSError as e:
        print('closed (%s)' % e)
    s.close()
EOF
"$PY" raw.py "$port" >raw.out 2>&1
if grep -q -v -e '^closed' -e '^HTTP/1\.[01] [45][0-9][0-9]' raw.out; then
  nok "malformed requests: an error answer or a close" "$(tr '\n' '|' <raw.out)"
else
  ok "malformed requests: $(tr '\n' '|' <raw.out)"
fi
http -G --data-urlencode 'query=ASK {}' "$A/sparql"
expect "after the garbage: still answering" 200 application/sparql-results+json
[ "$(nworkers "$A_pid")" = 2 ] && ok "after the garbage: 2 workers" ||
  nok "after the garbage: 2 workers" "$(pgrep -P "$A_pid" | tr '\n' ' ')"

# silent and slow clients do not block the others
cat >silent.py <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
conns = [socket.create_connection(('127.0.0.1', port)) for i in range(6)]
conns[0].sendall(b'GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n')
conns[1].sendall(b'POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n'
                 b'Content-Type: application/sparql-query\r\n\r\nASK')
time.sleep(8)
EOF
"$PY" silent.py "$port" &
SLOW=$!
sleep 0.3
for i in 1 2 3 4; do
  r=$(curl -s -m 3 -o body -w '%{http_code} %{time_total}' -G \
    --data-urlencode 'query=ASK {}' "$A/sparql")
  case $r in
    200\ 0.*) ok "with 6 silent or slow clients, request $i: $r s" ;;
    *) nok "with 6 silent or slow clients, request $i answered within 1 s" "got $r" ;;
  esac
done
kill "$SLOW" 2>/dev/null; wait "$SLOW" 2>/dev/null; SLOW=''

# a slow query holds one worker, not the requests that come with it
cat >hol.py <<'EOF'
import socket, sys, time, urllib.parse
port = int(sys.argv[1])
slow = ('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . '
        '?d a <http://schema.org/Organization> . ?e a <http://schema.org/Report> }')
def send(q):
    s = socket.create_connection(('127.0.0.1', port), timeout=30)
    s.sendall(('GET /sparql?query=%s HTTP/1.1\r\nHost: x\r\nConnection: close'
               '\r\n\r\n' % urllib.parse.quote(q)).encode())
    return s
bad = 0
for i in range(8):
    t = time.time()
    a = send(slow)
    b = send('ASK {}')
    b.recv(100); tb = time.time() - t
    a.recv(100); ta = time.time() - t
    a.close(); b.close()
    ok = tb < 0.03 or tb < ta / 2
    bad += not ok
    print('%s fast %.3f s, slow %.3f s' % ('ok' if ok else 'BLOCKED', tb, ta))
    if bad:
        break
sys.exit(1 if bad else 0)
EOF
"$PY" hol.py "$port" >hol.out 2>&1 && ok "a fast request sent with a slow one does not wait for it" ||
  nok "a fast request sent with a slow one does not wait for it (2 workers)" "$(tr '\n' '|' <hol.out)"

# ------------------------------------------------------------ access log
for l in 'GET /sparql 200' 'POST /sparql 200' 'PUT /sparql 405' 'DELETE /sparql 405' \
         'POST /queries 405' 'OPTIONS /sparql 204' 'GET /no/such/page 404' \
         'GET /sparql 400' 'POST /sparql 403' 'POST /sparql 415' 'GET /sparql 414' \
         'POST /sparql 413' 'GET /sparql 406' 'GET /queries 200' \
         'GET /id/initiative/rur-linette 200' 'GET /www/app.js 200'; do
  grep -q "^$l " A.err && ok "access log: '$l'" || nok "access log: '$l'" "$(grep -c . A.err) lines"
done
grep -q '^GET /sparql 503 ' B.err && ok "access log of B: 'GET /sparql 503'" ||
  nok "access log of B: 'GET /sparql 503'" "$(tail -n 3 B.err)"

# ------------------------------------------------------------ SIGTERM
# B is answering a query (1 s to its --timeout) when SIGTERM comes: the
# answer goes out, then B exits 0
curl -s -m 20 -o inflight.body -w '%{http_code}' -G --data-urlencode "query=$HEAVY" \
  "$B_url/sparql" >inflight.code 2>&1 &
cpid=$!
sleep 0.4
stop B
wait "$cpid"
[ "$(cat inflight.code)" = 503 ] && grep -q timeout inflight.body &&
  ok "SIGTERM: the request in flight is answered (503 --timeout)" ||
  nok "SIGTERM: the request in flight is answered" \
    "got '$(cat inflight.code)' '$(head -c 200 inflight.body 2>/dev/null)'; log: $(grep '^GET' B.err | tail -n 1)"
stop C
stop A

echo "1..$T"
if [ "$F" -gt 0 ]; then
  echo "FAIL: $F of $T checks failed:$FAILED"
  exit 1
fi
echo "serve protocol: all $T checks passed"
