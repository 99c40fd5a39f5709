#!/bin/sh
# t-install.sh - `make install` into a temporary DESTDIR gives a copy that
# runs on its own: with the source tree out of reach (hidden under an empty
# tmpfs in a private mount namespace, when unshare can make one), the
# installed program extracts, loads, queries, exports and lists its named
# queries from its own share/mednum-kg; moved elsewhere as a whole, it still
# finds its data; --data-dir and $MEDNUM_KG_DATA override; bash completion
# offers commands, options and named-query names; `make uninstall` removes
# every file it installed.
set -u
: "${KG:?}" "${TOP:?}"
LC_ALL=C.UTF-8; export LC_ALL
unset MEDNUM_KG_DATA
fails=0 n=0
ok() { n=$((n + 1)); echo "ok   $*"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL $*"; }
check() { what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi; }

here=$(pwd)
build=$(basename "$(dirname "$KG")")       # build or build-asan
dest=$here/dest prefix=/opt/mednum-kg
make -s -C "$TOP" BUILD="$build" PREFIX=$prefix DESTDIR="$dest" install >make.log 2>&1 ||
  { cat make.log; echo "FAIL make install"; exit 1; }
bin=$dest$prefix/bin/mednum-kg
share=$dest$prefix/share/mednum-kg
for f in bin/mednum-kg share/man/man1/mednum-kg.1 \
         share/bash-completion/completions/mednum-kg \
         share/mednum-kg/ontology/mn.ttl share/mednum-kg/queries/programme.rq \
         share/mednum-kg/data/registry/initiatives.ttl \
         share/mednum-kg/data/gazetteer/territoires.idx \
         share/mednum-kg/data/lexicon/lexicon.idx \
         share/mednum-kg/data/www/index.html \
         share/doc/mednum-kg/examples/nec-cvl-2024.md; do
  check "installed: $f" test -s "$dest$prefix/$f"
done
check "no download cache installed" test ! -e "$share/data/gazetteer/cache"
check "the program is executable" test -x "$bin"

cp "$TOP/data/nec-cvl-2024.md" report.md
# The commands of a first use, run by the installed copy; $1 runs them.
cat > use.sh <<'EOT'
set -eu
kg=$1; cd "$2"
rm -rf st out.ttl dump.nt q.csv list.txt
"$kg" extract report.md > out.ttl
grep -q 'initiative/rur-linette' out.ttl
"$kg" --store st load report.md
"$kg" --store st query -f csv initiatives-by-theme-and-territory \
   --param theme=mobilite --param territory=Indre > q.csv
grep -q 'rur-linette' q.csv
"$kg" --store st export -f ntriples > dump.nt
test "$(wc -l < dump.nt)" -gt 1000
"$kg" queries > list.txt
grep -q '^speakers-of-session' list.txt
EOT

hidden=no
if command -v unshare >/dev/null 2>&1 &&
   unshare -m sh -c "mount -t tmpfs none '$TOP' 2>/dev/null && test ! -e '$TOP/ontology'" 2>/dev/null; then
  hidden=yes
fi
if [ $hidden = yes ]; then
  # a sanitizer build reads its suppression files from the source tree:
  # give it copies outside
  mkdir -p san/tests && cp "$TOP"/tests/*.supp san/tests/ 2>/dev/null
  for v in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
    eval "val=\${$v-}"
    [ -n "$val" ] && export "$v=$(printf '%s' "$val" | sed "s|$TOP/|$here/san/|g")"
  done
  check "installed copy works with the source tree hidden" \
    unshare -m sh -c "mount -t tmpfs none '$TOP' && sh '$here/use.sh' '$bin' '$here'"
else
  echo "skipped: cannot hide the source tree (unshare -m needs root); the installed copy runs with it in place"
  check "installed copy works" sh use.sh "$bin" "$here"
fi
# the program names no file of the source tree
if command -v objcopy >/dev/null 2>&1; then
  objcopy -O binary --only-section=.rodata "$bin" rodata.bin 2>/dev/null
  check "no source-tree path in the program's strings" sh -c "! grep -aqF '$TOP/' rodata.bin"
fi

# moved as a whole to another prefix: still finds its data beside itself
mv "$dest$prefix" "$here/moved"
check "moved installation still works" sh use.sh "$here/moved/bin/mednum-kg" "$here"
mv "$here/moved" "$dest$prefix"

# --data-dir and $MEDNUM_KG_DATA win; a wrong one is reported
"$bin" --data-dir "$here/nowhere" queries >dd.out 2>dd.err
rc=$?
check "--data-dir to nowhere fails with exit 4" test $rc -eq 4
check "... and names the directory" grep -q "nowhere" dd.err
MEDNUM_KG_DATA="$here/nowhere2" "$bin" queries >/dev/null 2>dd.err
check "\$MEDNUM_KG_DATA is used" grep -q "nowhere2" dd.err
check "--data-dir to a copy works" "$bin" --data-dir "$share" queries
check "--data-dir '' is a usage error" sh -c "'$bin' --data-dir '' queries; test \$? -eq 2"

# bash completion, from the installed file
if [ -r /usr/share/bash-completion/bash_completion ] && command -v bash >/dev/null 2>&1; then
  cat > comp.bash <<EOT
source /usr/share/bash-completion/bash_completion
source "$dest$prefix/share/bash-completion/completions/mednum-kg"
PATH="$dest$prefix/bin:\$PATH"
t() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}
      COMPREPLY=(); _mednum_kg 2>/dev/null; echo "\${COMPREPLY[*]}"; }
t mednum-kg ""
t mednum-kg query speak
t mednum-kg query initiatives-by-theme-and-territory --param ""
t mednum-kg export --f
t mednum-kg --st
EOT
  bash comp.bash > comp.out 2>&1
  check "completion: commands" grep -q '^extract load unload export query' comp.out
  line() { sed -n "$1p" comp.out; }
  check "completion: named queries" test "$(line 2)" = speakers-of-session
  case " $(line 3) " in
    *" theme="*" territory="*) ok "completion: a query's parameters" ;;
    *) not_ok "completion: a query's parameters: '$(line 3)'" ;;
  esac
  check "completion: a command's options" test "$(line 4)" = "--force --format"
  check "completion: global options" test "$(line 5)" = "--store"
else
  echo "skipped: bash-completion is not installed (apt-get install bash-completion)"
fi

# uninstall removes all it installed
make -s -C "$TOP" BUILD="$build" PREFIX=$prefix DESTDIR="$dest" uninstall >make.log 2>&1 ||
  { cat make.log; not_ok "make uninstall"; }
left=$(find "$dest" -type f | wc -l)
check "make uninstall leaves no file ($left left)" test "$left" -eq 0

echo "t-install: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
