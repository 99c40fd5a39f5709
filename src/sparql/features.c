/* features.c - what the query layer does with each SPARQL 1.1
 * feature: native (rasqal parses, we evaluate), rewritten (a text pass
 * first), or refused (a one-line message naming the construct, exit 3).
 * docs/SPARQL.md is generated from this table so that it cannot drift. */
#include <stdio.h>

#include "sparql/features.h"

struct feature {
  const char *name;
  const char *status;
  const char *note;
};

static const struct feature features[] = {
  { "SELECT, projection, (expr AS ?v)", "native", "rasqal parses; our evaluator" },
  { "SELECT *", "native", "in-scope variables recomputed by us (rasqal's expansion leaks sub-SELECT variables)" },
  { "ASK", "native", "false: exit status 1 (cmd_query)" },
  { "CONSTRUCT", "native", "template blank nodes fresh per solution; duplicate triples removed" },
  { "DESCRIBE <iri> / DESCRIBE ?v WHERE", "native", "outgoing triples of each resource, recursively through blank-node objects (CBD without reification); rasqal cannot run DESCRIBE" },
  { "Basic graph patterns", "native", "ordered by selectivity for each row, bindings pushed into indexed lookups; (s ? ?) and (? ? o) use one lookup per predicate of the model" },
  { "Blank nodes in patterns", "native", "as non-projected variables" },
  { "OPTIONAL (with FILTER)", "native", "left join; FILTERs of the OPTIONAL group are the join condition" },
  { "OPTIONAL { { ... FILTER ... } }", "refused", "rasqal merges the nested group into the OPTIONAL, which changes which variables the FILTER sees" },
  { "{ ... FILTER(!BOUND(?v)) } with ?v bound outside that group, or nowhere", "refused", "rasqal replaces the FILTER by false; refused when its condition could be true with ?v unbound (BOUND, COALESCE, IF, ||); other conditions are false either way (W3C bind10 passes)" },
  { "UNION", "native", "also after triple patterns (rasqal's engine mis-joins that)" },
  { "MINUS", "native", "rasqal parses it but cannot run it" },
  { "FILTER", "native", "applied at the end of its group; &&, || and ! evaluated by us (rasqal's && is wrong on errors)" },
  { "FILTER EXISTS / NOT EXISTS, EXISTS in expressions", "rewritten", "the group is cut out, parsed as its own query and evaluated with the row substituted" },
  { "BIND", "native", "" },
  { "VALUES (parenthesised form, in a group or after the query)", "native", "rows read through the private-layout mirror of rasqal 0.9.33 (version-checked; refused otherwise)" },
  { "VALUES ?x { a b } (one-variable short form)", "rewritten", "to VALUES (?x) { (a) (b) } (rasqal mis-parses it: wrong rows or a crash)" },
  { "VALUES () { () () } (no variable)", "rewritten", "to a hidden variable, always unbound (rasqal crashes on it)" },
  { "Sub-SELECT (with DISTINCT, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET)", "native", "modifiers read through the private-layout mirror (version-checked; refused otherwise); evaluated independently, then joined" },
  { "GRAPH <iri> / GRAPH ?g", "native", "over the model's contexts; an unknown graph gives no rows" },
  { "Default graph", "native", "without FROM: the union of all graphs of the model (librdf behaviour), named graphs included; a triple in several graphs counts once" },
  { "FROM / FROM NAMED of graphs loaded with --named", "native", "FROM: the default graph is the merge of those graphs; FROM NAMED: the only named graphs" },
  { "FROM / FROM NAMED of other IRIs", "refused", "refused: a graph is never fetched; FROM names a graph of the store or of --named" },
  { "SERVICE", "refused", "remote queries are never run" },
  { "GROUP BY (variables and expressions, AS ?v)", "native", "" },
  { "COUNT, SUM, AVG, MIN, MAX, SAMPLE", "native", "computed in C; over no rows: COUNT 0, SUM 0, AVG 0, others unbound" },
  { "COUNT(DISTINCT ...), COUNT(*)", "native", "rasqal's own COUNT(DISTINCT) over-counts" },
  { "GROUP_CONCAT (DISTINCT, separator=)", "native", "rasqal ignores the separator; over a number, date or other non-string literal the aggregate is an error (no value), as CONCAT is (SPARQL 1.1 18.5.1.7): GROUP_CONCAT(STR(?v)) joins them" },
  { "HAVING", "native", "" },
  { "ORDER BY ASC/DESC", "native", "unbound < blank node < IRI < literal; numbers and dates by value, strings by code point" },
  { "DISTINCT, REDUCED (as DISTINCT), LIMIT, OFFSET", "native", "" },
  { "Property path p/q, ^p, p|q", "rewritten", "the path becomes a placeholder predicate; evaluated by us (p|q keeps duplicates, as the SPARQL algebra's union does)" },
  { "Property path p*, p+, p?", "rewritten", "closure computed in C (distinct end points)" },
  { "Property path !p, !(p|^q)", "rewritten", "negated property sets" },
  { "Property path p{n}, p{n,m}", "refused", "not SPARQL 1.1 (draft syntax)" },
  { "Variables or relative IRIs inside a path", "refused", "relative IRI without BASE; undeclared prefix" },
  { "Operators = != < > <= >= + - * /, IN, NOT IN", "native", "our own (value.c, numeric.c): integer < decimal < float < double promotion; integer/integer is a decimal; decimal division by zero is an error, double division gives INF, -INF, NaN; NaN != NaN; booleans, IRIs, blank nodes, language-tagged strings and unknown datatypes are not ordered (type error); = between literals of two different known types is false (SPARQL: a type error; FILTER results are the same), with an ill-typed or unknown-datatype literal an error unless the same term; IN / NOT IN: a member that errs makes the result an error unless another member is equal" },
  { "&&, ||, !, IF, COALESCE, BOUND", "native", "our own (errors follow SPARQL)" },
  { "Effective boolean value", "native", "our own; an ill-typed boolean or number is false" },
  { "STR, LANG, DATATYPE, isIRI, isBlank, isLiteral, isNumeric, sameTerm, langMatches, BOUND, STRDT, STRLANG", "native", "our own; STR of a blank node is a type error; DATATYPE of a tagged literal is rdf:langString; \"x\"^^xsd:string and \"x\" are one term (RDF 1.1): data is loaded and pattern constants are built in the simple form; LANG returns lower-cased tags" },
  { "STRLEN, SUBSTR, STRSTARTS, STRENDS, CONTAINS, STRBEFORE, STRAFTER, ENCODE_FOR_URI", "native", "our own (strfn.c), on code points; SUBSTR as XPath fn:substring (start 0, length 0, start past the end); argument compatibility of 17.4.3.1.3 (type error otherwise)" },
  { "LCASE, UCASE", "native", "our own, ICU full case mapping (UCASE(\"Straße\") = \"STRASSE\")" },
  { "CONCAT", "native", "our own: keeps a common language tag; CONCAT() is \"\" (rewritten: rasqal's grammar wants an argument)" },
  { "REGEX", "native", "our own on PCRE2 (UTF, UCP, JIT): \\p{..} and \\P{..} classes, XPath \\w (letters, marks, digits, symbols) and \\s ([ \\t\\n\\r]), back-references, (?:...); flags i, m, s, x, q; a match over 10,000,000 steps refuses the query" },
  { "REGEX flags other than i m s x q; block names \\p{IsX}, \\i, \\c, class subtraction, (?...) groups other than (?:...)", "refused", "named in the message" },
  { "REPLACE", "native", "our own, same regex engine; $0-$9 in the replacement; a pattern matching \"\" is an error" },
  { "IRI, URI (relative to BASE), BNODE(), STRDT, STRLANG, UUID, STRUUID", "native", "rasqal; IRI(<iri>) by us" },
  { "BNODE(string)", "refused", "rasqal shares the node across solutions" },
  { "ABS, ROUND, CEIL, FLOOR", "native", "our own: exact on decimals (ROUND(2.675*100) = 268), ROUND half toward positive infinity" },
  { "RAND, NOW, UUID, STRUUID, BNODE(), IRI(string)", "native", "rasqal, with the values of the arguments" },
  { "YEAR, MONTH, DAY, HOURS, MINUTES, SECONDS, TIMEZONE, TZ", "native", "our own (datetime.c) on xsd:dateTime; extension: YEAR, MONTH, DAY, TIMEZONE, TZ also on xsd:date (HOURS, MINUTES, SECONDS of a date are type errors); comparisons of dateTimes with and without timezone per XSD 1.1 (indeterminate: error)" },
  { "MD5, SHA1, SHA256, SHA384, SHA512", "native", "our own (nettle); simple literals and xsd:string only (a tagged literal is a type error)" },
  { "Casts xsd:integer, xsd:decimal, xsd:double, xsd:float, xsd:boolean, xsd:string, xsd:dateTime, xsd:date", "native", "our own, XSD rules: to integer truncates, NaN and INF to integer or decimal are errors, a string must be in the lexical space; casts to derived integer types are type errors" },
  { "BIND alone in a nested group { BIND(e AS ?v) }", "rewritten", "to { SELECT (e AS ?v) WHERE {} }: the same solution, which rasqal does not merge into the parent" },
  { "OPTIONAL or MINUS alone in a nested group { ... }", "refused", "rasqal merges the group into its parent, which changes the meaning" },
  { "BIND to a variable in scope, (expr AS ?v) with ?v in scope or twice", "refused", "syntax errors rasqal does not report" },
  { "Numeric results", "native", "our own: xsd:integer unbounded (GMP; no overflow, stays xsd:integer), xsd:decimal exact (GMP; a quotient keeps 18 fractional digits, truncated), doubles and floats IEEE; computed numbers in XSD 1.1 canonical form (\"3\" for an integer or an integral decimal, \"2.5\", \"1.0E100\", \"-1.25E1\", \"INF\", \"NaN\"), values from the data as written; an integer constant of the query beyond 32 bits is read as xsd:integer (rasqal types it xsd:decimal; so \"3\"^^xsd:decimal written without a point is read as an integer)" },
  { "Extension functions <iri>(...)", "refused", "rasqal evaluates them to false" },
  { "Language tags (\"x\"@en-GB)", "native", "compared in lower case: rasqal lower-cases query tags and the loaders lower-case data tags" },
  { "SPARQL Update", "refused", "not a query" },
  { "A sign written against a number after an operand (\"?x -1\", \"5 +2*3\", \"1 +1 +1\")", "rewritten",
    "a space after the sign makes it the binary operator (rasqal misreads it and overflows its heap on it: docs/HARDENING.md); signed literals elsewhere (triples, VALUES, \"-?x\") keep their sign" },
  { "Query text nested deeper than 64 brackets, or OPTIONAL in OPTIONAL deeper than 6", "refused",
    "the limits of a query (docs/HARDENING.md): rasqal's parser stops near 10,000 levels and its preparation is exponential in OPTIONAL depth" },
  { "Syntax errors", "refused", "\"SPARQL syntax error: <rasqal message>\" with the line" },
  { NULL, NULL, NULL }
};

void
kg_features_markdown(FILE *out)
{
  int i;

  fputs("# SPARQL support\n\n"
        "Generated from src/sparql/features.c by"
        " `kg_sparql_features_markdown()`; do not edit.\n\n"
        "mednum-kg uses rasqal 0.9.33 to parse queries and to evaluate a"
        " few functions (RAND, NOW, UUID, STRUUID, BNODE(), IRI of a"
        " string); it evaluates the query and its expressions itself over the"
        " librdf model.  *native*: parsed by rasqal, evaluated by mednum-kg;"
        " *rewritten*: a text pass turns it into something rasqal parses;"
        " *refused*: the query stops with a one-line message naming the"
        " construct and its line (exit status 3).  An answer is correct or"
        " the query is refused: never silently wrong.\n\n"
        "| Feature | Status | Note |\n|---|---|---|\n", out);
  for(i = 0; features[i].name; i++)
    fprintf(out, "| %s | %s | %s |\n", features[i].name, features[i].status,
            features[i].note);
}
