"""Placeholders: consistent numbering of what is replaced, per document or session.

Two kinds of token are numbered here. Placeholders (`[PERSON_1]`, `[PHONE_2]`) stand
for identifiers. Generalized wordings (`[date in 2026]`, `[city in Ohio]`,
`[substance use]`) stand for a value made vague: the first distinct value behind a
wording is written as the wording alone, a second one `[date in 2026 #2]`, a third
`[date in 2026 #3]`, and the same value always gets the same one. The number says
only which mention is which (what was already in the text, in order); every value
behind a wording still says no more than the wording does.

Kept apart from the rest of the transform step so that restoring text (which only
needs the numbering rules) never imports the NLP pipeline.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from phimin._dateshift import draw_offset, shift_date
from phimin._detect.words import TITLES, alternation
from phimin._entities import placeholder_label
from phimin._lazy_regex import lazy
from phimin._short_forms import is_short_form_of

__all__ = ["PlaceholderBook", "numbered_wording", "placeholder_key", "wording_parts"]

_TITLE_WORDS = lazy(rf"(?i)^(?:(?:{alternation(tuple(sorted(TITLES)))})\.?\s+)+")
_NUMBERED = regex.compile(r"\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_(\d{1,7})\]")
# A bracketed stretch that could be one of our wordings, numbered or not: what input
# text holds of them is never handed out again (as placeholders' numbers are not).
_WORDING_LIKE = regex.compile(r"\\?\[([^\[\]\n]{1,80})\\?\]")
_WORDING_NUMBER = regex.compile(r"^(.*?)[ \t]*#[ \t]*(\d{1,7})$")
# How a second, third... distinct value behind one wording is written: "[date in 2026 #2]".
WORDING_NUMBER_SEP = " #"


def wording_parts(text: str) -> tuple[str, int]:
    """`[Date in 2026 #2]` -> ("date in 2026", 2); `[date in 2026]` -> ("date in 2026", 1).

    The base is case-folded, without backslashes (Markdown escapes) and with its spaces
    collapsed, so that every way an LLM writes a wording names the same one.
    """
    inner = text.strip().replace("\\", "")
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    inner = " ".join(inner.split()).casefold()
    numbered = _WORDING_NUMBER.match(inner)
    if numbered is not None and numbered.group(1):
        return numbered.group(1), int(numbered.group(2))
    return inner, 1


def numbered_wording(wording: str, number: int) -> str:
    """The `number`th distinct value behind `wording`: the wording itself for the first."""
    if number == 1:
        return wording
    return f"{wording[:-1]}{WORDING_NUMBER_SEP}{number}]"


def placeholder_key(entity: str, surface: str) -> tuple[str, ...]:
    """What makes two mentions the same thing: digits for numbers, words for names."""
    if entity == "PERSON":
        words = _TITLE_WORDS.sub("", surface).casefold().replace("’", "'")
        words = regex.sub(r"'s$", "", words)
        parts = tuple(w for w in regex.split(r"[^\w'-]+", words) if w)
        if len(parts) >= 3 and all(len(w) == 1 for w in parts):  # spelled: "a r j u n"
            return ("".join(parts),)
        return parts
    digits = regex.sub(r"\D", "", surface)
    if len(digits) >= 5:
        return (digits,)
    return (regex.sub(r"\s+", " ", surface.casefold()).strip(),)


@dataclass
class PlaceholderBook:
    """Per-document (or per-session) numbering: the same value, the same placeholder.

    A name mentioned in full and then by a part ("Maria Lopez" ... "Maria") or a short
    form of its first name ("Desmond" ... "Des", "William" ... "Bill") gets one number
    when that part or form belongs to exactly one known fuller name. Numbers already in
    the input text (a note that was redacted before) are never handed out again.
    """

    _numbers: dict[tuple[str, tuple[str, ...]], int] = field(default_factory=dict)
    _next: dict[str, int] = field(default_factory=dict)
    _reserved: dict[str, set[int]] = field(default_factory=dict)
    # Generalized wordings: (wording base, value key) -> number, as for placeholders.
    _wording_numbers: dict[tuple[str, tuple[str, ...]], int] = field(default_factory=dict)
    _wording_next: dict[str, int] = field(default_factory=dict)
    _wording_reserved: dict[str, set[int]] = field(default_factory=dict)
    # Date shifting: the offset in days (drawn on first use), the year of the last full
    # date read (dates without a year are read in it), and each date written, with the
    # date it was (as a key): one written date never stands for two.
    _date_offset: int | None = None
    _date_year: int | None = None
    _shifted: dict[str, str] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __repr__(self) -> str:  # the values it numbers are identifiers: counts only
        return f"{type(self).__name__}(placeholders={len(self._numbers)})"

    def reserve_existing(self, text: str) -> None:
        for m in _NUMBERED.finditer(text):
            self._reserved.setdefault(m.group(1), set()).add(int(m.group(2)))

    def reserve_wordings(self, text: str) -> None:
        """Never hand out a wording (numbered or not) that `text` already holds: a
        restore could not tell the one written in the input from the one issued."""
        if "[" not in text:
            return
        with self._lock:
            for m in _WORDING_LIKE.finditer(text):
                base, number = wording_parts(m.group(0))
                if base:
                    self._wording_reserved.setdefault(base, set()).add(number)

    def placeholder(self, entity: str, surface: str) -> str:
        label = placeholder_label(entity)
        key = placeholder_key(entity, surface)
        with self._lock:
            number = self._numbers.get((label, key))
            if number is None and entity == "PERSON":
                number = self._person_alias(label, key)
            if number is None:
                number = self._new_number(label, key)
            self._numbers[(label, key)] = number
        return f"[{label}_{number}]"

    def generalized(self, wording: str, entity: str, surface: str) -> str:
        """The token of value `surface` generalized to `wording`: the wording itself for
        the first distinct value, `[wording #2]` for the second, and so on.

        Unbracketed wordings ("90+", a year kept as it is) are returned as they are:
        they cannot be told apart from the text around them, so they are not tokens.
        """
        if not (wording.startswith("[") and wording.endswith("]")):
            return wording
        base, _ = wording_parts(wording)
        key = (entity, " ".join(surface.casefold().split()))  # as written, case aside
        with self._lock:
            number = self._wording_numbers.get((base, key))
            if number is None:
                number = self._wording_next.get(base, 1)
                reserved = self._wording_reserved.get(base, set())
                while number in reserved:
                    number += 1
                self._wording_next[base] = number + 1
                self._wording_numbers[(base, key)] = number
        return numbered_wording(wording, number)

    def shifted_date(self, surface: str) -> str | None:
        """`surface` moved by this book's date offset, in its own written form; None when
        it cannot be read as a real date, or when what it would be written as already
        stands for another date ("1/25/2030" and "01/25/2030" both moved to
        "10/12/2029"): the caller then generalizes it as usual."""
        key = " ".join(surface.casefold().split())
        with self._lock:
            if self._date_offset is None:
                self._date_offset = self._draw_date_offset()
            result = shift_date(surface, self._date_offset, context_year=self._date_year)
            if result is None:
                return None
            shifted, parsed = result
            if self._shifted.setdefault(shifted, key) != key:
                return None
            if parsed.has_year:
                self._date_year = parsed.date.year
        return shifted

    def is_shifted(self, text: str) -> bool:
        """Did this book write `text` as a shifted date?"""
        return text in self._shifted

    def _draw_date_offset(self) -> int:
        """A new offset for this document or session (keyed books derive it)."""
        return draw_offset()

    def _new_number(self, label: str, key: tuple[str, ...]) -> int:
        """The number of a value not seen before: the next free one (keyed books derive it)."""
        return self._take(label)

    def _person_alias(self, label: str, key: tuple[str, ...]) -> int | None:
        if not key:
            return None
        # Only a part of a known fuller name joins it, or a short form of its first name
        # ("des" after "desmond" or "desmond hale", "bill" after "william"); a fuller
        # name never joins a part, so two people who share a first name are not merged,
        # and a part that fits two known names joins neither.
        short = key[0] if len(key) == 1 else None
        matches = {
            n
            for (lab, known), n in self._numbers.items()
            if lab == label
            and (
                (len(known) > len(key) and set(key) < set(known))
                or (short is not None and bool(known) and is_short_form_of(short, known[0]))
            )
        }
        return matches.pop() if len(matches) == 1 else None

    def _take(self, label: str) -> int:
        number = self._next.get(label, 1)
        reserved = self._reserved.get(label, set())
        while number in reserved:
            number += 1
        self._next[label] = number + 1
        return number

    def entries(self) -> list[tuple[str, tuple[str, ...], int]]:
        with self._lock:
            return [(label, key, n) for (label, key), n in self._numbers.items()]

    def snapshot(self) -> dict[str, Any]:
        """Everything that decides future numbers, as plain data (for a vault)."""
        with self._lock:
            return {
                "numbers": [[label, list(key), n] for (label, key), n in self._numbers.items()],
                "next": dict(self._next),
                "reserved": {label: sorted(ns) for label, ns in self._reserved.items()},
                "wordings": [
                    [base, list(key), n] for (base, key), n in self._wording_numbers.items()
                ],
                "wording_next": dict(self._wording_next),
                "wording_reserved": {b: sorted(ns) for b, ns in self._wording_reserved.items()},
                "date_offset": self._date_offset,
                "date_year": self._date_year,
                "dates": dict(self._shifted),
            }

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any]) -> PlaceholderBook:
        book = cls()
        for label, key, n in data["numbers"]:
            book._numbers[(str(label), tuple(str(k) for k in key))] = int(n)
        book._next = {str(k): int(v) for k, v in data["next"].items()}
        book._reserved = {str(k): {int(n) for n in v} for k, v in data["reserved"].items()}
        # (a vault written before wordings were numbered has none of these)
        for base, key, n in data.get("wordings", []):
            book._wording_numbers[(str(base), tuple(str(k) for k in key))] = int(n)
        book._wording_next = {str(k): int(v) for k, v in data.get("wording_next", {}).items()}
        book._wording_reserved = {
            str(k): {int(n) for n in v} for k, v in data.get("wording_reserved", {}).items()
        }
        offset, year = data.get("date_offset"), data.get("date_year")
        book._date_offset = None if offset is None else _whole(offset)
        book._date_year = None if year is None else _whole(year)
        book._shifted = {str(k): str(v) for k, v in data.get("dates", {}).items()}
        return book


def _whole(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("expected a whole number")
    return value
