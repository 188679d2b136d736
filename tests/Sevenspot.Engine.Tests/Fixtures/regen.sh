#!/usr/bin/env bash
# Takes each fixture's expectation from real spatch: expected.c is t.c as spatch leaves it.
#   bash regen.sh [case...]      (all cases when none is named)
set -euo pipefail
cd "$(dirname "$0")"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then cases=(*/); fi
for c in "${cases[@]}"; do
  c=${c%/}
  tmp=$(mktemp)
  rm -f "$tmp"
  (cd "$c" && spatch --very-quiet --sp-file r.cocci t.c -o "$tmp" >/dev/null)
  if [ -f "$tmp" ]; then mv "$tmp" "$c/expected.c"; else cp "$c/t.c" "$c/expected.c"; fi
  echo "$c"
done
