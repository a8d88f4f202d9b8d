"""Writes every state of every illustration to a PNG (`kiosk preview`), as still frames."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from kiosk.illustration_specs import SPECS
from kiosk.theme import COLORS, Colors, Metrics
from kiosk.ui.illustrations import create_illustration
from kiosk.ui.style import Look, show_look, theme_sheet


def render_illustration_previews(
    metrics: Metrics, out_dir: Path, size: QSize, *, language: str = "en", colors: Colors = COLORS
) -> list[Path]:
    """`illustration-<key>-<state>.png` for every state, at `size`, with the words in `language`,
    in the theme of `colors`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in SPECS:
        key = spec.key
        illustration = create_illustration(key, metrics, reduced_motion=True, language=language)
        illustration.set_colors(colors)
        # Its caption and buttons in the same theme: the application's sheet is the everyday one.
        show_look(illustration, Look(theme_sheet(metrics, colors) if colors != COLORS else ""))
        # Laid out and painted as if shown, but never put on a real screen.
        illustration.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        illustration.setFixedSize(size)
        illustration.show()
        try:
            for state in spec.states:
                illustration.set_state(state)
                QApplication.processEvents()
                path = out_dir / f"illustration-{key}-{state}.png"
                if not illustration.grab().save(str(path)):
                    raise OSError(f"could not write {path}")
                written.append(path)
        finally:
            illustration.close()
            illustration.deleteLater()
    return written
