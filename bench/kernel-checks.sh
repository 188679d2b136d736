#!/usr/bin/env bash
# Whole-tree run of the kernel checks: the default checks of `sevenspot check` (those that run
# without --check; opt-in ones such as lock-order-cycles do not) over every .c file of Linux 6.1,
# timed with /usr/bin/time -v (wall time, peak resident memory).
#
#   bash bench/kernel-checks.sh                       # extracts the tree into $SEVENSPOT_WORK
#   bash bench/kernel-checks.sh --kernel DIR          # an already extracted linux-source-6.1
#   SEVENSPOT_JOBS=2 bash bench/kernel-checks.sh ...  # workers (default 2)
#
# The kernel comes from Debian's linux-source-6.1 package (installed with apt-get when
# /usr/src/linux-source-6.1.tar.xz is missing), extracted once into
# $SEVENSPOT_WORK/linux-6.1/whole (default work folder: <repo>/.work). Outputs go to
# $SEVENSPOT_WORK/kernel-checks/: findings.report, findings.json, time.txt (the output of
# /usr/bin/time -v), stderr.txt (skipped items and the summary) and summary.txt. Paths in
# the findings are relative to the tree's top (kernel/fork.c). Timings are those of the
# machine at the time: on a machine shared with other work they vary a lot.
set -euo pipefail

readonly TARBALL=/usr/src/linux-source-6.1.tar.xz
readonly TOP=linux-source-6.1
readonly GOAL_SECONDS=600

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${SEVENSPOT_WORK:-$repo/.work}
jobs=${SEVENSPOT_JOBS:-2}
kernel=
while [ $# -gt 0 ]; do
    case "$1" in
        --kernel) kernel=${2:?--kernel needs a directory}; shift 2 ;;
        -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "kernel-checks: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

say() { printf 'kernel-checks: %s\n' "$*"; }
fail() { printf 'kernel-checks: FAIL: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

[ -x /usr/bin/time ] || { say "installing time (for /usr/bin/time -v)"; install_packages time; }

if [ -z "$kernel" ]; then
    kernel="$work/linux-6.1/whole"
    if [ ! -f "$kernel/.extracted" ]; then
        if [ ! -f "$TARBALL" ]; then
            say "installing linux-source-6.1 (for $TARBALL)"
            install_packages linux-source-6.1 xz-utils
            [ -f "$TARBALL" ] || fail "$TARBALL is still missing after installing linux-source-6.1"
        fi
        say "extracting $TARBALL into $kernel"
        rm -rf "$kernel.tmp" "$kernel"
        mkdir -p "$kernel.tmp"
        tar -xJf "$TARBALL" -C "$kernel.tmp"
        mv "$kernel.tmp/$TOP" "$kernel"
        rm -rf "$kernel.tmp"
        touch "$kernel/.extracted"
    fi
fi
[ -f "$kernel/Makefile" ] && [ -d "$kernel/kernel" ] || fail "$kernel does not look like a Linux source tree"
kernel=$(cd "$kernel" && pwd)

say "building sevenspot (Release)"
out="$work/kernel-checks"
mkdir -p "$out"
dotnet build "$repo/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -nologo -v quiet >"$out/build.log" 2>&1 \
    || { tail -n 30 "$out/build.log" >&2; fail "the build failed (log: $out/build.log)"; }
# Run a copy of the build, so that rebuilding during the run does not change it.
rm -rf "$out/bin"
cp -r "$repo/src/Sevenspot.Cli/bin/Release/net10.0" "$out/bin"
cli="$out/bin/sevenspot"
[ -x "$cli" ] || fail "no $cli after the build"

# The top-level folders, so that paths read kernel/fork.c.
mapfile -t tops < <(cd "$kernel" && find . -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%P\n' | LC_ALL=C sort)
files=$(cd "$kernel" && find "${tops[@]}" -name '*.c' -type f | wc -l)
say "checking $files .c files of $kernel with $jobs workers (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
status=0
(cd "$kernel" && /usr/bin/time -v -o "$out/time.txt" "$cli" check --jobs "$jobs" --format json -o "$out/findings.json" "${tops[@]}") \
    2>"$out/stderr.txt" || status=$?
# Status 1 with a report written: a check failed on some file (listed in stderr.txt as "check ... failed here");
# the findings of the other checks and files are still worth keeping, and the script ends with status 1.
if [ "$status" -eq 1 ] && [ -s "$out/findings.json" ]; then
    say "WARNING: some checks failed on some files (see \"failed here\" in $out/stderr.txt)"
elif [ "$status" -ne 0 ]; then
    tail -n 20 "$out/stderr.txt" >&2
    fail "sevenspot check exited with status $status"
fi

# The report format, from the JSON (one run gives both).
python3 - "$out/findings.json" "$out/findings.report" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for f in report["findings"]:
        l = f["location"]
        out.write(f'{l["file"]}:{l["line"]}:{l["column"]}-{l["endColumn"]}: {f["message"]} [{f["check"]}]\n')
EOF

wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.txt")
rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$out/time.txt")
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.0f", s }' "$out/time.txt")
seconds=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.0f", s }')
{
    echo "files: $files"
    echo "jobs: $jobs"
    echo "wall: $wall ($seconds s; goal under $GOAL_SECONDS s)"
    echo "cpu: $cpu s (user + system)"
    echo "peak rss: $((rss / 1024)) MB"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    tail -n 1 "$out/stderr.txt"
} | tee "$out/summary.txt" | sed 's/^/kernel-checks: /'
[ "$seconds" -le "$GOAL_SECONDS" ] || say "slower than the goal of $GOAL_SECONDS s (a busy machine?)"
exit "$status"
