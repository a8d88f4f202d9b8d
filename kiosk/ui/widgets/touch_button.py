"""A large push button for fingers: no keyboard focus ring, no context menu, an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget


class TouchButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None, *, description: str = "") -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName(text)
        if description:
            self.setAccessibleDescription(description)

    def set_label(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
