#!/usr/bin/env bash
# Report-mode check on the kernel: runs the kernel's rules over Linux 6.1 subset A with coccicheck's
# command line (report mode; patch mode for a rule that has no report mode, as
# /work/shared/baselines/spatch-baseline.sh recorded them) and compares each rule's output with
# spatch's stored output as a set of lines (spatch's order follows its workers, ours the files).
# Prints one line per rule, the lines that differ ("-" spatch only, "+" sevenspot only), and
# "N/M rules identical".
#
# usage: bench/kernel-report-check.sh [--ratchet] [--keep DIR] [--list FILE] [RULE...]
#   --ratchet  the rules of bench/kernel-report-ratchet.txt (rules that agree today); exit 1 if one differs
#   --list F   the rules listed in F (one scripts/coccinelle/... path a line, '#' comments)
#   RULE...    scripts/coccinelle/... paths; default: every rule of the kernel tree
#   KERNEL     kernel tree (default /work/kernel/linux-source-6.1; when missing, the parts needed are
#              extracted from Debian's linux-source-6.1 into ${SEVENSPOT_WORK:-<repo>/.work})
#   SEVENSPOT  sevenspot binary (default: this checkout published with Native AOT, see bench/sevenspot-command.sh)
#   BASELINES  spatch's outputs (default ../shared/baselines/spatch-6.1-subsetA beside the repository)
#   SUBSET     where subset A is copied (default ${TMPDIR:-/tmp}/sevenspot-subsetA)
#   JOBS       --jobs given to sevenspot (default 2, as the baseline)
#   RULE_TIMEOUT  seconds allowed for one rule over the whole subset (default 1800)
# The exit status is 0 when every rule run gives spatch's lines, 1 otherwise, 2 on a setup problem.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
baselines=${BASELINES:-$here/../shared/baselines/spatch-6.1-subsetA}
subset=${SUBSET:-${TMPDIR:-/tmp}/sevenspot-subsetA}
jobs=${JOBS:-2}
rule_timeout=${RULE_TIMEOUT:-1800}
folders="kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib"
ratchet_file=$here/bench/kernel-report-ratchet.txt
list=
out=
while [ $# -gt 0 ]; do
  case $1 in
    --ratchet) list=$ratchet_file; shift ;;
    --list) list=$2; shift 2 ;;
    --keep) out=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
rules=("$@")
if [ -n "$list" ]; then
  [ -f "$list" ] || { echo "no rule list $list" >&2; exit 2; }
  while read -r line; do
    line=${line%%#*}; line=${line// /}
    [ -n "$line" ] && rules+=("$line")
  done < "$list"
fi
# shellcheck source=bench/kernel-rules-tree.sh
. "$here/bench/kernel-rules-tree.sh"
[ -d "$kernel" ] || { echo "no kernel tree at $kernel" >&2; exit 2; }
[ -d "$baselines" ] || { echo "no spatch outputs at $baselines" >&2; exit 2; }
[ ${#rules[@]} -gt 0 ] || mapfile -t rules < <(cd "$kernel" && find scripts/coccinelle -name '*.cocci' | sort)
# shellcheck source=bench/sevenspot-command.sh
. "$here/bench/sevenspot-command.sh"
[ -x "$sevenspot" ] || { echo "no sevenspot at $sevenspot" >&2; exit 2; }
[ -n "$out" ] || { out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; }
mkdir -p "$out"

# Subset A: the folders copied with their paths, so report lines read ./fs/ext4/super.c:...
if [ ! -f "$subset/.complete" ]; then
  rm -rf "$subset" && mkdir -p "$subset"
  (cd "$kernel" && tar cf - $folders) | (cd "$subset" && tar xf -) && touch "$subset/.complete"
fi

inc="-I $kernel/include -I $kernel/arch/x86/include -I $kernel/include/uapi -I $kernel/arch/x86/include/uapi"
identical=0 total=0 status=0
spatch_lines=0 found_lines=0 extra_lines=0
for rule in "${rules[@]}"; do
  name=${rule#scripts/coccinelle/}; name=${name//\//__}; name=${name%.cocci}
  [ -f "$kernel/$rule" ] || { echo "$name: no rule $kernel/$rule" >&2; status=2; continue; }
  opt=$(sed -ne 's|^// *Options:||p' "$kernel/$rule")
  mode=report
  grep -qE '^virtual +.*report' "$kernel/$rule" || grep -qE 'virtual report' "$kernel/$rule" || mode=patch
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # options are words
  (cd "$subset" && timeout "$rule_timeout" "$sevenspot" -D $mode --no-show-diff --very-quiet --timeout 200 --cocci-file "$kernel/$rule" $opt \
      --dir . $inc --jobs "$jobs" --chunksize 1 > "$out/$name.report" 2> "$out/$name.err")
  code=$?
  seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  total=$((total + 1))
  sort -u "$baselines/$name.report" > "$out/$name.theirs"
  sort -u "$out/$name.report" > "$out/$name.ours"
  missing=$(comm -23 "$out/$name.theirs" "$out/$name.ours" | wc -l)
  extra=$(comm -13 "$out/$name.theirs" "$out/$name.ours" | wc -l)
  theirs=$(wc -l < "$out/$name.theirs")
  spatch_lines=$((spatch_lines + theirs)); found_lines=$((found_lines + theirs - missing)); extra_lines=$((extra_lines + extra))
  if [ "$code" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$extra" -eq 0 ]; then
    identical=$((identical + 1))
    printf '%-40s identical  %3d line(s) %6.1f s\n' "$name" "$theirs" "$seconds"
  else
    status=1
    printf '%-40s DIFFERENT  %3d line(s), %d missing, %d extra, exit %d, %6.1f s\n' "$name" "$theirs" "$missing" "$extra" "$code" "$seconds"
    comm -23 "$out/$name.theirs" "$out/$name.ours" | sed 's/^/    - /'
    comm -13 "$out/$name.theirs" "$out/$name.ours" | sed 's/^/    + /'
    [ "$code" -eq 0 ] || head -3 "$out/$name.err" | sed 's/^/    stderr: /'
  fi
done
echo "$identical/$total rules identical; spatch's lines found: $found_lines/$spatch_lines, extra lines: $extra_lines"
exit $status
