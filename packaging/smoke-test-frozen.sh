#!/usr/bin/env bash
# Smoke test of the frozen build, run from a temporary folder outside the source tree with a copy
# of the build and a bare environment (as systemd would start it):
#   --version   prints "kiosk <version of kiosk/__init__.py>"
#   check       exits 0 on the bundled content
#   preview     renders the screens offscreen; home.png exists
# Each must write nothing to stderr: a Qt warning, a missing library or plugin, a font or
# fontconfig complaint there is a packaging bug.
#   bash packaging/smoke-test-frozen.sh [dist/clinic-kiosk]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BUILD=$(realpath "${1:-dist/clinic-kiosk}")
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' kiosk/__init__.py)

if [ ! -x "$BUILD/clinic-kiosk" ]; then
    echo "no frozen build at $BUILD; run: bash packaging/build-frozen.sh" >&2
    exit 1
fi
[ -n "$VERSION" ] || { echo "cannot read __version__ from kiosk/__init__.py" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-smoke.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
case "$TMP/" in "$REPO"/*) echo "temporary folder $TMP is inside the source tree" >&2; exit 1 ;; esac
cp -a "$BUILD" "$TMP/clinic-kiosk"
mkdir -p "$TMP/home" "$TMP/runtime" "$TMP/work"
chmod 700 "$TMP/runtime"
: > "$TMP/kiosk.toml"  # an empty config: every setting at its default, /etc not consulted
KIOSK="$TMP/clinic-kiosk/clinic-kiosk"
failures=0

# run NAME ARGS...: runs the kiosk in $TMP/work with a bare environment; output in $TMP/NAME.*
run() {
    local name=$1
    shift
    local start end status=0
    start=$(date +%s%N)
    (cd "$TMP/work" && env -i PATH=/usr/bin:/bin HOME="$TMP/home" LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$TMP/runtime" KIOSK_CONFIG="$TMP/kiosk.toml" \
        "$KIOSK" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err") || status=$?
    end=$(date +%s%N)
    printf '%-10s exit %d  %d ms\n' "$name" "$status" $(((end - start) / 1000000))
    return $status
}

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

stderr_empty() {
    if [ -s "$TMP/$1.err" ]; then
        fail "$1 wrote to stderr:"
        sed 's/^/    /' "$TMP/$1.err" >&2
    fi
}

if run version --version; then
    [ "$(cat "$TMP/version.out")" = "kiosk $VERSION" ] ||
        fail "--version printed '$(cat "$TMP/version.out")', expected 'kiosk $VERSION'"
else
    fail "--version exited non-zero"
fi
stderr_empty version

if run check check; then
    grep -q "^OK: .* from $TMP/clinic-kiosk/_internal/content" "$TMP/check.out" ||
        fail "check did not use the bundled content: $(cat "$TMP/check.out")"
else
    fail "check exited non-zero: $(cat "$TMP/check.out")"
fi
stderr_empty check

if run preview preview --out "$TMP/shots" --size 1920x1080; then
    home="$TMP/shots/home.png"
    if [ ! -s "$home" ] || [ "$(stat -c %s "$home")" -lt 10000 ]; then
        fail "preview made no home.png (or a blank one); it printed: $(cat "$TMP/preview.out")"
    fi
else
    fail "preview exited non-zero"
fi
stderr_empty preview

if grep -rqs "$REPO" "$TMP/check.out" "$TMP/preview.out"; then
    fail "the frozen build refers to the source tree $REPO"
fi

if [ "$failures" -gt 0 ]; then
    echo "smoke test of $BUILD: $failures failure(s)" >&2
    exit 1
fi
echo "smoke test of $BUILD (kiosk $VERSION): all passed"
