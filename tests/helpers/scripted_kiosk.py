"""The real kiosk (`kiosk.cli.main`) with a script played into it, for tests about the process:

- `patient`: wakes the kiosk, reads a section long enough to count as a view, opens Contact,
  prints PATIENT-DONE and leaves the session open (for tests that stop the process mid-session);
- `faulty`: a bug planted where recovery runs into it: a timer raises, and so does every reset.

Run as: python tests/helpers/scripted_kiosk.py patient|faulty [kiosk arguments]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from kiosk import cli
from kiosk.ui.app import application
from kiosk.ui.usage_recorder import MIN_VIEW_S
from kiosk.ui.window import KioskWindow

READING_MS = round(MIN_VIEW_S * 1000) + 500
START_DELAY_MS = 300


def kiosk_window() -> KioskWindow:
    return next(w for w in application().topLevelWidgets() if isinstance(w, KioskWindow))


def finish_reading() -> None:
    kiosk_window().show_contact()
    print("PATIENT-DONE", flush=True)


def read_a_section() -> None:
    window = kiosk_window()
    window.wake()
    window.open_section(1)
    QTimer.singleShot(READING_MS, finish_reading)


def broken_reset() -> None:
    raise OSError("planted: the reset cannot save")


def plant_bug() -> None:
    kiosk_window().session_reset.connect(broken_reset)
    QTimer.singleShot(0, fail)


def fail() -> None:
    raise RuntimeError("planted: a bug in a slot")


if __name__ == "__main__":
    script = {"patient": read_a_section, "faulty": plant_bug}[sys.argv[1]]
    application()
    QTimer.singleShot(START_DELAY_MS, script)
    sys.exit(cli.main(sys.argv[2:]))
