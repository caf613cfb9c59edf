#!/usr/bin/env bash
# make bisect: build the kernel and the selftests after each patch of the series, incrementally
# in the base checkout (into build/base), boot and run the planes tests that exist at each patch
# that changes the selftests, and name the first patch that breaks the build or those tests.
# BISECT_FROM=N starts at patch N (the earlier ones are taken as checked).  The base checkout is
# put back on the base at the end.
. "$(dirname "$0")/../lib.sh"

need_tree
commits=$(git -C "$KERNEL_TREE" rev-list --reverse base..HEAD)
[ -n "$commits" ] || { log "bisect: the series is empty"; exit 0; }
base_checkout
trap 'git -C "$BASE_CHECKOUT" checkout -q --detach base' EXIT
steplog=$BUILD/base/bisect.log
mkdir -p "$BUILD/base"
# Run one step of patch $i; name the stage that broke.
step() {
	if ! KERNEL_TREE=$BASE_CHECKOUT BUILD=$BUILD/base "$@" >"$steplog" 2>&1; then
		tail -n 30 "$steplog"
		return 1
	fi
}
i=0
for c in $commits; do
	i=$((i + 1))
	[ "$i" -ge "${BISECT_FROM:-1}" ] || continue
	subj=$(git -C "$KERNEL_TREE" log -1 --format=%s "$c")
	git -C "$BASE_CHECKOUT" checkout -q --detach "$c"
	log "[$i] $subj"
	step "$TOP/scripts/build/kernel.sh" || die "first broken: patch $i: $subj (kernel build)"
	step "$TOP/scripts/build/selftests.sh" || die "first broken: patch $i: $subj (selftests build)"
	if git -C "$KERNEL_TREE" diff --quiet "$c~1" "$c" -- tools/testing/selftests/kvm; then
		echo "ok   [$i] $subj"
		continue
	fi
	n=$("$PYTHON" "$TESTBED/spec.py" "$SPEC" --group planes --present "$BUILD/base/selftests" \
		--allow-empty | wc -l)
	if [ "$n" = 0 ]; then
		echo "ok   [$i] $subj (built; no planes tests yet)"
		continue
	fi
	step "$TESTBED/run.sh" --present --group planes --out "$BUILD/base/logs/bisect-$i" ||
		die "first broken: patch $i: $subj (planes tests)"
	echo "ok   [$i] $subj (built; ran $(wc -l <"$BUILD/base/logs/bisect-$i/list") planes tests)"
done
echo "bisect: all $i patches build and pass the planes tests they have"
