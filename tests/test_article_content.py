"""The clinic's article reaches the screen word for word, and nothing else is added to it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from kiosk.content import load_content
from kiosk.illustration_specs import ILLUSTRATION_KEYS

SEED = Path(__file__).parent / "data" / "article-seed.txt"
CONTENT = Path(__file__).parent.parent / "content" / "en"

# Web-page leftovers in the copied blog post that are not content (DESIGN.md): the title printed
# twice by the page template, the "Related" link, the logo's alt text, and the e-mail address the
# page obfuscated — the clinic has not given one, so it is never shown or invented.
NOT_CONTENT = (
    "RelatedWhat Are the Best Treatment Options for Depression?",
    "Beautiful Mind",
)
OBFUSCATED_EMAIL = " or [email protected]"


def normalise(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def seed_paragraphs() -> list[str]:
    lines = [normalise(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    paragraphs = [line for line in lines if line and line not in NOT_CONTENT]
    title = paragraphs.pop(0)
    assert paragraphs[0] == title  # printed twice by the page; shown once as the article title
    return [paragraph.replace(OBFUSCATED_EMAIL, "") for paragraph in paragraphs]


def screen_text() -> str:
    article = load_content(CONTENT, ILLUSTRATION_KEYS)
    assert not article.problems
    parts = [article.title]
    for section in article.sections:
        parts.append(section.title)
        parts.append(html.unescape(re.sub(r"<[^>]+>", "\n", section.html)))
    return "\n".join(normalise(part) for part in "\n".join(parts).split("\n"))


def test_every_paragraph_of_the_article_reaches_the_screen_word_for_word() -> None:
    shown = screen_text()
    missing = [paragraph for paragraph in seed_paragraphs() if paragraph not in shown]
    assert missing == []


def test_the_article_has_its_five_sections_in_the_articles_order() -> None:
    article = load_content(CONTENT, ILLUSTRATION_KEYS)
    assert [section.title for section in article.sections] == [
        "Introduction",
        "The Mechanism: How Antidepressants Alleviate Pain",
        "Specific Conditions: Efficacy in Low Back Pain and Arthritis",
        "Holistic Considerations in Chronic Pain Treatment",
        "Looking for Expert Help?",
    ]
    assert article.title == "Antidepressants for Chronic Pain: Do They Really Help?"


def test_the_closing_words_feed_the_contact_screen() -> None:
    article = load_content(CONTENT, ILLUSTRATION_KEYS)
    contact = article.contact_section
    assert contact is not None and contact is article.sections[-1]
    assert "Take the First Step Towards a Healthier, Happier You!" in contact.closing_html
    assert "Connect With Compassion" in contact.closing_html
    assert "The path to alleviating" not in contact.closing_html


def test_no_obfuscated_or_invented_email_reaches_the_screen() -> None:
    shown = screen_text()
    assert "protected" not in shown
    assert "@" not in shown
