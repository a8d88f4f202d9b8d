"""The kiosk's voice: says a text in the session's language, one text at a time, and tells when
it has finished.

Speech starts only when the keys or the Listen button ask for it; a new text interrupts the one
before; `forget()` (the idle reset) silences it and restores the clinic's volume. While speaking,
a 50 ms check notices the end of the utterance; nothing runs while the kiosk is silent.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import SpeechSettings
from kiosk.speech import VOLUME_STEPS, Espeak, Utterance, engine_problem

log = logging.getLogger(__name__)

FINISH_CHECK_MS = 50


def default_engine(settings: SpeechSettings) -> Espeak | None:
    """espeak-ng playing to the sound card, or None (silence) when speech is off or missing."""
    if not settings.enabled:
        return None
    problem = engine_problem()
    if problem is not None:
        log.warning("%s", problem)
        return None
    return Espeak()


class Narrator(QObject):
    # An utterance came to its end by itself (not interrupted, not stopped).
    finished = Signal()
    speaking_changed = Signal(bool)
    # Every text the kiosk says, as it starts saying it.
    said = Signal(str, str)  # text, language

    def __init__(
        self, settings: SpeechSettings, engine: Espeak | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.engine = engine
        self.volume = settings.volume
        self._speaking = False
        self.utterances = 0  # how many texts it has been asked to say
        self._check = QTimer(self)
        self._check.setInterval(FINISH_CHECK_MS)
        self._check.timeout.connect(self._check_finished)

    @property
    def is_speaking(self) -> bool:
        return self._speaking

    def say(self, text: str, language: str) -> None:
        text = text.strip()
        if not text:
            return
        self.utterances += 1
        self.said.emit(text, language)
        if self.engine is None:
            return
        self.engine.speak(
            Utterance(text, language, rate_wpm=self.settings.rate_wpm, volume=self.volume)
        )
        self._check.start()
        self._set_speaking(True)

    def stop(self) -> None:
        self._check.stop()
        if self.engine is not None:
            self.engine.stop()
        self._set_speaking(False)

    def forget(self) -> None:
        """The idle reset: silence, and the clinic's volume for the next patient."""
        self.stop()
        self.volume = self.settings.volume

    def change_volume(self, steps: int) -> int:
        self.volume = max(1, min(VOLUME_STEPS, self.volume + steps))
        return self.volume

    def _check_finished(self) -> None:
        if self.engine is not None and self.engine.is_speaking:
            return
        self._check.stop()
        self._set_speaking(False)
        self.finished.emit()

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)
