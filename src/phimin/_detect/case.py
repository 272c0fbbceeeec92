"""How far capitals can be trusted in a text: mixed case, all capitals, or none.

In mixed-case text a capital is evidence of a name or a place; in an all-capital ward
note or a lower-case speech transcript it says nothing, and the rules lean on word
lists and context instead. The engine works out a chunk's case once and hands it to
every recognizer with the chunk's NLP artifacts (`case_of`).
"""

from __future__ import annotations

from typing import Any, Literal

__all__ = ["CaseMode", "case_mode", "case_of"]

CaseMode = Literal["mixed", "upper", "lower"]

# Every byte but the ASCII capitals (or small letters): deleting them counts the rest.
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)


def case_mode(text: str) -> CaseMode:
    """Is the text mostly capitals, almost none, or mixed (ASCII letters counted)?"""
    ascii_only = text.encode("ascii", "ignore")
    upper = len(ascii_only.translate(None, _NOT_UPPER))
    lower = len(ascii_only.translate(None, _NOT_LOWER))
    letters = upper + lower
    if letters == 0:
        return "mixed"
    if upper / letters > 0.6:
        return "upper"
    if upper / letters < 0.015:
        return "lower"
    return "mixed"


def case_of(text: str, nlp_artifacts: Any) -> CaseMode:
    """The case of the chunk `text`, as the engine worked it out once for its artifacts."""
    mode: CaseMode | None = getattr(nlp_artifacts, "case_mode", None)
    return mode if mode is not None else case_mode(text)
