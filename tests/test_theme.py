"""Colour pairs meet DESIGN.md's contrast: 7:1 for body text, 4.5:1 for other text, 3:1 for outlines."""

from __future__ import annotations

import pytest

from kiosk.theme import CONTRAST_PAIRS, contrast_ratio


@pytest.mark.parametrize(
    ("name", "foreground", "background", "minimum"),
    CONTRAST_PAIRS,
    ids=[p[0] for p in CONTRAST_PAIRS],
)
def test_contrast(name: str, foreground: str, background: str, minimum: float) -> None:
    assert contrast_ratio(foreground, background) >= minimum


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
