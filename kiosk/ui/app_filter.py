"""An application-wide event filter that the watching object switches on and off itself."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


class ApplicationFilter(QObject):
    """Sees every event of the application between `start()` and `stop()`. Qt asks the newest
    filter first: start them in the order that should see events last first."""

    def start(self) -> None:
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
