"""What every illustration shares: one frame timer, pause, reduced motion, captions, controls.

An illustration is two parts. A `Picture` (plain Python) knows how to draw one scene into a
rectangle: a still layer that only changes with the state or size, and a motion layer drawn on
top of it each frame. An `Illustration` (the widget) owns the picture's canvas, the caption, the
state buttons and a pause button, and runs the motion only while it is visible: one QTimer,
started in showEvent and stopped in hideEvent, with the motion timed by a QElapsedTimer so its
speed does not depend on the frame rate. With reduced motion every state is a still frame.

Every word an illustration shows or speaks comes from kiosk/illustration_text.py, in the language
it was made for (`language=`; English for a language without a table).
"""

from __future__ import annotations

import logging
import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QElapsedTimer, QPointF, QRect, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.frame_budget import CHECK_MS, FrameBudget
from kiosk.illustration_text import (
    IllustrationText,
    StateWords,
    illustration_language,
    illustration_text,
)
from kiosk.theme import BODY_PX_STEPS, COLORS, Metrics
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton

log = logging.getLogger(__name__)

# One for the process: what a frame costs is the machine's, whichever picture draws it.
FRAME_BUDGET = FrameBudget()
FONT_FAMILY = "Atkinson Hyperlegible"
FRAME_MARGIN = 4  # 1080p pixels round the moving part, for antialiased edges
MIN_PICTURE = 180  # the smallest picture height worth showing, in 1080p pixels
MIN_WIDTH = 560  # in 1080p pixels: about 400 px on a 1280×800 screen
TAP_SLOP = 40  # a finger that moves further than this (1080p pixels) is dragging, not tapping
SMALLEST_TEXT = 0.8  # words in a picture may shrink to this share of their size to fit
SHRINK_STEP = 0.1
# A point for motion maths: plain floats are much cheaper than QPointF, frame after frame.
Point = tuple[float, float]
WRAP = Qt.TextFlag.TextWordWrap
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class StateText:
    """One state of an illustration: its words (in one language), and the label of the button
    that selects it."""

    name: str
    caption: str  # at most two short sentences, shown under the picture
    description: str  # the text alternative: what the picture shows, in full
    button: str | None  # None: the resting state, reached by tapping the active button again

    @classmethod
    def of(cls, name: str, words: StateWords) -> StateText:
        return cls(name, words.caption, words.description, words.button)


@dataclass(frozen=True)
class LegendItem:
    shape: str  # one of MARKER_SHAPES
    color: str
    label: str


# ---------------------------------------------------------------------------------------------
# Drawing helpers shared by the pictures


def font(px: float, *, bold: bool = False) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(max(1, round(px)))
    result.setBold(bold)
    return result


def color(hex_color: str, alpha: float = 1.0) -> QColor:
    result = QColor(hex_color)
    result.setAlphaF(max(0.0, min(1.0, alpha)))
    return result


def pen(hex_color: str, width: float, alpha: float = 1.0) -> QPen:
    result = QPen(color(hex_color, alpha), width)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return result


def text_size(text: str, px: float, width: float, *, bold: bool = False) -> QSizeF:
    """The size `text` takes when wrapped to `width`."""
    metrics = QFontMetricsF(font(px, bold=bold))
    bounds = metrics.boundingRect(QRectF(0, 0, max(1.0, width), 100_000), WRAP | TOP_LEFT, text)
    return bounds.size()


def fit_variant(
    variants: Sequence[str], px: float, width: float, height: float, *, bold: bool = False
) -> str | None:
    """The first (longest) wording that fits `width` × `height` when wrapped, or None."""
    for text in variants:
        size = text_size(text, px, width, bold=bold)
        if size.width() <= width + 0.5 and size.height() <= height + 0.5:
            return text
    return None


def text_scales(smallest: float) -> list[float]:
    """Shares of the normal text size to try, largest first, down to `smallest`."""
    scales = [1.0]
    while scales[-1] - SHRINK_STEP >= smallest - 1e-6:
        scales.append(scales[-1] - SHRINK_STEP)
    return scales


def fit_scaled(
    variants: Sequence[str],
    px: float,
    width: float,
    height: float,
    *,
    bold: bool = False,
    smallest: float = 1.0,
) -> tuple[str, float] | None:
    """The longest wording that fits at full size, else at a smaller size down to `smallest`
    of it (a shorter wording is better than smaller text); with its size, or None."""
    for scale in text_scales(smallest):
        text = fit_variant(variants, px * scale, width, height, bold=bold)
        if text is not None:
            return text, px * scale
    return None


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    *,
    ink: str = COLORS.text,
    bold: bool = False,
    align: Qt.AlignmentFlag = TOP_LEFT,
) -> None:
    painter.setFont(font(px, bold=bold))
    painter.setPen(color(ink))
    painter.drawText(rect, int(align) | int(WRAP), text)


def draw_fitting(
    painter: QPainter,
    region: QRectF,
    variants: Sequence[str],
    px: float,
    *,
    ink: str = COLORS.text,
    bold: bool = False,
    align: Qt.AlignmentFlag = TOP_LEFT,
    smallest: float = 1.0,
) -> str | None:
    """Draws the longest wording that fits `region`, shrunk down to `smallest` of `px` if no
    wording fits at full size (nothing if none fits even then); returns it."""
    fitted = fit_scaled(variants, px, region.width(), region.height(), bold=bold, smallest=smallest)
    if fitted is None:
        return None
    text, size = fitted
    draw_text(painter, region, text, size, ink=ink, bold=bold, align=align)
    return text


def smooth(t: float) -> float:
    """Ease in and out on 0..1."""
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def xy(point: QPointF) -> Point:
    return (point.x(), point.y())


def cycle(phase: float, period: float, offset: float = 0.0) -> float:
    """Where a repeating motion of `period` seconds is, on 0..1."""
    return ((phase / period) + offset) % 1.0


class Track:
    """A polyline that things travel along, measured by length so speed stays even."""

    def __init__(self, points: Sequence[QPointF]) -> None:
        self.points = [xy(point) for point in points]
        self._lengths = [0.0]
        for a, b in zip(self.points, self.points[1:], strict=False):
            self._lengths.append(self._lengths[-1] + math.dist(a, b))

    @property
    def length(self) -> float:
        return self._lengths[-1]

    def at(self, t: float) -> Point:
        if len(self.points) == 1 or self.length == 0:
            return self.points[0]
        target = max(0.0, min(1.0, t)) * self.length
        for index in range(1, len(self.points)):
            if self._lengths[index] >= target:
                span = self._lengths[index] - self._lengths[index - 1]
                local = (target - self._lengths[index - 1]) / span if span else 0.0
                return lerp(self.points[index - 1], self.points[index], local)
        return self.points[-1]

    def path(self) -> QPainterPath:
        path = QPainterPath(QPointF(*self.points[0]))
        for point in self.points[1:]:
            path.lineTo(QPointF(*point))
        return path


MARKER_SHAPES = ("circle", "triangle", "burst", "wave", "capsule")


def marker_path(shape: str, center: QPointF, size: float) -> QPainterPath:
    """A marker of about `size` across: each kind of thing has its own outline, not just a colour."""
    r = size / 2
    x, y = center.x(), center.y()
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(center, r * 0.85, r * 0.85)
    elif shape == "triangle":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r),
                    QPointF(x + r * 0.95, y + r * 0.75),
                    QPointF(x - r * 0.95, y + r * 0.75),
                ]
            )
        )
        path.closeSubpath()
    elif shape == "burst":
        points = []
        for i in range(14):
            radius = r if i % 2 == 0 else r * 0.5
            angle = math.pi * i / 7 - math.pi / 2
            points.append(QPointF(x + radius * math.cos(angle), y + radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    elif shape == "wave":
        path.moveTo(x - r, y)
        for i in range(1, 25):
            t = i / 24
            path.lineTo(x - r + 2 * r * t, y - r * 0.45 * math.sin(t * 2 * math.pi * 1.5))
    elif shape == "capsule":
        path.addRoundedRect(QRectF(x - r, y - r * 0.45, 2 * r, r * 0.9), r * 0.45, r * 0.45)
    else:
        raise ValueError(f"unknown marker shape {shape!r}")
    return path


def _paint_marker(painter: QPainter, shape: str, center: QPointF, size: float, ink: str) -> None:
    path = marker_path(shape, center, size)
    if shape == "wave":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen(ink, max(2.0, size * 0.2)))
    else:
        painter.setBrush(color(ink))
        painter.setPen(pen(COLORS.surface, max(1.0, size * 0.08)))
    painter.drawPath(path)
    if shape == "capsule":
        painter.setPen(pen(COLORS.surface, max(1.0, size * 0.08)))
        painter.drawLine(
            QPointF(center.x(), center.y() - size * 0.22),
            QPointF(center.x(), center.y() + size * 0.22),
        )


_SPRITES: dict[tuple[str, str, int, float], QPixmap] = {}
SPRITE_CACHE_LIMIT = 256


def _sprite(shape: str, ink: str, size: int, ratio: float) -> QPixmap:
    """A marker drawn once into a small pixmap: moving marks are copied, not redrawn, each frame."""
    key = (shape, ink, size, ratio)
    sprite = _SPRITES.get(key)
    if sprite is None:
        if len(_SPRITES) >= SPRITE_CACHE_LIMIT:
            _SPRITES.clear()
        side = size * 2
        sprite = QPixmap(round(side * ratio), round(side * ratio))
        sprite.setDevicePixelRatio(ratio)
        sprite.fill(Qt.GlobalColor.transparent)
        painter = QPainter(sprite)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_marker(painter, shape, QPointF(side / 2, side / 2), size, ink)
        painter.end()
        _SPRITES[key] = sprite
    return sprite


def draw_marker(
    painter: QPainter,
    shape: str,
    center: QPointF | Point,
    size: float,
    ink: str,
    alpha: float = 1.0,
    *,
    ratio: float | None = None,
) -> None:
    """A marker of one of MARKER_SHAPES, about `size` across, centred on `center`. The motion
    layer passes its device pixel `ratio`: asking the painter for it costs, frame after frame."""
    if alpha <= 0.01:
        return
    x, y = xy(center) if isinstance(center, QPointF) else center
    whole = max(1, round(size))
    if ratio is None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
    sprite = _sprite(shape, ink, whole, ratio)
    if alpha < 0.99:
        painter.setOpacity(alpha)
    painter.drawPixmap(QPointF(x - whole, y - whole), sprite)
    if alpha < 0.99:
        painter.setOpacity(1.0)


def draw_arrow_head(
    painter: QPainter, tip: QPointF, angle: float, size: float, ink: str, alpha: float = 1.0
) -> None:
    """A filled arrow head pointing along `angle` (radians, screen coordinates)."""
    back = angle + math.pi
    left = QPointF(tip.x() + size * math.cos(back + 0.45), tip.y() + size * math.sin(back + 0.45))
    right = QPointF(tip.x() + size * math.cos(back - 0.45), tip.y() + size * math.sin(back - 0.45))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(ink, alpha))
    painter.drawPolygon(QPolygonF([tip, left, right]))


def legend_rows(
    items: Sequence[LegendItem], px: float, width: float
) -> list[list[tuple[LegendItem, float]]]:
    """Legend items flowed into rows that fit `width`, each with its width."""
    rows: list[list[tuple[LegendItem, float]]] = [[]]
    used = 0.0
    gap = px
    for item in items:
        item_width = px * 1.5 + text_size(item.label, px, 10_000, bold=True).width()
        if rows[-1] and used + gap + item_width > width:
            rows.append([])
            used = 0.0
        used += (gap if rows[-1] else 0.0) + item_width
        rows[-1].append((item, item_width))
    return rows


def legend_height(items: Sequence[LegendItem], px: float, width: float) -> float:
    if not items:
        return 0.0
    return len(legend_rows(items, px, width)) * px * 1.45


def draw_legend(painter: QPainter, rect: QRectF, items: Sequence[LegendItem], px: float) -> None:
    line = px * 1.45
    y = rect.top()
    for row in legend_rows(items, px, rect.width()):
        x = rect.left()
        for item, item_width in row:
            draw_marker(
                painter, item.shape, QPointF(x + px * 0.55, y + line / 2), px * 1.05, item.color
            )
            label = QRectF(x + px * 1.5, y, item_width - px * 1.5 + 2, line)
            draw_text(
                painter, label, item.label, px, bold=True, align=Qt.AlignmentFlag.AlignVCenter
            )
            x += item_width + px
        y += line


def stack_labels(
    wished: Sequence[float], heights: Sequence[float], top: float, bottom: float, gap: float
) -> list[float] | None:
    """Tops for labels as near their `wished` tops as they can be without overlapping, all
    inside top..bottom and in the given order; None if they cannot all fit."""
    if sum(heights) + gap * max(0, len(heights) - 1) > bottom - top + 0.5:
        return None
    placed = []
    cursor = top
    for wish, height in zip(wished, heights, strict=True):
        y = max(wish, cursor)
        placed.append(y)
        cursor = y + height + gap
    limit = bottom
    for index in reversed(range(len(placed))):
        placed[index] = min(placed[index], limit - heights[index])
        limit = placed[index] - gap
    return placed


class Picture(ABC):
    """Draws one illustration's scene into `rect`; built again when the size changes."""

    # The moment of the motion that a still frame (reduced motion, previews, thumbnails) shows.
    still_phase: ClassVar[float] = 0.0

    def __init__(
        self,
        rect: QRectF,
        metrics: Metrics,
        *,
        labels: bool = True,
        keep_clear: QRectF | None = None,
        language: str = "en",
    ) -> None:
        self.rect = QRectF(rect)
        self.metrics = metrics
        self.labels = labels
        self.words = illustration_text(language)  # for the words painted inside the picture
        # A corner the picture leaves free for the pause button.
        self.keep_clear = QRectF(keep_clear) if keep_clear is not None else QRectF()
        # Label size; a label-free thumbnail scales its marks to its own size instead.
        self.px = float(metrics.small_px)
        self.ratio = (
            1.0  # the device pixel ratio the motion layer is painted at (set by the canvas)
        )
        if not labels:
            self.px = max(6.0, min(self.px, rect.height() / 12))
        self.line = max(2.0, metrics.px(3))

    @classmethod
    def legend(cls, words: IllustrationText) -> tuple[LegendItem, ...]:
        """The key above the picture, in `words`' language; none by default."""
        return ()

    @abstractmethod
    def paint_still(self, painter: QPainter, state: str) -> None:
        """The parts of `state` that do not move."""

    @abstractmethod
    def paint_motion(self, painter: QPainter, state: str, phase: float) -> None:
        """The moving parts of `state` at `phase` seconds."""

    def motion_rects(self) -> list[QRectF]:
        """Where things move. Each frame repaints one rectangle round all of them: in Qt that
        costs less than several small ones or the whole picture."""
        return [self.rect]


# ---------------------------------------------------------------------------------------------
# The widget


def _pause_icon(size: int, *, playing: bool) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(COLORS.text))
    if playing:  # show "pause": two bars
        bar = size * 0.26
        painter.drawRoundedRect(
            QRectF(size * 0.16, size * 0.1, bar, size * 0.8), bar * 0.2, bar * 0.2
        )
        painter.drawRoundedRect(
            QRectF(size * 0.58, size * 0.1, bar, size * 0.8), bar * 0.2, bar * 0.2
        )
    else:  # show "play": a triangle
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(size * 0.2, size * 0.08),
                    QPointF(size * 0.9, size * 0.5),
                    QPointF(size * 0.2, size * 0.92),
                ]
            )
        )
    painter.end()
    return QIcon(pixmap)


def _row_width(row: Sequence[tuple[QWidget, int]], gap: int) -> int:
    return sum(width for _widget, width in row) + gap * max(0, len(row) - 1)


class _Canvas(QWidget):
    """Where the picture is painted; a tap on it pauses or resumes the motion."""

    def __init__(self, owner: Illustration) -> None:
        super().__init__(owner)
        self.setObjectName("IllustrationCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._owner = owner
        self._still: QPixmap | None = None
        self._still_ratio = 0.0
        self.picture: Picture | None = None
        self._moving = QRect()
        self._pressed_at: QPointF | None = None

    def invalidate(self) -> None:
        self._still = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.picture = None
        self.invalidate()
        super().resizeEvent(event)

    def ensure_picture(self) -> Picture:
        if self.picture is None:
            self.picture = self._owner.build_picture(QSizeF(self.size()))
            self.picture.ratio = self.devicePixelRatioF()
            moving = QRectF()
            for rect in self.picture.motion_rects():
                moving = moving.united(rect)
            margin = self._owner.metrics.px(FRAME_MARGIN)
            self._moving = moving.toAlignedRect().adjusted(-margin, -margin, margin, margin)
        return self.picture

    def next_frame(self) -> None:
        if self.picture is None:
            self.update()
        else:
            self.update(self._moving)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Sixty times a second: every call into Qt here costs, so the still layer is checked
        # against the one thing a resize (which clears it) does not cover, the pixel ratio.
        ratio = self.devicePixelRatioF()
        if ratio != self._still_ratio:
            self.picture = None
            self._still = None
        picture = self.ensure_picture()
        painter = QPainter(self)
        if self._still is None:
            self._still = self._owner.paint_still_layer(self.size(), ratio)
            self._still_ratio = ratio
        # Only the repainted part is copied: Qt clips the painter to the event's region.
        painter.drawPixmap(0, 0, self._still)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        picture.paint_motion(painter, self._owner.state, self._owner.phase)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_at = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A tap (not the end of a drag) pauses or resumes the motion."""
        pressed, self._pressed_at = self._pressed_at, None
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None:
            moved = (event.position() - pressed).manhattanLength()
            if moved <= self._owner.metrics.px(TAP_SLOP):
                self._owner.toggle_pause()
        super().mouseReleaseEvent(event)


class Illustration(QWidget):
    """A picture, its caption, a button per state and a pause button; the base of every illustration."""

    key: ClassVar[str]
    states: ClassVar[tuple[str, ...]]  # the first is where it starts and resets to
    picture: ClassVar[type[Picture]]

    state_changed = Signal(str)
    # A patient chose a state or paused/resumed the motion (not a reset or a program's change).
    used = Signal()

    def __init__(
        self,
        metrics: Metrics,
        *,
        reduced_motion: bool = False,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Illustration")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.metrics = metrics
        self.language = illustration_language(language)  # "en" for a language without words
        self.words = illustration_text(self.language)
        own = self.words.for_key(self.key)
        by_state = own.states()
        self.title = own.title  # the accessible name
        self.texts = tuple(StateText.of(name, by_state[name]) for name in self.states)
        self.legend = self.picture.legend(self.words)
        self._texts = {text.name: text for text in self.texts}
        self._state = self.states[0]
        self._reduced_motion = reduced_motion
        self._paused = False
        self._shown = False
        self._held = False  # after reset(): no motion until shown again
        self._body_step = 0
        self._phase_base = self.picture.still_phase
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._frames_to_check = 0
        # Coarse: Qt may shift a frame by a millisecond to share wake-ups; the motion is timed
        # by the clock, not by counting frames, so it stays smooth and costs less.
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)

        self.canvas = _Canvas(self)
        self._timer.timeout.connect(self._on_frame)
        self.caption_label = text_label("", "IllustrationCaption", self)
        # Measures every state's caption for the layout without touching the one on show.
        self._caption_probe = text_label("", "IllustrationCaption", self)
        self._caption_probe.hide()
        self._pause_in_canvas = False
        self.pause_button = TouchButton(self.words.pause, self)
        self.pause_button.setObjectName("IllustrationPause")
        self.pause_button.setText("")
        self.pause_button.setIconSize(QSize(metrics.touch_target // 2, metrics.touch_target // 2))
        self.pause_button.setFixedSize(metrics.touch_target, metrics.touch_target)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.choice_buttons: dict[str, TouchButton] = {}
        for text in self.texts:
            if text.button is None:
                continue
            button = TouchButton(text.button, self)
            button.setObjectName("IllustrationChoice")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, name=text.name: self._on_choice(name))
            self.choice_buttons[text.name] = button
        self.setAccessibleName(self.title)
        self._apply_style()
        self._show_state()
        self._sync_pause_button()

    # --- public API -----------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    def set_state(self, name: str) -> None:
        if name not in self._texts:
            raise ValueError(f"{self.key} has no state {name!r} (states: {', '.join(self.states)})")
        if name == self._state:
            self._sync_choices()
            return
        self._state = name
        self._show_state()
        self.state_changed.emit(name)

    def caption(self) -> str:
        return self._texts[self._state].caption

    def text_for(self, state: str) -> StateText:
        return self._texts[state]

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self._sync_pause_button()
        self._sync_timer()
        self._arrange()
        self.canvas.update()

    @property
    def is_paused(self) -> bool:
        return self._paused

    @property
    def is_animating(self) -> bool:
        return self._timer.isActive()

    @property
    def frame_timer(self) -> QTimer:
        """The one timer that drives the motion (runs only while shown, unpaused, moving)."""
        return self._timer

    @property
    def phase(self) -> float:
        """Seconds of motion shown now (fixed for a still frame)."""
        if self._reduced_motion:
            return self.picture.still_phase
        if self._timer.isActive() and self._clock.isValid():
            return self._phase_base + self._clock.elapsed() / 1000
        return self._phase_base

    def pause(self) -> None:
        self._paused = True
        self._sync_timer()
        self._sync_pause_button()

    def resume(self) -> None:
        self._paused = False
        self._sync_timer()
        self._sync_pause_button()

    def toggle_pause(self) -> None:
        if self._reduced_motion:
            return
        if self._paused:
            self.resume()
        else:
            self.pause()
        self.used.emit()

    def reset(self) -> None:
        """Back to the first state and the still frame, unpaused; no motion until shown again."""
        self._held = True
        self._paused = False
        self._sync_timer()
        self._phase_base = self.picture.still_phase
        self._sync_pause_button()
        self.set_state(self.states[0])
        self.canvas.update()

    def set_text_step(self, step: int) -> None:
        """Follows the reader's text size for the caption (0 = normal)."""
        step = max(0, min(len(BODY_PX_STEPS) - 1, step))
        if step == self._body_step:
            return  # the reader calls this on every section it opens: restyling costs ~2 ms
        self._body_step = step
        self._apply_style()
        self._arrange()

    def sizeHint(self) -> QSize:
        return QSize(self.metrics.px(700), self.metrics.px(650))

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest button allows, and tall enough for the words, the buttons and
        a picture of at least MIN_PICTURE (1080p pixels)."""
        self._polish_all()
        width = self.metrics.px(MIN_WIDTH)
        for button in self.choice_buttons.values():
            width = max(width, button.sizeHint().width())
        return QSize(width, self.height_for_width(width))

    def height_for_width(self, width: int) -> int:
        """The least height at `width` for the words, the buttons and a picture of at least
        MIN_PICTURE (1080p pixels): what a panel that scrolls the picture must give it."""
        self._polish_all()
        gap = self.metrics.px(12)
        rows, _in_canvas = self._button_rows(width, gap)
        controls = len(rows) * (self.metrics.touch_target + gap)
        return self.metrics.px(MIN_PICTURE) + gap + self._caption_height(width) + controls

    # --- drawing ----------------------------------------------------------------------------

    @property
    def _padding(self) -> float:
        return float(self.metrics.px(16))

    def _legend_px(self) -> float:
        return float(self.metrics.small_px)

    def _legend_rect(self, size: QSizeF) -> QRectF:
        pad = self._padding
        reserve = self.metrics.touch_target + pad if self._pause_in_canvas else 0.0
        width = max(1.0, size.width() - 2 * pad - reserve)
        height = legend_height(self.legend, self._legend_px(), width)
        return QRectF(pad, pad, width, height)

    def build_picture(self, size: QSizeF) -> Picture:
        pad = self._padding
        legend = self._legend_rect(size)
        top = legend.bottom() + (pad * 0.75 if legend.height() else 0.0)
        rect = QRectF(
            pad, top, max(1.0, size.width() - 2 * pad), max(1.0, size.height() - top - pad)
        )
        keep_clear = QRectF(self.pause_button.geometry()) if self._pause_in_canvas else QRectF()
        return self.picture(
            rect, self.metrics, labels=True, keep_clear=keep_clear, language=self.language
        )

    def paint_still_layer(self, size: QSize, ratio: float) -> QPixmap:
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(color(COLORS.background))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(0, 0, size.width(), size.height()).adjusted(1, 1, -1, -1)
        radius = self.metrics.px(16)
        painter.setPen(pen(COLORS.outline, max(1.5, self.metrics.px(2))))
        painter.setBrush(color(COLORS.surface))
        painter.drawRoundedRect(card, radius, radius)
        draw_legend(painter, self._legend_rect(QSizeF(size)), self.legend, self._legend_px())
        self.canvas.ensure_picture().paint_still(painter, self._state)
        painter.end()
        return pixmap

    # --- events -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        self._held = False
        self._arrange()
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        self._shown = False
        self._sync_timer()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # --- inside -----------------------------------------------------------------------------

    def _on_choice(self, name: str) -> None:
        resting = self.states[0]
        if name == self._state and self._texts[resting].button is None:
            self.set_state(resting)  # tapping the active helper again shows the plain picture
        else:
            self.set_state(name)
        self._sync_choices()
        self.used.emit()

    def _sync_timer(self) -> None:
        should_run = (
            self._shown and not self._paused and not self._reduced_motion and not self._held
        )
        if should_run and not self._timer.isActive():
            self._clock.start()
            FRAME_BUDGET.begin()
            self._start_frames(FRAME_BUDGET.interval_ms)
        elif not should_run and self._timer.isActive():
            self._phase_base += self._clock.elapsed() / 1000
            self._timer.stop()
            self._clock.invalidate()

    def _start_frames(self, interval_ms: int) -> None:
        self._frames_to_check = CHECK_MS // interval_ms
        self._timer.start(interval_ms)

    def _on_frame(self) -> None:
        self.canvas.next_frame()
        # The budget is read every CHECK_MS of motion, counted in frames: no second timer.
        self._frames_to_check -= 1
        if self._frames_to_check <= 0:
            self._check_budget()

    def _check_budget(self) -> None:
        changed = FRAME_BUDGET.check()
        self._start_frames(FRAME_BUDGET.interval_ms)
        if not changed:
            return
        log.info(
            "pictures now draw %d frames a second: %.1f %% of a core at the last reading"
            " (budget %.0f %% while one moves)",
            FRAME_BUDGET.frames_per_second,
            FRAME_BUDGET.last_percent or 0.0,
            FRAME_BUDGET.budget_percent,
        )

    def _sync_pause_button(self) -> None:
        self.pause_button.setVisible(not self._reduced_motion)
        label = self.words.play if self._paused else self.words.pause
        self.pause_button.setAccessibleName(label)
        self.pause_button.setToolTip("")
        self.pause_button.setIcon(_pause_icon(self.metrics.touch_target, playing=not self._paused))

    def _sync_choices(self) -> None:
        for name, button in self.choice_buttons.items():
            button.setChecked(name == self._state)

    def _show_state(self) -> None:
        text = self._texts[self._state]
        self.caption_label.setText(text.caption)
        self.caption_label.setAccessibleName(text.caption)
        self.setAccessibleDescription(text.description)
        self.canvas.setAccessibleDescription(text.description)
        self._sync_choices()
        self.canvas.invalidate()

    def _apply_style(self) -> None:
        m = self.metrics
        c = COLORS
        border = max(2, m.px(3))
        inner = m.touch_target - 2 * border  # min sizes count without the border
        radius = m.px(16)
        font = f"font-family: '{FONT_FAMILY}';"
        button = f"border: {border}px solid {c.outline}; border-radius: {radius}px;"
        size = f"min-height: {inner}px; min-width: {inner}px;"
        self.setStyleSheet(
            f"#Illustration {{ background: {c.background}; }}"
            f"QLabel#IllustrationCaption {{ {font} color: {c.text}; background: transparent;"
            f" font-size: {m.body_px(self._body_step)}px; }}"
            f"QPushButton#IllustrationChoice {{ {font} {button} {size}"
            f" font-size: {m.label_px}px; font-weight: bold; padding: 0 {m.px(16)}px;"
            f" background: {c.surface}; color: {c.text}; }}"
            f"QPushButton#IllustrationChoice:checked {{ background: {c.accent};"
            f" color: {c.on_accent}; border-color: {c.accent}; }}"
            f"QPushButton#IllustrationChoice:pressed {{ background: {c.notice}; color: {c.text}; }}"
            f"QPushButton#IllustrationPause {{ {button} {size} padding: 0;"
            f" background: {c.surface}; }}"
            f"QPushButton#IllustrationPause:pressed {{ background: {c.notice}; }}"
        )

    def _button_rows(self, width: int, gap: int) -> tuple[list[list[tuple[QWidget, int]]], bool]:
        """The state buttons flowed into rows, and whether the pause button goes in the picture:
        it ends the last row with room for it or, if none has, sits in the picture's top right."""
        wanted = [(b, min(width, b.sizeHint().width())) for b in self.choice_buttons.values()]
        rows: list[list[tuple[QWidget, int]]] = [[]]
        used = 0
        for button, need in wanted:
            if rows[-1] and used + gap + need > width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + need
            rows[-1].append((button, need))
        # As many rows, but evenly filled: no lone button stretched across the last row.
        per_row = -(-len(wanted) // max(1, len(rows)))
        even: list[list[tuple[QWidget, int]]] = [
            list(wanted[i : i + per_row]) for i in range(0, len(wanted), per_row)
        ]
        if len(even) == len(rows) and all(_row_width(row, gap) <= width for row in even):
            rows = even
        target = self.metrics.touch_target
        in_canvas = False
        if not self._reduced_motion:
            for row in reversed(rows):
                if row and _row_width(row, gap) + gap + target <= width:
                    row.append((self.pause_button, target))
                    break
            else:
                in_canvas = True
        return (rows if rows[-1] else []), in_canvas

    def _caption_height(self, width: int) -> int:
        """The tallest caption: the picture keeps its size when the state changes."""
        tallest = 0
        for text in self.texts:
            self._caption_probe.setText(text.caption)
            tallest = max(tallest, self._caption_probe.heightForWidth(width))
        return tallest

    def _polish_all(self) -> None:
        """Applies the style sheet now: sizes below depend on its fonts and paddings."""
        self.ensurePolished()
        for child in (self.caption_label, self._caption_probe, *self.choice_buttons.values()):
            child.ensurePolished()

    def _arrange(self) -> None:
        self._polish_all()
        width, height = self.width(), self.height()
        gap = self.metrics.px(12)
        target = self.metrics.touch_target
        was_in_canvas = self._pause_in_canvas
        rows, self._pause_in_canvas = self._button_rows(width, gap)
        controls = len(rows) * target + max(0, len(rows) - 1) * gap
        caption = self._caption_height(width)
        canvas_height = max(1, height - controls - caption - (2 if rows else 1) * gap)
        self.canvas.setGeometry(0, 0, width, canvas_height)
        self.caption_label.setGeometry(0, canvas_height + gap, width, caption)
        y = canvas_height + gap + caption + gap
        for row in rows:
            stretchy = [widget for widget, _wanted in row if widget is not self.pause_button]
            spare = width - sum(wanted for _widget, wanted in row) - gap * (len(row) - 1)
            x = 0
            for widget, wanted in row:
                extra = 0
                if widget in stretchy:
                    index = stretchy.index(widget)
                    extra = spare // len(stretchy) + (1 if index < spare % len(stretchy) else 0)
                widget.setGeometry(QRect(x, y, wanted + extra, target))
                x += wanted + extra + gap
            y += target + gap
        if self._pause_in_canvas:
            pad = round(self._padding)
            self.pause_button.setGeometry(QRect(width - pad - target, pad, target, target))
        self.pause_button.raise_()
        # A new canvas size rebuilds the picture by itself (resizeEvent); the pause button moving
        # into or out of the picture changes the corner it keeps clear.
        if self._pause_in_canvas != was_in_canvas:
            self.canvas.picture = None
            self.canvas.invalidate()
