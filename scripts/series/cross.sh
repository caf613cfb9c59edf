#!/usr/bin/env bash
# make cross: build the KVM code of every other architecture the series touches with Debian's
# cross compilers, at each patch that touches that architecture and at the end of the series
# (generic KVM changes reach every architecture), and x86 once with KVM_INTEL/KVM_AMD as modules
# and KVM_WERROR=y.  Builds in a scratch checkout; the kernel work tree is not touched.  Build
# output: build/cross/<arch>.
. "$(dirname "$0")/../lib.sh"

# arch  CROSS_COMPILE prefix  defconfig  Debian package
targets="arm64 aarch64-linux-gnu- defconfig gcc-aarch64-linux-gnu
powerpc powerpc64le-linux-gnu- ppc64le_defconfig gcc-powerpc64le-linux-gnu
s390 s390x-linux-gnu- defconfig gcc-s390x-linux-gnu
riscv riscv64-linux-gnu- defconfig gcc-riscv64-linux-gnu"

need_tree
# shellcheck disable=SC2046 # one package name per word
"$TOP/scripts/deps.sh" $(awk '{print $4}' <<<"$targets")
wt=$BUILD/cross-checkout
scratch_checkout "$wt"
trap 'git -C "$KERNEL_TREE" worktree remove -f "$wt" 2>/dev/null || true' EXIT
tip=$(git -C "$KERNEL_TREE" rev-parse HEAD)
fail=0
while read -r arch cc defconfig _; do
	out=$BUILD/cross/$arch
	kdir=arch/$arch/kvm
	# The commits that touch this architecture's code, then the tip.
	commits=$(git -C "$KERNEL_TREE" rev-list --reverse base..HEAD -- "arch/$arch")
	commits="$commits $tip"
	mk=(make -C "$wt" O="$out" ARCH="$arch" CROSS_COMPILE="$cc" -j"$JOBS" -s)
	done_list=""
	for c in $commits; do
		case " $done_list " in *" $c "*) continue ;; esac
		done_list="$done_list $c"
		git -C "$wt" checkout -q --detach "$c"
		subj=$(git -C "$wt" log -1 --format=%s)
		if [ ! -f "$out/.config" ]; then
			mkdir -p "$out"
			"${mk[@]}" "$defconfig" >/dev/null
			"$wt/scripts/config" --file "$out/.config" -e VIRTUALIZATION -e KVM
			"${mk[@]}" olddefconfig >/dev/null
		fi
		if "${mk[@]}" KCFLAGS=-Werror "$kdir/" >"$out/build.log" 2>&1; then
			echo "ok   $arch: $subj"
		else
			tail -n 20 "$out/build.log"
			echo "FAIL $arch: $subj"
			fail=1
		fi
	done
done <<<"$targets"

# x86 once more, at the tip, with KVM_INTEL and KVM_AMD as modules and KVM_WERROR=y, starting
# from the test bed's configuration.
out=$BUILD/cross/x86-modules
git -C "$wt" checkout -q --detach "$tip"
mk=(make -C "$wt" O="$out" -j"$JOBS" -s)
if [ ! -f "$out/.config" ]; then
	mkdir -p "$out"
	cp "$KOUT/.config" "$out/.config" 2>/dev/null || "${mk[@]}" tinyconfig >/dev/null
	"$wt/scripts/config" --file "$out/.config" -e MODULES -e VIRTUALIZATION -e KVM \
		-m KVM_INTEL -m KVM_AMD -e KVM_WERROR
	"${mk[@]}" olddefconfig >/dev/null
fi
if grep -q '^CONFIG_KVM_INTEL=m' "$out/.config" && grep -q '^CONFIG_KVM_AMD=m' "$out/.config" &&
	grep -q '^CONFIG_KVM_WERROR=y' "$out/.config" &&
	"${mk[@]}" arch/x86/kvm/ >"$out/build.log" 2>&1; then
	echo "ok   x86 (KVM_INTEL=m KVM_AMD=m KVM_WERROR=y): $(git -C "$wt" log -1 --format=%s)"
else
	tail -n 20 "$out/build.log" 2>/dev/null
	echo "FAIL x86 (KVM_INTEL=m KVM_AMD=m KVM_WERROR=y)"
	fail=1
fi
exit $fail
