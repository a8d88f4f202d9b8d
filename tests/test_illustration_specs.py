"""Each illustration is declared once (kiosk/illustration_specs.py); these tests name whatever a
new or changed picture still lacks: its words in a language, a state's words, a legend label or
colour, a picture class (tests/test_illustrations.py checks the registry's side)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from kiosk.illustration_specs import (
    SPECS,
    IllustrationSpec,
    LegendEntry,
    MarkerShape,
    spec_problems,
)
from kiosk.illustration_text import CATALOG, ENGLISH, IllustrationText
from kiosk.theme import COLORS, HIGH_CONTRAST

# IllustrationText's fields that belong to no one picture.
SHARED_WORDS = {"pause", "play", "balance"}  # balance: shown with every picture of the medicine


@pytest.mark.parametrize("language", sorted(CATALOG))
def test_every_spec_finds_its_words_and_colours(language: str) -> None:
    problems = [
        problem
        for spec in SPECS
        for colors in (COLORS, HIGH_CONTRAST)
        for problem in spec_problems(spec, CATALOG[language], colors)
    ]
    assert problems == [], f"{language}: " + "; ".join(problems)


def test_every_picture_s_words_belong_to_a_spec() -> None:
    owned = {spec.words for spec in SPECS}
    orphans = {field.name for field in fields(IllustrationText)} - owned - SHARED_WORDS
    assert not orphans, f"words with no spec in kiosk/illustration_specs.py: {sorted(orphans)}"


def test_keys_and_states_are_unique() -> None:
    keys = [spec.key for spec in SPECS]
    assert len(set(keys)) == len(keys), keys


def test_a_spec_with_missing_words_is_named_plainly() -> None:
    broken = IllustrationSpec(
        key="brain-waves",
        states=("resting", "with-snri"),
        words="synapse",
        legend=(LegendEntry(MarkerShape.CIRCLE, "glow", "alpha_waves"),),
    )
    problems = spec_problems(broken, ENGLISH, COLORS)
    assert problems == [
        "brain-waves: kiosk/illustration_text.py: IllustrationText.synapse.resting"
        " (StateWords) is missing",
        "brain-waves: legend label kiosk/illustration_text.py: IllustrationText.synapse"
        ".alpha_waves is missing",
        "brain-waves: legend colour kiosk/theme.py Colors.glow is missing",
    ]
    unknown = IllustrationSpec(key="brain-waves", states=("a", "b"), words="brain_waves")
    assert spec_problems(unknown, ENGLISH, COLORS) == [
        "brain-waves: kiosk/illustration_text.py: IllustrationText.brain_waves is missing"
        " (a PictureWords dataclass)"
    ]
