"""Everything the kiosk shows, read from one content folder: article sections and clinic details."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import Config, find_config_file, load_config
from kiosk.contact import ClinicDetails, load_clinic
from kiosk.content import ContentLoad, load_content
from kiosk.illustration_keys import ILLUSTRATION_KEYS
from kiosk.paths import bundled_content_dir
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


def content_fingerprint(folder: Path, language: str) -> str:
    """A short hash of every file the kiosk reads from the content folder: its content version."""
    digest = hashlib.sha256()
    files = [folder / CLINIC_FILE, *sorted((folder / language).glob("*"))]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"<unreadable>")
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class Loaded:
    """One consistent read of the config and the content it points to."""

    config: Config
    config_problems: tuple[Problem, ...]
    content: KioskContent
    fingerprint: str

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.config_problems + self.content.problems


def load_everything(content_override: Path | None, config_path: Path | None) -> Loaded:
    config, config_problems = load_config(find_config_file(config_path))
    folder = (
        content_override
        if content_override is not None
        else config.content_folder(bundled_content_dir())
    )
    content = load_kiosk_content(folder, config.content.language)
    return Loaded(
        config,
        tuple(config_problems),
        content,
        content_fingerprint(folder, config.content.language),
    )
