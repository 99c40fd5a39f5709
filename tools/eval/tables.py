#!/usr/bin/env python3
"""Markdown tables of `make eval` figures for docs/EXTRACTION.md.

Reads the JSON files that tools/eval/score.py --json writes (make eval:
build/eval/dev.json, build/eval/test.json) and prints, per set, one row per
report with precision / recall per category, then the totals as
P / R (true positives / found / gold).  Only the figures: no item of a
report is printed.

    python3 tools/eval/tables.py build/eval/dev.json build/eval/test.json
"""
import json
import sys

CATS = ["session", "person", "person-role", "organisation", "initiative",
        "place", "date"]


def pct(x):
    return "-" if x is None else "%d%%" % round(100 * x)


def cell(c):
    return "%s / %s" % (pct(c.get("precision")), pct(c.get("recall")))


def table(path):
    d = json.load(open(path, encoding="utf-8"))
    out = ["#### %s (%d reports)" % (d["title"], len(d["reports"])), "",
           "| report | " + " | ".join(CATS) + " |",
           "|---|" + "---|" * len(CATS)]
    for r in d["reports"]:
        cats = r.get("categories") or {}
        out.append("| %s | %s |" % (r["name"], " | ".join(
            cell(cats.get(c, {})) for c in CATS)))
    tot = d["totals"]
    out.append("| **total** | %s |" % " | ".join(
        "**%s** (%d/%d/%d)" % (cell(tot[c]), tot[c]["tp"], tot[c]["found"],
                               tot[c]["gold"]) for c in CATS))
    return "\n".join(out)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: tables.py EVAL.json...\n")
        return 2
    print("\n\n".join(table(p) for p in argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
