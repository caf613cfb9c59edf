#!/usr/bin/env bash
# Write base..HEAD of the kernel work tree into patches/ with git format-patch, with the cover
# letter made from kernel/cover-letter (first paragraph: subject; the rest: body, up to the
# shortlog and diffstat format-patch adds), and remove patch files no longer in the series.
. "$(dirname "$0")/../lib.sh"

need_tree
cd "$KERNEL_TREE"
[ -z "$(git status --porcelain)" ] ||
	die "$KERNEL_TREE has uncommitted edits or new files; commit them first"
branch=$(git branch --show-current)
[ -n "$branch" ] || die "$KERNEL_TREE is not on a branch"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(git rev-list --count base..HEAD)
if [ "$n" -gt 0 ]; then
	# Date the cover letter as the last commit, so that an unchanged series exports unchanged.
	# The developer's git configuration must not shape the patches (prefixes, sign-offs).
	GIT_COMMITTER_DATE=$(git log -1 --format=%cD) GIT_CONFIG_GLOBAL=/dev/null git \
		-c "branch.$branch.description=$(cat "$TOP/kernel/cover-letter")" \
		format-patch -q --zero-commit --no-signature --cover-letter \
		--cover-from-description=subject -o "$tmp" base..HEAD
fi
mkdir -p "$PATCHES"
rm -f "$PATCHES"/*.patch
if [ "$n" -gt 0 ]; then
	cp "$tmp"/*.patch "$PATCHES"/
fi
log "exported $n patches into $PATCHES"
ls "$PATCHES" >&2
