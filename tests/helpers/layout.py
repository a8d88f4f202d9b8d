"""Finds what a patient would see as broken: things off screen, clipped, overlapping or too small."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTextEdit,
    QWidget,
)

from kiosk.ui.widgets.modal_layer import ModalLayer

LEAF_TYPES = (QLabel, QAbstractButton, QTextEdit)


def _visible_leaves(window: QWidget) -> list[QWidget]:
    # A dimmed layer covers the screen on purpose: then only what is on the layer counts.
    layers = [layer for layer in window.findChildren(ModalLayer) if layer.isVisibleTo(window)]
    root: QWidget = layers[-1] if layers else window
    leaves: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        # Labels inside a button (a home tile's title and summary) count on their own: a tile
        # of the right size can still cut its words.
        if widget.isVisibleTo(window) and isinstance(widget, LEAF_TYPES):
            leaves.append(widget)
    return leaves


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    """Where `widget` shows in `window`: inside a scrolling panel, only the part in its view
    (the rest is scrolled away, not cut: the panel's scrollbar reaches it)."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            view = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
            rect = rect.intersected(view)
        parent = area
    return rect


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text:
        return None
    room = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"wrapped text needs {needed} px of height, has {label.height()}"
        longest = max(label.fontMetrics().horizontalAdvance(word) for word in text.split())
        if longest > room.width():
            return f"the word needing {longest} px does not fit in {room.width()} px"
        return None
    advance = label.fontMetrics().horizontalAdvance(text)
    if advance > room.width():
        return f"text needs {advance} px, has {room.width()}"
    if label.fontMetrics().height() > room.height() + 1:
        return f"text is {label.fontMetrics().height()} px tall, has {room.height()}"
    return None


def text_overflow(view: QTextEdit) -> str | None:
    """Whether any laid-out line of `view`'s text reaches past what its viewport shows (under
    the scrollbar or a picture beside it)."""
    room = view.viewport().width()
    document = view.document()
    widest = 0.0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = document.documentLayout().blockBoundingRect(block).left()
        for index in range(layout.lineCount() if layout else 0):
            line = layout.lineAt(index)
            widest = max(widest, origin + line.x() + line.naturalTextWidth())
        block = block.next()
    if widest > room + 1:
        return f"a line of text is {widest:.0f} px wide in a view {room} px wide"
    return None


def _button_problem(button: QAbstractButton, min_target: int) -> str | None:
    if button.width() < min_target or button.height() < min_target:
        return f"touch target {button.width()}×{button.height()} is under {min_target} px"
    text = button.text()
    if text and button.fontMetrics().horizontalAdvance(text) > button.width():
        return f"label needs {button.fontMetrics().horizontalAdvance(text)} px, button is {button.width()}"
    return None


def gap_between(first: QRect, second: QRect) -> int:
    """The clear pixels between two rectangles that do not overlap: across, or down, or (set
    diagonally) the larger of the two."""
    across = max(second.left() - first.right() - 1, first.left() - second.right() - 1, 0)
    down = max(second.top() - first.bottom() - 1, first.top() - second.bottom() - 1, 0)
    return max(across, down)


def _gap_problems(window: QWidget, leaves: list[QWidget], min_gap: int) -> list[str]:
    """Touch targets closer than `min_gap` (DESIGN.md: 2 mm on the glass)."""
    targets = [
        (widget, rect)
        for widget in leaves
        if isinstance(widget, QAbstractButton) and not (rect := _rect_in(window, widget)).isEmpty()
    ]
    problems = []
    for (first, first_rect), (second, second_rect) in combinations(targets, 2):
        if first_rect.intersects(second_rect):
            continue  # an overlap, reported as one
        if (gap := gap_between(first_rect, second_rect)) < min_gap:
            problems.append(
                f"{first.text()!r:.30} and {second.text()!r:.30} are {gap} px apart, under {min_gap} px"
            )
    return problems


def layout_problems(window: QWidget, min_target: int, min_gap: int = 0) -> list[str]:
    # Let pending layout requests settle, as the frames after a tap would (one can post another:
    # a restyle, then the layouts it invalidates).
    for _ in range(3):
        QApplication.processEvents()
    problems = []
    bounds = window.rect()
    leaves = _visible_leaves(window)
    for widget in leaves:
        name = f"{type(widget).__name__} {widget.objectName() or ''} {getattr(widget, 'text', lambda: '')()!r:.40}"
        rect = _rect_in(window, widget)
        # Empty: scrolled out of its panel's view (a widget of no size is caught below).
        if not rect.isEmpty() and not bounds.contains(rect):
            problems.append(f"{name}: {rect} is outside the window {bounds}")
        if isinstance(widget, QLabel) and (reason := _label_problem(widget)):
            problems.append(f"{name}: {reason}")
        if isinstance(widget, QAbstractButton) and (reason := _button_problem(widget, min_target)):
            problems.append(f"{name}: {reason}")
        if isinstance(widget, QTextEdit) and (reason := text_overflow(widget)):
            problems.append(f"{name}: {reason}")
    problems += _gap_problems(window, leaves, min_gap)
    for first, second in combinations(leaves, 2):
        if first.isAncestorOf(second) or second.isAncestorOf(first):
            continue
        overlap = _rect_in(window, first).intersected(_rect_in(window, second))
        if not overlap.isEmpty():
            problems.append(
                f"{first.objectName() or type(first).__name__} overlaps {second.objectName() or type(second).__name__} at {overlap}"
            )
    return problems
