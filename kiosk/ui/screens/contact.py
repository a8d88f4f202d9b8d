"""Contact: QR codes to take the clinic's details home, the phone number in large type, the
article's closing words, and a way back.

Codes sit to the left of the details on a landscape screen and above them on a portrait one.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.contact import ClinicDetails, vcard
from kiosk.theme import REFERENCE_SHORT_SIDE, Metrics
from kiosk.ui.style import grows_with_text, show_text_step
from kiosk.ui.widgets.article_text import ArticleText
from kiosk.ui.widgets.kinetic_scroll import KineticScroll
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.qr_view import QrView
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.ui_text import UiText

# QWidget's own "no maximum" (QWIDGETSIZE_MAX, which PySide6 does not export).
NO_MAXIMUM = (1 << 24) - 1
# A code a third of the screen's short side is about 10 cm on a 24" panel: the size a phone
# camera reads from a metre away (DESIGN.md).
CODE_SHARE_OF_SHORT_SIDE = 3
# A lone code's caption may take this share of the page's height where it stands; where it
# would take more (a 10" 1280×800 panel: 4.8 mm words, 43-80 px, and a 20 mm bar leaving the
# page 524 px), it leads the scrolling details instead, which then keep the room to be read.
CAPTION_SHARE = 1 / 5


def _paragraph(value: str) -> str:
    return "<p>" + "<br>".join(escape(line) for line in value.splitlines()) + "</p>"


class ContactScreen(QWidget):
    back_requested = Signal()

    def __init__(
        self, clinic: ClinicDetails, closing_html: str, text: UiText, metrics: Metrics
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self._metrics = metrics
        self.title_label = text_label(text.contact_title, "PageTitle")
        self.back_button = TouchButton(text.back)
        self.back_button.clicked.connect(self.back_requested)

        short_side = metrics.px(REFERENCE_SHORT_SIDE)
        min_symbol_px = -(-short_side // CODE_SHARE_OF_SHORT_SIDE)
        self.contact_code: QrView | None = None
        self.website_code: QrView | None = None
        self.front_desk_label: QLabel | None = None
        self.scan_labels: list[QLabel] = []
        self._code_columns: list[QVBoxLayout] = []
        codes = QHBoxLayout()
        self._codes_row = codes
        codes.setContentsMargins(0, 0, 0, 0)
        codes.setSpacing(metrics.spacing)
        if clinic.has_any_contact:
            self.contact_code = QrView(vcard(clinic), min_symbol_px)
            if clinic.website:
                self.website_code = QrView(clinic.website, min_symbol_px)
                self._fit_pair(self.contact_code, self.website_code, short_side)
            captions = (text.scan_contact, text.scan_website)
            for code, caption in zip(self.codes_shown, captions, strict=False):
                codes.addLayout(self._code_column(code, caption))
        else:
            # An empty or made-up code would send a patient away with nothing; staff can help.
            self.front_desk_label = grows_with_text(text_label(text.ask_front_desk, "Notice"))
            self.front_desk_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.front_desk_label.setFixedWidth(min_symbol_px)
            self.front_desk_label.setMinimumHeight(min_symbol_px // 2)
            self.front_desk_label.setProperty("card", True)  # styled in theme.qss
            codes.addWidget(self.front_desk_label)
        self.codes = QWidget()
        self.codes.setLayout(codes)

        # The clinic's name and number (in large type), e-mail, web and street address scroll
        # with the closing words: with every detail configured, on a small screen, at the
        # largest text size, fixed labels would not fit.
        self._clinic = clinic
        details_html = "".join(
            _paragraph(value) for value in (clinic.email, clinic.website, clinic.address) if value
        )
        self._document_html = details_html + closing_html
        self.details_text = ArticleText(metrics)
        self.details_text.setVisible(bool(self._document_html or clinic.name or clinic.phone))
        # Text that does not fit at a large text size is flicked, like the reader's text.
        self.details_scroll = KineticScroll(self.details_text, min_swipe_px=metrics.px(140))
        self.more_below_label = text_label(text.more_below, "MoreBelow")
        scrollbar = self.details_text.verticalScrollBar()
        scrollbar.valueChanged.connect(self._update_more_below)
        scrollbar.rangeChanged.connect(self._update_more_below)

        # The title and Back sit above the details beside the codes on a landscape screen (the
        # codes then have the screen's whole height: 1024×768 at large text needs it), above
        # everything on a portrait one.
        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(metrics.spacing)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        details = QVBoxLayout()
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(metrics.spacing)
        self.details = details
        details.addWidget(self.details_text, 1)
        details.addWidget(self.more_below_label)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(metrics.margin)
        self.body.addWidget(self.codes)
        self.body.addLayout(details, 1)
        # Takes what the capped text column leaves, so the details stay next to the codes.
        self.body.addStretch(0)

        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(
            metrics.margin, metrics.margin, metrics.margin, metrics.spacing
        )
        self.page_layout.setSpacing(metrics.spacing)
        self.page_layout.addLayout(self.body, 1)
        self._arrange(beside=True)
        self._text_step = 0
        self._caption_in_text = False
        self._show_text_step()

    @property
    def clinic(self) -> ClinicDetails:
        """The details shown (the name and number lead the scrolling details)."""
        return self._clinic

    @property
    def codes_shown(self) -> list[QrView]:
        return [code for code in (self.contact_code, self.website_code) if code is not None]

    @property
    def codes_beside_details(self) -> bool:
        return self.body.direction() is QBoxLayout.Direction.LeftToRight

    def set_text_step(self, step: int) -> None:
        """The patient's text size: now if this screen shows, else as it is shown (laying the
        details out again costs a few ms that a tap elsewhere need not pay)."""
        if step == self._text_step:
            return
        self._text_step = step
        if self.isVisible():
            self._show_text_step()

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_step != self._text_step:
            self._show_text_step()
        super().showEvent(event)

    def _show_text_step(self) -> None:
        step = self._shown_step = self._text_step
        for label in self.scan_labels:
            show_text_step(label, step)  # measured next, by _fit_captions
        self._fit_captions()
        self._place_caption()
        self._show_details()

    def _show_details(self) -> None:
        if self.details_text.isVisibleTo(self):
            caption = _paragraph(self.scan_labels[0].text()) if self._caption_in_text else ""
            self.details_text.show_html(
                caption + self._heading_html(self._shown_step) + self._document_html,
                self._metrics.body_px(self._shown_step),
            )
        self._update_more_below()

    def _place_caption(self) -> bool:
        """Puts a lone code's caption in the details where it would take more than
        CAPTION_SHARE of the page's height; says whether that changed."""
        if len(self.scan_labels) != 1 or not self.details_text.isVisibleTo(self):
            return False
        label = self.scan_labels[0]
        label.ensurePolished()
        code = self.codes_shown[0].width()
        room = self.width() - 2 * self._metrics.margin - code - self._metrics.margin
        in_text = label.heightForWidth(max(1, room)) > self.height() * CAPTION_SHARE
        label.setVisible(not in_text)
        changed = in_text != self._caption_in_text
        self._caption_in_text = in_text
        return changed

    def _heading_html(self, step: int) -> str:
        """The clinic's name, and its phone number larger still: both grow with the text size."""
        heading = ""
        for value, reference_px in ((self._clinic.name, 46), (self._clinic.phone, 58)):
            if value:
                px = self._metrics.text_px(reference_px, step, damped=True)
                heading += f'<p style="font-size: {px}px; font-weight: bold;">{escape(value)}</p>'
        return heading

    def _update_more_below(self) -> None:
        scrollbar = self.details_text.verticalScrollBar()
        self.more_below_label.setVisible(scrollbar.value() < scrollbar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        beside = event.size().width() >= event.size().height()
        if beside != self.codes_beside_details:
            self._arrange(beside=beside)
            # The layout has already placed everything for this size the old way round; redo it
            # now rather than on the next event loop pass, so that no frame (or grab) shows that.
            self.page_layout.activate()
        if self._place_caption():
            self._show_details()
        super().resizeEvent(event)

    def _fit_pair(self, contact_code: QrView, website_code: QrView, short_side: int) -> None:
        """Sizes the two codes to share one row, even across a portrait screen."""
        row_px = short_side - 2 * self._metrics.margin - self._metrics.spacing
        side = max(contact_code.width(), website_code.width())
        if 2 * side <= row_px:
            # Codes of one size read as a pair; each keeps whole-pixel modules inside it.
            contact_code.setFixedSize(side, side)
            website_code.setFixedSize(side, side)
        elif contact_code.width() + website_code.width() > row_px:
            # The web code holds less than the contact card, so its modules are fewer and
            # larger: it can give up the pixels that rounding added and still scan from as far.
            room = row_px - contact_code.width()
            website_code.setFixedSize(room, room)

    def _arrange(self, *, beside: bool) -> None:
        self.body.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        one_code = len(self.scan_labels) == 1
        if beside:
            side = Qt.AlignmentFlag.AlignLeft
        else:
            # Portrait: a pair of codes centred; one code with its caption beside it spans
            # the width.
            side = Qt.AlignmentFlag(0) if one_code else Qt.AlignmentFlag.AlignHCenter
        self.body.setAlignment(self.codes, Qt.AlignmentFlag.AlignTop | side)
        self.page_layout.removeWidget(self.header)
        self.details.removeWidget(self.header)
        if beside:
            self.details.insertWidget(0, self.header)
        else:
            self.page_layout.insertWidget(0, self.header)
        if one_code:
            # One code: its caption goes where there is width for it to grow with the text
            # size without making the code's column taller than the screen (1280×800 or
            # 800×1280 in Spanish at the largest text): heading the details beside the code on
            # a landscape screen, beside the code on a portrait one.
            label = self.scan_labels[0]
            self._code_columns[0].removeWidget(label)
            self._codes_row.removeWidget(label)
            self.details.removeWidget(label)
            label.setMinimumWidth(0)
            label.setMaximumWidth(NO_MAXIMUM)
            if beside:
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.details.insertWidget(1, label)
            else:
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self._codes_row.addWidget(label, 1)
            self._fit_captions()
            self.codes.updateGeometry()

    def _fit_captions(self) -> None:
        for label in self.scan_labels:
            label.ensurePolished()
            under_code = label.minimumWidth() == label.maximumWidth()
            # A wrapped label's size hint guesses at its width; under a code its width is
            # fixed, so ask for the height it needs at that width, or the column may squeeze
            # it. Beside the codes the layout gives it the height for the width it gets.
            label.setMinimumHeight(label.heightForWidth(label.width()) if under_code else 0)

    def _code_column(self, code: QrView, caption: str) -> QVBoxLayout:
        label = grows_with_text(text_label(caption, "ScanLabel"))
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The caption wraps under its own code instead of widening the column.
        label.setFixedWidth(code.width())
        code.setAccessibleName(caption)
        self.scan_labels.append(label)
        column = QVBoxLayout()
        column.setSpacing(self._metrics.px(12))
        column.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._code_columns.append(column)
        return column
