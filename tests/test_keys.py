"""A patient who cannot use the touch screen does everything with keys, and hears each step."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.keypad import DEFAULT_KEYS, KEY_NAMES, Action, key_names_problem, keymap
from kiosk.navigation import Page
from kiosk.ui.keyboard import KeyboardNavigator
from kiosk.ui.spoken import speakable, spoken_digits

Key = Qt.Key


class TouchCounter(QObject):
    """Counts every mouse and touch event the application sees."""

    KINDS = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchEnd,
        }
    )

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.KINDS:
            self.count += 1
        return False


@pytest.fixture
def no_touch() -> Iterator[TouchCounter]:
    counter = TouchCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    yield counter
    app.removeEventFilter(counter)


class Patient:
    """Presses keys on the kiosk as a keypad would, and remembers what the kiosk said."""

    def __init__(self, controller, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.window = controller.window
        self.keys: KeyboardNavigator = controller.keys
        self.qtbot = qtbot
        self.said: list[str] = []
        # Keys go to the active window, as on the kiosk's screen (the test screen does not
        # always activate a window of another size or kind by itself).
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow)
        controller.narrator.said.connect(lambda text, _language: self.said.append(text))

    def press(self, key: Key, times: int = 1) -> None:
        for _ in range(times):
            target = QApplication.focusWidget() or self.window
            self.qtbot.keyClick(target, key)

    @property
    def last(self) -> str:
        return self.said[-1]

    @property
    def focused(self) -> QWidget | None:
        return self.keys.focused

    def move_to(self, widget: QWidget) -> None:
        """Tabs forward until the ring is on `widget` (at most once round the screen)."""
        for _ in range(len(self.keys.chain()) + 1):
            if self.focused is widget:
                break
            self.press(Key.Key_Tab)
        self.assert_visible_focus_on(widget)

    def assert_visible_focus_on(self, widget: QWidget) -> None:
        assert self.focused is widget
        assert QApplication.focusWidget() is widget
        ring = self.keys.ring
        assert ring.isVisible()
        assert ring.width_px >= 3
        placed = QRect(widget.mapTo(self.window, widget.rect().topLeft()), widget.size())
        assert ring.geometry().contains(placed)
        assert (
            ring.geometry().adjusted(ring.width_px, ring.width_px, -ring.width_px, -ring.width_px)
            == placed
        )


@pytest.fixture
def patient(make_kiosk, qtbot) -> Patient:  # type: ignore[no-untyped-def]
    return Patient(make_kiosk(), qtbot)


def test_any_key_wakes_the_attract_screen_and_presses_nothing(patient: Patient) -> None:
    window = patient.window
    assert window.page is Page.ATTRACT
    patient.press(Key.Key_Return)
    assert window.page is Page.HOME
    first = patient.keys.chain()[0]
    patient.assert_visible_focus_on(first)
    assert patient.last.startswith(f"Home. {window.content.article.title}.")
    # The release of the waking key reached nothing either: still home, nothing opened.
    assert window.page is Page.HOME


def test_every_patient_function_by_keys_alone(patient: Patient, no_touch: TouchCounter) -> None:
    window, keys = patient.window, patient.keys
    patient.press(Key.Key_Space)
    assert window.page is Page.HOME

    # Every section from its tile; the text first, read paragraph by paragraph; back home.
    for index, section in enumerate(window.sections):
        patient.move_to(window.home.tiles[index])
        assert f"{section.title}, button. {section.summary}" in patient.last
        patient.press(Key.Key_Return)
        assert window.page is Page.READER
        assert window.reader.section is section
        patient.assert_visible_focus_on(window.reader.article)
        assert patient.last.startswith(f"{section.title}. {index + 1} of 5.")
        patient.press(Key.Key_Down)
        first_paragraph = window.reader.article.paragraphs()[0]
        assert patient.last == first_paragraph.strip()
        assert keys.read_aloud.paragraph == 0
        patient.press(Key.Key_Escape)
        assert window.page is Page.HOME

    # Next and Previous on the bar.
    patient.move_to(window.home.tiles[0])
    patient.press(Key.Key_Return)
    patient.move_to(window.nav.next_button)
    patient.press(Key.Key_Return)
    assert window.reader.section is window.sections[1]
    patient.assert_visible_focus_on(window.nav.next_button)
    assert patient.last.startswith(f"{window.sections[1].title}. 2 of 5.")
    patient.move_to(window.nav.previous_button)
    patient.press(Key.Key_Return)
    assert window.reader.section is window.sections[0]

    # Text size.
    patient.move_to(window.nav.text_size_button)
    patient.press(Key.Key_Return)
    assert window.text_step == 1
    assert patient.last.startswith("Text size 2, button")

    # Display options: a dialog; each switch by Enter; Escape closes it and returns the ring.
    patient.move_to(window.nav.display_button)
    patient.press(Key.Key_Return)
    display = window.screens.display
    assert window.screens.display_layer.isVisible()
    assert patient.last.startswith("Display, dialog. High contrast: Off, switch")
    patient.assert_visible_focus_on(display.toggles["high_contrast"])
    patient.press(Key.Key_Return)
    assert window.choices.high_contrast
    assert patient.last.startswith("High contrast: On, switch")
    for name in ("larger_text", "reduced_motion"):
        patient.press(Key.Key_Down)
        patient.assert_visible_focus_on(display.toggles[name])
        patient.press(Key.Key_Return)
    assert window.text_step == 3
    assert window.choices.reduced_motion
    patient.press(Key.Key_Escape)
    assert not window.screens.display_layer.isVisible()
    patient.assert_visible_focus_on(window.nav.display_button)

    # The picture: each state by its button, its words said; the pause button.
    mechanism = next(i for i, s in enumerate(window.sections) if s.illustration == "synapse")
    window_reader = window.reader
    patient.press(Key.Key_Escape)
    patient.move_to(window.home.tiles[mechanism])
    patient.press(Key.Key_Return)
    picture = window_reader.illustration
    assert picture is not None
    # Less motion is on: the pause button is hidden, so switch motion back on for it.
    window.set_reduced_motion(False)
    for state, button in picture.choice_buttons.items():
        patient.move_to(button)
        patient.press(Key.Key_Return)
        assert picture.state == state
        assert picture.accessibleDescription() in patient.last
    patient.move_to(picture.pause_button)
    patient.press(Key.Key_Return)
    assert picture.is_paused

    # Listen from the keys: the button reads the section and says Pause on a second press.
    patient.move_to(window_reader.listen_button)
    patient.press(Key.Key_Return)
    assert keys.read_aloud.is_listening
    patient.press(Key.Key_Return)
    assert not keys.read_aloud.is_listening

    # The other language, on the same page; then the contact screen and back.
    patient.move_to(window.nav.language_button)
    patient.press(Key.Key_Return)
    assert window.choices.language == "es"
    assert window.page is Page.READER
    patient.assert_visible_focus_on(window.nav.language_button)
    patient.move_to(window.nav.contact_button)
    patient.press(Key.Key_Return)
    assert window.page is Page.CONTACT
    assert "3 3 6, 4 3 8, 2 5 2 5" in patient.last
    patient.press(Key.Key_Backspace)
    assert window.page is Page.READER

    # "Still reading?" answered by a key, which does nothing else.
    window.show_idle_warning(20)
    assert window.idle_warning.is_counting
    page = window.page_name
    patient.press(Key.Key_Return)
    assert not window.idle_warning.is_counting
    assert window.page_name == page

    assert no_touch.count == 0


def test_help_volume_and_page_keys(patient: Patient) -> None:
    window = patient.window
    patient.press(Key.Key_Return)
    patient.press(Key.Key_F1)
    assert patient.last == window.screens.text.keys_help
    patient.press(Key.Key_Plus)
    assert patient.last == "Volume 6 of 10"
    patient.press(Key.Key_VolumeDown, 2)
    assert patient.last == "Volume 4 of 10"
    window.open_section(2)  # longer than a 1080p screen (the introduction fits on one)
    scrollbar = window.reader.article.verticalScrollBar()
    patient.press(Key.Key_PageDown)
    assert scrollbar.value() == min(scrollbar.pageStep(), scrollbar.maximum()) > 0
    patient.press(Key.Key_PageUp)
    assert scrollbar.value() == 0


def test_a_touch_hides_the_ring_and_a_key_brings_it_back(patient: Patient, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = patient.window
    patient.press(Key.Key_Return)
    assert patient.keys.ring.isVisible()
    qtbot.mouseClick(window.home.intro_label, Qt.MouseButton.LeftButton)
    assert not patient.keys.ring.isVisible()
    patient.press(Key.Key_Tab)
    assert patient.keys.ring.isVisible()


def test_the_reset_silences_and_forgets(patient: Patient) -> None:
    window, keys = patient.window, patient.keys
    patient.press(Key.Key_Return)
    window.open_section(0)
    patient.press(Key.Key_Tab)
    keys.narrator.change_volume(3)
    window.reset_session()
    assert not keys.narrator.is_speaking
    assert keys.narrator.volume == keys.narrator.settings.volume
    assert keys.focused is None
    assert not keys.ring.isVisible()
    assert keys.read_aloud.paragraph is None


def test_staff_screens_stay_touch_only(patient: Patient) -> None:
    window = patient.window
    window.show_staff()
    said = len(patient.said)
    patient.press(Key.Key_Tab)
    patient.press(Key.Key_Return)
    assert window.page is Page.STAFF
    assert len(patient.said) == said


def test_key_names_are_qt_keys_and_checked() -> None:
    for name in KEY_NAMES:
        assert isinstance(Qt.Key[f"Key_{name}"], Qt.Key)
    for action, names in DEFAULT_KEYS.items():
        assert key_names_problem(names) is None, action
    assert "Retrun" in (key_names_problem("Tab Retrun") or "")
    # A key given to two actions does only the first.
    assert keymap({Action.NEXT: "Tab", Action.BACK: "Tab Escape"}) == {
        "Tab": Action.NEXT,
        "Escape": Action.BACK,
    }


def test_words_are_spoken_without_symbols() -> None:
    assert speakable("Next →") == "Next"
    assert speakable("❚❚ Pause") == "Pause"
    assert spoken_digits("(336) 438-2525") == "3 3 6, 4 3 8, 2 5 2 5"


def test_keys_set_in_the_config_do_what_they_are_told(make_kiosk, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "kiosk.toml"
    config.write_text('[keypad]\nactivate = "F5"\nnext = "N"\n', encoding="utf-8")
    patient = Patient(make_kiosk(config=config), qtbot)
    window = patient.window
    patient.press(Key.Key_F5)  # any key wakes
    first = patient.focused
    patient.press(Key.Key_N)
    assert patient.focused is not first
    patient.press(Key.Key_Return)  # no longer a keypad key here
    assert window.page is Page.HOME
    patient.press(Key.Key_F5)
    assert window.page is Page.READER


def test_overlays_are_announced_to_a_patient_using_keys(patient: Patient) -> None:
    window = patient.window
    controller_idle = patient.keys
    patient.press(Key.Key_Return)
    window.show_idle_warning(20)
    controller_idle.announce_idle_warning()
    assert patient.last == (
        "Still reading? The screen will go back to the start in 20 seconds. "
        "Yes, keep reading, button."
    )
    patient.press(Key.Key_Space)
    assert patient.last == "Yes, keep reading"
    window.start_cleaning()
    patient.press(Key.Key_Tab)
    assert patient.last.startswith("Cleaning the screen. ")
    assert window.cleaning.is_counting


def test_a_touch_patient_hears_nothing(patient: Patient, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = patient.window
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    window.show_idle_warning(20)
    patient.keys.announce_idle_warning()
    qtbot.mouseClick(window.nav.display_button, Qt.MouseButton.LeftButton)
    assert patient.said == []


def test_a_control_in_a_scrolled_picture_panel_is_brought_into_view(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    patient = Patient(make_kiosk(size=(1280, 800)), qtbot)
    window = patient.window
    patient.press(Key.Key_Return)
    window.apply_text_step(3)
    mechanism = next(i for i, s in enumerate(window.sections) if s.illustration == "synapse")
    window.open_section(mechanism)
    panel = window.reader.picture_panel
    picture = window.reader.illustration
    assert picture is not None
    last = list(picture.choice_buttons.values())[-1]
    patient.move_to(last)
    viewport = panel.viewport()
    placed = QRect(last.mapTo(viewport, last.rect().topLeft()), last.size())
    assert viewport.rect().contains(placed)


def test_the_keys_work_under_the_lockdown_which_still_blocks_combinations(  # type: ignore[no-untyped-def]
    make_kiosk, qtbot
) -> None:
    controller = make_kiosk(kiosk_mode=True)
    patient = Patient(controller, qtbot)
    window = patient.window
    patient.press(Key.Key_Return)
    patient.move_to(window.home.tiles[0])
    patient.press(Key.Key_Return)
    assert window.page is Page.READER
    said = len(patient.said)
    for key, modifier in (
        (Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
        (Key.Key_Escape, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(window.reader.article, key, modifier)
    assert window.isVisible()
    assert window.page is Page.READER
    assert len(patient.said) == said  # the keypad left them to the lockdown
    patient.press(Key.Key_Escape)
    assert window.page is Page.HOME


def test_down_past_the_last_paragraph_moves_on_and_up_comes_back_to_it(patient: Patient) -> None:
    window, keys = patient.window, patient.keys
    patient.press(Key.Key_Return)
    patient.move_to(window.home.tiles[0])
    patient.press(Key.Key_Return)
    article = window.reader.article
    paragraphs = article.paragraphs()
    patient.press(Key.Key_Down, len(paragraphs))
    assert patient.last == paragraphs[-1].strip()
    patient.press(Key.Key_Down)
    assert patient.focused is not article
    assert patient.last.startswith("End of the text. ")
    patient.press(Key.Key_Up)
    patient.assert_visible_focus_on(article)
    patient.press(Key.Key_Up)
    assert patient.last == paragraphs[-1].strip()
    assert keys.read_aloud.paragraph == len(paragraphs) - 1
