"""What each illustration is, declared once: its key, its states, where its words live and its
legend. The picture registry (kiosk/ui/illustrations), the words (kiosk/illustration_text.py),
`kiosk check`, `kiosk preview` and the tests all read these specs.

Kept free of Qt so that `kiosk check` can validate content without a display. A new picture is a
spec here, a `Picture` module under kiosk/ui/illustrations and its words in every language's
table; tests/test_illustration_specs.py names whatever is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from kiosk.illustration_text import IllustrationText, PictureWords, StateWords
from kiosk.theme import Colors


class MarkerShape(StrEnum):
    """Each kind of moving thing has its own outline, not just a colour."""

    CIRCLE = "circle"
    TRIANGLE = "triangle"
    BURST = "burst"
    WAVE = "wave"
    CAPSULE = "capsule"


@dataclass(frozen=True)
class LegendEntry:
    """One line of the key above a picture."""

    shape: MarkerShape
    colour: str  # a field of kiosk.theme.Colors, so that high contrast can swap it
    label: str  # a field of the illustration's words


@dataclass(frozen=True)
class IllustrationSpec:
    key: str  # what content front matter names (`illustration: synapse`)
    states: tuple[str, ...]  # in the order of the state buttons; the first is the resting one
    words: str  # the field of IllustrationText that holds its words
    legend: tuple[LegendEntry, ...] = ()

    def words_of(self, text: IllustrationText) -> PictureWords:
        words: PictureWords = getattr(text, self.words)
        return words

    def state_words(self, text: IllustrationText) -> dict[str, StateWords]:
        """Each state's words by state name: a state `with-snri` reads the field `with_snri`."""
        own = self.words_of(text)
        return {state: getattr(own, state_field(state)) for state in self.states}

    def legend_items(self, text: IllustrationText, colors: Colors) -> tuple[LegendItem, ...]:
        """The key above the picture, in `text`'s language and `colors`."""
        own = self.words_of(text)
        return tuple(
            LegendItem(entry.shape, getattr(colors, entry.colour), getattr(own, entry.label))
            for entry in self.legend
        )


@dataclass(frozen=True)
class LegendItem:
    """A legend entry with its colour and its words in one language."""

    shape: MarkerShape
    color: str
    label: str


def state_field(state: str) -> str:
    return state.replace("-", "_")


SYNAPSE = IllustrationSpec(
    key="synapse",
    states=("without", "with-snri"),
    words="synapse",
    legend=(
        LegendEntry(MarkerShape.CIRCLE, "serotonin", "serotonin"),
        LegendEntry(MarkerShape.TRIANGLE, "norepinephrine", "norepinephrine"),
    ),
)
PAIN_PATHWAY = IllustrationSpec(
    key="pain-pathway",
    states=("without", "with-snri"),
    words="pain_pathway",
    legend=(
        LegendEntry(MarkerShape.BURST, "pain_signal", "pain_signal"),
        LegendEntry(MarkerShape.WAVE, "calming_signal", "calming_signal"),
    ),
)
PAIN_MOOD_CYCLE = IllustrationSpec(
    key="pain-mood-cycle",
    states=("cycle", "medicine", "physical-therapy", "mindfulness", "care-team"),
    words="pain_mood_cycle",
)

SPECS: tuple[IllustrationSpec, ...] = (SYNAPSE, PAIN_PATHWAY, PAIN_MOOD_CYCLE)
SPEC_BY_KEY: dict[str, IllustrationSpec] = {spec.key: spec for spec in SPECS}
ILLUSTRATION_KEYS: frozenset[str] = frozenset(SPEC_BY_KEY)


def spec_problems(spec: IllustrationSpec, text: IllustrationText, colors: Colors) -> list[str]:
    """What `spec` names that `text` (one language's words) or `colors` lacks, said plainly."""
    where = f"kiosk/illustration_text.py: IllustrationText.{spec.words}"
    words = getattr(text, spec.words, None)
    if not isinstance(words, PictureWords):
        return [f"{spec.key}: {where} is missing (a PictureWords dataclass)"]
    problems = []
    names = {field.name for field in fields(words)}
    if len(spec.states) < 2 or len(set(spec.states)) != len(spec.states):
        problems.append(f"{spec.key}: needs two or more different states, has {spec.states}")
    for index, state in enumerate(spec.states):
        state_words = getattr(words, state_field(state), None)
        if not isinstance(state_words, StateWords):
            problems.append(f"{spec.key}: {where}.{state_field(state)} (StateWords) is missing")
        elif index > 0 and not state_words.button:
            # Only the resting state may go without a button (tapping the active one again).
            problems.append(f"{spec.key}: {where}.{state_field(state)}.button needs a label")
    for entry in spec.legend:
        if entry.label not in names:
            problems.append(f"{spec.key}: legend label {where}.{entry.label} is missing")
        if not isinstance(getattr(colors, entry.colour, None), str):
            problems.append(
                f"{spec.key}: legend colour kiosk/theme.py Colors.{entry.colour} is missing"
            )
    return problems
