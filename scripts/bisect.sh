#!/usr/bin/env bash
# make bisect: build the kernel (and the selftests) after each patch of the series, incrementally
# in a scratch worktree, and report the first patch that breaks the build.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || die "no work tree; run 'make tree' first"
commits=$(git -C "$KTREE" rev-list --reverse base..HEAD)
[ -n "$commits" ] || { log "bisect: the series is empty"; exit 0; }
# Same relative layout as kernel/linux and build/kbuild-*, so that ccache (CCACHE_BASEDIR) hits.
wt=$BUILD/bisect/kernel/linux
git -C "$KTREE" worktree remove -f "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$KTREE" worktree prune
mkdir -p "$(dirname "$wt")"
git -C "$KTREE" worktree add -q --detach "$wt" base
trap 'git -C "$KTREE" worktree remove -f "$wt" 2>/dev/null || true' EXIT
i=0
for c in $commits; do
	i=$((i + 1))
	subj=$(git -C "$KTREE" log -1 --format=%s "$c")
	git -C "$wt" checkout -q --detach "$c"
	log "[$i] $subj"
	if ! KTREE=$wt BUILD=$BUILD/bisect "$TOP/scripts/build-kernel.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (kernel build)"
		exit 1
	fi
	if ! KTREE=$wt BUILD=$BUILD/bisect "$TOP/scripts/build-selftests.sh" >"$BUILD/bisect.log" 2>&1; then
		tail -n 30 "$BUILD/bisect.log"
		echo "FIRST BROKEN: patch $i: $subj (selftests build)"
		exit 1
	fi
	echo "ok   [$i] $subj"
done
echo "bisect: all $i patches build"
