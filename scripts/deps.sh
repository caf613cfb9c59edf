#!/usr/bin/env bash
# Install the host packages the rig needs, plus any named as arguments (e.g. cross compilers).
# Idempotent: does nothing when all are present.
set -euo pipefail
pkgs=(build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils git ccache python3
      qemu-system-x86 busybox-static file kmod rsync perl gawk shellcheck python3-pytest
      util-linux debian-archive-keyring "$@")
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "==> installing: ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		SUDO=sudo
	else
		echo "error: missing packages (${missing[*]}) and not root, no passwordless sudo." >&2
		echo "       Run as root: apt-get install ${missing[*]}" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -q update >/dev/null
$SUDO apt-get -q install -y --no-install-recommends "${missing[@]}" >/dev/null
