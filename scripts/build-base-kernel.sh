#!/usr/bin/env bash
# Build the kernel of the unpatched base (for before/after benchmarks) into
# build/bzImage-base, from a scratch worktree of the base commit.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || "$TOP/scripts/make-tree.sh"
base_worktree
KTREE=$BASE_WT BUILD=$BUILD/base "$TOP/scripts/build-kernel.sh"
cp "$BUILD/base/kbuild-$FLAVOUR/arch/x86/boot/bzImage" "$BUILD/bzImage-base"
log "unpatched base kernel: $BUILD/bzImage-base"
