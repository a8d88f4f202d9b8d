"""The Contact screen as a phone sees it: QR codes decoded from screenshots of the whole window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import segno
import zxingcpp
from helpers.layout import layout_problems
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from test_vcard import components, text_value, vcard_properties

from kiosk.contact import ClinicDetails, international_phone, load_clinic, vcard
from kiosk.theme import TEXT_SIZE_STEPS, Metrics
from kiosk.ui.widgets.qr_view import QUIET_ZONE_MODULES, QrView

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
BLACK = 0
WHITE = 255

WEBSITE_CLINIC = """\
[clinic]
name = "Clínica Señora, PLLC; Back\\\\slash Care"
phone = "(336) 438-2525"
email = "front.desk@example.org"
website = "https://www.example.org/contact"
address = \"\"\"1234 Example Blvd, Suite 200
Greensboro, NC 27401\"\"\"
"""

# A v8 vCard and a v1 web code: too wide side by side across a 1080 px portrait screen.
WIDE_PAIR_CLINIC = """\
[clinic]
name = "Ada Clinic"
phone = "(336) 438-2525"
website = "https://ab.org"
"""

NO_CONTACT_CLINIC = """\
[clinic]
name = "Beautiful Mind Behavioral Health Services, PLLC"
phone = ""
"""


@dataclass(frozen=True)
class Gray:
    """A screenshot as 8-bit gray rows, the form zxing-cpp reads without numpy."""

    pixels: bytes
    width: int
    height: int

    @classmethod
    def of(cls, image: QImage) -> Gray:
        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
        width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
        raw = bytes(gray.constBits())
        pixels = b"".join(raw[y * stride : y * stride + width] for y in range(height))
        return cls(pixels, width, height)

    def decode(self) -> list[Any]:
        view = memoryview(self.pixels).cast("B", (self.height, self.width))
        return list(
            zxingcpp.read_barcodes(
                view, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
            )
        )

    def values(self, rect: QRect) -> set[int]:
        found: set[int] = set()
        for y in range(rect.top(), rect.bottom() + 1):
            start = y * self.width
            found.update(self.pixels[start + rect.left() : start + rect.right() + 1])
        return found

    def dark_bounds(self, rect: QRect) -> QRect:
        rows = [y for y in range(rect.top(), rect.bottom() + 1) if BLACK in self._row(y, rect)]
        columns = [
            x
            for x in range(rect.left(), rect.right() + 1)
            if any(self.pixels[y * self.width + x] == BLACK for y in rows)
        ]
        return QRect(QPoint(columns[0], rows[0]), QPoint(columns[-1], rows[-1]))

    def _row(self, y: int, rect: QRect) -> bytes:
        start = y * self.width
        return self.pixels[start + rect.left() : start + rect.right() + 1]


def write_clinic(content: Path, text: str) -> ClinicDetails:
    path = content / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    details, problems = load_clinic(path)
    assert problems == []
    return details


def contact_window(
    make_window: Callable[..., Any], size: tuple[int, int], content: Path | None = None
) -> Any:
    window = make_window(size=size) if content is None else make_window(size=size, content=content)
    window.show_contact()
    return window


def screenshot(window: QWidget) -> Gray:
    # What the screen shows once the layouts posted by the last change have run.
    for _ in range(3):
        QApplication.processEvents()
    return Gray.of(window.grab().toImage())


def in_window(window: QWidget, widget: QWidget, rect: QRect) -> QRect:
    return rect.translated(widget.mapTo(window, QPoint(0, 0)))


def assert_matches_clinic(decoded_vcard: str, clinic: ClinicDetails) -> None:
    """Field by field: every configured detail is on the card, and nothing else."""
    properties = vcard_properties(decoded_vcard)
    assert text_value(properties["FN"][0]) == clinic.name
    assert components(properties["ORG"][0]) == [clinic.name]
    assert properties["TEL;TYPE=WORK,VOICE"] == [international_phone(clinic.phone)]
    optional = {
        "EMAIL;TYPE=INTERNET,WORK": clinic.email,
        "URL": clinic.website,
        "ADR;TYPE=WORK": clinic.address,
    }
    for key, configured in optional.items():
        if not configured:
            assert key not in properties
    if clinic.email:
        assert text_value(properties["EMAIL;TYPE=INTERNET,WORK"][0]) == clinic.email
    if clinic.website:
        assert properties["URL"] == [clinic.website]
    if clinic.address:
        assert components(properties["ADR;TYPE=WORK"][0])[2] == clinic.address
    assert set(properties) <= {"N", "FN", "ORG", "TEL;TYPE=WORK,VOICE", *optional}


def assert_code_is_clean(shot: Gray, window: QWidget, code: QrView, min_symbol_px: float) -> None:
    """Large, whole-pixel, black on white, with a white quiet zone of at least four modules."""
    painted = in_window(window, code, code.painted_rect)
    assert shot.values(in_window(window, code, code.rect())) == {BLACK, WHITE}
    symbol = shot.dark_bounds(painted)
    assert symbol.width() == symbol.height() == code.symbol_side
    assert symbol.width() >= min_symbol_px
    assert symbol.width() % (code.modules - 2 * QUIET_ZONE_MODULES) == 0
    quiet = QUIET_ZONE_MODULES * code.module_px
    assert min(symbol.left() - painted.left(), painted.right() - symbol.right()) >= quiet
    assert min(symbol.top() - painted.top(), painted.bottom() - symbol.bottom()) >= quiet
    quiet_zone_ring = [
        QRect(painted.topLeft(), QPoint(painted.right(), symbol.top() - 1)),
        QRect(QPoint(painted.left(), symbol.bottom() + 1), painted.bottomRight()),
        QRect(QPoint(painted.left(), symbol.top()), QPoint(symbol.left() - 1, symbol.bottom())),
        QRect(QPoint(symbol.right() + 1, symbol.top()), QPoint(painted.right(), symbol.bottom())),
    ]
    for band in quiet_zone_ring:
        assert shot.values(band) == {WHITE}


@pytest.mark.parametrize("size", SIZES[:2])
def test_bundled_clinic_code_decodes_from_the_screen(
    make_window: Any, repo: Path, size: tuple[int, int]
) -> None:
    clinic, _ = load_clinic(repo / "content" / "clinic.toml")
    window = contact_window(make_window, size)
    (code,) = screenshot(window).decode()
    assert code.bytes == vcard(clinic).encode("utf-8")
    assert_matches_clinic(code.text, clinic)
    assert "+1 336-438-2525" in code.text
    # The lowest version that holds the card at level M.
    contact = window.contact
    assert contact.contact_code is not None
    assert code.ec_level == "M"
    assert code.extra["Version"] == str(contact.contact_code.version)
    with pytest.raises(segno.DataOverflowError):
        segno.make(
            vcard(clinic),
            error="m",
            version=contact.contact_code.version - 1,
            micro=False,
            boost_error=False,
        )
    assert [label.text() for label in contact.scan_labels] == [
        "Scan with your phone's camera to save our contact details"
    ]
    document = contact.details_text.document()
    phone = document.find("(336) 438-2525")
    assert not phone.isNull()
    assert phone.charFormat().font().pixelSize() > contact.scan_labels[0].font().pixelSize()
    assert contact.back_button.isVisible()


@pytest.mark.parametrize("size", SIZES[:2])
def test_with_a_website_both_codes_decode_and_escaping_round_trips(
    make_window: Any, content_copy: Path, size: tuple[int, int]
) -> None:
    clinic = write_clinic(content_copy, WEBSITE_CLINIC)
    assert clinic.name == "Clínica Señora, PLLC; Back\\slash Care"
    window = contact_window(make_window, size, content_copy)
    codes = {code.text.startswith("BEGIN:VCARD"): code for code in screenshot(window).decode()}
    assert set(codes) == {True, False}
    assert codes[False].text == clinic.website
    # UTF-8 bytes, whatever character set the decoder guesses for display.
    assert codes[True].bytes.decode("utf-8") == codes[True].text
    assert_matches_clinic(codes[True].text, clinic)
    contact = window.contact
    assert contact.website_code is not None
    assert contact.website_code.accessibleName() == "Scan to open our website"


def test_a_pair_too_wide_for_a_portrait_row_shares_it_and_both_decode(
    make_window: Any, content_copy: Path
) -> None:
    clinic = write_clinic(content_copy, WIDE_PAIR_CLINIC)
    window = contact_window(make_window, (1080, 1920), content_copy)
    contact_code, website_code = window.contact.codes_shown
    assert (contact_code.version, website_code.version) == (8, 1)
    left = in_window(window, contact_code, contact_code.rect())
    right = in_window(window, website_code, website_code.rect())
    assert left.right() < right.left()
    assert left.top() == right.top()
    assert window.rect().contains(left.united(right))
    # The web code gave up some size, never module size: it still reads from further away.
    assert website_code.module_px > contact_code.module_px
    shot = screenshot(window)
    assert_code_is_clean(shot, window, contact_code, min_symbol_px=1080 / 3)
    assert_code_is_clean(shot, window, website_code, min_symbol_px=0)
    texts = sorted(code.text for code in shot.decode())
    assert texts[1] == clinic.website
    assert_matches_clinic(texts[0], clinic)


def test_without_contact_details_the_screen_sends_patients_to_the_front_desk(
    make_window: Any, content_copy: Path
) -> None:
    write_clinic(content_copy, NO_CONTACT_CLINIC)
    window = contact_window(make_window, (1280, 800), content_copy)
    contact = window.contact
    assert contact.codes_shown == []
    assert contact.front_desk_label is not None
    assert contact.front_desk_label.isVisible()
    assert contact.front_desk_label.text() == "Please ask at the front desk"
    # No number of its own (the article's closing words still mention one).
    assert "(336) 438-2525" not in contact.details_text.toPlainText().splitlines()
    assert screenshot(window).decode() == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "clinic_text",
    [None, WEBSITE_CLINIC, WIDE_PAIR_CLINIC, NO_CONTACT_CLINIC],
    ids=["bundled", "website", "wide-pair", "no-contact"],
)
def test_lays_out_cleanly_with_clean_codes_at_every_text_size(
    make_window: Any, content_copy: Path, size: tuple[int, int], clinic_text: str | None
) -> None:
    if clinic_text is not None:
        write_clinic(content_copy, clinic_text)
    window = contact_window(make_window, size, content_copy)
    contact = window.contact
    shot = screenshot(window)
    if contact.contact_code is not None:
        assert_code_is_clean(shot, window, contact.contact_code, min_symbol_px=min(size) / 3)
    if contact.website_code is not None:
        assert_code_is_clean(shot, window, contact.website_code, min_symbol_px=0)
        assert contact.website_code.module_px >= contact.contact_code.module_px
    found: dict[int, list[str]] = {}
    for step in range(TEXT_SIZE_STEPS):
        window.apply_text_step(step)
        found[step] = layout_problems(window, Metrics.for_screen(*size).touch_target)
    assert {step: problems for step, problems in found.items() if problems} == {}
    document = contact.details_text.toPlainText()
    assert "Take the First Step" in document
    assert "Connect With Compassion" in document


def test_preview_writes_every_screen_at_its_size_and_a_contact_picture_that_scans(
    repo: Path, tmp_path: Path
) -> None:
    # The command IT and reviewers run, in its own process as they run it: the window is shown
    # full screen on a virtual screen of the asked size, as the kiosk's is.
    command = [
        sys.executable,
        "-m",
        "kiosk",
        "preview",
        "--content",
        str(repo / "content"),
        "--out",
        str(tmp_path / "out"),
        "--size",
        "1280x800",
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    names = {path.name for path in (tmp_path / "out").glob("*.png")}
    expected = {"attract.png", "home.png", "contact.png"} | {
        f"section-{slug}.png"
        for slug in ("introduction", "mechanism", "conditions", "holistic", "expert-help")
    }
    assert expected <= names
    assert len(done.stdout.splitlines()) == len(names)
    home = QImage(str(tmp_path / "out" / "home.png"))
    assert (home.width(), home.height()) == (1280, 800)
    clinic, _ = load_clinic(repo / "content" / "clinic.toml")
    (code,) = Gray.of(QImage(str(tmp_path / "out" / "contact.png"))).decode()
    assert code.bytes == vcard(clinic).encode("utf-8")
