"""Checks the shared libraries a frozen kiosk build needs against what it bundles and what the .deb
declares in Depends.

    python packaging/linux/check-deps.py --bundle-only dist/clinic-kiosk
    python packaging/linux/check-deps.py --control build/deb/.../DEBIAN/control dist/clinic-kiosk

--bundle-only: fails when a library that belongs in the bundle (Qt, PySide6, shiboken, ICU,
Python) is not there, i.e. the spec dropped too much, or when a binary's RUNPATH names a folder
of the build machine (anything not relative to $ORIGIN).  Libraries the system provides are listed.

--control: also maps every library taken from the system to its Debian package (dpkg -S, or the
soname table below for one not installed on the build machine) and fails when that package is
not in the control file's Depends (libc6 and libstdc++6 included: every package counts).  This keeps the hand-written Depends honest when PySide6 or Python changes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUNDLED = re.compile(r"^lib(Qt6|pyside6|shiboken6|icu|python3)")
# Sonames of the Wayland platform plugin; scripts/check_qt_libs.py has those of xcb.
WAYLAND_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdrm.so.2": "libdrm2",
}


def soname_packages() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(
        "check_qt_libs", REPO / "scripts/check_qt_libs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {**module.PACKAGES, **WAYLAND_PACKAGES}


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def absolute_runpath(binary: Path) -> str | None:
    """The binary's RUNPATH/RPATH when it names a folder outside the bundle (not $ORIGIN-based)."""
    dynamic = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(binary)], capture_output=True, text=True, check=True
    ).stdout
    for paths in re.findall(
        r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]", dynamic
    ):
        if any(entry and not entry.startswith("$ORIGIN") for entry in paths.split(":")):
            return paths
    return None


def needed(binary: Path, bundle_libs: list[Path]) -> dict[str, str | None]:
    """The binary's own NEEDED sonames -> the path the dynamic loader picks (None: not found)."""
    dynamic = subprocess.run(
        ["readelf", "--dynamic", "--wide", str(binary)], capture_output=True, text=True, check=True
    ).stdout
    direct = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(str(p) for p in bundle_libs), "LC_ALL": "C"}
    output = subprocess.run(
        ["ldd", str(binary)], capture_output=True, text=True, env=env, check=False
    ).stdout
    where: dict[str, str | None] = {}
    for line in output.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+) \(0x[0-9a-f]+\))", line)
        if match:
            where[match.group(1)] = None if match.group(2) == "not found" else match.group(3)
    return {soname: where.get(soname) for soname in direct}


def dpkg_package(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = {path, real}
    for name in list(candidates):
        if name.startswith("/usr/"):
            candidates.add(name[4:])  # merged /usr: dpkg may know /lib/... only
        else:
            candidates.add("/usr" + name)
    for candidate in sorted(candidates):
        result = subprocess.run(
            ["dpkg", "-S", candidate], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def declared_depends(control: Path) -> set[str]:
    text = control.read_text(encoding="utf-8")
    match = re.search(r"^Depends:(.*(?:\n[ \t].*)*)", text, re.MULTILINE)
    if not match:
        return set()
    return {
        re.sub(r"\(.*?\)|:any", "", alternative).strip()
        for alternative in re.split(r"[,|]", match.group(1))
        if alternative.strip()
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path, help="the frozen build folder (dist/clinic-kiosk)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--bundle-only", action="store_true")
    mode.add_argument("--control", type=Path, help="DEBIAN/control to check Depends against")
    arguments = parser.parse_args()
    if shutil.which("readelf") is None:
        print("readelf is missing: apt-get install binutils", file=sys.stderr)
        return 1

    bundle = arguments.bundle.resolve()
    binaries = elf_files(bundle)
    lib_dirs = sorted({p.parent for p in binaries if ".so" in p.name})
    in_bundle = {p.name for p in bundle.rglob("*.so*")}
    system: dict[str, set[str]] = {}  # soname -> binaries that need it
    resolved: dict[str, str | None] = {}
    problems: list[str] = []
    for binary in binaries:
        runpath = absolute_runpath(binary)
        if runpath is not None:
            problems.append(
                f"{binary.relative_to(bundle)} has the build machine's RUNPATH {runpath}"
            )
        for soname, path in needed(binary, lib_dirs).items():
            if soname in in_bundle:
                continue
            if BUNDLED.match(soname):
                problems.append(f"{binary.relative_to(bundle)} needs {soname}, not in the bundle")
                continue
            system.setdefault(soname, set()).add(str(binary.relative_to(bundle)))
            resolved[soname] = resolved.get(soname) or path

    if arguments.control:
        table = soname_packages()
        depends = declared_depends(arguments.control)
        packages: dict[str, str] = {}
        for soname in sorted(system):
            path = resolved[soname]
            if soname.startswith("ld-linux"):
                package = "libc6"  # the dynamic loader; ldd prints it without a "=>"
            else:
                package = (dpkg_package(path) if path else None) or table.get(soname)
            if package is None:
                problems.append(f"{soname}: no Debian package known (not installed here?)")
                continue
            packages[soname] = package
            if package not in depends and package.removesuffix("t64") not in depends:
                needers = ", ".join(sorted(system[soname])[:3])
                problems.append(
                    f"{soname} (package {package}, needed by {needers}) is not in Depends"
                )
        print("System libraries and their packages:")
        for soname, package in sorted(packages.items()):
            print(f"  {soname:32} {package}")
    else:
        print("Libraries the bundle takes from the system: " + " ".join(sorted(system)))

    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
