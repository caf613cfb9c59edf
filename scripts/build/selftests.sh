#!/usr/bin/env bash
# Build the KVM selftests of the kernel work tree, statically linked, into build/selftests.
. "$(dirname "$0")/../lib.sh"

need_tree
# The selftests' make does not rebuild every library object whose headers changed (seen:
# lib/ucall_common.o kept an old struct kvm_vcpu): start over when the library or its headers
# are not those of the last build.
kvm=tools/testing/selftests/kvm
stamp=$(git -C "$KERNEL_TREE" rev-parse "HEAD:$kvm/lib" "HEAD:$kvm/include"
	git -C "$KERNEL_TREE" diff HEAD -- "$kvm/lib" "$kvm/include")
stamp=$(sha256sum <<<"$stamp" | cut -d' ' -f1)
if [ "$(cat "$BUILD/selftests/.lib-stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$BUILD/selftests"
fi
mkdir -p "$BUILD/selftests"
log "installing UAPI headers"
make -C "$KERNEL_TREE" O="$BUILD/kbuild-hdr" -s headers_install INSTALL_HDR_PATH="$BUILD/hdr" >/dev/null
log "building KVM selftests (static)"
selftests_make "$KERNEL_TREE" >/dev/null
echo "$stamp" >"$BUILD/selftests/.lib-stamp"
