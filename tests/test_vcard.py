"""The clinic's vCard and phone number, and clinic.toml validation, on plain strings (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
import segno

from kiosk.contact import (
    MAX_CHARS,
    ClinicDetails,
    international_phone,
    load_clinic,
    parse_clinic,
    vcard,
)

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CLINIC = REPO / "content" / "clinic.toml"
BUNDLED_NAME = "Beautiful Mind Behavioral Health Services, PLLC"


def vcard_properties(text: str) -> dict[str, list[str]]:
    """Property name with its parameters → the raw values, as a phone's importer splits them."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCARD"
    assert lines[1] == "VERSION:3.0"
    assert lines[-1] == "END:VCARD"
    properties: dict[str, list[str]] = {}
    for line in lines[2:-1]:
        name, separator, value = line.partition(":")
        assert separator, f"no ':' in {line!r}"
        properties.setdefault(name, []).append(value)
    return properties


def components(value: str) -> list[str]:
    """A structured vCard text value split at unescaped ';' and unescaped (RFC 2426 section 5)."""
    parts = [""]
    position = 0
    while position < len(value):
        char = value[position]
        if char == "\\":
            escaped = value[position + 1]
            parts[-1] += "\n" if escaped in "nN" else escaped
            position += 2
            continue
        if char == ";":
            parts.append("")
        else:
            parts[-1] += char
        position += 1
    return parts


def text_value(value: str) -> str:
    (single,) = components(value)
    return single


def test_bundled_clinic_vcard_is_exactly_the_articles_details() -> None:
    details, problems = load_clinic(BUNDLED_CLINIC)
    assert problems == []
    assert vcard(details) == (
        "BEGIN:VCARD\r\n"
        "VERSION:3.0\r\n"
        "N:Beautiful Mind Behavioral Health Services\\, PLLC;;;;\r\n"
        "FN:Beautiful Mind Behavioral Health Services\\, PLLC\r\n"
        "ORG:Beautiful Mind Behavioral Health Services\\, PLLC\r\n"
        "TEL;TYPE=WORK,VOICE:+1 336-438-2525\r\n"
        "END:VCARD\r\n"
    )


def test_every_line_ends_with_crlf_and_nothing_else_breaks_a_line() -> None:
    details = ClinicDetails(BUNDLED_NAME, "(336) 438-2525", address="1 Main St\nGreensboro, NC")
    text = vcard(details)
    assert text.count("\n") == text.count("\r\n") == text.count("\r")


def test_nothing_is_invented_when_only_name_and_phone_are_configured() -> None:
    properties = vcard_properties(vcard(ClinicDetails(BUNDLED_NAME, "(336) 438-2525")))
    assert set(properties) == {"N", "FN", "ORG", "TEL;TYPE=WORK,VOICE"}


def test_configured_details_all_reach_the_card() -> None:
    details = ClinicDetails(
        name=BUNDLED_NAME,
        phone="(336) 438-2525",
        email="front.desk@example.org",
        website="https://www.example.org/contact?from=kiosk;lobby,1",
        address="1234 Example Blvd, Suite 200\nGreensboro, NC 27401",
    )
    properties = vcard_properties(vcard(details))
    assert text_value(properties["FN"][0]) == BUNDLED_NAME
    assert components(properties["N"][0]) == [BUNDLED_NAME, "", "", "", ""]
    assert components(properties["ORG"][0]) == [BUNDLED_NAME]
    assert properties["TEL;TYPE=WORK,VOICE"] == ["+1 336-438-2525"]
    assert text_value(properties["EMAIL;TYPE=INTERNET,WORK"][0]) == details.email
    # A URI value is not backslash-escaped: the phone would otherwise open a wrong address.
    assert properties["URL"] == [details.website]
    assert components(properties["ADR;TYPE=WORK"][0]) == ["", "", details.address, "", "", "", ""]


@pytest.mark.parametrize(
    "name",
    [
        "Clínica Señora, PLLC",
        "Smith; Jones & Partners",
        "Back\\slash, comma; semicolon",
        "Ünïcødé 診療所, PLLC",
    ],
)
def test_escaping_round_trips(name: str) -> None:
    text = vcard(ClinicDetails(name, "(336) 438-2525"))
    properties = vcard_properties(text)
    assert text_value(properties["FN"][0]) == name
    assert components(properties["ORG"][0]) == [name]
    assert components(properties["N"][0])[0] == name
    assert text.encode("utf-8").decode("utf-8") == text


def test_a_card_without_a_name_is_still_named_by_its_phone() -> None:
    properties = vcard_properties(vcard(ClinicDetails(phone="(336) 438-2525")))
    assert properties["FN"] == ["+1 336-438-2525"]
    assert properties["N"] == [";;;;"]
    assert "ORG" not in properties


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("(336) 438-2525", "+1 336-438-2525"),
        ("336-438-2525", "+1 336-438-2525"),
        ("336 438 2525", "+1 336-438-2525"),
        ("1 (336) 438-2525", "+1 336-438-2525"),
        ("1-336-438-2525", "+1 336-438-2525"),
        ("+1 (336) 438-2525", "+1 (336) 438-2525"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("438-2525", "438-2525"),
        ("(136) 438-2525", "(136) 438-2525"),
        ("(336) 138-2525", "(336) 138-2525"),
        ("020 7946 0958", "020 7946 0958"),
    ],
)
def test_international_phone(typed: str, dialled: str) -> None:
    assert international_phone(typed) == dialled


def test_clinic_problems_name_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "clinic.toml"
    text = (
        "[clinic]\n"
        'name = "Clínica Señora, PLLC"\n'
        'phone = "call 336"\n'
        'email = "front desk at example"\n'
        'website = "www.example.org"\n'
        'address = "1 Main St"\n'
        'fax = "123"\n'
    )
    details, problems = parse_clinic(path, text)
    messages = {problem.line: problem.message for problem in problems}
    assert "'clinic.phone'" in messages[3]
    assert "'clinic.email'" in messages[4]
    assert "'clinic.website'" in messages[5]
    assert "'clinic.fax'" in messages[7]
    assert len(problems) == 4
    # Bad values are dropped, never shown or encoded; good ones are kept.
    assert details == ClinicDetails(name="Clínica Señora, PLLC", address="1 Main St")


@pytest.mark.parametrize(
    ("phone", "reason"),
    [
        ("123 4567", None),
        ("+1 (336) 438-2525", None),
        ("123 456", "has 6 digits"),
        ("+1 234 567 890 123 456", "has 16 digits"),
        ("336.438.2525", "may contain only"),
    ],
)
def test_phone_rules(tmp_path: Path, phone: str, reason: str | None) -> None:
    details, problems = parse_clinic(
        tmp_path / "clinic.toml", f'[clinic]\nname = "A"\nphone = "{phone}"\n'
    )
    if reason is None:
        assert problems == []
        assert details.phone == phone
    else:
        (problem,) = problems
        assert "'clinic.phone'" in problem.message
        assert reason in problem.message
        assert details.phone == ""


@pytest.mark.parametrize(
    ("key", "value", "valid"),
    [
        ("email", "front.desk@example.org", True),
        ("email", "front.desk@example", False),
        ("email", "front desk@example.org", False),
        ("website", "https://www.example.org/", True),
        ("website", "http://example.org", True),
        ("website", "ftp://example.org", False),
        ("website", "example.org", False),
    ],
)
def test_email_and_website_rules(tmp_path: Path, key: str, value: str, valid: bool) -> None:
    _, problems = parse_clinic(
        tmp_path / "clinic.toml", f'[clinic]\nname = "A"\n{key} = "{value}"\n'
    )
    assert (problems == []) is valid
    assert all(f"'clinic.{key}'" in problem.message for problem in problems)


def test_an_over_long_value_is_named_and_dropped(tmp_path: Path) -> None:
    essay = "1234 Example Boulevard " * 40
    details, problems = parse_clinic(
        tmp_path / "clinic.toml", f'[clinic]\nname = "A"\naddress = "{essay}"\n'
    )
    (problem,) = problems
    assert problem.line == 3
    assert "'clinic.address'" in problem.message
    assert details.address == ""


def test_the_longest_allowed_details_still_fit_a_qr_code() -> None:
    widest = "\U0001f600"  # four bytes in UTF-8, and no escaping makes a character longer
    details = ClinicDetails(
        name=widest * MAX_CHARS["name"],
        phone="+" + "1" * 15 + " " * (MAX_CHARS["phone"] - 16),
        email=widest * MAX_CHARS["email"],
        website=widest * MAX_CHARS["website"],
        address=widest * MAX_CHARS["address"],
    )
    code = segno.make(vcard(details), error="m", micro=False, boost_error=False, encoding="utf-8")
    assert code.error == "M"
