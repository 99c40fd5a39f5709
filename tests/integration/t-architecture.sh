#!/bin/sh
# docs/ARCHITECTURE.md matches src/: every folder and file is described,
# and every include points down (to the folders the page allows).
cd "$(dirname "$0")/../.."
page=docs/ARCHITECTURE.md
rules=$(sed -n '/^# folder: the folders it may include/,/^```/p' "$page" | grep -v '^#\|^```')
fail=0
say() { echo "not ok - $*"; fail=1; }
[ -n "$rules" ] || say "no include rules in $page"
for f in src/*/*.[ch]; do
  dir=$(basename "$(dirname "$f")")
  allowed=$(printf '%s\n' "$rules" | sed -n "s/^$dir:\(.*\)$/\1/p")
  printf '%s\n' "$rules" | grep -q "^$dir:" || { say "$f: folder src/$dir/ is not described in $page"; continue; }
  # a header is named through its module's .c, or by itself
  name=$(basename "$f"); mod=${name%.h}.c
  grep -q "\`$name\`" "$page" ||
    { [ "${name%.h}" != "$name" ] && [ -e "$(dirname "$f")/$mod" ] &&
      grep -q "\`$mod\`" "$page"; } ||
    say "$f: not named in $page"
  for inc in $(sed -n 's/^#include "\([a-z_]*\)\/[^"]*"/\1/p' "$f"); do
    [ "$inc" = "$dir" ] && continue
    case " $allowed " in *" $inc "*) ;; *) say "$f includes $inc/, which $dir/ may not include";; esac
  done
done
for f in src/*.[ch]; do [ -e "$f" ] && say "$f: a source file outside the folders"; done
[ $fail = 0 ] && echo "ok - docs/ARCHITECTURE.md matches src/"
exit $fail
