#!/usr/bin/env bash
# make bench: run the bench group of tests/tests.cfg (the programs of bench/) on the built kernel
# twice, and print the BENCH records of each run's results.json:
#  1. instruction-count mode (-accel tcg,thread=single -icount shift=0,sleep=off): the guest
#     clock advances 1 ns per executed instruction, so "guest-ns" are instruction counts and
#     repeat exactly from run to run.  These are the figures to compare.
#  2. plain TCG: "guest-ns" are emulated wall time, dominated by the emulated VMRUN.
# With BENCH_BASE=1 the same programs first run on the unpatched base kernel (instruction-count
# mode only), for before/after figures of the series.
. "$(dirname "$0")/../lib.sh"

rc=0
# bench_run TITLE DIR [run.sh options]: run the bench group into DIR and print its figures.
bench_run() {
	local title=$1 dir=$BUILD/logs/$2
	shift 2
	rm -rf "$dir"
	"$TESTBED/run.sh" --group bench --out "$dir" "$@" >"$BUILD/logs/$(basename "$dir").txt" 2>&1 || rc=1
	echo
	echo "== $title"
	"$PYTHON" "$TESTBED/results.py" bench "$dir/results.json" || rc=1
}
mkdir -p "$BUILD/logs"
if [ "${BENCH_BASE:-0}" = 1 ]; then
	# make bisect builds into build/base too: keep it out while the base kernel runs.
	base_lock
	KERNEL=$BUILD/base/kbuild-$FLAVOUR/arch/x86/boot/bzImage \
		bench_run "UNPATCHED BASE, instruction-count mode (-icount shift=0): 1 guest-ns = 1 instruction" \
		bench-base-icount --icount
fi
bench_run "patched, instruction-count mode (-icount shift=0): 1 guest-ns = 1 executed instruction" \
	bench-icount --icount
bench_run "patched, plain TCG wall time: guest-ns = emulated nanoseconds (dominated by VMRUN emulation)" \
	bench-wall
exit $rc
