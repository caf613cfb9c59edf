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
cd /tests
echo "@@RIG@@ BOOTED $(uname -r)"
while read -r entry; do
	[ -n "$entry" ] || continue
	name=${entry%%:*}
	limit=120
	[ "$name" != "$entry" ] && limit=${entry#*:}
	echo "@@RIG@@ START $name $limit"
	timeout -s KILL "$limit" "./$name" </dev/null 2>&1
	rc=$?
	echo
	echo "@@RIG@@ END $name $rc"
done </tests/list
sync
echo "@@RIG@@ DONE"
poweroff -f
