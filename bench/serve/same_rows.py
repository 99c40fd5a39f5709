#!/usr/bin/env python3
"""same_rows.py - do SPARQL JSON results hold the same rows?

usage: same_rows.py A.json B.json [C.json ...]

Prints the row count of each file and exits 0 when every file holds the
same multiset of rows as the first (the variables too), 1 when one
differs (with the rows missing or extra), 2 when a file is not a SPARQL
JSON result.  Terms are compared as RDF terms: "typed-literal" is
"literal", an xsd:string datatype is a simple literal, language tags are
compared in lower case, blank-node labels are ignored.  Order is not
compared (ties of ORDER BY may come in any order).
"""
import collections
import json
import sys

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term(t):
    kind = t.get("type")
    if kind == "typed-literal":
        kind = "literal"
    if kind == "bnode":
        return ("bnode",)
    dt = t.get("datatype")
    if dt == XSD_STRING:
        dt = None
    lang = t.get("xml:lang")
    return (kind, t.get("value"), lang.lower() if lang else None, dt)


def rows(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    names = doc["head"]["vars"]
    out = collections.Counter()
    for b in doc["results"]["bindings"]:
        out[tuple(term(b[v]) if v in b else None for v in names)] += 1
    return names, out


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        results = [(p,) + rows(p) for p in argv[1:]]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("same_rows: %s" % e, file=sys.stderr)
        return 2
    first, names0, rows0 = results[0]
    rc = 0
    for path, names, rs in results:
        print("%s\t%d rows" % (path, sum(rs.values())))
        if path is first:
            continue
        if sorted(names) != sorted(names0):
            print("  variables differ: %s / %s" % (names0, names))
            rc = 1
            continue
        # same variables, maybe in another order: reorder to the first's
        idx = [names.index(v) for v in names0]
        rs = collections.Counter({tuple(r[i] for i in idx): n for r, n in rs.items()})
        if rs != rows0:
            rc = 1
            for r in sorted((rows0 - rs).elements(), key=repr)[:5]:
                print("  - %r" % (r,))
            for r in sorted((rs - rows0).elements(), key=repr)[:5]:
                print("  + %r" % (r,))
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
