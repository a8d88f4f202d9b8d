"""Finds words inside a picture that a patient would see cut off or overlapping: painted past
their box or the picture's edge, under the pause button or over each other."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from kiosk.ui.illustrations import Illustration


def painted_word_problems(illustration: Illustration) -> list[str]:
    """Words inside the picture, in its present state, that are cut off, overlap each other or
    the pause button."""
    canvas = QRectF(illustration.canvas.rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    pause = illustration.pause_button
    in_canvas = pause.isVisible() and canvas.intersects(QRectF(pause.geometry()))
    problems = []
    labels = illustration.picture.painted_labels(illustration.state)
    for label in labels:
        room = label.room
        if room is not None and not room.adjusted(-0.5, -0.5, 0.5, 0.5).contains(label.rect):
            problems.append(f"{label.text!r} does not fit its box")
        if not canvas.contains(label.rect):
            problems.append(f"{label.text!r} at {label.rect} is cut off by the picture's edge")
        if in_canvas and label.rect.intersects(QRectF(pause.geometry())):
            problems.append(f"{label.text!r} is under the pause button")
    for first, second in combinations(labels, 2):
        if first.rect.intersects(second.rect):
            problems.append(f"{first.text!r} overlaps {second.text!r}")
    return problems


def shown_picture_problems(window: QWidget) -> list[str]:
    """Every shown picture in `window`, in each of its states (then back to the one it was
    in): which of its words are cut off or overlap at its size."""
    problems = []
    for illustration in window.findChildren(Illustration):
        if not illustration.isVisible():
            continue
        shown = illustration.state
        for state in illustration.states:
            illustration.set_state(state)
            where = f"{illustration.spec.key} {state} at {illustration.width()} px"
            problems += [f"{where}: {problem}" for problem in painted_word_problems(illustration)]
        illustration.set_state(shown)
    return problems
