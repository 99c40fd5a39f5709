# progress.sh - the progress line of `make bench`, sourced by the bench
# scripts (issue 14).  On a terminal, each timed step redraws one line on
# stderr: "NAME: step K, elapsed M:SS, LABEL[, run I/N, ETA M:SS]", where
# the ETA of a measure's remaining runs is its last run's time; a log line
# erases it first.  Nothing is drawn when stderr is not a terminal or when
# BENCH_QUIET is set (make bench QUIET=1).  The caller sets BENCH_NAME.

BENCH_T0=$(date +%s)
BENCH_STEP=0
BENCH_DRAWN=

bench_tty() { [ -t 2 ] && [ -z "${BENCH_QUIET-}" ]; }

# bench_clock SECONDS: "M:SS"
bench_clock() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

# bench_progress LABEL [I N LAST_US]: a new step (or run I of N of it)
bench_progress() {
  [ "${2:-1}" = 1 ] && BENCH_STEP=$((BENCH_STEP + 1))
  bench_tty || return 0
  bp_el=$(( $(date +%s) - BENCH_T0 ))
  bp_run=
  if [ -n "${3-}" ] && [ "$3" -gt 1 ]; then
    bp_run=", run $2/$3"
    if [ -n "${4-}" ] && [ "$2" -gt 1 ]; then
      bp_run="$bp_run, ETA $(bench_clock $(( ($3 - $2 + 1) * $4 / 1000000 )))"
    fi
  fi
  printf '\r\033[K%s: step %d, elapsed %s, %.60s%s' "$BENCH_NAME" \
    "$BENCH_STEP" "$(bench_clock "$bp_el")" "$1" "$bp_run" >&2
  BENCH_DRAWN=1
}

# bench_label CMD...: a short name for a command line: the program's
# base name, then its words that are not paths or options' values, at
# most five
bench_label() {
  bl_out=$(basename "$1"); bl_n=1; bl_skip=
  shift
  for bl_w in "$@"; do
    [ "$bl_n" -ge 6 ] && break
    if [ -n "$bl_skip" ]; then bl_skip=; continue; fi
    case $bl_w in
      --store|--endpoint|-o|--user) bl_skip=1 ;;
      */*) ;;
      *) bl_out="$bl_out $bl_w"; bl_n=$((bl_n + 1)) ;;
    esac
  done
  printf '%s' "$bl_out"
}

# bench_erase: clears the line (before a log line, and at the end)
bench_erase() {
  [ -n "$BENCH_DRAWN" ] || return 0
  printf '\r\033[K' >&2
  BENCH_DRAWN=
}
