"""Reads a text aloud paragraph by paragraph and marks the paragraph being read.

Two ways in: the reader's Listen button (the whole section from where it stopped; a second
press pauses) and the keypad's Up/Down on the text (one paragraph each press). Anything else the
kiosk says ends a continuous reading (the mark stays where the patient was).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.ui.narrator import Narrator
from kiosk.ui.screens.reader import ReaderScreen
from kiosk.ui.widgets.article_text import ArticleText


class ReadAloud(QObject):
    def __init__(self, narrator: Narrator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._narrator = narrator
        self._text: ArticleText | None = None
        self._html = ""  # the text's content when the position was taken
        self._language = "en"
        self._index: int | None = None
        self._reader: ReaderScreen | None = None  # set while the Listen button reads
        self._saying = ""
        narrator.finished.connect(self._on_finished)
        narrator.said.connect(self._on_said)

    @property
    def paragraph(self) -> int | None:
        """The paragraph last read (or being read), if any."""
        return self._index

    @property
    def is_listening(self) -> bool:
        return self._reader is not None

    def toggle_listening(self, reader: ReaderScreen) -> None:
        """The Listen button: reads on from the marked paragraph, or pauses."""
        if self._reader is reader:
            self.pause()
            return
        self._take(reader.article, reader.language)
        start = self._index or 0
        self._reader = reader
        reader.show_listening(True)
        self._read(start)

    def pause(self) -> None:
        self._end_listening()
        self._narrator.stop()

    def step(self, text: ArticleText, language: str, delta: int) -> bool:
        """Reads the next (+1) or previous (-1) paragraph; False past either end."""
        self._end_listening()
        self._take(text, language)
        count = len(text.paragraphs())
        index = (-1 if delta > 0 else count) if self._index is None else self._index
        index += delta
        if not 0 <= index < count:
            return False
        self._read(index)
        return True

    def forget(self) -> None:
        """The idle reset, or another section: no mark, no position, no reading."""
        if self.is_listening:
            self._narrator.stop()  # the section it was reading is gone from the screen
        self._end_listening()
        if self._text is not None:
            self._text.mark_paragraph(None)
        self._text = None
        self._index = None

    def _take(self, text: ArticleText, language: str) -> None:
        html = text.toHtml()
        if text is not self._text or html != self._html:
            if self._text is not None:
                self._text.mark_paragraph(None)
            self._text, self._html, self._index = text, html, None
        self._language = language

    def _read(self, index: int) -> None:
        assert self._text is not None
        paragraphs = self._text.paragraphs()
        self._index = index
        self._text.mark_paragraph(index)
        self._saying = paragraphs[index].strip()
        self._narrator.say(self._saying, self._language)

    def _end_listening(self) -> None:
        if self._reader is not None:
            self._reader.show_listening(False)
            self._reader = None

    def _on_said(self, text: str, _language: str) -> None:
        if text != self._saying:
            self._saying = ""
            self._end_listening()

    def _on_finished(self) -> None:
        if self._reader is None or self._text is None or self._index is None:
            return
        if self._index + 1 < len(self._text.paragraphs()):
            self._read(self._index + 1)
        else:
            # The whole section was read: the next Listen starts from its top.
            self._end_listening()
            self._text.mark_paragraph(None)
            self._index = None
