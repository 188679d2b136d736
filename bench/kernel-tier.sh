#!/usr/bin/env bash
# Kernel tier: parse Linux 6.1 "subset A" (kernel/ mm/ fs/ext4 net/ipv4
# drivers/net/ethernet/intel lib/, .c and .h files) with `sevenspot parse`
# and check that no file crashes or hangs, that every file prints back byte
# for byte, and that at least 99.5% of the function definitions parse.
#
#   bash bench/kernel-tier.sh               # subset A, as CI runs it
#   bash bench/kernel-tier.sh --whole-tree  # also every .c file of the tree
#
# The kernel comes from Debian's linux-source-6.1 package (installed with
# apt-get when /usr/src/linux-source-6.1.tar.xz is missing) and is
# extracted once into $SEVENSPOT_WORK (default: <repo>/.work).
set -euo pipefail

readonly SUBSET_DIRS=(kernel mm fs/ext4 net/ipv4 drivers/net/ethernet/intel lib)
readonly TARBALL=/usr/src/linux-source-6.1.tar.xz
readonly TOP=linux-source-6.1
readonly MIN_RATE=99.5
readonly FILE_TIMEOUT=${SEVENSPOT_FILE_TIMEOUT:-60}   # seconds per file
readonly RUN_TIMEOUT=${SEVENSPOT_RUN_TIMEOUT:-1800}   # seconds for a whole run

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${SEVENSPOT_WORK:-$repo/.work}
whole=0
case "${1:-}" in
    "") ;;
    --whole-tree) whole=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "kernel-tier: unknown option $1 (try --help)" >&2; exit 2 ;;
esac

say() { printf 'kernel-tier: %s\n' "$*"; }
fail() { printf 'kernel-tier: FAIL: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_tarball() {
    [ -f "$TARBALL" ] && return
    say "installing linux-source-6.1 (for $TARBALL)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends linux-source-6.1 xz-utils >/dev/null
    [ -f "$TARBALL" ] || fail "$TARBALL is still missing after installing linux-source-6.1"
}

# extract DEST [MEMBER...]: extracts the tarball (or the given top-level
# members of it) into DEST once; a marker file records a finished extraction.
extract() {
    local dest=$1; shift
    [ -f "$dest/.extracted" ] && return
    ensure_tarball
    say "extracting $TARBALL into $dest"
    local tmp="$dest.tmp"
    rm -rf "$tmp" "$dest"
    mkdir -p "$tmp"
    tar -xJf "$TARBALL" -C "$tmp" "$@"
    mv "$tmp/$TOP" "$dest"
    rm -rf "$tmp"
    touch "$dest/.extracted"
}

build_cli() {
    say "building sevenspot (Release)"
    local log="$work/kernel-tier-build.log"
    dotnet build "$repo/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -nologo -v quiet >"$log" 2>&1 \
        || { tail -n 30 "$log" >&2; fail "dotnet build of src/Sevenspot.Cli failed (log: $log)"; }
    cli="$repo/src/Sevenspot.Cli/bin/Release/net10.0/sevenspot.dll"
    [ -f "$cli" ] || fail "no $cli after the build"
}

# check NAME LOG STATUS: reads the summary lines of a parse run and checks them.
check() {
    local name=$1 log=$2 status=$3
    local total roundtrip failures
    total=$(grep '^total: ' "$log" | tail -n 1 || true)
    roundtrip=$(grep '^round trip: ' "$log" | tail -n 1 || true)
    failures=$(grep '^failures: ' "$log" | tail -n 1 || true)
    [ "$status" -ne 124 ] || fail "$name: the run took more than $RUN_TIMEOUT s (a hang?)"
    [ -n "$total" ] || { tail -n 20 "$log" >&2; fail "$name: no total line (exit status $status)"; }

    # total: F files, N functions, E with errors (R% parsed), S MB, T s, X MB/s
    local files functions errors mb seconds speed
    read -r files functions errors mb seconds speed < <(awk '{ print $2, $4, $6, $11, $13, $15 }' <<<"$total")
    local rate
    rate=$(awk -v n="$functions" -v e="$errors" 'BEGIN { printf "%.2f", n == 0 ? 100 : 100 * (n - e) / n }')
    local identical different
    read -r identical different < <(awk '{ print $3, $5 }' <<<"$roundtrip")

    say "$name: $files files, $mb MB, $functions functions, $errors with errors: $rate% parsed"
    say "$name: round trip $identical identical, $different different; $seconds s, $speed MB/s"
    [ -z "$failures" ] || { grep -E ': (crash|timeout)' "$log" >&2 || true; fail "$name: $failures"; }
    [ -n "$roundtrip" ] || fail "$name: no round-trip line"
    [ "$different" -eq 0 ] || { grep 'round trip differs' "$log" >&2 || true; fail "$name: $different files do not print back byte for byte"; }
    awk -v n="$functions" -v e="$errors" -v min="$MIN_RATE" 'BEGIN { exit !(n > 0 && 100 * (n - e) / n >= min) }' \
        || fail "$name: parse rate $rate% is below $MIN_RATE%"
    [ "$status" -eq 0 ] || fail "$name: sevenspot parse exited with status $status"
}

# run NAME ROOT ARGS...: parses folders of ROOT, keeping the full output in $work.
run() {
    local name=$1 root=$2; shift 2
    local log="$work/kernel-tier-$name.log"
    say "$name: sevenspot parse $* (log: $log)"
    local status=0
    (cd "$root" && timeout "$RUN_TIMEOUT" dotnet "$cli" parse -q --errors --round-trip --timeout "$FILE_TIMEOUT" "$@") >"$log" 2>&1 || status=$?
    check "$name" "$log" "$status"
}

mkdir -p "$work"
subset="$work/linux-6.1/subset-a"
members=()
for dir in "${SUBSET_DIRS[@]}"; do members+=("$TOP/$dir"); done
extract "$subset" "${members[@]}"
build_cli
run subset-a "$subset" --include-headers "${SUBSET_DIRS[@]}"

if [ "$whole" -eq 1 ]; then
    extract "$work/linux-6.1/whole"
    run whole-tree "$work/linux-6.1/whole" .
fi

say "PASS"
