"""From the hidden corner hold to the staff menu: PIN pad and lockout."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.config import Config
from kiosk.pin import verify_pin
from kiosk.pin_attempts import FAILURES_PER_LOCKOUT, PinAttempts
from kiosk.pin_attempts_file import PinAttemptsFile
from kiosk.theme import Metrics
from kiosk.ui.staff_gesture import CornerHold
from kiosk.ui.widgets.modal_layer import ModalLayer
from kiosk.ui.widgets.pin_pad import PinPad

log = logging.getLogger(__name__)

# Said in the log and on Status, never on the screen: a patient who happens to hold the corner
# must not see staff words (or English in a Spanish session).
NOT_SET_UP = "staff menu not set up: no [staff] pin_hash in the config (see the README)"
CORNER_TARGETS = 1.5


class StaffAccess(QObject):
    granted = Signal()

    def __init__(
        self,
        window: QWidget,
        metrics: Metrics,
        *,
        pin_hash: str,
        hold_s: int,
        clock: Callable[[], float] = time.time,
        attempts_file: PinAttemptsFile | None = None,
    ) -> None:
        super().__init__(window)
        self._pin_hash = pin_hash
        # Wall-clock time: a lockout kept in `attempts_file` must mean the same after a restart.
        self._clock = clock
        self._attempts_file = attempts_file
        self.attempts = attempts_file.load(clock()) if attempts_file else PinAttempts()
        self.gesture = CornerHold(window, round(metrics.touch_target * CORNER_TARGETS), hold_s)
        self.gesture.held.connect(self.open)

        self.pad = PinPad(metrics, title="Staff PIN", cancel="Cancel")
        self.pad.submitted.connect(self._check)
        self.pad.cancelled.connect(self.close)
        self.pad_layer = ModalLayer(
            window, self.pad, metrics, max_width=metrics.px(760), arrange=self.pad.arrange_for
        )

        # Counts a lockout down on the pad, once a second, while it lasts.
        self.lock_ticker = QTimer(self)
        self.lock_ticker.setInterval(1000)
        self.lock_ticker.timeout.connect(self._refresh_lock)

    @property
    def is_open(self) -> bool:
        return self.pad_layer.isVisible()

    @property
    def is_set_up(self) -> bool:
        return bool(self._pin_hash)

    def configure(self, config: Config) -> None:
        self._pin_hash = config.staff.pin_hash
        self.gesture.set_hold_seconds(config.staff.hold_s)

    def start(self) -> None:
        """Watches for the corner hold."""
        self.gesture.start()

    def stop(self) -> None:
        self.close()
        self.gesture.stop()

    def open(self) -> None:
        if not self._pin_hash:
            log.warning("staff gesture used, but the %s", NOT_SET_UP)
            return
        log.info("staff PIN pad opened")
        self.pad.open()
        self.pad_layer.present()
        self._refresh_lock()

    def close(self) -> None:
        self.pad.close_pad()
        self.pad_layer.hide()
        self.lock_ticker.stop()

    def _check(self, pin: str) -> None:
        now = self._clock()
        if self.attempts.is_locked(now):
            return
        if verify_pin(pin, self._pin_hash):
            log.info("staff PIN accepted")
            self.attempts.record_success()
            self._keep_attempts()
            self.close()
            self.granted.emit()
            return
        lockout = self.attempts.record_failure(now)
        self._keep_attempts()
        # The digits are never logged: only that a try failed.
        log.warning(
            "wrong staff PIN (%d of %d before a lockout)",
            self.attempts.failures or FAILURES_PER_LOCKOUT,
            FAILURES_PER_LOCKOUT,
        )
        if lockout:
            log.warning("staff PIN pad locked for %d s after repeated wrong PINs", lockout)
        self.pad.show_message("Wrong PIN")
        self._refresh_lock()

    def _keep_attempts(self) -> None:
        if self._attempts_file is not None:
            self._attempts_file.save(self.attempts)

    def _refresh_lock(self) -> None:
        now = self._clock()
        locked = self.attempts.is_locked(now)
        self.pad.set_locked(locked)
        if locked:
            self.pad.show_message(
                f"Too many wrong PINs. Try again in {self.attempts.seconds_locked(now)} s."
            )
            if not self.lock_ticker.isActive():
                self.lock_ticker.start()
        elif self.lock_ticker.isActive():
            self.lock_ticker.stop()
            self.pad.show_message("")
