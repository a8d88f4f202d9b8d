"""Finger gestures as the kiosk receives them: a touchscreen's synthesised mouse events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

STEP_MS = 16


def _send(
    widget: QWidget, kind: QEvent.Type, position: QPointF, timestamp: int, held: bool
) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        position,
        widget.mapToGlobal(position),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setTimestamp(timestamp)
    QApplication.sendEvent(widget, event)


def drag(
    widget: QWidget, start: QPoint, end: QPoint, steps: int = 12, start_ms: int = 1_000
) -> None:
    """Press at `start`, move in even steps to `end` (one per frame), release."""
    begin, finish = QPointF(start), QPointF(end)
    _send(widget, QEvent.Type.MouseButtonPress, begin, start_ms, held=True)
    for step in range(1, steps + 1):
        point = begin + (finish - begin) * (step / steps)
        _send(widget, QEvent.Type.MouseMove, point, start_ms + step * STEP_MS, held=True)
    _send(
        widget, QEvent.Type.MouseButtonRelease, finish, start_ms + (steps + 1) * STEP_MS, held=False
    )


def swipe(widget: QWidget, direction: int) -> None:
    """direction +1: finger moves right-to-left (next); -1: left-to-right (previous)."""
    middle = widget.rect().center()
    reach = widget.width() // 3
    drag(widget, middle + QPoint(direction * reach, 0), middle - QPoint(direction * reach, 0))


def tap(widget: QWidget, at: QPoint | None = None) -> None:
    point = QPointF(at if at is not None else widget.rect().center())
    _send(widget, QEvent.Type.MouseButtonPress, point, 1_000, held=True)
    _send(widget, QEvent.Type.MouseButtonRelease, point, 1_080, held=False)
