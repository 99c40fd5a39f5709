#!/bin/sh
# store_bench.sh - extract, load, export, stats/validate and named-query
# timings against DESIGN.md section 9; run by `make bench`.
#
# Knobs (environment): KG (binary, required), TOP (project root),
# OUT (default $TOP/bench/out/store), REPORTS (1000), SEED (1),
# RUNS (3: runs of the slow steps), QRUNS (5: runs of the fast ones; a
# named query on the big store runs once, killed after QTIMEOUT s),
# ONLY_QUERIES=1 (keep the stores and figures of the last run, time the
# named queries again).  Every figure is the median of its runs; memory is
# the largest max RSS (/usr/bin/time %M) of the runs.
# Writes $OUT/raw.tsv (name, median us, max KB, exit status) and
# $OUT/results.md (made from raw.tsv; printed at the end).
set -u
: "${KG:?set KG to the mednum-kg binary}"
TOP=${TOP:-$(cd "$(dirname "$0")/.." && pwd)}
OUT=${OUT:-$TOP/bench/out/store}
REPORTS=${REPORTS:-1000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
QRUNS=${QRUNS:-5}
QTIMEOUT=${QTIMEOUT:-120}     # seconds per named query on the big store
ONLY_QUERIES=${ONLY_QUERIES:-}  # 1: reuse the stores, time the queries only
SEEDMD=$TOP/data/nec-cvl-2024.md
TIME=/usr/bin/time
export LC_ALL=C TZ=UTC
unset MEDNUM_KG_STORE

[ -x "$TIME" ] || { echo "store_bench: $TIME is missing (apt-get install time)" >&2; exit 2; }
command -v rapper >/dev/null || { echo "store_bench: rapper is missing (raptor2-utils)" >&2; exit 2; }
mkdir -p "$OUT" || exit 2
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT
RAW=$OUT/raw.tsv
if [ -n "$ONLY_QUERIES" ]; then
  [ -f "$RAW" ] || { echo "store_bench: no previous run in $OUT" >&2; exit 2; }
  grep -v '^query-' "$RAW" >"$TMP/raw" && cp "$TMP/raw" "$RAW"
else
  : >"$RAW"
fi

BENCH_NAME=store_bench
. "$TOP/bench/progress.sh"
log() { bench_erase; echo "store_bench: $*" >&2; }

# timed CMD...: runs once; sets T_US (wall, microseconds), T_KB (max RSS),
# T_RC; stdout goes to $T_OUT (default /dev/null)
timed() {
  t0=$(date +%s%N)
  "$TIME" -f %M -o "$TMP/rss" "$@" >"${T_OUT:-/dev/null}" 2>"$TMP/err"
  T_RC=$?
  t1=$(date +%s%N)
  T_US=$(( (t1 - t0) / 1000 ))
  T_KB=$(tail -n 1 "$TMP/rss")
  case $T_KB in *[!0-9]*|'') T_KB=0 ;; esac
}

median() { sort -n | awk '{ v[NR] = $1 } END { if(NR) print v[int((NR + 1) / 2)]; else print 0 }'; }
maxof() { sort -n | tail -n 1; }
ms() { awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }'; }

# measure NAME N CMD...: N runs; records name, median µs, max KB, status
measure() {
  name=$1 n=$2
  shift 2
  : >"$TMP/us"; : >"$TMP/kb"; rc=0
  i=0
  while [ "$i" -lt "$n" ]; do
    bench_progress "$name" $((i + 1)) "$n" "${T_US:-}"
    timed "$@"
    [ "$T_RC" -ne 0 ] && rc=$T_RC
    echo "$T_US" >>"$TMP/us"
    echo "$T_KB" >>"$TMP/kb"
    i=$((i + 1))
  done
  M_US=$(median <"$TMP/us")
  M_KB=$(maxof <"$TMP/kb")
  M_RC=$rc
  printf '%s\t%s\t%s\t%s\n' "$name" "$M_US" "$M_KB" "$M_RC" >>"$RAW"
  if [ "$rc" -ne 0 ]; then
    log "$name: exit $rc: $(head -c 300 "$TMP/err")"
  fi
}

# fresh_load STORE FILES...: one load into an empty store (for measure)
fresh_load() {
  st=$1
  shift
  rm -rf "$st"
  "$KG" --store "$st" load "$@"
}

triples_of() { "$KG" --store "$1" stats -f tsv | awk -F'\t' '$1 == "total" && $2 == "triples" { print $5 }'; }

SEEDST=$OUT/seed.store
BIGST=$OUT/big.store
if [ -z "$ONLY_QUERIES" ]; then
# ---------------------------------------------------------------- corpus
CORPUS=$OUT/corpus-$REPORTS-$SEED
if [ ! -f "$CORPUS/.done" ]; then
  log "generating $REPORTS reports (seed $SEED) in $CORPUS"
  rm -rf "$CORPUS"
  python3 "$TOP/bench/gen_reports.py" --count "$REPORTS" --seed "$SEED" "$CORPUS" >&2 || exit 2
  touch "$CORPUS/.done"
fi
CBYTES=$(cat "$CORPUS"/*.md | wc -c)
SBYTES=$(wc -c <"$SEEDMD")
printf "info-corpus-bytes\t%s\t0\t0\ninfo-seed-bytes\t%s\t0\t0\n" "$CBYTES" "$SBYTES" >>"$RAW"

# ---------------------------------------------------------------- extract
log "extract: seed report"
measure extract-seed "$QRUNS" "$KG" extract "$SEEDMD"
E_SEED_US=$M_US E_SEED_KB=$M_KB
log "extract: corpus ($CBYTES bytes)"
measure extract-corpus "$RUNS" "$KG" extract -f ntriples --no-reference "$CORPUS"/*.md
E_CORP_US=$M_US E_CORP_KB=$M_KB

# ---------------------------------------------------------------- load
log "load: seed report"
measure load-seed "$QRUNS" sh -c 'rm -rf "$1" && "$2" --store "$1" load "$3"' sh "$SEEDST" "$KG" "$SEEDMD"
L_SEED_US=$M_US L_SEED_KB=$M_KB
L_SEED_T=$(triples_of "$SEEDST")
printf "info-seed-triples\t%s\t0\t0\n" "$L_SEED_T" >>"$RAW"
log "load: $REPORTS reports (extract + store), $RUNS runs"
measure load-corpus "$RUNS" sh -c 'rm -rf "$1" && shift && "$@"' sh "$BIGST" "$KG" --store "$BIGST" load "$CORPUS"/*.md
L_CORP_US=$M_US L_CORP_KB=$M_KB
L_CORP_T=$(triples_of "$BIGST")
printf "info-big-triples\t%s\t0\t0\n" "$L_CORP_T" >>"$RAW"

# the same graph as one N-Triples file: the store alone, no extraction
log "export: N-Triples of the $REPORTS-report store"
T_OUT=$TMP/big.nt
measure export-ntriples "$RUNS" "$KG" --store "$BIGST" export -f ntriples
T_OUT=
cp "$TMP/big.nt" "$OUT/big.nt"
X_NT_US=$M_US X_NT_KB=$M_KB
NT_LINES=$(wc -l <"$OUT/big.nt")
printf "info-nt-lines\t%s\t0\t0\n" "$NT_LINES" >>"$RAW"
NTST=$OUT/nt.store
log "load: $NT_LINES triples from N-Triples"
measure load-ntriples "$RUNS" sh -c 'rm -rf "$1" && "$2" --store "$1" load --no-reference "$3"' sh "$NTST" "$KG" "$OUT/big.nt"
L_NT_US=$M_US L_NT_KB=$M_KB
rm -rf "$NTST"

# ---------------------------------------------------------------- export
log "export: Turtle vs rapper"
measure export-turtle "$RUNS" "$KG" --store "$BIGST" export -f turtle
X_TTL_US=$M_US X_TTL_KB=$M_KB
measure rapper-turtle "$RUNS" rapper -q -i ntriples -o turtle "$OUT/big.nt"
R_TTL_US=$M_US R_TTL_KB=$M_KB
measure export-dcat "$QRUNS" "$KG" --store "$BIGST" export --dcat --publisher bench
X_DCAT_US=$M_US

# ---------------------------------------------------------------- stats, validate
measure stats-seed "$QRUNS" "$KG" --store "$SEEDST" stats
S_SEED_US=$M_US S_SEED_KB=$M_KB
measure stats-big "$QRUNS" "$KG" --store "$BIGST" stats
S_BIG_US=$M_US S_BIG_KB=$M_KB
measure validate-seed "$QRUNS" "$KG" --store "$SEEDST" validate
V_SEED_US=$M_US V_SEED_RC=$M_RC
measure validate-big "$RUNS" "$KG" --store "$BIGST" validate
V_BIG_US=$M_US V_BIG_KB=$M_KB V_BIG_RC=$M_RC

fi

# ---------------------------------------------------------------- queries
"$KG" queries >"$TMP/queries" 2>/dev/null
awk -f "$TOP/bench/query_lines.awk" "$TMP/queries" >"$TMP/qlines"
while IFS= read -r qline; do
  q=${qline%%"$(printf '\t')"*}
  # split on tabs into positional parameters (values may hold spaces)
  oldifs=$IFS; IFS="$(printf '\t')"; set -- $qline; IFS=$oldifs
  shift
  measure "query-seed-$q" "$QRUNS" "$KG" --store "$SEEDST" query -f tsv "$@" "$q"
  qs=$M_US qsk=$M_KB qsr=$M_RC
  measure "query-big-$q" 1 timeout "$QTIMEOUT" "$KG" --store "$BIGST" query -f tsv "$@" "$q"
  printf 'query-args-%s\t0\t0\t0\t%s\n' "$q" "$*" >>"$RAW"
done <"$TMP/qlines"

# ---------------------------------------------------------------- report
rate() { awk -v n="$1" -v u="$2" 'BEGIN { if(u > 0) printf "%.0f", n / (u / 1e6); else print "-" }'; }
mbps() { awk -v b="$1" -v u="$2" 'BEGIN { if(u > 0) printf "%.2f", b / 1e6 / (u / 1e6); else print "-" }'; }
ok() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { r = (op == "<=") ? (a <= b) : (a >= b); print r ? "met" : "**not met**" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

get() { awk -F'\t' -v n="$1" -v f="$2" '$1 == n { v = $f } END { print (v == "" ? 0 : v) }' "$RAW"; }
E_SEED_US=$(get extract-seed 2) E_SEED_KB=$(get extract-seed 3)
E_CORP_US=$(get extract-corpus 2) E_CORP_KB=$(get extract-corpus 3)
L_SEED_US=$(get load-seed 2) L_SEED_KB=$(get load-seed 3)
L_CORP_US=$(get load-corpus 2) L_CORP_KB=$(get load-corpus 3)
X_NT_US=$(get export-ntriples 2) X_NT_KB=$(get export-ntriples 3)
L_NT_US=$(get load-ntriples 2) L_NT_KB=$(get load-ntriples 3)
X_TTL_US=$(get export-turtle 2) X_TTL_KB=$(get export-turtle 3)
R_TTL_US=$(get rapper-turtle 2) R_TTL_KB=$(get rapper-turtle 3)
X_DCAT_US=$(get export-dcat 2)
S_SEED_US=$(get stats-seed 2) S_SEED_KB=$(get stats-seed 3)
S_BIG_US=$(get stats-big 2) S_BIG_KB=$(get stats-big 3)
V_SEED_US=$(get validate-seed 2) V_SEED_RC=$(get validate-seed 4)
V_BIG_US=$(get validate-big 2) V_BIG_KB=$(get validate-big 3) V_BIG_RC=$(get validate-big 4)
CBYTES=$(get info-corpus-bytes 2) SBYTES=$(get info-seed-bytes 2)
L_SEED_T=$(get info-seed-triples 2) L_CORP_T=$(get info-big-triples 2)
NT_LINES=$(get info-nt-lines 2)
E_MBS=$(mbps "$CBYTES" "$E_CORP_US")
L_RATE=$(rate "$L_CORP_T" "$L_CORP_US")
L_NT_RATE=$(rate "$NT_LINES" "$L_NT_US")
X_RATIO=$(awk -v a="$R_TTL_US" -v b="$X_TTL_US" 'BEGIN { if(b > 0) printf "%.2f", a / b; else print "-" }')
{
  echo "Corpus: $REPORTS reports (bench/gen_reports.py --seed $SEED), $CBYTES bytes;"
  echo "seed report $SBYTES bytes.  Seed store: $L_SEED_T triples; $REPORTS-report store:"
  echo "$L_CORP_T triples ($NT_LINES in its N-Triples export)."
  echo "Medians of $RUNS runs (slow steps) or $QRUNS runs (fast ones); memory = max RSS."
  echo
  echo "| measure | figure | target (DESIGN §9) | |"
  echo "|---|---|---|---|"
  echo "| extract the seed report, wall incl. start-up | $(ms "$E_SEED_US") ms, $(mb "$E_SEED_KB") MB | ≤ 50 ms | $(ok "$E_SEED_US" "<=" 50000) |"
  echo "| extract the corpus (\`extract -f ntriples --no-reference\`) | $E_MBS MB/s ($(ms "$E_CORP_US") ms), $(mb "$E_CORP_KB") MB | ≥ 10 MB/s | $(ok "$E_MBS" ">=" 10) |"
  echo "| load the seed report (extract + store + reference) | $(ms "$L_SEED_US") ms, $(mb "$L_SEED_KB") MB | — | |"
  echo "| load the corpus (extract + store), triples/s | $L_RATE ($(ms "$L_CORP_US") ms), $(mb "$L_CORP_KB") MB | ≥ 150k/s | $(ok "$L_RATE" ">=" 150000) |"
  echo "| load its N-Triples export (store only), triples/s | $L_NT_RATE ($(ms "$L_NT_US") ms), $(mb "$L_NT_KB") MB | ≥ 150k/s | $(ok "$L_NT_RATE" ">=" 150000) |"
  echo "| export Turtle | $(ms "$X_TTL_US") ms, $(mb "$X_TTL_KB") MB | | |"
  echo "| \`rapper -i ntriples -o turtle\` on the same graph | $(ms "$R_TTL_US") ms, $(mb "$R_TTL_KB") MB | | |"
  echo "| export Turtle throughput / rapper's | $X_RATIO× | ≥ 0.8× | $(ok "$X_RATIO" ">=" 0.8) |"
  echo "| export N-Triples (streamed) | $(ms "$X_NT_US") ms, $(mb "$X_NT_KB") MB | | |"
  echo "| export --dcat (counts + description) | $(ms "$X_DCAT_US") ms | | |"
  echo "| stats, seed / $REPORTS-report store | $(ms "$S_SEED_US") / $(ms "$S_BIG_US") ms, $(mb "$S_BIG_KB") MB | | |"
  echo "| validate (8 rules), seed / $REPORTS-report store | $(ms "$V_SEED_US") / $(ms "$V_BIG_US") ms (exit $V_SEED_RC / $V_BIG_RC), $(mb "$V_BIG_KB") MB | | |"
  echo "| peak memory, seed (extract / load / stats) | $(mb "$E_SEED_KB") / $(mb "$L_SEED_KB") / $(mb "$S_SEED_KB") MB | ≤ 64 MB | $(ok "$(echo "$E_SEED_KB $L_SEED_KB $S_SEED_KB" | tr ' ' '\n' | maxof)" "<=" 65536) |"
  echo
  awk -F'\t' '$1 ~ /^query-seed-/ { print substr($1, 12) }' "$RAW" >"$TMP/qn"
  if [ -s "$TMP/qn" ]; then
    echo "| named query (parameters) | seed store ms | exit | $REPORTS-report store ms | exit | max RSS MB | ≤ 20 ms seed / ≤ 1 s big |"
    echo "|---|---|---|---|---|---|---|"
    while read -r q; do
      qs=$(get "query-seed-$q" 2) qsr=$(get "query-seed-$q" 4)
      qb=$(get "query-big-$q" 2) qbk=$(get "query-big-$q" 3) qbr=$(get "query-big-$q" 4)
      qargs=$(get "query-args-$q" 5)
      [ "$qargs" = 0 ] && qargs=
      [ "$qbr" = 124 ] && qbr="timeout"
      echo "| $q${qargs:+ \`$qargs\`} | $(ms "$qs") | $qsr | $(ms "$qb") | $qbr | $(mb "$qbk") | $(ok "$qs" "<=" 20000) / $(ok "$qb" "<=" 1000000) |"
    done <"$TMP/qn"
  else
    echo "No named query listed by \`mednum-kg queries\`."
  fi
} >"$OUT/results.md"
bench_erase
cat "$OUT/results.md"
