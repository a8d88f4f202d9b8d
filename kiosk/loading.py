"""Everything the kiosk shows, read from one content folder: article sections and clinic details."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.config import Config, find_config_file, load_config
from kiosk.contact import ClinicDetails, load_clinic
from kiosk.content import ARTICLE_FILE, ContentLoad, load_content
from kiosk.illustration_specs import ILLUSTRATION_KEYS
from kiosk.illustration_text import untranslated_illustration_text
from kiosk.paths import bundled_content_dir
from kiosk.problems import Problem
from kiosk.ui_text import CATALOG, untranslated_fields

CLINIC_FILE = "clinic.toml"


@dataclass(frozen=True)
class KioskContent:
    folder: Path
    # The language shown at the start of each session; `articles` has it first.
    language: str
    articles: dict[str, ContentLoad]
    clinic: ClinicDetails
    clinic_problems: tuple[Problem, ...]
    translation_problems: tuple[Problem, ...] = ()

    @property
    def article(self) -> ContentLoad:
        return self.articles.get(self.language) or ContentLoad("", (), ())

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages a patient can switch to: those with something to show."""
        return tuple(language for language, article in self.articles.items() if article.sections)

    def in_language(self, language: str) -> KioskContent:
        return replace(self, language=language)

    @property
    def problems(self) -> tuple[Problem, ...]:
        found = [problem for article in self.articles.values() for problem in article.problems]
        return (*found, *self.clinic_problems, *self.translation_problems)

    @property
    def unreviewed(self) -> tuple[str, ...]:
        """Translated sections no clinician has signed off yet, as language/file."""
        return tuple(
            f"{language}/{section.source.name}"
            for language, article in self.articles.items()
            for section in article.sections
            if not section.reviewed
        )


def language_folders(folder: Path, default: str) -> list[str]:
    """Every language folder (one holding article.toml or sections), the default first."""
    found = (
        sorted(
            child.name
            for child in folder.iterdir()
            if child.is_dir() and ((child / ARTICLE_FILE).exists() or any(child.glob("*.md")))
        )
        if folder.is_dir()
        else []
    )
    return [default, *(language for language in found if language != default)]


def translation_problems(
    folder: Path, articles: dict[str, ContentLoad], default: str
) -> list[Problem]:
    """Every language must offer the same sections, in the same order, with the same pictures,
    and the kiosk's own words in that language."""
    problems: list[Problem] = []
    reference = {section.slug: section for section in articles[default].sections}
    for language, article in articles.items():
        if language not in CATALOG:
            problems.append(
                Problem(
                    folder / language,
                    None,
                    f"the kiosk has no interface text in '{language}' (kiosk/ui_text.py)",
                )
            )
        for field_name in untranslated_fields(language):
            problems.append(
                Problem(
                    folder / language,
                    None,
                    f"interface text '{field_name}' is not translated into '{language}'",
                )
            )
        for name in untranslated_illustration_text(language):
            problems.append(
                Problem(
                    folder / language,
                    None,
                    f"picture text '{name}' is not translated into '{language}'",
                )
            )
        if language == default:
            continue
        sections = {section.slug: section for section in article.sections}
        for slug, original in reference.items():
            translated = sections.get(slug)
            where = folder / language
            if translated is None:
                problems.append(
                    Problem(
                        where,
                        None,
                        f"lacks the section '{slug}' ({default}/{original.source.name})",
                    )
                )
            elif (
                translated.order != original.order
                or translated.illustration != original.illustration
            ):
                problems.append(
                    Problem(
                        translated.source,
                        None,
                        f"order or illustration differs from {default}/{original.source.name}",
                    )
                )
        for slug, extra in sections.items():
            if slug not in reference:
                problems.append(
                    Problem(extra.source, None, f"has no matching section in {default}/")
                )
    return problems


def load_kiosk_content(
    folder: Path, language: str, illustration_keys: Iterable[str] = ILLUSTRATION_KEYS
) -> KioskContent:
    keys = frozenset(illustration_keys)
    articles = {
        name: load_content(folder / name, keys) for name in language_folders(folder, language)
    }
    clinic, clinic_problems = load_clinic(folder / CLINIC_FILE)
    return KioskContent(
        folder,
        language,
        articles,
        clinic,
        tuple(clinic_problems),
        tuple(translation_problems(folder, articles, language)),
    )


def content_fingerprint(folder: Path) -> str:
    """A short hash of every file the kiosk reads from the content folder: its content version."""
    digest = hashlib.sha256()
    files = [folder / CLINIC_FILE, *sorted(folder.glob("*/*"))]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
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
        content_fingerprint(folder),
    )
