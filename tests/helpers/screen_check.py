"""Runs the real kiosk window full screen on this process's screen and reports, as JSON on
stdout, every state in which the window is not the screen or the layout inspector finds a
fault, or a shown picture's words (in any of its states) run past their room. One process per screen size: Qt's platform (and its screen) is fixed for a process.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/helpers/screen_check.py \
        [--config kiosk.toml] [--least-target PX] [--least-gap PX]

Touch targets must be at least the kiosk's own size for them and gaps its spacing on the glass
(Metrics), and at least --least-target and --least-gap: the caller's own arithmetic from the
panel's physical size (DESIGN.md: 20 mm and 2 mm), so that a wrong density cannot pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from helpers.layout import layout_problems  # noqa: E402
from helpers.picture_words import shown_picture_problems  # noqa: E402
from kiosk.loading import load_everything  # noqa: E402
from kiosk.navigation import Page, every_location  # noqa: E402
from kiosk.theme import MIN_GAP_MM, TEXT_SIZE_STEPS  # noqa: E402
from kiosk.ui.app import application, build_kiosk, screen_size, show  # noqa: E402
from kiosk.ui.controller import KioskController  # noqa: E402

CONTENT = HERE.parent.parent / "content"
# Reached through the staff's PIN; every other page is checked in every patient setting.
STAFF_PAGES = (Page.STAFF, Page.USAGE)


def window_problems(controller: KioskController) -> list[str]:
    """The window is the screen, and its layout asks for no more than the screen offers."""
    window = controller.window
    screen = window.screen().geometry()
    problems = []
    if window.geometry() != screen:
        problems.append(f"window {window.geometry()} is not the screen {screen}")
    layout = window.layout()
    assert layout is not None
    needed = layout.totalMinimumSize()
    if needed.width() > screen.width() or needed.height() > screen.height():
        problems.append(f"the layout asks for at least {needed.width()}x{needed.height()}")
    return problems


def states(controller: KioskController) -> Iterator[str]:
    """Puts the window in each state a patient can reach, yielding its name each time."""
    window = controller.window
    for language in window.languages:
        if window.choices.language != language:
            window.next_language()
        for high_contrast in (False, True):
            window.set_high_contrast(high_contrast)
            for step in range(TEXT_SIZE_STEPS):
                window.apply_text_step(step)
                where = f"{language} contrast={'high' if high_contrast else 'calm'} text={step}"
                for location in every_location([section.slug for section in window.sections]):
                    if location.page not in STAFF_PAGES:
                        window.show_location(location)
                        yield f"{where} {location.name}"
                window.open_section(0)
                window.show_idle_warning(20)
                yield f"{where} idle warning"
                window.idle_warning.stop()
                window.show_display_options()
                yield f"{where} display options"
                # Larger text chosen in the panel itself: the open panel grows with its words.
                window.apply_text_step(TEXT_SIZE_STEPS - 1)
                yield f"{where} display options, then the largest text"
                window.screens.display_layer.hide()
                window.apply_text_step(step)
    window.set_high_contrast(False)
    window.apply_text_step(0)
    controller.staff.pad.open()
    controller.staff.pad_layer.present()
    yield "staff pin pad"
    controller.staff.close()
    for page in STAFF_PAGES:
        match page:
            case Page.STAFF:
                controller.open_staff_menu()
            case Page.USAGE:
                controller.show_usage()
        yield f"staff {page.value}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path)
    parser.add_argument("--least-target", type=int, default=0)
    parser.add_argument("--least-gap", type=int, default=0)
    args = parser.parse_args()
    loaded = load_everything(CONTENT, args.config)
    application()
    controller = build_kiosk(
        loaded, screen_size(loaded.config, None), kiosk_mode=False, reload=lambda: loaded
    )
    window = controller.window
    show(window, loaded.config, fullscreen=True)
    # What the kiosk builds after its first paint: the other language's screens, the contact
    # screens (hidden pages once made the window wider than a portrait screen).
    window.prepare_ahead()
    window.wake()
    metrics = controller.metrics
    min_target = max(metrics.touch_target, args.least_target)
    min_gap = max(metrics.mm(MIN_GAP_MM), args.least_gap)
    found: dict[str, list[str]] = {}
    for state in states(controller):
        problems = window_problems(controller) + layout_problems(window, min_target, min_gap)
        problems += shown_picture_problems(window)
        if problems:
            found[state] = problems
    json.dump(found, sys.stdout, indent=1, ensure_ascii=False)
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
