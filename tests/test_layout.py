"""The design numbers the layout is built to. Whether every screen fits every screen size is
checked on real full-screen windows in tests/test_screens.py."""

from __future__ import annotations

from kiosk.theme import TEXT_SIZE_STEPS, Metrics


def test_touch_targets_and_body_text_meet_the_design_numbers_at_1080p() -> None:
    metrics = Metrics.for_screen(1920, 1080)
    assert metrics.touch_target >= 80
    assert metrics.body_px(0) >= 28
    assert metrics.body_px(TEXT_SIZE_STEPS - 1) >= 44
    assert Metrics.for_screen(1080, 1920) == metrics
