#!/usr/bin/env bash
# mkinitramfs.sh OUT TEST... : an initramfs with busybox-static, the named selftest binaries
# (paths relative to build/selftests, e.g. x86/cpuid_test) and an /init that runs them in order.
# Each TEST may carry a timeout as NAME:SECONDS, and arguments after a blank ("NAME:300 -t 60").
. "$(dirname "$0")/lib.sh"

out=$1; shift
root=$(mktemp -d "$BUILD/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,tests,mnt/huge}
cp /bin/busybox "$root/bin/busybox"
file /bin/busybox | grep -q 'statically linked' || die "/bin/busybox is not static (install busybox-static)"
: >"$root/tests/list"
for t in "$@"; do
	name=${t%% *}
	name=${name%%:*}
	src=$BUILD/selftests/$name
	[ -x "$src" ] || [ -x "$BUILD/bench/$name" ] || die "no such test binary: $name"
	[ -x "$src" ] || src=$BUILD/bench/$name
	mkdir -p "$root/tests/$(dirname "$name")"
	strip -o "$root/tests/$name" "$src"
	echo "$t" >>"$root/tests/list"
done
cp "$TOP/scripts/guest-init.sh" "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$out"
