"""Tells systemd's watchdog that the event loop still runs (kiosk/systemd.py): a hung kiosk is
restarted."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk import systemd

log = logging.getLogger(__name__)


class Watchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: systemd.notify("WATCHDOG=1"))

    def start(self) -> None:
        """Pings at the interval systemd asks for; nothing when it asks for none."""
        interval = systemd.watchdog_interval_ms()
        if interval is not None:
            self.timer.start(interval)
            log.info("systemd watchdog ping every %d ms", interval)

    def stop(self) -> None:
        self.timer.stop()
