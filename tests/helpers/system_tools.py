"""The system programs some tests drive. A missing one fails the test with the Debian package
that brings it, never skips it: `make test` installs them under CI=true and names them otherwise
(a skipped test would pass for work nobody checked)."""

from __future__ import annotations

import shutil

import pytest


def require(purpose: str, packages_by_tool: dict[str, str]) -> None:
    """Fails the calling test when a program in `packages_by_tool` is not on the PATH."""
    missing = sorted(
        {package for tool, package in packages_by_tool.items() if not shutil.which(tool)}
    )
    if missing:
        pytest.fail(f"{purpose} needs: sudo apt-get install -y {' '.join(missing)}")
