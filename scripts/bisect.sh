#!/usr/bin/env bash
# make bisect: build the kernel (and the selftests) after each patch of the series, incrementally,
# run the planes tests after each patch that changes the selftests, and report the first patch
# that breaks the build or those tests.  It shares the scratch worktree and the build
# directory of the unpatched base kernel (scripts/build-base-kernel.sh), so that the first step
# is an incremental build on top of the base, and puts the worktree back on the base at the end.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || die "no work tree; run 'make tree' first"
commits=$(git -C "$KTREE" rev-list --reverse base..HEAD)
[ -n "$commits" ] || { log "bisect: the series is empty"; exit 0; }
base_worktree
wt=$BASE_WT
trap 'git -C "$wt" checkout -q --detach base' EXIT
i=0
# BISECT_FROM=N starts at patch N (the earlier ones are taken as checked).
from=${BISECT_FROM:-1}
for c in $commits; do
	i=$((i + 1))
	subj=$(git -C "$KTREE" log -1 --format=%s "$c")
	[ "$i" -ge "$from" ] || continue
	git -C "$wt" checkout -q --detach "$c"
	log "[$i] $subj"
	if ! KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/build-kernel.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (kernel build)"
		exit 1
	fi
	# The selftests' make does not rebuild every library object whose headers changed (seen:
	# lib/ucall_common.o kept an old struct kvm_vcpu); start over when the library changes.
	if ! git -C "$KTREE" diff --quiet "$c~1" "$c" -- tools/testing/selftests/kvm/include \
		tools/testing/selftests/kvm/lib; then
		rm -rf "$BUILD/base/selftests"
	fi
	if ! KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/build-selftests.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (selftests build)"
		exit 1
	fi
	# A patch that changes the selftests must leave the series' own tests passing: boot the
	# kernel of this step and run those of tests/planes.list that exist at this step.
	if git -C "$KTREE" diff --quiet "$c~1" "$c" -- tools/testing/selftests/kvm; then
		echo "ok   [$i] $subj"
		continue
	fi
	now=()
	while read -r t; do
		t=${t%%#*}
		t=$(echo $t)
		[ -n "$t" ] && [ -x "$BUILD/base/selftests/${t%%[: ]*}" ] && now+=("$t")
	done <"$TOP/tests/planes.list"
	if [ ${#now[@]} -gt 0 ] && ! KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/run-tests.sh" "${now[@]}" \
		>"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (planes tests)"
		exit 1
	fi
	echo "ok   [$i] $subj (built; ran ${#now[@]} planes tests)"
done
echo "bisect: all $i patches build and pass the planes tests they have"
