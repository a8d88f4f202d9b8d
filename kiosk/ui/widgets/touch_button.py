"""A large push button for fingers and keypads: reached by the keys (never focused by a touch),
no context menu, an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget


class TouchButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, *, description: str = "") -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAutoDefault(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName(text)
        if description:
            self.setAccessibleDescription(description)

    def set_label(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
