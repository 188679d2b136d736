#!/usr/bin/env bash
# Patch-mode check on the kernel: runs chosen kernel rules with -D patch over Linux 6.1 subset A
# the way spatch-patch-baseline.sh runs spatch, and says per rule whether sevenspot's diff is
# identical to spatch's, file by file. spatch is run too when it is installed; otherwise (or with
# --baseline) the stored baseline diffs are the reference. --reference DIR compares with spatch diffs
# saved in DIR instead, as an earlier run's --keep leaves them (<rule>.spatch.diff, <rule>.spatch.time
# when recorded), so the rules can be checked again without rerunning spatch.
#
# usage: bench/kernel-patch-check.sh [--baseline | --reference DIR] [--keep DIR] [--all | RULE...]
#   RULE       a rule's path in the kernel tree (scripts/coccinelle/...); --all: every rule with a patch mode
#   KERNEL     kernel tree (default /work/kernel/linux-source-6.1; when missing, the parts needed are
#              extracted from Debian's linux-source-6.1 into ${SEVENSPOT_WORK:-<repo>/.work})
#   SEVENSPOT  sevenspot binary (default: this checkout published with Native AOT, see bench/sevenspot-command.sh)
#   BASELINES  stored spatch diffs (default ../shared/baselines/spatch-6.1-subsetA-patch beside the repository)
#   SUBSET     where subset A is copied (default ${TMPDIR:-/tmp}/sevenspot-subsetA)
# The exit status is 0 when every rule gives identical diffs, 1 otherwise.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
baselines=${BASELINES:-$here/../shared/baselines/spatch-6.1-subsetA-patch}
# spatch's report-mode timings, beside the baselines: its time for a rule whose patch-mode time was not kept.
report_timings=$(dirname "$baselines")/spatch-6.1-subsetA/timings.tsv
subset=${SUBSET:-${TMPDIR:-/tmp}/sevenspot-subsetA}
folders="kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib"
use_baseline=0
# A stored reference for RULE-NAME is $baselines/RULE-NAME$ref_suffix.
ref_suffix=.diff
all=0
out=
while [ $# -gt 0 ]; do
  case $1 in
    --baseline) use_baseline=1; shift ;;
    --reference) use_baseline=1; baselines=$2; ref_suffix=.spatch.diff; shift 2 ;;
    --keep) out=$2; shift 2 ;;
    --all) all=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
rules=("$@")
[ ${#rules[@]} -gt 0 ] || rules=(scripts/coccinelle/free/ifnullfree.cocci scripts/coccinelle/api/memdup.cocci
  scripts/coccinelle/misc/boolconv.cocci scripts/coccinelle/null/badzero.cocci scripts/coccinelle/api/alloc/zalloc-simple.cocci)
# shellcheck source=bench/sevenspot-command.sh
. "$here/bench/sevenspot-command.sh"
[ -x "$sevenspot" ] || { echo "no sevenspot at $sevenspot (dotnet build src/Sevenspot.Cli -c Release)" >&2; exit 2; }

# shellcheck source=bench/kernel-rules-tree.sh
. "$here/bench/kernel-rules-tree.sh"
[ -d "$kernel" ] || { echo "no kernel tree at $kernel" >&2; exit 2; }
if [ $use_baseline = 0 ] && ! command -v spatch > /dev/null; then use_baseline=1; fi
[ $use_baseline = 0 ] || [ -d "$baselines" ] || { echo "neither spatch nor stored diffs at $baselines to compare with" >&2; exit 2; }
if [ $all = 1 ]; then
  # The rules with a patch mode: those that name it in a virtual rule or in a depends clause.
  mapfile -t rules < <(cd "$kernel" && grep -lE '^virtual +patch|depends on .*\bpatch\b' -r scripts/coccinelle --include='*.cocci' | sort)
fi
[ -n "$out" ] || { out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; }
mkdir -p "$out"

# Subset A: the folders copied with their paths, so diff headers read a/fs/ext4/super.c.
if [ ! -f "$subset/.complete" ]; then
  rm -rf "$subset" && mkdir -p "$subset"
  (cd "$kernel" && tar cf - $folders) | (cd "$subset" && tar xf -) && touch "$subset/.complete"
fi

inc="-I $kernel/include -I $kernel/arch/x86/include -I $kernel/include/uapi -I $kernel/arch/x86/include/uapi"

# split DIFF DIR: one file per patched source file, named after its path.
split() {
  mkdir -p "$2"
  awk -v dir="$2" '
    /^diff -u -p / { name = $4; sub(/^a\//, "", name); gsub(/\//, "__", name); file = dir "/" name }
    file != "" { print > file }' "$1"
}

status=0
printf '%-28s %-9s %s\n' rule result detail
for rule in "${rules[@]}"; do
  name=${rule#scripts/coccinelle/}; name=${name//\//__}; name=${name%.cocci}
  reference=$out/$name.spatch.diff
  if [ $use_baseline = 1 ]; then
    reference=$baselines/$name$ref_suffix
    if [ ! -f "$reference" ]; then
      status=1
      printf '%-28s %-9s no stored spatch diff %s\n' "$name" UNCHECKED "$reference"
      continue
    fi
  fi
  opt=$(sed -ne 's|^// *Options:||p' "$kernel/$rule")
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # options are words
  (cd "$subset" && timeout 1800 "$sevenspot" -D patch --very-quiet --timeout 200 --cocci-file "$kernel/$rule" $opt \
      --dir . $inc --jobs 2 --chunksize 1 > "$out/$name.sevenspot.diff" 2> "$out/$name.sevenspot.err")
  exit_status=$?
  seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  if [ $use_baseline = 1 ]; then
    # spatch's time: the reference's own when it was recorded, else the report-mode run's.
    time_file=${reference%.diff}.time
    if [ -f "$time_file" ]; then
      spatch_time="$(awk '{ printf "%.0f s", $1 }' "$time_file")"
    else
      spatch_time=$(awk -F'\t' -v r="$rule" '$1 == r { printf "%.0f s (report mode)", $3 }' "$report_timings" 2> /dev/null)
    fi
  else
    spatch_start=$(date +%s.%N)
    # shellcheck disable=SC2086
    (cd "$subset" && timeout 1800 spatch -D patch --very-quiet --timeout 200 --cocci-file "$kernel/$rule" $opt \
        --dir . $inc --jobs 2 --chunksize 1 > "$reference" 2> "$out/$name.spatch.err")
    echo "$(date +%s.%N) - $spatch_start" | bc > "$out/$name.spatch.time"
    spatch_time="$(awk '{ printf "%.0f s", $1 }' "$out/$name.spatch.time")"
  fi
  hunks=$(grep -c '^@@ ' "$out/$name.sevenspot.diff")
  rm -rf "$out/$name.ours" "$out/$name.theirs"
  split "$out/$name.sevenspot.diff" "$out/$name.ours"
  split "$reference" "$out/$name.theirs"
  same=0 differ=() missing=() extra=()
  for f in "$out/$name.theirs"/*; do
    [ -e "$f" ] || continue
    b=$(basename "$f")
    if [ ! -e "$out/$name.ours/$b" ]; then missing+=("${b//__//}")
    elif cmp -s "$f" "$out/$name.ours/$b"; then same=$((same + 1))
    else differ+=("${b//__//}"); fi
  done
  for f in "$out/$name.ours"/*; do
    [ -e "$f" ] || continue
    b=$(basename "$f")
    [ -e "$out/$name.theirs/$b" ] || extra+=("${b//__//}")
  done
  if [ $exit_status -ne 0 ]; then
    status=1
    printf '%-28s %-9s sevenspot exit status %d, %.0f s\n' "$name" FAILED "$exit_status" "$seconds"
    for f in "${differ[@]}" "${missing[@]}" "${extra[@]}"; do [ -n "$f" ] && echo "    not compared: $f"; done
  elif [ ${#differ[@]} -eq 0 ] && [ ${#missing[@]} -eq 0 ] && [ ${#extra[@]} -eq 0 ]; then
    printf '%-28s %-9s %d file(s) identical, %d hunk(s), %.0f s (spatch %s)\n' "$name" identical "$same" "$hunks" "$seconds" "${spatch_time:-?}"
  else
    status=1
    printf '%-28s %-9s %d identical, %d differ, %d missing, %d extra, %d hunk(s), %.0f s (spatch %s)\n' "$name" DIFFERENT "$same" \
      ${#differ[@]} ${#missing[@]} ${#extra[@]} "$hunks" "$seconds" "${spatch_time:-?}"
    for f in "${differ[@]}"; do echo "    differs: $f"; done
    for f in "${missing[@]}"; do echo "    missing: $f"; done
    for f in "${extra[@]}"; do echo "    extra:   $f"; done
  fi
  if [ -s "$out/$name.sevenspot.err" ]; then
    echo "    sevenspot stderr: $(wc -l < "$out/$name.sevenspot.err") line(s), first: $(head -1 "$out/$name.sevenspot.err")"
  fi
done
echo "reference: $([ $use_baseline = 1 ] && echo "$baselines" || echo "spatch $(spatch --version 2>/dev/null | head -1 | awk '{print $3}')")"
exit $status
