"""A layout that flows widgets into rows as wide as it is: the state buttons under a picture.

Rows are filled greedily, then evened out (as many rows, no lone widget stretched across the
last one), and each row's spare width is shared among its widgets. An optional trailing widget of
fixed size ends the last row with room for it; where no row has room it is left out of the flow
(`trailing_fits`), for its owner to place elsewhere. Hidden widgets take no room. Every row is `row_height` high.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

# One row: each widget with the width it wants (at most the row's).
Row = list[tuple[QWidget, int]]


def _row_width(row: Row, gap: int) -> int:
    return sum(width for _widget, width in row) + gap * max(0, len(row) - 1)


class FlowLayout(QLayout):
    def __init__(self, *, spacing: int, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        self.row_height = row_height
        self._items: list[QLayoutItem] = []
        self._trailing: QWidget | None = None

    # --- QLayout ----------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows, _trailing_placed = self.rows(width)
        return len(rows) * self.row_height + max(0, len(rows) - 1) * self.spacing()

    def sizeHint(self) -> QSize:
        widest = max((widget.sizeHint().width() for widget in self._widgets()), default=0)
        return QSize(widest, self.heightForWidth(widest))

    def minimumSize(self) -> QSize:
        return self.sizeHint()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        gap = self.spacing()
        y = rect.top()
        rows, _trailing_placed = self.rows(rect.width())
        for row in rows:
            stretchy = [widget for widget, _wanted in row if widget is not self._trailing]
            spare = rect.width() - _row_width(row, gap)
            x = rect.left()
            for widget, wanted in row:
                extra = 0
                if widget in stretchy:
                    index = stretchy.index(widget)
                    extra = spare // len(stretchy) + (1 if index < spare % len(stretchy) else 0)
                widget.setGeometry(QRect(x, y, wanted + extra, self.row_height))
                x += wanted + extra + gap
            y += self.row_height + gap

    # --- flow -------------------------------------------------------------------------------

    def set_trailing(self, widget: QWidget | None) -> None:
        """The widget that ends the last row with room for it (None: none); it must also be one
        of the layout's widgets."""
        self._trailing = widget
        self.invalidate()

    def trailing_fits(self, width: int) -> bool:
        """Whether a row `width` wide has room for the trailing widget."""
        return self.rows(width)[1]

    def rows(self, width: int) -> tuple[list[Row], bool]:
        """The widgets flowed into rows `width` wide, and whether the trailing one found a row."""
        gap = self.spacing()
        flowing = [widget for widget in self._widgets() if widget is not self._trailing]
        wanted = [(widget, min(width, widget.sizeHint().width())) for widget in flowing]
        rows: list[Row] = [[]]
        used = 0
        for widget, need in wanted:
            if rows[-1] and used + gap + need > width:
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + need
            rows[-1].append((widget, need))
        # As many rows, but evenly filled: no lone widget stretched across the last row.
        per_row = -(-len(wanted) // max(1, len(rows)))
        even: list[Row] = [list(wanted[i : i + per_row]) for i in range(0, len(wanted), per_row)]
        if len(even) == len(rows) and all(_row_width(row, gap) <= width for row in even):
            rows = even
        placed = False
        trailing = self._trailing
        if trailing is not None and not trailing.isHidden():
            need = trailing.width()
            for row in reversed(rows):
                if row and _row_width(row, gap) + gap + need <= width:
                    row.append((trailing, need))
                    placed = True
                    break
        return (rows if rows[-1] else []), placed

    def _widgets(self) -> list[QWidget]:
        """The widgets to lay out: as in every Qt layout, hidden ones take no room."""
        return [
            widget
            for item in self._items
            if (widget := item.widget()) is not None and not widget.isHidden()
        ]
