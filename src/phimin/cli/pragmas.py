"""Inline pragmas for check mode: `phimin: allow RULE_ID[, RULE_ID...]` on a line.

A pragma allows findings of the named rules on its own line, in `redact --check`
only: the filter never honours pragmas, so a pragma can never let text through to an
LLM. Pragmas are found while the input streams past, with a short carry-over so one
split across two blocks is still seen whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["PRAGMA_HELP", "Pragma", "PragmaScanner"]

PRAGMA_HELP = "phimin: allow RULE_ID"

_ID = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}"
_SP = r"[ \t]{0,10}"
_PRAGMA = re.compile(rf"phimin:{_SP}allow[ \t]{{1,10}}({_ID}(?:{_SP},{_SP}{_ID}){{0,9}})")
# Longer than any match of the pattern (about 1,200 characters): a match ending closer
# than this to the end of the text seen so far may still grow, so it waits.
_MARGIN = 2400


@dataclass(slots=True)
class Pragma:
    line: int
    col: int
    rule_ids: tuple[str, ...]
    used: set[str] = field(default_factory=set)

    @property
    def unused(self) -> tuple[str, ...]:
        return tuple(r for r in self.rule_ids if r not in self.used)


class PragmaScanner:
    """Feed text in order; `finish()` returns the pragmas by line number."""

    def __init__(self) -> None:
        self._buf = ""
        self._line = 1  # line number at _buf[0]
        self._col0 = 0  # characters of that line before _buf[0]
        self.by_line: dict[int, list[Pragma]] = {}

    def feed(self, text: str) -> None:
        self._buf += text
        if len(self._buf) > 2 * _MARGIN:
            self._scan(final=False)

    def finish(self) -> dict[int, list[Pragma]]:
        self._scan(final=True)
        return self.by_line

    def _scan(self, *, final: bool) -> None:
        text = self._buf
        limit = len(text) if final else len(text) - _MARGIN
        stop = limit
        cursor, line = 0, self._line
        for m in _PRAGMA.finditer(text):
            if not final and m.end() > limit:
                stop = m.start()
                break
            line += text.count("\n", cursor, m.start())
            cursor = m.start()
            ids = tuple(dict.fromkeys(p.strip() for p in m.group(1).split(",")))
            col = self._chars_before(text, m.start()) + 1
            self.by_line.setdefault(line, []).append(Pragma(line, col, ids))
        stop = max(stop, cursor)
        self._line = line + text.count("\n", cursor, stop)
        self._col0 = self._chars_before(text, stop)
        self._buf = text[stop:]

    def _chars_before(self, text: str, pos: int) -> int:
        """Characters of the line holding text[pos] that come before it."""
        line_start = text.rfind("\n", 0, pos) + 1
        return pos - line_start + (self._col0 if line_start == 0 else 0)
