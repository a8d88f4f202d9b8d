"""The design numbers the layout is built to, on the default panel and on a 10" one, and the
bar's rows there. Whether every screen fits every screen size is checked on real full-screen
windows in tests/test_screens.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.glass import screen_density
from kiosk.theme import SMALL_GLASS_TITLE_LEAD, TEXT_SIZE_STEPS, Metrics
from kiosk.ui.window import KioskWindow


def test_touch_targets_and_body_text_meet_the_design_numbers_at_1080p() -> None:
    metrics = Metrics.for_screen(1920, 1080)
    assert metrics.touch_target >= 80
    assert metrics.body_px(0) >= 28
    assert metrics.body_px(TEXT_SIZE_STEPS - 1) >= 44
    assert Metrics.for_screen(1080, 1920) == metrics


def ten_inch(size: tuple[int, int] = (1280, 800)) -> Metrics:
    density = screen_density(*size, (0, 0), diagonal_in=10)
    return Metrics.for_screen(*size, density.px_per_mm)


def test_a_10_inch_panel_gets_sizes_on_the_glass_and_titles_a_quarter_over_the_body() -> None:
    metrics = ten_inch()
    assert metrics.touch_target == 119  # 20 mm at 5.94 px/mm
    assert metrics.spacing >= 12  # 2 mm
    assert metrics.body_px(0) == 43  # capitals 0.668 em: 28.7 px, 4.8 mm
    # Titles keep a quarter's lead, not their full 1.93x: three lines of 83 px for a section's
    # title do not fit an 800 px screen under a 20 mm bar.
    assert metrics.section_title_px == metrics.page_title_px == round(43 * SMALL_GLASS_TITLE_LEAD)
    # Where the pixels alone give the glass's sizes, titles keep their full lead.
    assert Metrics.for_screen(1920, 1080).page_title_px == 58


def test_an_upright_10_inch_panel_fits_the_bar_in_three_rows_of_its_own_widths(
    make_window: Callable[..., KioskWindow], tmp_path: Path
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("[display]\ndiagonal_in = 10\n", encoding="utf-8")
    window = make_window(size=(800, 1280), config=config)
    bar = window.nav
    rows: dict[int, list[str]] = {}
    for button in bar.buttons:
        if button.isVisible():
            rows.setdefault(button.y(), []).append(button.text())
            assert button.height() >= 119
    # A grid's equal columns held two a row (four rows, 548 px of the screen): "Text size ●○○"
    # set every column's width.
    assert [len(row) for _top, row in sorted(rows.items())] == [3, 2, 2]
    assert bar.height() < 3 * 119 + 6 * 18
