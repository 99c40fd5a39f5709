#!/usr/bin/env python3
"""run_w3c.py - run the W3C SPARQL 1.1 query tests through `mednum-kg query`.

  run_w3c.py --suite DIR --kg BUILD/mednum-kg [--out build/w3c] [--jobs 2]
             [--timeout 20] [--engine-cmd "CMD ARGS"] [--only SUBSTR]
             [--strict-approval] [--no-syntax] [--numbers lexical|value] [-v]
  run_w3c.py --compare EXPECTED ACTUAL [--query Q.rq] [--ordered] [--numbers ...]

Tests run: the mf:QueryEvaluationTest and mf:CSVResultFormatTest entries of
every folder's manifest.ttl that are not dawgt:Proposed (218 in the suite of
shared/: 178 dawgt:Approved + 40 without approval; --strict-approval keeps
the 178), and the syntax tests, counted apart.

Python 3 standard library only; manifests, expected graphs and the engine's
Turtle output are read with `rapper` (raptor2-utils).

Each evaluation test runs, in the test's folder, as
  KG query --data DATA [--data DATA2] [--named IRI=FILE ...] -f FMT QUERY.rq
(FMT: json for SELECT/ASK, turtle for CONSTRUCT/DESCRIBE, csv/tsv when the
expected result is a .csv/.tsv file), with IRI = the file: URI of the
qt:graphData file, which is what the test queries name once their relative
IRIs are resolved against the query file's URI.  Outcomes:
  PASSED   same results (see "comparison" below)
  REFUSED  exit 3 with a message on stderr: the engine refused honestly
  WRONG    different results, unreadable output, any other exit status,
           a crash, or TIMEOUT (more than --timeout seconds)
Syntax tests (mf:PositiveSyntaxTest11 / mf:NegativeSyntaxTest11) are counted
separately: a negative test passes when the engine exits 3 with a message, a
positive one when it exits 0 or 1 (exit 3 = REFUSED).

Comparison (documented in docs/BENCHMARKS.md):
  * solutions compare as MULTISETS (SPARQL results are bags), blank nodes up
    to a consistent renaming (a bijection over the whole result);
  * when the query has a top-level ORDER BY (or the expected .ttl result set
    has rs:index), the sequence of ORDER BY key values (the variables named in
    the ORDER BY clause, blank nodes blurred) must be the expected one; ties
    may come in any order; if no ORDER BY variable is projected, the whole
    row sequence must match;
  * the set of result variables must match;
  * CONSTRUCT/DESCRIBE: graphs (sets of triples) compared up to blank-node
    isomorphism;
  * terms are compared strictly: IRIs and literal lexical forms exactly
    ("01"^^xsd:integer != "1"^^xsd:integer), with only these RDF 1.1
    equivalences: a simple literal equals the same xsd:string literal, and
    language tags are compared case-insensitively; --numbers value compares
    numeric literals by value within the same datatype (and, in the default
    strict mode, the report flags the tests that only fail that way);
  * CSV results (mf:CSVResultFormatTest) are compared as text cells (CSV
    loses term types), "_:" cells as blank nodes.
"""
import argparse
import collections
import concurrent.futures
import csv
import io
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET

sys.setrecursionlimit(20000)

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
SRX = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSD_STRING = XSD + "string"
LANGSTRING = RDF + "langString"

EVAL_TYPES = {"QueryEvaluationTest", "CSVResultFormatTest"}
SYNTAX_POS = {"PositiveSyntaxTest11", "PositiveSyntaxTest"}
SYNTAX_NEG = {"NegativeSyntaxTest11", "NegativeSyntaxTest"}
NOT_APPROVED = {"Proposed", "NotClassified", "Withdrawn", "Rejected", "Obsoleted"}


class BadOutput(Exception):
    """The engine's output (or an expected-result file) could not be read."""


# ---------------------------------------------------------------- terms
# A term is a tuple: ("uri", iri) | ("bnode", label) | ("lit", lex, datatype, lang)
# | ("csv", text).  Literals are normalised by lit(): a simple literal becomes
# xsd:string, a language-tagged one rdf:langString with a lower-case tag.

def lit(lex, dt=None, lang=None):
    if lang:
        return ("lit", lex, LANGSTRING, lang.lower())
    return ("lit", lex, dt or XSD_STRING, None)


def is_bnode(t):
    return t is not None and t[0] == "bnode"


NUMERIC_INT = {XSD + n for n in (
    "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
    "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    "positiveInteger")}


def num_value(t):
    """--numbers value: a numeric literal becomes its value (same datatype
    kept: "01"^^xsd:integer == "1"^^xsd:integer, "2.0"^^xsd:decimal ==
    "2"^^xsd:decimal, "3.21E4"^^xsd:double == "32100"^^xsd:double, but
    "2"^^xsd:integer != "2.0"^^xsd:decimal)."""
    if t is None or t[0] != "lit" or t[3]:
        return t
    dt, lex = t[2], t[1].strip()
    try:
        if dt in NUMERIC_INT:
            return ("num", dt, int(lex))
        if dt == XSD + "decimal":
            import decimal
            v = decimal.Decimal(lex)
            if not v.is_finite():
                return t
            return ("num", dt, v.normalize() if v != 0 else decimal.Decimal(0))
        if dt in (XSD + "double", XSD + "float"):
            v = float(lex.replace("INF", "inf")) if lex not in ("NaN",) else "NaN"
            return ("num", dt, v)
    except (ValueError, ArithmeticError):
        return t
    return t


def fmt_term(t):
    if t is None:
        return "UNDEF"
    k = t[0]
    if k == "uri":
        return "<%s>" % t[1]
    if k == "bnode":
        return "_:" + t[1]
    if k == "csv":
        return json.dumps(t[1], ensure_ascii=False)
    if k == "num":
        return "%s^^xsd:%s(value)" % (t[2], t[1][len(XSD):])
    s = json.dumps(t[1], ensure_ascii=False)
    if t[3]:
        return "%s@%s" % (s, t[3])
    if t[2] == XSD_STRING:
        return s
    if t[2].startswith(XSD):
        return "%s^^xsd:%s" % (s, t[2][len(XSD):])
    return "%s^^<%s>" % (s, t[2])


# ---------------------------------------------------------------- N-Triples via rapper
NT_TERM = re.compile(r'<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?')
NT_ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', re.S)
NT_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def nt_unescape(s):
    def rep(m):
        e = m.group(1)
        if e[0] in "uU" and len(e) > 1:
            return chr(int(e[1:], 16))
        return NT_SIMPLE.get(e, e)
    return NT_ESC.sub(rep, s)


def parse_nt_line(line):
    out = []
    for m in NT_TERM.finditer(line):
        iri, bn, lex, lang, dt = m.groups()
        if iri is not None:
            out.append(("uri", nt_unescape(iri)))
        elif bn is not None:
            out.append(("bnode", bn))
        else:
            out.append(lit(nt_unescape(lex), dt and nt_unescape(dt), lang))
        if len(out) == 3:
            break
    if len(out) != 3:
        raise BadOutput("bad N-Triples line: %r" % line[:120])
    return tuple(out)


def file_uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def uri_path(uri):
    if not uri.startswith("file://"):
        raise ValueError("not a file: URI: %s" % uri)
    return urllib.parse.unquote(uri[len("file://"):])


def rapper_triples(path, syntax="turtle", base=None):
    """Parses an RDF file with rapper; returns a list of triples (term tuples)."""
    if syntax is None:
        syntax = {"rdf": "rdfxml", "nt": "ntriples", "ttl": "turtle"}.get(
            path.rsplit(".", 1)[-1], "guess")
    p = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "ntriples", path,
                        base or file_uri(path)], capture_output=True)
    if p.returncode != 0:
        raise BadOutput("rapper: " + p.stderr.decode("utf-8", "replace").strip()[:300])
    return [parse_nt_line(l) for l in p.stdout.decode("utf-8").splitlines()
            if l.strip() and not l.startswith("#")]


# ---------------------------------------------------------------- results
class Result:
    """kind: bindings | boolean | graph | csv."""

    def __init__(self, kind, vars_=None, rows=None, boolean=None, triples=None, ordered=False):
        self.kind = kind
        self.vars = vars_ or []
        self.rows = rows or []          # list of dict var -> term
        self.boolean = boolean
        self.triples = triples or []
        self.ordered = ordered          # rows come in a meaningful order (rs:index)


def json_term(b):
    t = b.get("type")
    if t == "uri":
        return ("uri", b["value"])
    if t == "bnode":
        return ("bnode", b["value"])
    if t in ("literal", "typed-literal"):
        return lit(b["value"], b.get("datatype"), b.get("xml:lang"))
    raise BadOutput("bad JSON term %r" % (b,))


def parse_srj_text(text):
    try:
        js = json.loads(text)
    except ValueError as e:
        raise BadOutput("not JSON: %s" % e)
    if not isinstance(js, dict):
        raise BadOutput("JSON results must be an object")
    if "boolean" in js:
        if not isinstance(js["boolean"], bool):
            raise BadOutput("JSON boolean is not true/false")
        return Result("boolean", boolean=js["boolean"])
    try:
        vars_ = list(js["head"]["vars"])
        rows = [{v: json_term(b) for v, b in sol.items()} for sol in js["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError) as e:
        raise BadOutput("not SPARQL JSON results (%s)" % e)
    return Result("bindings", vars_, rows)


def parse_srx_text(text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise BadOutput("not XML: %s" % e)
    head = root.find(SRX + "head")
    vars_ = [v.get("name") for v in head.findall(SRX + "variable")] if head is not None else []
    b = root.find(SRX + "boolean")
    if b is not None:
        return Result("boolean", boolean=(b.text or "").strip() == "true")
    rows = []
    res = root.find(SRX + "results")
    for r in (res.findall(SRX + "result") if res is not None else []):
        row = {}
        for bd in r.findall(SRX + "binding"):
            el = list(bd)[0]
            tag = el.tag[len(SRX):]
            if tag == "uri":
                row[bd.get("name")] = ("uri", el.text or "")
            elif tag == "bnode":
                row[bd.get("name")] = ("bnode", el.text or "")
            elif tag == "literal":
                row[bd.get("name")] = lit(el.text or "", el.get("datatype"), el.get(XML_LANG))
            elif tag == "unbound":
                pass
            else:
                raise BadOutput("bad srx binding <%s>" % tag)
        rows.append(row)
    return Result("bindings", vars_, rows)


def parse_tsv_term(s):
    """One TSV cell (SPARQL 1.1 TSV results: Turtle/N-Triples term syntax)."""
    if s == "":
        return None
    if s.startswith("<") and s.endswith(">"):
        return ("uri", nt_unescape(s[1:-1]))
    if s.startswith("_:"):
        return ("bnode", s[2:])
    m = re.fullmatch(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?', s, re.S)
    if m:
        return lit(nt_unescape(m.group(1)), m.group(3), m.group(2))
    m = re.fullmatch(r"'((?:[^'\\]|\\.)*)'(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?", s, re.S)
    if m:
        return lit(nt_unescape(m.group(1)), m.group(3), m.group(2))
    if re.fullmatch(r"[+-]?\d+", s):
        return lit(s, XSD + "integer")
    if re.fullmatch(r"[+-]?\d*\.\d+", s):
        return lit(s, XSD + "decimal")
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+", s):
        return lit(s, XSD + "double")
    if s in ("true", "false"):
        return lit(s, XSD + "boolean")
    raise BadOutput("bad TSV term %r" % s[:80])


def parse_tsv_text(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise BadOutput("empty TSV")
    lines = [l[:-1] if l.endswith("\r") else l for l in lines]
    vars_ = []
    for h in (lines[0].split("\t") if lines[0] else []):
        if not h.startswith(("?", "$")):
            raise BadOutput("bad TSV header %r" % lines[0][:80])
        vars_.append(h[1:])
    rows = []
    for l in lines[1:]:
        cells = l.split("\t")
        if len(cells) != len(vars_):
            raise BadOutput("TSV row with %d cells for %d variables" % (len(cells), len(vars_)))
        row = {}
        for v, c in zip(vars_, cells):
            t = parse_tsv_term(c)
            if t is not None:
                row[v] = t
        rows.append(row)
    return Result("bindings", vars_, rows)


def parse_csv_text(text):
    rd = list(csv.reader(io.StringIO(text, newline="")))
    if not rd:
        raise BadOutput("empty CSV")
    vars_ = rd[0] if rd[0] != [""] else []
    rows = []
    for cells in rd[1:]:
        if cells == [] or (cells == [""] and len(vars_) != 1):
            continue
        if len(cells) != len(vars_):
            raise BadOutput("CSV row with %d cells for %d variables" % (len(cells), len(vars_)))
        row = {}
        for v, c in zip(vars_, cells):
            if c == "":
                continue
            row[v] = ("bnode", c[2:]) if c.startswith("_:") else ("csv", c)
        rows.append(row)
    return Result("csv", vars_, rows)


def result_set_from_graph(triples):
    """An expected result in Turtle: an rs:ResultSet, or else a plain graph."""
    by_s = collections.defaultdict(list)
    for s, p, o in triples:
        by_s[s].append((p, o))
    rs_nodes = [s for s, p, o in triples
                if p == ("uri", RDF + "type") and o == ("uri", RS + "ResultSet")]
    if not rs_nodes:
        return Result("graph", triples=triples)
    node = rs_nodes[0]
    props = by_s[node]
    for p, o in props:
        if p == ("uri", RS + "boolean"):
            return Result("boolean", boolean=o[1] in ("true", "1"))
    vars_ = [o[1] for p, o in props if p == ("uri", RS + "resultVariable")]
    rows, idx = [], []
    for p, sol in props:
        if p != ("uri", RS + "solution"):
            continue
        row, index = {}, None
        for sp, so in by_s[sol]:
            if sp == ("uri", RS + "index"):
                index = int(so[1])
            elif sp == ("uri", RS + "binding"):
                var = val = None
                for bp, bo in by_s[so]:
                    if bp == ("uri", RS + "variable"):
                        var = bo[1]
                    elif bp == ("uri", RS + "value"):
                        val = bo
                if var is not None and val is not None:
                    row[var] = val
        rows.append(row)
        idx.append(index)
    ordered = bool(rows) and all(i is not None for i in idx)
    if ordered:
        rows = [r for _, r in sorted(zip(idx, rows), key=lambda x: x[0])]
    return Result("bindings", vars_, rows, ordered=ordered)


def read_expected(path):
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "srx":
        return parse_srx_text(open(path, "rb").read())
    if ext == "srj":
        return parse_srj_text(open(path, encoding="utf-8").read())
    if ext == "tsv":
        return parse_tsv_text(open(path, encoding="utf-8").read())
    if ext == "csv":
        return parse_csv_text(open(path, encoding="utf-8", newline="").read())
    if ext in ("ttl", "nt", "rdf"):
        return result_set_from_graph(rapper_triples(path, None))
    raise BadOutput("unknown result file type: %s" % path)


def read_output(text, fmt, base):
    """Parses the engine's stdout in format @fmt; Turtle is read with rapper."""
    if fmt == "json":
        return parse_srj_text(text)
    if fmt == "xml":
        return parse_srx_text(text.encode("utf-8"))
    if fmt == "tsv":
        return parse_tsv_text(text)
    if fmt == "csv":
        return parse_csv_text(text)
    if fmt in ("turtle", "ntriples"):
        with tempfile.NamedTemporaryFile("w", suffix=".ttl", delete=False, encoding="utf-8") as f:
            f.write(text)
        try:
            return Result("graph", triples=rapper_triples(
                f.name, "turtle" if fmt == "turtle" else "ntriples", base))
        finally:
            os.unlink(f.name)
    raise BadOutput("unknown format %s" % fmt)


# ---------------------------------------------------------------- matching
class GaveUp(Exception):
    pass


def _sig(row):
    return tuple(("_",) if is_bnode(t) else t for t in row)


def match_rows(exp, act, limit=2000000):
    """Multiset match of two lists of tuples of terms, blank nodes up to a
    bijection.  Returns (mapping or None, missing, extra): missing/extra are
    rows left unmatched, for the diff."""
    if not any(is_bnode(t) for r in exp + act for t in r):
        ce, ca = collections.Counter(exp), collections.Counter(act)
        if ce == ca:
            return {}, [], []
        return None, list((ce - ca).elements()), list((ca - ce).elements())
    ground_e = [r for r in exp if not any(is_bnode(t) for t in r)]
    ground_a = [r for r in act if not any(is_bnode(t) for t in r)]
    ce, ca = collections.Counter(ground_e), collections.Counter(ground_a)
    ne = [r for r in exp if any(is_bnode(t) for t in r)]
    na = [r for r in act if any(is_bnode(t) for t in r)]
    if ce != ca or collections.Counter(map(_sig, ne)) != collections.Counter(map(_sig, na)):
        return None, list((ce - ca).elements()) + _residual(ne, na), \
            list((ca - ce).elements()) + _residual(na, ne)
    col_e, col_a = _colours(ne), _colours(na)
    if collections.Counter(col_e.values()) != collections.Counter(col_a.values()):
        return None, ["(same rows up to blank nodes, but the blank nodes are shared"
                      " differently:)"] + ne, na
    # order the expected rows so that each shares blank nodes with earlier ones
    order, seen, left = [], set(), list(range(len(ne)))
    while left:
        best = max(left, key=lambda i: sum(1 for t in ne[i] if is_bnode(t) and t in seen))
        left.remove(best)
        order.append(best)
        seen.update(t for t in ne[best] if is_bnode(t))
    cand = collections.defaultdict(list)
    for j, r in enumerate(na):
        cand[_sig(r)].append(j)
    used = [False] * len(na)
    fwd, rev = {}, {}
    steps = [0]

    def unify(er, ar, added):
        for te, ta in zip(er, ar):
            if not is_bnode(te):
                continue
            if te in fwd:
                if fwd[te] != ta:
                    return False
            elif ta in rev or col_e[te] != col_a[ta]:
                return False
            else:
                fwd[te] = ta
                rev[ta] = te
                added.append(te)
        return True

    def solve(k):
        if k == len(order):
            return True
        steps[0] += 1
        if steps[0] > limit:
            raise GaveUp()
        er = ne[order[k]]
        for j in cand[_sig(er)]:
            if used[j]:
                continue
            added = []
            if unify(er, na[j], added):
                used[j] = True
                if solve(k + 1):
                    return True
                used[j] = False
            for te in added:
                del rev[fwd.pop(te)]
        return False

    try:
        ok = solve(0)
    except GaveUp:
        return None, ["(blank-node matching gave up after %d steps)" % limit], []
    if ok:
        return dict(fwd), [], []
    return None, _residual(ne, na, blur=False), _residual(na, ne, blur=False)


def _residual(a, b, blur=True):
    """Rows of a with no counterpart in b (blank nodes blurred when @blur)."""
    if not blur:
        return list(a)
    cb = collections.Counter(map(_sig, b))
    out = []
    for r in a:
        s = _sig(r)
        if cb[s] > 0:
            cb[s] -= 1
        else:
            out.append(r)
    return out


def _colours(rows, rounds=4):
    """Colour refinement of the blank nodes of @rows (isomorphism-invariant)."""
    occ = collections.defaultdict(list)
    for i, r in enumerate(rows):
        for pos, t in enumerate(r):
            if is_bnode(t):
                occ[t].append((i, pos))
    col = {b: hash(tuple(sorted((repr(_sig(rows[i])), pos) for i, pos in o)))
           for b, o in occ.items()}
    for _ in range(rounds):
        new = {}
        for b, o in occ.items():
            ctx = []
            for i, pos in o:
                ctx.append((pos, tuple(col[t] if is_bnode(t) else repr(t) for t in rows[i])))
            new[b] = hash((col[b], tuple(sorted(ctx, key=repr))))
        if len(set(new.values())) == len(set(col.values())):
            col = new
            break
        col = new
    return col


# ---------------------------------------------------------------- query text
def strip_query(text):
    """Query text with comments removed and strings / IRIs replaced by
    placeholders, plus the brace depth of each character."""
    out, depth, i, n, d = [], [], 0, len(text), 0
    while i < n:
        c = text[i]
        if c == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        if c in "\"'":
            q3 = text[i:i + 3]
            if q3 in ('"""', "'''"):
                j = text.find(q3, i + 3)
                i = n if j < 0 else j + 3
            else:
                j = i + 1
                while j < n and text[j] != c:
                    j += 2 if text[j] == "\\" else 1
                i = j + 1
            out.append('""')
            depth.extend([d, d])
            continue
        if c == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])
            if m:
                out.append("<>")
                depth.extend([d, d])
                i += m.end()
                continue
        if c == "{":
            d += 1
        out.append(c)
        depth.append(d)
        if c == "}":
            d -= 1
        i += 1
    return "".join(out), depth


def query_form(text):
    s, _ = strip_query(text)
    s = re.sub(r"(?is)\b(PREFIX\s+[^\s:]*:\s*<>|BASE\s+<>)", " ", s)
    m = re.match(r"(?is)\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", s)
    return m.group(1).upper() if m else "UNKNOWN"


def order_keys(text):
    """None if the query has no top-level ORDER BY, else the list of variables
    named in its ORDER BY clause (possibly empty)."""
    s, depth = strip_query(text)
    top = "".join(c if dd == 0 and c not in "{}" else " " for c, dd in zip(s, depth))
    m = re.search(r"(?is)\bORDER\s+BY\b(.*?)(\bLIMIT\b|\bOFFSET\b|\bVALUES\b|$)", top)
    if not m:
        return None
    keys = []
    for v in re.findall(r"[?$]([A-Za-z0-9_\u00b7\u00c0-\uffff]+)", m.group(1)):
        if v not in keys:
            keys.append(v)
    return keys


# ---------------------------------------------------------------- comparison
def compare(exp, act, order=None, numbers="lexical"):
    """-> (same: bool, diff lines).  @order: ORDER BY key variables (list),
    or None when the order does not matter.  @numbers: "lexical" (strict) or
    "value" (numeric literals compared by value within their datatype)."""
    nv = num_value if numbers == "value" else (lambda t: t)
    if exp.kind == "boolean" or act.kind == "boolean":
        if exp.kind != act.kind:
            return False, ["expected a %s result, got a %s result" % (exp.kind, act.kind)]
        if exp.boolean != act.boolean:
            return False, ["expected %s, got %s" % (exp.boolean, act.boolean)]
        return True, []
    if exp.kind == "graph" or act.kind == "graph":
        if exp.kind != act.kind:
            return False, ["expected a %s result, got a %s result" % (exp.kind, act.kind)]
        e = sorted(set(tuple(map(nv, r)) for r in exp.triples), key=repr)
        a = sorted(set(tuple(map(nv, r)) for r in act.triples), key=repr)
        mp, miss, extra = match_rows(e, a)
        if mp is not None:
            return True, []
        return False, _diff_lines(miss, extra, len(e), len(a), "triples",
                                  lambda r: " ".join(map(fmt_term, r)) + " .")
    # bindings / csv
    if exp.kind == "csv":
        act = to_csv(act)
    diff = []
    if set(exp.vars) != set(act.vars):
        diff.append("variables: expected %s, got %s" % (
            " ".join("?" + v for v in exp.vars), " ".join("?" + v for v in act.vars)))
    allv = sorted(set(exp.vars) | set(act.vars) |
                  {v for r in exp.rows + act.rows for v in r})
    er = [tuple(nv(r.get(v)) for v in allv) for r in exp.rows]
    ar = [tuple(nv(r.get(v)) for v in allv) for r in act.rows]
    mp, miss, extra = match_rows(er, ar)
    if mp is None:
        diff += _diff_lines(miss, extra, len(er), len(ar), "rows",
                            lambda r: "  ".join("?%s=%s" % (v, fmt_term(t))
                                                for v, t in zip(allv, r) if t is not None)
                            or "(empty row)")
        return False, diff
    if order is None and exp.ordered:
        order = []
    if order is not None:
        keys = [v for v in order if v in allv] or allv
        idx = [allv.index(v) for v in keys]

        def proj(rows):
            return [tuple(("_",) if is_bnode(r[i]) else r[i] for i in idx) for r in rows]
        pe, pa = proj(er), proj(ar)
        if pe != pa:
            k = next(i for i, (x, y) in enumerate(zip(pe, pa)) if x != y)
            diff.append("same rows, wrong order (ORDER BY %s): first difference at row %d:"
                        " expected %s, got %s" % (" ".join("?" + v for v in keys), k + 1,
                                                 " ".join(map(fmt_term, pe[k])),
                                                 " ".join(map(fmt_term, pa[k]))))
            return False, diff
    return not diff, diff


def to_csv(r):
    """A bindings result seen through the CSV format (lossy)."""
    if r.kind == "csv":
        return r
    rows = []
    for row in r.rows:
        nr = {}
        for v, t in row.items():
            nr[v] = t if t[0] == "bnode" else ("csv", t[1])
        rows.append(nr)
    return Result("csv", r.vars, rows)


def _diff_lines(miss, extra, ne, na, what, fmt, cap=8):
    out = ["expected %d %s, got %d" % (ne, what, na)]
    for label, rows in (("-", miss), ("+", extra)):
        for r in rows[:cap]:
            out.append("%s %s" % (label, r if isinstance(r, str) else fmt(r)))
        if len(rows) > cap:
            out.append("%s ... %d more" % (label, len(rows) - cap))
    return out


# ---------------------------------------------------------------- manifests
class Graph:
    def __init__(self, triples):
        self.spo = collections.defaultdict(list)
        for s, p, o in triples:
            self.spo[(s, p)].append(o)

    def objs(self, s, p):
        return self.spo.get((s, ("uri", p)), [])

    def one(self, s, p):
        o = self.objs(s, p)
        return o[0] if o else None

    def rdf_list(self, head):
        out = []
        while head is not None and head != ("uri", RDF + "nil"):
            f = self.one(head, RDF + "first")
            if f is not None:
                out.append(f)
            head = self.one(head, RDF + "rest")
        return out


def load_tests(suite):
    """-> list of test dicts, in manifest order."""
    top = os.path.join(suite, "manifest-sparql11-query.ttl")
    folders = []
    if os.path.exists(top):
        g = Graph(rapper_triples(top))
        for (s, p), objs in list(g.spo.items()):
            if p == ("uri", MF + "include"):
                for inc in objs:
                    for m in g.rdf_list(inc):
                        folders.append(os.path.dirname(uri_path(m[1])))
    # the top manifest leaves out csv-tsv-res/ and json-res/: add every other
    # sub-folder that has a manifest.ttl
    folders = [os.path.abspath(f) for f in folders]
    for d in sorted(os.listdir(suite)):
        fd = os.path.abspath(os.path.join(suite, d))
        if os.path.exists(os.path.join(fd, "manifest.ttl")) and fd not in folders:
            folders.append(fd)
    tests = []
    for fd in folders:
        mpath = os.path.join(fd, "manifest.ttl")
        g = Graph(rapper_triples(mpath))
        folder = os.path.basename(fd)
        mans = [s for (s, p), os_ in g.spo.items()
                if p == ("uri", RDF + "type") and ("uri", MF + "Manifest") in os_]
        entries = []
        for m in mans:
            for lst in g.objs(m, MF + "entries"):
                entries += g.rdf_list(lst)
        for e in entries:
            types = {t[1].rsplit("#", 1)[-1] for t in g.objs(e, RDF + "type")}
            appr = g.one(e, DAWGT + "approval")
            name = g.one(e, MF + "name")
            t = {"id": e[1], "folder": folder, "name": e[1].rsplit("#", 1)[-1],
                 "label": name[1] if name else "", "types": sorted(types),
                 "approval": appr[1].rsplit("#", 1)[-1] if appr else None,
                 "data": [], "named": [], "query": None, "result": None}
            act = g.one(e, MF + "action")
            if act is not None and act[0] == "uri":
                t["query"] = uri_path(act[1])
            elif act is not None:
                q = g.one(act, QT + "query")
                t["query"] = uri_path(q[1]) if q else None
                t["data"] = [uri_path(d[1]) for d in g.objs(act, QT + "data")]
                for gd in g.objs(act, QT + "graphData"):
                    if gd[0] == "uri":
                        t["named"].append((gd[1], uri_path(gd[1])))
                    else:  # [ qt:graph <file> ; rdfs:label "name" ]
                        f = g.one(gd, QT + "graph")
                        lb = g.one(gd, RDFS + "label")
                        t["named"].append((lb[1] if lb else f[1], uri_path(f[1])))
            r = g.one(e, MF + "result")
            t["result"] = uri_path(r[1]) if r else None
            if types & EVAL_TYPES:
                t["kind"] = "eval"
            elif types & SYNTAX_POS:
                t["kind"] = "syntax+"
            elif types & SYNTAX_NEG:
                t["kind"] = "syntax-"
            else:
                t["kind"] = "other"
            tests.append(t)
    return tests


# ---------------------------------------------------------------- running
def turtle_copy(path, outdir):
    """The engine reads Turtle: other data files (.rdf, .nt) are converted to
    N-Triples (a subset of Turtle) once, with their own file: URI as base."""
    if path.endswith(".ttl"):
        return path
    dst = os.path.join(outdir, "data", os.path.basename(os.path.dirname(path)),
                       os.path.basename(path) + ".ttl")
    if not os.path.exists(dst):
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        triples = rapper_triples(path, None)
        with open(dst + ".tmp", "w", encoding="utf-8") as f:
            for tr in triples:
                f.write(" ".join(nt_term(t) for t in tr) + " .\n")
        os.replace(dst + ".tmp", dst)
    return dst


def nt_term(t):
    if t[0] == "uri":
        return "<%s>" % t[1]
    if t[0] == "bnode":
        return "_:" + t[1]
    s = '"%s"' % t[1].replace("\\", "\\\\").replace('"', '\\"').replace(
        "\n", "\\n").replace("\r", "\\r")
    if t[3]:
        return s + "@" + t[3]
    if t[2] != XSD_STRING:
        return s + "^^<%s>" % t[2]
    return s


def run_engine(cmd, timeout, cwd=None):
    """-> (rc or None on timeout, stdout text, stderr text, seconds)."""
    t0 = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)  # our own child's process group
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        rc = None
    return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.time() - t0


def first_line(s):
    s = s.strip()
    return s.splitlines()[0][:200] if s else ""


def run_test(t, a, empty):
    """-> dict(outcome=PASSED|REFUSED|WRONG|TIMEOUT, detail=[...], secs, cmd)."""
    qtext = open(t["query"], encoding="utf-8", errors="replace").read()
    form = query_form(qtext)
    if t["kind"] == "eval":
        ext = (t["result"] or "").rsplit(".", 1)[-1].lower()
        fmt = "csv" if ext == "csv" else "tsv" if ext == "tsv" else \
            "turtle" if form in ("CONSTRUCT", "DESCRIBE") else "json"
    else:
        fmt = "turtle" if form in ("CONSTRUCT", "DESCRIBE") else "json"
    data = [turtle_copy(d, a.out) for d in t["data"]] or [empty]
    cmd = list(a.engine) + ["query"]
    for d in data:
        cmd += ["--data", d]
    for iri, f in t["named"]:
        cmd += ["--named", "%s=%s" % (iri, turtle_copy(f, a.out))]
    cmd += ["-f", fmt, t["query"]]
    # run in the test's folder: relative IRIs resolve the same way whether the
    # engine takes the query file's URI or the working directory as base
    rc, out, err, secs = run_engine(cmd, a.timeout, os.path.dirname(t["query"]))
    r = {"secs": secs, "cmd": cmd, "rc": rc, "fmt": fmt}

    def done(outcome, *detail):
        r["outcome"] = outcome
        r["detail"] = [d for d in detail if d]
        if outcome != "PASSED":
            r["stdout"], r["stderr"] = out, err
        return r

    if rc is None:
        return done("TIMEOUT", "no answer within %gs" % a.timeout)
    if rc < 0:
        return done("WRONG", "crashed: signal %d" % -rc, first_line(err))
    msg = first_line(err)
    if t["kind"] == "syntax-":
        if rc == 3 and msg:
            return done("PASSED")
        if rc in (0, 1):
            return done("WRONG", "accepted a query that is not valid SPARQL 1.1 (exit %d)" % rc)
        return done("WRONG", "exit %d%s" % (rc, "" if msg else " without a message"), msg)
    if rc == 3:
        if msg:
            return done("REFUSED", msg)
        return done("WRONG", "exit 3 without a message on stderr")
    if rc not in (0, 1):
        return done("WRONG", "exit %d" % rc, msg)
    if t["kind"] == "syntax+":
        return done("PASSED")
    try:
        act = read_output(out, fmt, file_uri(t["query"]))
    except BadOutput as e:
        return done("WRONG", "unreadable %s output: %s" % (fmt, e),
                    "stdout: " + first_line(out) if out.strip() else "stdout: (empty)", msg)
    if rc == 1 and not (act.kind == "boolean" and act.boolean is False):
        return done("WRONG", "exit 1 but the result is not ASK false")
    if rc == 0 and act.kind == "boolean" and act.boolean is False:
        return done("WRONG", "ASK false must exit 1 (exit 0)")
    try:
        exp = read_expected(t["result"])
    except (BadOutput, OSError) as e:
        return done("WRONG", "cannot read expected result: %s" % e)
    order = order_keys(qtext) if act.kind != "graph" else None
    same, diff = compare(exp, act, order, a.numbers)
    if same:
        return done("PASSED")
    if a.numbers == "lexical" and compare(exp, act, order, "value")[0]:
        r["numeric_only"] = True
        diff = ["numeric literals differ in lexical form only"
                " (passes with --numbers value)"] + diff
    return done("WRONG", *diff)


def select(tests, a):
    out = []
    for t in tests:
        if t["kind"] == "other" or not t["query"]:
            continue
        if t["kind"] != "eval" and not a.syntax:
            continue
        if a.strict_approval and t["approval"] != "Approved":
            continue
        if t["approval"] in NOT_APPROVED:
            continue
        if a.only and not any(s in "%s/%s" % (t["folder"], t["name"]) for s in a.only):
            continue
        out.append(t)
    return out


def main_run(a):
    suite = os.path.abspath(a.suite)
    if not os.path.isdir(suite):
        print("run_w3c: no test suite at %s (set W3C_DIR)" % suite, file=sys.stderr)
        return 2
    if a.engine_cmd:
        a.engine = shlex.split(a.engine_cmd)
    elif a.kg:
        a.engine = [os.path.abspath(a.kg)]
    else:
        print("run_w3c: give --kg or --engine-cmd", file=sys.stderr)
        return 2
    a.out = os.path.abspath(a.out)
    os.makedirs(a.out, exist_ok=True)
    empty = os.path.join(a.out, "empty.ttl")
    open(empty, "w").close()
    tests = load_tests(suite)
    counts = collections.Counter()
    for t in tests:
        if t["kind"] == "other":
            continue
        counts[(t["kind"] == "eval" and "eval" or "syntax",
                "approved" if t["approval"] == "Approved" else
                "unmarked" if t["approval"] is None else "proposed")] += 1
    chosen = select(tests, a)
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(run_test, t, a, empty) for t in chosen]
        results = []
        for t, f in zip(chosen, futs):
            try:
                results.append(f.result())
            except Exception as e:  # a runner bug must not hide the other tests
                results.append({"outcome": "WRONG", "detail": ["runner error: %r" % e],
                                "secs": 0, "cmd": []})
    wall = time.time() - t0

    # ---- tables
    def table(kind_pred, title):
        per = collections.OrderedDict()
        for t, r in zip(chosen, results):
            if not kind_pred(t):
                continue
            c = per.setdefault(t["folder"], collections.Counter())
            c["tests"] += 1
            c[r["outcome"]] += 1
        tot = collections.Counter()
        lines = ["%-20s %6s %7s %8s %6s %8s %7s" % (title, "tests", "passed", "refused",
                                                   "wrong", "timeout", "pass%")]
        for fd, c in list(per.items()) + [("TOTAL", None)]:
            if c is None:
                c = tot
            else:
                tot.update(c)
            wrong = c["WRONG"] + c["TIMEOUT"]
            lines.append("%-20s %6d %7d %8d %6d %8d %6.1f%%" % (
                fd, c["tests"], c["PASSED"], c["REFUSED"], wrong, c["TIMEOUT"],
                100.0 * c["PASSED"] / c["tests"] if c["tests"] else 0))
        return lines, tot

    ev_lines, ev = table(lambda t: t["kind"] == "eval", "evaluation")
    sy_lines, sy = table(lambda t: t["kind"] != "eval", "syntax")
    sel = "dawgt:Approved only" if a.strict_approval else \
        "dawgt:Approved or without approval (not dawgt:Proposed)"
    head = [
        "W3C SPARQL 1.1 query tests: %s" % suite,
        "engine: %s query ..." % " ".join(shlex.quote(x) for x in a.engine),
        "suite: evaluation tests %d approved + %d without dawgt:approval + %d proposed; "
        "syntax tests %d approved + %d without + %d proposed" % (
            counts[("eval", "approved")], counts[("eval", "unmarked")],
            counts[("eval", "proposed")], counts[("syntax", "approved")],
            counts[("syntax", "unmarked")], counts[("syntax", "proposed")]),
        "selected: %s; numbers compared by %s; timeout %gs; %d jobs; %.1fs" % (
            sel, a.numbers, a.timeout, a.jobs, wall),
        "",
    ]
    ev_wrong = ev["WRONG"] + ev["TIMEOUT"]
    sy_wrong = sy["WRONG"] + sy["TIMEOUT"]
    summary = ev_lines + [""] + (sy_lines + [""] if sy["tests"] else []) + [
        "w3c evaluation: %d passed, %d refused, %d wrong (%d timeout) of %d - pass rate %.1f%%" % (
            ev["PASSED"], ev["REFUSED"], ev_wrong, ev["TIMEOUT"], ev["tests"],
            100.0 * ev["PASSED"] / ev["tests"] if ev["tests"] else 0)]
    numonly = sum(1 for t, r in zip(chosen, results)
                  if t["kind"] == "eval" and r.get("numeric_only"))
    if numonly:
        summary.append("  of the wrong ones, %d differ only in the lexical form of numeric"
                       " literals (they pass with W3C_NUMBERS=value / --numbers value)" % numonly)
    if sy["tests"]:
        summary.append("w3c syntax: %d passed, %d refused, %d wrong of %d" % (
            sy["PASSED"], sy["REFUSED"], sy_wrong, sy["tests"]))
    # ---- detailed report
    rep = head + summary + ["", "Every test (outcome, folder/test, seconds, mf:name):", ""]
    for t, r in zip(chosen, results):
        rep.append("%-8s %s/%s  %.2fs  %s" % (r["outcome"], t["folder"], t["name"],
                                             r.get("secs", 0), t["label"]))
        if r["outcome"] != "PASSED":
            for d in r.get("detail", []):
                for dl in str(d).splitlines():
                    rep.append("           " + dl)
            if r["outcome"] in ("WRONG", "TIMEOUT"):
                rep.append("           cmd: " + " ".join(shlex.quote(x) for x in r.get("cmd", [])))
                if t["result"]:
                    rep.append("           expected: " + t["result"])
    with open(os.path.join(a.out, "report.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(rep) + "\n")
    with open(os.path.join(a.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump([{"test": "%s/%s" % (t["folder"], t["name"]), "kind": t["kind"],
                    "approval": t["approval"], "outcome": r["outcome"],
                    "detail": r.get("detail", []), "secs": round(r.get("secs", 0), 3)}
                   for t, r in zip(chosen, results)], f, indent=1)
    print("\n".join(head + summary))
    if a.verbose:
        for t, r in zip(chosen, results):
            if r["outcome"] in ("WRONG", "TIMEOUT"):
                print("%s %s/%s: %s" % (r["outcome"], t["folder"], t["name"],
                                        "; ".join(r.get("detail", []))[:300]))
    print("details: %s" % os.path.join(a.out, "report.txt"))
    return 0 if ev_wrong + sy_wrong == 0 else 1


def main_compare(a):
    """--compare EXPECTED ACTUAL: the comparison alone (used by the self-test)."""
    exp_path, act_path = a.compare
    try:
        exp = read_expected(exp_path)
        ext = act_path.rsplit(".", 1)[-1].lower()
        fmt = {"srj": "json", "json": "json", "srx": "xml", "xml": "xml", "tsv": "tsv",
               "csv": "csv", "ttl": "turtle", "nt": "ntriples"}.get(ext)
        if fmt is None:
            raise BadOutput("unknown result file type: %s" % act_path)
        act = read_output(open(act_path, encoding="utf-8", newline="").read(), fmt,
                          file_uri(act_path))
    except (BadOutput, OSError) as e:
        print("ERROR %s" % e)
        return 2
    order = None
    if a.query:
        order = order_keys(open(a.query, encoding="utf-8").read())
    if a.ordered and order is None:
        order = []
    same, diff = compare(exp, act, order if act.kind != "graph" else None, a.numbers)
    print("PASSED" if same else "WRONG")
    for d in diff:
        print("  " + d)
    return 0 if same else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description="W3C SPARQL 1.1 query tests for mednum-kg")
    ap.add_argument("--suite", help="the w3c-sparql11 folder (make: $(W3C_DIR))")
    ap.add_argument("--kg", default=os.environ.get("KG"), help="the mednum-kg binary")
    ap.add_argument("--engine-cmd", help="command to run instead of KG (words, shell-split);"
                    " 'query ...' is appended")
    ap.add_argument("--out", default="build/w3c")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--only", action="append", help="run tests whose folder/name contains this")
    ap.add_argument("--strict-approval", action="store_true",
                    help="only tests marked dawgt:Approved (default: all but dawgt:Proposed)")
    ap.add_argument("--no-syntax", dest="syntax", action="store_false",
                    help="skip the syntax tests")
    ap.add_argument("--numbers", choices=("lexical", "value"), default="lexical",
                    help="numeric literals: exact lexical form (default) or value"
                    " within the same datatype")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the wrong tests too")
    ap.add_argument("--compare", nargs=2, metavar=("EXPECTED", "ACTUAL"))
    ap.add_argument("--query", help="with --compare: the query (for its ORDER BY)")
    ap.add_argument("--ordered", action="store_true",
                    help="with --compare: compare the whole row sequence")
    a = ap.parse_args(argv)
    if not shutil.which("rapper"):
        print("run_w3c: rapper (Debian raptor2-utils) is needed to read the manifests",
              file=sys.stderr)
        return 2
    if a.compare:
        return main_compare(a)
    if not a.suite:
        ap.error("--suite is required")
    return main_run(a)


if __name__ == "__main__":
    sys.exit(main())
