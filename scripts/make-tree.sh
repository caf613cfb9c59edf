#!/usr/bin/env bash
# Build the kernel work tree: the pinned base as one commit tagged "base", then patches/ applied
# with git am.  Refuses to throw away commits or edits that patches/ does not hold.
. "$(dirname "$0")/lib.sh"

tarball=$("$TOP/scripts/fetch-base.sh")
series=()
for p in "$PATCHES"/*.patch; do
	[ -e "$p" ] || continue
	case $(basename "$p") in 0000-*) continue ;; esac
	series+=("$p")
done

# Bump when the way the base commit is made changes, so that old work trees are recreated.
BASE_RECIPE=2

patch_ids() { git patch-id --stable | cut -d' ' -f1; }

if [ -d "$KTREE/.git" ] && git -C "$KTREE" rev-parse -q --verify base >/dev/null; then
	cd "$KTREE"
	if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
		git status --short --untracked-files=no | head -n 20 >&2
		die "$KTREE has uncommitted edits; commit them and run 'make export' (or discard them yourself) first"
	fi
	if git rev-parse -q --verify REBASE_HEAD >/dev/null || [ -d .git/rebase-apply ] || [ -d .git/rebase-merge ]; then
		die "$KTREE has a rebase or git am in progress; finish or abort it first"
	fi
	have=$(git format-patch --stdout base..HEAD | patch_ids)
	saved=$( ((${#series[@]})) && cat "${series[@]}" | patch_ids || true)
	# Every commit in the tree must be in patches/ (same diff); patches/ may hold more.
	missing=$(comm -23 <(sort <<<"$have" | sed '/^$/d') <(sort <<<"$saved" | sed '/^$/d'))
	if [ -n "$missing" ]; then
		git log --oneline base..HEAD >&2
		die "$KTREE has commits that patches/ does not contain; run 'make export' first (or reset the tree yourself)"
	fi
	# Commits without a diff (empty ones, "amend!" rewordings) have no patch id, and unsquashed
	# fixups would be lost as separate commits: refuse those too.
	if [ "$(sed '/^$/d' <<<"$have" | wc -l)" -ne "$(git rev-list --count base..HEAD)" ] ||
	   git log --format=%s base..HEAD | grep -qE '^(fixup|amend|squash)! '; then
		git log --oneline base..HEAD >&2
		die "$KTREE has empty or unsquashed fixup/amend commits; run 'git rebase -i --autosquash base' and 'make export' first"
	fi
	if [ "$(git config --get planes.tarball-sha256 || true)" != "$BASE_TARBALL_SHA256" ] ||
	   [ "$(git config --get planes.base-recipe || true)" != "$BASE_RECIPE" ]; then
		log "base changed: recreating $KTREE"
		cd "$TOP" && rm -rf "$KTREE"
	else
		log "resetting $KTREE to base"
		git checkout -q --detach base
		git branch -q -f series base
		git checkout -q series
		git clean -q -fdx -e /.config
	fi
fi

if [ ! -d "$KTREE/.git" ]; then
	log "extracting $(basename "$tarball") into $KTREE"
	rm -rf "$KTREE" "$KTREE.tmp"
	mkdir -p "$KTREE.tmp"
	tar -xJf "$tarball" -C "$KTREE.tmp" --strip-components=1
	cd "$KTREE.tmp"
	git init -q -b series
	git config user.name "${GIT_AUTHOR_NAME:-KVM Planes Developers}"
	git config user.email "${GIT_AUTHOR_EMAIL:-kvm-planes@example.org}"
	git config gc.auto 0
	git config planes.tarball-sha256 "$BASE_TARBALL_SHA256"
	git config planes.base-recipe "$BASE_RECIPE"
	# Debian's .gitignore ends with "/*" (ignore everything at the top level, for its
	# packaging repository), which would hide every new file of the series from git.
	sed -i '/^# Debian packaging/,$d' .gitignore
	git add -A -f .
	git commit -q -m "Linux $BASE_PKG $BASE_VERSION (Debian base tree)" \
		-m "Debian's top-level ignore rule removed from .gitignore."
	git tag base
	cd "$TOP"
	mv "$KTREE.tmp" "$KTREE"
fi

cd "$KTREE"
if ((${#series[@]})); then
	log "applying ${#series[@]} patches"
	git am -q --whitespace=nowarn "${series[@]}" || {
		git am --abort || true
		die "the series does not apply on base"
	}
fi
git log --oneline base..HEAD | cat >&2
