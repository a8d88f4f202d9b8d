"""A problem found in a content, clinic or config file, located for the person who must fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    source: Path
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else str(self.source)
        return f"{where}: {self.severity.value}: {self.message}"


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity is Severity.ERROR for problem in problems)


def toml_error_line(message: str) -> int | None:
    """tomllib reports positions only inside its message: '... (at line 3, column 7)'."""
    marker = "at line "
    start = message.rfind(marker)
    if start < 0:
        return None
    digits = ""
    for char in message[start + len(marker) :]:
        if not char.isdigit():
            break
        digits += char
    return int(digits) if digits else None
