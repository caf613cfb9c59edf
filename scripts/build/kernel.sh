#!/usr/bin/env bash
# Configure (tinyconfig + fragments) and build bzImage of the kernel work tree out of tree,
# with ccache, into build/kbuild-$FLAVOUR.
# DEBUG=1 adds kernel/config/debug.config and builds into a separate directory.
. "$(dirname "$0")/../lib.sh"

need_tree
mkdir -p "$KOUT"
frags=("$TOP/kernel/config/base.config")
[ "$FLAVOUR" = debug ] && frags+=("$TOP/kernel/config/debug.config")

# Regenerate .config only when a fragment changed, so incremental builds stay incremental.
stamp=$KOUT/.fragments.sha
want=$(cat "${frags[@]}" | sha256sum | cut -d' ' -f1)
mk=(make -C "$KERNEL_TREE" O="$KOUT" -j"$JOBS" CC="ccache gcc" HOSTCC="ccache gcc" KBUILD_BUILD_TIMESTAMP="2026-01-01 00:00:00 UTC"
    KBUILD_BUILD_USER=rig KBUILD_BUILD_HOST=rig)
if [ ! -f "$KOUT/.config" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	log "configuring ($FLAVOUR): tinyconfig + ${frags[*]##*/}"
	"${mk[@]}" -s tinyconfig >/dev/null
	KCONFIG_CONFIG=$KOUT/.config "$KERNEL_TREE/scripts/kconfig/merge_config.sh" -m -O "$KOUT" \
		"$KOUT/.config" "${frags[@]}" >/dev/null
	"${mk[@]}" -s olddefconfig >/dev/null
	# Report fragment options that did not stick (typos or unmet dependencies).
	for f in "${frags[@]}"; do
		grep -E '^CONFIG_[A-Z0-9_]+=' "$f" | while IFS= read -r line; do
			opt=${line%%=*} val=${line#*=}
			if [ "$val" = n ]; then
				if grep -q "^$opt=" "$KOUT/.config"; then
					echo "warning: $opt=n did not stick" >&2
				fi
			elif ! grep -qx "$line" "$KOUT/.config"; then
				echo "warning: $line did not stick" >&2
			fi
		done
	done
	echo "$want" >"$stamp"
fi
log "building bzImage ($FLAVOUR) with $JOBS jobs"
"${mk[@]}" -s bzImage
ls -l "$KOUT/arch/x86/boot/bzImage" >&2
