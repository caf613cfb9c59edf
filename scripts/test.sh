#!/usr/bin/env bash
# make test: dependencies, a fresh work tree from patches/, checks, kernel and selftest builds,
# then the regression set and the planes tests in the QEMU test bed.
. "$(dirname "$0")/lib.sh"

times=()
stage() {
	local name=$1; shift
	local t0=$SECONDS
	log "stage: $name"
	"$@"
	times+=("$(printf '%-10s %4d s' "$name" $((SECONDS - t0)))")
}
report() {
	echo "stage times:"
	printf '  %s\n' "${times[@]}"
}
trap report EXIT
stage deps "$TOP/scripts/deps.sh"
stage tree "$TOP/scripts/make-tree.sh"
stage check "$TOP/scripts/check.sh"
stage kernel "$TOP/scripts/build-kernel.sh"
stage selftests "$TOP/scripts/build-selftests.sh"
stage run "$TOP/scripts/run-tests.sh"
