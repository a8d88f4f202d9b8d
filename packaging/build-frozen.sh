#!/usr/bin/env bash
# Builds the one-folder frozen kiosk: dist/clinic-kiosk/ (work files in build/pyinstaller/).
# Idempotent: every run starts from a clean output folder.  Needs the repo's .venv with the
# `package` extra:  .venv/bin/pip install -e '.[package]'
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VENV=${VENV:-$REPO/.venv}
PYINSTALLER=$VENV/bin/pyinstaller

if [ ! -x "$PYINSTALLER" ]; then
    echo "PyInstaller is not in $VENV; install it with: $VENV/bin/pip install -e '.[package]'" >&2
    exit 1
fi

start=$(date +%s)
rm -rf dist/clinic-kiosk
"$PYINSTALLER" --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/pyinstaller/kiosk.spec

# Every library the bundle links must be either in the bundle or the system's (declared in the
# .deb's Depends, checked by packaging/linux/check-deps.py); a Qt library missing from the
# bundle means the spec dropped too much.
if [ "$(uname -s)" = Linux ]; then
    "$VENV/bin/python" packaging/linux/check-deps.py --bundle-only dist/clinic-kiosk
fi

size=$(du -sh dist/clinic-kiosk | cut -f1)
echo "Built dist/clinic-kiosk ($size) in $(($(date +%s) - start)) s"
