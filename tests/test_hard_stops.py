"""Hard stops and error loops, with real processes and real signals (issue 14, cases 2 and 4):
SIGTERM/SIGINT save the open session and a final status; SIGHUP saves and re-reads; an error
raised while recovering from an error exits once instead of recursing; the same failure start
after start falls back to the bundled defaults and says so."""

from __future__ import annotations

import signal
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from helpers.kiosk_process import folders_config, kiosk_environment

from kiosk.failures import EXIT_UNRECOVERABLE, SAME_FAILURES_BEFORE_FALLBACK, FailureMemory
from kiosk.navigation import Page
from kiosk.ui.error_recovery import ErrorRecovery
from kiosk.usage import UsageStore


def usage_totals(state: Path) -> dict[str, int]:
    rows = UsageStore.in_folder(state).rows(1, date.today())
    totals: dict[str, int] = {}
    for row in rows:
        totals[row.metric] = totals.get(row.metric, 0) + row.count
    return totals


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_saves_the_open_session_and_a_final_status(  # type: ignore[no-untyped-def]
    kiosk_process, stop: signal.Signals
) -> None:
    kiosk = kiosk_process(script="patient")
    kiosk.wait_for_line("PATIENT-DONE")
    # Counted in memory only, as during any session (the first paint may have saved the wake).
    assert usage_totals(kiosk.state).keys() <= {"sessions"}
    kiosk.process.send_signal(stop)
    assert kiosk.stop() == 0
    assert usage_totals(kiosk.state) == {"sessions": 1, "section_views": 1, "contact_opens": 1}
    assert kiosk.status()["screen"] == f"stopped ({stop.name})"
    assert f"{stop.name} received: saving the counts and the status" in kiosk.log_text()


def test_sighup_saves_the_counts_and_reads_the_config_again_without_stopping(  # type: ignore[no-untyped-def]
    kiosk_process, tmp_path: Path
) -> None:
    config = folders_config(tmp_path)
    kiosk = kiosk_process(config=config, script="patient")
    kiosk.wait_for_line("PATIENT-DONE")
    config.write_text(
        config.read_text(encoding="utf-8") + "[session]\nidle_timeout_s = 45\n", encoding="utf-8"
    )
    kiosk.process.send_signal(signal.SIGHUP)
    kiosk.wait_until(lambda: usage_totals(kiosk.state).get("contact_opens") == 1)
    kiosk.wait_until(
        lambda: "(changed: session.idle_timeout_s); applying at the next reset" in kiosk.log_text()
    )
    # The status is written after the reload; the process is still running, on its screen.
    kiosk.wait_until(lambda: kiosk.status()["screen"] == "contact")
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.stop() == 0


def test_an_error_while_recovering_exits_once_instead_of_recursing(  # type: ignore[no-untyped-def]
    make_kiosk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_kiosk().window
    window.wake()

    def broken_reset() -> None:
        raise ValueError("embedded null byte")

    window.session_reset.connect(broken_reset)
    exits: list[int] = []
    memory = FailureMemory(tmp_path, "")
    recovery = ErrorRecovery(window.reset_session, memory, exit_process=exits.append)
    recovery.install()
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as error:
        recovery.handle(type(error), error, error.__traceback__)
    assert exits == [EXIT_UNRECOVERABLE]
    assert caplog.text.count("exiting with status 70") == 1
    assert "RecursionError" not in caplog.text
    last = memory.last()
    assert last is not None
    assert last.count == 1
    assert last.signature.startswith("ValueError: embedded null byte at test_hard_stops.py:")
    assert window.page is Page.ATTRACT


def test_an_error_that_a_reset_cures_keeps_the_kiosk_running(  # type: ignore[no-untyped-def]
    make_kiosk, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_kiosk().window
    window.wake()
    window.open_section(2)
    exits: list[int] = []
    recovery = ErrorRecovery(
        window.reset_session, FailureMemory(tmp_path, ""), exit_process=exits.append
    )
    recovery.install()
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as error:
        recovery.handle(type(error), error, error.__traceback__)
    assert exits == []
    assert window.page is Page.ATTRACT
    assert "a bug in a slot" in caplog.text
    assert "Traceback" in caplog.text


def test_the_same_failure_start_after_start_falls_back_to_the_bundled_defaults(  # type: ignore[no-untyped-def]
    kiosk_process, tmp_path: Path
) -> None:
    defaults_home = tmp_path / "xdg-state"
    environment = kiosk_environment(XDG_STATE_HOME=str(defaults_home))
    config = folders_config(tmp_path, "[session]\nidle_timeout_s = 45\n")
    for start in range(1, SAME_FAILURES_BEFORE_FALLBACK + 1):
        kiosk = kiosk_process(config=config, script="faulty", environment=environment)
        assert kiosk.stop() == EXIT_UNRECOVERABLE
        log = kiosk.log_text()
        assert log.count("so that a fresh kiosk starts") == start  # once per start
        assert f"this failure has now happened {start} time(s) in a row" in log
        assert "maximum recursion" not in log
    kiosk = kiosk_process(config=config, environment=environment)
    fallback_state = defaults_home / "clinic-kiosk"
    kiosk.wait_until(lambda: (fallback_state / "status.json").exists())
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.stop() == 0
    status = (fallback_state / "status.json").read_text(encoding="utf-8")
    message = f"the kiosk failed the same way {SAME_FAILURES_BEFORE_FALLBACK} starts in a row"
    assert message in status
    assert "planted: the reset cannot save" in status
    assert message in (fallback_state / "log" / "kiosk.log").read_text(encoding="utf-8")


def test_a_changed_config_gets_a_fresh_try(tmp_path: Path) -> None:
    memory = FailureMemory(tmp_path, "version-1")
    for _ in range(SAME_FAILURES_BEFORE_FALLBACK):
        memory.remember("RuntimeError: x at a.py:1")
    assert memory.repeated() is not None
    assert FailureMemory(tmp_path, "version-2").repeated() is None
    assert FailureMemory(tmp_path, "version-2").remember("RuntimeError: x at a.py:1").count == 1


def test_a_damaged_failure_record_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "failures.json").write_text("{not json", encoding="utf-8")
    memory = FailureMemory(tmp_path, "")
    assert memory.last() is None
    assert memory.remember("E").count == 1


def test_usage_database_is_sqlite(tmp_path: Path) -> None:
    """The helper above reads the real file the kiosk writes."""
    store = UsageStore.in_folder(tmp_path)
    assert usage_totals(tmp_path) == {}
    assert store.prune(7, date.today())
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT count(*) FROM daily").fetchone() == (0,)
