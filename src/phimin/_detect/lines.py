"""Run a pattern only on the lines where it can match.

A pattern whose matches can never hold a line break, and whose look-aheads cannot
look past one, finds the same matches when it runs line by line (`finditer_in`:
`finditer` with `pos` and `endpos`; look-behinds see the whole text either way).
`single_line` proves this from the syntax tree; `lines_with` lists the lines holding
a trigger, a text every match needs, so the other lines are never scanned. Anchors
read the same on whole lines: `regex`'s `^` and `\\A` never match at an arbitrary
`pos`, only at the text's start (or, `^` with MULTILINE, after a line break); and
each run of lines is read one character past its line break, so that `$` and `\\Z`,
which hold at `endpos`, can hold there only for a match starting on the next line,
which is left to that line. Anything the proof cannot read (syntax only `regex`
knows, `.` with DOTALL, a flag switched inside the pattern, an empty match) makes the
pattern run over the whole text as before.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import ahocorasick
import regex

from phimin._detect.kept_facts import KeptFacts
from phimin._detect.literals import (
    MIN_LITERAL,
    REPEAT_OPS,
    SYNTAX,
    exact_spellings,
    gate_fold,
    opening_spellings,
    required_literal_sets,
    required_literals,
    standard_tree,
)
from phimin._lazy_regex import AnyPattern, LazyPattern

__all__ = [
    "derived_openings",
    "derived_word_sets",
    "derived_words",
    "finditer_at_openings",
    "finditer_by_line",
    "finditer_from",
    "finditer_in",
    "lines_around",
    "lines_with",
    "lines_with_in",
    "lines_with_words",
    "single_line",
    "split_alternation",
    "words_are_all",
]

_V = TypeVar("_V")
_NEWLINE = 10


def _words_or_none(value: Any) -> bool:
    return value is None or (
        isinstance(value, frozenset) and all(isinstance(w, str) for w in value)
    )


def _kept(valid: Callable[[Any], bool]) -> Callable[[Callable[..., _V]], KeptFacts[_V]]:
    """A pure function of a pattern whose answers for phimin's own patterns are kept
    between runs (`kept_facts`); `valid` checks an answer read back."""
    return lambda function: KeptFacts(function.__name__, function, valid)


# Classes that hold a line break (in the standard parser's names).
_HOLD_NEWLINE = frozenset(
    getattr(SYNTAX, name)
    for name in ("CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK")
)
_NO_NEWLINE = frozenset(
    getattr(SYNTAX, name)
    for name in ("CATEGORY_NOT_SPACE", "CATEGORY_DIGIT", "CATEGORY_WORD", "CATEGORY_NOT_LINEBREAK")
)
_BOUNDARIES = frozenset(
    getattr(SYNTAX, name)
    for name in (
        "AT_BOUNDARY",
        "AT_NON_BOUNDARY",
        "AT_LOC_BOUNDARY",
        "AT_LOC_NON_BOUNDARY",
        "AT_UNI_BOUNDARY",
        "AT_UNI_NON_BOUNDARY",
    )
    if hasattr(SYNTAX, name)
)
_ANCHORS = _BOUNDARIES | frozenset(
    (SYNTAX.AT_BEGINNING, SYNTAX.AT_BEGINNING_STRING, SYNTAX.AT_END, SYNTAX.AT_END_STRING)
)
_LINE_FLAGS = re.DOTALL | re.MULTILINE


# Unicode properties that never include a line break: for the proof, each stands in as
# a letter the standard parser reads ("\\p{L}" -> "a", in a class or not).
_SAFE_PROPERTY = regex.compile(r"\\p\{(?:L|Lu|Ll|Lt|Lm|Lo|N|Nd|Nl|No|M|Mn)\}")
_ANY_PROPERTY = regex.compile(r"\\[pP]\{[\w=]+\}")


@_kept(lambda value: isinstance(value, bool))  # each pattern is parsed once
def single_line(pattern: str) -> bool:
    """True when running `pattern` line by line finds exactly its whole-text matches."""
    tree = standard_tree(_SAFE_PROPERTY.sub("a", pattern))
    if tree is None or tree.state.flags & re.DOTALL or tree.getwidth()[0] == 0:
        return False
    return _never_newline(tree)


def _class_holds_newline(items: Any) -> bool | None:
    negate = False
    holds = False
    for op, av in items:
        if op is SYNTAX.NEGATE:
            negate = True
        elif op is SYNTAX.LITERAL:
            holds |= av == _NEWLINE
        elif op is SYNTAX.RANGE:
            holds |= av[0] <= _NEWLINE <= av[1]
        elif op is SYNTAX.CATEGORY and av in _HOLD_NEWLINE:
            holds = True
        elif not (op is SYNTAX.CATEGORY and av in _NO_NEWLINE):
            return None  # unknown: assume the worst
    return holds != negate


def _ends_by_newline(items: Any) -> bool:
    """A look-ahead's body that reads a line break, if at all, only as the last character
    it reads ("(?=[ ]*(?:[,\\n]|$))"): `finditer_in` reads each range one character past
    its line break, so such a look-ahead sees what it sees in the whole text."""
    items = list(items)
    if not items or _never_newline(items):
        return True
    *head, (op, av) = items
    if not _never_newline(head):
        return False
    if op in (SYNTAX.LITERAL, SYNTAX.NOT_LITERAL, SYNTAX.IN):  # one character
        return True
    if op is SYNTAX.SUBPATTERN:
        return not (av[1] | av[2]) & _LINE_FLAGS and _ends_by_newline(av[-1])
    if op is SYNTAX.BRANCH:
        return all(_ends_by_newline(branch) for branch in av[1])
    if op in REPEAT_OPS and av[1] <= 1:  # "x?": once or not at all
        return _ends_by_newline(av[2])
    return False


def _never_newline(items: Any) -> bool:
    """No element consumes a line break, and no look-ahead needs to look past one."""
    for op, av in items:
        if op is SYNTAX.LITERAL:
            if av == _NEWLINE:
                return False
        elif op is SYNTAX.NOT_LITERAL:  # "[^\n]"
            if av != _NEWLINE:
                return False
        elif op is SYNTAX.ANY:  # "." never matches a line break without DOTALL (checked)
            continue
        elif op is SYNTAX.IN:
            if _class_holds_newline(av) is not False:
                return False
        elif op is SYNTAX.SUBPATTERN:  # (group, flags added, flags removed, body)
            if (av[1] | av[2]) & _LINE_FLAGS or not _never_newline(av[-1]):
                return False
        elif op is SYNTAX.BRANCH:
            if not all(_never_newline(branch) for branch in av[1]):
                return False
        elif op in REPEAT_OPS:
            if not _never_newline(av[2]):
                return False
        elif op is SYNTAX.AT:  # anchors and word boundaries: see the module's docstring
            if av not in _ANCHORS:
                return False
        elif op in (SYNTAX.ASSERT, SYNTAX.ASSERT_NOT):
            # a look-behind sees the whole text whatever pos is; a look-ahead stops at endpos
            if av[0] > 0 and not _ends_by_newline(av[1]):
                return False
        elif op is getattr(SYNTAX, "ATOMIC_GROUP", None):
            if not _never_newline(av):
                return False
        elif op is SYNTAX.GROUPREF_EXISTS:
            if not all(_never_newline(b) for b in av[1:] if b is not None):
                return False
        elif op is not SYNTAX.GROUPREF:  # a backreference repeats a group checked above
            return False
    return True


def lines_with(trigger: AnyPattern, text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines holding a trigger match, line breaks included.
    A trigger that opens with words (`derived_openings`) is tried only where they are."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    openings = derived_openings(trigger.pattern)
    if openings is not None:
        folded = gate_fold(text)
        if len(folded) == len(text):  # (folding keeps every length; were it ever not so)
            return _lines_at_openings(trigger, text, folded, openings)
    while (m := trigger.search(text, pos)) is not None:
        pos = _add_lines(ranges, text, m)
    return ranges


def _add_lines(ranges: list[tuple[int, int]], text: str, m: regex.Match[str]) -> int:
    """Add the lines match m is on to `ranges` (joined to the last range if they touch);
    return where the search goes on: the end of its last line."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())  # a match may span lines: take all of them
    end = len(text) if end < 0 else end + 1
    if ranges and ranges[-1][1] == start:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))
    return end


def _lines_at_openings(
    trigger: AnyPattern, text: str, folded: str, openings: frozenset[str]
) -> list[tuple[int, int]]:
    """`lines_with`, the trigger tried where its openings are (the first that matches at
    or after where the search would go on is where the search would find one)."""
    compiled = trigger.compiled if isinstance(trigger, LazyPattern) else trigger
    ranges: list[tuple[int, int]] = []
    pos = 0
    for at in _openings_at(openings, folded, 0, len(folded)):
        if at < pos or (m := compiled.match(text, at)) is None:
            continue
        pos = _add_lines(ranges, text, m)
    return ranges


def _openings_at(openings: frozenset[str], folded: str, low: int, high: int) -> list[int]:
    """Where in folded[low:high] each of `openings` begins, ascending."""
    if len(openings) > _FIND_AT_MOST:
        found = [at - size + 1 for at, size in _automaton(openings).iter(folded, low, high)]
    else:
        found = []
        for word in openings:
            at = folded.find(word, low, high)
            while at >= 0:
                found.append(at)
                at = folded.find(word, at + 1, high)
    return sorted(set(found))


def finditer_by_line(
    pattern: AnyPattern,
    text: str,
    trigger: AnyPattern | None = None,
    *,
    shortest: int = MIN_LITERAL,
    timeout: float | None = None,
) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text)`, on the lines holding a trigger only when that is proved
    the same.

    The trigger is a pattern every match holds; by default, the words one of which
    every match contains, read from the pattern's own syntax tree (`shortest`
    characters long at least: shorter ones are in most lines). A pattern with no such
    words, or that can match across a line break, scans the whole text. `timeout` is
    the engine's, for each range scanned.
    """
    ranges = [(0, len(text))]
    if single_line(pattern.pattern):
        if trigger is not None:
            ranges = lines_with(trigger, text)
        elif word_sets := derived_word_sets(pattern.pattern, shortest):
            ranges = lines_with_words(_rarest(word_sets, text), text)
    return finditer_in(pattern, text, ranges, timeout=timeout)


# The shortest opening worth trying a pattern at: one letter is at every other position.
_OPENING_MIN = 2


@_kept(_words_or_none)  # built-in patterns and the rule packs': each read once
def derived_openings(pattern: str) -> frozenset[str] | None:
    """How every match of `pattern` begins (`literals.opening_spellings`), when each
    opening is ASCII and `_OPENING_MIN` characters or more, else None."""
    found = opening_spellings(_ANY_PROPERTY.sub(r"\\w", pattern))  # (as `derived_words`)
    if found is None:
        return None
    # ("café": a match that begins so begins with "caf", which folding finds; a character
    # with no case, "’", matches itself alone)
    heads = frozenset(
        w[: next((i for i, c in enumerate(w) if not _folds_as_itself(c)), len(w))] for w in found
    )
    if not all(len(w) >= _OPENING_MIN for w in heads):
        return None
    return heads


def _folds_as_itself(c: str) -> bool:
    """Is `c` found in the folded text wherever a case-blind pattern matches it: ASCII
    (`literals.gate_fold`), or punctuation ("’", "–"), which has no case?"""
    return c.isascii() or unicodedata.category(c).startswith("P")


def finditer_at_openings(
    pattern: AnyPattern,
    text: str,
    openings: frozenset[str],
    ranges: Iterable[tuple[int, int]],
    *,
    timeout: float | None = None,
) -> Iterator[regex.Match[str]]:
    """`finditer_in(pattern, text, ranges)` for a pattern every match of which begins
    with one of `openings` (`derived_openings`): tried only where one begins, ignoring
    case, in `ranges`. The engine tries a pattern that opens with a look-around or a
    choice of words at every position; these are a few. Each try is the whole text's
    (`match` at that position: what a scan of the whole text tries there), from the
    end of the last match on, as a scan goes on; every match begins at such a
    position, so the same matches are found. (`ranges` are the whole text, or runs of
    lines every match of a pattern `single_line` proves starts in.)"""
    ranges = list(ranges)
    folded = gate_fold(text)
    ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(ranges))
    if len(folded) != len(text) or not ordered:  # (neither happens)
        yield from _finditer_ranges(pattern, text, ranges, timeout=timeout)
        return
    if not ranges:
        return
    compiled = pattern.compiled if isinstance(pattern, LazyPattern) else pattern
    spans = iter(ranges)
    span_end = -1
    after = 0
    # (searched from the first range to the last)
    for start in _openings_at(openings, folded, ranges[0][0], ranges[-1][1]):
        while start >= span_end:  # the range `start` may lie in
            span = next(spans, None)
            if span is None:
                return
            span_start, span_end = span
        if start < span_start or start < after:
            continue
        # (without a timeout, none is passed: a keyword costs each try more than a
        # failed try costs)
        m = (
            compiled.match(text, start)
            if timeout is None
            else compiled.match(text, start, timeout=timeout)
        )
        if m is not None:
            yield m
            after = m.end()


def _rarest(word_sets: tuple[frozenset[str], ...], text: str) -> frozenset[str]:
    """The set of words found least often in `text`: a word of each is in every match,
    so the lines holding any one set's words hold every match ("the[ ]+one[ ]+who" is
    in the lines holding "who", far fewer than those holding "the"). Sets of more words
    than are searched one by one are not counted (an automaton finds those); the first,
    `derived_words`' choice, always is."""
    if len(word_sets) == 1:
        return word_sets[0]
    folded = gate_fold(text)
    counted = [s for i, s in enumerate(word_sets) if i == 0 or len(s) <= _FIND_AT_MOST]
    return min(counted, key=lambda words: sum(folded.count(w) for w in words))


def finditer_in(
    pattern: AnyPattern,
    text: str,
    ranges: Iterable[tuple[int, int]],
    *,
    timeout: float | None = None,
) -> Iterator[regex.Match[str]]:
    """The matches of `pattern` in `text` that start in `ranges`, runs of whole lines
    (line breaks included, as `lines_with` gives them), in order, as a scan of the whole
    text finds them, for a pattern `single_line` proves (or a single range, the whole
    text). A pattern whose matches begin with words (`derived_openings`) is tried only
    where they are (`finditer_at_openings`); any other is scanned range by range.
    `timeout` is the engine's, for each range scanned or each try."""
    openings = derived_openings(pattern.pattern)
    if openings is not None:
        return finditer_at_openings(pattern, text, openings, ranges, timeout=timeout)
    return _finditer_ranges(pattern, text, ranges, timeout=timeout)


def _finditer_ranges(
    pattern: AnyPattern,
    text: str,
    ranges: Iterable[tuple[int, int]],
    *,
    timeout: float | None = None,
) -> Iterator[regex.Match[str]]:
    """`finditer_in`, range by range. Each range is read one character on, past its line
    break: there `$` and `\\Z` hold only for what starts on the next line, and that is
    left to it (see the module's docstring)."""
    size = len(text)
    for start, end in ranges:
        for m in pattern.finditer(text, start, min(end + 1, size), timeout=timeout):
            if m.start() >= end:
                break
            yield m


def finditer_from(
    pattern: AnyPattern, text: str, starts: Iterable[int]
) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text)` for a pattern that never matches empty and whose every
    match starts at one of `starts` (ascending): tried there alone, not at every position
    of the text (a search finds the first of them where a match starts, and goes on
    from its end)."""
    after = 0
    for start in starts:
        if start >= after and (m := pattern.match(text, start)) is not None:
            yield m
            after = m.end()


@_kept(_words_or_none)  # patterns are module constants: each is read once
def derived_words(pattern: str, shortest: int = MIN_LITERAL) -> frozenset[str] | None:
    """The words (lower-case ASCII, `shortest` characters or more) one of which every
    match of `pattern` holds, ignoring case (see `literals.required_literals`), or None
    if there are none."""
    # A Unicode property never spells a word: as a class of word characters it reads
    # the same to the literal finder, which cannot parse `regex`'s own syntax.
    return required_literals(_ANY_PROPERTY.sub(r"\\w", pattern), shortest) or None


@_kept(lambda value: isinstance(value, tuple) and all(_words_or_none(v) and v for v in value))
def derived_word_sets(pattern: str, shortest: int = MIN_LITERAL) -> tuple[frozenset[str], ...]:
    """Every set of words (`literals.required_literal_sets`) a word of which each match
    of `pattern` holds, `derived_words` first; empty where it is None."""
    return required_literal_sets(_ANY_PROPERTY.sub(r"\\w", pattern), shortest)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def split_alternation(pattern: str) -> list[str] | None:
    """The branches of a pattern that is an alternation at its top level, each with the
    pattern's leading flags ("(?i)jan|\\d" -> ["(?i)jan", "(?i)\\d"]), or None. A text
    position matches the pattern where it matches one of them."""
    flags = _GLOBAL_FLAGS.match(pattern)
    head = flags.group() if flags else ""
    body = pattern[len(head) :]
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if body.startswith("^]", i + 1) else 1  # "[]..." and "[^]...": a literal ]
            if body.startswith("]", i):
                i += 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(body[start:i])
            start = i + 1
        i += 1
    if depth or in_class or not branches:
        return None
    branches.append(body[start:])
    return [head + b for b in branches]


@functools.lru_cache(maxsize=256)  # patterns are module constants: each is read once
def words_are_all(pattern: str, shortest: int = MIN_LITERAL) -> bool:
    """Is `pattern` nothing but its `derived_words` ("jan|feb", "the[ ]"), so that the
    lines holding one of them are the lines holding a match (ignoring case)? Not so for
    "\\d(?:st|nd)", whose words ("st", "nd") are in many more lines than it is."""
    words = derived_words(pattern, shortest)
    spellings = exact_spellings(pattern)
    return words is not None and spellings is not None and spellings == words


def lines_with_in(
    trigger: AnyPattern, text: str, ranges: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`lines_with(trigger, text)` for a trigger that `single_line` proves, when every
    line holding a match is in `ranges` (runs of whole lines, as `lines_around` gives
    them): only those are searched, each as `finditer_in` reads it."""
    size = len(text)
    found: list[tuple[int, int]] = []
    for start, end in ranges:
        pos = start
        while pos < end:
            m = trigger.search(text, pos, min(end + 1, size))
            if m is None or m.start() >= end:
                break
            first = text.rfind("\n", 0, m.start()) + 1
            last = text.find("\n", m.end())
            last = size if last < 0 else last + 1
            if found and found[-1][1] == first:
                found[-1] = (found[-1][0], last)
            else:
                found.append((first, last))
            pos = last
    return found


def lines_with_words(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """`lines_with` for a trigger of words matched ignoring case, found as substrings
    of the case-folded text (`literals.gate_fold`) instead of by a compiled pattern:
    the same lines or more, never fewer."""
    folded = gate_fold(text)
    if len(folded) != len(text):  # (folding keeps every length; were it ever not so)
        return [(0, len(text))]
    words = frozenset(words)
    if len(words) > _FIND_AT_MOST:  # one pass of an automaton for them all
        ends = _automaton(words).iter(folded)
        return lines_around(text, ((end - size + 1, end - size + 2) for end, size in ends))
    starts = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            starts.append(at)
            # (a find further on in this line adds no line: the search goes on past it)
            line_end = folded.find("\n", at)
            if line_end < 0:
                break
            at = folded.find(word, line_end + 1)
    return lines_around(text, ((at, at + 1) for at in starts))


# Up to this many words, a search for each is quicker than an automaton's pass.
_FIND_AT_MOST = 8
_INSIDE_WORD = regex.compile(r"[\w'’-]")


def whole_words(words: frozenset[str], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each of `words` (lower case) in `text`, in any case and as a
    whole word (no letter, digit, apostrophe or hyphen either side), in one pass of an
    automaton rather than a pattern tried at every character."""
    folded = gate_fold(text)
    if len(folded) != len(text):  # (a character grew when lower-cased: keep the others')
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for last, size in _automaton(words).iter(folded):
        start, end = last + 1 - size, last + 1
        if (start > 0 and _INSIDE_WORD.match(text, start - 1)) or _INSIDE_WORD.match(text, end):
            continue
        yield start, end


@functools.lru_cache(maxsize=256)  # word sets are read from module constants
def _automaton(words: frozenset[str]) -> Any:
    """An Aho-Corasick automaton of `words`, each giving its length."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def lines_around(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each run of lines that `spans` touch, line breaks included."""
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if ranges and max(start, end - 1) < ranges[-1][1]:
            # (its lines are in the last run already: runs end at a line's end, and the
            # spans come in order of where they start)
            continue
        first = text.rfind("\n", 0, start) + 1
        last = text.find("\n", max(start, end - 1))
        last = len(text) if last < 0 else last + 1
        if ranges and first <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(last, ranges[-1][1]))
        else:
            ranges.append((first, last))
    return ranges
