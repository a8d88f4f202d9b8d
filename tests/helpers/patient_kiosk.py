"""The real kiosk (`kiosk.cli.main`) with a scripted patient, for tests that stop the process
mid-session: it wakes the kiosk, reads a section long enough to count as a view, opens Contact,
then prints PATIENT-DONE and leaves the session open.

Run as a script: python tests/helpers/patient_kiosk.py [kiosk arguments]
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


if __name__ == "__main__":
    application()
    QTimer.singleShot(START_DELAY_MS, read_a_section)
    sys.exit(cli.main(sys.argv[1:]))
