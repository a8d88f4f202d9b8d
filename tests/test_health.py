"""Unattended running: example config in step, systemd notify, status file, logs, content updates,
and an unexpected error that resets instead of killing the kiosk."""

from __future__ import annotations

import json
import logging
import socket
from dataclasses import fields
from pathlib import Path

import pytest

from kiosk import systemd
from kiosk.cli import main
from kiosk.config import TABLES, example_config, parse_config
from kiosk.logs import setup_logging
from kiosk.navigation import Page

REPO = Path(__file__).resolve().parent.parent


def test_the_shipped_example_config_documents_every_key_with_its_default() -> None:
    shipped = (REPO / "packaging" / "kiosk.example.toml").read_text(encoding="utf-8")
    assert shipped == example_config(), (
        "regenerate: kiosk example-config > packaging/kiosk.example.toml"
    )
    _, problems = parse_config(Path("kiosk.example.toml"), shipped)
    assert problems == []
    for table, settings_type in TABLES.items():
        for spec in fields(settings_type):
            assert f"\n{spec.name} = " in shipped.split(f"[{table}]")[1], f"{table}.{spec.name}"


def test_systemd_notify_sends_one_datagram(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        assert systemd.notify("READY=1")
        assert server.recv(64) == b"READY=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not systemd.notify("READY=1")


def test_the_watchdog_is_pinged_at_half_its_period(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert systemd.watchdog_interval_ms() == 15_000
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert systemd.watchdog_interval_ms() is None
    monkeypatch.delenv("WATCHDOG_USEC")
    monkeypatch.delenv("WATCHDOG_PID")
    assert systemd.watchdog_interval_ms() is None


def test_watchdog_pings_come_from_the_event_loop(  # type: ignore[no-untyped-def]
    make_kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        server.settimeout(5)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        monkeypatch.setenv("WATCHDOG_USEC", "40000")
        monkeypatch.delenv("WATCHDOG_PID", raising=False)
        config = tmp_path / "kiosk.toml"
        config.write_text(f'[state]\nfolder = "{tmp_path}"\n', encoding="utf-8")
        controller = make_kiosk(config=config)
        controller.start()
        assert controller.watchdog.timer.interval() == 20
        with qtbot.waitSignal(controller.watchdog.timer.timeout, timeout=2000):
            pass
        assert server.recv(64) == b"WATCHDOG=1"
        # No pings at a closed socket after this test: the notifier would stay "failing" and
        # swallow the one warning tests/test_log_failures.py waits for.
        controller.watchdog.stop()


def test_status_file_is_written_and_kiosk_status_prints_it(  # type: ignore[no-untyped-def]
    make_kiosk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[state]\nfolder = "{tmp_path / "state"}"\n[session]\nwarning_s = 99\n', encoding="utf-8"
    )
    controller = make_kiosk(config=config)
    controller.window.wake()
    controller.write_status()
    record = json.loads((tmp_path / "state" / "status.json").read_text(encoding="utf-8"))
    assert record["screen"] == "home"
    assert record["sections"] == 5
    assert record["picture_frames_per_s"] == 60
    assert len(record["content_hash"]) == 12
    assert any(
        "'session.warning_s' = 99 is outside 10-60" in problem for problem in record["problems"]
    )
    assert main(["status", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "Showing: home" in out
    assert "Pictures: 60 frames a second (no picture has moved yet)" in out
    assert "session.warning_s" in out


def test_kiosk_status_without_a_running_kiosk_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[state]\nfolder = "{tmp_path}"\n', encoding="utf-8")
    assert main(["status", "--config", str(config)]) == 1
    assert "No readable status" in capsys.readouterr().err


def test_logs_go_to_a_rotating_file_and_an_unwritable_folder_falls_back_to_stderr(
    tmp_path: Path,
) -> None:
    try:
        path = setup_logging("info", tmp_path / "logs")
        assert path == tmp_path / "logs" / "kiosk.log"
        logging.getLogger("kiosk.test").info("screen home")
        assert "screen home" in path.read_text(encoding="utf-8")
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        assert setup_logging("info", blocker / "logs") is None
    finally:
        for handler in list(logging.getLogger().handlers):
            logging.getLogger().removeHandler(handler)
            handler.close()


def edit_section(content: Path) -> None:
    path = content / "en" / "04-holistic.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Holistic", "title: Whole-person"),
        encoding="utf-8",
    )


def test_a_content_update_waits_for_the_next_reset(make_kiosk, content_copy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(content=content_copy)
    window = controller.window
    window.wake()
    window.open_section(3)
    controller.start()  # as the first paint does: the content watch is one of its duties
    controller.content_watch.settle_timer.setInterval(10)
    with qtbot.waitSignal(controller.content_watch.changed, timeout=5000):
        edit_section(content_copy)
    assert controller.pending is not None
    assert window.reader.section.title.startswith("Holistic")  # never changes under a reader
    assert controller.status().pending_content == controller.pending.fingerprint
    window.reset_session()
    assert controller.pending is None
    assert window.sections[3].title.startswith("Whole-person Considerations")


def test_a_broken_update_keeps_the_last_good_content_and_is_reported(  # type: ignore[no-untyped-def]
    make_kiosk, content_copy: Path, qtbot
) -> None:
    controller = make_kiosk(content=content_copy)
    controller.start()  # as the first paint does: the content watch is one of its duties
    controller.content_watch.settle_timer.setInterval(10)
    with qtbot.waitSignal(controller.content_watch.changed, timeout=5000):
        for path in (content_copy / "en").glob("*.md"):
            path.write_bytes(b"\xff broken")
    assert controller.pending is None
    assert len(controller.window.sections) == 5
    assert any("not UTF-8" in problem for problem in controller.status().problems)


def test_an_update_while_nobody_reads_applies_at_once(  # type: ignore[no-untyped-def]
    make_kiosk, content_copy: Path, qtbot
) -> None:
    controller = make_kiosk(content=content_copy)
    assert controller.window.page is Page.ATTRACT
    controller.start()  # as the first paint does: the content watch is one of its duties
    controller.content_watch.settle_timer.setInterval(10)
    with qtbot.waitSignal(controller.content_watch.changed, timeout=5000):
        edit_section(content_copy)
    assert controller.window.sections[3].title.startswith("Whole-person")
