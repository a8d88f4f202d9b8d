"""The codebase's own rules (issue 17, the README's "For the next engineer"): Qt only under
kiosk/ui/, so the rest is tested on strings and runs without a display; and no module so long
that it does two jobs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
MOST_LINES = 500


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_qt_is_imported_only_under_kiosk_ui() -> None:
    outside = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in modules()
        if PACKAGE / "ui" not in path.parents
        for name in sorted(imported_modules(path))
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert outside == []


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): lines
        for path in modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
