"""Files an operator should not have saved: FIFOs, devices, endless or huge files, a BOM, folders
that cannot exist, a language in capitals. `kiosk check` and the running kiosk read them through
the same code and neither hangs, crashes nor silently drops what is valid (issue 14, cases 2, 5,
6, 7, 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import load_config, parse_config, read_config
from kiosk.loading import load_everything, load_kiosk_content
from kiosk.textfile import MAX_MARKDOWN_CHARS

CHECK_TIMEOUT_S = 60


def kiosk_check(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m kiosk check` as its own process: a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "check", *arguments],
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT_S,
        check=False,
    )


def test_a_fifo_section_is_a_located_problem_not_a_hang(content_copy: Path) -> None:
    pipe = content_copy / "en" / "06-pipe.md"
    os.mkfifo(pipe)
    result = kiosk_check("--content", str(content_copy))
    assert result.returncode == 1
    assert f"{pipe}: error: is a named pipe (FIFO), not a file the kiosk can read" in result.stdout
    content = load_kiosk_content(content_copy, "en")
    assert len(content.article.sections) == 5


def test_a_link_to_dev_zero_is_a_device_not_two_gigabytes(content_copy: Path) -> None:
    zero = content_copy / "en" / "07-zero.md"
    zero.symlink_to("/dev/zero")
    result = kiosk_check("--content", str(content_copy))
    assert result.returncode == 1
    assert f"{zero}: error: is a character device" in result.stdout


def test_an_oversize_section_is_named_and_skipped(content_copy: Path) -> None:
    huge = content_copy / "en" / "08-huge.md"
    huge.write_bytes(b"a" * (MAX_MARKDOWN_CHARS * 4 + 1))
    content = load_kiosk_content(content_copy, "en")
    assert [str(p) for p in content.problems if p.source == huge] == [
        f"{huge}: error: is {MAX_MARKDOWN_CHARS * 4 + 1:,} bytes; at most {MAX_MARKDOWN_CHARS * 4:,} are read"
    ]
    assert len(content.article.sections) == 5


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_config_that_is_a_fifo_or_dev_zero_is_rejected_at_once(tmp_path: Path, kind: str) -> None:
    config = tmp_path / "kiosk.toml"
    if kind == "fifo":
        os.mkfifo(config)
    else:
        config.symlink_to("/dev/zero")
    result = kiosk_check("--config", str(config))
    assert result.returncode == 1
    assert f"{config}: error: is a " in result.stdout
    assert "every setting uses its default" in result.stdout
    assert read_config(config).rejection is not None


def test_a_byte_order_mark_is_accepted_in_every_text_file(
    content_copy: Path, tmp_path: Path
) -> None:
    """Windows Notepad starts UTF-8 files with EF BB BF."""
    bom = "\ufeff".encode()
    files = [
        content_copy / "clinic.toml",
        content_copy / "en" / "article.toml",
        content_copy / "en" / "01-introduction.md",
    ]
    for path in files:
        path.write_bytes(bom + path.read_bytes())
    config = tmp_path / "kiosk.toml"
    config.write_bytes(bom + b"[display]\ntext_size = 3\n[session]\nwarning_s = 99\n")
    loaded = load_everything(content_copy, config)
    assert loaded.config.display.text_size == 3
    assert [str(p) for p in loaded.problems] == [
        f"{config}:4: error: 'session.warning_s' = 99 is outside 10-60; using the default 20"
    ]
    assert len(loaded.content.article.sections) == 5
    assert loaded.content.article.title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('folder = "~nosuchuser/log"', "names the home folder of 'nosuchuser'"),
        ('folder = "\\u0000"', "contains a NUL character"),
        ('folder = "kiosk.toml"', "is not a folder"),
    ],
)
@pytest.mark.parametrize("table", ["logging", "state", "content"])
def test_a_folder_that_cannot_be_used_is_a_problem_with_a_fallback(
    tmp_path: Path, table: str, line: str, expected: str
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[display]\ntext_size = 2\n[{table}]\n{line}\n", encoding="utf-8")
    loaded = load_everything(None, config)
    problems = [str(p) for p in loaded.problems]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{config}:4: error: '{table}.folder' = ")
    assert expected in problems[0]
    assert loaded.config.display.text_size == 2  # the rest of the file still counts
    # The fallbacks work: nothing below raises, and the content is the bundled one.
    loaded.config.log_folder()
    loaded.config.state_folder()
    assert len(loaded.content.article.sections) == 5
    result = kiosk_check("--config", str(config))
    assert result.returncode == 1
    assert expected in result.stdout


def test_a_language_code_matches_whatever_its_case(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[content]\nlanguage = "EN"\n', encoding="utf-8")
    loaded = load_everything(None, config)
    assert loaded.content.language == "en"
    assert len(loaded.content.article.sections) == 5
    assert loaded.problems == ()


def test_an_unknown_language_falls_back_to_the_first_there_is(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[content]\nlanguage = "fr"\n', encoding="utf-8")
    loaded = load_everything(None, config)
    assert loaded.content.language == "en"
    assert len(loaded.content.article.sections) == 5
    assert [p.message for p in loaded.problems] == [
        "'content.language' = 'fr' has no folder here (found: en, es); showing 'en'"
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[display]\ntext_size = 2\n\nsession = 5\n", 4, "unknown key 'display.session'"),
        ("# comment\nsession = 5\n", 2, "'session' must be a [table]"),
        ("\ufeffsession = 5\n", 1, "'session' must be a [table]"),
        ("\n\ndisplay.text_size = 9\n", 3, "'display.text_size' = 9 is outside 1-3"),
        ('[display]\n"text_size" = 9\n', 2, "'display.text_size' = 9 is outside 1-3"),
        ("[session]\n[session.extra]\n", 2, "unknown key 'session.extra'"),
    ],
)
def test_every_config_problem_has_its_line(text: str, line: int, message: str) -> None:
    _, problems = parse_config(Path("kiosk.toml"), text)
    assert [(p.line, message in p.message) for p in problems] == [(line, True)], problems


def test_a_section_that_is_not_a_table_rejects_the_whole_file(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('# kiosk\nsession = "x"\n[staff]\nhold_s = 5\n', encoding="utf-8")
    read = read_config(config)
    assert read.rejection is not None
    assert (read.rejection.line, read.rejection.message) == (2, "'session' must be a [table]")
    assert load_config(config)[0].staff.hold_s == 3


def test_the_kiosk_starts_with_a_folder_check_reports(kiosk_process, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What `kiosk check` reports, the real kiosk survives: it starts, paints, and stops cleanly
    (this config made it exit 1 before painting: 'Could not determine home directory')."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[state]\nfolder = "{tmp_path / "state"}"\n[logging]\nfolder = "~nosuchuser/log"\n'
        '[content]\nfolder = "~nosuchuser/content"\n',
        encoding="utf-8",
    )
    kiosk = kiosk_process(config=config)
    kiosk.wait_started()
    kiosk.process.send_signal(signal.SIGTERM)
    assert kiosk.stop() == 0
    problems = kiosk.status()["problems"]
    located = [problem.split(": error: ")[0] for problem in problems if ": error: " in problem]
    assert located == [f"{config}:6", f"{config}:4"]
    assert kiosk.status()["sections"] == 5
