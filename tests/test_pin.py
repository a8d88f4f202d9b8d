"""Staff PIN hashing and the wrong-PIN lockout (Qt-free)."""

from __future__ import annotations

import pytest

from kiosk.cli import main
from kiosk.config import parse_config
from kiosk.pin import PinFormatError, hash_pin, pin_hash_problem, verify_pin
from kiosk.pin_attempts import PinAttempts


def test_a_hash_verifies_its_pin_only() -> None:
    stored = hash_pin("2468")
    assert stored.startswith("scrypt$15$8$1$")
    assert "2468" not in stored
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)
    assert hash_pin("2468") != stored  # salted


def test_a_tampered_hash_verifies_nothing() -> None:
    stored = hash_pin("2468")
    prefix, digest = stored.rsplit("$", 1)
    flipped = ("A" if digest[0] != "A" else "B") + digest[1:]
    assert not verify_pin("2468", f"{prefix}${flipped}")
    assert not verify_pin("2468", stored.replace("$15$", "$14$"))
    assert pin_hash_problem("1234") == "is not a hash made by 'kiosk hash-pin'"
    assert pin_hash_problem("scrypt$15$8$1$@@$@@") == "is damaged (not numbers and base64)"


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", ""])
def test_a_pin_is_four_to_eight_digits(pin: str) -> None:
    with pytest.raises(PinFormatError):
        hash_pin(pin)


def test_hash_pin_command_prints_a_config_line_that_verifies(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["975318", "975318"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["hash-pin"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    config, problems = parse_config(__import__("pathlib").Path("k.toml"), f"[staff]\n{line}\n")
    assert problems == []
    assert verify_pin("975318", config.staff.pin_hash)


def test_hash_pin_command_refuses_mismatched_or_malformed_pins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["1234", "4321", "12"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["hash-pin"]) == 1
    assert main(["hash-pin"]) == 1
    assert "pin_hash" not in capsys.readouterr().out


def test_a_malformed_pin_hash_in_the_config_is_reported_and_ignored() -> None:
    config, problems = parse_config(
        __import__("pathlib").Path("k.toml"), '[staff]\npin_hash = "1234"\n'
    )
    assert config.staff.pin_hash == ""
    assert "'staff.pin_hash' is not a hash made by 'kiosk hash-pin'" in str(problems[0])


def test_five_wrong_pins_lock_for_a_minute_then_doubling() -> None:
    attempts = PinAttempts()
    now = 1000.0
    assert [attempts.record_failure(now) for _ in range(4)] == [0, 0, 0, 0]
    assert attempts.record_failure(now) == 60
    assert attempts.is_locked(now + 59.9)
    assert not attempts.is_locked(now + 60)
    now += 61
    assert [attempts.record_failure(now) for _ in range(5)][-1] == 120
    now += 121
    assert [attempts.record_failure(now) for _ in range(5)][-1] == 240
    attempts.record_success()
    assert [attempts.record_failure(now) for _ in range(5)][-1] == 60
