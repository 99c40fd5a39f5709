#!/bin/sh
# t-progress.sh - the progress line of a long command (issue 14): `load` on
# a terminal draws "load: N/M files, T triples, R triples/s" on stderr,
# redrawn in place with \r and erased at the end; with stderr in a file,
# or with -q, it writes nothing.  script(1) (util-linux) gives the command
# a pseudo-terminal and copies what it writes to its stdout.
set -u
: "${KG:?}" "${TOP:?}"
fail=0
ok() { echo "ok - $1"; }
ko() { echo "not ok - $1"; fail=1; }

if ! command -v script >/dev/null 2>&1; then
  echo "skip - script(1) is not installed (util-linux)"
  exit 0
fi

# enough triples for the load and the export to last well over the 0.2 s
# before the first draw (about 1.4 s and 0.7 s here, more under a
# sanitizer)
awk 'BEGIN { for(i = 0; i < 300000; i++)
  printf "<http://ex.org/s%d> <http://ex.org/p%d> \"v%d\" .\n", i, i % 7, i }' \
  >big.nt
cp "$TOP/tests/cases/load-010-report/input/rencontre.md" report.md

# on a terminal: the line is drawn, then erased
TERM=xterm script -qec "\"$KG\" --store st1 load --no-reference big.nt report.md" \
  /dev/null >tty.out 2>&1
rc=$?
if [ "$rc" = 0 ] && grep -q 'load: [0-9]*/2 files, [0-9]* triples, [0-9]* triples/s' tty.out
then ok "load on a terminal shows a progress line"
else ko "load on a terminal shows a progress line (status $rc): $(od -c tty.out | head -5)"; fi
if grep -q "$(printf '\r')" tty.out; then ok "the line is redrawn in place (CR)"
else ko "the line is redrawn in place (CR)"; fi
# the last bytes on the terminal: carriage return + erase to end of line
if [ "$(tail -c 4 tty.out | od -An -c | tr -d ' \n')" = '\r033[K' ]
then ok "the line is erased at the end"
else ko "the line is erased at the end: $(tail -c 20 tty.out | od -c)"; fi
if "$KG" --store st1 stats -f tsv | grep -q 'graph/big'
then ok "the load under a terminal loaded"
else ko "the load under a terminal loaded"; fi

# stderr in a file: nothing
"$KG" --store st2 load --no-reference big.nt report.md 2>err.txt
rc=$?
if [ "$rc" = 0 ] && [ ! -s err.txt ]; then ok "no progress when stderr is a file"
else ko "no progress when stderr is a file (status $rc): $(head -c 300 err.txt | od -c | head)"; fi

# -q on a terminal: nothing
TERM=xterm script -qec "\"$KG\" -q --store st3 load --no-reference big.nt report.md" \
  /dev/null >quiet.out 2>&1
rc=$?
if [ "$rc" = 0 ] && ! grep -q 'load:' quiet.out && [ ! -s quiet.out ]
then ok "-q silences the progress line"
else ko "-q silences the progress line (status $rc): $(head -c 300 quiet.out | od -c | head)"; fi

# export of a streamed format to a file: statements written / in the store
TERM=xterm script -qec "\"$KG\" --store st1 export -f nquads -o all.nq" \
  /dev/null >export.out 2>&1
rc=$?
if [ "$rc" = 0 ] && grep -q 'export: [0-9]*/[0-9]* triples, [0-9]* triples/s' export.out &&
   [ "$(tail -c 4 export.out | od -An -c | tr -d ' \n')" = '\r033[K' ] &&
   [ "$(wc -l < all.nq)" -ge 300000 ]
then ok "export on a terminal shows a progress line, then erases it"
else ko "export on a terminal shows a progress line (status $rc): $(od -c export.out | head -5)"; fi
# the graph itself on the terminal: no line drawn over it
TERM=xterm script -qec "\"$KG\" --store st1 export -f ntriples" /dev/null >export2.out 2>&1
if ! grep -q 'export:' export2.out; then ok "no progress line when the export goes to the terminal"
else ko "no progress line when the export goes to the terminal"; fi
TERM=xterm script -qec "\"$KG\" -q --store st1 export -f nquads -o all2.nq" /dev/null >export3.out 2>&1
if [ ! -s export3.out ]; then ok "-q silences export's progress line"
else ko "-q silences export's progress line: $(head -c 200 export3.out | od -c | head -3)"; fi

# a failed load: its error is said, the store is left as it was
printf '<http://ex.org/a> <http://ex.org/p> "unterminated .\n' >bad.nt
TERM=xterm script -qec "\"$KG\" --store st1 load --no-reference big.nt bad.nt" \
  /dev/null >fail.out 2>&1
rc=$?
if [ "$rc" = 3 ] && grep -q 'bad.nt:1' fail.out &&
   ! "$KG" --store st1 stats -f tsv | grep -q 'graph/bad'
then ok "a failed load under a terminal reports its error"
else ko "a failed load under a terminal reports its error (status $rc): $(od -c fail.out | tail -5)"; fi

# make bench's own line (bench/progress.sh): a step, its runs with the ETA
# from the last run's time, erased before a log line; nothing without a
# terminal or with BENCH_QUIET
cat >bench-steps.sh <<EOF
BENCH_NAME=demo_bench
. "$TOP/bench/progress.sh"
bench_progress "\$(bench_label /x/mednum-kg.bin --store /x/st load --no-reference /x/a.nt)"
bench_progress load-corpus 1 3
bench_progress load-corpus 2 3 90000000
bench_erase
echo "demo_bench: done" >&2
EOF
TERM=xterm script -qec "sh bench-steps.sh" /dev/null >bench-tty.out 2>&1
tr '\r' '\n' <bench-tty.out | sed "s/$(printf '\033')\[K//g" >bench-tty.txt
if grep -q '^demo_bench: step 1, elapsed 0:0[0-9], mednum-kg.bin load --no-reference' bench-tty.txt &&
   grep -q '^demo_bench: step 2, elapsed 0:0[0-9], load-corpus, run 1/3$' bench-tty.txt &&
   grep -q '^demo_bench: step 2, elapsed 0:0[0-9], load-corpus, run 2/3, ETA 3:00' bench-tty.txt &&
   grep -q 'demo_bench: done' bench-tty.txt
then ok "make bench draws its step, run and ETA on a terminal"
else ko "make bench draws its step, run and ETA on a terminal: $(od -c bench-tty.out | head -8)"; fi
sh bench-steps.sh 2>bench-file.out
if [ "$(cat bench-file.out)" = "demo_bench: done" ]; then ok "make bench draws nothing when stderr is a file"
else ko "make bench draws nothing when stderr is a file: $(od -c bench-file.out | head -4)"; fi
BENCH_QUIET=1 TERM=xterm script -qec "sh bench-steps.sh" /dev/null >bench-quiet.out 2>&1
if [ "$(tr -d '\r' <bench-quiet.out)" = "demo_bench: done" ]; then ok "make bench QUIET=1 draws nothing"
else ko "make bench QUIET=1 draws nothing: $(od -c bench-quiet.out | head -4)"; fi

exit $fail
