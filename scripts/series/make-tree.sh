#!/usr/bin/env bash
# Make the kernel work tree: the base of the pin file as one commit tagged "base", then
# patches/ applied with git am on branch "series".  Refuses to throw away commits or edits that
# patches/ does not hold.
. "$(dirname "$0")/../lib.sh"

tarball=$("$TOP/scripts/series/fetch-base.sh")
mapfile -t series < <(series_patches)

# The version of the way the base commit is made: bump it when that changes, so that kernel
# work trees made the old way are made again.
BASE_RECIPE=2

if [ -e "$KERNEL_TREE" ] && [ -z "$(git -C "$KERNEL_TREE" config --get planes.base-recipe 2>/dev/null)" ]; then
	die "$KERNEL_TREE exists and was not made by this script; move it away first"
fi
if [ -d "$KERNEL_TREE/.git" ] && git -C "$KERNEL_TREE" rev-parse -q --verify base >/dev/null; then
	cd "$KERNEL_TREE"
	if [ -n "$(git status --porcelain)" ]; then
		git status --short | head -n 20 >&2
		die "$KERNEL_TREE has uncommitted edits or new files; commit them and run 'make export' (or discard them yourself) first"
	fi
	if git rev-parse -q --verify REBASE_HEAD >/dev/null || [ -d .git/rebase-apply ] || [ -d .git/rebase-merge ]; then
		die "$KERNEL_TREE has a rebase or git am in progress; finish or abort it first"
	fi
	# Every commit of the tree must be in patches/, changelog included, in the same order;
	# patches/ may hold more.
	have=$(series_digests --tree)
	if [ "$(grep -xFf <(echo "$have") <(series_digests) || true)" != "$have" ]; then
		git log --oneline base..HEAD >&2
		die "$KERNEL_TREE has commits that patches/ does not hold as they are; run 'make export' first (or reset the tree yourself)"
	fi
	# Unsquashed fixups would be lost as separate commits: refuse those too.
	if git log --format=%s base..HEAD | grep -qE '^(fixup|amend|squash)! '; then
		git log --oneline base..HEAD >&2
		die "$KERNEL_TREE has unsquashed fixup/amend commits; run 'git rebase -i --autosquash base' and 'make export' first"
	fi
	if [ "$(git config --get planes.tarball-sha256 || true)" != "$BASE_TARBALL_SHA256" ] ||
	   [ "$(git config --get planes.base-recipe || true)" != "$BASE_RECIPE" ]; then
		log "base changed: recreating $KERNEL_TREE"
		cd "$TOP" && rm -rf "$KERNEL_TREE"
	else
		log "resetting $KERNEL_TREE to base"
		git checkout -q --detach base
		git branch -q -f series base
		git checkout -q series
		git clean -q -fdx -e /.config
	fi
fi

if [ ! -d "$KERNEL_TREE/.git" ]; then
	log "extracting $(basename "$tarball") into $KERNEL_TREE"
	rm -rf "$KERNEL_TREE" "$KERNEL_TREE.tmp"
	mkdir -p "$KERNEL_TREE.tmp"
	tar -xJf "$tarball" -C "$KERNEL_TREE.tmp" --strip-components=1
	cd "$KERNEL_TREE.tmp"
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
	mv "$KERNEL_TREE.tmp" "$KERNEL_TREE"
fi

cd "$KERNEL_TREE"
if ((${#series[@]})); then
	log "applying ${#series[@]} patches"
	git am -q --whitespace=nowarn "${series[@]}" || {
		git am --abort || true
		die "the series does not apply on base"
	}
fi
git log --oneline base..HEAD | cat >&2
