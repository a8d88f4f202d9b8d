#!/usr/bin/env bash
# Builds dist/clinic-kiosk_<version>_<arch>.deb from the frozen build in dist/clinic-kiosk/
# (run packaging/build-frozen.sh first).  Needs dpkg-deb (always there on Debian/Ubuntu),
# binutils (readelf) and the repo's .venv.  Idempotent: the package tree is staged afresh in
# build/deb/.  MAINTAINER=... overrides the control file's Maintainer field;
# DEB_COMPRESSION=... dpkg-deb's compression options (default -Zxz; `make test` uses -Zgzip -z1).
#
# Package layout:
#   /opt/clinic-kiosk/                      the frozen program (never edited by IT)
#   /usr/bin/kiosk                          the command (a two-line wrapper)
#   /usr/share/clinic-kiosk/defaults/       kiosk.toml and content/: the defaults postinst puts
#                                           in /etc/clinic-kiosk (no conffiles: see postinst)
#   /usr/lib/systemd/system/clinic-kiosk.service
#   /usr/libexec/clinic-kiosk/cage-session  what the unit runs: cage, turned per display.env
#   /usr/lib/udev/rules.d/70-clinic-kiosk-touch.rules   touch input turned with the screen
#   /usr/share/applications/clinic-kiosk.desktop
#   /usr/share/clinic-kiosk/x11/            the X11 alternative (not enabled)
#   /usr/share/doc/clinic-kiosk/            the IT guide, copyright, the annotated example config
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VENV=${VENV:-$REPO/.venv}
PYTHON=$VENV/bin/python
FROZEN=dist/clinic-kiosk
LINUX=packaging/linux

VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' kiosk/__init__.py)
ARCH=$(dpkg --print-architecture)
GLIBC=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
# Set your own: make package MAINTAINER='Clinic IT <it@your.clinic>'.  The default's .invalid
# domain (RFC 2606) says plainly that nobody has set one.
MAINTAINER=${MAINTAINER:-Clinic kiosk IT <it@clinic.invalid>}
DEB=dist/clinic-kiosk_${VERSION}_${ARCH}.deb
STAGE=build/deb/clinic-kiosk_${VERSION}_${ARCH}

[ -n "$VERSION" ] || { echo "cannot read __version__ from kiosk/__init__.py" >&2; exit 1; }
changelog_version=$(sed -n '1s/^clinic-kiosk (\([^)]*\)).*/\1/p' "$LINUX/changelog")
if [ "$changelog_version" != "$VERSION" ]; then
    echo "packaging/linux/changelog's newest entry is $changelog_version, kiosk/__init__.py says $VERSION: add an entry" >&2
    exit 1
fi
if [ ! -x "$FROZEN/clinic-kiosk" ]; then
    echo "no frozen build in $FROZEN; run: bash packaging/build-frozen.sh" >&2
    exit 1
fi
frozen_version=$("$FROZEN/clinic-kiosk" --version)
if [ "$frozen_version" != "kiosk $VERSION" ]; then
    echo "$FROZEN is '$frozen_version' but kiosk/__init__.py says $VERSION; rebuild it" >&2
    exit 1
fi

start=$(date +%s)
rm -rf "$STAGE" "$DEB"
DEFAULTS=$STAGE/usr/share/clinic-kiosk/defaults
mkdir -p "$STAGE/opt" "$DEFAULTS" "$STAGE/DEBIAN"

# The program, and the files around it.
cp -a "$FROZEN" "$STAGE/opt/clinic-kiosk"
install -D -m 0755 "$LINUX/kiosk" "$STAGE/usr/bin/kiosk"
install -D -m 0644 "$LINUX/clinic-kiosk.service" "$STAGE/usr/lib/systemd/system/clinic-kiosk.service"
install -D -m 0755 "$LINUX/cage-session" "$STAGE/usr/libexec/clinic-kiosk/cage-session"
install -D -m 0644 "$LINUX/70-clinic-kiosk-touch.rules" \
    "$STAGE/usr/lib/udev/rules.d/70-clinic-kiosk-touch.rules"
install -D -m 0644 "$LINUX/clinic-kiosk.desktop" "$STAGE/usr/share/applications/clinic-kiosk.desktop"
install -D -m 0755 "$LINUX/x11/kiosk-xsession" "$STAGE/usr/share/clinic-kiosk/x11/kiosk-xsession"
install -D -m 0644 "$LINUX/x11/clinic-kiosk-x11.service" \
    "$STAGE/usr/share/clinic-kiosk/x11/clinic-kiosk-x11.service"
install -D -m 0644 packaging/README.md "$STAGE/usr/share/doc/clinic-kiosk/README.md"
install -D -m 0644 "$LINUX/copyright" "$STAGE/usr/share/doc/clinic-kiosk/copyright"
gzip -9n <"$LINUX/changelog" >"$STAGE/usr/share/doc/clinic-kiosk/changelog.gz"
mkdir -p "$STAGE/usr/share/man/man1"
gzip -9n <"$LINUX/kiosk.1" >"$STAGE/usr/share/man/man1/kiosk.1.gz"
install -D -m 0644 "$LINUX/lintian-overrides" "$STAGE/usr/share/lintian/overrides/clinic-kiosk"
if [ -f packaging/kiosk.example.toml ]; then
    install -D -m 0644 packaging/kiosk.example.toml \
        "$STAGE/usr/share/doc/clinic-kiosk/kiosk.example.toml"
fi

# The defaults of the config and the content IT edits (the content bundled in the frozen build).
"$PYTHON" "$LINUX/make-config.py" "$DEFAULTS/kiosk.toml"
cp -a "$FROZEN/_internal/content" "$DEFAULTS/content"

# Normal permissions whatever the umask or checkout said; shared libraries need no x bit.
find "$STAGE" -path "$STAGE/DEBIAN" -prune -o -type d -exec chmod 0755 {} +
find "$STAGE/usr/share" "$STAGE/usr/lib" -type f -exec chmod 0644 {} +
find "$STAGE/opt" -type f -name '*.so*' -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/share/clinic-kiosk/x11/kiosk-xsession"

# The shipped config and content must pass the kiosk's own check, with nothing to report.
report=$("$STAGE/opt/clinic-kiosk/clinic-kiosk" check --config "$DEFAULTS/kiosk.toml" \
    --content "$DEFAULTS/content" 2>&1) || {
    echo "the shipped config or content fails 'kiosk check':" >&2
    echo "$report" >&2
    exit 1
}
if [ "$(echo "$report" | grep -cv '^OK: ')" -ne 0 ]; then
    echo "'kiosk check' reports problems in the shipped config or content:" >&2
    echo "$report" >&2
    exit 1
fi

# DEBIAN/: control and the maintainer scripts.  No conffiles: nothing under /etc is shipped.
installed_size=$(du -sk --apparent-size --exclude=DEBIAN "$STAGE" | cut -f1)
# The template lists one dependency a line; a binary package's relationship fields are one line.
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@GLIBC@/$GLIBC/" \
    -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s|@MAINTAINER@|$MAINTAINER|" \
    "$LINUX/control.in" |
    awk '/^[A-Za-z-]+:/ { folding = ($1 ~ /^(Depends|Recommends|Suggests):$/) }
         folding && /^ / { sub(/^ +/, " "); printf "%s", $0; next }
         NR > 1 { print "" } { printf "%s", $0 } END { print "" }' >"$STAGE/DEBIAN/control"
install -m 0755 "$LINUX/postinst" "$LINUX/prerm" "$LINUX/postrm" "$STAGE/DEBIAN/"
chmod 0644 "$STAGE/DEBIAN/control"

# Every library the program takes from the system must come from a package in Depends.
"$PYTHON" "$LINUX/check-deps.py" --control "$STAGE/DEBIAN/control" "$STAGE/opt/clinic-kiosk" \
    >build/deb/system-libraries.txt
echo "System libraries checked against Depends (list in build/deb/system-libraries.txt)"

# shellcheck disable=SC2086  # DEB_COMPRESSION holds several options
dpkg-deb --root-owner-group ${DEB_COMPRESSION:--Zxz} --build "$STAGE" "$DEB"
dpkg-deb --info "$DEB" >/dev/null
echo "Built $DEB ($(du -h "$DEB" | cut -f1), installed $((installed_size / 1024)) MiB) in $(($(date +%s) - start)) s"
