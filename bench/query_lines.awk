# query_lines.awk - the output of `mednum-kg queries` as one line per named
# query: NAME, then TAB "--param" TAB "k=v" for each parameter, whose value
# is the first example the listing gives in its parentheses; optional ones
# (the scopes: report, event, from, to) are left out, so every query runs
# over the whole store.  Used by store_bench.sh and store_engine.sh.
/^[^ \t-]/ { if(line != "") print line; line = $1; next }
/--param/ && /\(optional\)/ { next }
/--param/ {
  n = $0; sub(/.*--param /, "", n); sub(/=.*/, "", n)
  ex = $0; sub(/.*\(/, "", ex); sub(/\)[^)]*$/, "", ex); sub(/, .*/, "", ex)
  gsub(/"/, "", ex)
  line = line "\t--param\t" n "=" ex
}
END { if(line != "") print line }
