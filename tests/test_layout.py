"""Every screen lays out cleanly at the three kiosk sizes, in every language, at every text step,
and the overlays (idle warning, display options, staff PIN pad and menu) too."""

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
    for language in window.languages:
        if window.choices.language != language:
            window.next_language()
        for step in range(TEXT_SIZE_STEPS):
            window.apply_text_step(step)
            window.show_home()
            found[f"{language} home@{step}"] = layout_problems(window, min_target)
            for index, section in enumerate(window.sections):
                window.open_section(index)
                found[f"{language} {section.slug}@{step}"] = layout_problems(window, min_target)
            window.show_contact()
            found[f"{language} contact@{step}"] = layout_problems(window, min_target)
        window.open_section(0)
        window.show_idle_warning(20)
        found[f"{language} idle warning"] = layout_problems(window, min_target)
        window.idle_warning.stop()
        window.show_display_options()
        found[f"{language} display options"] = layout_problems(window, min_target)
        window.screens.display_layer.hide()
    assert {screen: problems for screen, problems in found.items() if problems} == {}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_staff_screens_fit(make_kiosk, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(size)
    min_target = Metrics.for_screen(*size).touch_target
    controller.staff.pad.open()
    controller.staff.pad_layer.present()
    found = {"pin pad": layout_problems(controller.window, min_target)}
    controller.staff.close()
    controller.open_staff_menu()
    found["staff menu"] = layout_problems(controller.window, min_target)
    controller.show_usage()
    found["usage"] = layout_problems(controller.window, min_target)
    assert {screen: problems for screen, problems in found.items() if problems} == {}


def test_touch_targets_and_body_text_meet_the_design_numbers_at_1080p() -> None:
    metrics = Metrics.for_screen(1920, 1080)
    assert metrics.touch_target >= 80
    assert metrics.body_px(0) >= 28
    assert metrics.body_px(TEXT_SIZE_STEPS - 1) >= 44
    assert Metrics.for_screen(1080, 1920) == metrics
