#!/bin/sh
# deps.sh PKG... - make sure the Debian packages the build needs are there.
# As root, installs what is missing (apt-get); otherwise says what to install.
# npm is needed too, for the territory gazetteer; Debian's npm is installed
# only when no npm is on PATH.
set -u
missing=""
for p in "$@"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
  case "$st" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "mednum-kg: installing Debian packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null || exit 4
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing >/dev/null || exit 4
  exit 0
fi
echo "mednum-kg: missing Debian packages:$missing" >&2
echo "mednum-kg: run as root: apt-get install$missing" >&2
exit 4
