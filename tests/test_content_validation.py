"""Each way a content file can be wrong yields a message naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import SUMMARY_MAX_CHARS, load_content, markdown_to_html, parse_section

GOOD_FRONT = "---\ntitle: A title\nsummary: A short summary.\norder: 1\n---\n"
PATH = Path("content/en/01-test.md")


def problems_for(text: str | bytes, keys: frozenset[str] = frozenset({"synapse"})) -> list[str]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    section, problems = parse_section(PATH, data, keys)
    assert (section is None) == bool(problems)
    return [str(problem) for problem in problems]


def test_a_good_file_becomes_a_section() -> None:
    section, problems = parse_section(
        PATH, (GOOD_FRONT + "\nHello *there*.\n").encode(), frozenset()
    )
    assert problems == []
    assert section is not None
    assert (section.slug, section.title, section.order) == ("test", "A title", 1)
    assert "<em>there</em>" in section.html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nsummary: s\norder: 1\n---\nBody", "01-test.md:1: error: 'title' is missing"),
        (
            "---\ntitle:   \nsummary: s\norder: 1\n---\nBody",
            "01-test.md:2: error: 'title' is empty",
        ),
        (
            f"---\ntitle: t\nsummary: {'x' * (SUMMARY_MAX_CHARS + 1)}\norder: 1\n---\nBody",
            f"01-test.md:3: error: 'summary' is {SUMMARY_MAX_CHARS + 1} characters",
        ),
        (
            "---\ntitle: t\nsummary: s\norder: first\n---\nBody",
            "01-test.md:4: error: 'order' must be a whole number",
        ),
        (
            "---\ntitle: t\nsumary: s\norder: 1\n---\nBody",
            "01-test.md:3: error: unknown front-matter key 'sumary'",
        ),
        (
            "---\ntitle: t\nsummary: s\norder: 1\nillustration: brain\n---\nBody",
            "01-test.md:5: error: unknown illustration 'brain' (known: synapse)",
        ),
        (
            "---\ntitle: t\nsummary: s\norder: 1\n---\n\n  \n",
            "01-test.md:6: error: the section has no text",
        ),
        ("title: t\n\nBody", "01-test.md:1: error: must start with a front-matter block"),
        ("---\ntitle: t\nsummary: s\n", "01-test.md:1: error: front-matter block is never closed"),
        (
            "---\ntitle t\nsummary: s\norder: 1\n---\nBody",
            "01-test.md:2: error: front-matter line is not 'key: value'",
        ),
        (
            "---\ntitle: t\ntitle: u\nsummary: s\norder: 1\n---\nB",
            "01-test.md:3: error: front-matter key 'title' is given twice",
        ),
    ],
)
def test_each_problem_is_named_with_file_and_line(text: str, expected: str) -> None:
    found = problems_for(text)
    assert any(expected in problem for problem in found), found


def test_non_utf8_bytes_are_reported_with_their_line() -> None:
    found = problems_for(GOOD_FRONT.encode() + b"\nline one\ncaf\xe9\n")
    assert found == ["content/en/01-test.md:8: error: is not UTF-8 text (byte 0xe9)"]


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_duplicate_order_keeps_the_first_file_and_reports_the_second(tmp_path: Path) -> None:
    (tmp_path / "article.toml").write_text('title = "T"\n')
    write(tmp_path, "01-a.md", GOOD_FRONT + "A")
    write(tmp_path, "02-b.md", GOOD_FRONT + "B")
    loaded = load_content(tmp_path, frozenset())
    assert [section.slug for section in loaded.sections] == ["a"]
    assert any(
        "'order: 1' is also used by 01-a.md" in str(p) and "02-b.md" in str(p)
        for p in loaded.problems
    )


def test_a_bad_file_is_skipped_and_the_good_ones_still_show(tmp_path: Path) -> None:
    (tmp_path / "article.toml").write_text('title = "T"\n')
    write(tmp_path, "01-good.md", GOOD_FRONT + "Good")
    write(tmp_path, "02-bad.md", "no front matter")
    loaded = load_content(tmp_path, frozenset())
    assert [section.slug for section in loaded.sections] == ["good"]
    assert len(loaded.problems) == 1


def test_no_sections_at_all_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "article.toml").write_text('title = "T"\n')
    loaded = load_content(tmp_path, frozenset())
    assert loaded.sections == ()
    assert any("no valid sections" in str(problem) for problem in loaded.problems)


def test_a_missing_folder_or_article_title_is_a_problem(tmp_path: Path) -> None:
    assert "content folder does not exist" in str(
        load_content(tmp_path / "nope", frozenset()).problems[0]
    )
    write(tmp_path, "01-a.md", GOOD_FRONT + "A")
    assert any(
        "article.toml: error: cannot be read" in str(p)
        for p in load_content(tmp_path, frozenset()).problems
    )


def test_links_and_images_become_plain_text_and_raw_html_is_shown_as_text() -> None:
    rendered = markdown_to_html(
        "See [our site](https://example.org) or <https://example.org/x>.\n\n"
        "![a brain](file:///etc/passwd)\n\n<a href='https://evil.example'>click</a>"
    )
    assert "<a" not in rendered
    assert 'href="' not in rendered
    assert "<img" not in rendered
    assert "our site" in rendered
    assert "a brain" in rendered
    assert "&lt;a href=" in rendered
