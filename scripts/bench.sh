#!/usr/bin/env bash
# make bench: build the kernel and the benchmark programs, then boot the test bed twice:
#  1. instruction-count mode (-accel tcg,thread=single -icount shift=0,sleep=off): the guest
#     clock advances 1 ns per executed instruction, so "guest-ns" are instruction counts and
#     repeat exactly from run to run.  These are the figures to compare.
#  2. plain TCG: "guest-ns" are emulated wall time, dominated by the emulated VMRUN.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || "$TOP/scripts/make-tree.sh"
"$TOP/scripts/build-kernel.sh"
"$TOP/scripts/build-selftests.sh"
"$TOP/scripts/build-bench.sh"
progs=()
for p in "$BUILD"/bench/x86/*; do
	[ -x "$p" ] && progs+=("x86/$(basename "$p"):600")
done
[ ${#progs[@]} -gt 0 ] || die "no benchmark programs built"
rc=0
# With BENCH_BASE=1, the same programs also run on the unpatched base kernel (instruction-count
# mode only), for before/after figures of the series.
if [ "${BENCH_BASE:-0}" = 1 ]; then
	"$TOP/scripts/build-base-kernel.sh"
	out=$BUILD/logs/bench-base-icount.txt
	mkdir -p "$BUILD/logs"
	KERNEL=$BUILD/bzImage-base "$TOP/scripts/run-tests.sh" --icount --echo "${progs[@]}" >"$out" 2>&1 || rc=1
	echo
	echo "== UNPATCHED BASE, instruction-count mode (-icount shift=0): 1 guest-ns = 1 instruction"
	grep -o 'BENCH.*' "$out" | sed 's/^BENCH //' || true
	grep -E '^(FAIL|error:)' "$out" || true
fi
for mode in icount wall; do
	out=$BUILD/logs/bench-$mode.txt
	mkdir -p "$BUILD/logs"
	if [ $mode = icount ]; then
		"$TOP/scripts/run-tests.sh" --icount --echo "${progs[@]}" >"$out" 2>&1 || rc=1
		echo
		echo "== patched, instruction-count mode (-icount shift=0): 1 guest-ns = 1 executed instruction"
	else
		"$TOP/scripts/run-tests.sh" --echo "${progs[@]}" >"$out" 2>&1 || rc=1
		echo
		echo "== patched, plain TCG wall time: guest-ns = emulated nanoseconds (dominated by VMRUN emulation)"
	fi
	grep -o 'BENCH.*' "$out" | sed 's/^BENCH //' || true
	grep -E '^(FAIL|error:)' "$out" || true
done
exit $rc
