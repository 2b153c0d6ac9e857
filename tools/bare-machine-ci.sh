#!/usr/bin/env bash
# Runs CI (.ci/run) on a fresh clone inside a bare Debian 12: debootstrap's minbase plus git, curl and
# ca-certificates, nothing installed by hand. The host's JDK 21+ is bind-mounted read-only at
# /usr/lib/jvm/host-jdk (CI machines bring a JDK; Debian 12 packages none newer than 17), and
# ../shared is copied beside the clone, as on CI. It proves that .ci/run installs every system
# package the build, the tests and the product check need. Needs root (debootstrap, chroot, mounts).
#
#   tools/bare-machine-ci.sh [COMMIT]      default: HEAD of this clone
#
# Environment: DMAS_BARE_ROOT  where the pristine Debian tree is kept (default /var/tmp/dmas-bare;
#                              made with debootstrap when missing; each run works on a fresh copy)
#              DMAS_BARE_M2    a Maven repository to bind-mount as the chroot's ~/.m2 (default: none,
#                              so the run downloads everything from Maven Central, as a new machine does)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=${1:-HEAD}
pristine=${DMAS_BARE_ROOT:-/var/tmp/dmas-bare}/pristine
work=${DMAS_BARE_ROOT:-/var/tmp/dmas-bare}/run
[ "$(id -u)" -eq 0 ] || { echo "bare-machine-ci: needs root (debootstrap, chroot, mounts)" >&2; exit 2; }
jdk=$("$repo/tools/find-jdk.sh") || { echo "bare-machine-ci: no JDK 21+ on this host to lend the chroot" >&2; exit 2; }

if [ ! -x "$pristine/bin/bash" ]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  mkdir -p "$pristine"
  debootstrap --variant=minbase --include=ca-certificates,git,curl bookworm "$pristine" http://deb.debian.org/debian
fi

mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
bind() { # $1 = host path, $2 = path inside the chroot, $3 = extra mount options
  mkdir -p "$2"; mount --bind "$1" "$2"; mounts+=("$2")
  [ -z "${3:-}" ] || mount -o "remount,bind,$3" "$2"
}

rm -rf "$work"; cp -a "$pristine" "$work"
# The chroot keeps debootstrap's missing /etc/hosts, so the host's name does not resolve there: .ci/run
# must cope with that too (the IDE's start logs "Failed to read host name" otherwise).
cp /etc/resolv.conf "$work/etc/"
# The network, not the machine: a host behind a TLS-inspecting egress proxy trusts its CA; so must the chroot.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$work/usr/local/share/ca-certificates/"
  chroot "$work" update-ca-certificates >/dev/null 2>&1
fi
mount -t proc proc "$work/proc"; mounts+=("$work/proc")
bind /sys "$work/sys" ro
bind /dev "$work/dev"
bind /dev/pts "$work/dev/pts"
bind "$jdk" "$work/usr/lib/jvm/host-jdk" ro
# The lent JDK's trust store may be a link out of the JDK (Debian's /etc/ssl/certs/java/cacerts): lend its target too.
cacerts=$(readlink -f "$jdk/lib/security/cacerts")
case $cacerts in "$jdk"/*) ;; *) mkdir -p "$work$(dirname "$cacerts")"; cp "$cacerts" "$work$cacerts" ;; esac
[ -z "${DMAS_BARE_M2:-}" ] || bind "$DMAS_BARE_M2" "$work/root/.m2"

mkdir -p "$work/work"
git clone -q --no-local "$repo" "$work/work/main"
git -C "$work/work/main" checkout -q "$(git -C "$repo" rev-parse "$commit")"
[ -d "$repo/../shared" ] && cp -a "$repo/../shared" "$work/work/shared"

echo "bare-machine-ci: running .ci/run at $(git -C "$repo" rev-parse --short "$commit") in $work"
chroot "$work" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 bash -c 'cd /work/main && time bash .ci/run'
