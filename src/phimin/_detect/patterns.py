"""Regular-expression recognizers kept as data: one `PatternSpec` per rule.

All specs of a recognizer run in one pass over a chunk. Every regex runs on the
`regex` engine with a timeout; a timeout is an error that stops the text (fail
closed), never a skipped pattern (Presidio logs and skips).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex

from phimin._catalogue import RuleRecord
from phimin._detect.base import PhiminRecognizer
from phimin._detect.detection import Detection
from phimin._detect.lines import (
    derived_words,
    finditer_in,
    lines_around,
    lines_with,
    lines_with_in,
    lines_with_words,
    single_line,
    split_alternation,
    words_are_all,
)
from phimin._detect.literals import SYNTAX, gate_fold, standard_tree
from phimin._detect.pattern_facts import PatternFacts, pattern_facts
from phimin._errors import DetectionError
from phimin._lazy_regex import LazyPattern

__all__ = ["REGEX_TIMEOUT_SECONDS", "PatternRecognizerSet", "PatternSpec", "compile_spec"]

# Per pattern and chunk. Chunks are a few thousand characters: a sane pattern needs
# microseconds; one that needs this long is backtracking and the text fails closed.
REGEX_TIMEOUT_SECONDS = 2.0

Validator = Callable[[str], "bool | None"]

_TRIGGER_WORD = 2  # the shortest word a trigger's lines are found by (`_trigger_lines`)
_VALID_SCORE = 0.95  # a validator's pass, where the record names no `valid` score
_CONTEXT_BEFORE = 48
_CONTEXT_AFTER = 20


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """The code of one pattern rule: its regex, and how to read and check a match.

    The rule's record (entity, scores) is in the catalogue. `group` names the part of
    the match that is the identifier (the rest is context such as "MRN:"). `validate`
    gets that part and answers True (a checksum passed: the record's `valid` score),
    False (drop it, or score the record's `invalid` score if it names one) or None (no
    opinion). `context` words within a few words before or after raise the score to the
    record's `context` score; with `needs_context`, a match without them is dropped.
    `trigger` is a pattern every match holds (a digit, by default): the spec runs only
    on lines that hold it.
    """

    rule: RuleRecord
    pattern: str
    group: str | None = None
    validate: Validator | None = None
    context: tuple[str, ...] = ()
    needs_context: bool = False
    trigger: str = r"\d"

    @property
    def rule_id(self) -> str:
        return self.rule.id


@dataclass(frozen=True, slots=True)
class _Compiled:
    spec: PatternSpec
    lazy_pattern: LazyPattern
    lazy_context: LazyPattern | None
    trigger: regex.Pattern[str]
    single_line: bool  # runs only on the lines holding its trigger (see `lines`)
    words: frozenset[str] | None = None  # one is in every match (`pattern_facts`)
    min_digits: int = 0  # every match holds this many digits at least
    parts: tuple[_TriggerPart, ...] = ()  # how the trigger's lines are found

    @property
    def narrowed(self) -> bool:
        return any(part.narrowed for part in self.parts)

    @property
    def pattern(self) -> regex.Pattern[str]:
        return self.lazy_pattern.compiled

    @property
    def context(self) -> regex.Pattern[str] | None:
        return None if self.lazy_context is None else self.lazy_context.compiled


def compile_spec(spec: PatternSpec, facts: PatternFacts | None = None) -> _Compiled:
    """The spec ready to scan; its pattern and context words compile on first use.

    Without `facts` (see `pattern_facts`) the pattern runs on every line holding its
    trigger, as a pattern whose tree says nothing.
    """
    context = None
    if spec.context:
        words = "|".join(regex.escape(w) for w in spec.context)
        context = LazyPattern(rf"(?i)(?<![\w])(?:{words})(?![\w])")
    return _Compiled(
        spec,
        LazyPattern(spec.pattern),
        context,
        regex.compile(spec.trigger),
        single_line(spec.pattern) if facts is None else facts.single_line,
        None if facts is None else facts.words,
        0 if facts is None else facts.min_digits,
        trigger_parts(spec.trigger),
    )


@dataclass(frozen=True, slots=True)
class _TriggerPart:
    """A trigger, or one branch of it (`trigger_parts`), and how its lines are found:
    by its `words` where it has some (`lines.derived_words`), else by its regex. Where
    the words are not all it matches ("\\d(?:st|nd|rd|th)" is in far fewer lines than
    "th"), the lines holding them are searched for the regex (`narrowed`)."""

    source: str
    compiled: regex.Pattern[str]
    words: frozenset[str] | None
    narrowed: bool


@functools.lru_cache(maxsize=256)  # triggers are module constants: each is read once
def trigger_parts(trigger: str) -> tuple[_TriggerPart, ...]:
    """The trigger as one part; or, for an alternation that is more than its words (or has
    none) where some of its branches are words ("(?i)\\d|ninet|hundred"), a part per
    branch, the words found by word search and the rest by a smaller regex: the engine
    tries every branch at every position. A line holds the trigger where it holds a
    branch (none crosses a line)."""
    branches = None
    if single_line(trigger) and not words_are_all(trigger, _TRIGGER_WORD):
        branches = split_alternation(trigger)
    if not branches or all(derived_words(b, _TRIGGER_WORD) is None for b in branches):
        branches = [trigger]
    return tuple(_trigger_part(b) for b in branches)


def _trigger_part(source: str) -> _TriggerPart:
    words = derived_words(source, _TRIGGER_WORD)
    narrowed = False
    if words is not None and not words_are_all(source, _TRIGGER_WORD):
        if single_line(source) and _opens_with_a_choice(source):
            narrowed = True
        elif single_line(source):
            # A regex that opens with a letter or a class ("\\d(?:st|nd)", "the[ ]+...") is
            # quick to search; its words ("st", "the") are in most lines.
            words = None
    return _TriggerPart(source, regex.compile(source), words, narrowed)


def _opens_with_a_choice(pattern: str) -> bool:
    """Does `pattern` open with a look-around or an alternation, which the engine tries at
    every position of a text (a letter or a class, it finds quickly)?"""
    tree = standard_tree(pattern)
    items = [] if tree is None else list(tree)
    while items:
        op, av = items[0]
        if op is SYNTAX.SUBPATTERN:
            items = list(av[-1])
            continue
        return op in (SYNTAX.ASSERT, SYNTAX.ASSERT_NOT, SYNTAX.BRANCH)
    return False


def _has_context(compiled: _Compiled, text: str, start: int, end: int) -> bool:
    context = compiled.context
    if context is None:
        return False
    before = text[max(0, start - _CONTEXT_BEFORE) : start]
    after = text[end : end + _CONTEXT_AFTER]
    return bool(context.search(before) or context.search(after))


def _score(compiled: _Compiled, text: str, start: int, end: int) -> float | None:
    spec = compiled.spec
    scores = spec.rule.scores
    score = spec.rule.score
    if compiled.lazy_context is not None:
        if _has_context(compiled, text, start, end):
            score = max(score, scores.get("context", score))
        elif spec.needs_context:
            return None
    if spec.validate is not None:
        verdict = spec.validate(text[start:end])
        if verdict is True:
            score = max(score, scores.get("valid", _VALID_SCORE))
        elif verdict is False:
            return scores.get("invalid")
    return score


def scan(
    specs: Sequence[_Compiled], text: str, index: _WordIndex | None = None
) -> Iterator[Detection]:
    """Run every spec over `text`; raise `DetectionError` if any regex times out.

    A spec runs only where its facts allow a match: the text holds one of its words,
    and a line holds its trigger and as many digits as every match needs (the whole
    text, for a pattern that may cross a line). A spec that cannot run is never
    compiled. `index` (of these specs) finds all their words in one pass.
    """
    lines: dict[str, list[tuple[int, int]]] = {}  # trigger -> the lines holding it
    digits = _DigitCounts(text)
    folded: str | None = None
    whole = [(0, len(text))]
    found = None if index is None else index.read(text)
    for i, compiled in enumerate(specs):
        spec = compiled.spec
        if compiled.words is not None:
            if found is not None:
                if i not in found.specs:
                    continue
            else:
                if folded is None:
                    folded = gate_fold(text)
                if not any(word in folded for word in compiled.words):
                    continue
        if spec.trigger not in lines:
            lines[spec.trigger] = _trigger_lines(compiled, text, found)
        ranges = lines[spec.trigger]
        if compiled.min_digits > 1 and ranges:
            if compiled.single_line:
                ranges = digits.lines_with_at_least(compiled.min_digits, ranges)
            elif digits.total < compiled.min_digits:
                ranges = []
        if not ranges:
            continue
        pattern = compiled.pattern
        try:
            for m in finditer_in(
                pattern,
                text,
                ranges if compiled.single_line else whole,
                timeout=REGEX_TIMEOUT_SECONDS,
            ):
                yield from _hit(compiled, text, m)
        except TimeoutError as exc:
            raise DetectionError(
                f"pattern {spec.rule_id} exceeded {REGEX_TIMEOUT_SECONDS}s on one chunk"
            ) from exc


def _trigger_lines(
    compiled: _Compiled, text: str, found: _Found | None = None
) -> list[tuple[int, int]]:
    """The runs of lines holding the spec's trigger (`lines.lines_with`), or more: when
    every trigger match holds one of some words ("jan", "feb", "rd", ...), the lines
    holding one of those, found as substrings (`lines.lines_with_words`, or where
    `found`, the word index's reading of the text, says they start); the regex
    engine scans an alternation of words several times slower. A line without the
    trigger holds no match, so the extra lines change nothing but a little time (most
    triggers are their words: two letters are as selective as the trigger itself); a
    trigger that is more than its words searches their lines for itself, and one split
    into branches (`trigger_parts`) takes the lines of each."""
    runs = []
    for part in compiled.parts:
        if part.words is None:
            runs.append(lines_with(part.compiled, text))
            continue
        if found is not None and part.source in found.starts:
            near = lines_around(text, ((s, s + 1) for s in found.starts[part.source]))
        else:
            near = lines_with_words(part.words, text)
        runs.append(lines_with_in(part.compiled, text, near) if part.narrowed else near)
    if len(runs) == 1:
        return runs[0]
    return lines_around(text, [run for ranges in runs for run in ranges])


@dataclass(frozen=True, slots=True)
class _Found:
    specs: set[int]  # the specs one of whose words the text holds
    starts: dict[str, list[int]]  # trigger (with words) -> where its words start


class _WordIndex:
    """The words of a set's specs (their facts) and of their triggers (`_trigger_lines`)
    in one Aho-Corasick automaton: one pass over a text says which specs may match and
    where each trigger's words are, as `word in text` and `lines_with_words` would,
    word by word."""

    def __init__(self, specs: Sequence[_Compiled]) -> None:
        table: dict[str, tuple[set[int], set[str]]] = {}
        self._triggers: set[str] = set()  # the triggers with words (all listed in `read`)
        for i, compiled in enumerate(specs):
            for word in compiled.words or ():
                table.setdefault(word, (set(), set()))[0].add(i)
            for part in compiled.parts:
                if part.words is not None:
                    self._triggers.add(part.source)
                    for word in part.words:
                        table.setdefault(word, (set(), set()))[1].add(part.source)
        self._automaton: Any = None
        if table:
            self._automaton = ahocorasick.Automaton()
            for word, (indices, triggers) in table.items():
                self._automaton.add_word(word, (len(word), frozenset(indices), tuple(triggers)))
            self._automaton.make_automaton()

    def read(self, text: str) -> _Found | None:
        """None when the folded text's offsets are not the text's (which does not happen)."""
        folded = gate_fold(text)
        if self._automaton is None or len(folded) != len(text):
            return None
        found = _Found(set(), {trigger: [] for trigger in self._triggers})
        for end, (length, indices, triggers) in self._automaton.iter(folded):
            found.specs.update(indices)
            for trigger in triggers:
                found.starts[trigger].append(end - length + 1)
        return found


_DIGIT = regex.compile(r"\d")  # every character a pattern's `\d` or `[0-9]` matches
_LINE = regex.compile(r"[^\n]*\n?")


class _DigitCounts:
    """How many digits each line of a text holds, counted on first need."""

    __slots__ = ("_lines", "_text", "_total")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[tuple[int, int, int]] | None = None  # (start, end, digits)
        self._total = -1

    @property
    def total(self) -> int:
        if self._total < 0:
            self._total = len(_DIGIT.findall(self._text))
        return self._total

    def _counted(self) -> list[tuple[int, int, int]]:
        if self._lines is None:
            text = self._text
            self._lines = [
                (m.start(), m.end(), n)
                for m in _LINE.finditer(text)
                if m.end() > m.start() and (n := len(_DIGIT.findall(text, m.start(), m.end())))
            ]
        return self._lines

    def lines_with_at_least(
        self, needed: int, within: Sequence[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The runs of lines inside `within` (runs of whole lines) holding `needed`
        digits or more each, line breaks included, as `lines.lines_with` gives them."""
        ranges: list[tuple[int, int]] = []
        spans = iter(within)
        span = next(spans, None)
        for start, end, count in self._counted():
            while span is not None and span[1] <= start:
                span = next(spans, None)
            if span is None:
                break
            if count < needed or start < span[0]:
                continue
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges


def _hit(compiled: _Compiled, text: str, m: regex.Match[str]) -> Iterator[Detection]:
    spec = compiled.spec
    start, end = m.span(spec.group) if spec.group else m.span()
    if start < 0 or end <= start:
        return
    score = _score(compiled, text, start, end)
    if score is not None and score > 0:
        yield spec.rule.at(start, end, score)


class PatternRecognizerSet(PhiminRecognizer):
    """A Presidio recognizer that runs a list of `PatternSpec`s in one pass."""

    def __init__(self, specs: Iterable[PatternSpec], name: str | None = None) -> None:
        listed = tuple(specs)
        facts = pattern_facts(name or "patterns", [s.pattern for s in listed])
        self._specs = tuple(compile_spec(s, facts[s.pattern]) for s in listed)
        self._index: _WordIndex | None = None  # built on the first text
        super().__init__(entities=sorted({c.spec.rule.entity for c in self._specs}))
        if name:
            self.name = name

    @property
    def specs(self) -> tuple[PatternSpec, ...]:
        return tuple(c.spec for c in self._specs)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        index = self._index
        if index is None:  # (two threads may both build it: the same index)
            index = self._index = _WordIndex(self._specs)
        return scan(self._specs, text, index)
