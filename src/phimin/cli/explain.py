"""`--explain`: a table on stderr of each finding and why, never the text.

One row per finding as the document streams: where (source, line:col), what
(entity, category), what was done (action), and why (the rule that found it, its
score, and the policy rule that decided: entity, category or default, with its
threshold).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from phimin._findings import Action, Finding
from phimin._policy import Policy
from phimin.cli.positions import Located

__all__ = ["Explainer"]

_COLUMNS = (
    ("SOURCE", 18),
    ("LINE:COL", 9),
    ("ENTITY", 20),
    ("CATEGORY", 16),
    ("ACTION", 10),
    ("SCORE", 5),
    ("RULE", 28),
)


class Explainer:
    def __init__(self, stream: TextIO, policy: Policy) -> None:
        self._stream = stream
        self._policy = policy
        self._rows = 0

    def rows(self, source: str, located: Sequence[Located]) -> None:
        for loc in located:
            if self._rows == 0:
                self._emit([name for name, _ in _COLUMNS] + ["WHY"])
            self._rows += 1
            f = loc.finding
            self._emit(
                [
                    source,
                    f"{loc.line}:{loc.col}",
                    f.entity,
                    f.category.value,
                    f.action.value,
                    f"{f.score:.2f}",
                    f.rule_id,
                    self.why(f),
                ]
            )
        self._stream.flush()

    def finish(self) -> None:
        self._stream.write(f"phimin: {self._rows} finding(s) explained\n")
        self._stream.flush()

    def why(self, f: Finding) -> str:
        rule = self._policy.rule_for(f.entity, f.category)
        if f.entity in self._policy.entities:
            level = f"entity {f.entity}"
        elif f.category in self._policy.categories:
            level = f"category {f.category.value}"
        else:
            level = "default"
        why = f"policy {level}: {rule.action.value} at score >= {rule.threshold:.2f}"
        if f.action is Action.KEEP and rule.action is not Action.KEEP:
            why += " (already minimal, left as is)"
        return why

    def _emit(self, cells: Sequence[str]) -> None:
        widths = [w for _, w in _COLUMNS] + [0]
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        self._stream.write(line + "\n")
