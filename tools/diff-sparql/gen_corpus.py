#!/usr/bin/env python3
"""gen_corpus.py - writes the query corpus of `make diff-sparql`.

  gen_corpus.py [--out tests/diff-sparql/queries]

Every query is made from a template below, one template per thing tested,
applied to a list of arguments, so the count measures coverage and not
copies.  Each file is tests/diff-sparql/queries/<category>/<NNNN>-<tag>.rq and
begins with a header the runner reads:

  # category: numbers            the table row it counts in
  # data: numbers                the data set (see DATASETS in diff_sparql.py)
  # tag: int-overflow            what it tests (differences are grouped by it)

Queries never call NOW, RAND, UUID, STRUUID or BNODE, never project the
label of a blank node and never depend on the order of a GROUP_CONCAT or on
which row SAMPLE picks: both engines must be able to agree.  The corpus is
kept in the repository; rerun this script after editing it (make
diff-sparql-corpus) and commit both.  Python 3 standard library only.
"""
import argparse
import os
import re
import shutil

PFX = ("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
       "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
       "PREFIX : <http://example.org/d/>\n")
REPORT_PFX = ("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
              "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
              "PREFIX schema: <http://schema.org/>\n"
              "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
              "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
              "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
              "PREFIX igeo: <http://rdf.insee.fr/def/geo#>\n"
              "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n"
              "PREFIX kg: <https://w3id.org/mednum-kg/def#>\n")
GEN_PFX = ("PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
           "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
           "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
           "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
           "PREFIX schema: <http://schema.org/>\n"
           "PREFIX igeo: <http://rdf.insee.fr/def/geo#>\n"
           "PREFIX obs: <http://example.org/observatoire/ontologie#>\n"
           "PREFIX theme: <http://example.org/observatoire/theme/>\n")
PREFIXES = {"report": REPORT_PFX, "gen": GEN_PFX}

corpus = []   # (category, data, tag, text)


def q(category, data, tag, body):
    corpus.append((category, data, tag, PREFIXES.get(data, PFX) + body.strip() + "\n"))


def const(category, tag, expr):
    """One expression evaluated once, over no data."""
    q(category, "const", tag, "SELECT (%s AS ?r) WHERE {}" % expr)


def over(category, data, tag, pattern, expr, keys="?s"):
    """One expression evaluated on each solution of @pattern."""
    q(category, data, tag, "SELECT %s (%s AS ?r) WHERE { %s }" % (keys, expr, pattern))


# ====================================================================== numbers
def numbers():
    c = "numbers"
    arith = {
        "int-overflow": [
            "2147483647 + 1", "2147483648 * 2", "100000 * 100000", "-2147483648 - 1",
            "65536 * 65536", "3000000000 + 0", "9223372036854775807 + 1",
            "-9223372036854775808 - 1", "9223372036854775807 * 2",
            "4611686018427387904 * 2", "9223372036854775808 + 0",
            "-9223372036854775809 + 0", "99999999999999999999 + 1",
            "10000000000 * 10000000000", "-(-9223372036854775807 - 1)",
            "1500000000 + 1200000000 + 300000000", "2147483647 * 2147483647",
            "xsd:int(2147483647) + 1", "xsd:long(9223372036854775807) + 1",
            "xsd:byte(100) + xsd:byte(100)", "xsd:unsignedInt(4294967295) + 1",
        ],
        "int-arith": [
            "1 + 2", "5 - 10", "-7 + 3", "6 * 7", "1 - -1", "0 * -5", "+3", "-(-3)",
            "xsd:short(5) * 2", "xsd:nonNegativeInteger(3) - 5",
            "10 - 2 - 3", "8 / 2 * 2", "1 - 1 + 1", "8 / 2 / 2",
        ],
        "division": [
            "7 / 2", "1 / 3", "10 / 5", "10 / 4", "-7 / 2", "2 / 3 * 3", "1.0 / 3.0",
            "1 / 0", "0 / 0", "1.0 / 0", "1.0 / 0.0", "2e0 / 0", "-2e0 / 0", "0e0 / 0",
            "0e0 / 0e0", "1 / 0e0", "xsd:float(1) / 0", "xsd:float(-1) / 0",
            "1e0 / 3", "xsd:float(1) / 3", "xsd:decimal(1) / 3", "9223372036854775807 / 2",
            "1 / 8", "22 / 7.0",
        ],
        "decimal": [
            "1.5 + 1.5", "0.1 + 0.2", "0.1 * 3", "2.675 * 100", "1.10 * 3",
            "1.000000000000000000001 + 0", "12345678901234567890.5 * 10",
            "0.1 + 0.2 = 0.3", "4 * 0.5", "1 + 1.0", "-0.0 + 0", "3.14159 - 3",
            "100.0 / 8", "0.3 - 0.1",
        ],
        "double": [
            "-12.5e0 * 1", "1e100 * 1", "1.0e0 + 0", "123456789.0e0 * 1", "1e-7 * 1",
            "0.000001e0 * 1", "0.1e0 + 0.2e0", "1e308 * 10", "-1e308 * 10",
            "1 + 1e0", "1.0 + 1e0", "2.5e0 * 2", "1e21 * 1", "1e20 * 1",
            "1234567e0 * 1", "0.001e0 * 1", "-0e0 * 1", "xsd:double('1e400')",
            "1.7976931348623157e308 * 1", "5e-324 * 1", "100e0 * 1", "1.5e300 * 1.5e10",
        ],
        "float": [
            "xsd:float(1) + 1", "xsd:float(0.1) + xsd:float(0.2)", "xsd:float(1) + 1e0",
            "xsd:float(1.5) * 2", "xsd:float(16777217)", "xsd:float('1e40')",
            "xsd:float(0.1)", "xsd:float(1) + 1.0", "xsd:float('-0') * 1",
            "xsd:float(123456789)", "xsd:float('3.4028235E38') * 10", "xsd:float(1e-50)",
        ],
        "inf-nan": [
            "xsd:double('INF')", "xsd:double('-INF') + 1", "xsd:double('NaN')",
            "xsd:float('NaN') * 1", "xsd:double('INF') - xsd:double('INF')",
            "xsd:double('INF') * 0", "-xsd:double('INF')", "xsd:float('INF') + 1",
            "xsd:double('NaN') = xsd:double('NaN')", "xsd:double('NaN') != xsd:double('NaN')",
            "xsd:double('NaN') < 1", "xsd:double('NaN') > 1", "xsd:double('INF') > 1e308",
            "xsd:double('-INF') < -1e308", "xsd:double('INF') = xsd:float('INF')",
            "0e0 = -0e0", "xsd:double('inf')", "xsd:double('+INF')", "xsd:double('nan')",
            "ABS(xsd:double('-INF'))", "ROUND(xsd:double('NaN'))", "CEIL(xsd:double('INF'))",
        ],
        "round": [
            "ROUND(2.5)", "ROUND(-2.5)", "ROUND(-0.5)", "ROUND(2.4999)", "ROUND(2.675 * 100)",
            "ROUND(1.5e0)", "ROUND(-1.5e0)", "ROUND(0.5e0)", "ROUND(7)", "ROUND(xsd:float(2.5))",
            "ROUND(-2.51)", "ROUND(1234567890123.5)", "ROUND(xsd:byte(3))",
            "CEIL(-0.5)", "CEIL(1.2e0)", "CEIL(1.0)", "CEIL(-1.5)", "CEIL(3)",
            "CEIL(xsd:float(-0.5))", "CEIL(0.0001)", "FLOOR(-0.5)", "FLOOR(-1.2e0)", "FLOOR(1.9)",
            "FLOOR(-3)", "FLOOR(xsd:float(2.7))", "FLOOR(-0.0001)",
            "ABS(-3)", "ABS(-3.5)", "ABS(-0e0)", "ABS(xsd:float(-1.5))", "ABS(3)",
            "ABS(-9223372036854775807)", "ABS(xsd:int(-5))", "ABS('-3')", "ROUND('2.5')",
        ],
        "num-compare": [
            "1 = 1.0", "1 = 1e0", "1.0 = 1e0", "2147483648 > 2147483647",
            "9223372036854775807 < 9223372036854775808", "0.1e0 + 0.2e0 = 0.3e0",
            "xsd:float(0.1) = 0.1e0", "xsd:float(0.5) = 0.5", "1 < 2.5", "2 >= 2.0",
            "-0.0 = 0", "xsd:byte(1) = 1", "1 != 1.0", "3 <= 2", "1e0 = '1'",
            "xsd:float(0) > -1", "xsd:float(0) = 0",
        ],
        "datatype-of": [
            "DATATYPE(1 / 2)", "DATATYPE(1 + 1)", "DATATYPE(xsd:int(1) + xsd:int(1))",
            "DATATYPE(xsd:byte(1) * xsd:short(2))", "DATATYPE(1 + 1.0)", "DATATYPE(1.0 + 1e0)",
            "DATATYPE(xsd:float(1) + 1.0)", "DATATYPE(xsd:float(1) + 1e0)",
            "DATATYPE(ROUND(xsd:int(1)))", "DATATYPE(ABS(xsd:byte(-1)))",
            "DATATYPE(2147483648)", "DATATYPE(9223372036854775808)", "DATATYPE(-(xsd:byte(1)))",
            "DATATYPE(xsd:float(1) * xsd:float(1))", "DATATYPE(CEIL(1.5e0))",
            "DATATYPE(2147483647 + 1)", "DATATYPE(xsd:unsignedByte(1) + 0)",
        ],
        "cast": [
            "xsd:integer('01')", "xsd:integer(' 5 ')", "xsd:integer('5.0')", "xsd:integer(5.9)",
            "xsd:integer(-5.9)", "xsd:integer(5.9e0)", "xsd:integer('1e3')", "xsd:integer(true)",
            "xsd:integer(false)", "xsd:integer('abc')", "xsd:integer(1e30)",
            "xsd:integer(xsd:double('INF'))", "xsd:integer('9223372036854775808')",
            "xsd:decimal(true)", "xsd:decimal('1e3')", "xsd:decimal(1e3)",
            "xsd:decimal(xsd:double('INF'))", "xsd:decimal('  2.50 ')", "xsd:decimal('+.5')",
            "xsd:decimal(0.1e0)", "xsd:decimal('-0')", "xsd:decimal(1)",
            "xsd:double(true)", "xsd:double('1')", "xsd:double(' 1.5 ')", "xsd:double(3)",
            "xsd:double(0.1)", "xsd:double('abc')", "xsd:double('1.')", "xsd:double('.5e1')",
            "xsd:float(true)", "xsd:float('1')", "xsd:float(2147483647)",
            "xsd:boolean(0)", "xsd:boolean(2)", "xsd:boolean(0.0)", "xsd:boolean('0')",
            "xsd:boolean('true')", "xsd:boolean('TRUE')", "xsd:boolean(xsd:double('NaN'))",
            "xsd:boolean(-0e0)", "xsd:boolean('1')", "xsd:boolean(' false ')",
            "xsd:string(1.0)", "xsd:string(1e0)", "xsd:string(12.50)", "xsd:string(xsd:float(1))",
            "xsd:string(true)", "xsd:string(<http://example.org/x>)", "xsd:string(0.1e0)",
            "xsd:string(100000000000000000000e0)", "xsd:string(-0e0)",
            "xsd:int('2147483648')", "xsd:byte('300')", "xsd:unsignedByte('-1')",
            "xsd:long('9223372036854775807')", "xsd:short(40000)", "xsd:int(3.7)",
            "xsd:nonNegativeInteger('-1')", "xsd:positiveInteger('0')",
        ],
        "num-lexical": [
            "STR(1.0)", "STR(1e0)", "STR(1.50)", "STR(-0.0)", "STR(-0e0)",
            "STR(100000000000000000000)", "STR(1e21)", "STR(0.1e0)", "STR(1000000e0)",
            "STR(1234567e0)", "STR(1.5 * 2)", "STR(10 / 4)", "STR(1 / 3)", "STR(3.0 * 1)",
            "STR(2e0 * 3)", "STR(+5)", "STR(007)", "STR(xsd:double('INF'))",
            "STR(xsd:float(1) / 3)", "STR(1.0e0 / 3)", "STR(0.5e-3 * 1)",
        ],
        "isnumeric": [
            "isNumeric(1)", "isNumeric('1')", "isNumeric('1'^^xsd:integer)",
            "isNumeric('x'^^xsd:integer)", "isNumeric(xsd:double('NaN'))",
            "isNumeric('300'^^xsd:byte)", "isNumeric(true)", "isNumeric('1'^^xsd:nonNegativeInteger)",
            "isNumeric('-1'^^xsd:nonNegativeInteger)",
        ],
    }
    for tag, exprs in arith.items():
        for e in exprs:
            const(c, tag, e)
    # over data: every kind of numeric literal through each operator
    pat = "?s :v ?v"
    for tag, e in [
            ("num-data-arith", "?v + 0"), ("num-data-arith", "?v * 2"), ("num-data-arith", "-?v"),
            ("num-data-arith", "?v - 1"), ("division", "?v / 2"), ("division", "1 / ?v"),
            ("division", "?v / 0"), ("round", "ROUND(?v)"), ("round", "CEIL(?v)"),
            ("round", "FLOOR(?v)"), ("round", "ABS(?v)"), ("num-lexical", "STR(?v)"),
            ("datatype-of", "DATATYPE(?v)"), ("datatype-of", "DATATYPE(?v + 0)"),
            ("isnumeric", "isNumeric(?v)"), ("cast", "xsd:integer(?v)"),
            ("cast", "xsd:decimal(?v)"), ("cast", "xsd:double(?v)"), ("cast", "xsd:float(?v)"),
            ("cast", "xsd:string(?v)"), ("cast", "xsd:boolean(?v)"), ("cast", "xsd:int(?v)"),
            ("num-compare", "?v = 1"), ("num-compare", "?v > 0"), ("num-compare", "?v < 1e10"),
            ("num-compare", "?v = ?v"), ("num-compare", "?v != ?v"), ("num-compare", "?v >= 2147483648"),
            ("num-compare", "sameTerm(?v, 1)"), ("num-data-arith", "?v * ?v"),
            ("num-data-arith", "?v + 9223372036854775807"), ("num-data-arith", "?v * 1.0"),
            ("num-data-arith", "?v * 1e0"), ("num-data-arith", "?v + xsd:float(0)")]:
        over(c, "numbers", tag, pat, e)
    for tag, f in [("num-filter", "?v < 2"), ("num-filter", "?v > 1"), ("num-filter", "?v = 0"),
                   ("num-filter", "?v != 0"), ("num-filter", "?v >= 2147483648"),
                   ("num-filter", "?v"), ("num-filter", "!?v"), ("num-filter", "?v = 1.5"),
                   ("num-filter", "?v = 10"), ("num-filter", "?v > 1e10"),
                   ("num-filter", "?v = '12'"), ("num-filter", "isNumeric(?v) && ?v < 0"),
                   ("num-filter", "?v = 5"), ("num-filter", "?v = 127")]:
        q(c, "numbers", tag, "SELECT ?s WHERE { ?s :v ?v FILTER(%s) }" % f)
    # matching a pattern with a literal: RDF 1.1 term equality, not value equality
    for prop, lits in [(":v", ["1", "1.5", "1.50", "01", "2147483648", "'NaN'^^xsd:double",
                               "1.0e0", "'0'^^xsd:float", "true", "-12.5e0", "'-0'^^xsd:double"]),
                       (":w", ["1", "5", "10", "1.5", "127", "'127'^^xsd:byte",
                               "'10'^^xsd:decimal", "'300'^^xsd:byte", "1.0e0"])]:
        for lit_ in lits:
            q(c, "numbers", "num-pattern", "SELECT ?s WHERE { ?s %s %s }" % (prop, lit_))
    for keys in ["?v", "DESC(?v)"]:
        q(c, "numbers", "num-order",
          "SELECT ?s ?v WHERE { ?s :v ?v FILTER(isNumeric(?v) && ?v = ?v) } ORDER BY %s ?s" % keys)
    q(c, "numbers", "num-load", "SELECT ?s ?v WHERE { ?s :v ?v }")
    q(c, "numbers", "num-load", "SELECT ?s ?b WHERE { ?s :budget ?b }")
    # :w holds the literals Oxigraph rewrites on load (numbers.ttl): non-canonical
    # forms, integer-derived datatypes, ill-typed literals
    q(c, "numbers", "data-rewrite", "SELECT ?s ?v WHERE { ?s :w ?v }")
    for e in ["?v + 0", "STR(?v)", "DATATYPE(?v)", "isNumeric(?v)", "xsd:integer(?v)",
              "?v = 1", "?v * 1.0", "sameTerm(?v, 1)", "STR(?v + 0)", "ABS(?v)"]:
        over(c, "numbers", "data-rewrite", "?s :w ?v", e)


# ====================================================================== strings
def s(x):
    return '"%s"' % x


def strings():
    c = "strings"
    vals = ['"abc"', '"abc"@en', '"abc"^^xsd:string', '"Straße"', '"été"@fr', '""', '"a😀b"',
            '"e\\u0301"', '"ﬁx"', '"ǅemal"', '"İstanbul"', '"ΣΑΣ"', '"ÀÉÎÕÜ ß"']
    for v in vals:
        const(c, "strlen", "STRLEN(%s)" % v)
        const(c, "case", "UCASE(%s)" % v)
        const(c, "case", "LCASE(%s)" % v)
    for v in ['"abc"^^<http://example.org/dt/custom>', "1", "<http://example.org/x>", "STRLEN('x')"]:
        const(c, "strlen", "STRLEN(%s)" % v)
        const(c, "case", "UCASE(%s)" % v)
    # SUBSTR edge cases (XPath fn:substring: rounding, start <= 0, past the end)
    for src in ['"abcde"', '"a😀cde"@en']:
        for args in ["1", "0", "-1", "3", "5", "6", "10", "1.5", "2.5", "0, 3", "-1, 3", "2, 0",
                     "2, -1", "2, 2", "2, 10", "1.5, 2.6", "0.5, 1", "5, 1", "6, 1",
                     "1, xsd:double('INF')", "xsd:double('NaN')", "'2'", "2, '1'"]:
            const(c, "substr", "SUBSTR(%s, %s)" % (src, args))
    const(c, "substr", "SUBSTR(\"abc\"^^xsd:string, 2)")
    const(c, "substr", "DATATYPE(SUBSTR(\"abc\"^^xsd:string, 2))")
    const(c, "substr", "SUBSTR(123, 2)")
    # CONCAT
    for args in ['"a", "b"', '"a"@en, "b"@en', '"a"@en, "b"@fr', '"a"@en, "b"', '"a", "b"^^xsd:string',
                 '"a"^^xsd:string, "b"^^xsd:string', '"a"', '"a"@en', '', '"a", 1',
                 '"a", <http://example.org/x>', '"Stra", "ße"@de', '"", ""@en', '"x"@EN, "y"@en']:
        const(c, "concat", "CONCAT(%s)" % args)
    const(c, "concat", "LANG(CONCAT(\"a\"@en, \"b\"@en))")
    const(c, "concat", "DATATYPE(CONCAT(\"a\"^^xsd:string, \"b\"))")
    # STRBEFORE / STRAFTER / STRSTARTS / STRENDS / CONTAINS: argument compatibility
    pairs = [('"abc"', '"b"'), ('"abc"', '"x"'), ('"abc"', '""'), ('"abc"@en', '"b"'),
             ('"abc"@en', '"b"@en'), ('"abc"@en', '"b"@fr'), ('"abc"', '"b"@en'),
             ('"abc"@en', '""'), ('"abc"^^xsd:string', '"c"'), ('"a😀b"', '"😀"'),
             ('"abc"', '1'), ('1', '"1"'), ('"abc"@en', '"z"')]
    for a, b in pairs:
        for f in ["STRBEFORE", "STRAFTER"]:
            const(c, "strbefore-after", "%s(%s, %s)" % (f, a, b))
        for f in ["STRSTARTS", "STRENDS", "CONTAINS"]:
            const(c, "str-tests", "%s(%s, %s)" % (f, a, b))
    # ENCODE_FOR_URI
    for v in ['"Los Angeles"', '"x y/z?&=é"', '"~._-"', '"a😀b"', '"abc"@en', '"100%"', '""',
              '"Île-de-France"', '1']:
        const(c, "encode-for-uri", "ENCODE_FOR_URI(%s)" % v)
    # LANG / LANGMATCHES / DATATYPE
    for v in ['"abc"', '"abc"@en', '"abc"@en-GB', '"abc"^^xsd:string', '1', '<http://example.org/x>',
              '"abc"^^<http://example.org/dt/custom>']:
        const(c, "lang-datatype", "LANG(%s)" % v)
        const(c, "lang-datatype", "DATATYPE(%s)" % v)
    for tag, rng in [('"en"', '"en"'), ('"en-GB"', '"en"'), ('"en"', '"en-GB"'), ('"EN"', '"en"'),
                     ('"fr"', '"*"'), ('""', '"*"'), ('""', '""'), ('"de-Latn-DE"', '"de-DE"'),
                     ('"en"', '"EN"'), ('"fr-CA"', '"fr"'), ('1', '"*"')]:
        const(c, "langmatches", "LANGMATCHES(%s, %s)" % (tag, rng))
    # hashes
    for v in ['"abc"', '""', '"été"', '"abc"^^xsd:string', '"abc"@en', '1', '"a😀b"']:
        for h in ["MD5", "SHA1", "SHA256", "SHA384", "SHA512"]:
            if h in ("SHA384", "SHA512") and v not in ('"abc"', '"abc"@en'):
                continue
            const(c, "hash", "%s(%s)" % (h, v))
    # REGEX / REPLACE
    for text, pat, fl in [
            ('"abc"', '"^a"', None), ('"abc"', '"B"', '"i"'), ('"Été"', '"^\\\\p{Lu}"', None),
            ('"été"', '"^\\\\p{L}+$"', None), ('"123"', '"^\\\\p{N}+$"', None),
            ('"a b"', '"\\\\w+ \\\\w+"', None), ('"Élan"', '"^\\\\w+$"', None),
            ('"x1"', '"\\\\d"', None), ('"a\\nb"', '"a.b"', '"s"'), ('"a\\nb"', '"^b"', '"m"'),
            ('"a.b"', '"."', '"q"'), ('"abc"', '"a b c"', '"x"'), ('"abc"', '"("', None),
            ('"abc"@en', '"b"', None), ('"abc"', '""', None), ('1', '"1"', None),
            ('"ÉTÉ"', '"été"', '"i"'), ('"straße"', '"STRASSE"', '"i"'),
            ('"aaa"', '"a{2}"', None), ('"ab"', '"[^a]"', None), ('"a😀b"', '"^a.b$"', None),
            ('"Ab"', '"\\\\p{Ll}"', None), ('"x"', '"\\\\P{L}"', None), ('"abc"', '"B"', '"z"'),
            ('"a-b"', '"\\\\p{Pd}"', None), ('"a\\tb"', '"\\\\s"', None), ('"ab"', '"(a)(b)"', None)]:
        args = "%s, %s" % (text, pat) + (", %s" % fl if fl else "")
        const(c, "regex", "REGEX(%s)" % args)
    for text, pat, rep, fl in [
            ('"abc"', '"b"', '"X"', None), ('"abab"', '"a"', '"-"', None),
            ('"abc"', '"(b)"', '"[$1]"', None), ('"abc"', '"B"', '"x"', '"i"'),
            ('"Été à Paris"', '"\\\\p{L}+"', '"w"', None), ('"a b"', '"\\\\w+"', '"<$0>"', None),
            ('"abc"', '""', '"x"', None), ('"abc"', '"x*"', '"-"', None),
            ('"abc"@en', '"b"', '"X"', None), ('"abc"^^xsd:string', '"b"', '"X"', None),
            ('"a.b"', '"."', '"!"', '"q"'), ('"aaa"', '"a"', '"\\\\$"', None),
            ('"abc"', '"(a)"', '"$2"', None), ('"straße"', '"SS"', '"s"', '"i"'),
            ('"a😀b"', '"😀"', '"x"', None), ('"x"', '"x"', '"$"', None)]:
        args = "%s, %s, %s" % (text, pat, rep) + (", %s" % fl if fl else "")
        const(c, "replace", "REPLACE(%s)" % args)
    # STRDT / STRLANG / STR on other terms
    for e in ['STRDT("1", xsd:integer)', 'STRDT("x"@en, xsd:string)', 'STRLANG("x", "EN")',
              'STRLANG("x"@en, "fr")', 'STRLANG("x", "")', 'STRDT("1", <http://example.org/dt/custom>)',
              'STR(<http://example.org/x>)', 'STR("x"@en)', 'STRLANG("x"^^xsd:string, "de")',
              'STRDT(1, xsd:string)', 'LANG(STRLANG("x", "en-GB"))']:
        const(c, "strdt-strlang", e)
    # over data
    pat = "?s :t ?t"
    for tag, e in [("strlen", "STRLEN(?t)"), ("case", "UCASE(?t)"), ("case", "LCASE(?t)"),
                   ("lang-datatype", "LANG(?t)"), ("lang-datatype", "DATATYPE(?t)"),
                   ("lang-datatype", "STR(?t)"), ("hash", "MD5(?t)"), ("hash", "SHA1(?t)"),
                   ("encode-for-uri", "ENCODE_FOR_URI(?t)"), ("substr", "SUBSTR(?t, 2, 3)"),
                   ("substr", "SUBSTR(?t, 0)"), ("substr", "SUBSTR(?t, 3)"),
                   ("strbefore-after", "STRBEFORE(?t, 'a')"), ("strbefore-after", "STRAFTER(?t, 'e')"),
                   ("strbefore-after", "STRAFTER(?t, '')"), ("str-tests", "CONTAINS(?t, 'a')"),
                   ("str-tests", "STRSTARTS(?t, 'a')"), ("str-tests", "STRENDS(?t, 'c')"),
                   ("regex", "REGEX(?t, '^\\\\p{Lu}')"), ("regex", "REGEX(?t, 'É', 'i')"),
                   ("regex", "REGEX(?t, '\\\\w+ \\\\w+')"), ("regex", "REGEX(STR(?t), '^.{3}$')"),
                   ("replace", "REPLACE(?t, 'e', 'E')"), ("replace", "REPLACE(?t, '\\\\p{L}', '*')"),
                   ("concat", "CONCAT(?t, '!')"), ("concat", "CONCAT(?t, ?t)"),
                   ("langmatches", "LANGMATCHES(LANG(?t), 'en')"), ("langmatches", "LANGMATCHES(LANG(?t), '*')"),
                   ("str-compare", "?t = 'abc'"), ("str-compare", "?t < 'b'"),
                   ("str-compare", "?t = 'abc'@en"), ("str-compare", "sameTerm(?t, 'abc')"),
                   ("strdt-strlang", "STRLANG(STR(?t), 'de')")]:
        over(c, "strings", tag, pat, e)
    for lit_ in ['"abc"', '"abc"^^xsd:string', '"abc"@en', '"abc"@EN', '"ABC"@en-gb', '"Straße"']:
        q(c, "strings", "str-pattern", "SELECT ?s WHERE { ?s :t %s }" % lit_)
    for f in ["?t = 'abc'", "?t != 'abc'", "?t > 'a'", "?t < 'abc'@en", "LANG(?t) = 'en'",
              "LANG(?t) = ''", "isLiteral(?t) && DATATYPE(?t) = xsd:string", "STRLEN(?t) > 3",
              "REGEX(?t, '^[a-z]+$')", "CONTAINS(LCASE(?t), 'ss')"]:
        q(c, "strings", "str-filter", "SELECT ?s WHERE { ?s :t ?t FILTER(%s) }" % f)
    q(c, "strings", "str-order",
      "SELECT ?s ?t WHERE { ?s :t ?t FILTER(LANG(?t) = '') } ORDER BY ?t ?s")
    q(c, "strings", "str-order", "SELECT ?s ?t WHERE { ?s :t ?t } ORDER BY DESC(STR(?t)) ?s")
    q(c, "strings", "str-load", "SELECT ?s ?t WHERE { ?s :t ?t }")
    # strings of the real data
    over(c, "report", "case", "?s schema:name ?n", "UCASE(?n)")
    over(c, "report", "strlen", "?s schema:name ?n", "STRLEN(?n)")
    over(c, "report", "encode-for-uri", "?s schema:name ?n", "ENCODE_FOR_URI(?n)")
    over(c, "report", "regex", "?s skos:prefLabel ?n", "REGEX(?n, '^\\\\p{Lu}\\\\p{Ll}+')")
    over(c, "report", "replace", "?s skos:prefLabel ?n", "REPLACE(?n, '[aeiouéè]', '')")
    over(c, "report", "substr", "?s skos:prefLabel ?n", "SUBSTR(?n, 2, 4)")
    over(c, "report", "strbefore-after", "?s schema:name ?n", "STRBEFORE(?n, ' ')")
    over(c, "report", "hash", "?s igeo:codeINSEE ?n", "SHA1(?n)")
    over(c, "report", "lang-datatype", "?s skos:prefLabel ?n", "LANG(?n)")
    over(c, "gen", "case", "?s igeo:nom ?n", "LCASE(?n)")
    over(c, "gen", "regex", "?s skos:prefLabel ?n", "REGEX(?n, '\\\\p{L}+ \\\\p{L}+')")
    over(c, "gen", "langmatches", "?s skos:prefLabel ?n", "LANGMATCHES(LANG(?n), 'FR')")
    over(c, "gen", "concat", "?s skos:prefLabel ?n", "CONCAT(?n, ' (', LANG(?n), ')')")


# ====================================================================== dates
def dates():
    c = "dates"
    pat = "?s :when ?d"
    for f in ["YEAR", "MONTH", "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "STR",
              "DATATYPE", "xsd:dateTime", "xsd:date", "xsd:string", "isLiteral"]:
        over(c, "dates", "date-accessor" if f.isupper() and f not in ("STR", "DATATYPE") else
             "date-cast", pat, "%s(?d)" % f)
    for f in ["?d < '2024-01-01'^^xsd:date", "?d >= '2024-01-01'^^xsd:date",
              "?d = '2024-04-09'^^xsd:date", "?d < '2024-01-01T00:00:00Z'^^xsd:dateTime",
              "?d > '2023-06-01T00:00:00'^^xsd:dateTime", "?d = '2024-04-09'",
              "YEAR(?d) = 2024", "MONTH(?d) = 2", "?d != '2024-04-09'^^xsd:date",
              "?d < '2024-01-01T00:00:00+14:00'^^xsd:dateTime"]:
        q(c, "dates", "date-compare", "SELECT ?s WHERE { ?s :when ?d FILTER(%s) }" % f)
    q(c, "dates", "date-order",
      "SELECT ?s WHERE { ?s :when ?d FILTER(DATATYPE(?d) = xsd:date) } ORDER BY ?d ?s")
    q(c, "dates", "date-order",
      "SELECT ?s WHERE { ?s :when ?d FILTER(DATATYPE(?d) = xsd:dateTime) } ORDER BY DESC(?d) ?s")
    q(c, "dates", "date-group",
      "SELECT ?y (SUM(?a) AS ?total) (COUNT(*) AS ?n) WHERE { ?s :when ?d ; :amount ?a }"
      " GROUP BY (YEAR(?d) AS ?y)")
    q(c, "dates", "date-group",
      "SELECT ?y (COUNT(*) AS ?n) WHERE { ?s :when ?d FILTER(DATATYPE(?d) = xsd:dateTime)"
      " BIND(YEAR(?d) AS ?y) } GROUP BY ?y")
    q(c, "dates", "date-load", "SELECT ?s ?d WHERE { ?s :when ?d }")
    for e in ["YEAR('2024-04-09'^^xsd:date)", "MONTH('2024-04-09'^^xsd:date)",
              "DAY('2024-04-09'^^xsd:date)", "YEAR('2024-04-09T10:00:00Z'^^xsd:dateTime)",
              "HOURS('2024-04-09T10:20:30.5-03:30'^^xsd:dateTime)",
              "MINUTES('2024-04-09T10:20:30.5-03:30'^^xsd:dateTime)",
              "SECONDS('2024-04-09T10:20:30.5-03:30'^^xsd:dateTime)",
              "TIMEZONE('2024-04-09T10:20:30.5-03:30'^^xsd:dateTime)",
              "TZ('2024-04-09T10:20:30.5-03:30'^^xsd:dateTime)",
              "TIMEZONE('2024-04-09T10:20:30Z'^^xsd:dateTime)", "TZ('2024-04-09T10:20:30'^^xsd:dateTime)",
              "TIMEZONE('2024-04-09T10:20:30'^^xsd:dateTime)", "YEAR('2024-04-09')",
              "YEAR('-0044-03-15'^^xsd:date)", "DAY('2024-02-30'^^xsd:date)",
              "YEAR('2024'^^xsd:gYear)", "SECONDS('2024-01-01T00:00:00Z'^^xsd:dateTime)",
              "DATATYPE(SECONDS('2024-01-01T00:00:00Z'^^xsd:dateTime))",
              "DATATYPE(YEAR('2024-01-01T00:00:00Z'^^xsd:dateTime))",
              "'2024-01-01T00:00:00Z'^^xsd:dateTime = '2024-01-01T01:00:00+01:00'^^xsd:dateTime",
              "'2024-01-01'^^xsd:date = '2024-01-01T00:00:00'^^xsd:dateTime",
              "'2024-01-01'^^xsd:date < '2024-01-02'^^xsd:date",
              "'2024-01-01T00:00:00'^^xsd:dateTime < '2024-01-01T00:00:00Z'^^xsd:dateTime",
              "xsd:dateTime('2024-01-01')", "xsd:dateTime('2024-01-01'^^xsd:date)",
              "xsd:date('2024-01-01T10:00:00Z'^^xsd:dateTime)", "xsd:date('2024-13-01')",
              "xsd:dateTime('2024-01-01T24:00:00')", "STR('2024-01-01T00:00:00.000Z'^^xsd:dateTime)",
              "xsd:dateTime(' 2024-01-01T00:00:00 ')", "MONTH('--05'^^xsd:gMonth)"]:
        const(c, "date-const", e)
    # the real data: events per year
    q(c, "gen", "date-group",
      "SELECT ?y (COUNT(?e) AS ?n) WHERE { ?e a schema:Event ; schema:startDate ?d }"
      " GROUP BY (YEAR(?d) AS ?y)")
    q(c, "gen", "date-group",
      "SELECT ?y ?m (COUNT(?e) AS ?n) WHERE { ?e schema:startDate ?d BIND(YEAR(?d) AS ?y)"
      " BIND(MONTH(?d) AS ?m) } GROUP BY ?y ?m")
    q(c, "gen", "date-compare",
      "SELECT ?e WHERE { ?e schema:startDate ?d FILTER(?d >= '2024-01-01'^^xsd:date &&"
      " ?d < '2025-01-01'^^xsd:date) }")
    q(c, "gen", "date-order",
      "SELECT ?e ?d WHERE { ?e a schema:Event ; schema:startDate ?d } ORDER BY ?d ?e")
    over(c, "gen", "date-accessor", "?s schema:startDate ?d", "DAY(?d)")
    over(c, "gen", "date-accessor", "?s schema:startDate ?d", "MONTH(?d)")
    over(c, "report", "date-accessor", "?s schema:startDate ?d", "YEAR(?d)")
    over(c, "report", "date-accessor", "?s kg:year ?d", "YEAR(?d)")
    over(c, "report", "date-cast", "?s kg:year ?d", "STR(?d)")


# ====================================================================== types
def types():
    c = "types"
    for e in ["1 < 'a'", "'a' < 'b'", "'a'@en < 'b'", "'a'@en < 'b'@en", "'a'@en = 'a'@EN",
              "true < false", "false < true", "true = 1", "true + 1", "true = 'true'",
              "'1' = 1", "<http://example.org/a> < <http://example.org/b>",
              "<http://example.org/a> = <http://example.org/a>", "<http://example.org/a> = 'a'",
              "'x' = 'x'^^xsd:string", "sameTerm('x', 'x'^^xsd:string)", "sameTerm(1, 1.0)",
              "sameTerm(1, 01)", "'x'^^<http://example.org/dt/custom> = 'x'^^<http://example.org/dt/custom>",
              "'x'^^<http://example.org/dt/custom> = 'y'^^<http://example.org/dt/custom>",
              "'x'^^<http://example.org/dt/custom> != 'y'^^<http://example.org/dt/custom>",
              "'a' != 'a'@en", "'a'@en = 'a'@fr", "'abc' < 'abd'", "'Z' < 'a'", "'é' > 'z'",
              "'2024-01-01'^^xsd:date = '2024-01-01'", "1 = '1'^^xsd:string",
              "'1'^^xsd:integer = '01'^^xsd:integer", "'abc'^^xsd:integer = 'abc'^^xsd:integer",
              "'abc'^^xsd:integer = 1", "'true'^^xsd:boolean = '1'^^xsd:boolean"]:
        const(c, "compare-types", e)
    # effective boolean value, && || ! with errors
    for e in ["1 && 0", "'' || 0", "'x' && 1", "!'x'", "!''", "1.5 && true", "0.0 || false",
              "xsd:double('NaN') || false", "(1/0) || true", "(1/0) && false", "(1/0) || false",
              "true && (1/0)", "!(1/0)", "<http://example.org/x> || true", "'x'@en && true",
              "'abc'^^xsd:integer || true", "'0'^^xsd:boolean || false", "'x'^^<http://example.org/dt/custom> || true"]:
        const(c, "ebv", e)
    # IN / NOT IN with errors
    for e in ["1 IN (1, 2)", "1 IN (1.0)", "1 IN ('1')", "1 IN ()", "1 NOT IN ()",
              "1 IN (1/0, 1)", "1 IN (2, 1/0)", "1 NOT IN (2, 1/0)", "1 NOT IN (1/0, 1)",
              "'a' IN ('a'@en, 'a')", "'a' IN ('a'^^xsd:string)", "(1/0) IN (1)",
              "<http://example.org/x> IN (<http://example.org/x>)", "2 NOT IN (1, 2.0)",
              "xsd:double('NaN') IN (xsd:double('NaN'))"]:
        const(c, "in-errors", e)
    for e in ["IF(true, 1, 2)", "IF(1/0, 1, 2)", "IF(false, 1/0, 2)", "IF(true, 1/0, 2)",
              "IF('', 'y', 'n')", "IF('x'@en, 'y', 'n')", "COALESCE(1/0, 2)", "COALESCE(1/0)",
              "COALESCE()", "COALESCE(?unbound, 'd')", "COALESCE(?unbound, 1/0, 'x')",
              "IF(?unbound, 1, 2)", "BOUND(?unbound)", "IF(xsd:double('NaN'), 1, 2)"]:
        const(c, "if-coalesce", e)
    # one property, objects of every kind
    pat = "?s :v ?v"
    for f in ["?v < 2", "?v > 0", "?v = 1", "?v != 1", "?v", "!?v", "?v = true", "?v = 'x'@en",
              "?v = :iri1", "isIRI(?v)", "isBlank(?v)", "isLiteral(?v)", "?v = ''",
              "?v >= '2023-01-01'^^xsd:date", "?v IN (1, 'x'@en, :iri1)", "?v NOT IN (1, true)",
              "?v = 'x'^^<http://example.org/dt/custom>", "?v != 'x'^^<http://example.org/dt/custom>",
              "?v = 0", "?v > 'a'", "?v || true", "?v && true", "?v > -1e0", "?v < xsd:float(1)"]:
        q(c, "types", "filter-types", "SELECT ?s WHERE { ?s :v ?v FILTER(%s) }" % f)
    for tag, e in [("term-tests", "isIRI(?v)"), ("term-tests", "isBlank(?v)"),
                   ("term-tests", "isLiteral(?v)"), ("term-tests", "isNumeric(?v)"),
                   ("term-tests", "DATATYPE(?v)"), ("term-tests", "LANG(?v)"),
                   ("term-tests", "isLiteral(STR(?v))"), ("term-tests", "STRLEN(STR(?v)) > 0"),
                   ("ebv", "IF(?v, 'yes', 'no')"), ("ebv", "COALESCE(?v + 1, 'err')"),
                   ("ebv", "!?v"), ("term-tests", "STRLEN(?v)"), ("term-tests", "UCASE(?v)"),
                   ("term-tests", "MD5(?v)"), ("compare-types", "?v = ?v"),
                   ("compare-types", "sameTerm(?v, ?v)"), ("compare-types", "?v < 1"),
                   ("cast-types", "xsd:boolean(?v)"), ("cast-types", "xsd:integer(?v)"),
                   ("cast-types", "xsd:string(?v)"), ("cast-types", "xsd:double(?v)"),
                   ("term-tests", "STR(?v) = STR(?v)"), ("term-tests", "isIRI(IRI(?v))")]:
        over(c, "types", tag, pat, e)
    q(c, "types", "term-order", "SELECT ?s WHERE { ?s :v ?v FILTER(!isBlank(?v)) } ORDER BY ?v ?s")
    q(c, "types", "term-order", "SELECT ?s WHERE { ?s :v ?v FILTER(!isBlank(?v)) } ORDER BY DESC(?v) ?s")
    # RDF 1.1 literal identity: "x" and "x"^^xsd:string are one term
    for body in ["SELECT ?s WHERE { ?s :name 'x' }", "SELECT ?s WHERE { ?s :name 'x'^^xsd:string }",
                 "SELECT (COUNT(*) AS ?n) WHERE { ?s :name ?o }",
                 "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s :name ?o } GROUP BY ?s",
                 "SELECT DISTINCT ?o WHERE { ?s :name ?o }",
                 "SELECT ?s WHERE { ?s :name ?o FILTER(?o = 'x') }",
                 "SELECT ?s WHERE { ?s :name ?o FILTER(sameTerm(?o, 'x')) }",
                 "SELECT ?s WHERE { ?s :name ?o FILTER(DATATYPE(?o) = xsd:string) }",
                 "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s :name ?o }",
                 "ASK { :id1 :name 'x'^^xsd:string }", "ASK { :id2 :name 'x' }",
                 "SELECT ?a ?b WHERE { ?a :name ?o . ?b :name ?o FILTER(?a != ?b) }",
                 "SELECT ?s WHERE { VALUES ?o { 'x'^^xsd:string } ?s :name ?o }",
                 "SELECT ?s WHERE { ?s :name ?o MINUS { ?s :name 'x' } }"]:
        q(c, "types", "literal-identity", body)
    # blank nodes and IRIs as expression arguments
    for e in ["STR(?v)", "?v + 1", "STRLEN(STR(?v)) > 0", "isBlank(?v)", "DATATYPE(?v)", "LANG(?v)"]:
        q(c, "types", "bnode-expr",
          "SELECT ?l (%s AS ?r) WHERE { :t02 :v ?v . ?v :label ?l }" % e
          if e != "STR(?v)" else
          "SELECT ?l (isLiteral(STR(?v)) AS ?r) WHERE { :t02 :v ?v . ?v :label ?l }")


# ====================================================================== aggregates
def aggregates():
    c = "aggregates"
    for agg in ["SUM(?v)", "AVG(?v)", "MIN(?v)", "MAX(?v)", "COUNT(?v)", "COUNT(DISTINCT ?v)",
                "COUNT(*)", "STRLEN(GROUP_CONCAT(STR(?v)))", "SUM(DISTINCT ?v)", "AVG(DISTINCT ?v)"]:
        q(c, "numbers", "agg-by-kind",
          "SELECT ?k (%s AS ?r) WHERE { ?s :v ?v ; :k ?k } GROUP BY ?k" % agg)
        q(c, "numbers", "agg-budget",
          "SELECT ?y (%s AS ?r) WHERE { ?s :budget ?v ; :year ?y } GROUP BY ?y" % agg)
    for agg in ["SUM(?v)", "AVG(?v)", "MIN(?v)", "MAX(?v)", "COUNT(?v)", "COUNT(*)"]:
        q(c, "numbers", "agg-total", "SELECT (%s AS ?r) WHERE { ?s :budget ?v }" % agg)
        q(c, "numbers", "agg-empty", "SELECT (%s AS ?r) WHERE { ?s :nothing ?v }" % agg)
        q(c, "types", "agg-mixed", "SELECT (%s AS ?r) WHERE { ?s :v ?v FILTER(!isBlank(?v)) }" % agg)
    # VALUES rows of one kind or mixed kinds (RDF terms only: VALUES takes no calls)
    for vals in ["1 2 3", "1 2.5", "1 2e0", "1 '2'", "1.5 '2'^^xsd:float", "2147483647 1",
                 "9223372036854775807 1", "0.1 0.2", "1 UNDEF 3", "'a' 'b'", "'a' 1",
                 "'NaN'^^xsd:double 1", "'INF'^^xsd:double '-INF'^^xsd:double", "true false",
                 "<http://example.org/a> 1", "1 1 1", "'b'@en 'a'", "'1'^^xsd:byte '2'^^xsd:byte",
                 "1500000000 1200000000 300000000", "1 1.0 1e0"]:
        for agg in ["SUM(?v)", "AVG(?v)", "MIN(?v)", "MAX(?v)", "COUNT(DISTINCT ?v)"]:
            q(c, "const", "agg-values", "SELECT (%s AS ?r) WHERE { VALUES ?v { %s } }" % (agg, vals))
    # GROUP_CONCAT and SAMPLE where the answer does not depend on row order
    for e in ["GROUP_CONCAT(?v)", "GROUP_CONCAT(?v; SEPARATOR='|')", "GROUP_CONCAT(DISTINCT ?v)",
              "SAMPLE(?v)", "GROUP_CONCAT(STR(?v); SEPARATOR='')"]:
        q(c, "numbers", "group-concat-sample",
          "SELECT ?s (%s AS ?r) WHERE { ?s :label ?v } GROUP BY ?s" % e)
        q(c, "const", "group-concat-sample",
          "SELECT (%s AS ?r) WHERE { VALUES ?v { 'x'@en } }" % e)
        q(c, "numbers", "group-concat-sample",
          "SELECT ?s (%s AS ?r) WHERE { ?s :v ?v } GROUP BY ?s" % e)
    q(c, "const", "group-concat-sample", "SELECT (GROUP_CONCAT(?v) AS ?r) WHERE { VALUES ?v { 1.0 } }")
    q(c, "const", "group-concat-sample", "SELECT (GROUP_CONCAT(?v) AS ?r) WHERE { FILTER(false) }")
    q(c, "const", "group-concat-sample",
      "SELECT (STRLEN(GROUP_CONCAT(?v; SEPARATOR=', ')) AS ?r) WHERE { VALUES ?v { 'a' 'bb' 'ccc' } }")
    # HAVING and GROUP BY expressions
    for h in ["SUM(?v) > 1000000000", "COUNT(*) >= 2", "AVG(?v) > 2", "MIN(?v) < 2", "SUM(?v) = 3000000000"]:
        q(c, "numbers", "having",
          "SELECT ?y (SUM(?v) AS ?t) WHERE { ?s :budget ?v ; :year ?y } GROUP BY ?y HAVING(%s)" % h)
    # the peer benchmark's data: what observatories ask
    for body in [
            "SELECT ?dep (COUNT(?i) AS ?n) WHERE { ?i a obs:Initiative ; schema:areaServed ?dep } GROUP BY ?dep",
            "SELECT ?t (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i dcterms:subject ?t } GROUP BY ?t",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
            "SELECT ?e (COUNT(?a) AS ?n) WHERE { ?a schema:superEvent ?e } GROUP BY ?e HAVING(COUNT(?a) >= 3)",
            "SELECT ?o (COUNT(?p) AS ?n) WHERE { ?p schema:memberOf ?o } GROUP BY ?o",
            "SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?e schema:startDate ?d }",
            "SELECT ?lang (COUNT(*) AS ?n) WHERE { ?s skos:prefLabel ?l BIND(LANG(?l) AS ?lang) } GROUP BY ?lang",
            "SELECT (AVG(?n) AS ?avg) WHERE { { SELECT ?e (COUNT(?a) AS ?n) WHERE { ?a schema:superEvent ?e } GROUP BY ?e } }",
            "SELECT (SUM(?n) AS ?t) WHERE { { SELECT ?e (COUNT(?a) AS ?n) WHERE { ?a schema:superEvent ?e } GROUP BY ?e } }",
            "SELECT ?dep (SAMPLE(?dn) AS ?name) WHERE { ?c obs:inDepartement ?dep . ?dep igeo:nom ?dn } GROUP BY ?dep",
            "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?e schema:location ?c }",
            "SELECT ?t (MAX(STRLEN(?l)) AS ?m) WHERE { ?t skos:prefLabel ?l } GROUP BY ?t",
            "SELECT (GROUP_CONCAT(DISTINCT ?code; SEPARATOR=',') AS ?codes) WHERE { ?d a igeo:Departement ; igeo:codeINSEE ?code FILTER(?code = '36') }",
    ]:
        q(c, "gen", "agg-observatory", body)
    for body in [
            "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
            "SELECT (SUM(?v) AS ?total) WHERE { ?f schema:value ?v }",
            "SELECT ?y (SUM(?v) AS ?total) WHERE { ?f schema:value ?v ; kg:year ?y } GROUP BY ?y",
            "SELECT (AVG(?c) AS ?a) (MIN(?c) AS ?lo) (MAX(?c) AS ?hi) WHERE { ?s kg:confidence ?c }",
            "SELECT ?r (COUNT(*) AS ?n) WHERE { ?s kg:rule ?r } GROUP BY ?r",
            "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }",
            "SELECT (MAX(?e) AS ?m) (MIN(?b) AS ?l) WHERE { ?s nif:endIndex ?e ; nif:beginIndex ?b }",
            "SELECT (SUM(?e - ?b) AS ?chars) WHERE { ?s nif:endIndex ?e ; nif:beginIndex ?b }",
            "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s kg:candidate ?c } GROUP BY ?c",
            "SELECT ?u (SUM(?v) AS ?t) WHERE { ?f schema:value ?v ; schema:unitText ?u } GROUP BY ?u",
    ]:
        q(c, "report", "agg-report", body)


# ====================================================================== operators that agree
def operators():
    c = "operators"
    rel = [
        ("join", "SELECT ?a ?b ?c WHERE { ?a :knows ?b . ?b :knows ?c }"),
        ("join", "SELECT ?a ?n WHERE { ?a :knows ?b . ?b :name ?n }"),
        ("join", "SELECT * WHERE { ?a :knows ?b . ?a :likes ?b }"),
        ("optional", "SELECT ?a ?age WHERE { ?a :name ?n OPTIONAL { ?a :age ?age } }"),
        ("optional", "SELECT ?a ?age WHERE { ?a :name ?n OPTIONAL { ?a :age ?age FILTER(?age > 26) } }"),
        ("optional", "SELECT ?a ?b ?n WHERE { ?a :knows ?b OPTIONAL { ?b :name ?n FILTER(LANG(?n) = '') } }"),
        ("optional", "SELECT ?a ?p ?g WHERE { ?a :name ?n OPTIONAL { ?a :parent ?p OPTIONAL { ?p :parent ?g } } }"),
        ("optional", "SELECT ?a WHERE { ?a :name ?n OPTIONAL { ?a :age ?x } FILTER(!BOUND(?x)) }"),
        ("minus", "SELECT ?a WHERE { ?a :name ?n MINUS { ?a :age ?x } }"),
        ("minus", "SELECT ?a WHERE { ?a :name ?n MINUS { ?x :knows ?y } }"),
        ("minus", "SELECT ?a ?b WHERE { ?a :knows ?b MINUS { ?a :likes ?b } }"),
        ("exists", "SELECT ?a WHERE { ?a :name ?n FILTER EXISTS { ?a :knows ?x } }"),
        ("exists", "SELECT ?a WHERE { ?a :name ?n FILTER NOT EXISTS { ?x :knows ?a } }"),
        ("exists", "SELECT ?a WHERE { ?a :name ?n FILTER NOT EXISTS { ?x :knows ?y } }"),
        ("exists", "SELECT ?a (EXISTS { ?a :age ?g } AS ?has) WHERE { ?a :name ?n }"),
        ("exists", "SELECT ?a WHERE { ?a :knows ?b FILTER EXISTS { ?b :knows ?a } }"),
        ("union", "SELECT ?x WHERE { { ?x :knows :bob } UNION { ?x :likes :bob } }"),
        ("union", "SELECT ?x ?y WHERE { { ?x :age ?y } UNION { ?x :name ?y } }"),
        ("subquery", "SELECT ?a ?n WHERE { ?a :name ?n { SELECT ?a WHERE { ?a :knows ?b } GROUP BY ?a HAVING(COUNT(?b) > 1) } }"),
        ("subquery", "SELECT ?a ?c WHERE { { SELECT ?a (COUNT(?b) AS ?c) WHERE { ?a :knows ?b } GROUP BY ?a } }"),
        ("subquery", "SELECT * WHERE { { SELECT ?a WHERE { ?a :age ?g } ORDER BY DESC(?g) LIMIT 2 } }"),
        ("subquery", "SELECT ?a WHERE { { SELECT DISTINCT ?a WHERE { ?a :knows ?b } } }"),
        ("values", "SELECT ?a ?n WHERE { VALUES ?a { :alice :bob :zed } OPTIONAL { ?a :name ?n } }"),
        ("values", "SELECT ?a ?b WHERE { ?a :knows ?b } VALUES (?a ?b) { (:alice :bob) (:bob UNDEF) }"),
        ("values", "SELECT ?x WHERE { VALUES ?x { 1 1.0 '1' } }"),
        ("values", "SELECT * WHERE { VALUES () { () () } }"),
        ("values", "SELECT * WHERE { VALUES () { } }"),
        ("values", "SELECT ?a WHERE { ?a :age ?g VALUES ?g { 30 41 } }"),
        ("path", "SELECT ?x WHERE { :alice :knows/:knows ?x }"),
        ("path", "SELECT ?x WHERE { :alice :knows+ ?x }"),
        ("path", "SELECT ?x WHERE { :alice :knows* ?x }"),
        ("path", "SELECT ?x WHERE { :alice :knows? ?x }"),
        ("path", "SELECT ?x WHERE { ?x ^:knows :carol }"),
        ("path", "SELECT ?x WHERE { :alice (:knows|:likes) ?x }"),
        ("path", "SELECT ?x WHERE { :alice :parent/:parent ?x }"),
        ("path", "SELECT ?x ?y WHERE { ?x :parent+ ?y }"),
        ("path", "SELECT ?x WHERE { :alice !(:knows|:likes) ?x }"),
        ("path", "SELECT ?x WHERE { :carol (:knows/:knows)* ?x }"),
        ("path", "SELECT ?x WHERE { :dave ^:knows* ?x }"),
        ("path", "SELECT (COUNT(*) AS ?n) WHERE { :alice :knows|:knows ?x }"),
        ("bind", "SELECT ?a ?y WHERE { ?a :age ?g BIND(?g + 1 AS ?y) }"),
        ("bind", "SELECT ?x WHERE { BIND(1 AS ?x) }"),
        ("bind", "SELECT ?a ?l WHERE { ?a :name ?n BIND(LCASE(STR(?n)) AS ?l) FILTER(STRSTARTS(?l, 'a')) }"),
        ("modifiers", "SELECT ?a ?g WHERE { ?a :age ?g FILTER(isNumeric(?g)) } ORDER BY DESC(?g)"),
        ("modifiers", "SELECT ?a WHERE { ?a :name ?n } ORDER BY ?a LIMIT 3 OFFSET 1"),
        ("modifiers", "SELECT DISTINCT ?b WHERE { ?a :knows ?b }"),
        ("modifiers", "SELECT REDUCED ?b WHERE { ?a :knows ?b } ORDER BY ?b"),
        ("modifiers", "SELECT ?a ?b WHERE { ?a :knows ?b }"),
        ("construct", "CONSTRUCT { ?b :knownBy ?a } WHERE { ?a :knows ?b }"),
        ("construct", "CONSTRUCT { ?a :info [ :name ?n ] } WHERE { ?a :name ?n }"),
        ("construct", "CONSTRUCT WHERE { ?a :age ?g }"),
        ("construct", "CONSTRUCT { ?a :p 1.50 } WHERE { ?a :age 30 }"),
        ("ask", "ASK { :alice :knows :bob }"),
        ("ask", "ASK { :bob :knows :alice }"),
        ("ask", "ASK { ?x :age ?a FILTER(?a > 40) }"),
    ]
    for tag, body in rel:
        q(c, "rel", tag, body)
    graphs = [
        "SELECT ?g ?o WHERE { GRAPH ?g { :x :p ?o } }",
        "SELECT ?o WHERE { GRAPH <http://example.org/g/1> { ?s :p ?o } }",
        "SELECT ?g WHERE { GRAPH ?g { } }",
        "SELECT ?g ?s WHERE { GRAPH ?g { ?s :p 'everywhere' } }",
        "SELECT ?o WHERE { GRAPH <http://example.org/g/9> { ?s ?p ?o } }",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        "SELECT ?g1 ?g2 WHERE { GRAPH ?g1 { :y :p ?a } GRAPH ?g2 { :z :q ?x } }",
        "ASK { GRAPH <http://example.org/g/2> { :z :q :x } }",
        "CONSTRUCT { ?s :in ?g } WHERE { GRAPH ?g { ?s :p ?o } }",
        "SELECT ?s ?o WHERE { GRAPH <http://example.org/g/2> { ?s :p ?o FILTER(isNumeric(?o)) } }",
        "SELECT ?s ?o WHERE { ?s :p ?o }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ]
    for body in graphs:
        q(c, "graphs", "graph", body)
    report = [
        ("join", "SELECT ?p ?o WHERE { ?p a schema:Person ; schema:affiliation ?o . ?o a schema:Organization }"),
        ("join", "SELECT ?e ?n WHERE { ?e a schema:Event ; schema:name ?n }"),
        ("join", "SELECT ?m ?t WHERE { ?m a nif:Phrase ; <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?t . ?t a schema:Person }"),
        ("optional", "SELECT ?p ?o WHERE { ?p a schema:Person OPTIONAL { ?p schema:affiliation ?o } }"),
        ("optional", "SELECT ?i ?z WHERE { ?i a kg:Initiative OPTIONAL { ?i kg:inTerritory ?z } }"),
        ("minus", "SELECT ?p WHERE { ?p a schema:Person MINUS { ?p schema:affiliation ?o } }"),
        ("exists", "SELECT ?o WHERE { ?o a schema:Organization FILTER NOT EXISTS { ?p schema:affiliation ?o } }"),
        ("exists", "SELECT ?c WHERE { ?c a skos:Concept FILTER EXISTS { ?x dcterms:subject ?c } }"),
        ("path", "SELECT ?c ?r WHERE { ?c a igeo:Commune ; igeo:subdivisionDe+ ?r }"),
        ("path", "SELECT ?x WHERE { ?x skos:topConceptOf/^skos:inScheme ?y } LIMIT 0"),
        ("path", "SELECT (COUNT(*) AS ?n) WHERE { ?x igeo:subdivisionDe* ?y }"),
        ("path", "SELECT ?s WHERE { ?s (schema:name|skos:prefLabel) 'Indre'@fr }"),
        ("union", "SELECT ?x WHERE { { ?x a schema:Person } UNION { ?x a schema:Organization } }"),
        ("subquery", "SELECT ?t ?n WHERE { { SELECT ?t (COUNT(?x) AS ?n) WHERE { ?x a ?t } GROUP BY ?t } FILTER(?n > 10) }"),
        ("values", "SELECT ?t ?x WHERE { VALUES ?t { schema:Event igeo:Region } ?x a ?t }"),
        ("modifiers", "SELECT DISTINCT ?t WHERE { ?x a ?t }"),
        ("modifiers", "SELECT ?x ?n WHERE { ?x a igeo:Departement ; igeo:nom ?n } ORDER BY ?n"),
        ("construct", "CONSTRUCT { ?p schema:worksFor ?o } WHERE { ?p schema:affiliation ?o }"),
        ("construct", "CONSTRUCT WHERE { ?c a igeo:Commune ; igeo:nom ?n }"),
        ("ask", "ASK { ?x a schema:Report }"),
        ("ask", "ASK { ?x a schema:Movie }"),
        ("filter", "SELECT ?m WHERE { ?m nif:beginIndex ?b FILTER(?b < 500) }"),
        ("filter", "SELECT ?s WHERE { ?s kg:inferred true }"),
        ("filter", "SELECT ?s ?c WHERE { ?s kg:confidence ?c FILTER(?c >= 0.8) }"),
    ]
    for tag, body in report:
        q(c, "report", tag, body)
    gen = [
        ("join", "SELECT ?i ?t WHERE { ?i a obs:Initiative ; dcterms:subject theme:mobilite ; dcterms:title ?t }"),
        ("union", "SELECT ?i WHERE { ?i a obs:Initiative { ?i schema:areaServed <http://id.insee.fr/geo/departement/36> } UNION { ?i schema:areaServed ?c . ?c obs:inDepartement <http://id.insee.fr/geo/departement/36> } }"),
        ("optional", "SELECT ?i ?en WHERE { ?i a obs:Initiative OPTIONAL { ?i dcterms:title ?en FILTER(LANG(?en) = 'en') } }"),
        ("path", "SELECT ?t WHERE { ?t skos:broader+ theme:mobilite }"),
        ("path", "SELECT ?i WHERE { ?i dcterms:subject/skos:broader* theme:energie }"),
        ("path", "SELECT ?p ?i WHERE { ?p schema:memberOf/^obs:porteur ?i }"),
        ("minus", "SELECT ?o WHERE { ?o a schema:Organization MINUS { ?i obs:porteur ?o } }"),
        ("exists", "SELECT ?p WHERE { ?p a schema:Person FILTER EXISTS { ?w obs:intervenant ?p } }"),
        ("subquery", "SELECT ?e ?n WHERE { ?e schema:name ?n { SELECT ?e WHERE { ?w schema:superEvent ?e } GROUP BY ?e HAVING(COUNT(?w) > 4) } }"),
        ("values", "SELECT ?c ?n WHERE { VALUES ?d { <http://id.insee.fr/geo/departement/36> <http://id.insee.fr/geo/departement/18> } ?c obs:inDepartement ?d ; igeo:nom ?n }"),
        ("construct", "CONSTRUCT { ?c obs:inDepartement ?d } WHERE { ?c obs:inDepartement ?d }"),
        ("filter", "SELECT ?i WHERE { ?i dcterms:title ?t FILTER(REGEX(?t, 'vélo', 'i')) }"),
        ("filter", "SELECT ?t WHERE { ?t skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), 'en')) }"),
        ("ask", "ASK { ?i a obs:Initiative ; dcterms:subject theme:eau }"),
    ]
    for tag, body in gen:
        q(c, "gen", tag, body)
    # the peer benchmark's own 8 queries are read from BENCH_DIR by the runner (see diff_sparql.py)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "tests", "diff-sparql", "queries"))
    a = ap.parse_args()
    numbers()
    strings()
    dates()
    types()
    aggregates()
    operators()
    out = os.path.normpath(a.out)
    if os.path.isdir(out):
        shutil.rmtree(out)
    seen = set()
    n = 0
    for i, (cat, data, tag, text) in enumerate(corpus, 1):
        body = text
        if (data, body) in seen:
            raise SystemExit("gen_corpus: duplicate query over %s:\n%s" % (data, body))
        seen.add((data, body))
        d = os.path.join(out, cat)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "%04d-%s.rq" % (i, tag)), "w", encoding="utf-8") as f:
            f.write("# category: %s\n# data: %s\n# tag: %s\n%s" % (cat, data, tag, body))
        n += 1
    print("gen_corpus: %d queries in %s" % (n, out))


if __name__ == "__main__":
    main()
