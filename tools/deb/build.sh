#!/bin/sh
# build.sh BUILD VERSION - make the Debian package BUILD/mednum-kg_VERSION_ARCH.deb.
#
# Run by 'make deb' after the program was built in BUILD with Debian's
# hardening flags.  Installs into a staging root with 'make install
# PREFIX=/usr', strips the program, adds the Debian files (control with the
# Depends dpkg-shlibdeps finds, copyright, changelog, md5sums, lintian
# overrides) and builds the package with dpkg-deb.  Prints its path.
set -eu
build=$1 version=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tools/deb
arch=$(dpkg --print-architecture)
stage=$top/$build/deb
root=$stage/root
deb=$top/$build/mednum-kg_${version}_${arch}.deb

rm -rf "$stage"
mkdir -p "$root/DEBIAN"
make -s -C "$top" BUILD="$build" PREFIX=/usr DESTDIR="$root" install >/dev/null
strip --strip-unneeded --remove-section=.comment --remove-section=.note \
  "$root/usr/bin/mednum-kg"
doc=$root/usr/share/doc/mednum-kg
gzip -9n "$root/usr/share/man/man1/mednum-kg.1"
install -m 644 "$here/copyright" "$doc/copyright"
gzip -9nc "$here/changelog" > "$doc/changelog.gz"
chmod 644 "$doc/changelog.gz"
install -d "$root/usr/share/lintian/overrides"
install -m 644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/mednum-kg"

# Depends: the shared libraries the program links, as dpkg-shlibdeps maps
# them to packages and minimum versions (it wants a debian/control).
mkdir -p "$stage/src/debian"
printf 'Source: mednum-kg\n\nPackage: mednum-kg\nArchitecture: any\n' \
  > "$stage/src/debian/control"
depends=$(cd "$stage/src" && dpkg-shlibdeps -O "$root/usr/bin/mednum-kg" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "mednum-kg: deb: dpkg-shlibdeps found no dependency" >&2; exit 4; }

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" "$here/control.in" > "$root/DEBIAN/control"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 755 {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
