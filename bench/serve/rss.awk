# rss.awk - the workers' memory samples of bench/serve_bench.sh (rss.tsv:
# store, when, worker, rss_kb, anon_kb), for bench/serve/report.sh.
#   -v table=1: one Markdown row per worker (RSS / RssAnon, KB)
#   -v table=0: "GROWTH TREND", the worst worker's RSS growth from before
#               to after the soak and the mean of the last quarter of its
#               soak samples minus the mean of the first quarter, KB
NR > 1 {
  key = $1 SUBSEP $3
  if(!(key in seen)) { seen[key] = 1; order[++n] = key }
  v = $4 " / " $5
  if($2 == "start") st[key] = v
  else if($2 == "warm") wa[key] = v
  else if($2 == "after-runs") ar[key] = v
  else if($2 == "before-soak") { bs[key] = v; bl[key] = $4; ba[key] = $5 }
  else if($2 == "after-soak") { as[key] = v; al[key] = $4; aa[key] = $5 }
  else if($2 ~ /^soak-/) {
    k = ++ns[key]; sr[key, k] = $4; sa[key, k] = $5
    if(k == 1) fs[key] = v
    if($4 + 0 > mr[key] + 0) mr[key] = $4
    if($5 + 0 > ma[key] + 0) ma[key] = $5
  }
}
function d(x) { return (x == "") ? "-" : x }
# trend KEY ARRAY: mean of the last quarter of the samples minus the first's
function trend(key, arr,   m, q, i, a, b) {
  m = ns[key]
  if(m < 4) return ""
  q = int(m / 4)
  for(i = 1; i <= q; i++) { a += arr[key, i]; b += arr[key, m - q + i] }
  return sprintf("%+.0f", (b - a) / q)
}
END {
  worst_g = -1e18; worst_t = -1e18
  for(i = 1; i <= n; i++) {
    k = order[i]; split(k, p, SUBSEP)
    g = ""; ga = ""
    if(k in bs && k in as) { g = al[k] - bl[k]; ga = aa[k] - ba[k] }
    tr = trend(k, sr); ta = trend(k, sa)
    if(table)
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p[1], p[2], d(st[k]), d(wa[k]), d(ar[k]),
        d(bs[k]), d(fs[k]), (k in mr) ? mr[k] " / " ma[k] : "-", d(as[k]),
        (g == "") ? "-" : sprintf("%+d / %+d", g, ga),
        (tr == "") ? "-" : tr " / " ta " (" ns[k] " samples)"
    else if(g != "") {
      if(g + 0 > worst_g) worst_g = g + 0
      if(tr != "" && tr + 0 > worst_t) worst_t = tr + 0
    }
  }
  if(!table) printf "%+d %+d\n", (worst_g == -1e18) ? 0 : worst_g, (worst_t == -1e18) ? 0 : worst_t
}
