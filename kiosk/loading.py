"""Everything the kiosk shows, read from one content folder: article sections and clinic details."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.config import Config, ConfigRead, changed_settings, find_config_file, read_config
from kiosk.contact import ClinicDetails, load_clinic
from kiosk.content import ARTICLE_FILE, ContentLoad, load_content
from kiosk.illustration_specs import ILLUSTRATION_KEYS
from kiosk.illustration_text import untranslated_illustration_text
from kiosk.paths import bundled_content_dir
from kiosk.problems import Problem
from kiosk.textfile import BYTES_PER_CHAR, MAX_MARKDOWN_CHARS, UnreadableFileError, read_capped
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


def language_folders(folder: Path) -> list[str]:
    """Every language folder (one holding article.toml or sections), by name."""
    if not folder.is_dir():
        return []
    return sorted(
        child.name
        for child in folder.iterdir()
        if child.is_dir() and ((child / ARTICLE_FILE).exists() or any(child.glob("*.md")))
    )


def choose_language(folder: Path, found: list[str], configured: str) -> tuple[str, Problem | None]:
    """The configured language, matched without regard to case ("EN" is en); one that has no
    folder falls back to the first language there is, with a problem that says so."""
    match = next((name for name in found if name.casefold() == configured.casefold()), None)
    if match is not None or not found:
        return match or configured, None
    return found[0], Problem(
        folder,
        None,
        f"'content.language' = {configured!r} has no folder here (found: {', '.join(found)}); "
        f"showing '{found[0]}'",
    )


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
    found = language_folders(folder)
    language, language_problem = choose_language(folder, found, language)
    articles = {
        name: load_content(folder / name, keys)
        for name in [language, *(other for other in found if other != language)]
    }
    clinic, clinic_problems = load_clinic(folder / CLINIC_FILE)
    return KioskContent(
        folder,
        language,
        articles,
        clinic,
        tuple(clinic_problems),
        (
            *((language_problem,) if language_problem else ()),
            *translation_problems(folder, articles, language),
        ),
    )


def content_files(folder: Path) -> dict[str, str]:
    """Every file the kiosk reads from the content folder, by its name there, with a short hash
    of its bytes (or why it cannot be read): what a content update changed."""
    files: dict[str, str] = {}
    for path in [folder / CLINIC_FILE, *sorted(folder.glob("*/*"))]:
        if path.is_dir() or not (path.exists() or path.is_symlink()):
            continue
        name = str(path.relative_to(folder))
        try:
            data = read_capped(path, MAX_MARKDOWN_CHARS * BYTES_PER_CHAR)
        except UnreadableFileError as reason:
            files[name] = f"<{reason}>"
            continue
        files[name] = hashlib.sha256(data).hexdigest()[:12]
    return files


def fingerprint(files: dict[str, str]) -> str:
    """A short hash of every file's name and bytes: the content's version."""
    digest = hashlib.sha256()
    for name, file_hash in sorted(files.items()):
        digest.update(f"{name}\0{file_hash}\0".encode())
    return digest.hexdigest()[:12]


def changed_files(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """Names of the files added, removed or changed between two reads of a content folder."""
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


@dataclass(frozen=True)
class Loaded:
    """One consistent read of the config and the content it points to."""

    config: Config
    config_problems: tuple[Problem, ...]
    content: KioskContent
    files: dict[str, str]
    # Set when the config file was set aside whole (see ConfigRead.rejection).
    config_rejection: Problem | None = None
    content_override: Path | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.files)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.config_problems + self.content.problems


def _load(read: ConfigRead, content_override: Path | None) -> Loaded:
    config = read.config
    folder = (
        content_override
        if content_override is not None
        else config.content_folder(bundled_content_dir())
    )
    return Loaded(
        config,
        read.problems,
        load_kiosk_content(folder, config.content.language),
        content_files(folder),
        read.rejection,
        content_override,
    )


def load_everything(content_override: Path | None, config_path: Path | None) -> Loaded:
    return _load(read_config(find_config_file(config_path)), content_override)


def keeping_config(fresh: Loaded, last_good: Config) -> Loaded:
    """`fresh`, whose config file was rejected, re-read with the last good config instead:
    the rejection stays the one config problem reported."""
    assert fresh.config_rejection is not None
    rejection = replace(
        fresh.config_rejection,
        message=f"{fresh.config_rejection.message}; the kiosk keeps its last good config",
    )
    read = ConfigRead(last_good, (rejection,), fresh.config_rejection)
    return _load(read, fresh.content_override)


def bundled_defaults() -> Loaded:
    """Every default and the bundled content: what the kiosk falls back to after it failed the
    same way several starts in a row."""
    return _load(ConfigRead(Config()), None)


def update_changes(old: Loaded, new: Loaded) -> list[str]:
    """What differs between two reads, by name: the content folder, files in it, settings."""
    changes = [] if old.content.folder == new.content.folder else [f"folder {new.content.folder}"]
    changes += changed_files(old.files, new.files)
    changes += changed_settings(old.config, new.config)
    return changes
