"""The README's "For the next engineer" extension paths, each checked here or where named: what
a new language or a new screen still lacks is said by name. (A new picture:
tests/test_illustration_specs.py and test_illustrations.py; a new config key:
test_health.py's example-config test.)"""

from __future__ import annotations

from pathlib import Path

from kiosk import illustration_text, ui_text
from kiosk.navigation import Page

CONTENT = Path(__file__).resolve().parent.parent / "content"


def content_languages() -> list[str]:
    return sorted(path.name for path in CONTENT.iterdir() if path.is_dir())


def test_every_content_language_has_the_kiosks_words_and_the_pictures_words() -> None:
    missing = []
    for language in content_languages():
        if language not in ui_text.CATALOG:
            missing.append(f"content/{language}/ has no entry in kiosk/ui_text.py CATALOG")
        if language not in illustration_text.CATALOG:
            missing.append(
                f"content/{language}/ has no entry in kiosk/illustration_text.py CATALOG"
            )
        else:
            untranslated = illustration_text.untranslated_illustration_text(language)
            if untranslated:
                missing.append(f"{language}: untranslated picture words {untranslated}")
        untranslated_ui = ui_text.untranslated_fields(language)
        if untranslated_ui:
            missing.append(f"{language}: untranslated kiosk words {untranslated_ui}")
    assert not missing, "; ".join(missing)


def test_every_language_has_the_same_sections() -> None:
    english = sorted(path.name for path in (CONTENT / "en").glob("*.md"))
    for language in content_languages():
        names = sorted(path.name for path in (CONTENT / language).glob("*.md"))
        assert names == english, f"content/{language}/ differs from content/en/"


def test_every_page_has_a_screen_in_the_window(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk().window
    for page in Page:
        screen = window.screen_for(page)
        assert window.stack.indexOf(screen) >= 0, (
            f"{page}: KioskWindow.screen_for's screen is not in the stack"
        )
