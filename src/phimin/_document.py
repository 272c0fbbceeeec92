"""The state of one document (or conversation) being redacted, and what comes out.

Light on purpose (no NLP imports), so sessions that only restore text stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from phimin._errors import InputError
from phimin._findings import Action, Finding
from phimin._placeholders import PlaceholderBook

__all__ = ["DocumentState", "RedactedPiece", "Replaced", "check_text"]

_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def check_text(text: object) -> None:
    """Refuse what is not text (bytes, lone surrogates) before any work starts."""
    if not isinstance(text, str):
        raise InputError(f"expected str, got {type(text).__name__}")
    if _SURROGATE.search(text):  # no encoder can write these out
        raise InputError("the text contains unpaired surrogate code points")


@dataclass(frozen=True, slots=True)
class Replaced:
    """One replacement made in a document: where (document offsets), what it became."""

    start: int
    end: int
    entity: str
    action: Action
    text: str


@dataclass
class DocumentState:
    """What carries over between windows of one document (or texts of one session)."""

    book: PlaceholderBook = field(default_factory=PlaceholderBook, repr=False)
    known_names: dict[str, str | None] = field(default_factory=dict, repr=False)
    known_places: dict[str, str | None] = field(default_factory=dict, repr=False)
    offset: int = 0  # characters of the document already emitted
    # When a list, every replacement made is appended to it (a Session keeps them to
    # restore LLM output); None by default, so plain redaction keeps no originals.
    replaced: list[Replaced] | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class RedactedPiece:
    """One stretch of output: the redacted form of input[input_start:input_end].

    Its findings lie inside that input range; all offsets are document offsets.
    """

    text: str
    findings: tuple[Finding, ...]
    input_start: int = 0
    input_end: int = 0
