#!/bin/busybox sh
# PID 1 of the test bed: run every test in /tests/list with a timeout and mark its start and
# end on the console for the host-side runner (scripts/run-qemu.py).
/bin/busybox --install -s /bin
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t hugetlbfs hugetlbfs /mnt/huge 2>/dev/null
echo 64 >/proc/sys/vm/nr_hugepages 2>/dev/null
dmesg -n 7
KMEMLEAK=/sys/kernel/debug/kmemleak
if [ -w "$KMEMLEAK" ]; then
	# Forget what boot left behind; only leaks made by the tests count.
	echo scan >"$KMEMLEAK"
	echo clear >"$KMEMLEAK"
fi
cd /tests
echo "@@RIG@@ BOOTED $(uname -r)"
while read -r entry args; do
	[ -n "$entry" ] || continue
	name=${entry%%:*}
	limit=120
	[ "$name" != "$entry" ] && limit=${entry#*:}
	echo "@@RIG@@ START $name $limit"
	# shellcheck disable=SC2086 # $args: the test's own arguments, split on blanks
	timeout -s KILL "$limit" "./$name" $args </dev/null 2>&1
	rc=$?
	echo
	echo "@@RIG@@ END $name $rc"
done </tests/list
if [ -w "$KMEMLEAK" ]; then
	# kmemleak (debug kernel): two scans, as an object must look leaked twice to be reported.
	echo "@@RIG@@ START kmemleak 300"
	echo scan >"$KMEMLEAK"
	sleep 5
	echo scan >"$KMEMLEAK"
	if grep -q "unreferenced object" "$KMEMLEAK"; then
		sed 's/^/[kmemleak] /' "$KMEMLEAK"
		rc=1
	else
		rc=0
	fi
	echo
	echo "@@RIG@@ END kmemleak $rc"
fi
sync
echo "@@RIG@@ DONE"
poweroff -f
