"""Notices when IT changes the content folder or the config file.

Editors and rsync replace files rather than write them in place, which drops them from the
watch list; every change re-adds the paths. Bursts of changes settle into one signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 2000


class ContentWatch(QObject):
    changed = Signal()

    def __init__(self, paths: Iterable[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paths = [str(path) for path in paths]
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.changed)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watch()

    @property
    def settle_timer(self) -> QTimer:
        return self._settle

    def stop(self) -> None:
        self._settle.stop()
        self._paths = []
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def watch(self, paths: Iterable[Path]) -> None:
        self._paths = [str(path) for path in paths]
        self._watch()

    def _watch(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [path for path in self._paths if path not in watched and Path(path).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _on_change(self, _path: str) -> None:
        self._watch()
        self._settle.start()
