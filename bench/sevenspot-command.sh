# Sourced by the bench scripts: sets $sevenspot to the command they time and run.
# $SEVENSPOT wins. Otherwise the command is published once per source change, for this machine's runtime
# identifier, into ${SEVENSPOT_WORK:-<repo>/.work}/sevenspot-aot or .../sevenspot-r2r:
#   SEVENSPOT_PUBLISH=aot  (default) Native AOT: one self-contained executable compiled ahead of time, no JIT
#                          at all; needs clang and zlib's headers. A run that finds nothing costs about a third
#                          of the CPU of the ReadyToRun build, and the heavy rules less too
#                          (docs/performance/2026-12-07-aot.md). When it cannot be published, ReadyToRun is tried.
#   SEVENSPOT_PUBLISH=r2r  ReadyToRun: framework-dependent, precompiled code beside the IL; the JIT still
#                          compiles what crossgen cannot (the framework's generics over our types) and the
#                          hot code again.
# A failed publish is tried again only once a file under src/ or a build setting changes. When no publish
# succeeds (no network for the compiler packages, say), the plain Release build is used, with a word on stderr.
# Needs $here (the repository).
sevenspot_plain=$here/src/Sevenspot.Cli/bin/Release/net10.0/sevenspot
# Whether a file the build reads (a source, project, build setting or embedded resource: the
# isomorphisms, the primitives' tables, the script workers, the syntax description) is newer than $1.
sevenspot_changed_since() {
  [ -n "$(find "$here/src" "$here/Directory.Build.props" "$here/Directory.Packages.props" "$here/global.json" \
    -newer "$1" -type f -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]
}
if [ -n "${SEVENSPOT:-}" ]; then
  sevenspot=$SEVENSPOT
else
  case ${SEVENSPOT_PUBLISH:-aot} in
    aot) publish_kinds="aot r2r" ;;
    r2r) publish_kinds=r2r ;;
    *) echo "SEVENSPOT_PUBLISH is aot or r2r, not $SEVENSPOT_PUBLISH" >&2; exit 2 ;;
  esac
  case $(uname -m) in
    x86_64) rid=linux-x64 ;;
    aarch64|arm64) rid=linux-arm64 ;;
    *) rid= ;;
  esac
  sevenspot=
  for publish_kind in $publish_kinds; do
    [ -n "$rid" ] || break
    case $publish_kind in
      aot) publish_args=(-p:PublishAot=true); publish_name="Native AOT" ;;
      r2r) publish_args=(--self-contained false -p:PublishReadyToRun=true); publish_name=ReadyToRun ;;
    esac
    published=${SEVENSPOT_WORK:-$here/.work}/sevenspot-$publish_kind
    log=${TMPDIR:-/tmp}/sevenspot-$publish_kind-publish.log
    if [ -x "$published/sevenspot" ] && [ -f "$published/.published" ] && ! sevenspot_changed_since "$published/.published"; then
      :
    elif [ -f "$published/.failed" ] && ! sevenspot_changed_since "$published/.failed"; then
      # A publish of these sources failed already (no clang, say): not tried again until they change.
      echo "publishing with $publish_name failed before for these sources ($log)" >&2
    else
      echo "publishing sevenspot (Release, $publish_name, $rid) into $published" >&2
      mkdir -p "$published"
      rm -f "$published/.published" "$published/.failed"
      if dotnet publish "$here/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -r "$rid" "${publish_args[@]}" \
          -o "$published" -nologo -v quiet > "$log" 2>&1; then
        touch "$published/.published"
      else
        touch "$published/.failed"
        echo "publishing with $publish_name failed ($log)" >&2
      fi
    fi
    if [ -f "$published/.published" ]; then
      sevenspot=$published/sevenspot
      break
    fi
  done
  if [ -z "$sevenspot" ]; then
    echo "using the plain Release build" >&2
    if [ ! -x "$sevenspot_plain" ]; then
      echo "building sevenspot (Release)" >&2
      dotnet build "$here/src/Sevenspot.Cli/Sevenspot.Cli.csproj" -c Release -nologo -v quiet > /dev/null || exit 2
    fi
    sevenspot=$sevenspot_plain
  fi
fi
