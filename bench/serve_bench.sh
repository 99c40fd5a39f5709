#!/bin/sh
# serve_bench.sh - load and soak benchmark of `mednum-kg serve`; run by
# `make bench-serve` (the last step of `make bench`), never by `make check`.
#
# wrk on loopback against the mission's question, asked two ways:
#   named   GET /queries/initiatives-by-theme-and-territory?theme=mobilite
#           &territory=36&format=json
#   sparql  GET /sparql?query=... (bench/serve/mission.rq, the same question
#           as SPARQL), Accept: application/sparql-results+json
# on the seed store (data/nec-cvl-2024.md) and on the 1,000-report store
# (bench/gen_reports.py --count 1000 --seed 1, loaded in one command):
# requests/s, p50 / p90 / p99 latency, errors; a throughput run (THREADS
# threads, CONNS connections) and a latency run (one connection) each.
# Then a soak of SOAK requests (named and sparql in turn) on the seed store
# with the RSS of every worker sampled before, during and after.  The same
# SPARQL query against Virtuoso's own /sparql endpoint (Debian
# virtuoso-opensource, a throwaway instance on loopback started by
# ../shared/bench/engines/virtuoso.sh, loaded with the store's N-Triples
# export) is the anchor, in the same run, after its rows were checked to
# be ours.
#
# Knobs (environment): KG (binary, required: copied to OUT first, so a
# rebuild during the run changes nothing), TOP, OUT (bench/out/serve),
# WORKERS (2), THREADS (2), CONNS (16), DURATION (15 s: throughput runs;
# BIG_DURATION, 20 s, on the big store, where an answer takes ~0.2 s),
# LAT_DURATION (10 s: one-connection runs), WRK_TIMEOUT (30s, the
# server's own --timeout: a slower answer counts as an error), SOAK
# (100000 requests; 0 = no soak), SOAK_SAMPLE (2 s between RSS samples),
# SOAK_STORES (seed: the stores soaked; at 1,000 reports one answer takes
# ~0.2 s), STORES ("seed big"), REPORTS (1000), SEED (1), BIG_STORE (use
# this store as the big one), VIRTUOSO (1; 0 = no anchor), VS
# (../shared/bench/engines/virtuoso.sh).
#
# The big store is cached in OUT/big-REPORTS-SEED.store (built once, from
# bench/out/store/corpus-REPORTS-SEED when `make bench` made it, else from
# a corpus generated in OUT), or bench/out/store/big.store is used when it
# holds REPORTS reports and no cached store exists; its N-Triples export
# for Virtuoso is cached in OUT/vdata, and Virtuoso's database in OUT/vdb
# (reloaded when the digest of a file changes).
# Writes OUT/raw.tsv (one wrk-summary line per run), OUT/rss.tsv (the
# samples), OUT/wrk/*.txt (wrk's own reports), OUT/serve-*.log (the
# servers' access logs) and OUT/results.md (printed at the end).
set -u
: "${KG:?set KG to the mednum-kg binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
# the copy of the binary (below) does not sit beside the data it reads
MEDNUM_KG_DATA=${MEDNUM_KG_DATA:-$TOP}
export MEDNUM_KG_DATA
OUT=${OUT:-$TOP/bench/out/serve}
WORKERS=${WORKERS:-2}
THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
DURATION=${DURATION:-15}
BIG_DURATION=${BIG_DURATION:-20}
LAT_DURATION=${LAT_DURATION:-10}
WRK_TIMEOUT=${WRK_TIMEOUT:-30s}
SOAK=${SOAK:-100000}
SOAK_SAMPLE=${SOAK_SAMPLE:-2}
SOAK_STORES=${SOAK_STORES:-seed}
STORES=${STORES:-seed big}
REPORTS=${REPORTS:-1000}
SEED=${SEED:-1}
BIG_STORE=${BIG_STORE:-}
VIRTUOSO=${VIRTUOSO:-1}
VS=${VS:-$TOP/../shared/bench/engines/virtuoso.sh}
SEEDMD=$TOP/data/nec-cvl-2024.md
LUA=$TOP/bench/serve/wrk.lua
SAME=$TOP/bench/serve/same_rows.py
ACCEPT_JSON=application/sparql-results+json
NAMED_PATH='/queries/initiatives-by-theme-and-territory?theme=mobilite&territory=36&format=json'
export LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE

BENCH_NAME=serve_bench
. "$TOP/bench/progress.sh"
log() { bench_erase; echo "serve_bench: $*" >&2; }
die() { log "$*"; exit 2; }

command -v wrk >/dev/null ||
  die "wrk is missing: apt-get update && apt-get install -y wrk"
command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"
command -v python3 >/dev/null || die "python3 is missing"
command -v pgrep >/dev/null || die "pgrep is missing: apt-get install -y procps"
[ -x "$KG" ] || die "no binary $KG (make first)"

mkdir -p "$OUT/wrk" "$OUT/work" "$OUT/vdata" || exit 2
KGB=$OUT/mednum-kg.bin
cp "$KG" "$KGB.tmp" && mv "$KGB.tmp" "$KGB" || exit 2
RAW=$OUT/raw.tsv
RSS=$OUT/rss.tsv
: >"$RAW"
printf 'store\twhen\tworker\trss_kb\tanon_kb\n' >"$RSS"
TMP=$(mktemp -d) || exit 2

SPID= SLOG= SAMPLER= WP= DRAIN= VIRT_UP=0 VDB=$OUT/vdb
cleanup() {
  [ -n "$WP" ] && kill "$WP" 2>/dev/null
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null
  if [ -n "$SPID" ]; then
    kill -TERM "$SPID" 2>/dev/null
    wait "$SPID" 2>/dev/null
  fi
  [ "$VIRT_UP" = 1 ] && bash "$VS" stop "$VDB" >/dev/null 2>&1
  rm -rf "$TMP" "$OUT/work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# the SPARQL query of the mission, comments left out, URL-encoded
SPARQL_PATH="/sparql?query=$(grep -v '^#' "$TOP/bench/serve/mission.rq" |
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read(), safe=""))')"

# ---------------------------------------------------------------- stores
SEEDST=$OUT/work/seed.store
store_ok() { [ -f "$1/data.mdb" ] && "$KGB" --store "$1" stats -f tsv >"$TMP/stats" 2>/dev/null; }
graphs_in() { awk -F'\t' '$1 == "graph"' "$TMP/stats" | wc -l; }
triples_in() { awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }' "$TMP/stats"; }

BIG=
find_big() {
  if [ -n "$BIG_STORE" ]; then
    store_ok "$BIG_STORE" || die "BIG_STORE=$BIG_STORE: not a store"
    BIG=$BIG_STORE
    return 0
  fi
  own=$OUT/big-$REPORTS-$SEED.store
  if [ -f "$own.done" ] && store_ok "$own"; then
    BIG=$own
    return 0
  fi
  other=$TOP/bench/out/store/big.store
  if store_ok "$other" && [ "$(graphs_in)" -eq $((REPORTS + 1)) ]; then
    log "using $other (made by make bench: $REPORTS reports and the reference graph)"
    BIG=$other
    return 0
  fi
  corpus=$TOP/bench/out/store/corpus-$REPORTS-$SEED
  if [ ! -f "$corpus/.done" ]; then
    corpus=$OUT/corpus-$REPORTS-$SEED
    if [ ! -f "$corpus/.done" ]; then
      log "generating $REPORTS reports (seed $SEED) in $corpus"
      rm -rf "$corpus"
      python3 "$TOP/bench/gen_reports.py" --count "$REPORTS" --seed "$SEED" "$corpus" >&2 || exit 2
      touch "$corpus/.done"
    fi
  fi
  log "loading $REPORTS reports into $own (once; about 100 s on 2 cores)"
  rm -rf "$own" "$own.tmp" "$own.done"
  t0=$(date +%s)
  "$KGB" --store "$own.tmp" load "$corpus"/*.md >"$TMP/load.err" 2>&1 ||
    die "load of the corpus failed: $(tail -n 3 "$TMP/load.err")"
  log "loaded in $(( $(date +%s) - t0 )) s"
  mv "$own.tmp" "$own" && touch "$own.done" || exit 2
  store_ok "$own" || die "cannot read $own"
  BIG=$own
}

# ---------------------------------------------------------------- server
# start_server LABEL STORE: our server on a free port; sets SPID, BASE,
# WPIDS, SLOG
start_server() {
  SLOG=$OUT/serve-$1.log
  "$KGB" --store "$2" serve --listen 127.0.0.1:0 --workers "$WORKERS" 2>"$SLOG" &
  SPID=$!
  port= i=0
  while [ -z "$port" ] && [ "$i" -lt 300 ]; do
    kill -0 "$SPID" 2>/dev/null || die "serve exited: $(head -c 500 "$SLOG")"
    port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$SLOG" | head -n 1)
    [ -n "$port" ] || sleep 0.1
    i=$((i + 1))
  done
  [ -n "$port" ] || die "serve did not say where it listens: $(head -c 500 "$SLOG")"
  BASE=http://127.0.0.1:$port
  WPIDS=$(pgrep -P "$SPID" | sort -n | tr '\n' ' ')
  DRAIN=$WPIDS
  log "serve on $BASE, store $2, server $SPID, workers $WPIDS"
}
stop_server() {
  kill -TERM "$SPID" 2>/dev/null
  wait "$SPID" 2>/dev/null
  SPID=
}

# sample_rss LABEL WHEN: RSS (ps) and anonymous RSS (/proc) of every worker
sample_rss() {
  for w in $WPIDS; do
    r=$(ps -o rss= -p "$w" 2>/dev/null | tr -d ' ')
    a=$(awk '/^RssAnon:/ { print $2 }' "/proc/$w/status" 2>/dev/null)
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$w" "${r:-gone}" "${a:-gone}" >>"$RSS"
  done
}

# fetch NAME URL: GET with Accept JSON into $OUT/work/NAME.json; 0 if 200
fetch() {
  code=$(curl -s -o "$OUT/work/$1.json" -w '%{http_code}' -H "Accept: $ACCEPT_JSON" "$2")
  [ "$code" = 200 ] || { log "$2: HTTP $code"; return 1; }
}

# warm URL N: N requests, to touch the store's pages and the caches
warm() {
  i=0
  while [ "$i" -lt "$2" ]; do
    curl -s -o /dev/null -H "Accept: $ACCEPT_JSON" "$1"
    i=$((i + 1))
  done
}

# cpu_ticks PIDS: user + system clock ticks of PIDS so far
cpu_ticks() {
  for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done |
    awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}
# drain PIDS: wait until PIDS stop using the CPU (at most 1 tick in 0.5 s,
# twice running; 300 s at most).  When wrk stops, the requests of its
# connections still queued in a worker run to their end (the worker sees
# the client gone only when it writes): the next run must not wait
# behind them.
drain() {
  [ "$#" -gt 0 ] || return 0
  prev=$(cpu_ticks "$@") quiet=0 i=0
  while [ "$quiet" -lt 2 ] && [ "$i" -lt 600 ]; do
    sleep 0.5
    now=$(cpu_ticks "$@")
    if [ $((now - prev)) -le 1 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    prev=$now i=$((i + 1))
  done
}

# run_wrk NAME THREADS CONNS SECONDS URL: one wrk run, its summary line in
# RAW (with the server-side p50/p99 of our access log when SLOG is set)
run_wrk() {
  name=$1 t=$2 c=$3 d=$4 url=$5
  before=0
  [ -n "$SLOG" ] && before=$(wc -l <"$SLOG")
  log "wrk $name: -t$t -c$c -d${d}s"
  bench_progress "wrk $name, ${d} s"
  load1=$(cut -d' ' -f1 /proc/loadavg)
  BENCH_ACCEPT=$ACCEPT_JSON wrk -t"$t" -c"$c" -d"${d}s" --timeout "$WRK_TIMEOUT" \
    --latency -s "$LUA" "$url" >"$OUT/wrk/$name.txt" 2>&1
  drain $DRAIN
  record "$name" "$before" "$load1"
}
# record NAME LOGLINE LOAD: the wrk-summary of OUT/wrk/NAME.txt into RAW
record() {
  s=$(grep '^wrk-summary ' "$OUT/wrk/$1.txt" | sed 's/^wrk-summary //')
  [ -n "$s" ] || { log "$1: wrk gave no summary: $(tail -n 3 "$OUT/wrk/$1.txt")"; s="requests=0"; }
  srv=
  if [ -n "$SLOG" ]; then
    srv=$(tail -n +"$(($2 + 1))" "$SLOG" | awk '$1 ~ /^(GET|POST)$/ && $(NF) == "ms" { print $(NF - 1) }' |
      sort -n | awk 'function at(p,  i) { i = int(NR * p + 0.5); if(i < 1) i = 1; return v[i] }
        { v[NR] = $1 } END { if(NR) printf "srv_n=%d srv_p50_ms=%s srv_p99_ms=%s", NR, at(0.5), at(0.99) }')
  fi
  printf '%s\t%s load1=%s %s\n' "$1" "$s" "$3" "$srv" >>"$RAW"
  log "  $(printf '%s' "$s" | tr ' ' '\n' | grep -E '^(requests|rps|p50_us|p99_us|status|timeout)=' | tr '\n' ' ')"
}

# soak LABEL: SOAK requests (named and sparql in turn), RSS sampled
soak() {
  per=$(( (SOAK + THREADS - 1) / THREADS ))
  rm -rf "$TMP/done" && mkdir "$TMP/done"
  before=$(wc -l <"$SLOG")
  load1=$(cut -d' ' -f1 /proc/loadavg)
  sample_rss "$1" before-soak
  ( n=0
    while :; do
      sleep "$SOAK_SAMPLE"
      n=$((n + SOAK_SAMPLE))
      sample_rss "$1" "soak-${n}s"
    done ) &
  SAMPLER=$!
  log "soak: $((per * THREADS)) requests, -t$THREADS -c$CONNS"
  BENCH_ACCEPT=$ACCEPT_JSON BENCH_PATHS="$NAMED_PATH|$SPARQL_PATH" BENCH_LIMIT=$per \
    BENCH_DONE_DIR=$TMP/done wrk -t"$THREADS" -c"$CONNS" -d3600s --timeout "$WRK_TIMEOUT" \
    --latency -s "$LUA" "$BASE/" >"$OUT/wrk/$1-soak.txt" 2>&1 &
  WP=$!
  while kill -0 "$WP" 2>/dev/null && [ "$(ls "$TMP/done" | wc -l)" -lt "$THREADS" ]; do
    sleep 0.2
  done
  kill -INT "$WP" 2>/dev/null
  wait "$WP"
  WP=
  drain $DRAIN
  kill "$SAMPLER" 2>/dev/null
  wait "$SAMPLER" 2>/dev/null
  SAMPLER=
  sample_rss "$1" after-soak
  record "$1-soak" "$before" "$load1"
}

# ---------------------------------------------------------------- Virtuoso
virt_start() {
  [ "$VIRTUOSO" = 1 ] || { log "VIRTUOSO=0: no anchor"; return 1; }
  if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    log "Virtuoso is not installed (Debian virtuoso-opensource: see ../shared/bench/RESULTS.md for the install recipe): carrying on without the anchor"
    VIRTUOSO=0
    return 1
  fi
  [ -f "$VS" ] || { log "no $VS: carrying on without the anchor"; VIRTUOSO=0; return 1; }
  [ "$VIRT_UP" = 1 ] && return 0
  VIRT_ISQL_PORT=$(free_port) VIRT_HTTP_PORT=$(free_port)
  export VIRT_ISQL_PORT VIRT_HTTP_PORT
  # the database of the last run is kept (OUT/vdb, with the list of the
  # graphs loaded and the digests of their files): loading 2.7 million
  # triples again would take a minute
  if ! bash "$VS" start "$VDB" "$OUT/vdata" >"$TMP/vstart" 2>&1; then
    [ -f "$VDB/virtuoso.pid" ] && bash "$VS" stop "$VDB" >/dev/null 2>&1
    log "Virtuoso did not start on the database of the last run: a new one"
    rm -rf "$VDB"
    if ! bash "$VS" start "$VDB" "$OUT/vdata" >"$TMP/vstart" 2>&1; then
      log "Virtuoso did not start ($(tail -n 2 "$TMP/vstart" | tr '\n' ' ')): carrying on without the anchor"
      [ -f "$VDB/virtuoso.pid" ] && bash "$VS" stop "$VDB" >/dev/null 2>&1
      VIRTUOSO=0
      return 1
    fi
  fi
  VIRT_UP=1
  VBASE=http://127.0.0.1:$VIRT_HTTP_PORT
  log "Virtuoso on $VBASE ($(cat "$TMP/vstart"))"
  printf 'info-virtuoso\t%s\n' "Debian virtuoso-opensource-7 $(dpkg-query -W -f '${Version}' virtuoso-opensource-7 2>/dev/null), $(virtuoso-t +version 2>&1 | grep '^Version' | head -n 1)" >>"$RAW"
}

# anchor LABEL STORE: the store's N-Triples into Virtuoso (graph
# urn:bench:LABEL), rows checked against ours, then the same wrk runs
anchor() {
  virt_start || return 0
  nt=$OUT/vdata/$1.nt
  stamp=$(stat -c '%n %Y %s' "$2/data.mdb")
  if [ ! -f "$nt" ] || [ "$(cat "$nt.stamp" 2>/dev/null)" != "$stamp" ]; then
    log "exporting $2 as N-Triples for Virtuoso"
    "$KGB" --store "$2" export -f ntriples -o "$nt" || { log "export failed: no anchor for $1"; return 0; }
    echo "$stamp" >"$nt.stamp"
  fi
  key=$(md5sum <"$nt" | cut -c1-32)
  if grep -qx "$1 $key" "$VDB/loaded" 2>/dev/null; then
    log "Virtuoso holds $nt already (same digest)"
    printf 'info-virtuoso-load-%s\tms=cached lines=%s\n' "$1" "$(wc -l <"$nt")" >>"$RAW"
  else
    if grep -q "^$1 " "$VDB/loaded" 2>/dev/null; then
      bash "$VS" clear "$VDB" "urn:bench:$1" >/dev/null 2>&1
      grep -v "^$1 " "$VDB/loaded" >"$TMP/loaded"; cp "$TMP/loaded" "$VDB/loaded"
    fi
    log "loading $nt into Virtuoso"
    t0=$(date +%s%N)
    if ! bash "$VS" load "$VDB" "$nt" "urn:bench:$1" >"$TMP/vload" 2>&1; then
      log "Virtuoso could not load $nt ($(tail -n 2 "$TMP/vload" | tr '\n' ' ')): no anchor for $1"
      return 0
    fi
    printf 'info-virtuoso-load-%s\tms=%s lines=%s\n' "$1" $(( ($(date +%s%N) - t0) / 1000000 )) "$(wc -l <"$nt")" >>"$RAW"
    echo "$1 $key" >>"$VDB/loaded"
  fi
  vurl="$VBASE$SPARQL_PATH&default-graph-uri=urn%3Abench%3A$1"
  fetch "virtuoso-$1" "$vurl" || { log "Virtuoso did not answer: no anchor for $1"; return 0; }
  if ! python3 "$SAME" "$OUT/work/$1-sparql.json" "$OUT/work/virtuoso-$1.json" >"$TMP/same" 2>&1; then
    log "Virtuoso's rows differ from ours on $1: not timed"; cat "$TMP/same" >&2
    printf 'info-virtuoso-rows-%s\tdiffer\n' "$1" >>"$RAW"
    return 0
  fi
  printf 'info-virtuoso-rows-%s\tsame\n' "$1" >>"$RAW"
  SLOG=
  DRAIN=$(cat "$VDB/virtuoso.pid")
  warm "$vurl" 10
  run_wrk "$1-virtuoso-sparql-c$CONNS" "$THREADS" "$CONNS" "$rdur" "$vurl"
  run_wrk "$1-virtuoso-sparql-c1" 1 1 "$LAT_DURATION" "$vurl"
  vr=$(ps -o rss= -p "$(cat "$VDB/virtuoso.pid")" | tr -d ' ')
  printf 'info-virtuoso-rss-%s\tkb=%s\n' "$1" "$vr" >>"$RAW"
}

# ---------------------------------------------------------------- one store
# bench_store LABEL STORE
bench_store() {
  label=$1 st=$2 rdur=$DURATION
  [ "$label" = big ] && rdur=$BIG_DURATION
  store_ok "$st" || die "cannot read $st"
  printf 'info-store-%s\ttriples=%s graphs=%s path=%s\n' "$label" "$(triples_in)" "$(graphs_in)" "$st" >>"$RAW"
  start_server "$label" "$st"
  sample_rss "$label" start
  fetch "$label-named" "$BASE$NAMED_PATH" || die "the named query failed on $label"
  fetch "$label-sparql" "$BASE$SPARQL_PATH" || die "the SPARQL query failed on $label"
  if python3 "$SAME" "$OUT/work/$label-named.json" "$OUT/work/$label-sparql.json" >"$TMP/same" 2>&1; then
    rows=$(awk -F'\t' 'NR == 1 { print $2 + 0 }' "$TMP/same")
    printf 'info-rows-%s\trows=%s same=yes bytes=%s\n' "$label" "$rows" "$(wc -c <"$OUT/work/$label-named.json")" >>"$RAW"
  else
    log "the named query and the SPARQL query differ on $label:"; cat "$TMP/same" >&2
    printf 'info-rows-%s\trows=? same=no\n' "$label" >>"$RAW"
  fi
  warm "$BASE$NAMED_PATH" 10
  warm "$BASE$SPARQL_PATH" 10
  sample_rss "$label" warm
  run_wrk "$label-named-c$CONNS" "$THREADS" "$CONNS" "$rdur" "$BASE$NAMED_PATH"
  run_wrk "$label-sparql-c$CONNS" "$THREADS" "$CONNS" "$rdur" "$BASE$SPARQL_PATH"
  run_wrk "$label-named-c1" 1 1 "$LAT_DURATION" "$BASE$NAMED_PATH"
  run_wrk "$label-sparql-c1" 1 1 "$LAT_DURATION" "$BASE$SPARQL_PATH"
  sample_rss "$label" after-runs
  case " $SOAK_STORES " in
    *" $label "*) [ "$SOAK" -gt 0 ] && soak "$label" ;;
  esac
  now=$(pgrep -P "$SPID" | sort -n | tr '\n' ' ')
  [ "$now" = "$WPIDS" ] || { log "workers changed during the run: $WPIDS -> $now"; printf 'info-workers-%s\treplaced\n' "$label" >>"$RAW"; }
  grep -E 'killed by signal|stopped with status' "$SLOG" >&2
  stop_server
  anchor "$label" "$st"
}

# ---------------------------------------------------------------- run
printf 'info-machine\t%s; %s CPUs; load average before: %s\n' "$(uname -sr)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW"
printf 'info-date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" >>"$RAW"
printf 'info-wrk\t%s\n' "$(wrk -v 2>&1 | head -n 1)" >>"$RAW"
# the build measured: HEAD, and whether src/ differs from it (read-only git)
b=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null) &&
  { GIT_OPTIONAL_LOCKS=0 git -C "$TOP" diff --quiet HEAD -- src 2>/dev/null || b="$b + uncommitted changes in src/"; }
printf 'info-build\t%s\n' "${b:-unknown}" >>"$RAW"
for s in $STORES; do
  case $s in
    seed)
      rm -rf "$SEEDST"
      "$KGB" --store "$SEEDST" load "$SEEDMD" 2>"$TMP/err" || die "load of the seed failed: $(cat "$TMP/err")"
      bench_store seed "$SEEDST" ;;
    big)
      find_big
      bench_store big "$BIG" ;;
    *) die "STORES: seed or big, not $s" ;;
  esac
done
printf 'info-load-after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW"

# ---------------------------------------------------------------- report
CONNS=$CONNS WORKERS=$WORKERS WRK_TIMEOUT=$WRK_TIMEOUT sh "$TOP/bench/serve/report.sh" "$RAW" "$RSS" >"$OUT/results.md" || exit 2
bench_erase
cat "$OUT/results.md"
