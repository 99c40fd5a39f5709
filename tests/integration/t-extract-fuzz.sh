#!/bin/sh
# t-extract-fuzz.sh - mangled reports (deleted and repeated stretches,
# stray Markdown, cue words, quotes, tables) never crash the extractor: each
# one is extracted (0) or refused with one message (3).  Deterministic
# (seeded); under 'make asan' this also checks memory on each of them.
set -u
python3 - "$TOP" <<'PY' || exit 1
import random, sys
top = sys.argv[1]
random.seed(2024)
srcs = [open(top + p, 'rb').read() for p in
        ['/data/nec-cvl-2024.md', '/tests/fixtures/cr-bretagne-2025.md',
         '/tests/fixtures/pad-occitanie-2024.md', '/tests/fixtures/tables-hdf-2025.md']]
pieces = [s.encode('utf-8') for s in
          ['#', '\n', '- ', '**', '*', '|', '1. ', '2.5. ', 'Animé par ', '(', ')',
           ' : ', '«', '»', '"', '<https://', '---\n', '  ', '\t', '⇒', '36', 'APF45',
           "de l'", '| a | b |\n|---|---|\n', 'Chiffres 2023 : ', ' porté par ',
           'Présentation de "', '@', "'", '\x00', '\xff']]
for k in range(40):
    b = bytearray(random.choice(srcs))
    for _ in range(random.randint(1, 60)):
        op = random.random(); i = random.randrange(len(b) + 1)
        if op < 0.35:
            del b[i:i + random.randint(1, 100)]
        elif op < 0.85:
            b[i:i] = random.choice(pieces)
        else:
            j = random.randrange(len(b)); b[i:i] = b[j:j + random.randint(1, 300)]
    open('m%02d.md' % k, 'wb').write(bytes(b))
PY
fail=0
for f in m*.md; do
  "$KG" extract -f ntriples "$f" >/dev/null 2>"$f.err"
  rc=$?
  lines=$(wc -l < "$f.err")
  if [ "$rc" -eq 0 ] || { [ "$rc" -eq 3 ] && [ "$lines" -eq 1 ]; }; then
    :
  else
    echo "not ok - $f: status $rc"; head -n 5 "$f.err"; fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "ok - 40 mangled reports: extracted or refused with one line"
exit $fail
