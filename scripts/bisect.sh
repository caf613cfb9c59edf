#!/usr/bin/env bash
# make bisect: build the kernel (and the selftests) after each patch of the series, incrementally,
# and report the first patch that breaks the build.  It shares the scratch worktree and the build
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
for c in $commits; do
	i=$((i + 1))
	subj=$(git -C "$KTREE" log -1 --format=%s "$c")
	git -C "$wt" checkout -q --detach "$c"
	log "[$i] $subj"
	if ! KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/build-kernel.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (kernel build)"
		exit 1
	fi
	if ! KTREE=$wt BUILD=$BUILD/base "$TOP/scripts/build-selftests.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (selftests build)"
		exit 1
	fi
	echo "ok   [$i] $subj"
done
echo "bisect: all $i patches build"
