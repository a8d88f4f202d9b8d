"""A log that cannot be written (a full disk) is reported once and again when it recovers, never
per line; a bad NOTIFY_SOCKET warns once (issue 14, cases 10 and 11)."""

from __future__ import annotations

import errno
import io
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import systemd
from kiosk.logs import setup_logging

FULL_DISK = Path("/dev/full")  # every write fails with ENOSPC, as on a full disk


class FullDisk(io.StringIO):
    """A log stream on a disk with no room left: its writes fail as a real one's do."""

    def write(self, _text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def restore_logging() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


def test_a_full_log_disk_is_reported_once_not_per_line(tmp_path: Path) -> None:
    """In a process of its own, so that its stderr is what the journal would get."""
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "kiosk.log").symlink_to(FULL_DISK)
    script = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from kiosk.logs import setup_logging\n"
        f"setup_logging('info', Path({str(logs)!r}))\n"
        "for number in range(50):\n"
        "    logging.getLogger('kiosk.test').info('screen home %d', number)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Logging error" not in result.stderr
    assert "Traceback" not in result.stderr
    reports = [line for line in result.stderr.splitlines() if "cannot write" in line]
    assert len(reports) == 1, result.stderr
    assert (
        f"cannot write the log file {logs / 'kiosk.log'} ([Errno 28] No space left on device)"
        in reports[0]
    )
    assert result.stderr.count("screen home") == 50  # stderr (the journal) still has every line


def test_a_log_that_can_be_written_again_says_how_many_lines_were_lost(
    tmp_path: Path, restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = setup_logging("info", tmp_path)
    assert path is not None
    file_handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)
    )
    assert isinstance(file_handler, logging.StreamHandler)
    healthy = file_handler.setStream(FullDisk())
    logger = logging.getLogger("kiosk.test")
    for number in range(3):
        logger.info("while full %d", number)
    file_handler.setStream(healthy)  # the disk has room again
    logger.info("after")
    text = path.read_text(encoding="utf-8")
    assert "can be written again; 3 line(s) were lost" in text
    assert "after" in text
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert err.count("can be written again") == 1


def test_a_bad_notify_socket_warns_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # An earlier test's `kiosk check` leaves the root logger at WARNING; the recovery line is INFO.
    caplog.set_level(logging.INFO)
    notifier = systemd.Notifier()  # as the kiosk's, which starts out believing systemd hears it
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody-listens"))
    for _ in range(5):
        assert not notifier.send("WATCHDOG=1")
    assert caplog.text.count("could not notify systemd") == 1
    monkeypatch.setenv("NOTIFY_SOCKET", "@no-such-abstract-socket")
    assert not notifier.send("WATCHDOG=1")
    assert caplog.text.count("could not notify systemd") == 1
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        monkeypatch.setenv("NOTIFY_SOCKET", address)
        assert notifier.send("WATCHDOG=1")
    assert "systemd can be notified again" in caplog.text
