"""The reader's Listen button reads the section aloud, marking the paragraph being read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.speech import Espeak
from kiosk.ui import controller as controller_module

pytestmark = pytest.mark.usefixtures("espeak_ng")


@pytest.fixture
def speaking_kiosk(make_kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        controller_module, "default_engine", lambda _settings: Espeak(wav_folder=tmp_path)
    )
    controller = make_kiosk()
    controller.window.wake()
    return controller


def marked_text(controller) -> str:  # type: ignore[no-untyped-def]
    selections = controller.window.reader.article.extraSelections()
    assert len(selections) == 1
    return str(selections[0].cursor.selectedText())


@pytest.mark.parametrize("language", ["en", "es"])
def test_listen_reads_paragraph_after_paragraph_and_pauses(speaking_kiosk, qtbot, language) -> None:  # type: ignore[no-untyped-def]
    controller = speaking_kiosk
    window, narrator = controller.window, controller.narrator
    if language == "es":
        window.next_language()
    window.open_section(0)
    reader = window.reader
    said: list[tuple[str, str]] = []
    narrator.said.connect(lambda text, spoken_in: said.append((text, spoken_in)))
    paragraphs = [text.strip() for text in reader.article.paragraphs()]
    qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    assert said == [(paragraphs[0], language)]
    assert marked_text(controller) == paragraphs[0]
    assert reader.listen_button.text() == window.screens.text.pause_listening
    # The first paragraph ends by itself: the next one follows, marked and scrolled into view.
    with qtbot.waitSignal(narrator.said, timeout=60_000):
        pass
    assert said[1] == (paragraphs[1], language)
    assert marked_text(controller) == paragraphs[1]
    assert not controller.idle.timer.isActive()  # reading to someone: no "Still reading?"
    # Pause, then resume where it stopped.
    qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    assert not narrator.is_speaking
    assert reader.listen_button.text() == window.screens.text.listen
    assert controller.idle.timer.isActive()
    qtbot.mouseClick(reader.listen_button, Qt.MouseButton.LeftButton)
    assert said[-1] == (paragraphs[1], language)


def test_the_marked_paragraph_is_scrolled_into_view(speaking_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = speaking_kiosk
    window = controller.window
    window.open_section(1)
    article = window.reader.article
    last = len(article.paragraphs()) - 1
    controller.keys.focus(article)
    for _ in range(last + 1):
        qtbot.keyClick(article, Qt.Key.Key_Down)
    assert controller.keys.read_aloud.paragraph == last
    scrollbar = article.verticalScrollBar()
    assert scrollbar.value() > 0
    selection = article.extraSelections()[0]
    rect = article.cursorRect(selection.cursor)
    assert article.viewport().rect().intersects(rect)


def test_leaving_the_section_stops_the_reading(speaking_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = speaking_kiosk
    window = controller.window
    window.open_section(0)
    qtbot.mouseClick(window.reader.listen_button, Qt.MouseButton.LeftButton)
    assert controller.narrator.is_speaking
    qtbot.mouseClick(window.nav.next_button, Qt.MouseButton.LeftButton)
    assert not controller.narrator.is_speaking
    assert not controller.keys.read_aloud.is_listening
    assert window.reader.article.extraSelections() == []
