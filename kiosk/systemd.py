"""systemd's notify protocol (READY=1, WATCHDOG=1) without a library: one datagram to a socket.

Does nothing when the kiosk was not started by systemd (NOTIFY_SOCKET unset).
"""

from __future__ import annotations

import logging
import os
import socket

log = logging.getLogger(__name__)


def notify(message: str) -> bool:
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
        log.warning("could not notify systemd (%s): %s", message, error)
        return False
    return True


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
