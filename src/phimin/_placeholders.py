"""Placeholders: consistent numbering of what is replaced, per document or session.

Kept apart from the rest of the transform step so that restoring text (which only
needs the numbering rules) never imports the NLP pipeline.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from phimin._detect.words import TITLES, alternation
from phimin._entities import placeholder_label

__all__ = ["PlaceholderBook", "placeholder_key"]

_TITLE_WORDS = regex.compile(rf"(?i)^(?:(?:{alternation(tuple(sorted(TITLES)))})\.?\s+)+")
_NUMBERED = regex.compile(r"\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)_(\d{1,7})\]")


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

    A name mentioned in full and then by a part ("Maria Lopez" ... "Maria") gets one
    number when that part belongs to exactly one known fuller name. Numbers already in
    the input text (a note that was redacted before) are never handed out again.
    """

    _numbers: dict[tuple[str, tuple[str, ...]], int] = field(default_factory=dict)
    _next: dict[str, int] = field(default_factory=dict)
    _reserved: dict[str, set[int]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reserve_existing(self, text: str) -> None:
        for m in _NUMBERED.finditer(text):
            self._reserved.setdefault(m.group(1), set()).add(int(m.group(2)))

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

    def _new_number(self, label: str, key: tuple[str, ...]) -> int:
        """The number of a value not seen before: the next free one (keyed books derive it)."""
        return self._take(label)

    def _person_alias(self, label: str, key: tuple[str, ...]) -> int | None:
        if not key:
            return None
        # Only a part of a known fuller name joins it; a fuller name never joins a part,
        # so two people who share a first name are not merged.
        matches = {
            n
            for (lab, known), n in self._numbers.items()
            if lab == label and len(known) > len(key) and set(key) < set(known)
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
            }

    @classmethod
    def from_snapshot(cls, data: Mapping[str, Any]) -> PlaceholderBook:
        book = cls()
        for label, key, n in data["numbers"]:
            book._numbers[(str(label), tuple(str(k) for k in key))] = int(n)
        book._next = {str(k): int(v) for k, v in data["next"].items()}
        book._reserved = {str(k): {int(n) for n in v} for k, v in data["reserved"].items()}
        return book
