#!/usr/bin/env bash
# Build the KVM selftests of the work tree, statically linked, into build/selftests.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || die "no work tree; run 'make tree' first"
HDR=$BUILD/hdr
OUT=$BUILD/selftests
mkdir -p "$OUT"
log "installing UAPI headers"
make -C "$KTREE" O="$BUILD/kbuild-hdr" -s headers_install INSTALL_HDR_PATH="$HDR" >/dev/null
log "building KVM selftests (static)"
make -C "$KTREE/tools/testing/selftests/kvm" -s -j"$JOBS" OUTPUT="$OUT" \
	INSTALL_HDR_PATH="$HDR" KHDR_INCLUDES="-isystem $HDR/include" \
	CC="ccache gcc" EXTRA_CFLAGS=-static >/dev/null
