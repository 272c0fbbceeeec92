"""Value objects returned to callers: findings, the redaction, its summary.

A `Finding` holds offsets into the input and the reasons for its action, never the
matched text, so findings can be logged, reported and stored without leaking PHI.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Action", "Category", "Finding", "Redaction", "Summary"]


class Action(str, enum.Enum):
    """What a finding becomes in the output text."""

    REMOVE = "remove"
    REPLACE = "replace"
    GENERALIZE = "generalize"
    KEEP = "keep"

    def __str__(self) -> str:
        return self.value


class Category(str, enum.Enum):
    """How a finding relates to re-identification and harm."""

    IDENTIFIER = "identifier"
    QUASI_IDENTIFIER = "quasi_identifier"
    SENSITIVE = "sensitive"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    """One span of the input that the policy acted on (or chose to keep).

    `start` and `end` are offsets into the input text (end exclusive). The matched
    text is deliberately not stored.
    """

    start: int
    end: int
    entity: str
    category: Category
    score: float
    rule_id: str
    action: Action

    @property
    def sensitivity(self) -> tuple[str, ...]:
        """The entity's HL7 v3 ActCode information-sensitivity codes ("ETH", "HIV",
        "SDV", ...; see `phimin.ENTITIES`), for a FHIR resource's `meta.security`."""
        from phimin._entities import entity_info

        return entity_info(self.entity).sensitivity

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (no text)."""
        return {
            "start": self.start,
            "end": self.end,
            "entity": self.entity,
            "category": self.category.value,
            "score": round(self.score, 3),
            "rule_id": self.rule_id,
            "action": self.action.value,
            "sensitivity": list(self.sensitivity),
        }


def _frozen_counts(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items())))


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts of findings by entity, by category and by action."""

    by_entity: Mapping[str, int]
    by_category: Mapping[str, int]
    by_action: Mapping[str, int]
    total: int

    @classmethod
    def of(cls, findings: tuple[Finding, ...]) -> Summary:
        return cls(
            by_entity=_frozen_counts(Counter(f.entity for f in findings)),
            by_category=_frozen_counts(Counter(f.category.value for f in findings)),
            by_action=_frozen_counts(Counter(f.action.value for f in findings)),
            total=len(findings),
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "total": self.total,
            "by_entity": dict(self.by_entity),
            "by_category": dict(self.by_category),
            "by_action": dict(self.by_action),
        }


@dataclass(frozen=True, slots=True)
class Redaction:
    """The safe text and the findings that explain it."""

    text: str = field(repr=False)
    findings: tuple[Finding, ...]

    @property
    def summary(self) -> Summary:
        return Summary.of(self.findings)

    @property
    def changed(self) -> tuple[Finding, ...]:
        """Findings whose action altered the text (everything but `keep`)."""
        return tuple(f for f in self.findings if f.action is not Action.KEEP)
