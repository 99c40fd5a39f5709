#!/bin/sh
# fetch.sh DEB SHA256 PKG=VERSION - make sure DEB holds the Debian package
# PKG at VERSION with that sha256: keep a cached copy whose sum matches, else
# `apt-get download` it again (into the file's directory; after one
# `apt-get update` when the first try fails and we are root) and check the
# new copy.  Exits 1 with a message on any mismatch; never leaves a bad
# package under its final name.
set -u
deb=$1 want=$2 spec=$3
dir=$(dirname "$deb")

sum() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$deb" ]; then
  if [ "$(sum "$deb")" = "$want" ]; then
    exit 0
  fi
  echo "lexicon: cached $deb has a wrong sha256; fetching it again" >&2
  rm -f "$deb"
fi
command -v apt-get >/dev/null 2>&1 || {
  echo "lexicon: apt-get is needed to fetch $spec (a Debian system)" >&2
  exit 1
}
mkdir -p "$dir" || exit 1
tmp=$(mktemp -d "$dir/fetch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
echo "lexicon: apt-get download $spec" >&2
get() { (cd "$tmp" && apt-get download -q "$spec" >/dev/null 2>&1); }
if ! get; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q >/dev/null 2>&1
    get
  else
    false
  fi
fi || {
  echo "lexicon: 'apt-get download $spec' failed" >&2
  exit 1
}
set -- "$tmp"/*.deb
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "lexicon: 'apt-get download $spec' produced no package" >&2
  exit 1
fi
got=$(sum "$1")
if [ "$got" != "$want" ]; then
  echo "lexicon: SHA-256 MISMATCH for $spec" >&2
  echo "lexicon:   expected $want" >&2
  echo "lexicon:   got      $got" >&2
  echo "lexicon: refusing to use it (left nothing in $dir)" >&2
  exit 1
fi
mv "$1" "$deb"
