# Common settings for the rig scripts; sourced, not run.
set -euo pipefail
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
KTREE=${KTREE:-$TOP/kernel/linux}
PATCHES=$TOP/patches
# Kernel build output: one directory per flavour so DEBUG=1 does not dirty the normal build.
if [ "${DEBUG:-0}" = 1 ]; then FLAVOUR=debug; else FLAVOUR=normal; fi
KOUT=$BUILD/kbuild-$FLAVOUR
# Caches that outlive a clone: the downloaded base and ccache.
CACHE=${PLANES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kvm-planes}
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
# Relative paths in the cache key, so that clones in other directories share the cache.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$TOP}
JOBS=${JOBS:-$(nproc)}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# The scratch worktree of the unpatched base (base kernel builds and make bisect share it).
BASE_WT=$BUILD/base-wt
base_worktree() {
	if [ ! -e "$BASE_WT/.git" ]; then
		git -C "$KTREE" worktree prune
		git -C "$KTREE" worktree add -q --detach "$BASE_WT" base
	fi
}
# shellcheck source=../kernel/base.conf
. "$TOP/kernel/base.conf"
