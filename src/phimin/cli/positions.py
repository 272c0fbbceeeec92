"""Place findings at line:col while the document streams past.

`Locator` is fed the input text in order and told, after each redacted piece, how
far the document has been emitted. It keeps only the text not yet emitted (at most
one redaction window), counts lines as it goes, and drops what it has passed.
Lines and columns are 1-based; a column counts characters, not bytes, and not the byte
order mark that may open a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from phimin._findings import Finding

__all__ = ["Located", "Locator"]

_BOM = "\ufeff"  # a UTF-8 byte order mark (Windows editors write it): no column of its own

# Given a finding and the input text it covers, return a fingerprint (or None).
Fingerprinter = Callable[[Finding, str], "str | None"]


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with its 1-based line and column; `fingerprint` only if one was asked for.

    `field` names the string of a jsonl record the finding is in (a JSON Pointer such
    as `/text`); its offsets, line and column are then within that string.
    """

    finding: Finding
    line: int
    col: int
    fingerprint: str | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, object]:
        data = self.finding.to_dict()
        data["line"] = self.line
        data["col"] = self.col
        if self.field is not None:
            data["field"] = self.field
        return data


class Locator:
    def __init__(self, fingerprint: Fingerprinter | None = None) -> None:
        self._fingerprint = fingerprint
        self._pending: list[str] = []
        self._base = 0  # document offset of the first pending character
        self._line = 1  # line number at `_base`
        self._line_start = 0  # document offset where that line starts

    def feed(self, text: str) -> None:
        if text:
            if self._base == 0 and not self._pending and text[0] == _BOM:
                # Editors hide the mark and count "Call Nora" from its "C": so does line 1.
                self._line_start = 1
            self._pending.append(text)

    def locate(self, findings: Iterable[Finding], emitted_to: int) -> tuple[Located, ...]:
        """Place `findings` (all inside the text emitted so far), then forget up to `emitted_to`."""
        text = "".join(self._pending)
        located = []
        cursor = 0  # index into `text`
        line, line_start = self._line, self._line_start
        for f in sorted(findings, key=lambda f: (f.start, f.end)):
            rel = f.start - self._base
            if rel < cursor or rel > len(text):
                raise ValueError("finding offsets out of order with the stream")
            line, line_start = _advance(text, cursor, rel, line, line_start, self._base)
            cursor = rel
            fingerprint = None
            if self._fingerprint is not None:
                fingerprint = self._fingerprint(f, text[rel : f.end - self._base])
            located.append(Located(f, line, f.start - line_start + 1, fingerprint))
        cut = emitted_to - self._base
        if cut < cursor or cut > len(text):
            raise ValueError("emitted offset out of range of the fed text")
        self._line, self._line_start = _advance(text, cursor, cut, line, line_start, self._base)
        rest = text[cut:]
        self._pending = [rest] if rest else []
        self._base = emitted_to
        return tuple(located)


def _advance(
    text: str, start: int, end: int, line: int, line_start: int, base: int
) -> tuple[int, int]:
    """Line number and line-start offset at text[end], from those at text[start]."""
    breaks = text.count("\n", start, end)
    if breaks:
        line += breaks
        line_start = base + text.rfind("\n", start, end) + 1
    return line, line_start
