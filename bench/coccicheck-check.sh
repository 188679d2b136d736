#!/usr/bin/env bash
# coccicheck drop-in check: runs the kernel's `make coccicheck` on one folder with real spatch and
# with Sevenspot as SPATCH, in each mode, and compares. Report, org and patch output is compared as
# a set of lines (spatch's order follows its workers); context mode as the sequence of rules run,
# so that it stops where spatch stops. The command lines coccicheck echoes are compared with the
# binary's path taken out. spatch's own file-selection messages ("N files match", and git's
# complaint outside a git checkout) are left out of the comparison and counted apart: Sevenspot
# selects files with its own prefilter and prints nothing about it.
#
# usage: bench/coccicheck-check.sh [DIR [MODE...]]
#   DIR      folder of the kernel tree given as M= (default kernel/futex)
#   MODE     report org patch context (default: all four)
#   KERNEL   kernel tree (default /work/kernel/linux-source-6.1), only read: make runs in a copy of
#            what coccicheck needs (Makefile, scripts/, arch/x86's Makefiles, the two headers given
#            with --include, and DIR) made in the work folder
#   SEVENSPOT  sevenspot binary (default: the Release build of this checkout)
#   J        jobs given to coccicheck (default 2)
#   KEEP     folder to keep both outputs in (default: a temporary one, removed)
# Needs spatch on the PATH. Exit status 0 when every mode agrees, 1 otherwise, 2 on a setup problem.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
kernel=${KERNEL:-/work/kernel/linux-source-6.1}
sevenspot=${SEVENSPOT:-$here/src/Sevenspot.Cli/bin/Release/net10.0/sevenspot}
dir=${1:-kernel/futex}
[ $# -gt 0 ] && shift
modes=${*:-report org patch context}
command -v spatch >/dev/null || { echo "coccicheck-check: spatch is not installed" >&2; exit 2; }
[ -x "$sevenspot" ] || { echo "coccicheck-check: no sevenspot at $sevenspot (dotnet build -c Release)" >&2; exit 2; }
[ -d "$kernel/$dir" ] || { echo "coccicheck-check: no folder $kernel/$dir" >&2; exit 2; }
keep=${KEEP:-}
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
spatch_bin=$(command -v spatch)
status=0

# The kernel tree is not written to: make and the tools run in a copy of the parts coccicheck reads.
tree=$work/tree
rm -rf "$tree"
mkdir -p "$tree/arch/x86" "$tree/include/linux" "$tree/$(dirname "$dir")"
cp -r "$kernel/Makefile" "$kernel/scripts" "$tree/" || { echo "coccicheck-check: cannot copy $kernel" >&2; exit 2; }
cp "$kernel"/arch/x86/Makefile* "$tree/arch/x86/"
cp "$kernel/include/linux/kconfig.h" "$kernel/include/linux/compiler-version.h" "$tree/include/linux/"
cp -r "$kernel/$dir" "$tree/$(dirname "$dir")/"

run() { # tool-binary mode output
  local start=$SECONDS
  ( cd "$tree" && make -s coccicheck MODE="$2" SPATCH="$1" M="$dir" J="${J:-2}" ) > "$3.raw" 2>&1
  echo "$?" > "$3.status"
  # The echoed command lines name the binary; the temporary names of patch mode are random.
  sed -e "s#$1#SPATCH#g" -e 's#/tmp/cocci-output-[^ ]*#/tmp/cocci-output#' "$3.raw" \
    | grep -v -E '^[0-9]+ files match$|^fatal: not a git repository' > "$3"
  grep -c -E '^[0-9]+ files match$|^fatal: not a git repository' "$3.raw" > "$3.selection"
  echo $((SECONDS - start)) > "$3.seconds"
}

for mode in $modes; do
  run "$spatch_bin" "$mode" "$work/spatch.$mode"
  run "$sevenspot" "$mode" "$work/sevenspot.$mode"
  if [ "$mode" = context ]; then
    # Where each stops: the rules it ran, in order, and how it ended.
    grep -E '^SPATCH |^coccicheck failed' "$work/spatch.$mode" > "$work/spatch.$mode.cmp"
    grep -E '^SPATCH |^coccicheck failed' "$work/sevenspot.$mode" > "$work/sevenspot.$mode.cmp"
    diff "$work/spatch.$mode.cmp" "$work/sevenspot.$mode.cmp" > "$work/$mode.diff"
  else
    sort -u "$work/spatch.$mode" > "$work/spatch.$mode.cmp"
    sort -u "$work/sevenspot.$mode" > "$work/sevenspot.$mode.cmp"
    comm -3 "$work/spatch.$mode.cmp" "$work/sevenspot.$mode.cmp" | sed -e 's/^\t/+ /' -e 't' -e 's/^/- /' > "$work/$mode.diff"
  fi
  lines=$(wc -l < "$work/spatch.$mode.cmp")
  differ=$(grep -c . "$work/$mode.diff")
  printf '%-8s M=%s: spatch %s lines (+%s file-selection messages; exit %s, %ss), sevenspot exit %s (%ss): %s differing\n' "$mode" "$dir" \
    "$lines" "$(cat "$work/spatch.$mode.selection")" "$(cat "$work/spatch.$mode.status")" "$(cat "$work/spatch.$mode.seconds")" \
    "$(cat "$work/sevenspot.$mode.status")" "$(cat "$work/sevenspot.$mode.seconds")" "$differ"
  if [ "$differ" -gt 0 ] || [ "$(cat "$work/spatch.$mode.status")" != "$(cat "$work/sevenspot.$mode.status")" ]; then
    status=1
    head -40 "$work/$mode.diff"
  fi
done
rm -rf "$tree"
[ -z "$keep" ] && rm -rf "$work"
exit $status
