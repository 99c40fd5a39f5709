#!/bin/sh
# t-manpage.sh - docs/mednum-kg.1 agrees with 'mednum-kg --help': the same
# commands in COMMANDS, every global option in OPTIONS, exit codes 0-4 in
# EXIT STATUS, and groff finds nothing to warn about.
# Run by tests/run-integration.sh in a temporary directory with $TOP and $KG.
set -u
LC_ALL=C; export LC_ALL
: "${KG:?set KG to the built binary}"
: "${TOP:?set TOP to the project root}"
man1="$TOP/docs/mednum-kg.1"
fails=0

ok() { echo "ok   $*"; }
not_ok() { echo "FAIL $*"; fails=$((fails + 1)); }

# Body of section $1 of the man page, roff escapes for fonts and minus
# turned into plain text, one input line per output line.
section() {
  awk -v want="$1" '
    /^\.SH / {
      name = substr($0, 5); gsub(/"/, "", name)
      on = (name == want); next
    }
    on { print }
  ' "$man1" | sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g'
}

# Tags of the .TP entries of a section at the outer level (not in .RS/.RE):
# the first word of the line after .TP, without a leading .B/.BR/.BI.
tags() {
  section "$1" | awk '
    /^\.RS/ { depth++; next }
    /^\.RE/ { if (depth > 0) depth--; next }
    /^\.TP/ { if (depth == 0) want = 1; next }
    want {
      want = 0
      line = $0
      sub(/^\.B[IR]? +/, "", line)
      gsub(/"/, "", line)
      split(line, w, " ")
      print w[1]
    }
  '
}

if [ ! -r "$man1" ]; then
  not_ok "docs/mednum-kg.1 exists"
  exit 1
fi
ok "docs/mednum-kg.1 exists"

if ! "$KG" --help >help.out 2>help.err; then
  not_ok "'mednum-kg --help' exits 0"
  exit 1
fi
ok "'mednum-kg --help' exits 0"

# Command names: the indented lines after "Commands:" up to a blank line.
awk '
  /^Commands:/ { on = 1; next }
  on && /^[[:space:]]*$/ { exit }
  on { print $1 }
' help.out | sort >help.cmds
tags COMMANDS | sort -u >man.cmds   # "store check", "store upgrade": one command

if [ ! -s help.cmds ]; then
  not_ok "'--help' lists commands under 'Commands:'"
else
  ok "'--help' lists $(wc -l <help.cmds | tr -d ' ') commands"
fi

missing=$(comm -23 help.cmds man.cmds | tr '\n' ' ')
extra=$(comm -13 help.cmds man.cmds | tr '\n' ' ')
if [ -z "$missing" ]; then
  ok "every command of --help has a .TP entry in COMMANDS"
else
  not_ok "commands of --help missing from COMMANDS: $missing"
fi
if [ -z "$extra" ]; then
  ok "every .TP entry in COMMANDS is a command of --help"
else
  not_ok "COMMANDS documents commands that --help does not list: $extra"
fi

# Global options: each long or short option named in "Global options:".
awk '
  /^Global options:/ { on = 1; next }
  on && /^[[:space:]]*$/ { exit }
  on {
    for (i = 1; i <= NF; i++) {
      w = $i; sub(/,$/, "", w)
      if (w ~ /^-/) print w
      else break
    }
  }
' help.out >help.opts
section OPTIONS >man.options
if [ ! -s help.opts ]; then
  not_ok "'--help' lists options under 'Global options:'"
else
  nopt=0
  for o in $(cat help.opts); do
    if grep -qE -e "$o([^-a-zA-Z]|\$)" man.options; then
      nopt=$((nopt + 1))
    else
      not_ok "global option $o is described in OPTIONS"
    fi
  done
  [ "$nopt" -eq "$(wc -l <help.opts)" ] &&
    ok "all $nopt global options of --help are described in OPTIONS"
fi

# Exit codes: the enum kg_exit values, each a .TP entry of EXIT STATUS.
tags "EXIT STATUS" >man.exits
for code in 0 1 2 3 4; do
  if grep -qx "$code" man.exits; then
    ok "exit status $code is described in EXIT STATUS"
  else
    not_ok "exit status $code is described in EXIT STATUS"
  fi
done

# The page must format without a warning.
if command -v groff >/dev/null 2>&1; then
  if groff -man -ww -z "$man1" >groff.out 2>groff.err && [ ! -s groff.err ]; then
    ok "groff -man -ww -z gives no warning"
  else
    not_ok "groff -man -ww -z gives no warning:"
    sed 's/^/     /' groff.err
  fi
else
  ok "groff -man -ww -z: skipped (groff not installed; apt-get install groff-base)"
fi

[ "$fails" -eq 0 ]
