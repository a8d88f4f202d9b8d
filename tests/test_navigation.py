"""A patient taps and swipes through the whole article and back home."""

from __future__ import annotations

from pathlib import Path

from helpers.touch import drag, swipe, tap
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QPixmap

from kiosk.navigation import Page


def test_tiles_open_each_section_and_home_returns(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    total = len(window.sections)
    assert total == 5
    for index, tile in enumerate(window.home.tiles):
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        assert window.page is Page.READER
        assert window.reader.section is window.sections[index]
        assert window.reader.progress_label.text() == f"{index + 1} of {total}"
        qtbot.mouseClick(window.nav.home_button, Qt.MouseButton.LeftButton)
        assert window.page is Page.HOME


def test_next_walks_every_section_then_contact_and_previous_walks_back(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    nav = window.nav
    assert not nav.previous_button.isEnabled()
    seen = []
    for _ in window.sections:
        qtbot.mouseClick(nav.next_button, Qt.MouseButton.LeftButton)
        seen.append(window.reader.section)
    assert seen == list(window.sections)
    qtbot.mouseClick(nav.next_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.CONTACT
    assert not nav.next_button.isEnabled()
    qtbot.mouseClick(nav.previous_button, Qt.MouseButton.LeftButton)
    assert window.reader.section is window.sections[-1]
    for index in reversed(range(len(window.sections) - 1)):
        qtbot.mouseClick(nav.previous_button, Qt.MouseButton.LeftButton)
        assert window.reader.section is window.sections[index]
    assert not nav.previous_button.isEnabled()


def test_swipes_move_between_sections(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(0)
    viewport = window.reader.article.viewport()
    for index in range(1, len(window.sections)):
        swipe(viewport, +1)
        assert window.reader.section is window.sections[index]
    for index in reversed(range(len(window.sections) - 1)):
        swipe(viewport, -1)
        assert window.reader.section is window.sections[index]
    swipe(viewport, -1)
    assert window.reader.section is window.sections[0]


def test_a_vertical_drag_scrolls_and_does_not_change_section(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(2)
    viewport = window.reader.article.viewport()
    scrollbar = window.reader.article.verticalScrollBar()
    assert scrollbar.value() == 0
    assert window.reader.more_below_label.isVisible()
    centre = viewport.rect().center()
    drag(viewport, centre + QPoint(20, 200), centre - QPoint(0, 200))
    qtbot.waitUntil(lambda: scrollbar.value() > 0)
    assert window.reader.section is window.sections[2]


def test_a_short_sideways_tap_is_not_a_swipe(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(1)
    viewport = window.reader.article.viewport()
    tap(viewport)
    centre = viewport.rect().center()
    drag(viewport, centre, centre - QPoint(40, 0))
    assert window.reader.section is window.sections[1]


def test_each_section_starts_at_the_top(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(2)
    scrollbar = window.reader.article.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum())
    assert not window.reader.more_below_label.isVisible()
    window.show_next()
    assert scrollbar.value() == 0
    assert window.reader.more_below_label.isVisible()


def test_text_size_steps_change_the_rendered_size_and_wrap_around(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(1)
    article = window.reader.article

    def rendered_height() -> float:
        return float(article.document().size().height())

    def body_px() -> int:
        return int(article.document().defaultFont().pixelSize())

    heights, sizes = [rendered_height()], [body_px()]
    for _ in range(2):
        qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
        heights.append(rendered_height())
        sizes.append(body_px())
    assert sizes == [30, 37, 46]
    assert heights[0] < heights[1] < heights[2]
    assert window.nav.text_size_button.text().endswith("●●●")
    qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
    assert body_px() == 30


def test_contact_is_reachable_from_every_screen_and_back_returns(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    qtbot.mouseClick(window.nav.contact_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.CONTACT
    qtbot.mouseClick(window.contact.back_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.HOME
    window.open_section(3)
    qtbot.mouseClick(window.nav.contact_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.contact.back_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.READER
    assert window.reader.section is window.sections[3]


def test_with_no_valid_content_the_patient_sees_a_calm_notice(  # type: ignore[no-untyped-def]
    make_window, content_copy: Path
) -> None:
    for path in (content_copy / "en").glob("*.md"):
        path.write_text("broken", encoding="utf-8")
    window = make_window(content=content_copy)
    assert window.page is Page.UPDATING
    assert window.stack.currentWidget() is window.updating
    assert "please ask at the front desk" in window.updating.message_label.text()
    assert not window.nav.isVisible()
    window.show_next()
    window.open_section(0)
    assert window.page is Page.UPDATING


def test_one_broken_file_leaves_the_others_showing(make_window, content_copy: Path) -> None:  # type: ignore[no-untyped-def]
    (content_copy / "en" / "03-conditions.md").write_bytes(b"---\ntitle: \xff\n---\n")
    window = make_window(content=content_copy)
    assert len(window.sections) == 4
    assert window.page is Page.HOME


def test_reopening_a_section_does_not_redo_its_pictures_or_text_styling(  # type: ignore[no-untyped-def]
    make_window, qtbot, monkeypatch
) -> None:
    """Opening a section is the common tap: work that only a new size or text step needs must not
    be paid again on every open (it kept taps over one frame)."""
    window = make_window()
    window.open_section(1)  # the synapse
    illustration = window.reader.illustration
    assert illustration is not None
    window.grab()
    stills: list[object] = []
    original = illustration.canvas.paint_still_layer

    def counted_still(size: QSize, ratio: float) -> QPixmap:
        stills.append(size)
        painted: QPixmap = original(size, ratio)
        return painted

    monkeypatch.setattr(illustration.canvas, "paint_still_layer", counted_still)
    styles: list[str] = []
    article = window.reader.article
    document = article.document()
    set_style_sheet = document.setDefaultStyleSheet

    def counted_style(sheet: str) -> None:
        styles.append(sheet)
        set_style_sheet(sheet)

    # The document's own (public) setter: a restyle is what costs, whoever calls it.
    monkeypatch.setattr(document, "setDefaultStyleSheet", counted_style)
    window.show_home()
    qtbot.mouseClick(window.home.tiles[1], Qt.MouseButton.LeftButton)
    window.show_next()
    window.show_previous()
    window.grab()
    assert stills == []
    assert styles == []
    # A new text step does need both: new caption height (so a new picture size), new fonts.
    qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
    window.grab()
    assert len(stills) == 1
    assert len(styles) == 1
    assert article.document() is document
    assert document.defaultFont().pixelSize() == 37


def test_contact_screens_wait_for_first_use_and_keep_the_patients_text_size(  # type: ignore[no-untyped-def]
    make_window, qtbot
) -> None:
    """The QR codes are encoded after the first paint, not before; a contact screen built late
    still shows the text size the patient chose."""
    window = make_window()
    assert all(bundle.built_contact is None for bundle in window.built_screens.values())
    qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
    assert window.text_step == 1
    qtbot.mouseClick(window.nav.contact_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.CONTACT
    assert window.contact.isVisible()
    assert window.contact.details_text.document().defaultFont().pixelSize() == 37


def test_after_the_first_paint_every_first_tap_finds_its_screens_built(  # type: ignore[no-untyped-def]
    make_kiosk, qtbot
) -> None:
    controller = make_kiosk()
    window = controller.window
    assert set(window.built_screens) == {"en"}
    controller.start()  # what the first paint starts
    qtbot.waitUntil(lambda: set(window.built_screens) == {"en", "es"}, timeout=5000)
    built = {language: bundle.built_contact for language, bundle in window.built_screens.items()}
    assert all(screen is not None for screen in built.values())
    window.wake()
    qtbot.mouseClick(window.nav.language_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.nav.contact_button, Qt.MouseButton.LeftButton)
    assert window.contact is built["es"]
    assert window.contact.title_label.text() == "Contáctenos"


def test_the_text_keeps_its_size_when_the_theme_is_restyled(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Applying a style sheet hands every text box the label font; the body size must survive."""
    window = make_window()
    window.open_section(0)
    qtbot.mouseClick(window.nav.text_size_button, Qt.MouseButton.LeftButton)
    window.set_high_contrast(True)
    window.open_section(1)
    assert window.reader.article.document().defaultFont().pixelSize() == 37
