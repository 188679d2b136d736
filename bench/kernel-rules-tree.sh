# Sourced by the kernel rule checks (kernel-patch-check.sh, kernel-report-check.sh): sets $kernel to a
# Linux 6.1 tree holding what the kernel's rules need (subset A, the include folders and
# scripts/coccinelle). $KERNEL wins; else /work/kernel/linux-source-6.1 when present; else those parts
# are extracted once from Debian's linux-source-6.1 (installed when missing, as bench/kernel-tier.sh
# does) into ${SEVENSPOT_WORK:-<repo>/.work}/linux-6.1/patch-check.
# Needs $here (the repository) and $folders (subset A's folders).
kernel=${KERNEL:-/work/kernel/linux-source-6.1}
if [ ! -d "$kernel" ] && [ -z "${KERNEL:-}" ]; then
  tarball=/usr/src/linux-source-6.1.tar.xz
  kernel=${SEVENSPOT_WORK:-$here/.work}/linux-6.1/patch-check
  if [ ! -f "$kernel/.extracted" ]; then
    if [ ! -f "$tarball" ]; then
      sudo_=; [ "$(id -u)" -eq 0 ] || sudo_=sudo
      $sudo_ apt-get update -qq && $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        linux-source-6.1 xz-utils > /dev/null
    fi
    [ -f "$tarball" ] || { echo "no kernel tree and no $tarball" >&2; exit 2; }
    echo "extracting $tarball into $kernel" >&2
    members=()
    for d in $folders include arch/x86/include scripts/coccinelle; do members+=("linux-source-6.1/$d"); done
    rm -rf "$kernel.tmp" "$kernel" && mkdir -p "$kernel.tmp" "$(dirname "$kernel")"
    tar -xJf "$tarball" -C "$kernel.tmp" "${members[@]}" && mv "$kernel.tmp/linux-source-6.1" "$kernel" && rm -rf "$kernel.tmp" \
      && touch "$kernel/.extracted" || { echo "extraction failed" >&2; exit 2; }
  fi
fi
