#!/bin/sh
# extract.sh TARBALL SHA512 OUTDIR - check the tarball's sha512 again, then
# unpack package/data/{regions,departements,epci,communes}.json into OUTDIR
# (dated now, so make sees them newer than the tarball).
set -u
tgz=$1 want=$2 out=$3
got=$(sha512sum "$tgz" | cut -d' ' -f1) || exit 1
if [ "$got" != "$want" ]; then
  echo "gazetteer: SHA-512 MISMATCH for $tgz (expected $want, got $got);" \
       "delete it and run 'make gazetteer' again" >&2
  exit 1
fi
tmp=$(mktemp -d "${out%/}.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
tar -xzmf "$tgz" -C "$tmp" package/data/regions.json \
    package/data/departements.json package/data/epci.json \
    package/data/communes.json || {
  echo "gazetteer: cannot extract data/*.json from $tgz" >&2
  exit 1
}
mkdir -p "$out" || exit 1
echo "gazetteer: extracting data/*.json from $tgz" >&2
for f in regions departements epci communes; do
  mv "$tmp/package/data/$f.json" "$out/$f.json" || exit 1
done
