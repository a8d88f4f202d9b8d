"""Checks that the system libraries Qt needs for a platform are installed; names the apt packages.

Run with the venv's Python: `python scripts/check_qt_libs.py xcb|offscreen [--install]`.
--install runs apt-get for what is missing (used by CI, which runs as root).
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

# soname → Debian/Ubuntu package
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
# Loaded with dlopen at run time, so ldd cannot see that it is missing.
DLOPENED = {"xcb": ("libxcb-cursor.so.0",), "offscreen": ()}


def qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def missing_libraries(platform: str) -> set[str]:
    qt = qt_dir()
    binaries = [qt / "plugins" / "platforms" / f"libq{platform}.so"]
    binaries += [qt / "lib" / f"libQt6{module}.so.6" for module in ("Core", "Gui", "Widgets")]
    missing: set[str] = set()
    for binary in binaries:
        output = subprocess.run(
            ["ldd", str(binary)], capture_output=True, text=True, check=False
        ).stdout
        missing |= {line.split()[0] for line in output.splitlines() if "not found" in line}
    for soname in DLOPENED[platform]:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.add(soname)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("platform", choices=sorted(DLOPENED))
    parser.add_argument(
        "--install", action="store_true", help="apt-get install what is missing (needs root)"
    )
    arguments = parser.parse_args()
    missing = missing_libraries(arguments.platform)
    if not missing:
        return 0
    packages = sorted({PACKAGES.get(soname, f"<package providing {soname}>") for soname in missing})
    command = ["apt-get", "install", "-y", *packages]
    if arguments.install and os.geteuid() == 0 and all(not p.startswith("<") for p in packages):
        print(
            f"Installing Qt's system libraries for '{arguments.platform}': {' '.join(packages)}",
            flush=True,
        )
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run([*command, "-qq"], check=True, env=env)
        return 0 if not missing_libraries(arguments.platform) else 1
    print(
        f"Qt's '{arguments.platform}' platform needs system libraries that are missing: {', '.join(sorted(missing))}\n"
        f"Install them with:\n\n    sudo {' '.join(command)}\n",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
