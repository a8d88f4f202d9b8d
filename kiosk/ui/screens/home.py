"""Home: the article's title, a one-line intro, and a large tile per section. The page scrolls
when its tiles' words need more height than the screen has (Spanish at the largest text size on
a 1280×800 panel): the words wrap and are never cut."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Section
from kiosk.theme import COLORS, FONT_FAMILY, Colors, Metrics
from kiosk.ui.illustrations import thumbnail
from kiosk.ui.style import grows_with_text
from kiosk.ui.widgets.kinetic_scroll import KineticScroll
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

LANDSCAPE_COLUMNS = 3
# The tiles' words, at reference pixels (grown with the text size, as resources/theme.qss has them).
TILE_SUMMARY_PX = 28
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
        self.badge = badge = grows_with_text(text_label(str(number), "TileNumber", wrap=False))
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = grows_with_text(text_label(section.title, "TileTitle"))
        self.summary_label = grows_with_text(text_label(section.summary, "TileSummary"))
        self.picture: QLabel | None = None
        self._illustration = section.illustration
        self._metrics = metrics
        # One picture per theme (~85 kB each at 1080p), drawn once and kept: the high-contrast
        # ones ahead of need (KioskWindow.prepare_ahead; the first three cost 16-22 ms here),
        # so turning high contrast on and off on the home page draws nothing.
        self._thumbnails: dict[Colors, QPixmap] = {}
        self._colors = COLORS
        if section.illustration and metrics.scale >= PICTURE_MIN_SCALE:
            self.picture = QLabel()
            self.picture.setObjectName("TilePicture")
            self.picture.setPixmap(self._thumbnail(COLORS))
            # Named like the picture it stands for, in the tile's language, by the screens' own
            # accessibility pass (kiosk/ui/language_screens.py).
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(
            metrics.spacing, metrics.spacing, metrics.spacing, metrics.spacing
        )
        self._layout.setHorizontalSpacing(metrics.spacing)
        self._layout.setVerticalSpacing(metrics.px(10))
        self.arrange(picture_beside=False, badge_above=False)
        for label in (badge, self.title_label, self.summary_label, self.picture):
            if label is not None:
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def show_colors(self, colors: Colors) -> None:
        """Shows the picture drawn in `colors` (the tile's own colours come from theme.qss)."""
        if colors == self._colors:
            return
        self._colors = colors
        if self.picture is not None:
            self.picture.setPixmap(self._thumbnail(colors))

    def draw_picture_in(self, colors: Colors) -> None:
        """Draws (and keeps) the picture in `colors` without showing it."""
        if self.picture is not None:
            self._thumbnail(colors)

    def _thumbnail(self, colors: Colors) -> QPixmap:
        pixmap = self._thumbnails.get(colors)
        if pixmap is None:
            assert self._illustration is not None  # only a tile with a picture asks
            metrics = self._metrics
            size = QSize(metrics.px(170), metrics.px(125))
            pixmap = thumbnail(self._illustration, size, metrics, colors=colors)
            self._thumbnails[colors] = pixmap
        return pixmap

    def widest_words(self, metrics: Metrics, step: int) -> tuple[int, int]:
        """The widths of the longest word of the title and of the summary at a text size: a
        tile narrower than that would cut a word, not wrap it."""

        def widest(text: str, px: int, *, bold: bool) -> int:
            font = QFont(FONT_FAMILY)
            font.setPixelSize(px)
            font.setBold(bold)
            measure = QFontMetrics(font)
            return max(measure.horizontalAdvance(word) for word in text.split())

        return (
            widest(self.title_label.text(), metrics.tile_title_px_at(step), bold=True),
            widest(self.summary_label.text(), metrics.text_px(TILE_SUMMARY_PX, step), bold=False),
        )

    def arrange(self, *, picture_beside: bool, badge_above: bool) -> None:
        """The picture beside the summary under a full-width title on a tall tile, or beside
        all the words on a wide, low one (portrait screens); the number beside the words, or
        above them where beside it the longest word would not fit (one column on an upright
        10" panel at the largest text: "Antidepressants" is 573 px where 523 are left)."""
        for widget in (self.badge, self.title_label, self.summary_label, self.picture):
            if widget is not None:
                self._layout.removeWidget(widget)
        grid = self._layout
        top, words = (1, 0) if badge_above else (0, 1)
        if badge_above:
            grid.addWidget(self.badge, 0, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            grid.addWidget(self.badge, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.summary_label, top + 1, words)
        if self.picture is None:
            grid.addWidget(self.title_label, top, words)
        elif picture_beside:
            grid.addWidget(self.title_label, top, words)
            grid.addWidget(self.picture, top, words + 1, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        else:
            grid.addWidget(self.title_label, top, words, 1, 2)
            bottom_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            grid.addWidget(self.picture, top + 1, words + 1, 2, 1, bottom_right)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 1 if row == top + 2 else 0)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 1 if column == words else 0)


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
        self._badges_above = False
        # The page is as tall as its wrapped words need at the screen's width (the layouts'
        # height for width), and scrolls by finger when that is more than the screen.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("HomeScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page = QWidget()
        page.setObjectName("HomePage")
        self.scroll_area.setWidget(page)
        # The screen's background shows through, in either theme (setWidget turns the page's
        # fill on, in the light palette: white titles on light grey in high contrast).
        page.setAutoFillBackground(False)
        self.scroll_area.viewport().setAutoFillBackground(False)
        # No sideways swipe on the home page: only scrolling.
        self.kinetic = KineticScroll(self.scroll_area, min_swipe_px=10_000)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.spacing)
        layout.setSpacing(metrics.px(12))
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(metrics.spacing)
        layout.addLayout(self._grid, 1)
        self._metrics = metrics
        self._text_step = 0
        self._colors = COLORS
        self._arrange(LANDSCAPE_COLUMNS, badges_above=False)

    def set_colors(self, colors: Colors) -> None:
        """The session's theme for the tiles' pictures: now if the page is on screen, else as it
        is shown (like the theme's style sheet, kiosk/ui/session_look.py)."""
        self._colors = colors
        if self.isVisible():
            self._show_colors()

    def draw_pictures_in(self, colors: Colors) -> None:
        """Draws the tiles' pictures in `colors` now, for later: a theme chosen while the home
        page is on screen then shows them at once."""
        for tile in self.tiles:
            tile.draw_picture_in(colors)

    def _show_colors(self) -> None:
        for tile in self.tiles:
            tile.show_colors(self._colors)

    def showEvent(self, event: QShowEvent) -> None:
        self._show_colors()
        super().showEvent(event)

    def set_text_step(self, step: int) -> None:
        if step != self._text_step:
            self._text_step = step
            self._fit_columns(self.width(), self.height())

    def _columns_for(self, width: int, height: int) -> tuple[int, bool]:
        """One column on a portrait screen; on a landscape one as many (up to three) as leave
        every tile room for its longest word at the text size, so that words wrap, never cut.
        And whether, in one column, the numbers must go above the words to leave them that room."""
        if not self.tiles:
            return 1, False
        metrics, step = self._metrics, self._text_step
        widest = [tile.widest_words(metrics, step) for tile in self.tiles]
        title_word = max(title for title, _summary in widest)
        summary_word = max(summary for _title, summary in widest)
        picture = (
            metrics.px(170) + metrics.spacing if any(tile.picture for tile in self.tiles) else 0
        )
        # The page's margins, a scrollbar's width, and in each tile its outline, margins, badge
        # and the gap beside the badge.
        room = width - 2 * metrics.margin - metrics.px(20)
        tile_chrome = 2 * max(2, metrics.px(3)) + 3 * metrics.spacing + metrics.badge(step)

        def fit(columns: int) -> bool:
            words = (room - (columns - 1) * metrics.spacing) // columns - tile_chrome
            return words >= title_word and words - picture >= summary_word

        if width >= height:
            for columns in range(LANDSCAPE_COLUMNS, 1, -1):
                if fit(columns):
                    return columns, False
        return 1, not fit(1)

    def _fit_columns(self, width: int, height: int) -> None:
        if width > 0 and height > 0:
            columns, badges_above = self._columns_for(width, height)
            self._arrange(columns, badges_above=badges_above)

    def _arrange(self, columns: int, *, badges_above: bool) -> None:
        if (columns, badges_above) == (self._columns, self._badges_above):
            return
        self._columns, self._badges_above = columns, badges_above
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
            tile.arrange(picture_beside=columns == 1, badge_above=badges_above)
        for row in range((len(self.tiles) + columns - 1) // columns):
            self._grid.setRowStretch(row, 1)
        for column in range(LANDSCAPE_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_columns(event.size().width(), event.size().height())
        super().resizeEvent(event)
