"""Reader: one section in large type, flick to scroll, swipe sideways for the next or previous."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from kiosk.content import Section
from kiosk.theme import COLORS, Metrics
from kiosk.ui.widgets.kinetic_scroll import KineticScroll
from kiosk.ui.widgets.labels import text_label
from kiosk.ui_text import UiText

# About 70 characters a line at the normal size: long lines are hard to track for tired eyes.
TEXT_COLUMN_EMS = 36


class ArticleText(QTextEdit):
    """Read-only rich text that a patient cannot select, drag, edit or open links from."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("ReaderText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.document().setDocumentMargin(metrics.px(8))
        self._metrics = metrics

    def show_html(self, html: str, body_px: int) -> None:
        font = QFont("Atkinson Hyperlegible")
        font.setPixelSize(body_px)
        document = self.document()
        document.setDefaultFont(font)
        gap = round(body_px * 0.8)
        document.setDefaultStyleSheet(
            f"p {{ margin-top: 0; margin-bottom: {gap}px; line-height: 145%; color: {COLORS.text}; }}"
            f"h2 {{ font-size: {round(body_px * 1.25)}px; margin-top: {gap}px; margin-bottom: {gap // 2}px; }}"
            f"h3 {{ font-size: {round(body_px * 1.1)}px; margin-top: {gap}px; margin-bottom: {gap // 2}px; }}"
            f"li {{ margin-bottom: {gap // 2}px; }}"
        )
        self.setHtml(html)
        self.setMaximumWidth(
            round(body_px * TEXT_COLUMN_EMS) + self.verticalScrollBar().sizeHint().width()
        )
        self.verticalScrollBar().setValue(0)


class ReaderScreen(QWidget):
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, text: UiText, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self._text = text
        self._metrics = metrics
        self._section: Section | None = None
        self._text_step = 0
        self.title_label = text_label("", "SectionTitle")
        self.progress_label = text_label("", "Progress", wrap=False)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.article = ArticleText(metrics)
        self.kinetic = KineticScroll(self.article, min_swipe_px=metrics.px(140))
        self.kinetic.swiped.connect(self._on_swipe)
        self.more_below_label = text_label(text.more_below, "MoreBelow", wrap=False)
        more_policy = self.more_below_label.sizePolicy()
        more_policy.setRetainSizeWhenHidden(True)
        self.more_below_label.setSizePolicy(more_policy)
        self.disclaimer_label = text_label(text.disclaimer, "Disclaimer")

        header = QHBoxLayout()
        header.setSpacing(metrics.spacing)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.progress_label, 0)
        body = QHBoxLayout()
        body.setSpacing(metrics.margin)
        body.addWidget(self.article, 1)
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

    @property
    def section(self) -> Section | None:
        return self._section

    def show_section(self, section: Section, number: int, total: int) -> None:
        self.kinetic.stop()
        self._section = section
        self.title_label.setText(section.title)
        progress = self._text.progress.format(current=number, total=total)
        self.progress_label.setText(progress)
        self.progress_label.setAccessibleName(progress)
        self._render()

    def reset(self) -> None:
        """Forgets the section and reading position (idle reset)."""
        self.kinetic.stop()
        self._section = None
        self.article.clear()
        self.article.verticalScrollBar().setValue(0)

    def set_text_step(self, step: int) -> None:
        self._text_step = step
        if self._section is not None:
            position = self._scroll_share()
            self._render()
            self._restore_scroll_share(position)

    def _render(self) -> None:
        if self._section is None:
            return
        self.article.show_html(self._section.html, self._metrics.body_px(self._text_step))
        self.article.setAccessibleName(self._section.title)
        self._update_more_below()

    def _scroll_share(self) -> float:
        scrollbar = self.article.verticalScrollBar()
        return scrollbar.value() / scrollbar.maximum() if scrollbar.maximum() else 0.0

    def _restore_scroll_share(self, share: float) -> None:
        # The new size's layout is needed before the old reading position can be found again.
        self.article.document().adjustSize()
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
