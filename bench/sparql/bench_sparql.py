#!/usr/bin/env python3
"""bench_sparql.py - `mednum-kg query` vs Oxigraph on the peer benchmark.

  make bench-sparql            (= BENCH_DIR=../shared/bench KG=build/mednum-kg
                                  python3 bench/sparql/bench_sparql.py --out bench/out/sparql)

For each size in SIZES (default "10000 100000"; add 1000000 for 1M triples;
"small" = $BENCH_DIR/data/small.ttl, a path = that Turtle file) the
data set is made by the peer benchmark's own generator, called where it lives
($BENCH_DIR/data/gen_data.py N --seed 42, cached in OUT/data/), and the 8
queries of $BENCH_DIR/queries/*.rq are run by
  * mednum-kg: one process per run,
      KG query --data gen-N.ttl -f json Q.rq      (-f ntriples for CONSTRUCT/DESCRIBE)
    median wall time of up to RUNS runs (stops repeating after QBUDGET s; one
    run longer than QTIMEOUT s is killed).  The load cost is the median of
      KG query --data gen-N.ttl -f json -e 'ASK {}'
    and "query ms" = median total - median load.
  * Oxigraph (npm oxigraph 0.5.11 from bench/sparql/node_modules, `npm ci`):
    one node process loads the data once and runs each query RUNS times in
    process (bench/sparql/oxigraph_driver.mjs); median of the warm runs (the
    first, cold run is dropped when there are 3 or more).
Results are compared after normalisation (as the shared harness does): rows
as a multiset, blank nodes anonymised, language tags lower-cased, numeric
literals by value within their datatype, unbound = empty, CONSTRUCT results
as a set of triples; then row count + SHA-1 digest.  DESCRIBE results are
implementation-defined: counted, not compared.

Writes OUT/report.md (also printed), OUT/results.json and OUT/<size>/<engine>/
the last result of every query (the binary is copied to OUT/mednum-kg.bin
first, so a rebuild during the run does not change what is timed).  Python 3
standard library only.
"""
import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(TOP, "tools", "w3c"))
import run_w3c as w3c  # noqa: E402  (result parsers shared with the W3C runner)


def log(*a):
    print("bench-sparql:", *a, file=sys.stderr, flush=True)


def timed(cmd, timeout, out_path=None):
    """-> (rc or None on timeout, ms, stderr first line)."""
    t0 = time.perf_counter()
    with open(out_path or os.devnull, "wb") as out:
        try:
            p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE,
                                 stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as e:
            return 127, 0.0, "cannot run %s: %s" % (cmd[0], e)
        try:
            _, err = p.communicate(timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)  # the process group of our own child
            _, err = p.communicate()
            rc = None
    return rc, (time.perf_counter() - t0) * 1000.0, w3c.first_line(
        err.decode("utf-8", "replace"))


def repeat(cmd, a, out_path=None):
    """Runs @cmd up to a.runs times within a.qbudget seconds.
    -> dict(status=ok|refused|error|timeout, ms=[...], error=...)."""
    times = []
    spent = 0.0
    for i in range(a.runs):
        rc, ms, err = timed(cmd, a.qtimeout, out_path)
        if rc is None:
            return {"status": "timeout", "ms": times, "error": "> %gs" % a.qtimeout}
        if rc not in (0, 1):
            return {"status": "refused" if rc == 3 else "error", "ms": times,
                    "error": "exit %d: %s" % (rc, err)}
        times.append(ms)
        spent += ms / 1000.0
        if spent > a.qbudget:
            break
    return {"status": "ok", "ms": times}


def med(xs, drop_cold=False):
    if not xs:
        return None
    if drop_cold and len(xs) >= 3:
        xs = xs[1:]
    return statistics.median(xs)


def form_of(path):
    return w3c.query_form(open(path, encoding="utf-8").read())


# ---------------------------------------------------------------- normalised results
def norm(t):
    if t is None:
        return ""
    if t[0] == "bnode":
        return "_:"
    return repr(w3c.num_value(t))


def summarise(path, form):
    """-> dict(rows=N, digest=...) or dict(error=...)."""
    try:
        text = open(path, encoding="utf-8").read()
        if form in ("CONSTRUCT", "DESCRIBE"):
            r = w3c.read_output(text, "ntriples", "file:///")
            rows = sorted({tuple(norm(t) for t in tr) for tr in r.triples})
        else:
            r = w3c.parse_srj_text(text)
            if r.kind == "boolean":
                return {"rows": 1, "digest": "ASK:%s" % r.boolean}
            vs = sorted(set(r.vars) | {v for row in r.rows for v in row})
            rows = sorted(tuple(norm(row.get(v)) for v in vs) for row in r.rows)
    except (w3c.BadOutput, OSError, UnicodeDecodeError) as e:
        return {"error": "unreadable result: %s" % str(e)[:120]}
    h = hashlib.sha1()
    for row in rows:
        h.update(repr(row).encode("utf-8") + b"\n")
    return {"rows": len(rows), "digest": h.hexdigest()[:10]}


# ---------------------------------------------------------------- engines
def run_oxigraph(a, data, queries, outdir):
    node_mod = os.path.join(HERE, "node_modules", "oxigraph")
    if not os.path.isdir(node_mod):
        return {"error": "bench/sparql/node_modules missing: run `npm ci` in bench/sparql"}
    cmd = ["node", os.path.join(HERE, "oxigraph_driver.mjs"), data, outdir,
           str(a.runs), str(a.qbudget)] + queries
    limit = a.load_timeout + len(queries) * max(a.qtimeout, a.qbudget * 2)
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"error": "oxigraph driver: no answer within %gs" % limit}
    res = {"queries": {}}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        try:
            ev = json.loads(line)
        except ValueError:
            continue
        if ev["ev"] == "load":
            res["load_ms"] = ev["ms"]
            res["triples"] = ev["triples"]
        elif ev["ev"] == "result":
            q = {"ms": ev.get("ms", []), "status": "error" if "error" in ev else "ok"}
            if "error" in ev:
                q["error"] = ev["error"]
            else:
                q["file"] = ev["file"]
            res["queries"][ev["q"]] = q
        elif ev["ev"] == "done":
            res["version"] = "npm oxigraph " + ev["version"]
            res["maxrss_kb"] = ev["maxrss_kb"]
    if p.returncode != 0 and not res["queries"]:
        res["error"] = "oxigraph driver exit %d: %s" % (
            p.returncode, w3c.first_line(p.stderr.decode("utf-8", "replace")))
    return res


def run_kg(a, data, queries, outdir):
    os.makedirs(outdir, exist_ok=True)
    res = {"queries": {}}
    try:
        v = subprocess.run([a.kg, "--version"], capture_output=True, text=True, timeout=30)
        res["version"] = w3c.first_line(v.stdout) or "mednum-kg ?"
    except (OSError, subprocess.TimeoutExpired) as e:
        return {"error": "cannot run %s: %s" % (a.kg, e), "queries": {},
                "load": {"status": "error", "error": str(e)}}
    load = None
    for probe in ("ASK {}", "ASK { ?s ?p ?o }"):
        load = repeat([a.kg, "query", "--data", data, "-f", "json", "-e", probe], a)
        if load["status"] == "ok":
            res["load_probe"] = probe
            break
    res["load"] = load
    res["load_ms"] = med(load["ms"]) if load["status"] == "ok" else None
    for qf in queries:
        name = os.path.basename(qf)[:-3]
        graph = form_of(qf) in ("CONSTRUCT", "DESCRIBE")
        out = os.path.join(outdir, name + (".nt" if graph else ".srj"))
        r = repeat([a.kg, "query", "--data", data, "-f", "ntriples" if graph else "json", qf],
                   a, out)
        if r["status"] == "ok":
            r["file"] = out
        res["queries"][name] = r
    return res


# ---------------------------------------------------------------- report
def fmt_ms(x):
    if x is None:
        return "—"
    if x < 1:
        return "%.2f" % x
    if x < 100:
        return "%.1f" % x
    return "%.0f" % x


def fmt_ratio(r):
    """mednum-kg / oxigraph: ×12 (12 times slower), ×1/3.5 (3.5 times faster)."""
    if r >= 1:
        return "×%.1f" % r if r < 10 else "×%.0f" % r
    r = 1 / r
    return "×1/%.1f" % r if r < 10 else "×1/%.0f" % r


def size_report(a, size, data, queries, ox, kg):
    L = []
    tr = ox.get("triples") or "?"
    L.append("### %s triples (%s)" % (tr, "gen_data.py %d --seed 42" % size
                                       if isinstance(size, int) else os.path.basename(data)))
    L.append("")
    if ox.get("error"):
        L.append("Oxigraph: **%s**" % ox["error"])
    kl = kg.get("load", {})
    L.append("Load: Oxigraph %s ms (in process: parse + index); mednum-kg %s ms "
             "(`query --data DATA -e '%s'`: process start + load + trivial query)%s." % (
                 fmt_ms(ox.get("load_ms")), fmt_ms(kg.get("load_ms")),
                 kg.get("load_probe", "ASK {}"),
                 "" if kl.get("status") == "ok" else " — **%s: %s**" % (
                     kl.get("status"), kl.get("error", ""))))
    L.append("")
    L.append("| query | rows | oxigraph ms | mednum-kg ms | ratio | same result | "
             "mednum-kg total ms |")
    L.append("|---|---:|---:|---:|---:|---|---:|")
    for qf in queries:
        name = os.path.basename(qf)[:-3]
        form = form_of(qf)
        oq = ox.get("queries", {}).get(name, {})
        kq = kg.get("queries", {}).get(name, {})
        os_ = summarise(oq["file"], form) if oq.get("file") else {}
        ks = summarise(kq["file"], form) if kq.get("file") else {}
        oms = med(oq.get("ms", []), drop_cold=True) if oq.get("status") == "ok" else None
        ktot = med(kq.get("ms", [])) if kq.get("status") == "ok" else None
        kms = None
        if ktot is not None and kg.get("load_ms") is not None:
            kms = max(ktot - kg["load_ms"], 0.0)
        rows = os_.get("rows")
        if ks.get("rows") is not None and ks.get("rows") != rows:
            rows = "%s / %s" % (rows if rows is not None else "—", ks["rows"])
        if kq.get("status") not in (None, "ok"):
            kcell = "**%s**: %s" % (kq["status"].upper(), kq.get("error", "")[:40])
        elif kms is not None and kms < 0.5:
            kcell = "≈0"  # total within the noise of the load probe
        else:
            kcell = fmt_ms(kms)
        if oq.get("status") not in (None, "ok"):
            ocell = "**ERROR**: %s" % oq.get("error", "")[:60]
        else:
            ocell = fmt_ms(oms)
        ratio = "—"
        if kms and oms:
            ratio = fmt_ratio(kms / oms)
        if form == "DESCRIBE":
            same = "n/a (DESCRIBE)"
        elif "error" in ks or "error" in os_:
            same = "no (%s)" % (ks.get("error") or os_.get("error"))[:50]
        elif ks.get("digest") and os_.get("digest"):
            same = "yes" if ks["digest"] == os_["digest"] and ks["rows"] == os_["rows"] else "**no**"
        else:
            same = "—"
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            name, rows if rows is not None else "—", ocell, kcell, ratio, same, fmt_ms(ktot)))
    L.append("")
    return L


def build_report(a, allres, queries, qdir):
    report = ["# SPARQL speed: mednum-kg vs Oxigraph", "",
              "%s; runs=%d, per-query budget %gs, per-run timeout %gs; queries from %s." % (
                  allres.get("date", "?"), a.runs, a.qbudget, a.qtimeout, qdir), ""]
    vers = []
    for size, r in allres["sizes"].items():
        if isinstance(size, str) and size.isdigit():
            size = int(size)
        report += size_report(a, size, r["data"], queries, r["oxigraph"], r["mednum-kg"])
        if r.get("loadavg_after"):
            report += ["Load average after this size: %.2f %.2f %.2f (2 cores)." %
                       tuple(r["loadavg_after"]), ""]
        for e in ("oxigraph", "mednum-kg"):
            if r[e].get("version") and r[e]["version"] not in vers:
                vers.append(r[e]["version"])
    report += ["Versions: %s; node %s." % (", ".join(vers), allres.get("node", "?")), "",
               "oxigraph ms = in-process median of warm runs; mednum-kg ms = median process "
               "wall time minus the median load cost (ASK probe; ≈0 = within its noise); "
               "ratio = mednum-kg / oxigraph; same result = same row count and digest of the "
               "normalised results.", ""]
    return "\n".join(report)


def main():
    ap = argparse.ArgumentParser(description="mednum-kg query vs Oxigraph (peer benchmark data)")
    ap.add_argument("--bench-dir", default=os.environ.get(
        "BENCH_DIR", os.path.join(os.path.dirname(TOP), "shared", "bench")))
    ap.add_argument("--kg", default=os.environ.get("KG", os.path.join(TOP, "build", "mednum-kg")))
    ap.add_argument("--sizes", default=os.environ.get("SIZES", "10000 100000"))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 5)))
    ap.add_argument("--qtimeout", type=float, default=float(os.environ.get("QTIMEOUT", 120)))
    ap.add_argument("--qbudget", type=float, default=float(os.environ.get("QBUDGET", 20)))
    ap.add_argument("--load-timeout", type=float,
                    default=float(os.environ.get("LOAD_TIMEOUT", 900)))
    ap.add_argument("--engines", default=os.environ.get("ENGINES", "oxigraph,mednum-kg"))
    ap.add_argument("--out", default=os.path.join(TOP, "bench", "out", "sparql"))
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite OUT/report.md from OUT/results.json")
    a = ap.parse_args()
    a.kg = os.path.abspath(a.kg)
    bench = os.path.abspath(a.bench_dir)
    gen = os.path.join(bench, "data", "gen_data.py")
    qdir = os.path.join(bench, "queries")
    if not os.path.exists(gen) or not os.path.isdir(qdir):
        log("no peer benchmark at %s (set BENCH_DIR)" % bench)
        return 2
    queries = sorted(os.path.join(qdir, f) for f in os.listdir(qdir) if f.endswith(".rq"))
    engines = [e.strip() for e in a.engines.split(",") if e.strip()]
    out = os.path.abspath(a.out)
    if a.report_only:
        allres = json.load(open(os.path.join(out, "results.json")))
        for k in ("runs", "qbudget", "qtimeout"):
            setattr(a, k, allres["args"][k])
        text = build_report(a, allres, allres.get("queries", queries), qdir)
        with open(os.path.join(out, "report.md"), "w") as f:
            f.write(text + "\n")
        print(text)
        return 0
    os.makedirs(os.path.join(out, "data"), exist_ok=True)
    if "mednum-kg" in engines and os.path.isfile(a.kg):
        # time one fixed binary even if the build tree is rebuilt meanwhile
        snap = os.path.join(out, "mednum-kg.bin")
        shutil.copy2(a.kg, snap)
        a.kg = snap
        # the copy does not sit beside the data it reads
        os.environ.setdefault("MEDNUM_KG_DATA", os.path.abspath(
            os.path.join(os.path.dirname(__file__), "..", "..")))
    allres = {"args": vars(a), "sizes": {}, "queries": queries,
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
              "node": subprocess.run(["node", "--version"], capture_output=True,
                                     text=True).stdout.strip()}
    for size in a.sizes.split():
        if size.isdigit():
            size = int(size)
            data = os.path.join(out, "data", "gen-%d.ttl" % size)
        elif size == "small":  # the peer benchmark's hand-written sample
            data = os.path.join(bench, "data", "small.ttl")
        else:                  # any Turtle file
            data = os.path.abspath(size)
        if isinstance(size, int) and not os.path.exists(data):
            log("generating %d triples ..." % size)
            subprocess.run([sys.executable, gen, str(size), "--seed", "42", "-o", data + ".tmp"],
                           check=True)
            os.replace(data + ".tmp", data)
        ox = kg = {}
        if "oxigraph" in engines:
            log("oxigraph on %s ..." % os.path.basename(data))
            ox = run_oxigraph(a, data, queries, os.path.join(out, str(size), "oxigraph"))
        if "mednum-kg" in engines:
            log("mednum-kg on %s ..." % os.path.basename(data))
            kg = run_kg(a, data, queries, os.path.join(out, str(size), "mednum-kg"))
        allres["sizes"][size] = {"data": data, "oxigraph": ox, "mednum-kg": kg,
                                 "loadavg_after": os.getloadavg()}
        with open(os.path.join(out, "results.json"), "w") as f:
            json.dump(allres, f, indent=1, default=str)
    text = build_report(a, allres, queries, qdir)
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    log("results in %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
