"""Regexes compiled when first used, not when their module is imported.

A short run (the pre-commit check on one draft) meets few of phimin's patterns: an
address pattern waits for an address cue, a date form for a date. Compiling all of
them at import cost a tenth of a second before any text was read. `lazy` gives an
object with the `Pattern` methods phimin calls; the pattern compiles on the first call
and the compiled one is kept. Two threads may both compile it: the same pattern either
way. The patterns are constants of phimin's code; `compile_all` compiles every one made
so far, so a test proves none of them is broken (a rule pack's regexes, which users
write, are still checked when the pack loads).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import regex

__all__ = ["AnyPattern", "LazyPattern", "compile_all", "lazy", "made"]

_made: list[LazyPattern] = []


class LazyPattern:
    """A regex compiled on its first use (see the module's docstring)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = regex.compile(self._source, self._flags)
        return compiled

    @property
    def pattern(self) -> str:
        return self._source

    def search(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(
        self, string: str, pos: int = 0, endpos: int | None = None, *, partial: bool = False
    ) -> regex.Match[str] | None:
        return self.compiled.match(string, pos, endpos, partial=partial)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> regex.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self,
        string: str,
        pos: int = 0,
        endpos: int | None = None,
        *,
        overlapped: bool = False,
        timeout: float | None = None,
    ) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(string, pos, endpos, overlapped=overlapped, timeout=timeout)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self.compiled.findall(string, pos, endpos)

    def sub(
        self, repl: str | Callable[[regex.Match[str]], str], string: str, count: int = 0
    ) -> str:
        return self.compiled.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"LazyPattern({self._source[:40]!r}..., {state})"


# Where a function takes either: a compiled pattern or one compiled on first use.
AnyPattern: TypeAlias = "regex.Pattern[str] | LazyPattern"


def lazy(source: str, flags: int = 0) -> LazyPattern:
    """`regex.compile(source, flags)`, done on first use."""
    made = LazyPattern(source, flags)
    _made.append(made)
    return made


def made() -> tuple[LazyPattern, ...]:
    """Every lazy pattern made so far (phimin's own: the module constants of its code)."""
    return tuple(_made)


def compile_all() -> int:
    """Compile every lazy pattern made so far (a syntax error raises); how many."""
    for made in tuple(_made):
        made.compiled  # noqa: B018 - compiling is the point
    return len(_made)
