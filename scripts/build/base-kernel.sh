#!/usr/bin/env bash
# Build the kernel of the unpatched base (for before/after benchmarks) in the base checkout,
# into build/base/kbuild-$FLAVOUR.
. "$(dirname "$0")/../lib.sh"

need_tree
base_checkout
git -C "$BASE_CHECKOUT" checkout -q --detach base
KERNEL_TREE=$BASE_CHECKOUT BUILD=$BUILD/base "$TOP/scripts/build/kernel.sh"
log "unpatched base kernel: $BUILD/base/kbuild-$FLAVOUR/arch/x86/boot/bzImage"
