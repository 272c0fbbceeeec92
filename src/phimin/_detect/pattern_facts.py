"""What a pattern's syntax tree proves about every match, read once and kept.

Three facts decide where a built-in pattern needs to run at all:

- `single_line`: no match holds a line break (`lines.single_line`), so the pattern
  runs only on the lines that could hold a match;
- `words`: one of these words (ignoring case) is in every match
  (`literals.required_literals`), so a text without any of them is skipped;
- `min_digits`: every match consumes at least this many digits. Most identifier and
  date patterns need several ("555-0123" seven, an SSN nine); a line of a note holds
  one or two ("PHQ-9 12"), and a pattern whose matches need more than the line has
  cannot match there.

Each is a necessary condition proved from the tree, never a guess: anything the
standard parser cannot read gives the weakest fact (whole text, no words, no digits).
Reading the trees costs a short run more than compiling the few patterns it then
runs, so the facts of phimin's own patterns are kept between runs (`phimin._derived`),
under the hash of the patterns' text and of the code that reads them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from phimin._derived import Fingerprint, derived
from phimin._detect import lines, literals
from phimin._detect.literals import REPEAT_OPS, SYNTAX, standard_tree

__all__ = ["PatternFacts", "min_digits", "pattern_facts"]

_DIGITS = range(ord("0"), ord("9") + 1)


@dataclass(frozen=True, slots=True)
class PatternFacts:
    single_line: bool
    words: frozenset[str] | None  # None: no word is certain
    min_digits: int


def min_digits(pattern: str) -> int:
    """How many digits every match of `pattern` consumes at least (0 when unknown).

    Counts only what a match consumes: a look-around's digits are outside the match,
    and a class counts only if it holds nothing but digits (`[0-9]`, `\\d`).
    """
    tree = standard_tree(pattern)
    return 0 if tree is None else _sequence(tree)


def _sequence(items: Any) -> int:
    return sum(_element(op, av) for op, av in items)


def _element(op: Any, av: Any) -> int:
    if op is SYNTAX.LITERAL:
        return 1 if av in _DIGITS else 0
    if op is SYNTAX.IN:
        return 1 if _only_digits(av) else 0
    if op is SYNTAX.SUBPATTERN:
        return _sequence(av[-1])
    if op is SYNTAX.BRANCH:
        return min(_sequence(branch) for branch in av[1])
    if op in REPEAT_OPS:
        return int(av[0]) * _sequence(av[2])
    if op is getattr(SYNTAX, "ATOMIC_GROUP", None):
        return _sequence(av)
    return 0  # look-arounds, anchors, any character, backreferences: count nothing


def _only_digits(items: Any) -> bool:
    for op, av in items:
        if op is SYNTAX.LITERAL and av in _DIGITS:
            continue
        if op is SYNTAX.RANGE and av[0] in _DIGITS and av[1] in _DIGITS:
            continue
        if op is SYNTAX.CATEGORY and av is SYNTAX.CATEGORY_DIGIT:
            continue
        return False  # a negation, a letter, a wider category
    return bool(items)


def _read(pattern: str) -> PatternFacts:
    return PatternFacts(
        single_line=lines.single_line(pattern),
        words=literals.required_literals(pattern),
        min_digits=min_digits(pattern),
    )


def pattern_facts(kind: str, patterns: Sequence[str]) -> dict[str, PatternFacts]:
    """The facts of each of phimin's own patterns (`kind` names the set in the cache)."""
    unique = sorted(set(patterns))

    def build() -> dict[str, PatternFacts]:
        return {pattern: _read(pattern) for pattern in unique}

    def encode(found: dict[str, PatternFacts]) -> Any:
        return {p: (f.single_line, f.words, f.min_digits) for p, f in found.items()}

    def decode(plain: Any) -> dict[str, PatternFacts]:
        if not isinstance(plain, dict) or set(plain) != set(unique):
            raise ValueError("not the patterns asked for")
        found = {}
        for pattern, (single, words, digits) in plain.items():
            if not (
                isinstance(single, bool)
                and isinstance(digits, int)
                and (words is None or isinstance(words, frozenset))
                and all(isinstance(word, str) for word in words or ())
            ):
                raise ValueError("not a pattern's facts")
            found[pattern] = PatternFacts(single, words, digits)
        return found

    fingerprint = (
        Fingerprint(f"pattern-facts-{kind}")
        .code(sys.modules[__name__], lines, literals)
        .text(*unique)
    )
    return derived(fingerprint, build, encode, decode)
