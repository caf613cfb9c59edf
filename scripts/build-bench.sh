#!/usr/bin/env bash
# Build the benchmark programs of bench/ against the selftest library of the work tree.
. "$(dirname "$0")/lib.sh"
HDR=$BUILD/hdr
[ -d "$BUILD/selftests/lib" ] || "$TOP/scripts/build-selftests.sh"
log "building benchmark programs"
make -C "$KTREE/tools/testing/selftests/kvm" -f "$TOP/bench/bench.mk" -s -j"$JOBS" \
	OUTPUT="$BUILD/selftests" BENCH_DIR="$TOP/bench" BENCH_OUT="$BUILD/bench" \
	INSTALL_HDR_PATH="$HDR" KHDR_INCLUDES="-isystem $HDR/include" \
	CC="ccache gcc" EXTRA_CFLAGS=-static bench
