#!/usr/bin/env bash
# The series applies on the pinned base with git am (no fuzz: git am never fuzzes) and every
# patch is checkpatch --strict clean.  Uses a scratch worktree; the work tree is not touched.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || "$TOP/scripts/make-tree.sh"
EXCEPTIONS=$TOP/kernel/checkpatch-exceptions
series=()
for p in "$PATCHES"/*.patch; do
	[ -e "$p" ] || continue
	case $(basename "$p") in 0000-*) continue ;; esac
	series+=("$p")
done
if [ ${#series[@]} -eq 0 ]; then
	log "check: the series is empty"
	exit 0
fi
wt=$BUILD/check-wt
git -C "$KTREE" worktree remove -f "$wt" 2>/dev/null || rm -rf "$wt"
git -C "$KTREE" worktree prune
git -C "$KTREE" worktree add -q --detach "$wt" base
trap 'git -C "$KTREE" worktree remove -f "$wt" 2>/dev/null || true' EXIT
fail=0
if ! git -C "$wt" am -q "${series[@]}"; then
	git -C "$wt" am --abort || true
	echo "FAIL: the series does not apply on base with git am"
	fail=1
else
	echo "ok: ${#series[@]} patches apply on base with git am"
fi
for p in "${series[@]}"; do
	out=$("$KTREE/scripts/checkpatch.pl" --strict --no-tree --quiet --show-types "$p" 2>&1) || true
	if [ -n "$out" ]; then
		# Accepted findings are listed per patch subject in kernel/checkpatch-exceptions.
		subj=$(git mailinfo /dev/null /dev/null <"$p" | sed -n 's/^Subject: //p')
		bad=0
		while IFS= read -r t; do
			grep -qxF "$subj | $t" < <(grep -v '^#' "$EXCEPTIONS" | sed 's/ | [^|]*$//') || bad=1
		done < <(grep -oE '^(ERROR|WARNING|CHECK):[A-Z_]+:' <<<"$out" | cut -d: -f2 | sort -u)
		if [ "$bad" = 1 ]; then
			echo "FAIL: checkpatch --strict: $(basename "$p")"
			sed 's/^/    /' <<<"$out"
			fail=1
			continue
		fi
		echo "ok: $(basename "$p") (justified checkpatch exceptions)"
	else
		echo "ok: checkpatch --strict $(basename "$p")"
	fi
done
exit $fail
