"""Article sections from content/<lang>/*.md: front matter, validation, Markdown → HTML.

Qt-free so that it can be tested on plain strings and used by `kiosk check` without a display.
A file with an error is skipped; the problems say which file, which line and what is wrong.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.illustration_specs import ILLUSTRATION_KEYS
from kiosk.problems import Problem
from kiosk.textfile import (
    BYTES_PER_CHAR,
    MAX_MARKDOWN_CHARS,
    MAX_TOML_CHARS,
    UnreadableFileError,
    decode_utf8,
    editor_lines,
    parse_toml,
    read_capped,
    read_text,
    too_big,
)

FRONT_MATTER_FENCE = "---"
REQUIRED_KEYS = ("title", "summary", "order")
# `reviewed: false` marks a translation no clinician has signed off yet (listed on the staff Status).
OPTIONAL_KEYS = ("illustration", "contact", "reviewed")
KNOWN_KEYS = frozenset(REQUIRED_KEYS + OPTIONAL_KEYS)
# A home tile shows the summary on at most two lines at the smallest supported screen.
SUMMARY_MAX_CHARS = 90
# Real sections have none or a handful (links); thousands are not prose.
MAX_BRACKETS = 500
TITLE_MAX_CHARS = 80
TRUE_WORDS = frozenset({"true", "yes"})
FALSE_WORDS = frozenset({"false", "no"})


@dataclass(frozen=True)
class Section:
    slug: str
    source: Path
    title: str
    summary: str
    order: int
    illustration: str | None
    html: str
    # The section whose closing words also appear on the Contact screen.
    is_contact: bool
    # HTML of the part after the section's first sub-heading (used by the Contact screen).
    closing_html: str
    # False for a translation that no clinician has signed off yet.
    reviewed: bool = True


@dataclass(frozen=True)
class ContentLoad:
    title: str
    sections: tuple[Section, ...]
    problems: tuple[Problem, ...]

    @property
    def contact_section(self) -> Section | None:
        return next((section for section in self.sections if section.is_contact), None)


class _TextOnlyLinks(Treeprocessor):
    """Links and images become plain text: nothing on a kiosk may open a browser or a file."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                element.tag = "span"
                element.attrib.clear()
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt


class _KioskMarkdown(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML in a content file is shown as text, so it cannot smuggle in a link or script.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_TextOnlyLinks(md), "kiosk_text_only_links", 0)


def markdown_to_html(text: str) -> str:
    return markdown.markdown(text, extensions=[_KioskMarkdown()], output_format="html")


@dataclass(frozen=True)
class _FrontMatter:
    values: dict[str, str]
    lines: dict[str, int]
    body: str
    body_line: int


def _split_front_matter(path: Path, text: str, problems: list[Problem]) -> _FrontMatter | None:
    lines = editor_lines(text)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        problems.append(
            Problem(path, 1, f"must start with a front-matter block ('{FRONT_MATTER_FENCE}' line)")
        )
        return None
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        problems.append(
            Problem(path, 1, f"front-matter block is never closed with '{FRONT_MATTER_FENCE}'")
        )
        return None
    values: dict[str, str] = {}
    key_lines: dict[str, int] = {}
    for index in range(1, closing):
        line_number = index + 1
        raw = lines[index]
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, colon, value = raw.partition(":")
        key = key.strip()
        if not colon or not key:
            problems.append(
                Problem(
                    path, line_number, f"front-matter line is not 'key: value': {raw.strip()!r}"
                )
            )
            continue
        if key in key_lines:
            problems.append(Problem(path, line_number, f"front-matter key '{key}' is given twice"))
            continue
        values[key] = _unquote(value.strip())
        key_lines[key] = line_number
    return _FrontMatter(values, key_lines, "\n".join(lines[closing + 1 :]), closing + 2)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _slug(path: Path) -> str:
    return re.sub(r"^\d+[-_ ]*", "", path.stem) or path.stem


def _closing_html(body: str) -> str:
    """The part of a section from its first '## ' sub-heading on."""
    match = re.search(r"^## ", body, flags=re.MULTILINE)
    return markdown_to_html(body[match.start() :]) if match else ""


def parse_section(
    path: Path, data: bytes, illustration_keys: Iterable[str] = ILLUSTRATION_KEYS
) -> tuple[Section | None, list[Problem]]:
    """One content file → a Section, or None and the reasons it cannot be shown."""
    text, problem = decode_utf8(path, data)
    if text is None:
        assert problem is not None
        return None, [problem]
    problems: list[Problem] = []
    oversized = too_big(path, text, MAX_MARKDOWN_CHARS)
    if oversized is not None:
        return None, [oversized]
    front = _split_front_matter(path, text, problems)
    if front is None:
        return None, problems
    first_line = 1
    for key, line in front.lines.items():
        if key not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            problems.append(
                Problem(path, line, f"unknown front-matter key '{key}' (known keys: {known})")
            )
    for key in REQUIRED_KEYS:
        if not front.values.get(key, "").strip():
            where = front.lines.get(key, first_line)
            state = "is empty" if key in front.values else "is missing"
            problems.append(Problem(path, where, f"'{key}' {state}"))
    title = front.values.get("title", "").strip()
    if len(title) > TITLE_MAX_CHARS:
        problems.append(
            Problem(
                path,
                front.lines["title"],
                f"'title' is {len(title)} characters; at most {TITLE_MAX_CHARS} fit on a tile",
            )
        )
    summary = front.values.get("summary", "").strip()
    if len(summary) > SUMMARY_MAX_CHARS:
        problems.append(
            Problem(
                path,
                front.lines["summary"],
                f"'summary' is {len(summary)} characters; at most {SUMMARY_MAX_CHARS} fit on a tile",
            )
        )
    order = 0
    order_text = front.values.get("order", "").strip()
    if order_text:
        try:
            order = int(order_text)
        except ValueError:
            problems.append(
                Problem(
                    path,
                    front.lines["order"],
                    f"'order' must be a whole number, not {order_text!r}",
                )
            )
    illustration = front.values.get("illustration", "").strip() or None
    known_illustrations = frozenset(illustration_keys)
    if illustration is not None and illustration not in known_illustrations:
        known = ", ".join(sorted(known_illustrations)) or "none"
        problems.append(
            Problem(
                path,
                front.lines["illustration"],
                f"unknown illustration '{illustration}' (known: {known})",
            )
        )
    is_contact = _flag(path, front, "contact", default=False, problems=problems)
    reviewed = _flag(path, front, "reviewed", default=True, problems=problems)
    if not front.body.strip():
        problems.append(
            Problem(path, front.body_line, "the section has no text after its front matter")
        )
    brackets = front.body.count("[")
    if brackets > MAX_BRACKETS:
        # Python-Markdown's link pattern takes seconds on long runs of '[' (tests/test_fuzz.py).
        problems.append(
            Problem(
                path,
                front.body_line,
                f"has {brackets} '[' characters; at most {MAX_BRACKETS} are allowed",
            )
        )
    if problems:
        return None, problems
    try:
        html = markdown_to_html(front.body)
        closing_html = _closing_html(front.body) if is_contact else ""
    except RecursionError:
        return None, [
            Problem(path, front.body_line, "its lists or quotes are nested too deeply to show")
        ]
    section = Section(
        slug=_slug(path),
        source=path,
        title=title,
        summary=summary,
        order=order,
        illustration=illustration,
        html=html,
        is_contact=is_contact,
        closing_html=closing_html,
        reviewed=reviewed,
    )
    return section, problems


def _flag(
    path: Path, front: _FrontMatter, key: str, *, default: bool, problems: list[Problem]
) -> bool:
    text = front.values.get(key, "").strip().lower()
    if not text:
        return default
    if text in TRUE_WORDS or text in FALSE_WORDS:
        return text in TRUE_WORDS
    problems.append(Problem(path, front.lines[key], f"'{key}' must be true or false, not {text!r}"))
    return default


ARTICLE_FILE = "article.toml"


def load_article_title(folder: Path, problems: list[Problem]) -> str:
    path = folder / ARTICLE_FILE
    text, problem = read_text(path, MAX_TOML_CHARS)
    if text is None:
        assert problem is not None
        problems.append(problem)
        return ""
    document, problem = parse_toml(path, text)
    if document is None:
        assert problem is not None
        problems.append(problem)
        return ""
    title = document.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(path, None, "'title' (the article's title) is missing or empty"))
        return ""
    return title.strip()


def load_content(folder: Path, illustration_keys: Iterable[str] = ILLUSTRATION_KEYS) -> ContentLoad:
    """The article in one language folder: its title, every valid section in reading order,
    and every problem found on the way."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return ContentLoad("", (), (Problem(folder, None, "content folder does not exist"),))
    title = load_article_title(folder, problems)
    keys = frozenset(illustration_keys)
    sections: list[Section] = []
    for path in sorted(folder.glob("*.md")):
        try:
            data = read_capped(path, MAX_MARKDOWN_CHARS * BYTES_PER_CHAR)
        except UnreadableFileError as reason:
            problems.append(Problem(path, None, str(reason)))
            continue
        section, found = parse_section(path, data, keys)
        problems.extend(found)
        if section is not None:
            sections.append(section)
    sections = _drop_duplicates(sections, problems)
    if not sections:
        problems.append(
            Problem(
                folder, None, "no valid sections: the kiosk shows 'This screen is being updated'"
            )
        )
    sections.sort(key=lambda section: (section.order, section.source.name))
    return ContentLoad(title, tuple(sections), tuple(problems))


def _drop_duplicates(sections: list[Section], problems: list[Problem]) -> list[Section]:
    """Keep the first file (by name) for each order number and slug; report the rest."""
    kept: list[Section] = []
    by_order: dict[int, Section] = {}
    by_slug: dict[str, Section] = {}
    for section in sorted(sections, key=lambda s: s.source.name):
        earlier = by_order.get(section.order)
        if earlier is not None:
            problems.append(
                Problem(
                    section.source,
                    None,
                    f"'order: {section.order}' is also used by {earlier.source.name}; this file is skipped",
                )
            )
            continue
        same_slug = by_slug.get(section.slug)
        if same_slug is not None:
            problems.append(
                Problem(
                    section.source,
                    None,
                    f"section name '{section.slug}' is also used by {same_slug.source.name}; this file is skipped",
                )
            )
            continue
        by_order[section.order] = section
        by_slug[section.slug] = section
        kept.append(section)
    return kept
