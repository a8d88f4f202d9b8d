# Two commands for a fresh Debian/Ubuntu machine with Python 3.11:
#   make run    set up .venv, install, start the kiosk in a window with its bundled content
#   make test   set up .venv, lint (ruff, ruff format --check, mypy) and run the whole suite headless
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: `make run` needs only the kiosk and its run-time packages; `make test` adds the
# test, dev and packaging extras (pytest, ruff, mypy, PyInstaller, ansible-core).
RUN_STAMP := $(VENV)/.run-stamp
STAMP := $(VENV)/.installed-stamp
# CI runs as root on a fresh machine: there the Makefile may install missing system libraries.
QT_INSTALL := $(if $(filter true,$(CI)),--install,)

.PHONY: speech-engine test-tools run test lint pytest screenshots check venv clean help frozen package deb-check build-tools package-test package-install-test bench soak

help:
	@echo "make run | make test | make lint | make screenshots | make check | make package | make clean"

$(RUN_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; install python3.11 or run: make PYTHON=/path/to/python3.11")'
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "Python's venv module is missing: sudo apt-get install -y python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,dev,package]'
	@touch $@

venv: $(STAMP)

run: $(RUN_STAMP)
	@$(BIN)/python scripts/check_qt_libs.py xcb
	@command -v espeak-ng >/dev/null || echo "No espeak-ng: the kiosk will be silent (its keys still work). For speech: sudo apt-get install -y espeak-ng"
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		echo "No display found (DISPLAY is not set). Run this on the kiosk's desktop, or try 'make screenshots' for PNG pictures of every screen."; \
		exit 1; fi
	$(BIN)/kiosk --windowed --size 1280x800

# mypy --strict covers tests and bench too; they import their helpers by folder (helpers.*,
# benchutil), hence MYPYPATH.
lint: $(STAMP)
	$(BIN)/ruff check kiosk tests scripts packaging bench
	$(BIN)/ruff format --check kiosk tests scripts packaging bench
	$(BIN)/mypy kiosk
	MYPYPATH=tests:bench $(BIN)/mypy --strict --explicit-package-bases tests bench

pytest: $(STAMP) speech-engine test-tools
	@$(BIN)/python scripts/check_qt_libs.py offscreen $(QT_INSTALL)
	$(BIN)/pytest

# tests/test_window_guard_x11.py meddles with the kiosk's window on a real X server (Xvfb);
# tests/test_screen_rotation.py turns an Xephyr screen inside Xvfb (xrandr asks it for its new
# size); tests/test_packaging.py scores the unit with systemd-analyze. None is skipped: CI
# installs the programs, anywhere else `make test` stops and names them.
SYSTEM_TOOLS := Xvfb xdotool xwininfo Xephyr xrandr systemd-analyze
SYSTEM_PACKAGES := xvfb xdotool x11-utils xserver-xephyr x11-xserver-utils systemd
test-tools:
	@(for tool in $(SYSTEM_TOOLS); do command -v $$tool >/dev/null || exit 1; done) || { \
		if [ "$(CI)" = true ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES); \
		else \
			echo "The tests need $(SYSTEM_TOOLS): sudo apt-get install -y $(SYSTEM_PACKAGES)"; exit 1; \
		fi; }
	@if [ "$(CI)" = true ]; then $(BIN)/python scripts/check_qt_libs.py xcb --install; fi

# The kiosk speaks with espeak-ng (Debian's package); the speech tests render through it.
speech-engine:
	@command -v espeak-ng >/dev/null || { \
		if [ "$(CI)" = true ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends espeak-ng; \
		else \
			echo "The speech tests render through espeak-ng: sudo apt-get install -y espeak-ng"; exit 1; \
		fi; }

# The frozen build's smoke test and the .deb with its dependency check run on every `make test`,
# so a new system library cannot slip past the Depends again.  The .deb is compressed with
# gzip -1 here (about 7 s instead of 1-4 min of xz on 2 busy cores); `make package` uses xz.
test: lint pytest package-test deb-check

# The PyInstaller one-folder build (dist/clinic-kiosk/) and the .deb built from it.
frozen: $(STAMP) build-tools
	bash packaging/build-frozen.sh

# MAINTAINER: the .deb's Maintainer field, e.g. make package MAINTAINER='Clinic IT <it@clinic.example>'
MAINTAINER ?=
DEB_ENV = $(if $(MAINTAINER),MAINTAINER='$(MAINTAINER)')

package: frozen
	$(DEB_ENV) bash packaging/build-deb.sh

deb-check: frozen
	$(DEB_ENV) DEB_COMPRESSION='-Zgzip -z1' bash packaging/build-deb.sh

# binutils: PyInstaller's objdump and strip, readelf for the dependency check.  CI (root) installs it.
build-tools:
	@command -v readelf >/dev/null || { if [ "$(CI)" = true ]; then apt-get update -qq && apt-get install -y -qq binutils; \
		else echo "The package build needs readelf: sudo apt-get install -y binutils"; exit 1; fi; }

# Runs the frozen build from outside the source tree: --version, check, preview; no stray stderr.
package-test: frozen
	bash packaging/smoke-test-frozen.sh

# Installs, runs and purges the .deb in a private overlay of this machine (root).
package-install-test: package
	bash packaging/linux/test-install.sh

# Start, memory, CPU, frames and taps on a real X screen (Xvfb), against a bare PySide6 floor.
bench: $(STAMP)
	@command -v Xvfb >/dev/null || { echo "The benchmark needs Xvfb: sudo apt-get install -y xvfb"; exit 1; }
	@$(BIN)/python scripts/check_qt_libs.py xcb $(QT_INSTALL)
	$(BIN)/python bench/run.py --runs 5

# 10,000 random actions through the real app; fails on a leak, a Qt warning or an exception.
soak: $(STAMP)
	$(BIN)/python bench/soak.py --actions 10000

check: $(STAMP)
	$(BIN)/kiosk check

# The README's pictures, made by the kiosk itself at the three supported screen sizes and in
# Spanish (`kiosk preview` also writes every picture state; those stay out of docs/).
screenshots: $(STAMP)
	for size in 1920x1080 1080x1920 1280x800; do \
		rm -rf docs/screenshots/$$size && $(BIN)/kiosk preview --out docs/screenshots/$$size --size $$size || exit 1; \
	done
	rm -rf docs/screenshots/es-1920x1080 && $(BIN)/kiosk preview --lang es --out docs/screenshots/es-1920x1080
	rm -f docs/screenshots/*/illustration-*.png

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
