"""Every patient can read it: Spanish, high contrast, extra-large text and less motion, all of
which the next patient never inherits."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.colors import colour_counts, light_share
from helpers.layout import text_overflow
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk import ui_text
from kiosk.cli import main
from kiosk.illustration_specs import SPEC_BY_KEY
from kiosk.illustration_text import illustration_text
from kiosk.navigation import Page
from kiosk.paths import resources_dir
from kiosk.theme import COLORS, EXTRA_LARGE_STEP, HIGH_CONTRAST, TEXT_SIZE_STEPS
from kiosk.ui.style import EACH_TEXT_STEP, TEXT_STEP


def test_spanish_end_to_end(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.nav.language_button.text() == "Español"
    qtbot.mouseClick(window.nav.language_button, Qt.MouseButton.LeftButton)
    assert window.choices.language == "es"
    assert (
        window.home.title_label.text() == "Antidepresivos para el dolor crónico: ¿realmente ayudan?"
    )
    assert window.nav.home_button.text() == "Inicio"
    assert window.nav.language_button.text() == "English"
    qtbot.mouseClick(window.nav.next_button, Qt.MouseButton.LeftButton)
    for index in range(1, len(window.sections)):
        qtbot.mouseClick(window.nav.next_button, Qt.MouseButton.LeftButton)
        assert window.reader.progress_label.text() == f"{index + 1} de 5"
    assert window.reader.disclaimer_label.text().startswith("Información educativa")
    assert "Looking" not in window.reader.title_label.text()
    qtbot.mouseClick(window.nav.next_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.CONTACT
    assert window.contact.title_label.text() == "Contáctenos"


def test_switching_language_keeps_the_patients_place(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(2)
    qtbot.mouseClick(window.nav.language_button, Qt.MouseButton.LeftButton)
    assert window.page is Page.READER
    assert window.reader.section is not None
    assert window.reader.section.slug == "conditions"
    assert window.reader.section.title.startswith("Afecciones")


def test_one_language_means_no_language_button(make_window, content_copy: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.rmtree(content_copy / "es")
    window = make_window(content=content_copy)
    assert window.nav.language_button.isHidden()


def test_display_options_change_contrast_text_and_motion(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.open_section(1)
    qtbot.mouseClick(window.nav.display_button, Qt.MouseButton.LeftButton)
    panel = window.screens.display
    assert window.screens.display_layer.isVisible()
    qtbot.mouseClick(panel.toggles["high_contrast"], Qt.MouseButton.LeftButton)
    assert top_colour(panel) == HIGH_CONTRAST.surface
    assert panel.toggles["high_contrast"].accessibleName().endswith("On")
    qtbot.mouseClick(panel.toggles["larger_text"], Qt.MouseButton.LeftButton)
    assert window.text_step == EXTRA_LARGE_STEP
    assert window.reader.article.document().defaultFont().pixelSize() == 56
    assert window.nav.text_size_button.text().endswith("●●●+")
    assert window.reader.illustration is not None and window.reader.illustration.is_animating
    qtbot.mouseClick(panel.toggles["reduced_motion"], Qt.MouseButton.LeftButton)
    assert not window.reader.illustration.is_animating
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert not window.screens.display_layer.isVisible()
    assert top_colour(window.reader) == HIGH_CONTRAST.background


def test_the_idle_reset_restores_all_four_defaults(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    defaults = window.choices
    window.next_language()
    window.cycle_text_size()
    window.set_high_contrast(True)
    window.set_reduced_motion(True)
    assert window.choices == replace(
        defaults, language="es", text_step=1, high_contrast=True, reduced_motion=True
    )
    window.show_idle_warning(20)
    window.idle_warning.expire()
    assert window.choices == defaults
    assert window.page is Page.ATTRACT
    assert top_colour(window.attract) == COLORS.background
    assert window.attract.halo.is_animating
    window.wake()
    assert window.home.title_label.text().startswith("Antidepressants")
    assert top_colour(window.home) == COLORS.background


def test_every_control_has_an_accessible_name(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    unnamed = []
    for show in (
        window.show_home,
        lambda: window.open_section(1),
        window.show_contact,
        window.show_display_options,
    ):
        show()
        for button in window.findChildren(QAbstractButton):
            if button.isVisibleTo(window) and not button.accessibleName().strip():
                unnamed.append(f"{type(button).__name__} {button.text()!r}")
    assert unnamed == []


def test_check_reports_a_missing_spanish_section(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_copy / "es" / "03-conditions.md").unlink()
    assert main(["check", "--content", str(content_copy)]) == 1
    assert (
        f"{content_copy / 'es'}: error: lacks the section 'conditions' (en/03-conditions.md)"
        in capsys.readouterr().out
    )


def test_check_reports_an_untranslated_interface_string(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    half_done = replace(ui_text.SPANISH, keep_reading=ui_text.ENGLISH.keep_reading, done="")
    monkeypatch.setitem(ui_text.CATALOG, "es", half_done)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "interface text 'keep_reading' is not translated into 'es'" in out
    assert "interface text 'done' is not translated into 'es'" in out


def test_a_translation_missing_the_open_section_sends_the_reader_home(  # type: ignore[no-untyped-def]
    make_window, content_copy: Path
) -> None:
    for name in ("04-holistic.md", "05-expert-help.md"):
        (content_copy / "es" / name).write_text("broken\n", encoding="utf-8")
    window = make_window(content=content_copy)
    window.open_section(4)
    window.next_language()
    assert window.choices.language == "es"
    assert window.page is Page.HOME
    assert window.stack.currentWidget() is window.home
    assert window.page_name == "home"


def test_a_layer_follows_the_window_while_shown_each_time_it_is_shown(  # type: ignore[no-untyped-def]
    make_window, qtbot
) -> None:
    """A layer watches the window only while it shows (a filter on the window runs for every
    event the window gets); shown again, it follows again."""
    window = make_window()
    layer = window.screens.display_layer
    moved_aside = QRect(0, 0, 10, 10)

    def layer_after_window_resize() -> QRect:
        """Where the layer is after the window tells of a resize, the layer moved aside first:
        back over the whole window if it watches, still aside if not."""
        layer.setGeometry(moved_aside)
        QApplication.sendEvent(window, QResizeEvent(window.size(), QSize(1280, 800)))
        geometry: QRect = layer.geometry()
        return geometry

    assert layer_after_window_resize() == moved_aside
    qtbot.mouseClick(window.nav.display_button, Qt.MouseButton.LeftButton)
    assert layer.isVisible()
    assert layer_after_window_resize() == window.rect()
    layer.hide()
    assert layer_after_window_resize() == moved_aside
    layer.present()
    assert layer_after_window_resize() == window.rect()


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("en", "in 1 second.", "in 20 seconds."),
        ("es", "en 1 segundo.", "en 20 segundos."),
    ],
)
def test_countdowns_say_one_second_in_the_singular(language: str, one: str, many: str) -> None:
    text = ui_text.ui_text(language)
    assert text.still_reading_countdown.format(1).endswith(one)
    assert text.still_reading_countdown.format(20).endswith(many)
    assert text.cleaning_countdown.format(1).endswith(one.split()[-2] + " " + one.split()[-1])
    assert text.cleaning_countdown.format(20).endswith(many.split()[-2] + " " + many.split()[-1])


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
@pytest.mark.parametrize(("language", "section"), [("en", 2), ("es", 1)])
def test_text_size_and_contrast_changes_while_reading_reflow_the_open_section_at_once(  # type: ignore[no-untyped-def]
    make_window, size: tuple[int, int], language: str, section: int
) -> None:
    """Issue 13: after Text size while section 3 was open, lines ran under the scrollbar and
    the picture ("low back pa") until the patient left the section; and a picture whose width
    stayed kept its height, its larger words squeezing the drawing (the Spanish synapse was
    17 px high at 1280x800 and the largest text)."""
    window = make_window(size)
    if language != window.choices.language:
        window.next_language()
    window.open_section(section)
    QApplication.processEvents()
    window.reader.article.verticalScrollBar().setValue(400)
    changes: tuple[Callable[[], None], ...] = (
        lambda: window.cycle_text_size(),
        lambda: window.cycle_text_size(),
        lambda: window.set_high_contrast(True),
        lambda: window.apply_text_step(EXTRA_LARGE_STEP),
        lambda: window.cycle_text_size(),
        lambda: window.set_high_contrast(False),
    )
    for change in changes:
        change()
        QApplication.processEvents()
        assert text_overflow(window.reader.article) is None, window.choices
        assert window.reader.article.verticalScrollBar().value() > 0, "reading position lost"
        picture = window.reader.illustration
        assert picture is not None
        # Every word has its room and the drawing its least height (Picture.fits).
        assert picture.canvas.picture.fits, window.choices


@pytest.mark.parametrize(
    ("size", "in_full"),
    [((1920, 1080), True), ((1080, 1920), False), ((1280, 800), False)],
    ids=["1920x1080", "1080x1920", "1280x800"],
)
def test_the_spanish_bar_says_text_size_and_display_in_full_where_they_fit(  # type: ignore[no-untyped-def]
    make_window, size: tuple[int, int], in_full: bool
) -> None:
    """ "Tamaño del texto" and "Opciones de pantalla" where the bar has room in one row; the
    short wordings on narrower screens (test_layout checks that every label fits), and the full
    ones always as the buttons' accessible names."""
    window = make_window(size)
    window.next_language()
    spanish = ui_text.SPANISH
    nav = window.nav
    for step in range(TEXT_SIZE_STEPS):
        window.apply_text_step(step)
        size_words = spanish.text_size if in_full else spanish.text_size_short
        display_words = spanish.display_options if in_full else spanish.display_options_short
        assert nav.text_size_button.text().startswith(f"{size_words} ")
        assert nav.display_button.text() == display_words
        assert nav.text_size_button.accessibleName() == f"{spanish.text_size} {step + 1}"
        assert nav.display_button.accessibleName() == spanish.display_options
    assert window.screens.display.title_label.text() == spanish.display_options


def test_every_home_thumbnail_is_named_in_its_language(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window((1920, 1080))
    for language in window.languages:
        if window.choices.language != language:
            window.next_language()
        pictured = [
            (tile, section.illustration)
            for tile, section in zip(window.home.tiles, window.sections, strict=True)
            if section.illustration
        ]
        assert len(pictured) == 3
        for tile, key in pictured:
            assert tile.picture is not None
            title = SPEC_BY_KEY[key].words_of(illustration_text(language)).title
            assert tile.picture.accessibleName() == title, (language, key)


def test_the_balance_sentence_shows_with_every_picture_of_the_medicine(make_window) -> None:  # type: ignore[no-untyped-def]
    """Benefit is judged after weeks, nausea is the most common side effect, ask your care team:
    under every section whose picture shows the medicine, in the section's language."""
    window = make_window()
    for language in window.languages:
        if window.choices.language != language:
            window.next_language()
        shown = []
        for index, section in enumerate(window.sections):
            window.open_section(index)
            notice = window.reader.disclaimer_label.text()
            balance = illustration_text(language).balance
            assert notice.startswith(balance) == bool(section.illustration), section.slug
            assert notice.endswith(ui_text.CATALOG[language].disclaimer)
            if section.illustration:
                shown.append(section.illustration)
        assert sorted(shown) == ["pain-mood-cycle", "pain-pathway", "synapse"]


def test_high_contrast_reaches_the_picture_frame_caption_and_buttons(make_window) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the picture's cream panel, caption and teal/white buttons stayed light."""
    window = make_window((1920, 1080))
    window.open_section(1)
    illustration = window.reader.illustration
    assert illustration is not None
    window.set_high_contrast(True)
    QApplication.processEvents()
    shot = illustration.grab().toImage()
    corner = shot.pixelColor(1, 1).name().upper()
    assert corner == HIGH_CONTRAST.background
    caption = illustration.caption_label
    assert caption.palette().color(caption.foregroundRole()).name().upper() == HIGH_CONTRAST.text
    chosen = next(button for button in illustration.choice_buttons.values() if button.isChecked())
    inside_its_edge = chosen.grab().toImage().pixelColor(8, chosen.height() // 2)
    assert inside_its_edge.name().upper() == HIGH_CONTRAST.accent
    window.set_high_contrast(False)
    QApplication.processEvents()
    assert illustration.grab().toImage().pixelColor(1, 1).name().upper() == COLORS.background


def test_high_contrast_reaches_the_home_thumbnails_as_the_home_is_shown(make_window) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: the tiles' pictures kept their light card and cream fills in high contrast.
    Chosen on another page, the theme reaches them when the home page is shown."""
    window = make_window((1920, 1080))
    pictures = [tile.picture for tile in window.home.tiles if tile.picture is not None]
    assert pictures

    def light(ground: str) -> list[float]:
        return [
            light_share(colour_counts(picture.grab().toImage(), ground)) for picture in pictures
        ]

    assert min(light(COLORS.surface)) > 0.6
    window.open_section(1)
    window.set_high_contrast(True)
    window.show_home()
    QApplication.processEvents()
    assert max(light(HIGH_CONTRAST.surface)) < 0.3
    window.set_high_contrast(False)  # on screen: at once
    assert min(light(COLORS.surface)) > 0.6


def test_the_home_pictures_are_drawn_once_per_theme_and_kept(make_window) -> None:  # type: ignore[no-untyped-def]
    """Turning High contrast on and off on the home page shows the same pictures again, not
    new ones; KioskWindow.prepare_ahead draws the high-contrast ones without showing them."""
    window = make_window((1920, 1080))
    pictures = [tile.picture for tile in window.home.tiles if tile.picture is not None]
    everyday = [picture.pixmap().cacheKey() for picture in pictures]
    window.prepare_ahead()
    assert [picture.pixmap().cacheKey() for picture in pictures] == everyday  # not shown yet
    window.set_high_contrast(True)
    high = [picture.pixmap().cacheKey() for picture in pictures]
    assert not set(high) & set(everyday)
    window.set_high_contrast(False)
    assert [picture.pixmap().cacheKey() for picture in pictures] == everyday
    window.set_high_contrast(True)
    assert [picture.pixmap().cacheKey() for picture in pictures] == high


def top_colour(widget: QWidget) -> str:
    """The colour a patient sees at the middle of `widget`'s top, inside a card's border: its
    background, as the whole window paints it (what is behind a widget shows through where it
    paints no ground of its own)."""
    window = widget.window()
    top = widget.mapTo(window, QPoint(widget.width() // 2, 8))
    colour = window.grab(QRect(top, QSize(1, 1))).toImage().pixelColor(0, 0)
    return str(colour.name()).upper()


def test_choices_made_on_one_screen_reach_every_screen_shown_after(make_window) -> None:  # type: ignore[no-untyped-def]
    """The theme and text size restyle only what is on screen when they change; every other
    page and overlay takes them as it is shown."""
    window = make_window()
    tile_title = window.home.tiles[0].title_label
    everyday_px = tile_title.font().pixelSize()
    window.show_idle_warning(20)
    warning_px = window.idle_warning.title_label.font().pixelSize()
    window.idle_warning.stop()
    window.show_contact()
    contact_text = window.contact.details_text.document()
    everyday_body_px = contact_text.defaultFont().pixelSize()
    window.open_section(1)
    window.apply_text_step(2)
    window.set_high_contrast(True)
    assert tile_title.font().pixelSize() == everyday_px  # hidden: not restyled yet
    window.show_home()
    assert top_colour(window.home) == HIGH_CONTRAST.background
    assert tile_title.font().pixelSize() > everyday_px
    assert contact_text.defaultFont().pixelSize() == everyday_body_px  # hidden: not laid out
    window.show_contact()
    assert top_colour(window.contact) == HIGH_CONTRAST.background
    reader_body_px = window.reader.article.document().defaultFont().pixelSize()
    assert contact_text.defaultFont().pixelSize() == reader_body_px > everyday_body_px
    window.show_idle_warning(20)
    card = window.idle_warning.title_label.parentWidget()
    assert card is not None
    assert top_colour(card) == HIGH_CONTRAST.surface
    assert window.idle_warning.title_label.font().pixelSize() > warning_px
    window.idle_warning.stop()
    window.next_language()
    assert top_colour(window.contact) == HIGH_CONTRAST.background


def test_every_widget_that_theme_qss_grows_is_marked(make_window) -> None:  # type: ignore[no-untyped-def]
    """theme.qss's per-text-size rules reach only widgets marked by grows_with_text: a widget
    with one of their names left unmarked would keep the fallback size at every step."""
    window = make_window()
    window.open_section(1)
    window.show_contact()
    growing = theme_qss_growing_names()
    assert {"TileTitle", "OverlayTitle", "IllustrationCaption"} <= growing
    unmarked = [
        f"{type(widget).__name__}#{widget.objectName()}"
        for widget in window.findChildren(QWidget)
        if widget.objectName() in growing and widget.property(TEXT_STEP) is None
    ]
    assert unmarked == []


def theme_qss_growing_names() -> set[str]:
    growing_part = (resources_dir() / "theme.qss").read_text().split(EACH_TEXT_STEP, 1)[1]
    selectors = re.findall(r"^([^{}/*\n][^{}]*)\{", growing_part, flags=re.MULTILINE)
    return {
        name
        for selector in selectors
        for part in selector.split(",")
        for name in re.findall(r"#(\w+)\[", part)
    }


def test_an_upright_screen_shows_each_picture_whole_above_the_text(make_window) -> None:  # type: ignore[no-untyped-def]
    """At 1080x1920 the picture got 508 px by the layout's stretch where it needs 530-560: its
    caption and buttons scrolled out of sight, and its drawing grew to fill the scroll."""
    window = make_window((1080, 1920))
    for index, section in enumerate(window.sections):
        if section.illustration is None:
            continue
        window.open_section(index)
        QApplication.processEvents()
        panel = window.reader.picture_panel
        assert panel.verticalScrollBar().maximum() == 0, section.slug
        assert window.reader.article.height() >= panel.height(), section.slug
