#!/usr/bin/env bash
# The series of patches/ is what the kernel work tree holds, applies on the base with git am (no
# fuzz: git am never fuzzes) in a scratch checkout, and every patch is checkpatch --strict clean
# but for the findings kernel/checkpatch-exceptions accepts.
. "$(dirname "$0")/../lib.sh"

need_tree
EXCEPTIONS=$TOP/kernel/checkpatch-exceptions
mapfile -t series < <(series_patches)
if [ ${#series[@]} -eq 0 ]; then
	log "check: the series is empty"
	exit 0
fi
fail=0
if [ "$(series_digests --tree)" = "$(series_digests)" ]; then
	echo "ok: the kernel work tree holds the series of patches/"
else
	echo "FAIL: the kernel work tree and patches/ differ ('make export' or 'make tree')"
	fail=1
fi
base_line="base: Debian $BASE_PKG $BASE_VERSION ($BASE_SUITE)"
if grep -qxF "$base_line" "$TOP/kernel/cover-letter"; then
	echo "ok: the cover letter names the base of kernel/pin.conf"
else
	echo "FAIL: kernel/cover-letter lacks the line '$base_line'"
	fail=1
fi
wt=$BUILD/check-checkout
scratch_checkout "$wt"
trap 'git -C "$KERNEL_TREE" worktree remove -f "$wt" 2>/dev/null || true' EXIT
if ! git -C "$wt" am -q "${series[@]}"; then
	git -C "$wt" am --abort || true
	echo "FAIL: the series does not apply on base with git am"
	fail=1
else
	echo "ok: ${#series[@]} patches apply on base with git am"
fi
# Accepted findings: "subject | TYPE", from the lines of the exceptions file that give a reason.
accepted=$(sed -n '/^#/d; s/^\(.* | [A-Z_]*\) | .*[^ ].*$/\1/p' "$EXCEPTIONS")
for p in "${series[@]}"; do
	out=$("$KERNEL_TREE/scripts/checkpatch.pl" --strict --no-tree --quiet --show-types "$p" 2>&1) || true
	if [ -z "$out" ]; then
		echo "ok: checkpatch --strict ${p##*/}"
		continue
	fi
	subj=$(git mailinfo /dev/null /dev/null <"$p" | sed -n 's/^Subject: //p')
	types=$(grep -oE '^(ERROR|WARNING|CHECK):[A-Z_]+:' <<<"$out" | cut -d: -f2 | sort -u || true)
	# Output without a typed finding (checkpatch itself failed) is not accepted either.
	bad=0
	[ -n "$types" ] || bad=1
	while IFS= read -r t; do
		[ -z "$t" ] || grep -qxF "$subj | $t" <<<"$accepted" || bad=1
	done <<<"$types"
	if [ "$bad" = 1 ]; then
		echo "FAIL: checkpatch --strict: ${p##*/}"
		printf '    %s\n' "${out//$'\n'/$'\n    '}"
		fail=1
	else
		echo "ok: ${p##*/} (justified checkpatch exceptions)"
	fi
done
exit $fail
