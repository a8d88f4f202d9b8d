"""The read-only rich text of a section or the clinic's details: large type, a highlighted
paragraph while it is read aloud, never selectable or editable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QShowEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QFrame, QTextEdit

from kiosk.theme import COLORS, FONT_FAMILY, Metrics

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
        # Reached by the keys (its paragraphs are read one by one), never by a touch.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.document().setDocumentMargin(metrics.px(8))
        self._metrics = metrics
        self._styled_px = 0  # the body size the document's font and style sheet are set for
        self._body_font: QFont | None = None
        self._reading_color = QColor(COLORS.reading)

    def paragraphs(self) -> list[str]:
        """The text's paragraphs, headings and list items as shown, in order (read aloud one by one)."""
        return [block.text() for block in self._blocks()]

    def _blocks(self) -> list[QTextBlock]:
        blocks = []
        block = self.document().begin()
        while block.isValid():
            if block.text().strip():
                blocks.append(block)
            block = block.next()
        return blocks

    def set_reading_color(self, color: str) -> None:
        self._reading_color = QColor(color)

    def mark_paragraph(self, index: int | None) -> None:
        """Highlights paragraph `index` (None: none) and scrolls it into view."""
        blocks = self._blocks()
        if index is None or not 0 <= index < len(blocks):
            self.setExtraSelections([])
            return
        block = blocks[index]
        selection = QTextEdit.ExtraSelection()
        selection.format = QTextCharFormat()
        selection.format.setBackground(self._reading_color)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        self.setExtraSelections([selection])
        self._scroll_into_view(block)

    def _scroll_into_view(self, block: QTextBlock) -> None:
        layout = self.document().documentLayout()
        top = round(layout.blockBoundingRect(block).top())
        bottom = round(layout.blockBoundingRect(block).bottom())
        scrollbar = self.verticalScrollBar()
        view = self.viewport().height()
        if top < scrollbar.value() or bottom > scrollbar.value() + view:
            # The paragraph's top a little below the view's top: the one before stays in sight.
            scrollbar.setValue(max(0, top - view // 8))

    def scroll_pages(self, pages: int) -> None:
        scrollbar = self.verticalScrollBar()
        scrollbar.setValue(scrollbar.value() + pages * scrollbar.pageStep())

    def showEvent(self, event: QShowEvent) -> None:
        # Text laid out while this page was hidden can keep an old width (Qt relays out a hidden
        # QTextEdit late); wrap it to the width it is shown at.
        self.wrap_to_view()
        super().showEvent(event)

    def wrap_to_view(self) -> None:
        """Lays the text out now, at the width the view shows (never wider: lines would run
        under the scrollbar or a picture beside it)."""
        self.document().setTextWidth(self.viewport().width())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # QTextEdit hands its own font to the document whenever that changes, which a style
        # sheet does on every polish (a screen first shown, the high-contrast theme applied):
        # the body size must come back at once, or the text shows at the label size.
        if event.type() == QEvent.Type.FontChange and self._body_font is not None:
            self.document().setDefaultFont(self._body_font)

    def show_html(self, html: str, body_px: int) -> None:
        if body_px != self._styled_px:
            self._style_for(body_px)
        self.setHtml(html)
        self.verticalScrollBar().setValue(0)

    def _style_for(self, body_px: int) -> None:
        """Sets the font, spacing and column width for a body size; the document keeps them
        through setHtml, so only a new text size pays for them (~1 ms)."""
        self._styled_px = body_px
        font = QFont(FONT_FAMILY)
        font.setPixelSize(body_px)
        self._body_font = font
        document = self.document()
        document.setDefaultFont(font)
        gap = round(body_px * 0.8)
        document.setDefaultStyleSheet(
            f"p {{ margin-top: 0; margin-bottom: {gap}px; line-height: 145%; }}"
            f"h2 {{ font-size: {round(body_px * 1.25)}px; margin-top: {gap}px; margin-bottom: {gap // 2}px; }}"
            f"h3 {{ font-size: {round(body_px * 1.1)}px; margin-top: {gap}px; margin-bottom: {gap // 2}px; }}"
            f"li {{ margin-bottom: {gap // 2}px; }}"
        )
        self.setMaximumWidth(
            round(body_px * TEXT_COLUMN_EMS) + self.verticalScrollBar().sizeHint().width()
        )
