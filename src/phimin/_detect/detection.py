"""The span that travels from detection to decision: where, what, how sure, which rule.

Recognizers produce detections in the coordinates of the chunk they read; the engine
shifts them into the normalized document. A detection names its rule by id; the rule's
record (`phimin._catalogue`) holds everything else the pipeline asks about it.
Light on purpose: detections cross into worker processes and back.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Detection"]


@dataclass(frozen=True, slots=True)
class Detection:
    start: int
    end: int
    entity: str
    score: float
    rule_id: str

    def shifted(self, offset: int) -> Detection:
        return Detection(
            self.start + offset, self.end + offset, self.entity, self.score, self.rule_id
        )

    def spanning(self, start: int, end: int) -> Detection:
        """The same finding over other offsets (trimmed, or grown over a name's words)."""
        return Detection(start, end, self.entity, self.score, self.rule_id)
