"""The clinic's contact details from clinic.toml, validated, and their vCard; never invented.

Qt-free: tested on plain strings and used by `kiosk check` and the Contact screen's QR code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.problems import Problem, Severity
from kiosk.textfile import MAX_TOML_CHARS, editor_lines, parse_toml, read_text

CLINIC_KEYS = ("name", "phone", "email", "website", "address")
PHONE_CHARACTERS = re.compile(r"^[0-9+\-() ]+$")
PHONE_MIN_DIGITS = 7
PHONE_MAX_DIGITS = 15
WEB_SCHEMES = ("http", "https")
# Longer values are reported and dropped. Real details are far shorter; the caps keep the vCard
# within the largest QR code (2,331 bytes at level M) even in 4-byte characters, with the name
# written three times (N, FN, ORG), so a pasted essay cannot stop the Contact screen.
MAX_CHARS = {"name": 80, "phone": 30, "email": 80, "website": 120, "address": 100}
# North American Numbering Plan: area code and exchange both start with 2-9.
NANP_NUMBER = re.compile(r"^1?([2-9][0-9]{2})([2-9][0-9]{2})([0-9]{4})$")


@dataclass(frozen=True)
class ClinicDetails:
    name: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""

    @property
    def has_any_contact(self) -> bool:
        return bool(self.phone or self.email or self.website or self.address)


# Checked by splitting rather than by regular expression: a pattern for these forms backtracks
# for seconds on a long run of dots (found by tests/test_fuzz.py).
def is_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    labels = domain.split(".")
    return (
        bool(at and local)
        and "@" not in domain
        and not any(char.isspace() for char in value)
        and len(labels) >= 2
        and all(labels)
    )


def is_web_address(value: str) -> bool:
    if any(char.isspace() for char in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme.lower() in WEB_SCHEMES and "." in host and all(host.split("."))


def phone_problem(phone: str) -> str | None:
    if not PHONE_CHARACTERS.match(phone):
        return "may contain only digits, spaces and + - ( )"
    digits = sum(char.isdigit() for char in phone)
    if not PHONE_MIN_DIGITS <= digits <= PHONE_MAX_DIGITS:
        return f"has {digits} digits; a phone number has {PHONE_MIN_DIGITS}-{PHONE_MAX_DIGITS}"
    return None


def _value_problem(key: str, value: str) -> str | None:
    if not value:
        return None
    limit = MAX_CHARS[key]
    if len(value) > limit:
        return f"has {len(value)} characters, more than the {limit} a QR code can carry"
    if key == "phone":
        return phone_problem(value)
    if key == "email" and not is_email(value):
        return f"{value!r} is not an e-mail address of the form name@example.org"
    if key == "website" and not is_web_address(value):
        return f"{value!r} is not an http:// or https:// address"
    return None


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(editor_lines(text), start=1):
        match = re.match(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def parse_clinic(path: Path, text: str) -> tuple[ClinicDetails, list[Problem]]:
    """Valid details are kept; a bad value is dropped (never shown) and reported."""
    problems: list[Problem] = []
    document, problem = parse_toml(path, text)
    if document is None:
        assert problem is not None
        return ClinicDetails(), [problem]
    table = document.get("clinic", {})
    if not isinstance(table, dict):
        return ClinicDetails(), [Problem(path, None, "[clinic] must be a table")]
    lines = _key_lines(text)
    for key in document:
        if key != "clinic":
            problems.append(
                Problem(
                    path,
                    lines.get(key),
                    f"unknown table or key '{key}' (expected [clinic])",
                    Severity.WARNING,
                )
            )
    values: dict[str, str] = {}
    for key, raw in table.items():
        line = lines.get(key)
        if key not in CLINIC_KEYS:
            problems.append(
                Problem(
                    path,
                    line,
                    f"unknown key 'clinic.{key}' (known: {', '.join(CLINIC_KEYS)})",
                    Severity.WARNING,
                )
            )
            continue
        if not isinstance(raw, str):
            problems.append(Problem(path, line, f"'clinic.{key}' must be text in quotes"))
            continue
        value = raw.strip()
        reason = _value_problem(key, value)
        if reason:
            problems.append(Problem(path, line, f"'clinic.{key}' {reason}; it is not shown"))
            continue
        values[key] = value
    if not values.get("name"):
        problems.append(Problem(path, lines.get("name"), "'clinic.name' is missing or empty"))
    return ClinicDetails(**values), problems


def load_clinic(path: Path) -> tuple[ClinicDetails, list[Problem]]:
    text, problem = read_text(path, MAX_TOML_CHARS)
    if text is None:
        assert problem is not None
        return ClinicDetails(), [problem]
    return parse_clinic(path, text)


def international_phone(phone: str) -> str:
    """A North American number in the form every phone dials from anywhere: +1 336-438-2525.

    A number that already starts with + is kept as given. Anything else (a short local number,
    another country's number) is kept as typed: completing it would mean guessing a country.
    """
    if phone.startswith("+"):
        return phone
    match = NANP_NUMBER.match("".join(char for char in phone if char.isdigit()))
    if not match:
        return phone
    area, exchange, line = match.groups()
    return f"+1 {area}-{exchange}-{line}"


def _escape(value: str) -> str:
    """A vCard text value (RFC 2426 section 5 / RFC 6350 section 3.4)."""
    escaped = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", r"\\n", escaped)


def vcard(details: ClinicDetails) -> str:
    """A vCard 3.0 of the configured details only, with CRLF line endings.

    The name is put in N's family field as well as FN and ORG: vCard 3.0 requires N, and an
    importer that ignores FN and ORG still files the card under the clinic's name. Long lines
    are not folded: importers accept them, and folding only adds bytes to the code.
    """
    phone = international_phone(details.phone) if details.phone else ""
    display_name = details.name or phone or details.email or details.website
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(details.name)};;;;",
        f"FN:{_escape(display_name)}",
    ]
    if details.name:
        lines.append(f"ORG:{_escape(details.name)}")
    if phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(phone)}")
    if details.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(details.email)}")
    if details.website:
        # A URI value, not text: backslash escapes would become part of the address.
        lines.append(f"URL:{details.website}")
    if details.address:
        # One free-text address goes in the street field; splitting it into city, region and
        # postal code would be guessing.
        lines.append(f"ADR;TYPE=WORK:;;{_escape(details.address)};;;;")
    lines.append("END:VCARD")
    return "".join(f"{line}\r\n" for line in lines)
