"""Health for stock monitoring tools: the Prometheus textfile and the Nagios/Icinga plugin."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import main
from kiosk.status import (
    PROMETHEUS_FILE,
    STATUS_FILE,
    Status,
    prometheus_text,
    write_status_files,
)
from kiosk.status_check import CheckLimits, CheckState, judge, parse_opening_hours

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
STATUS = Status(
    version="9.9.9",
    pid=42,
    started_at="2026-12-03T08:00:00+00:00",
    uptime_s=7200,
    screen="reader",
    seconds_since_touch=45,
    last_reset_at="2026-12-03T09:58:20+00:00",
    resets=3,
    content_folder="/etc/clinic-kiosk/content",
    content_hash="0123456789ab",
    sections=5,
    config_file="/etc/clinic-kiosk/kiosk.toml",
    screen_size="1920x1080",
    log_file=None,
)
SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-z_]+=\"[^\"]*\"\})? (-?[0-9.]+)$")
PERFDATA = re.compile(r"^[a-z_]+=[0-9.]+(s|c|%)?;[0-9.]*;[0-9.]*;[0-9.]*$")


def samples(text: str) -> dict[str, tuple[str, str]]:
    """metric name -> (labels, value); fails on any line outside the exposition format."""
    found: dict[str, tuple[str, str]] = {}
    described: set[str] = set()
    for line in text.splitlines():
        if line.startswith(("# HELP ", "# TYPE ")):
            described.add(line.split()[2])
            continue
        match = SAMPLE.match(line)
        assert match, f"not a Prometheus sample: {line!r}"
        assert match.group(1) in described, f"{match.group(1)} has no HELP/TYPE before it"
        found[match.group(1)] = (match.group(2) or "", match.group(3))
    return found


def test_prometheus_text_has_every_figure_monitoring_asks_for() -> None:
    found = samples(prometheus_text(replace(STATUS, problems=["a", "b"]), NOW))
    assert found["clinic_kiosk_up"] == ('{version="9.9.9"}', "1")
    assert found["clinic_kiosk_uptime_seconds"][1] == "7200"
    assert found["clinic_kiosk_last_reset_age_seconds"][1] == "100"
    assert found["clinic_kiosk_screen"] == ('{screen="reader"}', "1")
    assert found["clinic_kiosk_problems"][1] == "2"
    assert found["clinic_kiosk_picture_frames_per_second"][1] == "60"
    assert found["clinic_kiosk_status_time_seconds"][1] == str(int(NOW.timestamp()))


def test_no_reset_yet_leaves_the_reset_age_out() -> None:
    found = samples(prometheus_text(replace(STATUS, last_reset_at=None), NOW))
    assert "clinic_kiosk_last_reset_age_seconds" not in found


def test_a_label_value_is_escaped() -> None:
    text = prometheus_text(replace(STATUS, version='1"2\\3'), NOW)
    assert 'clinic_kiosk_up{version="1\\"2\\\\3"} 1' in text


def test_both_files_are_written_whole_and_group_readable(tmp_path: Path) -> None:
    write_status_files(tmp_path, STATUS, NOW)
    assert sorted(path.name for path in tmp_path.iterdir()) == [PROMETHEUS_FILE, STATUS_FILE]
    for name in (STATUS_FILE, PROMETHEUS_FILE):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640, name
    assert samples((tmp_path / PROMETHEUS_FILE).read_text(encoding="utf-8"))


def test_the_running_kiosk_writes_the_prometheus_file(make_kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[state]\nfolder = "{tmp_path / "state"}"\n', encoding="utf-8")
    controller = make_kiosk(config=config)
    controller.write_status()
    found = samples((tmp_path / "state" / PROMETHEUS_FILE).read_text(encoding="utf-8"))
    assert found["clinic_kiosk_up"] == (f'{{version="{__version__}"}}', "1")
    assert found["clinic_kiosk_screen"] == ('{screen="attract"}', "1")  # at rest


# --- the Nagios/Icinga plugin ---------------------------------------------------------------


def check(status: Status = STATUS, age_s: int = 5, hour: int = 10) -> tuple[CheckState, str]:
    return judge(status, age_s, NOW.replace(hour=hour), CheckLimits())


def test_a_fresh_healthy_kiosk_is_ok_in_one_line_with_perfdata() -> None:
    state, line = check()
    assert state is CheckState.OK
    assert "\n" not in line
    text, _, perfdata = line.partition(" | ")
    assert text.startswith("KIOSK OK - kiosk 9.9.9 showing reader, up 2 h 0 min")
    for item in perfdata.split():
        assert PERFDATA.match(item), item
    assert "status_age=5s;60;600;0" in perfdata.split()


@pytest.mark.parametrize(
    ("age_s", "expected"),
    [(60, CheckState.OK), (61, CheckState.WARNING), (601, CheckState.CRITICAL)],
)
def test_a_stale_status_warns_then_is_critical(age_s: int, expected: CheckState) -> None:
    state, line = check(age_s=age_s)
    assert state is expected
    assert line.startswith(f"KIOSK {expected.name} - ")


def test_problems_in_config_or_content_warn() -> None:
    state, line = check(replace(STATUS, problems=["x"]))
    assert state is CheckState.WARNING
    assert "1 problem(s)" in line


def test_no_touch_for_days_warns_only_during_opening_hours() -> None:
    untouched = replace(STATUS, seconds_since_touch=4 * 86400)
    assert check(untouched, hour=10)[0] is CheckState.WARNING
    assert check(untouched, hour=22)[0] is CheckState.OK
    assert check(replace(STATUS, seconds_since_touch=2 * 86400), hour=10)[0] is CheckState.OK


def test_the_worst_finding_sets_the_state() -> None:
    state, line = check(replace(STATUS, problems=["x"]), age_s=900)
    assert state is CheckState.CRITICAL
    assert "not running or is stuck" in line and "problem(s)" in line


def test_opening_hours_are_parsed_and_bad_ones_refused() -> None:
    assert parse_opening_hours("8-18") == (8, 18)
    assert parse_opening_hours("") is None
    for bad in ("18-8", "8", "a-b", "0-25"):
        with pytest.raises(ValueError, match="8-18"):
            parse_opening_hours(bad)


def test_kiosk_status_check_exits_with_the_plugin_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    assert main(["status", "--check", "--state", str(state)]) == 3
    assert capsys.readouterr().out.startswith("KIOSK UNKNOWN - no readable status at ")
    write_status_files(state, STATUS, datetime.now(UTC))
    arguments = ["status", "--check", "--state", str(state), "--opening-hours", ""]
    assert main(arguments) == 0
    assert capsys.readouterr().out.startswith("KIOSK OK - ")
    old = (datetime.now(UTC) - timedelta(minutes=5)).timestamp()
    os.utime(state / STATUS_FILE, (old, old))
    assert main(arguments) == 1
    assert capsys.readouterr().out.startswith("KIOSK WARNING - status not updated for 5 min")
    assert main([*arguments, "--stale-critical", "120"]) == 2
    assert capsys.readouterr().out.startswith("KIOSK CRITICAL - ")


def test_kiosk_status_reads_a_given_state_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_status_files(tmp_path, STATUS, NOW)
    assert main(["status", "--state", str(tmp_path)]) == 0
    assert "Showing: reader" in capsys.readouterr().out


def test_a_kiosk_that_stopped_is_critical_and_down() -> None:
    stopped = replace(STATUS, screen="stopped (SIGTERM)")
    state, line = check(stopped)
    assert state is CheckState.CRITICAL
    assert line.startswith("KIOSK CRITICAL - the kiosk has stopped (SIGTERM)")
    assert samples(prometheus_text(stopped, NOW))["clinic_kiosk_up"] == ('{version="9.9.9"}', "0")
