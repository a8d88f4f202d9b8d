#!/usr/bin/env bash
# Installs the .deb in a throwaway copy-on-write view of this machine and checks what it does;
# nothing on the real machine changes.  Needs root, unshare and overlayfs (a Debian/Ubuntu
# machine, VM or privileged container); apt-get fetches missing Depends (and grim) in the overlay.
#
#   sudo bash packaging/linux/test-install.sh [dist/clinic-kiosk_<version>_<arch>.deb]
#
# 1. A 0.1.0-layout package (config and content as dpkg conffiles, 0.1.0's maintainer scripts and
#    unit from git history) is installed, IT edits the config and a content file, and the new
#    .deb is installed over it as unattended tools do: `apt-get install -y ./new.deb </dev/null`.
#    It must finish without a question, keep both edits, update the file IT did not edit, and
#    leave no *.dpkg-* files.
# 2. The result: the kiosk user, folders and permissions (state and logs readable by group adm),
#    the unit enabled, `systemd-analyze verify` and `security` (<= 2.0), `kiosk check` as root
#    and as the kiosk user.
# 3. The kiosk comes back: what the unit runs, minus systemd: cage-session (cage, headless backend,
#    turned 90 degrees by /etc/clinic-kiosk/display.env) running /usr/bin/kiosk as user kiosk with
#    the unit's environment, in a network namespace of its own, with the root file system
#    read-only except the unit's ReadWritePaths and a private /tmp (the unit's ProtectSystem=strict,
#    PrivateTmp, PrivateNetwork, NoNewPrivileges).  READY=1 and WATCHDOG=1 must arrive through
#    cage; a grim screenshot must be the turned output filled by the kiosk's pixels; the log,
#    status.json and the .prom file must appear; no Xwayland or D-Bus daemon may start;
#    `kiosk status --check` must answer OK for a user in group adm.
# 4. apt-get remove (config stays), reinstall, apt-get purge: everything postinst made is gone;
#    a fresh install makes /etc/clinic-kiosk from the defaults.
# 5. A `kiosk` user that existed before the package survives its purge.
# 6. The Ansible playbook for real.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD

if [ "${1:-}" = --inside ]; then
    shift
    MERGED=$1
    DEB_NAME=$2
    mount -t overlay overlay -o "lowerdir=/,upperdir=$3,workdir=$4" "$MERGED"
    for fs in proc sys dev dev/pts; do
        mount --rbind "/$fs" "$MERGED/$fs"
    done
    mkdir -p "$MERGED/run/user"
    mount -t tmpfs tmpfs "$MERGED/run/user"
    exec chroot "$MERGED" /bin/bash /tmp/clinic-kiosk-test/inner.sh "/tmp/clinic-kiosk-test/$DEB_NAME"
fi

[ "$(id -u)" = 0 ] || { echo "run as root (it only changes a throwaway overlay)" >&2; exit 1; }
DEB=$(realpath "${1:-$(find dist -maxdepth 1 -name "clinic-kiosk_*.deb" | sort | tail -n 1)}")
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' kiosk/__init__.py)
TMP=$(mktemp -d /var/tmp/clinic-kiosk-install.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/upper" "$TMP/work" "$TMP/merged" "$TMP/upper/tmp/clinic-kiosk-test"
chmod 1777 "$TMP/upper/tmp"
cp "$DEB" "$TMP/upper/tmp/clinic-kiosk-test/"

# The 0.1.0 layout, made from this .deb and 0.1.0's packaging files in git history: the defaults
# back in /etc as conffiles, 0.1.0's unit and maintainer scripts.  Its kiosk.toml and one content
# file differ from the new defaults, as a real older package's would.
OLD_LAYOUT=$(git -C "$REPO" rev-list -n 1 HEAD -- packaging/linux/conffiles)^
OLD=$TMP/old-deb
dpkg-deb -R "$DEB" "$OLD"
mkdir -p "$OLD/etc/clinic-kiosk"
mv "$OLD/usr/share/clinic-kiosk/defaults/"* "$OLD/etc/clinic-kiosk/"
rm -r "$OLD/usr/share/clinic-kiosk/defaults" "$OLD/usr/libexec/clinic-kiosk" "$OLD/usr/lib/udev"
echo "# (0.1.0)" >>"$OLD/etc/clinic-kiosk/kiosk.toml"
echo "Wording of 0.1.0." >>"$OLD/etc/clinic-kiosk/content/en/02-mechanism.md"
for script in postinst prerm postrm; do
    git -C "$REPO" show "$OLD_LAYOUT:packaging/linux/$script" >"$OLD/DEBIAN/$script"
done
git -C "$REPO" show "$OLD_LAYOUT:packaging/linux/clinic-kiosk.service" \
    >"$OLD/usr/lib/systemd/system/clinic-kiosk.service"
(cd "$OLD" && find etc -type f | sort | sed 's|^|/|') >"$OLD/DEBIAN/conffiles"
sed -i 's/^Version: .*/Version: 0.1.0/' "$OLD/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$OLD" "$TMP/upper/tmp/clinic-kiosk-test/old.deb" >/dev/null
cp packaging/linux/screen-filled.py "$TMP/upper/tmp/clinic-kiosk-test/"
cat >"$TMP/upper/tmp/clinic-kiosk-test/listen.py" <<'EOF'
import os, socket, sys, time
path, seconds = sys.argv[1], float(sys.argv[2])
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
os.chmod(path, 0o777)
sock.settimeout(0.2)
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        print(sock.recv(4096).decode(), flush=True)
    except TimeoutError:
        pass
EOF
cat >"$TMP/upper/tmp/clinic-kiosk-test/inner.sh" <<EOF
VERSION=$VERSION
REPO=$REPO
VENV_PYTHON=$REPO/.venv/bin/python
EOF
cat >>"$TMP/upper/tmp/clinic-kiosk-test/inner.sh" <<'EOF'
set -u
DEB=$1
T=/tmp/clinic-kiosk-test
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
failures=0
ok() { echo "  ok    $*"; }
bad() { echo "  FAIL  $*"; failures=$((failures + 1)); }
expect() {  # expect DESCRIPTION ACTUAL WANTED
    if [ "$2" = "$3" ]; then ok "$1: $2"; else bad "$1: '$2', expected '$3'"; fi
}
owner() { stat -c '%U:%G %a' "$1" 2>/dev/null || echo missing; }
as_kiosk() { setpriv --reuid=kiosk --regid=kiosk --init-groups "$@"; }

echo "== install the 0.1.0 layout (config and content as conffiles), then IT edits"
apt-get install -y -qq $T/old.deb >$T/apt.log 2>&1 && ok "apt-get install 0.1.0" || { bad "apt-get install 0.1.0"; cat $T/apt.log; exit 1; }
dpkg-query -W -f='${Conffiles}\n' clinic-kiosk | grep -q ' /etc/clinic-kiosk/kiosk.toml ' && ok "0.1.0's config is a conffile" || bad "0.1.0's config is no conffile"
# What IT does for every kiosk: a staff PIN, and a setting.
pin_hash=$(cd "$REPO" && "$VENV_PYTHON" -c 'from kiosk.pin import hash_pin; print(hash_pin("2468"))')
sed -i -e 's/^idle_timeout_s = 90$/idle_timeout_s = 120/' -e "s|^pin_hash = \"\"$|pin_hash = \"$pin_hash\"|" \
    /etc/clinic-kiosk/kiosk.toml
echo "Edited by IT." >>/etc/clinic-kiosk/content/en/01-introduction.md
grep -q '^idle_timeout_s = 120$' /etc/clinic-kiosk/kiosk.toml && ok "config edited" || bad "could not edit the config"

echo "== unattended upgrade: apt-get install -y ./new.deb </dev/null"
if apt-get install -y -q "$DEB" </dev/null >$T/apt.log 2>&1; then ok "upgrade finished without a question"; else bad "upgrade: $(tail -n 5 $T/apt.log)"; fi
expect "package state" "$(dpkg-query -W -f='${Status} ${Version}' clinic-kiosk)" "install ok installed $VERSION"
grep -E '^clinic-kiosk:' $T/apt.log | sed 's/^/        /'
grep -q '^idle_timeout_s = 120$' /etc/clinic-kiosk/kiosk.toml && grep -qF "$pin_hash" /etc/clinic-kiosk/kiosk.toml &&
    ok "config edits (PIN hash, idle timeout) kept" || bad "config edit lost"
grep -q '^Edited by IT\.$' /etc/clinic-kiosk/content/en/01-introduction.md && ok "content edit kept" || bad "content edit lost"
if cmp -s /etc/clinic-kiosk/content/en/02-mechanism.md /usr/share/clinic-kiosk/defaults/content/en/02-mechanism.md; then
    ok "a content file IT never edited follows the package"; else bad "unedited content file not updated"; fi
expect "files left beside IT's" "$(find /etc/clinic-kiosk -name '*.dpkg-*' | wc -l)" 0
expect "0.1.0's statoverride" "$(dpkg-statoverride --list /etc/clinic-kiosk/kiosk.toml || echo none)" none

echo "== what the upgraded install looks like"
IFS=: read -r _ _ uid _ _ home shell <<<"$(getent passwd kiosk)"
expect "kiosk user home" "$home" /var/lib/clinic-kiosk
expect "kiosk user shell" "$shell" /usr/sbin/nologin
[ "$uid" -lt 1000 ] && ok "kiosk is a system user (uid $uid)" || bad "kiosk uid $uid"
expect "home" "$(owner /var/lib/clinic-kiosk)" "kiosk:adm 750"
expect "state folder" "$(owner /var/lib/clinic-kiosk/state)" "kiosk:adm 2750"
expect "log folder" "$(owner /var/log/clinic-kiosk)" "kiosk:adm 2750"
expect "config" "$(owner /etc/clinic-kiosk/kiosk.toml)" "root:kiosk 640"
expect "content" "$(owner /etc/clinic-kiosk/content/clinic.toml)" "root:root 644"
expect "enabled for boot" "$(readlink /etc/systemd/system/multi-user.target.wants/clinic-kiosk.service)" /lib/systemd/system/clinic-kiosk.service
if systemd-analyze verify /usr/lib/systemd/system/clinic-kiosk.service >$T/verify.log 2>&1; then ok "systemd-analyze verify"; else bad "systemd-analyze verify: $(cat $T/verify.log)"; fi
exposure=$(systemd-analyze security --offline=true /usr/lib/systemd/system/clinic-kiosk.service 2>/dev/null | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
awk -v e="$exposure" 'BEGIN { exit !(e != "" && e <= 2.0) }' && ok "systemd-analyze security: $exposure" || bad "systemd-analyze security: '$exposure', expected <= 2.0"
expect "kiosk --version" "$(kiosk --version)" "kiosk $VERSION"
check_root=$(cd / && kiosk check 2>&1)
case "$check_root" in "OK: "*"from /etc/clinic-kiosk/content;"*"config /etc/clinic-kiosk/kiosk.toml") ok "kiosk check (root): $check_root" ;; *) bad "kiosk check (root): $check_root" ;; esac
check_kiosk=$(cd / && as_kiosk kiosk check 2>&1)
case "$check_kiosk" in "OK: "*) ok "kiosk check (user kiosk)" ;; *) bad "kiosk check (user kiosk): $check_kiosk" ;; esac

echo "== the kiosk comes back: run it as clinic-kiosk.service would (cage, headless, turned 90 degrees) for 10 s"
command -v grim >/dev/null || apt-get install -y -qq grim >$T/apt.log 2>&1 || bad "cannot install grim"
echo KIOSK_ROTATION=90 >/etc/clinic-kiosk/display.env
kiosk_uid=$(id -u kiosk)
runtime=/run/user/$kiosk_uid
install -d -o kiosk -g kiosk -m 0700 $runtime
install -d -o kiosk -g kiosk -m 0750 /var/cache/clinic-kiosk
# The notify socket lives outside /tmp: the kiosk gets a private /tmp, as with PrivateTmp=.
mkdir -p /run/clinic-kiosk-test
python3 $T/listen.py /run/clinic-kiosk-test/notify.sock 12 >$T/notify.log 2>&1 &
listener=$!
sleep 0.5
# The unit's sandbox, as far as it can be built without systemd: its own network namespace, the
# root file system read-only except ReadWritePaths and the cache folder, a private /tmp, no new
# privileges.  Then the unit's user, environment (with display.env) and command.
cat >$T/sandbox.sh <<SANDBOX
set -e
for path in /var/lib/clinic-kiosk /var/log/clinic-kiosk /var/cache/clinic-kiosk /run/user; do
    mount --bind \$path \$path
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -o remount,bind,ro /
cd /var/lib/clinic-kiosk
exec setpriv --reuid=kiosk --regid=kiosk --init-groups --no-new-privs \
    env -i PATH=/usr/bin:/bin HOME=/var/lib/clinic-kiosk USER=kiosk LANG=C.UTF-8 \
    XDG_RUNTIME_DIR=$runtime XDG_CACHE_HOME=/var/cache/clinic-kiosk \
    QT_QPA_PLATFORM='wayland;xcb' NOTIFY_SOCKET=/run/clinic-kiosk-test/notify.sock WATCHDOG_USEC=4000000 \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    \$(cat /etc/clinic-kiosk/display.env) /usr/libexec/clinic-kiosk/cage-session
SANDBOX
setsid unshare --net --mount --propagation private bash $T/sandbox.sh >$T/cage.out 2>$T/cage.err &
session=$!
sleep 8
socket=$(find $runtime -maxdepth 1 -name 'wayland-*' -type s | head -n 1)
rm -f $runtime/shot.png
as_kiosk env XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY="$(basename "${socket:-none}")" grim $runtime/shot.png 2>$T/grim.err
cp $runtime/shot.png $T/shot.png 2>/dev/null || true
# The Nagios plugin, run by a monitoring user in group adm while the kiosk runs.
useradd --system --no-create-home --groups adm monitor
check_line=$(cd / && setpriv --reuid=monitor --regid=nogroup --init-groups kiosk status --check --opening-hours '' 2>&1)
userdel monitor
extra=$(ps -u kiosk -o pid=,comm= | grep -E ' (Xwayland|dbus-daemon|dbus-launch)$' | tr -s ' \n' ' ')
sleep 2
kill -TERM -- -"$session" 2>/dev/null || true
sleep 1
kill -KILL -- -"$session" 2>/dev/null || true
wait "$listener" 2>/dev/null || true
grep -qx 'READY=1' $T/notify.log && ok "READY=1 received" || bad "no READY=1 (notify: $(tr '\n' ' ' <$T/notify.log))"
pings=$(grep -cx 'WATCHDOG=1' $T/notify.log)
[ "$pings" -ge 2 ] && ok "WATCHDOG=1 received $pings times in 10 s (WatchdogSec 4 s here)" || bad "WATCHDOG=1 received $pings times"
if grep -q 'Could not load the Qt platform plugin' $T/cage.err; then bad "a Qt platform plugin failed to load"; else ok "Qt's Wayland plugin loaded"; fi
if grep -E '^qt\.|QStandardPaths|locale' $T/cage.err | grep -v ' INFO ' >$T/qt-warnings.log; then bad "Qt warned: $(head -n 3 $T/qt-warnings.log)"; else ok "no Qt warning on stderr"; fi
[ -z "$extra" ] && ok "no Xwayland or D-Bus daemon started" || bad "started: $extra"
status_file=/var/lib/clinic-kiosk/state/status.json
[ -f "$status_file" ] && ok "status file $status_file" || bad "no $status_file"
size=$(sed -n 's/.*"screen_size": "\([0-9x]*\)".*/\1/p' "$status_file" 2>/dev/null)
width=${size%x*} height=${size#*x}
[ -n "$size" ] && [ "$width" -lt "$height" ] && ok "the kiosk sees a portrait screen: $size" || bad "the kiosk's screen: '$size', expected portrait"
if [ -s $T/shot.png ] && result=$("$VENV_PYTHON" $T/screen-filled.py $T/shot.png "$width" "$height" 2>&1); then
    ok "screenshot: the turned output is filled by the kiosk ($result)"
else
    bad "screenshot: ${result:-none taken: $(cat $T/grim.err)}"
fi
[ -s /var/log/clinic-kiosk/kiosk.log ] && ok "log file /var/log/clinic-kiosk/kiosk.log" || bad "no /var/log/clinic-kiosk/kiosk.log"
expect "status files" "$(stat -c '%U:%G %a' $status_file /var/lib/clinic-kiosk/state/clinic-kiosk.prom 2>&1 | tr '\n' ' ')" "kiosk:adm 640 kiosk:adm 640 "
grep -q "^clinic_kiosk_up{version=\"$VERSION\"} 1$" /var/lib/clinic-kiosk/state/clinic-kiosk.prom && ok "clinic-kiosk.prom says up" || bad "clinic-kiosk.prom: $(head -n 3 /var/lib/clinic-kiosk/state/clinic-kiosk.prom 2>&1)"
case "$check_line" in "KIOSK OK - "*"|"*) ok "kiosk status --check as a user in adm, while it ran: $check_line" ;; *) bad "kiosk status --check as a user in adm: $check_line" ;; esac
rm /etc/clinic-kiosk/display.env

echo "== apt-get remove: the program goes, config and user stay"
apt-get remove -y -qq clinic-kiosk >$T/apt.log 2>&1 && ok "apt-get remove" || { bad "apt-get remove"; cat $T/apt.log; }
[ ! -e /opt/clinic-kiosk ] && [ ! -e /usr/bin/kiosk ] && ok "program removed" || bad "program left behind"
[ -f /etc/clinic-kiosk/kiosk.toml ] && ok "config kept" || bad "config removed by remove"
getent passwd kiosk >/dev/null && ok "user kept" || bad "user removed by remove"

echo "== reinstall, then apt-get purge: everything goes"
apt-get install -y -qq "$DEB" >$T/apt.log 2>&1 && ok "reinstall" || { bad "reinstall"; cat $T/apt.log; }
apt-get purge -y -qq clinic-kiosk >$T/apt.log 2>&1 && ok "apt-get purge" || { bad "apt-get purge"; cat $T/apt.log; }
getent passwd kiosk >/dev/null && bad "user kiosk still there" || ok "user kiosk removed"
getent group kiosk >/dev/null && bad "group kiosk still there" || ok "group kiosk removed"
for path in /var/lib/clinic-kiosk /var/cache/clinic-kiosk /var/log/clinic-kiosk /etc/clinic-kiosk /opt/clinic-kiosk \
    /etc/systemd/system/multi-user.target.wants/clinic-kiosk.service; do
    [ -e "$path" ] || [ -L "$path" ] && bad "$path still there" || ok "$path gone"
done
dpkg-statoverride --list /etc/clinic-kiosk/kiosk.toml >/dev/null && bad "statoverride still there" || ok "statoverride gone"

echo "== a kiosk user that was there before survives the purge"
useradd --system --user-group --home-dir /srv/kiosk --shell /usr/sbin/nologin kiosk
apt-get install -y -qq "$DEB" >$T/apt.log 2>&1 && ok "install with an existing user" || { bad "install with an existing user"; cat $T/apt.log; }
cmp -s /etc/clinic-kiosk/kiosk.toml /usr/share/clinic-kiosk/defaults/kiosk.toml && ok "a fresh install makes the config from the default" || bad "no config from the default"
expect "config" "$(owner /etc/clinic-kiosk/kiosk.toml)" "root:kiosk 640"
expect "content files made" "$(find /etc/clinic-kiosk/content -type f | wc -l)" "$(find /usr/share/clinic-kiosk/defaults/content -type f | wc -l)"
apt-get purge -y -qq clinic-kiosk >$T/apt.log 2>&1 && ok "purge" || { bad "purge"; cat $T/apt.log; }
getent passwd kiosk >/dev/null && ok "existing user kept" || bad "existing user removed"

echo "== the Ansible playbook for real, on this (overlay) machine as localhost"
userdel kiosk
cd "$REPO/packaging/ansible"
printf '[kiosks]\nlocalhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n' >$T/inventory.ini
cp -a "$REPO/content" $T/content
playbook() {
    "$REPO/.venv/bin/ansible-playbook" -i $T/inventory.ini site.yml -e kiosk_deb="$DEB" \
        -e kiosk_content_src=$T/content -e kiosk_idle_timeout_s=120 "$@" >$T/ansible.log 2>&1
}
recap() { grep -E '^localhost +:' $T/ansible.log | sed 's/  */ /g'; }
playbook && ok "first run: $(recap)" || { bad "first run"; tail -n 30 $T/ansible.log; }
dpkg -s clinic-kiosk 2>/dev/null | grep -q '^Status: install ok installed' && ok "package installed" || bad "package not installed"
grep -q '^idle_timeout_s = 120$' /etc/clinic-kiosk/kiosk.toml && ok "config from the template" || bad "config not from the template"
expect "config" "$(owner /etc/clinic-kiosk/kiosk.toml)" "root:kiosk 640"
playbook && recap | grep -q 'changed=0 ' && ok "second run changes nothing: $(recap)" || { bad "second run: $(recap)"; grep -B2 -A3 'changed:' $T/ansible.log | head -n 30; }
echo "stale" >/etc/clinic-kiosk/content/en/99-stale.md
playbook && [ ! -e /etc/clinic-kiosk/content/en/99-stale.md ] && ok "a file not in the source folder is pruned" || bad "stale content file kept"
before=$(md5sum /etc/clinic-kiosk/content/clinic.toml)
echo 'this is = not [valid toml' >$T/content/clinic.toml
if playbook; then bad "broken content was deployed"; else ok "broken content stops the run at: $(grep -o 'TASK \[[^]]*\]' $T/ansible.log | tail -n 1)"; fi
expect "content in place unchanged" "$(md5sum /etc/clinic-kiosk/content/clinic.toml)" "$before"
"$REPO/.venv/bin/ansible-playbook" -i $T/inventory.ini site.yml --check -e kiosk_deb="$DEB" -e kiosk_content_src="$REPO/content" >$T/ansible.log 2>&1 &&
    ok "--check against the installed kiosk: $(recap)" || { bad "--check"; tail -n 20 $T/ansible.log; }

echo
if [ "$failures" -gt 0 ]; then echo "install test: $failures failure(s)"; exit 1; fi
echo "install test: all passed"
EOF

status=0
unshare --mount --propagation private bash "$0" --inside "$TMP/merged" "$(basename "$DEB")" \
    "$TMP/upper" "$TMP/work" || status=$?
# The screenshot the test judged, to look at.
if [ -f "$TMP/upper/tmp/clinic-kiosk-test/shot.png" ]; then
    mkdir -p build
    cp "$TMP/upper/tmp/clinic-kiosk-test/shot.png" build/install-test-screenshot.png
    echo "screenshot: build/install-test-screenshot.png"
fi
exit $status
