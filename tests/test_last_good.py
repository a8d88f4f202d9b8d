"""A running kiosk validates a changed config as it validates content: a file that cannot be
used whole is rejected, the last good one stays, and the log, Status and status.json say which
file, which line and why. Every update logs one line naming what changed (issue 14, case 1)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.pin import hash_pin

PIN_HASH = hash_pin("802613")


def kiosk_config(tmp_path: Path, content: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[content]\nfolder = "{content}"\n[state]\nfolder = "{tmp_path / "state"}"\n'
        f'[staff]\npin_hash = "{PIN_HASH}"\n[session]\nidle_timeout_s = 120\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture
def watched_kiosk(make_kiosk, tmp_path: Path, content_copy: Path):  # type: ignore[no-untyped-def]
    """A started kiosk reading its content folder from its config, both watched."""
    config = kiosk_config(tmp_path, content_copy)
    controller = make_kiosk(config=config, content=None)
    controller.start()  # as the first paint does
    controller.content_watch.settle_timer.setInterval(10)
    return controller, config


def test_a_config_typo_keeps_the_last_good_config_and_says_why(  # type: ignore[no-untyped-def]
    watched_kiosk, tmp_path: Path, content_copy: Path, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller, config = watched_kiosk
    caplog.set_level(logging.INFO)
    good = controller.config
    with (
        qtbot.waitSignal(controller.content_watch.changed, timeout=20_000),
        config.open("a", encoding="utf-8") as stream,
    ):
        stream.write("[display\n")
    assert controller.config == good
    assert controller.config.staff.pin_hash == PIN_HASH
    assert controller.config.content_folder(Path("/bundled")) == content_copy
    rejected = [r.getMessage() for r in caplog.records if "rejected" in r.getMessage()]
    assert len(rejected) == 1
    assert f"{config}:9: error: is not valid TOML" in rejected[0]
    assert "keeping the last good config" in rejected[0]
    controller.write_status()
    record = json.loads((tmp_path / "state" / "status.json").read_text(encoding="utf-8"))
    assert any(
        problem.startswith(f"{config}:9: error: is not valid TOML")
        and problem.endswith("the kiosk keeps its last good config")
        for problem in record["problems"]
    ), record["problems"]
    controller.show_status()
    assert f"{config}:9" in controller.window.staff.report.toPlainText()


def test_a_section_that_is_not_a_table_is_rejected_at_run_time_too(  # type: ignore[no-untyped-def]
    watched_kiosk, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller, config = watched_kiosk
    with qtbot.waitSignal(controller.content_watch.changed, timeout=20_000):
        config.write_text("display = 5\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert controller.config.staff.pin_hash == PIN_HASH
    assert f"{config}:1: error: 'display' must be a [table]" in caplog.text


def test_fixing_the_config_again_is_logged_and_clears_the_problem(  # type: ignore[no-untyped-def]
    watched_kiosk, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller, config = watched_kiosk
    caplog.set_level(logging.INFO)
    good = config.read_text(encoding="utf-8")
    with qtbot.waitSignal(controller.content_watch.changed, timeout=20_000):
        config.write_text(good + "[display\n", encoding="utf-8")
    with qtbot.waitSignal(controller.content_watch.changed, timeout=20_000):
        config.write_text(good.replace("120", "150"), encoding="utf-8")
    assert controller.config.session.idle_timeout_s == 150
    assert controller.status().problems == []
    assert "applied (5 sections); changed: session.idle_timeout_s" in caplog.text


def test_a_broken_section_saved_while_idle_is_named_in_the_log(  # type: ignore[no-untyped-def]
    watched_kiosk, content_copy: Path, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller, _ = watched_kiosk
    caplog.set_level(logging.INFO)
    broken = content_copy / "en" / "06-new.md"
    with qtbot.waitSignal(controller.content_watch.changed, timeout=20_000):
        broken.write_text("---\ntitle: New\n---\ntext\n", encoding="utf-8")
    applied = [r.getMessage() for r in caplog.records if "applied" in r.getMessage()]
    assert applied == [
        f"update {controller.loaded.fingerprint} applied (5 sections); changed: en/06-new.md"
    ]
    assert f"{broken}:1: error: 'summary' is missing" in caplog.text


def test_every_setting_that_changed_is_named_never_its_value(  # type: ignore[no-untyped-def]
    watched_kiosk, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    controller, config = watched_kiosk
    caplog.set_level(logging.INFO)
    new_hash = hash_pin("572049")
    with qtbot.waitSignal(controller.content_watch.changed, timeout=20_000):
        config.write_text(
            config.read_text(encoding="utf-8").replace(PIN_HASH, new_hash), encoding="utf-8"
        )
    assert controller.config.staff.pin_hash == new_hash
    assert "changed: staff.pin_hash" in caplog.text
    assert new_hash not in caplog.text
