#!/usr/bin/env bash
# Build the benchmark programs of bench/ against the selftest library of the kernel work tree
# (after scripts/build/selftests.sh) into build/bench.
. "$(dirname "$0")/../lib.sh"

need_tree
log "building benchmark programs"
selftests_make "$KERNEL_TREE" -f "$TOP/bench/bench.mk" BENCH_DIR="$TOP/bench" \
	BENCH_OUT="$BUILD/bench" bench
