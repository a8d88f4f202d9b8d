"""Staff PIN: stored only as a salted scrypt hash; checked in constant time.

Format: scrypt$<log2 n>$<r>$<p>$<salt, base64>$<hash, base64>
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from itertools import pairwise

PIN_FORM = re.compile(r"^[0-9]{4,8}$")
SCHEME = "scrypt"
# n = 2**15, r = 8: ~32 MiB and ~0.1 s per try on a kiosk — slow for a guesser, fine for staff.
LOG2_N, BLOCK_SIZE, PARALLELISM = 15, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MAX_MEMORY = 64 * 1024 * 1024


class PinFormatError(ValueError):
    pass


def check_pin_form(pin: str) -> None:
    if not PIN_FORM.match(pin):
        raise PinFormatError("a PIN is 4 to 8 digits")


# `kiosk hash-pin` asks for this many digits unless told otherwise: from a leaked hash, all 10^4
# four-digit PINs take ~20 minutes at n = 2^15 on one core; 10^6 six-digit ones ~33 hours.
NEW_PIN_DIGITS = 6


def check_new_pin(pin: str, digits: int = NEW_PIN_DIGITS) -> None:
    """A PIN staff may choose: exactly `digits` digits, and not among the first a guesser tries
    (all one digit, or a run up or down such as 1234 or 4321)."""
    check_pin_form(pin)
    if len(pin) != digits:
        raise PinFormatError(f"the PIN must have {digits} digits, not {len(pin)}")
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    if steps == {0}:
        raise PinFormatError("a PIN of one digit repeated is the first a guesser tries")
    if steps in ({1}, {-1}):
        raise PinFormatError("a PIN counting up or down is among the first a guesser tries")


def _derive(pin: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=2**log2_n, r=r, p=p, maxmem=MAX_MEMORY, dklen=HASH_BYTES
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str) -> str:
    check_pin_form(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _derive(pin, salt, LOG2_N, BLOCK_SIZE, PARALLELISM)
    return f"{SCHEME}${LOG2_N}${BLOCK_SIZE}${PARALLELISM}${_b64(salt)}${_b64(digest)}"


def pin_hash_problem(stored: str) -> str | None:
    """Why a configured pin_hash cannot be used, or None when it is well formed."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return "is not a hash made by 'kiosk hash-pin'"
    try:
        log2_n, r, p = (int(part) for part in parts[1:4])
        salt, digest = (
            base64.b64decode(parts[4], validate=True),
            base64.b64decode(parts[5], validate=True),
        )
    except ValueError:
        return "is damaged (not numbers and base64)"
    if not (
        10 <= log2_n <= 20
        and 1 <= r <= 32
        and p == 1
        and len(salt) >= 8
        and len(digest) == HASH_BYTES
    ):
        return "has parameters outside what 'kiosk hash-pin' makes"
    return None


def verify_pin(pin: str, stored: str) -> bool:
    if pin_hash_problem(stored) is not None or not PIN_FORM.match(pin):
        return False
    _, log2_n, r, p, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    return hmac.compare_digest(
        _derive(pin, base64.b64decode(salt), int(log2_n), int(r), int(p)), expected
    )
