"""What happens to an error nobody caught: the kiosk logs it and starts afresh on the attract
screen. An error raised while doing that (the reset saves the usage counts, and saving may be
what fails) is never handled by resetting again — that recursed until the stack overflowed —
but logged once, remembered, and answered by exiting, so that systemd starts a clean process."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QTimer

from kiosk.failures import EXIT_UNRECOVERABLE, HEALTHY_AFTER_S, FailureMemory, failure_signature

log = logging.getLogger(__name__)


def _exit_now(status: int) -> None:
    """Ends the process without running Qt's or Python's shutdown, either of which could meet
    the same broken state again."""
    logging.shutdown()
    os._exit(status)


class ErrorRecovery:
    def __init__(
        self,
        reset: Callable[[], None],
        memory: FailureMemory | None = None,
        *,
        exit_process: Callable[[int], None] = _exit_now,
    ) -> None:
        self._reset = reset
        self._memory = memory
        self._exit = exit_process
        self._recovering = False
        self._gave_up = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if self._gave_up:
            return
        if self._recovering:
            self._give_up(error, "an error was raised while recovering from an error")
            return
        log.critical(
            "unexpected error; resetting to the start screen", exc_info=(kind, error, trace)
        )
        self._recovering = True
        try:
            self._reset()
        except Exception as reset_error:
            self._give_up(reset_error, "the reset after the error failed too")
        finally:
            self._recovering = False

    def _give_up(self, error: BaseException, what: str) -> None:
        self._gave_up = True
        log.critical(
            "%s; exiting with status %d so that a fresh kiosk starts",
            what,
            EXIT_UNRECOVERABLE,
            exc_info=(type(error), error, error.__traceback__),
        )
        if self._memory is not None:
            record = self._memory.remember(failure_signature(error))
            log.critical("this failure has now happened %d time(s) in a row", record.count)
        self._exit(EXIT_UNRECOVERABLE)


def forget_failures_once_healthy(memory: FailureMemory, parent: QObject) -> None:
    """After HEALTHY_AFTER_S without a fatal error, earlier failures no longer count as a row."""
    QTimer.singleShot(HEALTHY_AFTER_S * 1000, parent, memory.forget)
