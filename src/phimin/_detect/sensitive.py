"""Sensitive content from the rule packs, in one pass.

All phrases of all rules go into one Aho-Corasick automaton (one for case-insensitive
phrases, one for case-sensitive ones); token patterns and regexes run per rule with a
timeout, each only on chunks that contain a word it cannot match without (see
`literals`), and one that cannot cross a line break only on the lines holding such a
word (`lines.single_line`: the same matches). A match is dropped when a negative
pattern of the same rule overlaps it. A regex is compiled when it first runs: most
never meet a text that holds their words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick
import regex

from phimin._detect.base import PhiminRecognizer, lower_same_length
from phimin._detect.detection import Detection
from phimin._detect.lines import finditer_in, lines_around, single_line
from phimin._detect.literals import LiteralGate
from phimin._detect.patterns import REGEX_TIMEOUT_SECONDS
from phimin._errors import DetectionError, RulePackError
from phimin._rulepacks import RuleSet, compile_rule_regex, regex_words

__all__ = ["SensitiveRecognizer"]


def _automaton(entries: Iterable[tuple[str, int, bool]]) -> Any:
    """entries: (phrase, rule index, negative?) -> automaton of phrase -> [(index, neg)]."""
    table: dict[str, list[tuple[int, bool]]] = {}
    for phrase, index, negative in entries:
        table.setdefault(phrase, []).append((index, negative))
    automaton = ahocorasick.Automaton()
    for phrase, values in table.items():
        automaton.add_word(phrase, (len(phrase), tuple(values)))
    if table:
        automaton.make_automaton()
    return automaton if table else None


def _bounded(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a whole-word match?"""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


class SensitiveRecognizer(PhiminRecognizer):
    def __init__(self, rules: RuleSet, *, gated: bool = True) -> None:
        self._rules = rules.rules
        # Every regex with its rule index and sign, in one list the gate indexes.
        self._regexes = tuple(
            (i, pattern, negative)
            for i, rule in enumerate(self._rules)
            for patterns, negative in ((rule.regexes, False), (rule.negative_regexes, True))
            for pattern in patterns
        )
        patterns = [p for _, p, _ in self._regexes]
        words = rules.words
        if not all(p in words for p in patterns):  # a set built by hand: check it here
            broken, words = regex_words(patterns, remember=False)
            if broken:
                raise RulePackError(sorted(set(broken.values())))
        self._compiled: list[regex.Pattern[str] | None] = [None] * len(self._regexes)
        self._one_line: list[bool | None] = [None] * len(self._regexes)
        self._gate = LiteralGate(patterns, [words[p] for p in patterns]) if gated else None
        super().__init__(entities=sorted(rules.entities) or ["SENSITIVE"])
        self._folded = _automaton(
            [(p, i, False) for i, r in enumerate(self._rules) for p in r.phrases]
            + [(p, i, True) for i, r in enumerate(self._rules) for p in r.negative_phrases]
        )
        self._cased = _automaton(
            [(p, i, False) for i, r in enumerate(self._rules) for p in r.phrases_cased]
            + [(p, i, True) for i, r in enumerate(self._rules) for p in r.negative_phrases_cased]
        )

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        positives: list[tuple[int, int, int]] = []
        negatives: dict[int, list[tuple[int, int]]] = {}
        for i, start, end, negative in self._matches(text):
            if negative:
                negatives.setdefault(i, []).append((start, end))
            else:
                positives.append((i, start, end))
        hits = []
        for i, start, end in positives:
            if any(s < end and start < e for s, e in negatives.get(i, ())):
                continue
            rule = self._rules[i]
            hits.append(Detection(start, end, rule.entity, rule.score, rule.id))
        return hits

    def _matches(self, text: str) -> Iterator[tuple[int, int, int, bool]]:
        for automaton, haystack in ((self._folded, lower_same_length(text)), (self._cased, text)):
            if automaton is None:
                continue
            for end_index, (length, values) in automaton.iter(haystack):
                end = end_index + 1
                start = end - length
                if _bounded(haystack, start, end):
                    for i, negative in values:
                        yield i, start, end, negative
        gate = self._gate
        found = None if gate is None else gate.words_at(text)
        always = frozenset() if gate is None else gate.always
        whole = [(0, len(text))]
        for k, (i, _, negative) in enumerate(self._regexes):
            ends = None if found is None else found.get(k)
            if found is not None and ends is None and k not in always:
                continue  # a word every match needs is not in this text
            pattern = self._compiled[k] or self._compile(k)
            ranges = whole
            if ends and self._single_line(k):  # only the lines holding its words
                ranges = lines_around(text, [(e, e + 1) for e in ends])
            try:
                for m in finditer_in(pattern, text, ranges, timeout=REGEX_TIMEOUT_SECONDS):
                    if m.end() > m.start():
                        yield i, m.start(), m.end(), negative
            except TimeoutError as exc:
                raise DetectionError(
                    f"rule {self._rules[i].id} exceeded {REGEX_TIMEOUT_SECONDS}s on one chunk"
                ) from exc

    def _single_line(self, k: int) -> bool:
        """Whether regex `k` never matches across a line break, worked out on first need."""
        one_line = self._one_line[k]
        if one_line is None:
            one_line = self._one_line[k] = single_line(self._regexes[k][1])
        return one_line

    def _compile(self, k: int) -> regex.Pattern[str]:
        """Compile regex `k` on its first run (two threads may both compile it: same result)."""
        i, pattern, _ = self._regexes[k]
        try:
            compiled = compile_rule_regex(pattern)
        except regex.error:  # checked at load; fail closed all the same
            raise DetectionError(f"rule {self._rules[i].id}: a regex does not compile") from None
        self._compiled[k] = compiled
        return compiled
