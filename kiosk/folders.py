"""Folders named in the config: expanded and checked once, the same way for `kiosk check` and
the running kiosk, so that no folder check passes can stop the kiosk later.

Qt-free. A folder that cannot be used is a problem in words; the caller falls back.
"""

from __future__ import annotations

import os
from pathlib import Path


class FolderError(ValueError):
    """Why a configured folder cannot be used."""


def expand(configured: str, relative_to: Path | None) -> Path:
    """`~`, `~user` and a folder relative to the config file, or FolderError."""
    if "\0" in configured:
        raise FolderError("contains a NUL character")
    try:
        folder = Path(configured).expanduser()
    except RuntimeError:
        user = configured[1:].split("/", 1)[0]
        raise FolderError(
            f"names the home folder of '{user or os.environ.get('USER', 'the user')}', "
            "which this machine does not know"
        ) from None
    if not folder.is_absolute() and relative_to is not None:
        folder = relative_to / folder
    return folder


def writable_problem(folder: Path) -> str | None:
    """Why the kiosk could not create files in `folder` (creating it if need be), or None."""
    try:
        if folder.exists():
            if not folder.is_dir():
                return "is not a folder"
            if not os.access(folder, os.W_OK | os.X_OK):
                return "is not writable by this user"
            return None
        ancestor = folder.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
    except OSError as error:
        return f"cannot be checked ({error.strerror or error})"
    if not ancestor.is_dir():
        return f"cannot be created: {ancestor} is not a folder"
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return f"cannot be created: {ancestor} is not writable by this user"
    return None
