# Sourced by the bench scripts: sets $sevenspot to the command they time and run.
# $SEVENSPOT wins. Otherwise the command is published once per source change with ReadyToRun
# (precompiled native code: a run starts without compiling the parsers and the matcher first, which is
# most of the cost of a rule that skips nearly every file) into ${SEVENSPOT_WORK:-<repo>/.work}/sevenspot-r2r,
# framework-dependent, for this machine's runtime identifier. When publishing fails (no network
# for the crossgen package, say), the plain Release build is used, with a word on stderr.
# Needs $here (the repository).
sevenspot_plain=$here/src/Sevenspot.Cli/bin/Release/net10.0/sevenspot
if [ -n "${SEVENSPOT:-}" ]; then
  sevenspot=$SEVENSPOT
else
  r2r=${SEVENSPOT_WORK:-$here/.work}/sevenspot-r2r
  case $(uname -m) in
    x86_64) rid=linux-x64 ;;
    aarch64|arm64) rid=linux-arm64 ;;
    *) rid= ;;
  esac
  # Stale when a source, project or build setting is newer than the last publish.
  if [ -n "$rid" ] && { [ ! -x "$r2r/sevenspot" ] || [ ! -f "$r2r/.published" ] || [ -n "$(find "$here/src" "$here/Directory.Build.props" \
      "$here/Directory.Packages.props" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$r2r/.published" \
      -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; }; then
    echo "publishing sevenspot (Release, ReadyToRun, $rid) into $r2r" >&2
    rm -f "$r2r/.published"
    if dotnet publish "$here/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -r "$rid" --self-contained false \
        -p:PublishReadyToRun=true -o "$r2r" -nologo -v quiet > "${TMPDIR:-/tmp}/sevenspot-r2r-publish.log" 2>&1; then
      touch "$r2r/.published"
    else
      echo "publishing with ReadyToRun failed (${TMPDIR:-/tmp}/sevenspot-r2r-publish.log); using the plain Release build" >&2
    fi
  fi
  if [ -f "$r2r/.published" ]; then
    sevenspot=$r2r/sevenspot
  else
    if [ ! -x "$sevenspot_plain" ]; then
      echo "building sevenspot (Release)" >&2
      dotnet build "$here/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -nologo -v quiet > /dev/null || exit 2
    fi
    sevenspot=$sevenspot_plain
  fi
fi
