"""Everything the kiosk shows, read from one content folder: article sections and clinic details."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.contact import ClinicDetails, load_clinic
from kiosk.content import ContentLoad, load_content
from kiosk.illustration_keys import ILLUSTRATION_KEYS
from kiosk.problems import Problem

CLINIC_FILE = "clinic.toml"


@dataclass(frozen=True)
class KioskContent:
    folder: Path
    language: str
    article: ContentLoad
    clinic: ClinicDetails
    clinic_problems: tuple[Problem, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.article.problems + self.clinic_problems


def load_kiosk_content(
    folder: Path, language: str, illustration_keys: Iterable[str] = ILLUSTRATION_KEYS
) -> KioskContent:
    article = load_content(folder / language, illustration_keys)
    clinic, clinic_problems = load_clinic(folder / CLINIC_FILE)
    return KioskContent(folder, language, article, clinic, tuple(clinic_problems))
