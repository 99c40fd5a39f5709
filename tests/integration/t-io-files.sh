#!/bin/sh
# t-io-files.sh - input and output files (issue 11): only regular files are
# read (a link to /dev/zero or a FIFO is refused at once, never read until
# memory runs out), each kind within its size limit; "-" is standard input
# for extract and load; UTF-16 is named as such; -o writes onto a regular
# file or nothing (a FIFO, a device, a symbolic link without --force are
# refused), and every file created gets mode 0666 minus the umask.
set -u
: "${KG:?}" "${TOP:?}"
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }
# check NAME STATUS PATTERN: the last command's status and stderr (in err)
check() {
  if [ "$rc" = "$2" ] && grep -q "$3" err; then ok "$1"
  else ko "$1 (status $rc, expected $2): $(cat err)"; fi
}
seed="$TOP/data/nec-cvl-2024.md"
export MEDNUM_KG_STORE="$PWD/st"
umask 022

# ---------------------------------------------------------------- input
ln -s /dev/zero zero.md
ln -s /dev/zero zero.ttl
# capped KB CMD...: CMD with its address space capped, so that reading
# /dev/zero would fail fast; not under AddressSanitizer (make asan sets
# ASAN_OPTIONS), whose shadow memory needs terabytes of address space:
# there the 20 s timeout alone tells a refusal from a read
capped() {
  kb=$1; shift
  if [ -n "${ASAN_OPTIONS:-}" ]; then "$@"; else (ulimit -v "$kb"; exec "$@"); fi
}
capped 1000000 timeout 20 "$KG" extract zero.md >out 2>err; rc=$?
check "extract of a link to /dev/zero is refused at once" 4 \
  "cannot read 'zero.md': it is a character device, not a regular file"
capped 2000000 env MEDNUM_KG_MAP_SIZE=64 timeout 20 "$KG" load zero.ttl \
  >out 2>err; rc=$?
check "load of a link to /dev/zero is refused at once" 4 \
  "cannot read 'zero.ttl': it is a character device"
timeout 20 "$KG" query --data zero.ttl -e 'ASK {}' >out 2>err; rc=$?
check "query --data of a link to /dev/zero is refused" 4 "character device"

mkfifo in.md in.nt
timeout 20 "$KG" extract in.md >out 2>err; rc=$?
check "extract of a FIFO is refused without waiting" 4 \
  "cannot read 'in.md': it is a FIFO, not a regular file"
timeout 20 "$KG" load in.nt >out 2>err; rc=$?
check "load of a FIFO is refused without waiting" 4 \
  "cannot read 'in.nt': it is a FIFO"

# a small limit keeps the files small
head -c 1100000 /dev/zero | tr '\0' 'a' >big.md
{ printf '# Big\n\n'; cat big.md; } >big2.md
MEDNUM_KG_MAX_REPORT=1 "$KG" extract big2.md >out 2>err; rc=$?
check "a report over MEDNUM_KG_MAX_REPORT is refused" 3 \
  "cannot read 'big2.md': larger than 1 MB, the limit for a report (set MEDNUM_KG_MAX_REPORT, in MB, to raise it)"
MEDNUM_KG_MAX_REPORT=1 "$KG" extract - <big2.md >out 2>err; rc=$?
check "standard input over the limit is refused" 3 \
  "cannot read '<stdin>': larger than 1 MB"
MEDNUM_KG_MAX_REPORT=2 "$KG" extract big2.md >out 2>err; rc=$?
[ "$rc" = 0 ] && ok "a higher MEDNUM_KG_MAX_REPORT lets it through" \
  || ko "a higher MEDNUM_KG_MAX_REPORT lets it through (status $rc)"
awk 'BEGIN { for(i = 0; i < 20000; i++)
  printf "<http://ex.org/s%d> <http://ex.org/p> \"value number %d\" .\n", i, i }' >big.nt
MEDNUM_KG_MAX_RDF=1 "$KG" load --no-reference big.nt >out 2>err; rc=$?
check "an RDF file over MEDNUM_KG_MAX_RDF is refused" 3 \
  "cannot read 'big.nt': larger than 1 MB, the limit for an RDF file (set MEDNUM_KG_MAX_RDF"
"$KG" query -e 'ASK { ?s <http://ex.org/p> ?o }' >out 2>&1
[ $? != 0 ] && ok "the refused load changed nothing" \
  || ko "the refused load changed the store"

"$KG" extract -f nquads - <"$seed" >stdin.nq 2>err; rc=$?
[ "$rc" = 0 ] && grep -q '<https://w3id.org/mednum-kg/id/graph/stdin> \.$' stdin.nq \
  && ok "extract - reads standard input into mnid:graph/stdin" \
  || ko "extract - reads standard input (status $rc): $(cat err)"
"$KG" load --no-reference - <"$seed" >out 2>err; rc=$?
"$KG" query -e 'ASK { GRAPH <https://w3id.org/mednum-kg/id/graph/stdin> { ?s ?p ?o } }' >out 2>>err
[ "$rc" = 0 ] && [ $? = 0 ] && ok "load - loads standard input as mnid:graph/stdin" \
  || ko "load - loads standard input (status $rc): $(cat err)"

iconv -f UTF-8 -t UTF-16 "$seed" >u16.md
"$KG" extract u16.md >out 2>err; rc=$?
check "UTF-16 with a byte order mark is named" 3 \
  "u16.md: UTF-16 text; convert it with 'iconv -f UTF-16 -t UTF-8'"
iconv -f UTF-8 -t UTF-16LE "$seed" >u16le.md
"$KG" extract u16le.md >out 2>err; rc=$?
check "UTF-16 without a byte order mark is named" 3 "u16le.md: UTF-16 text"
printf '<http://ex.org/a> <http://ex.org/b> "c" .\n' | iconv -t UTF-16 >u16.nt
"$KG" load u16.nt >out 2>err; rc=$?
check "load names UTF-16 RDF" 3 "u16.nt: UTF-16 text"

# ---------------------------------------------------------------- output
mkfifo out.fifo
timeout 20 "$KG" extract -o out.fifo "$seed" >out 2>err; rc=$?
check "-o onto a FIFO is refused" 4 \
  "cannot write 'out.fifo': it is a FIFO, not a regular file (write to standard output and redirect it instead)"
[ -p out.fifo ] && ok "the FIFO is still a FIFO" || ko "the FIFO is still a FIFO"
timeout 20 "$KG" export -o out.fifo >out 2>err; rc=$?
check "export -o onto a FIFO is refused" 4 "cannot write 'out.fifo': it is a FIFO"

echo old >target.ttl
ln -s target.ttl link.ttl
"$KG" extract -o link.ttl "$seed" >out 2>err; rc=$?
check "-o onto a symbolic link is refused" 4 \
  "cannot write 'link.ttl': it is a symbolic link (--force writes to the file it points to)"
[ -L link.ttl ] && [ "$(cat target.ttl)" = old ] \
  && ok "the link and its target are untouched" || ko "the link and its target are untouched"
"$KG" extract --force -o link.ttl "$seed" >out 2>err; rc=$?
[ "$rc" = 0 ] && [ -L link.ttl ] && grep -q 'nec-cvl-2024' target.ttl \
  && ok "--force writes to the link's target, the link stays" \
  || ko "--force writes to the link's target (status $rc): $(cat err)"
mkdir sub && ln -s ../target.nt sub/link.nt
"$KG" export -f ntriples --force -o sub/link.nt >out 2>err; rc=$?
[ "$rc" = 0 ] && [ -L sub/link.nt ] && [ -s target.nt ] \
  && ok "export --force follows a relative link to a file not there yet" \
  || ko "export --force follows a relative link (status $rc): $(cat err)"
"$KG" export -o link.ttl >out 2>err; rc=$?
check "export -o onto a symbolic link is refused" 4 "it is a symbolic link"
"$KG" extract --force "$seed" >out 2>err; rc=$?
check "--force without -o is a usage error" 2 "extract: --force goes with -o FILE"

if [ "$(id -u)" = 0 ]; then
  mknod null c 1 3
  "$KG" extract -o null "$seed" >out 2>err; rc=$?
  check "-o onto a device is refused" 4 \
    "cannot write 'null': it is a character device, not a regular file"
  [ -c null ] && ok "the device is still a device" || ko "the device is still a device"
  ln -s null null.link
  "$KG" extract --force -o null.link "$seed" >out 2>err; rc=$?
  check "--force onto a link to a device is refused" 4 "it is a character device"
else
  echo "ok - # skip -o onto a device: making one (mknod) needs root"
fi

"$KG" extract -o new.ttl "$seed" 2>err && "$KG" export -o new.nt -f ntriples 2>>err \
  || ko "extract -o and export -o run: $(cat err)"
[ "$(stat -c %a new.ttl)" = 644 ] && ok "extract -o creates mode 0644 under umask 022" \
  || ko "extract -o creates mode 0644 (got $(stat -c %a new.ttl))"
[ "$(stat -c %a new.nt)" = 644 ] && ok "export -o creates mode 0644 under umask 022" \
  || ko "export -o creates mode 0644 (got $(stat -c %a new.nt))"
(umask 077 && "$KG" extract -o private.ttl "$seed")
[ "$(stat -c %a private.ttl)" = 600 ] && ok "umask 077 gives 0600" \
  || ko "umask 077 gives 0600 (got $(stat -c %a private.ttl))"
chmod 640 new.ttl && "$KG" extract -o new.ttl "$seed"
[ "$(stat -c %a new.ttl)" = 640 ] && ok "a file replaced keeps its mode" \
  || ko "a file replaced keeps its mode (got $(stat -c %a new.ttl))"
ls ./*.tmp-* sub/*.tmp-* >/dev/null 2>&1 && ko "no temporary file left" \
  || ok "no temporary file left"
exit $fail
