"""Typed, bounded kiosk settings from one TOML file; every key has a default.

Qt-free. A bad value never stops the kiosk: it falls back to the default for that key and the
problem names the file, line and key. Unknown keys are warnings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

from kiosk.folders import FolderError, expand, writable_problem
from kiosk.keypad import DEFAULT_KEYS, Action, key_names_problem
from kiosk.pin import pin_hash_problem
from kiosk.problems import Problem, Severity
from kiosk.speech import MIN_RATE_WPM, VOLUME_STEPS
from kiosk.textfile import BOM, MAX_TOML_CHARS, editor_lines, parse_toml, read_text

APP_NAME = "clinic-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"
SYSTEM_CONFIG = Path("/etc/clinic-kiosk/kiosk.toml")
Scalar = bool | int | str


def setting(
    default: Scalar,
    doc: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    choices: tuple[str, ...] = (),
    check: Callable[[str], str | None] | None = None,
) -> Any:
    """A config key: its default, what it is for, and the values it may take.

    `check` validates text values that have a form of their own (it returns why a value is wrong).
    """
    metadata = {
        "doc": doc,
        "minimum": minimum,
        "maximum": maximum,
        "choices": choices,
        "check": check,
    }
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class DisplaySettings:
    text_size: int = setting(
        1, "Text size step a new session starts at (1 = normal, 3 = largest).", minimum=1, maximum=3
    )
    high_contrast: bool = setting(
        False, "Start each session in the high-contrast theme (white on black)."
    )
    hide_cursor: bool = setting(
        True, "Hide the mouse pointer when full screen (touchscreens need none)."
    )
    screen: int = setting(
        0,
        "Which monitor to fill, counting from 0, when several are attached.",
        minimum=0,
        maximum=15,
    )
    diagonal_in: int = setting(
        0,
        "The panel's diagonal in inches, for panels that report a wrong size (the log says"
        " which size the kiosk used); 0 = the size the panel reports.",
        minimum=0,
        maximum=110,
    )


@dataclass(frozen=True)
class ContentSettings:
    folder: str = setting(
        "", "Folder holding clinic.toml and <language>/NN-name.md; empty = the bundled content."
    )
    language: str = setting("en", "Language folder shown at the start of each session.")


@dataclass(frozen=True)
class SessionSettings:
    idle_timeout_s: int = setting(
        90, "Seconds without a touch before 'Still reading?' appears.", minimum=30, maximum=600
    )
    warning_s: int = setting(
        20,
        "Seconds the 'Still reading?' countdown runs before the kiosk resets.",
        minimum=10,
        maximum=60,
    )


@dataclass(frozen=True)
class StaffSettings:
    pin_hash: str = setting(
        "",
        "Staff PIN hash from 'kiosk hash-pin'; empty = staff menu not set up.",
        check=pin_hash_problem,
    )
    hold_s: int = setting(
        3, "Seconds to hold the top-left corner to open the staff PIN pad.", minimum=2, maximum=10
    )


@dataclass(frozen=True)
class AccessibilitySettings:
    reduced_motion: bool = setting(
        False, "Show still pictures instead of moving ones, for every session."
    )


@dataclass(frozen=True)
class SpeechSettings:
    enabled: bool = setting(
        True, "Speak when a patient uses the keys or the Listen button (never by itself)."
    )
    rate_wpm: int = setting(
        165,
        "Speaking rate in words a minute (espeak-ng's own default is 175).",
        minimum=MIN_RATE_WPM,
        maximum=300,
    )
    volume: int = setting(
        5,
        "Loudness each session starts at; the volume keys move it one step.",
        minimum=1,
        maximum=VOLUME_STEPS,
    )


def _keys(action: Action, doc: str) -> Any:
    return setting(DEFAULT_KEYS[action], doc, check=key_names_problem)


@dataclass(frozen=True)
class KeypadSettings:
    next: str = _keys(
        Action.NEXT, "Keys that move to the next control (Qt key names, space-separated)."
    )
    previous: str = _keys(Action.PREVIOUS, "Keys that move to the control before.")
    down: str = _keys(Action.DOWN, "Keys that read the next paragraph in the text, else move on.")
    up: str = _keys(Action.UP, "Keys that read the paragraph before in the text, else move back.")
    activate: str = _keys(Action.ACTIVATE, "Keys that press the control with the focus ring.")
    back: str = _keys(Action.BACK, "Keys that go back (close a panel, leave a page).")
    help: str = _keys(Action.HELP, "Keys that say what the keys do.")
    page_down: str = _keys(Action.PAGE_DOWN, "Keys that scroll the text down a screen.")
    page_up: str = _keys(Action.PAGE_UP, "Keys that scroll the text up a screen.")
    volume_up: str = _keys(Action.VOLUME_UP, "Keys that make the speech louder.")
    volume_down: str = _keys(Action.VOLUME_DOWN, "Keys that make the speech quieter.")

    def bindings(self) -> dict[Action, str]:
        return {action: getattr(self, action.value) for action in Action}


@dataclass(frozen=True)
class LoggingSettings:
    level: str = setting(
        "info", "How much the log says.", choices=("debug", "info", "warning", "error")
    )
    folder: str = setting(
        "", "Folder for kiosk.log; empty = the platform's log folder for the user."
    )


@dataclass(frozen=True)
class StateSettings:
    folder: str = setting(
        "", "Folder for status.json; empty = the platform's state folder for the user."
    )


@dataclass(frozen=True)
class UsageSettings:
    retention_days: int = setting(
        365,
        "Days of anonymous usage counts to keep; older days are deleted.",
        minimum=7,
        maximum=3650,
    )


@dataclass(frozen=True)
class Config:
    display: DisplaySettings = field(default_factory=DisplaySettings)
    content: ContentSettings = field(default_factory=ContentSettings)
    session: SessionSettings = field(default_factory=SessionSettings)
    staff: StaffSettings = field(default_factory=StaffSettings)
    accessibility: AccessibilitySettings = field(default_factory=AccessibilitySettings)
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    keypad: KeypadSettings = field(default_factory=KeypadSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    state: StateSettings = field(default_factory=StateSettings)
    usage: UsageSettings = field(default_factory=UsageSettings)
    # The file these settings came from, if any; relative folders are read from beside it.
    source: Path | None = None

    def _folder(self, configured: str, default: Path) -> Path:
        if not configured:
            return default
        try:
            return expand(configured, self.source.parent if self.source else None)
        except FolderError:
            return default  # reported by parse_config; a Config made in code falls back quietly

    def content_folder(self, bundled: Path) -> Path:
        return self._folder(self.content.folder, bundled)

    def log_folder(self) -> Path:
        return self._folder(
            self.logging.folder, Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        )

    def state_folder(self) -> Path:
        return self._folder(
            self.state.folder, Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
        )


TABLES: dict[str, type] = {
    "display": DisplaySettings,
    "content": ContentSettings,
    "session": SessionSettings,
    "staff": StaffSettings,
    "accessibility": AccessibilitySettings,
    "speech": SpeechSettings,
    "keypad": KeypadSettings,
    "logging": LoggingSettings,
    "state": StateSettings,
    "usage": UsageSettings,
}


def user_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


def find_config_file(explicit: Path | None) -> Path | None:
    """--config, then $KIOSK_CONFIG, then /etc/clinic-kiosk/kiosk.toml, then the user's config folder."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(CONFIG_ENV)
    if from_env:
        return Path(from_env)
    for candidate in (SYSTEM_CONFIG, user_config_file()):
        if candidate.is_file():
            return candidate
    return None


_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY_PATH = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_TABLE_HEADER = re.compile(rf"\s*\[\[?\s*({_KEY_PATH})\s*\]")
_KEY_LINE = re.compile(rf"\s*({_KEY_PATH})\s*=")

KeyLines = dict[tuple[str, ...], int]


def _key_parts(path: str) -> tuple[str, ...]:
    parts = re.findall(_KEY_PART, path)
    return tuple(part[1:-1] if part[0] in "\"'" else part for part in parts)


def _key_lines(text: str) -> KeyLines:
    """Line of each table and key, by its full dotted name (`display.text_size = 9` at the top
    counts as [display] text_size); tomllib does not report positions."""
    lines: KeyLines = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(editor_lines(text.removeprefix(BOM)), start=1):
        header = _TABLE_HEADER.match(line)
        if header:
            table = _key_parts(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _KEY_LINE.match(line)
        if key:
            path = table + _key_parts(key.group(1))
            for end in range(len(table) + 1, len(path) + 1):
                lines.setdefault(path[:end], number)
    return lines


def _check_value(name: str, expected: type, value: object, metadata: Any) -> str | None:
    if expected is bool and not isinstance(value, bool):
        return f"'{name}' must be true or false, not {value!r}"
    if expected is int:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"'{name}' must be a whole number, not {value!r}"
        low, high = metadata["minimum"], metadata["maximum"]
        if (low is not None and value < low) or (high is not None and value > high):
            return f"'{name}' = {value} is outside {low}-{high}"
    if expected is str:
        if not isinstance(value, str):
            return f"'{name}' must be text in quotes, not {value!r}"
        choices = metadata["choices"]
        if choices and value not in choices:
            return f"'{name}' = {value!r} is not one of {', '.join(choices)}"
        check = metadata["check"]
        reason = check(value) if check is not None and value else None
        if reason:
            return f"'{name}' {reason}"
    return None


@dataclass(frozen=True)
class ConfigRead:
    """A config file as read: the settings to use, every problem, and whether the whole file was
    set aside (unreadable, not TOML, a section that is not a [table]), in which case a running
    kiosk keeps its last good config instead of these defaults."""

    config: Config
    problems: tuple[Problem, ...] = ()
    rejection: Problem | None = None


def _rejected(path: Path, problem: Problem) -> ConfigRead:
    defaulted = replace(problem, message=f"{problem.message}; every setting uses its default")
    return ConfigRead(Config(source=path), (defaulted,), problem)


# What a folder setting falls back to when it cannot be used, and whether the kiosk writes there.
FOLDER_SETTINGS = (
    ("content", "folder", "the bundled content", False),
    ("logging", "folder", "the platform's log folder", True),
    ("state", "folder", "the platform's state folder", True),
)


def _folder_problem(configured: str, relative_to: Path, writable: bool) -> str | None:
    try:
        folder = expand(configured, relative_to)
    except FolderError as problem:
        return str(problem)
    if writable:
        return writable_problem(folder)
    return "is not a folder" if folder.exists() and not folder.is_dir() else None


def _checked_folders(
    path: Path, config: Config, lines: KeyLines, problems: list[Problem]
) -> Config:
    """Folders that cannot be used fall back (see FOLDER_SETTINGS), named with their line."""
    for table_name, key, fallback, writable in FOLDER_SETTINGS:
        table = getattr(config, table_name)
        configured: str = getattr(table, key)
        reason = _folder_problem(configured, path.parent, writable) if configured else None
        if reason:
            problems.append(
                Problem(
                    path,
                    lines.get((table_name, key)),
                    f"'{table_name}.{key}' = {configured!r} {reason}; using {fallback}",
                )
            )
            config = replace(config, **{table_name: replace(table, **{key: ""})})
    return config


def read_config_text(path: Path, text: str) -> ConfigRead:
    problems: list[Problem] = []
    document, problem = parse_toml(path, text)
    if document is None:
        assert problem is not None
        return _rejected(path, problem)
    lines = _key_lines(text)
    tables: dict[str, Any] = {}
    for table_name, table in document.items():
        settings_type = TABLES.get(table_name)
        if settings_type is None:
            known = ", ".join(f"[{name}]" for name in TABLES)
            problems.append(
                Problem(
                    path,
                    lines.get((table_name,)),
                    f"unknown table [{table_name}] (known: {known})",
                    Severity.WARNING,
                )
            )
            continue
        if not isinstance(table, dict):
            return _rejected(
                path, Problem(path, lines.get((table_name,)), f"'{table_name}' must be a [table]")
            )
        tables[table_name] = _parse_table(path, table_name, settings_type, table, lines, problems)
    config = _checked_folders(path, Config(source=path, **tables), lines, problems)
    return ConfigRead(config, tuple(problems))


def parse_config(path: Path, text: str) -> tuple[Config, list[Problem]]:
    read = read_config_text(path, text)
    return read.config, list(read.problems)


def _parse_table(
    path: Path,
    table_name: str,
    settings_type: type,
    table: dict[str, Any],
    lines: KeyLines,
    problems: list[Problem],
) -> Any:
    hints = get_type_hints(settings_type)
    known = {spec.name: spec for spec in fields(settings_type)}
    values: dict[str, Scalar] = {}
    for key, value in table.items():
        line = lines.get((table_name, key))
        spec = known.get(key)
        name = f"{table_name}.{key}"
        if spec is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"unknown key '{name}' (known: {', '.join(known)})",
                    Severity.WARNING,
                )
            )
            continue
        reason = _check_value(name, hints[key], value, spec.metadata)
        if reason:
            problems.append(Problem(path, line, f"{reason}; using the default {spec.default!r}"))
            continue
        values[key] = value
    return replace(settings_type(), **values)


def read_config(path: Path | None) -> ConfigRead:
    """The config file (only a regular file, at most MAX_TOML_CHARS), or every default."""
    if path is None:
        return ConfigRead(Config())
    text, problem = read_text(path, MAX_TOML_CHARS)
    if text is None:
        assert problem is not None
        return _rejected(path, problem)
    return read_config_text(path, text)


def load_config(path: Path | None) -> tuple[Config, list[Problem]]:
    read = read_config(path)
    return read.config, list(read.problems)


def changed_settings(old: Config, new: Config) -> list[str]:
    """The dotted names of the settings that differ (names only: a PIN hash is never logged)."""
    return [
        f"{table_name}.{spec.name}"
        for table_name, settings_type in TABLES.items()
        for spec in fields(settings_type)
        if getattr(getattr(old, table_name), spec.name)
        != getattr(getattr(new, table_name), spec.name)
    ]


def _toml_value(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _allowed(metadata: Any, default: Scalar) -> str:
    if metadata["minimum"] is not None:
        return f"{metadata['minimum']}-{metadata['maximum']}"
    if metadata["choices"]:
        return ", ".join(metadata["choices"])
    if isinstance(default, bool):
        return "true or false"
    return "text"


def example_config() -> str:
    """Every key with its meaning, default and bounds: packaging/kiosk.example.toml is this text."""
    lines = [
        "# Clinic kiosk configuration (TOML). Every key is optional: a missing key uses its default,",
        "# a wrong value uses its default and is reported in the log, by `kiosk check --config FILE`",
        "# and on the staff Status screen. Looked up in this order: --config PATH, $KIOSK_CONFIG,",
        "# /etc/clinic-kiosk/kiosk.toml, then the user's config folder.",
    ]
    for table_name, settings_type in TABLES.items():
        lines += ["", f"[{table_name}]"]
        defaults = settings_type()
        for spec in fields(settings_type):
            default: Scalar = getattr(defaults, spec.name)
            lines.append(f"# {spec.metadata['doc']}")
            lines.append(
                f"# Default {_toml_value(default)}; allowed: {_allowed(spec.metadata, default)}."
            )
            lines.append(f"{spec.name} = {_toml_value(default)}")
    return "\n".join(lines) + "\n"
