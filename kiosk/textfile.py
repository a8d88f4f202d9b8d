"""Reading the kiosk's text files defensively: only regular files, never blocking, never more
than a cap; lines as an editor counts them; TOML that can be neither too big nor too deep.

A FIFO opened for reading blocks until a writer appears, and /dev/zero never ends: either would
stall the UI thread or fill the memory. So a file is opened non-blocking, checked with fstat
before the first byte is read, and read only up to its cap.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from kiosk.problems import Problem, toml_error_line

# Far above any real file (the article's sections are ~3 KB, the config ~3 KB); far below what
# takes the pure-Python parsers a noticeable time.
MAX_TOML_CHARS = 64 * 1024
MAX_MARKDOWN_CHARS = 256 * 1024
# A UTF-8 character is at most 4 bytes: a file within its character cap is within 4 x in bytes.
BYTES_PER_CHAR = 4
BOM = "\ufeff"


class UnreadableFileError(Exception):
    """Why a file cannot be used, in words for the person who must fix it."""


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; raises UnreadableFileError otherwise."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise UnreadableFileError(f"cannot be read: {error.strerror or error}") from None
    except ValueError as error:  # a NUL in the name
        raise UnreadableFileError(f"cannot be read: {error}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError(f"is {_kind(info.st_mode)}, not a file the kiosk can read")
        if info.st_size > max_bytes:
            raise UnreadableFileError(f"is {info.st_size:,} bytes; at most {max_bytes:,} are read")
        chunks: list[bytes] = []
        remaining = max_bytes + 1  # one byte more tells a file that grew past the cap
        # The size fstat gave, plus the byte that shows growth: one call and one right-sized
        # buffer for an ordinary file.
        wanted = info.st_size + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, wanted))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            wanted = 1 << 16
    except OSError as error:
        raise UnreadableFileError(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise UnreadableFileError(f"grew past {max_bytes:,} bytes while being read")
    return data


def decode_utf8(path: Path, data: bytes) -> tuple[str | None, Problem | None]:
    """The text without the byte-order mark Windows Notepad writes, or None and the line of
    the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix(BOM), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, Problem(path, line, f"is not UTF-8 text (byte {data[error.start]:#04x})")


def read_text(path: Path, max_chars: int) -> tuple[str | None, Problem | None]:
    """A capped UTF-8 text file, or None and the located reason it cannot be used."""
    try:
        data = read_capped(path, max_chars * BYTES_PER_CHAR)
    except UnreadableFileError as reason:
        return None, Problem(path, None, str(reason))
    text, problem = decode_utf8(path, data)
    if text is None:
        return None, problem
    problem = too_big(path, text, max_chars)
    return (None, problem) if problem is not None else (text, None)


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
        return tomllib.loads(text.removeprefix(BOM)), None
    except tomllib.TOMLDecodeError as error:
        return None, Problem(path, toml_error_line(str(error)), f"is not valid TOML: {error}")
    except RecursionError:
        return None, Problem(path, None, "is not valid TOML: its values are nested too deeply")
