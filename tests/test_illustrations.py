"""The animated illustrations: states that look different, controls that change them, words for
every state, a frame timer that runs only while something can be seen moving, and previews."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from helpers.layout import layout_problems
from helpers.touch import drag
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import load_content
from kiosk.illustration_keys import ILLUSTRATION_KEYS
from kiosk.theme import Metrics
from kiosk.ui.app import application
from kiosk.ui.illustrations import ILLUSTRATIONS, Illustration, create_illustration, thumbnail
from kiosk.ui.illustrations.base import PAUSE_LABEL, PLAY_LABEL
from kiosk.ui.illustrations.preview import render_illustration_previews

KEYS = sorted(ILLUSTRATIONS)
LANDSCAPE = Metrics.for_screen(1920, 1080)
# (screen, the room the reader gives an illustration on it)
PLACES = [
    ((1920, 1080), (700, 650)),
    ((1080, 1920), (1000, 600)),
    ((1280, 800), (450, 420)),
    ((1280, 800), (400, 400)),
    ((1920, 1080), (900, 1000)),
]
# Share of pixels that must differ between two states' pictures.
DIFFERENT_ENOUGH = 0.005


@pytest.fixture(autouse=True)
def _app() -> None:
    application()  # loads the Atkinson Hyperlegible font files


def make(
    qtbot: QtBot,
    key: str,
    *,
    reduced_motion: bool = False,
    size: tuple[int, int] = (700, 650),
    metrics: Metrics = LANDSCAPE,
    show: bool = True,
) -> Illustration:
    illustration = create_illustration(key, metrics, reduced_motion=reduced_motion)
    qtbot.addWidget(illustration)
    illustration.setFixedSize(QSize(*size))
    if show:
        illustration.show()
        qtbot.waitExposed(illustration)
    return illustration


def picture(illustration: Illustration) -> QImage:
    return illustration.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing_share(first: QImage, second: QImage) -> float:
    assert first.size() == second.size()
    a = memoryview(first.constBits()).cast("I")
    b = memoryview(second.constBits()).cast("I")
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) / len(a)


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


# --- registry ---------------------------------------------------------------------------------


def test_content_keys_are_the_registry_keys() -> None:
    assert frozenset(ILLUSTRATIONS) == ILLUSTRATION_KEYS
    assert {"synapse", "pain-pathway", "pain-mood-cycle"} <= ILLUSTRATION_KEYS


@pytest.mark.parametrize("key", KEYS)
def test_registry_entries_name_themselves(key: str) -> None:
    kind = ILLUSTRATIONS[key]
    assert kind.key == key
    assert kind.states == tuple(text.name for text in kind.texts)
    assert len(set(kind.states)) == len(kind.states) >= 2


def test_an_unknown_illustration_key_is_reported_with_file_and_line(content_copy: Path) -> None:
    path = content_copy / "en" / "02-mechanism.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(1, "illustration: brain-waves")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [p for p in load_content(content_copy / "en").problems if "brain-waves" in p.message]
    assert len(problems) == 1
    assert problems[0].source == path
    assert problems[0].line == 2
    assert "synapse" in problems[0].message  # names the keys that do exist


def test_unknown_state_is_refused(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse", show=False)
    with pytest.raises(ValueError, match="no state"):
        illustration.set_state("with-magic")


# --- every state looks different and is described -------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_each_state_renders_visibly_differently(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, reduced_motion=True, size=(600, 560))
    pictures = {}
    for state in illustration.states:
        illustration.set_state(state)
        pictures[state] = picture(illustration)
    for first, second in combinations(illustration.states, 2):
        share = differing_share(pictures[first], pictures[second])
        assert share > DIFFERENT_ENOUGH, f"{key}: {first} and {second} differ in {share:.2%} only"


@pytest.mark.parametrize("key", KEYS)
def test_still_frames_are_the_same_every_time(qtbot: QtBot, key: str) -> None:
    first = make(qtbot, key, reduced_motion=True, size=(500, 450))
    second = make(qtbot, key, reduced_motion=True, size=(500, 450))
    assert differing_share(picture(first), picture(second)) == 0


@pytest.mark.parametrize("key", KEYS)
def test_every_state_has_a_short_caption_and_a_longer_text_alternative(
    qtbot: QtBot, key: str
) -> None:
    illustration = make(qtbot, key, show=False)
    assert illustration.accessibleName()
    for state in illustration.states:
        illustration.set_state(state)
        text = illustration.text_for(state)
        caption = illustration.caption()
        assert caption == text.caption == illustration.caption_label.text()
        assert 1 <= len(sentences(caption)) <= 2, caption
        for sentence in sentences(caption):
            assert len(sentence.split()) <= 16, f"long sentence for grade 6: {sentence}"
        description = illustration.accessibleDescription()
        assert description == text.description
        assert len(description) > len(caption)


@pytest.mark.parametrize("key", KEYS)
def test_state_change_updates_the_text_alternative(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, show=False)
    last = illustration.states[-1]
    with qtbot.waitSignal(illustration.state_changed, timeout=1000) as changed:
        illustration.set_state(last)
    assert changed.args == [last]
    assert illustration.accessibleDescription() == illustration.text_for(last).description


OVERCLAIMS = (
    "pain-free",
    "pain free",
    "cure",
    "vanish",
    "disappear",
    "really depression",
    "all in",
)


@pytest.mark.parametrize("key", KEYS)
def test_words_never_overclaim(key: str) -> None:
    for text in ILLUSTRATIONS[key].texts:
        for words in (text.caption.lower(), text.description.lower()):
            for claim in OVERCLAIMS:
                assert claim not in words, f"{key}/{text.name}: {claim!r}"


def test_the_snri_blocks_transporters_and_adds_nothing() -> None:
    synapse = {text.name: text for text in ILLUSTRATIONS["synapse"].texts}
    assert "blocks the transporters" in synapse["with-snri"].caption
    assert "does not add" in synapse["with-snri"].description
    assert "does not act on the receptors" in synapse["with-snri"].description


def test_the_snri_acts_in_brain_and_spinal_cord_and_pain_only_dims() -> None:
    pathway = {text.name: text for text in ILLUSTRATIONS["pain-pathway"].texts}
    caption = pathway["with-snri"].caption
    assert "brain and spinal cord, not in the back or knee" in caption
    assert "dimmer" in caption
    assert "not empty" in pathway["with-snri"].description


# --- controls ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["synapse", "pain-pathway"])
def test_a_tap_on_the_toggle_changes_the_state(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    without = illustration.choice_buttons["without"]
    with_snri = illustration.choice_buttons["with-snri"]
    assert without.text() == "Without medicine"
    assert with_snri.text() == "With an SNRI"
    assert without.isChecked()
    with qtbot.waitSignal(illustration.state_changed, timeout=1000) as changed:
        qtbot.mouseClick(with_snri, Qt.MouseButton.LeftButton)
    assert changed.args == ["with-snri"]
    assert illustration.state == "with-snri"
    assert with_snri.isChecked() and not without.isChecked()
    qtbot.mouseClick(with_snri, Qt.MouseButton.LeftButton)  # tapping it again keeps it on
    assert illustration.state == "with-snri" and with_snri.isChecked()
    qtbot.mouseClick(without, Qt.MouseButton.LeftButton)
    assert illustration.state == "without"


def test_a_tap_on_a_helper_shows_it_and_a_second_tap_shows_the_cycle(qtbot: QtBot) -> None:
    illustration = make(qtbot, "pain-mood-cycle")
    assert illustration.state == "cycle"
    assert set(illustration.choice_buttons) == {
        "medicine",
        "physical-therapy",
        "mindfulness",
        "care-team",
    }
    for helper, button in illustration.choice_buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert illustration.state == helper
        assert [b.isChecked() for b in illustration.choice_buttons.values()].count(True) == 1
    last = illustration.choice_buttons["care-team"]
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert illustration.state == "cycle"
    assert not any(b.isChecked() for b in illustration.choice_buttons.values())


@pytest.mark.parametrize("key", KEYS)
def test_controls_have_names_for_screen_readers(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    for button in illustration.choice_buttons.values():
        assert button.accessibleName() == button.text()
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert illustration.pause_button.accessibleName() == PAUSE_LABEL


@pytest.mark.parametrize("key", KEYS)
def test_the_pause_button_pauses_and_resumes_the_motion(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    assert illustration.is_animating
    qtbot.mouseClick(illustration.pause_button, Qt.MouseButton.LeftButton)
    assert illustration.is_paused and not illustration.is_animating
    assert illustration.pause_button.accessibleName() == PLAY_LABEL
    qtbot.mouseClick(illustration.pause_button, Qt.MouseButton.LeftButton)
    assert not illustration.is_paused and illustration.is_animating
    assert illustration.pause_button.accessibleName() == PAUSE_LABEL


def test_a_tap_on_the_picture_pauses_and_resumes(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    middle = illustration.canvas.rect().center()
    qtbot.mouseClick(illustration.canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert illustration.is_paused and not illustration.is_animating
    qtbot.mouseClick(illustration.canvas, Qt.MouseButton.LeftButton, pos=middle)
    assert not illustration.is_paused and illustration.is_animating


def test_a_drag_across_the_picture_does_not_pause(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    rect = illustration.canvas.rect()
    drag(illustration.canvas, rect.center(), rect.center() + QPoint(rect.width() // 3, 0))
    assert not illustration.is_paused and illustration.is_animating


def test_a_paused_picture_holds_still(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    with qtbot.waitSignal(illustration.frame_timer.timeout, timeout=1000):
        pass  # it has moved at least one frame
    illustration.pause()
    phase = illustration.phase
    before = picture(illustration)
    QApplication.processEvents()
    assert illustration.phase == phase
    assert differing_share(before, picture(illustration)) == 0


# --- the frame timer --------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_the_frame_timer_runs_while_shown_and_stops_when_hidden(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, show=False)
    assert not illustration.is_animating
    illustration.show()
    qtbot.waitExposed(illustration)
    timer = illustration.frame_timer
    assert timer.isActive() and illustration.is_animating
    assert 10 <= timer.interval() <= 20  # about 60 frames a second
    with qtbot.waitSignal(timer.timeout, timeout=1000):
        pass
    illustration.hide()
    assert not timer.isActive() and not illustration.is_animating


def test_the_frame_timer_stops_when_another_page_is_shown(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    illustration = create_illustration("pain-pathway", LANDSCAPE, reduced_motion=False)
    other = QWidget()
    stack.addWidget(illustration)
    stack.addWidget(other)
    stack.setFixedSize(700, 650)
    stack.show()
    qtbot.waitExposed(stack)
    assert illustration.is_animating
    stack.setCurrentWidget(other)
    assert not illustration.is_animating
    stack.setCurrentWidget(illustration)
    assert illustration.is_animating
    stack.hide()
    assert not illustration.is_animating


@pytest.mark.parametrize("key", KEYS)
def test_one_timer_per_illustration(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    assert illustration.findChildren(QTimer) == [illustration.frame_timer]


@pytest.mark.parametrize("key", KEYS)
def test_reduced_motion_starts_no_timer(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, reduced_motion=True, show=False)
    illustration.show()
    qtbot.waitExposed(illustration)
    for state in illustration.states:
        illustration.set_state(state)
        assert not illustration.frame_timer.isActive()
    illustration.resume()
    qtbot.mouseClick(illustration.canvas, Qt.MouseButton.LeftButton)
    assert not illustration.frame_timer.isActive()
    assert not illustration.pause_button.isVisible()  # nothing moves, nothing to pause


def test_reduced_motion_can_be_switched_while_shown(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    assert illustration.is_animating
    illustration.set_reduced_motion(True)
    assert not illustration.is_animating and not illustration.pause_button.isVisible()
    illustration.set_reduced_motion(False)
    assert illustration.is_animating and illustration.pause_button.isVisible()


@pytest.mark.parametrize("key", KEYS)
def test_reset_returns_to_the_first_state_and_stops_until_shown_again(
    qtbot: QtBot, key: str
) -> None:
    illustration = make(qtbot, key)
    illustration.set_state(illustration.states[-1])
    illustration.pause()
    illustration.reset()
    assert illustration.state == illustration.states[0]
    assert not illustration.is_paused
    assert not illustration.is_animating
    assert illustration.pause_button.accessibleName() == PAUSE_LABEL
    illustration.hide()
    illustration.show()
    qtbot.waitExposed(illustration)
    assert illustration.is_animating


# --- layout -----------------------------------------------------------------------------------


def _places() -> Iterator[tuple[str, tuple[int, int], tuple[int, int], bool]]:
    for key in KEYS:
        for screen, size in PLACES:
            for reduced in (False, True):
                yield key, screen, size, reduced


@pytest.mark.parametrize(("key", "screen", "size", "reduced"), list(_places()))
def test_nothing_clips_or_overlaps(
    qtbot: QtBot, key: str, screen: tuple[int, int], size: tuple[int, int], reduced: bool
) -> None:
    metrics = Metrics.for_screen(*screen)
    illustration = make(qtbot, key, reduced_motion=reduced, size=size, metrics=metrics)
    for state in illustration.states:
        illustration.set_state(state)
        assert layout_problems(illustration, metrics.touch_target) == []
        buttons = [*illustration.choice_buttons.values()]
        if not reduced:
            buttons.append(illustration.pause_button)
        for button in buttons:
            assert button.height() == metrics.touch_target
        assert illustration.canvas.height() >= size[1] * 0.3


def test_caption_is_body_size_and_follows_the_text_size(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    assert illustration.caption_label.font().pixelSize() >= LANDSCAPE.body_px(0)
    illustration.set_text_step(2)
    assert illustration.caption_label.font().pixelSize() == LANDSCAPE.body_px(2)
    assert layout_problems(illustration, LANDSCAPE.touch_target) == []


@pytest.mark.parametrize(("screen", "room"), [(screen, size) for screen, size in PLACES[:3]])
@pytest.mark.parametrize("key", KEYS)
def test_size_hints_fit_the_room_the_reader_gives(
    qtbot: QtBot, key: str, screen: tuple[int, int], room: tuple[int, int]
) -> None:
    illustration = make(qtbot, key, metrics=Metrics.for_screen(*screen), show=False)
    minimum = illustration.minimumSizeHint()
    assert minimum.width() <= room[0] and minimum.height() <= room[1]
    assert illustration.sizeHint().expandedTo(minimum) == illustration.sizeHint()


# --- previews and thumbnails ------------------------------------------------------------------


def test_previews_are_written_for_every_state(tmp_path: Path) -> None:
    written = render_illustration_previews(LANDSCAPE, tmp_path, QSize(700, 650))
    expected = {
        f"illustration-{key}-{state}.png" for key in KEYS for state in ILLUSTRATIONS[key].states
    }
    assert {path.name for path in written} == expected
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.size() == QSize(700, 650), path.name


@pytest.mark.parametrize("key", KEYS)
def test_thumbnail_is_a_transparent_picture(key: str) -> None:
    image = thumbnail(key, QSize(240, 160), LANDSCAPE).toImage()
    assert image.size() == QSize(240, 160)
    assert image.pixelColor(QPoint(0, 0)).alpha() == 0
    painted = sum(
        1 for x in range(0, 240, 4) for y in range(0, 160, 4) if image.pixelColor(x, y).alpha()
    )
    assert painted > 100
