"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 gives up a reference to None on many calls. On Python 3.11, where None is not
immortal, a few seconds of painting abort the interpreter, so pyproject.toml excludes it; this
test fails loudly if a future release brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QLabel


def test_qt_calls_leave_the_reference_counts_of_none_true_and_false_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = [sys.getrefcount(value) for value in (None, True, False)]
    for _ in range(500):
        label.setText("x")
        label.setEnabled(True)
        label.isVisible()
        path = QPainterPath()
        path.moveTo(1, 1)
    after = [sys.getrefcount(value) for value in (None, True, False)]
    # A little slack for the interpreter's own bookkeeping; the bug loses one per call.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
