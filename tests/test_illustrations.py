"""The animated illustrations: states that look different, controls that change them, words for
every state in every language, a frame timer that runs only while something can be seen moving,
and previews."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from helpers.colors import colour_counts, light_share, words_contrast
from helpers.layout import layout_problems
from helpers.picture_words import painted_word_problems
from helpers.touch import drag
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

import kiosk.illustration_text
from kiosk.content import load_content
from kiosk.illustration_specs import ILLUSTRATION_KEYS, SPEC_BY_KEY
from kiosk.illustration_text import (
    CATALOG,
    ENGLISH,
    SPANISH,
    IllustrationText,
    PictureWords,
    StateWords,
    illustration_text,
    untranslated_illustration_text,
)
from kiosk.theme import (
    CAP_HEIGHT_PER_EM,
    COLORS,
    HIGH_CONTRAST,
    MIN_CAP_HEIGHT_MM,
    TEXT_SIZE_STEPS,
    Colors,
    Metrics,
    contrast_ratio,
)
from kiosk.ui.app import application
from kiosk.ui.illustrations import PICTURES, Illustration, create_illustration, thumbnail
from kiosk.ui.illustrations.pain_pathway import (
    CALM_EFFECT,
    CALM_PERIOD,
    CALM_WAVES,
    PAIN_FELT,
    WITH_SNRI,
    WITHOUT,
    PainPathwayPicture,
)
from kiosk.ui.illustrations.preview import render_illustration_previews
from kiosk.ui.style import apply_style

KEYS = sorted(ILLUSTRATION_KEYS)
LANGUAGES = sorted(CATALOG)
LANDSCAPE = Metrics.for_screen(1920, 1080)
# (screen, the room the reader gives an illustration on it)
PLACES = [
    ((1920, 1080), (700, 650)),
    ((1080, 1920), (1000, 600)),
    ((1280, 800), (450, 420)),
    ((1280, 800), (400, 400)),
    ((1920, 1080), (900, 1000)),
]
# (screen, its diagonal in inches (0: the default assumption), the room the reader's picture
# panel has on it: its width, and its height before it scrolls, as the reader gives them at the
# normal text size, and the widest it makes a picture beside the text for its words: two thirds
# of the row less the scrollbar, kiosk/ui/screens/reader.py PICTURE_MOST_OF_ROW).
READER_ROOMS = [
    ((1280, 800), 0, (461, 606), 461),
    ((1920, 1080), 0, (720, 644), 720),
    ((1080, 1920), 0, (1000, 508), 1000),
    # A 10" panel (5.94 px/mm, 43 px labels): beside the text 461 px of a 1190 px row, where
    # the pain-mood cycle's two columns need 470-737 px; upright, the screen's width.
    ((1280, 800), 10, (461, 293), 778),
    ((800, 1280), 10, (725, 238), 725),
]
MM_PER_INCH = 25.4
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
    language: str = "en",
) -> Illustration:
    apply_style(metrics)  # as the kiosk does: theme.qss styles the words and buttons round it
    illustration = create_illustration(
        key, metrics, reduced_motion=reduced_motion, language=language
    )
    qtbot.addWidget(illustration)
    illustration.setFixedSize(as_the_reader_gives(illustration, size))
    if show:
        illustration.show()
        qtbot.waitExposed(illustration)
    return illustration


def as_the_reader_gives(
    illustration: Illustration, room: tuple[int, int], widest: int = 0
) -> QSize:
    """The size the reader's picture panel gives a picture in `room`: its width, or as much
    more, up to `widest`, as its words need at the present text size, and at least the height
    the picture needs there (the panel then scrolls)."""
    width, height = room
    if widest > width:
        width = max(width, illustration.least_width_for_words(widest))
    return QSize(width, max(height, illustration.height_for_width(width)))


def picture(illustration: Illustration) -> QImage:
    return illustration.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def differing_share(first: QImage, second: QImage) -> float:
    assert first.size() == second.size()
    a = memoryview(first.constBits()).cast("I")
    b = memoryview(second.constBits()).cast("I")
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) / len(a)


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def words_of(text: IllustrationText, key: str) -> PictureWords:
    return SPEC_BY_KEY[key].words_of(text)


def state_words(text: IllustrationText, key: str) -> dict[str, StateWords]:
    return SPEC_BY_KEY[key].state_words(text)


def painted_words(illustration: Illustration) -> list[tuple[str, QRectF]]:
    """The labels painted inside the picture (the cells' names, the callouts, the steps), each
    with the rectangle its words take."""
    return [
        (label.text, label.rect)
        for label in illustration.picture.painted_labels(illustration.state)
    ]


# --- registry ---------------------------------------------------------------------------------


def test_every_spec_has_a_picture_and_every_picture_a_spec() -> None:
    assert sorted(PICTURES) == KEYS, "kiosk/ui/illustrations/__init__.py: PICTURES"
    for key, picture in PICTURES.items():
        assert picture.spec is SPEC_BY_KEY[key]


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


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_every_state_has_a_short_caption_and_a_longer_text_alternative(
    qtbot: QtBot, key: str, language: str
) -> None:
    illustration = make(qtbot, key, show=False, language=language)
    assert illustration.accessibleName() == words_of(CATALOG[language], key).title
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


OVERCLAIMS = {
    "en": ("pain-free", "pain free", "cure", "vanish", "disappear", "really depression", "all in"),
    "es": ("sin dolor", "cura", "desaparec", "elimina", "depresión", "en su cabeza"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", KEYS)
def test_words_never_overclaim(key: str, language: str) -> None:
    for state, words in state_words(CATALOG[language], key).items():
        for text in (words.caption.lower(), words.description.lower()):
            for claim in OVERCLAIMS[language]:
                assert claim not in text, f"{language}/{key}/{state}: {claim!r}"


# What the science needs said (DESIGN.md), in each language's words.
BLOCKS_TRANSPORTERS = {"en": "blocks the transporters", "es": "bloquea los transportadores"}
ADDS_NOTHING = {
    "en": ("does not add", "does not act on the receptors"),
    "es": ("no añade", "no actúa sobre los receptores"),
}
BRAIN_AND_SPINAL_CORD = {
    "en": "brain and spinal cord, not in the back or knee",
    "es": "cerebro y la médula espinal, no en la espalda o rodilla",
}
ONLY_DIMS = {"en": ("dimmer", "not empty"), "es": ("algo menos", "no está vacía")}
VARIES = {
    "en": "Some people feel more relief, some less.",
    "es": "Algunas personas sienten más alivio y otras menos.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_snri_blocks_transporters_and_adds_nothing(language: str) -> None:
    with_snri = CATALOG[language].synapse.with_snri
    assert BLOCKS_TRANSPORTERS[language] in with_snri.caption
    for words in ADDS_NOTHING[language]:
        assert words in with_snri.description


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_snri_acts_in_brain_and_spinal_cord_and_pain_only_dims(language: str) -> None:
    with_snri = CATALOG[language].pain_pathway.with_snri
    assert BRAIN_AND_SPINAL_CORD[language] in with_snri.caption
    dimmer, not_empty = ONLY_DIMS[language]
    assert dimmer in with_snri.caption
    assert not_empty in with_snri.description
    assert VARIES[language] in with_snri.description


def test_calming_waves_keep_the_same_rhythm_with_the_medicine(qtbot: QtBot) -> None:
    """Two calming waves every CALM_PERIOD in both states, drawn the same: the medicine changes
    what happens where they arrive, not how often the brainstem sends them."""
    illustration = make(qtbot, "pain-pathway", reduced_motion=True)
    pathway = illustration.picture
    assert isinstance(pathway, PainPathwayPicture)
    size = QSize(illustration.canvas.width(), illustration.canvas.height())
    u, cx = pathway.u, pathway.cx
    # Left of the pain pulses rising at cx + 1.8u (at most `size` across, with an outline), from
    # the brainstem to above the glow round the gate: only calming waves pass there.
    reach = max(spread for _seconds, spread in CALM_EFFECT.values()) * u
    strip = QRectF(
        QPointF(cx - 1.8 * u - pathway.size, pathway.brainstem.y()),
        QPointF(cx + 1.8 * u - pathway.size * 0.6 - 2, pathway.gate.y() - reach - pathway.size),
    ).toRect()
    assert strip.width() >= pathway.size * 0.6 and strip.height() >= pathway.size * 2
    for step in range(20):
        phase = step * CALM_PERIOD / 20
        waves = pathway.calming_waves(phase)
        assert len(waves) == CALM_WAVES == 2
        assert (waves[1] - waves[0]) % 1.0 == pytest.approx(0.5)
        assert pathway.calming_waves(phase + CALM_PERIOD) == pytest.approx(waves)
        frames = []
        for state in (WITHOUT, WITH_SNRI):
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            pathway.paint_motion(painter, state, phase)
            painter.end()
            frames.append(image.copy(strip))
        assert frames[0] == frames[1], phase


def test_the_calming_effect_where_signals_arrive_is_stronger_with_the_medicine() -> None:
    (brief, near), (longer, wider) = CALM_EFFECT[WITHOUT], CALM_EFFECT[WITH_SNRI]
    assert longer > brief and wider > near


def _pain_bar_share(image: QImage, bar: QRectF) -> float:
    """The share of the bar's middle row painted in the pain colour."""
    y = round(bar.center().y())
    ink = QColor(COLORS.pain_signal)
    red = sum(
        1 for x in range(round(bar.left()), round(bar.right())) if image.pixelColor(x, y) == ink
    )
    return red / bar.width()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_drawn_pain_bar_drops_about_a_tenth_never_to_empty(qtbot: QtBot, language: str) -> None:
    """Trials: 5 to 10 points of 100 against placebo (BMJ 2021). The bar drops by at most 12
    points, and some pain is always felt."""
    illustration = make(qtbot, "pain-pathway", reduced_motion=True, language=language)
    shares = {}
    for state in (WITHOUT, WITH_SNRI):
        illustration.set_state(state)
        pathway = illustration.picture
        assert isinstance(pathway, PainPathwayPicture)
        bars = pathway.pain_bar(state)
        assert bars is not None
        bar, filled = bars
        shares[state] = _pain_bar_share(picture(illustration), bar)
        assert shares[state] == pytest.approx(filled.width() / bar.width(), abs=0.04)
    drop = (shares[WITHOUT] - shares[WITH_SNRI]) * 100
    assert 5 <= drop <= 12, f"drawn drop {drop:.1f} points"
    assert shares[WITH_SNRI] >= 0.5
    assert 0 < PAIN_FELT[WITH_SNRI] < PAIN_FELT[WITHOUT]
    assert (PAIN_FELT[WITHOUT] - PAIN_FELT[WITH_SNRI]) * 100 <= 12


def test_medicine_eases_pain_before_mood_in_every_language() -> None:
    """The relief is mostly direct: pain is named before mood, never mood alone."""
    for language, text in CATALOG.items():
        caption = text.pain_mood_cycle.medicine.caption.lower()
        pain = {"en": "pain", "es": "dolor"}[language]
        mood = {"en": "mood", "es": "ánimo"}[language]
        assert caption.index(pain) < caption.index(mood), language


# --- languages --------------------------------------------------------------------------------


def _all_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _all_strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _all_strings(getattr(value, name))


def test_no_illustration_word_is_left_untranslated() -> None:
    assert untranslated_illustration_text("es") == []
    assert untranslated_illustration_text("en") == []
    assert untranslated_illustration_text("xx") == []


def test_an_untranslated_word_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    half_done = replace(
        SPANISH,
        play=ENGLISH.play,
        synapse=replace(
            SPANISH.synapse,
            gap=("Gap",),
            blocked=("El IRSN lo bloquea", "SNRI"),
            with_snri=replace(SPANISH.synapse.with_snri, caption=" "),
        ),
    )
    monkeypatch.setitem(kiosk.illustration_text.CATALOG, "es", half_done)
    assert untranslated_illustration_text("es") == [
        "play",
        "synapse.with_snri.caption",
        "synapse.gap[0]",
        "synapse.blocked[1]",
    ]


@pytest.mark.parametrize("key", KEYS)
def test_every_spanish_state_has_its_own_words(key: str) -> None:
    english = words_of(ENGLISH, key)
    spanish = words_of(SPANISH, key)
    assert spanish.title != english.title
    english_states = state_words(ENGLISH, key)
    for state, words in state_words(SPANISH, key).items():
        assert words.caption and words.caption != english_states[state].caption, state
        assert words.description and words.description != english_states[state].description
        if english_states[state].button is None:
            assert words.button is None
        else:
            assert words.button and words.button != english_states[state].button


def test_spanish_uses_the_articles_words_and_usted() -> None:
    """The same words as content/es/: IRSN, norepinefrina, terapia física, meditación y yoga,
    equipo de atención médica; and formal "usted", never "tú"."""
    spanish = " ".join(_all_strings(SPANISH)).lower()
    for word in ("irsn", "norepinefrina", "terapia física", "meditación", "yoga"):
        assert word in spanish, word
    assert "equipo de atención médica" in SPANISH.pain_mood_cycle.care_team.caption
    for english_or_informal in ("snri", " tú ", " tu ", " puedes ", " toca "):
        assert english_or_informal not in f" {spanish} ", english_or_informal


def _spanish_article() -> str:
    folder = Path(__file__).parents[1] / "content" / "es"
    return " ".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md")))


def test_spanish_says_norepinefrina_in_the_article_legend_captions_and_text_alternatives() -> None:
    """US Spanish patient pages (Mayo Clinic's, for one) say "norepinefrina"; Spain's leaflets
    say "noradrenalina". The kiosk uses one word everywhere."""
    article = _spanish_article().lower()
    assert "norepinefrina" in article and "noradrenalina" not in article
    assert SPANISH.synapse.norepinephrine == "Norepinefrina"
    for name, state in state_words(SPANISH, "synapse").items():
        english = state_words(ENGLISH, "synapse")[name]
        pairs = ((state.caption, english.caption), (state.description, english.description))
        for spanish_text, english_text in pairs:
            if "norepinephrine" in english_text.lower():
                assert "norepinefrina" in spanish_text, spanish_text
    spanish = " ".join(_all_strings(SPANISH)).lower()
    assert "norepinefrina" in spanish and "noradrenalina" not in spanish


def test_spanish_wording_fixes_hold() -> None:
    """Issue 15: "Dormir mal", not "mal sueño" (a bad dream); one term for low activity; the
    helper button keeps yoga; "libera... las vuelven a captar"; no stiff calque in the article."""
    words = SPANISH.pain_mood_cycle
    spanish = " ".join(_all_strings(SPANISH)).lower()
    assert words.poor_sleep == "Dormir mal y estrés"
    assert "mal sueño" not in spanish
    assert words.less_activity == "Menos actividad" and "menos actividad" in words.cycle.caption
    assert "poca actividad" not in spanish
    assert "yoga" in (words.mindfulness.button or "").lower()
    without = SPANISH.synapse.without
    assert "libera" in without.caption and "vuelven a captar" in without.caption
    for old in ("suelta", "devuelve"):
        assert old not in spanish, old
    assert "se fortalece para participar" not in _spanish_article()


MORE_OFTEN = {
    "en": ("more often", "more frequent", "faster"),
    "es": ("más a menudo", "más frecuen", "con más frecuencia", "más seguido", "más rápid"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_says_the_brainstem_fires_more_often(language: str) -> None:
    """An SNRI makes the calming messengers act longer and more where they arrive; it does not
    make the brainstem send them more often (DESIGN.md)."""
    everything = " ".join(_all_strings(CATALOG[language])).lower()
    for wording in MORE_OFTEN[language]:
        assert wording not in everything, wording


WEAK_SIGNAL = {
    "en": ("weak", "stronger signal", "strong signal"),
    "es": ("débil", "señal más fuerte", "señal fuerte"),
}
PAIN_CALMING = {"en": "pain-calming", "es": "calman el dolor"}
ACT_LONGER_AND_MORE = {"en": ("longer", "more"), "es": ("más tiempo", "más")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_synapse_says_how_long_and_how_much_not_weak_or_strong(language: str) -> None:
    """Normal reuptake is no deficit, and "stronger signal" can read as stronger pain: the words
    say the pain-calming messengers act longer and more (DESIGN.md)."""
    words = CATALOG[language].synapse
    everything = " ".join(_all_strings(words)).lower()
    for wording in WEAK_SIGNAL[language]:
        assert wording not in everything, wording
    assert PAIN_CALMING[language] in words.with_snri.caption
    for label in words.acts_longer[:2]:
        for part in ACT_LONGER_AND_MORE[language]:
            assert part in label.lower(), label


BALANCE = {
    "en": ("after a few weeks", "nausea", "most common side effect", "Ask your care team."),
    "es": (
        "después de unas semanas",
        "náuseas",
        "efecto secundario más común",
        "Pregunte a su equipo de atención médica.",
    ),
}
# The states that show the medicine, by illustration key.
MEDICINE_SHOWN = {
    "synapse": "with-snri",
    "pain-pathway": "with-snri",
    "pain-mood-cycle": "medicine",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_sentence_of_balance_wherever_the_medicine_is_shown(language: str) -> None:
    text = CATALOG[language]
    *facts, ending = BALANCE[language]
    for fact in facts:
        assert fact in text.balance, fact
    assert text.balance.endswith(ending)
    assert len(sentences(text.balance)) == 2  # the balance, then whom to ask
    for key in KEYS:
        for state, words in state_words(text, key).items():
            expected = text.balance if MEDICINE_SHOWN[key] == state else None
            assert words.balance == expected, (key, state)


@pytest.mark.parametrize("key", KEYS)
def test_the_spanish_widget_speaks_spanish(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, language="es")
    words = state_words(SPANISH, key)
    english = state_words(ENGLISH, key)
    assert illustration.language == "es"
    assert illustration.accessibleName() == words_of(SPANISH, key).title
    for state in illustration.states:
        illustration.set_state(state)
        spoken = illustration.accessibleDescription()
        assert spoken == words[state].description != english[state].description
        assert illustration.canvas.accessibleDescription() == spoken
        assert illustration.caption_label.text() == words[state].caption
    for state, button in illustration.choice_buttons.items():
        assert button.text() == button.accessibleName() == words[state].button
    assert illustration.legend == SPEC_BY_KEY[key].legend_items(SPANISH, COLORS)
    for item in illustration.legend:
        assert item.label in {
            SPANISH.synapse.serotonin,
            SPANISH.synapse.norepinephrine,
            SPANISH.pain_pathway.pain_signal,
            SPANISH.pain_pathway.calming_signal,
        }
    assert illustration.pause_button.accessibleName() == SPANISH.pause
    qtbot.mouseClick(illustration.pause_button, Qt.MouseButton.LeftButton)
    assert illustration.pause_button.accessibleName() == SPANISH.play


@pytest.mark.parametrize("key", KEYS)
def test_spanish_words_are_painted_in_the_picture(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, reduced_motion=True, language="es")
    painted = [text for text, _rect in painted_words(illustration)]
    assert painted
    english = set(_all_strings(words_of(ENGLISH, key)))
    assert not [text for text in painted if text in english]


@pytest.mark.parametrize("key", KEYS)
def test_an_unknown_language_gets_english(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key, show=False, language="xx")
    assert illustration.language == "en"
    assert illustration_text("xx") is ENGLISH
    assert illustration.accessibleName() == words_of(ENGLISH, key).title
    assert illustration.caption() == state_words(ENGLISH, key)[illustration.state].caption


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
        # Reached by the keypad, never focused by a touch (tests/test_keys.py drives them).
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert illustration.pause_button.accessibleName() == ENGLISH.pause


@pytest.mark.parametrize("key", KEYS)
def test_the_pause_button_pauses_and_resumes_the_motion(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    assert illustration.is_animating
    qtbot.mouseClick(illustration.pause_button, Qt.MouseButton.LeftButton)
    assert illustration.is_paused and not illustration.is_animating
    assert illustration.pause_button.accessibleName() == ENGLISH.play
    qtbot.mouseClick(illustration.pause_button, Qt.MouseButton.LeftButton)
    assert not illustration.is_paused and illustration.is_animating
    assert illustration.pause_button.accessibleName() == ENGLISH.pause


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
    assert illustration.pause_button.accessibleName() == ENGLISH.pause
    illustration.hide()
    illustration.show()
    qtbot.waitExposed(illustration)
    assert illustration.is_animating


# --- layout -----------------------------------------------------------------------------------


def _places() -> Iterator[tuple[str, str, tuple[int, int], tuple[int, int], bool]]:
    for language in LANGUAGES:
        for key in KEYS:
            for screen, size in PLACES:
                for reduced in (False, True):
                    yield language, key, screen, size, reduced


@pytest.mark.parametrize(("language", "key", "screen", "size", "reduced"), list(_places()))
def test_nothing_clips_or_overlaps(
    qtbot: QtBot,
    language: str,
    key: str,
    screen: tuple[int, int],
    size: tuple[int, int],
    reduced: bool,
) -> None:
    metrics = Metrics.for_screen(*screen)
    illustration = make(
        qtbot, key, reduced_motion=reduced, size=size, metrics=metrics, language=language
    )
    for state in illustration.states:
        illustration.set_state(state)
        assert layout_problems(illustration, metrics.touch_target) == []
        assert painted_word_problems(illustration) == []
        buttons = [*illustration.choice_buttons.values()]
        if not reduced:
            buttons.append(illustration.pause_button)
        for button in buttons:
            assert button.height() == metrics.touch_target
        assert illustration.canvas.height() >= size[1] * 0.3


def test_caption_is_body_size_and_follows_the_text_size(qtbot: QtBot) -> None:
    illustration = make(qtbot, "synapse")
    assert illustration.caption_label.font().pixelSize() == LANDSCAPE.body_px(0)
    # Measured at once, before the window restyles the application for the new size.
    illustration.set_text_step(2)
    assert illustration.caption_label.font().pixelSize() == LANDSCAPE.body_px(2)
    assert layout_problems(illustration, LANDSCAPE.touch_target) == []


@pytest.mark.parametrize(("screen", "room"), [(screen, size) for screen, size in PLACES[:3]])
@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_size_hints_fit_the_width_the_reader_gives(
    qtbot: QtBot, language: str, key: str, screen: tuple[int, int], room: tuple[int, int]
) -> None:
    """As wide as the reader's picture panel; the height the words need may be more than the
    panel has (it scrolls: the reader's tests check that on real screens)."""
    metrics = Metrics.for_screen(*screen)
    illustration = make(qtbot, key, metrics=metrics, show=False, language=language)
    minimum = illustration.minimumSizeHint()
    assert minimum.width() <= room[0]
    assert minimum.height() == illustration.height_for_width(minimum.width())


@pytest.mark.parametrize(
    ("screen", "diagonal_in", "room", "widest"),
    READER_ROOMS,
    ids=[f"{w}x{h}" + (f"-{inches}in" if inches else "") for (w, h), inches, *_ in READER_ROOMS],
)
@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_picture_labels_grow_with_the_text_and_never_shrink_or_vanish(
    qtbot: QtBot,
    language: str,
    key: str,
    screen: tuple[int, int],
    diagonal_in: int,
    room: tuple[int, int],
    widest: int,
) -> None:
    """Issue 13: at a larger text size every label painted inside the picture is still there,
    at least as large (never under its normal size or DESIGN.md's capital height on the glass),
    inside the picture and clear of the others, in the room the reader's panel gives (on a 10"
    panel's glass too)."""
    px_per_mm = math.hypot(*screen) / (diagonal_in * MM_PER_INCH) if diagonal_in else None
    metrics = Metrics.for_screen(*screen, px_per_mm)
    least = max(metrics.small_px, metrics.mm(MIN_CAP_HEIGHT_MM / CAP_HEIGHT_PER_EM))
    illustration = make(qtbot, key, metrics=metrics, size=room, language=language, show=False)
    panel = QWidget()  # as in the reader, inside another widget that gives it its size
    qtbot.addWidget(panel)
    illustration.setParent(panel)
    panel.show()
    first: dict[str, dict[str, float]] = {}
    before: dict[str, dict[str, float]] = {}
    for step in range(TEXT_SIZE_STEPS):
        illustration.set_text_step(step)
        illustration.setFixedSize(as_the_reader_gives(illustration, room, widest))
        illustration.show()
        for state in illustration.states:
            illustration.set_state(state)
            where = f"text size {step}, {state}"
            sizes = {label.part: label.px for label in illustration.picture.painted_labels(state)}
            assert sizes and illustration.picture.fits, where
            assert painted_word_problems(illustration) == [], where
            assert [part for part, px in sizes.items() if px < least] == [], where
            if state in before:
                assert sorted(before[state].keys() - sizes.keys()) == [], f"{where}: gone"
                shrunk = [part for part, px in before[state].items() if sizes[part] < px]
                assert shrunk == [], f"{where}: smaller than at text size {step - 1}"
            first.setdefault(state, sizes)
            before[state] = sizes
    for state, sizes in before.items():
        assert all(px > first[state][part] for part, px in sizes.items()), state


@pytest.mark.parametrize(("screen", "room"), [(screen, size) for screen, size in PLACES[:3]])
@pytest.mark.parametrize("key", KEYS)
def test_spanish_paints_as_many_labels_as_english_where_the_reader_puts_it(
    qtbot: QtBot, key: str, screen: tuple[int, int], room: tuple[int, int]
) -> None:
    """Longer Spanish words take shorter wordings or smaller text, not fewer labels."""
    metrics = Metrics.for_screen(*screen)
    for reduced in (False, True):
        english = make(qtbot, key, reduced_motion=reduced, size=room, metrics=metrics)
        spanish = make(
            qtbot, key, reduced_motion=reduced, size=room, metrics=metrics, language="es"
        )
        assert len(painted_words(spanish)) == len(painted_words(english)) > 0


# --- previews and thumbnails ------------------------------------------------------------------


def test_previews_are_written_for_every_state(tmp_path: Path) -> None:
    written = render_illustration_previews(LANDSCAPE, tmp_path, QSize(700, 650))
    expected = {
        f"illustration-{key}-{state}.png" for key in KEYS for state in SPEC_BY_KEY[key].states
    }
    assert {path.name for path in written} == expected
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.size() == QSize(700, 650), path.name


def test_previews_are_written_in_a_language(tmp_path: Path) -> None:
    english = render_illustration_previews(LANDSCAPE, tmp_path / "en", QSize(700, 650))
    spanish = render_illustration_previews(
        LANDSCAPE, tmp_path / "es", QSize(700, 650), language="es"
    )
    assert [path.name for path in spanish] == [path.name for path in english]
    for first, second in zip(english, spanish, strict=True):
        share = differing_share(QImage(str(first)), QImage(str(second)))
        assert share > DIFFERENT_ENOUGH, first.name  # the words differ


def test_previews_are_written_in_high_contrast(tmp_path: Path) -> None:
    """`kiosk preview` with high contrast on: the picture, its caption and its buttons."""
    written = render_illustration_previews(
        LANDSCAPE, tmp_path, QSize(700, 650), colors=HIGH_CONTRAST
    )
    for path in written:
        counts = colour_counts(QImage(str(path)), HIGH_CONTRAST.background)
        assert counts.most_common(1)[0][0] in (HIGH_CONTRAST.background, HIGH_CONTRAST.surface)
        assert light_share(counts) < MOST_LIGHT_IN_HIGH_CONTRAST, path.name


@pytest.mark.parametrize("key", KEYS)
def test_a_thumbnail_has_no_words_so_is_the_same_in_every_language(key: str) -> None:
    english = thumbnail(key, QSize(240, 160), LANDSCAPE).toImage()
    spanish = thumbnail(key, QSize(240, 160), LANDSCAPE, language="es").toImage()
    assert english == spanish


@pytest.mark.parametrize("key", KEYS)
def test_thumbnail_is_a_transparent_picture(key: str) -> None:
    image = thumbnail(key, QSize(240, 160), LANDSCAPE).toImage()
    assert image.size() == QSize(240, 160)
    assert image.pixelColor(QPoint(0, 0)).alpha() == 0
    painted = sum(
        1 for x in range(0, 240, 4) for y in range(0, 160, 4) if image.pixelColor(x, y).alpha()
    )
    assert painted > 100


# --- the high-contrast theme inside the pictures (issue 13) ----------------------------------

THEMES = {"everyday": COLORS, "high contrast": HIGH_CONTRAST}
# The everyday pictures' pale fills: none may be left on a high-contrast screen.
EVERYDAY_FILLS = (COLORS.sending_cell, COLORS.receiving_cell, COLORS.body_fill, COLORS.eased)
# The light share of a high-contrast picture: its white and yellow lines, words and marks (seen:
# 8-14 % for the pictures, 10-25 % for the smaller thumbnails); everyday pictures are 85-90 %.
MOST_LIGHT_IN_HIGH_CONTRAST = 0.3


def _everyday_fills_in(counts: dict[str, int]) -> dict[str, int]:
    return {fill: counts[fill] for fill in EVERYDAY_FILLS if counts.get(fill)}


@pytest.mark.parametrize("key", KEYS)
def test_high_contrast_draws_every_state_light_on_dark(qtbot: QtBot, key: str) -> None:
    """Issue 13: the drawings kept their cream and pale fills on a black high-contrast screen."""
    illustration = make(qtbot, key, reduced_motion=True)
    assert light_share(colour_counts(picture(illustration), COLORS.background)) > 0.6
    illustration.set_colors(HIGH_CONTRAST)
    for state in illustration.states:
        illustration.set_state(state)
        counts = colour_counts(picture(illustration), HIGH_CONTRAST.background)
        assert light_share(counts) < MOST_LIGHT_IN_HIGH_CONTRAST, state
        assert not _everyday_fills_in(counts), state
        assert counts[HIGH_CONTRAST.surface] > counts.total() / 4, state  # the card is dark


@pytest.mark.parametrize("key", KEYS)
def test_a_theme_change_and_back_paints_the_same_picture(qtbot: QtBot, key: str) -> None:
    """The still layer and the markers' sprites are made again for a theme, and nothing of one
    theme stays in the other."""
    illustration = make(qtbot, key)
    illustration.pause()
    everyday = picture(illustration)
    illustration.set_colors(HIGH_CONTRAST)
    high = picture(illustration)
    illustration.set_colors(COLORS)
    assert picture(illustration) == everyday
    assert differing_share(everyday, high) > 0.5
    assert illustration.legend == SPEC_BY_KEY[key].legend_items(ENGLISH, COLORS)


@pytest.mark.parametrize("key", [key for key in KEYS if SPEC_BY_KEY[key].legend])
def test_the_legend_follows_the_theme(qtbot: QtBot, key: str) -> None:
    illustration = make(qtbot, key)
    illustration.set_colors(HIGH_CONTRAST)
    assert illustration.legend == SPEC_BY_KEY[key].legend_items(ENGLISH, HIGH_CONTRAST)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("key", KEYS)
def test_every_label_as_painted_reaches_7_to_1(qtbot: QtBot, key: str, theme: str) -> None:
    """The words inside a picture, as painted, against the ground round them: 7:1 in either
    theme (kiosk/theme.py picture_pairs says the same of the colours)."""
    illustration = make(qtbot, key, reduced_motion=True)
    illustration.set_colors(THEMES[theme])
    for state in illustration.states:
        illustration.set_state(state)
        image = picture(illustration)
        for label in illustration.picture.painted_labels(state):
            where = label.rect.toAlignedRect().intersected(image.rect())
            ground, ink = words_contrast(colour_counts(image.copy(where), THEMES[theme].surface))
            ratio = contrast_ratio(ink, ground)
            assert ratio >= 7.0, f"{state}: {label.text!r} {ink} on {ground} is {ratio:.2f}:1"


@pytest.mark.parametrize("key", KEYS)
def test_a_high_contrast_thumbnail_is_light_on_dark(key: str) -> None:
    size = QSize(LANDSCAPE.px(170), LANDSCAPE.px(125))

    def counts(colors: Colors) -> Counter[str]:
        return colour_counts(
            thumbnail(key, size, LANDSCAPE, colors=colors).toImage(), colors.surface
        )

    assert light_share(counts(COLORS)) > 0.6
    high = counts(HIGH_CONTRAST)
    assert light_share(high) < MOST_LIGHT_IN_HIGH_CONTRAST
    assert not _everyday_fills_in(high)
