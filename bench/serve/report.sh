#!/bin/sh
# report.sh RAW RSS - the Markdown results of bench/serve_bench.sh (its
# raw.tsv and rss.tsv) on stdout: the runs, the soak and the workers'
# memory, and the targets of the issue, each met or not.
set -u
RAW=$1 RSS=$2
CONNS=${CONNS:-16}

# get NAME KEY: the value of KEY=... on the line of NAME ('' if none)
get() {
  awk -F'\t' -v n="$1" -v k="$2" '$1 == n {
      m = split($2, f, " ")
      for(i = 1; i <= m; i++) if(index(f[i], k "=") == 1) v = substr(f[i], length(k) + 2)
    } END { print v }' "$RAW"
}
info() { awk -F'\t' -v n="$1" '$1 == n { v = $2 } END { print v }' "$RAW"; }
ms() { [ -n "$1" ] && awk -v u="$1" 'BEGIN { printf(u < 10000 ? "%.2f" : "%.1f", u / 1000) }' || printf -- '-'; }
num() { [ -n "$1" ] && awk -v x="$1" 'BEGIN { printf "%.0f", x }' || printf -- '-'; }
yes() { awk "BEGIN { exit !($1) }" && echo "met" || echo "**not met**"; }
errs() {
  r=$(get "$1" requests)
  [ -n "$r" ] || { printf -- '-'; return; }
  awk -v c="$(get "$1" connect)" -v rd="$(get "$1" read)" -v w="$(get "$1" write)" \
      -v t="$(get "$1" timeout)" -v s="$(get "$1" status)" \
      'BEGIN { printf "%d / %d", c + rd + w + t, s }'
}

echo "Machine: $(info info-machine); after the run: $(info info-load-after)."
echo "$(info info-date); $(info info-wrk | sed 's/ Copyright.*//'); \`mednum-kg serve --workers ${WORKERS:-2}\`"
echo "on 127.0.0.1 (build $(info info-build)), wrk on the same machine (client and server share the CPUs)."
v=$(info info-virtuoso)
[ -n "$v" ] && echo "Anchor: $v, ../shared/bench/engines/virtuoso.sh (ServerThreads 4, NumberOfBuffers 170000)."
echo
for s in seed big; do
  st=$(info "info-store-$s")
  [ -n "$st" ] || continue
  echo "* $s store: $(get "info-store-$s" triples) triples in $(get "info-store-$s" graphs) graphs ($(get "info-store-$s" path));"
  echo "  the mission's question: $(get "info-rows-$s" rows) rows, $(get "info-rows-$s" bytes) bytes of JSON;"
  echo "  named query and SPARQL give the same rows: $(get "info-rows-$s" same);"
  vr=$(info "info-virtuoso-rows-$s")
  vl=$(get "info-virtuoso-load-$s" ms)
  case $vl in cached) vl="loaded by an earlier run, same digest" ;; ?*) vl="loaded in $vl ms" ;; esac
  [ -n "$vr" ] && echo "  Virtuoso's rows ($(get "info-virtuoso-load-$s" lines) N-Triples lines, $vl): $vr as ours; Virtuoso's RSS after its runs $(num "$(awk -v k="$(get "info-virtuoso-rss-$s" kb)" 'BEGIN { print k / 1024 }')") MB."
done
echo
echo "| store | endpoint | query | connections | requests | errors (socket / non-2xx) | requests/s | p50 ms | p90 ms | p99 ms | max ms | in the worker p50 / p99 ms | load average |"
echo "|---|---|---|---:|---:|---|---:|---:|---:|---:|---:|---|---:|"
awk -F'\t' '$1 !~ /^info-/ { print $1 }' "$RAW" | while read -r n; do
  case $n in
    *-soak) s=${n%-soak} e=mednum-kg q="named + sparql in turn" c=$CONNS ;;
    *) s=${n%%-*}
       rest=${n#*-}
       case $rest in virtuoso-*) e=Virtuoso rest=${rest#virtuoso-} ;; *) e=mednum-kg ;; esac
       q=${rest%-c*} c=${rest##*-c} ;;
  esac
  srv=-
  [ -n "$(get "$n" srv_p50_ms)" ] && srv="$(get "$n" srv_p50_ms) / $(get "$n" srv_p99_ms)"
  echo "| $s | $e | $q | $c | $(get "$n" requests) | $(errs "$n") | $(num "$(get "$n" rps)") | $(ms "$(get "$n" p50_us)") | $(ms "$(get "$n" p90_us)") | $(ms "$(get "$n" p99_us)") | $(ms "$(get "$n" max_us)") | $srv | $(get "$n" load1) |"
done
echo
echo "\"in the worker\": the time the worker's access log gives (request received to"
echo "answer handed to the socket), so the rest of wrk's latency is queueing and the client."
echo "Load average: the 1-minute load average of the machine when the run started."

# ---------------------------------------------------------------- memory
if [ "$(wc -l <"$RSS")" -gt 1 ]; then
  echo
  echo "Memory of every worker, KB (RSS from \`ps -o rss=\`, which counts the store's"
  echo "pages the worker mapped and touched / RssAnon from /proc: its own heap):"
  echo
  echo "| store | worker | start | after warm-up | after the runs | before the soak | soak: first sample | soak: largest | after the soak | growth: after − before the soak | trend: last − first quarter of the soak samples |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' -f "$(dirname "$0")/rss.awk" -v table=1 "$RSS"
fi

# ---------------------------------------------------------------- targets
echo
echo "| target (issue) | figure | |"
echo "|---|---|---|"
p50=$(get seed-named-c1 p50_us)
[ -n "$p50" ] && echo "| seed store, named query over HTTP, p50 ≤ 5 ms (one connection) | $(ms "$p50") ms (with $CONNS connections: $(ms "$(get "seed-named-c$CONNS" p50_us)") ms, queueing included) | $(yes "$p50 <= 5000") |"
rps=$(get "seed-named-c$CONNS" rps)
[ -n "$rps" ] && echo "| seed store, named query, ≥ 1,000 requests/s on 2 cores ($CONNS connections) | $(num "$rps")/s | $(yes "$rps >= 1000") |"
vr=$(get "seed-virtuoso-sparql-c$CONNS" rps)
if [ -n "$vr" ]; then
  for q in sparql named; do
    o=$(get "seed-$q-c$CONNS" rps)
    [ -n "$o" ] && echo "| seed store, $q within 2× of Virtuoso's throughput (its SPARQL, $CONNS connections) | $(num "$o")/s against $(num "$vr")/s: Virtuoso ×$(awk -v a="$vr" -v b="$o" 'BEGIN { printf "%.2f", a / b }') | $(yes "$vr <= 2 * $o") |"
  done
else
  echo "| seed store, within 2× of Virtuoso's throughput | no anchor in this run | not judged |"
fi
vb=$(get "big-virtuoso-sparql-c$CONNS" rps)
ob=$(get "big-sparql-c$CONNS" rps)
[ -n "$vb" ] && [ -n "$ob" ] && echo "| (1,000-report store, sparql, for the record) | $(num "$ob")/s against Virtuoso's $(num "$vb")/s: Virtuoso ×$(awk -v a="$vb" -v b="$ob" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }') | — |"
b99=$(get "big-named-c$CONNS" p99_us)
if [ -n "$b99" ]; then
  b1=$(get big-named-c1 p99_us)
  echo "| 1,000-report store, the mission's question (named), p99 < 50 ms ($CONNS connections) | $(ms "$b99") ms (one connection: $(ms "$b1") ms) | $(yes "$b99 < 50000") |"
fi
tot=$(awk -F'\t' '$1 !~ /^info-/ {
    m = split($2, f, " ")
    for(i = 1; i <= m; i++) {
      split(f[i], kv, "=")
      if(kv[1] ~ /^(connect|read|write)$/) so += kv[2]
      if(kv[1] == "timeout") to += kv[2]
      if(kv[1] == "status") st += kv[2]
      if(kv[1] == "requests") r += kv[2]
    }
  } END { printf "%d %d %d %d %d", so + to + st, r, to, so, st }' "$RAW")
set -- $tot
echo "| zero failed requests (every run above; wrk --timeout ${WRK_TIMEOUT:-30s}) | $1 failed of $2 (timeouts $3, other socket errors $4, non-2xx $5) | $(yes "$1 == 0") |"
if grep -q 'soak-' "$RSS"; then
  set -- $(awk -F'\t' -f "$(dirname "$0")/rss.awk" -v table=0 "$RSS")
  n=$(get "seed-soak" requests)
  echo "| no memory growth in the soak ($n requests): RSS of the worst worker, after − before the soak / trend over the soak samples, each ≤ 1 MB | $1 KB / $2 KB | $(yes "$1 <= 1024 && $2 <= 1024") |"
fi
[ -n "$(info info-workers-seed)$(info info-workers-big)" ] && echo "| workers | a worker was replaced during the run | **not met** |"
exit 0
