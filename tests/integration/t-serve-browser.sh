#!/bin/sh
# t-serve-browser.sh - the mission in a real browser: `mednum-kg serve` on
# the bundled report, and Debian's Chromium, headless, driven by
# tests/browser/mission.js (playwright-core, pinned by its
# package-lock.json), asks the query page which initiatives address
# mobility in the Indre by the editor's run button, finds Rur@linette in
# the results table, follows its link to the entity page and finds the
# name and a marked passage there; no console error, no request to a host
# but 127.0.0.1.  Screenshots: $TOP/build/browser/query.png, entity.png.
#
# Needs /usr/bin/chromium (skipped without it; CHROMIUM names another
# build), node and npm (make deps), and `make www` (the vendored editor).
# playwright-core is installed into tests/browser/node_modules by `npm ci`
# when missing or older than the lockfile.  Takes about 10 s.
set -u
: "${KG:?}" "${TOP:?}"
fail() { echo "FAIL: $*"; exit 1; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
if [ ! -x "$CHROMIUM" ]; then
  echo "skipped: Debian chromium is not installed (apt-get install chromium)"
  exit 0
fi
command -v node >/dev/null 2>&1 || fail "node is not installed (apt-get install nodejs)"
command -v npm >/dev/null 2>&1 || fail "npm is not installed (apt-get install npm)"
[ -s "$TOP/data/www/vendor/yasgui/yasgui.min.js" ] ||
  fail "no data/www/vendor/yasgui/yasgui.min.js: run make www"

# npm writes node_modules/.package-lock.json last: install when it is
# missing or older than the lockfile
b="$TOP/tests/browser"
if [ ! -f "$b/node_modules/playwright-core/package.json" ] ||
   [ ! -f "$b/node_modules/.package-lock.json" ] ||
   [ -n "$(find "$b/package-lock.json" -newer "$b/node_modules/.package-lock.json")" ]; then
  (cd "$b" && npm ci --ignore-scripts --no-audit --no-fund) >npm.log 2>&1 ||
    fail "npm ci in tests/browser: $(tail -n 20 npm.log)"
fi

"$KG" --store st load "$TOP/data/nec-cvl-2024.md" >load.out 2>load.err ||
  fail "load: $(cat load.err)"

pid=
stop() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    pid=
  fi
}
trap stop EXIT
trap 'exit 1' INT TERM HUP
"$KG" --store st serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
pid=$!
url=
i=0
while [ $i -lt 100 ]; do
  url=$(sed -n 's#.*listening on \(http://127\.0\.0\.1:[0-9][0-9]*/\).*#\1#p' serve.err)
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || fail "serve stopped: $(cat serve.err)"
  sleep 0.1
  i=$((i+1))
done
[ -n "$url" ] || fail "serve printed no 'listening on' line in 10 s: $(cat serve.err)"
echo "server: $url"

out="$TOP/build/browser"
mkdir -p "$out" || fail "cannot make $out"
timeout 55 node "$b/mission.js" "$url" "$out" >mission.log 2>&1
rc=$?
cat mission.log
[ $rc = 0 ] || {
  echo "--- serve stderr"; tail -n 20 serve.err
  fail "mission.js exited $rc (screenshots, if any, in $out)"
}
for f in query.png entity.png; do
  [ -s "$out/$f" ] || fail "no $f in $out"
done

# the server stops cleanly on SIGTERM
kill -TERM "$pid" 2>/dev/null
wait "$pid"
rc=$?
pid=
[ $rc = 0 ] || fail "serve exited $rc on SIGTERM: $(tail -n 5 serve.err)"
echo "serve browser: the mission passed (screenshots in $out)"
