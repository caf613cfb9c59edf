#!/usr/bin/env bash
# Download the base named by the pin file with a private apt configuration (never the system's
# sources) and verify it.  Prints the path of the verified tarball.  Cached under $CACHE/dl.
# The archive is the Debian archive the system's apt configuration names (deb822 .sources or
# one-line sources.list); only the suite changes, so a local mirror works as well.
. "$(dirname "$0")/../lib.sh"

APT=$CACHE/apt
DL=$CACHE/dl
TARBALL=$DL/$BASE_TARBALL
mkdir -p "$APT/etc/sources.list.d" "$APT/lists/partial" "$APT/cache/archives/partial" "$DL"

sha_ok() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

if sha_ok "$TARBALL" "$BASE_TARBALL_SHA256"; then
	echo "$TARBALL"
	exit 0
fi

# The URI of the system's Debian archive, from apt's own reading of its configuration (deb822
# or one-line sources alike): the source of the system's release suite (VERSION_CODENAME),
# which needs no downloaded lists, else a source whose Release file is labelled "Debian".
archive_uri() {
	local codename uri
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
	# shellcheck disable=SC2016 # $(...) are apt's format fields, not the shell's
	uri=$(apt-get indextargets --no-release-info --format '$(TARGET_OF) $(REPO_URI) $(RELEASE)' |
		awk -v c="$codename" '$1 == "deb" && $3 == c { print $2; exit }')
	# shellcheck disable=SC2016
	[ -n "$uri" ] || uri=$(apt-get indextargets --format '$(TARGET_OF) $(REPO_URI) $(LABEL)' |
		awk '$1 == "deb" && $3 == "Debian" { print $2; exit }')
	printf '%s\n' "$uri"
}

# The keyring of the Debian archive (.pgp from trixie on, .gpg before).
keyring() {
	local k
	for k in /usr/share/keyrings/debian-archive-keyring.pgp \
		/usr/share/keyrings/debian-archive-keyring.gpg; do
		[ -f "$k" ] && { echo "$k"; return; }
	done
	die "no Debian archive keyring in /usr/share/keyrings (install debian-archive-keyring)"
}

deb=$DL/${BASE_PKG}_${BASE_VERSION//:/%3a}_all.deb
if ! sha_ok "$deb" "$BASE_DEB_SHA256"; then
	uri=$(archive_uri)
	[ -n "$uri" ] || die "no Debian archive in the system's apt configuration (/etc/apt/sources.list{,.d}); add one to fetch $BASE_PKG from $BASE_SUITE"
	cat >"$APT/etc/sources.list" <<SRC
deb [signed-by=$(keyring)] $uri $BASE_SUITE main
SRC
	opts=(-o "Dir::Etc::SourceList=$APT/etc/sources.list"
	      -o "Dir::Etc::SourceParts=$APT/etc/sources.list.d"
	      -o "Dir::State::Lists=$APT/lists"
	      -o "Dir::Cache=$APT/cache"
	      -o "APT::Sandbox::User=root")
	log "fetching $BASE_PKG $BASE_VERSION from $BASE_SUITE of $uri"
	apt-get "${opts[@]}" -q update >&2
	want=$BASE_VERSION
	versions=$(apt-cache "${opts[@]}" madison "$BASE_PKG" | awk -F'|' '{gsub(/ /,"",$2); print $2}')
	if ! grep -qxF "$BASE_VERSION" <<<"$versions"; then
		want=$(sort -V <<<"$versions" | tail -n 1)
		[ -n "$want" ] || die "$BASE_PKG is not in $BASE_SUITE of $uri"
		cat >&2 <<WARN

************************************************************************
* WARNING: pinned $BASE_PKG $BASE_VERSION has left the archive.
* Using the newest available version instead: $want
* The sha256 pins in kernel/pin.conf do NOT cover this download.
************************************************************************

WARN
	fi
	(cd "$DL" && apt-get "${opts[@]}" -q download "$BASE_PKG=$want" >&2)
	# shellcheck disable=SC2012 # the newest download; Debian package file names are plain
	deb=$(ls -t "$DL"/"${BASE_PKG}"_*_all.deb | head -n 1)
	if [ "$want" = "$BASE_VERSION" ]; then
		sha_ok "$deb" "$BASE_DEB_SHA256" || die "sha256 mismatch for $deb"
	fi
fi
rm -rf "${DL:?}/usr"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$DL" "./$BASE_TARBALL"
if [ "$(basename "$deb")" = "${BASE_PKG}_${BASE_VERSION//:/%3a}_all.deb" ]; then
	sha_ok "$TARBALL" "$BASE_TARBALL_SHA256" || die "sha256 mismatch for $TARBALL"
fi
echo "$TARBALL"
