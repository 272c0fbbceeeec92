"""Keyed pseudonyms: the same value, the same placeholder, in every text, table and job.

Without a key, placeholders are numbered per document: `[PERSON_1]` is whoever came
first. With a secret key, a placeholder's number is derived from the key and the
value's normalized form (`placeholder_key`: "Dr. Maria Lopez" and "MARIA LOPEZ" are
one value) by HMAC-SHA256, so every row, table, job and machine that holds the key
writes the same placeholder for the same value, with no shared state to keep.

The number has `KEYED_DIGITS` digits and never starts with 0: `[PERSON_482093716254018831]`.
Per-document numbering stays at seven digits at most, so the two can never be taken
for each other, and the placeholder keeps the `[LABEL_N]` shape that re-redaction
leaves alone and that `restore` reads. Nine times 10**17 numbers per label keep
collisions negligible: n distinct values share a number with probability about
n**2 / (2 * 9e17), 5.6e-5 for ten million people.

Whoever holds the key can test a guess (redact "Maria Lopez" and compare): the key
protects the pseudonyms against everyone else, not against its holder.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

from phimin._dateshift import keyed_offset
from phimin._errors import InputError
from phimin._placeholders import PlaceholderBook

__all__ = [
    "KEYED_DIGITS",
    "MIN_KEY_BYTES",
    "NUMBER_PATTERN",
    "KeyedPlaceholderBook",
    "PseudonymKey",
    "check_subject",
    "read_pseudonym_key_file",
]

KEYED_DIGITS = 18
_LOWEST: int = 10 ** (KEYED_DIGITS - 1)  # no leading zero: one way to write each number
_SPAN = 9 * _LOWEST
# A placeholder's number as phimin writes it: keyed (18 digits) or per document (1-7).
NUMBER_PATTERN = rf"(?:[1-9]\d{{{KEYED_DIGITS - 1}}}|\d{{1,7}})"
MIN_KEY_BYTES = 16
# Domain separation and a version: a change of derivation gets a new tag, never a
# silent change of every pseudonym written with the old one.
_TAG = b"phimin.pseudonym.v1\x00"


@dataclass(frozen=True)
class PseudonymKey:
    """A secret key and the derivation of placeholder numbers from it. Its repr hides it."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.secret, bytes):
            raise InputError("a pseudonym key is bytes or str")
        if len(self.secret) < MIN_KEY_BYTES:
            raise InputError(
                f"a pseudonym key must be at least {MIN_KEY_BYTES} bytes "
                "(e.g. `openssl rand -hex 32`)"
            )

    @classmethod
    def of(cls, key: bytes | str | PseudonymKey) -> PseudonymKey:
        """A key from bytes, or a str (its UTF-8 bytes, exactly as given)."""
        if isinstance(key, PseudonymKey):
            return key
        if isinstance(key, str):
            return cls(key.encode("utf-8"))
        if isinstance(key, (bytes, bytearray, memoryview)):
            return cls(bytes(key))
        raise InputError(f"a pseudonym key is bytes or str, not {type(key).__name__}")

    def number(self, label: str, key: tuple[str, ...]) -> int:
        """The number of value `key` (a `placeholder_key`) under `label`, 18 digits."""
        message = _TAG + json.dumps([label, list(key)], ensure_ascii=False).encode("utf-8")
        digest = hmac.new(self.secret, message, hashlib.sha256).digest()
        # 128 bits reduced modulo 9e17: the bias is below 1e-20, nothing to measure.
        return _LOWEST + int.from_bytes(digest[:16], "big") % _SPAN


class KeyedPlaceholderBook(PlaceholderBook):
    """A placeholder book whose new values get keyed numbers instead of 1, 2, 3...

    Everything else is the per-document book's: a value seen again reuses its
    placeholder, and a part of a known fuller name in the same document ("Maria"
    after "Maria Lopez") joins that name's placeholder. Across documents there is no
    such memory: "Maria" alone gets the keyed number of "maria", not of "maria lopez".
    """

    def __init__(self, pseudonyms: PseudonymKey, subject: str | None = None) -> None:
        super().__init__()
        self._pseudonyms = pseudonyms
        self._subject = None if subject is None else check_subject(subject)

    def __repr__(self) -> str:  # the subject identifies someone: never shown
        given = "given" if self._subject is not None else "none"
        return f"{super().__repr__()[:-1]}, subject={given})"

    def _new_number(self, label: str, key: tuple[str, ...]) -> int:
        return self._pseudonyms.number(label, key)

    def _draw_date_offset(self) -> int:
        # Per person: the text does not say reliably whose date a date is, so the caller
        # names the document's subject, and every batch with the key agrees on it.
        if self._subject is None:
            raise InputError(SUBJECT_NEEDED)
        return keyed_offset(self._pseudonyms.secret, self._subject)


SUBJECT_NEEDED = (
    "shifting dates with a pseudonym key needs the subject of each text (the person it "
    "is about, e.g. an opaque patient id): each person's dates move by their own offset, "
    "derived from the key and the subject"
)
MAX_SUBJECT_CHARS = 256


def check_subject(subject: object) -> str:
    """`subject` if it can name whose text this is: a non-empty str, at most 256 chars.

    Used exactly as given (no case folding or trimming): the same person must be
    written the same way in every batch. Errors never quote it (it identifies someone).
    """
    if not isinstance(subject, str):
        raise InputError(f"a subject is a str, not {type(subject).__name__}")
    if not subject.strip() or len(subject) > MAX_SUBJECT_CHARS:
        raise InputError(f"a subject is a non-blank str of at most {MAX_SUBJECT_CHARS} characters")
    return subject


def read_pseudonym_key_file(path: str | Path) -> bytes:
    """The key in a file (surrounding whitespace removed); the file must be mode 600.

    `openssl rand -hex 32 > key` gives a file whose key equals passing the same hex
    string as `pseudonym_key`, so the CLI and a Spark job with that string agree.
    """
    file = Path(path)
    try:
        if sys.platform != "win32" and file.stat().st_mode & 0o077:
            raise InputError("pseudonym key file is readable by others: chmod 600 it")
        data = file.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"cannot read the pseudonym key file ({type(exc).__name__})") from None
    key = data.strip(string.whitespace.encode("ascii"))
    PseudonymKey(key)  # too short or empty: refused here, with its reason
    return key
