"""The illustration widget: a picture's canvas, its caption, a button per state and a pause button.

It runs the motion only while it is visible (its `MotionClock` starts in showEvent and stops in
hideEvent); with reduced motion every state is a still frame. Every word it shows or speaks comes
from kiosk/illustration_text.py, in the language it was made for (`language=`; English for a
language without a table), by way of the picture's spec (kiosk/illustration_specs.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QIcon, QPainter, QPixmap, QPolygonF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.frame_budget import FrameBudget
from kiosk.illustration_text import StateWords, illustration_language, illustration_text
from kiosk.theme import BODY_PX_STEPS, COLORS, Colors, Metrics
from kiosk.ui.illustrations.canvas import PictureCanvas
from kiosk.ui.illustrations.drawing import color
from kiosk.ui.illustrations.flow_layout import FlowLayout
from kiosk.ui.illustrations.motion import MotionClock
from kiosk.ui.illustrations.picture import Picture
from kiosk.ui.style import grows_with_text, show_text_step
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton

MIN_PICTURE = 180  # the smallest picture height worth showing, in 1080p pixels
MIN_WIDTH = 560  # in 1080p pixels: about 400 px on a 1280×800 screen
WIDTH_PRECISION = 12  # how closely least_width_for_words finds its width, in 1080p pixels


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


def _pause_icon(size: int, *, playing: bool, ink: str) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(ink))
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


class Illustration(QWidget):
    """One illustration on screen; `kind` is its Picture class, which names its spec."""

    state_changed = Signal(str)
    # A patient chose a state or paused/resumed the motion (not a reset or a program's change).
    used = Signal()

    def __init__(
        self,
        kind: type[Picture],
        metrics: Metrics,
        *,
        reduced_motion: bool = False,
        language: str = "en",
        frame_budget: FrameBudget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Illustration")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.kind = kind
        self.spec = kind.spec
        self.key = self.spec.key
        self.states = self.spec.states  # the first is where it starts and resets to
        self.metrics = metrics
        self.language = illustration_language(language)  # "en" for a language without words
        self.words = illustration_text(self.language)
        by_state = self.spec.state_words(self.words)
        self.title = self.spec.words_of(self.words).title  # the accessible name
        self.texts = tuple(StateText.of(name, by_state[name]) for name in self.states)
        self.legend = self.spec.legend_items(self.words, COLORS)
        self._texts = {text.name: text for text in self.texts}
        self._state = self.states[0]
        self._reduced_motion = reduced_motion
        self._paused = False
        self._shown = False
        self._held = False  # after reset(): no motion until shown again
        self._body_step = 0
        self._colors = COLORS  # the session's theme round the picture (set_colors)
        # A picture alone (a preview, a test) judges its own frame rate; the kiosk shares one.
        self.motion = MotionClock(frame_budget or FrameBudget(), kind.still_phase, self)

        self.canvas = PictureCanvas(
            kind,
            metrics,
            language=self.language,
            legend=self.legend,
            state=self._state,
            parent=self,
        )
        self.canvas.tapped.connect(self.toggle_pause)
        self.motion.frame.connect(self._on_frame)
        self.caption_label = grows_with_text(text_label("", "IllustrationCaption", self))
        # Measures every state's caption for the layout without touching the one on show.
        self._caption_probe = grows_with_text(text_label("", "IllustrationCaption", self))
        self._caption_probe.hide()
        self._pause_in_canvas = False
        self.pause_button = TouchButton(self.words.pause, self)
        self.pause_button.setObjectName("IllustrationPause")
        self.pause_button.setText("")
        self.pause_button.setIconSize(QSize(metrics.touch_target // 2, metrics.touch_target // 2))
        self.pause_button.setFixedSize(metrics.touch_target, metrics.touch_target)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.controls = FlowLayout(spacing=metrics.px(12), row_height=metrics.touch_target)
        self.choice_buttons: dict[str, TouchButton] = {}
        for text in self.texts:
            if text.button is None:
                continue
            button = TouchButton(text.button, self)
            button.setObjectName("IllustrationChoice")
            grows_with_text(button)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, name=text.name: self._on_choice(name))
            self.choice_buttons[text.name] = button
            self.controls.addWidget(button)
        self.controls.addWidget(self.pause_button)
        self.controls.set_trailing(self.pause_button)
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
    def picture(self) -> Picture:
        """The picture as laid out on the canvas now."""
        return self.canvas.picture

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        self._sync_pause_button()
        self._sync_timer()
        self._arrange()
        self.canvas.set_phase(self.phase)

    @property
    def is_paused(self) -> bool:
        return self._paused

    @property
    def is_animating(self) -> bool:
        return self.motion.running

    @property
    def frame_timer(self) -> QTimer:
        """The one timer that drives the motion (runs only while shown, unpaused, moving)."""
        return self.motion.timer

    @property
    def phase(self) -> float:
        """Seconds of motion shown now (fixed for a still frame)."""
        if self._reduced_motion:
            return self.kind.still_phase
        return self.motion.phase

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
        self.motion.rewind(self.kind.still_phase)
        self._sync_pause_button()
        self.set_state(self.states[0])
        self.canvas.set_phase(self.phase)

    def set_colors(self, colors: Colors) -> None:
        """The session's theme for the picture, its legend and frame, and the pause icon (high
        contrast: white and yellow on black, the drawing light on dark fills). The caption and
        buttons take theme.qss's colours from the reader's look (kiosk/ui/style.py show_look),
        which the window gives it with the same theme."""
        if colors == self._colors:
            return
        self._colors = colors
        self.legend = self.spec.legend_items(self.words, colors)
        self._sync_pause_button()
        self.canvas.set_colors(colors, self.legend)

    def set_text_step(self, step: int) -> None:
        """Follows the reader's text size (0 = normal) for the caption, the buttons and the
        words inside the picture; the picture may then ask for more height (height_for_width)."""
        step = max(0, min(len(BODY_PX_STEPS) - 1, step))
        if step == self._body_step:
            return  # the reader calls this on every section it opens: restyling costs ~2 ms
        self._body_step = step
        self._apply_style()
        self.canvas.set_text_step(step)
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
        # And as wide as any caption's longest word: at the largest text on a 10" 1280×800
        # panel "norepinephrine," is 551 px, wider than the widest button.
        measure = self._caption_probe.fontMetrics()
        for text in self._texts.values():
            width = max(width, *(measure.horizontalAdvance(word) for word in text.caption.split()))
        return QSize(width, self.height_for_width(width))

    def height_for_width(self, width: int, *, picture_at_least: int = 0) -> int:
        """The least height at `width` for the words, the buttons and a picture of at least
        MIN_PICTURE (1080p pixels), or `picture_at_least`, with room for its labels at the
        present text size: what a panel that scrolls the picture must give it."""
        self._polish_all()
        gap = self.controls.spacing()
        controls = self.controls.heightForWidth(width)
        controls += gap if controls else 0
        shortest = max(self.metrics.px(MIN_PICTURE), picture_at_least)
        picture = self.canvas.least_height(width, self._pause_corner(width), shortest)
        return picture + gap + self._caption_height(width) + controls

    def words_fit(self, width: int) -> bool:
        """Whether every word inside the picture fits at `width` at the present text size,
        however tall the picture is made (PictureCanvas.words_fit)."""
        return self.canvas.words_fit(width, self._pause_corner(width))

    def least_width_for_words(self, widest: int) -> int:
        """The least width, from the least this widget takes up to `widest`, at which every
        word inside the picture fits at the present text size (`widest` if none): searched to
        WIDTH_PRECISION, each try one layout of the picture (~1-3 ms, kept per width)."""
        low = self.minimumSizeHint().width()
        if low >= widest or self.words_fit(low):
            return min(low, widest)
        if not self.words_fit(widest):
            return widest
        while widest - low > self.metrics.px(WIDTH_PRECISION):
            middle = (low + widest) // 2
            low, widest = (low, middle) if self.words_fit(middle) else (middle, widest)
        return widest

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

    def _on_frame(self) -> None:
        self.canvas.next_frame(self.motion.phase)

    def _sync_timer(self) -> None:
        should_run = (
            self._shown and not self._paused and not self._reduced_motion and not self._held
        )
        if should_run:
            self.motion.run()
        elif self.motion.running:
            self.motion.stop()
            self.canvas.set_phase(self.phase)

    def _sync_pause_button(self) -> None:
        self.pause_button.setVisible(not self._reduced_motion)
        label = self.words.play if self._paused else self.words.pause
        self.pause_button.setAccessibleName(label)
        self.pause_button.setToolTip("")
        self.pause_button.setIcon(
            _pause_icon(self.metrics.touch_target, playing=not self._paused, ink=self._colors.text)
        )

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
        self.canvas.set_state(self._state)

    def _apply_style(self) -> None:
        """The words at the reader's text size, styled by theme.qss like everything else: the
        sheet holds every step's font and each widget picks its own, so the sizes below can be
        measured straight after a text size change."""
        for widget in (self.caption_label, self._caption_probe, *self.choice_buttons.values()):
            show_text_step(widget, self._body_step)

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
        """The picture on top, the caption under it and the buttons at the bottom; the pause
        button ends the last row of buttons with room for it or, if none has, sits in the
        picture's top right corner."""
        self._polish_all()
        width, height = self.width(), self.height()
        gap = self.controls.spacing()
        controls = self.controls.heightForWidth(width)
        caption = self._caption_height(width)
        canvas_height = max(1, height - controls - caption - (2 if controls else 1) * gap)
        self.canvas.setGeometry(0, 0, width, canvas_height)
        self.caption_label.setGeometry(0, canvas_height + gap, width, caption)
        self.controls.setGeometry(QRect(0, canvas_height + gap + caption + gap, width, controls))
        corner = self._pause_corner(width)
        if not corner.isEmpty():
            self.pause_button.setGeometry(corner.toRect())
        self.pause_button.raise_()
        self.canvas.set_keep_clear(corner)

    def _pause_corner(self, width: int) -> QRectF:
        """Where the pause button sits in the picture at `width` (empty: it ends a row of
        buttons, or there is none with reduced motion)."""
        if self._reduced_motion or self.controls.trailing_fits(width):
            return QRectF()
        pad = self.metrics.px(16)
        target = self.metrics.touch_target
        return QRectF(width - pad - target, pad, target, target)
