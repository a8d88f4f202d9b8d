"""Settings: typed, bounded, defaulted; a bad value falls back to its default and is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Config, find_config_file, load_config, parse_config
from kiosk.problems import Severity

PATH = Path("/etc/clinic-kiosk/kiosk.toml")


def test_no_file_means_every_default() -> None:
    config, problems = load_config(None)
    assert problems == []
    assert config == Config()
    assert config.display.text_size == 1


def test_valid_values_are_used() -> None:
    config, problems = parse_config(
        PATH, '[display]\ntext_size = 3\nhide_cursor = false\n[content]\nlanguage = "en"\n'
    )
    assert problems == []
    assert (config.display.text_size, config.display.hide_cursor) == (3, False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[display]\ntext_size = 9\n",
            "kiosk.toml:2: error: 'display.text_size' = 9 is outside 1-3; using the default 1",
        ),
        (
            '[display]\n\ntext_size = "big"\n',
            "kiosk.toml:3: error: 'display.text_size' must be a whole number",
        ),
        (
            "[display]\nhide_cursor = 1\n",
            "kiosk.toml:2: error: 'display.hide_cursor' must be true or false",
        ),
        (
            '[keypad]\nback = "Escape Retrun"\n',
            "kiosk.toml:2: error: 'keypad.back' names keys that do not exist: Retrun",
        ),
        (
            "[speech]\nvolume = 11\n",
            "kiosk.toml:2: error: 'speech.volume' = 11 is outside 1-10; using the default 5",
        ),
        (
            '[logging]\nlevel = "loud"\n',
            "kiosk.toml:2: error: 'logging.level' = 'loud' is not one of debug, info",
        ),
    ],
)
def test_a_bad_value_uses_the_default_and_names_file_line_and_key(text: str, message: str) -> None:
    config, problems = parse_config(PATH, text)
    assert config.display == Config().display
    assert config.logging == Config().logging
    assert [message in str(problem) for problem in problems] == [True], problems


def test_a_bad_value_does_not_discard_the_good_ones_beside_it() -> None:
    config, problems = parse_config(PATH, "[display]\ntext_size = 2\nscreen = -1\n")
    assert config.display.text_size == 2
    assert config.display.screen == 0
    assert len(problems) == 1


def test_unknown_keys_and_tables_are_warnings() -> None:
    config, problems = parse_config(PATH, "[display]\ntext_sise = 2\n[colour]\nx = 1\n")
    assert config == Config(source=PATH)
    assert [(p.line, p.severity) for p in problems] == [
        (2, Severity.WARNING),
        (3, Severity.WARNING),
    ]
    assert "unknown key 'display.text_sise'" in str(problems[0])
    assert "unknown table [colour]" in str(problems[1])


def test_broken_toml_names_the_line_and_runs_on_defaults() -> None:
    config, problems = parse_config(PATH, "[display]\ntext_size = \n")
    assert config == Config(source=PATH)
    assert problems[0].line == 2
    assert "is not valid TOML" in problems[0].message


def test_an_unreadable_file_runs_on_defaults(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_bytes(b"\xff\xfe")
    config, problems = load_config(bad)
    assert config.display == Config().display
    assert "1: error: is not UTF-8 text (byte 0xff)" in str(problems[0])


def test_lookup_order_explicit_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = tmp_path / "a.toml"
    from_env = tmp_path / "b.toml"
    monkeypatch.setenv("KIOSK_CONFIG", str(from_env))
    assert find_config_file(explicit) == explicit
    assert find_config_file(None) == from_env


def test_relative_content_folder_is_read_beside_the_config_file(tmp_path: Path) -> None:
    config, _ = parse_config(tmp_path / "kiosk.toml", '[content]\nfolder = "clinic-content"\n')
    assert config.content_folder(Path("/bundled")) == tmp_path / "clinic-content"
    assert Config().content_folder(Path("/bundled")) == Path("/bundled")
