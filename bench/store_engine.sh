#!/bin/sh
# store_engine.sh - the store engine on growing stores (issue 10 figures):
# for each size, one load of every report's N-Triples in one command
# (store only: the extractor is measured by store_bench.sh), bytes per
# triple on disk, adding / replacing / removing one report (the seed,
# extracted: what a user does), the named queries (p50 and max), peak
# memory; side by side with the first store format (BDB) when BDB_KG
# names a binary of mednum-kg 0.x, and with Virtuoso's bulk loader on the
# same N-Triples when virtuoso-t is installed.  Run by `make bench-store`.
#
# Knobs (environment): KG (required), TOP, OUT (bench/out/engine),
# SIZES ("300 1000 10000"), BASE (1000: reports generated and extracted;
# a larger size is made of BASE's N-Triples renamed, copy k with
# /id/ -> /id/vk/), BDB_KG (a mednum-kg 0.x binary), BDB_MAX (1000: the
# largest size given to it: at 2 KB per triple it would need 40 GB for
# 10,000 reports), QRUNS (5), VIRTUOSO (1: when installed).
# Everything it generates, loads and measures goes in OUT and is deleted
# at the end, except OUT/results.md, OUT/raw.tsv and the BASE extraction
# (OUT/nt-BASE, reused).
set -u
: "${KG:?set KG to the mednum-kg binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
OUT=${OUT:-$TOP/bench/out/engine}
SIZES=${SIZES:-300 1000 10000}
BASE=${BASE:-1000}
BDB_KG=${BDB_KG:-}
BDB_MAX=${BDB_MAX:-1000}
QRUNS=${QRUNS:-5}
VIRTUOSO=${VIRTUOSO:-1}
SEEDMD=$TOP/data/nec-cvl-2024.md
TIME=/usr/bin/time
export LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE

[ -x "$TIME" ] || { echo "store_engine: $TIME is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$OUT" || exit 2
RAW=$OUT/raw.tsv
: >"$RAW"
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP" "$OUT/work"' EXIT
BENCH_NAME=store_engine
. "$TOP/bench/progress.sh"
log() { bench_erase; echo "store_engine: $*" >&2; }

# timed CMD...: one run; T_US (wall µs), T_KB (max RSS, which counts the
# store's pages the process mapped), T_RC; with SAMPLE=1, T_ANON (peak
# anonymous memory, KB: the process's own, sampled every 0.1 s by a
# second process, so not for the timed queries)
SAMPLE=0
timed() {
  bench_progress "$(bench_label "$@")"
  t0=$(date +%s%N)
  "$TIME" -f %M -o "$TMP/rss" "$@" >/dev/null 2>"$TMP/err" &
  tp=$!
  echo 0 >"$TMP/anon"
  [ "$SAMPLE" = 1 ] && { anon_peak "$tp" >"$TMP/anon" & }
  sp=$!
  wait "$tp"
  T_RC=$?
  t1=$(date +%s%N)
  [ "$SAMPLE" = 1 ] && wait "$sp"
  T_US=$(( (t1 - t0) / 1000 ))
  T_KB=$(tail -n 1 "$TMP/rss")
  T_ANON=$(cat "$TMP/anon")
  case $T_KB in *[!0-9]*|'') T_KB=0 ;; esac
  [ "$T_RC" = 0 ] || log "$*: exit $T_RC: $(head -c 300 "$TMP/err")"
}
# anon_peak PID: the largest RssAnon of PID's children (and theirs) while
# PID runs
anon_peak() {
  peak=0
  while kill -0 "$1" 2>/dev/null; do
    for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
      for d in "$c" $(cat /proc/"$c"/task/*/children 2>/dev/null); do
        a=$(awk '/^RssAnon:/ { print $2 }' /proc/"$d"/status 2>/dev/null)
        [ -n "$a" ] && [ "$a" -gt "$peak" ] && peak=$a
      done
    done
    sleep 0.1
  done
  echo "$peak"
}
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RAW"; }

# ---------------------------------------------------------------- data
NTBASE=$OUT/nt-$BASE
if [ ! -f "$NTBASE/.done" ]; then
  log "generating and extracting $BASE reports into $NTBASE"
  rm -rf "$NTBASE" "$TMP/md"
  python3 "$TOP/bench/gen_reports.py" --count "$BASE" --seed 1 "$TMP/md" >&2 || exit 2
  mkdir -p "$NTBASE"
  for f in "$TMP/md"/*.md; do
    "$KG" extract -f ntriples --no-reference "$f" >"$NTBASE/$(basename "$f" .md).nt" || exit 2
  done
  rm -rf "$TMP/md"
  touch "$NTBASE/.done"
fi

# files SIZE DIR: the N-Triples of SIZE reports in DIR (links, or renamed
# copies beyond BASE)
files() {
  n=$1 dir=$2 k=0
  rm -rf "$dir"
  mkdir -p "$dir"
  while [ $((k * BASE)) -lt "$n" ]; do
    left=$((n - k * BASE))
    ls "$NTBASE"/*.nt | head -n "$left" | while read -r f; do
      b=$(basename "$f" .nt)
      if [ "$k" = 0 ]; then ln -s "$f" "$dir/$b.nt"
      else sed "s|/mednum-kg/id/|/mednum-kg/id/v$k/|g" "$f" >"$dir/$b-v$k.nt"; fi
    done
    k=$((k + 1))
  done
}

triples_of() { "$1" --store "$2" stats -f tsv | awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }'; }

# queries: NAME<TAB>--param<TAB>k=v... lines, from `queries`
"$KG" queries >"$TMP/queries" 2>/dev/null
awk -f "$TOP/bench/query_lines.awk" "$TMP/queries" >"$TMP/qlines"

# engine NAME BIN SIZE DIR: every measure of one engine on one size
engine() {
  name=$1 bin=$2 size=$3 dir=$4 st=$OUT/work/$1.store
  rm -rf "$st"
  log "$name, $size reports: load"
  SAMPLE=1
  timed "$bin" --store "$st" load --no-reference "$dir"/*.nt
  t=$(triples_of "$bin" "$st")
  bytes=$(du -sb "$st" | cut -f1)
  record "$name-$size-load" "$T_US" "$T_KB" "$t"
  record "$name-$size-load-anon" "$T_ANON" 0 0
  record "$name-$size-bytes" "$bytes" 0 "$t"
  # one report, as a user adds it: extract, store, reference graph
  timed "$bin" --store "$st" load "$SEEDMD"
  record "$name-$size-add" "$T_US" "$T_KB" "$T_RC"
  record "$name-$size-add-anon" "$T_ANON" 0 0
  timed "$bin" --store "$st" load "$SEEDMD"
  record "$name-$size-replace" "$T_US" "$T_KB" "$T_RC"
  record "$name-$size-replace-anon" "$T_ANON" 0 0
  SAMPLE=0
  timed "$bin" --store "$st" unload "$SEEDMD"
  record "$name-$size-remove" "$T_US" "$T_KB" "$T_RC"
  timed "$bin" --store "$st" load "$SEEDMD"
  while IFS= read -r qline; do
    q=${qline%%"$(printf '\t')"*}
    oldifs=$IFS; IFS="$(printf '\t')"; set -- $qline; IFS=$oldifs
    shift
    : >"$TMP/qus"; mx=0; mkb=0; i=0
    while [ "$i" -lt "$QRUNS" ]; do
      timed timeout 120 "$bin" --store "$st" query -f tsv "$@" "$q"
      echo "$T_US" >>"$TMP/qus"
      [ "$T_US" -gt "$mx" ] && mx=$T_US
      [ "$T_KB" -gt "$mkb" ] && mkb=$T_KB
      i=$((i + 1))
    done
    p50=$(sort -n "$TMP/qus" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    record "$name-$size-query-$q" "$p50" "$mkb" "$mx"
  done <"$TMP/qlines"
  rm -rf "$st"
}

# virtuoso SIZE DIR: the bulk loader on the same N-Triples, one graph
virtuoso() {
  size=$1 dir=$2 vd=$OUT/work/virtuoso
  command -v virtuoso-t >/dev/null && [ "$VIRTUOSO" = 1 ] || return 0
  VS=$TOP/../shared/bench/engines/virtuoso.sh
  [ -f "$VS" ] || { log "no $VS: Virtuoso skipped"; return 0; }
  rm -rf "$vd" && mkdir -p "$vd/data"
  cat "$dir"/*.nt >"$vd/data/all.nt"
  export VIRT_ISQL_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export VIRT_HTTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  bash "$VS" start "$vd/db" "$vd/data" >"$TMP/vstart" 2>&1 || { log "virtuoso did not start: $(tail -3 "$TMP/vstart")"; return 0; }
  t0=$(date +%s%N)
  bash "$VS" load "$vd/db" "$vd/data/all.nt" "urn:bench" >"$TMP/vload" 2>&1
  rc=$?
  t1=$(date +%s%N)
  bytes=$(du -sb "$vd/db" | cut -f1)
  lines=$(wc -l <"$vd/data/all.nt")
  record "virtuoso-$size-load" $(( (t1 - t0) / 1000 )) 0 "$lines"
  record "virtuoso-$size-bytes" "$bytes" 0 "$lines"
  [ "$rc" = 0 ] || log "virtuoso load: $(tail -3 "$TMP/vload")"
  bash "$VS" stop "$vd/db" >/dev/null 2>&1
  rm -rf "$vd"
}

for size in $SIZES; do
  dir=$OUT/work/nt-$size
  files "$size" "$dir"
  engine lmdb "$KG" "$size" "$dir"
  if [ -n "$BDB_KG" ] && [ "$size" -le "$BDB_MAX" ]; then
    engine bdb "$BDB_KG" "$size" "$dir"
  fi
  virtuoso "$size" "$dir"
  rm -rf "$dir"
done

# ---------------------------------------------------------------- report
get() { awk -F'\t' -v n="$1" -v f="$2" '$1 == n { v = $f } END { print (v == "" ? "" : v) }' "$RAW"; }
ms() { [ -n "$1" ] && awk -v u="$1" 'BEGIN { printf "%.0f", u / 1000 }' || printf -- '-'; }
mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }' || printf -- '-'; }
rate() { [ -n "$2" ] && awk -v n="$1" -v u="$2" 'BEGIN { if(u > 0) printf "%.0f", n / (u / 1e6); else print "-" }' || printf -- '-'; }
bpt() { [ -n "$1" ] && awk -v b="$1" -v n="$2" 'BEGIN { if(n > 0) printf "%.0f", b / n; else print "-" }' || printf -- '-'; }
{
  echo "Stores of N reports: the N-Triples of each report (bench/gen_reports.py --seed 1,"
  echo "extracted once; beyond $BASE, copies with renamed IRIs), loaded in one command"
  echo "(\`load --no-reference FILES\`, one graph per file).  One report = the seed report,"
  echo "extracted and stored with the reference graph.  Queries: p50 / max of $QRUNS runs."
  echo
  echo "Peak MB: max RSS (with the store's pages the process mapped) / peak anonymous"
  echo "memory (the process's own, sampled every 0.1 s)."
  echo
  echo "| engine | reports | triples | load s | triples/s | peak MB | bytes/triple | add ms | replace ms | remove ms | add peak MB | replace peak MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for size in $SIZES; do
    for e in lmdb bdb virtuoso; do
      lu=$(get "$e-$size-load" 2)
      [ -n "$lu" ] || continue
      t=$(get "$e-$size-load" 4)
      pk=$(get "$e-$size-load" 3)
      [ "$e" = virtuoso ] && pk=      # a server: not measured
      echo "| $e | $size | $t | $(awk -v u="$lu" 'BEGIN { printf "%.1f", u / 1e6 }') | $(rate "$t" "$lu") | $(mb "$pk") / $(mb "$(get "$e-$size-load-anon" 2)") | $(bpt "$(get "$e-$size-bytes" 2)" "$t") | $(ms "$(get "$e-$size-add" 2)") | $(ms "$(get "$e-$size-replace" 2)") | $(ms "$(get "$e-$size-remove" 2)") | $(mb "$(get "$e-$size-add" 3)") / $(mb "$(get "$e-$size-add-anon" 2)") | $(mb "$(get "$e-$size-replace" 3)") / $(mb "$(get "$e-$size-replace-anon" 2)") |"
    done
  done
  echo
  echo "| named query | engine | $(echo $SIZES | sed 's/ / reports p50 \/ max ms | /g') reports p50 / max ms |"
  echo "|---|---|$(for s in $SIZES; do printf -- '---|'; done)"
  cut -f1 "$TMP/qlines" | while read -r q; do
    for e in lmdb bdb; do
      line="| $q | $e |"
      have=0
      for size in $SIZES; do
        p=$(get "$e-$size-query-$q" 2)
        [ -n "$p" ] && have=1
        line="$line $(ms "$p") / $(ms "$(get "$e-$size-query-$q" 4)") |"
      done
      [ "$have" = 1 ] && echo "$line"
    done
  done
} >"$OUT/results.md"
bench_erase
cat "$OUT/results.md"
