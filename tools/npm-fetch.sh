#!/bin/sh
# npm-fetch.sh NAME TARBALL SHA512 SPEC [OUTDIR FILE...] - make sure TARBALL
# holds the npm package SPEC with that sha512: keep a cached copy whose sum
# matches, else `npm pack` it again (into the tarball's directory) and check
# the new copy.  With OUTDIR, then unpack package/FILE... from the checked
# tarball into OUTDIR (flat, dated now, so make sees them newer than the
# tarball).  NAME starts each message (the make target, e.g. "www").
# Exits 1 with a message on any mismatch; never leaves a bad tarball under
# its final name, nor a partial OUTDIR file.
set -u
if [ $# -lt 4 ] || [ $# -eq 5 ]; then
  echo "usage: npm-fetch.sh NAME TARBALL SHA512 SPEC [OUTDIR FILE...]" >&2
  exit 2
fi
name=$1 tgz=$2 want=$3 spec=$4
shift 4
dir=$(dirname "$tgz")
tmp=

sum() { sha512sum "$1" | cut -d' ' -f1; }
say() { echo "$name: $*" >&2; }
trap '[ -z "$tmp" ] || rm -rf "$tmp"' EXIT

if [ -f "$tgz" ] && [ "$(sum "$tgz")" != "$want" ]; then
  say "cached $tgz has a wrong sha512; fetching it again"
  rm -f "$tgz"
fi
if [ ! -f "$tgz" ]; then
  command -v npm >/dev/null 2>&1 || {
    say "npm is needed to fetch $spec (apt-get install npm)"
    exit 1
  }
  mkdir -p "$dir" || exit 1
  tmp=$(mktemp -d "$dir/fetch.XXXXXX") || exit 1
  say "npm pack $spec"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || {
    say "'npm pack $spec' failed"
    exit 1
  }
  pkg='' count=0
  for p in "$tmp"/*.tgz; do
    [ -f "$p" ] && pkg=$p count=$((count + 1))
  done
  if [ "$count" -ne 1 ]; then
    say "'npm pack $spec' produced $count tarballs, not 1"
    exit 1
  fi
  got=$(sum "$pkg")
  if [ "$got" != "$want" ]; then
    say "SHA-512 MISMATCH for $spec"
    say "  expected $want"
    say "  got      $got"
    say "refusing to use it (left nothing in $dir)"
    exit 1
  fi
  mv "$pkg" "$tgz" || exit 1
  rm -rf "$tmp"
  tmp=
fi
[ $# -eq 0 ] && exit 0

# Unpack: the sum was checked above, in this same run.
out=$1
shift
mkdir -p "$out" || exit 1
tmp=$(mktemp -d "${out%/}/.unpack.XXXXXX") || exit 1
members=
for f in "$@"; do
  members="$members package/$f"
done
# $members is split on purpose: npm file names have no spaces.
# shellcheck disable=SC2086
tar -xzmf "$tgz" -C "$tmp" $members || {
  say "cannot extract$members from $tgz"
  exit 1
}
say "unpacking $* from $tgz into $out"
for f in "$@"; do
  mv "$tmp/package/$f" "$out/$(basename "$f")" || exit 1
done
