"""Every screen lays out cleanly at the three kiosk sizes and every text step."""

from __future__ import annotations

import pytest
from helpers.layout import layout_problems

from kiosk.theme import TEXT_SIZE_STEPS, Metrics

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_screen_fits_without_clipping_overlap_or_small_targets(
    make_window, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(size)
    min_target = Metrics.for_screen(*size).touch_target
    found: dict[str, list[str]] = {}
    for step in range(TEXT_SIZE_STEPS):
        window.apply_text_step(step)
        window.show_home()
        found[f"home@{step}"] = layout_problems(window, min_target)
        for index, section in enumerate(window.sections):
            window.open_section(index)
            found[f"{section.slug}@{step}"] = layout_problems(window, min_target)
        window.show_contact()
        found[f"contact@{step}"] = layout_problems(window, min_target)
    assert {screen: problems for screen, problems in found.items() if problems} == {}


def test_touch_targets_and_body_text_meet_the_design_numbers_at_1080p() -> None:
    metrics = Metrics.for_screen(1920, 1080)
    assert metrics.touch_target >= 80
    assert metrics.body_px(0) >= 28
    assert metrics.body_px(TEXT_SIZE_STEPS - 1) >= 44
    assert Metrics.for_screen(1080, 1920) == metrics
