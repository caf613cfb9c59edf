#!/usr/bin/env bash
# Write base..HEAD of the work tree into patches/ with git format-patch, keep the cover letter's
# subject and blurb, and remove patch files that are no longer part of the series.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || die "no work tree; run 'make tree' first"
cd "$KTREE"
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	die "$KTREE has uncommitted edits; commit them first"
mkdir -p "$PATCHES"
old_cover=$(ls "$PATCHES"/0000-*.patch 2>/dev/null | head -n 1 || true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(git rev-list --count base..HEAD)
if [ "$n" -gt 0 ]; then
	git format-patch -q --zero-commit --no-signature --cover-letter -o "$tmp" base..HEAD
fi
cover=$(ls "$tmp"/0000-*.patch 2>/dev/null || true)
if [ -n "$cover" ] && [ -n "$old_cover" ]; then
	python3 - "$old_cover" "$cover" <<'PY'
import re, sys
old = open(sys.argv[1]).read()
new = open(sys.argv[2]).read()
m = re.search(r"^Subject: \[PATCH[^\]]*\] (.*(?:\n .*)*)$", old, re.M)
subject = m.group(1) if m else None
head, _, body = old.partition("\n\n")
# The blurb runs up to the shortlog that format-patch appends ("Name (N):").
blurb = re.split(r"^\S.* \(\d+\):$", body, maxsplit=1, flags=re.M)[0].rstrip() + "\n"
if subject and "*** SUBJECT HERE ***" in new:
    new = new.replace("*** SUBJECT HERE ***", subject, 1)
if "*** BLURB HERE ***" in new and "*** BLURB HERE ***" not in blurb:
    new = new.replace("*** BLURB HERE ***\n", blurb, 1)
open(sys.argv[2], "w").write(new)
PY
fi
rm -f "$PATCHES"/*.patch
if [ "$n" -gt 0 ]; then
	cp "$tmp"/*.patch "$PATCHES"/
fi
log "exported $n patches into $PATCHES"
ls "$PATCHES" >&2
