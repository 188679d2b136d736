#!/usr/bin/env bash
# Takes each fixture's expectation from real spatch: expected.c is t.c as spatch leaves it.
# When spatch fails on the file, expected.failure keeps its message and place.
#   bash regen.sh [case...]      (all cases when none is named)
set -euo pipefail
cd "$(dirname "$0")"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then cases=(*/); fi
for c in "${cases[@]}"; do
  c=${c%/}
  tmp=$(mktemp)
  rm -f "$tmp"
  err=$(mktemp)
  status=0
  (cd "$c" && spatch --very-quiet --sp-file r.cocci t.c -o "$tmp" >/dev/null 2>"$err") || status=$?
  rm -f "$c/expected.failure"
  if [ "$status" -ne 0 ]; then
    # spatch gave up on the file: keep what failed and where, and the file as it was.
    { grep -o -m1 'already tagged token\|inconsistent control-flow paths' "$err" || true
      grep -o -m1 'C code context' "$err" || true
      grep -o -m1 'File "t.c", line [0-9]*,' "$err" || true
      grep -m1 '^  whole content = ' "$err" || true; } > "$c/expected.failure"
    rm -f "$tmp"
  fi
  rm -f "$err"
  if [ -f "$tmp" ]; then mv "$tmp" "$c/expected.c"; else cp "$c/t.c" "$c/expected.c"; fi
  echo "$c"
done
