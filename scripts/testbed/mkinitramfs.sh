#!/usr/bin/env bash
# mkinitramfs.sh OUT LIST: an initramfs with busybox-static, guest/init as /init, the test list
# LIST (lines "NAME TIMEOUT ARGS", from scripts/testbed/spec.py) as /tests/list, and the binaries
# it names, from build/selftests or build/bench.
. "$(dirname "$0")/../lib.sh"

out=$1 list=$2
root=$(mktemp -d "$BUILD/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,tests,mnt/huge}
file -L /bin/busybox | grep -q 'statically linked' || die "/bin/busybox is not static (install busybox-static)"
cp /bin/busybox "$root/bin/busybox"
while read -r name _; do
	src=$BUILD/selftests/$name
	[ -x "$src" ] || src=$BUILD/bench/$name
	[ -x "$src" ] || die "no such test binary: $name (in $BUILD/selftests or $BUILD/bench)"
	mkdir -p "$root/tests/$(dirname "$name")"
	strip -o "$root/tests/$name" "$src"
done <"$list"
cp "$list" "$root/tests/list"
cp "$TOP/guest/init" "$root/init"
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) >"$out"
