#!/usr/bin/env bash
# make demo: build and boot the patched kernel and run the planes tests with their output.
. "$(dirname "$0")/lib.sh"

[ -e "$KTREE/.git" ] || "$TOP/scripts/make-tree.sh"
"$TOP/scripts/build-kernel.sh"
"$TOP/scripts/build-selftests.sh"
if ! grep -qE '^[^#[:space:]]' "$TOP/tests/planes.list" 2>/dev/null; then
	echo "demo: tests/planes.list is empty: the series has no planes tests yet"
	exit 0
fi
exec "$TOP/scripts/run-tests.sh" --echo "$TOP/tests/planes.list"
