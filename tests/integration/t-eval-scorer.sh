#!/bin/sh
# t-eval-scorer.sh - self-test of tools/eval/score.py (make eval), not of the
# extractor.  A fake mednum-kg answers `extract` with a graph written by hand
# (tests/eval/journees-creuse-2025.ttl, whose header says why each count is
# what it is) and passes everything else (`query`) to the real $KG; so the
# counts are known exactly and do not move when the extractor changes.
# Checked: exact tp/found/gold/P/R per category against the right gold; what
# one wrong gold line, one extra gold line and the five errors of
# journees-creuse-2025.wrong.tsv do; a refused extraction counts as nothing
# found; the matching is one to one and of maximum size; malformed gold
# files exit 3 naming FILE:LINE and extract nothing;
# usage errors exit 2; and, with the real extractor, the found counts are
# those of the graph it wrote.  Runs in a temp dir; $TOP = project.
set -u
: "${TOP:?}" "${KG:?}"
SCORE="python3 $TOP/tools/eval/score.py"
EV=$TOP/tests/eval
R=journees-creuse-2025
pass=0 fail=0
ok() { pass=$((pass+1)); echo "ok - $1"; }
ko() { fail=$((fail+1)); echo "not ok - $1"; }
check() {  # check DESCRIPTION COMMAND...
  d=$1; shift
  if "$@"; then ok "$d"; else ko "$d"; fi
}

# the fake extractor: the frozen graph as N-Triples, by way of the real query
cat > fakekg <<'EOF'
#!/bin/sh
if [ "$1" = extract ]; then
  echo "$*" >> "$FAKE_LOG"
  for a; do :; done
  case " $* " in
    *" --no-reference -f ntriples "*) ;;
    *) echo "fake: unexpected arguments: $*" >&2; exit 2 ;;
  esac
  g="$FAKE_GRAPHS/$(basename "$a" .md).ttl"
  [ -f "$g" ] || { echo "fake: $a: cannot read this report" >&2; exit 3; }
  exec "$KG" query --data "$g" -f ntriples -e 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }'
fi
exec "$KG" "$@"
EOF
chmod +x fakekg
FAKE_GRAPHS=$EV FAKE_LOG=$PWD/extract.log
export FAKE_GRAPHS FAKE_LOG
: > extract.log

counts() {  # counts RESULT.json [REPORT]: per category "tp found gold P R"
  python3 - "$@" <<'EOF'
import json, sys
js = json.load(open(sys.argv[1], encoding="utf-8"))
cats = js["totals"]
if len(sys.argv) > 2:
    cats = [r for r in js["reports"] if r["name"] == sys.argv[2]][0]["categories"]
f = lambda x: "-" if x is None else "%.4f" % x
for c in ("session", "person", "person-role", "organisation", "initiative", "place", "date"):
    r = cats[c]
    print(c, r["tp"], r["found"], r["gold"], f(r["precision"]), f(r["recall"]))
EOF
}
consistent() {  # consistent RESULT.json: |FP| = found - tp, |FN| = gold - tp
  python3 - "$1" <<'EOF'
import json, sys
js = json.load(open(sys.argv[1], encoding="utf-8"))
bad = ["%s %s" % (r["name"], c) for r in js["reports"] for c, x in r["categories"].items()
       if len(x["false_positives"]) != x["found"] - x["tp"]
       or len(x["false_negatives"]) != x["gold"] - x["tp"] or x["tp"] > min(x["found"], x["gold"])]
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
}
same() {  # same DESCRIPTION EXPECTED-FILE ACTUAL-FILE
  if cmp -s "$2" "$3"; then ok "$1"; else ko "$1"; diff "$2" "$3"; fi
}
setup() {  # setup DIR GOLD-FILE: the report and a gold file in a new folder
  mkdir -p "$1" && cp "$EV/$R.md" "$1/" && cp "$2" "$1/$R.gold.tsv"
}
score() {  # score NAME FOLDER... : NAME.out, NAME.err, NAME.json, NAME.rc
  n=$1; shift
  $SCORE --kg ./fakekg --details --json "$n.json" "$@" > "$n.out" 2> "$n.err"
  echo $? > "$n.rc"
}

# ---- 1. the right gold: every count known -------------------------------------
setup right "$EV/$R.gold.tsv"
score right right
check "right gold: exit 0" [ "$(cat right.rc)" = 0 ]
cat > right.want <<'EOF'
session 3 5 4 0.6000 0.7500
person 5 7 6 0.7143 0.8333
person-role 3 5 5 0.6000 0.6000
organisation 4 5 5 0.8000 0.8000
initiative 1 2 2 0.5000 0.5000
place 4 6 4 0.6667 1.0000
date 2 2 2 1.0000 1.0000
EOF
counts right.json $R > right.got 2>&1
same "right gold: tp found gold P R per category" right.want right.got
counts right.json > right.tot 2>&1
same "right gold: totals are the report's" right.want right.tot
check "right gold: the table shows person 71.4% 83.3% 5 7 6" \
  grep -Eq '^  person +71\.4% +83\.3% +5 +7 +6$' right.out
check "right gold: the extractor was asked for N-Triples without reference" \
  grep -q "^extract --no-reference -f ntriples .*/$R.md\$" extract.log
for line in 'session       FN  Table ronde de clôture et suites à donner' \
            'session       FP  Ateliers en parallèle' \
            'session       ~   Le bus numérique dans les bourgs  ~  Atelier 1 — Le bus numérique dans les bourgs  (containment)' \
            'session       ~   Accompagner les aidants familiaux  ~  Accompagner aidants familiaux  (overlap 0.75)' \
            'person        FN  Étienne Faure' \
            'person-role   FN  Claire Dumas: performer (found: mention)' \
            'person-role   FP  Jeanne Roux: notetaker (gold: mention)' \
            'organisation  FP  Conseil départemental' \
            'place         FP  87085'; do
  check "right gold, details: $line" grep -qxF "    $line" right.out
done
check "right gold: the civility, the case and the alternateName matched" \
  sh -c '! grep -Eq "FP  (Mme Lucie|KARIM|CSLS)" right.out'

# ---- 2. one wrong gold line lowers recall by exactly one ------------------------
sed 's/^person	Lucie Marchand	/person	Lucie Marchal	/' "$EV/$R.gold.tsv" > one-wrong.tsv
setup onewrong one-wrong.tsv
score onewrong onewrong
counts onewrong.json $R > onewrong.got 2>&1
sed -e 's/^person 5 7 6 .*/person 4 7 6 0.5714 0.6667/' \
    -e 's/^person-role 3 5 5 .*/person-role 2 5 5 0.4000 0.4000/' right.want > onewrong.want
same "a misspelt performer: person 5/6 -> 4/6, person-role 3/5 -> 2/5, nothing else" \
  onewrong.want onewrong.got
check "a misspelt performer: shown as a false negative" \
  grep -qxF '    person        FN  Lucie Marchal' onewrong.out

# ---- 3. one extra gold line is a false negative ---------------------------------
cp "$EV/$R.gold.tsv" extra.tsv
printf 'organisation\tMaison des associations de Boussac\n' >> extra.tsv
setup extra extra.tsv
score extra extra
counts extra.json $R > extra.got 2>&1
sed 's/^organisation 4 5 5 .*/organisation 4 5 6 0.8000 0.6667/' right.want > extra.want
same "an extra gold organisation: gold 5 -> 6, recall 4/5 -> 4/6, nothing else" \
  extra.want extra.got
check "an extra gold organisation: listed as a false negative" \
  grep -qxF '    organisation  FN  Maison des associations de Boussac' extra.out

# ---- 4. the five errors of the .wrong.tsv gold ----------------------------------
setup wrong "$EV/$R.wrong.tsv"
score wrong wrong
cat > wrong.want <<'EOF'
session 3 5 4 0.6000 0.7500
person 4 7 6 0.5714 0.6667
person-role 1 5 5 0.2000 0.2000
organisation 4 5 6 0.8000 0.6667
initiative 1 2 2 0.5000 0.5000
place 3 6 4 0.5000 0.7500
date 1 2 2 0.5000 0.5000
EOF
counts wrong.json $R > wrong.got 2>&1
same "wrong gold: each deliberate error costs exactly its count" wrong.want wrong.got
for line in 'person-role   FN  Paul Besson: performer (found: notetaker)' \
            'place         FN  23009' 'place         FP  23008' \
            'date          FN  start 2025-03-12' 'date          FP  start 2025-03-13' \
            "organisation  FN  Maison de l'emploi de Guéret"; do
  check "wrong gold, details: $line" grep -qxF "    $line" wrong.out
done

# ---- 5. a report the extractor refuses: nothing found, its gold counted ----------
setup refused "$EV/$R.gold.tsv"
cp "$EV/$R.md" refused/refus-2025.md
cp "$EV/$R.gold.tsv" refused/refus-2025.gold.tsv
score refused refused
check "refused report: exit 0" [ "$(cat refused.rc)" = 0 ]
check "refused report: shown with the extractor's message" \
  grep -q '^refus-2025   ERROR: extract exited with status 3: fake: .*cannot read this report' refused.out
check "refused report: counted in the heading" grep -q '1 refused by the extractor' refused.out
cat > refused.want <<'EOF'
session 0 0 4 - 0.0000
person 0 0 6 - 0.0000
person-role 0 0 5 - 0.0000
organisation 0 0 5 - 0.0000
initiative 0 0 2 - 0.0000
place 0 0 4 - 0.0000
date 0 0 2 - 0.0000
EOF
counts refused.json refus-2025 > refused.got 2>&1
same "refused report: zero found, gold kept" refused.want refused.got
counts refused.json $R > refused.other 2>&1
same "refused report: the other report is scored as before" right.want refused.other
cat > refused.tot.want <<'EOF'
session 3 5 8 0.6000 0.3750
person 5 7 12 0.7143 0.4167
person-role 3 5 10 0.6000 0.3000
organisation 4 5 10 0.8000 0.4000
initiative 1 2 4 0.5000 0.2500
place 4 6 8 0.6667 0.5000
date 2 2 4 1.0000 0.5000
EOF
counts refused.json > refused.tot 2>&1
same "refused report: totals are micro-averaged over both" refused.tot.want refused.tot

# ---- 5b. codes of one territory given as alternatives are one found item -------
# The frozen graph places things in the département 23 and in the région 75;
# a gold that gives "23 | 75" as one territory counts the two as one found
# place (found 6 -> 5, tp 4); the right gold, which lists 23 alone, keeps 6.
setup alt-codes "$EV/$R.gold.tsv"
sed -i 's/^place	23	Creuse$/place	23 | 75	Creuse/' "alt-codes/$R.gold.tsv"
check "alternative codes: the gold was changed" grep -q "^place	23 | 75	" "alt-codes/$R.gold.tsv"
score alt-codes alt-codes
counts alt-codes.json $R | grep '^place ' > alt-codes.got 2>&1
echo "place 4 5 4 0.8000 1.0000" > alt-codes.want
same "alternative codes: 23 and 75 are one found place" alt-codes.want alt-codes.got
check "alternative codes: counts consistent with the details" consistent alt-codes.json

# ---- 6. the matching: one to one, of maximum size; days ------------------------
# Not a report: a graph and a gold made for the matcher.  The two gold
# sessions are both held in the one found session (word overlap under 0.6):
# one match, the closer title.
# The gold "Relais numérique du Limousin | Relais numérique" fits both found
# organisations, the gold "Relais numérique" only the first (by IRI): a
# greedy first-come matching finds 1 pair, the maximum is 2.  The event's
# endDate is its startDate (a one-day event): no date-end is found.
mkdir -p m/graphs
printf '# not read\n' > m/match-2025.md
cat > m/match-2025.gold.tsv <<'EOF'
date-start	2025-01-10
session	Le numérique en bibliothèque
session	Le numérique en bibliothèque et en mairie
organisation	Relais numérique du Limousin | Relais numérique
organisation	Relais numérique
EOF
cat > m/graphs/match-2025.ttl <<'EOF'
@prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<http://ex/e> a schema:Event ; schema:startDate "2025-01-10"^^xsd:date ;
  schema:endDate "2025-01-10T18:00:00"^^xsd:dateTime .
<http://ex/s> a schema:Event ; schema:superEvent <http://ex/e> ;
  schema:name "Le numérique en bibliothèque et en mairie : ce que trois communes du plateau ont appris" .
<http://ex/o1> a schema:Organization ; schema:name "Relais numérique" .
<http://ex/o2> a schema:Organization ; schema:name "Relais numérique du Limousin" .
EOF
FAKE_GRAPHS=$PWD/m/graphs score match m
cat > match.want <<'EOF'
session 1 1 2 1.0000 0.5000
person 0 0 0 - -
person-role 0 0 0 - -
organisation 2 2 2 1.0000 1.0000
initiative 0 0 0 - -
place 0 0 0 - -
date 1 1 1 1.0000 1.0000
EOF
counts match.json match-2025 > match.got 2>&1
same "matching: one found session for two gold, 2 of 2 organisations, one day" \
  match.want match.got
check "matching: the closer title wins, the other is missed" \
  grep -qxF '    session       FN  Le numérique en bibliothèque' match.out
for j in right onewrong extra wrong refused match; do
  check "$j: |FP| = found - tp and |FN| = gold - tp everywhere" consistent $j.json
done

# ---- 7. malformed gold: exit 3, FILE:LINE named, nothing extracted --------------
# line numbers of journees-creuse-2025.gold.tsv: 3 date-start, 9 the first
# person, 16 the second organisation, 22 the first place
bad() {  # bad DESCRIPTION LINE SED-SCRIPT
  rm -rf badset; : > extract.log
  sed "$3" "$EV/$R.gold.tsv" > bad.tsv
  setup badset bad.tsv
  score bad badset
  if [ "$(cat bad.rc)" = 3 ] && grep -q "badset/$R.gold.tsv:$2: " bad.err && [ ! -s extract.log ]; then
    ok "malformed gold ($1): exit 3, line $2 named, nothing extracted"
  else
    ko "malformed gold ($1): want exit 3 naming line $2, got exit $(cat bad.rc)"
    cat bad.err; cat extract.log
  fi
}
bad "unknown role" 9 '9s/	performer$/	animateur/'
bad "no such day" 3 '3s/2025-03-13/2025-02-30/'
bad "no tab" 16 '16s/	/ /'
bad "a name for a place" 22 '22s/^place	23096/place	Guéret/'
bad "unknown category" 26 '$a\
lieu	Guéret'
bad "a line twice" 26 '$a\
person	Paul Besson	notetaker'
bad "a tab inside a title" 5 '5s/ : /	/'

# ---- 8. usage errors exit 2 -----------------------------------------------------
$SCORE --kg ./fakekg nowhere > /dev/null 2>&1
check "a missing folder: exit 2" [ $? -eq 2 ]
$SCORE --kg ./fakekg --no-such-option right > /dev/null 2>&1
check "an unknown option: exit 2" [ $? -eq 2 ]
$SCORE --kg ./fakekg > /dev/null 2>&1
check "no folder given: exit 2" [ $? -eq 2 ]
$SCORE --kg ./no-such-binary right > /dev/null 2>&1
check "no binary: exit 2" [ $? -eq 2 ]

# ---- 9. the real extractor: found = what its graph holds -------------------------
$SCORE --kg "$KG" --graphs graphs --json real.json "$EV" > real.out 2> real.err
rc=$?
check "real extractor: exit 0" [ $rc -eq 0 ]
check "real extractor: no error for the report" sh -c "! grep -q ERROR real.out"
nt=graphs/$R.nt
subjects() {  # subjects PREDICATE [OBJECT]: distinct subjects of such triples
  awk -v p="$1" -v o="${2:-}" '$2 == p && (o == "" || $3 == o) { print $1 }' "$nt" \
    | sort -u | wc -l | tr -d ' '
}
T='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
python3 - real.json > real.found <<'EOF'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))["reports"][0]["categories"]
for k in ("session", "person", "organisation", "initiative"):
    print(k, c[k]["found"])
print("gold", *(c[k]["gold"] for k in c))
print("tp-within", all(c[k]["tp"] <= min(c[k]["found"], c[k]["gold"]) for k in c))
EOF
{
  echo "session $(subjects '<http://schema.org/superEvent>')"
  echo "person $(subjects "$T" '<http://schema.org/Person>')"
  echo "organisation $(subjects "$T" '<http://schema.org/Organization>')"
  echo "initiative $(subjects "$T" '<https://w3id.org/mednum-kg/def#Initiative>')"
  echo "gold 4 6 5 5 2 4 2"
  echo "tp-within True"
} > real.want
same "real extractor: found counts are the graph's, gold counts the gold's" real.want real.found
check "real extractor: the graph is not empty" [ -s "$nt" ]

echo "t-eval-scorer: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
