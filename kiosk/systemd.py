"""systemd's notify protocol (READY=1, WATCHDOG=1) without a library: one datagram to a socket.

Does nothing when the kiosk was not started by systemd (NOTIFY_SOCKET unset). A socket that
cannot be reached is reported once, not at every watchdog ping, and again when it answers.
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


class Notifier:
    """Sends notify messages; remembers whether the last one failed, to warn once."""

    def __init__(self) -> None:
        self.failing = False

    def send(self, message: str) -> bool:
        address = os.environ.get("NOTIFY_SOCKET")
        if not address:
            return False
        if address.startswith("@"):
            address = "\0" + address[1:]  # Linux abstract socket namespace
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(address)
                sock.sendall(message.encode())
        except OSError as error:
            if not self.failing:
                log.warning(
                    "could not notify systemd (%s): %s; not repeated until it works again",
                    message,
                    error,
                )
            self.failing = True
            return False
        if self.failing:
            log.info("systemd can be notified again (%s)", message)
            self.failing = False
        return True


_notifier = Notifier()


def notify(message: str) -> bool:
    return _notifier.send(message)


def watchdog_interval_ms() -> int | None:
    """How often to ping the watchdog: half of WatchdogSec, as sd_watchdog_enabled(3) advises."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or not usec.isdigit() or int(usec) == 0:
        return None
    # WATCHDOG_PID names the process the pings are expected from. Under cage it would name cage,
    # so the unit unsets it (packaging/linux/clinic-kiosk.service) to hand the job to the kiosk.
    if pid and pid.isdigit() and int(pid) != os.getpid():
        return None
    return max(1, int(usec) // 2000)
