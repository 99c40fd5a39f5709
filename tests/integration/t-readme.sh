#!/bin/sh
# t-readme.sh - the README's commands work as printed.
#
# In a scratch copy of the project's layout (data/, queries/, docs/ and
# build/mednum-kg linked to the tree under test; `mednum-kg` on PATH is the
# same program), runs tools/demo.sh as `make demo` does, then the commands
# it prints at its end, then every command of the README's code blocks,
# in order and verbatim (continuation lines joined, trailing "# comments"
# dropped).  Each must exit 0.  Not run, each with its reason: make
# targets (CI runs `make check`; t-install and t-deb run install and deb),
# and commands that need a server named in the text (virtuoso.example,
# URL).  `validate` may answer no (exit 1) with its list.  A `serve`
# command is started as printed when its port (7878) is free, asked for /
# and /sparql, and stopped by its PID; otherwise it is skipped, saying so.
set -u
: "${KG:?}" "${TOP:?}"
LC_ALL=C.UTF-8; export LC_ALL
unset MEDNUM_KG_DATA MEDNUM_KG_STORE
fails=0 n=0 ran=0
ok() { n=$((n + 1)); echo "ok   $*"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL $*"; }

here=$(pwd)
top=$here/top
mkdir -p "$top/tools" "$top/build" bin
cp "$TOP/tools/demo.sh" "$top/tools/"
for d in data queries docs; do ln -s "$TOP/$d" "$top/$d"; done
ln -s "$KG" "$top/build/mednum-kg"
ln -s "$KG" bin/mednum-kg
PATH=$here/bin:$PATH; export PATH

# commands FILE: the shell commands of the 4-space-indented blocks of FILE
# (or, with "after", of the lines after a line holding that text), one per
# line, continuation lines joined and trailing comments dropped.
commands() {
  python3 - "$1" "${2-}" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
after = sys.argv[2]
if after:
    text = text[next(i for i, l in enumerate(text) if after in l) + 1:]
def uncomment(cmd):
    q = None
    for i, c in enumerate(cmd):
        if q:
            if c == q: q = None
        elif c in "'\"": q = c
        elif c == "#" and i > 0 and cmd[i - 1] == " ":
            return cmd[:i].rstrip()
    return cmd.rstrip()
prev_blank, i, out = True, 0, []
while i < len(text):
    line = text[i]
    if line.startswith("    ") and (prev_blank or out and out[-1][0] == i - 1):
        cmd, j = line[4:], i
        while cmd.rstrip().endswith("\\") and j + 1 < len(text):
            j += 1
            cmd = cmd.rstrip()[:-1].rstrip() + " " + text[j].strip()
        out.append((j, uncomment(cmd)))
        i = j + 1
        prev_blank = False
        continue
    prev_blank = line.strip() == ""
    i += 1
for _, c in out:
    if c: print(c)
PY
}

port_free() {
  python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

# serve COMMAND: start it as printed, query it, stop it by PID.
run_serve() {
  if ! port_free 7878; then
    echo "skipped: '$1': port 7878 is in use here"; return
  fi
  sh -c "exec $1" 2>serve.log &
  pid=$!
  k=0
  until grep -q 'listening on' serve.log 2>/dev/null || [ $k -ge 100 ]; do sleep 0.1; k=$((k + 1)); done
  a=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:7878/)
  b=$(curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:7878/sparql?query=ASK%7B%7D')
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  ran=$((ran + 1))
  if [ "$a" = 200 ] && [ "$b" = 200 ]; then ok "$1  (/: $a, /sparql: $b)"
  else cat serve.log; not_ok "$1  (/: $a, /sparql: $b)"; fi
}

run() {
  case "$1" in
    make\ *) echo "not run: '$1': a make target"; return ;;
    *virtuoso.example* | *" URL"*) echo "not run: '$1': needs a shared server (t-remote-virtuoso pushes to one)"; return ;;
    *" serve"*) run_serve "$1"; return ;;
  esac
  ran=$((ran + 1))
  sh -c "$1" >out.txt 2>err.txt
  rc=$?
  # validate answers "no" (exit 1) with the list of failed rules: the
  # bundled report has initiatives without a carrier or a territory
  case "$1" in
    *" validate"*) [ $rc -eq 1 ] && grep -q '^rule ' out.txt && rc=0 ;;
  esac
  if [ $rc -eq 0 ]; then
    ok "$1"
  else
    head -n 5 err.txt
    not_ok "$1  (exit $rc)"
  fi
}

cd "$top"
KG=$top/build/mednum-kg sh tools/demo.sh > "$here/demo.out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok "tools/demo.sh (make demo)"; else tail -n 20 "$here/demo.out"; not_ok "tools/demo.sh (exit $rc)"; fi
if [ -d "$top/mednum-kg.store" ]; then ok "demo leaves ./mednum-kg.store"; else not_ok "demo leaves ./mednum-kg.store"; fi
commands "$here/demo.out" "Next, from this directory" > "$here/next.txt"
c=$(grep -c . "$here/next.txt")
if [ "$c" -eq 3 ]; then ok "demo prints 3 next commands"; else not_ok "demo prints 3 next commands (found $c)"; fi
while IFS= read -r cmd; do run "$cmd"; done < "$here/next.txt"

commands "$TOP/README.md" > "$here/readme.txt"
while IFS= read -r cmd; do run "$cmd"; done < "$here/readme.txt"
if [ "$ran" -ge 15 ]; then ok "$ran commands run"; else not_ok "only $ran commands run"; fi

echo "t-readme: $((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
