"""Skip a regex on text that lacks every word it needs.

Most rule-pack regexes can only match where one of a few words occurs ("partner",
"boyfriend", ...). `required_literals` reads a pattern's syntax tree and returns such
a set of words; `LiteralGate` finds, in one Aho-Corasick pass over a chunk, which
patterns could match there, so the others are not run at all. The gate is a
necessary condition, never a guess: a pattern whose words cannot be worked out with
certainty (syntax only the `regex` engine knows, non-ASCII literals, only short
literals) is always run.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any

import ahocorasick
import regex

__all__ = [
    "MIN_LITERAL",
    "REPEAT_OPS",
    "SYNTAX",
    "LiteralGate",
    "exact_spellings",
    "gate_fold",
    "opening_spellings",
    "required_literal_sets",
    "required_literals",
    "standard_tree",
]

# Shorter literals ("on", "at") are in every chunk and would only cost time.
MIN_LITERAL = 3
# Optional parts and alternations multiply the spellings of a word ("an? STIs?"):
# beyond this many, the word is cut there.
_MAX_SPELLINGS = 64

try:  # the standard library's regex parser (private since Python 3.11)
    _parser: Any = importlib.import_module("re._parser")
    SYNTAX: Any = importlib.import_module("re._constants")  # the parser's node codes
except ImportError:  # pragma: no cover - Python 3.10
    _parser = importlib.import_module("sre_parse")
    SYNTAX = importlib.import_module("sre_constants")
_c = SYNTAX

# `regex`-only syntax the standard parser would misread as literals or as something
# else (fuzzy matching "{e<=1}", POSIX classes, named lists, version and flag
# switches): such a pattern is never gated.
_FOREIGN = regex.compile(
    r"\{(?!\d*,?\d*\})|\[\[:|\\[LpPXGmMN]|\(\?[aiLmsux-]*[bBeEfprVw]|\(\?[|(]|\(\*"
)
_BACKSLASH_K = regex.compile(r"(?<!\\)((?:\\\\)*)\\K")

REPEAT_OPS = tuple(  # the node codes of a repeat, in this Python's parser
    op
    for op in (
        getattr(_c, "MAX_REPEAT", None),
        getattr(_c, "MIN_REPEAT", None),
        getattr(_c, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)

_ZERO_WIDTH = tuple(
    getattr(_c, name) for name in ("AT", "ASSERT", "ASSERT_NOT") if hasattr(_c, name)
)

# Characters that case-insensitive `regex` matching equates with an ASCII letter but
# str.lower() does not turn into it (found by trying every code point).
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s", "\u212a": "k"})


def gate_fold(text: str) -> str:
    """The text as the gate searches it: ASCII literals match it case-insensitively."""
    if "\u0130" in text or "\u017f" in text or "\u212a" in text:
        return text.translate(_FOLD_TO_ASCII).lower()
    return text.lower()  # nothing to translate (a per-character table lookup is slow)


def _minimal(words: set[str]) -> frozenset[str]:
    """Drop every word that contains another: text with the longer has the shorter."""
    ordered = sorted(words, key=len)
    kept: list[str] = []
    for w in ordered:
        if not any(k in w for k in kept):
            kept.append(w)
    return frozenset(kept)


def _usable(words: frozenset[str] | None, shortest: int) -> bool:
    return bool(words) and all(len(w) >= shortest and w.isascii() for w in words or ())


def _best(candidates: list[frozenset[str]], shortest: int) -> frozenset[str] | None:
    """The most selective usable set: the one whose shortest word is longest."""
    found = [c for c in candidates if _usable(c, shortest)]
    if not found:
        return None
    return max(found, key=lambda s: min(len(w) for w in s))


def _concat(left: set[str], right: set[str]) -> set[str] | None:
    if len(left) * len(right) > _MAX_SPELLINGS:
        return None
    return {a + b for a in left for b in right}


def _exact(op: Any, av: Any) -> set[str] | None:
    """Every string one element can match, when that is a short list, else None."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op in _ZERO_WIDTH:
        return {""}  # consumes nothing: the words on either side touch
    if op is _c.IN:
        if len(av) > _MAX_SPELLINGS or any(o is not _c.LITERAL for o, _ in av):
            return None
        return {chr(v).lower() for _, v in av}
    if op is _c.SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is _c.BRANCH:
        spellings: set[str] = set()
        for branch in av[1]:
            found = _exact_sequence(branch)
            if found is None:
                return None
            spellings |= found
        return spellings if len(spellings) <= _MAX_SPELLINGS else None
    if op in REPEAT_OPS and av[1] <= 1:  # "x?" or "x{1}"
        body = _exact_sequence(av[2])
        if body is None:
            return None
        return body | {""} if av[0] == 0 else body
    return None


def _exact_sequence(items: Any) -> set[str] | None:
    spellings: set[str] | None = {""}
    for op, av in items:
        found = _exact(op, av)
        if found is None or spellings is None:
            return None
        spellings = _concat(spellings, found)
    return spellings


def _required(items: Any, shortest: int) -> frozenset[str] | None:
    """A set of words one of which every match of `items` contains, or None."""
    return _best(_candidates(items, shortest), shortest)


def _candidates(items: Any, shortest: int) -> list[frozenset[str]]:
    """Sets of words, one word of each set in every match of `items` (every set is
    required: they are read from the elements of one sequence)."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}  # every spelling of the exact elements since the last break

    def flush() -> None:
        if run != {""}:
            candidates.append(_minimal(run))
        run.clear()
        run.add("")

    for op, av in items:
        found = _exact(op, av)
        joined = None if found is None else _concat(run, found)
        if joined is not None:
            run.clear()
            run.update(joined)
            continue
        flush()
        if found is not None:  # exact but too many spellings to join: start afresh
            run.clear()
            run.update(found)
            continue
        inner: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            inner = _required(av[-1], shortest)
        elif op is _c.BRANCH:
            branches = [_required(b, shortest) for b in av[1]]
            if all(b is not None for b in branches):
                inner = _minimal(set().union(*(b for b in branches if b is not None)))
        elif op in REPEAT_OPS and av[0] >= 1:
            inner = _required(av[2], shortest)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            inner = _required(av, shortest)
        # Anything else (classes, lookarounds, backreferences) needs no word.
        if inner is not None:
            candidates.append(inner)
    flush()
    return candidates


def required_literals(pattern: str, shortest: int = MIN_LITERAL) -> frozenset[str] | None:
    """Lower-case ASCII words, one of which (ignoring case) is in every match, or None.

    None means "always run this pattern": the pattern uses syntax only `regex` knows,
    the standard parser rejects it, or no word of at least `shortest` characters is
    certain.
    """
    tree = standard_tree(pattern)
    return None if tree is None else _required(tree, shortest)


def required_literal_sets(pattern: str, shortest: int = MIN_LITERAL) -> tuple[frozenset[str], ...]:
    """Every set of words `required_literals` chooses from, the one it chooses first: each
    match of `pattern` holds a word of each set ("the[ ]+one[ ]+who": "the", "one" and
    "who"). Empty where `required_literals` is None."""
    tree = standard_tree(pattern)
    if tree is None:
        return ()
    candidates = _candidates(tree, shortest)
    best = _best(candidates, shortest)
    if best is None:
        return ()
    return (best, *(c for c in dict.fromkeys(candidates) if c != best and _usable(c, shortest)))


def opening_spellings(pattern: str) -> frozenset[str] | None:
    """Texts one of which every match of `pattern` begins with, lower-case: the exact
    elements it opens with, spelled out, and the openings of the first element that is
    not exact ("(?<![\\w])(?:is|was)[ ]+\\w+": "is", "was"), or None where a match may
    begin anyhow. (A `\\K` moves a match's start: such a pattern gives None.)"""
    tree = None if _BACKSLASH_K.search(pattern) else standard_tree(pattern)
    found = None if tree is None else _opening(tree)
    if not found or "" in found:
        return None
    return frozenset(w for w in found if not any(w.startswith(o) and w != o for o in found))


def _opening(items: Any) -> set[str] | None:
    """Openings of a sequence: every match of it begins with one of these."""
    openings: set[str] = {""}
    for op, av in items:
        found = _exact(op, av)  # (a look-around or an anchor: "", nothing consumed)
        if found is not None:
            joined = _concat(openings, found)
            if joined is None:  # too many spellings: what is read so far begins a match
                return openings
            openings = joined
            continue
        inner: set[str] | None = None
        if op is _c.SUBPATTERN:
            inner = _opening(av[-1])
        elif op is _c.BRANCH:
            inner = set()
            for branch in av[1]:
                begins = _opening(branch)
                if begins is None:
                    inner = None
                    break
                inner |= begins
        elif op in REPEAT_OPS and av[0] >= 1:
            inner = _opening(av[2])
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            inner = _opening(av)
        if inner is not None:  # (an opening of the element: nothing after it is read)
            if openings == {""}:
                return inner
            return _concat(openings, inner) or openings
        return openings  # a class, a repeat that may be absent...: stop here
    return openings


def exact_spellings(pattern: str) -> frozenset[str] | None:
    """Every text `pattern` matches, lower-case, when they are a short list of words
    and the pattern reads nothing around them ("jan|feb", "the[ ]"), else None."""
    tree = standard_tree(pattern)
    if tree is None or _reads_around(tree):
        return None
    found = _exact_sequence(tree)
    return None if found is None or "" in found else _minimal(found)


def _reads_around(items: Any) -> bool:
    """Does an anchor, a word boundary or a look-around appear anywhere in `items`?"""
    for op, av in items:
        if op in _ZERO_WIDTH:
            return True
        if op is _c.SUBPATTERN and _reads_around(av[-1]):
            return True
        if op is _c.BRANCH and any(_reads_around(b) for b in av[1]):
            return True
        if op in REPEAT_OPS and _reads_around(av[2]):
            return True
    return False


def standard_tree(pattern: str) -> Any:
    """The standard library's syntax tree of a `regex` pattern, or None when the
    pattern uses syntax only `regex` knows or the standard parser rejects it.

    `regex` lets one group name stand in several branches ("(?P<day>...)|...(?P<day>
    ...)"), which the standard parser refuses: such a pattern is read with the repeated
    names dropped (the groups stay, so the tree matches the same texts), unless it
    refers back to a group, where the numbering of the two parsers would differ."""
    if _FOREIGN.search(pattern):
        return None
    source = _BACKSLASH_K.sub(r"\1", pattern)
    try:
        return _parser.parse(source)
    except Exception:  # the standard parser rejects it: perhaps a repeated group name
        pass
    if _BACKREFERENCE.search(source):
        return None
    try:
        return _parser.parse(source, 0, _NamesMayRepeat())
    except Exception:  # rejected for another reason: the caller assumes nothing
        return None


def _open_group(state: Any, name: str | None = None) -> Any:
    """`State.opengroup`, with a name already given left off this group."""
    return _parser.State.opengroup(state, None if name in state.groupdict else name)


# The standard parser's state, letting a group name repeat (see `standard_tree`).
_NamesMayRepeat: Any = type("_NamesMayRepeat", (_parser.State,), {"opengroup": _open_group})
# Anything that may refer back to a group: a numbered or named reference, a condition.
_BACKREFERENCE = regex.compile(r"\\[1-9]|\\g|\(\?P=|\(\?\(")


class LiteralGate:
    """Which of a list of patterns could match a given text."""

    def __init__(
        self,
        patterns: Sequence[str],
        words: Sequence[frozenset[str] | None] | None = None,
    ) -> None:
        """`words`: `required_literals` of each pattern, when already worked out."""
        if words is None:
            words = [required_literals(p) for p in patterns]  # parsed once each
        elif len(words) != len(patterns):
            raise ValueError("one set of words per pattern")
        self.always: frozenset[int] = frozenset(i for i, w in enumerate(words) if w is None)
        table: dict[str, set[int]] = {}
        for i, needed in enumerate(words):
            for word in needed or ():
                table.setdefault(word, set()).add(i)
        self._automaton: Any = None
        if table:
            self._automaton = ahocorasick.Automaton()
            for word, indices in table.items():
                self._automaton.add_word(word, frozenset(indices))
            self._automaton.make_automaton()
        self.size = len(patterns)

    def candidates(self, text: str) -> frozenset[int]:
        """Indices of the patterns that may match `text` (all others cannot)."""
        return self.always | frozenset(self.words_at(text))

    def words_at(self, text: str) -> dict[int, list[int]]:
        """Index -> where in `text` its words end (the offset of each one's last
        character), for every pattern with words that may match `text`; the patterns
        in `always` are not listed. An empty list: found, but not where (a text whose
        folding changes its length, which does not happen)."""
        found: dict[int, list[int]] = {}
        if self._automaton is None:
            return found
        folded = gate_fold(text)
        placed = len(folded) == len(text)
        for end, indices in self._automaton.iter(folded):
            for i in indices:
                ends = found.setdefault(i, [])
                if placed:
                    ends.append(end)
        return found
