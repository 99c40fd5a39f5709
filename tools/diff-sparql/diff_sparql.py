#!/usr/bin/env python3
"""diff_sparql.py - differential test: `mednum-kg query` against Oxigraph.

  diff_sparql.py --kg BUILD/mednum-kg [--out build/diff-sparql] [--jobs 2]
                 [--timeout 10] [--only SUBSTR] [--bench-dir DIR] [--gen-size 2000]
  diff_sparql.py --verdict --query Q.rq --ox RESULT|--ox-error MSG
                 --ours RESULT --ours-rc N [--ours-stderr TEXT]
                                       (the comparator alone; the self-test uses it)

The corpus is tests/diff-sparql/queries/<category>/*.rq (written by
gen_corpus.py; each file's header names its category, data set and tag)
plus the peer benchmark's own queries ($BENCH_DIR/queries/*.rq, DESCRIBE
left out: its answer is implementation-defined).  Data sets:
  const, numbers, strings, dates, types, rel   tests/diff-sparql/data/<name>.ttl
                                               (const: an empty graph)
  graphs   g-default.ttl + named graphs <http://example.org/g/1> = g1.ttl and
           <http://example.org/g/2> = g2.ttl; Oxigraph is asked for the union
           default graph, which is what mednum-kg's default graph is
  report   the bundled report's graph: KG extract -f ntriples data/nec-cvl-2024.md
  gen      $BENCH_DIR/data/gen_data.py N --seed 42 (the peer benchmark's generator)

Each query runs through
  KG query --data D... [--named IRI=F...] -f json|ntriples Q.rq   (one process
                                                                  per query)
  Oxigraph (npm, the version pinned in bench/sparql/package-lock.json), one
  node process per data set, tools/diff-sparql/oxigraph_batch.mjs
and gets one verdict:
  same        the results agree (comparison of tools/w3c/run_w3c.py: SELECT
              rows as a multiset unless there is a top-level ORDER BY, blank
              nodes up to renaming, RDF 1.1 literal equivalences, numeric
              literals by value within their datatype); the report also says
              whether they agree lexically (numbers in the same lexical form)
  refused     one side (or both) refused the query cleanly: mednum-kg exit 3
              with a message, or Oxigraph threw an error
  different   both answered, and the answers differ (or mednum-kg's output
              could not be read)
  crash       a crash (a signal, an exit status other than 0, 1, 3) or a
              timeout (--timeout seconds per query) on either side
Writes OUT/report.md (also printed), OUT/results.json, and each side's
answer under OUT/ours/ and OUT/oxigraph/.  Exit status: 0 when the run
completed, whatever the verdicts; 2 when the harness itself could not run
(no binary, no node or Oxigraph, a data set that cannot be made).
Python 3 standard library only.
"""
import argparse
import collections
import concurrent.futures
import datetime
import json
import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(TOP, "tools", "w3c"))
import run_w3c as w3c  # noqa: E402  (result parsers and comparison shared with the W3C runner)

VERDICTS = ("same", "refused", "different", "crash")
GRAPHS = {"http://example.org/g/1": "g1.ttl", "http://example.org/g/2": "g2.ttl"}


class HarnessError(Exception):
    """The harness itself cannot run (exit 2)."""


def log(*a):
    print("diff-sparql:", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- corpus
class Query:
    def __init__(self, qid, path, category, data, tag):
        self.id = qid            # file-safe, unique: "0042-int-overflow"
        self.path = path
        self.category = category
        self.data = data
        self.tag = tag
        self.text = open(path, encoding="utf-8").read()
        self.form = w3c.query_form(self.text)

    def body(self):
        """The query without its header and PREFIX lines (for the report)."""
        lines = [l for l in self.text.splitlines()
                 if not l.startswith("#") and not re.match(r"(?i)\s*PREFIX\s", l)]
        return "\n".join(lines).strip()


def load_corpus(corpus, bench_dir, only):
    out = []
    for cat in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, cat)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".rq"):
                continue
            p = os.path.join(d, f)
            head = {}
            with open(p, encoding="utf-8") as fh:
                for line in fh:
                    m = re.match(r"#\s*(category|data|tag):\s*(\S+)", line)
                    if not m:
                        break
                    head[m.group(1)] = m.group(2)
            if set(head) != {"category", "data", "tag"}:
                raise HarnessError("%s: header must name category, data and tag" % p)
            out.append(Query(f[:-3], p, head["category"], head["data"], head["tag"]))
    qdir = os.path.join(bench_dir, "queries") if bench_dir else None
    if qdir and os.path.isdir(qdir):
        for f in sorted(os.listdir(qdir)):
            if f.endswith(".rq"):
                qq = Query("bench-" + f[:-3], os.path.join(qdir, f), "operators", "gen",
                           "bench-query")
                if qq.form != "DESCRIBE":
                    out.append(qq)
    if only:
        out = [x for x in out if any(s in "%s/%s" % (x.category, x.id) for s in only)]
    return out


# ---------------------------------------------------------------- data sets
def make_datasets(a, needed):
    """-> {name: {"default": [files], "named": [(iri, file)], "union": bool}}."""
    data = os.path.join(TOP, "tests", "diff-sparql", "data")
    built = os.path.join(a.out, "data")
    os.makedirs(built, exist_ok=True)
    ds = {}
    for name in ("numbers", "strings", "dates", "types", "rel"):
        ds[name] = {"default": [os.path.join(data, name + ".ttl")], "named": [], "union": False}
    ds["const"] = {"default": [os.path.join(data, "empty.ttl")], "named": [], "union": False}
    ds["graphs"] = {"default": [os.path.join(data, "g-default.ttl")],
                    "named": [(iri, os.path.join(data, f)) for iri, f in sorted(GRAPHS.items())],
                    "union": True}
    if "report" in needed:
        nt = os.path.join(built, "report.nt")
        src = os.path.join(TOP, "data", "nec-cvl-2024.md")
        with open(nt + ".tmp", "wb") as f:
            p = subprocess.run([a.kg, "extract", "-f", "ntriples", src], stdout=f,
                               stderr=subprocess.PIPE)
        if p.returncode != 0:
            raise HarnessError("cannot extract %s: %s" % (
                src, p.stderr.decode("utf-8", "replace").strip()[:300]))
        os.replace(nt + ".tmp", nt)
        ds["report"] = {"default": [nt], "named": [], "union": False}
    if "gen" in needed:
        gen = os.path.join(a.bench_dir or "", "data", "gen_data.py")
        ttl = os.path.join(built, "gen-%d.ttl" % a.gen_size)
        if os.path.exists(gen):
            if not os.path.exists(ttl):
                p = subprocess.run([sys.executable, gen, str(a.gen_size), "--seed", "42",
                                    "-o", ttl + ".tmp"], stderr=subprocess.PIPE)
                if p.returncode != 0:
                    raise HarnessError("gen_data.py failed: %s" % p.stderr.decode(
                        "utf-8", "replace").strip()[:300])
                os.replace(ttl + ".tmp", ttl)
            ds["gen"] = {"default": [ttl], "named": [], "union": False}
        else:
            log("no peer benchmark generator at %s (set BENCH_DIR): the 'gen' queries are"
                " skipped" % gen)
    for name, d in ds.items():
        for f in d["default"] + [f for _, f in d["named"]]:
            if not os.path.exists(f):
                raise HarnessError("data file missing: %s" % f)
    return ds


# ---------------------------------------------------------------- running
def run_ours(a, qq, ds):
    fmt = "ntriples" if qq.form in ("CONSTRUCT", "DESCRIBE") else "json"
    cmd = [a.kg, "query"]
    for f in ds["default"]:
        cmd += ["--data", f]
    for iri, f in ds["named"]:
        cmd += ["--named", "%s=%s" % (iri, f)]
    cmd += ["-f", fmt, qq.path]
    rc, out, err, secs = w3c.run_engine(cmd, a.timeout)
    path = os.path.join(a.out, "ours", qq.id + (".nt" if fmt == "ntriples" else ".srj"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(out)
    return {"rc": rc, "out": out, "err": err, "secs": secs, "fmt": fmt, "cmd": cmd, "file": path}


def run_oxigraph(a, name, ds, queries):
    """Runs @queries over data set @name in one node process (a new one after
    a timeout).  -> {qid: {"status": ok|error|timeout|crash, ...}}."""
    res = {}
    todo = list(queries)
    while todo:
        job = {"oxigraph": a.oxigraph_dir, "default": ds["default"],
               "named": [list(x) for x in ds["named"]], "union": ds["union"],
               "outdir": os.path.join(a.out, "oxigraph"),
               "queries": [[x.id, x.path, x.form] for x in todo]}
        jpath = os.path.join(a.out, "job-%s.json" % name)
        with open(jpath, "w", encoding="utf-8") as f:
            json.dump(job, f)
        p = subprocess.Popen([a.node, os.path.join(HERE, "oxigraph_batch.mjs"), jpath],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        lines = queue.Queue()
        errbuf = []

        def pump(stream, sink):
            for line in stream:
                sink(line.decode("utf-8", "replace"))
            sink(None)
        threading.Thread(target=pump, args=(p.stdout, lines.put), daemon=True).start()
        threading.Thread(target=pump, args=(p.stderr, lambda l: l and errbuf.append(l)),
                         daemon=True).start()
        current, started = None, time.time()
        deadline = time.time() + max(60.0, a.timeout * 6)   # the load
        while True:
            try:
                line = lines.get(timeout=max(0.05, deadline - time.time()))
            except queue.Empty:
                line = "TIMEOUT"
            if line == "TIMEOUT":
                try:
                    os.killpg(p.pid, signal.SIGKILL)   # our own child's process group
                except ProcessLookupError:
                    pass
                p.wait()
                if current is None:
                    raise HarnessError("Oxigraph did not load data set %s in time" % name)
                res[current] = {"status": "timeout", "secs": time.time() - started}
                break
            if line is None:   # the process ended
                p.wait()
                if current is not None:
                    res[current] = {"status": "crash", "secs": time.time() - started,
                                    "error": "node exited %s: %s" % (
                                        p.returncode, "".join(errbuf).strip()[-300:])}
                elif not todo or todo[0].id not in res:
                    raise HarnessError("Oxigraph on data set %s ended early (exit %s): %s" % (
                        name, p.returncode, "".join(errbuf).strip()[-500:]))
                break
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            if ev.get("ev") == "loaderror":
                raise HarnessError("Oxigraph cannot load data set %s: %s" % (name, ev["error"]))
            if ev.get("ev") == "load":
                a.loaded[name] = ev.get("quads")
            elif ev.get("ev") == "start":
                current, started = ev["id"], time.time()
                deadline = started + a.timeout
            elif ev.get("ev") == "result":
                r = {"secs": ev.get("ms", 0) / 1000.0}
                if "error" in ev:
                    r.update(status="error", error=ev["error"])
                else:
                    r.update(status="ok", file=ev["file"])
                res[ev["id"]] = r
                current = None
                deadline = time.time() + a.timeout + 5
            elif ev.get("ev") == "done":
                a.ox_version = ev.get("version")
        todo = [x for x in todo if x.id not in res]
    return res


# ---------------------------------------------------------------- verdicts
def read_result(text, fmt):
    if fmt in ("json", "srj"):
        return w3c.parse_srj_text(text)
    triples = [w3c.parse_nt_line(l) for l in text.splitlines()
               if l.strip() and not l.startswith("#")]
    return w3c.Result("graph", triples=triples)


def verdict(qtext, ox, ours):
    """The comparator.  @ox: {"status": ok|error|timeout|crash, "text"?,
    "error"?}; @ours: {"rc": int or None, "out": str, "err": str, "fmt":
    json|ntriples}.  -> dict(verdict, who, lexical, detail[])."""
    form = w3c.query_form(qtext)
    v = {"who": "", "lexical": None, "detail": []}

    def done(word, who="", *detail):
        v["verdict"], v["who"] = word, who
        v["detail"] += [d for d in detail if d]
        return v
    rc = ours["rc"]
    msg = w3c.first_line(ours.get("err", ""))
    ours_crash = None
    if rc is None:
        ours_crash = "mednum-kg: timeout"
    elif rc < 0:
        ours_crash = "mednum-kg: crashed (signal %d)" % -rc
    elif rc not in (0, 1, 3) or (rc == 3 and not msg):
        ours_crash = "mednum-kg: exit %d%s" % (rc, "" if msg else " without a message")
    ox_crash = None
    if ox["status"] == "timeout":
        ox_crash = "Oxigraph: timeout"
    elif ox["status"] == "crash":
        ox_crash = "Oxigraph: " + ox.get("error", "crashed")
    if ours_crash or ox_crash:
        who = "both" if ours_crash and ox_crash else "ours" if ours_crash else "oxigraph"
        return done("crash", who, ours_crash, ox_crash, msg if ours_crash else "")
    ours_ref = rc == 3
    ox_ref = ox["status"] == "error"
    if ours_ref or ox_ref:
        who = "both" if ours_ref and ox_ref else "ours" if ours_ref else "oxigraph"
        return done("refused", who, msg if ours_ref else "",
                    ("Oxigraph: " + ox.get("error", "")) if ox_ref else "")
    try:
        exp = read_result(ox["text"], "json" if form not in ("CONSTRUCT", "DESCRIBE") else "nt")
    except w3c.BadOutput as e:
        return done("crash", "oxigraph", "Oxigraph: unreadable output: %s" % e)
    try:
        act = read_result(ours["out"], ours["fmt"])
    except w3c.BadOutput as e:
        return done("different", "ours", "mednum-kg: unreadable %s output: %s" % (ours["fmt"], e))
    if rc == 1 and not (act.kind == "boolean" and act.boolean is False):
        return done("different", "ours", "mednum-kg: exit 1 but the result is not ASK false")
    order = w3c.order_keys(qtext) if act.kind != "graph" else None
    same, diff = w3c.compare(exp, act, order, "value")
    if not same:
        lex_diff = w3c.compare(exp, act, order, "lexical")[1]
        return done("different", "", *(lex_diff or diff))
    same_lex, lex_diff = w3c.compare(exp, act, order, "lexical")
    v["lexical"] = same_lex
    if not same_lex:
        v["detail"] = ["same by value; lexical forms differ:"] + lex_diff
    return done("same")


# ---------------------------------------------------------------- report
def fmt_table(rows, head):
    w = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    out = ["| " + " | ".join(str(h).ljust(w[i]) for i, h in enumerate(head)) + " |",
           "|" + "|".join("-" * (x + 2) for x in w) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c).rjust(w[i]) if i else str(c).ljust(w[i])
                                     for i, c in enumerate(r)) + " |")
    return out


def count_rows(items, key):
    per = collections.OrderedDict()
    for qq, v in items:
        c = per.setdefault(key(qq), collections.Counter())
        c["n"] += 1
        c[v["verdict"]] += 1
        if v["verdict"] == "refused":
            c["ref-" + v["who"]] += 1
        if v["verdict"] == "same" and v["lexical"]:
            c["lex"] += 1
    tot = collections.Counter()
    rows = []
    for k, c in list(per.items()):
        tot.update(c)
        rows.append([k, c["n"], c["same"], c["lex"], c["refused"], c["ref-ours"],
                     c["ref-oxigraph"], c["ref-both"], c["different"], c["crash"]])
    c = tot
    rows.append(["TOTAL", c["n"], c["same"], c["lex"], c["refused"], c["ref-ours"],
                 c["ref-oxigraph"], c["ref-both"], c["different"], c["crash"]])
    return rows, tot


HEAD = ["", "queries", "same", "(lexically)", "refused", "(ours)", "(Oxigraph's)", "(both)",
        "different", "crash/timeout"]


def write_report(a, items, wall, skipped):
    today = datetime.date.today().isoformat()
    rows_c, tot = count_rows(items, lambda qq: qq.category)
    rows_d, _ = count_rows(items, lambda qq: qq.data)
    kg_version = subprocess.run([a.kg, "--version"], capture_output=True, text=True).stdout.strip()
    lines = ["# make diff-sparql: mednum-kg query vs Oxigraph", "",
             "Run %s: %s; Oxigraph %s (npm, WASM, node %s); %d queries, per-query timeout %gs,"
             " %d jobs, %.0fs." % (today, kg_version or a.kg, a.ox_version or "?", a.node_version,
                                   len(items), a.timeout, a.jobs, wall),
             "Data sets (quads as Oxigraph loaded them): " + ", ".join(
                 "%s %s" % (k, a.loaded.get(k, "?")) for k in sorted(a.loaded)) + ".",
             ""]
    if skipped:
        lines += ["Skipped: %d queries over the 'gen' data set (no peer benchmark generator)."
                  % skipped, ""]
    lines += ["## By category", ""] + fmt_table(rows_c, HEAD) + ["", "## By data set", ""] + \
        fmt_table(rows_d, HEAD) + [""]
    lines.append("same = equal by value (numbers within their datatype); (lexically) = of"
                 " those, equal with numbers in the same lexical form too.")
    lines.append("")

    def group(pred, title, show_all=True):
        by = collections.OrderedDict()
        for qq, v in items:
            if pred(qq, v):
                by.setdefault(qq.tag, []).append((qq, v))
        if not by:
            return
        lines.extend(["## %s" % title, ""])
        for tag, lst in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append("### %s (%d)" % (tag, len(lst)))
            lines.append("")
            qq, v = lst[0]
            lines.append("Example %s/%s (data: %s):" % (qq.category, qq.id, qq.data))
            lines.append("")
            lines.append("```sparql")
            lines.append(qq.body())
            lines.append("```")
            lines.append("")
            lines.extend("    " + d for d in v["detail"][:12])
            lines.append("")
            if show_all and len(lst) > 1:
                for qq, v in lst[1:]:
                    first = (v["detail"][1] if len(v["detail"]) > 1 else
                             v["detail"][0] if v["detail"] else "")
                    lines.append("- %s `%s`  %s" % (qq.id, shorten(qq.body()), shorten(first, 90)))
                lines.append("")

    group(lambda qq, v: v["verdict"] == "different", "Different answers, by tag")
    group(lambda qq, v: v["verdict"] == "crash", "Crashes and timeouts, by tag")
    group(lambda qq, v: v["verdict"] == "refused" and v["who"] == "ours",
          "Refused by mednum-kg, by tag")
    group(lambda qq, v: v["verdict"] == "refused" and v["who"] != "ours",
          "Refused by Oxigraph (or both), by tag")
    group(lambda qq, v: v["verdict"] == "same" and v["lexical"] is False,
          "Same by value, different lexical form, by tag")
    lines += ["## Every query", ""]
    for qq, v in items:
        lines.append("%-9s %-8s %s/%s (%s)" % (v["verdict"], v["who"] or "-", qq.category, qq.id,
                                               qq.data))
    text = "\n".join(lines) + "\n"
    with open(os.path.join(a.out, "report.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(a.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump([{"id": qq.id, "category": qq.category, "data": qq.data, "tag": qq.tag,
                    "verdict": v["verdict"], "who": v["who"], "lexical": v["lexical"],
                    "detail": v["detail"]} for qq, v in items], f, indent=1, ensure_ascii=False)
    return rows_c, rows_d, tot


def shorten(s, n=110):
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 3] + "..."


# ---------------------------------------------------------------- main
def main_run(a):
    if not a.kg or not os.access(a.kg, os.X_OK):
        raise HarnessError("no mednum-kg binary at %s (make all)" % a.kg)
    a.kg = os.path.abspath(a.kg)
    a.node = shutil.which(a.node) or a.node
    if not shutil.which(a.node):
        raise HarnessError("node is needed for Oxigraph (Debian nodejs)")
    a.oxigraph_dir = os.path.abspath(a.oxigraph_dir)
    if not os.path.exists(os.path.join(a.oxigraph_dir, "node_modules", "oxigraph", "package.json")):
        raise HarnessError("Oxigraph is not installed in %s (cd bench/sparql && npm ci)"
                           % a.oxigraph_dir)
    a.node_version = subprocess.run([a.node, "--version"], capture_output=True,
                                    text=True).stdout.strip()
    a.out = os.path.abspath(a.out)
    for sub in ("ours", "oxigraph"):
        d = os.path.join(a.out, sub)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    a.loaded, a.ox_version = {}, None
    queries = load_corpus(a.corpus, a.bench_dir, a.only)
    if not queries:
        raise HarnessError("no queries (corpus %s, --only %s)" % (a.corpus, a.only))
    ids = collections.Counter(x.id for x in queries)
    if max(ids.values()) > 1:
        raise HarnessError("duplicate query ids: %s" % [k for k, n in ids.items() if n > 1])
    datasets = make_datasets(a, {x.data for x in queries})
    unknown = {x.data for x in queries} - set(datasets) - {"gen"}
    if unknown:
        raise HarnessError("unknown data sets named in the corpus: %s" % ", ".join(sorted(unknown)))
    skipped = [x for x in queries if x.data not in datasets]
    queries = [x for x in queries if x.data in datasets]
    log("%d queries over %d data sets, %d jobs, timeout %gs" % (
        len(queries), len({x.data for x in queries}), a.jobs, a.timeout))
    t0 = time.time()
    ox_res = {}

    def oxigraph_all():
        by = collections.OrderedDict()
        for x in queries:
            by.setdefault(x.data, []).append(x)
        for name, lst in by.items():
            ox_res.update(run_oxigraph(a, name, datasets[name], lst))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        oxf = ex.submit(oxigraph_all)
        futs = [ex.submit(run_ours, a, x, datasets[x.data]) for x in queries]
        ours = [f.result() for f in futs]
        oxf.result()
    items = []
    for x, o in zip(queries, ours):
        r = dict(ox_res.get(x.id, {"status": "crash", "error": "no answer recorded"}))
        if r["status"] == "ok":
            r["text"] = open(r["file"], encoding="utf-8").read()
        v = verdict(x.text, r, o)
        v["ours_secs"], v["ox_secs"] = o["secs"], r.get("secs", 0)
        items.append((x, v))
    wall = time.time() - t0
    rows_c, _, tot = write_report(a, items, wall, len(skipped))
    out = ["make diff-sparql: %d queries, mednum-kg vs Oxigraph %s, %.0fs" % (
        len(items), a.ox_version, wall), ""] + fmt_table(rows_c, HEAD) + [""]
    kinds = collections.Counter(x.tag for x, v in items if v["verdict"] == "different")
    if kinds:
        out.append("different, by tag: " + ", ".join("%s %d" % kv for kv in kinds.most_common()))
    out.append("diff-sparql: %d same (%d lexically), %d refused, %d different, %d crash/timeout"
               " of %d" % (tot["same"], tot["lex"], tot["refused"], tot["different"],
                           tot["crash"], tot["n"]))
    out.append("report: %s" % os.path.join(a.out, "report.md"))
    print("\n".join(out))
    return 0


def main_verdict(a):
    """--verdict: the comparator on one fixed pair of answers."""
    qtext = open(a.query, encoding="utf-8").read()
    if a.ox_error is not None:
        ox = {"status": "error", "error": a.ox_error}
    elif a.ox_status in ("timeout", "crash"):
        ox = {"status": a.ox_status, "error": "given"}
    else:
        ox = {"status": "ok", "text": open(a.ox, encoding="utf-8").read()}
    out = open(a.ours, encoding="utf-8").read() if a.ours else ""
    fmt = "ntriples" if w3c.query_form(qtext) in ("CONSTRUCT", "DESCRIBE") else "json"
    rc = None if a.ours_rc == "timeout" else int(a.ours_rc)
    v = verdict(qtext, ox, {"rc": rc, "out": out, "err": a.ours_stderr, "fmt": fmt})
    word = v["verdict"]
    if word == "same":
        word += " lexically" if v["lexical"] else " by value"
    elif v["who"]:
        word += " " + v["who"]
    print(word)
    for d in v["detail"]:
        print("  " + d)
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description="mednum-kg query vs Oxigraph, over a corpus")
    ap.add_argument("--kg", default=os.environ.get("KG"))
    ap.add_argument("--out", default="build/diff-sparql")
    ap.add_argument("--corpus", default=os.path.join(TOP, "tests", "diff-sparql", "queries"))
    ap.add_argument("--bench-dir", default=os.environ.get("BENCH_DIR"),
                    help="the peer benchmark (its generator and queries)")
    ap.add_argument("--gen-size", type=int, default=2000, help="triples of the generated data")
    ap.add_argument("--oxigraph-dir", default=os.path.join(TOP, "bench", "sparql"),
                    help="the folder whose node_modules holds the pinned oxigraph")
    ap.add_argument("--node", default="node")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--only", action="append", help="queries whose category/id contains this")
    ap.add_argument("--verdict", action="store_true", help="compare one fixed pair of answers")
    ap.add_argument("--query")
    ap.add_argument("--ox", help="with --verdict: Oxigraph's answer (.srj or .nt)")
    ap.add_argument("--ox-error", help="with --verdict: Oxigraph threw this error")
    ap.add_argument("--ox-status", choices=("ok", "timeout", "crash"), default="ok")
    ap.add_argument("--ours", help="with --verdict: mednum-kg's stdout")
    ap.add_argument("--ours-rc", default="0", help="with --verdict: its exit status or 'timeout'")
    ap.add_argument("--ours-stderr", default="")
    a = ap.parse_args(argv)
    try:
        if a.verdict:
            if not a.query:
                ap.error("--verdict needs --query")
            return main_verdict(a)
        return main_run(a)
    except HarnessError as e:
        log(str(e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
