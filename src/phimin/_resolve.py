"""Resolve overlaps between findings in one sort-and-sweep.

Overlapping findings that change the text form clusters. A cluster becomes one
finding: the one that covers the whole cluster if there is one (preferring evidence
from context over statistical guesses, then identifiers, then quasi-identifiers, then
sensitive content, then score), otherwise
the union of the cluster's spans under the best finding's entity, so no part of any
finding is left in the output. Kept findings that overlap a changing one are dropped
from the report: the text they cover is changed anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from phimin._catalogue import RuleRecord, Trait
from phimin._findings import Action, Category

__all__ = ["Candidate", "resolve"]

_PRIORITY = {Category.IDENTIFIER: 3, Category.QUASI_IDENTIFIER: 2, Category.SENSITIVE: 1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detection the policy acts on, before overlap resolution: its offsets in the
    original and the normalized text, its rule's record and the action decided."""

    start: int
    end: int
    norm_start: int
    norm_end: int
    entity: str
    category: Category
    score: float
    rule: RuleRecord
    action: Action

    @property
    def rule_id(self) -> str:
        return self.rule.id


def _rank(c: Candidate) -> tuple[int, float, float, int]:
    """Evidence from context beats a guess; between guesses the surer one wins
    ("at Larchmont Memorial": a facility, though the model saw a person)."""
    if c.rule.has(Trait.GUESS):
        return (0, c.score, _PRIORITY[c.category], c.end - c.start)
    return (1, _PRIORITY[c.category], c.score, c.end - c.start)


def resolve(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Non-overlapping changing findings, plus kept findings clear of them; sorted."""
    acting = sorted(
        (c for c in candidates if c.action is not Action.KEEP), key=lambda c: (c.start, -c.end)
    )
    resolved: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    for c in acting:
        if cluster and c.start < cluster_end:
            cluster.append(c)
            cluster_end = max(cluster_end, c.end)
            continue
        if cluster:
            resolved.append(_merge(cluster))
        cluster = [c]
        cluster_end = c.end
    if cluster:
        resolved.append(_merge(cluster))
    return _with_kept(resolved, candidates)


def _merge(cluster: list[Candidate]) -> Candidate:
    if len(cluster) == 1:
        return cluster[0]
    start = min(c.start for c in cluster)
    end = max(c.end for c in cluster)
    best = max(cluster, key=_rank)
    # A finding that covers the cluster names it ("Larchmont Memorial Hospital", not the
    # name inside), unless it is a guess and the cluster holds evidence from context.
    covering = [
        c for c in cluster if c.start == start and c.end == end and _rank(c)[0] >= _rank(best)[0]
    ]
    if covering:
        return max(covering, key=_rank)
    return replace(
        best,
        start=start,
        end=end,
        norm_start=min(c.norm_start for c in cluster),
        norm_end=max(c.norm_end for c in cluster),
    )


def _with_kept(resolved: list[Candidate], candidates: Sequence[Candidate]) -> list[Candidate]:
    kept = sorted(
        (c for c in candidates if c.action is Action.KEEP), key=lambda c: (c.start, -c.end)
    )
    clear: list[Candidate] = []
    i = 0
    for k in kept:
        # resolved is sorted and non-overlapping: skip those that end before k starts;
        # the next one overlaps k exactly when it starts before k ends.
        while i < len(resolved) and resolved[i].end <= k.start:
            i += 1
        if not (i < len(resolved) and resolved[i].start < k.end):
            clear.append(k)
    return sorted(resolved + clear, key=lambda c: (c.start, c.end))
