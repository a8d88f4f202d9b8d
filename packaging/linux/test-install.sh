#!/usr/bin/env bash
# Installs the .deb in a throwaway copy-on-write view of this machine and checks what it does;
# nothing on the real machine changes.  Needs root, unshare and overlayfs (a Debian/Ubuntu
# machine, VM or privileged container); apt-get fetches missing Depends inside the overlay.
#
#   sudo bash packaging/linux/test-install.sh [dist/clinic-kiosk_<version>_<arch>.deb]
#
# 1. apt-get install ./the.deb: the kiosk user, folders, the config's permissions, the unit
#    enabled; `systemd-analyze verify` on the unit; `kiosk check` as root and as the kiosk user.
# 2. What the unit runs, minus systemd: cage (headless backend) running /usr/bin/kiosk as user
#    kiosk with the unit's environment and a notify socket; READY=1 and WATCHDOG=1 must arrive
#    from the kiosk through cage, the Wayland platform plugin must load, the log file and
#    status.json must appear where the shipped config says.
# 3. apt-get remove (config stays), reinstall, apt-get purge: everything postinst made is gone.
# 4. A `kiosk` user that existed before the package survives its purge.
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

echo "== install $DEB"
apt-get install -y -qq "$DEB" >$T/apt.log 2>&1 && ok "apt-get install" || { bad "apt-get install"; cat $T/apt.log; exit 1; }
grep -E '^clinic-kiosk:' $T/apt.log || true
IFS=: read -r _ _ uid _ _ home shell <<<"$(getent passwd kiosk)"
expect "kiosk user home" "$home" /var/lib/clinic-kiosk
expect "kiosk user shell" "$shell" /usr/sbin/nologin
[ "$uid" -lt 1000 ] && ok "kiosk is a system user (uid $uid)" || bad "kiosk uid $uid"
expect "home" "$(owner /var/lib/clinic-kiosk)" "kiosk:kiosk 750"
expect "state folder" "$(owner /var/lib/clinic-kiosk/state)" "kiosk:kiosk 750"
expect "log folder" "$(owner /var/log/clinic-kiosk)" "kiosk:adm 2750"
expect "config" "$(owner /etc/clinic-kiosk/kiosk.toml)" "root:kiosk 640"
expect "content" "$(owner /etc/clinic-kiosk/content/clinic.toml)" "root:root 644"
expect "statoverride" "$(dpkg-statoverride --list /etc/clinic-kiosk/kiosk.toml)" "root kiosk 640 /etc/clinic-kiosk/kiosk.toml"
expect "enabled for boot" "$(readlink /etc/systemd/system/multi-user.target.wants/clinic-kiosk.service)" /lib/systemd/system/clinic-kiosk.service
if systemd-analyze verify /usr/lib/systemd/system/clinic-kiosk.service >$T/verify.log 2>&1; then ok "systemd-analyze verify"; else bad "systemd-analyze verify: $(cat $T/verify.log)"; fi
expect "kiosk --version" "$(kiosk --version)" "kiosk $VERSION"
check_root=$(cd / && kiosk check 2>&1)
case "$check_root" in "OK: "*"from /etc/clinic-kiosk/content;"*"config /etc/clinic-kiosk/kiosk.toml") ok "kiosk check (root): $check_root" ;; *) bad "kiosk check (root): $check_root" ;; esac
check_kiosk=$(cd / && as_kiosk kiosk check 2>&1)
case "$check_kiosk" in "OK: "*) ok "kiosk check (user kiosk)" ;; *) bad "kiosk check (user kiosk): $check_kiosk" ;; esac

echo "== run it as clinic-kiosk.service would (cage, headless) for 8 s"
kiosk_uid=$(id -u kiosk)
install -d -o kiosk -g kiosk -m 0700 /run/user/$kiosk_uid
install -d -o kiosk -g kiosk -m 0750 /var/cache/clinic-kiosk
python3 $T/listen.py $T/notify.sock 10 >$T/notify.log 2>&1 &
listener=$!
sleep 0.5
start=$(date +%s%N)
(cd /var/lib/clinic-kiosk && exec setsid setpriv --reuid=kiosk --regid=kiosk --init-groups \
    env -i PATH=/usr/bin:/bin HOME=/var/lib/clinic-kiosk USER=kiosk LANG=C.UTF-8 \
    XDG_RUNTIME_DIR=/run/user/$kiosk_uid XDG_CACHE_HOME=/var/cache/clinic-kiosk \
    QT_QPA_PLATFORM='wayland;xcb' NOTIFY_SOCKET=$T/notify.sock WATCHDOG_USEC=4000000 \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    cage -s -- /usr/bin/kiosk >$T/cage.out 2>$T/cage.err) &
session=$!
sleep 8
kill -TERM -- -"$session" 2>/dev/null || true
sleep 1
kill -KILL -- -"$session" 2>/dev/null || true
wait "$listener" 2>/dev/null || true
grep -qx 'READY=1' $T/notify.log && ok "READY=1 received" || bad "no READY=1 (notify: $(tr '\n' ' ' <$T/notify.log))"
pings=$(grep -cx 'WATCHDOG=1' $T/notify.log)
[ "$pings" -ge 2 ] && ok "WATCHDOG=1 received $pings times in 8 s (WatchdogSec 4 s here)" || bad "WATCHDOG=1 received $pings times"
if grep -q 'Could not load the Qt platform plugin' $T/cage.err; then bad "a Qt platform plugin failed to load"; else ok "Qt's Wayland plugin loaded"; fi
grep -E 'kiosk|qt\.' $T/cage.err | head -n 8 | sed 's/^/        /'
[ -s /var/log/clinic-kiosk/kiosk.log ] && ok "log file /var/log/clinic-kiosk/kiosk.log" || bad "no /var/log/clinic-kiosk/kiosk.log"
status_file=$(find /var/lib/clinic-kiosk/state -name status.json | head -n 1)
[ -n "$status_file" ] && ok "status file $status_file" || bad "no status.json under /var/lib/clinic-kiosk/state"
if status=$(kiosk status 2>&1); then ok "kiosk status (root):"; echo "$status" | head -n 6 | sed 's/^/        /'; else bad "kiosk status: $status"; fi

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

unshare --mount --propagation private bash "$0" --inside "$TMP/merged" "$(basename "$DEB")" \
    "$TMP/upper" "$TMP/work"
