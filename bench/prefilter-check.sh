#!/usr/bin/env bash
# Kernel check of the prefilter: runs kernel rules over Linux 6.1 subset A the way `make coccicheck`
# runs them (see ../shared/baselines/spatch-baseline.sh), once with the prefilter and once with
# --disable-worth-trying-opt, and compares what they print. Prints one line per rule (and writes
# them to OUT/prefilter.tsv): wall seconds and peak RSS with and without the prefilter, spatch
# 1.1.1's recorded wall seconds, output lines, per-file timeouts, and whether the outputs agree.
#
#   bash bench/prefilter-check.sh [options] [RULE...]
#
# RULE is a path under scripts/coccinelle (api/stream_open or api/stream_open.cocci); default: all.
#   --mode report|auto   report (coccicheck's default; -D patch for a rule without report mode), or
#                        auto: context if the rule has it, else patch, else report (more output to compare)
#   --timeout S          per-file timeout given to sevenspot (default 200, as the baseline)
#   --cap S              wall-clock limit of one run (default 900); a capped run is marked "cap"
#   --only-with          run with the prefilter only (timings, no comparison)
#   --out DIR            where outputs go (default $SEVENSPOT_WORK/prefilter-check)
# Environment: KERNEL (the tree, default /work/kernel/linux-source-6.1), SUBSET (subset A, copied
# from KERNEL when missing), SEVENSPOT (the command, default the Release build of this repository),
# BASELINE (spatch's timings.tsv).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${SEVENSPOT_WORK:-$repo/.work}
kernel=${KERNEL:-/work/kernel/linux-source-6.1}
subset=${SUBSET:-$work/linux-6.1/subset-a-copy}
sevenspot=${SEVENSPOT:-$repo/src/Sevenspot.Cli/bin/Release/net10.0/sevenspot}
baseline=${BASELINE:-$repo/../shared/baselines/spatch-6.1-subsetA/timings.tsv}
mode=report timeout=200 cap=900 only_with=0 out=$work/prefilter-check
rules=()
while [ $# -gt 0 ]; do
    case "$1" in
        --mode) mode=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --cap) cap=$2; shift 2 ;;
        --only-with) only_with=1; shift ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "prefilter-check: unknown option $1 (try --help)" >&2; exit 2 ;;
        *) rules+=("${1%.cocci}"); shift ;;
    esac
done

[ -x "$sevenspot" ] || { echo "prefilter-check: no $sevenspot (build with: dotnet build -c Release)" >&2; exit 2; }
[ -d "$kernel/scripts/coccinelle" ] || { echo "prefilter-check: no kernel tree at $kernel" >&2; exit 2; }
if [ ! -f "$subset/.complete" ]; then
    echo "prefilter-check: copying subset A of $kernel into $subset" >&2
    rm -rf "$subset" && mkdir -p "$subset"
    (cd "$kernel" && cp -r --parents kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib "$subset/") && touch "$subset/.complete"
fi
if [ ${#rules[@]} -eq 0 ]; then
    while read -r r; do rules+=("${r%.cocci}"); done < <(cd "$kernel/scripts/coccinelle" && find . -name '*.cocci' | sed 's|^\./||' | sort)
fi

mkdir -p "$out"
inc="-I $kernel/include -I $kernel/arch/x86/include -I $kernel/include/uapi -I $kernel/arch/x86/include/uapi"
tsv=$out/prefilter.tsv
printf 'rule\tmode\twith_s\twith_rss_kb\twithout_s\twithout_rss_kb\tspatch_s\tlines_with\tlines_without\ttimeouts_with\ttimeouts_without\tsame\n' > "$tsv"
printf '%-45s %-7s %9s %9s %9s %6s %6s %s\n' rule mode with_s without_s spatch_s lines tmo same

# run NAME MODE EXTRA...: one sevenspot run; leaves NAME.out, NAME.err, NAME.time in $out.
run() {
    local name=$1 m=$2 file=$3; shift 3
    local opt show=
    [ "$m" = report ] && show=--no-show-diff # coccicheck shows the diff in patch and context modes
    opt=$(sed -ne 's|^// *Options:||p' "$kernel/scripts/coccinelle/$file.cocci")
    # shellcheck disable=SC2086 # $opt and $inc are word lists, as in coccicheck
    (cd "$subset" && /usr/bin/time -f '%e %M' -o "$out/$name.time" timeout "$cap" nice -n 10 \
        "$sevenspot" -D "$m" $show --very-quiet --timeout "$timeout" --cocci-file "$kernel/scripts/coccinelle/$file.cocci" \
        $opt --dir . $inc --jobs 2 --chunksize 1 "$@" > "$out/$name.out" 2> "$out/$name.err")
    local status=$?
    if [ "$status" -eq 124 ]; then
        echo "cap NA" > "$out/$name.time.read"
    else
        tail -n 1 "$out/$name.time" > "$out/$name.time.read"
    fi
}

for rule in "${rules[@]}"; do
    file=${rule#scripts/coccinelle/}
    name=${file//\//__}
    src=$kernel/scripts/coccinelle/$file.cocci
    [ -f "$src" ] || { echo "prefilter-check: no rule $src" >&2; continue; }
    has() { grep -qE "^virtual +.*\\b$1\\b|virtual $1" "$src"; }
    m=report
    has report || m=patch
    if [ "$mode" = auto ]; then
        if has context; then m=context; elif has patch; then m=patch; else m=report; fi
    fi
    run "$name.with" "$m" "$file"
    read -r ws wr < "$out/$name.with.time.read"
    lw=$(wc -l < "$out/$name.with.out")
    tw=$(grep -c 'Timeout' "$out/$name.with.err")
    ns=- nr=- ln=- tn=- same=-
    if [ "$only_with" -eq 0 ]; then
        run "$name.without" "$m" "$file" --disable-worth-trying-opt
        read -r ns nr < "$out/$name.without.time.read"
        ln=$(wc -l < "$out/$name.without.out")
        tn=$(grep -c 'Timeout' "$out/$name.without.err")
        if [ "$ws" = cap ] || [ "$ns" = cap ]; then
            same=cap
        elif cmp -s "$out/$name.with.out" "$out/$name.without.out"; then
            same=yes
        elif [ "$tn" -gt 0 ] || [ "$tw" -gt 0 ]; then
            same=timeout # a file that timed out in one run prints nothing there
        else
            same=NO
        fi
    fi
    sp=$(awk -F'\t' -v r="scripts/coccinelle/$file.cocci" '$1 == r { print $3 }' "$baseline" 2>/dev/null)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$m" "$ws" "$wr" "$ns" "$nr" "${sp:-NA}" "$lw" "$ln" "$tw" "$tn" "$same" >> "$tsv"
    printf '%-45s %-7s %9s %9s %9s %6s %6s %s\n' "$file" "$m" "$ws" "$ns" "${sp:-NA}" "$lw/$ln" "$tw/$tn" "$same"
done
