#!/usr/bin/env bash
# Fuzzes one of Sevenspot's front ends with AFL++ through SharpFuzz.
#
#   bash fuzz/run.sh TARGET [SECONDS]      TARGET: c (the C parser), smpl (the SmPL parser),
#                                          match (a rule against a C file); default 3600 s
#   bash fuzz/run.sh TARGET --replay DIR   runs the target once on each file of DIR
#
# Needs afl-fuzz (Debian: apt-get install afl++) and the sharpfuzz command
# (dotnet tool install --global SharpFuzz.CommandLine). Builds the fuzz project into
# $SEVENSPOT_FUZZ_WORK (default .work/fuzz), instruments Sevenspot's assemblies there, takes
# seeds from Coccinelle's test corpus ($SEVENSPOT_COCCI_TESTS or ../shared/corpus/cocci-tests)
# and from the kernel sources ($SEVENSPOT_KERNEL, default ../kernel/linux-source-6.1, when
# present), and runs afl-fuzz with a 10 s limit per input. Findings land in
# $SEVENSPOT_FUZZ_WORK/findings/TARGET/default/{crashes,hangs}; replay them with --replay and
# turn each into a regression test (tests/Sevenspot.*.Tests/Fuzz/). Runs under nice -n 10.
set -euo pipefail

target=${1:?usage: fuzz/run.sh c|smpl|match [SECONDS | --replay DIR]}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${SEVENSPOT_FUZZ_WORK:-$repo/.work/fuzz}
corpus=${SEVENSPOT_COCCI_TESTS:-$repo/../shared/corpus/cocci-tests}
kernel=${SEVENSPOT_KERNEL:-$repo/../kernel/linux-source-6.1}
build=$work/build
sharpfuzz=${SHARPFUZZ:-sharpfuzz}

case $target in c|smpl|match) ;; *) echo "unknown target $target (c, smpl or match)" >&2; exit 2 ;; esac

if [ ! -f "$build/.instrumented" ]; then
    rm -rf "$build"
    dotnet publish "$repo/fuzz/Sevenspot.Fuzz/Sevenspot.Fuzz.csproj" -c Release -o "$build" -nologo -v quiet
    for assembly in Sevenspot.Text Sevenspot.C Sevenspot.Smpl Sevenspot.Engine; do
        "$sharpfuzz" "$build/$assembly.dll"
    done
    touch "$build/.instrumented"
fi

if [ "${2:-}" = "--replay" ]; then
    # Instrumented assemblies only run under afl-fuzz: replay with a plain build.
    dotnet build "$repo/fuzz/Sevenspot.Fuzz/Sevenspot.Fuzz.csproj" -c Release -nologo -v quiet >/dev/null
    exec dotnet "$repo/fuzz/Sevenspot.Fuzz/bin/Release/net10.0/Sevenspot.Fuzz.dll" "$target" "${3:?--replay needs a file or directory}"
fi

seconds=${2:-3600}
seeds=$work/seeds/$target
if [ ! -d "$seeds" ]; then
    mkdir -p "$seeds"
    small() { find "$@" -type f -size -6k 2>/dev/null | LC_ALL=C sort; }
    case $target in
        c)
            small "$corpus" -name '*.c' | awk 'NR <= 80' | while read -r f; do cp "$f" "$seeds/corpus-$(basename "$f")"; done
            [ -d "$kernel/lib" ] && small "$kernel/lib" -name '*.c' | awk 'NR <= 40' | while read -r f; do cp "$f" "$seeds/kernel-$(basename "$f")"; done
            ;;
        smpl)
            small "$corpus" -name '*.cocci' | awk 'NR <= 120' | while read -r f; do cp "$f" "$seeds/$(basename "$f")"; done
            [ -d "$kernel/scripts/coccinelle" ] && small "$kernel/scripts/coccinelle" -name '*.cocci' | awk 'NR <= 40' | while read -r f; do cp "$f" "$seeds/kernel-$(basename "$f")"; done
            ;;
        match)
            # A rule, a NUL byte, then the C file the corpus applies it to.
            small "$corpus" -name '*.cocci' | while read -r rule; do
                c=${rule%.cocci}.c
                if [ -f "$c" ] && [ "$(stat -c %s "$c")" -lt 3000 ]; then
                    { cat "$rule"; printf '\0'; cat "$c"; } > "$seeds/$(basename "${rule%.cocci}")"
                fi
            done
            find "$seeds" -type f | LC_ALL=C sort | tail -n +121 | xargs -r rm
            ;;
    esac
fi

mkdir -p "$work/findings"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
exec nice -n 10 afl-fuzz -i "$seeds" -o "$work/findings/$target" -t 10000 -m none -V "$seconds" -- dotnet "$build/Sevenspot.Fuzz.dll" "$target"
