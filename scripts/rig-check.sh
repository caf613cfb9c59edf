#!/usr/bin/env bash
# make rig-check: the rig's own tests, without QEMU: the runner's unit tests and recorded
# consoles (tests/rig), and shellcheck of every shell script (settings in .shellcheckrc).
. "$(dirname "$0")/lib.sh"

cd "$TOP"
rc=0
"$PYTHON" -m pytest -q -p no:cacheprovider tests/rig || rc=1
mapfile -t scripts < <(find scripts -name "*.sh" | sort; echo guest/init; echo .ci/run)
if shellcheck "${scripts[@]}"; then
	echo "ok: shellcheck (${#scripts[@]} scripts)"
else
	rc=1
fi
exit $rc
