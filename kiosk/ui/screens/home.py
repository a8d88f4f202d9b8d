"""Home: the article's title, a one-line intro, and a large tile per section."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Section
from kiosk.theme import Metrics
from kiosk.ui.illustrations import thumbnail
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

LANDSCAPE_COLUMNS = 3
# On smaller panels (a 1280×800 tablet is 0.74) a tile has room for its words only.
PICTURE_MIN_SCALE = 0.9


class SectionTile(QPushButton):
    """A whole tile is one button: its labels let taps fall through to it."""

    def __init__(self, number: int, section: Section, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("SectionTile")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(section.summary)
        badge = text_label(str(number), "TileNumber", wrap=False)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = text_label(section.title, "TileTitle")
        self.summary_label = text_label(section.summary, "TileSummary")
        self.picture: QLabel | None = None
        if section.illustration and metrics.scale >= PICTURE_MIN_SCALE:
            self.picture = QLabel()
            self.picture.setObjectName("TilePicture")
            self.picture.setPixmap(
                thumbnail(section.illustration, QSize(metrics.px(170), metrics.px(125)), metrics)
            )
            # Named like the picture it stands for, in the tile's language, by the screens' own
            # accessibility pass (kiosk/ui/language_screens.py).
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(
            metrics.spacing, metrics.spacing, metrics.spacing, metrics.spacing
        )
        self._layout.setHorizontalSpacing(metrics.spacing)
        self._layout.setVerticalSpacing(metrics.px(10))
        self._layout.addWidget(badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.title_label, 0, 1)
        self._layout.addWidget(self.summary_label, 1, 1)
        self._layout.setRowStretch(2, 1)
        self._layout.setColumnStretch(1, 1)
        self.place_picture(beside=False)
        for label in (badge, self.title_label, self.summary_label, self.picture):
            if label is not None:
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def place_picture(self, *, beside: bool) -> None:
        """Beside the summary under a full-width title on a tall tile; beside all the words on a
        wide, low one (portrait screens)."""
        if self.picture is None:
            return
        self._layout.removeWidget(self.picture)
        self._layout.removeWidget(self.title_label)
        if beside:
            self._layout.addWidget(self.title_label, 0, 1)
            self._layout.addWidget(self.picture, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            self._layout.addWidget(self.title_label, 0, 1, 1, 2)
            bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            self._layout.addWidget(self.picture, 1, 2, 2, 1, bottom_right)


class HomeScreen(QWidget):
    section_chosen = Signal(int)

    def __init__(
        self,
        title: str,
        sections: tuple[Section, ...],
        text: UiText,
        metrics: Metrics,
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        # The language button is the bar's, on every screen: one per screen, always in one place.
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
            tile.place_picture(beside=columns == 1)
        for row in range((len(self.tiles) + columns - 1) // columns):
            self._grid.setRowStretch(row, 1)
        for column in range(LANDSCAPE_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(1 if size.width() < size.height() else LANDSCAPE_COLUMNS)
        super().resizeEvent(event)
