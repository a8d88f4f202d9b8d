"""Reading the kiosk's text files defensively: lines as an editor counts them, TOML that can be
neither too big nor too deep, and a size cap so that no file can stall the kiosk."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from kiosk.problems import Problem, toml_error_line

# Far above any real file (the article's sections are ~3 KB, the config ~3 KB); far below what
# takes the pure-Python parsers a noticeable time.
MAX_TOML_CHARS = 64 * 1024
MAX_MARKDOWN_CHARS = 256 * 1024


def editor_lines(text: str) -> list[str]:
    """Lines as a text editor numbers them: str.splitlines() also breaks at \\f, \\x85, \\u2028…"""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def too_big(path: Path, text: str, limit: int) -> Problem | None:
    if len(text) <= limit:
        return None
    return Problem(path, None, f"is {len(text):,} characters; at most {limit:,} are read")


def parse_toml(path: Path, text: str) -> tuple[dict[str, Any] | None, Problem | None]:
    """The document, or None and the reason, named with its line where TOML gives one."""
    problem = too_big(path, text, MAX_TOML_CHARS)
    if problem is not None:
        return None, problem
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return None, Problem(path, toml_error_line(str(error)), f"is not valid TOML: {error}")
    except RecursionError:
        return None, Problem(path, None, "is not valid TOML: its values are nested too deeply")
