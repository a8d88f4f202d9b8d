"""Writes the /etc/clinic-kiosk/kiosk.toml the .deb ships.

    python packaging/linux/make-config.py OUT

A copy of packaging/kiosk.example.toml when that file exists (every key with its default and
what it does), else a minimal file; in either case with the folders of a .deb install set:
[content] folder always, [logging] folder and [state] folder when the example has those keys.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "packaging" / "kiosk.example.toml"
FOLDERS = {
    "content": "/etc/clinic-kiosk/content",
    "logging": "/var/log/clinic-kiosk",
    "state": "/var/lib/clinic-kiosk/state",
}
HEADER = """\
# /etc/clinic-kiosk/kiosk.toml, made by the clinic-kiosk package from its default
# (/usr/share/clinic-kiosk/defaults/kiosk.toml).  Edit freely: upgrades never ask about it and
# never change it once you have (they update it only while it is still the package's default).
# Every setting with its default: /usr/share/doc/clinic-kiosk/kiosk.example.toml
# Check it with:  sudo kiosk check    Then apply it with:  sudo systemctl restart clinic-kiosk
# Guide: /usr/share/doc/clinic-kiosk/README.md

"""
MINIMAL = """\
[content]
# Folder holding clinic.toml and <language>/NN-name.md; empty = the content bundled with the
# program in /opt/clinic-kiosk.
folder = ""
"""
TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
FOLDER_KEY = re.compile(r"^\s*#?\s*folder\s*=")


def set_folders(text: str) -> str:
    lines = text.splitlines()
    table = ""
    done: set[str] = set()
    for index, line in enumerate(lines):
        header = TABLE.match(line)
        if header:
            table = header.group(1)
        elif table in FOLDERS and table not in done and FOLDER_KEY.match(line):
            lines[index] = f'folder = "{FOLDERS[table]}"'
            done.add(table)
    if "content" not in done:
        lines += ["", "[content]", f'folder = "{FOLDERS["content"]}"']
    return "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source = EXAMPLE.read_text(encoding="utf-8") if EXAMPLE.is_file() else MINIMAL
    text = HEADER + set_folders(source)
    settings = tomllib.loads(text)
    assert settings["content"]["folder"] == FOLDERS["content"], settings
    Path(sys.argv[1]).write_text(text, encoding="utf-8")
    origin = EXAMPLE.name if EXAMPLE.is_file() else "a minimal config"
    folders = ", ".join(
        f"{table}.folder" for table in FOLDERS if settings.get(table, {}).get("folder")
    )
    print(f"kiosk.toml: from {origin}; set {folders}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
