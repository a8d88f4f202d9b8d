"""Reader: one section in large type, flick to scroll, swipe sideways for the next or previous."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Section
from kiosk.frame_budget import FrameBudget
from kiosk.illustration_specs import SPEC_BY_KEY
from kiosk.illustration_text import illustration_text
from kiosk.theme import COLORS, SMALL_GLASS_TITLE_LEAD, Colors, Metrics
from kiosk.ui.illustrations import Illustration, create_illustration
from kiosk.ui.widgets.article_text import ArticleText
from kiosk.ui.widgets.kinetic_scroll import KineticScroll
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.swipe_area import SwipeArea
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText

# The title above the text and the notice below it may take this share of the reader's height;
# where they would take more (a 10" 1280×800 panel, whose 20 mm bar leaves the page 524 px and
# whose 4.8 mm words make the title three lines and the notice two to four: 340-420 px), they
# scroll with the text instead, as its first and last paragraphs, and the text keeps the room.
CHROME_SHARE = 1 / 3


# Where the panel scrolls, the drawing (with its key) is at least this share of the panel's
# width tall. At 0.6 a 10" 1280×800 panel's 461 px wide picture gave the synapse ~130 px under
# its key, its 40 px cell names cut to "ndi eiv"; near square, it is drawn whole.
PICTURE_SHARE = 1.1
# The most of the reader's row a landscape picture takes beside the text for its words: on a
# 10" 1280×800 panel at the largest text the Spanish pain-mood cycle needs 737 px of 1190, the
# text column keeping 453 (at that size the article's longest words, ~800 px, break anyway).
PICTURE_MOST_OF_ROW = 2 / 3


class PicturePanel(QScrollArea):
    """Holds the section's picture at the height its words and buttons need at the panel's
    width, and scrolls it when the screen is shorter than that (large text on a low landscape
    screen): the picture never squeezes its caption or buttons and never asks the window for
    more height than the screen has."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("PicturePanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidgetResizable(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._metrics = metrics
        self.illustration: Illustration | None = None
        # Every picture lives on this one stage, only the shown one visible: a scroll area
        # deletes the widget it is given another in place of, and a taken one loses its owner.
        self._stage = QWidget()
        self.setWidget(self._stage)
        # The screen's background shows through, in either theme.
        self.viewport().setAutoFillBackground(False)

    def show_illustration(self, illustration: Illustration | None) -> None:
        if self.illustration is not None and self.illustration is not illustration:
            self.illustration.hide()
        self.illustration = illustration
        if illustration is not None:
            if illustration.parentWidget() is not self._stage:
                illustration.setParent(self._stage)
            illustration.show()
        self.updateGeometry()
        self.fit()

    def minimumSizeHint(self) -> QSize:
        # As wide as the picture's widest button (no sideways scrolling), as tall as two
        # rows of buttons; the rest scrolls (a low screen at a large text size has no more).
        if self.illustration is None:
            return QSize(0, 0)
        width = self.illustration.minimumSizeHint().width()
        scrollbar = self.verticalScrollBar().sizeHint().width()
        return QSize(width + scrollbar, 2 * self._metrics.touch_target)

    def sizeHint(self) -> QSize:
        return self.illustration.sizeHint() if self.illustration is not None else QSize(0, 0)

    def fit(self) -> None:
        """Sizes the picture to the panel: its full width, and at least the height it needs."""
        if self.illustration is None:
            return
        room = self.viewport().size()
        width = self.width()
        needed = self._needed_height(width)
        if needed > self.height():
            # The scrollbar comes: the picture is narrower by its width, and taller for that.
            width -= self.verticalScrollBar().sizeHint().width()
            needed = self._needed_height(width)
        self._stage.resize(width, max(room.height(), needed))
        self.illustration.setGeometry(self._stage.rect())

    def _needed_height(self, width: int) -> int:
        """What fits the panel stays unscrolled; when the words and buttons do not fit (large
        text on a low screen) the panel scrolls anyway, and the drawing then keeps at least
        PICTURE_SHARE of the panel's width in height instead of the smallest worth showing."""
        assert self.illustration is not None
        least = self.illustration.height_for_width(width)
        if least <= self.height():
            return least
        # Not added to the height the picture's words need: a drawing that needs more for
        # them (large text) already has that much.
        # Never taller than the panel shows at once: on a wide panel (upright 1080x1920) a
        # near-square drawing was 1078 px in a 508 px view, its caption and buttons far below.
        share = min(round(width * PICTURE_SHARE), self.viewport().height())
        return self.illustration.height_for_width(width, picture_at_least=share)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class ReaderScreen(QWidget):
    next_requested = Signal()
    previous_requested = Signal()
    # An illustration's key, when a patient taps one of its controls.
    illustration_used = Signal(str)
    listen_clicked = Signal()

    def __init__(
        self,
        text: UiText,
        metrics: Metrics,
        *,
        reduced_motion: bool = False,
        language: str = "en",
        frame_budget: FrameBudget | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self._text = text
        self._metrics = metrics
        self._section: Section | None = None
        self._text_step = 0
        # The title and notice scroll with the text (CHROME_SHARE): a low or narrow screen.
        self._chrome_in_text = False
        self._reduced_motion = reduced_motion
        self._language = language
        self._colors = COLORS
        self._frame_budget = frame_budget
        # Made when a section first needs one, then kept: each remembers nothing between sessions.
        self.illustrations: dict[str, Illustration] = {}
        self.title_label = text_label("", "SectionTitle")
        self.progress_label = text_label("", "Progress", wrap=False)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # For patients who read poorly: reads the section aloud, paragraph by paragraph.
        self.listen_button = TouchButton(text.listen)
        self.listen_button.setObjectName("ListenButton")
        self.listen_button.clicked.connect(self.listen_clicked)
        self.article = ArticleText(metrics)
        self.kinetic = KineticScroll(self.article, min_swipe_px=metrics.px(140))
        self.kinetic.swiped.connect(self._on_swipe)
        self.more_below_label = text_label(text.more_below, "MoreBelow")
        more_policy = self.more_below_label.sizePolicy()
        more_policy.setRetainSizeWhenHidden(True)
        self.more_below_label.setSizePolicy(more_policy)
        # With a picture that shows the medicine, one plain sentence of balance (DESIGN.md) opens
        # the notice at the foot: full width, it costs the picture a line, not a column of lines.
        self._balance = illustration_text(language).balance
        self.disclaimer_label = text_label(text.disclaimer, "Disclaimer")

        header = QHBoxLayout()
        header.setSpacing(metrics.spacing)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.listen_button, 0, Qt.AlignmentFlag.AlignTop)
        # Where the title is in the text (CHROME_SHARE), the room it leaves stays empty.
        header.addStretch(0)
        header.addWidget(self.progress_label, 0)
        self.picture_panel = PicturePanel(metrics)
        self.picture_panel.hide()
        # Landscape: text on the left, the picture beside it (as wide as its words need,
        # _place_picture). Portrait: bottom-to-top puts the picture above the text.
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(metrics.margin)
        body.addWidget(self.article, 3)
        body.addWidget(self.picture_panel, 2)
        # Takes the width the capped text column leaves over, so the text stays on the left.
        body.addStretch(0)
        self.body_layout = body
        self.article.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.spacing, metrics.margin, metrics.spacing)
        layout.setSpacing(metrics.px(12))
        layout.addLayout(header)
        layout.addLayout(body, 1)
        layout.addWidget(self.more_below_label)
        layout.addWidget(self.disclaimer_label)

        scrollbar = self.article.verticalScrollBar()
        scrollbar.valueChanged.connect(self._update_more_below)
        scrollbar.rangeChanged.connect(self._update_more_below)
        # A swipe anywhere that is not a control turns the page; the text's own scroller
        # tells a swipe from a scroll there.
        self.swipes = SwipeArea(self, min_swipe_px=metrics.px(140))
        self.swipes.swiped.connect(self._on_swipe)
        self.swipes.watch(self, skip=(self.article,))

    @property
    def section(self) -> Section | None:
        return self._section

    @property
    def language(self) -> str:
        return self._language

    def show_listening(self, listening: bool) -> None:
        """The Listen button says what a press will do: listen, or pause the reading."""
        self.listen_button.set_label(self._text.pause_listening if listening else self._text.listen)

    def show_section(self, section: Section, number: int, total: int) -> None:
        self.kinetic.stop()
        self._section = section
        self.title_label.setText(section.title)
        progress = self._text.progress.format(current=number, total=total)
        self.progress_label.setText(progress)
        self.progress_label.setAccessibleName(progress)
        self._show_illustration(section.illustration)
        self._show_notice(balance=self._shows_medicine(section))
        self._place_chrome(self.size())
        self._render()
        self._place_picture(self.size())

    @property
    def illustration(self) -> Illustration | None:
        """The illustration on screen, if the section has one."""
        key = self._section.illustration if self._section is not None else None
        return self.illustrations.get(key) if key else None

    def _shows_medicine(self, section: Section) -> bool:
        if not section.illustration:
            return False
        spec = SPEC_BY_KEY[section.illustration]
        states = spec.state_words(illustration_text(self._language))
        return any(state.balance for state in states.values())

    def _show_notice(self, *, balance: bool) -> None:
        notice = f"{self._balance} {self._text.disclaimer}" if balance else self._text.disclaimer
        self.disclaimer_label.setText(notice)
        self.disclaimer_label.setAccessibleName(notice)

    def reset(self) -> None:
        """Forgets the section, reading position and every picture's state (idle reset)."""
        self.kinetic.stop()
        self._section = None
        self.article.clear()
        self.article.verticalScrollBar().setValue(0)
        self._show_illustration(None)
        self._show_notice(balance=False)
        for illustration in self.illustrations.values():
            illustration.reset()

    def set_colors(self, colors: Colors) -> None:
        """The session's theme for the text being read aloud and for the pictures' frames,
        captions and buttons."""
        self.article.set_reading_color(colors.reading)
        self._colors = colors
        for illustration in self.illustrations.values():
            illustration.set_colors(colors)

    def set_reduced_motion(self, reduced: bool) -> None:
        self._reduced_motion = reduced
        for illustration in self.illustrations.values():
            illustration.set_reduced_motion(reduced)

    def _show_illustration(self, key: str | None) -> None:
        if key is None:
            self.picture_panel.show_illustration(None)
            self.picture_panel.hide()
            return
        illustration = self.illustrations.get(key)
        if illustration is None:
            illustration = create_illustration(
                key,
                self._metrics,
                reduced_motion=self._reduced_motion,
                language=self._language,
                frame_budget=self._frame_budget,
            )
            illustration.used.connect(lambda key=key: self.illustration_used.emit(key))
            self.illustrations[key] = illustration
            self.swipes.watch(illustration)
        illustration.set_text_step(self._text_step)
        illustration.set_colors(self._colors)
        self.picture_panel.show()
        self.picture_panel.show_illustration(illustration)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._rearrange_for(event.size())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # A page laid out while hidden may have measured its title in another size.
        self._rearrange_for(self.size())
        super().showEvent(event)

    def _rearrange_for(self, size: QSize) -> None:
        position = self._scroll_share()
        chrome_moved = self._place_chrome(size)
        picture_moved = self._place_picture(size)
        if self._section is None:
            return
        if chrome_moved:
            self._render()
        if chrome_moved or picture_moved:
            self._restore_scroll_share(position)

    def _place_picture(self, size: QSize) -> bool:
        """Portrait: the picture above the text, as wide as the screen. Landscape: beside it,
        at least as wide as its words need at this text size (Illustration.least_width_for_words;
        the text column gives way, down to a third of the row, PICTURE_MOST_OF_ROW): a 10" 1280×800 panel
        gives a picture 461 px beside the text, where the pain-mood cycle's two columns need
        470-730 px for "activity" and the Spanish synapse 490-650. Says whether the picture
        moved."""
        panel = self.picture_panel
        before = (self.body_layout.direction(), panel.minimumWidth(), panel.minimumHeight())
        portrait = size.width() < size.height()
        direction = (
            QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.body_layout.setDirection(direction)
        illustration = self.picture_panel.illustration
        least = 0
        if illustration is not None and not portrait:
            row = size.width() - 2 * self._metrics.margin - self.body_layout.spacing()
            scrollbar = self.picture_panel.verticalScrollBar().sizeHint().width()
            widest = round(row * PICTURE_MOST_OF_ROW) - scrollbar
            least = illustration.least_width_for_words(widest) + scrollbar
        panel.setMinimumWidth(least)
        # Upright, the picture shows whole above the text where that takes at most 3/8 of the
        # reader: by the stretch alone it got 508 px of an upright 1080x1920 reader where it needs
        # 530-560, and its caption and buttons scrolled out of sight. (Not more: on an
        # 800x1280 screen half would leave the text 124 px.)
        tallest = 0
        if illustration is not None and portrait:
            width = size.width() - 2 * self._metrics.margin
            tallest = min(illustration.height_for_width(width), size.height() * 3 // 8)
        panel.setMinimumHeight(tallest)
        return (direction, least, tallest) != before

    def _place_chrome(self, size: QSize) -> bool:
        """Puts the title and notice in the text where, above and below it, they would take
        more than CHROME_SHARE of the reader's height; says whether that changed."""
        for label in (self.title_label, self.disclaimer_label):
            label.ensurePolished()  # its style sheet's font, also on a page not shown yet
        side = 2 * self._metrics.margin
        spacing = self._metrics.spacing
        header_rest = self.listen_button.sizeHint().width() + self.progress_label.sizeHint().width()
        title_width = size.width() - side - header_rest - 2 * spacing
        notice_width = size.width() - side
        chrome = (
            self.title_label.heightForWidth(title_width) if title_width > 0 else size.height()
        ) + self.disclaimer_label.heightForWidth(notice_width)
        # The title's longest word must fit beside Listen and "2 of 5" too ("Introducción" at
        # 54 px on an upright 10" panel needs 325 px where 319 are left).
        narrow = self.title_label.minimumSizeHint().width() > title_width
        in_text = narrow or chrome > size.height() * CHROME_SHARE
        self.title_label.setVisible(not in_text)
        self.disclaimer_label.setVisible(not in_text)
        changed = in_text != self._chrome_in_text
        self._chrome_in_text = in_text
        return changed

    def set_text_step(self, step: int) -> None:
        if step == self._text_step:
            return  # the window passes every choice on; laying the text out again costs ~6 ms
        self._text_step = step
        for illustration in self.illustrations.values():
            illustration.set_text_step(step)
        if self._section is not None:
            position = self._scroll_share()
            self._render()
            self._place_picture(self.size())
            self._restore_scroll_share(position)
            # Larger words need a taller picture (PicturePanel.fit): without this, a picture
            # whose width stays kept its old height, and larger captions and buttons squeezed
            # the drawing (Spanish at 1280x800, the largest text: the synapse 17 px high).
            self.picture_panel.fit()

    def _render(self) -> None:
        if self._section is None:
            return
        html = self._section.html
        if self._chrome_in_text:
            title = escape(self._section.title)
            notice = escape(self.disclaimer_label.text())
            # Qt's own h1 size wins over a document style sheet's: the size goes inline.
            title_px = round(self._metrics.body_px(self._text_step) * SMALL_GLASS_TITLE_LEAD)
            html = (
                f'<p style="font-size: {title_px}px; font-weight: 700;">{title}</p>'
                f"{html}<hr/><p><i>{notice}</i></p>"
            )
        self.article.show_html(html, self._metrics.body_px(self._text_step))
        self.article.setAccessibleName(self._section.title)
        self._update_more_below()

    def _scroll_share(self) -> float:
        scrollbar = self.article.verticalScrollBar()
        return scrollbar.value() / scrollbar.maximum() if scrollbar.maximum() else 0.0

    def _restore_scroll_share(self, share: float) -> None:
        # The new size's layout is needed before the old reading position can be found again:
        # the column's width (it grows with the text) first, then the text wrapped to it.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.article.wrap_to_view()
        scrollbar = self.article.verticalScrollBar()
        scrollbar.setValue(round(share * scrollbar.maximum()))

    def _update_more_below(self) -> None:
        scrollbar = self.article.verticalScrollBar()
        self.more_below_label.setVisible(scrollbar.value() < scrollbar.maximum())

    def _on_swipe(self, direction: int) -> None:
        if direction > 0:
            self.next_requested.emit()
        else:
            self.previous_requested.emit()
