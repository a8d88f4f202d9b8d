"""The staff menu, behind the PIN: reset, reload, status, cleaning pause, exit."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.theme import Metrics
from kiosk.ui.widgets.kinetic_scroll import KineticScroll
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton

CLEANING_S = 30  # how long "Pause for cleaning" ignores touches


class StaffAction(Enum):
    """The staff menu's buttons; their labels are only labels."""

    RESET = "reset"
    RELOAD = "reload"
    STATUS = "status"
    USAGE = "usage"
    CLEANING = "cleaning"
    EXIT = "exit"
    CLOSE = "close"


class StaffScreen(QWidget):
    reset_requested = Signal()
    reload_requested = Signal()
    status_requested = Signal()
    usage_requested = Signal()
    cleaning_requested = Signal()
    exit_requested = Signal()
    close_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.title_label = text_label("Staff menu", "PageTitle")
        actions = (
            (
                StaffAction.RESET,
                "Reset now",
                "Back to the start screen, as after a patient leaves",
                self.reset_requested,
            ),
            (
                StaffAction.RELOAD,
                "Reload content",
                "Read the content and config again; keep the last good content",
                self.reload_requested,
            ),
            (
                StaffAction.STATUS,
                "Status",
                "Version, content, config, uptime, last reset, log file",
                self.status_requested,
            ),
            (
                StaffAction.USAGE,
                "Usage",
                "What patients read: anonymous daily counts",
                self.usage_requested,
            ),
            (
                StaffAction.CLEANING,
                "Pause for cleaning",
                f"Ignore touches for {CLEANING_S} seconds",
                self.cleaning_requested,
            ),
            (
                StaffAction.EXIT,
                "Exit kiosk",
                "Close the kiosk program (for IT)",
                self.exit_requested,
            ),
            (StaffAction.CLOSE, "Close", "Leave the staff menu", self.close_requested),
        )
        self.buttons: dict[StaffAction, TouchButton] = {}
        self._metrics = metrics
        self._grid = grid = QGridLayout()
        grid.setSpacing(metrics.spacing)
        self._grid_columns = 0
        for action, label, description, signal in actions:
            button = TouchButton(label, description=description)
            button.clicked.connect(signal)
            self.buttons[action] = button
        self._place_buttons(2)
        self.report = QPlainTextEdit()
        self.report.setObjectName("StaffReport")
        self.report.setReadOnly(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.report.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.report.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.report.setFrameShape(QFrame.Shape.NoFrame)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # It scrolls: a touch target's height of it is enough where the buttons take the rest.
        self.report.setMinimumHeight(metrics.touch_target)
        self._scroll = KineticScroll(self.report, min_swipe_px=10_000)
        self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._columns.setSpacing(metrics.margin)
        # Even halves: at 1024×768 the buttons' labels need half the width.
        self._columns.addLayout(grid, 1)
        self._columns.addWidget(self.report, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.margin)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(self.title_label)
        layout.addLayout(self._columns, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = event.size().width() < event.size().height()
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._columns.setDirection(direction)
        self._fit_buttons(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # Styled as it is shown (session_look): its labels grow after the resize that measured
        # them, and ask for a new layout.
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_buttons(self.width())
        return super().event(event)

    def _fit_buttons(self, width: int) -> None:
        """Beside the report (landscape) the buttons take two columns, the report the rest;
        above it, one column where two would not fit the width."""
        for button in self.buttons.values():
            button.ensurePolished()
        widest = max(button.sizeHint().width() for button in self.buttons.values())
        room = width - 2 * self._metrics.margin
        beside = self._columns.direction() is QBoxLayout.Direction.LeftToRight
        self._place_buttons(2 if beside or 2 * widest + self._metrics.spacing <= room else 1)

    def _place_buttons(self, columns: int) -> None:
        """Two columns of buttons a fifth taller than a touch target; one column of targets
        of the least size where two would cut a label (an upright 10" panel, 800 px: "Pause
        for cleaning" needs 376 px of the 361 a column has), which then leaves the report
        four lines."""
        if columns == self._grid_columns:
            return
        self._grid_columns = columns
        height = round(self._metrics.touch_target * (1.2 if columns == 2 else 1.0))
        for index, button in enumerate(self.buttons.values()):
            self._grid.removeWidget(button)
            button.setMinimumHeight(height)
            self._grid.addWidget(button, index // columns, index % columns)
        # Now, not on the next pass: a layout request has already been served when the
        # restyled labels are measured, and the window's layout must not ask for the old size.
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def show_report(self, text: str) -> None:
        self.report.setPlainText(text)
        self.report.verticalScrollBar().setValue(0)
