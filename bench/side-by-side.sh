#!/usr/bin/env bash
# Side by side: runs spatch (when installed) and sevenspot, one after the other, on the same kernel
# rules and files with coccicheck's command line (report mode: -D report --no-show-diff
# --very-quiet, the rule's own "// Options:", the kernel's include folders, --jobs 2 --chunksize 1,
# --dir . from the target's root), and prints wall seconds and peak RSS (GNU time) per rule and in
# total, with the ratio spatch/sevenspot (above 1: sevenspot is faster). Both run under nice -n 10.
#
#   bash bench/side-by-side.sh [options] RULE...
#
# RULE is a path under scripts/coccinelle (free/devm_free or free/devm_free.cocci).
#   --target DIR   the files (default: Linux 6.1 subset A, copied from KERNEL when missing)
#   --timeout S    per-file timeout given to both tools (default 200)
#   --cap S        wall-clock limit of one run (default 900); a capped run counts as S seconds, marked ">"
#   --mode M       the virtual rule to define (default report; a rule without it runs with -D patch)
#   --out DIR      where outputs go (default $SEVENSPOT_WORK/side-by-side)
# Environment: KERNEL (default /work/kernel/linux-source-6.1), SPATCH (default spatch),
# SEVENSPOT (default this repository published with ReadyToRun, see bench/sevenspot-command.sh).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${SEVENSPOT_WORK:-$repo/.work}
kernel=${KERNEL:-/work/kernel/linux-source-6.1}
spatch=${SPATCH:-spatch}
target= timeout=200 cap=900 mode=report out=$work/side-by-side
rules=()
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --cap) cap=$2; shift 2 ;;
        --mode) mode=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "side-by-side: unknown option $1 (try --help)" >&2; exit 2 ;;
        *) rules+=("${1%.cocci}"); shift ;;
    esac
done
[ ${#rules[@]} -gt 0 ] || { echo "side-by-side: name at least one rule (try --help)" >&2; exit 2; }
here=$repo
# shellcheck source=bench/sevenspot-command.sh
. "$here/bench/sevenspot-command.sh"
[ -x /usr/bin/time ] || { echo "side-by-side: GNU time is missing (apt-get install time)" >&2; exit 2; }
[ -x "$sevenspot" ] || { echo "side-by-side: no $sevenspot (build with: dotnet build -c Release)" >&2; exit 2; }
have_spatch=1
command -v "$spatch" > /dev/null || { have_spatch=0; echo "side-by-side: $spatch is not installed; sevenspot only" >&2; }

if [ -z "$target" ]; then
    target=$work/linux-6.1/subset-a-copy
    if [ ! -f "$target/.complete" ]; then
        echo "side-by-side: copying subset A of $kernel into $target" >&2
        rm -rf "$target" && mkdir -p "$target"
        (cd "$kernel" && cp -r --parents kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib "$target/") && touch "$target/.complete"
    fi
fi

mkdir -p "$out"
inc="-I $kernel/include -I $kernel/arch/x86/include -I $kernel/include/uapi -I $kernel/arch/x86/include/uapi"

# measure TOOL RULE NAME: prints "WALL RSS LINES" (WALL prefixed with ">" when the run hit the cap).
measure() {
    local tool=$1 file=$2 name=$3 m=$4
    local opt
    opt=$(sed -ne 's|^// *Options:||p' "$kernel/scripts/coccinelle/$file.cocci")
    # shellcheck disable=SC2086 # $opt and $inc are word lists, as in coccicheck
    (cd "$target" && /usr/bin/time -f '%e %M' -o "$out/$name.time" timeout "$cap" nice -n 10 \
        "$tool" -D "$m" --no-show-diff --very-quiet --timeout "$timeout" --cocci-file "$kernel/scripts/coccinelle/$file.cocci" \
        $opt --dir . $inc --jobs 2 --chunksize 1 > "$out/$name.out" 2> "$out/$name.err")
    local status=$? wall rss
    read -r wall rss < <(tail -n 1 "$out/$name.time")
    [ "$status" -eq 124 ] && wall=">$cap"
    echo "$wall $rss $(wc -l < "$out/$name.out")"
}

printf '%-42s %10s %10s %10s %10s %7s %7s %7s\n' rule spatch_s spatch_MB 7spot_s 7spot_MB ratio sp_out 7s_out
total_sp=0 total_ss=0
for rule in "${rules[@]}"; do
    file=${rule#scripts/coccinelle/}
    name=${file//\//__}
    src=$kernel/scripts/coccinelle/$file.cocci
    [ -f "$src" ] || { echo "side-by-side: no rule $src" >&2; continue; }
    m=$mode
    grep -qE "^virtual +.*\\b$m\\b|virtual $m" "$src" || m=patch
    sp_wall=- sp_rss=- sp_lines=-
    if [ "$have_spatch" -eq 1 ]; then
        read -r sp_wall sp_rss sp_lines < <(measure "$spatch" "$file" "$name.spatch" "$m")
    fi
    read -r ss_wall ss_rss ss_lines < <(measure "$sevenspot" "$file" "$name.sevenspot" "$m")
    ratio=$(awk -v a="${sp_wall#>}" -v b="${ss_wall#>}" 'BEGIN { if (a == "-" || b <= 0) print "-"; else printf "%.2f", a / b }')
    total_sp=$(awk -v t="$total_sp" -v a="${sp_wall#>}" 'BEGIN { print t + (a == "-" ? 0 : a) }')
    total_ss=$(awk -v t="$total_ss" -v a="${ss_wall#>}" 'BEGIN { print t + a }')
    mb() { awk -v k="$1" 'BEGIN { if (k == "-" || k == "") print "-"; else printf "%.0f", k / 1024 }'; }
    printf '%-42s %10s %10s %10s %10s %7s %7s %7s\n' "$file" "$sp_wall" "$(mb "$sp_rss")" "$ss_wall" "$(mb "$ss_rss")" "$ratio" "$sp_lines" "$ss_lines"
done
ratio=$(awk -v a="$total_sp" -v b="$total_ss" 'BEGIN { if (a == 0 || b <= 0) print "-"; else printf "%.2f", a / b }')
printf '%-42s %10s %10s %10s %10s %7s\n' total "$total_sp" "" "$total_ss" "" "$ratio"
