#!/bin/sh
# extract.sh DEB SHA256 OUTDIR - check the package's sha256 again, then
# unpack usr/share/hunspell/fr.{aff,dic} into OUTDIR (dated now, so make
# sees them newer than the package).
set -u
deb=$1 want=$2 out=$3
got=$(sha256sum "$deb" | cut -d' ' -f1) || exit 1
if [ "$got" != "$want" ]; then
  echo "lexicon: SHA-256 MISMATCH for $deb (expected $want, got $got);" \
       "delete it and run 'make lexicon' again" >&2
  exit 1
fi
tmp=$(mktemp -d "${out%/}.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp" && [ -f "$tmp/usr/share/hunspell/fr.dic" ] &&
  [ -f "$tmp/usr/share/hunspell/fr.aff" ] || {
  echo "lexicon: cannot extract usr/share/hunspell/fr.{aff,dic} from $deb" >&2
  exit 1
}
mkdir -p "$out" || exit 1
echo "lexicon: extracting fr.aff and fr.dic from $deb" >&2
for f in fr.aff fr.dic; do
  mv "$tmp/usr/share/hunspell/$f" "$out/$f" && touch "$out/$f" || exit 1
done
