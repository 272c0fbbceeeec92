"""The state of one document (or conversation) being redacted, and what comes out.

Light on purpose (no NLP imports), so sessions that only restore text stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from phimin._findings import Action, Finding
from phimin._placeholders import PlaceholderBook

__all__ = ["DocumentState", "RedactedPiece", "Replaced"]


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

    book: PlaceholderBook = field(default_factory=PlaceholderBook)
    known_names: dict[str, str | None] = field(default_factory=dict)
    known_places: dict[str, str | None] = field(default_factory=dict)
    offset: int = 0  # characters of the document already emitted
    # When a list, every replacement made is appended to it (a Session keeps them to
    # restore LLM output); None by default, so plain redaction keeps no originals.
    replaced: list[Replaced] | None = None


@dataclass(frozen=True, slots=True)
class RedactedPiece:
    """One stretch of output: the redacted form of input[input_start:input_end].

    Its findings lie inside that input range; all offsets are document offsets.
    """

    text: str
    findings: tuple[Finding, ...]
    input_start: int = 0
    input_end: int = 0
