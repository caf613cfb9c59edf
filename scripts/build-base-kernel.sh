#!/usr/bin/env bash
# Build the kernel of the unpatched base (for before/after benchmarks) into
# build/bzImage-base, from a scratch worktree of the base commit.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || "$TOP/scripts/make-tree.sh"
wt=$BUILD/base-wt
if [ ! -e "$wt/.git" ]; then
	git -C "$KTREE" worktree prune
	git -C "$KTREE" worktree add -q --detach "$wt" base
fi
KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/build-kernel.sh"
cp "$BUILD/base/kbuild-$FLAVOUR/arch/x86/boot/bzImage" "$BUILD/bzImage-base"
log "unpatched base kernel: $BUILD/bzImage-base"
