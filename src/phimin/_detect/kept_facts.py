"""What `lines` works out from phimin's own patterns, kept between runs.

To run a pattern only on the lines that can hold a match, `lines` reads its syntax
tree: can a match cross a line break, which words does every match hold, how does every
match begin. With some thousand patterns, parsing them again in each process (the
standard library's parser, written in Python) had become half of a short run's first
redaction. The answers depend only on a pattern's text and on the code that reads it,
so they are kept in phimin's cache folder (`phimin._derived`), under a key over that
code, and read back by the next run.

Only answers about phimin's own patterns are written: the module constants of its code,
compiled or lazy (`phimin._lazy_regex`), and their top-level branches. A pattern of a
user's own rule pack, or one built while reading a text (the names found so far), is
worked out in memory and never leaves the process (see SECURITY.md: the cache never
holds text nor a user's pack).
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import regex

from phimin import _derived, _lazy_regex

__all__ = ["KeptFacts", "keep_new_facts"]

_V = TypeVar("_V")
_KIND = "line-facts"
_lock = threading.Lock()
_all: dict[str, KeptFacts[Any]] = {}
_state = {"read": False, "new": False}
_counts = {"read": 0}  # answers read back: a run that adds none of its own writes nothing


class KeptFacts(Generic[_V]):
    """A memo of `function(pattern, *rest)`, read from and kept in the cache folder.

    `valid` checks a value read back (a damaged or foreign file is ignored)."""

    def __init__(
        self, name: str, function: Callable[..., _V], valid: Callable[[Any], bool]
    ) -> None:
        self.name = name
        self.function = function
        self.valid = valid
        self.values: dict[tuple[Hashable, ...], _V] = {}
        _all[name] = self
        functools.update_wrapper(self, function)

    def __call__(self, *args: Any) -> _V:
        try:
            return self.values[args]
        except KeyError:
            pass
        if not _state["read"]:
            _read()
            if args in self.values:
                return self.values[args]
        value = self.values[args] = self.function(*args)
        _state["new"] = True
        return value

    def cache_clear(self) -> None:
        self.values.clear()


def _fingerprint() -> _derived.Fingerprint:
    lines = sys.modules["phimin._detect.lines"]
    literals = sys.modules["phimin._detect.literals"]
    return _derived.Fingerprint(_KIND).code(lines, literals, sys.modules[__name__])


def _read() -> None:
    with _lock:
        if _state["read"]:
            return
        _state["read"] = True
        plain = _derived.read_kept(_fingerprint())
        if not isinstance(plain, dict):
            return
        for name, entries in plain.items():
            kept = _all.get(name)
            if kept is None or not isinstance(entries, dict):
                continue
            for args, value in entries.items():
                if _key(args) and kept.valid(value):
                    kept.values.setdefault(args, value)
                    _counts["read"] += 1


def _key(args: Any) -> bool:
    """A key as `KeptFacts` writes them: the pattern, then its other arguments."""
    return isinstance(args, tuple) and bool(args) and isinstance(args[0], str)


@functools.cache
def _own_patterns() -> frozenset[str]:
    """The texts of phimin's own patterns: every lazy one; every compiled pattern and
    pattern rule (`PatternSpec`: its regex and its trigger) its modules hold as
    constants, alone or in a tuple; and their top-level branches."""
    from phimin._detect.lines import split_alternation
    from phimin._detect.patterns import PatternSpec

    own: set[str] = {made.pattern for made in _lazy_regex.made()}

    def add(value: object, depth: int = 0) -> None:
        if isinstance(value, regex.Pattern | _lazy_regex.LazyPattern):
            if isinstance(value.pattern, str):
                own.add(value.pattern)
        elif isinstance(value, PatternSpec):
            own.update((value.pattern, value.trigger))
        elif isinstance(value, tuple) and depth < 2:
            for item in value:
                add(item, depth + 1)

    for name, module in list(sys.modules.items()):
        if name == "phimin" or name.startswith("phimin."):
            for value in list(vars(module).values()):
                add(value)
    for pattern in list(own):
        own.update(split_alternation(pattern) or ())
    return frozenset(own)


def keep_new_facts() -> None:
    """Write what this process worked out about phimin's own patterns, if anything is
    new, beside what was read (best effort; nothing else is written)."""
    if not _state["new"]:
        return
    with _lock:
        if not _state["new"]:
            return
        _state["new"] = False
        own = _own_patterns()
        plain = {
            name: {args: value for args, value in list(kept.values.items()) if args[0] in own}
            for name, kept in _all.items()
        }
        found = sum(len(entries) for entries in plain.values())
        if found > _counts["read"]:  # (only a user's patterns or the text's were new)
            _derived.write_kept(_fingerprint(), plain)
            _counts["read"] = found
