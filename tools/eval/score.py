#!/usr/bin/env python3
"""score.py - score the extractor against hand-made gold files (make eval).

  score.py [--kg PATH] [--details] [--json FILE] [--graphs DIR] [--jobs N]
           [--timeout SECONDS] [--title TEXT] FOLDER...

For every report NAME.md that has a NAME.gold.tsv beside it in the FOLDERs
(tests/corpus/README.md describes both), the report is extracted with
  KG extract --no-reference -f ntriples NAME.md      (stdout -> NAME.nt)
and the graph is read back with the SPARQL queries of QUERIES below, run by
  KG query --data NAME.nt -f json -e TEXT
(one BGP each, at most single-pattern OPTIONALs: the safe subset of
DESIGN.md section 7; negation and role precedence are done here, in Python).
KG is --kg, else $KG, else build/mednum-kg of this tree.

What is "found", per category (the vocabulary contract, DESIGN.md section 4):
  date          schema:startDate / schema:endDate of the top-level events
                (schema:Event with no schema:superEvent), compared as days
                (the first 10 characters); an endDate equal to the same
                event's startDate says "one day" and is not counted, since
                the gold has date-end only for events over several days
  session       each schema:Event that has a schema:superEvent (blocks such
                as "Ateliers du matin" included); its schema:name(s)
  person        each schema:Person; its schema:name(s)
  person-role   the found people with role performer or notetaker: performer
                when an event or a session schema:performer them; else
                notetaker when one schema:recordedIn ?notes and ?notes
                schema:author them; else the role is mention (not counted
                here).  A report with no sessions has its speakers as the
                event's performers (DESIGN.md section 4).
  organisation  each schema:Organization; schema:name + schema:alternateName
                are alternatives of the one found item
  initiative    each mn:Initiative; schema:name + schema:alternateName
  place         the INSEE codes of the territories (mnid:territoire/{commune,
                departement,region}/CODE; epci ignored) that any subject has
                as dcterms:spatial, and that the schema:location of any
                schema:Event is schema:containedInPlace; one item per code

Matching, per report and category, one to one (each gold item matched at
most once, each found item at most once) and of maximum size (augmenting
paths; the candidate pairs of each gold item are tried best first):
  * values are normalised: NFKD, accents dropped, oe/ae ligatures spelt
    out, case folded, every character that is not a letter or a digit
    becomes a space, spaces collapsed; for people a leading civility
    (M, Mme, Mlle, Mr, Dr, Pr, Monsieur, Madame, Mademoiselle, Docteur,
    Professeur) is dropped too;
  * a gold value "A | B" matches when any alternative matches any of the
    found item's names;
  * equal normalised forms match; sessions also match when one normalised
    title contains the other as whole words ("atelier 1 le bus numerique"
    holds "le bus numerique"), or when their sets of words overlap with a
    Jaccard index |A & B| / |A | B| >= 0.6 (equal > containment > overlap);
  * people: equal names; a found person whose role is the gold one is
    preferred when several have the name;
  * person-role: a gold person with role performer or notetaker counts when
    the found person matched to them in "person" has that same role; found =
    the found people with role performer or notetaker;
  * place: equal INSEE codes (a region and a departement with the same code,
    e.g. 76, are not told apart: the gold format has the code only); the
    codes of one territory that the gold gives as alternatives ("972 | 02":
    Martinique, département and région) are one found item when the graph
    has several of them (merge_places());
  * date: same kind (start/end) and same day.
Precision = tp / found, recall = tp / gold (shown as "-" when the
denominator is 0); totals are micro-averaged (sums of tp, found, gold).

A report the extractor refuses (any exit status but 0, a timeout, a graph
the queries cannot read) is shown with its error and counts as nothing
found; its gold still counts.

Exit status: 0 scored (whatever the figures), 2 usage (bad option, missing
folder or binary), 3 a gold file is malformed (each bad line is named as
FILE:LINE on stderr, and nothing is extracted).

Python 3 standard library only.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

CATEGORIES = ("session", "person", "person-role", "organisation", "initiative",
              "place", "date")
GOLD_CATEGORIES = ("date-start", "date-end", "session", "person", "organisation",
                   "initiative", "place")
ROLES = ("performer", "notetaker", "mention")
WITH_ROLE = ("performer", "notetaker")
JACCARD_MIN = 0.6
CIVILITIES = {"m", "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame",
              "mademoiselle", "docteur", "professeur"}
# an INSEE code: commune (5 characters, Corsica 2A/2B), departement (2-3),
# region (2)
INSEE_RE = re.compile(r"^(?:\d{5}|2[AB]\d{3}|\d{2,3}|2[AB])$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TERRITORY_RE = re.compile(r"/territoire/(commune|departement|region|epci)/([^/?#]+)$")

PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX mn: <https://w3id.org/mednum-kg/def#>
"""

# Each query: one basic graph pattern, OPTIONALs of one triple pattern only.
QUERIES = {
    # every event, with its parent when it has one (none: a top-level event)
    "events": """SELECT ?e ?sup ?start ?end WHERE { ?e a schema:Event .
  OPTIONAL { ?e schema:superEvent ?sup }
  OPTIONAL { ?e schema:startDate ?start }
  OPTIONAL { ?e schema:endDate ?end } }""",
    "sessions": """SELECT ?s ?name WHERE { ?s a schema:Event ; schema:superEvent ?sup .
  OPTIONAL { ?s schema:name ?name } }""",
    "people": """SELECT ?p ?name WHERE { ?p a schema:Person .
  OPTIONAL { ?p schema:name ?name } }""",
    "performers": """SELECT ?p WHERE { ?s a schema:Event ;
  schema:performer ?p }""",
    "notetakers": """SELECT ?p WHERE { ?s a schema:Event ;
  schema:recordedIn ?notes . ?notes schema:author ?p }""",
    "organisations": """SELECT ?x ?name ?alt WHERE { ?x a schema:Organization .
  OPTIONAL { ?x schema:name ?name }
  OPTIONAL { ?x schema:alternateName ?alt } }""",
    "initiatives": """SELECT ?x ?name ?alt WHERE { ?x a mn:Initiative .
  OPTIONAL { ?x schema:name ?name }
  OPTIONAL { ?x schema:alternateName ?alt } }""",
    "spatial": """SELECT ?x ?t WHERE { ?x dcterms:spatial ?t }""",
    "locations": """SELECT ?e ?t WHERE { ?e a schema:Event ; schema:location ?l .
  ?l schema:containedInPlace ?t }""",
}


class Usage(Exception):
    """Bad command line: exit 2."""


class ReportError(Exception):
    """The extractor refused the report, or its graph could not be read."""


# ---------------------------------------------------------------- normalising
def norm(text):
    """NFKD, accents dropped, ligatures spelt out, case folded, anything that
    is not a letter or a digit -> space, spaces collapsed."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("\u0153", "oe").replace("\u00e6", "ae")
    s = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(s.split())


def norm_person(text):
    words = norm(text).split()
    while len(words) > 1 and words[0] in CIVILITIES:
        words = words[1:]
    return " ".join(words)


def split_alternatives(value):
    return [a.strip() for a in value.split(" | ")]


# ---------------------------------------------------------------- gold files
class Gold:
    """One gold item: category (date/session/person/...), the alternatives as
    written, their keys (normalised forms, codes or (kind, day)), role for
    people, the line it came from."""

    def __init__(self, cat, alts, keys, line, role=None):
        self.cat, self.alts, self.keys, self.line, self.role = cat, alts, keys, line, role

    def label(self):
        if self.cat == "date":
            return "%s %s" % self.keys[0]
        return " | ".join(self.alts)


def read_gold(path):
    """Returns (items, errors): errors are "FILE:LINE: message" strings."""
    items, errors, seen = [], [], {}
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        return [], ["%s: %s" % (path, e.strerror)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], ["%s:%d: not UTF-8 (byte 0x%02x)" % (
            path, raw.count(b"\n", 0, e.start) + 1, raw[e.start])]
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = "%s:%d" % (path, n)
        fields = [x.strip() for x in line.split("\t")]
        if len(fields) < 2:
            errors.append("%s: expected CATEGORY<TAB>VALUE[<TAB>DETAIL], found no tab" % where)
            continue
        if len(fields) > 3:
            errors.append("%s: %d fields, at most 3 (CATEGORY, VALUE, DETAIL)" % (where, len(fields)))
            continue
        cat, value = fields[0], fields[1]
        detail = fields[2] if len(fields) == 3 else ""
        if cat not in GOLD_CATEGORIES:
            errors.append("%s: unknown category %r (one of %s)" % (where, cat, ", ".join(GOLD_CATEGORIES)))
            continue
        alts = split_alternatives(value)
        if not value or any(not a for a in alts):
            errors.append("%s: empty value or empty alternative" % where)
            continue
        role = None
        if cat.startswith("date-"):
            bad = [a for a in alts if not DATE_RE.match(a) or not valid_day(a)]
            if bad:
                errors.append("%s: %s: not a date YYYY-MM-DD" % (where, bad[0]))
                continue
            keys = [(cat[5:], a) for a in alts]
            cat = "date"
        elif cat == "place":
            bad = [a for a in alts if not INSEE_RE.match(a)]
            if bad:
                errors.append("%s: %r is not an INSEE code (commune 5 characters, "
                              "departement 2-3, region 2)" % (where, bad[0]))
                continue
            keys = alts
        else:
            f = norm_person if cat == "person" else norm
            keys = [f(a) for a in alts]
            if any(not k for k in keys):
                errors.append("%s: %r has no letter or digit" % (where, value))
                continue
        if cat == "person":
            if detail not in ROLES:
                errors.append("%s: person role %r: one of performer, notetaker, mention"
                              % (where, detail))
                continue
            role = detail
        elif detail and cat != "place":
            errors.append("%s: %s takes no detail (a tab inside the value?): %r"
                          % (where, fields[0], detail))
            continue
        dup = seen.get((cat, frozenset(keys)))
        if dup:
            errors.append("%s: same %s as line %d" % (where, fields[0], dup))
            continue
        seen[(cat, frozenset(keys))] = n
        items.append(Gold(cat, alts, keys, n, role))
    return items, errors


def valid_day(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


# ---------------------------------------------------------------- reading the graph
class Found:
    """One found item: its names (or code, or (kind, day)), keys, role, IRI."""

    def __init__(self, cat, names, keys, iri=None, role=None):
        self.cat, self.names, self.keys, self.iri, self.role = cat, names, keys, iri, role

    def label(self):
        if self.cat == "date":
            return "%s %s" % self.keys[0]
        if not self.names:
            return "(no name) <%s>" % self.iri
        return " | ".join(self.names)


def run(cmd, timeout, stdout=subprocess.PIPE):
    try:
        p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise ReportError("%s: timed out after %g s" % (cmd[1], timeout))
    except OSError as e:
        raise ReportError("%s: %s" % (cmd[0], e.strerror))
    if p.returncode != 0:
        msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReportError("%s exited with status %d%s" % (
            cmd[1], p.returncode, (": " + msg[-1]) if msg else ""))
    return p


def sparql(kg, graph, name, timeout):
    p = run([kg, "query", "--data", graph, "-f", "json", "-e", PREFIXES + QUERIES[name]],
            timeout)
    try:
        js = json.loads(p.stdout.decode("utf-8"))
        return [{v: b["value"] for v, b in row.items()} for row in js["results"]["bindings"]]
    except (ValueError, KeyError, TypeError) as e:
        raise ReportError("query %s: unreadable answer (%s)" % (name, e))


def extract(kg, report, graph, timeout):
    with open(graph, "wb") as out:
        run([kg, "extract", "--no-reference", "-f", "ntriples", report], timeout, stdout=out)


def day(value):
    return value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value) else value


def read_graph(kg, graph, timeout):
    """The found items of one extracted graph, per category, and notes."""
    q = {name: sparql(kg, graph, name, timeout) for name in QUERIES}
    found = {c: [] for c in CATEGORIES}
    notes = []

    # dates of the top-level events
    sup, starts, ends = {}, {}, {}
    for r in q["events"]:
        sup.setdefault(r["e"], set())
        if "sup" in r:
            sup[r["e"]].add(r["sup"])
        if "start" in r:
            starts.setdefault(r["e"], set()).add(day(r["start"]))
        if "end" in r:
            ends.setdefault(r["e"], set()).add(day(r["end"]))
    dates = set()
    for e in sorted(sup):
        if sup[e]:
            continue
        for d in starts.get(e, ()):
            dates.add(("start", d))
        for d in ends.get(e, ()):
            if d not in starts.get(e, ()):
                dates.add(("end", d))
    found["date"] = [Found("date", [], [k]) for k in sorted(dates)]

    # sessions, people, organisations, initiatives: one item per entity
    def entities(rows, key_vars):
        by = {}
        for r in rows:
            names = by.setdefault(r[key_vars[0]], [])
            for v in key_vars[1:]:
                if v in r and r[v] not in names:
                    names.append(r[v])
        return by

    for iri, names in sorted(entities(q["sessions"], ("s", "name")).items()):
        found["session"].append(Found("session", names, [norm(n) for n in names], iri))
    performers = {r["p"] for r in q["performers"]}
    notetakers = {r["p"] for r in q["notetakers"]}
    for iri, names in sorted(entities(q["people"], ("p", "name")).items()):
        role = ("performer" if iri in performers else
                "notetaker" if iri in notetakers else "mention")
        found["person"].append(Found("person", names, [norm_person(n) for n in names], iri, role))
    for cat, qname in (("organisation", "organisations"), ("initiative", "initiatives")):
        for iri, names in sorted(entities(q[qname], ("x", "name", "alt")).items()):
            found[cat].append(Found(cat, names, [norm(n) for n in names], iri))

    # places: INSEE codes, one item per code
    codes = set()
    for r in q["spatial"] + q["locations"]:
        m = TERRITORY_RE.search(r["t"])
        if not m:
            notes.append("place ignored (not a territory IRI): %s" % r["t"])
        elif m.group(1) != "epci":
            codes.add(m.group(2).upper())
    found["place"] = [Found("place", [c], [c]) for c in sorted(codes)]
    return found, notes


# ---------------------------------------------------------------- matching
def session_rank(g, f):
    """(0,) equal, (1, -overlap) one holds the other as whole words,
    (2, -overlap) word-set Jaccard overlap >= 0.6; None: no match."""
    best = None
    for a in g.keys:
        for b in f.keys:
            if not a or not b:
                continue
            if a == b:
                return (0, -1.0)
            wa, wb = set(a.split()), set(b.split())
            j = len(wa & wb) / len(wa | wb)
            if (" %s " % a) in (" %s " % b) or (" %s " % b) in (" %s " % a):
                r = (1, -j)
            else:
                r = (2, -j) if j >= JACCARD_MIN else None
            if r and (best is None or r < best):
                best = r
    return best


def equal_rank(g, f):
    return (0,) if set(g.keys) & set(f.keys) else None


def person_rank(g, f):
    if not set(g.keys) & set(f.keys):
        return None
    return (0 if f.role == g.role else 1,)


RANKS = {"session": session_rank, "person": person_rank}


def match(gold, found, rank):
    """Maximum one-to-one matching (Kuhn's augmenting paths); each gold item
    tries its candidates best rank first, gold items with a better best
    candidate go first.  Returns {gold index: found index}."""
    cands = []
    for gi, g in enumerate(gold):
        c = []
        for fi, f in enumerate(found):
            r = rank(g, f)
            if r is not None:
                c.append((r, fi))
        c.sort()
        cands.append([fi for _, fi in c])
    owner = {}          # found index -> gold index

    def augment(gi, seen):
        for fi in cands[gi]:
            if fi in seen:
                continue
            seen.add(fi)
            if fi not in owner or augment(owner[fi], seen):
                owner[fi] = gi
                return True
        return False

    order = sorted(range(len(gold)), key=lambda gi: (
        rank(gold[gi], found[cands[gi][0]]) if cands[gi] else (9,), gi))
    for gi in order:
        augment(gi, set())
    return {gi: fi for fi, gi in owner.items()}


def how(g, f):
    r = session_rank(g, f)
    return {0: "equal", 1: "containment", 2: "overlap %.2f" % (-r[1])}[r[0]]


def merge_places(gold, found):
    """Found places whose codes are alternatives of one gold item (the
    département and the région of one territory, "972 | 02") as one item."""
    out, used = [], set()
    for g in gold:
        if len(g.keys) < 2:
            continue
        group = [i for i, f in enumerate(found)
                 if i not in used and set(f.keys) <= set(g.keys)]
        if len(group) >= 2:
            used.update(group)
            out.append(Found("place", [n for i in group for n in found[i].names],
                             [k for i in group for k in found[i].keys]))
    return out + [f for i, f in enumerate(found) if i not in used]


def score_report(gold_items, found):
    """Per category: tp, found, gold, false positives/negatives (labels)."""
    out = {}
    gold_by = {c: [g for g in gold_items if g.cat == c] for c in CATEGORIES}
    pairs = {}
    for cat in CATEGORIES:
        if cat == "person-role":
            continue
        gl, fl = gold_by[cat], found.get(cat, [])
        if cat == "place":
            fl = merge_places(gl, fl)
        m = match(gl, fl, RANKS.get(cat, equal_rank))
        pairs[cat] = m
        matched_f = set(m.values())
        res = {"tp": len(m), "found": len(fl), "gold": len(gl),
               "false_negatives": [gl[i].label() for i in range(len(gl)) if i not in m],
               "false_positives": [fl[i].label() for i in range(len(fl)) if i not in matched_f]}
        if cat == "session":
            res["fuzzy"] = ["%s  ~  %s  (%s)" % (gl[gi].label(), fl[fi].label(), how(gl[gi], fl[fi]))
                            for gi, fi in sorted(m.items()) if how(gl[gi], fl[fi]) != "equal"]
        out[cat] = res

    # person-role: over the person matching
    gl, fl, m = gold_by["person"], found.get("person", []), pairs["person"]
    fpos = {fi: gi for gi, fi in m.items()}
    tp, fns, fps = 0, [], []
    for gi, g in enumerate(gl):
        if g.role not in WITH_ROLE:
            continue
        f = fl[m[gi]] if gi in m else None
        if f is not None and f.role == g.role:
            tp += 1
        else:
            fns.append("%s: %s (found: %s)" % (g.label(), g.role,
                                               f.role if f else "not found"))
    for fi, f in enumerate(fl):
        if f.role not in WITH_ROLE:
            continue
        g = gl[fpos[fi]] if fi in fpos else None
        if g is None or g.role != f.role:
            fps.append("%s: %s (gold: %s)" % (f.label(), f.role, g.role if g else "not matched to a gold person"))
    out["person-role"] = {"tp": tp, "gold": sum(1 for g in gl if g.role in WITH_ROLE),
                          "found": sum(1 for f in fl if f.role in WITH_ROLE),
                          "false_negatives": fns, "false_positives": fps}
    for res in out.values():
        res["precision"] = ratio(res["tp"], res["found"])
        res["recall"] = ratio(res["tp"], res["gold"])
    return {c: out[c] for c in CATEGORIES}


def ratio(a, b):
    return a / b if b else None


# ---------------------------------------------------------------- reports
def list_reports(folders):
    """(reports with gold, reports without gold, gold without report)."""
    scored, unscored, orphans = [], [], []
    for d in folders:
        if not os.path.isdir(d):
            raise Usage("%s: no such folder" % d)
        names = sorted(os.listdir(d))
        for n in names:
            p = os.path.join(d, n)
            if n.endswith(".gold.tsv"):
                if not os.path.isfile(p[:-len(".gold.tsv")] + ".md"):
                    orphans.append(p)
            elif n.endswith(".md") and os.path.isfile(p):
                g = p[:-3] + ".gold.tsv"
                (scored if os.path.isfile(g) else unscored).append(p)
    return scored, unscored, orphans


def report_name(path, many_folders):
    n = os.path.basename(path)[:-3]
    return os.path.join(os.path.basename(os.path.dirname(os.path.abspath(path))), n) \
        if many_folders else n


def evaluate(kg, report, gold_items, tmp, keep, timeout):
    base = os.path.basename(report)[:-3]
    graph = os.path.join(keep or tmp, base + ".nt")
    error, notes = None, []
    try:
        extract(kg, report, graph, timeout)
        found, notes = read_graph(kg, graph, timeout)
    except ReportError as e:
        error, found = str(e), {}
    return error, notes, score_report(gold_items, found)


def fmeasure(p, r):
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def pct(x):
    return "     -" if x is None else "%5.1f%%" % (100 * x)


def table(cats, f1=False):
    head = "  %-13s %7s %7s%s %6s %6s %6s" % ("category", "P", "R", " %7s" % "F1" if f1 else "",
                                              "tp", "found", "gold")
    lines = [head]
    for c in CATEGORIES:
        r = cats[c]
        extra = ""
        if f1:
            extra = " %7s" % pct(fmeasure(r["precision"], r["recall"]))
        lines.append("  %-13s %7s %7s%s %6d %6d %6d" % (c, pct(r["precision"]), pct(r["recall"]),
                                                        extra, r["tp"], r["found"], r["gold"]))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(
        prog="score.py",
        description="Score mednum-kg's extraction against the gold files (NAME.gold.tsv) "
                    "beside the reports (NAME.md) of the given folders.")
    ap.add_argument("folders", nargs="+", metavar="FOLDER")
    ap.add_argument("--kg", help="the mednum-kg binary (default $KG, else build/mednum-kg)")
    ap.add_argument("--details", action="store_true",
                    help="list false positives, false negatives and fuzzy session matches")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON to FILE")
    ap.add_argument("--graphs", metavar="DIR", help="keep the extracted graphs (NAME.nt) in DIR")
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                    help="reports extracted at once (default: up to 4)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per command (default 60)")
    ap.add_argument("--title", help="a name for this set in the output (default: the folders)")
    try:
        a = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    try:
        kg = a.kg or os.environ.get("KG") or os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "mednum-kg")
        if not (os.path.isfile(kg) and os.access(kg, os.X_OK)):
            raise Usage("%s: no mednum-kg binary there (give --kg or set KG)" % kg)
        kg = os.path.abspath(kg)
        if a.jobs < 1 or a.timeout <= 0:
            raise Usage("--jobs and --timeout must be positive")
        if a.graphs:
            os.makedirs(a.graphs, exist_ok=True)
        scored, unscored, orphans = list_reports(a.folders)
    except (Usage, OSError) as e:
        print("score.py: %s" % e, file=sys.stderr)
        return 2

    # every gold file is read before anything is extracted
    golds, errors = {}, []
    for r in scored:
        golds[r], errs = read_gold(r[:-3] + ".gold.tsv")
        errors += errs
    if errors:
        for e in errors:
            print("score.py: %s" % e, file=sys.stderr)
        print("score.py: %d malformed gold line(s); nothing scored" % len(errors), file=sys.stderr)
        return 3

    many = len(a.folders) > 1
    results = {}
    with tempfile.TemporaryDirectory(prefix="mednum-eval-") as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
            futs = {r: ex.submit(evaluate, kg, r, golds[r], tmp, a.graphs, a.timeout)
                    for r in scored}
            for r in scored:
                results[r] = futs[r].result()

    totals = {c: {"tp": 0, "found": 0, "gold": 0} for c in CATEGORIES}
    reports_js, out = [], []
    title = a.title or " ".join(a.folders)
    refused = sum(1 for r in scored if results[r][0])
    out.append("== %s: %d report(s) scored%s ==" % (
        title, len(scored), ", %d refused by the extractor" % refused if refused else ""))
    for r in scored:
        error, notes, cats = results[r]
        name = report_name(r, many)
        for c in CATEGORIES:
            for k in ("tp", "found", "gold"):
                totals[c][k] += cats[c][k]
        out.append("")
        out.append(name + ("   ERROR: " + error if error else ""))
        out += table(cats)
        if a.details:
            for c in CATEGORIES:
                for fn in cats[c]["false_negatives"]:
                    out.append("    %-13s FN  %s" % (c, fn))
                for fp in cats[c]["false_positives"]:
                    out.append("    %-13s FP  %s" % (c, fp))
                for fz in cats[c].get("fuzzy", []):
                    out.append("    %-13s ~   %s" % (c, fz))
            for n in notes:
                out.append("    note: %s" % n)
        reports_js.append({"name": name, "report": r, "gold": r[:-3] + ".gold.tsv",
                           "error": error, "notes": notes, "categories": cats})
    for c in CATEGORIES:
        totals[c]["precision"] = ratio(totals[c]["tp"], totals[c]["found"])
        totals[c]["recall"] = ratio(totals[c]["tp"], totals[c]["gold"])
    out.append("")
    out.append("TOTAL %s (micro-averaged over %d report(s))" % (title, len(scored)))
    out += table(totals, f1=True)
    if unscored:
        out.append("")
        out.append("not scored (no gold file): %s" % ", ".join(report_name(u, many) for u in unscored))
    for o in orphans:
        print("score.py: %s: gold file without a report, ignored" % o, file=sys.stderr)
    print("\n".join(out))
    if a.json:
        js = {"title": title, "folders": a.folders, "kg": kg, "reports": reports_js,
              "totals": totals, "not_scored": unscored, "orphan_gold": orphans}
        try:
            with open(a.json, "w", encoding="utf-8") as f:
                json.dump(js, f, ensure_ascii=False, indent=1)
                f.write("\n")
        except OSError as e:
            print("score.py: %s: %s" % (a.json, e.strerror), file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
