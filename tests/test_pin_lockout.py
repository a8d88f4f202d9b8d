"""Staff PIN (issue 14, case 8): the wrong-PIN lockout survives a restart and fails closed when
its file is damaged; `kiosk hash-pin` asks for 6 digits and refuses the PINs a guesser tries
first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.pin import hash_pin
from kiosk.pin_attempts import FIRST_LOCKOUT_S, LONGEST_LOCKOUT_S
from kiosk.pin_attempts_file import ATTEMPTS_FILE, PinAttemptsFile

PIN = "802613"


def hash_pin_answers(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    replies = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))


@pytest.mark.parametrize(
    ("arguments", "pin", "reason"),
    [
        ([], "000000", "one digit repeated"),
        ([], "123456", "counting up or down"),
        ([], "654321", "counting up or down"),
        (["--digits", "4"], "0000", "one digit repeated"),
        (["--digits", "4"], "1234", "counting up or down"),
        (["--digits", "4"], "4321", "counting up or down"),
        ([], "9753", "must have 6 digits, not 4"),
    ],
)
def test_hash_pin_refuses_the_pins_a_guesser_tries_first(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    pin: str,
    reason: str,
) -> None:
    hash_pin_answers(monkeypatch, pin, pin)
    assert main(["hash-pin", *arguments]) == 1
    captured = capsys.readouterr()
    assert reason in captured.err
    assert "pin_hash" not in captured.out


def test_hash_pin_asks_for_six_digits_by_default(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts: list[str] = []
    replies = iter(["802613", "802613"])

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr("getpass.getpass", getpass)
    assert main(["hash-pin"]) == 0
    assert prompts[0] == "New staff PIN (6 digits): "
    hash_pin_answers(monkeypatch, "8026", "8026")
    assert main(["hash-pin", "--digits", "4"]) == 0
    assert capsys.readouterr().out.count("pin_hash = ") == 2


@pytest.fixture
def pin_kiosk_config(tmp_path: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[staff]\npin_hash = "{hash_pin(PIN)}"\n[state]\nfolder = "{tmp_path / "state"}"\n',
        encoding="utf-8",
    )
    return config


def guess(controller, pin: str) -> None:  # type: ignore[no-untyped-def]
    controller.staff.open()
    controller.staff.pad.submitted.emit(pin)


def test_the_lockout_survives_a_restart(make_kiosk, pin_kiosk_config: Path) -> None:  # type: ignore[no-untyped-def]
    before = make_kiosk(config=pin_kiosk_config)
    for _ in range(5):
        guess(before, "111111")
    assert before.staff.pad.message_label.text().startswith("Too many wrong PINs")
    before.stop()  # as a kill and a restart would: a new kiosk on the same state folder
    after = make_kiosk(config=pin_kiosk_config)
    guess(after, PIN)
    assert not after.window.staff.isVisible()
    assert after.window.page.value != "staff"
    assert after.staff.pad.message_label.text().startswith("Too many wrong PINs")


def test_a_damaged_lockout_file_fails_closed(tmp_path: Path) -> None:
    (tmp_path / ATTEMPTS_FILE).write_text('{"failures": "none"}', encoding="utf-8")
    attempts = PinAttemptsFile(tmp_path).load(now=5000.0)
    assert attempts.is_locked(5000.0 + FIRST_LOCKOUT_S - 1)
    (tmp_path / ATTEMPTS_FILE).write_bytes(b"\xff\xfe")
    assert PinAttemptsFile(tmp_path).load(now=5000.0).is_locked(5001.0)


def test_a_lockout_edited_into_the_far_future_is_cut_to_the_longest(tmp_path: Path) -> None:
    record = {"failures": 0, "lockouts": 3, "locked_until": 10.0**12}
    (tmp_path / ATTEMPTS_FILE).write_text(json.dumps(record), encoding="utf-8")
    attempts = PinAttemptsFile(tmp_path).load(now=5000.0)
    assert attempts.locked_until == 5000.0 + LONGEST_LOCKOUT_S
    assert attempts.lockouts == 3


def test_no_file_means_no_lockout(tmp_path: Path) -> None:
    assert not PinAttemptsFile(tmp_path).load(now=5000.0).is_locked(5000.0)
