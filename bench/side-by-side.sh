#!/usr/bin/env bash
# Side by side: runs spatch (when installed) and sevenspot, one after the other, on the same kernel
# rules and files with coccicheck's command line (report mode: -D report --no-show-diff
# --very-quiet, the rule's own "// Options:", the kernel's include folders, --jobs 2 --chunksize 1,
# --dir . from the target's root), and prints wall seconds, CPU seconds (user + sys, children
# included) and peak RSS (GNU time) per rule and in total, with the ratios spatch/sevenspot (above 1:
# sevenspot is faster). Both run under nice -n 10. With --repeat N each tool runs N times per rule
# (spatch's runs, then sevenspot's), and the median wall and CPU seconds are shown (on a
# shared machine CPU seconds move much less than wall seconds).
#
#   bash bench/side-by-side.sh [options] RULE...
#
# RULE is a path under scripts/coccinelle (free/devm_free or free/devm_free.cocci).
#   --target DIR   the files (default: Linux 6.1 subset A, copied from KERNEL when missing)
#   --timeout S    per-file timeout given to both tools (default 200)
#   --cap S        wall-clock limit of one run (default 900); a capped run counts as S seconds, marked ">"
#   --mode M       the virtual rule to define (default report; a rule without it runs with -D patch)
#   --out DIR      where outputs go (default $SEVENSPOT_WORK/side-by-side)
#   --repeat N     runs per tool and rule (default 1); the medians are shown
# Environment: KERNEL (default /work/kernel/linux-source-6.1), SPATCH (default spatch),
# SEVENSPOT (default this repository published with Native AOT, see bench/sevenspot-command.sh).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${SEVENSPOT_WORK:-$repo/.work}
kernel=${KERNEL:-/work/kernel/linux-source-6.1}
spatch=${SPATCH:-spatch}
target= timeout=200 cap=900 mode=report out=$work/side-by-side repeat=1
rules=()
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target=$2; shift 2 ;;
        --timeout) timeout=$2; shift 2 ;;
        --cap) cap=$2; shift 2 ;;
        --mode) mode=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# measure TOOL RULE NAME MODE: prints "WALL CPU RSS LINES" (WALL prefixed with ">" when the run hit the cap).
measure() {
    local tool=$1 file=$2 name=$3 m=$4
    local opt
    opt=$(sed -ne 's|^// *Options:||p' "$kernel/scripts/coccinelle/$file.cocci")
    # shellcheck disable=SC2086 # $opt and $inc are word lists, as in coccicheck
    (cd "$target" && /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" timeout "$cap" nice -n 10 \
        "$tool" -D "$m" --no-show-diff --very-quiet --timeout "$timeout" --cocci-file "$kernel/scripts/coccinelle/$file.cocci" \
        $opt --dir . $inc --jobs 2 --chunksize 1 > "$out/$name.out" 2> "$out/$name.err")
    local status=$? wall user sys rss
    read -r wall user sys rss < <(tail -n 1 "$out/$name.time")
    [ "$status" -eq 124 ] && wall=">$cap"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $rss $(wc -l < "$out/$name.out")"
}

# median of the numbers on stdin (a ">" mark on any of them is kept)
median() {
    local values sorted capped=
    values=$(cat)
    case $values in *'>'*) capped='>' ;; esac
    sorted=$(tr -d '>' <<< "$values" | sort -g)
    echo "$capped$(sed -n "$((($(wc -l <<< "$sorted") + 1) / 2))p" <<< "$sorted")"
}

# run TOOL FILE NAME MODE: measures REPEAT times; prints "WALL CPU RSS LINES" (medians, largest RSS, last line count)
run() {
    local walls=() cpus=() rss_max=0 lines=0 w c r l i
    for ((i = 1; i <= repeat; i++)); do
        read -r w c r l < <(measure "$@")
        walls+=("$w") cpus+=("$c") lines=$l
        [ "$r" -gt "$rss_max" ] && rss_max=$r
    done
    echo "$(printf '%s\n' "${walls[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $rss_max $lines"
}

printf '%-42s %9s %9s %9s %9s %9s %9s %7s %7s %7s %7s\n' rule spatch_s spatch_cpu spatch_MB 7spot_s 7spot_cpu 7spot_MB wall_x cpu_x sp_out 7s_out
total_sp=0 total_ss=0 total_spc=0 total_ssc=0
ratio() { awk -v a="${1#>}" -v b="${2#>}" 'BEGIN { if (a == "-" || b <= 0) print "-"; else printf "%.2f", a / b }'; }
add() { awk -v t="$1" -v a="${2#>}" 'BEGIN { print t + (a == "-" ? 0 : a) }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "-" || k == "") print "-"; else printf "%.0f", k / 1024 }'; }
for rule in "${rules[@]}"; do
    file=${rule#scripts/coccinelle/}
    name=${file//\//__}
    src=$kernel/scripts/coccinelle/$file.cocci
    [ -f "$src" ] || { echo "side-by-side: no rule $src" >&2; continue; }
    m=$mode
    grep -qE "^virtual +.*\\b$m\\b|virtual $m" "$src" || m=patch
    sp_wall=- sp_cpu=- sp_rss=- sp_lines=-
    if [ "$have_spatch" -eq 1 ]; then
        read -r sp_wall sp_cpu sp_rss sp_lines < <(run "$spatch" "$file" "$name.spatch" "$m")
    fi
    read -r ss_wall ss_cpu ss_rss ss_lines < <(run "$sevenspot" "$file" "$name.sevenspot" "$m")
    total_sp=$(add "$total_sp" "$sp_wall") total_ss=$(add "$total_ss" "$ss_wall")
    total_spc=$(add "$total_spc" "$sp_cpu") total_ssc=$(add "$total_ssc" "$ss_cpu")
    printf '%-42s %9s %9s %9s %9s %9s %9s %7s %7s %7s %7s\n' "$file" "$sp_wall" "$sp_cpu" "$(mb "$sp_rss")" "$ss_wall" "$ss_cpu" "$(mb "$ss_rss")" \
        "$(ratio "$sp_wall" "$ss_wall")" "$(ratio "$sp_cpu" "$ss_cpu")" "$sp_lines" "$ss_lines"
done
printf '%-42s %9s %9s %9s %9s %9s %9s %7s %7s\n' total "$total_sp" "$total_spc" "" "$total_ss" "$total_ssc" "" \
    "$(ratio "$total_sp" "$total_ss")" "$(ratio "$total_spc" "$total_ssc")"
