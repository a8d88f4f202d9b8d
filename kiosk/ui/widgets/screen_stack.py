"""The pages of the window, one shown at a time, asking only for what the shown page needs.

A plain QStackedWidget asks for the largest minimum of all its pages, hidden ones included: a
page laid out for another orientation (the Spanish contact screen, built ahead while a portrait
screen showed English) then made the window wider than the screen (issue 13: 1167 px on a
1080 px screen).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QStackedWidget, QWidget


class ScreenStack(QStackedWidget):
    def __init__(self) -> None:
        super().__init__()
        # The window's layout caches what this asked for; a new page may ask for something else.
        self.currentChanged.connect(self.updateGeometry)

    def addWidget(self, page: QWidget) -> int:
        # Each page paints its own ground from the sheet it is given (kiosk/ui/style.py
        # show_look): a patient's high-contrast sheet goes to the page on show, not to this
        # stack, whose everyday ground would otherwise show through behind every word.
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        return super().addWidget(page)

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint().expandedTo(page.minimumSize()) if page else QSize(0, 0)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page else QSize(0, 0)
