"""Home: the article's title, a one-line intro, and a large tile per section."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Section
from kiosk.theme import Metrics
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

LANDSCAPE_COLUMNS = 3


class SectionTile(QPushButton):
    """A whole tile is one button: its labels let taps fall through to it."""

    def __init__(self, number: int, section: Section, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("SectionTile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(section.summary)
        badge = text_label(str(number), "TileNumber", wrap=False)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedSize(metrics.badge, metrics.badge)
        self.title_label = text_label(section.title, "TileTitle")
        self.summary_label = text_label(section.summary, "TileSummary")
        layout = QGridLayout(self)
        layout.setContentsMargins(
            metrics.spacing, metrics.spacing, metrics.spacing, metrics.spacing
        )
        layout.setHorizontalSpacing(metrics.spacing)
        layout.setVerticalSpacing(metrics.px(10))
        layout.addWidget(badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title_label, 0, 1)
        layout.addWidget(self.summary_label, 1, 1)
        layout.setRowStretch(2, 1)
        layout.setColumnStretch(1, 1)
        for label in (badge, self.title_label, self.summary_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class HomeScreen(QWidget):
    section_chosen = Signal(int)

    def __init__(
        self, title: str, sections: tuple[Section, ...], text: UiText, metrics: Metrics
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.title_label = text_label(title, "PageTitle")
        self.intro_label = text_label(text.home_intro, "Intro")
        self.tiles = [
            SectionTile(number, section, metrics)
            for number, section in enumerate(sections, start=1)
        ]
        for index, tile in enumerate(self.tiles):
            tile.clicked.connect(
                lambda _checked=False, index=index: self.section_chosen.emit(index)
            )
        self._grid = QGridLayout()
        self._grid.setSpacing(metrics.spacing)
        self._columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.spacing)
        layout.setSpacing(metrics.px(12))
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(metrics.spacing)
        layout.addLayout(self._grid, 1)
        self._arrange(LANDSCAPE_COLUMNS)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
        for row in range((len(self.tiles) + columns - 1) // columns):
            self._grid.setRowStretch(row, 1)
        for column in range(LANDSCAPE_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(1 if size.width() < size.height() else LANDSCAPE_COLUMNS)
        super().resizeEvent(event)
