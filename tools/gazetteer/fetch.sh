#!/bin/sh
# fetch.sh TARBALL SHA512 SPEC - make sure TARBALL holds the npm package SPEC
# with that sha512: keep a cached copy whose sum matches, else `npm pack` it
# again (into the tarball's directory) and check the new copy.  Exits 1 with
# a message on any mismatch; never leaves a bad tarball under its final name.
set -u
tgz=$1 want=$2 spec=$3
dir=$(dirname "$tgz")

sum() { sha512sum "$1" | cut -d' ' -f1; }

if [ -f "$tgz" ]; then
  if [ "$(sum "$tgz")" = "$want" ]; then
    exit 0
  fi
  echo "gazetteer: cached $tgz has a wrong sha512; fetching it again" >&2
  rm -f "$tgz"
fi
command -v npm >/dev/null 2>&1 || {
  echo "gazetteer: npm is needed to fetch $spec (apt-get install npm)" >&2
  exit 1
}
mkdir -p "$dir" || exit 1
tmp=$(mktemp -d "$dir/fetch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "gazetteer: npm pack $spec" >&2
(cd "$tmp" && npm pack --silent "$spec" >/dev/null) || {
  echo "gazetteer: 'npm pack $spec' failed" >&2
  exit 1
}
set -- "$tmp"/*.tgz
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "gazetteer: 'npm pack $spec' produced no tarball" >&2
  exit 1
fi
got=$(sum "$1")
if [ "$got" != "$want" ]; then
  echo "gazetteer: SHA-512 MISMATCH for $spec" >&2
  echo "gazetteer:   expected $want" >&2
  echo "gazetteer:   got      $got" >&2
  echo "gazetteer: refusing to use it (left nothing in $dir)" >&2
  exit 1
fi
mv "$1" "$tgz"
