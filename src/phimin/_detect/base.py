"""What every phimin recognizer shares: Presidio's interface and a rule id per hit."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from phimin._detect.detection import Detection

__all__ = [
    "RULE_ID_KEY",
    "Detection",
    "PhiminRecognizer",
    "SpanFence",
    "detection_of",
    "lower_same_length",
]

RULE_ID_KEY = "phimin_rule_id"


def lower_same_length(text: str) -> str:
    """Lower case with the same length, so offsets found in it fit `text`.

    `str.lower` keeps the length except for one character (U+0130, dotted capital I,
    lowers to two) and lowers a capital sigma by context; a text with either is
    lowered one character at a time (a character that would grow stays as it is).
    """
    if text.isascii() or not ("\u0130" in text or "\u03a3" in text):
        return text.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class SpanFence:
    """Spans a finding may not overlap, merged and searched by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self._spans = merged
        self._starts = [s for s, _ in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1  # last span starting before `end`
        return i >= 0 and self._spans[i][1] > start


def detection_of(result: RecognizerResult) -> Detection:
    """A Presidio result as a detection (phimin's recognizers put their rule id in it)."""
    meta = result.recognition_metadata or {}
    return Detection(
        start=result.start,
        end=result.end,
        entity=result.entity_type,
        score=float(result.score),
        rule_id=str(meta.get(RULE_ID_KEY, meta.get(RecognizerResult.RECOGNIZER_NAME_KEY))),
    )


class PhiminRecognizer(EntityRecognizer):
    """A Presidio recognizer whose results carry phimin rule ids.

    Subclasses implement `find`, which yields `Detection`s (in the coordinates of the
    text it gets); context handling happens inside `find`, so Presidio's context
    enhancer is not needed for these recognizers.
    """

    ENTITIES: Sequence[str] = ()
    name: str

    def __init__(self, entities: Sequence[str] | None = None) -> None:
        super().__init__(
            supported_entities=list(entities if entities is not None else self.ENTITIES),
            name=type(self).__name__,
            supported_language="en",
            context=None,
        )

    def load(self) -> None:
        return None

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        raise NotImplementedError

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        results = []
        for hit in self.find(text, nlp_artifacts):
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=hit.score,
                pattern_name=hit.rule_id,
                textual_explanation=f"{self.name}: {hit.rule_id}",
            )
            metadata: dict[str, Any] = {
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                RULE_ID_KEY: hit.rule_id,
            }
            results.append(
                RecognizerResult(
                    entity_type=hit.entity,
                    start=hit.start,
                    end=hit.end,
                    score=hit.score,
                    analysis_explanation=explanation,
                    recognition_metadata=metadata,
                )
            )
        return results
