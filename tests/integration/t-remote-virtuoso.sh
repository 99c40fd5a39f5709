#!/bin/sh
# t-remote-virtuoso.sh - 'push' and 'query --endpoint' against a real
# server: a throwaway Virtuoso (Debian virtuoso-opensource 7.2) on two free
# loopback ports, its database in this temporary directory.
#   - a Virtuoso user for the Graph Store Protocol (digest authentication
#     on /sparql-graph-crud-auth); push adds, replaces (--dry-run sends
#     nothing) and removes graphs whole; the triple counts on the server
#     are the store's;
#   - every named query gives the same rows from the server as from the
#     store (tests/fixtures/remote/queries.tsv, compared with rows.py);
#   - a push cut by kill -9 of the server exits 4; the server, restarted,
#     holds the graph before or after, never half of it (or, since
#     Virtuoso's PUT is not atomic, "ok # skip" says what it holds); a push
#     again makes it whole;
#   - wrong credentials: exit 4, a message about them, no password shown;
#     the password from ~/.netrc;
#   - a report edited and pushed again replaces its graph; one unloaded is
#     removed from the server by a whole push.
# Prints "ok ..." per check, "not ok ..." per failure, "ok # skip REASON"
# for what Virtuoso cannot do; exits 1 if any check failed.
set -u
: "${KG:?}" "${TOP:?}"
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  echo "skipped: virtuoso-opensource is not installed (make deps installs it)"
  exit 0
fi
command -v python3 >/dev/null || { echo "skipped: python3 is missing"; exit 0; }

FIX=$TOP/tests/fixtures/remote
ROWS="python3 $FIX/rows.py"
PASSWORD=kgpass
BADPASS=Wr0ng-p4ss-7f3q
W=$PWD
mkdir home v v/vsp
export HOME="$W/home"          # no ~/.netrc but the test's own
unset MEDNUM_KG_PASSWORD
failures=0
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
t_start=$(now)
ok() { echo "ok - $* [$(elapsed "$t_start") s]"; }
notok() { echo "not ok - $*"; failures=$((failures + 1)); }
# in $(...) die ends the subshell only: its caller sees no value and fails
die() { echo "not ok - $*" >&2; echo "FAIL: $*" >&2; exit 1; }

# ---- a throwaway Virtuoso ------------------------------------------------
set -- $(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s:
    x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
ISQL_PORT=$1 HTTP_PORT=$2
E=http://127.0.0.1:$HTTP_PORT/sparql
cat >v/virtuoso.ini <<INI
[Database]
DatabaseFile       = $W/v/virtuoso.db
ErrorLogFile       = $W/v/virtuoso.log
LockFile           = $W/v/virtuoso.lck
TransactionFile    = $W/v/virtuoso.trx
xa_persistent_file = $W/v/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $W/v/virtuoso-temp.db
TransactionFile    = $W/v/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:$ISQL_PORT
LiteMode             = 0
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 0
O_DIRECT             = 0
CaseMode             = 2
MaxStaticCursorRows  = 5000
AllowOSCalls         = 0
DirsAllowed          = .
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers      = 20000
MaxDirtyBuffers      = 15000

[HTTPServer]
ServerPort           = 127.0.0.1:$HTTP_PORT
ServerRoot           = $W/v/vsp
HTTPLogFile          = $W/v/http.log
MaxClientConnections = 4
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0
ServerThreads        = 4
MaxKeepAlives        = 4
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
INI

vpid='' pushpid=''
cleanup() {
  [ -n "$pushpid" ] && kill "$pushpid" 2>/dev/null
  if [ -n "$vpid" ] && kill -0 "$vpid" 2>/dev/null; then
    kill -TERM "$vpid" 2>/dev/null
    n=0
    while kill -0 "$vpid" 2>/dev/null && [ "$n" -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
    kill -KILL "$vpid" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Starts virtuoso-t and waits for its log to say it is online (once more
# than before), then for /sparql to answer.
onlines() { c=$(grep -c 'Server online at' v/virtuoso.log 2>/dev/null); echo "${c:-0}"; }
start_virtuoso() {
  online=$(onlines)
  (cd v && exec virtuoso-t +foreground +configfile "$W/v/virtuoso.ini" \
     >>"$W/v/server.out" 2>&1 </dev/null) &
  vpid=$!        # the subshell execs virtuoso-t: the server's own PID
  n=0
  while [ "$(onlines)" -le "$online" ]; do
    kill -0 "$vpid" 2>/dev/null ||
      { tail -n 20 v/virtuoso.log; die "virtuoso-t exited at start"; }
    n=$((n + 1))
    [ "$n" -le 1200 ] || die "Virtuoso was not online in 120 s"
    sleep 0.1
  done
  $KG query --endpoint "$E" -e 'ASK {}' >up.out 2>&1 ||
    die "Virtuoso's /sparql does not answer: $(cat up.out)"
}

isql() {  # SQL statements; fails on an error
  isql-vt "127.0.0.1:$ISQL_PORT" dba dba exec="$1" >isql.out 2>&1
  ! grep -q '\*\*\* Error' isql.out || { cat isql.out; die "isql: $1"; }
}

start_virtuoso
ok "Virtuoso up on 127.0.0.1:$HTTP_PORT (pid $vpid) in $(elapsed "$t_start") s"

# The Graph Store Protocol user: /sparql-graph-crud-auth takes digest
# authentication (DB.DBA.HP_AUTH_SPARQL_USER) of a SQL user that has the
# SPARQL_UPDATE role.  A second user without the role is refused.
isql "DB.DBA.USER_CREATE('kg', '$PASSWORD'); GRANT SPARQL_UPDATE TO \"kg\";
      DB.DBA.USER_CREATE('reader', '$PASSWORD');"

# ---- helpers -------------------------------------------------------------
local_count() {  # $1 graph slug: the store's triples in mnid:graph/$1
  $KG --store st stats -f tsv >stats.out 2>stats.err || die "stats: $(cat stats.err)"
  awk -F'\t' -v g="graph/$1" '$1 == "graph" && substr($2, length($2) - length(g) + 1) == g { print $5 }' stats.out
}
G=https://w3id.org/mednum-kg/id/graph/
remote_value() {  # QUERY: the number the server answers (a table)
  $KG query --endpoint "$E" -e "$1" >rv.out 2>rv.err ||
    die "on the server: $1: $(cat rv.err)"
  sed -n '2s/^"\([0-9]*\)".*/\1/p' rv.out
}
remote_count() {  # $1 graph slug: the server's triples in that graph
  remote_value "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$G$1> { ?s ?p ?o } }"
}
remote_graphs() {  # the server's graphs under mnid:graph/, sorted
  $KG query --endpoint "$E" \
    -e "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"$G\")) } ORDER BY ?g" \
    >rg.out 2>rg.err || die "graphs on the server: $(cat rg.err)"
  sed -n 's/^<\(.*\)> *$/\1/p' rg.out
}
puts() {  # PUTs in Virtuoso's HTTP log (HTTPLogFile: http.log gets the date)
  cat v/http*.log 2>/dev/null | grep -c '"PUT '
}
push() {  # push ARGS...: status in $rc, stdout in push.out, stderr in push.err
  MEDNUM_KG_PASSWORD=$PASSWORD $KG --store st push --endpoint "$E" --user kg "$@" \
    >push.out 2>push.err
  rc=$?
}
same_counts() {  # every graph of the store has its count on the server
  for s in $($KG --store st stats -f tsv | awk -F'\t' '$1 == "graph" { sub(/.*graph\//, "", $2); print $2 }'); do
    l=$(local_count "$s") r=$(remote_count "$s")
    [ "$l" = "$r" ] || { echo "graph $s: $l triples in the store, ${r:-none} on the server"; return 1; }
  done
}

# ---- the store -----------------------------------------------------------
cp "$TOP/tests/fixtures/cr-bretagne-2025.md" .
$KG --store st load "$TOP/data/nec-cvl-2024.md" cr-bretagne-2025.md >load.out 2>&1 ||
  die "load: $(cat load.out)"
SLUGS="cr-bretagne-2025 nec-cvl-2024 reference"

# ---- push ----------------------------------------------------------------
push --dry-run
[ "$rc" = 0 ] && [ "$(cut -f1 push.out | sort -u)" = "would add" ] &&
  [ "$(wc -l <push.out)" = 3 ] && [ "$(remote_graphs)" = "" ] &&
  ok "push --dry-run to an empty server: 'would add' each graph, nothing sent" ||
  notok "push --dry-run to an empty server: status $rc: $(cat push.out push.err)"

push
expect=$(for s in $SLUGS; do printf 'added\t%s%s\t%s triples\n' "$G" "$s" "$(local_count "$s")"; done)
[ "$rc" = 0 ] && [ "$(sort push.out)" = "$expect" ] ||
  die "push: status $rc, expected 0 and
$expect
got:
$(cat push.out push.err)"
ok "push: 'added GRAPH N triples' for the 3 graphs"
why=$(same_counts) && ok "the server's triple counts are the store's" || notok "$why"

before=$(puts)
push --dry-run
[ "$rc" = 0 ] && [ "$(cut -f1 push.out | sort -u)" = "would replace" ] &&
  [ "$(wc -l <push.out)" = 3 ] && [ "$before" -ge 3 ] && [ "$(puts)" = "$before" ] &&
  ok "push --dry-run again: 'would replace' each graph, no PUT sent" ||
  notok "push --dry-run again: status $rc, PUTs $before then $(puts): $(cat push.out push.err)"

# a dry run needs no credentials (it only reads the public endpoint)
MEDNUM_KG_PASSWORD=$BADPASS $KG --store st push --endpoint "$E" --user kg --dry-run >dry.out 2>&1 &&
  [ "$(grep -c '^would replace' dry.out)" = 3 ] &&
  ok "push --dry-run sends nothing that needs the password" ||
  notok "push --dry-run with a wrong password: $(cat dry.out)"

push nowhere.md
[ "$rc" = 3 ] && grep -q "no graph of the store is named by 'nowhere.md'" push.err &&
  ok "push of a report the store does not hold: exit 3" ||
  notok "push nowhere.md: status $rc (expected 3): $(cat push.out push.err)"

# ---- named queries: the server's rows are the store's ---------------------
$KG queries >queries.out || die "queries"
grep -v '^#' "$FIX/queries.tsv" | grep . >runs.tsv
tab=$(printf '\t')
for name in $(awk '/^[a-z]/ { print $1 }' queries.out); do
  needs=$(awk -v n="$name" '/^[a-z]/ { cur = $1 } cur == n && $1 == "--param" { print $2 }' queries.out)
  grep -q "^$name\$" runs.tsv || grep -q "^$name$tab" runs.tsv ||
    { [ -z "$needs" ] && printf '%s\n' "$name" >>runs.tsv; } ||
    notok "named query $name (params: $needs) has no run in tests/fixtures/remote/queries.tsv"
done
i=0
while IFS=$tab read -r name p1 p2 p3; do
  i=$((i + 1))
  set -- "$name"
  for p in "${p1:-}" "${p2:-}" "${p3:-}"; do [ -n "$p" ] && set -- "$@" --param "$p"; done
  echo "$*" >what$i
  $KG --store st query -f json "$@" >l$i.json 2>l$i.err || echo "local: $(cat l$i.err)" >fail$i
  $KG query --endpoint "$E" -f json "$@" >r$i.json 2>r$i.err || echo "server: $(cat r$i.err)" >>fail$i
done <runs.tsv
$ROWS -w l*.json r*.json || notok "answers that are not SPARQL JSON results"
j=0
while [ "$j" -lt "$i" ]; do
  j=$((j + 1))
  what=$(cat what$j)
  n=$(($(wc -l <l$j.rows) - 1))
  if [ -s fail$j ]; then
    notok "$what: $(cat fail$j)"
  elif [ "$n" -lt 1 ]; then
    notok "$what: no row in the store: choose other values in queries.tsv"
  elif cmp -s l$j.rows r$j.rows; then
    ok "$what: the same $n rows from the server and the store"
  else
    notok "$what: the server's rows differ from the store's (< store, > server):
$(diff l$j.rows r$j.rows | head -n 20)"
  fi
done

# the other answers of query --endpoint
$KG query --endpoint "$E" speakers-of-session --param session=2.5 >t.out 2>t.err &&
  head -n 1 t.out | grep -q '^?role  *?person  *?name' && grep -q 'Carla Gulon' t.out &&
  ok "query --endpoint: a table by default" || notok "query --endpoint table: $(cat t.out t.err)"
$KG query --endpoint "$E" -e "ASK { GRAPH <${G}nec-cvl-2024> { ?s ?p ?o } }" >a.out 2>&1; a1=$?
$KG query --endpoint "$E" -e "ASK { GRAPH <${G}none> { ?s ?p ?o } }" >a.out 2>&1; a2=$?
[ "$a1/$a2" = 0/1 ] && ok "query --endpoint ASK: exit 0 for true, 1 for false" ||
  notok "query --endpoint ASK: exit $a1 for true, $a2 for false, expected 0 and 1"
$KG query --endpoint "$E" -e 'SELECT * WHERE { ?s ?p }' >b.out 2>b.err; b=$?
[ "$b" = 3 ] && grep -q 'answered 400' b.err &&
  ok "query --endpoint: a syntax error is exit 3 with the server's message" ||
  notok "query --endpoint, a bad query: exit $b (expected 3): $(cat b.err)"
q="CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${G}nec-cvl-2024> { ?s ?p ?o } } LIMIT 3"
$KG --store st query -e "$q" >cl.out 2>&1
$KG query --endpoint "$E" -e "$q" >cr.out 2>&1; c=$?
# local: Turtle (the help: "for CONSTRUCT and DESCRIBE: turtle (default)")
if head -n 1 cl.out | grep -q '^@prefix' && [ "$c" = 0 ] && ! head -n 1 cr.out | grep -q '^?s'; then
  ok "query --endpoint CONSTRUCT: a graph by default, as without --endpoint"
else
  notok "query --endpoint CONSTRUCT, no -f: exit $c, $(head -n 1 cr.out) ..., expected Turtle as without --endpoint ($(head -n 1 cl.out) ...)"
fi
MEDNUM_KG_PASSWORD=$PASSWORD $KG query --endpoint "$E-auth" --user kg \
  -e "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${G}nec-cvl-2024> { ?s ?p ?o } }" >q.out 2>q.err &&
  [ "$(sed -n '2s/^"\([0-9]*\)".*/\1/p' q.out)" = "$(local_count nec-cvl-2024)" ] &&
  ok "query --endpoint /sparql-auth --user: digest authentication" ||
  notok "query --endpoint /sparql-auth --user kg: $(cat q.err)"

# ---- credentials ---------------------------------------------------------
before=$(puts)
MEDNUM_KG_PASSWORD=$BADPASS $KG --store st push --endpoint "$E" --user kg >bad.out 2>bad.err; b=$?
[ "$b" = 4 ] && grep -q 'user or password' bad.err && ! grep -q "$BADPASS" bad.out bad.err &&
  ok "push with a wrong password: exit 4, a message about the credentials, no password shown" ||
  notok "push with a wrong password: exit $b (expected 4): $(cat bad.out bad.err)"
[ "$(remote_count nec-cvl-2024)" = "$(local_count nec-cvl-2024)" ] ||
  notok "a refused push changed the server"
MEDNUM_KG_PASSWORD=$BADPASS $KG query --endpoint "$E-auth" --user kg -e 'ASK {}' >bad.out 2>bad.err; b=$?
[ "$b" = 4 ] && grep -q 'user or password' bad.err && ! grep -q "$BADPASS" bad.out bad.err &&
  ok "query --endpoint with a wrong password: exit 4, a message about the credentials" ||
  notok "query --endpoint with a wrong password: exit $b (expected 4): $(cat bad.out bad.err)"
MEDNUM_KG_PASSWORD=$PASSWORD $KG --store st push --endpoint "$E" --user reader >bad.out 2>bad.err; b=$?
[ "$b" = 4 ] && grep -q 'lacks the right' bad.err &&
  ok "push by a user without SPARQL_UPDATE: exit 4" ||
  notok "push by a user without SPARQL_UPDATE: exit $b (expected 4): $(cat bad.out bad.err)"
$KG --store st push --endpoint "$E" --user kg >bad.out 2>bad.err; b=$?
[ "$b" = 4 ] && grep -q 'MEDNUM_KG_PASSWORD' bad.err &&
  ok "push --user without a password: exit 4, says where the password goes" ||
  notok "push --user without a password: exit $b (expected 4): $(cat bad.out bad.err)"
# the password from ~/.netrc (client.h: "$MEDNUM_KG_PASSWORD or else ~/.netrc")
printf 'machine 127.0.0.1 login kg password %s\n' "$PASSWORD" >home/.netrc
chmod 600 home/.netrc
$KG --store st push --endpoint "$E" --user kg nec-cvl-2024 >netrc.out 2>netrc.err; b=$?
[ "$b" = 0 ] && grep -q '^replaced' netrc.out &&
  ok "push --user kg with the password in ~/.netrc" ||
  notok "push --user kg with the password in ~/.netrc: exit $b (expected 0): $(cat netrc.out netrc.err)"
rm -f home/.netrc

# ---- a report edited and loaded again: its graph replaced ----------------
old="Atelier : aller vers les habitants des communes rurales"
new="Atelier : aller vers les habitants des hameaux isolés"
grep -q "^## $old\$" cr-bretagne-2025.md || die "the fixture has no session '$old'"
titles() {  # $1 title: how many sessions of that name in the server's graph
  remote_value "PREFIX schema: <http://schema.org/>
    SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${G}cr-bretagne-2025> { ?s schema:name \"$1\" } }"
}
[ "$(titles "$old")" -ge 1 ] 2>/dev/null || die "the server has no session named '$old'"
sed "s/^## $old\$/## $new/" cr-bretagne-2025.md >edited.md && mv edited.md cr-bretagne-2025.md
$KG --store st load cr-bretagne-2025.md >load.out 2>&1 || die "load of the edited report: $(cat load.out)"
push cr-bretagne-2025.md
[ "$rc" = 0 ] && [ "$(cut -f1,2 push.out)" = "replaced	${G}cr-bretagne-2025" ] &&
  ok "push REPORT: one 'replaced' line for it" ||
  notok "push of the edited report: status $rc: $(cat push.out push.err)"
o=$(titles "$old") n=$(titles "$new")
[ "$o" = 0 ] && [ "$n" -ge 1 ] &&
  ok "the server's graph has the new session title, not the old one" ||
  notok "after the push of the edited report: old title $o times, new title $n times on the server"
l=$(local_count cr-bretagne-2025) r=$(remote_count cr-bretagne-2025)
[ "$l" = "$r" ] && ok "the replaced graph has the store's $l triples" ||
  notok "the replaced graph: $l triples in the store, $r on the server"

# ---- a push cut by the server's death ------------------------------------
awk 'BEGIN { for(i = 0; i < 100000; i++)
  printf "<http://ex.org/big/s%d> <http://ex.org/p%d> \"B %d\" .\n", i / 500, i % 5, i }' >big.nt
$KG --store st load --no-reference big.nt >load.out 2>&1 || die "load big.nt: $(cat load.out)"
push big
[ "$rc" = 0 ] || die "push of big: $(cat push.out push.err)"
isql "checkpoint;"             # a short transaction log: a quick restart
old_big=$(remote_count big)
[ "$old_big" = 100000 ] || notok "big on the server: $old_big triples, expected 100000"
# push asks the server for its graphs first: with 100000 triples there,
# Virtuoso answers SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } in 5 to
# 100 s (DB.DBA.SPARQL_SELECT_KNOWN_GRAPHS), ... GROUP BY ?g in 0.1 s
t=$(now)
push --dry-run nec-cvl-2024
t=$(elapsed "$t")
[ "$rc" = 0 ] && awk -v t="$t" 'BEGIN { exit !(t < 3) }' &&
  ok "push --dry-run with 100000 triples on the server: $t s" ||
  notok "push --dry-run with 100000 triples on the server: status $rc in $t s (expected under 3 s: the list of the server's graphs is slow)"
awk 'BEGIN { for(i = 0; i < 120000; i++)
  printf "<http://ex.org/big/s%d> <http://ex.org/p%d> \"C %d\" .\n", i / 500, i % 5, i }' >big.nt
$KG --store st load --no-reference big.nt >load.out 2>&1 || die "load big.nt again: $(cat load.out)"
new_big=$(local_count big)
putlog() {  # $1 status regex: PUTs of big that got it, in the HTTP log
  cat v/http*.log 2>/dev/null | grep -c "\"PUT [^ ]*graph%2Fbig HTTP/[0-9.]*\" $1 "
}
r0=$(putlog 401) p0=$(putlog '2[0-9][0-9]')
MEDNUM_KG_PASSWORD=$PASSWORD $KG --store st push --endpoint "$E" --user kg >cut.out 2>cut.err &
pushpid=$!
# kill the server 0.3 s into the PUT of big (the first graph) with the
# credentials: libcurl sends each request first without them, and Virtuoso
# logs that 401 before the authenticated PUT starts
n=0
while [ "$(putlog 401)" -le "$r0" ] && kill -0 "$pushpid" 2>/dev/null && [ "$n" -lt 3000 ]; do
  n=$((n + 1))
  sleep 0.02
done
sleep 0.3
kill -0 "$pushpid" 2>/dev/null || notok "the push ended before the server was killed"
kill -KILL "$vpid"
wait "$vpid" 2>/dev/null
t_cut=$(now)
[ "$(putlog '2[0-9][0-9]')" = "$p0" ] ||
  notok "the server was killed too late: it had answered the PUT of big"
wait "$pushpid"; b=$?
pushpid=
[ "$b" = 4 ] && grep -q "127.0.0.1:$HTTP_PORT" cut.err && ! grep -q "$PASSWORD" cut.out cut.err &&
  ok "a push cut by kill -9 of the server: exit 4 after $(elapsed "$t_cut") s of retries: $(cat cut.err)" ||
  notok "a push cut by kill -9 of the server: exit $b (expected 4): $(cat cut.out cut.err)"
grep -q "	${G}big	" cut.out &&
  notok "the push printed a line for big, cut mid-way: $(cat cut.out)"
start_virtuoso
r=$(remote_count big)
case "$r" in
  "$old_big") ok "after the restart the server has big as before ($r triples)" ;;
  "$new_big") ok "after the restart the server has the new big whole ($r triples)" ;;
  [0-9]*)
    # Virtuoso's side: its PUT deletes the graph in one commit, then loads
    # the body in several (killed 1.5 s into a PUT of 114000 triples over
    # 100000, it came back with 0 triples; 3.5 s into one, with 47999)
    echo "ok # skip after the restart the server holds $r triples of big, neither $old_big (before) nor $new_big (after): Virtuoso 7.2's Graph Store PUT is not atomic" ;;
  *) notok "after the restart the server has no count of big" ;;
esac
push
[ "$rc" = 0 ] && grep -Eq "^(added|replaced)	${G}big	$new_big triples\$" push.out &&
  ok "push again after the restart" || notok "push after the restart: status $rc: $(cat push.out push.err)"
why=$(same_counts) && ok "then every graph on the server is whole" || notok "$why"

# ---- a report unloaded: a whole push removes its graph ---------------------
$KG --store st unload "$TOP/data/nec-cvl-2024.md" big.nt >unload.out 2>&1 || die "unload: $(cat unload.out)"
push
[ "$rc" = 0 ] && grep -qx "removed	${G}nec-cvl-2024" push.out && grep -qx "removed	${G}big" push.out &&
  ok "push after unload: 'removed' lines" || notok "push after unload: status $rc: $(cat push.out push.err)"
[ "$(remote_graphs)" = "$(printf '%s\n' "${G}cr-bretagne-2025" "${G}reference")" ] &&
  ok "the unloaded graphs are gone from the server" ||
  notok "graphs on the server after the unload: $(remote_graphs)"
why=$(same_counts) && ok "the graphs left have the store's counts" || notok "$why"

# ---- unload --remote: DELETE on the server only ----------------------------
MEDNUM_KG_PASSWORD=$PASSWORD $KG unload --remote --endpoint "$E" --user kg \
  cr-bretagne-2025 >ur.out 2>ur.err
b=$?
[ "$b" = 0 ] && grep -qx "removed	${G}cr-bretagne-2025" ur.out &&
  [ "$(remote_graphs)" = "${G}reference" ] &&
  ok "unload --remote deletes the graph on the server" ||
  notok "unload --remote: exit $b: $(cat ur.out ur.err); server: $(remote_graphs)"
$KG --store st stats -f tsv | grep -q "graph/cr-bretagne-2025" &&
  ok "unload --remote leaves the store as it was" ||
  notok "unload --remote changed the store"

shown=$(grep -l "$PASSWORD" ./*.out ./*.err 2>/dev/null | grep -v '^\./isql\.out$')
[ -z "$shown" ] && ok "the password appears in no output of mednum-kg" ||
  notok "the password appears in $shown"

echo "wall time $(elapsed "$t_start") s"
[ "$failures" = 0 ] || { echo "FAIL: $failures check(s) failed"; exit 1; }
exit 0
