#!/usr/bin/env bash
# run-tests.sh [--icount] [--echo] [TEST|LISTFILE ...]: boot the built kernel in QEMU and run the
# given selftests (default: tests/regression.list and tests/planes.list).  TEST is a path below
# build/selftests (e.g. x86/cpuid_test), optionally NAME:TIMEOUT; a LISTFILE holds one per line,
# where the test's arguments may follow after a blank.
. "$(dirname "$0")/lib.sh"

qargs=()
items=()
for a in "$@"; do
	case $a in
	--icount|--echo|--quiet-pass) qargs+=("$a") ;;
	*) items+=("$a") ;;
	esac
done
[ ${#items[@]} -gt 0 ] || items=("$TOP/tests/regression.list" "$TOP/tests/planes.list")
tests=()
for it in "${items[@]}"; do
	if [ -f "$it" ]; then
		while read -r line; do
			line=${line%%#*}
			line=$(echo $line)
			[ -n "$line" ] && tests+=("$line")
		done <"$it"
	else
		tests+=("$it")
	fi
done
[ ${#tests[@]} -gt 0 ] || die "no tests to run"
kernel=${KERNEL:-$KOUT/arch/x86/boot/bzImage}
[ -f "$kernel" ] || die "no kernel at $kernel; run 'make kernel' first"
mkdir -p "$BUILD/logs"
initrd=$BUILD/initramfs-run.cpio
"$TOP/scripts/mkinitramfs.sh" "$initrd" "${tests[@]}"
stamp=$(date +%Y%m%d-%H%M%S)
logf=$BUILD/logs/console-$FLAVOUR-$stamp.log
log "booting $FLAVOUR kernel with ${#tests[@]} tests (console log: $logf)"
start=$SECONDS
rc=0
python3 "$TOP/scripts/run-qemu.py" --kernel "$kernel" --initrd "$initrd" --log "$logf" \
	"${qargs[@]}" || rc=$?
ln -sf "$(basename "$logf")" "$BUILD/logs/console-latest.log"
log "test bed: $((SECONDS - start)) s wall"
exit $rc
