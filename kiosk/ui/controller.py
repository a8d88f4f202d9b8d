"""Runs one kiosk: the window plus what keeps it healthy unattended — idle reset, staff access,
lockdown, content reloads, the status file and systemd's watchdog."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__, systemd
from kiosk.config import Config
from kiosk.loading import Loaded, keeping_config, update_changes
from kiosk.navigation import Location, Page
from kiosk.pin_attempts_file import PinAttemptsFile
from kiosk.problems import Severity
from kiosk.status import STOPPED, Status, human_report
from kiosk.theme import Metrics
from kiosk.ui.content_watch import ContentWatch
from kiosk.ui.keyboard import KeyboardNavigator
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.narrator import Narrator, default_engine
from kiosk.ui.session import IdleWatch
from kiosk.ui.staff_access import NOT_SET_UP, StaffAccess
from kiosk.ui.status_writer import StatusWriter
from kiosk.ui.usage_recorder import UsageRecorder
from kiosk.ui.watchdog import Watchdog
from kiosk.ui.window import KioskWindow
from kiosk.usage import UsageStore

log = logging.getLogger(__name__)


def _now_iso() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def _same_read(one: Loaded, other: Loaded) -> bool:
    return one.files == other.files and one.config == other.config


class KioskController(QObject):
    def __init__(
        self,
        loaded: Loaded,
        window: KioskWindow,
        metrics: Metrics,
        *,
        reload: Callable[[], Loaded],
        kiosk_mode: bool,
        log_file: Path | None = None,
        narrator: Narrator | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        """`clock` (tests): one fake time for the PIN lockouts (else the wall clock, as a kept
        lockout must outlast a restart) and the section views (else the monotonic clock)."""
        super().__init__(window)
        self.loaded = loaded
        self.window = window
        self.metrics = metrics
        self._reload = reload
        self._log_file = log_file
        self._started_at = _now_iso()
        self._started = time.monotonic()
        self.last_reset_at: str | None = None
        self.resets = 0
        self.reload_problems: tuple[str, ...] = ()
        # A valid update that waits for the next reset, so it never changes under a reader.
        self.pending: Loaded | None = None
        self._pending_changes: list[str] = []
        config = loaded.config

        # Lockdown first: Qt asks the newest application filter first, and the idle watch must
        # still see the keys that the lockdown swallows.
        self.lockdown = Lockdown() if kiosk_mode else None
        if self.lockdown is not None:
            self.lockdown.start()
            window.lock_close()
        self.idle = IdleWatch(config.session.idle_timeout_s)
        self.idle.start()
        self.idle.idle.connect(self._on_idle)
        self.idle.activity.connect(self._on_activity)
        window.page_changed.connect(self._on_page_changed)
        window.session_reset.connect(self._on_session_reset)
        window.idle_warning_dismissed.connect(self.idle.arm)

        # The keys come after the idle watch, so they are asked first: the keys they use are
        # kept from the lockdown, and they tell the idle watch themselves.
        self.narrator = narrator or Narrator(config.speech, default_engine(config.speech), self)
        self.narrator.speaking_changed.connect(self._on_speaking_changed)
        self.keys = KeyboardNavigator(
            window,
            metrics,
            self.narrator,
            self.idle,
            config.keypad.bindings(),
            touch_only=lambda: self.staff.is_open,
        )
        self.keys.start()
        window.listen_requested.connect(self.keys.read_aloud.toggle_listening)

        self.usage = UsageRecorder(
            UsageStore.in_folder(config.state_folder()),
            config.usage.retention_days,
            self,
            clock=clock or time.monotonic,
        )
        window.woken.connect(self.usage.on_woken)
        window.page_changed.connect(self.usage.on_page_changed)
        window.session_reset.connect(self.usage.on_session_reset)
        window.idle_warning_expired.connect(self.usage.on_warning_expired)
        window.illustration_used.connect(self.usage.on_illustration_used)

        self.staff = StaffAccess(
            window,
            metrics,
            pin_hash=config.staff.pin_hash,
            hold_s=config.staff.hold_s,
            attempts_file=PinAttemptsFile(config.state_folder()),
            clock=clock or time.time,
        )
        self.staff.start()
        self.staff.granted.connect(self.open_staff_menu)
        window.reload_requested.connect(self.reload_content)
        window.status_requested.connect(self.show_status)
        window.usage_requested.connect(self.show_usage)
        window.exit_requested.connect(self.exit_kiosk)

        self.status_writer = StatusWriter(self.status, config, self)
        # Watching starts with the other duties (start()): setting up inotify costs ~20 ms.
        self.content_watch = ContentWatch((), self)
        self.content_watch.changed.connect(self.check_for_update)
        self.watchdog = Watchdog(self)
        self.configure(config)

    @property
    def config(self) -> Config:
        return self.loaded.config

    def configure(self, config: Config) -> None:
        """Gives every part its settings from `config`: at start-up and after each update."""
        self.window.configure(config)
        self.narrator.settings = config.speech
        self.keys.set_bindings(config.keypad.bindings())
        self.idle.configure(config)
        self.staff.configure(config)
        self.usage.configure(config)
        self.status_writer.configure(config)

    def start(self) -> None:
        """Begins the unattended duties; call once the window is shown."""
        self.usage.start()
        self.status_writer.start()
        self.content_watch.watch(self._watched_paths())
        self._prepare_soon()
        self.watchdog.start()

    def _prepare_soon(self) -> None:
        """Once the event loop is free, builds what a first tap would otherwise wait for."""
        QTimer.singleShot(0, self, self.window.prepare_ahead)

    def on_first_paint(self, _elapsed_s: float) -> None:
        """The patient sees the kiosk: tell systemd, then begin the duties that can wait a frame."""
        systemd.notify("READY=1")
        self.start()

    # Session -----------------------------------------------------------------------------------

    def _on_idle(self) -> None:
        self.window.show_idle_warning(self.config.session.warning_s)
        self.keys.announce_idle_warning()

    def _on_speaking_changed(self, speaking: bool) -> None:
        # The idle timer does not run out while the kiosk reads to someone.
        if speaking:
            self.idle.disarm()
        elif self.window.page is not Page.ATTRACT:
            self.idle.arm()

    def _on_activity(self) -> None:
        # Any touch answers "Still reading?"; this is the one place that counts the answer.
        if self.window.answer_idle_warning():
            self.idle.arm()
            self.usage.on_warning_answered()

    def _on_page_changed(self, location: Location) -> None:
        if location.page is Page.ATTRACT:
            self.idle.disarm()
        else:
            self.idle.arm()

    def _on_session_reset(self) -> None:
        self.staff.close()
        self.resets += 1
        self.last_reset_at = _now_iso()
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.apply(pending, self._pending_changes)

    # Content updates -----------------------------------------------------------------------------

    def _watched_paths(self) -> list[Path]:
        content = self.loaded.content
        paths = [content.folder, content.folder / "clinic.toml"]
        for language in content.articles:
            paths.append(content.folder / language)
            paths.extend(sorted((content.folder / language).glob("*")))
        if self.loaded.config.source is not None:
            paths.append(self.loaded.config.source)
        return paths

    def _read_update(self) -> Loaded:
        """The config and content as they are now; a config file that cannot be used whole
        never replaces the last good one."""
        fresh = self._reload()
        if fresh.config_rejection is not None:
            fresh = keeping_config(fresh, self.loaded.config)
        return fresh

    def check_for_update(self) -> None:
        """Validates a changed config and content; a good update waits for the next reset, a bad
        one is rejected whole. Either way one log line names what changed."""
        fresh = self._read_update()
        if self.pending is not None and _same_read(fresh, self.pending):
            return  # validated already, still waiting for the reset
        changes = update_changes(self.loaded, fresh)
        self._log_config_verdict(fresh)
        if not changes:
            # Only the problems changed (a config rejected, or fixed back to the same settings).
            self.loaded = replace(
                self.loaded,
                config_problems=fresh.config_problems,
                config_rejection=fresh.config_rejection,
            )
            return
        if not fresh.content.article.sections:
            self.reload_problems = tuple(str(problem) for problem in fresh.problems)
            log.error(
                "update rejected (changed: %s): no valid section; keeping the last good content",
                ", ".join(changes),
            )
            self._log_new_problems(fresh)
            return
        self.reload_problems = ()
        self._log_new_problems(fresh)
        if self.window.page is Page.ATTRACT:
            self.apply(fresh, changes)
        else:
            log.info(
                "update %s validated (changed: %s); applying at the next reset",
                fresh.fingerprint,
                ", ".join(changes),
            )
            self.pending = fresh
            self._pending_changes = changes

    def _log_config_verdict(self, fresh: Loaded) -> None:
        rejection = fresh.config_rejection
        if rejection == self.loaded.config_rejection:
            return
        if rejection is not None:
            log.error("config update rejected, keeping the last good config: %s", rejection)
        else:
            log.info("config %s is valid again", fresh.config.source)

    def _log_new_problems(self, fresh: Loaded) -> None:
        known = set(self.loaded.problems)
        for problem in fresh.problems:
            if problem not in known:
                level = logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING
                log.log(level, "%s", problem)

    # Staff -------------------------------------------------------------------------------------

    def open_staff_menu(self) -> None:
        self.window.show_staff()
        self.show_status()

    def show_usage(self) -> None:
        self.usage.flush()  # so the charts include the counts still in memory
        self.window.show_usage(self.usage.store, 7)

    def stop(self) -> None:
        """Ends the unattended duties and saves the counts (on exit)."""
        self.status_writer.stop()
        self.watchdog.stop()
        self.narrator.stop()
        self.keys.stop()
        self.idle.stop()
        self.staff.stop()
        if self.lockdown is not None:
            self.lockdown.stop()
        self.content_watch.stop()
        self.usage.stop()

    def show_status(self) -> None:
        self.window.show_staff_report(human_report(self.status()))

    def reload_content(self) -> None:
        """Re-reads config and content; broken content never replaces the last good one."""
        fresh = self._read_update()
        changes = update_changes(self.loaded, fresh)
        self._log_config_verdict(fresh)
        problems = [str(problem) for problem in fresh.problems]
        if not fresh.content.article.sections:
            self.reload_problems = tuple(problems)
            log.error("reload: the new content has no valid section; keeping the last good content")
            report = (
                "Kept the last good content: the new content has no section that can be shown.\n\n"
            )
        else:
            self._log_new_problems(fresh)
            self.apply(fresh, changes)
            self.reload_problems = ()
            report = f"Reloaded {len(fresh.content.article.sections)} sections from {fresh.content.folder}.\n\n"
        if fresh.config_rejection is not None:
            report += "Kept the last good config: the config file cannot be used.\n\n"
        report += "\n".join(problems) if problems else "kiosk check: no problems."
        self.window.show_staff_report(report)

    def apply(self, fresh: Loaded, changes: list[str] | None = None) -> None:
        config = fresh.config
        self.loaded = fresh
        self.pending = None
        self.configure(config)
        self.window.set_content(fresh.content)
        self._prepare_soon()
        self.content_watch.watch(self._watched_paths())
        log.info(
            "update %s applied (%d sections); changed: %s",
            fresh.fingerprint,
            len(fresh.content.article.sections),
            ", ".join(changes) if changes else "nothing",
        )

    def exit_kiosk(self) -> None:
        log.warning("kiosk closed from the staff menu")
        self.shut_down("closed from the staff menu")

    def shut_down(self, reason: str) -> None:
        """Saves the session's counts (the section on screen included) and a last status that
        says the kiosk stopped and why, then ends the event loop."""
        self.stop()
        self.status_writer.write(replace(self.status(), screen=f"{STOPPED} ({reason})"))
        self.window.allow_close()
        self.window.close()
        QApplication.quit()

    def reload_now(self) -> None:
        """SIGHUP: save the counts, read the config and content again (a good update waits for
        the next reset, as when a file changes), and write the status."""
        self.usage.flush()
        self.check_for_update()
        self.write_status()

    # Health --------------------------------------------------------------------------------------

    def status(self) -> Status:
        loaded = self.loaded
        size = self.window.size()
        return Status(
            version=__version__,
            pid=os.getpid(),
            started_at=self._started_at,
            uptime_s=round(time.monotonic() - self._started),
            screen=self.window.page_name,
            seconds_since_touch=self.idle.seconds_since_touch(),
            last_reset_at=self.last_reset_at,
            resets=self.resets,
            content_folder=str(loaded.content.folder),
            content_hash=loaded.fingerprint,
            sections=len(loaded.content.article.sections),
            config_file=str(loaded.config.source) if loaded.config.source else None,
            screen_size=f"{size.width()}x{size.height()}",
            log_file=str(self._log_file) if self._log_file else None,
            problems=[str(problem) for problem in loaded.problems]
            + list(self.reload_problems)
            + ([] if self.staff.is_set_up else [NOT_SET_UP]),
            pending_content=self.pending.fingerprint if self.pending else None,
            unreviewed_translations=list(loaded.content.unreviewed),
            picture_frames_per_s=self.window.frame_budget.frames_per_second,
            picture_cpu_percent=self.window.frame_budget.last_percent,
        )

    def write_status(self) -> None:
        self.status_writer.write()
