"""Notices when IT changes the content folder or the config file.

Editors replace files rather than write them in place, and deploy tools replace whole folders
(`mv content.new content` as rsync, Ansible's unarchive and most deploy tools do, or `rm -rf`
and a fresh copy). inotify follows the inode, not the name: a watch on the old folder goes on
watching content.old, or nothing. So the parents of the watched paths are watched too, and every
change re-arms the whole list by name. Bursts of changes settle into one signal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

SETTLE_MS = 2000


class ContentWatch(QObject):
    changed = Signal()

    def __init__(self, paths: Iterable[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths: list[str] = []
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self.watch(paths)

    @property
    def settle_timer(self) -> QTimer:
        return self._settle

    def watched(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def stop(self) -> None:
        self._settle.stop()
        self._paths = []
        self._unwatch_all()

    def watch(self, paths: Iterable[Path]) -> None:
        """Watches `paths` and their parent folders, by name."""
        wanted = [Path(path) for path in paths]
        names = dict.fromkeys(str(path) for path in wanted)
        names.update(dict.fromkeys(str(path.parent) for path in wanted))
        self._paths = list(names)
        self._rearm()

    def _unwatch_all(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _rearm(self) -> None:
        """Drops every watch and sets them again on whatever now carries each name."""
        self._unwatch_all()
        existing = [path for path in self._paths if Path(path).exists()]
        if existing:
            self._watcher.addPaths(existing)

    def _on_change(self, path: str) -> None:
        if not Path(path).exists():
            log.info("%s was moved or deleted; watching for what takes its place", path)
        self._rearm()
        self._settle.start()
