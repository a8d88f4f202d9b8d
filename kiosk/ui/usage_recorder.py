"""Turns the window's signals into anonymous usage counts, and saves them off the tap path.

Every slot only adds to counts in memory; the disk is touched by `flush()` alone, which runs
on a timer after something was counted, at each session reset and at exit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from kiosk.config import Config
from kiosk.navigation import Location, Page
from kiosk.usage import UsageCounts, UsageStore

FLUSH_INTERVAL_MS = 5 * 60 * 1000
# A glance on the way to the next section is not a view.
MIN_VIEW_S = 2.0


class UsageRecorder(QObject):
    def __init__(
        self,
        store: UsageStore,
        retention_days: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.retention_days = retention_days
        self.counts = UsageCounts(today)
        self._clock = clock
        self._today = today
        self._section: str | None = None
        self._entered = 0.0
        self._pruned_on: date | None = None
        # Armed by the first count after a flush, so a still kiosk never wakes up for nothing.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FLUSH_INTERVAL_MS)
        self.timer.timeout.connect(self.flush)

    def start(self) -> None:
        """Prunes old days once at start; call when the kiosk starts."""
        self.flush()

    def flush(self) -> bool:
        """Saves what was counted so far (an open section view is saved when it ends)."""
        self.timer.stop()
        today = self._today()
        if self._pruned_on != today and self.store.prune(self.retention_days, today):
            self._pruned_on = today
        saved = self.store.flush(self.counts)
        if not saved:
            self._arm()
        return saved

    def configure(self, config: Config) -> None:
        self.retention_days = config.usage.retention_days

    def stop(self) -> None:
        """Ends the view on screen and saves everything; call when the kiosk exits."""
        self._end_section_view()
        self.flush()

    # Slots: memory only -----------------------------------------------------------------------

    def on_woken(self) -> None:
        self.counts.session_started()
        self._arm()

    def on_page_changed(self, location: Location) -> None:
        self._end_section_view()
        if location.page is Page.READER and location.section is not None:
            self._section = location.section
            self._entered = self._clock()
        elif location.page is Page.CONTACT:
            self.counts.contact_opened()
            self._arm()

    def on_illustration_used(self, key: str) -> None:
        self.counts.illustration_used(key)
        self._arm()

    def on_warning_answered(self) -> None:
        self.counts.warning_answered()
        self._arm()

    def on_warning_expired(self) -> None:
        self.counts.warning_expired()
        self._arm()

    def on_session_reset(self) -> None:
        self._end_section_view()
        self.flush()

    # -------------------------------------------------------------------------------------------

    def _end_section_view(self) -> None:
        if self._section is None:
            return
        seconds = self._clock() - self._entered
        if seconds >= MIN_VIEW_S:
            self.counts.section_viewed(self._section, seconds)
            self._arm()
        self._section = None

    def _arm(self) -> None:
        if not self.timer.isActive():
            self.timer.start()
