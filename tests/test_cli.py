"""The command line as IT uses it: check, preview, version."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import main, parse_arguments


def test_check_passes_on_the_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 5 sections in 'en'")
    assert len(out.splitlines()) == 1


def test_check_lists_every_problem_and_fails(
    content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_copy / "en" / "02-mechanism.md").write_text(
        "---\ntitle: x\n---\nbody\n", encoding="utf-8"
    )
    (content_copy / "clinic.toml").write_text(
        '[clinic]\nname = "C"\nphone = "call us"\n', encoding="utf-8"
    )
    config = tmp_path / "kiosk.toml"
    config.write_text("[display]\ntext_size = 7\n", encoding="utf-8")
    assert main(["check", "--content", str(content_copy), "--config", str(config)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert (
        f"{config}:2: error: 'display.text_size' = 7 is outside 1-3; using the default 1" in lines
    )
    assert f"{content_copy / 'en' / '02-mechanism.md'}:1: error: 'summary' is missing" in lines
    assert f"{content_copy / 'en' / '02-mechanism.md'}:1: error: 'order' is missing" in lines
    assert any(
        line.startswith(f"{content_copy / 'clinic.toml'}:3: error: 'clinic.phone'")
        for line in lines
    )
    # Spanish still has the section English lost: the languages no longer match.
    assert (
        f"{content_copy / 'es' / '02-mechanism.md'}: error: has no matching section in en/" in lines
    )
    assert "5 error(s) found" in captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


def test_run_is_the_default_command_and_sizes_are_parsed() -> None:
    arguments = parse_arguments(["--windowed", "--size", "1080x1920"])
    assert (arguments.command, arguments.windowed, arguments.size) == ("run", True, (1080, 1920))
    with pytest.raises(SystemExit):
        parse_arguments(["--size", "huge"])


def test_the_start_clock_counts_from_the_process_start_not_the_import() -> None:
    """The first-paint figure in the log must include the interpreter's start and the imports:
    its clock starts before the first line of the program that imports the kiosk."""
    script = (
        "import time\n"
        "first_line = time.perf_counter()\n"
        "from kiosk import cli\n"
        "print(first_line - cli.PROCESS_STARTED)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert 0 < float(result.stdout) < 30
