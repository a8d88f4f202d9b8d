"""Colour pairs meet DESIGN.md's contrast: 7:1 for body text, 4.5:1 for other text, 3:1 for
outlines; the high-contrast theme 7:1 for all text and controls."""

from __future__ import annotations

import pytest

from kiosk.theme import CONTRAST_PAIRS, HIGH_CONTRAST_PAIRS, contrast_ratio


@pytest.mark.parametrize(
    ("name", "foreground", "background", "minimum"),
    CONTRAST_PAIRS,
    ids=[p[0] for p in CONTRAST_PAIRS],
)
def test_contrast(name: str, foreground: str, background: str, minimum: float) -> None:
    assert contrast_ratio(foreground, background) >= minimum


@pytest.mark.parametrize(
    ("name", "foreground", "background", "minimum"),
    HIGH_CONTRAST_PAIRS,
    ids=[p[0] for p in HIGH_CONTRAST_PAIRS],
)
def test_high_contrast_reaches_7_to_1_everywhere(
    name: str, foreground: str, background: str, minimum: float
) -> None:
    assert minimum == 7.0
    assert contrast_ratio(foreground, background) >= 7.0


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
