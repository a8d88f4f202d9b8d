"""Where the bundled resources/ and content/ folders are, however the kiosk was installed.

Checked in order: a frozen (PyInstaller) build, a source checkout, an installed wheel
(copies under kiosk/_bundled), and the .deb's install prefix.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALL_PREFIXES = (Path("/opt/clinic-kiosk"), Path("/usr/share/clinic-kiosk"))


def _candidate_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(PACKAGE_DIR.parent)
    roots.append(PACKAGE_DIR / "_bundled")
    roots.extend(INSTALL_PREFIXES)
    return roots


def _find(name: str, marker: str) -> Path:
    for root in _candidate_roots():
        folder = root / name
        if (folder / marker).exists():
            return folder
    searched = ", ".join(str(root / name) for root in _candidate_roots())
    raise FileNotFoundError(f"cannot find the kiosk's {name}/ folder (looked in {searched})")


def resources_dir() -> Path:
    return _find("resources", "theme.qss")


def bundled_content_dir() -> Path:
    return _find("content", "clinic.toml")
