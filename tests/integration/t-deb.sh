#!/bin/sh
# t-deb.sh - `make deb` builds build-deb/mednum-kg_VERSION_ARCH.deb; its
# Depends names the package of every shared library the program needs;
# lintian finds nothing (every tag it would show is explained in
# tools/deb/lintian-overrides); dpkg installs it into a throwaway root
# (dpkg --root, with a status database holding only the packages it
# depends on, copied from this machine) where the installed program
# extracts, loads, queries and exports; dpkg refuses it when one of its
# dependencies is missing; dpkg removes every file it installed.
# Skipped, with the reason, without dpkg-deb/dpkg-shlibdeps (dpkg-dev) or
# when not root (dpkg --root writes files owned by root); lintian is
# skipped alone when it is missing.
set -u
: "${KG:?}" "${TOP:?}"
LC_ALL=C.UTF-8; export LC_ALL
unset MEDNUM_KG_DATA
fails=0 n=0
ok() { n=$((n + 1)); echo "ok   $*"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL $*"; }
check() { what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi; }

for t in dpkg dpkg-deb dpkg-shlibdeps; do
  command -v $t >/dev/null 2>&1 || { echo "skipped: $t is missing (apt-get install dpkg-dev)"; exit 0; }
done
[ "$(id -u)" = 0 ] || { echo "skipped: not root (dpkg --root installs files owned by root)"; exit 0; }

here=$(pwd)
version=$(cat "$TOP/VERSION") arch=$(dpkg --print-architecture)
deb=$TOP/build-deb/mednum-kg_${version}_${arch}.deb
make -s -C "$TOP" deb >make.log 2>&1 || { tail -n 30 make.log; echo "FAIL make deb"; exit 1; }
check "make deb built $(basename "$deb")" test -s "$deb"
dpkg-deb -f "$deb" Depends > depends.txt
check "control: Package and Version" \
  test "$(dpkg-deb -f "$deb" Package)-$(dpkg-deb -f "$deb" Version)" = "mednum-kg-$version"

# every library the program needs comes from a package named in Depends
dpkg-deb -x "$deb" unpacked
objdump -p unpacked/usr/bin/mednum-kg | awk '$1 == "NEEDED" { print $2 }' > needed.txt
check "the program needs shared libraries" test -s needed.txt
while read -r so; do
  path=$(ldconfig -p | awk -v so="$so" '$1 == so { print $NF; exit }')
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1)
  [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1)
  if [ -n "$pkg" ] && tr ',' '\n' < depends.txt | sed 's/^ *//; s/ .*//' | grep -qx "$pkg"; then
    ok "Depends names $pkg (for $so)"
  else
    not_ok "Depends lacks the package of $so ($path: '${pkg:-none}')"
  fi
done < needed.txt
for p in librdf0 librasqal3 libraptor2-0 libmd4c0 libutf8proc2 liblmdb0 \
         libmicrohttpd12 libjansson4 libcurl3-gnutls; do
  check "Depends: $p" grep -q "\\b$p\\b" depends.txt
done

if command -v lintian >/dev/null 2>&1; then
  lintian --fail-on error,warning,info,pedantic --tag-display-limit 0 -I --pedantic \
    "$deb" > lintian.txt 2>&1
  rc=$?
  grep -v 'root privileges' lintian.txt
  check "lintian: no tag left (E, W, I or P)" test $rc -eq 0
  check "lintian: nothing printed" test -z "$(grep -v 'root privileges' lintian.txt)"
else
  echo "skipped: lintian is missing (apt-get install lintian)"
fi

# A throwaway root whose dpkg database holds the dependencies only.
mkroot() {
  rm -rf "$1"
  mkdir -p "$1/var/lib/dpkg/info" "$1/var/lib/dpkg/updates" "$1/var/lib/dpkg/triggers"
  : > "$1/var/lib/dpkg/available"
  : > "$1/var/lib/dpkg/status"
  for p in $(tr ',' '\n' < depends.txt | sed 's/^ *//; s/ .*//'); do
    [ "$p" = "$2" ] && continue
    dpkg-query -s "$p" >> "$1/var/lib/dpkg/status" 2>/dev/null || return 1
    echo >> "$1/var/lib/dpkg/status"
    : > "$1/var/lib/dpkg/info/$p.list"; : > "$1/var/lib/dpkg/info/$p:$arch.list"
  done
}
root=$here/root
mkroot "$root" "" || not_ok "a dependency of the package is not installed here"
dpkg --root="$root" --log=/dev/null -i "$deb" > dpkg.log 2>&1
rc=$?
[ $rc -eq 0 ] || cat dpkg.log
check "dpkg -i into a throwaway root" test $rc -eq 0
check "dpkg lists it installed" sh -c "dpkg --root='$root' -s mednum-kg | grep -q 'Status: install ok installed'"
kg=$root/usr/bin/mednum-kg
cp "$root/usr/share/doc/mednum-kg/examples/nec-cvl-2024.md" report.md 2>/dev/null
check "installed: the manual page" test -s "$root/usr/share/man/man1/mednum-kg.1.gz"
check "installed: bash completion" test -s "$root/usr/share/bash-completion/completions/mednum-kg"
check "installed: copyright" test -s "$root/usr/share/doc/mednum-kg/copyright"
check "packaged program: --version" sh -c "'$kg' --version | grep -qx 'mednum-kg $version'"
check "packaged program: extract" sh -c "'$kg' extract report.md | grep -q rur-linette"
check "packaged program: load" "$kg" --store st load report.md
check "packaged program: query" sh -c "'$kg' --store st query -f csv initiatives-by-theme-and-territory \
  --param theme=mobilite --param territory=Indre | grep -q rur-linette"
check "packaged program: export" sh -c "'$kg' --store st export -f ntriples | wc -l | awk '{ exit !(\$1 > 1000) }'"
check "packaged program: its data, not the source tree's" \
  sh -c "'$kg' --store st query programme >/dev/null && ! '$kg' --data-dir /nonexistent queries 2>/dev/null"

dpkg --root="$root" --log=/dev/null -r mednum-kg > dpkg.log 2>&1 || cat dpkg.log
left=$(find "$root/usr" -type f 2>/dev/null | wc -l)
check "dpkg -r removes every file ($left left)" test "$left" -eq 0

# without one of its dependencies, dpkg refuses it
mkroot "$root" librdf0
dpkg --root="$root" --log=/dev/null -i "$deb" > dpkg.log 2>&1
rc=$?
check "dpkg refuses it when librdf0 is missing" test $rc -ne 0
check "... naming librdf0" grep -q 'librdf0' dpkg.log

echo "t-deb: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
