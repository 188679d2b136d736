#!/usr/bin/env bash
# All the kernel's rules in one Sevenspot run over Linux 6.1 subset A (--sp-file repeated: each file
# is read and parsed once for every rule), report mode, and the
# comparison of its report lines with those of the rules run one by one.
#
# usage: bench/all-rules-one-run.sh [--keep DIR] [--singles DIR]
#   --keep DIR     keep the run's output and GNU time's report in DIR
#   --singles DIR  the per-rule outputs of bench/kernel-report-check.sh --keep DIR (RULE.report):
#                  the one run must print the same lines as these single runs, as a set
#   KERNEL, SUBSET, SEVENSPOT, BASELINES, JOBS as for bench/kernel-report-check.sh
# Prints wall and CPU seconds, peak RSS, and the lines that differ from the single runs ("-" single
# runs only, "+" one run only) and from spatch's recorded lines. Exit 0 when the lines agree with
# the single runs (or with spatch's when --singles is not given), 1 otherwise, 2 on a setup problem.
#
# One command line serves all rules, so a rule's own "// Options:" line cannot be passed: the run uses
# the options of 51 of the 72 rules (--no-includes --include-headers). A rule whose Options line has no
# --include-headers is then also run on the .h files; lines it prints there are counted apart.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
baselines=${BASELINES:-$here/../shared/baselines/spatch-6.1-subsetA}
subset=${SUBSET:-${TMPDIR:-/tmp}/sevenspot-subsetA}
jobs=${JOBS:-2}
folders="kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib"
singles= out=
while [ $# -gt 0 ]; do
  case $1 in
    --keep) out=$2; shift 2 ;;
    --singles) singles=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "all-rules-one-run: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
# shellcheck source=bench/kernel-rules-tree.sh
. "$here/bench/kernel-rules-tree.sh"
# shellcheck source=bench/sevenspot-command.sh
. "$here/bench/sevenspot-command.sh"
[ -d "$kernel/scripts/coccinelle" ] || { echo "no kernel rules at $kernel/scripts/coccinelle" >&2; exit 2; }
[ -f "$subset/.complete" ] || { echo "no subset A at $subset (bench/kernel-report-check.sh makes it)" >&2; exit 2; }
[ -x "$sevenspot" ] || { echo "no sevenspot at $sevenspot (dotnet build -c Release)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install time)" >&2; exit 2; }
[ -n "$out" ] || { out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; }
mkdir -p "$out"

# Every rule as its own --sp-file, those with python or OCaml script rules included.
spfiles=()
while read -r rule; do
  spfiles+=(--sp-file "$rule")
done < <(find "$kernel/scripts/coccinelle" -name '*.cocci' | sort)
inc="-I $kernel/include -I $kernel/arch/x86/include -I $kernel/include/uapi -I $kernel/arch/x86/include/uapi"
# shellcheck disable=SC2086 # include options are words
(cd "$subset" && /usr/bin/time -v -o "$out/time.txt" "$sevenspot" -D report --no-show-diff --very-quiet --timeout 200 \
    "${spfiles[@]}" --no-includes --include-headers --dir . $inc --jobs "$jobs" --chunksize 1 \
    > "$out/one-run.report" 2> "$out/one-run.err")
code=$?
wall=$(sed -ne 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.txt")
user=$(sed -ne 's/.*User time (seconds): //p' "$out/time.txt")
sys=$(sed -ne 's/.*System time (seconds): //p' "$out/time.txt")
rss=$(sed -ne 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")
echo "one run of $((${#spfiles[@]} / 2)) rules: exit $code, wall $wall, CPU ${user}+${sys} s (user+sys), peak RSS $((rss / 1024)) MB"
# Lines our run printed for header files under rules whose Options do not ask for them.
sort -u "$out/one-run.report" > "$out/one-run.sorted"

compare() { # compare NAME FILE: the one run's lines against FILE's (both sets)
  local missing extra
  missing=$(comm -23 "$2" "$out/one-run.sorted" | wc -l)
  extra=$(comm -13 "$2" "$out/one-run.sorted" | wc -l)
  echo "against $1: $(wc -l < "$2") lines; $missing only there, $extra only in the one run ($(comm -13 "$2" "$out/one-run.sorted" | grep -c '\.h:') of them in .h files)"
  comm -23 "$2" "$out/one-run.sorted" | sed 's/^/    - /'
  comm -13 "$2" "$out/one-run.sorted" | sed 's/^/    + /'
  [ "$missing" -eq 0 ] && [ "$extra" -eq 0 ]
}
status=0
if [ -n "$singles" ]; then
  cat "$singles"/*.report | sort -u > "$out/singles.sorted"
  compare "the single runs in $singles" "$out/singles.sorted" || status=1
fi
if [ -d "$baselines" ]; then
  cat "$baselines"/*.report | sort -u > "$out/spatch.sorted"
  if [ -n "$singles" ]; then compare "spatch's single runs" "$out/spatch.sorted"; else compare "spatch's single runs" "$out/spatch.sorted" || status=1; fi
fi
[ "$code" -eq 0 ] || { status=1; head -5 "$out/one-run.err" | sed 's/^/    stderr: /'; }
exit $status
