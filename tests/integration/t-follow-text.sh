#!/bin/sh
# t-follow-text.sh - answers follow the text: edit copies of the seed report
# and check that each answer changes the way the edit says.  A graph that a
# registry alone could produce would fail here.
set -u
seed="$TOP/data/nec-cvl-2024.md"
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }
q() {  # q REPORT NAME PARAM...
  r=$1; shift; n=$1; shift
  set -- "$@"
  args=""
  for p in "$@"; do args="$args --param $p"; done
  # shellcheck disable=SC2086
  "$KG" query "$n" --data "$r" -f tsv $args
}

# 0. the seed as it is
q "$seed" initiatives-by-theme-and-territory theme=mobilite territory=Indre > base.tsv || ko "seed query runs"
grep -q '"Rur@linette"' base.tsv && ok "seed: Rur@linette serves the Indre" || ko "seed: Rur@linette serves the Indre"

# 1. move an initiative to another département
sed "s/Ils desservent 21 communes de l'Indre/Ils desservent 21 communes du Cher/" "$seed" > moved.md
cmp -s "$seed" moved.md && ko "edit 1 applied"
q moved.md initiatives-by-theme-and-territory theme=mobilite territory=Indre > m36.tsv
q moved.md initiatives-by-theme-and-territory theme=mobilite territory=Cher > m18.tsv
grep -q '"Rur@linette"' m36.tsv && ko "moved: Rur@linette no longer in the Indre" || ok "moved: Rur@linette no longer in the Indre"
grep -q '"Rur@linette".*"Cher"' m18.tsv && ok "moved: Rur@linette now in the Cher" || ko "moved: Rur@linette now in the Cher"
grep -q '"Rural'"'"'num"' m36.tsv && ok "moved: Rural'num still in the Indre" || ko "moved: Rural'num still in the Indre"

# 2. delete a facilitator line
grep -v '^Animé par Cécile Bosser' "$seed" > nofacil.md
q "$seed" speakers-of-session session=2.1 > s0.tsv
q nofacil.md speakers-of-session session=2.1 > s1.tsv
grep -q 'Cécile Bosser' s0.tsv && ok "seed: Cécile Bosser ran 2.1" || ko "seed: Cécile Bosser ran 2.1"
grep -q 'Cécile Bosser' s1.tsv && ko "deleted line: Cécile Bosser gone" || ok "deleted line: Cécile Bosser gone"
grep -q 'Aurore Xavier' s1.tsv && ok "deleted line: the note-taker stays" || ko "deleted line: the note-taker stays"

# 3. rename an initiative to a name no registry holds
sed 's/Rur@linette/Numéribus/g' "$seed" > renamed.md
q renamed.md initiatives-by-theme-and-territory theme=mobilite territory=Indre > r36.tsv
grep -q 'Rur@linette' r36.tsv && ko "renamed: Rur@linette gone" || ok "renamed: Rur@linette gone"
grep -q '"La Numéribus".*"Familles Rurales de l'"'"'Indre"' r36.tsv \
  && ok "renamed: Numéribus found, with its carrier, in the Indre" \
  || { ko "renamed: Numéribus found, with its carrier, in the Indre"; cat r36.tsv; }
"$KG" query --data renamed.md -f tsv -e 'PREFIX mn: <https://w3id.org/mednum-kg/def#>
PREFIX schema: <http://schema.org/>
SELECT ?n WHERE { ?i mn:candidate true ; schema:name ?n ; a mn:Initiative }' > cand.tsv
grep -q 'Numéribus' cand.tsv && ok "renamed: flagged as a candidate" || ko "renamed: flagged as a candidate"

# 4. a new carrier line changes the carrier
sed 's/^- APF45 : objectif/- Emmaüs Connect : objectif/' "$seed" > carrier.md
q carrier.md initiatives-of-organisation organisation=emmaüs > c.tsv
grep -q "Connecto'bus" c.tsv && ok "new list header: Connecto'bus carried by Emmaüs Connect" \
  || { ko "new list header: Connecto'bus carried by Emmaüs Connect"; cat c.tsv; }

exit $fail
