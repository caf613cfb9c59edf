#!/usr/bin/env bash
# Download the pinned base tree with a private apt configuration (never the system's sources)
# and verify it.  Prints the path of the verified tarball.  Cached under $CACHE/dl.
. "$(dirname "$0")/lib.sh"

APT=$CACHE/apt
DL=$CACHE/dl
TARBALL=$DL/$BASE_TARBALL
mkdir -p "$APT/etc/sources.list.d" "$APT/lists/partial" "$APT/cache/archives/partial" "$DL"

sha_ok() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

if sha_ok "$TARBALL" "$BASE_TARBALL_SHA256"; then
	echo "$TARBALL"
	exit 0
fi

deb=$DL/${BASE_PKG}_${BASE_VERSION//:/%3a}_all.deb
if ! sha_ok "$deb" "$BASE_DEB_SHA256"; then
	cat >"$APT/etc/sources.list" <<SRC
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie-backports main
SRC
	opts=(-o "Dir::Etc::SourceList=$APT/etc/sources.list"
	      -o "Dir::Etc::SourceParts=$APT/etc/sources.list.d"
	      -o "Dir::State::Lists=$APT/lists"
	      -o "Dir::Cache=$APT/cache"
	      -o "APT::Sandbox::User=root")
	log "fetching $BASE_PKG $BASE_VERSION from trixie-backports"
	apt-get "${opts[@]}" -q update >&2
	want=$BASE_VERSION
	if ! apt-cache "${opts[@]}" madison "$BASE_PKG" | grep -q "| $BASE_VERSION |"; then
		want=$(apt-cache "${opts[@]}" madison "$BASE_PKG" | awk -F'|' '{gsub(/ /,"",$2); print $2}' |
		       sort -V | tail -n 1)
		[ -n "$want" ] || die "$BASE_PKG is not in trixie-backports"
		cat >&2 <<WARN

************************************************************************
* WARNING: pinned $BASE_PKG $BASE_VERSION has left the archive.
* Using the newest available version instead: $want
* The sha256 pins in kernel/base.conf do NOT cover this download.
************************************************************************

WARN
	fi
	(cd "$DL" && apt-get "${opts[@]}" -q download "$BASE_PKG=$want" >&2)
	deb=$(ls -t "$DL"/"${BASE_PKG}"_*_all.deb | head -n 1)
	if [ "$want" = "$BASE_VERSION" ]; then
		sha_ok "$deb" "$BASE_DEB_SHA256" || die "sha256 mismatch for $deb"
	fi
fi
rm -rf "$DL/usr"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$DL" "./$BASE_TARBALL"
if [ "$(basename "$deb")" = "${BASE_PKG}_${BASE_VERSION//:/%3a}_all.deb" ]; then
	sha_ok "$TARBALL" "$BASE_TARBALL_SHA256" || die "sha256 mismatch for $TARBALL"
fi
echo "$TARBALL"
