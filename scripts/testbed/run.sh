#!/usr/bin/env bash
# run.sh [--icount] [--echo] [--present] [--group G]... [--out DIR] [TEST...]: boot the built
# kernel (or $KERNEL) in QEMU and run the named tests, or the tests of the given groups of
# tests/tests.cfg (default: regression and planes).  --present leaves out the tests whose
# binaries were not built.  Results go to DIR (default build/logs/<flavour>-<time>, linked from
# build/logs/latest): console.log, results.json and results.tap.
. "$(dirname "$0")/../lib.sh"

runner=()
select=()
groups=()
out=
while [ $# -gt 0 ]; do
	case $1 in
	--icount|--echo) runner+=("$1") ;;
	--present) select+=(--present "$BUILD/selftests" --present "$BUILD/bench") ;;
	--group) groups+=(--group "$2"); shift ;;
	--out) out=$2; shift ;;
	-*) die "unknown option $1" ;;
	*) select+=("$1") ;;
	esac
	shift
done
[ ${#groups[@]} -gt 0 ] || groups=(--group regression --group planes)
[ "$FLAVOUR" = debug ] && select+=(--debug)
kernel=${KERNEL:-$KOUT/arch/x86/boot/bzImage}
[ -f "$kernel" ] || die "no kernel at $kernel; run 'make kernel' first"
mkdir -p "$BUILD/logs"
if [ -z "$out" ]; then
	out=$BUILD/logs/$FLAVOUR-$(date +%Y%m%d-%H%M%S)
	ln -sfn "${out##*/}" "$BUILD/logs/latest"
fi
mkdir -p "$out"
"$PYTHON" "$TESTBED/spec.py" "$SPEC" "${groups[@]}" "${select[@]}" >"$out/list"
# The debug kernel boots and shuts down slower as well: scale the runner's own limits.
factor=$("$PYTHON" "$TESTBED/spec.py" "$SPEC" --timeout-factor "${select[@]}")
runner+=(--boot-timeout $((300 * factor)) --slack $((120 * factor)))
"$TESTBED/mkinitramfs.sh" "$out/initramfs.cpio" "$out/list"
log "booting $FLAVOUR kernel with $(wc -l <"$out/list") tests (results in $out)"
start=$SECONDS
rc=0
"$PYTHON" "$TESTBED/runner.py" --kernel "$kernel" --initrd "$out/initramfs.cpio" --outdir "$out" \
	--list "$out/list" "${runner[@]}" || rc=$?
rm -f "$out/initramfs.cpio"
log "test bed: $((SECONDS - start)) s wall"
exit $rc
