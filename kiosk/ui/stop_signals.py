"""SIGTERM, SIGINT and SIGHUP delivered into the Qt event loop.

Python runs a signal handler only when the interpreter gets control, which a Qt event loop
sitting in C++ may not give it for a long time. So the handlers do nothing themselves; Python
writes each signal's number to a socket (signal.set_wakeup_fd), and a QSocketNotifier wakes the
event loop to read it and emit the matching Qt signal.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

# systemctl stop/restart, a package upgrade and shutdown send SIGTERM; Ctrl+C in a terminal SIGINT.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
# SIGHUP is what `systemctl reload` and most daemons use for "read your configuration again".
RELOAD_SIGNALS = (signal.SIGHUP,)


def _ignore(_number: int, _frame: object) -> None:
    """The real work is done in the event loop (see StopSignals._on_ready)."""


class StopSignals(QObject):
    stop_requested = Signal(str)  # the signal's name, e.g. "SIGTERM"
    reload_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._receiver, self._sender = socket.socketpair()
        for end in (self._receiver, self._sender):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._sender.fileno(), warn_on_full_buffer=False)
        self._previous = {
            number: signal.signal(number, _ignore) for number in STOP_SIGNALS + RELOAD_SIGNALS
        }
        self._notifier = QSocketNotifier(self._receiver.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ready)

    def uninstall(self) -> None:
        """Gives the signals back to whoever had them (tests run many kiosks in one process)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._receiver.close()
        self._sender.close()

    def _on_ready(self) -> None:
        try:
            numbers = self._receiver.recv(64)
        except BlockingIOError:
            return
        for number in numbers:
            name = signal.Signals(number).name
            if number in STOP_SIGNALS:
                log.warning("%s received: saving the counts and the status, then stopping", name)
                self.stop_requested.emit(name)
            elif number in RELOAD_SIGNALS:
                log.info("%s received: reading the config and content again", name)
                self.reload_requested.emit(name)
