"""Where a picture is painted: a card with the legend above the picture, a still layer painted
once into a pixmap, and the motion layer drawn over it in the moving part only, frame by frame.

The canvas owns its `Picture` and rebuilds it when its size, pixel ratio, kept-clear corner,
text size or theme changes. It is told the state and the motion's time; a tap on it (not the end
of a drag) emits `tapped`. It knows nothing of the widget around it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.illustration_specs import LegendItem
from kiosk.theme import COLORS, Colors, Metrics
from kiosk.ui.illustrations.drawing import color, pen
from kiosk.ui.illustrations.legend import draw_legend, legend_height
from kiosk.ui.illustrations.picture import Picture, label_px

FRAME_MARGIN = 4  # 1080p pixels round the moving part, for antialiased edges
TAP_SLOP = 40  # a finger that moves further than this (1080p pixels) is dragging, not tapping
# How closely least_height finds the height at which every label fits, in 1080p pixels, and the
# tallest it tries, in canvas widths: each try lays the picture out once (~1-3 ms). Where a word
# is wider than any room the picture has (the pain-mood cycle at 461 px on a 10" panel), no
# height helps: the picture stops at twice its width, and the reader, told by words_fit, gives
# it a wider place (under the text).
HEIGHT_PRECISION = 12
TALLEST_SHARE = 2


class PictureCanvas(QWidget):
    tapped = Signal()

    def __init__(
        self,
        kind: type[Picture],
        metrics: Metrics,
        *,
        language: str,
        legend: tuple[LegendItem, ...],
        state: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("IllustrationCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.kind = kind
        self.metrics = metrics
        self.language = language
        self.legend = legend
        self._state = state
        self._phase = kind.still_phase
        self._keep_clear = QRectF()
        self._text_step = 0
        # least_height's answers, by width, kept-clear corner, text step and least height.
        self._least: dict[tuple[int, tuple[float, float, float, float], int, int], int] = {}
        # words_fit's answers, by width, kept-clear corner and text step.
        self._fit: dict[tuple[int, tuple[float, float, float, float], int], bool] = {}
        self._still: QPixmap | None = None
        self._still_ratio = 0.0
        self._picture: Picture | None = None
        self._moving = QRect()
        self._pressed_at: QPointF | None = None
        # The session's theme: round the card (the screen's background, the card's edge) and
        # in it (kiosk/theme.py picture_pairs checks what is drawn on what, in both themes).
        self._colors = COLORS

    # --- what to show -----------------------------------------------------------------------

    def set_colors(self, colors: Colors, legend: tuple[LegendItem, ...]) -> None:
        """Draws the card, `legend` (in `colors`) and the picture in `colors`: the picture is
        built again and its still layer painted again once, on the next paint (the markers'
        sprites are made once per theme)."""
        if colors == self._colors and legend == self.legend:
            return
        self._colors = colors
        self.legend = legend
        self._picture = None
        self.invalidate()

    def set_state(self, state: str) -> None:
        self._state = state
        self.invalidate()

    def set_phase(self, phase: float) -> None:
        """Shows the motion at `phase` seconds (a still frame, a paused one)."""
        self._phase = phase
        self.update()

    def next_frame(self, phase: float) -> None:
        """Repaints the moving part only, at `phase` seconds."""
        self._phase = phase
        if self._picture is None:
            self.update()
        else:
            self.update(self._moving)

    def set_keep_clear(self, corner: QRectF) -> None:
        """A corner (canvas coordinates; empty for none) the legend and the picture leave free,
        for a button laid over it."""
        if corner == self._keep_clear:
            return
        self._keep_clear = QRectF(corner)
        self._picture = None
        self.invalidate()

    def set_text_step(self, step: int) -> None:
        """The reader's text-size step: the legend and the words inside the picture grow with
        it (kiosk/ui/illustrations/picture.py label_px)."""
        if step == self._text_step:
            return
        self._text_step = step
        self._picture = None
        self.invalidate()

    def least_height(self, width: int, keep_clear: QRectF, shortest: int) -> int:
        """The least height, from `shortest` up, at which a canvas `width` wide with the
        `keep_clear` corner fits every label at the present text size (Picture.fits): the
        widget asks its panel for that much. Searched once for each of these and text size."""
        corner = (keep_clear.x(), keep_clear.y(), keep_clear.width(), keep_clear.height())
        key = (width, corner, self._text_step, shortest)
        if key not in self._least:
            self._least[key] = self._search_least_height(width, keep_clear, shortest)
        return self._least[key]

    def words_fit(self, width: int, keep_clear: QRectF) -> bool:
        """Whether every label fits a canvas `width` wide with the `keep_clear` corner at the
        present text size, at the tallest least_height tries: where not, the reader gives the
        picture more width (at 461 px on a 10" panel the pain-mood cycle's two columns cannot
        hold "activity" at 43 px). One layout (~1-3 ms), once for each of these."""
        corner = (keep_clear.x(), keep_clear.y(), keep_clear.width(), keep_clear.height())
        key = (width, corner, self._text_step)
        if key not in self._fit:
            tallest = QSizeF(width, width * TALLEST_SHARE)
            self._fit[key] = self._build_picture(tallest, keep_clear).fits
        return self._fit[key]

    def _search_least_height(self, width: int, keep_clear: QRectF, shortest: int) -> int:
        def fits(height: float) -> bool:
            return self._build_picture(QSizeF(width, height), keep_clear).fits

        tallest = max(shortest, width * TALLEST_SHARE)
        if fits(shortest):
            return shortest
        low, high = float(shortest), float(shortest)
        while not fits(high):
            if high >= tallest:
                return tallest  # fits nowhere: the labels are all painted, some overlapping
            low, high = high, min(tallest, high * 1.5)
        while high - low > self.metrics.px(HEIGHT_PRECISION):
            middle = (low + high) / 2
            low, high = (low, middle) if fits(middle) else (middle, high)
        return math.ceil(high)

    def invalidate(self) -> None:
        self._still = None
        self.update()

    @property
    def picture(self) -> Picture:
        """The picture as laid out for the canvas's present size (built if needed)."""
        if self._picture is None:
            self._picture = self._build_picture(QSizeF(self.size()), self._keep_clear)
            self._picture.ratio = self.devicePixelRatioF()
            moving = QRectF()
            for rect in self._picture.motion_rects():
                moving = moving.united(rect)
            margin = self.metrics.px(FRAME_MARGIN)
            self._moving = moving.toAlignedRect().adjusted(-margin, -margin, margin, margin)
        return self._picture

    # --- layout -----------------------------------------------------------------------------

    @property
    def _padding(self) -> float:
        return float(self.metrics.px(16))

    def _legend_px(self) -> float:
        return label_px(self.metrics, self._text_step)

    def _legend_rect(self, size: QSizeF, keep_clear: QRectF) -> QRectF:
        pad = self._padding
        reserve = keep_clear.width() + pad if not keep_clear.isEmpty() else 0.0
        width = max(1.0, size.width() - 2 * pad - reserve)
        height = legend_height(self.legend, self._legend_px(), width)
        return QRectF(pad, pad, width, height)

    def _build_picture(self, size: QSizeF, keep_clear: QRectF) -> Picture:
        pad = self._padding
        legend = self._legend_rect(size, keep_clear)
        top = legend.bottom() + (pad * 0.75 if legend.height() else 0.0)
        rect = QRectF(
            pad, top, max(1.0, size.width() - 2 * pad), max(1.0, size.height() - top - pad)
        )
        return self.kind(
            rect,
            self.metrics,
            labels=True,
            keep_clear=keep_clear,
            language=self.language,
            text_step=self._text_step,
            colors=self._colors,
        )

    def paint_still_layer(self, size: QSize, ratio: float) -> QPixmap:
        """The card, the legend and the picture's still parts; painted again only when the
        state, size or pixel ratio changes (the motion layer is drawn over a copy of it)."""
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(color(self._colors.background))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = max(2, self.metrics.px(3))
        card = QRectF(0, 0, size.width(), size.height()).adjusted(
            edge / 2, edge / 2, -edge / 2, -edge / 2
        )
        radius = self.metrics.px(16)
        painter.setPen(pen(self._colors.outline, edge))
        painter.setBrush(color(self._colors.surface))
        painter.drawRoundedRect(card, radius, radius)
        legend = self._legend_rect(QSizeF(size), self._keep_clear)
        draw_legend(painter, legend, self.legend, self._legend_px(), self._colors)
        self.picture.paint_still(painter, self._state)
        painter.end()
        return pixmap

    # --- events -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._picture = None
        self.invalidate()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Sixty times a second: every call into Qt here costs, so the still layer is checked
        # against the one thing a resize (which clears it) does not cover, the pixel ratio.
        ratio = self.devicePixelRatioF()
        if ratio != self._still_ratio:
            self._picture = None
            self._still = None
        picture = self.picture
        painter = QPainter(self)
        if self._still is None:
            self._still = self.paint_still_layer(self.size(), ratio)
            self._still_ratio = ratio
        # Only the repainted part is copied: Qt clips the painter to the event's region.
        painter.drawPixmap(0, 0, self._still)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        picture.paint_motion(painter, self._state, self._phase)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A tap (not the end of a drag) is `tapped`."""
        pressed, self._pressed_at = self._pressed_at, None
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None:
            moved = (event.position() - pressed).manhattanLength()
            if moved <= self.metrics.px(TAP_SLOP):
                self.tapped.emit()
        super().mouseReleaseEvent(event)
