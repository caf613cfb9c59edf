#!/usr/bin/env bash
# stage.sh NAME CMD...: run CMD, log its wall time, and append it to $STAGE_TIMES if that is set
# (the Makefile sets it for make test).
. "$(dirname "$0")/lib.sh"

name=$1
shift
t0=$SECONDS
"$@"
line=$(printf '  %-10s %5d s' "$name" $((SECONDS - t0)))
log "stage $name done in $((SECONDS - t0)) s"
if [ -n "${STAGE_TIMES:-}" ]; then
	mkdir -p "$(dirname "$STAGE_TIMES")"
	echo "$line" >>"$STAGE_TIMES"
fi
