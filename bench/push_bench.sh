#!/bin/sh
# push_bench.sh - `mednum-kg push` of the 1,000-report store to a throwaway
# Virtuoso against Virtuoso's own bulk loader on the same data, and the
# named queries there against the local store; run by `make bench-push`
# (the last step of `make bench`), never by `make check`.
#
#   1. push: a fresh, empty Virtuoso (Debian virtuoso-opensource 7.2,
#      ../shared/bench/engines/virtuoso.sh on two free loopback ports), a
#      user kg with SPARQL_UPDATE (as tests/integration/t-remote-virtuoso.sh),
#      then MEDNUM_KG_PASSWORD=kgpass mednum-kg --store STORE push
#      --endpoint http://127.0.0.1:PORT/sparql --user kg under
#      /usr/bin/time (wall, user, system, max RSS; Virtuoso's own CPU from
#      /proc), then a checkpoint, timed apart.  The server's triple count
#      (stats --endpoint: total and per graph) must be the store's.
#   2. the bulk loader: for each count of loaders in LOADERS, another
#      fresh Virtuoso, the store's N-Quads export (graph names kept; split
#      into that many files when more than one), ld_dir + that many
#      rdf_loader_run() at once, then checkpoint, each timed; the triple
#      count checked the same way.  1 and 2 go in turn RUNS times (the
#      machine is shared: its load changes from minute to minute).
#   3. the named queries, on the database of the last push: each run of
#      `mednum-kg queries` (parameters as in
#      tests/fixtures/remote/queries.tsv; a query without parameters and
#      without a line there is run once, bare) with query --endpoint on
#      Virtuoso and with --store on the local store: one warm-up, then
#      QRUNS timed runs each (wall of the whole command, process start
#      included on both sides), median; the rows of the two answers
#      compared (tests/fixtures/remote/rows.py).
#   4. where push's time goes (PROBE=1): the same graphs, split from the
#      N-Quads export, sent by one curl process (HTTP and Virtuoso's PUT
#      handler without our client), loaded by DB.DBA.TTLP from isql (what
#      the PUT handler calls, without HTTP) with and without the
#      transaction log, and by two pushes at once; each on a fresh
#      Virtuoso, its CPU time from /proc; and the connections and
#      requests of a push of 50 graphs (strace).
#
# Knobs (environment): KG (binary, required: copied to OUT first), TOP,
# OUT (bench/out/push), REPORTS (1000), SEED (1), BIG_STORE (the store to
# push; default the one make bench-serve caches,
# bench/out/serve/big-REPORTS-SEED.store, built here the same way when
# missing), RUNS (3: push and the bulk loader in turn, each on a fresh
# database), QRUNS (5), QTIMEOUT (60 s per query: on the server, a query
# that ran out of time is cut by restarting Virtuoso), QSLOW (10 s: a
# query whose warm-up took longer gets one timed run), LOADERS ("1 2"),
# PROBE (1), VS (../shared/bench/engines/virtuoso.sh).
# Writes OUT/raw.tsv, OUT/results.md (printed at the end), OUT/push.out
# (push's own lines), OUT/q/ (the answers), OUT/v*/virtuoso.log; the
# Virtuoso databases (OUT/vpush, OUT/vbulk-N) and the export (OUT/data)
# are deleted at the end unless KEEP=1.
set -u
: "${KG:?set KG to the mednum-kg binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
# the copy of the binary (below) does not sit beside the data it reads
MEDNUM_KG_DATA=${MEDNUM_KG_DATA:-$TOP}
export MEDNUM_KG_DATA
OUT=${OUT:-$TOP/bench/out/push}
REPORTS=${REPORTS:-1000}
SEED=${SEED:-1}
BIG_STORE=${BIG_STORE:-}
QRUNS=${QRUNS:-5}
RUNS=${RUNS:-3}
QTIMEOUT=${QTIMEOUT:-60}
QSLOW=${QSLOW:-10}
LOADERS=${LOADERS:-1 2}
PROBE=${PROBE:-1}
KEEP=${KEEP:-0}
VS=${VS:-$TOP/../shared/bench/engines/virtuoso.sh}
FIX=$TOP/tests/fixtures/remote
TIME=/usr/bin/time
PASSWORD=kgpass
G=https://w3id.org/mednum-kg/id/graph/
export LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE MEDNUM_KG_PASSWORD

BENCH_NAME=push_bench
. "$TOP/bench/progress.sh"
log() { bench_erase; echo "push_bench: $*" >&2; }
die() { log "$*"; exit 2; }

[ -x "$TIME" ] || die "$TIME is missing: apt-get install -y time"
command -v python3 >/dev/null || die "python3 is missing"
command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
  die "Virtuoso is not installed (make deps installs virtuoso-opensource)"
fi
[ -f "$VS" ] || die "no $VS"
[ -x "$KG" ] || die "no binary $KG (make first)"

mkdir -p "$OUT/q" || exit 2
KGB=$OUT/mednum-kg.bin
cp "$KG" "$KGB.tmp" && mv "$KGB.tmp" "$KGB" || exit 2
RAW=$OUT/raw.tsv
: >"$RAW"
TMP=$(mktemp -d) || exit 2
CLK=$(getconf CLK_TCK)

VDB= VPID=
cleanup() {
  [ -n "$VDB" ] && vstop
  rm -rf "$TMP"
  [ "$KEEP" = 1 ] || rm -rf "$OUT"/v*/*.db "$OUT"/v*/*.trx "$OUT/data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

raw() { printf '%s\t%s\n' "$1" "$2" >>"$RAW"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# cpu_s PID: user + system CPU seconds of PID so far
cpu_s() {
  awk -v clk="$CLK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / clk }' "/proc/$1/stat" 2>/dev/null || echo 0
}
# timed FILE CMD...: /usr/bin/time's figures of CMD into FILE
# (wall= user= sys= rss_kb=); the status of CMD
timed() {
  f=$1; shift
  bench_progress "$(bench_label "$@")"
  "$TIME" -f 'wall=%e user=%U sys=%S rss_kb=%M' -o "$f" "$@"
}
field() { tr ' ' '\n' <"$1" | sed -n "s/^$2=//p" | tail -n 1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# ---------------------------------------------------------------- store
STATS=$TMP/stats
store_ok() { [ -f "$1/data.mdb" ] && "$KGB" --store "$1" stats -f tsv >"$STATS" 2>/dev/null; }
graphs_in() { awk -F'\t' '$1 == "graph"' "$1" | wc -l; }
triples_in() { awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }' "$1"; }

find_big() {
  if [ -n "$BIG_STORE" ]; then
    store_ok "$BIG_STORE" || die "BIG_STORE=$BIG_STORE: not a store"
    BIG=$BIG_STORE
    return
  fi
  own=$TOP/bench/out/serve/big-$REPORTS-$SEED.store
  if [ -f "$own.done" ] && store_ok "$own"; then
    BIG=$own
    return
  fi
  # the same store as make bench-serve builds (and then reuses)
  mkdir -p "$TOP/bench/out/serve" || exit 2
  corpus=$TOP/bench/out/store/corpus-$REPORTS-$SEED
  if [ ! -f "$corpus/.done" ]; then
    corpus=$TOP/bench/out/serve/corpus-$REPORTS-$SEED
    if [ ! -f "$corpus/.done" ]; then
      log "generating $REPORTS reports (seed $SEED) in $corpus"
      rm -rf "$corpus"
      python3 "$TOP/bench/gen_reports.py" --count "$REPORTS" --seed "$SEED" "$corpus" >&2 || exit 2
      touch "$corpus/.done"
    fi
  fi
  log "loading $REPORTS reports into $own (once; about 100 s on 2 cores)"
  rm -rf "$own" "$own.tmp" "$own.done"
  "$KGB" --store "$own.tmp" load "$corpus"/*.md >"$TMP/load.err" 2>&1 ||
    die "load of the corpus failed: $(tail -n 3 "$TMP/load.err")"
  mv "$own.tmp" "$own" && touch "$own.done" || exit 2
  store_ok "$own" || die "cannot read $own"
  BIG=$own
}

# ---------------------------------------------------------------- Virtuoso
# vstart DIR: a fresh, empty Virtuoso in DIR (deleted first); sets VDB,
# VPID, VISQL, E (its /sparql)
vstart() {
  rm -rf "$1"
  mkdir -p "$1" "$OUT/data" || exit 2
  VIRT_ISQL_PORT=$(free_port) VIRT_HTTP_PORT=$(free_port)
  export VIRT_ISQL_PORT VIRT_HTTP_PORT
  bash "$VS" start "$1" "$OUT/data" >"$TMP/vstart" 2>&1 ||
    { [ -f "$1/virtuoso.pid" ] && bash "$VS" stop "$1" >/dev/null 2>&1
      die "Virtuoso did not start: $(tail -n 3 "$TMP/vstart" | tr '\n' ' ')"; }
  VDB=$1 VPID=$(cat "$1/virtuoso.pid") VISQL=$VIRT_ISQL_PORT
  E=http://127.0.0.1:$VIRT_HTTP_PORT/sparql
  log "Virtuoso on $E, isql $VISQL, pid $VPID, database $1 ($(cat "$TMP/vstart"))"
}
vstop() {
  bash "$VS" stop "$VDB" >/dev/null 2>&1
  VDB= VPID=
}
# isql SQL: statements on the running Virtuoso; fails on an error
isql() {
  isql-vt "127.0.0.1:$VISQL" dba dba exec="$1" >"$TMP/isql.out" 2>&1 &&
    ! grep -q '\*\*\* Error' "$TMP/isql.out"
}
# remote_check LABEL: the server's triples, total and per graph, against
# the store's (stats --endpoint); raw lines LABEL-count
remote_check() {
  t0=$(date +%s%N)
  if ! "$KGB" stats --endpoint "$E" -f tsv >"$TMP/rstats" 2>"$TMP/rstats.err"; then
    log "$1: stats --endpoint failed: $(head -c 300 "$TMP/rstats.err")"
    raw "$1-count" "ok=no error=stats"
    return 1
  fi
  rt=$(triples_in "$TMP/rstats") rg=$(graphs_in "$TMP/rstats")
  awk -F'\t' '$1 == "graph" { print $2 "\t" $5 }' "$BIGSTATS" | sort >"$TMP/lg"
  awk -F'\t' '$1 == "graph" { print $2 "\t" $5 }' "$TMP/rstats" | sort >"$TMP/rg"
  diffs=$(comm -3 "$TMP/lg" "$TMP/rg" | wc -l)
  ok=no
  [ "$rt" = "$TRIPLES" ] && [ "$diffs" = 0 ] && ok=yes
  raw "$1-count" "ok=$ok triples=$rt graphs=$rg graph_lines_differing=$diffs stats_ms=$(ms_since "$t0")"
  [ "$ok" = yes ] || { log "$1: the server holds $rt triples in $rg graphs ($diffs graph lines differ), the store $TRIPLES in $GRAPHS"; comm -3 "$TMP/lg" "$TMP/rg" | head -n 6 >&2; }
  log "$1: server $rt triples in $rg graphs, same as the store: $ok"
}

# ---------------------------------------------------------------- 1. push
bench_push() {
  r=$1
  vstart "$OUT/vpush"
  isql "DB.DBA.USER_CREATE('kg', '$PASSWORD'); GRANT SPARQL_UPDATE TO \"kg\";" ||
    die "cannot create the user kg: $(cat "$TMP/isql.out")"
  v0=$(cpu_s "$VPID") l=$(load1)
  log "push of $GRAPHS graphs, $TRIPLES triples (run $r)"
  MEDNUM_KG_PASSWORD=$PASSWORD timed "$TMP/tpush" "$KGB" --store "$BIG" push \
    --endpoint "$E" --user kg >"$OUT/push.out" 2>"$OUT/push.err"
  rc=$?
  v1=$(cpu_s "$VPID")
  [ "$rc" = 0 ] || die "push failed (status $rc): $(tail -n 3 "$OUT/push.err")"
  raw "push-r$r" "$(cat "$TMP/tpush") virtuoso_cpu=$(echo "$v1 - $v0" | bc) lines=$(wc -l <"$OUT/push.out") trx_bytes=$(stat -c %s "$VDB/virtuoso.trx" 2>/dev/null) load1=$l"
  log "push: $(cat "$TMP/tpush"), Virtuoso's CPU $(echo "$v1 - $v0" | bc) s"
  timed "$TMP/tckpt" isql-vt "127.0.0.1:$VISQL" dba dba exec="checkpoint;" >/dev/null 2>&1
  raw "push-r$r-checkpoint" "$(cat "$TMP/tckpt")"
  raw "push-r$r-virtuoso" "rss_kb=$(ps -o rss= -p "$VPID" | tr -d ' ') db_bytes=$(du -sb "$VDB" | cut -f1)"
  remote_check "push-r$r"
  vstop
}

# ---------------------------------------------------------------- 2. queries
# one_query SIDE I ARGS...: QRUNS timed runs (after a warm-up; one when
# the warm-up took more than QSLOW s) of one named query, locally (SIDE
# local) or on the server (remote); median ms in RAW
one_query() {
  side=$1 i=$2; shift 2
  # timeout(1) as well: query --endpoint tries a request that timed out
  # again (4 times), and Virtuoso goes on with each
  if [ "$side" = local ]; then set -- "$KGB" --store "$BIG" query --timeout "$QTIMEOUT" -f json "$@"
  else set -- "$KGB" query --endpoint "$E" --timeout "$QTIMEOUT" -f json "$@"; fi
  set -- timeout -k 5 "$((QTIMEOUT + 2))" "$@"
  t0=$(date +%s%N)
  "$@" >"$OUT/q/$side-$i.json" 2>"$OUT/q/$side-$i.err"
  rc=$?
  wm=$(ms_since "$t0")
  runs=$QRUNS
  [ "$wm" -gt $((QSLOW * 1000)) ] && runs=1
  : >"$TMP/ms"
  k=0
  while [ "$rc" = 0 ] && [ "$k" -lt "$runs" ]; do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>>"$OUT/q/$side-$i.err" || rc=$?
    ms_since "$t0" >>"$TMP/ms"
    k=$((k + 1))
  done
  sort -n "$TMP/ms" | awk -v rc="$rc" -v wm="$wm" '{ v[NR] = $1 }
    END { if(NR) printf "rc=%s warmup_ms=%s runs=%d median_ms=%s min_ms=%s max_ms=%s", rc, wm, NR, v[int((NR + 1) / 2)], v[1], v[NR];
          else printf "rc=%s warmup_ms=%s runs=0", rc, wm }'
}
# vopen DIR: Virtuoso on the database in DIR (kept), on new ports; also
# after a query cut by the client's timeout, which goes on in Virtuoso and
# would slow the next ones
vopen() {
  d=$1
  [ -n "$VDB" ] && vstop
  VIRT_ISQL_PORT=$(free_port) VIRT_HTTP_PORT=$(free_port)
  export VIRT_ISQL_PORT VIRT_HTTP_PORT
  bash "$VS" start "$d" "$OUT/data" >"$TMP/vstart" 2>&1 || die "Virtuoso did not start on $d: $(tail -n 3 "$TMP/vstart")"
  VDB=$d VPID=$(cat "$d/virtuoso.pid") VISQL=$VIRT_ISQL_PORT
  E=http://127.0.0.1:$VIRT_HTTP_PORT/sparql
  log "Virtuoso on $E, database $d"
}
bench_queries() {
  "$KGB" queries >"$TMP/queries" || die "queries failed"
  grep -v '^#' "$FIX/queries.tsv" | grep . >"$TMP/runs"
  tab=$(printf '\t')
  for name in $(awk '/^[a-z]/ { print $1 }' "$TMP/queries"); do
    grep -q "^$name\$" "$TMP/runs" || grep -q "^$name$tab" "$TMP/runs" || {
      needs=$(awk -v n="$name" '/^[a-z]/ { cur = $1 } cur == n && $1 == "--param" { print $2 }' "$TMP/queries")
      if [ -z "$needs" ]; then echo "$name" >>"$TMP/runs"
      else log "named query $name needs $needs and has no line in $FIX/queries.tsv: not timed"; fi
    }
  done
  i=0
  while IFS=$tab read -r name p1 p2 p3; do
    i=$((i + 1))
    set -- "$name"
    for p in "${p1:-}" "${p2:-}" "${p3:-}"; do [ -n "$p" ] && set -- "$@" --param "$p"; done
    what=$(printf '%s ' "$@" | sed 's/ --param / /g; s/ $//')
    log "query $i: $what"
    lq=$(one_query local "$i" "$@" </dev/null)
    rq=$(one_query remote "$i" "$@" </dev/null)
    case $rq in rc=0*) ;; *) log "  on Virtuoso: $rq: $(tail -n 1 "$OUT/q/remote-$i.err")"; vopen "$VDB" ;; esac
    raw "query-$i" "what=$(echo "$what" | tr ' ' '|') local:[$lq] remote:[$rq]"
  done <"$TMP/runs"
  NQ=$i
  # the rows of each answer, format-neutral, compared (answers only)
  rm -f "$OUT"/q/*.rows
  ( cd "$OUT/q" && set -- $(for f in local-*.json remote-*.json; do [ -s "$f" ] && echo "$f"; done) &&
    [ "$#" -gt 0 ] && python3 "$FIX/rows.py" -w "$@" ) 2>"$TMP/rows.err" ||
    log "rows.py: $(head -c 300 "$TMP/rows.err")"
  j=0
  while [ "$j" -lt "$NQ" ]; do
    j=$((j + 1))
    l=$OUT/q/local-$j.rows r=$OUT/q/remote-$j.rows
    if [ -s "$l" ] && [ -s "$r" ]; then
      same=no
      cmp -s "$l" "$r" && same=yes
      raw "rows-$j" "local=$(($(wc -l <"$l") - 1)) remote=$(($(wc -l <"$r") - 1)) same=$same"
    else
      raw "rows-$j" "local=$([ -s "$l" ] && echo $(($(wc -l <"$l") - 1)) || echo -) remote=$([ -s "$r" ] && echo $(($(wc -l <"$r") - 1)) || echo -) same=-"
    fi
  done
}

# ---------------------------------------------------------------- 3. bulk
NQ_FILE=
export_nquads() {
  mkdir -p "$OUT/data" || exit 2
  NQ_FILE=$OUT/data/all.nq
  [ -f "$NQ_FILE" ] && return 0
  timed "$TMP/texp" "$KGB" --store "$BIG" export -f nquads -o "$NQ_FILE.tmp" 2>"$TMP/exp.err" ||
    die "export failed: $(cat "$TMP/exp.err")"
  mv "$NQ_FILE.tmp" "$NQ_FILE" || exit 2
  raw export-nquads "$(cat "$TMP/texp") lines=$(wc -l <"$NQ_FILE") bytes=$(wc -c <"$NQ_FILE")"
  log "export -f nquads: $(cat "$TMP/texp")"
}
bench_bulk() {
  n=$1 r=$2
  export_nquads
  rm -rf "$OUT/data/part-$n"
  mkdir -p "$OUT/data/part-$n" || exit 2
  if [ "$n" -gt 1 ]; then
    (cd "$OUT/data/part-$n" && split -n "l/$n" -d -a 2 --additional-suffix=.nq "$NQ_FILE" part-) || exit 2
  else
    ln "$NQ_FILE" "$OUT/data/part-$n/all.nq" 2>/dev/null || cp "$NQ_FILE" "$OUT/data/part-$n/all.nq" || exit 2
  fi
  vstart "$OUT/vbulk-$n"
  isql "ld_dir('$OUT/data/part-$n', '*.nq', 'urn:bench:unused');" ||
    die "ld_dir: $(cat "$TMP/isql.out")"
  v0=$(cpu_s "$VPID") l=$(load1)
  log "bulk loader: $n rdf_loader_run() at once"
  # shellcheck disable=SC2016
  timed "$TMP/tload" sh -c 'k=0; while [ "$k" -lt "$1" ]; do
      isql-vt "127.0.0.1:$2" dba dba exec="rdf_loader_run();" >"$3/loader-$k.out" 2>&1 &
      k=$((k + 1)); done; wait' sh "$n" "$VISQL" "$TMP"
  v1=$(cpu_s "$VPID")
  timed "$TMP/tckpt" isql-vt "127.0.0.1:$VISQL" dba dba exec="checkpoint;" >/dev/null 2>&1
  v2=$(cpu_s "$VPID")
  isql "SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL OR ll_state <> 2;" &&
    errs=$(awk '/^[0-9]+ *$/ { print $1; exit }' "$TMP/isql.out")
  raw "bulk-$n-r$r" "$(cat "$TMP/tload") virtuoso_cpu=$(echo "$v1 - $v0" | bc) files=$(ls "$OUT/data/part-$n" | wc -l) not_loaded=${errs:-?} load1=$l"
  raw "bulk-$n-r$r-checkpoint" "$(cat "$TMP/tckpt") virtuoso_cpu=$(echo "$v2 - $v1" | bc)"
  raw "bulk-$n-r$r-virtuoso" "rss_kb=$(ps -o rss= -p "$VPID" | tr -d ' ') db_bytes=$(du -sb "$VDB" | cut -f1)"
  log "bulk-$n (run $r): $(cat "$TMP/tload"), checkpoint $(cat "$TMP/tckpt")"
  [ "${errs:-1}" = 0 ] || { log "bulk-$n-r$r: files not loaded:"; isql "SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list;"; cat "$TMP/isql.out" >&2; }
  remote_check "bulk-$n-r$r"
  vstop
  rm -rf "$OUT/data/part-$n"
}

# ---------------------------------------------------------------- 4. probe
# Where push's time goes: the same 1,001 graphs sent other ways, each on a
# fresh Virtuoso, from the N-Quads export split by graph (so with no
# serialisation of ours during the timing):
#   curl     one curl process, one PUT per graph (digest, reused
#            connection), as push sends them: HTTP and Virtuoso's PUT
#            handler without our client; per-PUT times from curl -w
#   ttlp     DB.DBA.TTLP of each file in one isql session, autocommit:
#            what the PUT handler calls, without HTTP
#   ttlp-nolog  the same after log_enable(2,1) (no transaction log,
#            autocommit by rows: the bulk loader's mode), one graph at a time
#   push-x2  two pushes at once, each of half of the graphs: what
#            concurrent PUTs would give
# and a push of 50 graphs under strace (connections, requests).
# probe_fresh LABEL: a fresh Virtuoso with the user kg
probe_fresh() {
  vstart "$OUT/vprobe"
  isql "DB.DBA.USER_CREATE('kg', '$PASSWORD'); GRANT SPARQL_UPDATE TO \"kg\";" ||
    die "cannot create the user kg: $(cat "$TMP/isql.out")"
  PV0=$(cpu_s "$VPID") PL=$(load1)
}
# probe_done LABEL WALL_S [MORE]: raw line, count check, stop
probe_done() {
  v1=$(cpu_s "$VPID")
  raw "probe-$1" "wall=$2 virtuoso_cpu=$(echo "$v1 - $PV0" | bc) load1=$PL${3:+ $3}"
  log "probe $1: wall $2 s, Virtuoso's CPU $(echo "$v1 - $PV0" | bc) s"
  remote_check "probe-$1"
  vstop
}
bench_probe() {
  export_nquads
  D=$OUT/data/g
  rm -rf "$D" && mkdir -p "$D" || exit 2
  # one N-Triples file per graph (the export is grouped by graph)
  awk -v d="$D" '{
      g = $(NF - 1)
      if(g != cur) {
        if(f != "") close(f)
        cur = g; n++; f = sprintf("%s/%04d.nt", d, n)
        iri = substr(g, 2, length(g) - 2)
        print f "\t" iri > (d "/list.tsv")
      }
      line = $0; sub(/[ \t]*<[^<>]*>[ \t]*\.[ \t]*$/, " .", line)
      print line > f
    }' "$NQ_FILE" || die "cannot split the N-Quads by graph"
  close_list=$(wc -l <"$D/list.tsv")
  [ "$close_list" = "$GRAPHS" ] || die "the split gave $close_list graphs, the store has $GRAPHS"

  # curl: one process, one PUT per graph
  probe_fresh
  awk -F'\t' -v e="$E" 'BEGIN { print "digest"; print "user = \"kg:'"$PASSWORD"'\""; print "header = \"Content-Type: text/turtle\""; print "header = \"Expect:\""; print "silent"; print "write-out = \"%{http_code} %{time_total} %{num_connects}\\n\"" }
    { g = $2; gsub(/:/, "%3A", g); gsub(/\//, "%2F", g)
      print "url = \"" e "-graph-crud-auth?graph=" g "\""; print "upload-file = \"" $1 "\""; print "output = \"/dev/null\"" }' "$D/list.tsv" >"$TMP/curl.cfg"
  t0=$(date +%s%N)
  curl -K "$TMP/curl.cfg" >"$TMP/curl.out" 2>"$TMP/curl.err" || log "curl: $(tail -n 2 "$TMP/curl.err")"
  w=$(echo "scale=2; $(ms_since "$t0") / 1000" | bc)
  st=$(awk '{ c[$1]++ } END { for(k in c) printf "%s%s:%d", (n++ ? "," : ""), k, c[k] }' "$TMP/curl.out")
  # mean PUT time of the first and the last 100 graphs (the database grows)
  per=$(awk '{ t[NR] = $2 * 1000; s += t[NR]; c += $3 } END { m = NR < 100 ? NR : 100; for(i = 1; i <= m; i++) { a += t[i]; b += t[NR - m + i] }
    printf "puts=%d mean_ms=%.1f first100_mean_ms=%.1f last100_mean_ms=%.1f connects=%d", NR, s / NR, a / m, b / m, c }' "$TMP/curl.out")
  probe_done curl "$w" "status=$st $per"

  # ttlp, ttlp-nolog: the PUT handler's call, from isql
  for mode in ttlp ttlp-nolog; do
    probe_fresh
    { [ "$mode" = ttlp-nolog ] && echo "log_enable(2,1);"
      awk -F'\t' '{ printf "DB.DBA.TTLP (file_to_string_output('"'"'%s'"'"'), '"'"'%s'"'"', '"'"'%s'"'"');\n", $1, $2, $2 }' "$D/list.tsv"
    } >"$TMP/ttlp.sql"
    t0=$(date +%s%N)
    isql-vt "127.0.0.1:$VISQL" dba dba <"$TMP/ttlp.sql" >"$TMP/ttlp.out" 2>&1
    w=$(echo "scale=2; $(ms_since "$t0") / 1000" | bc)
    errs=$(grep -c '\*\*\* Error' "$TMP/ttlp.out")
    [ "$errs" = 0 ] || log "$mode: $(grep -m 2 -A 2 '\*\*\* Error' "$TMP/ttlp.out")"
    timed "$TMP/tckpt" isql-vt "127.0.0.1:$VISQL" dba dba exec="checkpoint;" >/dev/null 2>&1
    probe_done "$mode" "$w" "errors=$errs checkpoint=$(field "$TMP/tckpt" wall)"
  done

  # push-x2: two pushes at once, half of the graphs each
  probe_fresh
  awk -F'\t' '{ sub(/.*\/graph\//, "", $2); print $2 > ((NR % 2) ? "'"$TMP"'/half1" : "'"$TMP"'/half2") }' "$D/list.tsv"
  t0=$(date +%s%N)
  for h in 1 2; do
    # shellcheck disable=SC2046
    MEDNUM_KG_PASSWORD=$PASSWORD "$KGB" --store "$BIG" push --endpoint "$E" --user kg $(cat "$TMP/half$h") \
      >"$TMP/px2-$h.out" 2>"$TMP/px2-$h.err" &
  done
  wait
  w=$(echo "scale=2; $(ms_since "$t0") / 1000" | bc)
  probe_done push-x2 "$w" "lines=$(cat "$TMP"/px2-*.out | wc -l)"

  # a push of 50 graphs under strace: connections made and requests sent
  if command -v strace >/dev/null; then
    probe_fresh
    set -- $(head -n 50 "$TMP/half1")
    MEDNUM_KG_PASSWORD=$PASSWORD strace -f -s 1000 -e trace=connect,sendto -o "$TMP/strace" \
      "$KGB" --store "$BIG" push --endpoint "$E" --user kg "$@" >/dev/null 2>"$TMP/p50.err" ||
      log "push of 50 graphs under strace: $(tail -n 2 "$TMP/p50.err")"
    conns=$(grep -c 'connect(.*sin_port=htons(' "$TMP/strace")
    puts=$(grep -c 'sendto(.*"PUT /' "$TMP/strace")
    auths=$(grep 'sendto(.*"PUT /' "$TMP/strace" | grep -c 'Authorization: Digest')
    sent=$(awk '/sendto\(/ && / = [0-9]+$/ { t += $NF } END { print t + 0 }' "$TMP/strace")
    # the N-Triples of those graphs, in bytes (once each)
    gb=$(for sl in "$@"; do awk -F'\t' -v s="/graph/$sl" 'substr($2, length($2) - length(s) + 1) == s { print $1 }' "$D/list.tsv"; done |
      xargs stat -c %s | awk '{ t += $1 } END { print t + 0 }')
    raw probe-strace "graphs=$# connects=$conns put_requests=$puts put_with_digest=$auths bytes_sent=$sent graph_bytes=$gb"
    vstop
  fi
  rm -rf "$D"
}

# ---------------------------------------------------------------- run
raw info-machine "$(uname -sr); $(nproc) CPUs; $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
raw info-date "$(date -u '+%Y-%m-%d %H:%M UTC')"
b=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null) &&
  { GIT_OPTIONAL_LOCKS=0 git -C "$TOP" diff --quiet HEAD -- src 2>/dev/null || b="$b + uncommitted changes in src/"; }
raw info-build "${b:-unknown}"
raw info-virtuoso "Debian virtuoso-opensource-7 $(dpkg-query -W -f '${Version}' virtuoso-opensource-7 2>/dev/null), $(virtuoso-t +version 2>&1 | grep '^Version' | head -n 1)"
raw info-curl "$(curl --version | head -n 1 | cut -d' ' -f1-2)"
BIG=
find_big
BIGSTATS=$TMP/bigstats
cp "$STATS" "$BIGSTATS"
TRIPLES=$(triples_in "$BIGSTATS") GRAPHS=$(graphs_in "$BIGSTATS")
raw info-store "triples=$TRIPLES graphs=$GRAPHS path=$BIG"

# push and the bulk loader in turn, RUNS times (the machine is shared:
# its load changes within minutes), then the named queries on the last
# push's database
r=0
while [ "$r" -lt "$RUNS" ]; do
  r=$((r + 1))
  bench_push "$r"
  for n in $LOADERS; do bench_bulk "$n" "$r"; done
done
vopen "$OUT/vpush"
bench_queries
vstop
[ "$PROBE" = 1 ] && bench_probe
raw info-load-after "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- report
report() {
  awk -F'\t' -v reports="$REPORTS" '
  function f(s, k,   i, n, a) { n = split(s, a, " "); for(i = 1; i <= n; i++) if(index(a[i], k "=") == 1) return substr(a[i], length(k) + 2); return "" }
  function median(a, n,   i, j, x, b) { for(i = 1; i <= n; i++) b[i] = a[i]; for(i = 2; i <= n; i++) { x = b[i]; for(j = i - 1; j >= 1 && b[j] > x; j--) b[j + 1] = b[j]; b[j + 1] = x } return n ? (n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2) : 0 }
  function grp(x,   s, r) { s = sprintf("%.0f", x); r = ""; while(length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
  { v[$1] = $2; order[++n] = $1 }
  END {
    split(v["info-store"], _, " ")
    t = f(v["info-store"], "triples"); gr = f(v["info-store"], "graphs")
    printf "# push to Virtuoso: the %s-report store\n\n", reports
    printf "Machine: %s. %s, build %s. %s. %s.\n\n", v["info-machine"], v["info-date"], v["info-build"], v["info-virtuoso"], v["info-curl"]
    printf "Store: %s triples in %s graphs (%s).\n\n", grp(t), gr, f(v["info-store"], "path")
    printf "| run | what | wall s | triples/s | client CPU s (user + sys) | Virtuoso CPU s | checkpoint s | with checkpoint: triples/s | server count = store | load avg |\n|---:|---|---:|---:|---:|---:|---:|---:|---|---:|\n"
    for(i = 1; i <= n; i++) {
      k = order[i]
      if(k ~ /^push-r[0-9]+$/) {
        r = substr(k, 7) + 0; w = f(v[k], "wall"); c = f(v[k "-checkpoint"], "wall")
        printf "| %s | push (%s PUTs, one at a time) | %.1f | %s | %.1f + %.1f | %.1f | %.1f | %s | %s | %s |\n", r, gr, w, grp(t / w), f(v[k], "user"), f(v[k], "sys"), f(v[k], "virtuoso_cpu"), c, grp(t / (w + c)), f(v[k "-count"], "ok"), f(v[k], "load1")
        pushw[r] = w; pushc[r] = c; np++; pws[np] = w; pcs[np] = c; if(r > nr) nr = r
      } else if(k ~ /^bulk-[0-9]+-r[0-9]+$/) {
        split(k, kk, "-"); L = kk[2]; r = substr(kk[3], 2) + 0; w = f(v[k], "wall"); c = f(v[k "-checkpoint"], "wall")
        printf "| %s | bulk loader, %s rdf_loader_run() at once (%s file%s) | %.1f | %s | — | %.1f | %.1f | %s | %s | %s |\n", r, L, f(v[k], "files"), (f(v[k], "files") == 1 ? "" : "s"), w, grp(t / w), f(v[k], "virtuoso_cpu"), c, grp(t / (w + c)), f(v[k "-count"], "ok"), f(v[k], "load1")
        if(!(r in bestrun) || w + c < bestrun[r]) bestrun[r] = w + c
        nb[L]++; bw[L, nb[L]] = w + c; if(!(L in seenL)) { seenL[L] = 1; Ls[++nL] = L }
      }
    }
    pw = median(pws, np); pc = median(pcs, np)
    best = 0
    for(j = 1; j <= nL; j++) {
      L = Ls[j]; m = 0
      for(q = 1; q <= nb[L]; q++) tmp[q] = bw[L, q]
      m = median(tmp, nb[L])
      printf "%s", (j == 1 ? "\nMedians over the runs: " : "; ")
      printf "bulk loader with %s loader%s %.1f s with its checkpoint (%s triples/s)", L, (L == 1 ? "" : "s"), m, grp(t / m)
      if(best == 0 || m < best) { best = m; bestL = L }
    }
    if(np) printf "; push %.1f s (%s triples/s), %.1f s with a checkpoint after it.\n", pw, grp(t / pw), pw + pc
    if(v["export-nquads"] != "")
      printf "\nThe N-Quads for the bulk loader: `export -f nquads` %.1f s (%s lines, %s bytes), not counted in its time.\n", f(v["export-nquads"], "wall"), grp(f(v["export-nquads"], "lines")), grp(f(v["export-nquads"], "bytes"))
    if(best > 0 && np) {
      ratio = best / pw; ratio2 = best / (pw + pc)
      lo = 9; hi = 0
      for(r = 1; r <= nr; r++) if((r in pushw) && (r in bestrun)) { x = bestrun[r] / pushw[r]; if(x < lo) lo = x; if(x > hi) hi = x }
      printf "\nPush against the bulk loader (its best median: %s loader%s, checkpoint included): **%.0f %%** of its throughput (push alone: the data is committed and in Virtuoso'"'"'s transaction log when push returns; %.0f %% with a checkpoint after the push); run by run, against the faster loader of the same run, %.0f–%.0f %%. Target ≥ 50 %%: **%s**.\n", bestL, (bestL == 1 ? "" : "s"), 100 * ratio, 100 * ratio2, 100 * lo, 100 * hi, (ratio >= 0.5 ? "met" : "not met")
    }
    printf "\n## Named queries (median of the timed runs, ms; whole command, process start included)\n\n| query | rows local | rows Virtuoso | same rows | local ms | Virtuoso ms | Virtuoso / local |\n|---|---:|---:|---|---:|---:|---:|\n"
    for(i = 1; i <= n; i++) if(order[i] ~ /^query-/) {
      k = order[i]; j = substr(k, 7); s = v[k]
      w = f(s, "what"); gsub(/\|/, " ", w)
      split(s, parts, "local:\\["); split(parts[2], lp, "\\]"); split(s, parts, "remote:\\["); split(parts[2], rp, "\\]")
      lm = f(lp[1], "median_ms"); rm = f(rp[1], "median_ms")
      if(f(lp[1], "rc") != 0) lm = sprintf("failed: status %s after %.0f s", f(lp[1], "rc"), f(lp[1], "warmup_ms") / 1000)
      if(f(rp[1], "rc") != 0) rm = sprintf("failed: status %s after %.0f s", f(rp[1], "rc"), f(rp[1], "warmup_ms") / 1000)
      if(f(lp[1], "runs") == 1 && lm + 0 > 0) lm = lm " (1 run)"
      if(f(rp[1], "runs") == 1 && rm + 0 > 0) rm = rm " (1 run)"
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", w, f(v["rows-" j], "local"), f(v["rows-" j], "remote"), f(v["rows-" j], "same"), lm, rm, (lm + 0 > 0 && rm + 0 > 0) ? sprintf("×%.2f", rm / lm) : "—"
    }
    if(v["probe-curl"] != "") {
      printf "\n## Where push'"'"'s time goes: the same graphs sent other ways (each on a fresh Virtuoso)\n\n| how | wall s | triples/s | Virtuoso CPU s | server count = store | notes |\n|---|---:|---:|---:|---|---|\n"
      printf "| push (above: the median run) | %.1f | %s | — | yes | |\n", pw, grp(t / pw)
      k = "probe-curl"; w = f(v[k], "wall")
      printf "| curl, 1 process, 1 PUT per graph (files split from the N-Quads) | %.1f | %s | %.1f | %s | statuses %s; mean PUT %s ms (first 100 graphs %s, last 100 %s); %s connections |\n", w, grp(t / w), f(v[k], "virtuoso_cpu"), f(v[k "-count"], "ok"), f(v[k], "status"), f(v[k], "mean_ms"), f(v[k], "first100_mean_ms"), f(v[k], "last100_mean_ms"), f(v[k], "connects")
      k = "probe-ttlp"; w = f(v[k], "wall")
      printf "| DB.DBA.TTLP per graph from isql (no HTTP), transaction log on | %.1f | %s | %.1f | %s | then checkpoint %s s |\n", w, grp(t / w), f(v[k], "virtuoso_cpu"), f(v[k "-count"], "ok"), f(v[k], "checkpoint")
      k = "probe-ttlp-nolog"; w = f(v[k], "wall")
      printf "| the same after log_enable(2,1) (no log: the bulk loader'"'"'s mode), one graph at a time | %.1f | %s | %.1f | %s | then checkpoint %s s |\n", w, grp(t / w), f(v[k], "virtuoso_cpu"), f(v[k "-count"], "ok"), f(v[k], "checkpoint")
      k = "probe-push-x2"; w = f(v[k], "wall")
      printf "| two pushes at once, half of the graphs each | %.1f | %s | %.1f | %s | |\n", w, grp(t / w), f(v[k], "virtuoso_cpu"), f(v[k "-count"], "ok")
      if(v["probe-strace"] != "")
        printf "\nA push of %s graphs under strace: %s TCP connections, %s PUT requests sent, %s of them with the digest answer; %s bytes sent for %s bytes of N-Triples.\n", f(v["probe-strace"], "graphs"), f(v["probe-strace"], "connects"), f(v["probe-strace"], "put_requests"), f(v["probe-strace"], "put_with_digest"), grp(f(v["probe-strace"], "bytes_sent")), grp(f(v["probe-strace"], "graph_bytes"))
    }
    printf "\nLoad average after: %s. Raw figures: raw.tsv.\n", v["info-load-after"]
  }' "$RAW"
}
report >"$OUT/results.md" || exit 2
bench_erase
cat "$OUT/results.md"
