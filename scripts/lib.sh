# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this
# Common settings and helpers of the rig scripts; sourced, not run.
#
# Words used everywhere:
#   kernel work tree  kernel/linux: the base commit (tag "base") plus the series (branch "series")
#   base checkout     build/base-checkout: a git worktree of the kernel work tree on the base
#                     (unpatched kernel builds and make bisect take turns on it, under a lock)
#   pin file          kernel/pin.conf: the Debian package the base comes from, with its sha256
set -euo pipefail
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
KERNEL_TREE=${KERNEL_TREE:-$TOP/kernel/linux}
PATCHES=$TOP/patches
SPEC=$TOP/tests/tests.cfg
TESTBED=$TOP/scripts/testbed
# Kernel build output: one directory per flavour so DEBUG=1 does not dirty the normal build.
if [ "${DEBUG:-0}" = 1 ]; then FLAVOUR=debug; else FLAVOUR=normal; fi
KOUT=$BUILD/kbuild-$FLAVOUR
# Caches that outlive a clone: the downloaded base and ccache.
CACHE=${PLANES_CACHE:-${XDG_CACHE_HOME:-${HOME:?set HOME or PLANES_CACHE}/.cache}/kvm-planes}
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
# Relative paths in the cache key, so that clones in other directories share the cache.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$TOP}
JOBS=${JOBS:-$(nproc)}
# Debian's Python, which has the packages scripts/deps.sh installs (pytest), even when another
# python3 comes first in PATH.
PYTHON=${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}
BASE_CHECKOUT=$BUILD/base-checkout

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_tree() {
	[ -e "$KERNEL_TREE/.git" ] || die "no kernel work tree at $KERNEL_TREE; run 'make tree' first"
}

# The patch files of the series, in order, one per line (the cover letter left out).
series_patches() {
	local p
	for p in "$PATCHES"/*.patch; do
		[ -e "$p" ] || continue
		case ${p##*/} in 0000-*) continue ;; esac
		printf '%s\n' "$p"
	done
}

# A fresh scratch checkout of the base at $1 (removed again by the caller's trap).
scratch_checkout() {
	git -C "$KERNEL_TREE" worktree remove -f "$1" 2>/dev/null || rm -rf "$1"
	git -C "$KERNEL_TREE" worktree prune
	git -C "$KERNEL_TREE" worktree add -q --detach "$1" base
}

# Hold the lock of the base checkout and of build/base until the caller exits.
base_lock() {
	mkdir -p "$BUILD"
	exec {base_lock_fd}>"$BUILD/base-checkout.lock"
	flock -n "$base_lock_fd" || {
		log "waiting for the base checkout (make bisect or a base kernel build has it)"
		flock "$base_lock_fd"
	}
}

# Take the base lock, and make the base checkout if it is missing or belongs to an older
# kernel work tree (one made again since).
base_checkout() {
	base_lock
	if [ "$(git -C "$BASE_CHECKOUT" rev-parse -q --verify base 2>/dev/null)" != \
	     "$(git -C "$KERNEL_TREE" rev-parse base)" ]; then
		rm -rf "$BASE_CHECKOUT"
		git -C "$KERNEL_TREE" worktree prune
		git -C "$KERNEL_TREE" worktree add -q --detach "$BASE_CHECKOUT" base
	fi
}

# One digest per patch of the series of patches/ (the patch files, or with --tree the commits
# base..HEAD of the kernel work tree), over author, subject, changelog and diff, so that two
# series compare equal only when they hold the same patches in the same order.
series_digests() {
	local tmp f c
	tmp=$(mktemp -d)
	if [ "${1:-}" = --tree ]; then
		for c in $(git -C "$KERNEL_TREE" rev-list --reverse base..HEAD); do
			git -C "$KERNEL_TREE" format-patch -1 --stdout --zero-commit --no-signature \
				"$c" >"$tmp/p"
			patch_digest "$tmp" "$tmp/p"
		done
	else
		while read -r f; do
			patch_digest "$tmp" "$f"
		done < <(series_patches)
	fi
	rm -rf "$tmp"
}
patch_digest() {
	git mailinfo "$1/msg" "$1/diff" <"$2" >"$1/info"
	grep -v '^Date: ' "$1/info" | cat - "$1/msg" "$1/diff" | sha256sum | cut -d' ' -f1
}

# make(1) of the KVM selftests of tree $1 into $BUILD/selftests, statically linked, with the
# UAPI headers of $BUILD/hdr; further arguments are passed on.
selftests_make() {
	local tree=$1
	shift
	make -C "$tree/tools/testing/selftests/kvm" -s -j"$JOBS" OUTPUT="$BUILD/selftests" \
		INSTALL_HDR_PATH="$BUILD/hdr" KHDR_INCLUDES="-isystem $BUILD/hdr/include" \
		CC="ccache gcc" EXTRA_CFLAGS=-static "$@"
}

# shellcheck source=../kernel/pin.conf
. "$TOP/kernel/pin.conf"
